package org.sheaf.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Defaults;
import org.sheaf.content.Page;
import org.sheaf.content.Permalinks;
import org.sheaf.diag.Diagnostics;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.Slugs;
import org.sheaf.jekyll.StaticFileDrop;

/**
 * jekyll-archives (2.2): a page for each tag, category, year, month and day of the posts, each
 * listing its posts, as the {@code jekyll-archives:} key of the config asks:
 *
 * <pre>
 * jekyll-archives:
 *   enabled: [year, month, day, tags, categories]   # or all; none by default
 *   layout: archive                                  # the layout of every kind...
 *   layouts: {year: year-archive, tag: tag-archive}  # ...or of one
 *   permalinks:                                      # these are the defaults
 *     year: /:year/
 *     month: /:year/:month/
 *     day: /:year/:month/:day/
 *     tag: /tag/:name/
 *     category: /category/:name/
 * </pre>
 *
 * <p>An archive's {@code page} has, over the front matter defaults for its path and type, its
 * {@code layout}, then {@code posts} (newest first), {@code type} ({@code year}, {@code month},
 * {@code day}, {@code tag} or {@code category}), {@code title} (the tag or category as written;
 * nil for a date), {@code date} (the first day of the year, month or day, as a Ruby date; nil for
 * a tag), {@code name}, {@code path}, {@code url} and {@code permalink} (nil), and nothing else:
 * no {@code content} or {@code dir}, as the plugin's page class lists only these. {@code :name}
 * is the tag's slug (Jekyll's {@code slugify}, default mode); the 2.2 plugin reads no
 * {@code slug_mode}.
 *
 * <p>The pages go after the pages read from the source in {@code site.pages} (tags, then
 * categories, then years, each year followed by its months newest first and each month by its
 * days newest first), and so into the sitemap; {@code site.archives} lists them and
 * {@code site.jekyll-archives} is the settings with the plugin's defaults filled in.
 */
final class Archives {
    static final String PLUGIN = "jekyll-archives";
    /** The plugin's URL template of each kind, in its order. */
    private static final Map<String, Object> DEFAULT_PERMALINKS = defaultPermalinks();

    private Archives() {
    }

