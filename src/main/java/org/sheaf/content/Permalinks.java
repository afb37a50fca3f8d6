package org.sheaf.content;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.jekyll.PercentEncoding;
import org.sheaf.jekyll.Slugs;
import org.sheaf.jekyll.Strftime;
import org.sheaf.jekyll.WideTime;

/**
 * Jekyll 4.3's URL rules: permalink styles and templates, the placeholders of documents and
 * pages, URL escaping and sanitising, and where a URL is written under the destination.
 *
 * <p>Pure functions: no IO, no state, safe from any thread.
 *
 * <p>Documents (posts and other collection items) know the placeholders {@link #DOCUMENT_PLACEHOLDERS}.
 * A placeholder is the longest run of lower-case letters and underscores after a colon, so
 * {@code :i_month} is one placeholder; one trailing underscore is let go when the longer name is
 * unknown, so {@code :month_:day} reads as {@code :month}, {@code _}, {@code :day}. A placeholder
 * Jekyll does not know stops Jekyll's build; here it stays in the URL as written, and
 * {@link #unknownPlaceholders(String)} names it so the caller can report it.
 *
 * <p>Pages know only {@code :path}, {@code :basename} and {@code :output_ext}; anything else in
 * a page's permalink stays as written, as in Jekyll. A collection's static files know five
 * placeholders of their own ({@link #staticFileUrl}).
 */
public final class Permalinks {
    /** The placeholders a post or collection document's permalink may use. */
    public static final Set<String> DOCUMENT_PLACEHOLDERS = Set.of(
            "collection", "path", "output_ext", "name", "title", "slug", "categories",
            "slugified_categories", "year", "month", "day", "hour", "minute", "second", "i_day",
            "i_month", "short_month", "long_month", "short_year", "w_year", "week", "w_day",
            "short_day", "long_day", "y_day");

    /** The strftime directive Jekyll's URL drop formats each date placeholder with. */
    private static final Map<String, String> DATE_DIRECTIVES = Map.ofEntries(Map.entry("year", "%Y"),
            Map.entry("month", "%m"), Map.entry("day", "%d"), Map.entry("hour", "%H"), Map.entry("minute", "%M"),
            Map.entry("second", "%S"), Map.entry("i_day", "%-d"), Map.entry("i_month", "%-m"),
            Map.entry("short_month", "%b"), Map.entry("long_month", "%B"), Map.entry("short_year", "%y"),
            Map.entry("w_year", "%G"), Map.entry("week", "%V"), Map.entry("w_day", "%u"), Map.entry("short_day", "%a"),
            Map.entry("long_day", "%A"), Map.entry("y_day", "%j"));
    private static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");
    private static final Set<String> HTML_EXTENSIONS = Set.of(".html", ".xhtml", ".htm");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final Pattern PLAIN = Pattern.compile("^[a-zA-Z0-9./-]+$");
    private static final Pattern TRAILING_PERIODS = Pattern.compile("\\.*$");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    /** What {@code URL.escape_path} leaves unencoded besides letters and digits. */
    private static final String KEPT = "-._~!$&'()*+,;=:@/?";

    private Permalinks() {
    }

    /**
     * The template for a permalink style: {@code date} (also for null, Jekyll's default),
     * {@code pretty}, {@code ordinal}, {@code weekdate}, {@code none}; any other value is already
     * a template and comes back unchanged.
     */
    public static String styleTemplate(String style) {
        String chosen = style == null ? "date" : style;
        return STYLES.getOrDefault(chosen, chosen);
    }

    /**
     * {@code template} with the ending the site's permalink style asks for, as Jekyll's
     * {@code add_permalink_suffix}: {@code /} for {@code pretty}; {@code :output_ext} for
     * {@code date}, {@code ordinal}, {@code none} (and null); for a custom template, {@code /} if
     * it ends with one, {@code :output_ext} if it ends with that; nothing otherwise (this includes
     * {@code weekdate}, which Jekyll 4.3 leaves out of that list).
     */
    public static String addPermalinkSuffix(String template, String siteStyle) {
        String style = siteStyle == null ? "date" : siteStyle;
        return switch (style) {
            case "pretty" -> template + "/";
            case "date", "ordinal", "none" -> template + ":output_ext";
            default -> {
                String out = template;
                if (style.endsWith("/")) {
                    out += "/";
                }
                if (style.endsWith(":output_ext")) {
                    out += ":output_ext";
                }
                yield out;
            }
        };
    }

