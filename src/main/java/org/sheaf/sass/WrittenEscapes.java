package org.sheaf.sass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the hex escapes in {@code @media} queries and in selectors back the white space their
 * stylesheets wrote after them. dart-sass ends each such escape with one space
 * ({@code @media \0 screen}, {@code (min-width: 0\0 )}, {@code .a\0 .b}), where libsass, and so
 * Jekyll 4.3, copies the escape as written with the white space that follows it, none, a space,
 * or a line break: old Internet Explorer's {@code @media \0screen} and {@code (min-width: 0\0)}
 * hacks, WTF, forms?'s {@code (min-width: 0 \0}, a line break, {@code )}, and a selector's
 * {@code .a\0}, a line break, {@code .b}, reach the CSS as written.
 *
 * <p>A query in the output takes the white space of the {@code @media} the source map places it
 * at, when that one was written alike (the same text without white space, escapes read) with as
 * many escapes. Otherwise the stylesheets the page compiled from are read for each query that
 * holds an escape: a query takes the white space of those written alike (what an interpolation
 * wrote standing for it), when they all agree; one that matches none (one joined from two nested
 * ones) takes, escape by escape, the white space written after every escape of the same code
 * point before the same character, when all of those agree. Otherwise the escape stays as
 * dart-sass wrote it.
 *
 * <p>A selector's escape takes the white space written after the escapes of the same code point
 * before the same character, and alike in being followed by a descendant combinator or not, in
 * the selector the source map places the rule at, or, where that one holds none, in every
 * selector of the stylesheets, when all of those agree (a selector that nesting or an
 * {@code @extend} joined from others). libsass writes a combinator after such white space
 * without the space before it ({@code .a\0}, a line break, {@code > .b}). An escape that ends a
 * selector stays as dart-sass wrote it, as libsass writes a space before the brace whatever was
 * written. Only {@code @media} queries and selectors are touched.
 */
final class WrittenEscapes {
    private static final String MEDIA = "@media";
    /** A hex escape in a stylesheet, with the white space that follows it. */
    private static final Pattern WRITTEN = Pattern.compile("\\\\([0-9a-fA-F]{1,6})(\\s*)");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** A hex escape as dart-sass writes one, with the space that ends it when there is one. */
    private static final Pattern OUTPUT = Pattern.compile("\\\\([0-9a-fA-F]{1,6}) ?");
    /** What ends a compound selector other than a descendant combinator, or the selector. */
    private static final String NOT_DESCENDANT = ">+~,{";
    /** What ends the name before an escape, besides white space. */
    private static final String WORD_END = ".#:>+~,[]()&{};";
    /** The word of an escape that ends a suffix to the parent selector. */
    private static final String SUFFIX = "&";
    /** White space written in more than one way. */
    private static final String MIXED = "\u0000mixed";

    private WrittenEscapes() {
    }

    /**
     * A query a stylesheet wrote: its text without white space, escapes read, as the parts
     * between its interpolations (which stand for any text), and the white space after each of
     * its escapes.
     */
    private record Query(List<String> parts, List<String> spaces) {
        /** Whether the query, its text read so, could have written {@code text}. */
        boolean matches(String text) {
            String first = parts.get(0);
            String last = parts.get(parts.size() - 1);
            if (parts.size() == 1) {
                return text.equals(first);
            }
            if (!text.startsWith(first) || text.length() < first.length() + last.length() || !text.endsWith(last)) {
                return false;
            }
            int at = first.length();
            int end = text.length() - last.length();
            for (String part : parts.subList(1, parts.size() - 1)) {
                int found = text.indexOf(part, at);
                if (found < 0 || found + part.length() > end) {
                    return false;
                }
                at = found + part.length();
            }
            return true;
        }
    }

    /** A place in a stylesheet's text. */
    private record Statement(String text, int at) {
    }

    /** The escapes the stylesheets wrote in queries and in selectors. */
    private static final class Written {
        final List<Query> queries = new ArrayList<>();
        final Map<String, String> queryEscapes = new HashMap<>();
        final Map<String, String> selectorEscapes = new HashMap<>();

