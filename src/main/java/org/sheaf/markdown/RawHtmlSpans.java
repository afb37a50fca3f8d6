package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The content of an element inside a block of raw HTML that kramdown reads as Markdown spans
 * ({@code x <em markdown="1">*y*</em>}), under that block: its children are the spans, which
 * the block's text is written around ({@link KramdownHtmlText#escaped(String, boolean, KramdownHtmlText.MarkdownContents)}).
 */
final class RawHtmlSpans extends Node {
    RawHtmlSpans(BasedSequence chars) {
        super(chars);
    }

    /**
     * Whether {@code block} is written as its raw text: it holds no nodes but those of its spans
     * and documents of its blocks ({@link RawHtmlBlocks}).
     */
    static boolean rawText(HtmlBlock block) {
        return block.getFirstChild() == null || block.getFirstChild() instanceof RawHtmlSpans
                || block.getFirstChild() instanceof Document;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
