package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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

    /** Joins the rest of each element cut short at the top of {@code document} into one raw HTML block. */
    static void join(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            boolean closed = node instanceof MarkdownHtmlBlock element && element.closed()
                    || node instanceof SpanHtmlBlock span && span.closed();
            if (closed) {
                Deque<String> open = KramdownHtmlBlockParser.openAround((Block) node);
                if (!open.isEmpty()) {
                    join((Block) node, open);
                }
            }
        }
    }

    /**
     * Puts a raw HTML block after {@code element}, with {@code open} elements of raw HTML around
     * it, from the line after its closing tag to where kramdown's raw HTML ends; nothing when text
     * follows the tag on its line, or when a block flexmark read there goes on past that end.
     */
    private static void join(Block element, Deque<String> open) {
        BasedSequence source = element.getChars().getBaseSequence();
        int from = nextLine(source, element.getEndOffset());
        if (from < 0 || from >= source.length()) {
            return;
        }
        int end = KramdownHtmlBlockParser.rawEnd(source, from, open);
        List<Node> taken = new ArrayList<>();
        for (Node next = element.getNext(); next != null && next.getStartOffset() < end; next = next.getNext()) {
            taken.add(next);
        }
        if (!taken.isEmpty() && lineEnd(source, taken.get(taken.size() - 1).getEndOffset()) > lineEnd(source, end)) {
            return;
        }
        HtmlBlock rest = new HtmlBlock(source.subSequence(from, end));
        rest.setContent(List.of(rest.getChars()));
        taken.forEach(Node::unlink);
        element.insertAfter(rest);
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
