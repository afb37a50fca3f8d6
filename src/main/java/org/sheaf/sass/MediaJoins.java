package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the query of an {@code @media} nested in another as libsass joins the two where one of
 * them is of the type {@code all}. dart-sass reads {@code all} as no type at all: it joins
 * {@code @media all} and {@code @media (min-width: 5px)} nested in it into
 * {@code @media (min-width: 5px)}, and {@code @media all} and {@code screen} into
 * {@code @media screen}. libsass keeps the outer query's type, or takes the inner one's where the
 * outer names none: {@code @media all and (min-width: 5px)}, and {@code @media all} for
 * {@code screen} in {@code all} (which matches print too, as Jekyll's CSS does).
 *
 * <p>The CSS holds only the joined query. The map places it at the innermost {@code @media}, and
 * the stylesheet tells the ones around it where they stand there: in rules, control flow and
 * other {@code @media} only, not in a mixin or an include's block (whose mixin may wrap it in
 * more), each of one query written without interpolation or a variable, with no {@code not} or
 * {@code only}, and in a stylesheet no other one imports inside a block. A query is rewritten only
 * where joining those queries as dart-sass does gives the query the CSS holds, text for text, and
 * where what dart-sass wrote in the {@code @media} came from inside the nested one.
 */
final class MediaJoins {
    /** An @media of dart-sass's expanded output: its query, up to the brace that ends its line. */
    private static final Pattern MEDIA = Pattern.compile("(?m)^[ \\t]*@media ([^{}\\n]+) \\{$");
    /** A stylesheet that may join a query with the type all. */
    private static final Pattern ALL = Pattern.compile("(?i)@media[^{};\\n]*\\ball\\b");
    private static final Pattern NESTED_IMPORT = Pattern.compile("(?m)^[ \\t]+@import\\b");
    /** The {@code and} between a query's type and its features, or between features. */
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    /** A media type as a query names it: letters and hyphens. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z-]+");

    private MediaJoins() {
    }

    /** One query: its media type (empty when it names none) and its features, each as written. */
    private record Query(String type, List<String> features) {
        boolean allTypes() {
            return type.isEmpty() || type.equalsIgnoreCase("all");
        }

        String text() {
            List<String> parts = new ArrayList<>();
            if (!type.isEmpty()) {
                parts.add(type);
            }
            parts.addAll(features);
            return String.join(" and ", parts);
        }

        /** The query read from an {@code @media} prelude, or null when it is not one this reads. */
        static Query of(String prelude) {
            String text = prelude.strip();
            if (text.contains("#{") || text.contains("$") || text.contains(",")) {
                return null;
            }
            String[] parts = AND.split(text, -1);
            String type = parts[0].startsWith("(") ? "" : parts[0];
            if (!type.isEmpty() && !TYPE.matcher(type).matches()
                    || type.equalsIgnoreCase("not") || type.equalsIgnoreCase("only")) {
                return null;
            }
            List<String> features = new ArrayList<>();
            for (int p = type.isEmpty() ? 0 : 1; p < parts.length; p++) {
                if (!parts[p].startsWith("(") || !parts[p].endsWith(")")) {
                    return null;
                }
                features.add(parts[p]);
            }
            return new Query(type, features);
        }
    }

