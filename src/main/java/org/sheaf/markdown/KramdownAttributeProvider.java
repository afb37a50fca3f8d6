package org.sheaf.markdown;

import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Map;

/**
 * Puts kramdown's attributes on flexmark's elements: those of attached attribute lists, and
 * table cell alignment as {@code style="text-align: ..."} instead of {@code align}.
 */
final class KramdownAttributeProvider implements AttributeProvider {
    private final Document document;

    /** @param document the document being rendered (named here: finding it from a node climbs the tree) */
    private KramdownAttributeProvider(Document document) {
        this.document = document;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableCell && part == AttributablePart.NODE) {
            String align = attributes.getValue("align");
            if (align != null && !align.isEmpty()) {
                attributes.remove("align");
                attributes.addValue("style", "text-align: " + align);
            }
        }
        if (part != AttributablePart.NODE && part != AttributablePart.LINK) {
            return;
        }
        AttributeList list = KramdownAttributes.of(document, node);
        if (list == null) {
            return;
        }
        if (list.id() != null) {
            attributes.replaceValue("id", list.id());
        }
        for (String name : list.classes()) {
            attributes.addValue("class", name);
        }
        for (Map.Entry<String, String> pair : list.pairs().entrySet()) {
            attributes.replaceValue(pair.getKey(), pair.getValue());
        }
    }

    /** Registers the provider with flexmark. */
    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new KramdownAttributeProvider(context.getDocument());
        }
    }
}
