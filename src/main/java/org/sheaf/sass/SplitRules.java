package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a style rule's declarations back together as libsass writes them. In
 * <pre>a { x: 1; b { y: 2 } z: 3 }</pre>
 * dart-sass writes {@code a { x: 1 }}, {@code a b { y: 2 }}, then {@code a { z: 3 }}: a rule of
 * its own for the declarations after the nested rule. libsass, and so Jekyll 4.3, writes all of
 * a rule's declarations in one rule, before the rules nested in it: {@code a { x: 1; z: 3 }}, then
 * {@code a b { y: 2 }}.
 *
 * <p>The source map tells which rules came from which: a rule is a later part of another when
 * its selector maps to the same place in the same stylesheet, and every rule between the two
 * maps to a place inside that rule's braces (or its indented lines). Its declarations then move
 * to the end of the first part; with no first part (the rule began with a nested rule), the rule
 * moves to before the first nested one. Whole lines move, so the source map's lines are renumbered to follow. In the
 * indented syntax a rule's inside is the lines indented under its selector.
 *
 * <p>Rules a mixin nested in the rule map to the mixin's text instead; {@link
 * Joiner#firstThroughMixins} says when they are taken as the rule's. It reads the blank lines
 * dart-sass writes after each top-level style rule's CSS, so this runs on dart-sass's own layout.
 */
final class SplitRules {
    private static final Pattern CONTROL = Pattern.compile("@(if|each|for|while)\\b");
    /** The statements that may evaluate what they hold more than once. */
    private static final Pattern REPEATING = Pattern.compile("@(each|for|while|mixin|include)\\b|[=+]");
    private static final Pattern EXTEND = Pattern.compile("@extend\\b");
    /** In the indented syntax, the statements whose block is an include's content or a mixin's body. */
    private static final Pattern INCLUDING = Pattern.compile("@(mixin|include)\\b|[=+]");

    private SplitRules() {
    }

    /**
     * The CSS, with its source map, and for each {@code @media} at the top level or in an
     * {@code @supports} there whose blocks moved (by its order among them), the order the blocks dart-sass wrote in it (counted from 0) now
     * stand in, those joined into others left out; and, once {@link MediaBreaks} has closed the
     * {@code @media}, where in the CSS (in order) libsass meets an {@code @media} it writes nothing
     * for inside an {@code @supports}, which the compact layout writes as a line of its own.
     * {@code supportsOrder} is for each {@code @supports} right in such an {@code @media} whose
     * blocks moved (by its order among them) what {@code mediaOrder} is for an {@code @media},
     * and {@code topSupportsOrder} for each top-level {@code @supports}.
     */
    record Result(String css, String map, Map<Integer, List<Integer>> mediaOrder, List<Integer> leftOutMedia,
            Map<Integer, List<Integer>> supportsOrder, Map<Integer, List<Integer>> topSupportsOrder) {
        Result(String css, String map) {
            this(css, map, Map.of(), List.of());
        }

        Result(String css, String map, Map<Integer, List<Integer>> mediaOrder) {
            this(css, map, mediaOrder, List.of());
        }

        Result(String css, String map, Map<Integer, List<Integer>> mediaOrder, List<Integer> leftOutMedia) {
            this(css, map, mediaOrder, leftOutMedia, Map.of(), Map.of());
        }
    }

    /** A block of the CSS: its prelude's first character, its braces, and the blocks inside it. */
    private static final class Block {
        final int start;
        final int open;
        int close;
        final List<Block> children = new ArrayList<>();

        Block(int start, int open) {
            this.start = start;
            this.open = open;
        }
    }

    /**
     * The CSS with split rules joined.
     *
     * @param written     dart-sass's expanded output, as changed so far
     * @param writtenMap  its source map, its columns following those changes
     * @param stylesheets every stylesheet the compilation read, the page's too, by the URL the map
     *                    knows it by: those that wrote nothing the map names are read for what
     *                    they include and import all the same
     * @param page        the page's URL among them
     * @param evaluation  what evaluating the stylesheets wrote where, asked only for a rule whose
     *                    blocks before its later part nothing else tells; may give null
     */
    static Result joined(String written, String writtenMap, Map<String, String> stylesheets, String page,
            Supplier<Evaluation> evaluation) {
        // a rule's comments that dart-sass wrote on the line of its opening brace get lines of
        // their own, so that whole lines move as for any other rule's inside
        int[] unfoldedAt = new int[written.length() + 1];
        String css = unfolded(written, unfoldedAt);
        String map = css.equals(written) ? writtenMap : SourceMapShift.moved(writtenMap, written, css, unfoldedAt);
        Result joined = joinedLines(css, map, stylesheets, page, evaluation);
        return joined.css().equals(css) ? new Result(written, writtenMap) : joined;
    }

