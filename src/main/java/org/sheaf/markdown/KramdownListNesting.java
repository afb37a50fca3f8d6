package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
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
 * line is found among the items and paragraphs of the tree, and the text is parsed again with the
 * spaces kramdown adds put before those lines, where flexmark's kramdown rules for indented
 * lines read them as kramdown does. The spaces shift offsets on those lines, which
 * {@link #originalOffset} takes back.
 */
final class KramdownListNesting {
    /** A list item's marker after the white space that starts a line, bullet (1) or number (2), as kramdown finds it. */
    private static final Pattern ITEM_MARKER = Pattern.compile("[ \\t]*([-+*]|(\\d+)\\.)[ \\t|]");
    /** A block quote's marker at the start of a line, as kramdown strips it. */
    private static final Pattern QUOTE_MARKER = Pattern.compile(" {0,3}> ?");

    /** Spaces put before the lines, by the offset in the original text where each (after its quote markers) starts. */
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
        for (Node node : Descendants.blocksOf(document)) {
            if (node instanceof ListItem item) {
                indent(item.getParent(), item.getStartOffset(), item.getOpeningMarker().getStartOffset(),
                        item.getParent() instanceof OrderedList, original, spaces, blankLines);
            } else if (node instanceof Paragraph paragraph) {
                indentLinesOf(paragraph, original, spaces, blankLines);
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
     * What kramdown takes off the start of each line of a container before it reads the
     * container's own lines: a block quote's marker ({@code >} and one space), or a list item's
     * indentation, {@code width} spaces where the line has them all (a lazy line keeps what it
     * has), and on the item's first line its marker and the spaces after it.
     */
    private record Margin(boolean quote, int width, int firstLine) {
        static final Margin QUOTE = new Margin(true, 0, -1);
    }

    /**
     * Puts in {@code spaces} the spaces kramdown puts before each later line of {@code paragraph}
     * that starts a list item, as before an item's first line ({@link #indent}): flexmark reads
     * such a line as more of the paragraph where kramdown's own parser does (a list interrupts no
     * paragraph), and kramdown keeps the spaces it puts before it in the paragraph's text.
     */
    private static void indentLinesOf(Paragraph paragraph, String text, TreeMap<Integer, Integer> spaces,
            Map<Node, Integer> blankLines) {
        List<BasedSequence> lines = paragraph.getContentLines();
        for (int i = 1; i < lines.size(); i++) {
            BasedSequence line = lines.get(i);
            Matcher marker = ITEM_MARKER.matcher(text).region(line.getStartOffset(), line.getEndOffset());
            if (marker.lookingAt()) {
                indent(paragraph.getParent(), marker.start(1), marker.start(1), marker.group(2) != null, text, spaces, blankLines);
            }
        }
    }

    /**
     * Puts in {@code spaces} the spaces kramdown puts before the line where an item starts at
     * {@code start}, its marker at {@code marker} (a number when {@code ordered}), an item's
     * first line or a paragraph's line in {@code container}, if any:
     * from the outermost item around it, the first that does not hold the line as its own, if
     * that item is of the other kind of list and has a nested list or a blank line by then, and
     * the line before is not blank. The items looked at are those inside the innermost block
     * quote around the line whose {@code >} the line has: the items around a quote
     * the line is a lazy line of gather the line before the quote reads it ({@code 1. 1. #},
     * {@code >}, {@code * >}: the quote's code, four spaces past the inner item's text); columns count from where the containers outside them (quotes,
     * and items holding quotes) leave the line, as kramdown reads a container's lines without
     * its markers and indentation.
     */
    private static void indent(Node container, int start, int marker, boolean ordered, String text,
            TreeMap<Integer, Integer> spaces, Map<Node, Integer> blankLines) {
        List<ListItem> around = new ArrayList<>();
        List<Node> outside = new ArrayList<>();
        boolean lazy = text.lastIndexOf('>', marker) < lineStart(text, marker);
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof ListItem outer) {
                if (outside.isEmpty()) {
                    around.add(0, outer);
                } else {
                    outside.add(0, outer);
                }
            } else if (node instanceof BlockQuote) {
                if (!lazy || !around.isEmpty()) {
                    outside.add(0, node);
                }
            } else if (!(node instanceof ListBlock) && !(node instanceof Document)) {
                return;
            }
        }
        if (around.isEmpty()) {
            return;
        }
        List<Margin> margins = margins(outside, text);
        if (margins == null) {
            return;
        }
        int origin = origin(text, lineStart(text, start), margins);
        if (origin < 0 || text.substring(origin, start).contains("\t")) {
            return;
        }
        int column = start - origin;
        int containerColumn = 0;
        for (ListItem outer : around) {
            int contentColumn = contentColumn(outer, text, margins);
            if (contentColumn < 0) {
                return;
            }
            if (column >= contentColumn) {
                containerColumn = contentColumn;
                continue;
            }
            boolean otherKind = ordered != (outer.getParent() instanceof OrderedList);
            if (otherKind && column - containerColumn <= 3 && !blankBefore(text, lineStart(text, origin), margins)
                    && nestedListFound(outer, contentColumn, origin, text, margins, blankLines)) {
                int indentation = contentColumn - containerColumn;
                spaces.put(origin, 2 * indentation + 4);
            }
            return;
        }
    }

    /**
     * The margins of {@code containers}, outermost first; null when on the first line of an item
     * among them a quote's {@code >} stands after a tab.
     */
    private static List<Margin> margins(List<Node> containers, String text) {
        if (containers.isEmpty()) {
            return List.of();
        }
        List<Margin> margins = new ArrayList<>(containers.size());
        for (Node container : containers) {
            if (container instanceof ListItem item) {
                int width = contentColumn(item, text, margins);
                if (width < 0) {
                    return null;
                }
                margins.add(new Margin(false, width, lineStart(text, item.getStartOffset())));
            } else {
                margins.add(Margin.QUOTE);
            }
        }
        return margins;
    }

    /**
     * Where the line starting at {@code lineStart} begins inside the containers of {@code margins}:
     * after each one's marker or indentation where it has them (a lazy line of a quote keeps what
     * it has), or -1 when a quote's {@code >} stands after a tab.
     */
    private static int origin(String text, int lineStart, List<Margin> margins) {
        int at = lineStart;
        for (Margin margin : margins) {
            if (margin.quote()) {
                Matcher marker = QUOTE_MARKER.matcher(text);
                if (marker.region(at, text.length()).lookingAt()) {
                    at = marker.end();
                } else if (quoteMarkerAfterWhiteSpace(text, at)) {
                    // a > the columns of tabs before it place, which this does not count
                    return -1;
                }
                // else a lazy line of the quote, which keeps what it has
            } else if (lineStart == margin.firstLine()) {
                at += margin.width();
            } else if (spaces(text, at, margin.width())) {
                at += margin.width();
            }
        }
        return at;
    }

    /** Whether a {@code >} follows the spaces and tabs at {@code at}. */
    private static boolean quoteMarkerAfterWhiteSpace(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '>';
    }

    /** Whether {@code text} has {@code count} spaces at {@code at}. */
    private static boolean spaces(String text, int at, int count) {
        if (at + count > text.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The column where {@code item}'s text starts on its first line, a tab after the marker
     * counted as kramdown counts it, or -1 when on that line a quote's {@code >} stands after a tab.
     */
    private static int contentColumn(ListItem item, String text, List<Margin> margins) {
        int origin = origin(text, lineStart(text, item.getStartOffset()), margins);
        if (origin < 0) {
            return -1;
        }
        int at = item.getOpeningMarker().getEndOffset();
        int column = at - origin;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            // kramdown turns a tab after the marker into the spaces that reach the next multiple
            // of four columns of the item's container's text
            column = text.charAt(at) == '\t' ? column + 4 - column % 4 : column + 1;
            at++;
        }
        return at < text.length() && text.charAt(at) != '\n' ? column : item.getOpeningMarker().getEndOffset() + 1 - origin;
    }

    /**
     * Whether kramdown has found a nested list in {@code item} before the line at {@code before}:
     * a list starting on the item's first line or on a line indented to its text, or a blank
     * line among its lines
     * (each item's first one found once, in {@code blankLines}).
     */
    private static boolean nestedListFound(ListItem item, int contentColumn, int before, String text, List<Margin> margins,
            Map<Node, Integer> blankLines) {
        int firstLine = lineStart(text, item.getStartOffset());
        for (Node child = item.getFirstChild(); child != null && child.getStartOffset() < before; child = child.getNext()) {
            if (child instanceof ListBlock && lineStart(text, child.getStartOffset()) == firstLine) {
                // a list nested on the item's own line ({@code 1. - a}), which kramdown finds there
                return true;
            }
            if (child instanceof ListBlock) {
                int origin = origin(text, lineStart(text, child.getStartOffset()), margins);
                if (origin >= 0 && child.getStartOffset() - origin >= contentColumn) {
                    return true;
                }
            }
        }
        return blankLines.computeIfAbsent(item, i -> firstBlankLine(item, text, margins)) < before;
    }

    /** Where the first blank line among {@code item}'s lines starts, or the item's end when none is. */
    private static int firstBlankLine(ListItem item, String text, List<Margin> margins) {
        int end = item.getEndOffset();
        for (int line = lineStart(text, item.getStartOffset()); line < end; ) {
            int lineEnd = text.indexOf('\n', line);
            if (lineEnd < 0) {
                break;
            }
            int origin = origin(text, line, margins);
            if (origin >= 0 && origin <= lineEnd && isBlank(text, origin, lineEnd)) {
                return line;
            }
            line = lineEnd + 1;
        }
        return end;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the line before the one starting at {@code lineStart} is blank inside the containers of {@code margins}. */
    private static boolean blankBefore(String text, int lineStart, List<Margin> margins) {
        if (lineStart == 0) {
            return true;
        }
        int previous = lineStart(text, lineStart - 1);
        int origin = origin(text, previous, margins);
        return origin >= 0 && origin < lineStart && text.substring(origin, lineStart - 1).isBlank();
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }
}
