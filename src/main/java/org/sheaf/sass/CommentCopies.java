package org.sheaf.sass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Joins an {@code @media} that dart-sass opened anew for a comment back into the one before it.
 * After an {@code @media} nested in another, which both compilers move out of it, dart-sass
 * writes the outer one's next rules in a copy of it, and then opens yet another copy for a
 * comment that follows them; libsass writes all that stands between two nested blocks in one
 * {@code @media}:
 * <pre>@media (max-width: 5em) { @media screen { i { x: 1 } } .u { y: 2 } /* c *&#47; }</pre>
 * is {@code @media (max-width: 5em) { .u { y: 2; } /* c *&#47; }} in libsass after the joined
 * one, where dart-sass ends with {@code @media (max-width: 5em) { .u { y: 2 } }} and
 * {@code @media (max-width: 5em) { /* c *&#47; }}.
 *
 * <p>Two sibling {@code @media} are joined when the map places both at one statement, the second
 * starts with a comment of that statement's stylesheet, and the stylesheet's text from the last
 * thing of the first block placed there up to that comment holds no at-rule but a loop's or an
 * {@code @if}'s: the comment then follows it in one run of the statement, where nothing left out
 * or reached elsewhere (an {@code @media}, an include) can have closed the {@code @media} in
 * libsass too, and a second run of the statement (a loop's, a mixin's) would start before it.
 * Where the text does not tell so (the comment written by a mixin, or before the last thing in a
 * loop's text), evaluation does ({@link Evaluation#joinsComment}), for two sibling {@code @media}
 * of one query: the first may then be one opened again where libsass closes it, which the map
 * places at no statement.
 */
final class CommentCopies {
    private CommentCopies() {
    }

    /**
     * The CSS with each such copy joined into the {@code @media} before it, and the map and the
     * places of the {@code @media} left out following the changed text.
     *
     * @param written     the expanded CSS as changed so far, with its map
     * @param stylesheets the stylesheets the compilation read, by the URL the map knows them by,
     *                    for a map without their contents
     * @param evaluation  what evaluating the stylesheets wrote where, asked only of a comment
     *                    the text does not tell of; may give null
     */
    static SplitRules.Result joined(SplitRules.Result written, Map<String, String> stylesheets,
            Supplier<Evaluation> evaluation) {
        String css = written.css();
        String map = written.map();
        Matcher mappings = map == null ? null : StaticValues.MAPPINGS.matcher(map);
        if (mappings == null || !css.contains("/*") || !mappings.find()) {
            return written;
        }
        List<String> contents = StaticValues.sourceTexts(map, StaticValues.strings(map, StaticValues.SOURCES), stylesheets);
        Map<Long, StaticValues.Origin> origins = StaticValues.origins(mappings.group(1));
        // per source: where its lines start, read from a source the first time a comment is looked at in it
        SourceLines sources = new SourceLines(contents);
        int[] lineStarts = MediaBreaks.lineStarts(css);
        List<MediaBreaks.MediaAt> media = MediaBreaks.topLevelMedia(css);
        // each join: from the start of the first's closing line to where the comment starts
        List<int[]> joins = new ArrayList<>();
        List<List<MediaBreaks.Span>> childrenOf = media.stream()
                .map(block -> MediaBreaks.children(css, block.brace(), block.close())).toList();
        // how many comments stand directly in the top-level @media, in all and up to the second of the pair
        int count = childrenOf.stream().mapToInt(children -> comments(css, children)).sum();
        int comments = media.isEmpty() ? 0 : comments(css, childrenOf.get(0));
        for (int m = 0; m + 1 < media.size(); m++) {
            MediaBreaks.MediaAt first = media.get(m);
            MediaBreaks.MediaAt second = media.get(m + 1);
            List<MediaBreaks.Span> children = childrenOf.get(m + 1);
            int ordinal = comments;
            comments += comments(css, children);
            if (!css.substring(first.close() + 1, second.at()).isBlank() || !samePrelude(css, first, second)) {
                continue;
            }
            if (children.isEmpty() || !MediaBreaks.isComment(css, children.get(0))) {
                continue;
            }
            int comment = children.get(0).start();
            // dart-sass places a comment that starts a line at the line's start, its indent and all
            StaticValues.Origin placed = MediaBreaks.origin(origins, lineStarts, comment);
            placed = placed != null ? placed : MediaBreaks.origin(origins, lineStarts, css.lastIndexOf('\n', comment) + 1);
            if (sameStatement(first, second, origins, lineStarts)
                    && placed != null && placed.source() < contents.size() && follows(first, placed, origins, lineStarts,
                    contents.get(placed.source()), sources.lineStarts(placed.source()))
                    || evaluated(evaluation, ordinal, count, css.substring(comment, children.get(0).end()))) {
                joins.add(new int[] {css.lastIndexOf('\n', first.close()) + 1, comment});
            }
        }
        if (joins.isEmpty()) {
            return written;
        }
        // the comment stands in the first @media, indented one level inside its closing brace
        List<SourceMapShift.Replacement> replacements = joins.stream()
                .map(join -> new SourceMapShift.Replacement(join[0], join[1],
                        css.substring(join[0], css.indexOf('}', join[0])) + "  ", true))
                .toList();
        SourceMapShift.Replaced replaced = SourceMapShift.replaced(css, replacements);
        String result = replaced.text();
        int[] moved = replaced.moved();
        List<Integer> leftOut = written.leftOutMedia().stream()
                .map(at -> moved[at] >= 0 ? moved[at] : moved[joinEnd(joins, at)]).toList();
        return new SplitRules.Result(result, SourceMapShift.moved(map, css, result, moved), written.mediaOrder(), leftOut);
    }

    /** How many of an {@code @media}'s children ({@link MediaBreaks#children}) are comments. */
    private static int comments(String css, List<MediaBreaks.Span> children) {
        return (int) children.stream().filter(child -> MediaBreaks.isComment(css, child)).count();
    }

    /**
     * Whether evaluation says the comment, the {@code ordinal}th of the {@code count} standing
     * directly in a top-level {@code @media} ({@link MediaBreaks#topLevelMedia}, as
     * {@link Evaluation#joinsComment} counts them), was written in one run of its {@code @media}
     * with what comes before it.
     */
    private static boolean evaluated(Supplier<Evaluation> evaluation, int ordinal, int count, String comment) {
        Evaluation evaluated = evaluation == null ? null : evaluation.get();
        return evaluated != null && evaluated.joinsComment(ordinal, count, comment);
    }

    /** Where the join that takes out the offset {@code at} ends. */
    private static int joinEnd(List<int[]> joins, int at) {
        return joins.stream().filter(join -> join[0] <= at && at < join[1]).findFirst().orElseThrow()[1];
    }

    /** Whether both {@code @media} have one query. */
    private static boolean samePrelude(String css, MediaBreaks.MediaAt first, MediaBreaks.MediaAt second) {
        return css.substring(first.at(), first.brace()).equals(css.substring(second.at(), second.brace()));
    }

    /**
     * Whether the map places both {@code @media} at one statement; not so for one opened again
     * where libsass closes it (evaluation, which tells that too, does not ask it).
     */
    private static boolean sameStatement(MediaBreaks.MediaAt first, MediaBreaks.MediaAt second,
            Map<Long, StaticValues.Origin> origins, int[] lineStarts) {
        StaticValues.Origin at = MediaBreaks.origin(origins, lineStarts, first.at());
        return at != null && at.equals(MediaBreaks.origin(origins, lineStarts, second.at()));
    }

    /**
     * Whether the comment follows the last thing of the block {@code first} that the map places
     * in the comment's stylesheet, whose {@code text} has lines starting at {@code textLines},
     * with no at-rule but a loop or an {@code @if} between them in that text.
     */
    private static boolean follows(MediaBreaks.MediaAt first, StaticValues.Origin comment,
            Map<Long, StaticValues.Origin> origins, int[] lineStarts, String text, int[] textLines) {
        int from = MediaBreaks.lineOf(lineStarts, first.brace());
        int to = MediaBreaks.lineOf(lineStarts, first.close());
        int last = -1;
        for (Map.Entry<Long, StaticValues.Origin> placed : origins.entrySet()) {
            int line = (int) (placed.getKey() >>> 32);
            StaticValues.Origin origin = placed.getValue();
            if (line > from && line <= to && origin.source() == comment.source()) {
                last = Math.max(last, MediaJoins.offset(text, textLines, origin));
            }
        }
        int at = MediaJoins.offset(text, textLines, comment);
        if (last < 0 || last >= at) {
            return false;
        }
        // a loop or an @if runs what it holds where it stands; anything else may run elsewhere
        for (int rule = text.indexOf('@', last + 1); rule >= 0 && rule < at; rule = text.indexOf('@', rule + 1)) {
            if (!MediaBreaks.CONTROL.matcher(text).region(rule, at).lookingAt()) {
                return false;
            }
        }
        return true;
    }
}
