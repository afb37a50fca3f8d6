package org.sheaf.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;
import org.sheaf.jekyll.RubyTime;

/**
 * Reads a site's {@code _config.yml} (or the files named by {@code --config}) into a
 * {@link SiteConfig}: Jekyll's defaults, then each file deep-merged in order, then the
 * command line's {@link Overrides}.
 *
 * <p>Every failure is a positioned {@link DiagnosticException}; the CLI exits with 2 for them.
 */
public final class ConfigLoader {
    /**
     * What the command line says, applied over the config files. Null fields leave the config alone.
     *
     * @param configFiles files to read instead of the site's own {@code _config.yml}, merged in order
     * @param destination output folder, relative to the working directory
     */
    public record Overrides(List<Path> configFiles, Path destination, String baseurl, String url,
            boolean drafts, boolean future, boolean unpublished, boolean githubPages, List<Path> themePaths) {
        public Overrides {
            themePaths = List.copyOf(themePaths);
        }

        public Overrides(List<Path> configFiles, Path destination, String baseurl, String url,
                boolean drafts, boolean future, boolean unpublished, boolean githubPages) {
            this(configFiles, destination, baseurl, url, drafts, future, unpublished, githubPages, List.of());
        }

        public Overrides(List<Path> configFiles, Path destination, String baseurl, String url,
                boolean drafts, boolean future, boolean unpublished) {
            this(configFiles, destination, baseurl, url, drafts, future, unpublished, false);
        }

        public static Overrides none() {
            return new Overrides(List.of(), null, null, null, false, false, false, false);
        }

        /** These overrides with {@code paths} searched first for {@code theme:} gems. */
        public Overrides withThemePaths(List<Path> paths) {
            return new Overrides(configFiles, destination, baseurl, url, drafts, future, unpublished, githubPages, paths);
        }
    }

    /**
     * The config keys of the plugins GitHub Pages runs on every site, each switched on with
     * {@code KEY: {enabled: true}} (or by listing the plugin), and all of them by {@code github_pages: true}.
     */
    public static final Map<String, String> GITHUB_PAGES_PLUGINS = Map.of(
            "relative_links", "jekyll-relative-links",
            "optional_front_matter", "jekyll-optional-front-matter",
            "default_layout", "jekyll-default-layout",
            "titles_from_headings", "jekyll-titles-from-headings",
            "readme_index", "jekyll-readme-index");

    private static final java.util.regex.Pattern COLLECTION_LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

    private ConfigLoader() {
    }

    /**
     * Loads the configuration of the site in {@code siteRoot}.
     *
     * @throws DiagnosticException for unreadable or invalid config files and invalid values
     */
    public static SiteConfig load(Path siteRoot, Overrides overrides) throws DiagnosticException {
        Path root = siteRoot.toAbsolutePath().normalize();
        SiteConfig.Kind kind = Files.isDirectory(root.resolve("content")) ? SiteConfig.Kind.SHEAF : SiteConfig.Kind.JEKYLL;
        Path defaultSource = kind == SiteConfig.Kind.SHEAF ? root.resolve("content") : root;

        Map<String, SiteConfig.Origin> origins = new LinkedHashMap<>();
        Map<String, Object> values = merged(root, defaultSource, overrides, ZoneOffset.UTC, origins);
        ZoneId zone = timezone(values, origins);
        if (!zone.equals(ZoneOffset.UTC)) {
            // Psych shows a time written without a zone in the site's zone, which is known only now
            origins = new LinkedHashMap<>();
            values = merged(root, defaultSource, overrides, zone, origins);
        }
        Path source = resolveDir(root, values, "source", defaultSource);
        Path destination = overrides.destination() != null
                ? overrides.destination().toAbsolutePath().normalize()
                : resolveDir(root, values, "destination",
                        kind == SiteConfig.Kind.SHEAF ? root.resolve("site") : root.resolve("_site"));
        Path layouts = resolveDir(source, values, "layouts_dir",
                kind == SiteConfig.Kind.SHEAF ? root.resolve("templates") : source.resolve("_layouts"));
        Path includes = resolveDir(source, values, "includes_dir",
                kind == SiteConfig.Kind.SHEAF ? root.resolve("templates").resolve("includes") : source.resolve("_includes"));
        Path data = resolveDir(source, values, "data_dir", source.resolve("_data"));
        Path collectionsDir = resolveDir(source, values, "collections_dir", source);

        List<Map.Entry<String, Path>> confined = new ArrayList<>(List.of(Map.entry("source", source),
                Map.entry("layouts_dir", layouts), Map.entry("includes_dir", includes), Map.entry("data_dir", data),
                Map.entry("collections_dir", collectionsDir)));
        if (overrides.destination() == null) {
            // A build empties its destination: from a config, which anyone may send in a pull
            // request, it must be inside the site; only the command line may name a folder elsewhere.
            confined.add(Map.entry("destination", destination));
        }
        for (Map.Entry<String, Path> folder : confined) {
            boolean inside = folder.getValue().startsWith(root) && (!folder.getKey().equals("destination")
                    || realPlace(folder.getValue()).startsWith(realPlace(root)));
            if (!inside) {
                SiteConfig.Origin origin = SiteConfig.originOf(origins, folder.getKey());
                throw new DiagnosticException(origin.error(
                        folder.getKey() + " \"" + values.get(folder.getKey()) + "\" is outside the site folder")
                        .withHint(folder.getKey().equals("destination")
                                ? "a build replaces its destination, so one named in the config must be inside the site; "
                                        + "to build elsewhere, give --destination on the command line"
                                : "sheaf reads only files inside " + root));
            }
        }
        values.put("source", source.toString());
        values.put("destination", destination.toString());
        values.put("layouts_dir", layouts.toString());
        values.put("includes_dir", includes.toString());
        values.put("data_dir", data.toString());
        values.putIfAbsent("collections_dir", "");
        Map<String, SiteConfig.Collection> collections = collections(values, origins, root);
        Theme theme = theme(values, origins, root, overrides.themePaths());
        if (theme != null) {
            values = withThemeConfig(values, theme, origins, zone);
        }
        return new SiteConfig(kind, root, source, destination, layouts, includes, data, collectionsDir, zone,
                values, collections, origins, theme);
    }