    /**
     * The CSS with each query dart-sass joined with an {@code all} written as libsass joins it,
     * and the map and the places of the {@code @media} left out following the changed text.
     * It reads the CSS after {@link MediaBreaks}: where dart-sass went on writing the outer
     * {@code @media}'s blocks in the nested one of the same joined query, the part opened again
     * after it has no place in the map and keeps the outer's query.
     *
     * @param broken      dart-sass's expanded output, as changed so far, with its map
     * @param stylesheets the stylesheets the compilation read, by the URL the map knows them by,
     *                    for a map without their contents
     */
    static SplitRules.Result joined(SplitRules.Result broken, Map<String, String> stylesheets) {
        String css = broken.css();
        String map = broken.map();
        if (map == null || !css.contains("@media") || stylesheets.values().stream().noneMatch(s -> ALL.matcher(s).find())) {
            return broken;
        }
        Matcher mappings = StaticValues.MAPPINGS.matcher(map);
        if (!mappings.find()) {
            return broken;
        }
        List<String> urls = StaticValues.strings(map, StaticValues.SOURCES);
        List<String> contents = StaticValues.sourceTexts(map, urls, stylesheets);
        if (contents.stream().anyMatch(s -> NESTED_IMPORT.matcher(s).find())) {
            return broken;
        }
        Map<Long, StaticValues.Origin> origins = StaticValues.origins(mappings.group(1));
        Map<Integer, Map<Integer, Nested>> chains = new HashMap<>();
        List<SourceMapShift.Edit> edits = new ArrayList<>();
        StringBuilder out = new StringBuilder(css.length());
        int[] lineStarts = MediaBreaks.lineStarts(css);
        int copied = 0;
        Matcher media = MEDIA.matcher(css);
        while (media.find()) {
            StaticValues.Origin origin = MediaBreaks.origin(origins, lineStarts, css.indexOf('@', media.start()));
            if (origin == null || origin.source() >= contents.size()) {
                continue;
            }
            String source = contents.get(origin.source());
            boolean indented = urls.get(origin.source()).toLowerCase(Locale.ROOT).endsWith(".sass");
            Map<Integer, Nested> nested = chains.computeIfAbsent(origin.source(), s -> chains(source, indented));
            Nested chain = nested.get(offset(source, origin));
            if (chain == null || chain.queries().size() < 2
                    || !holdsOnlyItsOwn(css, media, origins, lineStarts, origin.source(), source, chain)) {
                continue;
            }
            Query dart = chain.queries().get(0);
            Query libsass = chain.queries().get(0);
            for (Query inner : chain.queries().subList(1, chain.queries().size())) {
                dart = dart == null ? null : dartJoin(dart, inner);
                libsass = libsass == null ? null : libsassJoin(libsass, inner);
            }
            if (dart == null || libsass == null || !dart.text().equals(media.group(1))
                    || libsass.text().equals(media.group(1))) {
                continue;
            }
            out.append(css, copied, media.start(1)).append(libsass.text());
            edits.add(new SourceMapShift.Edit(media.start(1), media.group(1).length(), libsass.text().length()));
            copied = media.end(1);
        }
        if (edits.isEmpty()) {
            return broken;
        }
        out.append(css, copied, css.length());
        List<Integer> leftOut = new ArrayList<>();
        for (int at : broken.leftOutMedia()) {
            int moved = at;
            for (SourceMapShift.Edit edit : edits) {
                moved += edit.offset() < at ? edit.newLength() - edit.oldLength() : 0;
            }
            leftOut.add(moved);
        }
        return new SplitRules.Result(out.toString(), SourceMapShift.shifted(map, css, edits), broken.mediaOrder(),
                List.copyOf(leftOut));
    }

    /** dart-sass's join: {@code all} is no type, and the inner query's type is kept. */
    private static Query dartJoin(Query outer, Query inner) {
        String type;
        if (outer.allTypes()) {
            type = inner.allTypes() && outer.type().isEmpty() ? "" : inner.type();
        } else if (inner.allTypes() || outer.type().equalsIgnoreCase(inner.type())) {
            type = outer.type();
        } else {
            return null;
        }
        return new Query(type, joinedFeatures(outer, inner));
    }

    /** libsass's join: the outer query's type is kept, or the inner one's where the outer names none. */
    private static Query libsassJoin(Query outer, Query inner) {
        String type;
        if (outer.type().isEmpty()) {
            type = inner.type();
        } else if (outer.allTypes() || inner.allTypes() || outer.type().equalsIgnoreCase(inner.type())) {
            type = outer.type();
        } else {
            return null;
        }
        return new Query(type, joinedFeatures(outer, inner));
    }

