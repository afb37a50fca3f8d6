package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heading ids as kramdown's GFM parser makes them: the heading's raw Markdown lower-cased, every
 * character that is not a letter, mark, digit, underscore, hyphen, space or tab dropped, spaces
 * and tabs turned into hyphens; the second heading with the same id gets {@code -1}, the third
 * {@code -2}; {@code auto_id_prefix} goes in front. An id given with {@code {#id}} or an
 * attribute list wins and is not counted. One generator per rendered document.
 */
final class KramdownHeadingIds implements HtmlIdGenerator {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- \\t]");
    /** A footnote reference has no text of its own, so kramdown's GFM ids leave it out. */
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^[^\\]]+\\]");
    private static final Pattern TRAILING_ID = Pattern.compile("\\s*\\{#[A-Za-z][\\w:-]*}\\s*$");

    private final MarkdownOptions options;

    KramdownHeadingIds(MarkdownOptions options) {
        this.options = options;
    }

    /** The GFM id of {@code text}, before de-duplication and prefix. */
    static String gfmId(CharSequence text) {
        String id = text.toString().toLowerCase(Locale.ROOT);
        id = NON_WORD.matcher(id).replaceAll("");
        return id.replace(' ', '-').replace('\t', '-');
    }

    @Override
    public void generateIds(Document document) {
        Map<String, Integer> seen = new HashMap<>();
        for (Node node : Descendants.blocksOf(document)) {
            if (!(node instanceof Heading heading)) {
                continue;
            }
            AttributeList attributes = KramdownAttributes.of(heading);
            if (attributes != null && attributes.id() != null) {
                heading.setAnchorRefId(attributes.id());
            } else if (options.autoIds()) {
                String text = options.autoIdStripping()
                        ? new TextCollectingVisitor().collectAndGetText(heading)
                        : FOOTNOTE_REFERENCE.matcher(
                                TRAILING_ID.matcher(heading.getText().toString()).replaceAll("")).replaceAll("");
                String id = gfmId(text);
                int count = seen.merge(id, 1, Integer::sum);
                heading.setAnchorRefId(options.autoIdPrefix() + (count > 1 ? id + "-" + (count - 1) : id));
            } else {
                heading.setAnchorRefId("");
            }
        }
    }

    @Override
    public String getId(Node node) {
        if (node instanceof Heading heading) {
            String id = heading.getAnchorRefId();
            return id == null || id.isEmpty() ? null : id;
        }
        return null;
    }

    @Override
    public String getId(CharSequence text) {
        return options.autoIdPrefix() + gfmId(text);
    }

    /** Makes one generator per rendering. */
    static final class Factory implements HeaderIdGeneratorFactory {
        private final MarkdownOptions options;

        Factory(MarkdownOptions options) {
            this.options = options;
        }

        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return new KramdownHeadingIds(options);
        }

        @Override
        public HtmlIdGenerator create() {
            return new KramdownHeadingIds(options);
        }
    }
}
