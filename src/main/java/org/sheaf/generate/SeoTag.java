package org.sheaf.generate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/**
 * jekyll-seo-tag 2.8: the block of {@code <title>}, Open Graph, Twitter and JSON-LD markup that
 * {@code {% seo %}} puts in a page's head, computed from the page, the site and the paginator.
 *
 * <p>Follows the plugin's rules: the title is the page's title and the site's joined by
 * {@code " | "} (the home page shows the site's title and its tagline or description); text from
 * front matter and config goes through Markdown, loses its tags, has its whitespace collapsed and
 * is HTML-escaped once; the home page and {@code /about/} are a {@code WebSite}, a dated page a
 * {@code BlogPosting}, anything else a {@code WebPage}. Where the plugin prints a value raw (the
 * author's name, image fields, site keys such as {@code twitter.username}), so does sheaf, but for
 * a {@code "}, which would end the attribute and let a stranger's front matter become markup;
 * JSON-LD never contains {@code </}, so no value can close its {@code <script>}. Otherwise the block
 * is byte for byte the plugin's.
 *
 * <p>Thread-safe: one instance serves every page of a build, and formats each distinct text once.
 */
public final class SeoTag {
    static final String VERSION = "2.8.0";
    private static final String SEPARATOR = " | ";
    private static final Pattern HOMEPAGE_OR_ABOUT = Pattern.compile("^/(about/)?(index.html?)?$");
    private static final Pattern TITLE_FALSE = Pattern.compile("title=false", Pattern.CASE_INSENSITIVE);

    private final String url;
    private final String baseurl;
    private final String jekyllVersion;
    private final UnaryOperator<String> markdownify;
    private final ZoneId zone;
    /** Formatted text by its source: site titles, authors and descriptions repeat on every page. */
    private final Map<String, String> formatted = new ConcurrentHashMap<>();

    /**
     * @param url           the site's {@code url}
     * @param baseurl       the site's {@code baseurl}
     * @param jekyllVersion printed in the generator meta tag
     * @param markdownify   Markdown to HTML with the site's settings (titles and descriptions
     *                      go through it, as in the plugin, so quotes become typographic)
     * @param zone          the site's zone ({@code timezone}), which the plugin's dates are written in
     */
    public SeoTag(String url, String baseurl, String jekyllVersion, UnaryOperator<String> markdownify, ZoneId zone) {
        this.url = url;
        this.baseurl = baseurl;
        this.jekyllVersion = jekyllVersion;
        this.markdownify = markdownify;
        this.zone = zone;
    }

