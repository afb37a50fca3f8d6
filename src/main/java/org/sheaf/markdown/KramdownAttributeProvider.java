package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Map;

/**
 * Puts kramdown's attributes on flexmark's elements: those of attached attribute lists (an
 * abbreviation's those of its definition), their values written as kramdown writes them
 * ({@link KramdownAttributeValues}), and
 * table cell alignment as {@code style="text-align: ..."} instead of {@code align}, and the
 * classes of task lists ({@link KramdownTaskLists}).
 */
final class KramdownAttributeProvider implements AttributeProvider {
    private final Document document;

    /** @param document the document being rendered (named here: finding it from a node climbs the tree) */
    private KramdownAttributeProvider(Document document) {
        this.document = document;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        AttributeList list = setKramdownAttributes(node, part, attributes);
        if (node instanceof Heading heading && part == AttributablePart.NODE) {
            HeadingCollector headings = HeadingCollector.KEY.get(document);
            if (headings != null) {
                headings.written(heading, attributes.getValue("id"));
            }
        }
        if (list != null) {
            // once the heading's id is noted as it stands
            KramdownAttributeValues values = KramdownAttributeValues.KEY.get(document);
            for (String name : list.attributes().keySet()) {
                String value = attributes.getValue(name);
                if (!value.isEmpty()) {
                    attributes.replaceValue(name, values.written(value));
                }
            }
        }
    }

    /** Sets {@code node}'s attributes as kramdown gives them; returns the attribute list applied, or null. */
    private AttributeList setKramdownAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableCell && part == AttributablePart.NODE) {
            String align = attributes.getValue("align");
            if (align != null && !align.isEmpty()) {
                attributes.remove("align");
                attributes.addValue("style", "text-align: " + align);
            }
        }
        // flexmark names the part of a list item after the list's looseness
        boolean item = node instanceof ListItem
                && (part == CoreNodeRenderer.TIGHT_LIST_ITEM || part == CoreNodeRenderer.LOOSE_LIST_ITEM);
        if (node instanceof ListBlock || node instanceof ListItem) {
            Document document = node.getDocument();
            if ((item || part == AttributablePart.NODE) && document != null
                    && KramdownTaskLists.MARKED.get(document).contains(node)) {
                attributes.addValue("class", node instanceof ListItem ? "task-list-item" : "task-list");
            }
        }
        if (part != AttributablePart.NODE && part != AttributablePart.LINK && !item) {
            return null;
        }
        // an abbreviation takes the attributes of its definition, whose list kramdown gives to
        // each abbreviation it marks
        Node target = node instanceof Abbreviation abbreviation ? abbreviation.getReferenceNode(document) : node;
        if (target instanceof AbbreviationBlock definition && KramdownDefinitions.untitled(definition)) {
            attributes.remove("title");
        }
        AttributeList list = target == null ? null : KramdownAttributes.of(document, target);
        if (list == null) {
            return null;
        }
        // kramdown writes the list's attributes in the order their names first appear, and makes
        // a heading's id after applying its list, so writes an id of its own last; it sets an
        // abbreviation's title after applying the list too
        String ownId = node instanceof Heading ? attributes.getValue("id") : null;
        if (ownId != null) {
            attributes.remove("id");
        }
        String title = node instanceof Abbreviation ? attributes.getValue("title") : null;
        if (title != null) {
            attributes.remove("title");
        }
        Map<String, String> values = list.attributes();
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getKey().equals("class")) {
                // whole, as kramdown keeps a class given twice
                String own = attributes.getValue("class");
                attributes.replaceValue("class", own.isEmpty() ? value.getValue() : own + " " + value.getValue());
            } else {
                attributes.replaceValue(value.getKey(), value.getValue());
            }
        }
        if (ownId != null && !values.containsKey("id")) {
            attributes.addValue("id", ownId);
        }
        if (title != null) {
            attributes.replaceValue("title", title);
        }
        return list;
    }

    /** Registers the provider with flexmark. */
    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new KramdownAttributeProvider(context.getDocument());
        }
    }
}