    private static List<String> joinedFeatures(Query outer, Query inner) {
        List<String> features = new ArrayList<>(outer.features());
        features.addAll(inner.features());
        return features;
    }

    /**
     * An {@code @media} of a stylesheet: the queries of the ones around it and its own, outermost
     * first, where it starts and ends, and where the blocks around it start.
     */
    private record Nested(List<Query> queries, int from, int to, List<Integer> around) {
    }

    /**
     * Whether each item dart-sass wrote in the {@code @media} comes from inside the nested one
     * the map places it at: where dart-sass went on writing the outer one's blocks in it (the
     * two of the same joined query) and {@link MediaBreaks} did not part them, those blocks keep
     * the outer's query. The first item may be the rule around the nested {@code @media}, which
     * dart-sass writes anew in it for the declarations it holds.
     */
    private static boolean holdsOnlyItsOwn(String css, Matcher media, Map<Long, StaticValues.Origin> origins, int[] lineStarts,
            int sourceIndex, String source, Nested chain) {
        String indent = css.substring(media.start(), css.indexOf('@', media.start())) + "  ";
        int line = media.end() + 1;
        boolean first = true;
        while (line < css.length() && css.startsWith(indent, line)) {
            int at = line + indent.length();
            if (css.charAt(at) != ' ' && css.charAt(at) != '}') {
                StaticValues.Origin origin = MediaBreaks.origin(origins, lineStarts, at);
                int offset = origin == null || origin.source() != sourceIndex ? -1 : offset(source, origin);
                if (offset < 0 || offset >= chain.to() || offset <= chain.from() && !(first && chain.around().contains(offset))) {
                    return false;
                }
                first = false;
            }
            int end = css.indexOf('\n', line);
            line = end < 0 ? css.length() : end + 1;
        }
        return true;
    }

    /**
     * Each {@code @media} of the stylesheet, by where its statement starts; null where one of
     * its queries or its outer ones' is not read (see {@link Query#of}) or the stylesheet does
     * not tell them all.
     */
    private static Map<Integer, Nested> chains(String source, boolean indented) {
        Map<Integer, Nested> chains = new HashMap<>();
        // per open block: where its statement starts, and the queries of the @media it is or
        // stands in (null where unknown)
        ArrayDeque<Integer> starts = new ArrayDeque<>();
        ArrayDeque<Optional<List<Query>>> blocks = new ArrayDeque<>();
        blocks.push(Optional.of(List.of()));
        ScssOutline.Statements statements = new ScssOutline.Statements() {
            @Override
            public void opens(int start, int brace) {
                String prelude = source.substring(start, brace).strip();
                List<Query> around = blocks.peek().orElse(null);
                List<Query> chain = around;
                if (around != null && prelude.startsWith("@media")) {
                    Query query = Query.of(prelude.substring("@media".length()));
                    chain = null;
                    if (query != null) {
                        chain = new ArrayList<>(around);
                        chain.add(query);
                    }
                } else if (prelude.startsWith("@") && !MediaBreaks.CONTROL.matcher(prelude).lookingAt()
                        || prelude.startsWith("=") || prelude.startsWith("+")) {
                    chain = null;
                }
                starts.push(start);
                blocks.push(Optional.ofNullable(chain));
            }

            @Override
            public void ends(int start, int end) {
            }

            @Override
            public void closes(int brace) {
                int start = starts.pop();
                List<Query> chain = blocks.pop().orElse(null);
                if (chain != null && source.startsWith("@media", start)) {
                    chains.put(start, new Nested(chain, start, brace, List.copyOf(starts)));
                }
            }
        };
        if (indented) {
            ScssOutline.walkIndented(source, statements);
        } else {
            ScssOutline.walk(source, statements);
        }
        return chains;
    }

    /** The offset of a place the map names in the stylesheet, or -1 past its end. */
    private static int offset(String source, StaticValues.Origin origin) {
        return StaticValues.offset(source, origin.line(), origin.column());
    }
}
