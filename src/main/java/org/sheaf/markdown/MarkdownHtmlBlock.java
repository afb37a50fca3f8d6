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

    /**
     * The rest of the line after the closing tag, when the closing tag follows the opening one
     * right away inside raw HTML ({@code <div markdown="block"></div> text}): kramdown ends the
     * element there and reads the rest, spaces included, as the text of the raw HTML around it.
     */
    private String rawAfter = "";

    String rawAfter() {
        return rawAfter;
    }

    void setRawAfter(String text) {
        rawAfter = text;
    }
}
