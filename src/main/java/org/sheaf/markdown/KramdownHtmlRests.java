package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rest of an element of raw HTML after an element inside it that kramdown reads as Markdown
 * ({@code <div>}, then {@code <aside markdown="1">} ... {@code </aside>}, then more). kramdown's
 * raw HTML parser reads on after the inner element's closing tag up to the outer element's own,
 * or to the end of the page when it has none: every line between, blank lines and text included,
 * is the outer element's raw text. flexmark reads those lines as Markdown, and a block starts
 * there only where a tag does ({@link KramdownHtmlBlockParser}); this puts one raw HTML block
 * where kramdown reads on, in place of the blocks flexmark made of its lines.
 */
final class KramdownHtmlRests {
    private KramdownHtmlRests() {
    }

    /**
     * Joins the rest of each element cut short in {@code document}, at its top or in a list item
     * or quote, into one raw HTML block.
     */
    static void join(Document document) {
        List<Block> elements = new ArrayList<>();
        for (Node node : Descendants.blocksOf(document)) {
            boolean closed = node instanceof MarkdownElementBlock element && element.closed();
            Node parent = node.getParent();
            if (closed && (parent instanceof Document || parent instanceof BlockQuote
                    || parent instanceof ListItem && !(parent instanceof DefinitionItem)
                    || parent instanceof MarkdownHtmlBlock)) {
                elements.add((Block) node);
            }
        }
        // what the blocks read so far leave open: a long run is read once, not from its start at each element
        Map<Node, Deque<String>> known = new IdentityHashMap<>();
        for (Block element : elements) {
            Deque<String> open = KramdownHtmlBlockParser.openAround(element, known);
            if (!open.isEmpty()) {
                join(element, open);
            }
        }
    }

    /**
     * Puts a raw HTML block after {@code element}, with {@code open} elements of raw HTML around
     * it, from the line after its closing tag to where kramdown's raw HTML ends, or the list item
     * or quote around it ends; nothing when text follows the tag on its line, or when a block
     * flexmark read there goes on past that end. Its lines are those kramdown reads in the item
     * or quote, their markers and indentation taken off.
     */
    private static void join(Block element, Deque<String> open) {
        BasedSequence source = element.getChars().getBaseSequence();
        Node container = element.getParent();
        // the raw text after an element closed right after its opening tag is the line's rest
        int after = element.getEndOffset() + (element instanceof MarkdownHtmlBlock html ? html.rawAfter().length() : 0);
        int from = nextLine(source, after);
        // in an element read as Markdown, the text ends before the line of its closing tag, or
        // with the element's lines when it has none
        int containerEnd = container instanceof Document ? source.length()
                : container instanceof MarkdownHtmlBlock outer && outer.closed()
                        ? KramdownFrames.lineStart(source, container.getEndOffset())
                : container.getEndOffset();
        if (from < 0 || from >= containerEnd) {
            return;
        }
        // a list item's first part is a text of its own: the rest ends where the second starts,
        // right at the line after the element's last one too, the rest then empty
        int end = KramdownListParts.partEnd(container, source, from - 1,
                Math.min(KramdownHtmlBlockParser.rawEnd(source, from, open), containerEnd));
        List<Node> taken = new ArrayList<>();
        for (Node next = element.getNext(); next != null && next.getStartOffset() < end; next = next.getNext()) {
            taken.add(next);
        }
        if (!taken.isEmpty() && lineEnd(source, taken.get(taken.size() - 1).getEndOffset()) > lineEnd(source, end)) {
            return;
        }
        List<BasedSequence> lines = linesIn(element, source, from, end);
        if (lines == null) {
            return;
        }
        HtmlBlock rest = new HtmlBlock(source.subSequence(lines.get(0).getStartOffset(), end));
        rest.setContent(lines);
        taken.forEach(Node::unlink);
        element.insertAfter(rest);
        // made after the parse: the contents kramdown reads as spans in it are read now
        Document document = element.getDocument();
        InlineParser inlineParser = LeanInlineParser.of(document);
        if (inlineParser != null) {
            KramdownHtmlBlockParser.parseSpanContents(rest, inlineParser);
            for (Node spans : rest.getChildren()) {
                KramdownSpanElements.readElements(document, spans);
            }
        }
    }

    /**
     * The lines from {@code from} to {@code end} in {@code source} as kramdown reads them in the
     * container of {@code element} ({@link KramdownFrames}), each with its line break; a line of
     * white space only kept whole in a list item outside quotes, as kramdown keeps it. Null where
     * the containers' reading of a line cannot be told.
     */
    private static List<BasedSequence> linesIn(Block element, BasedSequence source, int from, int end) {
        // an element read as Markdown reads the lines of the text around it
        Node container = element.getParent();
        while (container instanceof MarkdownHtmlBlock) {
            container = container.getParent();
        }
        boolean keepsBlankLines = KramdownHtmlBlockParser.inItemOutsideQuotes(element);
        List<BasedSequence> lines = new ArrayList<>();
        if (from == end) {
            // an element read as Markdown right on the next line: the rest between is empty
            lines.add(source.subSequence(from, end));
        }
        for (int line = from; line < end; line = KramdownFrames.lineEnd(source, line) + 1) {
            int lineEnd = KramdownFrames.lineEnd(source, line);
            KramdownFrames.Rest rest = KramdownFrames.of(container, source, line, lineEnd);
            if (rest == null) {
                return null;
            }
            int until = Math.min(lineEnd + 1, end);
            BasedSequence text = source.subSequence(Math.min(rest.at(), until), until);
            if (keepsBlankLines && text.isBlank()) {
                lines.add(source.subSequence(line, until));
            } else {
                lines.add(rest.spaces() > 0 ? PrefixedSubSequence.prefixOf(" ".repeat(rest.spaces()), text) : text);
            }
        }
        return lines;
    }

    /** The start of the line after the one holding {@code at} when only white space follows {@code at} on it, else -1. */
    private static int nextLine(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        if (i == text.length()) {
            return i;
        }
        return text.charAt(i) == '\n' ? i + 1 : -1;
    }

    /**
     * Where the line that holds the character before {@code end}, the end of a block or of raw
     * HTML, ends (its line break, or the end of the text): a block that ends with its line break
     * ends on that line, not on the next.
     */
    private static int lineEnd(BasedSequence text, int end) {
        return KramdownFrames.lineEnd(text, Math.max(end - 1, 0));
    }
}