    /**
     * The URL of a post or collection document. The template is the first of: the front matter
     * permalink; the collection's permalink; for posts, the site's style ({@link #styleTemplate});
     * for other collections {@code /:collection/:path} with the site style's ending
     * ({@link #addPermalinkSuffix}), so {@code /:collection/:path/} under {@code pretty} and
     * {@code /:collection/:path:output_ext} under the default {@code date}.
     *
     * @param frontMatterPermalink the document's {@code permalink}, or null; an empty string counts
     *                             (it gives {@code /}), as in Jekyll
     * @param collectionPermalink  the collection's {@code permalink} from {@code _config.yml}, or null
     * @param sitePermalink        the site's {@code permalink} (style or template), or null for {@code date}
     */
    public static String documentUrl(String frontMatterPermalink, String collectionPermalink, String sitePermalink,
                                     PermalinkFacts facts) {
        return documentUrl(documentTemplate(frontMatterPermalink, collectionPermalink, sitePermalink, facts.collection()),
                facts);
    }

    /** The URL of a post or collection document whose {@link #documentTemplate} is {@code template}. */
    public static String documentUrl(String template, PermalinkFacts facts) {
        return sanitize(fillDocumentTemplate(template, facts));
    }

    /** The template {@link #documentUrl} fills, before placeholders are replaced. */
    public static String documentTemplate(String frontMatterPermalink, String collectionPermalink,
                                          String sitePermalink, String collection) {
        if (frontMatterPermalink != null) {
            return frontMatterPermalink;
        }
        if (collectionPermalink != null) {
            return collectionPermalink;
        }
        if ("posts".equals(collection)) {
            return styleTemplate(sitePermalink);
        }
        return addPermalinkSuffix("/:collection/:path", sitePermalink);
    }

    /**
     * The URL of a page, as Jekyll's {@code Page#url}. Without a front matter permalink the
     * template is {@code /:path/:basename:output_ext} for output that is not HTML (so
     * {@code feed.xml} stays {@code /feed.xml}), {@code /:path/} for an index page ({@code /},
     * {@code /en/}), and otherwise {@code /:path/:basename} with the site style's ending
     * ({@code /about/} under {@code pretty}, {@code /about.html} under {@code date}).
     * {@code :path} is {@link PermalinkFacts#relativeDir()}.
     */
    public static String pageUrl(String frontMatterPermalink, String sitePermalink, PermalinkFacts facts) {
        String outputExt = nullToEmpty(facts.outputExt());
        String template;
        if (frontMatterPermalink != null) {
            template = frontMatterPermalink;
        } else if (!HTML_EXTENSIONS.contains(outputExt)) {
            template = "/:path/:basename:output_ext";
        } else if ("index".equals(facts.basename())) {
            template = "/:path/";
        } else {
            template = addPermalinkSuffix("/:path/:basename", sitePermalink);
        }
        // Jekyll replaces a page's three placeholders in this order, as plain text.
        return sanitize(replaceInOrder(template,
                "path", nullToEmpty(facts.relativeDir()),
                "basename", nullToEmpty(facts.basename()),
                "output_ext", outputExt));
    }

