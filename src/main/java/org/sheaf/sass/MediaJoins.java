package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.regex.MatchResult;
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
 * other {@code @media} only, not in an include's block or an {@code @supports}, each of one query
 * written without interpolation or a variable, with no {@code not} or {@code only}, and in a
 * stylesheet no other one imports inside a block. One in a mixin is read through each include
 * of the mixin in the same stylesheet, each standing so: the queries around the include come
 * before the mixin's own. A query is rewritten only where joining those queries as dart-sass does
 * gives the query the CSS holds, text for text, and joining them as libsass does gives one query
 * for every include that does so; and where what dart-sass wrote in the {@code @media} came from
 * inside the nested one, or from the block an include gave its mixin. Where the stylesheet does
 * not tell them, a compilation of a marked copy of the stylesheets does ({@link MarkedQueries}).
 */
final class MediaJoins {
    /**
     * An @media of dart-sass's expanded output: its query, up to the brace that ends its line, or
     * that a comment and the closing brace follow on the line, as dart-sass writes an
     * {@code @media} that holds only one comment.
     */
    static final Pattern MEDIA = Pattern.compile("(?m)^[ \\t]*@media ([^{}\\n]+) \\{(?:$|(?= /\\*.*\\*/ \\}$))");
    /** A stylesheet that may join a query with the type all. */
    private static final Pattern ALL = Pattern.compile("(?i)@media[^{};\\n]*\\ball\\b");
    private static final Pattern NESTED_IMPORT = Pattern.compile("(?m)^[ \\t]+@import\\b");
    /** The {@code and} between a query's type and its features, or between features. */
    static final Pattern AND = Pattern.compile("\\s+and\\s+");
    /** The start of a mixin's definition, in SCSS or the indented syntax: its name. */
    private static final Pattern MIXIN = Pattern.compile("(?:@mixin\\s+|=\\s*)([\\w-]+)");
    /** The start of an include in SCSS or the indented syntax: a module's namespace, if any, and the mixin's name. */
    private static final Pattern INCLUDE = Pattern.compile("(?:@include\\s+|\\+\\s*)([\\w-]+\\.)?([\\w-]+)");
    /** The most chains one {@code @media} is read through; past it, where it stands is not told. */
    private static final int MOST_CHAINS = 64;
    /** A media type as a query names it: letters and hyphens. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z-]+");

    private MediaJoins() {
    }

    /** One query: its media type (empty when it names none) and its features, each as written. */
    record Query(String type, List<String> features) {
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
            return text.contains("#{") || text.contains("$") ? null : single(text);
        }

