package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationBlock;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The blank lines kramdown writes between blocks. kramdown keeps each run of blank lines of the
 * source as a node of its tree and writes it as one empty line, so its HTML has an empty line
 * wherever the Markdown had one between two blocks of the same container, and none where a block
 * followed another directly ({@code Para\n> quote}). Blocks that write nothing (link and
 * abbreviation definitions, attribute lists, footnote text) still hold their place, so the blank
 * lines around them are written too.
 *
 * <p>Registered before the renderers that write the blocks, to which each handler here hands the
 * block on once the blank line is written.
 */
final class KramdownBlankLines implements NodeRenderer {
    /** Every block kramdown's GFM parser may find in a container where blank lines separate blocks. */
    private static final List<Class<? extends Node>> BLOCKS = List.of(Paragraph.class, Heading.class,
            BlockQuote.class, BulletList.class, OrderedList.class, FencedCodeBlock.class,
            IndentedCodeBlock.class, ThematicBreak.class, HtmlBlock.class, HtmlCommentBlock.class,
            MarkdownHtmlBlock.class, SpanHtmlBlock.class, TableBlock.class, DefinitionList.class, KramdownMath.Block.class, KramdownRawLines.Line.class,
            KramdownExtensionBlock.class, AttributeListBlock.class, KramdownEndOfBlock.class,
            Reference.class, FootnoteBlock.class, AbbreviationBlock.class);

