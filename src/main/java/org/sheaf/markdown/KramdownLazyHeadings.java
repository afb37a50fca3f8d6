package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A setext heading whose underline is a lazy line: {@code * item} or {@code > quote}, then
 * {@code ---} or {@code ===} at the margin. kramdown gathers a list item's or block quote's lines,
 * lazy ones included, before it reads their blocks, so there the underline sits right under the
 * text and makes it a heading inside the item or quote. flexmark asks its heading parser only
 * about lines that continue the paragraph's own container, and keeps a lazy underline as a line
 * of the paragraph; this turns such a paragraph's first line back into the heading kramdown
 * makes. As in kramdown, the heading's text is one line: under a paragraph of two lines or more
 * the underline stays text, and the heading must stand at a block boundary: first in its item
 * or quote, or after a blank line.
 *
 * <p>The lazy lines after the underline are blocks of the item or quote for kramdown too, read
 * afresh: a rule there is a rule (and a heading is none, not being at a boundary); what follows
 * stays the paragraph. Any other block would have ended the container in flexmark already, so
 * only rules can hide in the paragraph.
 */
final class KramdownLazyHeadings implements ParagraphPreProcessor {
    private static final Pattern UNDERLINE = Pattern.compile("(?:=+|-+)[ \\t]*");

    @Override
    public int preProcessBlock(Paragraph paragraph, ParserState state) {
        Node parent = paragraph.getParent();
        if (!(parent instanceof ListItem || parent instanceof BlockQuote)) {
            return 0;
        }
        List<BasedSequence> lines = paragraph.getContentLines();
        if (lines.size() < 2 || lines.get(0).isBlank()) {
            return 0;
        }
        BasedSequence underline = lines.get(1).trimEOL();
        if (!atMargin(underline) || !UNDERLINE.matcher(underline).matches() || !atBoundary(paragraph)) {
            return 0;
        }
        BasedSequence text = lines.get(0).trim();
        BasedSequence marker = underline.trimEnd();
        Heading heading = new Heading(text.baseSubSequence(text.getStartOffset(), marker.getEndOffset()));
        heading.setText(text);
        heading.setClosingMarker(marker);
        heading.setLevel(marker.charAt(0) == '=' ? 1 : 2);
        state.getInlineParser().parse(text, heading);
        insert(heading, paragraph, state);
        int next = 2;
        while (next < lines.size()) {
            BasedSequence line = lines.get(next).trimEOL().trimEnd();
            if (!atMargin(line) || !KramdownRuleParser.RULE.matcher(line).matches()) {
                break;
            }
            insert(new ThematicBreak(line), paragraph, state);
            next++;
        }
        return lines.get(next - 1).getEndOffset() - paragraph.getChars().getStartOffset();
    }

    private static void insert(Block block, Paragraph paragraph, ParserState state) {
        paragraph.insertBefore(block);
        state.blockAdded(block);
    }

    /** Whether the paragraph is first in its container or has a blank line before it. */
    private static boolean atBoundary(Paragraph paragraph) {
        if (paragraph.getPrevious() == null) {
            return true;
        }
        BasedSequence all = paragraph.getDocument().getChars();
        int start = paragraph.getStartOffset();
        int lineStart = start;
        while (lineStart > 0 && all.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int previousStart = lineStart - 1;
        while (previousStart > 0 && all.charAt(previousStart - 1) != '\n') {
            previousStart--;
        }
        return lineStart > 0 && isBlankQuoted(all.subSequence(previousStart, lineStart - 1));
    }

    /** Whether {@code line} holds nothing but the block quote markers it may be nested in. */
    private static boolean isBlankQuoted(BasedSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '>' && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code line} starts its line of the document, as a lazy line does. */
    private static boolean atMargin(BasedSequence line) {
        int start = line.getStartOffset();
        return start == 0 || line.getBaseSequence().charAt(start - 1) == '\n';
    }

    /** Registers the pre-processor with flexmark, after link reference definitions are read. */
    static final class Factory extends AfterReferencesFactory {
        Factory() {
            super(KramdownLazyHeadings::new);
        }
    }
}
