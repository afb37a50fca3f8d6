package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sheaf.markdown.KramdownHtmlBlockParser.BlocksContent;

/**
 * The contents of elements inside blocks of raw HTML that kramdown reads as blocks after text on
 * their line ({@code x <em markdown="block">*y*}). kramdown's block parser reads on from the tag
 * as from the start of a line, so each content is parsed as a text of its own, and the
 * {@link Document} that parse gives goes under the raw HTML block, in order; what the renderer
 * and the parsers' helpers read of a node's text they then read in that content's text. The
 * block's text is written around them ({@link KramdownHtmlText#escaped(String, boolean, KramdownHtmlText.MarkdownContents)}).
 */
final class RawHtmlBlocks {
    private RawHtmlBlocks() {
    }

    /** Puts the contents read as blocks in the raw HTML blocks of {@code document} under their block, each parsed by {@code parser}. */
    static void parseInside(Document document, Function<String, Document> parser) {
        List<HtmlBlock> blocks = new ArrayList<>();
        for (Node node : Descendants.blocksOf(document)) {
            if (node instanceof HtmlBlock raw && RawHtmlSpans.rawText(raw)) {
                blocks.add(raw);
            }
        }
        for (HtmlBlock raw : blocks) {
            BasedSequence html = raw.getContentChars();
            for (BlocksContent content : KramdownHtmlText.blockContents(html.toString())) {
                raw.appendChild(parser.apply(html.subSequence(content.start(), content.end()).toString()));
            }
        }
    }
}
