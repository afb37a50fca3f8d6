package org.sheaf.jekyll;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jekyll's own filters ({@code Jekyll::Filters} and {@code Jekyll::Filters::URLFilters}) as
 * plain functions, so the Liquid filters and the Freemarker functions share one behaviour.
 *
 * <p>Values follow the template model's types: maps, lists, strings, numbers, booleans, null and
 * {@link ZonedDateTime}. Every function is pure and thread-safe.
 */
public final class JekyllFilters {
    /** An absolute URL's scheme and host, then the rest; compiled once, as every page's sitemap entry uses it. */
    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]*)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\s*\\d*\\s*");
    private static final Pattern RUBY_SPACE = Pattern.compile("[ \\t\\r\\n\\f\\u000B]+");
    private static final String CJK = "\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}\\p{IsHangul}";
    private static final Pattern CJK_CHAR = Pattern.compile("[" + CJK + "]");
    private static final Pattern NON_CJK_WORD = Pattern.compile("[^" + CJK + "\\s]+");
    /** Ruby's year: counted through 0 (1 BC), four digits at least, a sign only before a negative one. */
    private static final DateTimeFormatter YEAR = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter XMLSCHEMA = new DateTimeFormatterBuilder().append(YEAR)
            .appendPattern("-MM-dd'T'HH:mm:ssxxx").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter RFC822 = new DateTimeFormatterBuilder().appendPattern("EEE, dd MMM ")
            .append(YEAR).appendPattern(" HH:mm:ss xx").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);
    /** Characters Addressable leaves alone in a URI: unreserved, reserved and {@code %}. */
    private static final String URI_SAFE = "-._~!$&'()*+,;=:/?#[]@";
    /**
     * Characters Addressable's {@code normalize} leaves alone in a path, query or fragment: those of
     * {@link #URI_SAFE} but the brackets, which only a host may hold ({@code /a[1]} is
     * {@code /a%5B1%5D}), and {@code %}.
     */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:/?#@%";

    private JekyllFilters() {
    }

    /**
     * {@code relative_url}: {@code input} under the site's {@code baseurl}, each part given a
     * leading slash and the two joined as they are, so {@code //x} under {@code /blog} stays
     * {@code /blog//x} as in Jekyll. Absolute URLs (with a scheme) and null pass through unchanged.
     *
     * @param baseurl the site's {@code baseurl} as {@code SiteConfig.baseurl()} gives it (trailing
     *                {@code /} already chomped), or null
     */
    public static String relativeUrl(String baseurl, String input) {
        if (input == null) {
            return null;
        }
        if (hasScheme(input)) {
            return input;
        }
        return normalizeUri(leadingSlash(baseurl == null ? "" : baseurl) + leadingSlash(input));
    }

    /** The first {@code /index.html} or {@code /index.htm} that ends a line, as Ruby's {@code $} ends one. */
    private static final Pattern INDEX_PAGE = Pattern.compile("/index\\.html?$",
            Pattern.MULTILINE);

    /**
     * {@code strip_index}: {@code input} with a trailing {@code /index.html} (or {@code .htm}) cut
     * to {@code /}, so a page's URL names its folder as a canonical link does; null for null or
     * empty input, as Jekyll gives nil.
     */
    public static String stripIndex(String input) {
        if (input == null || input.isEmpty()) {
            return null;
        }
        return INDEX_PAGE.matcher(input).replaceFirst("/");
    }

    /**
     * {@code absolute_url}: the site's {@code url} followed by {@link #relativeUrl}. Without a
     * {@code url} this is the relative URL; absolute input passes through unchanged.
     */
    public static String absoluteUrl(String url, String baseurl, String input) {
        if (input == null) {
            return null;
        }
        if (hasScheme(input)) {
            return input;
        }
        String relative = relativeUrl(baseurl, input);
        if (url == null || url.isEmpty()) {
            return relative;
        }
        String whole = url + relative;
        Matcher m = ORIGIN.matcher(whole);
        if (m.matches()) {
            String rest = m.group(2).isEmpty() ? "/" : m.group(2);
            return m.group(1).toLowerCase(Locale.ROOT) + normalizeUri(rest);
        }
        return normalizeUri(whole);
    }

    /**
     * Whether {@code input} is an absolute URL as Addressable's {@code absolute?} sees it: it
     * starts with a URI scheme ({@code https:}, {@code mailto:}), a letter, then letters, digits,
     * {@code +}, {@code .} or {@code -}, then a colon. Checked by hand because it runs for every
     * URL of every page, the sitemap's included.
     */
    public static boolean hasScheme(String input) {
        if (input.isEmpty() || !isAsciiLetter(input.charAt(0))) {
            return false;
        }
        for (int i = 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String leadingSlash(String part) {
        return part.isEmpty() || part.startsWith("/") ? part : "/" + part;
    }

    private static String normalizeUri(String uri) {
        return PercentEncoding.encode(withoutDotSegments(withoutEmptyQueryOrFragment(strippedPath(uri))), PATH_SAFE);
    }

    /**
     * {@code uri} with white space and NUL cut from both ends of its path, as Addressable's
     * {@code normalize} strips the path (Ruby's {@code strip}) before it encodes it: {@code /a #x}
     * is {@code /a#x}. The query and fragment keep theirs; so does a {@code //host}.
     */
    private static String strippedPath(String uri) {
        int start = 0;
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '?' || uri.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        if (uri.startsWith("//")) {
            int slash = uri.indexOf('/', 2);
            start = slash < 0 || slash > end ? end : slash;
        }
        int from = start;
        int to = end;
        while (from < to && isRubyWhiteSpace(uri.charAt(from))) {
            from++;
        }
        while (to > from && isRubyWhiteSpace(uri.charAt(to - 1))) {
            to--;
        }
        return from == start && to == end ? uri : uri.substring(0, start) + uri.substring(from, to) + uri.substring(end);
    }

    /** The characters Ruby's {@code String#strip} removes: NUL, tab, line feed, vertical tab, form feed, return, space. */
    private static boolean isRubyWhiteSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0';
    }

    /**
     * {@code uri} without a {@code ?} that starts an empty query or a {@code #} that starts an
     * empty fragment, as Addressable's {@code normalize} drops them: {@code /a.js?} is
     * {@code /a.js}, {@code /a?#x} is {@code /a#x}.
     */
    private static String withoutEmptyQueryOrFragment(String uri) {
        int hash = uri.indexOf('#');
        int question = uri.indexOf('?');
        if (question > hash && hash >= 0) {
            question = -1;
        }
        String out = uri;
        if (hash >= 0 && hash == out.length() - 1) {
            out = out.substring(0, hash);
        }
        if (question >= 0 && (question == out.length() - 1 || out.charAt(question + 1) == '#')) {
            out = out.substring(0, question) + out.substring(question + 1);
        }
        return out;
    }

    /** Addressable's rules for dot segments, in the order its {@code normalize_path} tries them. */
    private static final Pattern SELF_SEGMENT = Pattern.compile("/\\./|/\\.$", Pattern.MULTILINE);
    private static final Pattern PARENT_SEGMENT = Pattern.compile("/([^/]*)/\\.\\./|/([^/]*)/\\.\\.$", Pattern.MULTILINE);
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.\\.?/?", Pattern.MULTILINE);
    private static final Pattern PREFIXED_PARENT = Pattern.compile("^/\\.\\.?/|^(/\\.\\.?)+/?$", Pattern.MULTILINE);

    /**
     * {@code uri} with the {@code .} and {@code ..} segments of its path resolved as Addressable's
     * {@code normalize} resolves them for Jekyll's URL filters, so {@code .} under {@code /docs}
     * is {@code /docs/}. The query and fragment are left as they are; so is a {@code //host}.
     */
    private static String withoutDotSegments(String uri) {
        if (!uri.contains("/.") && !uri.startsWith(".")) {
            return uri;
        }
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '?' || uri.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        int start = 0;
        if (uri.startsWith("//")) {
            int slash = uri.indexOf('/', 2);
            start = slash < 0 || slash > end ? end : slash;
        }
        return uri.substring(0, start) + removeDotSegments(uri.substring(start, end)) + uri.substring(end);
    }

    /** Each round applies the first rule that changes the path, until none does, as Addressable's loop. */
    private static String removeDotSegments(String path) {
        String current = path;
        while (true) {
            String next = SELF_SEGMENT.matcher(current).replaceAll("/");
            if (next.equals(current)) {
                Matcher pair = PARENT_SEGMENT.matcher(current);
                if (pair.find()) {
                    String parent = pair.group(1) == null ? "" : pair.group(1);
                    String child = pair.group(2) == null ? "" : pair.group(2);
                    next = Pattern.compile("/" + Pattern.quote(parent) + "/\\.\\./|(/" + Pattern.quote(child)
                            + "/\\.\\.$)", Pattern.MULTILINE).matcher(current).replaceAll("/");
                }
            }
            if (next.equals(current)) {
                next = LEADING_DOTS.matcher(current).replaceAll("");
            }
            if (next.equals(current)) {
                next = PREFIXED_PARENT.matcher(current).replaceAll("/");
            }
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
    }

    /** {@code date_to_xmlschema}: ISO 8601, as {@code 2017-09-04T10:00:00+02:00}. */
    public static String dateToXmlschema(ZonedDateTime date) {
        return date.format(XMLSCHEMA);
    }

    /** {@code date_to_xmlschema} of a time Java's times cannot hold, as Ruby's strftime writes it. */
    public static String dateToXmlschema(WideTime date) {
        return date.format("%FT%T%:z");
    }

    /**
     * {@code date_to_xmlschema} of a time or date value ({@link RubyTime#inZone}), or of text
     * {@code Time.parse} reads ({@link RubyTimeParser}), moved into {@code zone}, as Jekyll's
     * plugins write it; empty for any other value, and for digits alone, which the plugins read
     * each their own way.
     */
    public static Optional<String> dateToXmlschema(Object value, ZoneId zone) {
        Object time = value instanceof String text && !DIGITS.matcher(text).matches()
                ? RubyTimeParser.parseAny(text, zone, ZonedDateTime.now(zone)).orElse(null) : value;
        return RubyTime.inZone(time, zone).map(local -> local instanceof WideTime wide ? dateToXmlschema(wide)
                : dateToXmlschema((ZonedDateTime) local));
    }

    /** {@code date_to_rfc822}: as {@code Mon, 04 Sep 2017 10:00:00 +0200}, for RSS. */
    public static String dateToRfc822(ZonedDateTime date) {
        return date.format(RFC822);
    }

    /** {@code date_to_rfc822} of a time Java's times cannot hold, as Ruby's strftime writes it. */
    public static String dateToRfc822(WideTime date) {
        return date.format("%a, %d %b %Y %T %z");
    }

    /**
     * {@code date_to_string}: {@code 04 Sep 2017}; with type {@code ordinal}, {@code 4th Sep 2017},
     * and with style {@code US} as well, {@code Sep 4th, 2017}. Type and style may be null.
     */
    public static String dateToString(ZonedDateTime date, String type, String style) {
        return stringifyDate(date.getDayOfMonth(), date.format(SHORT_MONTH), date.format(YEAR), type, style);
    }

    /** {@code date_to_string} of a time Java's times cannot hold. */
    public static String dateToString(WideTime date, String type, String style) {
        return stringifyDate(date.wall().getDayOfMonth(), date.format("%b"), date.format("%Y"), type, style);
    }

    /** {@code date_to_long_string}: as {@link #dateToString} with the month's full name. */
    public static String dateToLongString(ZonedDateTime date, String type, String style) {
        return stringifyDate(date.getDayOfMonth(), date.format(LONG_MONTH), date.format(YEAR), type, style);
    }

    /** {@code date_to_long_string} of a time Java's times cannot hold. */
    public static String dateToLongString(WideTime date, String type, String style) {
        return stringifyDate(date.wall().getDayOfMonth(), date.format("%B"), date.format("%Y"), type, style);
    }

    /** A day of the month as {@code date_to_string} writes it ordinal: {@code 1st}, {@code 12th}. */
    private static String ordinalDay(int day) {
        return day + ordinalSuffix(day);
    }

    /** Jekyll's {@code stringify_date}, of the day, the month's name and the year as {@code %Y} writes it. */
    private static String stringifyDate(int day, String month, String year, String type, String style) {
        if ("ordinal".equals(type)) {
            String ordinalDay = ordinalDay(day);
            if ("US".equals(style)) {
                return month + " " + ordinalDay + ", " + year;
            }
            return ordinalDay + " " + month + " " + year;
        }
        return (day < 10 ? "0" : "") + day + " " + month + " " + year;
    }

    private static String ordinalSuffix(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** {@code cgi_escape}: Ruby's {@code CGI.escape}: form encoding, space as {@code +}. */
    public static String cgiEscape(String input) {
        return PercentEncoding.encode(input, "-._~ ").replace(' ', '+');
    }

    /**
     * {@code uri_escape}: Addressable's {@code normalize_component}: the escapes already in the
     * text are read ({@code %41} is {@code A}), the text put in Unicode's compatibility form
     * (NFKC) where its bytes are UTF-8, then reserved and unreserved characters stay and everything
     * else (spaces, backslashes, non-ASCII, a {@code %} that is not part of an escape) is
     * percent-encoded: {@code 100%} is {@code 100%25}, {@code %2F x} is {@code /%20x}.
     */
    public static String uriEscape(String input) {
        byte[] unescaped = PercentEncoding.decode(input);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(unescaped)).toString();
            return PercentEncoding.encode(Normalizer.normalize(text, Normalizer.Form.NFKC), URI_SAFE);
        } catch (CharacterCodingException e) {
            return PercentEncoding.encode(unescaped, URI_SAFE);
        }
    }

    /**
     * {@code number_of_words}: whitespace-separated words; with mode {@code cjk} every Han,
     * Kana and Hangul character counts as a word of its own, and {@code auto} does so only when
     * the text has such characters.
     */
    public static int numberOfWords(String text, String mode) {
        String input = text == null ? "" : text;
        int plain = splitWords(input);
        if ("cjk".equals(mode)) {
            return count(CJK_CHAR, input) + count(NON_CJK_WORD, input);
        }
        if ("auto".equals(mode)) {
            int cjk = count(CJK_CHAR, input);
            return cjk == 0 ? plain : cjk + count(NON_CJK_WORD, input);
        }
        return plain;
    }

    private static int splitWords(String input) {
        return RubyStrings.split(input, " ").length;
    }

    private static int count(Pattern pattern, String input) {
        int n = 0;
        Matcher m = pattern.matcher(input);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * {@code jsonify}: Ruby's {@code to_json} of a template value: objects and arrays without
     * spaces, strings with JSON escapes (non-ASCII kept), dates as Ruby prints a {@code Time}
     * ({@code "2017-09-04 10:00:00 +0200"}), null as {@code null}.
     */
    public static String jsonify(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value, 0, null);
        return out.toString();
    }

    /**
     * Ruby's {@code JSON.pretty_generate} of a template value, the same JSON as {@link #jsonify}
     * laid out over lines: each member on a line of its own, indented two spaces a level, a space
     * after each colon, and an empty array as {@code [}, an empty line and {@code ]}, an empty hash
     * as {@code {} and {@code }} on two lines, as Ruby's generator writes them. A document's drop
     * prints so as its {@code inspect}.
     */
    public static String prettyJson(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value, 0, "");
        return out.toString();
    }

    /** The drop's fields a document drops from the documents it points at, two levels down. */
    private static final Set<String> NESTED_BLACKLIST = Set.of("content", "output", "excerpt", "next", "previous");

    /**
     * {@code value} as JSON, {@code depth} arrays and hashes down. A drop ({@link RubyDrop}) lists its keys
     * in the drop's order; from depth 2 on, as Jekyll's hash_for_json does, the documents it
     * points at ({@code previous}, {@code next}) lose their content, output, excerpt and own
     * neighbours, which ends the cycle between neighbours. {@code indent} is null for JSON on one
     * line, or the indent of the line the value starts on, for pretty JSON.
     */
    private static void appendJson(StringBuilder out, Object value, int depth, String indent) {
        if (value == null) {
            out.append("null");
        } else if (RubyDrop.is(value)) {
            RubyDrop drop = (RubyDrop) value;
            Map<String, Object> hash = new LinkedHashMap<>();
            for (String key : drop.dropKeys()) {
                Object field = drop.get(key);
                if (depth >= 2 && (key.equals("previous") || key.equals("next")) && DocumentDrop.is(field)) {
                    DocumentDrop neighbour = (DocumentDrop) field;
                    Map<String, Object> collapsed = new LinkedHashMap<>();
                    for (String k : neighbour.dropKeys()) {
                        if (!NESTED_BLACKLIST.contains(k)) {
                            collapsed.put(k, neighbour.get(k));
                        }
                    }
                    field = collapsed;
                }
                hash.put(key, field);
            }
            appendJson(out, hash, depth, indent);
        } else if (value instanceof Map<?, ?> map) {
            String inner = indent == null ? null : indent + "  ";
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newLine(out, inner);
                appendJsonString(out, String.valueOf(e.getKey()));
                out.append(indent == null ? ":" : ": ");
                appendJson(out, e.getValue(), depth + 1, inner);
            }
            newLine(out, indent);
            out.append('}');
        } else if (value instanceof RubyRange range) {
            // Ruby's JSON writes a Range as the text of it
            appendJsonString(out, range.rubyText());
        } else if (value instanceof Collection<?> list) {
            String inner = indent == null ? null : indent + "  ";
            out.append('[');
            // Ruby's generator starts a new line after the bracket even when no item follows
            if (list.isEmpty() && indent != null) {
                out.append('\n');
            }
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newLine(out, inner);
                appendJson(out, item, depth + 1, inner);
            }
            newLine(out, indent);
            out.append(']');
        } else if (value instanceof Object[] array) {
            appendJson(out, java.util.Arrays.asList(array), depth, indent);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : RubyInspect.floatText(d));
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.stripTrailingZeros().scale() <= 0
                    ? decimal.toBigInteger().toString() : decimal.toPlainString());
        } else if (value instanceof ZonedDateTime date) {
            appendJsonString(out, RubyTime.text(date));
        } else {
            appendJsonString(out, value.toString());
        }
    }

    /** In pretty JSON ({@code indent} not null), a line break and the indent of the next line. */
    private static void newLine(StringBuilder out, String indent) {
        if (indent != null) {
            out.append('\n').append(indent);
        }
    }

    private static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * {@code array_to_sentence_string}: {@code a}, {@code a and b}, {@code a, b, and c}; the
     * connector (default {@code and}) may be replaced. Each item is written as Ruby's {@code to_s}
     * writes it (a list as its inspect, {@code ["x", "y"]}), except that the items before the
     * last are joined by Ruby's {@code join}, which walks into nested lists
     * ({@code x, y, and z} for {@code [[x, y], z]}).
     */
    public static String arrayToSentenceString(List<?> items, String connector) {
        String and = connector == null ? "and" : connector;
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> RubyInspect.toS(items.get(0));
            case 2 -> RubyInspect.toS(items.get(0)) + " " + and + " " + RubyInspect.toS(items.get(1));
            default -> joined(items.subList(0, items.size() - 1)) + ", " + and + " "
                    + RubyInspect.toS(items.get(items.size() - 1));
        };
    }

    /** Ruby's {@code join(", ")}: the items' texts, those of nested lists among them, between commas. */
    private static String joined(List<?> items) {
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            texts.add(item instanceof List<?> list ? joined(list) : RubyInspect.toS(item));
        }
        return String.join(", ", texts);
    }

    /** {@code normalize_whitespace}: runs of whitespace become one space, ends trimmed. */
    public static String normalizeWhitespace(String input) {
        return RUBY_SPACE.matcher(input == null ? "" : input).replaceAll(" ").strip();
    }

    /** {@code slugify}: {@link Slugs#slugify(String, String, boolean)} in lower case; null mode is default. */
    public static String slugify(String input, String mode) {
        return input == null ? null : Slugs.slugify(input, mode, false);
    }
}
