package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An HTML element written on lines of its own whose opening tag says {@code markdown="1"}: kramdown
 * parses what is between its tags as Markdown. The node's children are that Markdown.
 */
final class MarkdownHtmlBlock extends Block {
    private final String tagName;
    private final String openingTag;
    private final String spacesBefore;
    private boolean closed = true;

    MarkdownHtmlBlock(BasedSequence chars, String tagName, String openingTag, String spacesBefore) {
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