        Written(List<String> sources) {
            for (String source : sources) {
                for (int[] prelude : preludes(source)) {
                    if (source.substring(prelude[0], prelude[1]).indexOf('\\') < 0) {
                        continue;
                    }
                    if (source.startsWith(MEDIA, prelude[0])) {
                        queries.add(readQuery(source, prelude[0] + MEDIA.length(), prelude[1], queryEscapes));
                    } else if (source.charAt(prelude[0]) != '@') {
                        readSelector(source, prelude[0], prelude[1], selectorEscapes);
                    }
                }
            }
        }
    }

    /**
     * The CSS with the escapes of its {@code @media} queries and its selectors followed as the
     * stylesheets wrote them, or null when nothing changes.
     *
     * @param css     the CSS as laid out for libsass's style
     * @param map     its source map's JSON, with the sources' contents, or null
     * @param sources the texts of the stylesheets it was compiled from (SCSS, Sass or CSS)
     */
    static CssRewrite.Result restored(String css, String map, List<String> sources) {
        return restored(css, map, sources, () -> preludes(css));
    }

    /**
     * {@link #restored(String, String, List)} with the CSS's {@link #preludes}, read only when
     * the CSS holds an escape.
     */
    static CssRewrite.Result restored(String css, String map, List<String> sources, Supplier<List<int[]>> preludes) {
        if (css.indexOf('\\') < 0) {
            return null;
        }
        Written written = new Written(sources);
        Placed placed = new Placed(css, map);
        CssRewrite rewrite = new CssRewrite(css);
        for (int[] prelude : preludes.get()) {
            int start = prelude[0];
            int end = prelude[1];
            if (css.substring(start, end).indexOf('\\') < 0) {
                // no escape to follow: spare reading the stylesheet's text for it
                continue;
            }
            if (css.startsWith(MEDIA, start)) {
                restoreQuery(css, start, end, placed, written, rewrite);
            } else if (css.charAt(start) != '@') {
                restoreSelector(css, start, end, placed, written, rewrite);
            }
        }
        return rewrite.result();
    }

    /** Gives the escapes of the {@code @media} from {@code start} to its brace at {@code end} their white space. */
    private static void restoreQuery(String css, int start, int end, Placed placed, Written written, CssRewrite rewrite) {
        int from = start + MEDIA.length();
        String query = css.substring(from, end);
        Statement source = placed.statement(start);
        List<Query> mapped = List.of();
        if (source != null && source.text().startsWith(MEDIA, source.at())) {
            int queryEnd = preludeEnd(source.text(), source.at());
            if (queryEnd >= 0 && !source.text().substring(source.at(), queryEnd).contains("#{")) {
                mapped = List.of(readQuery(source.text(), source.at() + MEDIA.length(), queryEnd, new HashMap<>()));
            }
        }
        List<String> spaces = spaces(query, mapped);
        spaces = spaces != null ? spaces : spaces(query, written.queries);
        Matcher escape = OUTPUT.matcher(css).region(from, end);
        for (int n = 0; escape.find(); n++) {
            int after = escape.end();
            String space = spaces != null ? spaces.get(n)
                    : written.queryEscapes.getOrDefault(name(escape.group(1), css.charAt(after)), MIXED);
            if (!space.equals(MIXED)) {
                rewrite.replace(escape.end(1), after, space);
            }
        }
    }

