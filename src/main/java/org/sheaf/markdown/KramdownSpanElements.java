package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.LinkNode;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span-level HTML elements in the text of a paragraph, a heading or a table cell, as kramdown
 * reads them: an element's content runs to the first closing tag of its name, so a closing tag
 * is an element's only while no element opened after that one is still open; any other closing
 * tag is text, escaped ({@code x </span>}, the {@code </b>} of {@code <b><a></b>}). An element
 * that no closing tag ends is closed at the end of the text, as kramdown closes it: left open, a
 * browser would carry an {@code <a>} into the blocks after it. Tags of block-level elements, and
 * elements without content ({@code <br>}, {@code <img>}), open nothing.
 *
 * <p>The inline parser records each tag it reads ({@link #record}), so only the blocks with a
 * tag are read again: flexmark's node post-processors would walk every node of every document
 * to find them.
 */
final class KramdownSpanElements extends DocumentPostProcessorFactory {
    /** A tag's name, and whether it closes ({@code </a>}). */
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w:.-]*)");
    /** The inline HTML the inline parser read in a document, kept in the document. */
    private static final NullableDataKey<List<HtmlInline>> TAGS = new NullableDataKey<>("SHEAF_INLINE_HTML_TAGS");
    /** The closing tags written for elements a text left open ({@link #closesAtEnd}), kept in the document. */
    private static final NullableDataKey<Set<Node>> CLOSED_AT_END = new NullableDataKey<>("SHEAF_INLINE_HTML_CLOSED_AT_END");

    /** Notes that the inline parser read {@code tag} in {@code document}. */
    static void record(Document document, HtmlInline tag) {
        List<HtmlInline> tags = TAGS.get(document);
        if (tags == null) {
            tags = new ArrayList<>();
            TAGS.set(document, tags);
        }
        tags.add(tag);
    }

    @Override
    public DocumentPostProcessor apply(Document document) {
        return new DocumentPostProcessor() {
            @Override
            public Document processDocument(Document document) {
                List<HtmlInline> tags = TAGS.get(document);
                if (tags != null) {
                    Set<Node> read = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (HtmlInline tag : tags) {
                        Node text = textOf(tag);
                        if (text != null && read.add(text)) {
                            readElements(document, text);
                        }
                    }
                }
                return document;
            }
        };
    }

    /**
     * The paragraph, heading or table cell whose text {@code node} is part of, or the content of
     * an element inside raw HTML read as spans ({@link RawHtmlSpans}), which kramdown reads as a
     * text of its own; null when it is no longer in the tree.
     */
    private static Node textOf(Node node) {
        Node parent = node.getParent();
        while (parent != null && !(parent instanceof Block || parent instanceof TableCell || parent instanceof RawHtmlSpans)) {
            parent = parent.getParent();
        }
        return parent;
    }

    /**
     * Whether an element's tag stands between {@code from} and {@code to}, two nodes of one text,
     * whose element holds {@code to} and not {@code from}: an element opened between them and not
     * closed before {@code to} (one left open runs to the end of the text). kramdown reads an
     * element's content on its own, so no emphasis opened outside it closes inside it
     * ({@code *a <b> c*} is no emphasis). The other way round an emphasis goes on: kramdown reads
     * it to its closing marker, and a closing tag in it of an element opened before it is text
     * ({@code <span>*b</span> c*}; {@link #readElements}). Nothing stands between two markers of
     * one run, one node ({@code ****<b>} is emphasis of {@code **} before the element).
     */
    static boolean crossesElement(Node from, Node to) {
        if (from == to || !mayHoldElements(from)) {
            return false;
        }
        Deque<String> open = new ArrayDeque<>();
        for (Node node = next(from, to); node != null && node != to; node = next(node, to)) {
            String name = elementTag(node);
            if (name == null) {
                continue;
            }
            if (name.startsWith("/")) {
                if (name.substring(1).equals(open.peek())) {
                    open.pop();
                }
            } else {
                open.push(name);
            }
        }
        return !open.isEmpty();
    }

    /**
     * Whether {@code node} is in the content of a span element of its text, read after the
     * elements were made whole ({@link #readElements}), when every closing tag left closes the
     * element last opened.
     */
    static boolean insideElement(Node node) {
        Node text = textOf(node);
        if (text == null || TAGS.get(node.getDocument()) == null) {
            return false;
        }
        int depth = 0;
        for (Node at : Descendants.of(text)) {
            if (at == node) {
                break;
            }
            String name = elementTag(at);
            if (name != null) {
                depth += name.startsWith("/") ? -1 : 1;
            }
        }
        return depth > 0;
    }

    /**
     * Whether the text of {@code node} may hold an element's tag: not where its document holds no
     * tag at all, the case of nearly every text.
     */
    static boolean mayHoldElements(Node node) {
        Node root = node;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return !(root instanceof Document document && TAGS.get(document) == null);
    }

    /**
     * The opening tag of the element that {@code tag} ends, which a span attribute list right
     * after {@code tag} belongs to: the tag itself where it opens an element without content or
     * closes in itself ({@code <br>}, {@code <span/>}), the opening tag a closing one closes; null
     * where the list has nothing before it in kramdown's tree, so stays text: after the opening
     * tag of an element with content (the list starts the content), or a block-level tag (text in
     * a paragraph).
     */
    static HtmlInline elementOf(HtmlInline tag) {
        if (KramdownNodeRenderer.isBlockElementTag(tag.getChars())) {
            return null;
        }
        String name = elementTag(tag);
        if (name == null) {
            return tag;
        }
        if (!name.startsWith("/")) {
            return null;
        }
        // after the elements were made whole (readElements) each closing tag closes the one last opened
        int depth = 0;
        for (Node before = tag.getPrevious(); before != null; before = before.getPrevious()) {
            String other = elementTag(before);
            if (other != null && other.startsWith("/")) {
                depth++;
            } else if (other != null && depth-- == 0) {
                return (HtmlInline) before;
            }
        }
        return null;
    }

    /**
     * The node after {@code node} in document order, into its children first unless it is
     * {@code to}, or null past the end of its text.
     */
    static Node next(Node node, Node to) {
        if (node.getFirstChild() != null && node != to) {
            return node.getFirstChild();
        }
        for (Node at = node; at != null && !(at instanceof Block); at = at.getParent()) {
            if (at.getNext() != null) {
                return at.getNext();
            }
        }
        return null;
    }

    /**
     * The lower-case name of the span element whose tag {@code node} is, with a {@code /} before
     * it for a closing tag; null for any other node, a comment, a block-level tag (text in a
     * paragraph) or the tag of an element without content.
     */
    static String elementTag(Node node) {
        if (!(node instanceof HtmlInline html)) {
            return null;
        }
        BasedSequence chars = html.getChars();
        Matcher tag = TAG.matcher(chars);
        if (!tag.lookingAt()) {
            return null;
        }
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (KramdownNodeRenderer.BLOCK_ELEMENTS.contains(name)) {
            return null;
        }
        if (!tag.group(1).isEmpty()) {
            return "/" + name;
        }
        return chars.endsWith("/>") || KramdownTags.empty(name) ? null : name;
    }

    /**
     * Whether {@code chars}, an opening tag to flexmark, is none to kramdown, whose tags allow
     * only word characters in a value without quotes ({@code <img src=a.png>} is text).
     */
    private static boolean notATag(BasedSequence chars) {
        return chars.length() > 1 && Character.isLetter(chars.charAt(1)) && !KramdownTags.OPEN_TAG.matcher(chars).matches();
    }

    /**
     * Whether {@code node} is a closing tag written at the end of a text for an element the text
     * left open: kramdown reads the element's content to the end of the text, so a line break
     * added to the text (after a list item's first paragraph) goes inside it.
     */
    static boolean closesAtEnd(Node node) {
        Set<Node> closers = CLOSED_AT_END.get(node.getDocument());
        return closers != null && closers.contains(node);
    }

    /**
     * Makes the closing tags in {@code text} that end no element text, and closes the elements
     * left open: for a text parsed after the document's post-processors ran, as this one does
     * for the others. A closing tag in an emphasis or a link's text ends only an element opened
     * in that emphasis or text, as kramdown reads their content to its closing marker, with tags
     * of its own; and a link whose text leaves an element open is no link
     * ({@link #unlinkLeftOpen}).
     */
    static void readElements(Document document, Node text) {
        List<HtmlInline> stray = new ArrayList<>();
        Deque<OpenElement> open = read(text, stray);
        while (unlinkLeftOpen(open)) {
            stray.clear();
            open = read(text, stray);
        }
        for (HtmlInline tag : stray) {
            tag.insertBefore(new Text(tag.getChars()));
            tag.unlink();
        }
        if (open.isEmpty()) {
            return;
        }
        Set<Node> closers = CLOSED_AT_END.get(document);
        if (closers == null) {
            closers = Collections.newSetFromMap(new IdentityHashMap<>());
            CLOSED_AT_END.set(document, closers);
        }
        while (!open.isEmpty()) {
            HtmlInline closer = new HtmlInline(BasedSequence.of("</" + open.pop().name() + ">"));
            text.appendChild(closer);
            closers.add(closer);
        }
    }

    /**
     * Reads the tags of {@code text} in order: adds to {@code stray} those that kramdown reads as
     * text (a closing tag that ends no element, a tag it does not read as one), and returns the
     * elements left open, innermost first.
     */
    private static Deque<OpenElement> read(Node text, List<HtmlInline> stray) {
        Deque<OpenElement> open = new ArrayDeque<>();
        for (Node node : Descendants.of(text)) {
            if (node instanceof HtmlInline html && notATag(html.getChars())) {
                stray.add(html);
                continue;
            }
            // a comment, a block-level tag (text already, written so by the renderer) or an
            // element without content opens and closes nothing
            String name = elementTag(node);
            if (name == null) {
                continue;
            }
            if (name.startsWith("/")) {
                OpenElement last = open.peek();
                if (last != null && last.name().equals(name.substring(1)) && last.scope() == scopeAround(node)) {
                    open.pop();
                } else {
                    stray.add((HtmlInline) node);
                }
            } else {
                open.push(new OpenElement(name, scopeAround(node)));
            }
        }
        return open;
    }

    /**
     * Turns each link or image whose text leaves one of {@code open} open back into text, its
     * brackets and destination written as they stand and its text's nodes in its place; returns
     * whether it turned any. kramdown reads the element's content to its closing tag, or to the
     * end of the text around the link, past the {@code ]}, so it finds no end to the link's text
     * ({@code [<span>*b</span> c*](u)}: the emphasis takes the closing tag).
     */
    private static boolean unlinkLeftOpen(Deque<OpenElement> open) {
        boolean unlinked = false;
        for (OpenElement element : open) {
            Node link = linkAround(element.scope());
            if (link != null && link.getParent() != null) {
                unlink(link);
                unlinked = true;
            }
        }
        return unlinked;
    }

    /** The link or image that {@code scope}, an emphasis or a link within a text, is or stands in, or null. */
    private static Node linkAround(Node scope) {
        for (Node at = scope; at != null && !(at instanceof Block); at = at.getParent()) {
            if (at instanceof LinkNode || at instanceof RefNode) {
                return at;
            }
        }
        return null;
    }

    /** Puts the nodes of {@code link}'s text in its place, between its brackets and destination as text. */
    private static void unlink(Node link) {
        BasedSequence chars = link.getChars();
        Node first = link.getFirstChild();
        Node last = link.getLastChild();
        link.insertBefore(new Text(chars.baseSubSequence(chars.getStartOffset(), first.getStartOffset())));
        Node next;
        for (Node child = first; child != null; child = next) {
            next = child.getNext();
            link.insertBefore(child);
        }
        link.insertBefore(new Text(chars.baseSubSequence(last.getEndOffset(), chars.getEndOffset())));
        link.unlink();
    }

    /**
     * An element opened in a text, by name, and the innermost emphasis or link its opening tag
     * stands in ({@link #scopeAround}), or null.
     */
    private record OpenElement(String name, Node scope) {
    }

    /**
     * The innermost emphasis, of either strength, or link or image that {@code node} stands in
     * within its text, or null: kramdown reads the content of each to its closing marker, and a
     * closing tag there ends only an element opened in it.
     */
    private static Node scopeAround(Node node) {
        for (Node at = node.getParent(); at != null && !(at instanceof Block); at = at.getParent()) {
            if (at instanceof Emphasis || at instanceof StrongEmphasis || at instanceof LinkNode || at instanceof RefNode) {
                return at;
            }
        }
        return null;
    }
}
