package org.sheaf.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;
import org.sheaf.jekyll.Repository;

/**
 * A site's configuration: Jekyll's keys with Jekyll's defaults, the files named in
 * {@code --config} merged in order, and the command line's overrides applied last.
 *
 * <p>Every key, known or not, stays in {@link #values()} so templates reach it as
 * {@code site.KEY}. The typed accessors cover the keys the pipeline itself reads. Folder
 * accessors return absolute, normalised paths.
 */
public final class SiteConfig {
    /** The two ways a site can be laid out on disk (DESIGN.md, "Site layouts"). */
    public enum Kind {
        /** {@code content/} beside {@code templates/}, output to {@code site/}. */
        SHEAF,
        /** A Jekyll folder: source {@code .}, {@code _layouts/}, output to {@code _site/}. */
        JEKYLL
    }

    private final Kind kind;
    private final Path siteRoot;
    private final Path source;
    private final Path destination;
    private final Path layoutsDir;
    private final Path includesDir;
    private final Path dataDir;
    private final Path collectionsDir;
    /** {@code collections_dir} from the source with a trailing {@code /}; "" when unset. */
    private final String collectionsPrefix;
    private final ZoneId timezone;
    private final Map<String, Object> values;
    private final Map<String, Collection> collections;
    private final Map<String, Origin> origins;
    private final SiteFiles files;
    private final Theme theme;
    private final Repository repository;

    SiteConfig(Kind kind, Path siteRoot, Path source, Path destination, Path layoutsDir, Path includesDir,
            Path dataDir, Path collectionsDir, ZoneId timezone, Map<String, Object> values,
            Map<String, Collection> collections, Map<String, Origin> origins, Theme theme) {
        this.kind = kind;
        this.siteRoot = siteRoot;
        this.source = source;
        this.destination = destination;
        this.layoutsDir = layoutsDir;
        this.includesDir = includesDir;
        this.dataDir = dataDir;
        this.collectionsDir = collectionsDir;
        String inSource = source.relativize(collectionsDir).toString().replace('\\', '/');
        this.collectionsPrefix = inSource.isEmpty() ? "" : inSource + "/";
        this.timezone = timezone;
        this.values = Collections.unmodifiableMap(values);
        this.collections = Collections.unmodifiableMap(collections);
        this.origins = Map.copyOf(origins);
        this.theme = theme;
        this.files = theme == null ? SiteFiles.within(siteRoot) : SiteFiles.within(siteRoot, theme.root());
        this.repository = Repository.parse(values.get("repository"), values.get("branch")).orElse(null);
    }

    /**
     * The GitHub repository of the sources, from {@code repository:} and {@code branch:}; empty
     * when {@code repository:} is missing or names no repository.
     */
    public java.util.Optional<Repository> repository() {
        return java.util.Optional.ofNullable(repository);
    }

    /** The theme gem {@code theme:} names, found on disk; empty when the site has none. */
    public java.util.Optional<Theme> theme() {
        return java.util.Optional.ofNullable(theme);
    }

    /**
     * One collection from {@code collections:}. {@code posts} is always present.
     *
     * @param label     the name, as in {@code site.notes}
     * @param output    whether its documents become pages
     * @param permalink its permalink template or style; null when the collection sets none
     * @param values    every key of the collection's entry, for {@code site.collections}
     */
    public record Collection(String label, boolean output, String permalink, Map<String, Object> values) {
    }

    public Kind kind() {
        return kind;
    }

    /** The folder the user pointed sheaf at; diagnostics print paths relative to it. */
    public Path siteRoot() {
        return siteRoot;
    }

    /** {@code path} as diagnostics name it: relative to the site root, or absolute when outside it. */
    public String sitePath(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return normal.startsWith(siteRoot) ? siteRoot.relativize(normal).toString().replace('\\', '/')
                : normal.toString();
    }

    /** How the site's files are read: only regular files whose real place is inside the site root (or the theme's folder). */
    public SiteFiles files() {
        return files;
    }

    public Path source() {
        return source;
    }

    public Path destination() {
        return destination;
    }

    public Path layoutsDir() {
        return layoutsDir;
    }

    public Path includesDir() {
        return includesDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path collectionsDir() {
        return collectionsDir;
    }

    /**
     * A document's path as Jekyll's document gives it (its {@code relative_path}, and the path
     * its front matter defaults are scoped by): {@code relativePath}, from the source, taken from
     * inside {@code collections_dir}, so {@code my/_posts/a.md} reads {@code _posts/a.md}.
     */
    public String documentPath(String relativePath) {
        return relativePath.startsWith(collectionsPrefix) ? relativePath.substring(collectionsPrefix.length()) : relativePath;
    }

    /** The site's time zone ({@code timezone:}), or the machine's when none is set, as in Jekyll. */
    public ZoneId timezone() {
        return timezone;
    }

    /** Every configuration value, Jekyll defaults included; read-only. */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * This configuration with {@code changed} put over its values (a plugin's defaults filled in
     * after loading); everything else, origins included, stays.
     */
    public SiteConfig with(Map<String, Object> changed) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(values);
        merged.putAll(changed);
        return new SiteConfig(kind, siteRoot, source, destination, layoutsDir, includesDir, dataDir, collectionsDir,
                timezone, merged, collections, origins, theme);
    }

    /** The collections, {@code posts} first, then in the order the config lists them. */
    public Map<String, Collection> collections() {
        return collections;
    }

