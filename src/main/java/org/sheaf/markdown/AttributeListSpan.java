package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A kramdown span attribute list ({@code *text*{: .class}}), or a heading's trailing
 * {@code {#id}}. It renders nothing; {@link KramdownAttributes} attaches it to the span before
 * it (or to the heading).
 */
final class AttributeListSpan extends Node {
    private final AttributeList attributes;
    private final boolean headingId;

    AttributeListSpan(BasedSequence chars, AttributeList attributes, boolean headingId) {
        super(chars);
        this.attributes = attributes;
        this.headingId = headingId;
    }

    AttributeList attributes() {
        return attributes;
    }

    /** True for the {@code {#id}} that ends a heading and names the heading itself. */
    boolean headingId() {
        return headingId;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
