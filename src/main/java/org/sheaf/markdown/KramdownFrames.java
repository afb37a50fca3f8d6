package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A line as kramdown reads it inside nested quotes and list items. kramdown reads a container's
 * lines as a text of their own: a quote takes its {@code >} and one space off each line, a list
 * item turns the tabs that start a line into four spaces each and takes its indentation off, and
 * what is left is read again from its first column, so a tab counts from the start of the
 * innermost container's text. flexmark counts every tab from the start of the whole line; the
 * {@link Rest} of a line says where kramdown's innermost text starts, so the columns of what
 * follows can be counted as kramdown counts them.
 */
final class KramdownFrames {
    /** The indentations {@link #remembering} has found, for the reading that runs on this thread. */
    private static final ThreadLocal<Map<ListItem, Integer>> INDENTATIONS = new ThreadLocal<>();

    private KramdownFrames() {
    }

    /**
     * What is left of a line once its containers have taken their markers and indentation: the
     * spaces left of a tab a list item turned into spaces, then the document's text from
     * {@code at}.
     */
    record Rest(int spaces, int at) {
        /**
         * Where an indent of code ends in this rest (kramdown's indent: a tab, or four spaces),
         * as an offset of the document, or -1 when the rest has none there, or when spaces left
         * of a tab reach past the indent (flexmark counts those columns itself). Four such spaces
         * are the indent: the code starts at {@code at}, where a line too short of an item's
         * indent, a lazy line of it, keeps the tabs it started with ({@code ⇥    ⇥b} under
         * {@code    - ⇥  # a}, whose indent is ten, is code: four spaces and {@code ⇥b}).
         */
        int codeStart(BasedSequence text, int lineEnd) {
            if (spaces > 4 || blank(text, at, lineEnd)) {
                return -1;
            }
            if (spaces == 4) {
                return at;
            }
            if (spaces == 0 && at < lineEnd && text.charAt(at) == '\t') {
                return at + 1;
            }
            int wanted = 4 - spaces;
            for (int i = at; i < at + wanted; i++) {
                if (i >= lineEnd || text.charAt(i) != ' ') {
                    return -1;
                }
            }
            return at + wanted;
        }

        /**
         * This rest up to {@code lineEnd} as a list reading it in the innermost container's text
         * has it: the spaces left of a tab, then the text, where it starts the line its tabs
         * four spaces each (kramdown turns only the tabs that start a line into spaces).
         */
        String expanded(BasedSequence text, int lineEnd) {
            return expandedTo(text, lineEnd, lineEnd).toString();
        }

        /**
         * {@link #expanded} as a sequence of the document up to {@code end} (the line's end, or
         * past its line break), the spaces that stand for tabs put before it.
         */
        BasedSequence expandedTo(BasedSequence text, int lineEnd, int end) {
            Rest line = tabsAsSpaces(this, text, lineEnd);
            return PrefixedSubSequence.prefixOf(" ".repeat(line.spaces()), text.subSequence(line.at(), end));
        }

        /**
         * The column {@code offset}, an offset of the document on this rest's line at or after
         * {@link #at}, stands at in the innermost container's text: the spaces left of a tab,
         * then each character one column and each tab up to the next multiple of four, as
         * kramdown turns a line's tabs into spaces.
         */
        int columnOf(BasedSequence text, int offset) {
            int column = spaces;
            for (int i = at; i < offset; i++) {
                column = text.charAt(i) == '\t' ? column + 4 - column % 4 : column + 1;
            }
            return column;
        }
    }

    /**
     * The rest of the line from {@code lineStart} to {@code lineEnd} (offsets of the document
     * {@code text}) inside {@code container} (or the container of a paragraph) and the containers
     * around it, or null where kramdown's reading cannot be told here: a container other than a
     * quote, an item or the page, or an item whose marker line does not read as a list item to
     * kramdown.
     */
    static Rest of(Node container, BasedSequence text, int lineStart, int lineEnd) {
        return of(container, null, null, text, lineStart, lineEnd);
    }

    /**
     * The rest of the whole line that starts at {@code lineStart}, as
     * {@link #of(Node, BasedSequence, int, int)}: callers that ask about a line to its end use
     * this so that none of them finds that end by hand.
     */
    static Rest ofLine(Node container, BasedSequence text, int lineStart) {
        return of(container, text, lineStart, lineEnd(text, lineStart));
    }

