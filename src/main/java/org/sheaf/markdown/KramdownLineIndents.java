package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The white space kramdown keeps at the start of a paragraph's later lines. kramdown strips only
 * its first line; each container takes its own marker or indentation from a line before the
 * paragraph reads it (a quote its {@code >} and one space, a list item its indentation where the
 * line has all of it, after turning the tabs that start the line into four spaces each), and what
 * is left before the text stays in the text: {@code a} then {@code ···b} is {@code a\n···b}, and
 * a lazy line of an item keeps every space it has. flexmark drops those spaces; a template that
 * reads the page's HTML as text (a search index, {@code strip_html}, an excerpt) sees them.
 */
final class KramdownLineIndents {
    private KramdownLineIndents() {
    }

    /**
     * The white space kramdown keeps before the text that {@code next} starts, the first node of
     * a paragraph's line after a line break; empty when none, or when the paragraph's containers
     * are others than quotes and list items.
     */
    static String before(Node next) {
        BasedSequence source = next.getDocument().getChars();
        int textStart = next.getStartOffset();
        if (textStart == 0 || textStart > source.length()
                || source.charAt(textStart - 1) != ' ' && source.charAt(textStart - 1) != '\t') {
            return "";
        }
        Node block = next.getParent();
        while (block != null && !(block instanceof Paragraph)) {
            block = block.getParent();
        }
        if (block == null) {
            return "";
        }
        // the document's own string, not a copy of it for each line
        String text = source.getBase() instanceof String s && s.length() == source.length() ? s : source.toString();
        int lineStart = text.lastIndexOf('\n', textStart - 1) + 1;
        String kept = left(block.getParent(), lineStart, textStart, text);
        return kept == null || !kept.isBlank() ? "" : kept;
    }

    /**
     * What is left of the line from {@code lineStart} up to {@code textStart} once the containers
     * from the page down to {@code container} have taken their markers and indentation, as
     * kramdown reads it; null in a container this does not follow.
     */
    private static String left(Node container, int lineStart, int textStart, String text) {
        if (container instanceof Document) {
            return text.substring(lineStart, textStart);
        }
        if (container instanceof BlockQuote quote) {
            String line = left(quote.getParent(), lineStart, textStart, text);
            if (line == null) {
                return null;
            }
            int marker = 0;
            while (marker < line.length() && marker < 3 && line.charAt(marker) == ' ') {
                marker++;
            }
            if (marker >= line.length() || line.charAt(marker) != '>') {
                return line; // a lazy line keeps what it has
            }
            return line.substring(marker + 1 < line.length() && line.charAt(marker + 1) == ' ' ? marker + 2 : marker + 1);
        }
        if (container instanceof ListItem item) {
            String line = left(KramdownListParts.containerOf(item), lineStart, textStart, text);
            int indentation = line == null ? -1 : KramdownListParts.indentation(item, text);
            if (indentation < 0 || lineStart <= item.getStartOffset()) {
                return null;
            }
            int tabs = 0;
            while (tabs < line.length() && line.charAt(tabs) == '\t') {
                tabs++;
            }
            if (tabs > 0) {
                line = " ".repeat(4 * tabs) + line.substring(tabs);
            }
            return line.startsWith(" ".repeat(indentation)) ? line.substring(indentation) : line;
        }
        return null;
    }
}