    public Object get(String key) {
        return values.get(key);
    }

    /**
     * The dotted key of a sheaf feature whose name Jekyll themes also use ({@code search}): a sheaf
     * site sets it at the top of its config (or under {@code sheaf:}); a Jekyll site only under
     * {@code sheaf:}, because a theme's own {@code search:} key must not switch on sheaf's files.
     */
    public String featureKey(String key) {
        return kind == Kind.SHEAF && values.containsKey(key) ? key : "sheaf." + key;
    }

    /** The value at {@link #featureKey}; null when the site does not ask for the feature. */
    public Object feature(String key) {
        String dotted = featureKey(key);
        if (!dotted.startsWith("sheaf.")) {
            return values.get(key);
        }
        return values.get("sheaf") instanceof Map<?, ?> own ? own.get(key) : null;
    }

    /** A value as text, or {@code fallback} when absent or null. */
    public String string(String key, String fallback) {
        Object value = values.get(key);
        return value == null ? fallback : value.toString();
    }

    /** A value as a boolean with Ruby's truthiness: only absent, null and false are false. */
    public boolean flag(String key) {
        Object value = values.get(key);
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** A value as a list of strings: a list's items, a single value as a one-item list. */
    public List<String> strings(String key) {
        return ConfigLoader.stringList(values.get(key));
    }

    /**
     * {@code baseurl} as the path that sheaf's own URLs start with: what Jekyll's URL filters make
     * of it, one trailing {@code /} chomped and a leading one ensured ({@code '/blog/'} and
     * {@code blog} give {@code /blog}, {@code /} gives ""); "" when unset. Templates see the value
     * as written, as {@code site.baseurl}.
     */
    public String baseurl() {
        String base = string("baseurl", "");
        String chomped = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return chomped.isEmpty() || chomped.startsWith("/") ? chomped : "/" + chomped;
    }

    /**
     * {@code url} as written, "" when unset. Jekyll's {@code absolute_url} puts it before the
     * relative URL untouched, so a trailing {@code /} gives {@code https://x.org//about/} there and
     * here alike.
     */
    public String url() {
        return string("url", "");
    }

    public String permalink() {
        return string("permalink", "date");
    }

    public boolean future() {
        return flag("future");
    }

    public boolean showDrafts() {
        return flag("show_drafts");
    }

    public boolean unpublished() {
        return flag("unpublished");
    }

    public String excerptSeparator() {
        return string("excerpt_separator", "\n\n");
    }

    /** File extensions (without dot, lower case) that are Markdown, from {@code markdown_ext}. */
    public List<String> markdownExtensions() {
        return List.of(string("markdown_ext", "markdown,mkdown,mkdn,mkd,md").toLowerCase().split("\\s*,\\s*"));
    }

    /**
     * Why no output may be written at {@code outputPath} (relative to the destination,
     * {@code /}-separated, normalised), or empty when it may. Two kinds of place are the
     * destination's own and never the site's: a {@code .git} folder at any depth (a page written
     * as {@code .git/config} could make the next {@code git status} there run a command of the
     * page's choosing), and everything a {@code keep_files} entry keeps from the previous site.
     */
    public Optional<String> outputRefusal(String outputPath) {
        for (String segment : outputPath.split("/")) {
            if (segment.equalsIgnoreCase(".git")) {
                return Optional.of("is inside a .git folder, which a site may never write");
            }
        }
        for (String entry : strings("keep_files")) {
            String kept = entry.replaceAll("^/+|/+$", "");
            if (!kept.isEmpty() && (outputPath.equals(kept) || outputPath.startsWith(kept + "/")
                    || kept.startsWith(outputPath + "/"))) {
                return Optional.of("is kept from the previous site (keep_files: " + kept + "); the build may not replace it");
            }
        }
        return Optional.empty();
    }

    /**
     * Where a configuration key (dotted, {@code defaults.0.scope}) was set: its own line in the
     * config file that set it; for a key no file wrote (an item the command line or a default
     * added), its nearest parent's; for a key none of whose parents a file wrote either, the start
     * of the first config file.
     */
    public Origin originOf(String dottedKey) {
        return originOf(origins, dottedKey);
    }

    /** {@link #originOf} among the origins the loader has recorded so far. */
    static Origin originOf(Map<String, Origin> origins, String dottedKey) {
        for (String key = dottedKey; ; key = key.substring(0, key.lastIndexOf('.'))) {
            Origin origin = origins.get(key);
            if (origin != null) {
                return origin;
            }
            if (!key.contains(".")) {
                return origins.getOrDefault("", new Origin("_config.yml", new Position(1, 1)));
            }
        }
    }

    /** An error about the value of a configuration key, at {@link #originOf its origin}. */
    public Diagnostic errorAt(String dottedKey, String message) {
        return originOf(dottedKey).error(message);
    }

    /**
     * Where in which config file a key was set.
     *
     * @param path     the file, relative to the site root (as written in full when outside it, as
     *                 a theme's {@code _config.yml} is)
     * @param position the key's line and column there
     */
    public record Origin(String path, Position position) {
        /** An error about the key's value, at the key. */
        public Diagnostic error(String message) {
            return Diagnostic.error(path, position, message);
        }

        /** A warning about the key's value, at the key. */
        public Diagnostic warning(String message) {
            return Diagnostic.warning(path, position, message);
        }
    }
}
