package org.sheaf.content;

import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jekyll's front matter defaults: the {@code defaults:} list of {@code _config.yml}, each entry
 * a {@code scope} ({@code path}, {@code type}) and the {@code values} it gives.
 *
 * <p>An entry applies to a file when its type matches ({@code pages}, {@code posts},
 * {@code drafts} or a collection label; no type means every type) and its path matches. As in
 * Jekyll 4.3, a path without {@code *} is a plain prefix of the file's path relative to the
 * source root ({@code en} covers {@code en/jobs.md}, and also {@code english.md}); a missing or
 * empty path covers everything; a leading {@code /} on the scope path makes it match nothing,
 * because Jekyll strips it from the file's path but not from the scope's. A path with {@code *}
 * is a glob that must match the file's path or one of its folders ({@code *} within a folder name,
 * {@code **} across folders, {@code ?}, {@code {a,b}}); Jekyll globs the disk instead, which
 * agrees except for siblings that merely share a prefix.
 *
 * <p>Entries are taken in order; a later entry whose scope path is at least as long (or as long
 * and with a type, or neither has one) wins over the values so far, otherwise the values so far
 * win over it. Values merge deeply: maps inside maps are merged key by key.
 *
 * <p>Malformed entries (not a mapping, {@code values} not a mapping, {@code scope} not a mapping,
 * {@code path} or {@code type} not text) are left out and listed by {@link #problems()}. The old
 * singular types {@code page}, {@code post} and {@code draft} are read as the plural ones, with a
 * note in {@link #warnings()}. Front matter {@code date} values are not parsed here.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Defaults {
    /** One malformed or deprecated entry: its 0-based index in the list and what is wrong. */
    public record EntryProblem(int index, String message) {
        /** {@code defaults[index]: message}. */
        public String format() {
            return "defaults[" + index + "]: " + message;
        }
    }

    private record Entry(String path, String type, boolean hasType, Map<String, Object> values) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<EntryProblem> problems = new ArrayList<>();
    private final List<EntryProblem> warnings = new ArrayList<>();
    private final String collectionsDir;

    /** The site's {@code defaults}, scoped under its {@code collections_dir}. */
    public static Defaults of(SiteConfig config) {
        return new Defaults(config.get("defaults") instanceof List<?> list ? new ArrayList<>(list) : List.of(),
                config.string("collections_dir", ""));
    }

    /** The defaults of a site without {@code collections_dir}. */
    public Defaults(List<Object> defaultsConfig) {
        this(defaultsConfig, "");
    }

    /**
     * @param defaultsConfig the parsed {@code defaults} value: a list of maps; null means none
     * @param collectionsDir the site's {@code collections_dir} ({@code ""} when unset); a scope
     *                       path starting with it is read without it, as Jekyll does
     */
    public Defaults(List<Object> defaultsConfig, String collectionsDir) {
        this.collectionsDir = collectionsDir == null ? "" : collectionsDir;
        if (defaultsConfig == null) {
            return;
        }
        for (int i = 0; i < defaultsConfig.size(); i++) {
            read(i, defaultsConfig.get(i));
        }
    }

    /** Messages for the malformed entries, {@code defaults[INDEX]: why}, in list order. */
    public List<String> problems() {
        return problems.stream().map(EntryProblem::format).toList();
    }

    /** The malformed entries with their indexes, for a caller that positions each one. */
    public List<EntryProblem> entryProblems() {
        return List.copyOf(problems);
    }

    /** Deprecation notes (singular types), {@code defaults[INDEX]: why}. */
    public List<String> warnings() {
        return warnings.stream().map(EntryProblem::format).toList();
    }

    /**
     * All default values for a file, merged as Jekyll's {@code FrontmatterDefaults#all} merges
     * them.
     *
     * @param relativePath the file's path relative to the source root, {@code /}-separated
     * @param type         {@code pages}, {@code posts}, {@code drafts} or the collection label
     */
    public Map<String, Object> valuesFor(String relativePath, String type) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Entry winner = null;
        for (Entry entry : matching(relativePath, type)) {
            if (winner == null || hasPrecedence(winner, entry)) {
                merged = deepMerge(merged, entry.values());
                winner = entry;
            } else {
                merged = deepMerge(entry.values(), merged);
            }
        }
        return frozen(merged);
    }

    /**
     * The default of one key, as Jekyll's {@code FrontmatterDefaults#find} picks it (Jekyll uses
     * this for a page's own {@code page.data[key]}, e.g. its layout): only entries that set the
     * key compete. Null when no entry sets it.
     */
    public Object valueFor(String relativePath, String type, String key) {
        Object value = null;
        Entry winner = null;
        for (Entry entry : matching(relativePath, type)) {
            if (entry.values().containsKey(key) && (winner == null || hasPrecedence(winner, entry))) {
                Object candidate = entry.values().get(key);
                value = value instanceof Map<?, ?> old && candidate instanceof Map<?, ?> fresh
                        ? deepMerge(asMap(old), asMap(fresh))
                        : candidate;
                winner = entry;
            }
        }
        return value instanceof Map<?, ?> map ? frozen(asMap(map)) : value;
    }

    /**
     * A file's front matter with its defaults underneath: the defaults of {@link #valuesFor},
     * then {@code frontMatter} merged deeply over them.
     */
    public Map<String, Object> applyTo(Map<String, Object> frontMatter, String relativePath, String type) {
        return frozen(deepMerge(valuesFor(relativePath, type), frontMatter == null ? Map.of() : frontMatter));
    }

    /**
     * Jekyll's {@code Utils.deep_merge_hashes}: {@code over}'s keys replace {@code under}'s, except
     * that two maps under the same key are merged the same way. Neither argument changes.
     */
    public static Map<String, Object> deepMerge(Map<String, Object> under, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(under);
        ConfigLoader.deepMerge(out, over);
        return out;
    }

    private void read(int index, Object raw) {
        if (!(raw instanceof Map<?, ?> set)) {
            problems.add(new EntryProblem(index, "expected a mapping with \"scope\" and \"values\", found "
                    + describe(raw)));
            return;
        }
        Object values = set.get("values");
        if (!(values instanceof Map<?, ?> valuesMap)) {
            problems.add(new EntryProblem(index, values == null && !set.containsKey("values")
                    ? "missing \"values\""
                    : "\"values\" must be a mapping, found " + describe(values)));
            return;
        }
        Object scope = set.get("scope");
        Map<?, ?> scopeMap;
        if (scope == null) {
            scopeMap = Map.of();
        } else if (scope instanceof Map<?, ?> m) {
            scopeMap = m;
        } else {
            problems.add(new EntryProblem(index, "\"scope\" must be a mapping, found " + describe(scope)));
            return;
        }
        Object path = scopeMap.get("path");
        if (path != null && !(path instanceof String)) {
            problems.add(new EntryProblem(index, "\"scope.path\" must be text, found " + describe(path)));
            return;
        }
        boolean hasType = scopeMap.containsKey("type");
        Object type = scopeMap.get("type");
        if (hasType && !(type instanceof String)) {
            problems.add(new EntryProblem(index, "\"scope.type\" must be text, found " + describe(type)));
            return;
        }
        String typeName = (String) type;
        if (hasType) {
            String plural = switch (typeName) {
                case "page" -> "pages";
                case "post" -> "posts";
                case "draft" -> "drafts";
                default -> typeName;
            };
            if (!plural.equals(typeName)) {
                warnings.add(new EntryProblem(index, "type \"" + typeName + "\" is deprecated, use \""
                        + plural + "\""));
                typeName = plural;
            }
        }
        entries.add(new Entry((String) path, typeName, hasType, frozen(asMap(valuesMap))));
    }

    private List<Entry> matching(String relativePath, String type) {
        String path = stripLeadingSlash(relativePath);
        List<Entry> out = new ArrayList<>();
        for (Entry entry : entries) {
            if ((!entry.hasType() || entry.type().equals(type)) && appliesPath(entry.path(), path)) {
                out.add(entry);
            }
        }
        return out;
    }

    private boolean appliesPath(String scopePath, String path) {
        if (scopePath == null || scopePath.isEmpty()) {
            return true;
        }
        if (scopePath.contains("*")) {
            ScopeGlob glob = ScopeGlob.of(scopePath);
            // The file itself, or any folder above it, as Dir.glob would list it.
            String candidate = path;
            while (true) {
                if (glob.matches(candidate) || glob.matches(withCollectionsDir(candidate))) {
                    return true;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                candidate = candidate.substring(0, slash);
            }
        }
        return path.startsWith(stripCollectionsDir(scopePath));
    }

    private String stripCollectionsDir(String scopePath) {
        String prefix = collectionsDir + "/";
        if (collectionsDir.isEmpty() || !scopePath.startsWith(prefix)) {
            return scopePath;
        }
        return scopePath.substring(prefix.length());
    }

    /** The on-disk path a globbed scope would see, for sites that keep collections in a folder. */
    private String withCollectionsDir(String path) {
        return collectionsDir.isEmpty() ? path : collectionsDir + "/" + path;
    }

    /** Jekyll's {@code has_precedence?}: does {@code challenger} win over the current winner? */
    private static boolean hasPrecedence(Entry winner, Entry challenger) {
        int newLength = stripLeadingSlash(challenger.path()).length();
        int oldLength = stripLeadingSlash(winner.path()).length();
        if (newLength != oldLength) {
            return newLength >= oldLength;
        }
        return challenger.hasType() || !winner.hasType();
    }

    private static String stripLeadingSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return "\"" + value + "\"";
    }

    private static Map<String, Object> asMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A deep, unmodifiable copy that keeps key order and allows nulls (YAML has them). */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, frozenValue(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object frozenValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return frozen(asMap(m));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(frozenValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
