package org.sheaf.sass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the hex escapes in {@code @media} queries back the white space their stylesheets wrote
 * after them. dart-sass ends each such escape with one space ({@code @media \0 screen},
 * {@code (min-width: 0\0 )}), where libsass, and so Jekyll 4.3, copies the escape as written with
 * the white space that follows it, none, a space, or a line break: old Internet Explorer's
 * {@code @media \0screen} and {@code (min-width: 0\0)} hacks, and WTF, forms?'s
 * {@code (min-width: 0 \0}, a line break, {@code )}, reach the CSS as written.
 *
 * <p>A query in the output takes the white space of the {@code @media} the source map places it
 * at, when that one was written alike (the same text without white space, escapes read) with as
 * many escapes. Otherwise the stylesheets the page compiled from are read for each query that
 * holds an escape: a query takes the white space of those written alike (what an interpolation
 * wrote standing for it), when they all agree; one that matches none (one joined from two nested
 * ones) takes, escape by escape, the white space written after every escape of the same code
 * point before the same character, when all of those agree. Otherwise the escape stays as
 * dart-sass wrote it. Only {@code @media} queries are touched.
 */
final class QueryEscapes {
    private static final Pattern MEDIA = Pattern.compile("@media\\b");
    /** A hex escape in a stylesheet, with the white space that follows it. */
    private static final Pattern WRITTEN = Pattern.compile("\\\\([0-9a-fA-F]{1,6})(\\s*)");
    /** A hex escape as dart-sass writes one, with the space that ends it when there is one. */
    private static final Pattern OUTPUT = Pattern.compile("\\\\([0-9a-fA-F]{1,6}) ?");
    /** White space written in more than one way. */
    private static final String MIXED = "\u0000mixed";

    private QueryEscapes() {
    }

    /** The CSS with its queries' escapes as written, and where each offset of the CSS went. */
    record Result(String css, int[] moved) {
    }

    /** A query a stylesheet wrote: its text as a pattern, and the white space after each of its escapes. */
    private record Query(Pattern text, List<String> spaces) {
    }

    /**
     * The CSS with the escapes of its {@code @media} queries followed as the stylesheets wrote
     * them, or null when nothing changes.
     *
     * @param css     the CSS as laid out for libsass's style
     * @param map     its source map's JSON, with the sources' contents, or null
     * @param sources the texts of the stylesheets it was compiled from (SCSS, Sass or CSS)
     */
    static Result restored(String css, String map, List<String> sources) {
        if (css.indexOf('\\') < 0) {
            return null;
        }
        List<Query> queries = new ArrayList<>();
        Map<String, String> byEscape = new HashMap<>();
        for (String source : sources) {
            Matcher media = MEDIA.matcher(source);
            while (media.find()) {
                int end = queryEnd(source, media.end());
                if (end >= 0 && source.substring(media.end(), end).indexOf('\\') >= 0) {
                    queries.add(read(source, media.end(), end, byEscape));
                }
            }
        }
        Placed placed = new Placed(css, map);
        StringBuilder out = new StringBuilder(css.length());
        int[] moved = new int[css.length() + 1];
        int copied = 0;
        boolean changed = false;
        Matcher media = MEDIA.matcher(css);
        while (media.find()) {
            int end = queryEnd(css, media.end());
            String query = end < 0 ? "" : css.substring(media.end(), end);
            if (query.indexOf('\\') < 0) {
                // no escape to follow: spare reading the stylesheet's query for it
                continue;
            }
            List<String> spaces = spaces(query, placed.query(media.start()));
            spaces = spaces != null ? spaces : spaces(query, queries);
            Matcher escape = OUTPUT.matcher(css).region(media.end(), end);
            for (int n = 0; escape.find(); n++) {
                int after = escape.end();
                String space = spaces != null ? spaces.get(n)
                        : byEscape.getOrDefault(name(escape.group(1), css.charAt(after)), MIXED);
                if (space.equals(MIXED) || space.equals(css.substring(escape.end(1), after))) {
                    continue;
                }
                copied = copy(css, copied, escape.end(1), out, moved);
                for (int i = escape.end(1); i < after; i++) {
                    moved[i] = out.length();
                }
                out.append(space);
                copied = after;
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        copy(css, copied, css.length(), out, moved);
        moved[css.length()] = out.length();
        return new Result(out.toString(), moved);
    }

    /**
     * A query as a stylesheet wrote it, from {@code from} to {@code to}; each of its escapes also
     * goes into {@code byEscape}.
     */
    private static Query read(String source, int from, int to, Map<String, String> byEscape) {
        StringBuilder text = new StringBuilder();
        List<String> spaces = new ArrayList<>();
        Matcher escape = WRITTEN.matcher(source);
        int i = from;
        while (i < to) {
            if (source.startsWith("#{", i)) {
                text.append(".*");
                i = source.indexOf('}', i) + 1;
                continue;
            }
            if (escape.region(i, to).lookingAt()) {
                text.append(Pattern.quote(canonical(escape.group(1))));
                spaces.add(escape.group(2));
                byEscape.merge(name(escape.group(1), source.charAt(escape.end())), escape.group(2),
                        (a, b) -> a.equals(b) ? a : MIXED);
                i = escape.end();
                continue;
            }
            char c = source.charAt(i++);
            if (!Character.isWhitespace(c)) {
                text.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Query(Pattern.compile(text.toString(), Pattern.DOTALL), spaces);
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
        String written = text.append(query, at, query.length()).toString().replaceAll("\\s+", "");
        List<String> found = null;
        for (Query candidate : queries) {
            if (candidate.spaces().size() == escapes && candidate.text().matcher(written).matches()) {
                if (found != null && !found.equals(candidate.spaces())) {
                    return null;
                }
                found = candidate.spaces();
            }
        }
        return found;
    }

    /** The {@code @media} statements of the stylesheets that the source map places the CSS's at. */
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

        /** The query of the {@code @media} the map places the one at {@code at} at, as written; empty when none. */
        List<Query> query(int at) {
            int line = Arrays.binarySearch(lineStarts, at);
            line = line >= 0 ? line : -line - 2;
            StaticValues.Origin origin = origins.get(StaticValues.key(line, at - lineStarts[line]));
            if (origin == null || origin.source() >= contents.size()) {
                return List.of();
            }
            String source = contents.get(origin.source());
            int start = lines.offset(origin);
            int end = start >= 0 && source.startsWith("@media", start) ? queryEnd(source, start + "@media".length()) : -1;
            if (end < 0 || source.substring(start, end).contains("#{")) {
                return List.of();
            }
            return List.of(read(source, start + "@media".length(), end, new HashMap<>()));
        }
    }

    /** Where the query that starts at {@code at} ends (its block's brace), or -1 when it ends no block. */
    private static int queryEnd(String text, int at) {
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

    /** An escape's name: its code point and the character after the white space that follows it. */
    private static String name(String hex, char next) {
        return Integer.parseInt(hex, 16) + ":" + next;
    }

    /** Copies {@code css} from {@code from} to {@code to}, noting where each offset went, and returns {@code to}. */
    private static int copy(String css, int from, int to, StringBuilder out, int[] moved) {
        for (int i = from; i < to; i++) {
            moved[i] = out.length();
            out.append(css.charAt(i));
        }
        return to;
    }
}
