package org.sheaf.generate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyStrings;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.markdown.Smartypants;

/**
 * jekyll-feed: an Atom feed of the newest posts at {@code feed.xml} (or {@code feed.path}), and
 * on request one per category ({@code feed.categories}), per collection ({@code feed.collections})
 * and per tag ({@code feed.tags}), each with the plugin's structure: feed metadata, then up to
 * {@code feed.posts_limit} (10) entries, newest first, each with title, link, published and
 * updated dates, id, the rendered content in CDATA (unless {@code excerpt_only}), author,
 * categories and tags, a plain-text summary from the description or excerpt, and an image.
 *
 * <p>A source file at a feed's path wins: that feed is not generated, as in the plugin.
 */
final class FeedGenerator implements Generator {
    static final String ORIGIN = "jekyll-feed";
    private static final int DEFAULT_LIMIT = 10;
    private static final Pattern SIMPLE_TAG = Pattern.compile("[a-zA-Z0-9_]+");

    /**
     * One feed: its file name as the plugin names its page (a configured path as written, or a
     * default that starts with a slash) and what it selects.
     */
    private record Feed(String name, String collection, String category, String tag) {
        /** Its URL path, which starts with a slash. */
        String path() {
            return leadingSlash(name);
        }
    }

    @Override
    public List<GeneratedFile> generate(Input input) {
        SiteConfig config = input.config();
        Map<?, ?> settings = settings(config);
        List<GeneratedFile> files = new ArrayList<>();
        for (Feed feed : feeds(settings, input.index().site())) {
            if (sourceExists(input, feed.path())) {
                continue;
            }
            Chosen chosen = new Chosen(() -> posts(input.index().site(), settings, feed, config.showDrafts()));
            files.add(new GeneratedFile(feed.path().substring(1), ORIGIN, () -> render(input, settings, feed, chosen))
                    .listedAsRenderedBy(ORIGIN, listing(input, feed)));
        }
        return List.copyOf(files);
    }

    /**
     * A feed in {@code site.pages}: the plugin's variables and no content (the plugin's is the
     * Liquid source of its template, which sheaf does not have: it writes the feed directly).
     */
    private static Map<String, Object> listing(Input input, Feed feed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("layout", null);
        data.put("sitemap", false);
        data.put("xsl", sourceExists(input, "/feed.xslt.xml"));
        data.put("collection", feed.collection());
        data.put("category", feed.category());
        data.put("tags", feed.tag());
        return GeneratedFile.Listing.variables(data, "", feed.name(), feed.path());
    }

    /** {@code {% feed_meta %}}: the link element pointing at the site's main feed. */
    static String metaTag(SiteConfig config) {
        Object path = settings(config).get("path");
        String href = JekyllFilters.absoluteUrl(config.url(), config.baseurl(), path == null ? "feed.xml" : path.toString());
        Object title = config.get("title") != null ? config.get("title") : config.get("name");
        StringBuilder out = new StringBuilder("<link type=\"application/atom+xml\" rel=\"alternate\" href=\"")
                .append(escape(href)).append('"');
        if (title != null) {
            out.append(" title=\"").append(escape(title.toString())).append('"');
        }
        return out.append(" />").toString();
    }

    private static Map<?, ?> settings(SiteConfig config) {
        return config.get("feed") instanceof Map<?, ?> map ? map : Map.of();
    }