        /**
         * One query as written: a media type that is a word (not {@code not} or {@code only}), or
         * none, and features in parentheses, joined by {@code and}; null for another, or a list.
         */
        static Query single(String text) {
            if (text.contains(",")) {
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
     * after it has no place in the map and is joined as the outer statement is (see
     * {@link #continued}), while a copy of it that dart-sass opened after a block nested there,
     * which the map places at the nested statement, keeps the outer's query (see
     * {@link #writtenInside}). Where the stylesheets do not tell the queries around an
     * {@code @media}, a compilation of their marked copy does ({@link MarkedQueries}), asked for
     * once.
     *
     * @param broken      dart-sass's expanded output, as changed so far, with its map
     * @param stylesheets the stylesheets the compilation read, by the URL the map knows them by,
     *                    for a map without their contents
     * @param compiled    dart-sass's expanded CSS of the compilation again with copies of the
     *                    stylesheets, by URL, in their place; null where it fails
     */
    static SplitRules.Result joined(SplitRules.Result broken, Map<String, String> stylesheets,
            Function<Map<String, String>, String> compiled) {
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
        // the stylesheets tell where their @media stand only where none is imported inside a block
        boolean told = contents.stream().noneMatch(s -> NESTED_IMPORT.matcher(s).find());
        Map<Long, StaticValues.Origin> origins = StaticValues.origins(mappings.group(1));
        // per source: where its lines start, read from a source the first time the map places something in it
        ToIntFunction<StaticValues.Origin> offsetOf = new SourceLines(contents)::offset;
        Map<Integer, Map<Integer, Nested>> chains = new HashMap<>();
        Function<Statement, Nested> chainAt = at -> !told ? null : chains.computeIfAbsent(at.source(), s -> chains(contents.get(s),
                indented(urls, s), others(contents, s))).get(at.at());
        List<SourceMapShift.Edit> edits = new ArrayList<>();
        StringBuilder out = new StringBuilder(css.length());
        int[] lineStarts = MediaBreaks.lineStarts(css);
        List<MatchResult> found = MEDIA.matcher(css).results().toList();
        List<Statement> places = new ArrayList<>();
        // how many @media of each statement the CSS holds, and how many of them came so far
        Map<Statement, Integer> counts = new HashMap<>();
        Map<Statement, Integer> ordinals = new HashMap<>();
        for (MatchResult media : found) {
            StaticValues.Origin origin = MediaBreaks.origin(origins, lineStarts, css.indexOf('@', media.start()));
            Statement at = origin == null || origin.source() >= contents.size() ? null
                    : new Statement(origin.source(), offsetOf.applyAsInt(origin));
            places.add(at);
            if (at != null) {
                counts.merge(at, 1, Integer::sum);
            }
        }
        Supplier<MarkedQueries> evaluated = SassRenderer.once(() -> {
            MarkedQueries.Marked marked = MarkedQueries.marked(stylesheets);
            return MarkedQueries.read(compiled.apply(marked.texts()), marked);
        });
        // per source: where the block of each @media statement closes, by where the statement starts,
        // read from a source the first time an @media needs it
        Map<Integer, Map<Integer, Integer>> mediaEnds = new HashMap<>();
        IntFunction<Map<Integer, Integer>> ends = s -> mediaEnds.computeIfAbsent(s, t -> mediaEnds(contents.get(t), indented(urls, t)));
        // per statement the CSS holds more @media of than the marked CSS: those it wrote from inside it
        Map<Statement, List<Integer>> inside = new HashMap<>();
        // libsass's query for each @media where the marked CSS's lie beside them one for one,
        // laid beside them by their queries and the heads of the blocks they hold
        Supplier<List<String>> aligned = SassRenderer.once(() -> evaluated.get() == null ? null
                : evaluated.get().aligned(found.stream().map(media -> media.group(1)).toList(),
                        found.stream().map(media -> blockHeads(css, media.start(), media.end())).toList()));
        int copied = 0;
        for (int m = 0; m < found.size(); m++) {
            MatchResult media = found.get(m);
            Statement at = places.get(m);
            String libsass = null;
            Statement outer = at == null ? continued(css, media, origins, lineStarts, contents, ends, offsetOf) : null;
            if (outer != null) {
                Nested chain = chainAt.apply(outer);
                libsass = chain != null ? libsassJoin(chain.chains(), media.group(1))
                        : evaluated.get() == null ? null : evaluated.get().libsass(urls.get(outer.source()), outer.at(), media.group(1));
            } else if (at != null) {
                int ordinal = ordinals.merge(at, 1, Integer::sum) - 1;
                Nested chain = chainAt.apply(at);
                libsass = chain == null || !holdsOnlyItsOwn(css, media, origins, lineStarts, at.source(), offsetOf, chain)
                        ? null : libsassJoin(chain.chains(), media.group(1));
                MarkedQueries marked = libsass == null ? evaluated.get() : null;
                if (marked != null) {
                    String url = urls.get(at.source());
                    libsass = marked.libsass(url, at.at(), ordinal, counts.get(at), media.group(1));
                    if (libsass == null) {
                        List<Integer> own = inside.computeIfAbsent(at, s -> writtenInside(css, found, places, s,
                                ends.apply(s.source()).getOrDefault(s.at(), -1), origins, lineStarts, offsetOf));
                        libsass = own.contains(m) ? marked.libsass(url, at.at(), own.indexOf(m), own.size(), media.group(1)) : null;
                    }
                }
            }
            if (libsass == null && aligned.get() != null) {
                libsass = aligned.get().get(m);
            }
            if (libsass == null || libsass.equals(media.group(1))) {
                continue;
            }
            out.append(css, copied, media.start(1)).append(libsass);
            edits.add(new SourceMapShift.Edit(media.start(1), media.group(1).length(), libsass.length()));
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

    /** The {@code @media} statement the map places an {@code @media} of the CSS at: its source's index and its offset there. */
    private record Statement(int source, int at) {
    }

    /**
     * The query libsass writes for one dart-sass wrote as {@code written}: libsass's join of the
     * chains whose join as dart-sass's gives that text, where they all give one; null where no
     * chain does, or they give more than one.
     */
    private static String libsassJoin(List<List<Query>> chains, String written) {
        String libsass = null;
        for (List<Query> chain : chains) {
            Query dart = dartJoin(chain);
            Query joined = libsassJoin(chain);
            if (dart == null || !dart.text().equals(written)) {
                continue;
            }
            if (joined == null || libsass != null && !libsass.equals(joined.text())) {
                return null;
            }
            libsass = joined.text();
        }
        return libsass;
    }

    /** The queries of a chain, outermost first, joined as dart-sass joins them; null where they match nothing. */
    static Query dartJoin(List<Query> chain) {
        return joined(chain, MediaJoins::dartJoin);
    }

    /** The queries of a chain, outermost first, joined as libsass joins them; null where they match nothing. */
    static Query libsassJoin(List<Query> chain) {
        return joined(chain, MediaJoins::libsassJoin);
    }

    /** The queries of a chain, outermost first, each joined into the ones before it by {@code join}; null once a join matches nothing. */
    private static Query joined(List<Query> chain, BinaryOperator<Query> join) {
        Query joined = chain.get(0);
        for (Query inner : chain.subList(1, chain.size())) {
            joined = joined == null ? null : join.apply(joined, inner);
        }
        return joined;
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
     * An {@code @media} of a stylesheet: each chain of queries it may be joined through,
     * outermost first and its own last (one chain, or one per context its mixin is included in),
     * where it starts and ends, where the blocks around it start, and where the blocks start and
     * end that includes of its mixin give and only it holds.
     */
    private record Nested(List<List<Query>> chains, int from, int to, List<Integer> around, List<int[]> filled) {
    }

    /**
     * Whether each item dart-sass wrote in the {@code @media} comes from inside the nested one
     * the map places it at: where dart-sass went on writing the outer one's blocks in it (the
     * two of the same joined query) and {@link MediaBreaks} did not part them, those blocks keep
     * the outer's query. The first item may be the rule around the nested {@code @media}, which
     * dart-sass writes anew in it for the declarations it holds. An item may come from the
     * block an include gives the {@code @media}'s mixin, where each {@code @content} of the
     * mixin stands in the {@code @media}.
     */
    private static boolean holdsOnlyItsOwn(String css, MatchResult media, Map<Long, StaticValues.Origin> origins, int[] lineStarts,
            int sourceIndex, ToIntFunction<StaticValues.Origin> offsetOf, Nested chain) {
        boolean first = true;
        for (StaticValues.Origin item : items(css, media, origins, lineStarts, false)) {
            int offset = item == null || item.source() != sourceIndex ? -1 : offsetOf.applyAsInt(item);
            boolean inside = within(offset, chain.from(), chain.to())
                    || chain.filled().stream().anyMatch(block -> within(offset, block[0], block[1]));
            if (!inside && !(first && chain.around().contains(offset))) {
                return false;
            }
            first = false;
        }
        return true;
    }

    /**
     * Of the {@code @media} of the CSS the map places at a statement, those that hold an item
     * the map places inside the statement's block (which closes at {@code end}), by their index
     * in {@code found}. dart-sass goes on writing an outer {@code @media} in a nested one of the
     * same joined query, and where a block nested there breaks it, writes the rest in a copy the
     * map places at the nested statement too: such a copy holds only what stands outside it, and
     * the marked CSS, in which the two queries differ, has no {@code @media} for it.
     */
    private static List<Integer> writtenInside(String css, List<MatchResult> found, List<Statement> places, Statement statement,
            int end, Map<Long, StaticValues.Origin> origins, int[] lineStarts, ToIntFunction<StaticValues.Origin> offsetOf) {
        List<Integer> inside = new ArrayList<>();
        for (int m = 0; m < found.size(); m++) {
            if (statement.equals(places.get(m)) && items(css, found.get(m), origins, lineStarts, true).stream()
                    .anyMatch(item -> item != null && item.source() == statement.source() && within(offsetOf.applyAsInt(item), statement.at(), end))) {
                inside.add(m);
            }
        }
        return inside;
    }

    /**
     * The statement an {@code @media} of the CSS the map places nowhere goes on writing, or null
     * where none is told. Where libsass closes an {@code @media} around a nested block and opens
     * it again after, so does {@link MediaBreaks}; and where dart-sass went on writing an outer
     * {@code @media} in a nested one of the same joined query, it parts them where the nested
     * one ends. The part opened again is the innermost {@code @media} statement whose block holds
     * its first item.
     */
    private static Statement continued(String css, MatchResult media, Map<Long, StaticValues.Origin> origins, int[] lineStarts,
            List<String> contents, IntFunction<Map<Integer, Integer>> ends, ToIntFunction<StaticValues.Origin> offsetOf) {
        StaticValues.Origin first = items(css, media, origins, lineStarts, true).stream()
                .filter(item -> item != null && item.source() < contents.size()).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        int offset = offsetOf.applyAsInt(first);
        int innermost = -1;
        for (Map.Entry<Integer, Integer> statement : ends.apply(first.source()).entrySet()) {
            if (statement.getKey() > innermost && within(offset, statement.getKey(), statement.getValue())) {
                innermost = statement.getKey();
            }
        }
        return innermost < 0 ? null : new Statement(first.source(), innermost);
    }

    /**
     * The heads of the blocks an {@code @media} of dart-sass's expanded CSS holds, at any depth,
     * each once and sorted: what it holds, whatever order the rules were moved into or however
     * often a rule's selector was written again for the declarations after a nested block.
     *
     * @param start where the line of the {@code @media} starts
     * @param end   where that line ends, at its brace
     */
    static Set<String> blockHeads(String css, int start, int end) {
        if (oneLine(css, end)) {
            return Set.of();
        }
        String closing = css.substring(start, css.indexOf('@', start)) + "}";
        Set<String> heads = new TreeSet<>();
        int line = end + 1;
        while (line < css.length()) {
            int next = css.indexOf('\n', line);
            String text = css.substring(line, next < 0 ? css.length() : next);
            if (text.equals(closing)) {
                break;
            }
            if (text.endsWith("{")) {
                heads.add(text.strip());
            }
            line = next < 0 ? css.length() : next + 1;
        }
        return heads;
    }

    /** Whether the {@code @media} whose brace ends at {@code end} holds its comment on its own line. */
    private static boolean oneLine(String css, int end) {
        return end < css.length() && css.charAt(end) != '\n';
    }

    /** Whether the offset in a stylesheet lies inside the block of the statement from {@code from} to {@code to}. */
    private static boolean within(int offset, int from, int to) {
        return offset > from && offset < to;
    }

    /** Whether the stylesheet {@code s} of the map's {@code urls} is in the indented syntax. */
    private static boolean indented(List<String> urls, int s) {
        return ScssOutline.indented(urls.get(s));
    }

    /** Where the block of each {@code @media} statement of the stylesheet closes, by where the statement starts. */
    private static Map<Integer, Integer> mediaEnds(String source, boolean indented) {
        Map<Integer, Integer> ends = new HashMap<>();
        ArrayDeque<Integer> starts = new ArrayDeque<>();
        ScssOutline.walk(source, indented, new ScssOutline.Statements() {
            @Override
            public void opens(int start, int brace) {
                starts.push(start);
            }

            @Override
            public void ends(int start, int end) {
            }

            @Override
            public void closes(int brace) {
                int start = starts.pop();
                if (start >= 0 && source.startsWith("@media", start)) {
                    ends.put(start, brace);
                }
            }
        });
        return ends;
    }

    /**
     * Where the map places each item of an {@code @media} of the CSS, in order, null for one it
     * places nowhere: the blocks and comments right in it, and with {@code nested} what those
     * hold too.
     */
    private static List<StaticValues.Origin> items(String css, MatchResult media, Map<Long, StaticValues.Origin> origins,
            int[] lineStarts, boolean nested) {
        String indent = css.substring(media.start(), css.indexOf('@', media.start())) + "  ";
        List<StaticValues.Origin> items = new ArrayList<>();
        if (oneLine(css, media.end())) {
            // a comment on the @media's own line: the map places it, as the item, nowhere apart
            return items;
        }
        int line = media.end() + 1;
        while (line < css.length() && css.startsWith(indent, line)) {
            int at = line + indent.length();
            while (nested && css.charAt(at) == ' ') {
                at++;
            }
            if (css.charAt(at) != ' ' && css.charAt(at) != '}') {
                items.add(MediaBreaks.origin(origins, lineStarts, at));
            }
            int end = css.indexOf('\n', line);
            line = end < 0 ? css.length() : end + 1;
        }
        return items;
    }

    /**
     * Where a block stands: at the top of the stylesheet ({@code mixin} null) or in the body of
     * the named mixin, with the queries of the {@code @media} around it there, outermost first.
     */
    private record Place(String mixin, List<Query> queries) {
        Place within(Query query) {
            List<Query> more = new ArrayList<>(queries);
            more.add(query);
            return new Place(mixin, List.copyOf(more));
        }
    }

    /**
     * Each {@code @media} of the stylesheet, by where its statement starts; null where one of
     * its queries or its outer ones' is not read (see {@link Query#of}) or the stylesheet does
     * not tell them all. An {@code @media} in a mixin is read through each place the stylesheet
     * includes the mixin, where those all stand where it tells the queries around them, no other
     * stylesheet includes the mixin and this one defines it once.
     */
    private static Map<Integer, Nested> chains(String source, boolean indented, List<String> others) {
        record Found(Place place, int from, int to, List<Integer> around) {
        }
        List<Found> found = new ArrayList<>();
        Map<String, List<Optional<Place>>> includes = new HashMap<>();
        Map<String, Integer> definitions = new HashMap<>();
        Map<String, int[]> bodies = new HashMap<>();
        Map<String, List<int[]>> filling = new HashMap<>();
        List<Integer> contents = new ArrayList<>();
        Map<String, List<Integer>> sitesAround = new HashMap<>();
        // per open block: where its statement starts, and where it stands (empty where unknown)
        ArrayDeque<Integer> starts = new ArrayDeque<>();
        ArrayDeque<Optional<Place>> blocks = new ArrayDeque<>();
        blocks.push(Optional.of(new Place(null, List.of())));
        ScssOutline.Statements statements = new ScssOutline.Statements() {
            @Override
            public void opens(int start, int brace) {
                String prelude = source.substring(start, brace).strip();
                Optional<Place> around = blocks.peek();
                Optional<Place> place = around;
                Matcher mixin = MIXIN.matcher(prelude);
                Matcher include = INCLUDE.matcher(prelude);
                if (mixin.lookingAt() && (indented || prelude.startsWith("@"))) {
                    String name = ScssOutline.normalized(mixin.group(1));
                    definitions.merge(name, 1, Integer::sum);
                    place = Optional.of(new Place(name, List.of()));
                } else if (include.lookingAt() && (indented || prelude.startsWith("@"))) {
                    included(include, around);
                    place = Optional.empty();
                } else if (prelude.startsWith("@media")) {
                    Query query = Query.of(prelude.substring("@media".length()));
                    place = query == null ? Optional.empty() : around.map(p -> p.within(query));
                } else if (prelude.startsWith("@") && !MediaBreaks.CONTROL.matcher(prelude).lookingAt()
                        || prelude.startsWith("=") || prelude.startsWith("+")) {
                    place = Optional.empty();
                }
                starts.push(start);
                blocks.push(place);
            }

            @Override
            public void ends(int start, int end) {
                if (source.startsWith("@content", start)) {
                    contents.add(start);
                }
                Matcher include = INCLUDE.matcher(source.substring(start, end));
                if (include.lookingAt() && (indented || source.startsWith("@", start))) {
                    included(include, blocks.peek());
                }
            }

            private void included(Matcher include, Optional<Place> at) {
                if (include.group(1) == null) {
                    String name = ScssOutline.normalized(include.group(2));
                    includes.computeIfAbsent(name, k -> new ArrayList<>()).add(at);
                    sitesAround.computeIfAbsent(name, k -> new ArrayList<>()).addAll(starts);
                }
            }

            @Override
            public void closes(int brace) {
                int start = starts.pop();
                Optional<Place> place = blocks.pop();
                if (place.isPresent() && source.startsWith("@media", start)) {
                    found.add(new Found(place.get(), start, brace, List.copyOf(starts)));
                }
                String prelude = source.substring(start, brace);
                Matcher mixin = MIXIN.matcher(prelude);
                Matcher include = INCLUDE.matcher(prelude);
                if (mixin.lookingAt() && (indented || prelude.startsWith("@"))) {
                    bodies.put(ScssOutline.normalized(mixin.group(1)), new int[] {start, brace});
                } else if (include.lookingAt() && include.group(1) == null && (indented || prelude.startsWith("@"))) {
                    filling.computeIfAbsent(ScssOutline.normalized(include.group(2)), k -> new ArrayList<>())
                            .add(new int[] {start, brace});
                }
            }
        };
        ScssOutline.walk(source, indented, statements);
        Map<Integer, Nested> chains = new HashMap<>();
        for (Found media : found) {
            List<List<Query>> read = throughIncludes(media.place(), includes, definitions, others, new ArrayList<>());
            String mixin = media.place().mixin();
            int[] body = mixin == null ? null : bodies.get(mixin);
            boolean holdsEachContent = body != null && contents.stream()
                    .allMatch(at -> at < body[0] || at > body[1] || media.from() < at && at < media.to());
            List<int[]> filled = holdsEachContent ? filling.getOrDefault(mixin, List.of()) : List.of();
            if (read != null) {
                List<Integer> around = new ArrayList<>(media.around());
                around.addAll(aroundIncludes(mixin, includes, sitesAround));
                chains.put(media.from(), new Nested(read, media.from(), media.to(), around, filled));
            }
        }
        return chains;
    }

    /**
     * Where the blocks start that stand around each include of the mixin, and around each include
     * of a mixin that includes it; none for the top of the stylesheet ({@code mixin} null). The
     * mixins include none of themselves (see {@link #throughIncludes}).
     */
    private static List<Integer> aroundIncludes(String mixin, Map<String, List<Optional<Place>>> includes,
            Map<String, List<Integer>> sitesAround) {
        if (mixin == null) {
            return List.of();
        }
        List<Integer> around = new ArrayList<>(sitesAround.getOrDefault(mixin, List.of()));
        for (Optional<Place> site : includes.get(mixin)) {
            around.addAll(aroundIncludes(site.get().mixin(), includes, sitesAround));
        }
        return around;
    }

    /**
     * The chains of queries a place is read through: its own where it stands at the top, and for
     * one in a mixin, the chains of each place that includes the mixin followed by its own; null
     * where one of those is not told, the mixin is included in another stylesheet or nowhere,
     * defined other than once, or includes itself ({@code seen} holds the mixins on the way).
     */
    private static List<List<Query>> throughIncludes(Place place, Map<String, List<Optional<Place>>> includes,
            Map<String, Integer> definitions, List<String> others, List<String> seen) {
        if (place.mixin() == null) {
            return List.of(place.queries());
        }
        List<Optional<Place>> sites = includes.getOrDefault(place.mixin(), List.of());
        if (sites.isEmpty() || sites.contains(Optional.<Place>empty()) || definitions.getOrDefault(place.mixin(), 0) != 1
                || seen.contains(place.mixin()) || MediaBreaks.included(List.of(place.mixin()), others)) {
            return null;
        }
        seen.add(place.mixin());
        List<List<Query>> read = new ArrayList<>();
        for (Optional<Place> site : sites) {
            List<List<Query>> outer = throughIncludes(site.get(), includes, definitions, others, seen);
            if (outer == null || read.size() + outer.size() > MOST_CHAINS) {
                return null;
            }
            for (List<Query> chain : outer) {
                List<Query> joined = new ArrayList<>(chain);
                joined.addAll(place.queries());
                read.add(List.copyOf(joined));
            }
        }
        seen.remove(place.mixin());
        return read;
    }

    /**
     * Where the {@code @media} statements of the stylesheet {@code index} of {@code contents}
     * start whose query, joined with the queries of the {@code @media} around it, matches
     * something as libsass joins them and as dart-sass does: both compilers write such an
     * {@code @media} where it holds something, and neither where it holds nothing (where a join
     * matches nothing, dart-sass leaves the {@code @media} out without a trace, while libsass may
     * write it, or count it as something in an {@code @supports}). Only those are told that
     * stand in rules, control flow, {@code @supports} and other {@code @media}, outside mixins
     * and the blocks includes give, each of a query {@link Query#of} reads; none where a
     * stylesheet imports another inside a block.
     */
    static Set<Integer> matchingSomething(List<String> contents, int index, boolean indented) {
        if (contents.stream().anyMatch(s -> NESTED_IMPORT.matcher(s).find())) {
            return Set.of();
        }
        String source = contents.get(index);
        Set<Integer> matching = new HashSet<>();
        // per open block: where it stands (empty where not told)
        ArrayDeque<Optional<Place>> blocks = new ArrayDeque<>();
        blocks.push(Optional.of(new Place(null, List.of())));
        ScssOutline.walk(source, indented, new ScssOutline.Statements() {
            @Override
            public void opens(int start, int brace) {
                String prelude = start < 0 ? "@" : source.substring(start, brace).strip();
                Optional<Place> place = blocks.peek();
                if (prelude.startsWith("@media")) {
                    Query query = Query.of(prelude.substring("@media".length()));
                    place = query == null ? Optional.empty() : place.map(around -> around.within(query));
                    if (place.isPresent() && libsassJoin(place.get().queries()) != null
                            && dartJoin(place.get().queries()) != null) {
                        matching.add(start);
                    }
                } else if (prelude.startsWith("@") && !prelude.startsWith("@supports")
                        && !MediaBreaks.CONTROL.matcher(prelude).lookingAt()
                        || prelude.startsWith("=") || prelude.startsWith("+")) {
                    place = Optional.empty();
                }
                blocks.push(place);
            }

            @Override
            public void ends(int start, int end) {
            }

            @Override
            public void closes(int brace) {
                blocks.pop();
            }
        });
        return matching;
    }

    /** The stylesheets but the one at {@code index}. */
    private static List<String> others(List<String> contents, int index) {
        List<String> others = new ArrayList<>(contents);
        others.remove(index);
        return others;
    }

    /**
     * The offset of a place the map names in the stylesheet whose lines start at
     * {@code lineStarts}, or -1 past its end: looked up, as the map places every item of every
     * {@code @media} of the CSS and a scan from the stylesheet's start for each would go over it
     * again and again.
     */
    static int offset(String source, int[] lineStarts, StaticValues.Origin origin) {
        int at = origin.line() < lineStarts.length ? lineStarts[origin.line()] + origin.column() : -1;
        return at <= source.length() ? at : -1;
    }
}