    /** The settings as the plugin reads them: the site's {@code jekyll-archives} over the defaults. */
    static Map<String, Object> settings(SiteConfig config) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("layout", "archive");
        defaults.put("enabled", List.of());
        defaults.put("permalinks", DEFAULT_PERMALINKS);
        return config.get(PLUGIN) instanceof Map<?, ?> own ? Defaults.deepMerge(defaults, stringKeys(own)) : defaults;
    }

    private static Map<String, Object> defaultPermalinks() {
        Map<String, Object> permalinks = new LinkedHashMap<>();
        permalinks.put("year", "/:year/");
        permalinks.put("month", "/:year/:month/");
        permalinks.put("day", "/:year/:month/:day/");
        permalinks.put("tag", "/tag/:name/");
        permalinks.put("category", "/category/:name/");
        return Collections.unmodifiableMap(permalinks);
    }

    /** The archive pages {@code settings} ask for, in the order the plugin adds them to {@code site.pages}. */
    static List<Page> pages(SiteConfig config, ContentIndex index, Map<String, Object> settings,
            Diagnostics diagnostics) {
        Archiver archiver = new Archiver(config, index, settings, diagnostics);
        List<Page> pages = new ArrayList<>();
        if (enabled(settings, "tags")) {
            index.postsBy("tags").forEach((tag, posts) -> archiver.named(tag, "tag", posts).ifPresent(pages::add));
        }
        if (enabled(settings, "categories")) {
            index.postsBy("categories").forEach((category, posts) -> archiver.named(category, "category", posts).ifPresent(pages::add));
        }
        // years in order of their first post; each archive's posts newest first, so a year's
        // months and a month's days come newest first too
        Map<String, List<Map<String, Object>>> years = byDatePart(postDrops(index.posts()), "%Y");
        years.values().forEach(Collections::reverse);
        years.forEach((year, inYear) -> {
            if (enabled(settings, "year")) {
                archiver.dated("year", inYear, year).ifPresent(pages::add);
            }
            byDatePart(inYear, "%m").forEach((month, inMonth) -> {
                if (enabled(settings, "month")) {
                    archiver.dated("month", inMonth, year, month).ifPresent(pages::add);
                }
                byDatePart(inMonth, "%d").forEach((day, inDay) -> {
                    if (enabled(settings, "day")) {
                        archiver.dated("day", inDay, year, month, day).ifPresent(pages::add);
                    }
                });
            });
        });
        return List.copyOf(pages);
    }

    /** The variables the plugin sets in {@code site}: its settings, and its pages' as {@code archives}. */
    static Map<String, Object> siteValues(Map<String, Object> settings, List<Page> pages) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(PLUGIN, settings);
        values.put("archives", pages.stream().<Object>map(Page::drop).toList());
        return values;
    }

    /** Whether the plugin makes archives of {@code kind}: {@code enabled} is true, {@code all}, or a list naming it. */
    private static boolean enabled(Map<String, Object> settings, String kind) {
        Object enabled = settings.get("enabled");
        return Boolean.TRUE.equals(enabled) || "all".equals(enabled)
                || enabled instanceof List<?> kinds && kinds.contains(kind);
    }

    /** The posts' variables oldest first, as the plugin walks {@code site.posts.docs}. */
    private static List<Map<String, Object>> postDrops(List<Page> posts) {
        return posts.stream().<Map<String, Object>>map(Page::drop).toList();
    }

    /**
     * {@code posts} grouped by their date formatted with {@code directive}, in the order given
     * and in order of first appearance.
     */
    private static Map<String, List<Map<String, Object>>> byDatePart(List<Map<String, Object>> posts, String directive) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> post : posts) {
            groups.computeIfAbsent(Permalinks.formatted(post.get("date"), directive), key -> new ArrayList<>()).add(post);
        }
        return groups;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(String.valueOf(key), value));
        return out;
    }

    /** Makes the archive pages of one site with the plugin's settings. */
    private static final class Archiver {
        private final SiteConfig config;
        private final ContentIndex index;
        private final Map<String, Object> settings;
        private final Defaults defaults;
        private final Diagnostics diagnostics;
        private final Set<String> reported = new HashSet<>();

        Archiver(SiteConfig config, ContentIndex index, Map<String, Object> settings, Diagnostics diagnostics) {
            this.config = config;
            this.index = index;
            this.settings = settings;
            this.diagnostics = diagnostics;
            this.defaults = Defaults.of(config);
        }

        /**
         * A tag's or category's archive, at its permalink with its slug as {@code :name}. A tag
         * that is not text (a number, {@code true}) has, as in the plugin, no slug and no title:
         * its archive is at the permalink without {@code /:name}.
         */
        Optional<Page> named(Object name, String type, Object posts) {
            String title = name instanceof String text ? text : null;
            String slug = title == null ? null : Slugs.slugify(title);
            return template(type).map(template -> page(type,
                    Permalinks.filled(template, "name", slug, "type", type), posts, title, null));
        }

        /** A year's, month's or day's archive; {@code parts} are the year, month and day as the posts' dates print them. */
        Optional<Page> dated(String type, List<Map<String, Object>> posts, String... parts) {
            Optional<String> template = template(type);
            if (template.isEmpty()) {
                return Optional.empty();
            }
            String[] placeholders = {"year", "month", "day"};
            List<String> namesAndValues = new ArrayList<>();
            int[] numbers = {1, 1, 1};
            for (int i = 0; i < parts.length; i++) {
                namesAndValues.add(placeholders[i]);
                namesAndValues.add(parts[i]);
                numbers[i] = Integer.parseInt(parts[i]);
            }
            namesAndValues.add("type");
            namesAndValues.add(type);
            String url = Permalinks.filled(template.get(), namesAndValues.toArray(String[]::new));
            RubyDate date = new RubyDate(LocalDate.of(numbers[0], numbers[1], numbers[2]));
            return Optional.of(page(type, url, List.copyOf(posts), null, date));
        }

        private Page page(String type, String url, Object posts, String title, RubyDate date) {
            // the plugin's relative_path: the URL unescaped, index.html added to a folder
            String relative = Permalinks.unescapePath(url).replaceFirst("^/", "") + (url.endsWith("/") ? "index.html" : "");
            String fileName = relative.substring(relative.lastIndexOf('/') + 1);
            String ext = StaticFileDrop.extname(fileName);
            String layout = layout(type);
            Map<String, Object> variables = new LinkedHashMap<>(defaults.valuesFor(relative, type));
            variables.put("layout", layout);
            variables.put("posts", posts);
            variables.put("type", type);
            variables.put("title", title);
            variables.put("date", date);
            variables.put("name", fileName.substring(0, fileName.length() - ext.length()));
            variables.put("path", relative);
            variables.put("url", url);
            variables.put("permalink", null);
            return index.pluginPage(config, PLUGIN, url, Permalinks.pageOutputPath(url, ext), layout, variables);
        }

        /** The URL template of {@code type}; one that is not text is an error (Jekyll stops on it), once per type. */
        private Optional<String> template(String type) {
            Object template = settings.get("permalinks") instanceof Map<?, ?> permalinks ? permalinks.get(type) : null;
            if (template instanceof String text) {
                return Optional.of(text);
            }
            if (reported.add(type)) {
                diagnostics.add(config.originOf(PLUGIN + ".permalinks." + type).error(
                        "jekyll-archives has no URL template for " + type + " archives")
                        .withHint("the plugin's own: jekyll-archives: {permalinks: {" + type + ": "
                                + DEFAULT_PERMALINKS.get(type) + "}}"));
            }
            return Optional.empty();
        }

        /** The layout {@code layouts} names for {@code type}, else {@code layout}. */
        private String layout(String type) {
            if (settings.get("layouts") instanceof Map<?, ?> layouts && layouts.get(type) != null) {
                return layouts.get(type).toString();
            }
            Object layout = settings.get("layout");
            return layout == null ? null : layout.toString();
        }
    }
}
