package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An HTML element whose opening tag asks kramdown to read what is between its tags as Markdown,
 * as blocks ({@link MarkdownHtmlBlock}) or as spans ({@link SpanHtmlBlock}): what both keep of
 * the tag, and whether it was closed, which the code that joins and spaces elements reads alike.
 */
abstract sealed class MarkdownElementBlock extends Block permits MarkdownHtmlBlock, SpanHtmlBlock {
    private final String tagName;
    private final String openingTag;
    private final String spacesBefore;
    private boolean closed = true;

    MarkdownElementBlock(BasedSequence chars, String tagName, String openingTag, String spacesBefore) {
        super(chars);
        this.tagName = tagName;
        this.openingTag = openingTag;
        this.spacesBefore = spacesBefore;
    }

    String tagName() {
        return tagName;
    }

    /** The opening tag as written, without its {@code markdown} attribute. */
    String openingTag() {
        return openingTag;
    }

    /**
     * The spaces and tabs before the opening tag on its line, after the marks of the quotes and
     * items around it: what kramdown keeps of the line before the tag.
     */
    String spacesBefore() {
        return spacesBefore;
    }

    /** Whether the element's closing tag was read; kramdown reads one never closed to the end of the text around it. */
    boolean closed() {
        return closed;
    }

    void setUnclosed() {
        closed = false;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
