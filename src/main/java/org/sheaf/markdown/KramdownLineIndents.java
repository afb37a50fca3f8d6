package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The white space kramdown keeps at the start of a paragraph's later lines (and of a heading's
 * text on the line under its marker, MarkerOverTextHeadingParser). kramdown strips only
 * its first line; each container takes its own marker or indentation from a line before the
 * paragraph reads it (a quote its {@code >} and one space, a list item its indentation where the
 * line has all of it, after turning the tabs that start the line into four spaces each), and what
 * is left before the text stays in the text: {@code a} then {@code ···b} is {@code a\n···b}, and
 * a lazy line of an item keeps every space it has ({@link KramdownFrames} reads the line so).
 * flexmark drops those spaces; a template that reads the page's HTML as text (a search index,
 * {@code strip_html}, an excerpt) sees them.
 */
final class KramdownLineIndents {
    private KramdownLineIndents() {
    }

    /**
     * The white space kramdown keeps before the text that {@code next} starts, the first node of
     * a paragraph's line after a line break; empty when none, or when the paragraph's containers
     * are others than quotes, list items and elements read as blocks.
     */
    static String before(Node next) {
        String kept = before(next, next.getStartOffset());
        return kept == null ? "" : kept;
    }

    /**
     * The white space kramdown keeps before the text at document offset {@code textStart}, the
     * first that is no space or tab on a later line of the paragraph {@code inParagraph} is in or
     * is; empty when the line has none before it, null when it is not known: the paragraph's
     * containers are others than quotes, list items and elements read as blocks, or its line is
     * not read as they read it.
     */
    static String before(Node inParagraph, int textStart) {
        BasedSequence source = inParagraph.getDocument().getChars();
        if (textStart == 0 || textStart > source.length()
                || source.charAt(textStart - 1) != ' ' && source.charAt(textStart - 1) != '\t') {
            return "";
        }
        Node block = inParagraph;
        while (block != null && !(block instanceof Paragraph || block instanceof Heading)) {
            block = block.getParent();
        }
        if (block == null) {
            return null;
        }
        // the document's own string, not a copy of it for each line
        String text = source.getBase() instanceof String s && s.length() == source.length() ? s : source.toString();
        int lineStart = text.lastIndexOf('\n', textStart - 1) + 1;
        KramdownFrames.Rest rest = KramdownFrames.ofLine(containerTakingIndent(block), source, lineStart);
        if (rest == null || rest.at() > textStart) {
            return null;
        }
        String kept = " ".repeat(rest.spaces()) + text.substring(rest.at(), textStart);
        return kept.isBlank() ? kept : null;
    }

    /**
     * The innermost container around {@code block} that takes something off each line: an
     * element read as blocks takes nothing, as kramdown reads its content from the text around
     * it, each line as it stands there.
     */
    private static Node containerTakingIndent(Node block) {
        Node container = block.getParent();
        while (container instanceof MarkdownHtmlBlock) {
            container = container.getParent();
        }
        return container;
    }
}
