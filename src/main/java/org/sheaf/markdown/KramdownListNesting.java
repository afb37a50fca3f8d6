package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
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

    /** Spaces kramdown puts before a line, and the list item that puts them there. */
    private record Indent(int spaces, ListItem by) {
    }

    private KramdownListNesting(TreeMap<Integer, Integer> spaces, String markdown) {
        this.spaces = spaces;
        this.markdown = markdown;
    }

    /** The lines of {@code document}, parsed from {@code original}, that kramdown indents; null when none. */
    static KramdownListNesting of(Document document, String original) {
        TreeMap<Integer, Indent> spaces = new TreeMap<>();
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
            } else if (node instanceof Heading heading && heading.isSetextHeading()) {
                indentUnderline(heading, source, spaces, blankLines);
            }
        }
        if (spaces.isEmpty()) {
            return null;
        }
        TreeMap<Integer, Integer> added = new TreeMap<>();
        StringBuilder text = new StringBuilder(original.length() + spaces.size() * 8);
        int from = 0;
        for (var line : spaces.entrySet()) {
            added.put(line.getKey(), line.getValue().spaces());
            text.append(original, from, line.getKey()).append(" ".repeat(line.getValue().spaces()));
            from = line.getKey();
        }
        text.append(original, from, original.length());
        return new KramdownListNesting(added, text.toString());
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
    private static void indentLinesOf(Block block, int first, BasedSequence text, TreeMap<Integer, Indent> spaces,
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
     * Puts in {@code spaces} the spaces kramdown puts before the underline of {@code heading}
     * where it starts a list item ({@code - }), as before a paragraph's later line
     * ({@link #indentLinesOf}): flexmark reads the line as the underline of a heading, where
     * kramdown, once the spaces stand before it, reads it as more of the paragraph
     * ({@code 2. 1. a}, {@code - }: text of the inner item).
     */
    private static void indentUnderline(Heading heading, BasedSequence text, TreeMap<Integer, Indent> spaces,
            Map<Node, Integer> blankLines) {
        BasedSequence underline = heading.getClosingMarker();
        if (underline.isNull()) {
            return;
        }
        Matcher marker = ITEM_MARKER.matcher(text);
        marker.region(underline.getStartOffset(), KramdownFrames.lineEnd(text, underline.getStartOffset()));
        if (marker.lookingAt()) {
            indent(heading.getParent(), marker.start(1), marker.group(2) != null, text, spaces, blankLines);
        }
    }

    /**
     * Puts in {@code spaces} the spaces kramdown puts before the line whose list marker is at
     * {@code marker} (a number when {@code ordered}), an item's first line or a paragraph's line,
     * the item or paragraph a child of {@code parent}, if any. kramdown hands the line from the
     * outermost item around it inwards. An item whose indentation the line reaches takes it off;
     * one it does not reach keeps the line as it stands for the items inside, unless the line
     * comes after a blank line, or its marker stands within three columns of the item's
     * container's text and starts the next item of the item's list, or one of the other kind of
     * list after the item has found a nested list: that item puts four spaces more than its
     * indentation before the line, which the items inside read so indented. flexmark takes each
     * item's indentation from the spaces put before the line, also that of an item that keeps
     * the line as it stands ({@code +    10.  * *  * b}, {@code     1. y}: text of {@code b}).
     * The items looked at are those inside the innermost block quote around the line whose
     * {@code >} the line has: the items around a quote the line is a lazy line of gather the
     * line before the quote reads it ({@code 1. 1. #}, {@code >}, {@code * >}: the quote's code,
     * four spaces past the inner item's text; {@code * > a}, a blank line, {@code   > - b},
     * {@code 1. c}: text of {@code b}). Columns count in the text of each item's container
     * ({@link KramdownFrames}), as kramdown reads a container's lines without its markers and
     * indentation and turns their tabs into spaces. A marker after one on the same line that gets
     * spaces is left for the reading of the text with them, where its item may stand elsewhere
     * ({@code 2. 2.⇥1. a}, {@code ⇥- - b}: {@code - - b} is text of {@code a}).
     */
    private static void indent(Node parent, int marker, boolean ordered, BasedSequence text,
            TreeMap<Integer, Indent> spaces, Map<Node, Integer> blankLines) {
        List<ListItem> around = new ArrayList<>();
        boolean inside = false;
        int lineStart = KramdownFrames.lineStart(text, marker);
        int lineEnd = KramdownFrames.lineEnd(text, lineStart);
        if (!spaces.subMap(lineStart, marker).isEmpty()) {
            return; // spaces before a marker earlier on the line move this one too: the next reading reads it
        }
        boolean lazy = text.lastIndexOf('>', marker) < lineStart;
        for (Node node = parent; node != null; node = node.getParent()) {
            if (node instanceof ListItem outer) {
                if (!inside) {
                    around.add(0, outer);
                }
            } else if (node instanceof BlockQuote quote) {
                inside |= !lazy && ownMarker(quote, text, lineStart, lineEnd);
            } else if (!(node instanceof ListBlock) && !(node instanceof Document)) {
                return;
            }
        }
        int reached = 0;
        int passed = 0;
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
            if (column <= 3 && !otherKind || blankBefore(container, text, lineStart)) {
                return; // the next item of the list, or no lazy line of the item
            }
            if (column > 3 || !nestedListFound(outer, indentation, lineStart, text, blankLines)) {
                passed += indentation; // kept as it stands
                continue;
            }
            if (!movedByNesting(outer, lineStart, text, spaces)) {
                KramdownFrames.Rest origin = KramdownFrames.of(around.get(0).getParent().getParent(), text, lineStart, lineEnd);
                int added = passed + 2 * indentation + 4 + spaceTakenByQuote(text, origin.at());
                putBefore(origin, marker, reached + column, new Indent(added, outer), text, lineStart, spaces,
                        nestsInTabbedItem(indentation + 4 + column, around.subList(around.indexOf(outer) + 1, around.size()), text));
            }
            return;
        }
    }

    /**
     * Whether the line from {@code lineStart} to {@code lineEnd}, which holds a {@code >} before
     * its list marker, holds {@code quote}'s own: a {@code >} of a quote around it may leave the
     * line a lazy line of {@code quote} ({@code > + - > c}, {@code >2. >end}: the outer quote's,
     * whose items read the line before the inner quote does). Where that cannot be told, the line
     * is taken to hold it.
     */
    private static boolean ownMarker(BlockQuote quote, BasedSequence text, int lineStart, int lineEnd) {
        return KramdownFrames.of(quote.getParent(), text, lineStart, lineEnd) == null
                || KramdownFrames.markerOf(quote, text, lineStart, lineEnd) >= 0;
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
     * already, a tab's columns stand left of the text, or the line {@code nestsInTabbedItem}
     * ({@link #nestsInTabbedItem}), whose text flexmark starts at other columns than kramdown.
     */
    private static void putBefore(KramdownFrames.Rest origin, int marker, int width, Indent added, BasedSequence text,
            int lineStart, TreeMap<Integer, Indent> spaces, boolean nestsInTabbedItem) {
        if (text.subSequence(origin.at(), marker).indexOf('\t') < 0) {
            spaces.put(origin.at(), added);
            return;
        }
        if (nestsInTabbedItem) {
            return;
        }
        KramdownFrames.Rest whole = new KramdownFrames.Rest(0, lineStart);
        int more = added.spaces() + width - (whole.columnOf(text, marker) - whole.columnOf(text, origin.at()));
        if (origin.spaces() == 0 && more >= 0) {
            spaces.put(marker, new Indent(more, added.by()));
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
     * One where the line's text at {@code origin} follows a quote's {@code >} with no space
     * between ({@code >* b}): flexmark's quote takes a space after its {@code >} as kramdown's
     * does, so it would take the first of the spaces put there, where the line has none of its
     * own to give; else none.
     */
    private static int spaceTakenByQuote(BasedSequence text, int origin) {
        return origin > 0 && text.charAt(origin - 1) == '>' ? 1 : 0;
    }

    /**
     * Whether a line before the one at {@code lineStart}, from the line of the outermost item
     * around {@code item} on, also through quotes, is one this nesting already puts spaces before
     * for an item around {@code item}: kramdown reads that line as text or as an item deeper in
     * that item, not where flexmark read it, inside {@code item} or as its own line, so the line
     * at {@code lineStart}, which would nest in {@code item}, is left for a reading of the text
     * with the spaces ({@code * ⇥1. a}, {@code 10.⇥10. ⇥~~~}, {@code     * >10. a}: the second
     * line is text of {@code a}, the third a list after it, not a line of the second's item;
     * {@code -   -     a}, {@code >    *    + y}, {@code 2.   10.   * line},
     * {@code      10.     x}: the third line is a part of {@code a} of its own, no lazy line of
     * the quote's item, and the fourth is nested in {@code line}). A moved line before a quote
     * may hold the quote in flexmark's reading where kramdown reads it after the line, with
     * whatever the quote holds ({@code *  * a}, {@code 2. + 1. a}, {@code >}, {@code    2. b},
     * {@code     > * 1. x}, {@code        > 2. y}: the last line is the item after {@code b}).
     */
    private static boolean movedByNesting(ListItem item, int lineStart, BasedSequence text,
            TreeMap<Integer, Indent> spaces) {
        ListItem outermost = item;
        for (Node around = item.getParent(); around != null; around = around.getParent()) {
            if (around instanceof ListItem outer) {
                outermost = outer;
            }
        }
        int from = KramdownFrames.lineStart(text, outermost.getStartOffset());
        for (Indent moved : spaces.subMap(from, lineStart).values()) {
            for (Node around = item.getParent(); around != null; around = around.getParent()) {
                if (around == moved.by()) {
                    return true;
                }
            }
        }
        return false;
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
