package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An HTML element whose opening tag says {@code markdown="span"}: kramdown reads what is between
 * its tags as one text of Markdown spans. The node's children are those spans.
 */
final class SpanHtmlBlock extends Block {
    private final String tagName;
    private final String openingTag;
    private final String spacesBefore;
    private BasedSequence content = BasedSequence.NULL;
    private boolean closed = true;

    SpanHtmlBlock(BasedSequence chars, String tagName, String openingTag, String spacesBefore) {
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

    /** What stands between the tags, without the marks of the quotes and items around it. */
    BasedSequence content() {
        return content;
    }

    void setContent(BasedSequence content) {
        this.content = content;
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
