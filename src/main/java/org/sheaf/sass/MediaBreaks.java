package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closes an {@code @media} where libsass closes it around an {@code @media} nested in it whose
 * joined query matches nothing. In
 * <pre>@media screen { .p { q: r } @media print { .y { c: g } } .z { c: b } }</pre>
 * dart-sass leaves the nested {@code @media} out and writes {@code .p} and {@code .z} in one
 * {@code @media screen}; libsass moves the nested one out of the outer as it moves any, closing
 * the outer there and opening it again after, and then writes nothing for it:
 * {@code @media screen { .p { q: r; } }}, then {@code @media screen { .z { c: b; } }}.
 *
 * <p>The CSS holds no trace of the nested {@code @media}, so the stylesheets tell where it
 * stood: two blocks dart-sass wrote one after the other in a top-level {@code @media} are parted
 * when the map places both in one stylesheet with such an {@code @media} between them. Only what
 * runs once, where it stands, is read so: the nested {@code @media}, and both blocks, may stand in
 * style rules and {@code @media} only (not in a mixin, a loop, an {@code @if} or an
 * {@code @supports}), and the nested one must hold a declaration or a comment and nothing that
 * runs elsewhere ({@code @include}, {@code @if}, ...), as libsass writes nothing for an
 * {@code @media} left with no declaration, and then leaves its outer one whole. That the two
 * blocks stand in one {@code @media} of dart-sass's says the joined query matched nothing: had it
 * matched something, dart-sass would have closed the outer one there too. The stylesheet is
 * read so in SCSS only; an {@code @media} it does not tell of, each nested one in the
 * indented syntax, and each one in a stylesheet that includes a mixin inside an {@code @media}
 * (whose blocks map to the mixin's text, before or after the nested one alike), is found by
 * {@link Evaluation}. An {@code @media} in an {@code @supports} at
 * the top level is closed and opened again as a top-level one is. An {@code @supports} in an
 * {@code @media} is not closed around an {@code @media} left out in it, but holds it among its
 * items all the same (see {@link #heldInSupports}).
 */
final class MediaBreaks {
    private static final Pattern MIXIN = Pattern.compile("@mixin\\s+([\\w-]+)");
    /** A control-flow rule: what it holds runs where it stands, maybe not at all or more than once. */
    static final Pattern CONTROL = Pattern.compile("@(if|else|each|for|while)\\b");
    /** An include in SCSS or the indented syntax, with or without a module's namespace. */
    private static final Pattern INCLUDE = Pattern.compile("(?:@include\\s+|(?m)^\\s*\\+)(?:[\\w-]+\\.)?([\\w-]+)");

    private MediaBreaks() {
    }

    /** A statement of the CSS ({@link #children}): its first character and the offset after its last. */
    record Span(int start, int end) {
    }

    /**
     * An {@code @media} of the CSS ({@link #topLevelMedia}): where its prelude starts, its
     * opening and closing braces.
     */
    record MediaAt(int at, int brace, int close) {
    }

    /**
     * Where libsass holds an {@code @media} it left out inside an {@code @supports}: the offset
     * of the CSS it stands before, and how far into the text of the change there it stands
     * (-1: before the change's text, or where there is none).
     */
    private record HeldAt(int at, int into) {
    }

    /**
     * The CSS with each top-level {@code @media} closed and opened again where libsass does so
     * around a nested {@code @media} dart-sass left out, and the map following the moved text.
     *
     * @param css         dart-sass's expanded output, as changed so far
     * @param map         its source map
     * @param stylesheets the stylesheets the compilation read, by the URL the map knows them by,
     *                    for a map without their contents
     * @param evaluation  what evaluating the stylesheets wrote where, asked only when one holds
     *                    an {@code @media} the stylesheet alone does not tell of (see
     *                    {@link Outline#unknown}), a stylesheet in the indented syntax holds a
     *                    nested one, or one includes a mixin in an {@code @media} and holds a
     *                    nested one (see {@link Outline#includesInMedia}); and for an
     *                    {@code @supports} in a top-level {@code @media} whose blocks the map
     *                    does not place (see {@link #heldInSupports}); may give null
     * @param mediaOrder  the order the blocks dart-sass wrote in each {@code @media} at the top
     *                    level or in an {@code @supports} there now stand in (see {@link SplitRules.Result})
     * @param supportsOrder the same of each {@code @supports} right in such an {@code @media}
     * @param topSupportsOrder the same of each top-level {@code @supports}
     */
    static SplitRules.Result broken(String css, String map, Map<String, String> stylesheets,
            Supplier<Evaluation> evaluation, Map<Integer, List<Integer>> mediaOrder,
            Map<Integer, List<Integer>> supportsOrder, Map<Integer, List<Integer>> topSupportsOrder) {
        if (map == null || css.indexOf("@media") < 0 && css.indexOf("@supports") < 0) {
            return new SplitRules.Result(css, map);
        }
        Matcher mappings = StaticValues.MAPPINGS.matcher(map);
        List<String> urls = StaticValues.strings(map, StaticValues.SOURCES);
        List<String> contents = StaticValues.sourceTexts(map, urls, stylesheets);
        Map<Integer, Outline> outlines = new HashMap<>();
        for (int s = 0; s < urls.size(); s++) {
            String url = urls.get(s);
            if (!ScssOutline.indented(url) && contents.get(s).contains("@media")) {
                Outline outline = Outline.of(contents.get(s));
                outlines.put(s, outline);
            }
        }
        if (!mappings.find()) {
            return new SplitRules.Result(css, map);
        }
        Map<Long, StaticValues.Origin> origins = StaticValues.origins(mappings.group(1));
        int[] lineStarts = lineStarts(css);
        // each change, by where it starts: whether the text it replaces is left out of the map (a
        // block dropped) or only moves on (white space)
        TreeMap<Integer, SourceMapShift.Replacement> changes = new TreeMap<>();
        // each @media left out inside an @supports
        List<HeldAt> leftOut = new ArrayList<>();
        // asked only of an @media with more than one block or an @supports in one, and then once
        Supplier<Boolean> unknown = SassRenderer.once(() -> unknown(outlines, urls, contents));
        int ordinal = -1;
        // the place of the next @supports right in one of those @media among such @supports
        int supportsOrdinal = 0;
        for (MediaAt media : topLevelMedia(css)) {
            ordinal++;
            String indent = css.substring(css.lastIndexOf('\n', media.at()) + 1, media.at());
            String reopened = reopened(css, media.at(), media.brace());
            // in an @supports, libsass holds each @media it leaves out among the @supports's items
            boolean held = !indent.isEmpty();
            int pending = 0;
            int heldBefore = leftOut.size();
            List<Span> kept = new ArrayList<>();
            boolean broken = false;
            int after = media.brace() + 1;
            List<Span> children = children(css, media.brace(), media.close());
            // libsass parts an @media with more than one item, a comment counting as one; in an
            // @supports it holds each @media it leaves out among the @supports's items, even
            // around a single block
            boolean several = children.stream().filter(child -> isBlock(css, child) || isComment(css, child))
                    .count() > (held ? 0 : 1);
            // those evaluation tells, each taken off where it closes the @media
            List<Closing> closings = several && unknown.get()
                    ? new ArrayList<>(evaluatedBreaks(evaluation, ordinal, mediaOrder.get(ordinal))) : new ArrayList<>();
            int blocks = 0;
            // the comments since the last block
            int comments = 0;
            for (Span child : children) {
                boolean block = isBlock(css, child);
                boolean comment = isComment(css, child);
                if (block || comment) {
                    List<Closing> closed = closedBefore(closings, blocks, block ? -1 : comments);
                    broken |= !closed.isEmpty() && !kept.isEmpty();
                    pending += heldLeftOut(closed, held);
                }
                blocks += block ? 1 : 0;
                comments = block ? 0 : comments + (comment ? 1 : 0);
                if (css.startsWith("@media", child.start())) {
                    // a query dart-sass cannot join with the outer one (not print in (min-width: 5px)):
                    // dart-sass keeps the @media nested, libsass takes the joined query to match nothing
                    changes.put(after, new SourceMapShift.Replacement(after, child.start(), "", false));
                    changes.put(child.start(), new SourceMapShift.Replacement(child.start(), child.end(), "", true));
                    broken = true;
                    pending++;
                } else {
                    if (!kept.isEmpty() && !broken) {
                        StaticValues.Origin first = ran(css, origins, lineStarts, kept.get(kept.size() - 1), outlines);
                        StaticValues.Origin second = ran(css, origins, lineStarts, child, outlines);
                        broken = breaksBetween(outlines, first, second);
                        pending += broken ? leftOutBetween(outlines, first, second) : 0;
                    }
                    if (broken && !kept.isEmpty()) {
                        int last = kept.get(kept.size() - 1).end();
                        changes.put(last, new SourceMapShift.Replacement(last, last, reopened, false));
                    }
                    for (; held && pending > 0; pending--) {
                        // between the part closed and the one opened again, or before the first part
                        leftOut.add(kept.isEmpty() ? new HeldAt(media.at(), -1)
                                : new HeldAt(kept.get(kept.size() - 1).end(), reopened.indexOf('}') + 1));
                    }
                    pending = 0;
                    broken = false;
                    kept.add(child);
                }
                after = child.end();
            }
            // those evaluation reached after the last block
            pending += heldLeftOut(closings, held);
            if (kept.isEmpty() && broken) {
                // nothing is left to write: libsass writes no @media at all
                changes.subMap(media.at(), true, media.close(), true).clear();
                int end = media.close() + 1;
                while (end < css.length() && css.charAt(end) == '\n') {
                    end++;
                }
                changes.put(media.at(), new SourceMapShift.Replacement(media.at(), end, "", true));
                // what it left out stands where the @media stood, before what comes next
                for (int k = heldBefore; k < leftOut.size(); k++) {
                    leftOut.set(k, new HeldAt(end, -1));
                }
                for (; held && pending > 0; pending--) {
                    leftOut.add(new HeldAt(end, -1));
                }
            }
            for (; held && pending > 0; pending--) {
                leftOut.add(new HeldAt(media.close() + 1, -1));
            }
            supportsOrdinal = heldInSupportsOf(css, children, origins, lineStarts, outlines, unknown, evaluation,
                    supportsOrdinal, supportsOrder, leftOut);
            if (!held) {
                brokenInSupports(css, children, origins, lineStarts, outlines, changes, leftOut);
            }
        }
        leftOut.addAll(heldInUnwritten(css, unknown, evaluation, topSupportsOrder));
        if (changes.isEmpty() && leftOut.isEmpty()) {
            return new SplitRules.Result(css, map);
        }
        List<SourceMapShift.Replacement> replacements = List.copyOf(changes.values());
        SourceMapShift.Replaced replaced = SourceMapShift.replaced(css, replacements);
        String result = replaced.text();
        int[] moved = replaced.moved();
        Map<Integer, Integer> written = new HashMap<>();
        for (int r = 0; r < replacements.size(); r++) {
            written.put(replacements.get(r).from(), replaced.starts()[r]);
        }
        List<Integer> leftOutAt = new ArrayList<>();
        for (HeldAt at : leftOut) {
            leftOutAt.add(at.into() >= 0 && written.containsKey(at.at()) ? written.get(at.at()) + at.into()
                    : moved[at.at()] >= 0 ? moved[at.at()] : written.getOrDefault(at.at(), 0));
        }
        leftOutAt.sort(null);
        return new SplitRules.Result(result, SourceMapShift.moved(map, css, result, moved), Map.of(), List.copyOf(leftOutAt));
    }

    /**
     * Notes in {@code changes} where libsass closes each {@code @media} right in an
     * {@code @supports} among a top-level {@code @media}'s items ({@code children}) and opens it
     * again: around an {@code @media} nested in it, as a top-level one is closed where the
     * stylesheet tells it ({@link #breaksBetween}), and in {@code leftOut} where libsass holds
     * each {@code @media} it left out there among the {@code @supports}'s items. Read from the
     * stylesheet only, between two blocks or comments in a row, evaluation not telling of these.
     */
    private static void brokenInSupports(String css, List<Span> children, Map<Long, StaticValues.Origin> origins,
            int[] lineStarts, Map<Integer, Outline> outlines, TreeMap<Integer, SourceMapShift.Replacement> changes,
            List<HeldAt> leftOut) {
        for (Span supports : children) {
            if (!css.startsWith("@supports", supports.start()) || !isBlock(css, supports)) {
                continue;
            }
            for (Span media : children(css, css.indexOf('{', supports.start()), supports.end() - 1)) {
                if (!css.startsWith("@media", media.start()) || !isBlock(css, media)) {
                    continue;
                }
                int brace = css.indexOf('{', media.start());
                String reopened = reopened(css, media.start(), brace);
                StaticValues.Origin before = null;
                int last = -1;
                for (Span child : children(css, brace, media.end() - 1)) {
                    // an at-rule in it ran elsewhere: the blocks around it are not read
                    StaticValues.Origin ran = css.startsWith("@", child.start()) ? null
                            : ran(css, origins, lineStarts, child, outlines);
                    Outline outline = outlineOfBoth(outlines, before, ran);
                    if (outline != null && outline.nestedInSupportsBetween(outline.offset(before), outline.offset(ran))) {
                        changes.put(last, new SourceMapShift.Replacement(last, last, reopened, false));
                        // each one left out is held among the @supports's items, between the two parts
                        int held = outline.leftOutInSupportsBetween(outline.offset(before), outline.offset(ran));
                        for (int k = 0; k < held; k++) {
                            leftOut.add(new HeldAt(last, reopened.indexOf('}') + 1));
                        }
                    }
                    before = ran;
                    last = child.end();
                }
            }
        }
    }

    /**
     * What closes the {@code @media} whose prelude runs from {@code start} to {@code preludeEnd}
     * and opens it again, both at the indent of its line: what libsass writes where it parts it.
     */
    private static String reopened(String css, int start, int preludeEnd) {
        String indent = css.substring(css.lastIndexOf('\n', start) + 1, start);
        return "\n" + indent + "}\n" + indent + css.substring(start, preludeEnd).strip() + " {";
    }

    /** The outline of the stylesheet the map places both in, or null when it places them apart or not at all. */
    private static Outline outlineOfBoth(Map<Integer, Outline> outlines, StaticValues.Origin first,
            StaticValues.Origin second) {
        return first == null || second == null || first.source() != second.source() ? null : outlines.get(first.source());
    }

    /**
     * Whether an {@code @media} of the stylesheets stands where only evaluation tells whether it
     * runs, or where, or what it writes; or whether the blocks written around a nested one that
     * libsass breaks the outer one at may come from a mixin, whose text does not tell whether
     * they ran before or after it.
     */
    private static boolean unknown(Map<Integer, Outline> outlines, List<String> urls, List<String> contents) {
        return outlines.values().stream().anyMatch(outline -> outline.unknown)
                || indentedNested(urls, contents)
                || included(outlines.values().stream().flatMap(outline -> outline.unknownIn.stream()).toList(), contents)
                || outlines.values().stream().anyMatch(outline -> outline.includesInMedia && !outline.nested.isEmpty());
    }

    /**
     * Whether a stylesheet in the indented syntax holds an {@code @media} nested in a block with a
     * query that may name a media type: where it runs, and whether it writes anything, only
     * evaluation tells, the indented syntax being read for neither.
     */
    private static boolean indentedNested(List<String> urls, List<String> contents) {
        for (int s = 0; s < urls.size(); s++) {
            String text = contents.get(s);
            if (!ScssOutline.indented(urls.get(s)) || !text.contains("@media")) {
                continue;
            }
            int[] depth = {0};
            boolean[] found = {false};
            ScssOutline.walk(text, true, new ScssOutline.Statements() {
                @Override
                public void opens(int start, int brace) {
                    String prelude = text.substring(start, brace).strip();
                    found[0] |= depth[0] > 0 && prelude.startsWith("@media") && !Outline.onlyFeatures(prelude);
                    depth[0]++;
                }

                @Override
                public void ends(int start, int end) {
                }

                @Override
                public void closes(int brace) {
                    depth[0]--;
                }
            });
            if (found[0]) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the stylesheets includes one of the mixins. */
    static boolean included(List<String> mixins, List<String> stylesheets) {
        if (mixins.isEmpty()) {
            return false;
        }
        for (String text : stylesheets) {
            Matcher include = INCLUDE.matcher(text);
            while (include.find()) {
                if (mixins.contains(ScssOutline.normalized(include.group(1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Notes in {@code leftOut} where libsass holds each {@code @media} it left out in the
     * {@code @supports} among a top-level {@code @media}'s items ({@code children}), the first
     * of them the {@code ordinal}th such {@code @supports} of the CSS; returns the place of the
     * one after them. A step of its own, apart from the breaks of the {@code @media}: libsass
     * closes no {@code @supports} there but holds each such {@code @media} among its items. The
     * stylesheets tell where each stood ({@link #heldInSupports}) unless the map does not place
     * the blocks or some {@code @media} stands where only evaluation tells whether it runs, or
     * where ({@code unknown}, see {@link #unknown}): then evaluation does, when it can
     * ({@link #evaluatedHeld}, {@code supportsOrder} giving the order of each one's blocks).
     */
    private static int heldInSupportsOf(String css, List<Span> children, Map<Long, StaticValues.Origin> origins,
            int[] lineStarts, Map<Integer, Outline> outlines, Supplier<Boolean> unknown,
            Supplier<Evaluation> evaluation, int ordinal, Map<Integer, List<Integer>> supportsOrder,
            List<HeldAt> leftOut) {
        int next = ordinal;
        for (Span child : children) {
            if (css.startsWith("@supports", child.start())) {
                List<HeldAt> told = heldInSupports(css, child, origins, lineStarts, outlines);
                if (told == null || unknown.get()) {
                    int supportsOrdinal = next;
                    told = Optional.ofNullable(evaluatedHeld(css, child, evaluation,
                            evaluated -> evaluated.heldInSupports(supportsOrdinal), supportsOrder.get(next)))
                            .orElse(told);
                }
                leftOut.addAll(orNone(told));
                next++;
            }
        }
        return next;
    }

    /**
     * Where libsass holds, among the items of a top-level {@code @supports}, each {@code @media}
     * it left out inside an {@code @media} there that dart-sass wrote nothing of, all it held left
     * out ({@code @supports (x: y) { @media print { @media screen { /* a *&#47; } } }}): the CSS
     * holds no trace of either, so only evaluation tells ({@link #evaluatedHeld}), asked where an
     * {@code @media} of the stylesheets stands where only evaluation tells what it writes
     * ({@code unknown}, true of one in an {@code @supports}). Noted as {@link #broken} notes them.
     */
    private static List<HeldAt> heldInUnwritten(String css, Supplier<Boolean> unknown, Supplier<Evaluation> evaluation,
            Map<Integer, List<Integer>> order) {
        List<HeldAt> found = new ArrayList<>();
        if (!unknown.get()) {
            return found;
        }
        int ordinal = 0;
        for (Span child : balanced(css) ? children(css, -1, css.length()) : List.<Span>of()) {
            if (!css.startsWith("@supports", child.start()) || css.charAt(child.end() - 1) != '}') {
                continue;
            }
            int supportsOrdinal = ordinal++;
            List<HeldAt> told = evaluatedHeld(css, child, evaluation,
                    evaluated -> evaluated.heldInTopSupports(supportsOrdinal), order.get(supportsOrdinal));
            found.addAll(orNone(told));
        }
        return found;
    }

    /** The places told, or none where neither the stylesheets nor evaluation could tell. */
    private static List<HeldAt> orNone(List<HeldAt> told) {
        return told == null ? List.of() : told;
    }

    /**
     * Where libsass holds each {@code @media} it left out right in an {@code @supports} an
     * {@code @media} holds: libsass does not close the {@code @supports} around it, but in
     * {@code compact} starts a line for it among the {@code @supports}'s items. The blocks
     * dart-sass wrote one after the other in the {@code @supports}, and the {@code @supports}'s
     * start and end, tell where such an {@code @media} stood, as for a top-level one: before the
     * block after it, or at the closing brace; as {@link #broken} notes them. Null when they do
     * not tell: the {@code @supports} maps to no SCSS stylesheet holding an {@code @media}, one
     * of its blocks to none or to another stylesheet, or the outline cannot count between them.
     */
    private static List<HeldAt> heldInSupports(String css, Span supports, Map<Long, StaticValues.Origin> origins,
            int[] lineStarts, Map<Integer, Outline> outlines) {
        StaticValues.Origin start = origin(origins, lineStarts, supports.start());
        Outline outline = start == null ? null : outlines.get(start.source());
        if (outline == null) {
            return null;
        }
        int supportsAt = outline.offset(start);
        List<Span> inside = children(css, css.indexOf('{', supports.start()), supports.end() - 1).stream()
                .filter(child -> isBlock(css, child)).toList();
        List<Integer> offsets = new ArrayList<>(List.of(supportsAt));
        for (Span block : inside) {
            StaticValues.Origin ran = ran(css, origins, lineStarts, block, outlines);
            if (ran == null || ran.source() != start.source()) {
                return null;
            }
            offsets.add(outline.offset(ran));
        }
        offsets.add(outline.supports.getOrDefault(supportsAt, supportsAt));
        List<Integer> counts = outline.inSupportsBetween(supportsAt, offsets);
        if (counts == null) {
            return null;
        }
        List<HeldAt> found = new ArrayList<>();
        for (int k = 0; k < counts.size(); k++) {
            int at = k < inside.size() ? inside.get(k).start() : supports.end() - 1;
            for (int n = 0; n < counts.get(k); n++) {
                found.add(new HeldAt(at, -1));
            }
        }
        return found;
    }

    /**
     * Where evaluation says libsass holds an {@code @media} it left out in the {@code @supports}
     * ({@code heldOf} names it to the evaluation: one right in a top-level {@code @media}, or a
     * top-level one), as
     * {@link #heldInSupports} notes them; null when evaluation does not tell, or its
     * {@code @supports} holds another number of blocks. Evaluation names the block each stood
     * before as dart-sass wrote them, {@code order} the order they now stand in (null: as
     * written): it stands after each block written before it, and after each block moved ahead
     * of one of those that is a later part of a rule under way there.
     */
    private static List<HeldAt> evaluatedHeld(String css, Span supports, Supplier<Evaluation> evaluation,
            Function<Evaluation, Evaluation.HeldInSupports> heldOf, List<Integer> order) {
        Evaluation evaluated = evaluation == null ? null : evaluation.get();
        List<Span> inside = children(css, css.indexOf('{', supports.start()), supports.end() - 1).stream()
                .filter(child -> isBlock(css, child)).toList();
        Evaluation.HeldInSupports held = evaluated == null ? null : heldOf.apply(evaluated);
        if (held == null || order == null && held.blocks() != inside.size()
                || order != null && (order.size() != inside.size() || order.stream().anyMatch(block -> block >= held.blocks()))) {
            return null;
        }
        boolean[] movedAhead = order == null ? null : movedAhead(order);
        List<String> preludes = order == null ? null
                : inside.stream().map(block -> css.substring(block.start(), css.indexOf('{', block.start())).strip()).toList();
        List<HeldAt> found = new ArrayList<>();
        for (Evaluation.Held at : held.held()) {
            int after = order == null ? at.next() : 0;
            for (int now = 0; order != null && now < order.size(); now++) {
                if (order.get(now) < at.next() || movedAhead[now] && at.begun().contains(preludes.get(now))) {
                    after = now + 1;
                }
            }
            found.add(new HeldAt(after < inside.size() ? inside.get(after).start() : supports.end() - 1, -1));
        }
        return found;
    }

    /**
     * For each block of {@code order} (the blocks as dart-sass wrote them, in the order they now
     * stand in), whether it moved ahead of a block written before it: one written before it
     * stands after it now.
     */
    private static boolean[] movedAhead(List<Integer> order) {
        boolean[] moved = new boolean[order.size()];
        int least = Integer.MAX_VALUE;
        for (int now = order.size() - 1; now >= 0; now--) {
            moved[now] = least < order.get(now);
            least = Math.min(least, order.get(now));
        }
        return moved;
    }

    /** Whether the child is a block, not a comment. */
    private static boolean isBlock(String css, Span child) {
        return !isComment(css, child) && css.charAt(child.end() - 1) == '}';
    }

    /** Whether the child ({@link #children}) is a comment. */
    static boolean isComment(String css, Span child) {
        return css.startsWith("/*", child.start());
    }

    /**
     * Before which of the blocks now in the top-level {@code @media} (by their order there)
     * evaluation says libsass closes it: where an {@code @media} dart-sass left out was reached,
     * when the blocks that came before it in dart-sass's CSS still all come before those after;
     * in order, a block once for each such {@code @media}. Where the end of a nested
     * {@code @media} of the outer's own query was reached counts too, not {@link Closing#leftOut}.
     */
    private static List<Closing> evaluatedBreaks(Supplier<Evaluation> evaluation, int ordinal,
            List<Integer> order) {
        Evaluation evaluated = evaluation == null ? null : evaluation.get();
        if (evaluated == null || evaluated.breaks(ordinal).isEmpty()) {
            return List.of();
        }
        List<Closing> found = new ArrayList<>();
        for (Evaluation.Break at : evaluated.breaks(ordinal)) {
            List<Integer> blocks = order;
            if (blocks == null) {
                blocks = new ArrayList<>();
                for (int k = 0; k <= at.at() || !at.before().isEmpty() && k <= Collections.max(at.before()); k++) {
                    blocks.add(k);
                }
            }
            int split = 0;
            while (split < blocks.size() && ahead(at, blocks.get(split))) {
                split++;
            }
            boolean parted = true;
            for (int k = split; k < blocks.size(); k++) {
                parted &= !ahead(at, blocks.get(k));
            }
            if (parted) {
                // among the comments after the block before only where no block moved or was joined
                // to another before it; else before the next block
                found.add(new Closing(split, split == at.at() && at.before().isEmpty() ? at.comments() : -1,
                        at.leftOut() ? at.held() : 0));
            }
        }
        found.sort(Comparator.comparingInt(Closing::block));
        return found;
    }

    /**
     * Where evaluation says libsass closes a top-level {@code @media}: before its {@code block}th
     * block, after the first {@code comments} of the comments between it and the block before
     * (-1: after all of them), and how many parts of an {@code @media} left out there libsass
     * holds in an {@code @supports} around (0 at the end of a nested one of the outer's own query).
     */
    private record Closing(int block, int comments, int held) {
    }

    /**
     * The closings that close the {@code @media} before its item after {@code blocks} blocks and,
     * when that item is a comment, {@code comments} comments since the last of them
     * ({@code -1}: the item is a block, before which each closing after those blocks closes it),
     * taken off {@code closings}.
     */
    private static List<Closing> closedBefore(List<Closing> closings, int blocks, int comments) {
        List<Closing> closed = new ArrayList<>();
        for (Iterator<Closing> next = closings.iterator(); next.hasNext();) {
            Closing closing = next.next();
            if (closing.block() == blocks && (comments < 0 || closing.comments() == comments)) {
                closed.add(closing);
                next.remove();
            }
        }
        return closed;
    }

    /**
     * How many lines of the closings an {@code @supports} holds, {@code held} telling whether the
     * {@code @media} stands in one: a line for each part of an {@code @media} left out there.
     */
    private static int heldLeftOut(List<Closing> closings, boolean held) {
        return held ? closings.stream().mapToInt(Closing::held).sum() : 0;
    }

    /** Whether the block dart-sass wrote {@code written}th stands before the break. */
    private static boolean ahead(Evaluation.Break at, int written) {
        return written < at.at() || at.before().contains(written);
    }

    /**
     * Whether libsass closes the outer {@code @media} between two blocks dart-sass wrote one after
     * the other in it, which ran where the map places {@code first} and {@code second}.
     */
    private static boolean breaksBetween(Map<Integer, Outline> outlines, StaticValues.Origin first,
            StaticValues.Origin second) {
        Outline outline = outlineOfBoth(outlines, first, second);
        return outline != null && outline.nestedBetween(outline.offset(first), outline.offset(second));
    }

    /**
     * How many nested {@code @media} libsass left out stand wholly between two blocks dart-sass
     * wrote one after the other, which ran where the map places {@code first} and {@code second}.
     */
    private static int leftOutBetween(Map<Integer, Outline> outlines, StaticValues.Origin first,
            StaticValues.Origin second) {
        if (first == null || second == null || first.source() != second.source()) {
            return 0;
        }
        Outline outline = outlines.get(first.source());
        return outline == null ? 0 : outline.leftOutBetween(outline.offset(first), outline.offset(second));
    }

    /**
     * Where the block ran, as the map tells it: where the map places it, but a rule's copy at the
     * {@code @media} its first declaration stands in. dart-sass writes a copy of the rule around
     * an {@code @media} for the declarations the {@code @media} holds, and the map places the
     * copy's selector at the rule's, before the {@code @media}; libsass writes those declarations
     * where the {@code @media} starts, before anything else in it, and a rule's own declarations,
     * likewise, from the rule's selector. An at-rule's block ran where the map places it: its
     * first rule may be the copy of a rule around it that a mixin's at-rule wrote, which tells
     * nothing of where the at-rule ran. A comment the map places nowhere ran where the map
     * places its line's start, when it opens its line: dart-sass maps it from there.
     */
    private static StaticValues.Origin ran(String css, Map<Long, StaticValues.Origin> origins, int[] lineStarts,
            Span block, Map<Integer, Outline> outlines) {
        StaticValues.Origin placed = origin(origins, lineStarts, block.start());
        if (isComment(css, block)) {
            // dart-sass maps a comment from the start of its line, its indent and all
            int line = lineOf(lineStarts, block.start());
            boolean opensLine = css.substring(lineStarts[line], block.start()).isBlank();
            return placed == null && opensLine ? origin(origins, lineStarts, lineStarts[line]) : placed;
        }
        int open = css.indexOf('{', block.start());
        if (placed == null || open < 0 || open >= block.end() || css.charAt(block.start()) == '@'
                || outlines.get(placed.source()) == null) {
            return placed;
        }
        for (int i = open + 1; i < block.end(); i++) {
            if (!Character.isWhitespace(css.charAt(i))) {
                StaticValues.Origin inside = origin(origins, lineStarts, i);
                if (inside != null) {
                    Outline outline = outlines.get(placed.source());
                    int media = inside.source() == placed.source()
                            ? outline.mediaAfter(outline.offset(placed), outline.offset(inside)) : -1;
                    return media < 0 ? placed : outline.origin(placed.source(), media);
                }
            }
        }
        return placed;
    }

    /** Where the map places the CSS's character at {@code at}, or null when it places none there. */
    static StaticValues.Origin origin(Map<Long, StaticValues.Origin> origins, int[] lineStarts, int at) {
        int line = lineOf(lineStarts, at);
        return origins.get(StaticValues.key(line, at - lineStarts[line]));
    }

    /** The line the offset stands on, of a text whose lines start at {@code lineStarts}. */
    static int lineOf(int[] lineStarts, int at) {
        int line = Arrays.binarySearch(lineStarts, at);
        return line >= 0 ? line : -line - 2;
    }

    /**
     * Each {@code @media} of the CSS that libsass closes around one nested in it, at the top level
     * or in an {@code @supports} there, in their order: where its prelude starts, its opening and
     * closing braces.
     */
    static List<MediaAt> topLevelMedia(String css) {
        if (balanced(css)) {
            List<MediaAt> found = new ArrayList<>();
            outerMedia(css, -1, css.length(), found);
            return found;
        }
        return List.of();
    }

    private static void outerMedia(String css, int open, int close, List<MediaAt> found) {
        for (Span child : children(css, open, close)) {
            int brace = css.indexOf('{', child.start());
            if (brace < 0 || brace >= child.end() || css.charAt(child.end() - 1) != '}') {
                continue;
            }
            if (css.startsWith("@media", child.start())) {
                found.add(new MediaAt(child.start(), brace, child.end() - 1));
            } else if (css.startsWith("@supports", child.start())) {
                outerMedia(css, brace, child.end() - 1, found);
            }
        }
    }

    /** Whether the CSS's braces pair, strings and comments passed over. */
    private static boolean balanced(String css) {
        int depth = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && css.startsWith("/*", i)) {
                i = StaticValues.skipped(css, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The statements directly inside the block between the braces at {@code open} and
     * {@code close}: each one's first character and the offset after its last (a comment, a block
     * or a statement ended by a semicolon).
     */
    static List<Span> children(String css, int open, int close) {
        List<Span> found = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = open + 1; i < close; i++) {
            char c = css.charAt(i);
            if (start < 0 && !Character.isWhitespace(c) && depth == 0) {
                if (c == '/' && css.startsWith("/*", i)) {
                    int end = StaticValues.skipped(css, i);
                    found.add(new Span(i, end));
                    i = end - 1;
                    continue;
                }
                start = i;
            }
            if (c == '"' || c == '\'' || c == '/' && css.startsWith("/*", i)) {
                i = StaticValues.skipped(css, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0 || c == ';' && depth == 0) {
                found.add(new Span(start, i + 1));
                start = -1;
            }
        }
        return found;
    }

    /**
     * Where each line of the text starts: counted first, so the starts go straight into an array
     * (every compilation reads those of its CSS and of each stylesheet the map places things in).
     */
    static int[] lineStarts(String text) {
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[line++] = i + 1;
        }
        return starts;
    }

    /**
     * What of a stylesheet this reads: where each nested {@code @media} libsass breaks its outer
     * one at starts, and the stretches that may run elsewhere or more than once.
     */
    private static final class Outline {
        final String source;
        final int[] lineStarts;
        /** Where each such nested {@code @media} starts, and where its closing brace stands. */
        final TreeMap<Integer, Integer> nested = new TreeMap<>();
        /** Where each {@code @media} starts, and where its closing brace stands. */
        final TreeMap<Integer, Integer> media = new TreeMap<>();
        /** Where each {@code @supports} that stands where it runs, in an {@code @media}, starts, and where its closing brace stands. */
        final TreeMap<Integer, Integer> supports = new TreeMap<>();
        /**
         * Where each {@code @media} right in such an {@code @supports} starts, and where its
         * closing brace stands, when it holds a declaration or comment, nothing that runs
         * elsewhere, and a query that may name a media type: one whose query joined with the
         * outer one's may match nothing.
         */
        final TreeMap<Integer, Integer> inSupports = new TreeMap<>();
        /** The outermost blocks that run elsewhere or more than once (at-rules but @media), from their statement's start to their closing brace. */
        final TreeMap<Integer, Integer> elsewhere = new TreeMap<>();
        /**
         * Where each {@code @media} nested in an {@code @media} of such an {@code @supports} starts,
         * and where its closing brace stands, when it holds a declaration or comment and nothing
         * that runs elsewhere, and stands where it runs there: libsass closes the {@code @media}
         * of the {@code @supports} around it as it closes a top-level one ({@link #nested}).
         */
        final TreeMap<Integer, Integer> nestedInSupports = new TreeMap<>();
        /**
         * The outermost blocks inside such an {@code @supports} that run elsewhere or more than
         * once there, from their statement's start to their closing brace.
         */
        final TreeMap<Integer, Integer> elsewhereInSupports = new TreeMap<>();
        /**
         * Whether an {@code @media} stands where the stylesheet does not tell whether it runs,
         * or where, or how often (in a mixin, a loop, an {@code @if}, an {@code @supports}), or
         * stands in another but holds what runs elsewhere, with a query that may name a media
         * type, and so match nothing joined with another.
         */
        boolean unknown;
        /** The mixins (their names with {@code _} as {@code -}) whose {@code @media} is so, which count where included. */
        final Set<String> unknownIn = new HashSet<>();
        /**
         * Whether an {@code @include} stands in an {@code @media}: the blocks the mixin writes
         * there map to its text, which does not tell whether they ran before or after a nested
         * {@code @media} libsass breaks the outer one at.
         */
        boolean includesInMedia;

        private Outline(String source) {
            this.source = source;
            this.lineStarts = lineStarts(source);
        }

        /** Reads the stylesheet in one pass over its braces, strings, comments and interpolations passed over. */
        static Outline of(String source) {
            Outline outline = new Outline(source);
            ArrayDeque<OpenBlock> blocks = new ArrayDeque<>();
            blocks.push(OpenBlock.topLevel());
            // per open block: "" at the top level, bare or in control flow there; the name of
            // the mixin it stands in; or null anywhere else
            ArrayDeque<Optional<String>> contexts = new ArrayDeque<>();
            contexts.push(Optional.of(""));
            ScssOutline.walk(source, false, new ScssOutline.Statements() {
                @Override
                public void comment(int at) {
                    blocks.peek().writes = true;
                }

                @Override
                public void opens(int start, int brace) {
                    String prelude = source.substring(start, brace).strip();
                    boolean media = prelude.startsWith("@media");
                    boolean here = media || !prelude.startsWith("@") && !prelude.endsWith(":");
                    OpenBlock parent = blocks.peek();
                    outline.includesInMedia |= parent.inMedia && prelude.startsWith("@include");
                    boolean supports = prelude.startsWith("@supports") && parent.runsHere && parent.inMedia;
                    boolean inSupports = supports || parent.inSupports && here;
                    blocks.push(new OpenBlock(start, parent.runsHere && here, parent.inMedia || media, media,
                            supports, inSupports, inSupports && !supports && (parent.inMediaInSupports || media)));
                    String context = contexts.peek().orElse(null);
                    Matcher mixin = MIXIN.matcher(prelude);
                    if (mixin.lookingAt()) {
                        context = ScssOutline.normalized(mixin.group(1));
                    } else if (!(context != null && context.isEmpty() && CONTROL.matcher(prelude).lookingAt())
                            && (context == null || context.isEmpty())) {
                        context = null;
                    }
                    contexts.push(Optional.ofNullable(context));
                }

                @Override
                public void ends(int start, int end) {
                    String text = source.substring(start, end).strip();
                    if (text.startsWith("@")) {
                        blocks.peek().holdsElsewhere = true;
                        outline.includesInMedia |= blocks.peek().inMedia && text.startsWith("@include");
                    } else if (!text.startsWith("$") && text.indexOf(':') > 0) {
                        blocks.peek().writes = true;
                    }
                }

                @Override
                public void closes(int brace) {
                    OpenBlock closed = blocks.pop();
                    contexts.pop();
                    OpenBlock parent = blocks.peek();
                    if (!closed.runsHere && parent.runsHere) {
                        outline.elsewhere.put(closed.start, brace);
                        parent.holdsElsewhere = true;
                    } else {
                        parent.writes |= closed.writes;
                        parent.holdsElsewhere |= closed.holdsElsewhere;
                    }
                    if (closed.isMedia) {
                        outline.media.put(closed.start, brace);
                        String context = contexts.peek().orElse(null);
                        if (closed.runsHere && parent.inMedia && closed.holdsElsewhere
                                && !onlyFeatures(source.substring(closed.start, brace))) {
                            // where it stands, but what it holds runs elsewhere (a loop, an include)
                            outline.unknown = true;
                        } else if (!closed.runsHere && !onlyFeatures(source.substring(closed.start, brace))
                                && (context == null || !context.isEmpty())) {
                            if (context == null) {
                                outline.unknown = true;
                            } else {
                                outline.unknownIn.add(context);
                            }
                        }
                    }
                    if (closed.isMedia && closed.runsHere && parent.inMedia && closed.writes && !closed.holdsElsewhere) {
                        outline.nested.put(closed.start, brace);
                    }
                    if (!closed.inSupports && parent.inSupports) {
                        outline.elsewhereInSupports.put(closed.start, brace);
                    }
                    if (closed.isMedia && closed.inSupports && parent.inMediaInSupports && closed.writes
                            && !closed.holdsElsewhere && outline.elsewhereInSupports.subMap(closed.start, brace).isEmpty()) {
                        outline.nestedInSupports.put(closed.start, brace);
                    }
                    if (closed.isSupports) {
                        outline.supports.put(closed.start, brace);
                    } else if (closed.isMedia && parent.isSupports && closed.writes && !closed.holdsElsewhere
                            && !onlyFeatures(source.substring(closed.start, brace))) {
                        outline.inSupports.put(closed.start, brace);
                    }
                }
            });
            return outline;
        }

        /**
         * What {@link #of} knows of a block still open as it reads: where its statement starts,
         * what it is and where it stands, fixed when it opens; and what it holds, learnt as its
         * statements and inner blocks close.
         */
        private static final class OpenBlock {
            /** Where its statement starts; -1 for the stylesheet itself. */
            final int start;
            /**
             * Whether it runs where it stands: neither it nor a block around it is an at-rule
             * but {@code @media} or a nested property.
             */
            final boolean runsHere;
            /** Whether it is or stands in an {@code @media}. */
            final boolean inMedia;
            /** Whether it is an {@code @media}. */
            final boolean isMedia;
            /** Whether it is an {@code @supports} that runs where it stands, in an {@code @media}. */
            final boolean isSupports;
            /** Whether it is such an {@code @supports} or runs where it stands in one. */
            final boolean inSupports;
            /** Whether it is or stands in an {@code @media} in such an {@code @supports}. */
            final boolean inMediaInSupports;
            /**
             * Whether it writes a declaration or comment, itself or in an inner block (but for
             * one that runs elsewhere when this one runs where it stands).
             */
            boolean writes;
            /**
             * Whether it holds what may run elsewhere or more than once: an at-rule statement
             * (an {@code @include}, say), or such a block, itself or in an inner block.
             */
            boolean holdsElsewhere;

            OpenBlock(int start, boolean runsHere, boolean inMedia, boolean isMedia, boolean isSupports,
                    boolean inSupports, boolean inMediaInSupports) {
                this.start = start;
                this.runsHere = runsHere;
                this.inMedia = inMedia;
                this.isMedia = isMedia;
                this.isSupports = isSupports;
                this.inSupports = inSupports;
                this.inMediaInSupports = inMediaInSupports;
            }

            /** The stylesheet itself: it runs where it stands and is in nothing. */
            static OpenBlock topLevel() {
                return new OpenBlock(-1, true, false, false, false, false, false);
            }
        }

        /**
         * Whether each query of an {@code @media} prelude is features in parentheses, with no
         * media type: such a query joined with another matches what the other matches.
         */
        static boolean onlyFeatures(String prelude) {
            String queries = prelude.strip().substring("@media".length());
            int depth = 0;
            boolean start = true;
            for (int i = 0; i < queries.length(); i++) {
                char c = queries.charAt(i);
                if (start && !Character.isWhitespace(c)) {
                    if (c != '(') {
                        return false;
                    }
                    start = false;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    start = true;
                }
            }
            return !start;
        }

        /** The offset of a place the map names in this stylesheet. */
        int offset(StaticValues.Origin origin) {
            return origin.line() < lineStarts.length ? lineStarts[origin.line()] + origin.column() : source.length();
        }

        /**
         * How many nested {@code @media} libsass breaks at stand wholly between the two offsets,
         * both of them in what runs where it stands: those it left out, having written nothing.
         */
        int leftOutBetween(int before, int after) {
            return runsHere(before) && runsHere(after) ? whollyBetween(nested, before, after) : 0;
        }

        /**
         * How many {@code @media} of {@link #nestedInSupports} stand wholly between the two
         * offsets, read as {@link #nestedInSupportsBetween} reads them: those libsass left out.
         */
        int leftOutInSupportsBetween(int before, int after) {
            return nestedInSupportsBetween(before, after) ? whollyBetween(nestedInSupports, before, after) : 0;
        }

        /** How many of the {@code @media} (by start, to closing brace) stand wholly between the two offsets. */
        private static int whollyBetween(TreeMap<Integer, Integer> media, int before, int after) {
            return (int) media.subMap(before, false, after, false).values().stream().filter(end -> end < after).count();
        }

        /**
         * Whether a nested {@code @media} libsass breaks at ends between the two offsets, both of
         * them in what runs where it stands, and the second outside it: one that stands wholly
         * between them wrote nothing, and one that holds the first is of the outer's own query,
         * as dart-sass goes on writing in the {@code @media} it opened for that. One that holds
         * only the second is not: what it wrote is in the @media dart-sass opened for it, after
         * a copy of the rule around it that the map places at the rule.
         */
        boolean nestedBetween(int before, int after) {
            return runsHere(before) && runsHere(after) && endsBetween(nested, before, after);
        }

        /**
         * Whether a nested {@code @media} of {@link #nestedInSupports} ends between the two
         * offsets, both of them where they run in one {@code @supports} that an {@code @media}
         * holds, and the second outside it: read as {@link #nestedBetween} reads a top-level one's.
         */
        boolean nestedInSupportsBetween(int before, int after) {
            Map.Entry<Integer, Integer> around = supports.floorEntry(before);
            return around != null && after < around.getValue() && runsInSupports(before) && runsInSupports(after)
                    && endsBetween(nestedInSupports, before, after);
        }

        /** Whether one of the {@code @media} (by start, to closing brace) starts before {@code after} and ends between the two offsets. */
        private static boolean endsBetween(TreeMap<Integer, Integer> media, int before, int after) {
            for (Map.Entry<Integer, Integer> block : media.headMap(after).entrySet()) {
                if (block.getValue() > before && block.getValue() < after) {
                    return true;
                }
            }
            return false;
        }

        /**
         * How many {@code @media} right in the {@code @supports} at {@code supportsAt} stand
         * wholly between each two offsets in a row, which must stand in that {@code @supports}, in
         * their order; null when they do not, or no such {@code @supports} starts there.
         */
        List<Integer> inSupportsBetween(int supportsAt, List<Integer> offsets) {
            Integer close = supports.get(supportsAt);
            if (close == null || offsets.stream().anyMatch(at -> at < supportsAt || at > close)) {
                return null;
            }
            List<Integer> counts = new ArrayList<>();
            for (int k = 1; k < offsets.size(); k++) {
                int before = offsets.get(k - 1);
                int after = offsets.get(k);
                if (after < before) {
                    // the blocks ran out of the stylesheet's order (a loop, a mixin): where they stood is not told
                    return null;
                }
                counts.add((int) inSupports.subMap(before, false, after, false).values().stream()
                        .filter(end -> end < after).count());
            }
            return counts;
        }

        /**
         * Where the innermost {@code @media} that holds the offset {@code at} and starts after
         * {@code from} starts, or -1 when none does.
         */
        int mediaAfter(int from, int at) {
            if (at <= from) {
                // the block's first declaration ran before its selector (a mixin defined above)
                return -1;
            }
            for (Map.Entry<Integer, Integer> block : media.subMap(from, false, at, false).descendingMap().entrySet()) {
                if (block.getValue() > at) {
                    return block.getKey();
                }
            }
            return -1;
        }

        /** The place of the offset, as the map would name it in this stylesheet, source {@code source}. */
        StaticValues.Origin origin(int source, int at) {
            int line = lineOf(lineStarts, at);
            return new StaticValues.Origin(source, line, at - lineStarts[line]);
        }

        /**
         * Whether what stands at the offset runs where it stands in the {@code @supports} of
         * {@link #supports} that holds it: inside one, outside each block there that runs
         * elsewhere or more than once.
         */
        private boolean runsInSupports(int at) {
            Map.Entry<Integer, Integer> around = supports.floorEntry(at);
            Map.Entry<Integer, Integer> apart = elsewhereInSupports.floorEntry(at);
            return around != null && around.getValue() > at && (apart == null || apart.getValue() < at);
        }

        /**
         * Whether what stands at the offset runs where it stands: outside each block that runs
         * elsewhere, or at the start of an {@code @supports} whose block alone is read so.
         */
        private boolean runsHere(int at) {
            Map.Entry<Integer, Integer> around = elsewhere.floorEntry(at);
            return around == null || around.getValue() < at || around.getKey() == at && source.startsWith("@supports", at);
        }
    }
}