    /** The handlers, which hold no state: flexmark asks for them at every document it renders. */
    private static final Set<NodeRenderingHandler<?>> HANDLERS =
            BLOCKS.stream().map(KramdownBlankLines::handler).collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return HANDLERS;
    }

    private static <N extends Node> NodeRenderingHandler<N> handler(Class<N> type) {
        return new NodeRenderingHandler<>(type, KramdownBlankLines::render);
    }

    private static void render(Node node, NodeRendererContext context, HtmlWriter html) {
        if (blankLineBefore(node)) {
            html.line();
            html.blankLine();
        }
        context.delegateRender();
        if (node.getNext() == null && blankLineAfterLast(node)) {
            html.line();
            html.blankLine();
        }
    }

    /**
     * Whether the source has a blank line after the last block of the page or of a block quote,
     * before the end of it: kramdown writes that run of blank lines as an empty line too. A list
     * item's blank lines at its end belong to the list's container, so the page's or the quote's,
     * unless raw HTML last in the list's last item reads on over them.
     * The writer keeps one empty line however often it is asked, so a blank line already written
     * before a block that writes nothing (a link definition) is not written twice, as kramdown
     * writes a run of blank lines around such a block as one.
     */
    private static boolean blankLineAfterLast(Node node) {
        if (swallowsBlankLines(node) || swallowsBlankLines(lastInList(node))) {
            return false;
        }
        Node container = node.getParent();
        BasedSequence source = node.getDocument().getChars();
        int containerEnd;
        if (container instanceof Document) {
            containerEnd = source.length();
        } else if (container instanceof BlockQuote) {
            containerEnd = container.getEndOffset();
        } else if (container instanceof MarkdownHtmlBlock element) {
            containerEnd = contentEnd(element);
            if (containerEnd < node.getEndOffset()) {
                return false;
            }
        } else {
            return false;
        }
        int end = node.getEndOffset();
        while (end > node.getStartOffset() && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        // kramdown reads a page as ending with a line break
        int lineBreaks = container instanceof Document && (source.isEmpty() || source.charAt(source.length() - 1) != '\n') ? 1 : 0;
        for (int at = end; at < containerEnd; at++) {
            char c = source.charAt(at);
            if (c == '\n') {
                lineBreaks++;
            } else if (c != '>' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return lineBreaks >= 2;
    }

    /**
     * Whether the source has a blank line between the block and the block before it in the same
     * container: a line holding nothing but white space and the container's own markers, after
     * the line where the block before it ends, or, for a quote's first block, after the line of
     * the quote's first {@code >}.
     */
    static boolean blankLineBefore(Node node) {
        Node previous = node.getPrevious();
        if (previous == null) {
            if (node.getParent() instanceof MarkdownHtmlBlock element) {
                // kramdown keeps the blank lines after the element's opening tag
                return lineBreaks(node.getDocument().getChars(), element.getStartOffset(), node.getStartOffset()) >= 2;
            }
            if (node.getParent() instanceof BlockQuote quote) {
                // a quote whose first line is a bare > starts with that blank line in kramdown
                return lineBreaks(node.getDocument().getChars(), quote.getStartOffset(), node.getStartOffset()) >= 1;
            }
            return node.getParent() instanceof ListItem item && blankLineOpens(item);
        }
        // a list ended by a ^ keeps the blank lines before the marker as its own, and kramdown
        // writes none of them (a definition list does not)
        if (node instanceof KramdownEndOfBlock && (previous instanceof BulletList || previous instanceof OrderedList)) {
            return false;
        }
        if (swallowsBlankLines(lastInList(previous))) {
            return false;
        }
        BasedSequence source = node.getDocument().getChars();
        int end = previous.getEndOffset();
        while (end > previous.getStartOffset() && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        return lineBreaks(source, end, node.getStartOffset()) >= 2;
    }

    /**
     * Whether {@code node} is raw HTML that leaves an element open (the rest of one an element
     * read as Markdown cut short included), or an element read as Markdown never closed:
     * kramdown reads it on to the end of its container's text, the blank lines there included,
     * so none stands after it.
     */
    private static boolean swallowsBlankLines(Node node) {
        return node instanceof HtmlBlock raw && RawHtmlSpans.rawText(raw) && KramdownHtmlText.leavesOpen(raw.getContentChars().toString())
                || node instanceof HtmlBlock rest && KramdownHtmlBlockParser.insideRaw(rest) && !KramdownHtmlBlockParser.leftOpenBy(rest).isEmpty()
                || node instanceof MarkdownElementBlock element && !element.closed()
                || node instanceof MarkdownElementBlock closed && node.getParent() instanceof ListItem
                        && !KramdownHtmlBlockParser.openAround(closed, new IdentityHashMap<>()).isEmpty();
    }

    /**
     * The blank lines after {@code node}, the last block of a list item, to the end of the item's
     * text, when raw HTML left elements open around it (an element read as Markdown inside them,
     * or the rest of raw HTML after one): kramdown's raw HTML parser reads on over them to the end
     * of the item's text, which holds every blank line up to the next item or the end of the
     * list, and writes each as an empty line before the closing tags. None outside list items,
     * nor in a quote, whose text a blank line ends.
     */
    static int blankLinesEndingItem(Node node) {
        Node next = node.getNext();
        while (next instanceof BlankLine) {
            next = next.getNext();
        }
        if (next != null || !(node.getParent() instanceof ListItem) || !KramdownHtmlBlockParser.inItemOutsideQuotes(node)) {
            return 0;
        }
        BasedSequence source = node.getDocument().getChars();
        int end = node.getEndOffset();
        int lineEnd = end > 0 && source.charAt(end - 1) == '\n' ? end - 1 : source.indexOf('\n', end);
        int blank = 0;
        while (lineEnd >= 0) {
            int nextEnd = source.indexOf('\n', lineEnd + 1);
            if (nextEnd < 0 || !source.subSequence(lineEnd + 1, nextEnd).isBlank()) {
                return blank;
            }
            blank++;
            lineEnd = nextEnd;
        }
        return blank;
    }

    /**
     * The last block of the last item of {@code node} when it is a list, a definition list too,
     * through lists last in items; else null. kramdown reads that block on to the end of each
     * list it is last in, so how it ends (an element left open, one that ends its line) is how
     * they end.
     */
    static Node lastInList(Node node) {
        Node last = node;
        while (last instanceof ListBlock) {
            last = last.getLastChild() == null ? null : last.getLastChild().getLastChild();
        }
        return last == node ? null : last;
    }

    /**
     * Whether a line stands between the opening tag's line of {@code element}, an element read as
     * Markdown that holds no block, and its closing tag (or the end of its text when it has none):
     * a blank line, which kramdown writes.
     */
    static boolean blankLineInside(MarkdownHtmlBlock element) {
        BasedSequence source = element.getDocument().getChars();
        int openingEnd = source.indexOf('\n', element.getStartOffset());
        return openingEnd >= 0 && lineBreaks(source, openingEnd + 1, contentEnd(element)) >= 1;
    }

    /**
     * Where the text of {@code element}, an element read as Markdown, ends in the source: at its
     * closing tag, whose blank lines before it kramdown keeps; or, never closed, at the end of
     * the text around it. That of a list item runs on over the blank lines after its last block,
     * up to the next item's marker or the end of the list, which flexmark leaves to the list;
     * not past the end of a block quote around it, which a blank line ends.
     */
    private static int contentEnd(MarkdownHtmlBlock element) {
        BasedSequence source = element.getDocument().getChars();
        if (element.closed()) {
            return source.lastIndexOf("</", element.getEndOffset());
        }
        int end = element.getEndOffset();
        Node item = element.getAncestorOfType(ListItem.class);
        if (item == null || item.getEndOffset() != end) {
            return end;
        }
        Node quote = element.getAncestorOfType(BlockQuote.class);
        int limit = quote == null ? source.length() : quote.getEndOffset();
        for (int lineEnd = source.indexOf('\n', end); lineEnd >= 0 && lineEnd < limit && source.subSequence(end, lineEnd).isBlank();
                lineEnd = source.indexOf('\n', end)) {
            end = lineEnd + 1;
        }
        return end;
    }

    private static int lineBreaks(BasedSequence source, int from, int to) {
        int lineBreaks = 0;
        for (int at = from; at < to; at++) {
            if (source.charAt(at) == '\n') {
                lineBreaks++;
            }
        }
        return lineBreaks;
    }

    /**
     * Whether a blank line stands between a list item's marker and its first block: only where
     * the marker's line holds no text ({@code * } and a blank line), and kramdown keeps that
     * blank line as the item's first node, so writes it and wraps the paragraph after in
     * {@code <p>}; a definition's too. Not a term's, which is one line.
     */
    static boolean blankLineOpens(ListItem item) {
        Node first = item.getFirstChild();
        if (first == null || !(item instanceof BulletListItem || item instanceof OrderedListItem || item instanceof DefinitionItem)) {
            return false;
        }
        BasedSequence source = item.getDocument().getChars();
        int lineBreaks = 0;
        for (int at = item.getOpeningMarker().getEndOffset(); at < first.getStartOffset(); at++) {
            if (source.charAt(at) == '\n') {
                lineBreaks++;
            }
        }
        return lineBreaks >= 2;
    }

    /** Makes the renderer; it keeps no state, one serves every document. */
    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder data) {
            return new KramdownBlankLines();
        }
    }
}
