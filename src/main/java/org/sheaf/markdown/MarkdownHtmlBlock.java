package org.sheaf.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * An HTML element written on lines of its own whose opening tag says {@code markdown="1"}: kramdown
 * parses what is between its tags as Markdown. The node's children are that Markdown.
 */
final class MarkdownHtmlBlock extends MarkdownElementBlock {
    MarkdownHtmlBlock(BasedSequence chars, String tagName, String openingTag, String spacesBefore) {
        super(chars, tagName, openingTag, spacesBefore);
    }
}