    /**
     * The CSS with each comment that follows a block's opening brace on its line moved to a line
     * of its own, indented under the block, and the block's closing brace when it follows on the
     * same line: dart-sass writes the rule, its comment and both braces on one line when the
     * comment stood on the line of the rule before it in the source, and then the rule's selector
     * and first comment on one line when more follow.
     *
     * @param moved receives, for each offset of the CSS (and its end), its offset in the result,
     *              or -1 for white space replaced
     */
    private static String unfolded(String css, int[] moved) {
        StringBuilder out = new StringBuilder(css.length() + 16);
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && css.startsWith("/*", i)) {
                int end = StaticValues.skipped(css, i);
                copied(css, i, end, out, moved);
                i = end;
                continue;
            }
            copied(css, i, i + 1, out, moved);
            i++;
            if (c != '{') {
                continue;
            }
            int comment = spacesAfter(css, i);
            if (!css.startsWith("/*", comment)) {
                continue;
            }
            int lineStart = css.lastIndexOf('\n', i - 1) + 1;
            String indent = css.substring(lineStart, spacesAfter(css, lineStart));
            dropped(i, comment, moved);
            out.append('\n').append(indent).append("  ");
            i = comment;
            int after = comment;
            while (css.startsWith("/*", after) && css.indexOf("*/", after + 2) >= 0
                    && css.substring(after, css.indexOf("*/", after + 2)).indexOf('\n') < 0) {
                int end = css.indexOf("*/", after + 2) + 2;
                copied(css, i, end, out, moved);
                i = end;
                after = spacesAfter(css, end);
            }
            if (after > i && after < css.length() && css.charAt(after) == '}') {
                dropped(i, after, moved);
                out.append('\n').append(indent);
                i = after;
            }
        }
        moved[css.length()] = out.length();
        return out.toString();
    }

    /** Where the spaces and tabs from {@code at} end. */
    private static int spacesAfter(String css, int at) {
        int i = at;
        while (i < css.length() && (css.charAt(i) == ' ' || css.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static void copied(String css, int from, int to, StringBuilder out, int[] moved) {
        for (int k = from; k < to; k++) {
            moved[k] = out.length();
            out.append(css.charAt(k));
        }
    }

    private static void dropped(int from, int to, int[] moved) {
        for (int k = from; k < to; k++) {
            moved[k] = -1;
        }
    }

    private static Result joinedLines(String css, String map, Map<String, String> stylesheets, String page,
            Supplier<Evaluation> evaluation) {
        Matcher mappings = StaticValues.MAPPINGS.matcher(map);
        List<String> contents = new ArrayList<>(StaticValues.strings(map, StaticValues.SOURCES_CONTENT));
        List<String> urls = new ArrayList<>(StaticValues.strings(map, StaticValues.SOURCES));
        if (urls.size() == contents.size()) {
            stylesheets.forEach((url, text) -> {
                if (!urls.contains(url)) {
                    urls.add(url);
                    contents.add(text);
                }
            });
        }
        Block top = parse(css);
        if (!mappings.find() || contents.isEmpty() || top == null) {
            return new Result(css, map);
        }
        Joiner joiner = new Joiner(css, StaticValues.origins(mappings.group(1)), contents, urls, urls.indexOf(page),
                evaluation);
        joiner.number(top, new int[] {0});
        joiner.findTangled(top);
        if (joiner.tangled.contains(top)) {
            return new Result(css, map);
        }
        joiner.group(top);
        List<Integer> order = new ArrayList<>();
        joiner.write(top, order);
        if (!joiner.changed) {
            return new Result(css, map);
        }
        String[] lines = css.split("\n", -1);
        StringBuilder out = new StringBuilder(css.length());
        int[] moved = new int[lines.length];
        Arrays.fill(moved, -1);
        for (int l = 0; l < order.size(); l++) {
            if (l > 0) {
                out.append('\n');
            }
            out.append(lines[order.get(l)]);
            moved[order.get(l)] = l;
        }
        Map<Integer, List<Integer>> mediaOrder = new HashMap<>();
        mediaOrder(css, top, joiner, mediaOrder, new int[1]);
        Map<Integer, List<Integer>> supportsOrder = new HashMap<>();
        supportsOrder(css, top, joiner, supportsOrder, new int[1]);
        Map<Integer, List<Integer>> topSupportsOrder = new HashMap<>();
        int topSupports = 0;
        for (Block block : top.children) {
            if (css.startsWith("@supports", block.start)) {
                noteOrder(block, joiner, topSupportsOrder, topSupports++);
            }
        }
        return new Result(out.toString(), SourceMapShift.relined(map, moved), mediaOrder, List.of(), supportsOrder,
                topSupportsOrder);
    }

    /** One pass over the blocks: which rules join or move, and the lines in their new order. */
    private static final class Joiner {
        final String css;
        final int[] lineStarts;
        final Map<Long, StaticValues.Origin> origins;
        final List<String> contents;
        final List<String> urls;
        /** Whether a stylesheet holds an {@code @extend}, which writes selectors of its own into rules ({@link #nestingSelectors}). */
        final boolean extending;
        /** The page's source, where the compilation starts; -1 when not known. */
        final int page;
        /** Lines a rule takes from the rules joined into it, before its closing brace. */
        final Map<Block, List<Integer>> taken = new IdentityHashMap<>();
        /** Each top-level block's group: dart-sass ends the CSS of each top-level style rule with a blank line. */
        final Map<Block, Integer> groups = new IdentityHashMap<>();
        /** Where each mixin's body is, by name, over all the sources; read when first needed. */
        Map<String, List<int[]>> mixins;
        /** Where each source's lines start, the braces of the rule at each place and the mixins they include: read once each. */
        final SourceLines sources;
        final Map<Long, int[]> braces = new HashMap<>();
        final Map<Long, List<String>> includes = new HashMap<>();
        final Map<Integer, NavigableMap<Integer, ScssOutline.Place>> places = new HashMap<>();
        /** The stylesheets each source's {@code @import} statements load, by where they start. */
        final Map<Integer, NavigableMap<Integer, List<String>>> imports = new HashMap<>();
        /** The {@link #importOf} each source, once found. */
        final Map<Integer, Import> importers = new HashMap<>();
        /** The blocks whose insides stay as they stand; see {@link #findTangled}. */
        final Set<Block> tangled = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The block dart-sass wrote just before each block, before any moved. */
        final Map<Block, Block> writtenAfter = new IdentityHashMap<>();
        /** What evaluating the stylesheets wrote where, compiled when first asked for. */
        final Supplier<Evaluation> evaluation;
        /** Each block's place in the order of the blocks' opening braces, and among its parent's blocks. */
        final Map<Block, Integer> numbers = new IdentityHashMap<>();
        final Map<Block, Integer> indices = new IdentityHashMap<>();
        /** The rules that evaluation says have no first part, so join none before them. */
        final Set<Block> noFirstPart = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Each rule part joined into an earlier part of its rule: that part. */
        final Map<Block, Block> joinedInto = new IdentityHashMap<>();
        /** Each block's blocks in the order they are written in. */
        final Map<Block, List<Block>> written = new IdentityHashMap<>();
        boolean changed;

        Joiner(String css, Map<Long, StaticValues.Origin> origins, List<String> contents, List<String> urls, int page,
                Supplier<Evaluation> evaluation) {
            this.evaluation = evaluation;
            this.css = css;
            this.lineStarts = MediaBreaks.lineStarts(css);
            this.origins = origins;
            this.contents = contents;
            this.sources = new SourceLines(contents);
            this.urls = urls;
            this.page = page;
            this.extending = contents.stream().anyMatch(text -> EXTEND.matcher(text).find());
        }

        int line(int offset) {
            return MediaBreaks.lineOf(lineStarts, offset);
        }

        void number(Block parent, int[] next) {
            for (int k = 0; k < parent.children.size(); k++) {
                Block child = parent.children.get(k);
                indices.put(child, k);
                numbers.put(child, next[0]++);
                number(child, next);
            }
        }

        /**
         * Notes each block whose children do not each start on a line after its brace and the
         * previous child's end, or end on a line before its closing brace, as dart-sass writes
         * them: a comment after a keyframe's closing brace on its line, say. Such a block's inside
         * is written as it stands; the blocks around it still move.
         */
        void findTangled(Block parent) {
            int after = parent.open < 0 ? -1 : line(parent.open);
            for (Block child : parent.children) {
                if (line(child.start) <= after || line(child.close) <= line(child.open) && !child.children.isEmpty()) {
                    tangled.add(parent);
                }
                findTangled(child);
                after = line(child.close);
            }
            if (parent.open >= 0 && !parent.children.isEmpty() && line(parent.close) <= after) {
                tangled.add(parent);
            }
        }

        /** Appends the lines of {@code parent}'s inside, its children joined and ordered as libsass writes them. */
        void write(Block parent, List<Integer> order) {
            if (tangled.contains(parent)) {
                range(line(parent.open) + 1, line(parent.close), order);
                return;
            }
            List<Block> siblings = new ArrayList<>(parent.children);
            for (int k = 1; k < siblings.size(); k++) {
                writtenAfter.put(siblings.get(k), siblings.get(k - 1));
            }
            // the blank lines between siblings stay where they are; the rules move between them
            List<int[]> separators = new ArrayList<>();
            int from = parent.open < 0 ? 0 : line(parent.open) + 1;
            for (Block child : parent.children) {
                separators.add(new int[] {from, line(child.start)});
                from = line(child.close) + 1;
            }
            int end = parent.open < 0 ? lineStarts.length : line(parent.close);
            for (int b = 1; b < siblings.size(); b++) {
                Block rule = siblings.get(b);
                int first = Math.min(firstNested(siblings, b, parent), firstThroughMixins(siblings, b, parent));
                if (first == b && !continues(siblings, b, parent) || !ownLines(css, rule, lineStarts)) {
                    continue;
                }
                Block part = first > 0 ? siblings.get(first - 1) : null;
                StaticValues.Origin origin = origin(rule);
                if (part != null && !noFirstPart.contains(rule) && part.children.isEmpty() && css.charAt(part.start) != '@'
                        && prelude(css, part).equals(prelude(css, rule)) && origin.equals(origin(part))
                        && ownLines(css, part, lineStarts)) {
                    List<Integer> lines = taken.computeIfAbsent(part, k -> new ArrayList<>());
                    for (int l = line(rule.open) + 1; l < line(rule.close); l++) {
                        lines.add(l);
                    }
                    lines.addAll(taken.getOrDefault(rule, List.of()));
                    joinedInto.put(rule, part);
                    siblings.remove(b);
                    separators.remove(b);
                    b--;
                } else {
                    siblings.remove(b);
                    siblings.add(first, rule);
                }
                changed = true;
            }
            for (int k = 0; k < siblings.size(); k++) {
                range(separators.get(k)[0], separators.get(k)[1], order);
                Block child = siblings.get(k);
                range(line(child.start), child.children.isEmpty() ? line(child.close) : line(child.open) + 1, order);
                if (child.children.isEmpty()) {
                    order.addAll(taken.getOrDefault(child, List.of()));
                } else {
                    write(child, order);
                }
                order.add(line(child.close));
            }
            range(from, end, order);
            written.put(parent, siblings);
        }

        /**
         * Whether the rule {@code b} goes on the part of the same rule just before it, with
         * nothing nested between: dart-sass starts a new part after a nested rule that writes
         * nothing ({@code a { x: 1; b { } y: 2 }}), where libsass writes one rule. The two are
         * one evaluation's when the rule's statement is evaluated once (it stands in no loop,
         * mixin or include's content), or where evaluation says the earlier part began this
         * evaluation of the rule, or that the at-rule holding both opened in it; a loop writes
         * each evaluation's parts anew.
         */
        private boolean continues(List<Block> siblings, int b, Block parent) {
            Block rule = siblings.get(b);
            Block part = b > 0 ? siblings.get(b - 1) : null;
            Written written = written(rule);
            Block before = writtenAfter.get(rule);
            if (part == null || written == null || before != part && joinedInto.get(before) != part || !joins(part, rule)) {
                return false;
            }
            StaticValues.Origin origin = written.origin();
            if (!repeated(origin.source(), offset(origin))) {
                return true;
            }
            Evaluation evaluated = evaluation == null ? null : evaluation.get();
            if (evaluated == null) {
                return false;
            }
            String url = urls.get(origin.source());
            Evaluation.Start start = evaluated.lastStart(numbers.getOrDefault(parent, -1), indices.get(rule), url, offset(origin));
            // an at-rule that opened in this evaluation of the rule holds only its CSS
            return start == null ? parent.open >= 0 && evaluated.writtenBy(numbers.get(parent), url, offset(origin))
                    : start.firstPart() && start.index() == indices.get(part);
        }

        /** Where a style rule was written: its origin, and the braces of its body in that source. */
        private record Written(StaticValues.Origin origin, int[] braces) {
        }

        /**
         * Where the style rule {@code rule} was written; null for an at-rule, a block holding
         * rules, or a rule whose origin or braces the map does not give.
         */
        private Written written(Block rule) {
            if (!rule.children.isEmpty() || css.charAt(rule.start) == '@') {
                return null;
            }
            StaticValues.Origin origin = origin(rule);
            if (origin == null || origin.source() >= contents.size()) {
                return null;
            }
            int[] braces = bracesAt(origin.source(), offset(origin));
            return braces == null ? null : new Written(origin, braces);
        }

        /**
         * The index of the first of the siblings just before {@code b} that came from inside the
         * braces of the rule {@code b} came from and hold its selector; {@code b} when there are
         * none, or {@code b} is not a style rule whose origin can be read.
         */
        int firstNested(List<Block> siblings, int b, Block parent) {
            Block rule = siblings.get(b);
            Written written = written(rule);
            if (written == null) {
                return b;
            }
            StaticValues.Origin origin = written.origin();
            String source = contents.get(origin.source());
            int[] braces = written.braces();
            List<String> selectors = selectors(prelude(css, rule));
            int earliest = thisEvaluation(parent, rule, written);
            int first = walkedBack(siblings, b, earliest, written, selectors);
            boolean joining = first > 0 && joins(siblings.get(first - 1), rule);
            if (joining && first < b && repeated(origin.source(), offset(origin))
                    && writtenInNestedMedia(siblings.get(first - 1), written)) {
                // the part before is the copy of the rule an @media nested in it wrote, which
                // dart-sass joined to the @media around where the two queries are one (all in
                // print), maybe an earlier evaluation's: evaluating tells where this one began
                int told = evaluatedFirst(siblings, b, written, parent);
                if (told >= 0) {
                    return told;
                }
            }
            if (first < b && (!joining || earliest > 0 || repeatsOwnDeclarations(rule, written))
                    && repeated(origin.source(), offset(origin))) {
                // the part before may be an earlier evaluation's (a loop or a mixin around the
                // rule writes it again with the same selector) where an earlier part holds the
                // rule's declarations or they tell nothing, and so may the blocks it would move
                // ahead of, where no part stands before them (an earlier evaluation's part went
                // into another @media): evaluating tells where this one began
                int evaluated = evaluationStart(parent, rule, written);
                if (evaluated > earliest) {
                    first = walkedBack(siblings, b, evaluated, written, selectors);
                }
            }
            return first;
        }

        /**
         * Whether each declaration of {@code block} maps inside an {@code @media} that stands in
         * the braces (or indented lines) of the rule written there: the block is then that
         * {@code @media}'s copy of the rule, not one of the rule's parts.
         */
        private boolean writtenInNestedMedia(Block block, Written written) {
            int source = written.origin().source();
            List<Integer> declared = declaredInRule(block, source, written.braces());
            if (declared.isEmpty()) {
                return false;
            }
            boolean indented = indentedSource(source);
            for (int at : declared) {
                if (!(indented ? inIndentedMediaWithin(source, at, written.braces()[0])
                        : inMediaWithin(source, at, written.braces()[0]))) {
                    return false;
                }
            }
            return true;
        }

        /** {@link #inMediaWithin} in the indented syntax: an {@code @media} among the lines holding the statement, after {@code after}. */
        private boolean inIndentedMediaWithin(int source, int at, int after) {
            String text = contents.get(source);
            return ScssOutline.indentedOwners(text, at).stream()
                    .anyMatch(owner -> owner > after && text.startsWith("@media", owner));
        }

        /** Whether the statement at {@code at} stands in an {@code @media} whose brace comes after {@code brace}. */
        private boolean inMediaWithin(int source, int at, int brace) {
            String text = contents.get(source);
            NavigableMap<Integer, ScssOutline.Place> statements = places(source);
            ScssOutline.Place place = statements.get(at);
            while (place != null && place.open() > brace) {
                Integer owner = statements.floorKey(place.open());
                if (owner == null) {
                    return false;
                }
                if (text.startsWith("@media", owner)) {
                    return true;
                }
                place = statements.get(owner);
            }
            return false;
        }

        /** The index of the first of the siblings just before {@code b}, written from {@code earliest} on, that are nested in the rule. */
        private int walkedBack(List<Block> siblings, int b, int earliest, Written written, List<String> selectors) {
            int first = b;
            while (first > 0 && indices.get(siblings.get(first - 1)) >= earliest
                    && nestedIn(siblings.get(first - 1), written, selectors)) {
                first--;
            }
            return first;
        }

        /** Whether {@link #write} would join {@code rule} into {@code part}: a part of the same rule, as the map tells. */
        private boolean joins(Block part, Block rule) {
            return !noFirstPart.contains(rule) && part.children.isEmpty() && css.charAt(part.start) != '@'
                    && prelude(css, part).equals(prelude(css, rule)) && origin(rule).equals(origin(part))
                    && ownLines(css, part, lineStarts);
        }

        /**
         * Whether the statement at {@code at} stands in a loop, a mixin or an include's content,
         * which may evaluate it more than once; true when that is not known.
         */
        private boolean repeated(int source, int at) {
            String text = contents.get(source);
            if (indentedSource(source)) {
                return heldByIndented(text, at, REPEATING);
            }
            NavigableMap<Integer, ScssOutline.Place> statements = places(source);
            ScssOutline.Place place = statements.get(at);
            while (place != null && place.open() >= 0) {
                Integer owner = statements.floorKey(place.open());
                if (owner == null || REPEATING.matcher(text).region(owner, place.open()).lookingAt()) {
                    return true;
                }
                place = statements.get(owner);
            }
            return place == null;
        }

        /**
         * The index (among its parent's blocks as dart-sass wrote them) of the first block the
         * evaluation of the rule that wrote {@code rule} wrote, its first part or the first block
         * nested in it; 0 when evaluation does not tell.
         */
        private int evaluationStart(Block parent, Block rule, Written written) {
            Evaluation evaluated = evaluation == null ? null : evaluation.get();
            Evaluation.Start start = evaluated == null ? null : evaluated.lastStart(numbers.getOrDefault(parent, -1), indices.get(rule),
                    urls.get(written.origin().source()), offset(written.origin()));
            return start == null ? 0 : start.index();
        }

        /**
         * From which block on (by the order dart-sass wrote its parent's blocks in) the rule
         * {@code rule}'s evaluation wrote: after the last part of the same rule that an earlier
         * evaluation wrote (an {@code @each} over the rule), one holding a declaration the rule
         * writes at or after the first of {@code rule}'s ({@link #laterInRule}). The blocks nested
         * in each evaluation may have the same selectors, as when the loop does not name them.
         * A declaration in a loop or an {@code @if} of the rule's own text may be repeated by the
         * rule itself, so for a later part starting with one every block counts; in the indented
         * syntax, for a rule whose text holds any.
         */
        private int thisEvaluation(Block parent, Block rule, Written written) {
            if (repeatsOwnDeclarations(rule, written)) {
                return 0;
            }
            int own = indices.get(rule);
            int earliest = 0;
            for (Block sibling : parent.children.subList(0, own)) {
                int at = indices.get(sibling);
                if (sibling.children.isEmpty() && css.charAt(sibling.start) != '@'
                        && written.origin().equals(origin(sibling))
                        && laterInRule(sibling, rule, written.origin().source(), written.braces())) {
                    earliest = at + 1;
                }
            }
            return earliest;
        }

        /**
         * Whether the rule's text may write the declarations its later part starts with more than
         * once (in a loop or an {@code @if}, or in the indented syntax where its text holds one),
         * or writes none of its own, so that its declarations do not tell its evaluations apart.
         */
        private boolean repeatsOwnDeclarations(Block rule, Written written) {
            int[] braces = written.braces();
            int source = written.origin().source();
            List<Integer> declared = declaredInRule(rule, source, braces);
            return declared.isEmpty() || (indentedSource(source)
                    ? CONTROL.matcher(contents.get(source).substring(braces[0], braces[1])).find()
                    : inControl(source, braces[0], Collections.min(declared)));
        }

        /** Whether the block came from inside the braces of the rule written there and holds its selector. */
        private boolean nestedIn(Block block, Written written, List<String> selectors) {
            StaticValues.Origin origin = written.origin();
            StaticValues.Origin inner = origin(block);
            if (inner == null || inner.source() != origin.source()) {
                return false;
            }
            int where = offset(inner);
            if (where <= written.braces()[0] || where >= written.braces()[1]) {
                return false;
            }
            // The same rule evaluated again (in an @each, or a mixin included twice) maps to the
            // same place: a rule nested in an earlier evaluation has that evaluation's selector,
            // not this one's, unless @at-root took it out of every selector.
            return holding(block, selectors) || afterAtRoot(contents.get(origin.source()), where);
        }

        /**
         * Whether the SCSS statement at {@code at} stands in a control block inside the block
         * whose brace is at {@code open}; true when that is not known.
         */
        private boolean inControl(int source, int open, int at) {
            NavigableMap<Integer, ScssOutline.Place> statements = places(source);
            ScssOutline.Place place = statements.get(at);
            while (place != null && place.open() > open) {
                Integer owner = statements.floorKey(place.open());
                if (owner == null || CONTROL.matcher(contents.get(source)).region(owner, place.open()).lookingAt()) {
                    return true;
                }
                place = statements.get(owner);
            }
            return place == null;
        }

        /** Whether the selector at {@code where} follows {@code @at-root}. */
        private static boolean afterAtRoot(String source, int where) {
            int k = where;
            while (k > 0 && Character.isWhitespace(source.charAt(k - 1))) {
                k--;
            }
            return k >= 8 && source.startsWith("@at-root", k - 8);
        }

        /**
         * Whether each selector of the block, or of every rule inside it, holds one of the rule's
         * selectors whole; of those {@code @extend} wrote, only the one they extend ({@link #nestingSelectors}).
         */
        private boolean holding(Block block, List<String> ruleSelectors) {
            return everySelector(block, selector -> ruleSelectors.stream().anyMatch(rule -> holds(selector, rule, extending)));
        }

        /** Whether each selector of the block, or of every rule inside it when it is an at-rule with rules, fits. */
        private boolean everySelector(Block block, Predicate<String> fits) {
            if (css.charAt(block.start) == '@') {
                return !block.children.isEmpty() && block.children.stream().allMatch(child -> everySelector(child, fits));
            }
            return block.children.isEmpty() && nestingSelectors(block).stream().allMatch(fits);
        }

        /**
         * The selectors of a style rule that tell where it was nested: all of them, but only the
         * first where a stylesheet holds an {@code @extend}. Extending writes each selector it
         * makes after the one it extends, from the extender's text: {@code .k { &.on { } }} with
         * {@code .t { @extend .k }} writes {@code .k.on, .on.t}, and {@code .on.t} does not hold
         * {@code .t}; {@code i .t} extending {@code .k} in {@code b .k} writes {@code i b .t},
         * which does not start with {@code b}.
         */
        private List<String> nestingSelectors(Block block) {
            List<String> all = selectors(prelude(css, block));
            return extending && all.size() > 1 ? all.subList(0, 1) : all;
        }

        /**
         * Whether {@code rule} stands in {@code selector} as nesting writes it: {@code .a} in
         * {@code .x .a:hover} and in {@code .a-b} ({@code &-b}), not in {@code .a2} or {@code .ab},
         * which an {@code @each} over {@code a} and {@code a2} also writes. With {@code joined}, a
         * rule that starts with a class, an id, a pseudo-class or an attribute also stands after
         * the simple selectors that extending joined it to: {@code .t} in {@code .on.t}, which
         * {@code .t { @extend %p }} writes for {@code %p { &.on { } }}.
         */
        private static boolean holds(String selector, String rule, boolean joined) {
            boolean joins = joined && !rule.isEmpty() && ".#:[".indexOf(rule.charAt(0)) >= 0;
            for (int at = selector.indexOf(rule); at >= 0; at = selector.indexOf(rule, at + 1)) {
                int end = at + rule.length();
                if ((at == 0 || " (".indexOf(selector.charAt(at - 1)) >= 0 || joins)
                        && (end == selector.length() || !Character.isLetterOrDigit(selector.charAt(end)) && selector.charAt(end) < 0x80)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The index of the first of the siblings just before {@code b} that the rule {@code b}
         * came from wrote through the mixins it includes, as well as directly; {@code b} when
         * that cannot be told for sure.
         *
         * <p>A mixin's rules map to the mixin's own text, so the source map alone cannot tell the
         * rules {@code a { @include m; x: 1 }} wrote through {@code m} from those another
         * {@code @include m} wrote just before. The siblings are taken back to the first one
         * with a selector or property name mapped outside the rule's braces, the bodies of the
         * mixins they include and the rule's selector, or whose selectors do not start with the
         * rule's, nested rules of the rule's own text going along ({@link #nestedIn}); and then
         * only when the sibling there is known to be written just before the rule's statement
         * began: a block of the rule's own text there or the rule's own first part (not an earlier
         * evaluation's, {@link #laterInRule}); a block written by a statement before the rule's in
         * a block around it, read where its last line outside the mixins maps ({@link #anchor};
         * for a partial's first rules, before the {@code @import} that loads it), when nothing
         * evaluated from there to the rule's includes the rule's mixins or writes text from
         * elsewhere ({@link #endsStatementBefore}); nothing at all, for the stylesheet's first rule
         * when nothing before it includes them ({@link #writesFirst}), and inside an at-rule the
         * rule heads or that stands in the rule ({@link #opensFor}); at the top level of SCSS, the
         * end of the previous top-level style rule's CSS, where the rule's source (or the include
         * whose content it heads) follows a style rule; the part of the SCSS rule it is nested
         * in, where the rule's source follows a declaration of that rule; or the block of that
         * rule a statement just before wrote last ({@link #endsPreviousStatement}). Failing all
         * these, the blocks the rule's text writes before {@code b} are counted ({@link
         * #firstCounted}).
         */
        int firstThroughMixins(List<Block> siblings, int b, Block parent) {
            Block rule = siblings.get(b);
            Written written = b == 0 ? null : written(rule);
            if (written == null) {
                return b;
            }
            StaticValues.Origin origin = written.origin();
            String source = contents.get(origin.source());
            boolean indented = indentedSource(origin.source());
            int at = offset(origin);
            int[] braces = written.braces();
            List<String> names = includes.computeIfAbsent(StaticValues.key(origin.source(), at),
                    k -> ScssOutline.includes(source, braces[0], braces[1], indented));
            if (names.isEmpty()) {
                return b;
            }
            int told = evaluatedFirst(siblings, b, written, parent);
            if (told >= 0) {
                return told;
            }
            Set<String> mixinNames = included(names);
            List<int[]> bodies = new ArrayList<>();
            bodies.add(new int[] {origin.source(), braces[0], braces[1]});
            for (String name : mixinNames) {
                bodies.addAll(mixins.getOrDefault(name, List.of()));
            }
            List<String> selectors = selectors(prelude(css, rule));
            boolean top = parent.open < 0;
            int first = b;
            while (first > 0) {
                Block before = siblings.get(first - 1);
                // a rule nested in the rule's own text is the rule's for sure, as firstNested takes it
                if (!nestedIn(before, written, selectors) && (top && !groups.get(before).equals(groups.get(rule)) || origin.equals(origin(before))
                        || !wroteWithin(before, origin, bodies) || !derived(before, written, selectors))) {
                    break;
                }
                first--;
            }
            if (first == b) {
                // the block before may still be the rule's, written by its mixins with the rule's
                // selector where the map cannot tell it (a loop's &-#{$i}, say): only evaluating
                // the rule's text tells
                Block before = siblings.get(b - 1);
                return css.charAt(before.start) != '@' && wroteWithin(before, origin, bodies) && !origin.equals(origin(before))
                        && holding(before, selectors) && evaluates(bodies) ? firstEvaluated(siblings, b, written, parent) : b;
            }
            int walked = first;
            java.util.function.IntSupplier counted = () -> {
                if (indented) {
                    return firstEvaluated(siblings, b, written, parent);
                }
                int found = firstCounted(siblings, b, walked, written, parent);
                return found != b ? found : firstEvaluated(siblings, b, written, parent);
            };
            if (nestedIn(siblings.get(first), written, selectors)) {
                // the rule's CSS is written in one piece, so all from a block of its own on is the rule's
                return first;
            }
            if (first == 0) {
                return top ? writesFirst(origin, mixinNames) ? first : counted.getAsInt()
                        : opensFor(parent, origin.source(), at, braces) ? first : counted.getAsInt();
            }
            Block previous = siblings.get(first - 1);
            StaticValues.Origin previousOrigin = origin(previous);
            boolean rulePart = css.charAt(previous.start) != '@' && previous.children.isEmpty();
            // a part of the rule's own is an earlier evaluation's (an @each over the rule) when it
            // holds a declaration the rule writes at or after the first of the later part's
            // what dart-sass wrote just before, ahead of any move: the previous rule's later part,
            // say, which has moved ahead of that rule's mixin rules
            Block writtenBefore = writtenAfter.get(siblings.get(first));
            if (rulePart && origin.equals(previousOrigin) && !laterInRule(previous, rule, origin.source(), braces)
                    || writtenBefore != null && writtenBefore != previous && endsStatementBefore(writtenBefore, origin, mixinNames)
                    || endsStatementBefore(previous, origin, mixinNames)) {
                return first;
            }
            if (indented) {
                return counted.getAsInt();
            }
            ScssOutline.Place place = places(origin.source()).get(at);
            if (place == null) {
                return counted.getAsInt();
            }
            ScssOutline.Place head = top ? headOfContent(origin.source(), at, new Quiet(mixinNames)) : null;
            if (head != null && !groups.get(previous).equals(groups.get(rule)) && head.previous() == ScssOutline.Kind.RULE) {
                return first;
            }
            // the enclosing rule's part may have moved already, before its own nested rules
            if (place.open() >= 0 && place.style() && place.previous() == ScssOutline.Kind.DECLARATION
                    && (enclosingPart(previous, origin.source(), place.open())
                    || enclosingPart(writtenAfter.get(siblings.get(first)), origin.source(), place.open()))) {
                return first;
            }
            if ((place.previous() == ScssOutline.Kind.RULE || place.previous() == ScssOutline.Kind.OTHER)
                    && (endsPreviousStatement(previous, origin.source(), at, place.open(), selectors, braces[0])
                    || endsPreviousStatement(writtenAfter.get(siblings.get(first)), origin.source(), at, place.open(), selectors, braces[0]))) {
                return first;
            }
            return counted.getAsInt();
        }

        /**
         * The index of the first of the siblings just before {@code b} that the rule {@code b}
         * came from wrote before it, told by counting: where {@code b} is the rule's first later
         * part, starting with the declaration {@link ScssOutline#laterPart} finds, and the rule's
         * text writes exactly k blocks before that declaration for sure, those are the k blocks
         * dart-sass wrote just before {@code b}, as it writes a rule's CSS in one piece and in the
         * order of its statements. This tells the rule's blocks from the same mixin's blocks a
         * statement just before wrote (a sibling rule of the same selector, an {@code @if} after
         * a mixin's {@code @content}), which map to the same places. Taken only when the walk
         * back ({@code walked}) went over all k and none of them has moved; {@code b} otherwise.
         */
        private int firstCounted(List<Block> siblings, int b, int walked, Written written, Block parent) {
            int source = written.origin().source();
            int[] rule = written.braces();
            ScssOutline.LaterPart later = ScssOutline.laterPart(contents.get(source), rule[0], rule[1], this::onlyBody,
                    parent.open >= 0);
            if (later == null || b - later.blocksBefore() < walked) {
                return b;
            }
            // the part's first declaration, where its first line's text starts
            Block part = siblings.get(b);
            int l = line(part.open) + 1;
            StaticValues.Origin opening = l < line(part.close)
                    ? origins.get(StaticValues.key(l, spacesAfter(css, lineStarts[l]) - lineStarts[l])) : null;
            if (opening == null || opening.source() >= contents.size() || offset(opening) != later.at()
                    || !contents.get(opening.source()).equals(later.source())) {
                return b;
            }
            int count = later.blocksBefore();
            for (int k = b - count + 1; k <= b; k++) {
                if (writtenAfter.get(siblings.get(k)) != siblings.get(k - 1)) {
                    return b;
                }
            }
            // a mixin's declaration may start a later part of the rule after its first too (the
            // mixin included twice): then the blocks counted must follow a block not the rule's
            boolean ownText = opening.source() == source && later.at() > rule[0] && later.at() < rule[1];
            Block before = writtenAfter.get(siblings.get(b - count));
            if (!ownText && !later.once() && before != null && written.origin().equals(origin(before))) {
                return b;
            }
            return b - count;
        }

        /** Whether one of these bodies holds an {@code @if} or a loop, whose blocks only evaluating it counts. */
        private boolean evaluates(List<int[]> bodies) {
            for (int[] body : bodies) {
                if (CONTROL.matcher(contents.get(body[0]).substring(body[1], body[2])).find()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The index of the first of the siblings just before {@code b} that the rule {@code b}
         * came from wrote before it, as evaluating the stylesheets tells ({@link #evaluatedFirst});
         * {@code b} when evaluation does not tell.
         */
        private int firstEvaluated(List<Block> siblings, int b, Written written, Block parent) {
            int told = evaluatedFirst(siblings, b, written, parent);
            return told < 0 ? b : told;
        }

        /**
         * The index of the first of the siblings just before {@code b} that the rule {@code b}
         * came from wrote before it, as evaluating the stylesheets tells: the block where the
         * evaluation of the rule that wrote {@code b} began, or the one after it when that is
         * the rule's own first part; {@code b} when that evaluation began at {@code b} or just
         * before it. -1 when evaluation does not tell, or the blocks between have moved since
         * dart-sass wrote them.
         */
        private int evaluatedFirst(List<Block> siblings, int b, Written written, Block parent) {
            Evaluation evaluated = evaluation == null ? null : evaluation.get();
            if (evaluated == null) {
                return -1;
            }
            Block rule = siblings.get(b);
            int index = indices.get(rule);
            StaticValues.Origin origin = written.origin();
            String url = urls.get(origin.source());
            Evaluation.Start start = evaluated.lastStart(numbers.getOrDefault(parent, -1), index, url, offset(origin));
            if (start == null && parent.open >= 0 && evaluated.writtenBy(numbers.get(parent), url, offset(origin))) {
                // the rule's evaluation began before the at-rule around it: all before it there is the rule's
                start = new Evaluation.Start(0, joins(parent.children.get(0), rule));
            }
            if (start == null) {
                return -1;
            }
            int firstIndex = start.index() + (start.firstPart() ? 1 : 0);
            if (firstIndex >= index) {
                return b;
            }
            Block firstBlock = parent.children.get(firstIndex);
            int first = -1;
            for (int k = 0; k < b; k++) {
                if (siblings.get(k) == firstBlock) {
                    first = k;
                }
            }
            if (first < 0) {
                return -1;
            }
            // a later part of this evaluation may have moved ahead of the block it began with
            while (first > 0 && indices.get(siblings.get(first - 1)) > firstIndex && indices.get(siblings.get(first - 1)) < index) {
                first--;
            }
            for (int k = first; k < b; k++) {
                int was = indices.get(siblings.get(k));
                if (was < firstIndex || was >= index) {
                    return -1;
                }
            }
            if (start.firstPart() && (first == 0 || siblings.get(first - 1) != parent.children.get(start.index()))) {
                return -1;
            }
            if (!start.firstPart()) {
                if (siblings.get(first) != firstBlock && joins(siblings.get(first), rule)) {
                    // that part now stands first, and this one joins it
                    return first + 1;
                }
                noFirstPart.add(rule);
            }
            return first;
        }

        /** The body of the mixin of that name, when the sources define exactly one in SCSS; null otherwise. */
        private ScssOutline.Body onlyBody(String name) {
            List<int[]> found = mixins().getOrDefault(name, List.of());
            if (found.size() != 1 || indentedSource(found.get(0)[0])) {
                return null;
            }
            int[] body = found.get(0);
            return new ScssOutline.Body(contents.get(body[0]), body[1], body[2]);
        }

        /**
         * Whether the block is the last that the statement just before the rule at {@code at}
         * (in the block whose brace is at {@code open}) wrote, for sure: an {@code @include}, or a
         * style rule that ends with one ({@link #endsStatement}). Such a block ends the statement's
         * CSS, so what follows it is the rule's. The rule's selector is plain, with no {@code &},
         * so the selectors of the rule around, the scope the statement before writes in, are the
         * rule's with it cut off: {@code .o { @include amp; b { @include amp; c: 3 } }} and
         * {@code .s { .a { @include boxed } .b { @include boxed; c: 3 } }}.
         */
        private boolean endsPreviousStatement(Block block, int source, int at, int open, List<String> ruleSelectors, int ruleBrace) {
            if (block == null || indentedSource(source)) {
                return false;
            }
            String text = contents.get(source);
            String own = plainSelector(text.substring(at, ruleBrace));
            if (own == null) {
                return false;
            }
            List<String> scope = new ArrayList<>();
            for (String selector : ruleSelectors) {
                if (selector.endsWith(" " + own)) {
                    scope.add(selector.substring(0, selector.length() - own.length() - 1));
                } else if (!selector.equals(own) || ruleSelectors.size() > 1) {
                    return false;
                }
            }
            int statement = ScssOutline.writingBefore(places(source), text, open, at);
            return statement >= 0 && endsStatement(block, source, statement, scope, 0);
        }

        /**
         * Whether the SCSS statement at {@code at}, evaluated with the selectors {@code scope}
         * (none at the top level), writes the block last and for sure: an {@code @include} whose
         * mixin does ({@link #endsMixin}), or a style rule whose last statement that writes does.
         */
        private boolean endsStatement(Block block, int source, int at, List<String> scope, int depth) {
            String text = contents.get(source);
            if (depth > 16) {
                return false;
            }
            if (text.startsWith("@include", at)) {
                int[] content = braces(text, at);
                boolean plainContent = content == null || ScssOutline.writesNoBlock(text, content[0] + 1, content[1]);
                return endsMixin(block, ScssOutline.includes(text, at, at + 1, false), plainContent, scope, depth + 1);
            }
            int[] rule = text.charAt(at) == '@' ? null : braces(text, at);
            List<String> inner = rule == null ? null : within(scope, text.substring(at, rule[0]));
            int last = inner == null ? -1 : ScssOutline.writingBefore(places(source), text, rule[0], rule[1]);
            return last >= 0 && endsStatement(block, source, last, inner, depth + 1);
        }

        /** The selectors a style rule of the prelude writes in the scope, when plain or {@code &}; null otherwise. */
        private static List<String> within(List<String> scope, String prelude) {
            if (prelude.strip().equals("&")) {
                return scope;
            }
            String plain = plainSelector(prelude);
            if (plain == null) {
                return null;
            }
            return scope.isEmpty() ? List.of(plain) : scope.stream().map(selector -> selector + " " + plain).toList();
        }

        /** A selector as written, white space made single spaces, when plain: no {@code &}, list, interpolation or placeholder; null otherwise. */
        private static String plainSelector(String written) {
            String plain = written.strip().replaceAll("\\s+", " ");
            return plain.isEmpty() || plain.contains("&") || plain.contains(",") || plain.contains("#{") || plain.contains("%")
                    || plain.startsWith("@") ? null : plain;
        }

        /** The selectors of a style rule, or of each rule in an at-rule that holds only rules; null otherwise. */
        private List<String> selectorsOf(Block block) {
            if (css.charAt(block.start) != '@') {
                return block.children.isEmpty() ? selectors(prelude(css, block)) : null;
            }
            List<String> found = null;
            for (Block child : block.children) {
                List<String> each = selectorsOf(child);
                if (each == null || found != null && !found.equals(each)) {
                    return null;
                }
                found = each;
            }
            return found;
        }

        /**
         * Whether the one mixin named writes the block last and for sure: the statement the block
         * maps to stands at the top of the mixin's body and nothing after it there writes a block,
         * nor its inside ({@code @content} aside, when {@code plainContent} says the content the
         * mixin was given writes none); or the last statement of the body includes another mixin
         * that does so, given content that writes no block.
         */
        private boolean endsMixin(Block block, List<String> names, boolean plainContent, List<String> scope, int depth) {
            List<int[]> bodies = names.size() == 1 ? mixins().get(names.get(0)) : null;
            if (bodies == null || bodies.size() != 1 || depth > 8 || indentedSource(bodies.get(0)[0])) {
                return false;
            }
            int[] body = bodies.get(0);
            String text = contents.get(body[0]);
            NavigableMap<Integer, ScssOutline.Place> outline = places(body[0]);
            StaticValues.Origin origin = origin(block);
            int at = origin == null || origin.source() != body[0] ? -1 : offset(origin);
            if (at > body[1] && at < body[2]) {
                ScssOutline.Place place = outline.get(at);
                int[] inside = braces(text, at);
                if (place == null || place.open() != body[1] || inside == null) {
                    return false;
                }
                boolean atRule = css.charAt(block.start) == '@';
                boolean insideFree = atRule
                        ? ScssOutline.writesOnlyRules(text, inside[0] + 1, inside[1], plainContent)
                        : ScssOutline.writesNoBlock(text, inside[0] + 1, inside[1]);
                // what the mixin writes there in the statement's scope is the block, not a block of
                // another scope's that maps to the same place
                List<String> written = atRule ? scope : within(scope, text.substring(at, inside[0]));
                return insideFree && ScssOutline.writesNoBlock(text, inside[1] + 1, body[2])
                        && written != null && written.equals(selectorsOf(block));
            }
            int last = ScssOutline.writingBefore(outline, text, body[1], body[2]);
            return last >= 0 && endsStatement(block, body[0], last, scope, depth + 1);
        }

        /**
         * Whether a declaration of {@code part} maps inside the rule's braces at or after the first
         * place a declaration of {@code later} maps to there: within one evaluation of the rule its
         * parts follow its text, so such a part was written by an earlier one.
         */
        private boolean laterInRule(Block part, Block later, int source, int[] braces) {
            int first = Integer.MAX_VALUE;
            for (int place : declaredInRule(later, source, braces)) {
                first = Math.min(first, place);
            }
            for (int place : declaredInRule(part, source, braces)) {
                if (place >= first) {
                    return true;
                }
            }
            return false;
        }

        /** Where the block's declarations that map inside the braces of a source map to, by the start of each line. */
        private List<Integer> declaredInRule(Block block, int source, int[] braces) {
            List<Integer> found = new ArrayList<>();
            for (int l = line(block.open) + 1; l < line(block.close); l++) {
                int column = 0;
                while (lineStarts[l] + column < css.length() && (css.charAt(lineStarts[l] + column) == ' '
                        || css.charAt(lineStarts[l] + column) == '\t')) {
                    column++;
                }
                StaticValues.Origin at = origins.get(StaticValues.key(l, column));
                int where = at == null || at.source() != source ? -1 : offset(at);
                if (where > braces[0] && where < braces[1]) {
                    found.add(where);
                }
            }
            return found;
        }

        /**
         * Whether the at-rule block {@code parent} of the CSS was opened for the rule at {@code at}
         * in the source: its {@code @media} (or other at-rule) stands around the rule, directly or
         * through style rules, and the rule and each rule between stand first in their blocks, so
         * nothing was written in the block before the rule's CSS. The at-rule may be a mixin's,
         * whose content the rule heads, when {@code @content} stands first in it. An at-rule
         * inside the rule's braces ({@code a { @media print { @include m; y: 1 } }}) holds
         * nothing but the rule's CSS, and so does a mixin's, when neither an include's content nor
         * a mixin holds the rule: the mixin was included while the rule was evaluated.
         */
        private boolean opensFor(Block parent, int source, int at, int[] ruleBraces) {
            StaticValues.Origin opened = origin(parent);
            if (opened == null || css.charAt(parent.start) != '@' || opened.source() >= contents.size()) {
                return false;
            }
            int[] braces = bracesAt(opened.source(), offset(opened));
            if (braces == null) {
                return false;
            }
            if (opened.source() == source && braces[0] > ruleBraces[0] && braces[1] < ruleBraces[1]
                    || inMixin(opened.source(), braces[0]) && !inContentOrMixin(source, at)) {
                return true;
            }
            if (indentedSource(opened.source()) || indentedSource(source)) {
                // what follows reads the SCSS outline
                return false;
            }
            NavigableMap<Integer, ScssOutline.Place> outline = places(source);
            int statement = at;
            for (int depth = 0; depth < 64; depth++) {
                ScssOutline.Place place = outline.get(statement);
                if (place == null || place.previous() != null || place.open() < 0) {
                    return false;
                }
                if (opened.source() == source && place.open() == braces[0]) {
                    return true;
                }
                Integer owner = outline.floorKey(place.open());
                if (owner == null) {
                    return false;
                }
                if (!place.style()) {
                    // a mixin's content block: the at-rule is the mixin's, with @content first in it
                    return contents.get(source).startsWith("@include", owner) && contentFirst(opened.source(), braces)
                            && includedAt(source, owner, opened.source(), braces[0]);
                }
                statement = owner;
            }
            return false;
        }

        /**
         * Where the top-level statement that evaluates the SCSS statement at {@code at} first
         * stands: the statement itself at the top level, or the include whose content it heads,
         * through includes' content that each rule heads, each mixin quiet up to its
         * {@code @content}; null otherwise.
         */
        private ScssOutline.Place headOfContent(int source, int at, Quiet quiet) {
            NavigableMap<Integer, ScssOutline.Place> outline = places(source);
            String text = contents.get(source);
            ScssOutline.Place place = outline.get(at);
            for (int depth = 0; place != null && depth < 64; depth++) {
                if (place.open() < 0) {
                    return place;
                }
                Integer owner = outline.floorKey(place.open());
                if (owner == null || place.previous() != null || !text.startsWith("@include", owner)
                        || !quiet.beforeContent(ScssOutline.includes(text, owner, owner + 1, false))) {
                    return null;
                }
                place = outline.get(owner);
            }
            return null;
        }

        /**
         * The includes whose content holds the SCSS statement at {@code at}, the outermost first:
         * where each starts and where its content's brace is.
         */
        private List<int[]> contentHeaders(int source, int at) {
            NavigableMap<Integer, ScssOutline.Place> outline = places(source);
            String text = contents.get(source);
            List<int[]> headers = new ArrayList<>();
            ScssOutline.Place place = outline.get(at);
            for (int depth = 0; place != null && place.open() >= 0 && depth < 64; depth++) {
                Integer owner = outline.floorKey(place.open());
                if (owner == null) {
                    break;
                }
                if (text.startsWith("@include", owner)) {
                    headers.add(0, new int[] {owner, place.open()});
                }
                place = outline.get(owner);
            }
            return headers;
        }

        /** Whether the offset lies in the body of a mixin. */
        private boolean inMixin(int source, int at) {
            return mixins().values().stream().flatMap(List::stream)
                    .anyMatch(body -> body[0] == source && at > body[1] && at < body[2]);
        }

        /**
         * Whether, in the indented syntax, a statement that {@code owners} matches holds the
         * statement at {@code at}, at any depth.
         */
        private static boolean heldByIndented(String text, int at, Pattern owners) {
            Matcher owner = owners.matcher(text);
            return ScssOutline.indentedOwners(text, at).stream()
                    .anyMatch(start -> owner.region(start, text.length()).lookingAt());
        }

        /** Whether the statement at {@code at} stands, at any depth, in an include's content or a mixin's body. */
        private boolean inContentOrMixin(int source, int at) {
            String text = contents.get(source);
            if (indentedSource(source)) {
                return heldByIndented(text, at, INCLUDING);
            }
            NavigableMap<Integer, ScssOutline.Place> outline = places(source);
            ScssOutline.Place place = outline.get(at);
            for (int depth = 0; depth < 64; depth++) {
                if (place == null) {
                    return true;
                }
                if (place.open() < 0) {
                    return false;
                }
                Integer owner = outline.floorKey(place.open());
                if (owner == null || text.startsWith("@include", owner) || text.startsWith("@mixin", owner)) {
                    return true;
                }
                place = outline.get(owner);
            }
            return true;
        }

        /** Whether {@code @content} is the first statement that writes in the block whose braces are given. */
        private boolean contentFirst(int source, int[] braces) {
            String text = contents.get(source);
            for (Map.Entry<Integer, ScssOutline.Place> entry : places(source).subMap(braces[0], false, braces[1], false).entrySet()) {
                if (entry.getValue().open() == braces[0] && text.startsWith("@content", entry.getKey())) {
                    return entry.getValue().previous() == null;
                }
            }
            return false;
        }

        /**
         * Whether the {@code @include} at {@code at} names the one mixin whose body holds the brace
         * {@code open} of the source {@code body}, that brace standing directly in the body.
         */
        private boolean includedAt(int source, int at, int body, int open) {
            List<String> names = ScssOutline.includes(contents.get(source), at, at + 1, false);
            if (names.size() != 1 || !included(names).contains(names.get(0))) {
                return false;
            }
            List<int[]> bodies = mixins.get(names.get(0));
            if (bodies.size() != 1 || bodies.get(0)[0] != body || open <= bodies.get(0)[1] || open >= bodies.get(0)[2]) {
                return false;
            }
            Integer owner = places(body).floorKey(open);
            ScssOutline.Place place = owner == null ? null : places(body).get(owner);
            return place != null && place.open() == bodies.get(0)[1];
        }

        /**
         * Whether the block is known to be the last that the statements before the rule wrote:
         * nothing evaluated after the statement that wrote it and before the rule includes any of
         * the rule's mixins, loads a module or writes a mixin's content, so the rules after the
         * block and before the rule's part came from the rule. Across stylesheets the statements
         * are followed through the {@code @import}s that load them: what comes after the block in
         * its stylesheet, what the importing stylesheets do between the two, and what the rule's
         * stylesheet does before the rule.
         */
        private boolean endsStatementBefore(Block block, StaticValues.Origin rule, Set<String> mixinNames) {
            StaticValues.Origin origin = anchor(block);
            if (origin == null || offset(origin) < 0) {
                return false;
            }
            Quiet quiet = new Quiet(mixinNames);
            // where the rule stands in its stylesheet, then where each stylesheet is imported, the last first
            List<Import> toRule = new ArrayList<>(List.of(new Import(rule.source(), offset(rule), -1)));
            while (toRule.size() <= contents.size() && toRule.get(toRule.size() - 1).source() != origin.source()) {
                Import next = importOf(toRule.get(toRule.size() - 1).source());
                if (next == null) {
                    break;
                }
                toRule.add(next);
            }
            Import from = new Import(origin.source(), offset(origin), -1);
            for (int hops = 0; !passes(toRule, from.source()); hops++) {
                if (hops == contents.size() || !quiet.after(from)) {
                    return false;
                }
                from = importOf(from.source());
                if (from == null) {
                    return false;
                }
            }
            int common = from.source();
            Import to = toRule.stream().filter(step -> step.source() == common).findFirst().orElseThrow();
            for (Import step : toRule.subList(0, toRule.indexOf(to))) {
                if (!quiet.before(step)) {
                    return false;
                }
            }
            return quiet.between(from, to);
        }

        /**
         * Whether nothing the compilation evaluates before the rule includes any of the rule's
         * mixins or loads a module: the page and each stylesheet on the way from it to the rule's,
         * up to the {@code @import} that leads on, then the rule's up to the rule.
         */
        private boolean writesFirst(StaticValues.Origin rule, Set<String> mixinNames) {
            Quiet quiet = new Quiet(mixinNames);
            Import step = new Import(rule.source(), offset(rule), -1);
            for (int hops = 0; step != null && hops <= contents.size() && quiet.before(step); hops++) {
                if (step.source() == page) {
                    return true;
                }
                step = importOf(step.source());
            }
            return false;
        }

        /**
         * Where the block was last written from outside the mixins: the place its last line that
         * maps outside every mixin's body maps to (a selector or property name, never a value);
         * the block's own origin when no line does. A block an {@code @include}'s content fills
         * ({@code @include mq { b { z: 1 } }}) maps to the mixin's {@code @media}, its rules to
         * the content, which says which statement wrote it.
         */
        private StaticValues.Origin anchor(Block block) {
            StaticValues.Origin own = origin(block);
            for (int l = line(block.close); l >= line(block.start); l--) {
                int column = 0;
                while (lineStarts[l] + column < css.length() && (css.charAt(lineStarts[l] + column) == ' '
                        || css.charAt(lineStarts[l] + column) == '\t')) {
                    column++;
                }
                StaticValues.Origin at = origins.get(StaticValues.key(l, column));
                if (at == null || at.source() >= contents.size() || indentedSource(at.source())) {
                    continue;
                }
                int where = offset(at);
                if (where >= 0 && !inMixin(at.source(), where)) {
                    return at;
                }
            }
            return own;
        }

        /**
         * Where the text starts whose evaluation may write after what the statement at {@code
         * inner} wrote, within the statement at {@code holding} that holds it: that statement
         * itself, unless a loop around it evaluates the loop's text again (from the loop on) or an
         * {@code @include}'s content holds it (from the content on, the mixin's text after its
         * {@code @content} then not including the rule's mixins). {@code holding} when in doubt:
         * the indented syntax, a place no statement starts at, or a mixin's text.
         */
        private int evaluatedFrom(int source, int inner, int holding, Quiet quiet) {
            NavigableMap<Integer, ScssOutline.Place> outline = places(source);
            if (holding < 0 || inner <= holding || indentedSource(source) || !outline.containsKey(inner)) {
                return holding;
            }
            String text = contents.get(source);
            int start = inner;
            int statement = inner;
            while (statement != holding) {
                ScssOutline.Place place = outline.get(statement);
                Integer owner = place == null || place.open() < 0 ? null : outline.floorKey(place.open());
                if (owner == null || owner < holding) {
                    return holding;
                }
                String prelude = text.substring(owner, place.open());
                if (prelude.matches("@(each|for|while)\\b(?s).*")) {
                    start = owner;
                } else if (prelude.startsWith("@include")) {
                    start = Math.min(start, place.open() + 1);
                    if (!quiet.afterContent(ScssOutline.includes(text, owner, owner + 1, false))) {
                        return holding;
                    }
                } else if (prelude.startsWith("@mixin") || prelude.startsWith("@function")) {
                    return holding;
                }
                statement = owner;
            }
            return start;
        }

        /** Whether one of the steps stands in the source. */
        private static boolean passes(List<Import> steps, int source) {
            return steps.stream().anyMatch(step -> step.source() == source);
        }

        /**
         * A place in a stylesheet: where a rule or block was written ({@code name} -1), or the
         * {@code name}th stylesheet the {@code @import} that starts there loads.
         */
        private record Import(int source, int at, int name) {
        }

        /** Whether stretches of the sources evaluate none of the rule's mixins, nor text from elsewhere. */
        private final class Quiet {
            final Set<String> mixinNames;
            /** The stylesheets followed through their imports, so that each is read once. */
            final Set<Integer> loaded = new HashSet<>();

            Quiet(Set<String> mixinNames) {
                this.mixinNames = mixinNames;
            }

            /** Whether what a stylesheet evaluates after the place, to its end, is quiet. */
            boolean after(Import place) {
                String text = contents.get(place.source());
                int from = place.name() >= 0 ? place.at() + 1 : indentedSource(place.source())
                        ? ScssOutline.indentedTopStatementHolding(text, place.at())
                        : evaluatedFrom(place.source(), place.at(),
                                ScssOutline.topStatementHolding(places(place.source()), place.at()), this);
                return from >= 0 && loadsAfter(place) && stretch(place.source(), from, text.length());
            }

            /**
             * Whether the text each named mixin evaluates after its content, from the statement of
             * its body that holds its first {@code @content}, includes none of the rule's mixins.
             */
            boolean afterContent(List<String> names) {
                for (String name : names) {
                    for (int[] body : mixins().getOrDefault(name, List.of())) {
                        String text = contents.get(body[0]);
                        int content = text.indexOf("@content", body[1]);
                        if (content < 0 || content > body[2] || indentedSource(body[0])) {
                            return false;
                        }
                        int from = ScssOutline.statementIn(places(body[0]), body[1], content);
                        if (from < 0 || !Collections.disjoint(
                                included(ScssOutline.includes(text, from, body[2], false)), mixinNames)) {
                            return false;
                        }
                    }
                }
                return !names.isEmpty();
            }

            /** Whether what a stylesheet evaluates before the place is quiet. */
            boolean before(Import place) {
                if (!loadsBefore(place)) {
                    return false;
                }
                int source = place.source();
                if (place.name() >= 0 || indentedSource(source)) {
                    return stretch(source, 0, place.at());
                }
                // an include whose content holds the place evaluates its mixin's text up to its
                // @content before the place, not what the mixin writes after
                String text = contents.get(source);
                int from = 0;
                for (int[] header : contentHeaders(source, place.at())) {
                    if (!stretch(source, from, header[0])
                            || !beforeContent(ScssOutline.includes(text, header[0], header[0] + 1, false))) {
                        return false;
                    }
                    from = header[1] + 1;
                }
                return stretch(source, from, place.at());
            }

            /** Whether the text each named mixin evaluates before its first {@code @content} is quiet. */
            boolean beforeContent(List<String> names) {
                for (String name : names) {
                    for (int[] body : mixins().getOrDefault(name, List.of())) {
                        int content = contents.get(body[0]).indexOf("@content", body[1]);
                        if (content < 0 || content > body[2] || indentedSource(body[0]) || !stretch(body[0], body[1] + 1, content)) {
                            return false;
                        }
                    }
                }
                return !names.isEmpty();
            }

            /** Whether what one stylesheet evaluates after the place {@code from} and before the place {@code to} is quiet. */
            boolean between(Import from, Import to) {
                if (from.at() == to.at()) {
                    return from.name() >= 0 && from.name() < to.name() && imports(from.source()).get(from.at())
                            .subList(from.name() + 1, to.name()).stream().allMatch(this::loads);
                }
                String text = contents.get(from.source());
                int start = indentedSource(from.source()) ? ScssOutline.indentedStatementHolding(text, to.at(), from.at())
                        : ScssOutline.statementHolding(places(from.source()), to.at(), from.at());
                if (start < 0 || from.name() >= 0 && start != from.at()) {
                    return false;
                }
                return (from.name() < 0 || loadsAfter(from)) && loadsBefore(to) && stretch(from.source(),
                        from.name() >= 0 ? from.at() + 1 : evaluatedFrom(from.source(), from.at(), start, this), to.at());
            }

            /** Whether the stylesheets the import at the place loads after its {@code name}th are quiet. */
            private boolean loadsAfter(Import place) {
                if (place.name() < 0) {
                    return true;
                }
                List<String> names = imports(place.source()).get(place.at());
                return names.subList(place.name() + 1, names.size()).stream().allMatch(this::loads);
            }

            /** Whether the stylesheets the import at the place loads before its {@code name}th are quiet. */
            private boolean loadsBefore(Import place) {
                if (place.name() < 0) {
                    return true;
                }
                return imports(place.source()).get(place.at()).subList(0, place.name()).stream().allMatch(this::loads);
            }

            /** Whether the name loads a stylesheet that was read, and each it can be is quiet as a whole. */
            private boolean loads(String name) {
                boolean found = false;
                for (int s = 0; s < urls.size() && s < contents.size(); s++) {
                    if (ScssOutline.canLoad(name, urls.get(s))) {
                        found = true;
                        if (loaded.add(s) && !stretch(s, 0, contents.get(s).length())) {
                            return false;
                        }
                    }
                }
                return found;
            }

            /** Whether a stretch of a source, and what its imports load, is quiet. */
            private boolean stretch(int source, int from, int to) {
                String text = contents.get(source);
                boolean indented = indentedSource(source);
                if (ScssOutline.writesFromElsewhere(text, from, to, indented) || !Collections.disjoint(
                        included(ScssOutline.includes(text, from, to, indented)), mixinNames)) {
                    return false;
                }
                return imports(source).subMap(from, true, to, false).values().stream()
                        .allMatch(names -> names.stream().allMatch(this::loads));
            }
        }

        /** The stylesheets each {@code @import} of a source loads, by where it starts; read once per source. */
        private NavigableMap<Integer, List<String>> imports(int source) {
            return imports.computeIfAbsent(source, k -> ScssOutline.imports(contents.get(k)));
        }

        /**
         * The {@code @import} that loads the source: the one place that gives a name that can be
         * the source and no other; null when there is none or more than one.
         */
        private Import importOf(int source) {
            Import found = importers.computeIfAbsent(source, this::findImport);
            return found.source() < 0 ? null : found;
        }

        private Import findImport(int source) {
            Import none = new Import(-1, -1, -1);
            if (source >= urls.size()) {
                return none;
            }
            Import found = none;
            for (int s = 0; s < contents.size(); s++) {
                for (Map.Entry<Integer, List<String>> statement : imports(s).entrySet()) {
                    for (int n = 0; n < statement.getValue().size(); n++) {
                        String name = statement.getValue().get(n);
                        if (!ScssOutline.canLoad(name, urls.get(source))) {
                            continue;
                        }
                        if (found.source() >= 0 || urls.stream().filter(url -> ScssOutline.canLoad(name, url)).count() > 1) {
                            return none;
                        }
                        found = new Import(s, statement.getKey(), n);
                    }
                }
            }
            return found;
        }

        /** Where each statement of an SCSS source stands; read once per source. */
        private NavigableMap<Integer, ScssOutline.Place> places(int source) {
            return places.computeIfAbsent(source, k -> ScssOutline.places(contents.get(k)));
        }

        /** Whether the block is a part of the style rule whose braces open at {@code open} in the source. */
        private boolean enclosingPart(Block block, int source, int open) {
            if (block == null || css.charAt(block.start) == '@' || !block.children.isEmpty()) {
                return false;
            }
            StaticValues.Origin at = origin(block);
            int[] enclosing = at == null || at.source() != source ? null : bracesAt(source, offset(at));
            return enclosing != null && enclosing[0] == open;
        }

        /** Where each mixin's body is, by name, over all the sources: read once. */
        private Map<String, List<int[]>> mixins() {
            if (mixins == null) {
                mixins = new HashMap<>();
                for (int s = 0; s < contents.size(); s++) {
                    int index = s;
                    ScssOutline.mixins(contents.get(s), indentedSource(s)).forEach((name, found) -> found.forEach(
                            body -> mixins.computeIfAbsent(name, k -> new ArrayList<>()).add(new int[] {index, body[0], body[1]})));
                }
            }
            return mixins;
        }

        /** The named mixins and those they include, in turn: the names of those defined. */
        private Set<String> included(List<String> names) {
            mixins();
            Set<String> found = new LinkedHashSet<>();
            ArrayDeque<String> pending = new ArrayDeque<>(names);
            while (!pending.isEmpty()) {
                String name = pending.pop();
                if (!mixins.containsKey(name) || !found.add(name)) {
                    continue;
                }
                for (int[] body : mixins.get(name)) {
                    pending.addAll(includes.computeIfAbsent(StaticValues.key(body[0], body[1]),
                            k -> ScssOutline.includes(contents.get(body[0]), body[1], body[2], indentedSource(body[0]))));
                }
            }
            return found;
        }

        /**
         * Whether each line of the block that maps to a place, mapped from where its text starts,
         * maps to the rule's selector or inside one of the bodies: the selectors and property names
         * say who wrote the block; a value maps to where it was computed, which may be a variable
         * or function anywhere.
         */
        private boolean wroteWithin(Block block, StaticValues.Origin selector, List<int[]> bodies) {
            boolean any = false;
            for (int l = line(block.start); l <= line(block.close); l++) {
                int column = 0;
                while (lineStarts[l] + column < css.length() && (css.charAt(lineStarts[l] + column) == ' '
                        || css.charAt(lineStarts[l] + column) == '\t')) {
                    column++;
                }
                StaticValues.Origin at = origins.get(StaticValues.key(l, column));
                if (at == null) {
                    continue;
                }
                any = true;
                if (at.equals(selector) || at.source() >= contents.size()) {
                    continue;
                }
                int where = offset(at);
                if (bodies.stream().noneMatch(body -> body[0] == at.source() && where > body[1] && where < body[2])) {
                    return false;
                }
            }
            return any;
        }

        /**
         * Whether each selector of the block, or of every rule inside it when it is an at-rule
         * with rules, starts with one of the rule's: what nesting inside the rule writes (of the
         * selectors {@code @extend} wrote, the one they extend, {@link #nestingSelectors}). A rule
         * that came from inside the rule's own braces may go on with its last name too
         * ({@code &-#{$i}} in a mixin's {@code @media} the rule includes), as {@link #nestedIn} reads it.
         */
        private boolean derived(Block block, Written written, List<String> ruleSelectors) {
            if (css.charAt(block.start) == '@') {
                return !block.children.isEmpty() && block.children.stream().allMatch(child -> derived(child, written, ruleSelectors));
            }
            return block.children.isEmpty() && (nestedIn(block, written, ruleSelectors) || nestingSelectors(block)
                    .stream().allMatch(selector -> ruleSelectors.stream().anyMatch(rule -> extending(selector, rule))));
        }

        /**
         * Whether a selector is the rule's, or the rule's with more after it that does not go on
         * with its last name ({@code a:hover}, {@code a b}, but not {@code ab} or {@code a-b}).
         */
        private static boolean extending(String selector, String rule) {
            if (!selector.startsWith(rule)) {
                return false;
            }
            if (selector.length() == rule.length()) {
                return true;
            }
            char next = selector.charAt(rule.length());
            return !(Character.isLetterOrDigit(next) || next == '-' || next == '_' || next > 0x7F || next == '\\');
        }

        boolean indentedSource(int source) {
            return source < urls.size() && ScssOutline.indented(urls.get(source));
        }

        /** Numbers the top-level blocks by the blank lines dart-sass writes after each top-level style rule's CSS. */
        void group(Block top) {
            int group = 0;
            int from = 0;
            for (Block child : top.children) {
                StringBuilder between = new StringBuilder();
                int i = from;
                while (i < child.start) {
                    if (css.startsWith("/*", i)) {
                        between.append('x');
                        i = StaticValues.skipped(css, i);
                    } else {
                        between.append(css.charAt(i++));
                    }
                }
                if (from > 0 && between.toString().matches("(?s).*\\n[ \\t]*\\n.*")) {
                    group++;
                }
                groups.put(child, group);
                from = child.close + 1;
            }
        }

        /** The offset in its source of an origin, or -1 past the source's end. */
        int offset(StaticValues.Origin origin) {
            return sources.offset(origin);
        }

        /** The braces (or indented lines) of the rule whose selector starts at {@code at} in a source; null when none. */
        int[] bracesAt(int source, int at) {
            if (at < 0) {
                return null;
            }
            int[] found = braces.computeIfAbsent(StaticValues.key(source, at), k -> {
                int[] pair = indentedSource(source) ? indented(contents.get(source), at) : braces(contents.get(source), at);
                return pair == null ? new int[0] : pair;
            });
            return found.length == 0 ? null : found;
        }

        StaticValues.Origin origin(Block block) {
            int line = line(block.start);
            return origins.get(StaticValues.key(line, block.start - lineStarts[line]));
        }

        private static void range(int from, int to, List<Integer> order) {
            for (int l = from; l < to; l++) {
                order.add(l);
            }
        }
    }

    /** Whether a rule's braces end their lines and its closing brace stands alone, as dart-sass writes them. */
    private static boolean ownLines(String css, Block rule, int[] lineStarts) {
        int afterOpen = css.indexOf('\n', rule.open);
        int closeLineStart = lineStarts[MediaBreaks.lineOf(lineStarts, rule.close)];
        return afterOpen > rule.open && css.substring(rule.open + 1, afterOpen).isBlank()
                && css.substring(closeLineStart, rule.close).isBlank()
                && css.charAt(rule.open - 1) == ' ';
    }

    /** The complex selectors of a selector list, each with its whitespace made single spaces. */
    private static List<String> selectors(String list) {
        List<String> found = CompressedValues.commaItems(list);
        found.replaceAll(selector -> selector.strip().replaceAll("\\s+", " "));
        return found;
    }

    private static String prelude(String css, Block block) {
        return css.substring(block.start, block.open).strip();
    }


    /**
     * The offsets of the braces of the rule whose selector starts at {@code at} in an SCSS
     * source, or null when none follows before a {@code ;} or {@code }}.
     */
    static int[] braces(String source, int at) {
        if (at < 0) {
            return null;
        }
        int open = -1;
        int depth = 0;
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                i = StaticValues.skipped(source, i);
                continue;
            }
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                continue;
            }
            if (c == '#' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int end = source.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                i = end + 1;
                continue;
            }
            if (c == '{') {
                if (open < 0) {
                    open = i;
                }
                depth++;
            } else if (c == '}') {
                if (open < 0) {
                    return null;
                }
                if (--depth == 0) {
                    return new int[] {open, i};
                }
            } else if (c == ';' && open < 0) {
                return null;
            }
            i++;
        }
        return null;
    }

    /**
     * For a rule of the indented syntax whose selector starts at {@code at}: where its selector
     * ends and where the lines indented under it end, or null when none are.
     */
    static int[] indented(String source, int at) {
        if (at < 0) {
            return null;
        }
        int lineStart = ScssOutline.lineStart(source, at);
        int indent = ScssOutline.indentOfLine(source, lineStart);
        int end = source.indexOf('\n', at);
        // a selector list goes on over lines that end in a comma
        while (end > 0 && source.substring(lineStart, end).stripTrailing().endsWith(",")) {
            lineStart = end + 1;
            end = source.indexOf('\n', lineStart);
        }
        if (end < 0) {
            return null;
        }
        int open = end;
        int close = source.length();
        int next = end + 1;
        while (next < source.length()) {
            if (!ScssOutline.isBlankLine(source, next) && ScssOutline.indentOfLine(source, next) <= indent) {
                close = next;
                break;
            }
            next = ScssOutline.lineEnd(source, next) + 1;
        }
        return close > open + 1 ? new int[] {open, close} : null;
    }

    /**
     * Notes the order the blocks of each {@code @media} MediaBreaks may close now stand in, by
     * its ordinal among them: each at the top level, or in an {@code @supports} there.
     */
    private static void mediaOrder(String css, Block parent, Joiner joiner, Map<Integer, List<Integer>> mediaOrder,
            int[] ordinal) {
        for (Block block : parent.children) {
            if (css.startsWith("@media", block.start)) {
                noteOrder(block, joiner, mediaOrder, ordinal[0]++);
            } else if (css.startsWith("@supports", block.start)) {
                mediaOrder(css, block, joiner, mediaOrder, ordinal);
            }
        }
    }

    /** Notes under {@code ordinal} the order the block's blocks now stand in, when they moved. */
    private static void noteOrder(Block block, Joiner joiner, Map<Integer, List<Integer>> orders, int ordinal) {
        List<Block> written = joiner.written.get(block);
        if (written != null) {
            orders.put(ordinal, written.stream().map(joiner.indices::get).toList());
        }
    }

    /**
     * Notes the order the blocks of each {@code @supports} right in an {@code @media}
     * MediaBreaks may close now stand in, by its ordinal among them, as {@link #mediaOrder}.
     */
    private static void supportsOrder(String css, Block parent, Joiner joiner, Map<Integer, List<Integer>> supportsOrder,
            int[] ordinal) {
        for (Block block : parent.children) {
            if (css.startsWith("@media", block.start)) {
                for (Block inside : block.children) {
                    if (css.startsWith("@supports", inside.start)) {
                        noteOrder(inside, joiner, supportsOrder, ordinal[0]++);
                    }
                }
            } else if (css.startsWith("@supports", block.start)) {
                supportsOrder(css, block, joiner, supportsOrder, ordinal);
            }
        }
    }

    /** The blocks of the CSS, inside a block for the whole text; null when its braces do not pair. */
    private static Block parse(String css) {
        Block top = new Block(0, -1);
        ArrayDeque<Block> open = new ArrayDeque<>();
        open.push(top);
        int statement = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = StaticValues.skipped(css, i);
                if (c == '/' && css.substring(statement, i).isBlank()) {
                    // a comment before a rule is not part of it: the rule starts at its selector,
                    // which is what the map places
                    statement = end;
                }
                i = end;
                continue;
            }
            if (c == '{') {
                int start = statement;
                while (start < i && Character.isWhitespace(css.charAt(start))) {
                    start++;
                }
                Block block = new Block(start, i);
                open.peek().children.add(block);
                open.push(block);
                statement = i + 1;
            } else if (c == '}') {
                if (open.size() == 1) {
                    return null;
                }
                open.pop().close = i;
                statement = i + 1;
            } else if (c == ';') {
                statement = i + 1;
            }
            i++;
        }
        return open.size() == 1 ? top : null;
    }
}
