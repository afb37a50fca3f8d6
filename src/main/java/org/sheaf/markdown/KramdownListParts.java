package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * kramdown's two parts of a list item's lines. kramdown gathers an item's lines, and the first
 * line indented to the item's text that starts a list, before any blank line or nested list,
 * begins a second part, which it reads apart from the first. Lines of another list that came
 * before it as lazy lines, not indented to the text, form a list of their own in the first
 * part; the second part's list is then that list's sibling in the item, not part of it:
 *
 * <pre>
 * 2. ordered item
 *   * unordered
 *   * unordered
 *     1. ordered    (a list beside the bullets, in item 2)
 * </pre>
 *
 * flexmark reads the indented list as a list nested in the last bullet, as more bullets of
 * the same list, or into a quote of the first part that it continues lazily, at times several
 * lists deep. So after parsing, each such list (or run of items) is moved out, from however deep
 * flexmark read it, after the block of the item it was read into. An item in a block quote or
 * in another item counts its columns from its container's text, as kramdown reads the lines of
 * a container with its markers ({@code > }) and indentation taken off; items in other
 * containers (footnotes, definitions) are left as read.
 * Raw HTML, or an element read as Markdown, that the first part leaves open ends where the
 * second part starts ({@link #partEnd}), as the text kramdown reads it in ends there.
 */
final class KramdownListParts {
    /** kramdown's start of a list item, after the part's indentation is taken off. */
    private static final Pattern LIST_START = Pattern.compile(" {0,3}(?:[+*-]|\\d+\\.)[\\t ]");

    private KramdownListParts() {
    }

    /** Moves, in {@code document} parsed from {@code text}, each second part's list out of the list it was read into. */
    static void separate(Document document, String text) {
        List<ListItem> items = new ArrayList<>();
        for (Node node : Descendants.blocksOf(document)) {
            // a definition's lines are one text to kramdown, never split in parts
            if (node instanceof ListItem item && !(item instanceof DefinitionItem)) {
                items.add(item);
            }
        }
        for (ListItem item : items) {
            int second = secondPart(item);
            if (second >= 0) {
                moveOut(item, second, text);
            }
        }
    }

    /** Where the line that starts the item's second part begins, or -1 when kramdown reads its lines as one. */
    private static int secondPart(ListItem item) {
        return secondPart(item, item.getDocument().getChars(), item.getEndOffset());
    }

    /**
     * Whether the line at {@code lineStart}, an offset of {@code text}, starts {@code item}'s
     * second part, as read from the item's lines up to it: while the item's lines are still
     * parsed, a paragraph of an item nested in it does not go on over the line, which kramdown
     * reads apart from the lines before it.
     */
    static boolean startsSecondPart(ListItem item, BasedSequence text, int lineStart) {
        return !(item instanceof DefinitionItem) && secondPart(item, text, lineStart + 1) == lineStart;
    }

    /**
     * Where the line that starts {@code item}'s second part begins in {@code text}, the
     * document's text, among the item's lines that start before {@code end}; -1 when kramdown
     * reads those lines as one. The item's end is not needed, so this serves while the item is
     * still being parsed, its lines read up to {@code end}.
     */
    static int secondPart(ListItem item, BasedSequence text, int end) {
        int indentation = item.getOpeningMarker().isNull() ? -1 : KramdownFrames.indentation(item, text);
        if (indentation < 0) {
            return -1;
        }
        int lineStart = KramdownFrames.lineStart(text, item.getOpeningMarker().getStartOffset());
        int lineEnd = KramdownFrames.lineEnd(text, lineStart);
        Node container = containerOf(item);
        KramdownFrames.Rest first = KramdownFrames.of(item, text, lineStart, lineEnd);
        // a first line whose text starts a list has found its nested list already
        if (first == null || LIST_START.matcher(text.subSequence(first.at(), lineEnd) + "\n").lookingAt()) {
            return -1;
        }
        for (int line = lineEnd + 1; line < end && line < text.length(); line = lineEnd + 1) {
            lineEnd = KramdownFrames.lineEnd(text, line);
            KramdownFrames.Rest rest = KramdownFrames.of(container, text, line, lineEnd);
            if (rest == null) {
                return -1;
            }
            String content = rest.expanded(text, lineEnd);
            if (content.isBlank()) {
                return -1;
            }
            int spaces = 0;
            while (spaces < content.length() && content.charAt(spaces) == ' ') {
                spaces++;
            }
            if (content.charAt(spaces) == '\t') {
                return -1;
            }
            if (spaces >= indentation && LIST_START.matcher(content.substring(indentation) + "\n").lookingAt()) {
                return line;
            }
        }
        return -1;
    }

    /**
     * Where a block that starts at {@code from} inside {@code block} (or is {@code block}'s own)
     * and would run to {@code end} in {@code text}, the document's text, ends: at the start of
     * the second part of a list item around it, when that part starts in between. kramdown
     * reads each part of an item's lines as a text of its own, so raw HTML that the first part
     * leaves open, or an element read as Markdown, ends with that part.
     */
    static int partEnd(Node block, BasedSequence text, int from, int end) {
        int partEnd = end;
        for (Node node = block; node != null; node = node.getParent()) {
            if (node instanceof ListItem item && !(item instanceof DefinitionItem)) {
                int second = secondPart(item, text, partEnd);
                if (second > from) {
                    partEnd = second;
                }
            }
        }
        return partEnd;
    }

    /**
     * Whether {@code node}, a block in a list item, is the last of the item's first part, a second
     * part following it: the end of the text kramdown reads the first part as.
     */
    static boolean endsFirstPart(Node node) {
        Node next = node.getNext();
        return node.getParent() instanceof ListItem item && !(item instanceof DefinitionItem) && next != null
                && secondPart(item) == KramdownFrames.lineStart(next.getChars().getBaseSequence(), next.getStartOffset());
    }

    /** The block whose text holds {@code item}'s list. */
    static Node containerOf(ListItem item) {
        return item.getParent() == null ? null : item.getParent().getParent();
    }

    /**
     * Moves what starts on the line at {@code second} or after it out of the blocks of
     * {@code item} it was read into, to stand in the item itself after the block it was read
     * into, however deep in that block flexmark read it: kramdown reads the second part apart,
     * so its blocks follow the first part's in the item. Items of a list that began before the
     * line become a list of their own, of the same kind. A definition list's items stay in it,
     * kramdown making no items' list of them.
     */
    private static void moveOut(ListItem item, int second, String text) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (lineStart(text, child.getStartOffset()) >= second) {
                return;
            }
            if (child.getEndOffset() > second) {
                List<Node> moved = new ArrayList<>();
                List<Node> emptied = new ArrayList<>();
                cutFrom(child, second, text, moved, emptied);
                Node after = child;
                for (Node node : moved) {
                    after.insertAfter(node);
                    after = node;
                }
                for (Node node : emptied) {
                    node.setCharsFromContent();
                }
                return;
            }
        }
    }

    /**
     * Takes out of {@code block}, which starts before the line at {@code second}, what starts on
     * that line or after it, in order, into {@code moved}: what a list, a list item or a quote
     * inside holds first, then the blocks after it, items of a list as a new list of its kind
     * (a definition list keeps its terms and definitions). Each block that lost some of what it
     * held goes into {@code emptied}, innermost first.
     */
    private static void cutFrom(Node block, int second, String text, List<Node> moved, List<Node> emptied) {
        int before = moved.size();
        Node child = block.getFirstChild();
        while (child != null && lineStart(text, child.getStartOffset()) < second) {
            if (child.getEndOffset() > second
                    && (child instanceof ListBlock || child instanceof ListItem || child instanceof BlockQuote)) {
                cutFrom(child, second, text, moved, emptied);
            }
            child = child.getNext();
        }
        if (block instanceof DefinitionList) {
            // a term or definition on the line stays in its list, of which kramdown makes no
            // items' list; only what the definition before it holds moves out
            child = null;
        }
        if (child instanceof ListItem && block instanceof ListBlock list) {
            ListBlock rest = sameKind(list);
            moveFrom(child, rest);
            rest.setCharsFromContent();
            moved.add(rest);
        } else {
            for (Node next; child != null; child = next) {
                next = child.getNext();
                child.unlink();
                moved.add(child);
            }
        }
        if (moved.size() > before) {
            emptied.add(block);
        }
    }

    private static void moveFrom(Node first, ListBlock into) {
        for (Node moved = first; moved != null; ) {
            Node next = moved.getNext();
            moved.unlink();
            into.appendChild(moved);
            moved = next;
        }
    }

    /** A new list of {@code list}'s kind, marker and tightness. */
    private static ListBlock sameKind(ListBlock list) {
        ListBlock copy;
        if (list instanceof OrderedList ordered) {
            OrderedList rest = new OrderedList();
            rest.setStartNumber(ordered.getStartNumber());
            rest.setDelimiter(ordered.getDelimiter());
            copy = rest;
        } else {
            BulletList rest = new BulletList();
            rest.setOpeningMarker(((BulletList) list).getOpeningMarker());
            copy = rest;
        }
        copy.setTight(list.isTight());
        return copy;
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }
}