    /**
     * Jekyll's defaults, then the config files in order, then the command line's overrides, with
     * YAML times read for {@code zone}; records where each key came from in {@code origins}.
     */
    private static Map<String, Object> merged(Path root, Path defaultSource, Overrides overrides, ZoneId zone,
            Map<String, SiteConfig.Origin> origins) throws DiagnosticException {
        Map<String, Object> values = JekyllDefaults.values();
        List<Path> files = overrides.configFiles().isEmpty()
                ? List.of(defaultSource.resolve("_config.yml"))
                : overrides.configFiles().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path file : files) {
            String shown = relativeName(root, file);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (overrides.configFiles().isEmpty()) {
                    continue;  // a site without _config.yml builds with the defaults, as in Jekyll
                }
                throw new DiagnosticException(Diagnostic.error(shown, Position.FILE, "config file not found"));
            }
            // The site's own _config.yml is a site file; a file the command line names may be anywhere.
            mergeFile(overrides.configFiles().isEmpty() ? SiteFiles.within(root) : SiteFiles.anywhere(),
                    file, shown, values, origins, zone);
        }
        applyOverrides(values, overrides);
        addDefaultExcludes(values);

        return values;
    }

    /**
     * {@code values} over the theme's own {@code _config.yml}, as Jekyll reads it: the site's values
     * win, the theme cannot set a key Jekyll has a default for, and {@code ignore_theme_config: true}
     * or a symbolic link leaves the theme's file unread. A key the theme sets and the site does not
     * gets its origin in the theme's file.
     */
    private static Map<String, Object> withThemeConfig(Map<String, Object> values, Theme theme,
            Map<String, SiteConfig.Origin> origins, ZoneId zone) throws DiagnosticException {
        Path file = theme.root().resolve("_config.yml");
        if (Boolean.TRUE.equals(values.get("ignore_theme_config")) || !Files.isRegularFile(file)
                || Files.isSymbolicLink(file)) {
            return values;
        }
        String shown = file.toString();
        String text = new String(SiteFiles.within(theme.root()).read(file, shown), StandardCharsets.UTF_8);
        YamlDocument document = YamlParser.parse(text, shown, 1, zone, shown);
        if (!(document.value() instanceof Map<?, ?> map)) {
            return values;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        Set<String> defaults = JekyllDefaults.values().keySet();
        document.positions().forEach((key, position) -> {
            if (!key.isEmpty() && !defaults.contains(key.contains(".") ? key.substring(0, key.indexOf('.')) : key)) {
                origins.putIfAbsent(key, new SiteConfig.Origin(shown, position));
            }
        });
        map.forEach((key, value) -> {
            if (!defaults.contains(String.valueOf(key))) {
                merged.put(String.valueOf(key), value);
            }
        });
        deepMerge(merged, values);
        return merged;
    }

    /**
     * The gem named by {@code theme:}, found as {@link ThemeResolver} finds it; null when the site
     * names none.
     *
     * @throws DiagnosticException at the {@code theme:} line when the value is not a name or no gem
     *                             folder holds the theme
     */
    private static Theme theme(Map<String, Object> values, Map<String, SiteConfig.Origin> origins, Path root,
            List<Path> themePaths) throws DiagnosticException {
        Object value = values.get("theme");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        SiteConfig.Origin origin = SiteConfig.originOf(origins, "theme");
        if (!(value instanceof String name) || !name.strip().matches("[A-Za-z0-9_.-]+")) {
            throw new DiagnosticException(origin.error(
                    "theme must be the name of a theme gem, like minima"));
        }
        Optional<Theme> theme = ThemeResolver.resolve(name.strip(), root, themePaths, System.getenv());
        if (theme.isEmpty()) {
            List<Path> searched = ThemeResolver.searched(root, themePaths, System.getenv());
            throw new DiagnosticException(origin.error(
                    "theme \"" + name.strip() + "\" not found")
                    .withHint("install its gem (gem install " + name.strip() + ", or bundle install) or give the folder "
                            + "holding it with --theme-path DIR or SHEAF_THEME_PATH")
                    .withHint("looked in: " + (searched.isEmpty() ? "no gem folder exists on this machine"
                            : String.join(", ", searched.stream().map(Path::toString).toList()))));
        }
        return theme.get();
    }

    private static void mergeFile(SiteFiles reader, Path file, String shown, Map<String, Object> values,
            Map<String, SiteConfig.Origin> origins, ZoneId zone) throws DiagnosticException {
        String text = new String(reader.read(file, shown), StandardCharsets.UTF_8);
        YamlDocument document = YamlParser.parse(text, shown, 1, zone, shown);
        if (document.value() == null) {
            return;
        }
        if (!(document.value() instanceof Map<?, ?> map)) {
            throw new DiagnosticException(Diagnostic.error(shown, 1, 1, "the config must be a mapping of keys to values"));
        }
        origins.putIfAbsent("", new SiteConfig.Origin(shown, new Position(1, 1)));
        document.positions().forEach((key, position) -> origins.put(key, new SiteConfig.Origin(shown, position)));
        @SuppressWarnings("unchecked")
        Map<String, Object> incoming = (Map<String, Object>) map;
        deepMerge(values, incoming);
    }

    /** Jekyll's deep merge, in place: nested maps merge key by key, anything else replaces. Used for config files and for front matter over defaults. */
    @SuppressWarnings("unchecked")
    public static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> entry : from.entrySet()) {
            Object old = into.get(entry.getKey());
            if (old instanceof Map<?, ?> oldMap && entry.getValue() instanceof Map<?, ?> newMap) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) oldMap);
                deepMerge(merged, (Map<String, Object>) newMap);
                into.put(entry.getKey(), merged);
            } else {
                into.put(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void applyOverrides(Map<String, Object> values, Overrides overrides) {
        if (overrides.baseurl() != null) {
            values.put("baseurl", overrides.baseurl());
        }
        if (overrides.url() != null) {
            values.put("url", overrides.url());
        }
        if (overrides.drafts()) {
            values.put("show_drafts", true);
        }
        if (overrides.future()) {
            values.put("future", true);
        }
        if (overrides.unpublished()) {
            values.put("unpublished", true);
        }
        if (overrides.githubPages()) {
            values.put("github_pages", true);
        }
        if (Boolean.TRUE.equals(values.get("github_pages"))) {
            applyGithubPages(values);
        }
    }

    /**
     * What GitHub Pages forces on a site: future posts are published, safe mode (symbolic links
     * leading outside the source are never followed, which sheaf always does), and its default
     * plugins are on unless the site turns one off with {@code KEY: {enabled: false}}.
     */
    @SuppressWarnings("unchecked")
    private static void applyGithubPages(Map<String, Object> values) {
        values.put("future", true);
        values.put("safe", true);
        for (String key : GITHUB_PAGES_PLUGINS.keySet()) {
            Map<String, Object> options = values.get(key) instanceof Map<?, ?> map
                    ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
            options.putIfAbsent("enabled", true);
            values.put(key, options);
        }
    }

    /** Jekyll 4 adds its default excludes to a site's own list rather than letting the list replace them. */
    @SuppressWarnings("unchecked")
    private static void addDefaultExcludes(Map<String, Object> values) {
        if (values.get("exclude") instanceof List<?> list) {
            List<Object> exclude = new ArrayList<>((List<Object>) list);
            for (String pattern : JekyllDefaults.EXCLUDES) {
                if (!exclude.contains(pattern)) {
                    exclude.add(pattern);
                }
            }
            values.put("exclude", exclude);
        }
    }

    private static ZoneId timezone(Map<String, Object> values, Map<String, SiteConfig.Origin> origins) throws DiagnosticException {
        Object tz = values.get("timezone");
        if (tz == null || tz.toString().isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            ZoneId zone = ZoneId.of(tz.toString());
            if (zone.equals(RubyTime.UTC)) {
                // sheaf's own zone for a time written with Z, not one a site lives in
                throw new DateTimeException("not a timezone: " + tz);
            }
            return zone;
        } catch (DateTimeException e) {
            SiteConfig.Origin origin = SiteConfig.originOf(origins, "timezone");
            throw new DiagnosticException(origin.error(
                    "unknown timezone \"" + tz + "\"").withHint("use an IANA name such as Europe/Berlin or America/Chicago"));
        }
    }

    /** Where {@code path} really is: symbolic links resolved as far as it exists, the rest as written. */
    private static Path realPlace(Path path) {
        Path existing = path;
        Path rest = path.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        try {
            return existing == null ? path : existing.toRealPath().resolve(rest).normalize();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    private static Path resolveDir(Path base, Map<String, Object> values, String key, Path fallback) {
        Object configured = values.get(key);
        if (configured == null || configured.toString().isBlank()) {
            return fallback.normalize();
        }
        return base.resolve(configured.toString()).toAbsolutePath().normalize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, SiteConfig.Collection> collections(Map<String, Object> values,
            Map<String, SiteConfig.Origin> origins, Path root) throws DiagnosticException {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        entries.put("posts", new LinkedHashMap<>(Map.of("output", true)));
        Object configured = values.get("collections");
        if (configured instanceof List<?> labels) {
            for (int i = 0; i < labels.size(); i++) {
                String label = String.valueOf(labels.get(i));
                checkLabel(label, SiteConfig.originOf(origins, "collections." + i));
                entries.putIfAbsent(label, new LinkedHashMap<>());
            }
        } else if (configured instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkLabel(String.valueOf(entry.getKey()), SiteConfig.originOf(origins, "collections." + entry.getKey()));
                Object body = entry.getValue();
                Map<String, Object> merged = entries.computeIfAbsent(String.valueOf(entry.getKey()), k -> new LinkedHashMap<>());
                if (body instanceof Map<?, ?> bodyMap) {
                    merged.putAll((Map<String, Object>) bodyMap);
                } else if (body != null) {
                    SiteConfig.Origin origin = SiteConfig.originOf(origins, "collections." + entry.getKey());
                    throw new DiagnosticException(origin.error(
                            "collection \"" + entry.getKey() + "\" must be a mapping of options"));
                }
            }
        } else if (configured != null) {
            SiteConfig.Origin origin = SiteConfig.originOf(origins, "collections");
            throw new DiagnosticException(origin.error(
                    "collections must be a list of names or a mapping"));
        }
        Map<String, SiteConfig.Collection> result = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : entries.entrySet()) {
            Map<String, Object> options = entry.getValue();
            options.put("label", entry.getKey());
            Object permalink = options.get("permalink");
            boolean output = options.get("output") != null && !Boolean.FALSE.equals(options.get("output"));
            result.put(entry.getKey(), new SiteConfig.Collection(entry.getKey(), output,
                    permalink == null ? null : permalink.toString(), options));
        }
        return result;
    }

    /**
     * A collection is read from the folder {@code _LABEL}, so a label is a plain name: letters,
     * digits, {@code _}, {@code -} and {@code .} (the characters Jekyll keeps), never {@code ..}.
     * A label such as {@code ../../home} would otherwise read and publish a folder outside the site.
     */
    private static void checkLabel(String label, SiteConfig.Origin origin) throws DiagnosticException {
        if (COLLECTION_LABEL.matcher(label).matches() && !label.contains("..")) {
            return;
        }
        throw new DiagnosticException(origin.error(
                "collection label \"" + label + "\" is not a plain name")
                .withHint("a label may hold letters, digits, '_', '-' and '.', and not '..'; "
                        + "its documents are read from the folder _LABEL inside the site"));
    }

    /** A config value as a list of strings: a list's items, a single value as one item, null as none. */
    public static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (item != null) {
                    out.add(item.toString());
                }
            }
            return List.copyOf(out);
        }
        return List.of(value.toString());
    }

    private static String relativeName(Path root, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return normal.startsWith(root) ? root.relativize(normal).toString().replace('\\', '/') : normal.toString();
    }
}