    /**
     * The rest of the line inside {@code container}, as {@link #of(Node, BasedSequence, int, int)},
     * where the line's rest inside {@code anchor}, a container around {@code container}, is
     * known already to be {@code anchored}: a {@code >} a parser took on the line tells which
     * quote it is, where a lazy line may leave that open.
     */
    static Rest of(Node container, Node anchor, Rest anchored, BasedSequence text, int lineStart, int lineEnd) {
        return remembering(() -> rest(container, anchor, anchored, text, lineStart, lineEnd));
    }

    private static Rest rest(Node container, Node anchor, Rest anchored, BasedSequence text, int lineStart, int lineEnd) {
        if (container == anchor) {
            return anchored;
        }
        if (container instanceof Document) {
            return new Rest(0, lineStart);
        }
        if (container instanceof Paragraph paragraph) {
            // a paragraph's lazy or later line, read in the text of the paragraph's container
            return rest(paragraph.getParent(), anchor, anchored, text, lineStart, lineEnd);
        }
        if (container instanceof MarkdownHtmlBlock element) {
            // kramdown reads the blocks of an element read as blocks in the text around it
            return rest(element.getParent(), anchor, anchored, text, lineStart, lineEnd);
        }
        if (container instanceof BlockQuote quote) {
            Rest outer = rest(quote.getParent(), anchor, anchored, text, lineStart, lineEnd);
            if (outer == null) {
                return null;
            }
            int at = markerAfter(outer, text, lineEnd);
            return at < 0 ? outer : afterMarker(text, at, lineEnd); // a lazy line keeps what it has
        }
        if (container instanceof ListItem item && item.getParent() != null) {
            BasedSequence marker = item.getOpeningMarker();
            if (marker.isNull()) {
                return null;
            }
            int markerLine = lineStart(text, marker.getStartOffset());
            if (markerLine == lineStart) {
                // the item's own line: its text is read from where the white space after the marker ends
                int textStart = marker.getEndOffset();
                while (textStart < lineEnd && (text.charAt(textStart) == ' ' || text.charAt(textStart) == '\t')) {
                    textStart++;
                }
                return new Rest(0, textStart);
            }
            Rest outer = rest(item.getParent().getParent(), anchor, anchored, text, lineStart, lineEnd);
            int indentation = indentation(item, text);
            if (outer == null || indentation < 0) {
                return null;
            }
            Rest line = tabsAsSpaces(outer, text, lineEnd);
            if (!reaches(line, indentation, text, lineEnd)) {
                return line; // a lazy line keeps what it has, its tabs turned into spaces
            }
            int spaces = line.spaces();
            return spaces >= indentation ? new Rest(spaces - indentation, line.at()) : new Rest(0, line.at() + indentation - spaces);
        }
        return null;
    }

    /**
     * The rest of a blank line inside {@code container} and the containers around it, as
     * {@link #of(Node, BasedSequence, int, int)} but for a line with no text: kramdown's list
     * takes such a line whole, its indentation and tabs and all, where a quote takes its
     * {@code >} and one space as on any line, the containers around the quote reading the
     * {@code >} as text. Null where kramdown's reading cannot be told.
     */
    static Rest ofBlank(Node container, BasedSequence text, int lineStart, int lineEnd) {
        if (container instanceof Document) {
            return new Rest(0, lineStart);
        }
        if (container instanceof Paragraph paragraph) {
            return ofBlank(paragraph.getParent(), text, lineStart, lineEnd);
        }
        if (container instanceof ListItem item && item.getParent() != null) {
            return ofBlank(item.getParent().getParent(), text, lineStart, lineEnd);
        }
        if (container instanceof BlockQuote quote) {
            int at = markerOf(quote, text, lineStart, lineEnd);
            return at < 0 ? ofBlank(quote.getParent(), text, lineStart, lineEnd) : afterMarker(text, at, lineEnd);
        }
        return null;
    }

