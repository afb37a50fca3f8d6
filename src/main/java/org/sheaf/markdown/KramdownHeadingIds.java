package org.sheaf.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heading ids as kramdown's GFM parser makes them: the heading's text lower-cased, every
 * character that is not a letter, mark, digit, underscore, hyphen, space or tab dropped, spaces
 * and tabs turned into hyphens; the second heading with the same id gets {@code -1}, the third
 * {@code -2}; {@code auto_id_prefix} goes in front. An id given with {@code {#id}} or an
 * attribute list wins and is not counted. One generator per rendered document.
 *
 * <p>The text is what the GFM parser collects from the parsed heading, whatever
 * {@code auto_id_stripping} says (that parser always strips): text, code spans (their code
 * without the padding kramdown takes off, {@link KramdownNodeRenderer#spanCode}), math and
 * entities, the tags of block elements (text to kramdown there), and the text inside emphasis,
 * links and inline HTML; not other markup, link targets,
 * images or footnote marks. Typographic quotes and dashes would be dropped as non-word
 * characters anyway, so they add nothing; but text with quotes, escapes or entities is read as
 * the renderer reads it ({@link KramdownText#resolve}), where a lone guillemet takes the space
 * on its inner side with it ({@code a << b} gives {@code a-b}).
 *
 * <p>kramdown's own parser ({@code input: kramdown}) leaves ids to its HTML converter, which
 * makes them from the heading's source text, Markdown and all ({@link #kramdownId}), counting
 * the same way.
 *
 * <p>The GFM parser gives no id to a heading inside an HTML element whose content is Markdown
 * ({@code <div markdown="1">}): it does not look into such elements. The HTML converter then
 * makes that heading's id by its own rule ({@link #kramdownId}) from the text the GFM parser
 * collected, and counts those ids apart from the parser's, so a {@code ## HTML} after a
 * {@code ### HTML} in such a {@code div} has the id {@code html} as well.
 */
final class KramdownHeadingIds implements HtmlIdGenerator {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- \\t]");

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

    /**
     * The id kramdown's own parser gives a heading of source text {@code text}, before
     * de-duplication and prefix: the text from its first ASCII letter, every character but ASCII
     * letters, digits, spaces and hyphens dropped, spaces turned into hyphens, lower-cased;
     * {@code section} when nothing is left.
     */
    static String kramdownId(CharSequence text) {
        StringBuilder id = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (id.isEmpty() && !letter) {
                continue;
            }
            if (letter || c >= '0' && c <= '9' || c == '-') {
                id.append(Character.toLowerCase(c));
            } else if (c == ' ') {
                id.append('-');
            }
        }
        return id.isEmpty() ? "section" : id.toString();
    }

    @Override
    public void generateIds(Document document) {
        Map<String, Integer> seenByParser = new HashMap<>();
        Map<String, Integer> seenByConverter = new HashMap<>();
        for (Node node : Descendants.blocksOf(document)) {
            if (!(node instanceof Heading heading)) {
                continue;
            }
            AttributeList attributes = KramdownAttributes.of(heading);
            if (attributes != null && attributes.id() != null) {
                heading.setAnchorRefId(attributes.id());
            } else if (!options.autoIds()) {
                heading.setAnchorRefId("");
            } else if (!options.gfm()) {
                heading.setAnchorRefId(counted(kramdownId(heading.getText()), seenByParser));
            } else {
                StringBuilder text = new StringBuilder();
                collectText(heading, text, options.smartQuotes());
                heading.setAnchorRefId(inMarkdownHtml(heading)
                        ? counted(kramdownId(text), seenByConverter)
                        : counted(gfmId(text), seenByParser));
            }
        }
    }

    /** {@code id} with {@code auto_id_prefix} before it and, when {@code seen} has it already, {@code -1}, {@code -2}, ... after. */
    private String counted(String id, Map<String, Integer> seen) {
        int count = seen.merge(id, 1, Integer::sum);
        return options.autoIdPrefix() + (count > 1 ? id + "-" + (count - 1) : id);
    }

    /**
     * Whether {@code heading} lies inside an HTML element whose content kramdown parses as
     * Markdown: one of its own block, or one after text on a line of raw HTML, whose content
     * goes under the raw HTML block ({@link RawHtmlBlocks}).
     */
    private static boolean inMarkdownHtml(Heading heading) {
        return heading.getAncestorOfType(MarkdownHtmlBlock.class, HtmlBlock.class) != null;
    }

    /** Appends the text kramdown's GFM parser reads from {@code node}'s children (see above). */
    private static void collectText(Node node, StringBuilder text, List<String> quotes) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text plain && KramdownText.mayChange(plain.getChars())) {
                // as the renderer reads it: a lone guillemet takes the space on its inner side
                // (1 << 2), which kramdown reads as part of the symbol
                text.append(KramdownText.resolve(plain, quotes, true));
            } else if (child instanceof Text) {
                text.append(child.getChars().unescape());
            } else if (child instanceof TextBase) {
                // text that flexmark split around the abbreviations it marked: each piece read as
                // above (y >>HTML gives yhtml, the guillemet taking the space before it)
                collectText(child, text, quotes);
            } else if (child instanceof Abbreviation abbreviation) {
                text.append(abbreviation.getChars());
            } else if (child instanceof Code code) {
                text.append(KramdownNodeRenderer.spanCode(code));
            } else if (child instanceof RawSpanText raw) {
                text.append(raw.getChars());
            } else if (child instanceof HtmlInline tag && KramdownNodeRenderer.isBlockElementTag(tag.getChars())) {
                // a block element's tag is text in a heading, written and read as such
                text.append(tag.getChars());
            } else if (child instanceof HtmlEntity entity) {
                text.append(entity.getChars().unescape());
            } else if (child instanceof LinkRef ref && !ref.isDefined()) {
                // a reference to no definition is text to kramdown, brackets and all
                text.append(ref.getChars().unescape());
            } else if (child instanceof Footnote note && note.getFootnoteBlock() == null) {
                // so is a footnote mark without a definition ([^e]: x underlined is a heading)
                text.append(note.getChars().unescape());
            } else if (child instanceof AutoLink link) {
                // kramdown's autolink text leaves out a mailto:
                String address = link.getText().toString();
                text.append(address.startsWith("mailto:") ? address.substring("mailto:".length()) : address);
            } else if (child instanceof MailLink mail) {
                text.append(mail.getText());
            } else if (child instanceof KramdownMath.Span math) {
                text.append(math.math());
            } else if (child instanceof DelimitedNodeImpl inner && nestedInItsKind(inner)) {
                // kramdown nests no emphasis in emphasis: the inner one's markers are text
                // (KramdownNodeRenderer), so {@code _u_} in {@code *a _u_*} keeps its underscores
                text.append(inner.getOpeningMarker());
                collectText(child, text, quotes);
                text.append(inner.getClosingMarker());
            } else if (!(child instanceof Image || child instanceof ImageRef || child instanceof Footnote
                    || child instanceof HtmlInline || child instanceof TypographicSmarts)) {
                collectText(child, text, quotes);
            }
        }
    }

    /** Whether an emphasis, or a strong one, lies in one of its own kind in the same paragraph or heading. */
    private static boolean nestedInItsKind(DelimitedNodeImpl node) {
        if (!(node instanceof Emphasis || node instanceof StrongEmphasis)) {
            return false;
        }
        for (Node up = node.getParent(); up != null && !(up instanceof Block); up = up.getParent()) {
            if (up.getClass() == node.getClass()) {
                return true;
            }
        }
        return false;
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
        return options.autoIdPrefix() + (options.gfm() ? gfmId(text) : kramdownId(text));
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