    /**
     * The block for one page.
     *
     * @param page      the page's variables ({@code page.*})
     * @param site      the site's variables ({@code site.*})
     * @param paginator {@code paginator.*}; empty when the page is not paginated
     * @param markup    the tag's arguments as written ({@code title=false} leaves out {@code <title>})
     */
    public String render(Map<?, ?> page, Map<?, ?> site, Map<?, ?> paginator, String markup) {
        Values v = new Values(page, site, paginator == null ? Map.of() : paginator);
        StringBuilder out = new StringBuilder("<!-- Begin Jekyll SEO tag v" + VERSION + " -->\n");
        String title = v.title();
        if (title != null && (markup == null || !TITLE_FALSE.matcher(markup).find())) {
            out.append("<title>").append(title).append("</title>\n");
        }
        meta(out, "name", "generator", "Jekyll v" + jekyllVersion);
        if (v.pageTitle() != null) {
            meta(out, "property", "og:title", v.pageTitle());
        }
        Author author = v.author();
        if (author.name() != null) {
            meta(out, "name", "author", author.name());
        }
        meta(out, "property", "og:locale", v.locale());
        String description = v.description();
        if (description != null) {
            meta(out, "name", "description", description);
            meta(out, "property", "og:description", description);
        }
        if (truthy(site.get("url"))) {
            out.append("<link rel=\"canonical\" href=\"").append(quoteSafe(v.canonicalUrl())).append("\" />\n");
            meta(out, "property", "og:url", v.canonicalUrl());
        }
        if (v.siteTitle() != null) {
            meta(out, "property", "og:site_name", v.siteTitle());
        }
        Map<String, Object> image = v.image();
        if (image != null) {
            meta(out, "property", "og:image", text(image.get("path")));
            for (String key : List.of("height", "width", "alt")) {
                if (truthy(image.get(key))) {
                    meta(out, "property", "og:image:" + key, text(image.get(key)));
                }
            }
        }
        if (truthy(page.get("date"))) {
            meta(out, "property", "og:type", "article");
            meta(out, "property", "article:published_time", v.datePublished());
        } else {
            meta(out, "property", "og:type", "website");
        }
        if (truthy(v.paginator.get("previous_page"))) {
            out.append("<link rel=\"prev\" href=\"").append(quoteSafe(absolute(text(v.paginator.get("previous_page_path")))))
                    .append("\" />\n");
        }
        if (truthy(v.paginator.get("next_page"))) {
            out.append("<link rel=\"next\" href=\"").append(quoteSafe(absolute(text(v.paginator.get("next_page_path")))))
                    .append("\" />\n");
        }
        if (image != null) {
            Object card = dig(page, "twitter", "card");
            card = truthy(card) ? card : dig(site, "twitter", "card");
            meta(out, "name", "twitter:card", truthy(card) ? text(card) : "summary_large_image");
            meta(out, "property", "twitter:image", text(image.get("path")));
        } else {
            meta(out, "name", "twitter:card", "summary");
        }
        if (image != null && truthy(image.get("alt"))) {
            meta(out, "name", "twitter:image:alt", text(image.get("alt")));
        }
        if (v.pageTitle() != null) {
            meta(out, "property", "twitter:title", v.pageTitle());
        }
        if (truthy(site.get("twitter"))) {
            meta(out, "name", "twitter:site", "@" + text(dig(site, "twitter", "username")).replace("@", ""));
            if (author.twitter() != null) {
                meta(out, "name", "twitter:creator", "@" + author.twitter().replace("@", ""));
            }
        }
        if (truthy(site.get("facebook"))) {
            optionalMeta(out, "property", "fb:admins", dig(site, "facebook", "admins"));
            optionalMeta(out, "property", "article:publisher", dig(site, "facebook", "publisher"));
            optionalMeta(out, "property", "fb:app_id", dig(site, "facebook", "app_id"));
        }
        if (truthy(site.get("webmaster_verifications"))) {
            optionalMeta(out, "name", "google-site-verification", dig(site, "webmaster_verifications", "google"));
            optionalMeta(out, "name", "msvalidate.01", dig(site, "webmaster_verifications", "bing"));
            optionalMeta(out, "name", "alexaVerifyID", dig(site, "webmaster_verifications", "alexa"));
            optionalMeta(out, "name", "yandex-verification", dig(site, "webmaster_verifications", "yandex"));
            optionalMeta(out, "name", "baidu-site-verification", dig(site, "webmaster_verifications", "baidu"));
            optionalMeta(out, "name", "facebook-domain-verification", dig(site, "webmaster_verifications", "facebook"));
        } else {
            optionalMeta(out, "name", "google-site-verification", site.get("google_site_verification"));
        }
        out.append("<script type=\"application/ld+json\">\n").append(jsonLdSafe(JekyllFilters.jsonify(v.jsonLd())))
                .append("</script>\n<!-- End Jekyll SEO tag -->\n");
        return out.toString();
    }

    private static void meta(StringBuilder out, String kind, String name, String content) {
        out.append("<meta ").append(kind).append("=\"").append(name).append("\" content=\"").append(quoteSafe(content))
                .append("\" />\n");
    }

    /**
     * A value the plugin prints raw, with only {@code "} written {@code &quot;}: in Jekyll a quote
     * ends the attribute and the rest of the value becomes markup; anything else stays byte for
     * byte the plugin's.
     */
    static String quoteSafe(String value) {
        return value.replace("\"", "&quot;");
    }

    private static void optionalMeta(StringBuilder out, String kind, String name, Object value) {
        if (truthy(value)) {
            meta(out, kind, name, text(value));
        }
    }