    /**
     * {@code line}, a blank line that a block inside {@code container} took from the line at
     * {@code lineStart}, from where kramdown's containers leave it ({@link #ofBlank}): flexmark's
     * list item drops a blank line's white space up to its indentation, where kramdown's keeps
     * it. Null where kramdown's reading cannot be told or leaves less than flexmark's.
     */
    static BasedSequence blankFromContainers(Node container, BasedSequence line, int lineStart) {
        BasedSequence text = line.getBaseSequence();
        Rest rest = ofBlank(container, text, lineStart, lineEnd(text, lineStart));
        return rest == null || rest.at() > line.getStartOffset() ? null : text.subSequence(rest.at(), line.getEndOffset());
    }

    /**
     * Where the {@code >} that {@code quote} takes on the line from {@code lineStart} to
     * {@code lineEnd} stands, as an offset of the document, or -1 where the line is a lazy line
     * of it or kramdown's reading cannot be told.
     */
    static int markerOf(BlockQuote quote, BasedSequence text, int lineStart, int lineEnd) {
        Rest outer = quote.getParent() == null ? null : of(quote.getParent(), text, lineStart, lineEnd);
        return outer == null ? -1 : markerAfter(outer, text, lineEnd);
    }

    /** The rest of a line after the quote's {@code >} at {@code marker}: a quote takes one space after it. */
    private static Rest afterMarker(BasedSequence text, int marker, int lineEnd) {
        int at = marker + 1;
        return new Rest(0, at < lineEnd && text.charAt(at) == ' ' ? at + 1 : at);
    }

    /** Where the {@code >} after up to three columns of spaces in {@code rest} stands, or -1 where none does. */
    private static int markerAfter(Rest rest, BasedSequence text, int lineEnd) {
        int lead = rest.spaces();
        int at = rest.at();
        while (at < lineEnd && lead < 3 && text.charAt(at) == ' ') {
            at++;
            lead++;
        }
        return lead > 3 || at >= lineEnd || text.charAt(at) != '>' ? -1 : at;
    }

    /**
     * Whether the line from {@code lineStart} to {@code lineEnd}, a later line of {@code item}'s,
     * is a lazy line of it to kramdown: it lacks the item's indentation once the containers
     * around the item have taken theirs, so kramdown reads it with the white space it has. False
     * on the item's own line and where kramdown's reading cannot be told.
     */
    static boolean lazyLine(ListItem item, BasedSequence text, int lineStart, int lineEnd) {
        return readingOfLaterLine(item, text, lineStart, lineEnd) == Reading.LAZY;
    }

    /**
     * Whether the line from {@code lineStart} to {@code lineEnd}, a later line of {@code item}'s,
     * reaches the item's indentation once the containers around the item have taken theirs, so
     * that the item takes its indentation off: the opposite of {@link #lazyLine}, false too on
     * the item's own line and where kramdown's reading cannot be told.
     */
    static boolean reachesIndent(ListItem item, BasedSequence text, int lineStart, int lineEnd) {
        return readingOfLaterLine(item, text, lineStart, lineEnd) == Reading.INDENTED;
    }

    /** How kramdown reads a line in a list item: {@link #lazyLine}, {@link #reachesIndent}, or not told. */
    private enum Reading { LAZY, INDENTED, UNTOLD }

    private static Reading readingOfLaterLine(ListItem item, BasedSequence text, int lineStart, int lineEnd) {
        if (item.getParent() == null || !laterLineOf(item, text, lineStart)) {
            return Reading.UNTOLD;
        }
        Rest outer = of(item.getParent().getParent(), text, lineStart, lineEnd);
        int indentation = indentation(item, text);
        if (outer == null || indentation < 0) {
            return Reading.UNTOLD;
        }
        return reaches(tabsAsSpaces(outer, text, lineEnd), indentation, text, lineEnd) ? Reading.INDENTED : Reading.LAZY;
    }