    /** Gives the escapes of the selector from {@code start} to its brace at {@code end} their white space. */
    private static void restoreSelector(String css, int start, int end, Placed placed, Written written, CssRewrite rewrite) {
        // the selector the rule was written with tells, when every escape of the CSS's comes from it
        Map<String, String> mapped = new HashMap<>();
        Statement source = placed.statement(start);
        int selectorEnd = source == null ? -1 : preludeEnd(source.text(), source.at());
        if (selectorEnd >= 0 && count(WRITTEN, source.text(), source.at(), selectorEnd) == count(OUTPUT, css, start, end)) {
            readSelector(source.text(), source.at(), selectorEnd, mapped);
        }
        Matcher escape = OUTPUT.matcher(css).region(start, end);
        while (escape.find()) {
            int after = escape.end();
            boolean spaced = after < end && css.charAt(after) == ' ';
            char next = css.charAt(spaced ? after + 1 : after);
            boolean descendant = spaced && NOT_DESCENDANT.indexOf(next) < 0;
            String kind = selectorKind(escape.group(1), next, descendant);
            String name = kind + word(css, escape.start());
            String space = written.selectorEscapes.getOrDefault(name, MIXED);
            space = space.equals(MIXED) ? mapped.getOrDefault(name, MIXED) : space;
            String suffix = written.selectorEscapes.getOrDefault(kind + SUFFIX, space);
            space = suffix.equals(space) ? space : MIXED;
            if (next == '{' || space.equals(MIXED)) {
                continue;
            }
            // a combinator's own space goes where white space was written before it
            rewrite.replace(escape.end(1), spaced && !space.isEmpty() ? after + 1 : after, space);
        }
    }

    /** How many escapes {@code pattern} finds in {@code text} from {@code from} to {@code to}. */
    private static int count(Pattern pattern, String text, int from, int to) {
        Matcher escape = pattern.matcher(text).region(from, to);
        int count = 0;
        while (escape.find()) {
            count++;
        }
        return count;
    }

    /**
     * A query as a stylesheet wrote it, from {@code from} to {@code to}; each of its escapes also
     * goes into {@code byEscape}.
     */
    private static Query readQuery(String source, int from, int to, Map<String, String> byEscape) {
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> spaces = new ArrayList<>();
        Matcher escape = WRITTEN.matcher(source);
        int i = from;
        while (i < to) {
            if (source.startsWith("#{", i)) {
                parts.add(text.toString());
                text.setLength(0);
                i = source.indexOf('}', i) + 1;
                continue;
            }
            if (escape.region(i, to).lookingAt()) {
                text.append(canonical(escape.group(1)));
                spaces.add(escape.group(2));
                agree(byEscape, name(escape.group(1), source.charAt(escape.end())), escape.group(2));
                i = escape.end();
                continue;
            }
            char c = source.charAt(i++);
            if (!Character.isWhitespace(c)) {
                text.append(c);
            }
        }
        parts.add(text.toString());
        return new Query(List.copyOf(parts), spaces);
    }

    /** Puts the white space after each escape of the selector from {@code from} to {@code to} into {@code byEscape}. */
    private static void readSelector(String source, int from, int to, Map<String, String> byEscape) {
        Matcher escape = WRITTEN.matcher(source).region(from, to);
        while (escape.find()) {
            String space = escape.group(2);
            char next = source.charAt(escape.end());
            // the first white space character ends the escape; more is a combinator
            boolean descendant = space.length() > 1 && NOT_DESCENDANT.indexOf(next) < 0;
            agree(byEscape, selectorKind(escape.group(1), next, descendant) + word(source, escape.start()), space);
        }
    }

    /** Notes the white space written after an escape of a name, {@link #MIXED} once it differs. */
    private static void agree(Map<String, String> byEscape, String name, String space) {
        byEscape.merge(name, space, (a, b) -> a.equals(b) ? a : MIXED);
    }

    /**
     * The white space after each escape of a query in the output, from the queries the
     * stylesheets wrote alike, or null when none is, or they do not agree.
     */
    private static List<String> spaces(String query, List<Query> queries) {
        StringBuilder text = new StringBuilder();
        Matcher escape = OUTPUT.matcher(query);
        int at = 0;
        int escapes = 0;
        while (escape.find()) {
            text.append(query, at, escape.start()).append(canonical(escape.group(1)));
            at = escape.end();
            escapes++;
        }
        String written = WHITE_SPACE.matcher(text.append(query, at, query.length())).replaceAll("");
        List<String> found = null;
        for (Query candidate : queries) {
            if (candidate.spaces().size() == escapes && candidate.matches(written)) {
                if (found != null && !found.equals(candidate.spaces())) {
                    return null;
                }
                found = candidate.spaces();
            }
        }
        return found;
    }

    /** The stylesheets' statements that the source map places the CSS's at. */
    private static final class Placed {
        private final List<String> contents;
        private final Map<Long, StaticValues.Origin> origins;
        private final SourceLines lines;
        private final int[] lineStarts;