    /**
     * The URL of a static file inside a collection, as Jekyll's {@code StaticFile#url}: the
     * collection's template ({@link #documentTemplate} without a front matter permalink) filled
     * with the five placeholders a static file knows, then one trailing {@code /} dropped and the
     * file's extension added. {@code :collection} is the label, {@code :path} the path inside the
     * collection's folder from a leading {@code /} without the extension (nor the dots that then
     * end it), {@code :name} the file's basename (neither slugified nor with its extension),
     * {@code :output_ext} and {@code :title} empty. They are replaced in that order as plain text,
     * so {@code :paths} reads as {@code :path} and {@code s}; every other placeholder, a date's or
     * {@code :slug} among them, stays in the URL as written, and Jekyll reports none of them.
     *
     * <p>So {@code /:collection/:path/} gives {@code /notes/sub/data.csv} as the default does, and
     * {@code /n/:year/:title/} gives {@code /n/:year.png}.
     *
     * @param template         the collection's URL template
     * @param collection       the collection's label
     * @param pathInCollection the file's path inside the collection's folder ({@code sub/data.csv})
     * @param basename         Jekyll's basename of the file ({@code data})
     * @param extname          Ruby's {@code File.extname} of the file name ({@code .csv}), or empty
     */
    public static String staticFileUrl(String template, String collection, String pathInCollection,
            String basename, String extname) {
        String withoutExt = pathInCollection.substring(0, pathInCollection.length() - extname.length());
        String path = "/" + TRAILING_PERIODS.matcher(withoutExt).replaceFirst("");
        String url = sanitize(replaceInOrder(template,
                "collection", collection,
                "path", path,
                "output_ext", "",
                "name", basename,
                "title", ""));
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + extname;
    }

    /**
     * The URL a plugin's {@code template} gives with the placeholders {@code namesAndValues}
     * (name, value, name, value...): each replaced in that order by its escaped value, as plain
     * text, then sanitized, as Jekyll's {@code URL} fills a hash of placeholders. A null value
     * takes its placeholder out with the slash before it ({@code /tag/:name/} gives {@code /tag/}).
     */
    public static String filled(String template, String... namesAndValues) {
        return sanitize(replaceInOrder(template, namesAndValues));
    }

    /**
     * {@code template} with each {@code :name} of {@code namesAndValues} (name, value, name,
     * value...) replaced by its escaped value, one name after the other, as plain text: Jekyll's
     * URL filled from a hash of placeholders.
     */
    private static String replaceInOrder(String template, String... namesAndValues) {
        String out = template;
        for (int i = 0; i < namesAndValues.length && out.indexOf(':') >= 0; i += 2) {
            String value = namesAndValues[i + 1];
            out = value == null ? out.replace("/:" + namesAndValues[i], "")
                    : out.replace(":" + namesAndValues[i], escapePath(value));
        }
        return out;
    }