    /**
     * Whether the line that starts at {@code lineStart} is a lazy line ({@link #lazyLine}) of a
     * list item {@code container} is or is in that comes right after a blank line of the item's
     * container: kramdown's list takes no lazy line after a blank one, so to kramdown the item
     * ends before the line.
     */
    static boolean lazyAfterBlank(Node container, BasedSequence text, int lineStart) {
        if (lineStart == 0) {
            return false;
        }
        int lineEnd = lineEnd(text, lineStart);
        int before = lineStart(text, lineStart - 1);
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof ListItem item && item.getParent() != null && lazyLine(item, text, lineStart, lineEnd)) {
                Rest previous = ofBlank(item.getParent().getParent(), text, before, lineStart - 1);
                if (previous != null && blank(text, previous.at(), lineStart - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the line from {@code lineStart} is a later line of a list item that
     * {@code container} is or lies in (a paragraph, a quote inside the item). Such a line short
     * of the item's indentation keeps all its spaces in kramdown's text of the item, and so in
     * the text of a container inside that takes it lazily, where flexmark's item takes up to four
     * of them as its indent ({@code 10.  y}, {@code ····# a}: text of {@code y}).
     */
    static boolean inItemOnLaterLine(Node container, BasedSequence text, int lineStart) {
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof ListItem item && laterLineOf(item, text, lineStart)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line from {@code lineStart} is a later line of {@code item}: not the line of its marker. */
    private static boolean laterLineOf(ListItem item, BasedSequence text, int lineStart) {
        BasedSequence marker = item.getOpeningMarker();
        return marker.isNotNull() && lineStart(text, marker.getStartOffset()) != lineStart;
    }

    /** {@code rest}, the tabs that start it turned into four spaces each, as a list item reads its lines. */
    private static Rest tabsAsSpaces(Rest rest, BasedSequence text, int lineEnd) {
        if (rest.spaces() > 0) {
            return rest;
        }
        int at = rest.at();
        while (at < lineEnd && text.charAt(at) == '\t') {
            at++;
        }
        return new Rest(4 * (at - rest.at()), at);
    }

    /** Whether {@code rest} starts with {@code indentation} spaces, those left of a tab among them. */
    private static boolean reaches(Rest rest, int indentation, BasedSequence text, int lineEnd) {
        int available = rest.spaces();
        while (available < indentation && rest.at() + available - rest.spaces() < lineEnd
                && text.charAt(rest.at() + available - rest.spaces()) == ' ') {
            available++;
        }
        return available >= indentation;
    }

    /**
     * kramdown's indentation of {@code item} (its {@code parse_first_list_line}): the spaces
     * before the marker in its container's text, the marker, and the white space after it, each
     * tab reaching the next multiple of four columns of that text; four for an item with no text
     * on its line; -1 where the marker line does not read as an item to kramdown.
     */
    static int indentation(ListItem item, BasedSequence text) {
        return remembering(() -> {
            Map<ListItem, Integer> known = INDENTATIONS.get();
            Integer indentation = known.get(item);
            if (indentation == null) {
                indentation = measured(item, text);
                known.put(item, indentation);
            }
            return indentation;
        });
    }

    /**
     * What {@code reading} gives, each item's indentation found once while it runs: a line's rest
     * in an item reads the rests of the containers around it, and each item's indentation reads
     * the rest of its marker line, so without it a list nested a hundred deep is read in time
     * exponential in its depth. The tree stands still while one reading runs.
     */
    private static <T> T remembering(Supplier<T> reading) {
        if (INDENTATIONS.get() != null) {
            return reading.get();
        }
        INDENTATIONS.set(new IdentityHashMap<>());
        try {
            return reading.get();
        } finally {
            INDENTATIONS.remove();
        }
    }

    private static int measured(ListItem item, BasedSequence text) {
        BasedSequence marker = item.getOpeningMarker();
        int lineStart = lineStart(text, marker.getStartOffset());
        int lineEnd = lineEnd(text, lineStart);
        Rest outer = of(item.getParent().getParent(), text, lineStart, lineEnd);
        if (outer == null || outer.at() > marker.getStartOffset()) {
            return -1;
        }
        int lead = outer.spaces();
        for (int i = outer.at(); i < marker.getStartOffset(); i++) {
            if (text.charAt(i) != ' ') {
                return -1;
            }
            lead++;
        }
        int end = marker.getEndOffset();
        if (lead > 3 || end >= lineEnd || text.charAt(end) != ' ' && text.charAt(end) != '\t') {
            return -1;
        }
        if (blank(text, end, lineEnd)) {
            return 4;
        }
        int textStart = end;
        while (textStart < lineEnd && (text.charAt(textStart) == ' ' || text.charAt(textStart) == '\t')) {
            textStart++;
        }
        return outer.columnOf(text, textStart);
    }

    static int lineStart(BasedSequence text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    static int lineEnd(BasedSequence text, int lineStart) {
        int end = text.indexOf('\n', lineStart);
        return end < 0 ? text.length() : end;
    }

    private static boolean blank(BasedSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
