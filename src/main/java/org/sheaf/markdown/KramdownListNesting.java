package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's nesting of a list item at the margin after a nested list of the other kind.
 *
 * <p>kramdown gathers a list item's lines before it reads them. A line not indented to the item's
 * text that follows a line of the item is one of its lazy lines; when it starts an item of the
 * other kind of list ({@code 2. c} under {@code - a}) and the item has by then a nested list on
 * lines of its own or a blank line, kramdown puts four spaces more than the item's indentation
 * before it, and reads it so indented among the item's lines. After {@code - a} and
 * {@code   1. b}, {@code 2. c} becomes an item of a list inside {@code b}; after {@code 1. a} and
 * {@code    - b}, {@code - c} is a line of {@code b}'s text.
 *
 * <p>flexmark reads such a line as the nested list's next item, or with kramdown's own input as
 * more of a paragraph, where kramdown keeps the spaces. So the Markdown is parsed once, each such
 * line is found among the items, paragraphs, indented and fenced code and raw HTML of the tree, and the
 * text is parsed again with the spaces kramdown adds put before those lines, where flexmark's
 * kramdown rules for indented lines read them as kramdown does. A line that would nest in an item whose
 * own line gets spaces is left for the next reading, of the text with those spaces, where that
 * item is what kramdown reads. The spaces shift offsets on those lines, which
 * {@link #originalOffset} takes back.
 */
final class KramdownListNesting {
    /** A list item's marker after the white space that starts a line, bullet (1) or number (2), as kramdown finds it. */
    private static final Pattern ITEM_MARKER = Pattern.compile("[ \\t]*([-+*]|(\\d+)\\.)[ \\t|]");

    /**
     * Spaces put before the lines, by the offset in the original text where they go: where each
     * line's text starts after its quote markers, or right before its list marker after a tab.
     */
    private final TreeMap<Integer, Integer> spaces;
    private final String markdown;

    private KramdownListNesting(TreeMap<Integer, Integer> spaces, String markdown) {
        this.spaces = spaces;
        this.markdown = markdown;
    }

    /** The lines of {@code document}, parsed from {@code original}, that kramdown indents; null when none. */
    static KramdownListNesting of(Document document, String original) {
        TreeMap<Integer, Integer> spaces = new TreeMap<>();
        Map<Node, Integer> blankLines = new HashMap<>();
        BasedSequence source = document.getChars();
        for (Node node : Descendants.blocksOf(document)) {
            if (node instanceof ListItem item) {
                indent(item.getParent(), item.getOpeningMarker().getStartOffset(), item.getParent() instanceof OrderedList,
                        source, spaces, blankLines);
            } else if (node instanceof Paragraph || node instanceof IndentedCodeBlock || node instanceof HtmlBlock) {
                indentLinesOf((Block) node, 1, source, spaces, blankLines);
            } else if (node instanceof FencedCodeBlock) {
                indentLinesOf((Block) node, 0, source, spaces, blankLines);
            }
        }
        if (spaces.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(original.length() + spaces.size() * 8);
        int from = 0;
        for (var line : spaces.entrySet()) {
            text.append(original, from, line.getKey()).append(" ".repeat(line.getValue()));
            from = line.getKey();
        }
        text.append(original, from, original.length());
        return new KramdownListNesting(spaces, text.toString());
    }

    /** The Markdown with kramdown's spaces before the lines. */
    String markdown() {
        return markdown;
    }

    /** Where {@code offset} in {@link #markdown()} is in the original text. */
    int originalOffset(int offset) {
        int added = 0;
        for (var line : spaces.entrySet()) {
            int at = line.getKey() + added;
            if (offset < at + line.getValue()) {
                return offset < at ? offset - added : line.getKey();
            }
            added += line.getValue();
        }
        return offset - added;
    }

    /**
     * Puts in {@code spaces} the spaces kramdown puts before each line of {@code block} from its
     * {@code first} content line on (a paragraph's or indented code's later lines, every line of
     * fenced code) that starts a list item, as before an item's first line ({@link #indent}):
     * flexmark reads such a line as more of the paragraph where kramdown's own parser does (a list
     * interrupts no paragraph), as a lazy line of the code ({@link KramdownIndentedCode}), or as
     * a line of the fence or of raw HTML, and kramdown keeps the spaces it puts before it in the
     * block's text: the code's line stands on its own, indented by what is left of them, and raw
     * HTML writes them.
     */
    private static void indentLinesOf(Block block, int first, BasedSequence text, TreeMap<Integer, Integer> spaces,
            Map<Node, Integer> blankLines) {
        List<BasedSequence> lines = block.getContentLines();
        Matcher marker = ITEM_MARKER.matcher(text);
        for (int i = first; i < lines.size(); i++) {
            BasedSequence line = lines.get(i);
            if (marker.region(line.getStartOffset(), line.getEndOffset()).lookingAt()) {
                indent(block.getParent(), marker.start(1), marker.group(2) != null, text, spaces, blankLines);
            }
        }
    }

    /**
     * Puts in {@code spaces} the spaces kramdown puts before the line whose list marker is at
     * {@code marker} (a number when {@code ordered}), an item's first line or a paragraph's line,
     * the item or paragraph a child of {@code parent}, if any:
     * from the outermost item around it, the first that does not hold the line as its own, if
     * that item is of the other kind of list and has a nested list or a blank line by then, and
     * the line before is not blank. The items looked at are those inside the innermost block
     * quote around the line whose {@code >} the line has: the items around a quote
     * the line is a lazy line of gather the line before the quote reads it ({@code 1. 1. #},
     * {@code >}, {@code * >}: the quote's code, four spaces past the inner item's text). Columns
     * count in the text of each item's container ({@link KramdownFrames}), as kramdown reads a
     * container's lines without its markers and indentation and turns their tabs into spaces.
     */
    private static void indent(Node parent, int marker, boolean ordered, BasedSequence text,
            TreeMap<Integer, Integer> spaces, Map<Node, Integer> blankLines) {
        List<ListItem> around = new ArrayList<>();
        boolean inside = false;
        int lineStart = KramdownFrames.lineStart(text, marker);
        int lineEnd = KramdownFrames.lineEnd(text, lineStart);
        boolean lazy = text.lastIndexOf('>', marker) < lineStart;
        for (Node node = parent; node != null; node = node.getParent()) {
            if (node instanceof ListItem outer) {
                if (!inside) {
                    around.add(0, outer);
                }
            } else if (node instanceof BlockQuote) {
                inside |= !lazy || !around.isEmpty();
            } else if (!(node instanceof ListBlock) && !(node instanceof Document)) {
                return;
            }
        }
        int reached = 0;
        for (ListItem outer : around) {
            Node container = outer.getParent().getParent();
            KramdownFrames.Rest line = KramdownFrames.of(container, text, lineStart, lineEnd);
            int indentation = KramdownFrames.indentation(outer, text);
            if (line == null || indentation < 0 || line.at() > marker) {
                return;
            }
            int column = line.columnOf(text, marker);
            if (column >= indentation) {
                if (KramdownListParts.startsSecondPart(outer, text, lineStart)) {
                    // the items inside never see the line: kramdown reads it in a part of its own
                    return;
                }
                reached += indentation;
                continue;
            }
            boolean otherKind = ordered != (outer.getParent() instanceof OrderedList);
            KramdownFrames.Rest origin = KramdownFrames.of(around.get(0).getParent().getParent(), text, lineStart, lineEnd);
            if (otherKind && column <= 3
                    && !movedByNesting(outer, text, spaces)
                    && !blankBefore(container, text, lineStart)
                    && nestedListFound(outer, indentation, lineStart, text, blankLines)) {
                int added = 2 * indentation + 4 + spaceTakenByQuote(text, origin.at())
                        + takenByLazyItems(around.get(0), ordered, text, lineStart, lineEnd, origin.at(), blankLines);
                putBefore(origin, marker, reached + column, added, text, lineStart, spaces,
                        nestsInTabbedItem(indentation + 4 + column, around.subList(around.indexOf(outer) + 1, around.size()), text));
            }
            return;
        }
    }

    /**
     * Puts in {@code spaces} the {@code added} spaces kramdown puts before a line whose text in
     * the outermost item's container starts at {@code origin} and whose marker, at
     * {@code marker}, stands {@code width} columns into that text as kramdown counts them (the
     * tabs that start each item's text four spaces each). Without a tab before the marker the
     * spaces go at the text's start. With one, flexmark counts the tab from the start of the
     * whole line, so the spaces go right before the marker, as many as bring it to kramdown's
     * column ({@code 2. - 2. b}, {@code ⇥2. x}: the outer item takes three of the tab's four
     * columns, and the line is text of {@code b}); none where flexmark's column is past it
     * already, a tab's columns stand left of the text, or a tab follows the marker of one of
     * the items {@code inside} the one the line is a lazy line of, whose text flexmark starts
     * at other columns than kramdown.
     */
    private static void putBefore(KramdownFrames.Rest origin, int marker, int width, int added, BasedSequence text,
            int lineStart, TreeMap<Integer, Integer> spaces, boolean nestsInTabbedItem) {
        if (text.subSequence(origin.at(), marker).indexOf('\t') < 0) {
            spaces.put(origin.at(), added);
            return;
        }
        if (nestsInTabbedItem) {
            return;
        }
        KramdownFrames.Rest whole = new KramdownFrames.Rest(0, lineStart);
        int more = added + width - (whole.columnOf(text, marker) - whole.columnOf(text, origin.at()));
        if (origin.spaces() == 0 && more >= 0) {
            spaces.put(marker, more);
        }
    }

    /**
     * Whether kramdown nests a line, its marker {@code column} columns into the text of the item
     * it is a lazy line of once kramdown's spaces stand before it, as a list in one of the items
     * {@code inside} that item, passing through one whose marker a tab follows: each item takes
     * its indentation off the line, and the line starts a list where three columns at most are
     * left. flexmark starts the text of such an item at other columns than kramdown, so its
     * reading of the spaced line would nest it elsewhere. A line left with more columns is text
     * of the innermost item it reaches, the same to both.
     */
    private static boolean nestsInTabbedItem(int column, List<ListItem> inside, BasedSequence text) {
        int left = column;
        boolean tabbed = false;
        for (ListItem item : inside) {
            int indentation = KramdownFrames.indentation(item, text);
            if (indentation < 0 || left < indentation) {
                break;
            }
            left -= indentation;
            tabbed |= KramdownLazyContainers.LazyContainer.tabbedMarkerIndent(item) >= 0;
        }
        return tabbed && left <= 3;
    }

    /**
     * The indentations of the list items around the quote that {@code inner} is in whose lazy
     * line the line from {@code lineStart} is, its text starting at {@code origin} for them too:
     * kramdown reads the line in them as it stands, where flexmark would take each one's
     * indentation from the spaces put at {@code origin} ({@code 2. ⇥> 1.⇥ * a}, {@code    + b}:
     * the {@code 2.} item's four spaces, then the {@code 1.} item's nine). None where such an
     * item puts its own spaces before the line (of the other kind of list than the line's
     * {@code ordered}, its nested list found), which this reading does not add up.
     */
    private static int takenByLazyItems(ListItem inner, boolean ordered, BasedSequence text, int lineStart, int lineEnd,
            int origin, Map<Node, Integer> blankLines) {
        int taken = 0;
        for (Node node = inner.getParent(); node != null; node = node.getParent()) {
            if (node instanceof ListItem outer && KramdownFrames.lazyLine(outer, text, lineStart, lineEnd)) {
                KramdownFrames.Rest rest = KramdownFrames.of(outer.getParent().getParent(), text, lineStart, lineEnd);
                int indentation = KramdownFrames.indentation(outer, text);
                if (rest == null || rest.spaces() > 0 || rest.at() != origin || indentation < 0) {
                    return taken;
                }
                if (ordered != (outer.getParent() instanceof OrderedList)
                        && nestedListFound(outer, indentation, lineStart, text, blankLines)) {
                    return 0;
                }
                taken += indentation;
            }
        }
        return taken;
    }

    /**
     * One where the line's text at {@code origin} follows a quote's {@code >} with no space
     * between ({@code >* b}): flexmark's quote takes a space after its {@code >} as kramdown's
     * does, so it would take the first of the spaces put there, where the line has none of its
     * own to give; else none.
     */
    private static int spaceTakenByQuote(BasedSequence text, int origin) {
        return origin > 0 && text.charAt(origin - 1) == '>' ? 1 : 0;
    }

    /**
     * Whether {@code item}'s marker line is one this nesting already puts spaces before: kramdown
     * reads that line as text or as an item deeper in, not as the item flexmark read, so a line
     * that would nest in the item is left for a reading of the text with the spaces
     * ({@code * ⇥1. a}, {@code 10.⇥10. ⇥~~~}, {@code     * >10. a}: the second line is text of
     * {@code a}, the third a list after it, not a line of the second's item).
     */
    private static boolean movedByNesting(ListItem item, BasedSequence text, TreeMap<Integer, Integer> spaces) {
        int lineStart = KramdownFrames.lineStart(text, item.getOpeningMarker().getStartOffset());
        return !spaces.subMap(lineStart, true, KramdownFrames.lineEnd(text, lineStart), true).isEmpty();
    }

    /**
     * Whether kramdown has found a nested list in {@code item}, whose indentation is
     * {@code indentation}, before the line at {@code before}: a list starting on the item's first
     * line or on a line indented to its text, or a blank line among its lines (each item's first
     * one found once, in {@code blankLines}, with the line that starts the item's second part).
     */
    private static boolean nestedListFound(ListItem item, int indentation, int before, BasedSequence text,
            Map<Node, Integer> blankLines) {
        int firstLine = KramdownFrames.lineStart(text, item.getStartOffset());
        Node container = item.getParent().getParent();
        for (Node child = item.getFirstChild(); child != null && child.getStartOffset() < before; child = child.getNext()) {
            if (child instanceof ListBlock) {
                int lineStart = KramdownFrames.lineStart(text, child.getStartOffset());
                if (lineStart == firstLine) {
                    // a list nested on the item's own line ({@code 1. - a}), which kramdown finds there
                    return true;
                }
                KramdownFrames.Rest line = KramdownFrames.ofLine(container, text, lineStart);
                if (line != null && line.at() <= child.getStartOffset() && line.columnOf(text, child.getStartOffset()) >= indentation) {
                    return true;
                }
            }
        }
        return blankLines.computeIfAbsent(item, i -> firstNestingLine(item, text)) < before;
    }

    /**
     * Where the first line among {@code item}'s lines starts that makes kramdown find a nested
     * list: a blank line, or a line indented to the item's text that starts a list, which begins
     * the item's second part ({@link KramdownListParts}) wherever flexmark nests its list; the
     * item's end when none does. flexmark may read such a list into a list of the first part
     * ({@code - b} under {@code * x} and {@code 1. c}), where it is no child of the item.
     */
    private static int firstNestingLine(ListItem item, BasedSequence text) {
        int blank = firstBlankLine(item, text);
        int second = KramdownListParts.secondPart(item, text, item.getEndOffset());
        return second >= 0 ? Math.min(second, blank) : blank;
    }

    /** Where the first blank line among {@code item}'s lines starts, or the item's end when none is. */
    private static int firstBlankLine(ListItem item, BasedSequence text) {
        int end = item.getEndOffset();
        Node container = item.getParent().getParent();
        for (int line = KramdownFrames.lineStart(text, item.getStartOffset()); line < end; ) {
            int lineEnd = KramdownFrames.lineEnd(text, line);
            if (lineEnd >= text.length()) {
                break;
            }
            if (blankIn(container, text, line)) {
                return line;
            }
            line = lineEnd + 1;
        }
        return end;
    }

    /** Whether the line before the one starting at {@code lineStart} is blank inside {@code container}. */
    private static boolean blankBefore(Node container, BasedSequence text, int lineStart) {
        return lineStart == 0 || blankIn(container, text, KramdownFrames.lineStart(text, lineStart - 1));
    }

    /** Whether the line starting at {@code lineStart} is blank once {@code container} and those around it take their marks. */
    private static boolean blankIn(Node container, BasedSequence text, int lineStart) {
        int lineEnd = KramdownFrames.lineEnd(text, lineStart);
        KramdownFrames.Rest line = KramdownFrames.of(container, text, lineStart, lineEnd);
        return line != null && text.subSequence(Math.min(line.at(), lineEnd), lineEnd).isBlank();
    }
}
