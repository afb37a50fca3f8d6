package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A kramdown block attribute list on a line of its own ({@code {: .class}}), or an attribute
 * list definition ({@code {:name: .class}}) when {@link #definitionName()} is not null. It
 * renders nothing; {@link KramdownAttributes} attaches it to a neighbouring block.
 */
final class AttributeListBlock extends Block {
    private final String definitionName;
    private final AttributeList attributes;

    AttributeListBlock(BasedSequence chars, String definitionName, AttributeList attributes) {
        super(chars);
        this.definitionName = definitionName;
        this.attributes = attributes;
    }

    String definitionName() {
        return definitionName;
    }

    AttributeList attributes() {
        return attributes;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
