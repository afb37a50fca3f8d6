package org.sheaf.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An HTML element whose opening tag says {@code markdown="span"}: kramdown reads what is between
 * its tags as one text of Markdown spans. The node's children are those spans.
 */
final class SpanHtmlBlock extends MarkdownElementBlock {
    private BasedSequence content = BasedSequence.NULL;

    SpanHtmlBlock(BasedSequence chars, String tagName, String openingTag, String spacesBefore) {
        super(chars, tagName, openingTag, spacesBefore);
    }

    /** What stands between the tags, without the marks of the quotes and items around it. */
    BasedSequence content() {
        return content;
    }

    void setContent(BasedSequence content) {
        this.content = content;
    }
}