    /** The feeds to write, in the plugin's order: by collection, each category then the whole, then tags. */
    private static List<Feed> feeds(Map<?, ?> settings, Map<String, Object> site) {
        Map<String, Map<?, ?>> collections = new LinkedHashMap<>();
        if (settings.get("collections") instanceof Map<?, ?> map) {
            map.forEach((label, meta) -> collections.put(String.valueOf(label), meta instanceof Map<?, ?> m ? m : Map.of()));
        } else if (settings.get("collections") instanceof List<?> list) {
            list.forEach(label -> collections.put(String.valueOf(label), Map.of()));
        }
        collections.putIfAbsent("posts", Map.of());
        List<Feed> feeds = new ArrayList<>();
        collections.forEach((label, meta) -> {
            Object categories = meta.get("categories");
            Object path = meta.get("path");
            if (label.equals("posts")) {
                categories = categories != null ? categories : settings.get("categories");
                path = path != null ? path : settings.get("path");
            }
            String prefix = label.equals("posts") ? "/feed" : "/feed/" + label;
            Set<String> names = new LinkedHashSet<>();
            if (categories instanceof List<?> list) {
                list.forEach(c -> names.add(String.valueOf(c)));
            }
            for (String category : names) {
                feeds.add(new Feed(prefix + "/" + category + ".xml", label, category, null));
            }
            feeds.add(new Feed(path != null ? path.toString() : prefix + ".xml", label, null, null));
        });
        Object tags = settings.get("tags");
        if (SeoTag.truthy(tags) && site.get("tags") instanceof Map<?, ?> siteTags && !siteTags.isEmpty()) {
            Map<?, ?> tagSettings = tags instanceof Map<?, ?> m ? m : Map.of();
            List<String> only = new ArrayList<>();
            if (tagSettings.get("only") instanceof List<?> list) {
                list.forEach(t -> only.add(String.valueOf(t)));
            } else {
                siteTags.keySet().forEach(t -> only.add(String.valueOf(t)));
            }
            if (tagSettings.get("except") instanceof List<?> except) {
                except.forEach(t -> only.remove(String.valueOf(t)));
            }
            Object tagsPath = tagSettings.get("path");
            String prefix = tagsPath == null ? "/feed/by_tag/" : tagsPath.toString();
            for (String tag : only) {
                if (SIMPLE_TAG.matcher(tag).matches()) {
                    feeds.add(new Feed(prefix + tag + ".xml", "posts", null, tag));
                }
            }
        }
        return feeds;
    }

    private static String leadingSlash(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private static boolean sourceExists(Input input, String path) {
        return Files.exists(input.config().source().resolve(path.substring(1)));
    }

    /**
     * A feed's posts, chosen on first use and kept: which posts a feed shows and in what order
     * follows their front matter alone, which cannot change while its text may be asked for
     * again (the dev server's edits below a post's front matter, which change its content).
     */
    private static final class Chosen {
        private final java.util.function.Supplier<List<Map<?, ?>>> choose;
        private List<Map<?, ?>> posts;

        Chosen(java.util.function.Supplier<List<Map<?, ?>>> choose) {
            this.choose = choose;
        }

        synchronized List<Map<?, ?>> posts() {
            if (posts == null) {
                posts = choose.get();
            }
            return posts;
        }
    }

    private static String render(Input input, Map<?, ?> settings, Feed feed, Chosen chosen) {
        SiteConfig config = input.config();
        Map<String, Object> site = input.index().site();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        if (sourceExists(input, "/feed.xslt.xml")) {
            out.append("<?xml-stylesheet type=\"text/xml\" href=\"").append(escape(absolute(config, "/feed.xslt.xml")))
                    .append("\"?>");
        }
        Object lang = site.get("lang");
        // the plugin's template keeps the space before its optional xml:lang, so a feed without
        // one has a space before the '>': byte for byte, as a page that reads the feed sees it
        out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" ");
        if (SeoTag.truthy(lang)) {
            out.append("xml:lang=\"").append(escape(lang.toString())).append('"');
        }
        out.append('>');
        out.append("<generator uri=\"https://jekyllrb.com/\" version=\"").append(escape(input.jekyllVersion()))
                .append("\">Jekyll</generator>");
        String self = absolute(config, feed.path());
        out.append("<link href=\"").append(escape(self)).append("\" rel=\"self\" type=\"application/atom+xml\" />");
        out.append("<link href=\"").append(escape(absolute(config, "/"))).append("\" rel=\"alternate\" type=\"text/html\" ");
        if (SeoTag.truthy(lang)) {
            out.append("hreflang=\"").append(escape(lang.toString())).append("\" ");
        }
        out.append("/>");
        out.append("<updated>").append(xmlschema(site.get("time"), config)).append("</updated>");
        out.append("<id>").append(escape(self)).append("</id>");

        Object siteTitle = SeoTag.truthy(site.get("title")) ? site.get("title") : site.get("name");
        String title = siteTitle == null ? null : siteTitle.toString();
        if (!feed.collection().equals("posts")) {
            title = (title == null ? "" : title) + " | " + RubyStrings.capitalize(feed.collection());
        }
        if (feed.category() != null) {
            title = (title == null ? "" : title) + " | " + RubyStrings.capitalize(feed.category());
        }
        if (title != null) {
            out.append("<title type=\"html\">").append(escape(Smartypants.smartify(title))).append("</title>");
        }
        Citations.license(Map.of(), site).ifPresent(license -> out.append("<rights>")
                .append(escape(license.name() + ", " + license.url())).append("</rights>"));
        if (SeoTag.truthy(site.get("description"))) {
            out.append("<subtitle>").append(escape(site.get("description").toString())).append("</subtitle>");
        }
        Object author = site.get("author");
        if (SeoTag.truthy(author)) {
            Object name = SeoTag.dig(site, "author", "name");
            // the template's xml_escape reads a hash without a name as Ruby's to_s: its inspect
            out.append("<author><name>").append(escape(RubyInspect.toS(SeoTag.truthy(name) ? name : author))).append("</name>");
            optionalElement(out, "email", SeoTag.dig(site, "author", "email"));
            optionalElement(out, "uri", SeoTag.dig(site, "author", "uri"));
            out.append("</author>");
        }
        for (Map<?, ?> post : chosen.posts()) {
            entry(out, input, site, settings, post);
        }
        return out.append("</feed>").toString();
    }

