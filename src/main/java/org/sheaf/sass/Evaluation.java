package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What evaluating the stylesheets wrote where, read from a second compilation of a marked copy
 * of them. Two things of libsass's layout depend on how many blocks a statement wrote, which
 * neither the CSS nor the source map tells when the statement is an {@code @if}, a loop or a
 * mixin holding one: where a rule's CSS began, so that its declarations after its nested rules
 * join its first ones ({@link SplitRules}), and where an {@code @media} whose query joined with
 * the outer one's matches nothing was reached, so that the outer one is closed there
 * ({@link MediaBreaks}).
 *
 * <p>The copy has a loud comment, {@code /*!sheaf-eval:N*&#47;}, right after the brace of each
 * style rule and before and inside each {@code @media} nested in a block; in SCSS, before such
 * an {@code @media}, one in {@code @at-root} too, which goes after all that was written so far
 * where the other goes into the block of the rule being written (see {@link #reached}). Loud comments change
 * nothing that is evaluated, and dart-sass writes each where evaluation reached it: in the block
 * being written then, in the order of evaluation. A comment can give a rule a block of its own
 * that held nothing else (a rule whose first statement is a nested rule, or the copy of a rule
 * after its nested rules), or a copy of a top-level {@code @media} that the next block then
 * goes into, so the marked CSS is read with the markers taken out, the blocks left empty dropped
 * and such copies joined to the one before, and used only when it then has the blocks of the
 * real CSS, one for one. A
 * rule's marker is its CSS's first block, or stands where that block would be; an {@code @media}
 * was left out when its inner marker does not follow its outer one. A stylesheet in the
 * indented syntax is marked alike, each marker a line of its own indented as the lines around it.
 */
final class Evaluation {
    private static final String MARK = "/*!sheaf-eval:";
    /** The selector of the rule that marks what follows a nested {@code @media} standing in no rule of a mixin's text. */
    private static final String AFTER_RULE = "sheaf-after";
    /**
     * The start of the name of the variable that names each evaluation of a nested
     * {@code @media}, a {@code unique-id()}, in its {@link Kind#MEDIA} and {@link Kind#REACHED}
     * markers.
     */
    private static final String REACHED_VARIABLE = "sheaf-eval-";
    /** What follows the query of an {@code @media} in the probing copy: a query that any other joins. */
    private static final String PROBE = ", (sheaf-probe: 1)";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** A nested property's prelude ({@code font:}, {@code font: bold}), not a selector. */
    private static final Pattern NESTED_PROPERTY = Pattern.compile("(?s)[\\w-]+\\s*:(\\s.*)?");

    /**
     * What a marker marks: a style rule's start or end, where a nested {@code @media} stands, the
     * inside of one or its end, what follows its end ({@code AFTER}), the inside of a
     * top-level {@code @media} ({@code OPEN}), or where a nested {@code @media} was reached
     * among the blocks written so far ({@code REACHED}, see {@link #reached}).
     */
    enum Kind {
        RULE, END, MEDIA, INSIDE, MEDIA_END, AFTER, OPEN, REACHED
    }

    /**
     * One marker: the stylesheet and the offset of the statement it marks, and for an
     * {@code @media} whether its text writes anything (a declaration, a comment or an include),
     * libsass writing no {@code @media} for one that holds nothing, and whether only its
     * includes (or {@code @content}) may, which only evaluating them tells; and how many
     * parts of the {@code @media} of its text, itself and those nested in it, hold a declaration
     * or a comment (each run of an {@code @media}'s text between those nested in it, or the rules
     * holding them, is one, as libsass parts it there): libsass holds each of those in an
     * {@code @supports} where it leaves the {@code @media} out, which dart-sass leaves out
     * without evaluating what it holds; {@code writingMediaInRule} the same where the
     * {@code @media} is evaluated in a style rule, which libsass's parts stand in, so that one
     * nested in it goes after all of them: each {@code @media} that holds such a thing is one part.
     */
    record Mark(String url, int at, Kind kind, boolean writes, boolean throughIncludes, int writingMedia,
            int writingMediaInRule) {
        /** The mark of a marker that tells nothing of what an {@code @media}'s text writes. */
        Mark(String url, int at, Kind kind) {
            this(url, at, kind, false, false, 0, 0);
        }

        /** Whether the other marks the same statement: a start's mark and its end's. */
        boolean sameStatement(Mark other) {
            return at == other.at && url.equals(other.url);
        }
    }

    /**
     * The marked copies of the stylesheets, by URL, and what each marker marks, by number; and
     * the probing copies, empty when no {@code @media} writes only through includes: marked
     * alike, with {@code , (sheaf-probe: 1)} after the query of each such {@code @media}, so
     * that it is evaluated even where its own query joined with the outer one's matches nothing.
     */
    record Marked(Map<String, String> texts, List<Mark> marks, Map<String, String> probes) {
    }

    /** Where a rule's CSS began among its parent's blocks, and whether that block is the rule's own first part. */
    record Start(int index, boolean firstPart) {
    }

    /**
     * Where libsass closes a top-level {@code @media}: before its block {@code at}, as dart-sass
     * wrote them, but with the blocks in {@code before} ahead of it: the last parts of the rules
     * around the {@code @media} left out, which libsass writes with the rules' first ones;
     * {@code leftOut} when an {@code @media} left out is there, not the end of one of the
     * outer's own query, and then {@code held} how many parts of it libsass holds in an
     * {@code @supports} around (see {@link #held(Mark, boolean)}); and after the first
     * {@code comments} of the comments written right in the {@code @media} between the block
     * before and that block, where libsass closes it between two of them.
     */
    record Break(int at, Set<Integer> before, boolean leftOut, int held, int comments) {
    }

    /**
     * A break waiting for the last parts of the rules and nested {@code @media} under way where
     * it was noted: the top-level {@code @media} it closes, and its {@link Break#before} to fill.
     */
    private record Pending(Item media, Set<Integer> before) {
    }

    /**
     * A nested {@code @media} whose evaluation is under way, reading the marked CSS: its marker
     * and inner marker, whether its end closes the outer {@code @media} (one of the outer's own
     * query), the breaks its last part goes before, and the rule marker under way where its
     * statement was reached, or null.
     */
    private record NestedMedia(Item marker, Item inside, boolean closesOuter, List<Pending> waiting, Item underWay) {
    }

    private final List<Mark> marks;
    /** Per parent block (by the order of its brace in the real CSS; -1 the stylesheet): each rule marker's place there. */
    private final Map<Integer, List<int[]>> ruleStarts = new HashMap<>();
    /** Per top-level {@code @media} (by its order among them): before which of its blocks libsass closes it. */
    private final Map<Integer, List<Break>> breaks = new HashMap<>();
    /** Per at-rule block (by the order of its brace in the real CSS): the marker of the rule whose evaluation wrote it, innermost. */
    private final Map<Integer, Mark> writers = new HashMap<>();
    /** Per nested {@code @media} block of the marked CSS: the rule marker of the evaluation its statement was reached in, innermost. */
    private final Map<Item, Item> openers = new IdentityHashMap<>();
    /**
     * The comments that start an {@code @media} copy dart-sass opened after one of the same query
     * which libsass writes as one with it (see {@link #joinsComment}): by their order among the
     * comments standing directly in a top-level {@code @media}, with their text.
     */
    private final Map<Integer, String> joinedComments = new HashMap<>();
    /**
     * How many comments stand directly in a top-level {@code @media} (or one in a top-level
     * {@code @supports}) of the marked CSS: the count {@link #joinedComments} numbers them in,
     * which the caller's count of the real CSS's must match for the numbers to name the same.
     */
    private int mediaComments;
    /**
     * Each {@code @supports} kept standing right in an {@code @media} libsass closes around one
     * nested in it, in their order in the CSS, which numbers them for {@link #heldInSupports}.
     * libsass closes no such {@code @supports} around an {@code @media} left out in it, but
     * holds it among the {@code @supports}'s items.
     */
    private final List<Item> supportsInMedia = new ArrayList<>();
    /**
     * Per {@code @supports} of {@link #supportsInMedia}, by its place there: before which of its
     * blocks (its block count: at its end) an {@code @media} dart-sass left out was reached,
     * once for each, in order.
     */
    private final Map<Integer, List<Held>> heldInSupports = new HashMap<>();
    /** Each kept {@code @supports} at the top level, in their order in the CSS, which numbers them for {@link #heldInTopSupports}. */
    private final List<Item> topSupports = new ArrayList<>();
    /**
     * Per {@code @supports} of {@link #topSupports}, by its place there: before which of its
     * blocks an {@code @media} dart-sass left out was reached inside an {@code @media} of the
     * {@code @supports} that wrote nothing at all, once for each, in order.
     */
    private final Map<Integer, List<Held>> heldInTopSupports = new HashMap<>();
    /** The markers of the nested {@code @media} whose evaluation wrote something, an {@code @media} of its own. */
    private final Set<Item> writtenMedia = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Each {@code @media} left out whose marker stands in an {@code @media} copy right in a
     * top-level {@code @supports} that holds nothing else kept, in the order reached; noted in
     * {@link #heldInTopSupports} once all markers are read, where that copy wrote nothing at all.
     */
    private final List<Unwritten> unwritten = new ArrayList<>();

    private Evaluation(List<Mark> marks) {
        this.marks = marks;
    }

    /**
     * The stylesheets with their markers. {@code stylesheets} are the SCSS ones the compilation
     * read, by URL, each as the compiler read it.
     */
    static Marked marked(Map<String, String> stylesheets) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> probes = new LinkedHashMap<>();
        List<Mark> marks = new ArrayList<>();
        stylesheets.forEach((url, source) -> {
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".css")) {
                return;
            }
            boolean indented = ScssOutline.indented(url);
            TreeMap<Integer, StringBuilder> inserted = new TreeMap<>();
            TreeMap<Integer, String> probing = new TreeMap<>();
            // per open block: its statement start for a style rule, -1 for other blocks; the
            // statement start for an @media nested in a block, -1 for other blocks; the white
            // space its lines start with (the indented syntax)
            ArrayDeque<Integer> rules = new ArrayDeque<>();
            ArrayDeque<Integer> nested = new ArrayDeque<>();
            ArrayDeque<String> insides = new ArrayDeque<>();
            // per open block: whether it is or stands in a mixin's definition (@mixin, or = in the indented syntax)
            ArrayDeque<Boolean> inMixin = new ArrayDeque<>();
            ScssOutline.Statements marking = new ScssOutline.Statements() {
                /**
                 * Inserts the next marker at {@code at}, between {@code before} and
                 * {@code after}, marking the statement at {@code start} as {@code kind}.
                 */
                private void mark(int at, String before, String after, int start, Kind kind) {
                    insert(inserted, at, before + marker(marks.size()) + after);
                    marks.add(new Mark(url, start, kind));
                }

                /** {@link #mark}s the statement as the first thing in its block, which opens at {@code brace}. */
                private void markFirst(int brace, String inside, int start, Kind kind) {
                    mark(brace + 1, indented ? inside : "", indented ? "\n" : "", start, kind);
                }

                @Override
                public void opens(int start, int brace) {
                    if (start < 0) {
                        rules.push(-1);
                        nested.push(-1);
                        insides.push("");
                        inMixin.push(false);
                        return;
                    }
                    String inside = indented ? childIndent(source, brace) : "";
                    String prelude = source.substring(start, brace).strip();
                    boolean media = prelude.startsWith("@media") && !rules.isEmpty();
                    boolean rule = isStyleRule(prelude) && !(indented && (prelude.startsWith("+") || prelude.startsWith("=")));
                    if (media) {
                        MediaText text = mediaText(source, start, brace, indented);
                        int lineStart = indented ? ScssOutline.lineStart(source, start) : start;
                        int reached = marks.size();
                        insert(inserted, lineStart, markersBefore(reached, indented, source.substring(lineStart, start), inside));
                        marks.add(new Mark(url, start, Kind.REACHED));
                        marks.add(new Mark(url, start, Kind.MEDIA, text.writes() > 0, text.writes() == 2, text.writingMedia(),
                                text.writingMediaInRule()));
                        if (text.writes() == 2) {
                            probing.put(brace, PROBE);
                        }
                        // named by its evaluation, as the markers before it are
                        insert(inserted, brace + 1, (indented ? inside : "")
                                + marker(marks.size(), "$" + REACHED_VARIABLE + reached) + (indented ? "\n" : ""));
                        marks.add(new Mark(url, start, Kind.INSIDE));
                    } else if (rule) {
                        markFirst(brace, inside, start, Kind.RULE);
                    } else if (rules.isEmpty() && prelude.startsWith("@media")) {
                        // each run of a top-level @media starts with its marker, so that two of
                        // its copies are told apart from one run's
                        markFirst(brace, inside, start, Kind.OPEN);
                    }
                    rules.push(rule && !prelude.startsWith("@media") ? start : -1);
                    nested.push(media ? start : -1);
                    insides.push(inside);
                    inMixin.push(prelude.startsWith("@mixin") || indented && prelude.startsWith("=")
                            || Boolean.TRUE.equals(inMixin.peek()));
                }

                @Override
                public void ends(int start, int end) {
                }

                @Override
                public void closes(int brace) {
                    Integer rule = rules.poll();
                    Integer media = nested.poll();
                    String inside = insides.poll();
                    boolean mixin = Boolean.TRUE.equals(inMixin.poll());
                    // in SCSS after an empty statement, so that no value runs on into the marker;
                    // in the indented syntax a line of its own, at the end of the block's lines
                    String before = indented ? (brace == source.length() && !source.endsWith("\n") ? "\n" : "") + inside : ";";
                    String after = indented ? "\n" : "";
                    if (media != null && media >= 0) {
                        mark(brace, before, after, media, Kind.MEDIA_END);
                        // a comment goes into the block of the rule being written, which may
                        // stand before what the @media wrote last; a rule of the parent's
                        // selector goes after it, where what follows the @media goes too. Where
                        // no rule stands around it in a mixin's text, one may where the mixin is
                        // included: a rule of a selector of its own goes where what follows the
                        // @media goes then, and is written nowhere (a rule left empty) where none does
                        String selector = rules.stream().anyMatch(start -> start >= 0) ? "&" : mixin ? AFTER_RULE : null;
                        if (selector != null && !indented) {
                            mark(brace, selector + " {", "}", media, Kind.AFTER);
                        } else if (selector != null) {
                            String indent = source.substring(ScssOutline.lineStart(source, media), media);
                            mark(brace, inside + selector + "\n" + inside + deeper(inside, indent), "\n", media, Kind.AFTER);
                        }
                    }
                    if (rule != null && rule >= 0) {
                        mark(brace, before, after, rule, Kind.END);
                    }
                }
            };
            ScssOutline.walk(source, indented, marking);
            texts.put(url, inserted(source, inserted, Map.of()));
            if (!probing.isEmpty()) {
                probes.put(url, inserted(source, inserted, probing));
            }
        });
        if (!probes.isEmpty()) {
            texts.forEach(probes::putIfAbsent);
        }
        return new Marked(texts, List.copyOf(marks), probes);
    }

    /** The source with the text of each insertion at its offset, and {@code before} each one's text before it. */
    private static String inserted(String source, TreeMap<Integer, StringBuilder> inserted, Map<Integer, String> before) {
        TreeMap<Integer, String> all = new TreeMap<>(before);
        inserted.forEach((at, text) -> all.merge(at, text.toString(), String::concat));
        return withInsertions(source, all);
    }

    /** The source with the text of each insertion at its offset. */
    static String withInsertions(String source, SortedMap<Integer, String> insertions) {
        StringBuilder text = new StringBuilder(source.length() + insertions.size() * 24);
        int from = 0;
        for (Map.Entry<Integer, String> insert : insertions.entrySet()) {
            text.append(source, from, insert.getKey()).append(insert.getValue());
            from = insert.getKey();
        }
        return text.append(source, from, source.length()).toString();
    }

    private static void insert(TreeMap<Integer, StringBuilder> inserted, int at, String text) {
        inserted.computeIfAbsent(at, k -> new StringBuilder()).append(text);
    }

    /**
     * What goes before a nested {@code @media}, whose {@link Kind#REACHED} mark is numbered
     * {@code reached} and its {@link Kind#MEDIA} mark the next: a variable naming each of its
     * evaluations, a {@code unique-id()}; the {@code @media}'s marker, which goes into the block
     * of the rule being written, which may stand before what was written since; and the
     * {@code REACHED} marker in {@code @at-root}, which goes after all that; both name the
     * evaluation (see {@link #reached}). In the {@code indented} syntax as lines indented by
     * {@code indent}, the {@code @media}'s, in a block whose lines are indented by {@code inside}.
     */
    private static String markersBefore(int reached, boolean indented, String indent, String inside) {
        String evaluation = "$" + REACHED_VARIABLE + reached;
        if (!indented) {
            return evaluation + ": unique-id(); " + marker(reached + 1, evaluation)
                    + " @at-root {" + marker(reached, evaluation) + "} ";
        }
        return indent + evaluation + ": unique-id()\n"
                + indent + marker(reached + 1, evaluation) + "\n" + indent + "@at-root\n"
                + indent + deeper(inside, indent) + marker(reached, evaluation) + "\n";
    }

    /**
     * What a line of the indented syntax is indented by more than its block's first line: the
     * {@code inside} of the block beyond the block's {@code indent}, or two spaces where that is none.
     */
    private static String deeper(String inside, String indent) {
        return inside.length() > indent.length() && inside.startsWith(indent) ? inside.substring(indent.length()) : "  ";
    }

    /** The white space the first line after the line break at {@code lineBreak} that is not blank starts with. */
    private static String childIndent(String source, int lineBreak) {
        int line = lineBreak + 1;
        while (line < source.length()) {
            if (!ScssOutline.isBlankLine(source, line)) {
                return source.substring(line, line + ScssOutline.indentOfLine(source, line));
            }
            line = ScssOutline.lineEnd(source, line) + 1;
        }
        return "";
    }

    private static String marker(int number) {
        return MARK + number + "*/";
    }

    /** The marker numbered {@code number}, naming the evaluation by the value of the {@code variable}. */
    private static String marker(int number, String variable) {
        return MARK + number + ":#{" + variable + "}*/";
    }

    /** Whether a block's prelude is a style rule's selector: not an at-rule, and not a nested property ({@code font: {}). */
    private static boolean isStyleRule(String prelude) {
        return !prelude.isEmpty() && !prelude.startsWith("@") && !prelude.endsWith(":")
                && !NESTED_PROPERTY.matcher(prelude).matches();
    }

    /**
     * Whether the statement's text (stripped) is a declaration, which writes: not an at-rule,
     * a variable or (in the indented syntax) an include.
     */
    private static boolean isDeclaration(String text, boolean indented) {
        return !text.startsWith("@") && !text.startsWith("$") && !(indented && text.startsWith("+")) && text.indexOf(':') > 0;
    }

    /**
     * What an {@code @media} nested in a block writes, read from its text: {@code writes} 1
     * where it holds a declaration or a comment, 2 where it holds only includes or
     * {@code @content}, 0 where it holds none of them; {@code writingMedia} how many
     * parts of the {@code @media}, itself and those nested in it, hold a declaration or a comment:
     * libsass parts each around the {@code @media} nested in it, or after the rule (of the
     * {@code @media}'s own text) that holds one, so each run of its text between them is a part,
     * an {@code @media} in control flow counted as nothing, as it may run not at all (0 exactly
     * where {@code writes} is not 1);
     * {@code writingMediaInRule} how many of those {@code @media} hold such a part.
     */
    private record MediaText(int writes, int writingMedia, int writingMediaInRule) {
    }

    /**
     * The {@link MediaText} of the block whose prelude starts at {@code start} and whose brace
     * (in the indented syntax, the line break ending its first line) is at {@code brace}, read in
     * one walk of its text; one that writes where its end cannot be found.
     */
    private static MediaText mediaText(String source, int start, int brace, boolean indented) {
        int[] body = indented ? SplitRules.indented(source, start) : SplitRules.braces(source, brace);
        if (body == null) {
            return new MediaText(1, 1, 1);
        }
        MediaWalk walk = new MediaWalk(source.substring(body[0] + 1, body[1]), indented);
        ScssOutline.walk(walk.inside, indented, walk);
        walk.all.forEach(MediaRuns::endRun);
        int writing = walk.all.stream().mapToInt(runs -> runs.runsThatWrote).sum();
        int writingInRule = (int) walk.all.stream().filter(runs -> runs.runsThatWrote > 0).count();
        return new MediaText(writing > 0 ? 1 : walk.includes ? 2 : 0, writing, writingInRule);
    }

    /**
     * The runs of one {@code @media}'s own text, counted as libsass parts it: the current run,
     * and those that ended having written something.
     */
    private static final class MediaRuns {
        /** Whether the run under way holds a declaration or a comment. */
        private boolean runWrites;
        /** How many runs ended that held a declaration or a comment. */
        private int runsThatWrote;
        /**
         * Whether the run under way ends with the style rule under way, as an {@code @media}
         * nested in that rule bubbles out after it.
         */
        private boolean endsWithRule;

        /** Counts the run that ends here when it wrote, and starts the next. */
        void endRun() {
            runsThatWrote += runWrites ? 1 : 0;
            runWrites = false;
            endsWithRule = false;
        }
    }

    /**
     * A block open in the walk of an {@code @media}'s text.
     *
     * @param media     the {@code @media} it is or stands in
     * @param inRule    whether it is or stands in a style rule inside that {@code @media}
     * @param inControl whether it is in control flow, which may run an {@code @media} nested
     *                  there not at all or more than once: such an {@code @media} is not counted,
     *                  nor does it part the one around
     */
    private record OpenBlock(MediaRuns media, boolean inRule, boolean inControl) {
    }

    /**
     * The walk of an {@code @media}'s text ({@link #inside}) that counts the runs of it and of
     * each {@code @media} nested in it ({@link #all}), and notes whether it holds includes or
     * {@code @content}.
     */
    private static final class MediaWalk implements ScssOutline.Statements {
        private final String inside;
        private final boolean indented;
        /** Every {@code @media} counted, the outer one first. */
        private final List<MediaRuns> all = new ArrayList<>();
        /** Per open block, innermost first; the outer {@code @media} last. */
        private final ArrayDeque<OpenBlock> open = new ArrayDeque<>();
        /** Whether the text holds an include or {@code @content}. */
        private boolean includes;

        MediaWalk(String inside, boolean indented) {
            this.inside = inside;
            this.indented = indented;
            MediaRuns outer = new MediaRuns();
            all.add(outer);
            open.push(new OpenBlock(outer, false, false));
        }

        @Override
        public void comment(int at) {
            open.peek().media().runWrites = true;
        }

        @Override
        public void opens(int start, int brace) {
            String prelude = inside.substring(start, brace).strip();
            OpenBlock around = open.peek();
            if (prelude.startsWith("@media") && around.inControl()) {
                open.push(new OpenBlock(new MediaRuns(), false, true));
            } else if (prelude.startsWith("@media")) {
                // libsass parts the @media around one nested in it, what follows a run of
                // its own; one in a rule bubbles out after the rule (its declarations all
                // one part), so there the run ends with the rule
                if (around.inRule()) {
                    around.media().endsWithRule = true;
                } else {
                    around.media().endRun();
                }
                MediaRuns nested = new MediaRuns();
                all.add(nested);
                open.push(new OpenBlock(nested, false, false));
            } else {
                open.push(new OpenBlock(around.media(), around.inRule() || !prelude.startsWith("@"),
                        around.inControl() || MediaBreaks.CONTROL.matcher(prelude).lookingAt()));
            }
        }

        @Override
        public void ends(int start, int end) {
            String text = inside.substring(start, end).strip();
            if (isDeclaration(text, indented)) {
                open.peek().media().runWrites = true;
            } else if (text.startsWith("@include") || text.startsWith("@content") || indented && text.startsWith("+")) {
                includes = true;
            }
        }

        @Override
        public void closes(int brace) {
            if (open.size() > 1) {
                OpenBlock closed = open.pop();
                OpenBlock around = open.peek();
                if (closed.media() == around.media() && closed.inRule() && !around.inRule() && closed.media().endsWithRule) {
                    closed.media().endRun();
                }
            }
        }
    }

    /**
     * What the marked compilation wrote, read against the real CSS; null when the two do not
     * have the same blocks, one for one, once the markers are taken out.
     *
     * @param markedCss dart-sass's expanded CSS of the marked copy
     * @param marked    the copy's markers
     * @param css       dart-sass's expanded CSS of the stylesheets themselves, as changed so far
     *                  without moving a block
     */
    static Evaluation read(String markedCss, Marked marked, String css) {
        return read(markedCss, marked, css, () -> null);
    }

    /**
     * {@link #read(String, Marked, String)}, with {@code probed} giving dart-sass's CSS of the
     * probing copy ({@link Marked#probes}), or null: asked only when an {@code @media} that
     * writes only through includes was left out, to tell whether they wrote anything.
     */
    static Evaluation read(String markedCss, Marked marked, String css, Supplier<String> probed) {
        Item markedTop = Item.parse(markedCss);
        Item realTop = Item.parse(css);
        if (markedTop == null || realTop == null) {
            return null;
        }
        markedTop.strip();
        markedTop.joinPartsAroundReached(marked.marks());
        markedTop.joinMarkerCopies(marked.marks());
        // where the copies of a nested @media were joined too, the blocks must also be the same
        // blocks: dart-sass may have written in those copies what the CSS holds elsewhere
        if (!markedTop.alike(realTop) && !(markedTop.joinedAroundMarkerCopies(marked.marks()) && markedTop.alike(realTop)
                && markedTop.sameHeads(realTop))) {
            return null;
        }
        Evaluation evaluation = new Evaluation(marked.marks());
        evaluation.collectSupportsInMedia(markedTop, markedTop);
        markedTop.children.stream().filter(child -> child.block && child.kept && child.prelude.startsWith("@supports"))
                .forEach(evaluation.topSupports::add);
        int[] preorder = {0};
        markedTop.number(preorder);
        List<Item> markers = new ArrayList<>();
        markedTop.markers(markers);
        Map<Integer, List<Item>> byMark = markers.stream().collect(Collectors.groupingBy(item -> item.mark));
        // the rule markers of the evaluations under way, and the breaks each one's last part goes before
        ArrayDeque<Item> open = new ArrayDeque<>();
        Map<Item, List<Pending>> waiting = new IdentityHashMap<>();
        // the nested @media under way, innermost first, and those an outer one's end passed over
        ArrayDeque<NestedMedia> nested = new ArrayDeque<>();
        Set<NestedMedia> outlived = Collections.newSetFromMap(new IdentityHashMap<>());
        // each marker's place among the markers, and among its mark's (the evaluation it stands for)
        Map<Item, Integer> positions = new IdentityHashMap<>();
        Map<Item, Integer> evaluationOf = new IdentityHashMap<>();
        // each outer marker's run of evaluations a loop wrote in one block (see insideMarker)
        Map<Item, Run> runs = new IdentityHashMap<>();
        for (int m = 0; m < markers.size(); m++) {
            positions.put(markers.get(m), m);
        }
        for (List<Item> ofMark : byMark.values()) {
            for (int k = 0; k < ofMark.size(); k++) {
                evaluationOf.put(ofMark.get(k), k);
            }
        }
        Map<Integer, Integer> mediaEnds = mediaEnds(evaluation.marks);
        Map<String, Item> reachedMarkers = new HashMap<>();
        for (Item marker : markers) {
            if (marker.evaluation != null && marker.mark < evaluation.marks.size()
                    && evaluation.marks.get(marker.mark).kind() == Kind.REACHED) {
                reachedMarkers.put(marker.evaluation, marker);
            }
        }
        // what each @media's evaluations wrote, probed
        Map<Integer, List<Boolean>>[] wrote = new Map[1];
        for (int m = 0; m < markers.size(); m++) {
            Item marker = markers.get(m);
            if (marker.mark >= evaluation.marks.size()) {
                return null;
            }
            Mark mark = evaluation.marks.get(marker.mark);
            if (mark.kind() == Kind.RULE) {
                evaluation.ruleStart(marker);
                open.push(marker);
            } else if (mark.kind() == Kind.END) {
                // a rule's declarations after an @media it wrote anew go back into its block
                // before that @media, so its end may come before what it nested
                Item started = removed(open, item -> evaluation.marks.get(item.mark).sameStatement(mark));
                if (started == null) {
                    continue;
                }
                putBefore(waiting.getOrDefault(started, List.of()), started.parent, marker.parent);
            } else if (mark.kind() == Kind.MEDIA) {
                int evaluationIndex = evaluationOf.get(marker);
                Item insideMarker = insideMarker(markers, byMark, positions, runs, m, evaluationIndex,
                        () -> evaluatedApart(nested, byMark, evaluationOf, positions, evaluation.marks, mediaEnds));
                boolean written = insideMarker != null;
                // an @media of the outer's own query: dart-sass opens it anew and goes on in it
                // after the nested one ends, where libsass closes it there too
                Item outer = topOf(marker, markedTop);
                Item inner = written ? topOf(insideMarker, markedTop) : null;
                boolean own = outer != null && inner != null && inner != outer && inner.prelude.equals(outer.prelude);
                if (written) {
                    evaluation.writtenMedia.add(marker);
                    Item underWay = pairs(marker, insideMarker) ? underWay(open, nested, positions, m) : open.peek();
                    nested.push(new NestedMedia(marker, insideMarker, own && mark.writes(), new ArrayList<>(), underWay));
                    evaluation.openedIn(insideMarker, underWay);
                }
                boolean writes = mark.writes();
                if (writes && !written && mark.throughIncludes()) {
                    if (wrote[0] == null) {
                        wrote[0] = wrote(probed.get(), evaluation.marks);
                    }
                    List<Boolean> probe = wrote[0].getOrDefault(marker.mark + 1, List.of());
                    writes = evaluationIndex >= probe.size() || probe.get(evaluationIndex);
                }
                if (writes && !written) {
                    Item reached = reached(marker, reachedMarkers, markedTop);
                    evaluation.pending(evaluation.leftOut(reached != null ? reached : marker, markedTop, false, open), open,
                            waiting, nested);
                }
            } else if (mark.kind() == Kind.MEDIA_END) {
                NestedMedia started = ended(nested, marker, markedTop, evaluation.marks, outlived);
                if (started == null) {
                    continue;
                }
                // the copy of the rule around the @media that holds the rule's declarations in
                // it, which libsass writes where the @media starts
                putBefore(started.waiting(), null, marker.parent);
                putBefore(started.waiting(), ruleCopies(started.inside(), marker, evaluation.marks));
                if (started.closesOuter()) {
                    Item after = outlived.contains(started) ? nextAfter(byMark, positions, marker, evaluation.marks)
                            : afterMarker(byMark, evaluationOf, positions, marker, started.inside(), evaluation.marks);
                    // a rule that marks what follows in a copy of its own, which nothing else
                    // went into, tells nothing: then the end's own marker does
                    Pending ended = after == null ? null : evaluation.leftOut(after, markedTop, true, open);
                    evaluation.pending(ended != null ? ended : evaluation.leftOut(marker, markedTop, true, open), open, waiting,
                            nested);
                }
            }
        }
        evaluation.holdUnwritten();
        evaluation.writers(markedTop, new ArrayDeque<>());
        evaluation.commentJoins(markedTop);
        return evaluation;
    }

    /**
     * Where evaluation reached the nested {@code @media} of the {@code marker} ({@link Kind#MEDIA})
     * among the blocks written so far: the {@link Kind#REACHED} marker of the same evaluation,
     * when it stands right in an {@code @media} libsass closes around one nested in it; null
     * otherwise, and then the {@code @media}'s own marker tells. That marker, a comment, goes
     * into the block of the innermost rule being written, which dart-sass may have written
     * before blocks written since (a copy of an {@code @media} nested in the rule, or what a
     * mixin nested in it), while the one in {@code @at-root} goes after all of them: into the
     * copy of the {@code @media} around written last, or one opened for it after them, that the
     * next block goes into too ({@link Item#joinMarkerCopies}). The two are paired by the
     * name both give their evaluation, a {@code unique-id()} ({@code reachedMarkers} holds each
     * such marker by it), as neither's place among its mark's need be the order of evaluation.
     */
    private static Item reached(Item marker, Map<String, Item> reachedMarkers, Item top) {
        Item found = marker.evaluation == null ? null : reachedMarkers.get(marker.evaluation);
        return found != null && found.parent.kept && outermost(found.parent, top) ? found : null;
    }

    /**
     * The inner marker of the {@code evaluation}th evaluation of the nested {@code @media} whose
     * marker stands {@code m}th among the markers ({@code byMark} holds them by mark, in order),
     * or null when that evaluation wrote nothing (its query joined with the outer one's matching
     * nothing). Each evaluation that wrote something opened an {@code @media} of its own after
     * all that was written so far, so when every evaluation did, the inner markers stand in the
     * order of evaluation, the outer ones maybe not: a rule's part written after the
     * {@code @media} may stand before the part it was nested in. Otherwise, for evaluations a
     * loop wrote in one block, whose outer markers stand together there: they share their query
     * and the one around it, so when as many inner markers stand after the last of them and
     * before the outer marker's next evaluation elsewhere, those are theirs, in order; the
     * copies of the nested {@code @media} under way where the run stands ({@code apart}) are
     * read apart from it there (see {@link Run#of}). Failing that, an evaluation wrote something
     * where its inner marker comes before the outer marker's next evaluation.
     */
    private static Item insideMarker(List<Item> markers, Map<Integer, List<Item>> byMark, Map<Item, Integer> positions,
            Map<Item, Run> runs, int m, int evaluation, Supplier<List<int[]>> apart) {
        int mark = markers.get(m).mark;
        List<Item> outer = byMark.get(mark);
        List<Item> inner = byMark.getOrDefault(mark + 1, List.of());
        if (outer.size() == inner.size()) {
            return inner.get(evaluation);
        }
        Run run = runs.get(markers.get(m));
        if (run == null) {
            run = Run.of(markers, positions, outer, evaluation, runs, apart);
        }
        if (run.last() > run.first() && run.opened().size() == run.last() - run.first() + 1) {
            return run.opened().get(evaluation - run.first());
        }
        for (int k = m + 1; k < markers.size() && markers.get(k).mark != mark; k++) {
            if (markers.get(k).mark == mark + 1) {
                return markers.get(k);
            }
        }
        return null;
    }

    /**
     * A run of evaluations of a nested {@code @media} whose outer markers stand together in one
     * block (places {@code first} to {@code last} among the markers of their mark), and the inner
     * markers that stand after the last of them and before the outer marker's next evaluation
     * elsewhere, in order ({@code opened}; empty for a run of one). Worked out once per run, and
     * noted for each of its outer markers, since a loop's evaluations all ask for it and each
     * scan would cover the whole run.
     */
    private record Run(int first, int last, List<Item> opened) {

        /**
         * The run of the {@code evaluation}th of the {@code outer} markers ({@code markers}
         * holds every marker, at its place in {@code positions}), noted in {@code runs} for
         * each outer marker in it.
         *
         * <p>{@code apart} gives, as the places of their first and last markers, the copies of
         * the nested {@code @media} under way where the run's first marker stands, each from its
         * inner marker to where what followed its evaluation went ({@link #afterMarker}). The
         * order of the CSS is not that of evaluation there: a copy that begins before the run
         * holds it, and the run's inner markers stand before that copy's end, the evaluation
         * of the {@code @media} around it having ended there; a copy that begins after the run
         * was evaluated before it ({@code a { @media all { @include m } @include m }}, where
         * the second include writes into the rule's block before the copies the first wrote),
         * and holds none of the run's inner markers, nor an outer marker that ends the run's.
         * It is asked only of a run of more than one evaluation, most being of one.
         */
        static Run of(List<Item> markers, Map<Item, Integer> positions, List<Item> outer, int evaluation, Map<Item, Run> runs,
                Supplier<List<int[]>> apart) {
            Item parent = outer.get(evaluation).parent;
            int first = evaluation;
            int last = evaluation;
            while (first > 0 && outer.get(first - 1).parent == parent) {
                first--;
            }
            while (last + 1 < outer.size() && outer.get(last + 1).parent == parent) {
                last++;
            }
            List<Item> opened = new ArrayList<>();
            if (last > first) {
                int mark = outer.get(evaluation).mark;
                int from = positions.get(outer.get(last)) + 1;
                int end = markers.size();
                List<int[]> copies = apart.get();
                for (int[] copy : copies) {
                    if (copy[0] < from && copy[1] >= from) {
                        end = Math.min(end, copy[1]);
                    }
                }
                for (int k = from; k < end; k++) {
                    int skipTo = k;
                    for (int[] copy : copies) {
                        if (copy[0] >= from && copy[0] <= k && copy[1] >= k) {
                            skipTo = Math.max(skipTo, copy[1]);
                        }
                    }
                    if (skipTo > k) {
                        k = skipTo;
                    } else if (markers.get(k).mark == mark) {
                        break;
                    } else if (markers.get(k).mark == mark + 1) {
                        opened.add(markers.get(k));
                    }
                }
            }
            Run run = new Run(first, last, opened);
            for (int k = first; k <= last; k++) {
                runs.put(outer.get(k), run);
            }
            return run;
        }
    }

    /**
     * The marker that follows the end of the evaluation of a nested {@code @media} whose end
     * marker is {@code end} and inner marker {@code inside} ({@code evaluationOf} gives each
     * marker's place among its mark's): where what followed the
     * {@code @media} went, after all it wrote. Null when the {@code @media} has no such markers
     * (the indented syntax, or none of the stylesheet's rules around it), not one for each
     * inner one (a placeholder's rule, which is not written), or when the one of the same
     * evaluation does not follow the end marker ({@code positions} gives each marker's place)
     * before another evaluation's end: the evaluations then ended in another order than the
     * markers stand in.
     */
    private static Item afterMarker(Map<Integer, List<Item>> byMark, Map<Item, Integer> evaluationOf, Map<Item, Integer> positions,
            Item end, Item inside, List<Mark> marks) {
        Item after = afterMarker(byMark, evaluationOf, end.mark, inside, marks);
        if (after == null) {
            return null;
        }
        // a mark's markers stand in byMark in their order, so the end marker next after this
        // one is the only one that may stand between it and the marker after
        List<Item> ends = byMark.get(end.mark);
        int next = evaluationOf.get(end) + 1;
        int to = positions.get(after);
        boolean follows = to > positions.get(end) && (next == ends.size() || positions.get(ends.get(next)) > to);
        return follows ? after : null;
    }

    /**
     * The marker where what followed the evaluation of the nested {@code @media} of inner
     * marker {@code inside} went, for its end marker's mark, {@code endMark}, wherever that
     * marker stands: null only when there is no such marker, or not one for each inner one.
     */
    private static Item afterMarker(Map<Integer, List<Item>> byMark, Map<Item, Integer> evaluationOf, int endMark, Item inside,
            List<Mark> marks) {
        if (endMark + 1 >= marks.size() || marks.get(endMark + 1).kind() != Kind.AFTER) {
            return null;
        }
        List<Item> insides = byMark.getOrDefault(inside.mark, List.of());
        List<Item> afters = byMark.getOrDefault(endMark + 1, List.of());
        return afters.size() == insides.size() ? afters.get(evaluationOf.get(inside)) : null;
    }

    /**
     * The copies of the nested {@code @media} under way ({@code nested}) whose ends are marked,
     * each as the places among the markers of its inner marker and of the marker where what
     * followed its evaluation went ({@link #afterMarker}): where evaluation went while the
     * order of the CSS may say otherwise (see {@link Run#of}).
     */
    private static List<int[]> evaluatedApart(ArrayDeque<NestedMedia> nested, Map<Integer, List<Item>> byMark,
            Map<Item, Integer> evaluationOf, Map<Item, Integer> positions, List<Mark> marks, Map<Integer, Integer> mediaEnds) {
        List<int[]> apart = new ArrayList<>();
        for (NestedMedia media : nested) {
            Integer end = mediaEnds.get(media.marker().mark);
            Item after = end == null ? null : afterMarker(byMark, evaluationOf, end, media.inside(), marks);
            if (after != null) {
                apart.add(new int[] {positions.get(media.inside()), positions.get(after)});
            }
        }
        return apart;
    }

    /**
     * The number of each nested {@code @media}'s end mark, by the number of its marker's mark:
     * worked out once for the page, since {@link #evaluatedApart} asks it of every nested
     * {@code @media} under way, each time a run of evaluations is read. Each such statement has
     * one marker and one end mark, the end coming after the marker.
     */
    private static Map<Integer, Integer> mediaEnds(List<Mark> marks) {
        record Statement(String url, int at) {
        }
        Map<Statement, Integer> starts = new HashMap<>();
        Map<Integer, Integer> ends = new HashMap<>();
        for (int k = 0; k < marks.size(); k++) {
            Mark mark = marks.get(k);
            if (mark.kind() == Kind.MEDIA) {
                starts.put(new Statement(mark.url(), mark.at()), k);
            } else if (mark.kind() == Kind.MEDIA_END) {
                Integer start = starts.get(new Statement(mark.url(), mark.at()));
                if (start != null) {
                    ends.put(start, k);
                }
            }
        }
        return ends;
    }

    /**
     * Notes, for the {@code @media} block that a nested {@code @media}'s inner marker stands in,
     * the rule marker of the evaluation that was the innermost under way where its statement was
     * reached ({@link #underWay}), when there was one. dart-sass
     * writes such an {@code @media} after the block around the rule when that is an
     * {@code @media} too, where the rule's evaluation has ended, so where the block stands does
     * not tell it.
     */
    private void openedIn(Item inside, Item underWay) {
        Item media = inside.parent;
        while (media != null && !media.atRule) {
            media = media.parent;
        }
        if (media != null && media.media && media.kept && underWay != null) {
            openers.put(media, underWay);
        }
    }

    /**
     * Whether an inner marker may be the outer one's: dart-sass writes the copy of a nested
     * {@code @media} in the block around the outer marker that is neither a style rule nor an
     * {@code @media} (an {@code @supports}, or the stylesheet). Where {@link #insideMarker} paired
     * them by the order of the outer markers, which may not be that of evaluation, this tells
     * some wrong pairs.
     */
    private static boolean pairs(Item outer, Item inner) {
        Item media = inner.parent;
        while (media != null && !media.media) {
            media = media.parent;
        }
        return media != null && container(outer) == container(media);
    }

    /** The nearest block around the item that is neither a style rule nor an {@code @media}; the stylesheet at the last. */
    private static Item container(Item item) {
        Item around = item.parent;
        while (around.parent != null && (!around.atRule || around.media)) {
            around = around.parent;
        }
        return around;
    }

    /**
     * The rule marker of the innermost evaluation under way where the statement of the nested
     * {@code @media} whose marker stands {@code m}th among the markers is reached: the innermost
     * rule open ({@code open}, innermost first), or, inside the copy of a nested {@code @media}
     * under way ({@code nested}, innermost first) when no rule opened in that copy, the rule under
     * way where that one's statement was reached. dart-sass writes a rule's end marker in the
     * rule's own block, before the copies of the {@code @media} nested in it, so by the order of
     * the CSS that rule has ended there ({@code a { @media all { @include m } }} where
     * {@code m} holds an {@code @media} of its own).
     */
    private static Item underWay(ArrayDeque<Item> open, ArrayDeque<NestedMedia> nested, Map<Item, Integer> positions, int m) {
        Item innermost = open.peek();
        // the copy the marker stands in: of those under way, the one whose inner marker came last
        NestedMedia around = null;
        for (NestedMedia entry : nested) {
            int inside = positions.get(entry.inside());
            if (inside < m && (around == null || inside > positions.get(around.inside()))) {
                around = entry;
            }
        }
        if (around == null || around.underWay() == null || open.contains(around.underWay())
                || innermost != null && positions.get(innermost) > positions.get(around.inside())) {
            return innermost;
        }
        return around.underWay();
    }

    /**
     * Notes, for each at-rule block in {@code block}, the rule whose evaluation was the innermost
     * under way where it opened: {@code open} holds the rule markers under way, innermost first.
     * In an {@code @media} whose opener is known from its statement ({@link #openedIn}) that
     * rule is under way, whatever stands around the block.
     */
    private void writers(Item block, ArrayDeque<Item> open) {
        for (Item child : block.children) {
            if (child.block) {
                Item opener = openers.get(child);
                opener = open.contains(opener) ? null : opener;
                if (opener != null) {
                    open.push(opener);
                }
                if (child.atRule && child.kept && !open.isEmpty()) {
                    writers.put(child.number, marks.get(open.peek().mark));
                }
                writers(child, open);
                if (opener != null) {
                    open.remove(opener);
                }
            } else if (child.mark >= 0) {
                Mark mark = marks.get(child.mark);
                if (mark.kind() == Kind.RULE) {
                    open.push(child);
                } else if (mark.kind() == Kind.END) {
                    removed(open, item -> marks.get(item.mark).sameStatement(mark));
                }
            }
        }
    }

    /**
     * Whether the at-rule block numbered {@code block} (by the order of the braces in the real
     * CSS) opened in the evaluation of the rule at {@code at} in {@code url}, with no rule nested
     * in it under way: all that block holds is then that rule's CSS, which began before it.
     */
    boolean writtenBy(int block, String url, int at) {
        Mark writer = writers.get(block);
        return writer != null && writer.at() == at && writer.url().equals(url);
    }

    /**
     * Whether libsass writes the comment that starts a copy of a top-level {@code @media} with the
     * copy before it, in one {@code @media}: the comment is the {@code ordinal}th of the
     * {@code count} standing directly in a top-level {@code @media} (or one in a top-level
     * {@code @supports}), in the order of the CSS, and reads {@code text} (its white space aside, which the layout may have
     * restored as the stylesheet wrote it). dart-sass opens a copy for a comment whenever it
     * already wrote something after the {@code @media} it evaluates (a nested block it moved
     * out), where libsass closes an {@code @media} only around such a block. False where the
     * marked CSS holds another number of such comments: then the ordinals may not name the same.
     */
    boolean joinsComment(int ordinal, int count, String text) {
        if (count != mediaComments) {
            return false;
        }
        String joined = joinedComments.get(ordinal);
        return joined != null && withoutSpace(joined).equals(withoutSpace(text));
    }

    private static String withoutSpace(String text) {
        return WHITE_SPACE.matcher(text).replaceAll("");
    }

    /**
     * Notes each comment that starts a copy of a top-level {@code @media} (or one in a top-level
     * {@code @supports}) following a copy of the same query, where evaluation reached nothing
     * between the last thing of that copy and the comment but the starts and ends of style
     * rules: the two were then written in one run of the {@code @media}'s statement (a new run,
     * or the end of a nested {@code @media}, would have left its marker), with no nested block
     * between them and none left out.
     */
    private void commentJoins(Item top) {
        List<Item> leaves = new ArrayList<>();
        top.leaves(leaves);
        Map<Item, Integer> places = new IdentityHashMap<>();
        for (int k = 0; k < leaves.size(); k++) {
            places.put(leaves.get(k), k);
        }
        int[] ordinal = new int[1];
        commentJoins(top, leaves, places, ordinal);
        mediaComments = ordinal[0];
    }

    private void commentJoins(Item block, List<Item> leaves, Map<Item, Integer> places, int[] ordinal) {
        Item previous = null;
        for (Item child : block.children) {
            if (!child.kept) {
                continue;
            }
            if (child.media) {
                List<Item> inside = child.children.stream().filter(item -> item.kept).toList();
                for (Item item : inside) {
                    if (!item.comment) {
                        continue;
                    }
                    if (item == inside.get(0) && previous != null && previous.media
                            && previous.prelude.equals(child.prelude) && inOneRun(previous, item, leaves, places)) {
                        joinedComments.put(ordinal[0], item.text);
                    }
                    ordinal[0]++;
                }
            } else if (child.block && child.prelude.startsWith("@supports")) {
                commentJoins(child, leaves, places, ordinal);
            }
            previous = child;
        }
    }

    /**
     * Whether only markers of style rules' starts and ends stand between the last thing written
     * in the {@code @media} block {@code before} and the comment that follows it, and that last
     * thing stands in style rules there, in no other at-rule.
     */
    private boolean inOneRun(Item before, Item comment, List<Item> leaves, Map<Item, Integer> places) {
        Item last = before.lastKeptLeaf();
        if (last == null) {
            return false;
        }
        for (Item around = last.parent; around != before; around = around.parent) {
            if (around.atRule) {
                return false;
            }
        }
        for (int k = places.get(last) + 1; k < places.get(comment); k++) {
            Item leaf = leaves.get(k);
            if (leaf.mark < 0 || leaf.mark >= marks.size()
                    || marks.get(leaf.mark).kind() != Kind.RULE && marks.get(leaf.mark).kind() != Kind.END) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each {@code @media}'s inner marker, whether each of its evaluations in the probing
     * copy's CSS wrote a declaration or a comment between that marker and the one at its end, in
     * the order the CSS holds them, or wrote one in an {@code @media} nested in it, which dart-sass
     * writes after its end (the nested one's outer marker, reached between the two, names the
     * evaluation its inner marker names); empty when there is no such CSS.
     */
    private static Map<Integer, List<Boolean>> wrote(String probeCss, List<Mark> marks) {
        Map<Integer, List<Boolean>> found = new HashMap<>();
        Item top = probeCss == null ? null : Item.parse(probeCss);
        if (top == null) {
            return found;
        }
        List<Item> leaves = new ArrayList<>();
        top.leaves(leaves);
        // the evaluations under way, innermost first
        ArrayDeque<Probed> open = new ArrayDeque<>();
        // per evaluation of a nested @media reached in those under way: the evaluations it writes for too
        Map<String, List<Probed>> reachedIn = new HashMap<>();
        for (Item leaf : leaves) {
            if (leaf.mark < 0) {
                open.forEach(entry -> entry.wrote(found));
            } else if (leaf.mark < marks.size() && marks.get(leaf.mark).kind() == Kind.MEDIA) {
                if (leaf.evaluation != null && !open.isEmpty()) {
                    reachedIn.put(leaf.evaluation, List.copyOf(open));
                }
            } else if (leaf.mark < marks.size() && marks.get(leaf.mark).kind() == Kind.INSIDE) {
                found.computeIfAbsent(leaf.mark, k -> new ArrayList<>()).add(false);
                open.push(new Probed(leaf.mark, found.get(leaf.mark).size() - 1,
                        leaf.evaluation == null ? List.of() : reachedIn.getOrDefault(leaf.evaluation, List.of())));
            } else if (leaf.mark < marks.size() && marks.get(leaf.mark).kind() == Kind.MEDIA_END) {
                Mark end = marks.get(leaf.mark);
                removed(open, entry -> marks.get(entry.inside).sameStatement(end));
            }
        }
        return found;
    }

    /**
     * An evaluation of an {@code @media} in the probing copy ({@link #wrote}): its inner marker's
     * number, its place among that marker's evaluations, and the evaluations under way where it
     * was reached, for which what it writes counts too.
     */
    private record Probed(int inside, int index, List<Probed> around) {
        /** Notes in {@code found} that this evaluation, and those around it, wrote something. */
        void wrote(Map<Integer, List<Boolean>> found) {
            found.get(inside).set(index, true);
            around.forEach(outer -> outer.wrote(found));
        }
    }

    /** Notes where the rule whose marker this is began, among its parent's blocks. */
    private void ruleStart(Item marker) {
        Item rule = marker.parent;
        Item parent = rule == null ? null : rule.parent;
        if (parent == null || !parent.kept || rule.parent == null) {
            return;
        }
        ruleStarts.computeIfAbsent(parent.number, k -> new ArrayList<>())
                .add(new int[] {parent.keptBlocksBefore(rule), rule.kept ? 1 : 0, marker.mark});
    }

    /**
     * The nested {@code @media} under way that the end {@code marker} ({@link Kind#MEDIA_END})
     * ends, taken off: of its statement, the one whose inner marker stands in the top-level
     * {@code @media} the end stands in, else the innermost. An {@code @media} of a mixin whose
     * {@code @content} includes the mixin again is nested in another of the same statement, and
     * where both have the same query dart-sass writes the inner one's end in an {@code @media} of
     * its own, after the outer one's end, which stays in the outer {@code @media}: each inner one
     * of the statement that an outer one's end so passes over is noted in {@code outlived}.
     */
    private static NestedMedia ended(ArrayDeque<NestedMedia> nested, Item marker, Item top, List<Mark> marks,
            Set<NestedMedia> outlived) {
        Mark mark = marks.get(marker.mark);
        Item around = topOf(marker, top);
        List<NestedMedia> inner = new ArrayList<>();
        for (NestedMedia entry : nested) {
            if (!marks.get(entry.marker().mark).sameStatement(mark)) {
                continue;
            }
            if (around != null && topOf(entry.inside(), top) == around) {
                nested.remove(entry);
                outlived.addAll(inner);
                return entry;
            }
            inner.add(entry);
        }
        return removed(nested, entry -> marks.get(entry.marker().mark).sameStatement(mark));
    }

    /**
     * The first marker of the {@link Kind#AFTER} mark of the end marker {@code end} that follows
     * it ({@code positions} gives each marker's place): where what followed a
     * nested {@code @media} went whose end came after that of an outer one of its statement
     * ({@link #ended}), which the order of the markers of each mark does not pair; null when none
     * follows before the next end marker of the mark.
     */
    private static Item nextAfter(Map<Integer, List<Item>> byMark, Map<Item, Integer> positions, Item end,
            List<Mark> marks) {
        if (end.mark + 1 >= marks.size() || marks.get(end.mark + 1).kind() != Kind.AFTER) {
            return null;
        }
        int from = positions.get(end);
        int to = byMark.get(end.mark).stream().mapToInt(positions::get).filter(at -> at > from).min()
                .orElse(Integer.MAX_VALUE);
        return byMark.getOrDefault(end.mark + 1, List.of()).stream()
                .filter(after -> positions.get(after) > from && positions.get(after) < to).findFirst().orElse(null);
    }

    /** The innermost entry under way that fits, taken off; null when none does. */
    private static <T> T removed(ArrayDeque<T> under, java.util.function.Predicate<T> fits) {
        for (java.util.Iterator<T> entries = under.iterator(); entries.hasNext();) {
            T entry = entries.next();
            if (fits.test(entry)) {
                entries.remove();
                return entry;
            }
        }
        return null;
    }

    /**
     * Has the rules and the nested {@code @media} under way put their last parts before the
     * break, as libsass writes a rule's declarations before what is nested in it.
     */
    private void pending(Pending pending, ArrayDeque<Item> open, Map<Item, List<Pending>> waiting,
            ArrayDeque<NestedMedia> nested) {
        if (pending != null) {
            for (Item rule : open) {
                waiting.computeIfAbsent(rule, k -> new ArrayList<>()).add(pending);
            }
            for (NestedMedia media : nested) {
                media.waiting().add(pending);
            }
        }
    }

    /**
     * Puts the block {@code part}, where a rule's or a nested {@code @media}'s evaluation ended,
     * before each break pending on it that closes the top-level {@code @media} it stands in, and
     * with it the rule's parts from {@code first}, the block its evaluation began in (null for an
     * {@code @media}).
     */
    private static void putBefore(List<Pending> pendings, Item first, Item part) {
        if (part == null || !part.kept || pendings.isEmpty()) {
            return;
        }
        List<Item> parts = new ArrayList<>(earlierParts(first, part));
        parts.add(part);
        putBefore(pendings, parts);
    }

    /** Puts the blocks {@code parts} before each break pending that closes the {@code @media} they stand in. */
    private static void putBefore(List<Pending> pendings, List<Item> parts) {
        for (Pending pending : pendings) {
            for (Item put : parts) {
                if (put.parent == pending.media()) {
                    pending.before().add(pending.media().keptBlocksBefore(put));
                }
            }
        }
    }

    /**
     * The copies of the rule around a nested {@code @media} that its evaluation wrote, from the
     * block its inner marker {@code inside} stands in to the one its end marker {@code end}
     * stands in, which libsass writes as one where the {@code @media} starts: dart-sass writes
     * a comment after a rule nested there into a copy of its own. Those the blocks kept, of the
     * same selector, but no rule of its own ({@code & { }}, which starts with its marker); none
     * where the {@code @media} stands in no rule, or its end in another block.
     */
    private static List<Item> ruleCopies(Item inside, Item end, List<Mark> marks) {
        Item first = inside.parent;
        if (first == null || first.atRule || first.parent == null || end.parent == null || end.parent.parent != first.parent) {
            return List.of();
        }
        // one walk of the block's items finds both ends: from the rule's block to the end's
        List<Item> copies = new ArrayList<>();
        boolean started = false;
        for (Item copy : first.parent.children) {
            started |= copy == first;
            if (started && copy.block && copy.kept && !copy.atRule && copy.prelude.equals(first.prelude)
                    && (copy == first || copy.children.isEmpty() || !copy.children.get(0).isMarkerOf(marks, Kind.RULE))) {
                copies.add(copy);
            }
            if (copy == end.parent) {
                return started ? copies : List.of();
            }
        }
        // the end's block no longer stands among them (joined into another)
        return List.of();
    }

    /**
     * The parts of a rule's evaluation before its last one, {@code part}, that stand in the same
     * block from its first, {@code first}: the copies of the rule dart-sass wrote after the
     * rules nested in it, which libsass writes with the rule's first part, before what is
     * nested. None when the first part stands elsewhere.
     */
    private static List<Item> earlierParts(Item first, Item part) {
        if (first == null || first.parent != part.parent) {
            return List.of();
        }
        List<Item> siblings = part.parent.children;
        return siblings.subList(siblings.indexOf(first), siblings.indexOf(part)).stream()
                .filter(sibling -> sibling.block && sibling.kept && sibling.prelude.equals(part.prelude)).toList();
    }

    /**
     * The {@code @media} the item stands in that libsass closes around one nested in it (one at
     * the top level, or in an {@code @supports} there), or null.
     */
    private static Item topOf(Item item, Item top) {
        for (Item around = item.parent; around != null; around = around.parent) {
            if (outermost(around, top)) {
                return around;
            }
        }
        return null;
    }

    /**
     * Notes, for an {@code @media} inside a top-level one that libsass closes the outer one
     * around (one dart-sass left out, or the end of one of the outer's own query), where
     * it does so; gives the top-level {@code @media} and the break's set of blocks before it, to
     * be filled, or null. The marker stands where the nested one starts, or with {@code end}
     * where it ends, the block holding it then going before the break. {@code open} holds the
     * markers of the rules under way, innermost first.
     */
    private Pending leftOut(Item marker, Item top, boolean end, ArrayDeque<Item> open) {
        Item child = marker;
        while (child.parent != null && !outermost(child.parent, top)) {
            child = child.parent;
            if (child.atRule) {
                // inside @supports, say, which libsass does not close around it, but holds it
                if (!end) {
                    heldIn(child, marker, top, open);
                }
                return null;
            }
        }
        Item media = child.parent;
        if (media != null && !media.kept && !end) {
            heldInUnwritten(media, marker, top, open);
        }
        if (media == null || !media.kept) {
            return null;
        }
        int at = media.keptBlocksBefore(child) + (child != marker && child.kept && child.block ? 1 : 0);
        if (end && child != marker && !child.kept) {
            at = media.keptBlocksBefore(child);
        }
        // a marker right in the @media, or in a block that holds only markers, may stand among comments
        int comments = child == marker || !child.kept ? media.keptCommentsSinceBlock(child) : 0;
        int ordinal = ordinal(top, media, new int[1]);
        Set<Integer> before = new TreeSet<>();
        breaks.computeIfAbsent(ordinal, k -> new ArrayList<>())
                .add(new Break(at, before, !end, end ? 0 : held(leftOutMark(marker), !open.isEmpty()), comments));
        return new Pending(media, before);
    }

    /**
     * Notes an {@code @media} left out whose marker stands in the {@code @supports} right in an
     * {@code @media} libsass closes around one nested in it: before the block the marker stands
     * before there, or after the block it stands in, as libsass writes a rule's declarations
     * before what is nested in it. {@code around} is the at-rule block nearest the marker, and
     * {@code open} the markers of the rules under way, innermost first; the
     * marker may stand in an {@code @media} that wrote nothing else (its only content left out),
     * which libsass writes nothing for, holding each one left out in it all the same.
     */
    private void heldIn(Item around, Item marker, Item top, ArrayDeque<Item> open) {
        Item supports = around;
        while (supports.media && !supports.kept && supports.parent != null) {
            supports = supports.parent;
        }
        if (!supports.kept || !supports.prelude.startsWith("@supports") || !outermost(supports.parent, top)) {
            return;
        }
        Item child = marker;
        while (child.parent != supports) {
            child = child.parent;
        }
        int at = supports.keptBlocksBefore(child) + (child != marker && child.kept ? 1 : 0);
        int ordinal = supportsInMedia.indexOf(supports);
        if (ordinal >= 0) {
            hold(heldInSupports, ordinal, new Held(at, begun(open)), marker, !open.isEmpty());
        }
    }

    /** The selectors of the rules whose evaluation was under way, by the blocks their markers ({@code open}) stand in. */
    private static Set<String> begun(ArrayDeque<Item> open) {
        Set<String> begun = new TreeSet<>();
        for (Item rule : open) {
            begun.add(rule.parent.prelude);
        }
        return Set.copyOf(begun);
    }

    /**
     * Notes an {@code @media} left out whose marker stands in an {@code @media} right in a
     * top-level {@code @supports} that wrote nothing at all (all it held left out, as
     * {@code print} and then {@code screen} nested in it): dart-sass writes no {@code @media}
     * there, while libsass holds each one it left out among the {@code @supports}'s items, before
     * the block that followed the outer {@code @media}. {@code media} is that outer
     * {@code @media}, {@code open} the markers of the rules under way, innermost first.
     */
    private void heldInUnwritten(Item media, Item marker, Item top, ArrayDeque<Item> open) {
        Item supports = media.parent;
        int ordinal = supports == null || supports.parent != top ? -1 : topSupports.indexOf(supports);
        if (ordinal < 0) {
            return;
        }
        unwritten.add(new Unwritten(ordinal, new Held(supports.keptBlocksBefore(media), begun(open)), media, marker,
                !open.isEmpty()));
    }

    /**
     * An {@code @media} left out, whose marker stands in the {@code media} copy right in the
     * {@code ordinal}th top-level {@code @supports}, which holds nothing else kept; reached
     * {@code inRule} or not.
     */
    private record Unwritten(int ordinal, Held at, Item media, Item marker, boolean inRule) {
    }

    /**
     * Notes in {@link #heldInTopSupports} each {@link #unwritten} one whose copy wrote nothing at
     * all: no {@code @media} nested in it wrote one of its own. Where one did, the copy held only
     * markers before dart-sass went on writing the outer {@code @media} in a copy of its own
     * query, which does not leave the outer one out.
     */
    private void holdUnwritten() {
        // several left out may stand in one copy: read each copy's markers once
        Map<Item, Boolean> wroteNothing = new IdentityHashMap<>();
        for (Unwritten left : unwritten) {
            if (wroteNothing.computeIfAbsent(left.media(), this::wroteNothing)) {
                hold(heldInTopSupports, left.ordinal(), left.at(), left.marker(), left.inRule());
            }
        }
    }

    /** Whether no {@code @media} whose marker stands in the {@code media} copy wrote one of its own. */
    private boolean wroteNothing(Item media) {
        List<Item> inside = new ArrayList<>();
        media.markers(inside);
        return inside.stream().noneMatch(writtenMedia::contains);
    }

    /**
     * How many parts libsass holds in an {@code @supports} for the {@code @media} left out whose
     * marker this is: of itself and those nested in it, each that writes something, which
     * dart-sass did not evaluate ({@link Mark#writingMedia}, or {@link Mark#writingMediaInRule}
     * where it was reached {@code inRule}); one where only its includes may write.
     */
    private static int held(Mark mark, boolean inRule) {
        return mark.throughIncludes() ? 1 : Math.max(1, inRule ? mark.writingMediaInRule() : mark.writingMedia());
    }

    /**
     * The mark of the {@code @media} left out that {@code marker} stands for: its own, or, for
     * the {@link Kind#REACHED} marker in {@code @at-root}, which tells only where evaluation
     * reached it, the {@link Kind#MEDIA} mark {@link #marked} notes right after it, which knows
     * what the {@code @media}'s text writes.
     */
    private Mark leftOutMark(Item marker) {
        Mark mark = marks.get(marker.mark);
        return mark.kind() == Kind.REACHED ? marks.get(marker.mark + 1) : mark;
    }

    /**
     * Notes {@code at} in {@code held} for the {@code ordinal}th {@code @supports}, once for each
     * part libsass holds there for the {@code @media} left out whose marker this is, reached
     * {@code inRule} or not ({@link #held(Mark, boolean)}).
     */
    private void hold(Map<Integer, List<Held>> held, int ordinal, Held at, Item marker, boolean inRule) {
        int count = held(leftOutMark(marker), inRule);
        for (int k = 0; k < count; k++) {
            held.computeIfAbsent(ordinal, n -> new ArrayList<>()).add(at);
        }
    }

    /**
     * Notes in {@link #supportsInMedia} each kept {@code @supports} right in an {@code @media}
     * libsass closes around one nested in it, in {@code block} (the whole CSS: {@code top}), in
     * their order. Done once the blocks are joined, before the markers are read, as the blocks
     * kept change no more.
     */
    private void collectSupportsInMedia(Item block, Item top) {
        for (Item child : block.children) {
            if (child.block && child.kept && (child.media || child.prelude.startsWith("@supports"))) {
                if (child.prelude.startsWith("@supports") && outermost(block, top)) {
                    supportsInMedia.add(child);
                }
                collectSupportsInMedia(child, top);
            }
        }
    }

    /**
     * Where libsass holds the {@code @media} dart-sass left out in the {@code ordinal}th
     * {@code @supports} right in an {@code @media} libsass closes around one nested in it (by
     * their order in the CSS); null when the marked CSS holds no such {@code @supports}.
     */
    HeldInSupports heldInSupports(int ordinal) {
        if (ordinal >= supportsInMedia.size()) {
            return null;
        }
        int blocks = (int) supportsInMedia.get(ordinal).children.stream().filter(inner -> inner.block && inner.kept).count();
        return new HeldInSupports(blocks, List.copyOf(heldInSupports.getOrDefault(ordinal, List.of())));
    }

    /**
     * Where libsass holds the {@code @media} dart-sass left out inside an {@code @media} that
     * wrote nothing at all, in the {@code ordinal}th top-level {@code @supports} (by their order
     * in the CSS); null when the marked CSS holds no such {@code @supports}.
     */
    HeldInSupports heldInTopSupports(int ordinal) {
        if (ordinal >= topSupports.size()) {
            return null;
        }
        int blocks = (int) topSupports.get(ordinal).children.stream().filter(inner -> inner.block && inner.kept).count();
        return new HeldInSupports(blocks, List.copyOf(heldInTopSupports.getOrDefault(ordinal, List.of())));
    }

    /**
     * The {@code blocks} an {@code @supports} holds as dart-sass wrote them, and where an
     * {@code @media} left out stood among them, once for each.
     */
    record HeldInSupports(int blocks, List<Held> held) {
    }

    /**
     * Where an {@code @media} left out stood: before the block {@code next} (by the order
     * dart-sass wrote them; the block count: at the end), in the evaluation of the rules of the
     * selectors {@code begun}, the blocks written so far being theirs. A later part of such a
     * rule, which libsass writes with the rule's first, goes before it wherever it stands.
     */
    record Held(int next, Set<String> begun) {
    }

    /**
     * Whether the block is an {@code @media} libsass closes around one nested in it: one at the
     * top level, or in an {@code @supports} there.
     */
    private static boolean outermost(Item block, Item top) {
        if (!block.media) {
            return false;
        }
        Item around = block.parent;
        while (around != null && around != top && around.prelude.startsWith("@supports")) {
            around = around.parent;
        }
        return around == top;
    }

    /**
     * The place of {@code media} among the {@code @media} kept at the top level and in the
     * {@code @supports} there, in their order; -1 when not among them.
     */
    private static int ordinal(Item parent, Item media, int[] counted) {
        for (Item child : parent.children) {
            if (child == media) {
                return counted[0];
            }
            if (child.kept && child.media) {
                counted[0]++;
            } else if (child.kept && child.prelude.startsWith("@supports")) {
                int found = ordinal(child, media, counted);
                if (found >= 0) {
                    return found;
                }
            }
        }
        return -1;
    }

    /**
     * Where the evaluation of the rule at {@code at} in {@code url} that wrote the block at
     * {@code index} among the blocks of the parent numbered {@code parent} began: the last
     * marker of that rule there before the block. Null when none is known.
     */
    Start ruleStart(int parent, int index, String url, int at) {
        Start found = lastStart(parent, index, url, at);
        // the block itself may be that evaluation's first part
        return found == null || found.firstPart() && found.index() == index ? null : found;
    }

    /**
     * Where the last evaluation of the rule at {@code at} of the stylesheet {@code url} that
     * began at or before the block {@code index} of the parent block {@code parent} began; the
     * block {@code index} itself, when it is that evaluation's first part. Null when no marker
     * of that rule stands there.
     */
    Start lastStart(int parent, int index, String url, int at) {
        Start found = null;
        for (int[] start : ruleStarts.getOrDefault(parent, List.of())) {
            Mark mark = marks.get(start[2]);
            if (start[0] <= index && mark.at() == at && mark.url().equals(url)) {
                found = new Start(start[0], start[1] == 1);
            }
        }
        return found;
    }

    /**
     * Before which of its blocks (by their order as dart-sass wrote them) libsass closes the
     * {@code ordinal}th top-level {@code @media} and opens it again.
     */
    List<Break> breaks(int ordinal) {
        return breaks.getOrDefault(ordinal, List.of());
    }

    /** A block, declaration or comment of dart-sass's expanded CSS. */
    private static final class Item {
        /**
         * The block this stands in; another copy of that block's at-rule once
         * {@link #joinMarkerCopies} or {@link #joinedAroundMarkerCopies} joins the two.
         */
        Item parent;
        final boolean block;
        final boolean media;
        /** Whether it is a comment other than a marker, and then its text. */
        boolean comment;
        String text;
        /** Whether it is a block of an at-rule, {@code @media} or another. */
        boolean atRule;
        /** A block's prelude. */
        String prelude = "";
        /** The marker's number, or -1 for anything else. */
        final int mark;
        /** What names the evaluation the marker was written in, for a nested {@code @media}'s, or null. */
        String evaluation;
        final List<Item> children = new ArrayList<>();
        /** Whether it is still there once the markers are taken out. */
        boolean kept = true;
        /** A block's place in the order of the opening braces of the blocks kept. */
        int number = -1;

        Item(Item parent, boolean block, boolean media, int mark) {
            this.parent = parent;
            this.block = block;
            this.media = media;
            this.mark = mark;
        }

        static Item parse(String css) {
            Item top = new Item(null, true, false, -1);
            Item current = top;
            int statement = 0;
            int i = 0;
            while (i < css.length()) {
                char c = css.charAt(i);
                if (c == '"' || c == '\'' || c == '/' && css.startsWith("/*", i)) {
                    int end = StaticValues.skipped(css, i);
                    if (c == '/' && css.substring(statement, i).isBlank()) {
                        int mark = -1;
                        String evaluation = null;
                        if (css.startsWith(MARK, i)) {
                            String label = css.substring(i + MARK.length(), end - 2);
                            int colon = label.indexOf(':');
                            evaluation = colon < 0 ? null : label.substring(colon + 1);
                            try {
                                mark = Integer.parseInt(colon < 0 ? label : label.substring(0, colon));
                            } catch (NumberFormatException e) {
                                mark = -1;
                            }
                        }
                        Item item = new Item(current, false, false, mark);
                        item.evaluation = evaluation;
                        item.comment = mark < 0;
                        item.text = item.comment ? css.substring(i, end) : null;
                        current.children.add(item);
                        statement = end;
                    }
                    i = end;
                    continue;
                }
                if (c == '{') {
                    String prelude = css.substring(statement, i).strip();
                    Item block = new Item(current, true, prelude.startsWith("@media"), -1);
                    block.atRule = prelude.startsWith("@");
                    block.prelude = prelude;
                    current.children.add(block);
                    current = block;
                    statement = i + 1;
                } else if (c == '}') {
                    if (!css.substring(statement, i).isBlank()) {
                        current.children.add(new Item(current, false, false, -1));
                    }
                    if (current.parent == null) {
                        return null;
                    }
                    current = current.parent;
                    statement = i + 1;
                } else if (c == ';') {
                    current.children.add(new Item(current, false, false, -1));
                    statement = i + 1;
                }
                i++;
            }
            return current == top ? top : null;
        }

        /** Takes the markers out, and the blocks they leave empty. */
        void strip() {
            boolean any = false;
            for (Item child : children) {
                if (child.block) {
                    child.strip();
                } else {
                    child.kept = child.mark < 0;
                }
                any |= child.kept;
            }
            kept = parent == null || any;
        }

        /**
         * Joins each top-level {@code @media} kept to the one of the same query before it where
         * only copies of a nested {@code @media} holding nothing but markers stand between
         * (each holds its inner or end marker), or where the later one is such a copy, of the
         * same query, in which dart-sass went on writing what followed: the nested one then
         * wrote nothing there but its markers, for which dart-sass closed the outer {@code @media}
         * and opened it again, where the CSS of the stylesheets themselves holds one. Those copies
         * and the blocks of the later {@code @media} go into the earlier, in their order.
         * Whether any were joined.
         */
        boolean joinedAroundMarkerCopies(List<Mark> marks) {
            boolean joined = false;
            for (int k = 0; k < children.size(); k++) {
                Item first = children.get(k);
                if (!first.kept || !first.media) {
                    continue;
                }
                int next = k + 1;
                while (next < children.size() && children.get(next).onlyMarkedCopy(marks)) {
                    next++;
                }
                if (next == children.size() || !children.get(next).kept || !children.get(next).media
                        || !children.get(next).prelude.equals(first.prelude)
                        || next == k + 1 && !children.get(next).opensWithMarkedCopy(marks)) {
                    continue;
                }
                List<Item> moved = new ArrayList<>(children.subList(k + 1, next));
                moved.addAll(children.get(next).children);
                first.adopt(moved);
                children.subList(k + 1, next + 1).clear();
                joined = true;
                k--;
            }
            return joined;
        }

        /**
         * Whether this is the copy of a nested {@code @media} that holds only markers, its inner
         * or end marker among them.
         */
        private boolean onlyMarkedCopy(List<Mark> marks) {
            return media && !kept && holdsMediaMarker(marks);
        }

        /**
         * Whether what this {@code @media} holds before its first item kept is the inner or end
         * marker of a nested {@code @media}, or a block holding one (the copy of the rule around it).
         */
        private boolean opensWithMarkedCopy(List<Mark> marks) {
            for (Item child : children) {
                if (child.kept) {
                    return false;
                }
                if (child.isMediaMarker(marks) || child.block && child.holdsMediaMarker(marks)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the inner or end marker of a nested {@code @media} stands directly in this block. */
        private boolean holdsMediaMarker(List<Mark> marks) {
            return children.stream().anyMatch(child -> child.isMediaMarker(marks));
        }

        /**
         * Whether this is the inner or the end marker of a nested {@code @media}, for which
         * dart-sass may have opened a copy of the {@code @media} around.
         */
        private boolean isMediaMarker(List<Mark> marks) {
            return isMarkerOf(marks, Kind.INSIDE, Kind.MEDIA_END);
        }

        /** Whether this is a marker of the kind. */
        private boolean isMarkerOf(List<Mark> marks, Kind kind) {
            return isMarkerOf(marks, kind, kind);
        }

        /** Whether this is a marker of kind {@code one} or {@code other}. */
        private boolean isMarkerOf(List<Mark> marks, Kind one, Kind other) {
            if (mark < 0 || mark >= marks.size()) {
                return false;
            }
            Kind kind = marks.get(mark).kind();
            return kind == one || kind == other;
        }

        /** Puts {@code items} at the end of this block, in their order, as items of this block. */
        private void adopt(List<Item> items) {
            for (Item item : items) {
                item.parent = this;
                children.add(item);
            }
        }

        /**
         * Whether the blocks kept of this, which {@link #alike} pairs with {@code real}'s, have
         * the same preludes as those, white space aside.
         */
        boolean sameHeads(Item real) {
            List<Item> mine = children.stream().filter(child -> child.kept && child.block).toList();
            List<Item> theirs = real.children.stream().filter(child -> child.block).toList();
            for (int k = 0; k < mine.size(); k++) {
                if (!withoutSpace(mine.get(k).prelude).equals(withoutSpace(theirs.get(k).prelude))
                        || !mine.get(k).sameHeads(theirs.get(k))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Joins, in this block and those nested in it, each part of a style rule to the part of
         * the same selector right before it where only {@link Kind#REACHED} markers stand
         * between. Such a marker, in {@code @at-root}, is written outside the rule, so dart-sass
         * writes the rule's later declarations in a copy of it after the marker, where the CSS of
         * the stylesheets themselves holds them in the part before.
         */
        void joinPartsAroundReached(List<Mark> marks) {
            for (int k = 0; k < children.size(); k++) {
                Item part = children.get(k);
                if (!part.block) {
                    continue;
                }
                int next = k + 1;
                while (next < children.size() && children.get(next).isMarkerOf(marks, Kind.REACHED)) {
                    next++;
                }
                if (!part.atRule && next > k + 1 && next < children.size() && children.get(next).laterPartOf(part, marks)) {
                    Item later = children.remove(next);
                    part.adopt(later.children);
                    part.kept |= later.kept;
                    k--;
                    continue;
                }
                part.joinPartsAroundReached(marks);
            }
        }

        /**
         * Whether this block may be a later part of the style rule whose part is {@code part}: a
         * style rule's block of the same selector that does not start with a rule's marker (a
         * rule of its own, as {@code & { }}, or another evaluation of the rule).
         */
        private boolean laterPartOf(Item part, List<Mark> marks) {
            return block && !atRule && prelude.equals(part.prelude)
                    && (children.isEmpty() || !children.get(0).isMarkerOf(marks, Kind.RULE));
        }

        /**
         * Joins each copy of a top-level {@code @media} that a marker opened to the copy of the
         * same {@code @media} before it. dart-sass opens a copy of an {@code @media} for a
         * comment written after a block that follows it, so a marker where an {@code @media}
         * left out stood, or at the end of one that wrote nothing but markers, opens one, and
         * the next block goes into it; in the real CSS, where nothing was written there, that
         * block goes into the copy before. Done once the markers are {@link #strip}ped, on the
         * stylesheet's block: the copies between the two must hold nothing kept, and the copy
         * joined must start with such a marker and hold a block first of what it keeps. Each run
         * of a top-level {@code @media} statement starts with a marker of its own, so no copy
         * that starts with another is one a statement opened (an {@code @supports} nested in
         * an {@code @media} may be, its first marker that of an {@code @media} right in it).
         * In a top-level {@code @supports} (and those right in it), a copy that a
         * {@link Kind#REACHED} marker opened is joined so too: that marker, in {@code @at-root},
         * opens a copy of each at-rule around it.
         */
        void joinMarkerCopies(List<Mark> marks) {
            joinMarkerCopies(marks, false);
        }

        /** {@link #joinMarkerCopies}, of copies opened by a {@link Kind#REACHED} marker only where {@code reachedOnly}. */
        private void joinMarkerCopies(List<Mark> marks, boolean reachedOnly) {
            Item previous = null;
            for (Item child : children) {
                if (!child.kept) {
                    continue;
                }
                if (previous != null && child.media && previous.media && previous.prelude.equals(child.prelude)
                        && child.opensForMarker(marks, reachedOnly)) {
                    previous.adopt(child.children);
                    child.children.clear();
                    child.kept = false;
                    continue;
                }
                if (child.block && child.prelude.startsWith("@supports")) {
                    child.joinMarkerCopies(marks, true);
                }
                previous = child;
            }
        }

        /**
         * Whether this block starts with the marker of an {@code @media} nested in a block (or
         * of its end; only a {@link Kind#REACHED} one where {@code reachedOnly}), and the first
         * thing kept in it is a block.
         */
        private boolean opensForMarker(List<Mark> marks, boolean reachedOnly) {
            if (children.isEmpty() || (reachedOnly || !children.get(0).isMarkerOf(marks, Kind.MEDIA, Kind.MEDIA_END))
                    && !children.get(0).isMarkerOf(marks, Kind.REACHED)) {
                return false;
            }
            Item first = children.stream().filter(child -> child.kept).findFirst().orElse(null);
            return first != null && first.block;
        }

        /** Whether what is kept of this has the blocks and items of {@code real}, one for one. */
        boolean alike(Item real) {
            List<Item> mine = children.stream().filter(child -> child.kept).toList();
            if (mine.size() != real.children.size()) {
                return false;
            }
            for (int k = 0; k < mine.size(); k++) {
                Item a = mine.get(k);
                Item b = real.children.get(k);
                if (a.block != b.block || a.media != b.media || a.block && !a.alike(b)) {
                    return false;
                }
            }
            return true;
        }

        void number(int[] next) {
            for (Item child : children) {
                if (child.block && child.kept) {
                    child.number = next[0]++;
                    child.number(next);
                }
            }
        }

        /** The declarations, comments and markers in this block and those nested in it, in order. */
        void leaves(List<Item> found) {
            for (Item child : children) {
                if (child.block) {
                    child.leaves(found);
                } else {
                    found.add(child);
                }
            }
        }

        void markers(List<Item> found) {
            for (Item child : children) {
                if (child.block) {
                    child.markers(found);
                } else if (child.mark >= 0) {
                    found.add(child);
                }
            }
        }

        /** The last declaration or comment kept in this block or those nested in it, or null. */
        Item lastKeptLeaf() {
            for (int k = children.size() - 1; k >= 0; k--) {
                Item child = children.get(k);
                Item found = !child.kept ? null : child.block ? child.lastKeptLeaf() : child;
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** How many comments kept stand in this block after its last block kept before {@code child}, and before it. */
        int keptCommentsSinceBlock(Item child) {
            int count = 0;
            for (Item sibling : children) {
                if (sibling == child) {
                    break;
                }
                if (sibling.kept && sibling.block) {
                    count = 0;
                } else if (sibling.kept && sibling.comment) {
                    count++;
                }
            }
            return count;
        }

        /** How many of this block's blocks that are kept come before {@code child}. */
        int keptBlocksBefore(Item child) {
            int count = 0;
            for (Item sibling : children) {
                if (sibling == child) {
                    return count;
                }
                if (sibling.block && sibling.kept) {
                    count++;
                }
            }
            return count;
        }
    }
}
