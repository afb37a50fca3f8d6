package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.parser.Parser;

/**
 * Collects, while flexmark renders a document, the headings it writes: the text of each as its
 * children render ({@link KramdownNodeRenderer}) and the id each is written with
 * ({@link KramdownAttributeProvider}), so a table of contents needs no second parse of the HTML.
 *
 * <p>A heading whose text holds raw HTML or a footnote reference is not collected: rendering its
 * children a second time for their text would count the reference again, and raw HTML is text
 * only to an HTML parser. The whole document's headings are then unknown ({@link #headings}).
 * One collector per rendered document; not thread-safe.
 */
final class HeadingCollector {
    static final NullableDataKey<HeadingCollector> KEY = new NullableDataKey<>("SHEAF_HEADING_COLLECTOR");
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final List<Heading> written = new ArrayList<>();
    private final Map<Heading, String> texts = new IdentityHashMap<>();
    private final Map<Heading, String> ids = new IdentityHashMap<>();
    private boolean unknown;

    /** Notes {@code heading}'s text, rendering its children apart with links as their text; called as it renders. */
    void rendering(Heading heading, NodeRendererContext context) {
        for (Node node : Descendants.of(heading)) {
            if (node instanceof Footnote || node instanceof HtmlInline) {
                unknown = true;
                return;
            }
        }
        NodeRendererContext alone = context.getSubContext(false);
        alone.doNotRenderLinks(true);
        alone.renderChildren(heading);
        written.add(heading);
        texts.put(heading, textOf(alone.getHtmlWriter().toString()));
    }

    /** Notes the id {@code heading} is written with, once its attributes are final. */
    void written(Heading heading, String id) {
        ids.put(heading, id);
    }

    /** The headings written with an id, in the order written; empty when some heading's text is unknown. */
    Optional<List<SectionHeading>> headings() {
        if (unknown) {
            return Optional.empty();
        }
        List<SectionHeading> headings = new ArrayList<>();
        for (Heading heading : written) {
            String id = ids.get(heading);
            if (id != null && !id.isBlank()) {
                headings.add(new SectionHeading(heading.getLevel(), id, texts.get(heading)));
            }
        }
        return Optional.of(List.copyOf(headings));
    }

    /**
     * The text of inline HTML as flexmark writes it (no raw HTML): a line break is a space, other
     * tags are dropped, entities decoded, and white space collapsed as an HTML parser's text does.
     */
    static String textOf(String html) {
        String text = html.indexOf('<') < 0 ? html : TAG.matcher(BREAK.matcher(html).replaceAll(" ")).replaceAll("");
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        StringBuilder normal = new StringBuilder(text.length());
        StringUtil.appendNormalisedWhitespace(normal, text, false);
        return normal.toString().trim();
    }
}
