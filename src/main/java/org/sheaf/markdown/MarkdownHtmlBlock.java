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

    MarkdownHtmlBlock(BasedSequence chars, String tagName, String openingTag) {
        super(chars);
        this.tagName = tagName;
        this.openingTag = openingTag;
    }

    String tagName() {
        return tagName;
    }

    /** The opening tag as written, without its {@code markdown} attribute. */
    String openingTag() {
        return openingTag;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
