package org.sheaf.liquid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liqp.LValue;
import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.nodes.AtomNode;
import org.sheaf.jekyll.RubyDrop;
import org.sheaf.jekyll.DefaultedHash;
import org.sheaf.jekyll.DocumentDrop;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyMergeSort;
import org.sheaf.jekyll.RubyNumbers;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyStrings;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.RubyTimeParser;
import org.sheaf.markdown.Smartypants;
import org.sheaf.jekyll.Strftime;
import org.sheaf.jekyll.WideTime;

/**
 * Jekyll's filters as Liqp filters. Those Liqp already has with Jekyll's meaning stay Liqp's;
 * these are the ones it lacks or means differently, each calling {@link JekyllFilters}.
 */
final class JekyllLiquidFilters {
    /** The registry of a render's context that holds its random numbers ({@link #randomFor}). */
    private static final String RANDOM_REGISTRY = "sheaf_random";

    private JekyllLiquidFilters() {
    }

    /** A filter from a function of the input, the context and the parameters. */
    private interface Body {
        Object apply(Object input, TemplateContext context, Object... params);
    }

    /**
     * A filter of {@code body}. Ruby Liquid hands on each filter's result as its {@code to_liquid},
     * so {@code empty} or {@code blank} given back as it is ({@code {{ empty | default: 1 }}}) is
     * "" to the next filter, which {@code default} then replaces.
     */
    private static Filter filter(String name, Body body) {
        return new Filter(name) {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                Object result = body.apply(value, context, params);
                return isEmptyOrBlank(result) ? "" : result;
            }
        };
    }

    static List<Filter> all(LiquidRenderer renderer) {
        LiquidSetup setup = renderer.setup();
        Filter any = filter("any", (v, c, p) -> v);
        List<Filter> filters = new ArrayList<>();
        filters.add(filter("relative_url", (v, c, p) -> v == null ? null
                : JekyllFilters.relativeUrl(setup.baseurl(), urlText(v, c, any))));
        filters.add(filter("absolute_url", (v, c, p) -> v == null ? null
                : JekyllFilters.absoluteUrl(setup.url(), setup.baseurl(), urlText(v, c, any))));
        filters.add(filter("strip_index", (v, c, p) -> v == null ? null : JekyllFilters.stripIndex(text(v, c, any))));
        filters.add(dateFilter("date_to_xmlschema", setup, (d, p) -> JekyllFilters.dateToXmlschema(d),
                (d, p) -> JekyllFilters.dateToXmlschema(d)));
        filters.add(dateFilter("date_to_rfc822", setup, (d, p) -> JekyllFilters.dateToRfc822(d),
                (d, p) -> JekyllFilters.dateToRfc822(d)));
        filters.add(dateFilter("date_to_string", setup,
                (d, p) -> JekyllFilters.dateToString(d, param(p, 0), param(p, 1)),
                (d, p) -> JekyllFilters.dateToString(d, param(p, 0), param(p, 1))));
        filters.add(dateFilter("date_to_long_string", setup,
                (d, p) -> JekyllFilters.dateToLongString(d, param(p, 0), param(p, 1)),
                (d, p) -> JekyllFilters.dateToLongString(d, param(p, 0), param(p, 1))));
        filters.add(filter("xml_escape", (v, c, p) -> Html.xmlEscape(v == null ? null : text(v, c, any))));
        // Liqp leaves ' as it is; Ruby Liquid writes &#39;
        filters.add(filter("escape", (v, c, p) -> v == null ? null : Html.escape(text(v, c, any))));
        filters.add(filter("escape_once", (v, c, p) -> Html.escapeOnce(v == null ? null : text(v, c, any))));
        filters.add(filter("cgi_escape", (v, c, p) -> JekyllFilters.cgiEscape(any.asString(v, c))));
        // Jekyll hands the value to Addressable, which takes only text (or nil) and stops the build
        // on anything else, such as a category written as a list
        filters.add(filter("uri_escape", (v, c, p) -> {
            if (v != null && !(v instanceof CharSequence)) {
                throw new IllegalArgumentException("Can't convert " + RubyClasses.of(v) + " into String.");
            }
            return JekyllFilters.uriEscape(any.asString(v, c));
        }));
        filters.add(filter("number_of_words", (v, c, p) -> JekyllFilters.numberOfWords(
                any.asString(noRange(v, "split"), c), param(p, 0))));
        // Jekyll reads text by its characters (length, array[0]): "ab" is "a and b"
        filters.add(filter("array_to_sentence_string", (v, c, p) -> JekyllFilters.arrayToSentenceString(
                v instanceof CharSequence text ? Arrays.asList(RubyStrings.split(text.toString(), ""))
                        : (List<?>) plain(any.asArray(noRange(v, "length"), c)), param(p, 0))));
        filters.add(filter("normalize_whitespace", (v, c, p) -> JekyllFilters.normalizeWhitespace(text(v, c, any))));
        filters.add(filter("slugify", (v, c, p) -> JekyllFilters.slugify(v == null ? null
                : any.asString(noRange(v, "gsub"), c), param(p, 0))));
        // a hash (or a document's drop) is no array to Ruby: its first is a [key, value] pair, it
        // has no last, and a drop has no size
        Filter liqpFirst = new liqp.filters.First();
        Filter liqpLast = new liqp.filters.Last();
        Filter liqpSize = new liqp.filters.Size();
        // Liquid asks the value for Ruby's first and last, which only an array or a range has: of
        // text, a number or a boolean they are nil, where Liqp gives the value itself; a range's
        // are its ends, even when it holds no number ((3..1) | first is 3)
        filters.add(filter("first", (v, c, p) -> v instanceof Map<?, ?> map ? firstPair(map)
                : v instanceof For.Numbers range ? (Object) (long) range.from()
                : any.isArray(v) ? liqpFirst.apply(v, c, p) : null));
        filters.add(filter("last", (v, c, p) -> v instanceof For.Numbers range ? (Object) (long) range.to()
                : !(v instanceof Map<?, ?>) && any.isArray(v) ? liqpLast.apply(v, c, p) : null));
        // Ruby's Integer#size is the integer's width in bytes, a Float has no size at all, and
        // text's size counts characters; a range's is counted from its ends, never listed
        filters.add(filter("size", (v, c, p) -> RubyDrop.is(v) || isDecimal(v) ? 0L
                : v instanceof CharSequence text ? RubyStrings.size(text)
                : v instanceof For.Numbers range ? (Object) range.count() : liqpSize.apply(v, c, p)));
        // a range is no array to Jekyll's jsonify and inspect: it is written as its text, 1..3
        // (as RubyRange writes it), inside an array too
        filters.add(filter("jsonify", (v, c, p) -> JekyllFilters.jsonify(plain(v))));
        filters.add(filter("markdownify", (v, c, p) -> setup.markdownify().apply(v == null ? "" : text(v, c, any))));
        filters.add(filter("smartify", (v, c, p) -> Smartypants.smartify(v == null ? "" : text(v, c, any))));
        filters.add(filter("to_integer", (v, c, p) -> toInteger(v)));
        filters.add(filter("inspect", (v, c, p) -> Html.xmlEscape(RubyInspect.inspect(plain(v)))));
        filters.add(filter("sample", (v, c, p) -> sample(any.asArray(v, c), randomFor(c), p)));
        // where, find and their _exp forms give back a value Ruby cannot select from (text, a
        // number, a boolean, nil) as it is
        filters.add(filter("where", (v, c, p) -> !isEnumerable(v, any) ? v
                : where(v, c, any, param(p, 0), p.length > 1 ? p[1] : null)));
        filters.add(filter("find", (v, c, p) -> {
            if (!isEnumerable(v, any)) {
                return v;
            }
            List<Object> found = where(v, c, any, param(p, 0), p.length > 1 ? p[1] : null);
            return found.isEmpty() ? null : found.get(0);
        }));
        filters.add(filter("where_exp", (v, c, p) -> !isEnumerable(v, any) ? v
                : whereExp(renderer, v, c, any, param(p, 0), param(p, 1), false)));
        filters.add(filter("find_exp", (v, c, p) -> {
            if (!isEnumerable(v, any)) {
                return v;
            }
            List<Object> found = whereExp(renderer, v, c, any, param(p, 0), param(p, 1), true);
            return found.isEmpty() ? null : found.get(0);
        }));
        // group_by names each group by the property's Ruby to_s (a list is its inspect, ["a", "b"]);
        // group_by_exp keeps the expression's value; a value Ruby cannot group (text, a number,
        // nil) is given back as it is
        filters.add(filter("group_by", (v, c, p) -> !isEnumerable(v, any) ? v : groupBy(walkedAsPairs(v, c, any),
                item -> RubyInspect.toS(plain(property(item, param(p, 0)))))));
        filters.add(filter("group_by_exp", (v, c, p) -> {
            String variable = param(p, 0);
            String expression = param(p, 1);
            return !isEnumerable(v, any) ? v : groupBy(items(v, c, any), item -> renderer.evaluate(expression, variable, item, c));
        }));
        filters.add(filter("date", (v, c, p) -> {
            if (isDecimal(v)) {
                // Liquid's to_date reads an integer as seconds since 1970, but a float as no date
                return v;
            }
            if (v instanceof WideTime time) {
                // Liquid's date filter formats a time where it is, without moving it into the site's zone
                String format = param(p, 0);
                return format == null || format.isEmpty() ? time : time.format(format);
            }
            if (v instanceof String text && !LIQP_DATE_WORDS.matcher(text).matches()) {
                Object read = RubyTimeParser.parseAny(text, c.getParser().defaultTimeZone,
                        ZonedDateTime.now(c.getParser().defaultTimeZone)).orElse(null);
                if (read instanceof ZonedDateTime time) {
                    return strftime(v, time, c, any, p);
                }
                String format = param(p, 0);
                if (read instanceof WideTime wide && format != null && !format.isBlank()) {
                    return wide.format(format);
                }
                // text Time.parse cannot read is no date to Liquid, and is printed as it is
                return text;
            }
            if (!isDateInput(v)) {
                // anything else (a list, a range, a hash, nil) is no date to Liquid's to_date, and
                // the filter gives it back as it is
                return v;
            }
            return strftime(v, rubyDate(v, c), c, any, p);
        }));
        // Ruby's arithmetic of Integers and of the decimals Liquid makes of floats (RubyArithmetic);
        // without its argument a filter is Liqp's, which gives Ruby's error for the missing argument
        filters.add(filter("round", (v, c, p) -> RubyArithmetic.round(v, p.length > 0 ? p[0] : 0L)));
        filters.add(filter("abs", (v, c, p) -> RubyArithmetic.abs(v)));
        filters.add(filter("ceil", (v, c, p) -> RubyArithmetic.wholeNumber(v, true)));
        filters.add(filter("floor", (v, c, p) -> RubyArithmetic.wholeNumber(v, false)));
        for (String name : List.of("at_least", "at_most")) {
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            boolean most = name.equals("at_most");
            filters.add(filter(name, (v, c, p) -> p.length == 0 ? liqpFilter.apply(v, c, p)
                    : RubyArithmetic.bounded(v, p[0], most)));
        }
        for (RubyArithmetic.Operation operation : RubyArithmetic.Operation.values()) {
            String name = operation.name().toLowerCase(Locale.ROOT);
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            filters.add(filter(name, (v, c, p) -> p.length == 0 ? liqpFilter.apply(v, c, p)
                    : RubyArithmetic.apply(operation, v, p[0])));
        }
        // Ruby Liquid's replace is String#gsub and replace_first String#sub, whose replacement reads
        // \\ as one backslash and \0, \&, \` and \' as the match and the text before and after it
        // ('{{ title | replace: "'", "\\'" }}' escapes quotes for JavaScript); each argument is read
        // with to_s, so a nil one (an unknown variable, or lax Liquid's reading of a slip) is ""
        filters.add(filter("replace", (v, c, p) -> RubyStrings.gsub(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), argument(p, 1, c, any))));
        filters.add(filter("replace_first", (v, c, p) -> RubyStrings.sub(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), argument(p, 1, c, any))));
        filters.add(filter("remove", (v, c, p) -> RubyStrings.gsub(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), "")));
        filters.add(filter("remove_first", (v, c, p) -> RubyStrings.sub(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), "")));
        // Liquid 5's replace_last and remove_last take their argument as plain text, not a pattern
        filters.add(filter("replace_last", (v, c, p) -> replaceLast(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), argument(p, 1, c, any))));
        filters.add(filter("remove_last", (v, c, p) -> replaceLast(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any), "")));
        filters.add(filter("base64_encode", (v, c, p) -> Base64.getEncoder()
                .encodeToString((v == null ? "" : text(v, c, any)).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        filters.add(filter("base64_url_safe_encode", (v, c, p) -> Base64.getUrlEncoder()
                .encodeToString((v == null ? "" : text(v, c, any)).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        filters.add(filter("base64_decode", (v, c, p) -> base64Decode(v == null ? "" : text(v, c, any), false)));
        filters.add(filter("base64_url_safe_decode", (v, c, p) -> base64Decode(v == null ? "" : text(v, c, any), true)));
        // Liquid 5's default takes allow_false: true, with which only nil and empty values are replaced
        Filter liqpDefault = liqp.filters.Filters.JEKYLL_FILTERS.get("default");
        filters.add(filter("default", (v, c, p) -> {
            if (v instanceof For.Numbers) {
                // a Range has no empty?, so Liquid keeps even one that holds no number, (1..0)
                return v;
            }
            // keyword arguments come last, as one hash (FilterArity); a hash value is no option
            if (p.length == 0 || !(p[p.length - 1] instanceof Map<?, ?> options)
                    || !options.containsKey("allow_false")) {
                return liqpDefault.apply(v, c, p);
            }
            Object fallback = p.length > 1 ? p[0] : "";
            Object allowFalse = options.get("allow_false");
            if (!RubyClasses.truthy(allowFalse)) {
                return liqpDefault.apply(v, c, fallback);
            }
            return v == null || isEmpty(v) ? fallback : v;
        }));
        // Ruby Liquid reads these filters' input, and append's and prepend's argument, with to_s:
        // a hash or an array is its inspect ({{ site.author | upcase }}), where Liqp would join an
        // array's items and print a hash as Java does
        for (String name : List.of("append", "prepend", "upcase", "downcase", "strip_newlines",
                "newline_to_br", "truncate", "url_decode")) {
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            boolean textArgument = name.equals("append") || name.equals("prepend");
            filters.add(filter(name, (v, c, p) -> liqpFilter.apply(rubyText(v), c,
                    textArgument ? Arrays.stream(p).map(JekyllLiquidFilters::rubyText).toArray() : p)));
        }
        // and the strips give text always, of nil too, where Liqp's give back a value that is not text
        for (String name : List.of("strip", "lstrip", "rstrip")) {
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            filters.add(filter(name, (v, c, p) -> liqpFilter.apply(v == null ? "" : text(v, c, any), c, p)));
        }
        // Ruby's strip_html takes a comment, script or tag over line ends too, where Liqp's stops at them
        filters.add(filter("strip_html", (v, c, p) -> Html.stripHtml(v == null ? "" : text(v, c, any))));
        // Ruby's CGI.escape keeps ~ and writes * as %2A, where Java's URLEncoder (Liqp's) does the opposite
        Filter liqpUrlEncode = liqp.filters.Filters.JEKYLL_FILTERS.get("url_encode");
        filters.add(filter("url_encode", (v, c, p) -> {
            Object encoded = liqpUrlEncode.apply(rubyText(v), c, p);
            return encoded instanceof String text ? text.replace("*", "%2A").replace("%7E", "~") : encoded;
        }));
        // Ruby's capitalize lowers the rest of the text, which Liqp's leaves as it is
        filters.add(filter("capitalize", (v, c, p) -> RubyStrings.capitalize(v == null ? "" : text(v, c, any))));
        // slice takes an array as an array, anything else (a range too) as its to_s
        filters.add(filter("slice", (v, c, p) -> slice(any.isArray(v) && !(v instanceof Map<?, ?>) && !(v instanceof For.Numbers)
                ? plain(any.asArray(v, c)) : v == null ? "" : text(v, c, any), p)));
        filters.add(filter("split", (v, c, p) -> RubyStrings.split(v == null ? "" : text(v, c, any),
                argument(p, 0, c, any))));
        filters.add(filter("sort", (v, c, p) -> sort(v, c, any, param(p, 0), param(p, 1))));
        filters.add(filter("map", (v, c, p) -> map(v, c, any, param(p, 0))));
        filters.add(filter("sort_natural", (v, c, p) -> sortNatural(nestingUndone(v), c, any, param(p, 0))));
        filters.add(filter("uniq", (v, c, p) -> {
            Object walked = walked(v, any);
            return any.isArray(walked) ? uniq(any.asArray(walked, c)) : v;
        }));
        // Liquid walks the array these filters take flattened (its InputIterator), so an array of
        // arrays, such as one a theme builds with push, is reversed, joined or compacted item by item;
        // join reads its separator with to_s, as split does its pattern (a range is 1..3)
        for (String name : List.of("reverse", "join")) {
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            boolean textArgument = name.equals("join");
            filters.add(filter(name, (v, c, p) -> liqpFilter.apply(textArgument ? rangesAsText(nestingUndone(v)) : walked(v, any), c,
                    textArgument ? Arrays.stream(p).map(JekyllLiquidFilters::rubyText).toArray() : p)));
        }
        // Liquid 5.4's compact takes a property too, and then leaves out the items it is nil in
        Filter liqpCompact = liqp.filters.Filters.JEKYLL_FILTERS.get("compact");
        filters.add(filter("compact", (v, c, p) -> p.length == 0 || p[0] == null ? liqpCompact.apply(walked(v, any), c)
                : compactBy(walked(v, any), c, any, param(p, 0))));
        // concat walks its input as those do (a time as its parts), and makes any other value but
        // nil an array of that one item, where Liqp drops it
        Filter liqpConcat = liqp.filters.Filters.JEKYLL_FILTERS.get("concat");
        filters.add(filter("concat", (v, c, p) -> {
            if (p.length > 0 && p[0] instanceof For.Numbers) {
                // Liquid's concat takes an Array and nothing else, and a range is none
                throw new IllegalArgumentException("concat filter requires an array argument");
            }
            Object walked = walked(v, any);
            return liqpConcat.apply(any.isArray(walked) ? walked : List.of(v), c, p);
        }));
        // Jekyll's push, pop, shift and unshift change an array only, and give back a range as it is
        for (String name : List.of("push", "pop", "shift", "unshift")) {
            Filter liqpFilter = liqp.filters.Filters.JEKYLL_FILTERS.get(name);
            filters.add(filter(name, (v, c, p) -> v instanceof For.Numbers ? v : liqpFilter.apply(v, c, p)));
        }
        setup.textFilters().forEach((name, body) ->
                filters.add(filter(name, (v, c, p) -> body.apply(v == null ? "" : any.asString(v, c)))));
        filters.add(filter("truncatewords", (v, c, p) -> v == null ? null : truncateWords(text(v, c, any), p)));
        return filters;
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");
    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile(
            "^[ \\t\\n\\u000B\\f\\r]*([+-]?\\d+(?:_\\d+)*)");

    /**
     * A filter operand as Ruby Liquid's {@code Utils.to_number} makes it: a number stays as it is,
     * text that is a decimal becomes that decimal, other text its leading integer as Ruby's
     * {@code to_i} reads it ({@code "12px"} is 12, {@code "abc"} 0), anything else 0. So
     * arithmetic on a value that is not a number gives a number, as in Jekyll, not an error.
     */
    static Object number(Object value) {
        if (value instanceof Number) {
            return value;
        }
        if (!(value instanceof String text)) {
            return 0L;
        }
        String stripped = text.strip();
        if (DECIMAL.matcher(stripped).matches()) {
            return new BigDecimal(stripped);
        }
        java.util.regex.Matcher m = LEADING_INTEGER.matcher(text);
        if (!m.find()) {
            return 0L;
        }
        BigDecimal integer = new BigDecimal(m.group(1).replace("_", "").replace("+", ""));
        return integer.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? (Object) integer.longValueExact() : integer;
    }

    /** Whether {@code value} is a number with a fraction, a Float to Ruby. */
    private static boolean isDecimal(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    /** Whether Liquid's {@code to_date} reads {@code value}: a Time or a Date (which answer strftime), an Integer or a String. */
    private static boolean isDateInput(Object value) {
        return switch (RubyClasses.of(value)) {
            case "Time", "Date", "Integer", "String" -> true;
            default -> false;
        };
    }

    /** One of Jekyll's date filters, of a {@link ZonedDateTime} or of a {@link WideTime}. */
    private interface DateBody<T> {
        String apply(T date, Object... params);
    }

    private static Filter dateFilter(String name, LiquidSetup setup, DateBody<ZonedDateTime> body,
            DateBody<WideTime> wideBody) {
        return filter(name, (v, c, p) -> {
            // Jekyll gives back an input whose to_s is empty: nil, "", and empty or blank as a value
            if (v == null || (v instanceof String s && s.isEmpty()) || isEmptyOrBlank(v)) {
                return v;
            }
            // Jekyll's filters read the time in the site's zone (localtime), where Java holds a
            // time at any offset; only a year past Java's, or from 5,881,581 on, stays wide
            Object time = RubyTime.inZone(v, setup.timezone())
                    .or(() -> v instanceof String text ? timeText(text, c.getParser().defaultTimeZone)
                            .flatMap(read -> RubyTime.inZone(read, setup.timezone())) : Optional.empty())
                    .orElseGet(() -> toDate(v, c).withZoneSameInstant(setup.timezone()));
            return time instanceof WideTime wide ? wideBody.apply(wide, p) : body.apply((ZonedDateTime) time, p);
        });
    }

    /**
     * Liquid's {@code date} filter of {@code input} (the input {@code original} as {@link #rubyDate}
     * reads it), formatted by Ruby's strftime ({@link Strftime}): the input read as Liqp reads it
     * ({@code now} and {@code today}, a time, a number of seconds
     * since 1970, other text through Liqp's date parser), a date without a time as
     * {@code Date#strftime} formats it. An input that is no date, or a blank format, leaves the
     * input as it is.
     */
    private static Object strftime(Object original, Object input, TemplateContext context, Filter any, Object... params) {
        ZoneId zone = context.getParser().defaultTimeZone;
        ZonedDateTime time;
        String format;
        try {
            // a time (the usual input, a page's date) is read as it is, never first written out as text
            if (LValue.isTemporal(input)) {
                time = LValue.asRubyDate(input, context);
            } else {
                String text = any.asString(input, context);
                time = text.equals("now") || text.equals("today") ? buildTime(context, zone)
                        : any.isNumber(input) ? Instant.ofEpochSecond(any.asNumber(input).longValue()).atZone(zone)
                        : context.getDateParser().parse(text, context.getParser().locale, zone);
            }
            format = any.asString(param(params, 0), context);
        } catch (RuntimeException e) {
            return input;
        }
        if (time == null || format == null || format.isBlank()) {
            return input;
        }
        return original instanceof RubyDate day ? Strftime.format(format, day) : Strftime.format(format, time);
    }

    /**
     * What {@code "now"} is to the date filter: the build's time, {@code site.time}, in the site's
     * zone, so a page that prints it is the same in every build of one time (Ruby reads the clock
     * as it renders the page, seconds later); the clock where {@code site.time} is no Java time.
     */
    private static ZonedDateTime buildTime(TemplateContext context, ZoneId zone) {
        Object time = context.get("site") instanceof Map<?, ?> site ? site.get("time") : null;
        return time instanceof ZonedDateTime buildTime ? buildTime.withZoneSameInstant(zone) : ZonedDateTime.now(zone);
    }

    /**
     * A date value or a date string, as Ruby Liquid's {@code to_date} reads it: an integer as
     * seconds since 1970 ({@code Time.at}); text through {@code Time.parse} ({@link RubyTimeParser}),
     * keeping a written offset, digits alone as seconds since 1970, then the rest ({@code now},
     * {@code today}) through Liqp's own reading.
     */
    private static ZonedDateTime toDate(Object value, TemplateContext context) {
        if (value instanceof RubyDate day) {
            return day.asUtcMidnight();
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochSecond(((Number) value).longValue()).atZone(ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            ZoneId zone = context.getParser().defaultTimeZone;
            return freeForm(text, zone)
                    .or(() -> epochSeconds(text, zone))
                    .orElseGet(() -> context.getDateParser().parse(text, Locale.ENGLISH, zone));
        }
        return Filter.asRubyDate(value, context);
    }

    /**
     * A date string the date filter would read differently from Ruby, as its time; any other value
     * as it is. Text Ruby reads as no date stays text, which the filter prints unchanged.
     */
    private static Object rubyDate(Object value, TemplateContext context) {
        if (value instanceof String text) {
            ZoneId zone = context.getParser().defaultTimeZone;
            return freeForm(text, zone).<Object>map(date -> date).orElse(value);
        }
        return value instanceof RubyDate day ? day.asUtcMidnight() : value;
    }

    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d+");

    /** Words and digits Liquid's {@code to_date} hands to {@code Time.parse}: not a number, {@code now} or {@code today}. */
    private static final Pattern LIQP_DATE_WORDS = Pattern.compile(
            "\\s*(?i:now|today)\\s*|\\d+");

    /**
     * {@code Time.parse}'s reading of free-form text ({@code "January 26, 2022"}, {@code "Sept 5"}),
     * the parts it leaves out taken from the clock as Ruby takes them; empty for {@code now},
     * {@code today} and a number of seconds, which Liqp reads as Liquid does.
     */
    private static Optional<ZonedDateTime> freeForm(String text, ZoneId zone) {
        if (LIQP_DATE_WORDS.matcher(text).matches()) {
            return Optional.empty();
        }
        return RubyTimeParser.parse(text, zone, ZonedDateTime.now(zone));
    }

    /**
     * {@link #freeForm} and a time Java's times cannot hold ({@link RubyTimeParser#parseWide}) from
     * one reading of the text: a {@link ZonedDateTime} or a {@link WideTime}.
     */
    private static Optional<Object> timeText(String text, ZoneId zone) {
        if (LIQP_DATE_WORDS.matcher(text).matches()) {
            return Optional.empty();
        }
        return RubyTimeParser.parseAny(text, zone, ZonedDateTime.now(zone));
    }

    /**
     * Digits alone as Liquid's {@code to_date} reads them, for Jekyll's {@code date_to_*} filters
     * too: seconds since 1970 ({@code "20220308"} is 1970-08-23 00:45:08 UTC), never a date
     * written without dashes. Empty for other text and for a number past what Java's time holds.
     */
    private static Optional<ZonedDateTime> epochSeconds(String text, ZoneId zone) {
        if (!EPOCH_SECONDS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)).atZone(zone));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String param(Object[] params, int index) {
        return params.length > index && params[index] != null ? String.valueOf(params[index]) : null;
    }

    /**
     * What {@code relative_url} and {@code absolute_url} read: a document's URL when given the
     * document itself ({@code {{ page.next | relative_url }}}), as Jekyll takes the URL of whatever
     * answers {@code url}; anything else as its text. A page is a Hash in Jekyll, so it is its text.
     */
    private static String urlText(Object value, TemplateContext context, Filter any) {
        if (DocumentDrop.is(value) && value instanceof Map<?, ?> document) {
            Object url = document.get("url");
            return url == null ? "" : text(url, context, any);
        }
        return text(value, context, any);
    }

    /**
     * A filter's input as Ruby's {@code to_s} reads it where that differs from Liqp's text of it:
     * a hash or an array (not a page or the site) becomes its {@code inspect}; anything else is
     * Liqp's text of it.
     */
    private static String text(Object value, TemplateContext context, Filter any) {
        Object read = rubyText(value);
        return read instanceof String text ? text : any.asString(read, context);
    }

    /** A filter's argument as Ruby's {@code to_s} reads it; a missing or nil one is "". */
    private static String argument(Object[] params, int index, TemplateContext context, Filter any) {
        return params.length > index && params[index] != null ? text(params[index], context, any) : "";
    }

    /**
     * A hash or an array as its Ruby {@code inspect}, and so a range as its ends ({@code 1..3}),
     * as {@link RubyInspect} writes it; any other value as it is.
     */
    private static Object rubyText(Object value) {
        boolean data = value instanceof Map<?, ?> map ? !RubyOutput.isDrop(map)
                : value instanceof Collection<?> || value instanceof Object[];
        return data ? RubyInspect.inspect(plain(value)) : value;
    }

    /** Liqp hands arrays to filters; the plain functions expect lists. */
    static Object plain(Object value) {
        if (value instanceof Object[] array) {
            List<Object> list = new ArrayList<>();
            for (Object item : array) {
                list.add(plain(item));
            }
            return list;
        }
        return value;
    }

    private static List<Object> items(Object value, TemplateContext context, Filter any) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        if (isEmptyOrBlank(value)) {
            // Liquid's InputIterator walks each item as its to_liquid, which is "" for these
            return new ArrayList<>(List.of(""));
        }
        return new ArrayList<>(Arrays.asList(any.asArray(value, context)));
    }

    /**
     * Whether {@code value} is {@code empty} or {@code blank} written as a value
     * ({@code {{ blank | date_to_string }}}): Ruby Liquid's MethodLiteral, whose {@code to_s} and
     * {@code to_liquid} are "", and which Liqp renders as a value of its own.
     */
    static boolean isEmptyOrBlank(Object value) {
        return AtomNode.isEmpty(value) || AtomNode.isBlank(value);
    }

    /**
     * {@code value}, unless it is a range, which Jekyll's filters that read text or an array's
     * length stop on: Ruby's Range has no {@code method} ({@code gsub}, {@code split},
     * {@code length}), and its error is the filter's.
     */
    private static Object noRange(Object value, String method) {
        if (value instanceof For.Numbers range) {
            throw new IllegalArgumentException("undefined method `" + method + "' for " + range.rubyText() + ":Range");
        }
        return value;
    }

    /**
     * Whether Ruby's {@code value} is Enumerable, so answers {@code select}, {@code find} and
     * {@code group_by}: an array, a range or a hash (a drop too).
     */
    private static boolean isEnumerable(Object value, Filter any) {
        return any.isArray(value) || value instanceof Map<?, ?>;
    }

    /** Ruby's first of a hash or a drop: its first key with that key's value, nil when it has none. */
    private static Object firstPair(Map<?, ?> map) {
        if (map instanceof RubyDrop drop && drop.isDrop()) {
            String key = drop.dropKeys().get(0);
            return Arrays.asList(key, drop.get(key));
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            return Arrays.asList(entry.getKey(), entry.getValue());
        }
        return null;
    }

    /**
     * The items Jekyll's where, group_by and sort (by a property) walk in a hash or a drop: Ruby
     * hands them its [key, value] pairs, and reading a property of a pair stops the render, as an
     * Array cannot be indexed by a String. An empty hash has no pair to read; anything else is
     * walked as an array.
     */
    private static List<Object> walkedAsPairs(Object input, TemplateContext context, Filter any) {
        if (input instanceof Map<?, ?> map) {
            if (!map.isEmpty()) {
                throw new IllegalArgumentException("no implicit conversion of String into Integer");
            }
            return new ArrayList<>();
        }
        return items(input, context, any);
    }

    /** A hash as Ruby's Hash#sort sees it: its [key, value] pairs. */
    private static List<Object> pairs(Map<?, ?> map) {
        List<Object> pairs = new ArrayList<>();
        map.forEach((key, value) -> pairs.add(Arrays.asList(key, value)));
        return pairs;
    }

    /**
     * Jekyll's item_property: a hash's key (a dotted name walks nested hashes), and of a text the
     * name itself when the text contains it, as Ruby's {@code String#[]} reads it (so
     * {@code ["apple", "banana"] | where: "an", "an"} keeps "banana"); along a dotted name, a
     * text that does not contain the next part ends the walk with false, which sorts and matches
     * as a value, where nil does not.
     */
    static Object property(Object item, String name) {
        if (item instanceof String text) {
            if (name == null) {
                return null;
            }
            if (!name.contains(".")) {
                return text.contains(name) ? name : null;
            }
            Object current = text;
            for (String part : name.split("\\.")) {
                if (!(current instanceof String found)) {
                    return Boolean.FALSE;
                }
                current = found.contains(part) ? part : null;
            }
            return current;
        }
        if (item instanceof Map<?, ?> map) {
            Object direct = map.get(name);
            if (direct != null || name == null || !name.contains(".")) {
                return direct;
            }
            Object current = item;
            for (String part : name.split("\\.")) {
                if (!(current instanceof Map<?, ?> m)) {
                    return null;
                }
                current = m.get(part);
            }
            return current;
        }
        return null;
    }

    private static List<Object> where(Object input, TemplateContext context, Filter any, String property, Object target) {
        List<Object> out = new ArrayList<>();
        String wanted = target == null ? "" : any.asString(target, context);
        List<Object> items = property != null && RubyDrop.is(input) ? walkedAsPairs(input, context, any) : items(input, context, any);
        for (Object item : items) {
            if (item instanceof Long || item instanceof Integer || item instanceof BigInteger) {
                // Jekyll reads the property with Integer#[], which takes no text (a range's numbers too)
                throw new IllegalArgumentException("no implicit conversion of String into Integer");
            }
            Object value = property(item, property);
            boolean match = target == null ? value == null
                    : (value != null || !isPlainTarget(target)) && matches(value, wanted, context, any);
            if (match) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Whether {@code target} is a value of the page's (text, a number, true or false), not the
     * literal {@code empty} or {@code blank}: Jekyll matches a nil property with a nil target
     * alone, as it compares a property that is no text by the items of {@code Array(property)},
     * none for nil, while {@code empty} matches nil by {@code Array(nil).join}, the empty text.
     */
    private static boolean isPlainTarget(Object target) {
        return target instanceof CharSequence || target instanceof Number || target instanceof Boolean;
    }

    /** Jekyll compares as strings, and an array property matches when any element does. */
    private static boolean matches(Object value, String wanted, TemplateContext context, Filter any) {
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(v -> matches(v, wanted, context, any));
        }
        if (value instanceof Object[] array) {
            return matches(Arrays.asList(array), wanted, context, any);
        }
        if (value instanceof ZonedDateTime time) {
            return matches(timeParts(time), wanted, context, any);
        }
        if (value instanceof WideTime time) {
            return matches(timeParts(time), wanted, context, any);
        }
        return (value == null ? "" : any.asString(value, context)).equals(wanted);
    }

    /**
     * What Ruby's {@code Array(time)} makes of a time, which {@code where} then compares element by
     * element and Liquid's standard filters walk ({@code {{ date | reverse }}}): {@code Time#to_a},
     * its second, minute, hour, day, month, year, weekday, day of the year, whether summer time is
     * in force, and zone name (nil at a fixed offset). So a time never matches its own text.
     */
    private static List<Object> timeParts(ZonedDateTime time) {
        boolean summer = time.getZone().getRules().isDaylightSavings(time.toInstant());
        String zone = Strftime.format("%Z", time);
        return Arrays.asList((long) time.getSecond(), (long) time.getMinute(), (long) time.getHour(),
                (long) time.getDayOfMonth(), (long) time.getMonthValue(), (long) time.getYear(),
                (long) (time.getDayOfWeek().getValue() % 7), (long) time.getDayOfYear(), summer,
                zone.isEmpty() ? null : zone);
    }

    /**
     * {@link #timeParts(ZonedDateTime)} of a time Java cannot hold; at a fixed offset, as all of a
     * YAML timestamp's are, it has no summer time and no zone name (nil, whose text is empty).
     */
    private static List<Object> timeParts(WideTime time) {
        List<Object> parts = new ArrayList<>();
        for (String field : List.of("%-S", "%-M", "%-H", "%-d", "%-m")) {
            parts.add(Long.valueOf(time.format(field)));
        }
        parts.addAll(Arrays.asList(time.year(), Long.valueOf(time.format("%w")), Long.valueOf(time.format("%-j")),
                false, time.zone().isEmpty() ? null : time.zone()));
        return parts;
    }

    private static List<Object> whereExp(LiquidRenderer renderer, Object input, TemplateContext context, Filter any,
                                         String variable, String expression, boolean firstOnly) {
        List<Object> out = new ArrayList<>();
        for (Object item : items(input, context, any)) {
            if (renderer.test(expression, variable, item, context)) {
                out.add(item);
                if (firstOnly) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<Object> groupBy(List<Object> items, java.util.function.Function<Object, Object> key) {
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        for (Object item : items) {
            groups.computeIfAbsent(key.apply(item), x -> new ArrayList<>()).add(item);
        }
        List<Object> out = new ArrayList<>();
        groups.forEach((name, members) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            group.put("items", members);
            group.put("size", members.size());
            out.add(group);
        });
        return out;
    }

    private static Object sort(Object input, TemplateContext context, Filter any, String property, String nils) {
        if (input == null) {
            throw new IllegalArgumentException("Cannot sort a null object.");
        }
        if (property == null) {
            List<Object> items = input instanceof Map<?, ?> map ? pairs(map) : items(input, context, any);
            RubyMergeSort.sort(items, RubySort::compare);
            return items;
        }
        // Jekyll maps over a drop's keys alone, and reads each key's property as a text's
        List<Object> items = input instanceof RubyDrop drop && drop.isDrop() ? new ArrayList<>(drop.dropKeys())
                : input instanceof Map<?, ?> ? walkedAsPairs(input, context, any) : items(input, context, any);
        if (nils != null && !nils.equals("first") && !nils.equals("last")) {
            throw new IllegalArgumentException("Invalid nils order: '" + nils
                    + "' is not a valid nils order. It must be 'first' or 'last'.");
        }
        int nilOrder = "last".equals(nils) ? 1 : -1;
        // Jekyll reads each item's key once, then sorts [key, item] pairs
        return sortedByKey(items, item -> sortKey(property(item, property)), (x, y) -> {
            if (x == null || y == null) {
                return x == y ? 0 : x == null ? nilOrder : -nilOrder;
            }
            return RubySort.compareOrByText(x, y);
        });
    }

    /**
     * {@code items} in {@link RubyMergeSort}'s order of their keys, each item's key read once by
     * {@code keyOf} before the sort rather than at each of its comparisons.
     */
    private static <K> List<Object> sortedByKey(List<Object> items, java.util.function.Function<Object, K> keyOf,
            Comparator<? super K> order) {
        List<Keyed<K>> keyed = new ArrayList<>(items.size());
        for (Object item : items) {
            keyed.add(new Keyed<>(item, keyOf.apply(item)));
        }
        RubyMergeSort.sort(keyed, (a, b) -> order.compare(a.key(), b.key()));
        return keyed.stream().map(Keyed::item).collect(Collectors.toCollection(ArrayList::new));
    }

    /** An item of {@link #sortedByKey} and its key. */
    private record Keyed<K>(Object item, K key) {
    }

    private static final Pattern INTEGER_LIKE = Pattern.compile("\\s*(-?\\d+)\\s*");
    private static final Pattern FLOAT_LIKE = Pattern.compile("\\s*(-?(?:\\d+\\.?\\d*|\\.\\d+))\\s*");

    /**
     * Jekyll's {@code parse_sort_input}: a key whose text reads as a whole number ({@code " 10 "})
     * is that integer, one that reads as a decimal ({@code "2.5"}, {@code "1."}, {@code ".5"}) that
     * float, so {@code sort} orders such text by value; any other key stays as it is.
     */
    private static Object sortKey(Object key) {
        String text = RubyInspect.toS(key);
        java.util.regex.Matcher whole = INTEGER_LIKE.matcher(text);
        if (whole.matches()) {
            return RubyArithmetic.narrow(new BigInteger(whole.group(1)));
        }
        java.util.regex.Matcher decimal = FLOAT_LIKE.matcher(text);
        return decimal.matches() ? (Object) Double.parseDouble(decimal.group(1)) : key;
    }

    /**
     * Liquid 5.4's map: each item of the flattened input (a hash is one item, nil none) read at
     * {@code property} as {@link #indexed} reads it.
     */
    private static Object map(Object input, TemplateContext context, Filter any, String property) {
        List<Object> out = new ArrayList<>();
        for (Object item : flattened(input instanceof Map<?, ?> ? List.of(input) : items(input, context, any))) {
            out.add(indexed(item, property));
        }
        return out;
    }

    /**
     * Ruby's {@code item[name]}, as Liquid's map and sort_natural read an item's property: a
     * hash's value, of text the name when the text contains it ({@code String#[]}), nil for a
     * value without {@code []} (nil, a float, a boolean); an integer or an array cannot be read by
     * name, which stops the render.
     */
    private static Object indexed(Object item, String name) {
        if (item instanceof DefaultedHash<?> hash) {
            return hash.indexed(name);
        }
        if (item instanceof Map<?, ?> hash) {
            return hash.get(name);
        }
        if (item instanceof String text) {
            return name != null && text.contains(name) ? name : null;
        }
        if (hasIndex(item)) {
            throw new IllegalArgumentException("cannot select the property '" + name + "'");
        }
        return null;
    }

    /**
     * Liquid 5.4's {@code compact: property}: the items of the walked input whose property, read as
     * {@link #indexed} reads it, is not nil. An item that has no {@code []} (nil, a float, a
     * boolean) makes the result nil, as Liquid gives up on Ruby's NoMethodError.
     */
    private static List<Object> compactBy(Object input, TemplateContext context, Filter any, String property) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items(input, context, any)) {
            if (!hasIndex(item)) {
                return null;
            }
            if (indexed(item, property) != null) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** Whether Ruby's {@code item} answers {@code []}: a hash, text, an integer or an array. */
    private static boolean hasIndex(Object item) {
        return item instanceof Map<?, ?> || item instanceof String || isWhole(item)
                || item instanceof List<?> || item instanceof Object[];
    }

    /**
     * The array Liquid's InputIterator walks for a standard filter's input: an array flattened
     * ({@link #nestingUndone}), nothing for nil, and text, a number, a boolean or a hash as the
     * array of that one item ({@code {{ "a" | reverse }}} is {@code ["a"]}), a time as its
     * {@link #timeParts}, {@code empty} and {@code blank} as the array of their to_liquid, "";
     * a drop as it is.
     */
    private static Object walked(Object value, Filter any) {
        if (value == null) {
            return List.of();
        }
        if (isEmptyOrBlank(value)) {
            return List.of("");
        }
        if (value instanceof ZonedDateTime time) {
            return timeParts(time);
        }
        if (value instanceof WideTime time) {
            return timeParts(time);
        }
        boolean single = value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Map<?, ?> map && !RubyDrop.is(map) && !RubyOutput.isDrop(map);
        return any.isArray(value) ? nestingUndone(value) : single ? List.of(value) : value;
    }

    /**
     * {@code value} flattened when it is an array that holds an array, as Liquid's InputIterator
     * flattens the array a standard filter walks; any other value as it is.
     */
    private static Object nestingUndone(Object value) {
        List<?> items = value instanceof List<?> list ? list
                : value instanceof Object[] array ? Arrays.asList(array) : null;
        if (items == null || items.stream().noneMatch(item -> item instanceof List<?> && !(item instanceof For.Numbers)
                || item instanceof Object[])) {
            return value;
        }
        return flattened(items);
    }

    /** {@code value} with each range among its items as Ruby's to_s writes it ({@code 1..3}), as join writes them. */
    private static Object rangesAsText(Object value) {
        return value instanceof List<?> list && !(value instanceof For.Numbers) && list.stream().anyMatch(For.Numbers.class::isInstance)
                ? list.stream().map(item -> item instanceof For.Numbers range ? range.rubyText() : item).toList() : value;
    }

    /**
     * The items of {@code items} with the arrays among them spread out, as Ruby's flatten does; a
     * range stays one item, as Ruby's flatten leaves a Range.
     */
    private static List<Object> flattened(List<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof List<?> list && !(item instanceof For.Numbers)) {
                out.addAll(flattened(list));
            } else if (item instanceof Object[] array) {
                out.addAll(flattened(Arrays.asList(array)));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Liquid 5.4's sort_natural: case-insensitive by the values' text (their property's, given
     * one, read as {@link #indexed} reads it; nil when an item has no property to read), nils
     * after everything else. Liquid calls two nils unequal too (the second goes
     * first), so their order follows the sort's own, which {@link RubyMergeSort} repeats.
     * Each item's text is read once, not at each comparison; a list of one is left as it is,
     * as Ruby's sort compares (and so reads) nothing in it.
     */
    private static Object sortNatural(Object input, TemplateContext context, Filter any, String property) {
        List<Object> items = input instanceof Map<?, ?> map ? new ArrayList<>(List.of(map)) : items(input, context, any);
        if (property != null && !items.stream().allMatch(JekyllLiquidFilters::hasIndex)) {
            return null;
        }
        if (items.size() < 2) {
            return items;
        }
        return sortedByKey(items, item -> {
            Object value = property == null ? item : indexed(item, property);
            return value == null ? null : text(value, context, any);
        }, (x, y) -> x == null || y == null ? (x == null ? 1 : -1) : Integer.signum(RubyStrings.casecmp(x, y)));
    }

    /**
     * Liquid 4.0's truncatewords (Jekyll 4.3's): the first {@code words} words joined by single
     * spaces, then the ellipsis, whenever the input has at least {@code words} words; so a text of
     * exactly that many words still gains the ellipsis (Liquid 5 changed this; Liqp follows 5).
     */
    static String truncateWords(String input, Object... params) {
        int words = params.length > 0 && params[0] != null ? ((Number) toInteger(params[0])).intValue() : 15;
        // Liquid 5.4 keeps at least one word, and cuts only text of more fields than the limit, where
        // Ruby's split with a limit counts white space after the last word as one more, empty, field
        words = Math.max(words, 1);
        String ellipsis = params.length > 1 ? RubyInspect.text(params[1]) : "...";
        String[] list = RubyStrings.split(input, " ");
        boolean trailing = list.length > 0 && !input.isEmpty()
                && " \t\n\u000B\f\r".indexOf(input.charAt(input.length() - 1)) >= 0;
        if (list.length + (trailing ? 1 : 0) > words) {
            return String.join(" ", Arrays.copyOf(list, words)) + ellipsis;
        }
        return input;
    }

    /**
     * Liquid 5.4's slice, Ruby's {@code slice(offset, length)} of text (by characters) or of an
     * array: a negative offset counts from the end, the length is 1 when not given, and what Ruby
     * answers nil for (an offset past the end, a negative length) is empty text or an empty array.
     */
    private static Object slice(Object input, Object... params) {
        long offset = rubyInteger(params.length > 0 ? params[0] : null);
        long length = params.length > 1 && params[1] != null ? rubyInteger(params[1]) : 1;
        boolean array = input instanceof List<?>;
        List<?> items = array ? (List<?>) input : null;
        int[] chars = array ? null : ((String) input).codePoints().toArray();
        int size = array ? items.size() : chars.length;
        long start = offset < 0 ? offset + size : offset;
        if (start < 0 || start > size || length < 0) {
            return array ? List.of() : "";
        }
        int from = (int) start;
        int to = (int) Math.min(size, start + length);
        return array ? new ArrayList<>(items.subList(from, to)) : new String(chars, from, to - from);
    }

    /** Liquid's {@code Utils.to_integer}: an integer, or text Ruby's {@code Integer()} reads; else an error. */
    private static long rubyInteger(Object value) {
        if (isWhole(value)) {
            return ((Number) value).longValue();
        }
        String text = value == null ? "" : RubyInspect.text(value).strip().replace("_", "");
        if (value instanceof Number || !text.matches("[+-]?\\d+")) {
            throw new IllegalArgumentException("invalid integer");
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid integer", e);
        }
    }

    /** Liquid 5's replace_last: the last place {@code sought} stands in {@code input} replaced. */
    private static String replaceLast(String input, String sought, String replacement) {
        int at = input.lastIndexOf(sought);
        return at < 0 ? input : input.substring(0, at) + replacement + input.substring(at + sought.length());
    }

    /**
     * Liquid 5's base64_decode (Ruby's strict_decode64, padding required) and
     * base64_url_safe_decode (urlsafe_decode64, padding optional); the bytes read as UTF-8.
     */
    private static String base64Decode(String input, boolean urlSafe) {
        try {
            if (!urlSafe && input.length() % 4 != 0) {
                throw new IllegalArgumentException("length");
            }
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(input);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64 provided to "
                    + (urlSafe ? "base64_url_safe_decode" : "base64_decode"), e);
        }
    }

    private static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    /** Whether Ruby's {@code empty?} is true of {@code value}: empty text, array or hash. */
    private static boolean isEmpty(Object value) {
        return value instanceof CharSequence text && text.length() == 0
                || value instanceof Collection<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof Object[] array && array.length == 0;
    }

    private static Object toInteger(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            return 0L;
        }
        String s = value.toString().strip().replace("_", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[+-]?\\d+").matcher(s);
        return m.find() ? Long.parseLong(m.group().replace("+", "")) : 0L;
    }

    /**
     * Ruby's {@code Array#uniq}: the first of the items that are alike, where two times at the same
     * instant are alike ({@code Time#eql?}) in any zone; Liqp's set of the items kept both.
     */
    private static Object[] uniq(Object[] items) {
        Map<Object, Object> firsts = new LinkedHashMap<>();
        for (Object item : items) {
            Object key = RubyComparisons.comparable(item);
            if (!firsts.containsKey(key)) {
                firsts.put(key, item);
            }
        }
        return firsts.values().toArray();
    }

    /**
     * The random numbers of one render of a template, includes and all: seeded by the page and
     * {@code site.time}, so that a page laid out again in the same build (to read a document's
     * {@code output} that was not kept) picks what it picked the first time, as Jekyll's single
     * render does, while each sample within the render still draws anew.
     */
    private static Random randomFor(TemplateContext context) {
        Map<String, Object> registry = context.getRegistry(RANDOM_REGISTRY);
        return (Random) registry.computeIfAbsent("random", key -> {
            Object page = context.get("page");
            Object site = context.get("site");
            Object where = page instanceof Map<?, ?> values ? Arrays.asList(values.get("url"), values.get("path")) : null;
            Object time = site instanceof Map<?, ?> values && values.get("time") instanceof ZonedDateTime at
                    ? at.toInstant() : null;
            return new Random(Objects.hash(where, time));
        });
    }

    private static Object sample(Object[] items, Random random, Object... params) {
        if (items.length == 0) {
            return null;
        }
        int n = params.length > 0 && params[0] != null ? ((Number) toInteger(params[0])).intValue() : 1;
        List<Object> shuffled = new ArrayList<>(Arrays.asList(items));
        Collections.shuffle(shuffled, random);
        if (params.length == 0 || params[0] == null) {
            return shuffled.get(0);
        }
        return shuffled.subList(0, Math.min(Math.max(n, 0), shuffled.size()));
    }
}