    /** JSON that cannot end its script element: {@code <} as its JSON escape (the same data). */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /**
     * The JSON-LD as the plugin writes it, except what could end its script element or a line
     * of script: the {@code <} of {@code </} and {@code <!--}, and the line and paragraph
     * separators, as their JSON escapes (the same data).
     */
    static String jsonLdSafe(String json) {
        return json.replace("</", "\\u003c/").replace("<!--", "\\u003c!--")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private String absolute(String path) {
        return JekyllFilters.absoluteUrl(url, baseurl, path);
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static Object dig(Map<?, ?> map, String... keys) {
        Object at = map;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    private static Map<?, ?> subMap(Map<?, ?> map, String key) {
        return map.get(key) instanceof Map<?, ?> sub ? sub : Map.of();
    }

    /** The author: a name, and the Twitter handle the plugin derives from it. */
    record Author(String name, String twitter, String type, String url) {
    }

    /** The plugin's drop for one page: each value computed the way jekyll-seo-tag computes it. */
    private final class Values {
        private final Map<?, ?> page;
        private final Map<?, ?> site;
        private final Map<?, ?> paginator;
        private final Map<?, ?> seo;

        Values(Map<?, ?> page, Map<?, ?> site, Map<?, ?> paginator) {
            this.page = page;
            this.site = site;
            this.paginator = paginator;
            this.seo = subMap(page, "seo");
        }

        /** markdownify, strip_html, normalize_whitespace, escape_once; null when nothing is left. */
        String format(Object value) {
            if (!truthy(value)) {
                return null;
            }
            String result = formatted.computeIfAbsent(text(value),
                    text -> Html.escapeOnce(JekyllFilters.normalizeWhitespace(Html.stripHtml(markdownify.apply(text)))));
            return result.isEmpty() ? null : result;
        }

        String siteTitle() {
            Object title = site.get("title");
            return format(truthy(title) ? title : site.get("name"));
        }

        String siteDescription() {
            return format(site.get("description"));
        }

        String pageTitle() {
            String own = format(page.get("title"));
            return own != null ? own : siteTitle();
        }

        String title() {
            String siteTitle = siteTitle();
            String pageTitle = pageTitle();
            String title;
            if (siteTitle != null && !siteTitle.equals(pageTitle)) {
                title = pageTitle + SEPARATOR + siteTitle;
            } else if (siteTitle != null && siteDescription() != null) {
                String tagline = format(site.get("tagline"));
                title = siteTitle + SEPARATOR + (tagline != null ? tagline : siteDescription());
            } else {
                title = pageTitle != null ? pageTitle : siteTitle;
            }
            String number = pageNumber();
            return number != null && title != null ? number + title : title;
        }

        /** "Page 2 of 5 for " on the second and later pages of a paginated list. */
        private String pageNumber() {
            if (!(paginator.get("page") instanceof Number current) || current.intValue() <= 1) {
                return null;
            }
            Object message = site.get("seo_paginator_message");
            String pattern = truthy(message) ? text(message) : "Page %<current>s of %<total>s for ";
            return pattern.replace("%<current>s", String.valueOf(current))
                    .replace("%<total>s", text(paginator.get("total_pages")));
        }

        String name() {
            if (truthy(seo.get("name"))) {
                return format(seo.get("name"));
            }
            if (!homepageOrAbout()) {
                return null;
            }
            Object social = dig(site, "social", "name");
            return truthy(social) ? format(social) : siteTitle();
        }

        String description() {
            Object own = page.get("description");
            String formatted = format(truthy(own) ? own : page.get("excerpt"));
            return formatted != null ? formatted : siteDescription();
        }

        Author author() {
            Object resolved = null;
            List<Object> sources = new ArrayList<>();
            sources.add(page.get("author"));
            if (page.get("authors") instanceof List<?> authors && !authors.isEmpty()) {
                sources.add(authors.get(0));
            }
            sources.add(site.get("author"));
            for (Object source : sources) {
                if (source != null && !text(source).isEmpty()) {
                    resolved = source;
                    break;
                }
            }
            Map<Object, Object> hash = new java.util.HashMap<>();
            if (resolved instanceof Map<?, ?> map) {
                hash.putAll(map);
            } else if (resolved instanceof String name) {
                // As the plugin: only a string is a name; a list or a number names no author.
                hash.put("name", name);
                if (dig(site, "data", "authors", text(resolved)) instanceof Map<?, ?> known) {
                    hash.putAll(known);
                }
            }
            Object name = hash.get("name");
            Object twitter = truthy(hash.get("twitter")) ? hash.get("twitter") : name;
            return new Author(name == null ? null : text(name),
                    twitter instanceof String handle ? handle.replaceFirst("^@", "") : null,
                    hash.get("type") == null ? null : text(hash.get("type")),
                    hash.get("url") == null ? null : text(hash.get("url")));
        }

        String locale() {
            Object locale = page.get("locale");
            locale = truthy(locale) ? locale : site.get("locale");
            if (!truthy(locale)) {
                Object lang = page.get("lang");
                lang = truthy(lang) ? lang : site.get("lang");
                locale = truthy(lang) ? lang : "en_US";
            }
            return text(locale).replace('-', '_');
        }

        String canonicalUrl() {
            Object own = page.get("canonical_url");
            if (own != null && !text(own).isEmpty()) {
                return text(own);
            }
            String absolute = absolute(text(page.get("url")));
            return absolute == null ? "" : absolute.replaceFirst("/index\\.html$", "/");
        }

        String datePublished() {
            return xmlschema(page.get("date"));
        }

        String dateModified() {
            Object date = seo.get("date_modified");
            if (!truthy(date)) {
                date = page.get("last_modified_at");
            }
            if (!truthy(date)) {
                date = page.get("date");
            }
            return truthy(date) ? xmlschema(date) : null;
        }

        private String xmlschema(Object date) {
            return JekyllFilters.dateToXmlschema(date, zone).orElseGet(() -> text(date));
        }

        String type() {
            if (truthy(seo.get("type"))) {
                return text(seo.get("type"));
            }
            if (homepageOrAbout()) {
                return "WebSite";
            }
            return truthy(page.get("date")) ? "BlogPosting" : "WebPage";
        }

        Object links() {
            if (truthy(seo.get("links"))) {
                return seo.get("links");
            }
            Object social = dig(site, "social", "links");
            return homepageOrAbout() && truthy(social) ? social : null;
        }

        String logo() {
            Object logo = site.get("logo");
            if (!truthy(logo)) {
                return null;
            }
            String path = text(logo);
            return JekyllFilters.uriEscape(JekyllFilters.hasScheme(path) ? path : absolute(path));
        }

        /** The image as a map with an absolute {@code path}; null when the page names none. */
        Map<String, Object> image() {
            Object own = page.get("image");
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("path", null);
            if (own instanceof Map<?, ?> map) {
                map.forEach((k, value) -> image.put(text(k), value));
            } else if (truthy(own)) {
                image.put("path", text(own));
            }
            Object path = image.get("path");
            if (!truthy(path)) {
                path = truthy(image.get("facebook")) ? image.get("facebook") : image.get("twitter");
            }
            if (!truthy(path)) {
                return null;
            }
            String raw = text(path);
            image.put("path", JekyllFilters.uriEscape(JekyllFilters.hasScheme(raw) ? raw : absolute(raw)));
            return image;
        }

        boolean homepageOrAbout() {
            return HOMEPAGE_OR_ABOUT.matcher(text(page.get("url"))).find();
        }

        /** The JSON-LD object: keys sorted as the plugin sorts them, absent values left out. */
        Map<String, Object> jsonLd() {
            Map<String, Object> ld = new TreeMap<>();
            ld.put("@context", "https://schema.org");
            String type = type();
            ld.put("@type", type);
            Author author = author();
            if (author.name() != null && (author.type() == null
                    || author.type().equals("Person") || author.type().equals("Organization"))) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("@type", author.type() == null ? "Person" : author.type());
                person.put("name", author.name());
                if (author.url() != null) {
                    person.put("url", author.url());
                }
                ld.put("author", person);
            }
            putIfPresent(ld, "dateModified", dateModified());
            putIfPresent(ld, "datePublished", truthy(page.get("date")) ? datePublished() : null);
            putIfPresent(ld, "description", description());
            putIfPresent(ld, "headline", pageTitle());
            Citations.license(page, site).ifPresent(license -> ld.put("license", license.url()));
            Map<String, Object> image = image();
            if (image != null) {
                if (image.size() == 1) {
                    ld.put("image", image.get("path"));
                } else {
                    Map<String, Object> object = new LinkedHashMap<>(image);
                    Object path = object.remove("path");
                    object.put("url", path);
                    object.put("@type", "imageObject");
                    ld.put("image", object);
                }
            }
            if (type.equals("BlogPosting") || type.equals("CreativeWork")) {
                Map<String, Object> mainEntity = new LinkedHashMap<>();
                mainEntity.put("@type", "WebPage");
                mainEntity.put("@id", canonicalUrl());
                ld.put("mainEntityOfPage", mainEntity);
            }
            putIfPresent(ld, "name", name());
            String logo = logo();
            if (logo != null) {
                Map<String, Object> publisher = new LinkedHashMap<>();
                publisher.put("@type", "Organization");
                Map<String, Object> logoObject = new LinkedHashMap<>();
                logoObject.put("@type", "ImageObject");
                logoObject.put("url", logo);
                publisher.put("logo", logoObject);
                if (author.name() != null) {
                    publisher.put("name", author.name());
                }
                ld.put("publisher", publisher);
            }
            putIfPresent(ld, "sameAs", links());
            ld.put("url", canonicalUrl());
            return ld;
        }

        private static void putIfPresent(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }
}
