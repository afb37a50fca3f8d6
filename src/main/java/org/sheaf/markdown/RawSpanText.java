package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Text inside an element whose content kramdown reads raw ({@code <code>}, {@code <kbd>}, ...):
 * written as it stands, with only {@code <}, {@code >} and an {@code &} that starts no reference
 * escaped ({@link KramdownHtmlText#escapedRaw}), no smart quotes
 * and no escapes resolved. Not a {@code Text}, so that nothing looking for text to change
 * (abbreviations, mentions, flexmark's merging of text runs) reaches it.
 */
final class RawSpanText extends Node {
    RawSpanText(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