    /** The feed's posts: selected, drafts left out, newest first, at most {@code posts_limit}. */
    private static List<Map<?, ?>> posts(Map<String, Object> site, Map<?, ?> settings, Feed feed, boolean showDrafts) {
        Object source = feed.tag() != null ? SeoTag.dig(site, "tags", feed.tag()) : site.get(feed.collection());
        List<Map<?, ?>> posts = new ArrayList<>();
        if (source instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> post) {
                    posts.add(post);
                }
            }
        }
        if (feed.category() != null) {
            posts.removeIf(post -> !(post.get("categories") instanceof List<?> categories)
                    || categories.stream().noneMatch(c -> String.valueOf(c).equals(feed.category())));
        }
        if (!showDrafts) {
            posts.removeIf(post -> Boolean.TRUE.equals(post.get("draft")));
        }
        posts.sort(Comparator.comparing(post -> post.get("date"), RubyTime.INSTANT_ORDER));
        Collections.reverse(posts);
        int limit = limit(settings.get("posts_limit"));
        return posts.subList(0, Math.min(limit, posts.size()));
    }

    private static int limit(Object value) {
        if (value instanceof Number number) {
            return Math.max(0, number.intValue());
        }
        try {
            return value == null ? DEFAULT_LIMIT : Math.max(0, Integer.parseInt(value.toString().strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    private static void entry(StringBuilder out, Input input, Map<String, Object> site, Map<?, ?> settings, Map<?, ?> post) {
        SiteConfig config = input.config();
        out.append("<entry");
        if (SeoTag.truthy(post.get("lang"))) {
            out.append(" xml:lang=\"").append(escape(post.get("lang").toString())).append('"');
        }
        out.append('>');
        String title = escape(JekyllFilters.normalizeWhitespace(
                Html.stripHtml(Smartypants.smartify(SeoTag.text(post.get("title"))))));
        String link = absolute(config, SeoTag.text(post.get("url")));
        out.append("<title type=\"html\">").append(title).append("</title>");
        out.append("<link href=\"").append(escape(link)).append("\" rel=\"alternate\" type=\"text/html\" title=\"")
                .append(title).append("\" />");
        out.append("<published>").append(xmlschema(post.get("date"), input.config())).append("</published>");
        Object modified = SeoTag.truthy(post.get("last_modified_at")) ? post.get("last_modified_at") : post.get("date");
        out.append("<updated>").append(xmlschema(modified, input.config())).append("</updated>");
        out.append("<id>").append(escape(absolute(config, SeoTag.text(post.get("id"))))).append("</id>");
        Object excerptOnly = SeoTag.dig(post, "feed", "excerpt_only");
        if (!SeoTag.truthy(excerptOnly)) {
            excerptOnly = settings.get("excerpt_only");
        }
        if (!SeoTag.truthy(excerptOnly)) {
            out.append("<content type=\"html\" xml:base=\"").append(escape(link)).append("\">")
                    .append(cdata(ChartTag.withoutNarrowDrawings(SeoTag.text(post.get("content")).strip())))
                    .append("</content>");
        }
        Object author = post.get("author");
        if (!SeoTag.truthy(author) && post.get("authors") instanceof List<?> authors && !authors.isEmpty()) {
            author = authors.get(0);
        }
        if (!SeoTag.truthy(author)) {
            author = site.get("author");
        }
        if (author instanceof String key && SeoTag.dig(site, "data", "authors", key) instanceof Map<?, ?> known) {
            author = known;
        }
        Object name = author instanceof Map<?, ?> map ? map.get("name") : author;
        out.append("<author><name>").append(escape(RubyInspect.toS(SeoTag.truthy(name) ? name : author))).append("</name>");
        if (author instanceof Map<?, ?> map) {
            optionalElement(out, "email", map.get("email"));
            optionalElement(out, "uri", map.get("uri"));
        }
        out.append("</author>");
        if (SeoTag.truthy(post.get("category"))) {
            category(out, post.get("category"));
        } else if (post.get("categories") instanceof List<?> categories) {
            categories.forEach(c -> category(out, c));
        }
        if (post.get("tags") instanceof List<?> tags) {
            tags.forEach(t -> category(out, t));
        }
        // the plugin's template reads the excerpt even where a description stands in for it, which
        // makes the feed the excerpt's first reader when no page before the feed read it
        Object excerpt = post.get("excerpt");
        Object summary = SeoTag.truthy(post.get("description")) ? post.get("description") : excerpt;
        String summaryText = SeoTag.text(summary);
        if (!summaryText.isEmpty()) {
            out.append("<summary type=\"html\">")
                    .append(cdata(JekyllFilters.normalizeWhitespace(Html.stripHtml(summaryText)))).append("</summary>");
        }
        // the plugin's post.image.path | default: post.image: an image given as a hash without a
        // path is that hash, which contains no "://" and which absolute_url reads as Ruby's to_s
        Object image = SeoTag.dig(post, "image", "path");
        if (!SeoTag.truthy(image)) {
            image = post.get("image");
        }
        if (SeoTag.truthy(image)) {
            String text = RubyInspect.toS(image);
            String url = image instanceof CharSequence && text.contains("://") ? text : absolute(config, text);
            out.append("<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"").append(escape(url))
                    .append("\" />");
            out.append("<media:content medium=\"image\" url=\"").append(escape(url))
                    .append("\" xmlns:media=\"http://search.yahoo.com/mrss/\" />");
        }
        Citations.license(post, site).ifPresent(license -> out.append("<rights>")
                .append(escape(license.name() + ", " + license.url())).append("</rights>"));
        out.append("</entry>");
    }

    private static void category(StringBuilder out, Object term) {
        out.append("<category term=\"").append(escape(SeoTag.text(term))).append("\" />");
    }

    private static void optionalElement(StringBuilder out, String name, Object value) {
        if (SeoTag.truthy(value)) {
            out.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
        }
    }

    /** Text in CDATA; a {@code ]]>} inside is split across two sections, so it cannot end the first early. */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** The plugin's templates escape with Jekyll's {@code xml_escape}. */
    private static String escape(String text) {
        return Html.xmlEscape(text);
    }

    private static String absolute(SiteConfig config, String path) {
        return JekyllFilters.absoluteUrl(config.url(), config.baseurl(), path);
    }

    private static String xmlschema(Object value, SiteConfig config) {
        return JekyllFilters.dateToXmlschema(value, config.timezone()).orElseGet(() -> escape(SeoTag.text(value)));
    }
}