        Placed(String css, String map) {
            Matcher mappings = map == null ? null : StaticValues.MAPPINGS.matcher(map);
            boolean mapped = mappings != null && mappings.find();
            contents = mapped ? StaticValues.strings(map, StaticValues.SOURCES_CONTENT) : List.of();
            origins = mapped ? StaticValues.origins(mappings.group(1)) : Map.of();
            lines = new SourceLines(contents);
            lineStarts = MediaBreaks.lineStarts(css);
        }

        /** The stylesheet the map places the CSS at {@code at} in, and where; null when the map places it nowhere. */
        Statement statement(int at) {
            int line = Arrays.binarySearch(lineStarts, at);
            line = line >= 0 ? line : -line - 2;
            StaticValues.Origin origin = origins.get(StaticValues.key(line, at - lineStarts[line]));
            if (origin == null || origin.source() >= contents.size()) {
                return null;
            }
            int start = lines.offset(origin);
            return start < 0 ? null : new Statement(contents.get(origin.source()), start);
        }
    }

    /**
     * Where each block's prelude (a selector, or an at-rule's name and what follows it) starts
     * and ends, at its block's brace; comments, strings and interpolations are read past.
     */
    static List<int[]> preludes(String text) {
        List<int[]> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int skip = skipped(text, i);
            if (skip > i) {
                start = start < 0 && c != '/' ? i : start;
                i = skip - 1;
            } else if (skip < 0) {
                break;
            } else if (c == '{') {
                if (start >= 0) {
                    found.add(new int[] {start, i});
                }
                start = -1;
            } else if (c == ';' || c == '}') {
                start = -1;
            } else if (start < 0 && !Character.isWhitespace(c)) {
                start = i;
            }
        }
        return found;
    }

    /**
     * Where a comment, string or interpolation that starts at {@code i} ends, {@code i} when none
     * starts there, or -1 when it does not end.
     */
    private static int skipped(String text, int i) {
        char c = text.charAt(i);
        if (c == '/' && text.startsWith("/*", i)) {
            int close = text.indexOf("*/", i + 2);
            return close < 0 ? -1 : close + 2;
        }
        if (c == '/' && text.startsWith("//", i) && (i == 0 || " \t\n;{}".indexOf(text.charAt(i - 1)) >= 0)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (c == '#' && text.startsWith("#{", i)) {
            int close = text.indexOf('}', i);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '"' || c == '\'') {
            for (int j = i + 1; j < text.length(); j++) {
                char d = text.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c || d == '\n') {
                    return j + 1;
                }
            }
            return -1;
        }
        return i;
    }

    /** Where the prelude that starts at {@code at} ends (its block's brace), or -1 when it ends no block. */
    private static int preludeEnd(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' && text.startsWith("#{", i)) {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '{') {
                return i;
            } else if (c == ';' || c == '}') {
                return -1;
            }
        }
        return -1;
    }

    /** An escape as it is compared: its code point, whatever digits wrote it. */
    private static String canonical(String hex) {
        return "\\" + Integer.parseInt(hex, 16) + "\\";
    }

    /** A query's escape's name: its code point and the character after the white space that follows it. */
    private static String name(String hex, char next) {
        return Integer.parseInt(hex, 16) + ":" + next;
    }

    /** What a selector's escape's name starts with: a query's escape's name, and whether a descendant combinator follows it. */
    private static String selectorKind(String hex, char next, boolean descendant) {
        return name(hex, next) + (descendant ? " " : ":");
    }

    /**
     * The name a selector's escape at {@code at} ends ({@code clearfix} in {@code .clearfix\0}), or
     * {@link #SUFFIX} for a suffix to the parent selector ({@code &\0}), which ends a name the
     * stylesheet does not tell.
     */
    private static String word(String text, int at) {
        int word = at;
        while (word > 0 && WORD_END.indexOf(text.charAt(word - 1)) < 0 && !Character.isWhitespace(text.charAt(word - 1))) {
            word--;
        }
        return word > 0 && text.charAt(word - 1) == '&' ? SUFFIX : text.substring(word, at);
    }
}