    /**
     * The placeholders of {@code template} that documents do not know, in order of appearance,
     * each once, without the colon. Empty when the template is fine.
     */
    public static List<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (knownName(m.group(1)) == null) {
                unknown.add(m.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * Where a document's URL is written under the destination, relative to it, with {@code /}:
     * the URL percent-decoded, {@code .} and {@code ..} segments resolved inside the destination,
     * {@code index.html} added when the URL ends with {@code /}, otherwise {@code outputExt}
     * added unless the path already ends with it ({@code /feed} with {@code .html} gives
     * {@code feed.html}). Never starts with {@code /}.
     */
    public static String outputPath(String url, String outputExt) {
        String path = insideDestination(unescapePath(url));
        if (url.endsWith("/")) {
            return path.isEmpty() ? "index.html" : path + "/index.html";
        }
        return withExt(path, outputExt);
    }

    /**
     * As {@link #outputPath} but with Jekyll's rule for pages: a URL ending with {@code /} gets
     * {@code index} plus the output extension, so a page at {@code /feed/} with {@code .xml}
     * output is written to {@code feed/index.xml}.
     */
    public static String pageOutputPath(String url, String outputExt) {
        String path = insideDestination(unescapePath(url));
        if (url.endsWith("/")) {
            path = path.isEmpty() ? "index" : path + "/index";
        }
        return withExt(path, outputExt);
    }

    /**
     * Jekyll's {@code URL.escape_path}: text made only of ASCII letters, digits, {@code .},
     * {@code /} and {@code -} is returned as is; otherwise every character but the URL path's
     * own ({@code A-Za-z0-9-._~!$&'()*+,;=:@/}) and {@code ?} is percent-encoded as UTF-8 bytes,
     * upper-case hex. ({@code ?} survives because Jekyll parses the text as a URI, and a query may
     * hold {@code ?}; {@code #} is always encoded.)
     */
    public static String escapePath(String path) {
        if (path.isEmpty() || PLAIN.matcher(path).matches()) {
            return path;
        }
        return PercentEncoding.encode(path, KEPT);
    }

    /**
     * Jekyll's {@code URL.unescape_path}: every {@code %XX} becomes its byte, and the bytes are
     * read as UTF-8; a {@code %} not followed by two hex digits stays; {@code +} stays {@code +}.
     */
    public static String unescapePath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        return new String(PercentEncoding.decode(path), StandardCharsets.UTF_8);
    }

    /**
     * Jekyll's {@code URL#sanitize_url}: a leading {@code /} added, every {@code ..} turned into
     * {@code /}, every {@code ./} removed, runs of {@code /} collapsed to one.
     */
    static String sanitize(String url) {
        String out = ("/" + url).replace("..", "/").replace("./", "");
        return SLASHES.matcher(out).replaceAll("/");
    }

    private static String fillDocumentTemplate(String template, PermalinkFacts facts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String written = m.group(1);
            String name = knownName(written);
            String replacement;
            if (name == null) {
                replacement = m.group();
            } else {
                replacement = escapePath(documentValue(name, facts)) + written.substring(name.length());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder {@code written} stands for, or null: itself, or itself less one trailing underscore. */
    private static String knownName(String written) {
        if (written.endsWith("_")) {
            String shorter = written.substring(0, written.length() - 1);
            return DOCUMENT_PLACEHOLDERS.contains(shorter) ? shorter : null;
        }
        return DOCUMENT_PLACEHOLDERS.contains(written) ? written : null;
    }

    private static String documentValue(String name, PermalinkFacts facts) {
        String nameWithoutExt = withoutExt(nullToEmpty(facts.name()));
        return switch (name) {
            case "collection" -> nullToEmpty(facts.collection());
            case "path" -> "/" + TRAILING_PERIODS.matcher(nullToEmpty(facts.relativePathInCollection()))
                    .replaceFirst("");
            case "output_ext" -> nullToEmpty(facts.outputExt());
            case "name" -> Slugs.slugify(nameWithoutExt);
            case "title" -> Slugs.slugify(slugSource(facts), "pretty", true);
            case "slug" -> Slugs.slugify(slugSource(facts));
            case "categories" -> joinCategories(facts.categories(), c -> c.toLowerCase(Locale.ROOT));
            case "slugified_categories" -> joinCategories(facts.categories(), Slugs::slugify);
            default -> dateValue(name, facts.date());
        };
    }

    private static String slugSource(PermalinkFacts facts) {
        return facts.slugSource() != null ? facts.slugSource() : nullToEmpty(facts.basename());
    }

    private static String joinCategories(List<String> categories, Function<String, String> form) {
        Set<String> seen = new LinkedHashSet<>();
        for (String category : categories) {
            seen.add(form.apply(category));
        }
        return String.join("/", seen);
    }

    /**
     * The strftime value Jekyll's URL drop gives each date placeholder, formatted by
     * {@link Strftime} with the directive of {@link #DATE_DIRECTIVES} as Jekyll formats every one,
     * for a {@link ZonedDateTime} and a {@link WideTime} alike; empty without a date.
     */
    private static String dateValue(String name, Object date) {
        String directive = DATE_DIRECTIVES.get(name);
        if (directive == null) {
            throw new IllegalStateException("not a date placeholder: " + name);
        }
        if (date == null) {
            return "";
        }
        return formatted(date, directive);
    }

    /**
     * A post's {@code date} formatted with the strftime {@code directive}, a {@link ZonedDateTime}
     * and a {@link WideTime} alike, as a permalink's date placeholders and the archives of the
     * posts by date read it.
     */
    public static String formatted(Object date, String directive) {
        return date instanceof WideTime wide ? wide.format(directive) : Strftime.format(directive, (ZonedDateTime) date);
    }

    /** The decoded URL as a path inside the destination: no leading slash, dot segments resolved. */
    private static String insideDestination(String decoded) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", new ArrayList<>(segments));
    }

    private static String withExt(String path, String outputExt) {
        String ext = nullToEmpty(outputExt);
        return path.endsWith(ext) ? path : path + ext;
    }

    private static String withoutExt(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
