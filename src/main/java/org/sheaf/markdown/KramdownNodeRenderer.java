package org.sheaf.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.LinkNode;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.Attributes;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.highlight.Highlighting;
import org.sheaf.jekyll.Html;
import org.sheaf.markdown.KramdownHtmlBlockParser.BlocksContent;
import org.sheaf.markdown.KramdownHtmlBlockParser.SpanContent;

/**
 * Renders what kramdown marks up differently from flexmark: code blocks in Rouge's wrapper,
 * footnotes with kramdown's ids, roles and back links, the {@code {:toc}} list, and
 * {@code markdown="1"} HTML blocks. One instance renders one document (flexmark makes a new one
 * per rendering), so its per-document state is never shared between threads.
 */
final class KramdownNodeRenderer implements PhasedNodeRenderer {
    /**
     * A {@code markdown="0"} attribute among the attributes of an opening tag (its group 2 in
     * {@link KramdownTags#OPEN_TAG}), with the white space before it.
     */
    private static final Pattern MARKDOWN_OFF = Pattern.compile("\\s+markdown\\s*=\\s*(?:\"0\"|'0'|0(?!\\w))");

    /** What unescaping ({@code \\}, {@code &}), smart quotes, line-end normalising and HTML escaping change. */
    private static final String NEEDS_ESCAPING_CHARS = "\\&\r<>\"'";
    private static final CharPredicate NEEDS_ESCAPING = CharPredicate.anyOf(NEEDS_ESCAPING_CHARS);
    /** {@link #NEEDS_ESCAPING} as a table, for the loop over each text run's characters. */
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (char c : NEEDS_ESCAPING_CHARS.toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    private static final Pattern TAG_NAME = Pattern.compile("</?([A-Za-z][\\w:.-]*)");
    private static final Pattern MARKED_LANGUAGE = Pattern.compile("\\blanguage-(\\S+)");
    /** kramdown fills an empty table cell with a no-break space, written as the character. */
    private static final String EMPTY_CELL = "\u00A0";
    /** kramdown's block-level elements, whose tags are text inside a paragraph. */
    static final Set<String> BLOCK_ELEMENTS = Set.of("address", "article", "aside", "applet", "body",
            "blockquote", "caption", "col", "colgroup", "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend",
            "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody",
            "td", "th", "thead", "tfoot", "tr", "ul");

    private final Map<Node, Boolean> transparentItems = new HashMap<>();
    /**
     * What each block of a run of raw HTML and elements read as Markdown in it leaves open, with
     * the run before it, for the blocks written so far ({@link KramdownHtmlBlockParser#leftOpenBy(HtmlBlock, Map)},
     * {@link #openAround}): a long run is read once.
     */
    private final Map<Node, Deque<String>> leftOpen = new IdentityHashMap<>();
    /**
     * The lines of the document's writer that hold only the closing tags of elements a list
     * item's first paragraph left open ({@link #renderBreakInsideOpen}), in the order written:
     * each is joined to the line after it once the body is written.
     */
    private final List<Integer> closersBeforeBlock = new ArrayList<>();
    private final MarkdownOptions options;
    private final Highlighting highlighting;
    /** The footnotes referred to so far, by name. */
    private final Map<String, Note> notes = new HashMap<>();
    /**
     * The same footnotes in the order their first reference is written, as kramdown numbers and
     * lists them: a note first referred to in another note's text comes after the notes the body
     * refers to (and one only an unlisted note refers to is never listed).
     */
    private final List<Note> listed = new ArrayList<>();
    private boolean tocRendered;
    private boolean insideToc;

    private static final class Note {
        final String name;
        final FootnoteBlock block;
        final int number;
        /** The references to the note written so far. */
        int references;

        Note(String name, FootnoteBlock block, int number) {
            this.name = name;
            this.block = block;
            this.number = number;
        }
    }

    KramdownNodeRenderer(MarkdownOptions options, Highlighting highlighting) {
        this.options = options;
        this.highlighting = highlighting;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Text.class, this::renderText),
                new NodeRenderingHandler<>(TypographicSmarts.class, TypographicCharacters::render),
                new NodeRenderingHandler<>(Heading.class, KramdownNodeRenderer::renderHeading),
                new NodeRenderingHandler<>(BlockQuote.class, KramdownNodeRenderer::renderQuote),
                new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderFenced),
                new NodeRenderingHandler<>(Emphasis.class, KramdownNodeRenderer::renderEmphasis),
                new NodeRenderingHandler<>(HtmlInline.class, this::renderInlineHtml),
                new NodeRenderingHandler<>(HtmlEntity.class, KramdownNodeRenderer::renderEntity),
                new NodeRenderingHandler<>(SoftLineBreak.class, this::renderLineBreak),
                // kramdown writes a definition list on lines of its own, in a list item too
                new NodeRenderingHandler<>(DefinitionList.class, (node, context, html) -> {
                    html.line();
                    context.delegateRender();
                    html.line();
                }),
                new NodeRenderingHandler<>(DefinitionItem.class, KramdownNodeRenderer::renderDefinition),
                new NodeRenderingHandler<>(HardLineBreak.class, this::renderLineBreak),
                new NodeRenderingHandler<>(RawSpanText.class,
                        (node, context, html) -> html.raw(KramdownHtmlText.escapedRaw(Escaping.normalizeEOL(node.getChars().toString())))),
                new NodeRenderingHandler<>(StrongEmphasis.class, KramdownNodeRenderer::renderEmphasis),
                new NodeRenderingHandler<>(Code.class, this::renderCodeSpan),
                new NodeRenderingHandler<>(Paragraph.class, this::renderParagraph),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, this::renderIndented),
                new NodeRenderingHandler<>(Footnote.class, this::renderFootnote),
                new NodeRenderingHandler<>(FootnoteBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(BulletList.class, this::renderList),
                new NodeRenderingHandler<>(OrderedList.class, this::renderList),
                new NodeRenderingHandler<>(MarkdownHtmlBlock.class, this::renderMarkdownHtml),
                new NodeRenderingHandler<>(SpanHtmlBlock.class, this::renderSpanHtml),
                new NodeRenderingHandler<>(HtmlBlock.class, this::renderHtmlBlock),
                new NodeRenderingHandler<>(HtmlCommentBlock.class, (node, context, html) -> {
                    // as a raw block: kramdown drops the spaces after the comment on its line
                    html.line();
                    html.rawPre(KramdownHtmlText.escaped(node.getContentChars().normalizeEOL(), false));
                    html.line();
                }),
                new NodeRenderingHandler<>(KramdownPipeRows.TableFoot.class, (node, context, html) ->
                        html.withAttr().withCondIndent().tagLine("tfoot", () -> context.renderChildren(node))),
                new NodeRenderingHandler<>(TableRow.class, this::renderTableRow),
                new NodeRenderingHandler<>(TableCell.class, this::renderTableCell),
                new NodeRenderingHandler<>(KramdownMath.Block.class, KramdownNodeRenderer::renderMathBlock),
                new NodeRenderingHandler<>(KramdownRawLines.Line.class, KramdownNodeRenderer::renderRawLine),
                new NodeRenderingHandler<>(KramdownMath.Span.class, KramdownNodeRenderer::renderMathSpan),
                new NodeRenderingHandler<>(AttributeListBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(KramdownEndOfBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(KramdownExtensionBlock.class, KramdownNodeRenderer::renderExtension),
                new NodeRenderingHandler<>(KramdownExtensionBlock.Span.class, (node, context, html) -> html.raw(node.html())),
                new NodeRenderingHandler<>(AttributeListSpan.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(AutoLink.class, KramdownNodeRenderer::renderAutoLink),
                new NodeRenderingHandler<>(Link.class, (node, context, html) ->
                        renderLink(node, node.getUrl(), node.getTitle(), context, html)),
                new NodeRenderingHandler<>(LinkRef.class, (node, context, html) -> {
                    Reference reference = node.getReferenceNode(Parser.REFERENCES.get(node.getDocument()));
                    if (reference == null) {
                        context.delegateRender();
                    } else {
                        renderLink(node, reference.getUrl(), reference.getTitle(), context, html);
                    }
                }),
                new NodeRenderingHandler<>(Image.class, (node, context, html) ->
                        renderImage(node, altText(node, node.getTextOpeningMarker(), node.getText()),
                                node.getUrl(), node.getTitle(), context, html)),
                new NodeRenderingHandler<>(ImageRef.class, (node, context, html) -> {
                    Reference reference = node.getReferenceNode(Parser.REFERENCES.get(node.getDocument()));
                    if (reference == null) {
                        context.delegateRender();
                    } else {
                        String alt = node.isReferenceTextCombined()
                                ? altText(node, node.getReferenceOpeningMarker(), node.getReference())
                                : altText(node, node.getTextOpeningMarker(), node.getText());
                        renderImage(node, alt, reference.getUrl(), reference.getTitle(), context, html);
                    }
                }));
    }

    /**
     * An autolink as kramdown writes it: its text is the address without a {@code mailto:} in
     * front, and entity references in it stay entities, in the text as in the link.
     */
    private static void renderAutoLink(AutoLink node, NodeRendererContext context, HtmlWriter html) {
        String text = node.getText().toString();
        String shown = KramdownHtmlText.escapedRaw(text.startsWith("mailto:") ? text.substring("mailto:".length()) : text);
        if (context.isDoNotRenderLinks()) {
            html.raw(shown);
            return;
        }
        ResolvedLink resolved = context.resolveLink(LinkType.LINK, node.getUrl(), null);
        MutableAttributes attributes = new MutableAttributes();
        attributes.addValue("href", resolved.getUrl());
        html.raw(startTag("a", context.extendRenderingNodeAttributes(AttributablePart.LINK, attributes)) + ">" + shown + "</a>");
    }

    /**
     * A link with its destination and title as written: kramdown keeps their backslashes
     * ({@code [a](x\_y "t\"u")} links to {@code x\_y}) and their entity references, where
     * CommonMark reads both away. The writer escapes what must be, leaving entities as they are.
     */
    private static void renderLink(Node link, BasedSequence url, BasedSequence title, NodeRendererContext context,
            HtmlWriter html) {
        if (context.isDoNotRenderLinks()) {
            context.renderChildren(link);
            return;
        }
        ResolvedLink resolved = context.resolveLink(LinkType.LINK, url.toString(), null, null);
        MutableAttributes attributes = new MutableAttributes();
        attributes.addValue("href", resolved.getUrl());
        if (title.isNotNull()) {
            resolved = resolved.withTitle(title.toString());
        }
        attributes.addValues(resolved.getNonNullAttributes());
        html.raw(startTag("a", context.extendRenderingNodeAttributes(AttributablePart.LINK, attributes)) + ">");
        context.renderChildren(link);
        html.raw("</a>");
    }

    /**
     * An element's start tag without its end, its attributes escaped as kramdown escapes them:
     * an {@code &} that starts an entity reference as kramdown reads one ({@code &copy;}, also
     * {@code &a;} and {@code &_b;}, which flexmark's writer would escape) is kept.
     */
    private static String startTag(String name, Attributes attributes) {
        StringBuilder tag = new StringBuilder(64).append('<').append(name);
        for (Attribute attribute : attributes.values()) {
            if (!attribute.isNonRendering()) {
                tag.append(' ').append(attribute.getName()).append("=\"")
                        .append(KramdownTags.escapedValue(attribute.getValue())).append('"');
            }
        }
        return tag.toString();
    }

    /**
     * The text between an image's brackets as kramdown reads it for alt text: its escapes
     * resolved and the spaces at its ends kept, which flexmark trims off the text (spaces only: a
     * line break there would bring a block quote's marker with it).
     */
    private static String altText(Node image, BasedSequence open, BasedSequence text) {
        // Before a spaced reference (![i] [r]) flexmark's text runs on to the space before the
        // reference (LeanInlineParser), past the image's last node, where the text ends.
        int lastEnd = image.getLastChild() == null ? open.getEndOffset() : image.getLastChild().getEndOffset();
        if (text.getEndOffset() > lastEnd) {
            text = text.subSequence(0, Math.max(0, text.length() - (text.getEndOffset() - lastEnd)));
        }
        int start = text.isEmpty() ? open.getEndOffset() : text.getStartOffset();
        int end = text.isEmpty() ? open.getEndOffset() : text.getEndOffset();
        BasedSequence source = open.getBaseSequence();
        while (start > open.getEndOffset() && CharPredicate.SPACE_TAB.test(source.charAt(start - 1))) {
            start--;
        }
        while (end < source.length() && CharPredicate.SPACE_TAB.test(source.charAt(end))) {
            end++;
        }
        return source.subSequence(start, text.isEmpty() ? end : text.getStartOffset())
                + KramdownText.unescaped(text)
                + (text.isEmpty() ? "" : source.subSequence(text.getEndOffset(), end));
    }

    /**
     * An image with its source and title as written, as {@link #renderLink} writes a link's, and
     * its text as written for alt text, only its escapes resolved: kramdown keeps the markup
     * ({@code ![a *b*](x)} is {@code alt="a *b*"}) and entity references.
     */
    private static void renderImage(Node image, String alt, BasedSequence url, BasedSequence title,
            NodeRendererContext context, HtmlWriter html) {
        if (context.isDoNotRenderLinks()) {
            return;
        }
        ResolvedLink resolved = context.resolveLink(LinkType.IMAGE, url.toString(), null, null);
        MutableAttributes attributes = new MutableAttributes();
        attributes.addValue("src", resolved.getUrl());
        attributes.addValue("alt", alt);
        if (title.isNotNull()) {
            resolved = resolved.withTitle(title.toString());
        }
        attributes.addValues(resolved.getNonNullAttributes());
        html.raw(startTag("img", context.extendRenderingNodeAttributes(AttributablePart.LINK, attributes)) + " />");
    }

    @Override
    public Set<RenderingPhase> getRenderingPhases() {
        return Set.of(RenderingPhase.BODY_BOTTOM);
    }

    @Override
    public void renderDocument(NodeRendererContext context, HtmlWriter html, Document document, RenderingPhase phase) {
        // called for BODY_BOTTOM only, the one phase getRenderingPhases names
        if (document.getFirstChild() == null) {
            // kramdown reads a page as ending with a line break, so a page of white space
            // (or of nothing) is one blank line, written as an empty line
            html.raw("\n");
        }
        renderFootnotes(context, html);
        joinClosersToBlocks(html);
    }

    /**
     * Text as kramdown writes it: its escapes and smart quotes resolved ({@link KramdownText}),
     * line ends normalised, and only {@code &}, {@code <} and {@code >} escaped: kramdown leaves a
     * straight quote in text (a code span's {@code markdown="1"}) as it is, which shows wherever
     * a template reads the HTML without decoding it (a search index built with strip_html). Text
     * without a character any of that acts on (most text runs of a note) is written as it is;
     * text in code stays as flexmark reads it.
     */
    private void renderText(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        // kramdown leaves out the spaces between a heading's text and its {#id}
        boolean beforeHeadingId = node.getNext() instanceof AttributeListSpan span && span.headingId();
        if (beforeHeadingId) {
            chars = chars.trimEnd(CharPredicate.SPACE_TAB);
        }
        if (!needsEscaping(chars)) {
            html.raw(plain(chars));
        } else if (node.getParent() instanceof Code) {
            html.raw(Html.escapeText(Escaping.normalizeEOL(chars.toString()))); // code is literal: no escapes, no entities
        } else if (!KramdownText.mayChange(chars)) {
            html.raw(Html.escapeText(Escaping.normalizeEOL(chars.unescape())));
        } else {
            String text = KramdownText.resolve(node, options.smartQuotes(), options.gfm());
            html.raw(Html.escapeText(Escaping.normalizeEOL(beforeHeadingId ? text.stripTrailing() : text)));
        }
    }

    /**
     * Whether {@code chars} has a character that unescaping, line-end normalising or HTML
     * escaping acts on. A text node is nearly always a slice of the document's own string, which
     * is then read directly: flexmark's {@code indexOfAny} goes through two layers of checked
     * {@code charAt} per character (3.7% of a 10,000-page build).
     */
    private static boolean needsEscaping(BasedSequence chars) {
        if (chars instanceof SubSequence && chars.getBase() instanceof String base) {
            for (int i = chars.getStartOffset(), end = chars.getEndOffset(); i < end; i++) {
                char c = base.charAt(i);
                if (c < ESCAPED.length && ESCAPED[c]) {
                    return true;
                }
            }
            return false;
        }
        return chars.indexOfAny(NEEDS_ESCAPING) >= 0;
    }

    /**
     * {@code chars} cut from the document's string when it is a slice of one: flexmark's writer
     * copies what it is given a character at a time (a tenth of all Markdown time), and a
     * {@code BasedSequence} costs it a new sub-sequence for each character, a {@code String} none.
     */
    private static CharSequence plain(BasedSequence chars) {
        return chars instanceof SubSequence && chars.getBase() instanceof String base
                ? base.substring(chars.getStartOffset(), chars.getEndOffset()) : chars;
    }

    /**
     * kramdown never nests emphasis in emphasis, nor strong in strong: the inner one's markers
     * stay text ({@code _a *b* c_} is {@code <em>a *b* c</em>}). Except one way: in a link's or
     * image's text, strong emphasis that never closes is read again as emphasis, its second
     * marker text in it, whatever emphasis is open around the link ({@link #strongReadAsEmphasis}).
     */
    private static void renderEmphasis(DelimitedNodeImpl node, NodeRendererContext context, HtmlWriter html) {
        boolean inLink = false;
        for (Node up = node.getParent(); up != null && !(up instanceof Block); up = up.getParent()) {
            inLink |= up instanceof LinkNode || up instanceof RefNode;
            if (up.getClass() == node.getClass() && !(inLink && strongReadAsEmphasis(node))) {
                html.text(node.getOpeningMarker().toString());
                context.renderChildren(node);
                html.text(node.getClosingMarker().toString());
                return;
            }
        }
        context.delegateRender();
    }

    /**
     * Whether {@code node} is emphasis read from the first of two markers, the second text in it:
     * kramdown reads strong emphasis that never closes so unless emphasis is the element it stands
     * in, which a link or image is instead ({@code *[**y*](/u)*} is
     * {@code <em><a href="/u"><em>*y</em></a></em>}).
     */
    private static boolean strongReadAsEmphasis(DelimitedNodeImpl node) {
        return node instanceof Emphasis && node.getText().startsWith(node.getOpeningMarker());
    }

    /** A line break, and the white space kramdown keeps at the start of the next line ({@link KramdownLineIndents}). */
    private void renderLineBreak(Node node, NodeRendererContext context, HtmlWriter html) {
        boolean oneBackslash = node.getChars().startsWith("\\") && !node.getChars().startsWith("\\\\");
        if (oneBackslash && (!options.gfm() || outsideGfmBreaks(node))) {
            // one backslash at the end of a line breaks it only in kramdown's GFM parser, and only
            // where it puts its breaks in; two break it in both (LeanInlineParser#KRAMDOWN_BACKSLASH_BREAK)
            html.raw("\\\n");
        } else if (options.hardWrap() && node instanceof SoftLineBreak && outsideGfmBreaks(node)) {
            html.raw("\n");
        } else {
            context.delegateRender();
        }
        if (node.getNext() != null) {
            html.raw(indentBefore(node.getNext()));
        }
    }

    /**
     * The white space kramdown keeps at the start of the line that {@code next} starts
     * ({@link KramdownLineIndents}), its last space a no-break space where the line's text starts
     * with {@code >>}: kramdown reads that space and the guillemet together ({@code  >>}, as in
     * the middle of a line), so {@code ⇥⇥>> b} in {@code 1. a} is {@code ···· » b}.
     */
    private static String indentBefore(Node next) {
        String kept = KramdownLineIndents.before(next);
        if (kept.endsWith(" ") && next instanceof Text && next.getChars().startsWith(">>")) {
            return kept.substring(0, kept.length() - 1) + '\u00A0';
        }
        return kept;
    }

    /**
     * Whether a line break is where kramdown's GFM parser writes no {@code <br />} of its own (for
     * a backslash at a line's end, or any line end with {@code hard_wrap}): it puts them in after
     * parsing, walking the document's tree, which holds neither the footnotes' text nor what is
     * inside an HTML element (a {@code markdown="1"} block, a {@code <span>} in a paragraph).
     */
    private static boolean outsideGfmBreaks(Node node) {
        if (KramdownSpanElements.insideElement(node)) {
            return true;
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof FootnoteBlock || up instanceof MarkdownHtmlBlock) {
                return true;
            }
        }
        return false;
    }

    /** A character reference as kramdown writes it in text ({@link CharacterReference#readInText}). */
    private static void renderEntity(HtmlEntity node, NodeRendererContext context, HtmlWriter html) {
        html.raw(CharacterReference.readInText(node.getChars().toString()));
    }

    /**
     * Whether {@code tag}, an inline HTML tag, opens or closes one of kramdown's block elements,
     * which kramdown reads as text inside a paragraph or heading (and a heading's id reads too).
     */
    static boolean isBlockElementTag(CharSequence tag) {
        Matcher name = TAG_NAME.matcher(tag);
        return name.lookingAt() && BLOCK_ELEMENTS.contains(name.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * kramdown writes the tag of a block-level element inside a paragraph ({@code <p>},
     * {@code </div>}) as text, escaped; other inline HTML stays HTML (a closing tag that ends no
     * element is text already, {@link KramdownSpanElements}), an opening tag with the attributes
     * of the span attribute list after its element.
     */
    private void renderInlineHtml(HtmlInline node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        if (isBlockElementTag(chars)) {
            html.raw(Html.escapeText(chars.toString()));
            return;
        }
        Matcher open = KramdownTags.OPEN_TAG.matcher(chars);
        if (open.matches()) {
            // kramdown writes an element of a paragraph anew: a tag closed in itself holds nothing
            String name = KramdownTags.name(open.group(1));
            // the span attribute list after the element is given to its opening tag
            Map<String, String> attributes = withListOf(node, KramdownTags.attributes(name, open.group(2), true));
            StringBuilder start = KramdownTags.start(name, attributes);
            html.raw(KramdownTags.empty(name) ? start.append(" />")
                    : open.group(4) != null ? start.append("></").append(name).append('>') : start.append('>'));
            return;
        }
        Matcher close = KramdownTags.CLOSE_TAG.matcher(chars);
        if (close.matches()) {
            html.raw("</" + KramdownTags.name(close.group(1)) + ">");
            return;
        }
        context.delegateRender();
    }

    // tables: kramdown writes each row and each cell on a line of its own. Filters that count
    // words in rendered HTML (number_of_words splits on whitespace) see that layout.

    private void renderTableRow(TableRow node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        html.srcPos(node.getChars()).withAttr().tag("tr");
        html.indent();
        context.renderChildren(node);
        html.unIndent();
        html.line();
        html.tag("/tr");
        html.line();
    }

    private void renderTableCell(TableCell node, NodeRendererContext context, HtmlWriter html) {
        String tag = node.isHeader() ? "th" : "td";
        if (node.getAlignment() != null) {
            html.attr("align", node.getAlignment().cellAlignment().name().toLowerCase(java.util.Locale.ROOT));
        }
        html.line();
        html.srcPos(node.getText()).withAttr().tag(tag);
        if (node.getText().isBlank()) {
            html.raw(EMPTY_CELL);
        } else {
            context.renderChildren(node);
        }
        html.tag("/" + tag);
    }

    private static void renderExtension(KramdownExtensionBlock node, NodeRendererContext context, HtmlWriter html) {
        switch (node.kind()) {
            case COMMENT -> {
                // kramdown indents the comment's first line only, and raw text not at all
                html.line().raw("<!-- ");
                html.openPre();
                html.raw(node.body() + " -->");
                html.closePre();
                html.line();
            }
            case RAW -> unindented(html, node.body());
            case NOTHING -> { }
        }
    }

    // code blocks: <div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>

    private void renderFenced(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        String info = node.getInfo().toString().strip();
        String language = info.isEmpty() ? null : info.split("\\s", 2)[0];
        renderCode(node, language, language, withLineFeeds(node.getContentChars().toString()), context, html);
    }

    private void renderIndented(IndentedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        // the line ends made line feeds first: flexmark trims the blank lines after the code up
        // to the last line's LF, leaving its CR, so the code would end without a line break
        String code = BasedSequence.of(withLineFeeds(node.getContentChars().toString())).trimTailBlankLines().toString();
        if (!code.endsWith("\n")) {
            // the page's last line, without a line break: kramdown ends every text with one
            code += "\n";
        }
        // a class language-x from an attribute list names the language, as a fence's info does
        renderCode(node, null, markedLanguage(node), code, context, html);
    }

    /** {@code text} with its line ends as kramdown reads them: each CR LF, or CR alone, a line feed. */
    private static String withLineFeeds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * @param fenceLanguage the language a fence names, kramdown's first class for the block
     * @param language      the language to highlight in, or null for the default
     */
    private void renderCode(Node node, String fenceLanguage, String language, String code, NodeRendererContext context,
            HtmlWriter html) {
        if (!options.rouge() || language != null && !highlighting.knows(language)) {
            // kramdown without a highlighter, or with a language Rouge does not know: <pre><code class="language-x">, the text ending with a line break
            html.line();
            html.srcPos(node.getChars()).withAttr().tag("pre");
            html.openPre();
            html.raw(language == null ? "<code>" : "<code class=\"language-" + Html.escapeAttribute(withoutOptions(language)) + "\">");
            html.raw(Html.escapeText(code.endsWith("\n") ? code : code + "\n"));
            html.raw("</code>");
            html.closePre();
            html.tag("/pre").line();
            return;
        }
        String lang = language != null ? language : options.defaultCodeLanguage();
        StringBuilder opening = new StringBuilder("<div");
        wrapperAttributes(node, fenceLanguage, lang).forEach((name, value) -> opening.append(' ').append(name)
                .append("=\"").append(KramdownTags.escapedValue(value)).append('"'));
        html.line();
        html.raw(opening.append('>'));
        html.raw("<div class=\"highlight\">");
        html.openPre();
        html.raw("<pre class=\"highlight\"><code>");
        html.raw(options.codeLineNumbers() ? numbered(highlighting.html(lang, code), code)
                : highlighting.html(lang, code));
        html.raw("</code></pre>");
        html.closePre();
        html.raw("</div>");
        html.raw(html.getPrefix()); // kramdown indents the outer closing tag, after the code
        html.raw("</div>").line();
    }

    /**
     * Highlighted code in Rouge's table with a gutter of line numbers, as kramdown writes a block
     * when {@code line_numbers} is on: one number for each line break of the code, and one more
     * when the code does not end with one.
     */
    private String numbered(String highlighted, String code) {
        int lines = (int) code.chars().filter(c -> c == '\n').count() + (code.endsWith("\n") ? 0 : 1);
        StringBuilder numbers = new StringBuilder();
        for (int line = options.codeStartLine(); line < options.codeStartLine() + lines; line++) {
            numbers.append(line).append('\n');
        }
        return "<table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">" + numbers
                + "</pre></td><td class=\"rouge-code\"><pre>" + highlighted + "</pre></td></tr></tbody></table>";
    }

    /**
     * The attributes of the {@code <div>} around highlighted code, in kramdown's order: a fence's
     * language is the element's first class, the attribute lists come next, and the class kramdown
     * then rewrites (the language taken out and put first, {@code highlighter-rouge} added last)
     * stays where it was, or comes last when nothing set one.
     */
    private static Map<String, String> wrapperAttributes(Node node, String fenceLanguage, String lang) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fenceLanguage != null) {
            attributes.put("class", "language-" + withoutOptions(fenceLanguage));
        }
        withListOf(node, attributes);
        String classes = attributes.get("class");
        String named = null;
        if (classes != null) {
            Matcher marked = MARKED_LANGUAGE.matcher(classes);
            if (marked.find()) {
                named = marked.group(1);
                classes = (classes.substring(0, marked.start()) + classes.substring(marked.end())).strip();
                if (classes.isEmpty()) {
                    attributes.remove("class");
                }
            }
        }
        classes = ((classes == null ? "" : classes) + " highlighter-rouge").stripLeading();
        String shown = named != null ? named : lang == null || lang.isEmpty() ? null : withoutOptions(lang);
        if (shown != null) {
            Matcher other = MARKED_LANGUAGE.matcher(classes);
            classes = other.find()
                    ? classes.substring(0, other.start()) + "language-" + shown + classes.substring(other.end())
                    : "language-" + shown + " " + classes;
        }
        attributes.put("class", classes);
        return attributes;
    }

    /**
     * The language as kramdown names it in the class: without Rouge's options
     * ({@code console?lang=ruby} is {@code language-console}), which still go to Rouge.
     */
    private static String withoutOptions(String language) {
        int options = language.indexOf('?', 1);
        return options < 0 ? language : language.substring(0, options);
    }

    // list items: kramdown decides per item whether its first paragraph gets <p>, not per list

    private void renderParagraph(Paragraph node, NodeRendererContext context, HtmlWriter html) {
        boolean inList = node.getParent() instanceof BulletListItem || node.getParent() instanceof OrderedListItem;
        if (!inList || !(node.getParent() instanceof ListItem item) || item.getFirstChild() != node) {
            // a footnote's paragraphs are always wrapped, their lines not indented
            if (inList || node.getParent() instanceof FootnoteBlock
                    || !(node.getParent() instanceof ParagraphItemContainer container)) {
                html.srcPos(node.getChars()).withAttr().tagLine("p", () -> renderInline(node, context, html));
            } else if (node.getPrevious() == null && container instanceof ListItem definition && KramdownBlankLines.blankLineOpens(definition)) {
                // kramdown keeps a blank line before a definition's first block, so wraps it
                html.srcPos(node.getChars()).withAttr().tagLine("p", () -> renderInline(node, context, html));
            } else if (container.isParagraphWrappingDisabled(node, ListOptions.get(node.getDocument()), node.getDocument())) {
                // the text of a tight definition follows its <dd>: its lines are not indented
                Node closers = breakInsideOpenAt(node);
                if (closers != null) {
                    renderBreakInsideOpen(node, closers, context, html);
                    return;
                }
                html.openPre();
                context.delegateRender();
                html.closePre();
            } else {
                context.delegateRender();
            }
            return;
        }
        if (transparent(item)) {
            html.srcPos(node.getChars()).withAttr();
            Node closers = breakInsideOpenAt(node);
            if (closers != null) {
                renderBreakInsideOpen(node, closers, context, html);
            } else {
                renderInline(node, context, html);
            }
        } else {
            html.srcPos(node.getChars()).withAttr().tagLine("p", () -> renderInline(node, context, html));
        }
    }

    /**
     * The first of the closing tags that end {@code paragraph}'s text for the elements it left
     * open ({@link KramdownSpanElements#closesAtEnd}), when {@code paragraph}, the first of a list
     * item or a definition, written without {@code <p>}, is followed by a block of its item:
     * kramdown then adds the line break after it to its text, inside those elements
     * ({@link #renderBreakInsideOpen}). Null when no block follows or it left none open.
     */
    private static Node breakInsideOpenAt(Paragraph paragraph) {
        if (paragraph.getNext() == null || paragraph.getNext() instanceof BlankLine) {
            return null;
        }
        Node first = null;
        for (Node last = paragraph.getLastChild(); last != null && KramdownSpanElements.closesAtEnd(last); last = last.getPrevious()) {
            first = last;
        }
        return first;
    }

    /**
     * A list item's or a definition's first paragraph, written without {@code <p>}, that left
     * elements open ({@code closers} the first of their closing tags), when a block of the item
     * follows it ({@link #breakInsideOpenAt}). kramdown adds the line break after such a
     * paragraph to its text, which the open elements' content runs to the end of, so it writes
     * the break before their closing tags, and the block's indent and opening tag right after them
     * ({@code <li><b>\n</b>    <ul>}): the line of closing tags is joined to the block's first
     * line once the body is written ({@link #joinClosersToBlocks}).
     */
    private void renderBreakInsideOpen(Paragraph node, Node closers, NodeRendererContext context, HtmlWriter html) {
        html.openPre();
        for (Node child = node.getFirstChild(); child != closers; child = child.getNext()) {
            context.render(child);
        }
        html.raw("\n");
        closersBeforeBlock.add(html.getLineCount());
        for (Node child = closers; child != null; child = child.getNext()) {
            context.render(child);
        }
        html.closePre();
    }

    /** Joins each line of closing tags {@link #renderBreakInsideOpen} wrote to the line after it, last first. */
    private void joinClosersToBlocks(HtmlWriter html) {
        for (int i = closersBeforeBlock.size() - 1; i >= 0; i--) {
            int line = closersBeforeBlock.get(i);
            if (line + 1 < html.getLineCount()) {
                html.setLine(line, "", html.getLine(line).trimEOL().toString() + html.getLine(line + 1).trimEOL());
                html.removeLines(line + 1, line + 2);
            }
        }
    }

    /** A line kramdown keeps as text outside any block: at the margin, its white space kept. */
    private static void renderRawLine(KramdownRawLines.Line node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        html.pushPrefix();
        html.setPrefix("", false);
        html.openPre();
        html.raw(node.indent());
        context.renderChildren(node);
        html.closePre();
        html.line();
        html.popPrefix(false);
    }

    // math: MathJax's delimiters, or with an attribute list an element that carries it

    private static void renderMathBlock(KramdownMath.Block node, NodeRendererContext context, HtmlWriter html) {
        String math = "\\[" + Html.escapeText(node.math()) + "\\]";
        Map<String, String> attributes = withListOf(node, new LinkedHashMap<>());
        if (attributes.isEmpty()) {
            unindented(html, math);
            return;
        }
        // kramdown indents the <div> and writes the math and its closing tag after it as they are
        unindented(html, html.getPrefix().toString() + KramdownTags.start("div", attributes).append('>') + math + "\n</div>");
    }

    private static void renderMathSpan(KramdownMath.Span node, NodeRendererContext context, HtmlWriter html) {
        Map<String, String> attributes = withListOf(node, new LinkedHashMap<>());
        // kramdown writes the math of a span with attributes between single dollars, unescaped
        html.raw(attributes.isEmpty() ? "\\(" + Html.escapeText(node.math()) + "\\)"
                : KramdownTags.start("span", attributes).append(">$").append(node.math()).append("$</span>"));
    }

    /** {@code attributes} with the lists given to {@code node} applied, in kramdown's order. */
    private static Map<String, String> withListOf(Node node, Map<String, String> attributes) {
        AttributeList list = KramdownAttributes.of(node);
        if (list != null) {
            list.applyTo(attributes);
        }
        return attributes;
    }

    /**
     * Text kramdown writes at the margin whatever the depth of its container: raw HTML of
     * {@code {::nomarkdown}} and MathJax's display math.
     */
    private static void unindented(HtmlWriter html, String text) {
        html.line();
        html.pushPrefix();
        html.setPrefix("", false);
        // as in <pre>, so each line keeps the spaces it starts with
        html.openPre();
        html.raw(text);
        html.closePre();
        html.line();
        html.popPrefix(false);
    }

    /**
     * The text of a block as kramdown writes it: only a block's opening tag is indented to its
     * depth in lists and quotes, the lines of its text are written as they come.
     */
    static void renderInline(Node node, NodeRendererContext context, HtmlWriter html) {
        html.openPre();
        context.renderChildren(node);
        html.closePre();
    }

    /**
     * Whether kramdown writes a list item's first paragraph without {@code <p>}: when no blank
     * line follows it (or it is the last item's only block before the list ends, unless a
     * {@code ^} ends the list), unless it is
     * the last item of a list whose earlier items all have their paragraphs wrapped.
     */
    /**
     * A definition, which kramdown writes with its tags side by side when it holds nothing, as
     * after a blank line ({@code : } alone on its line); flexmark would put them on two lines.
     */
    private static void renderDefinition(DefinitionItem node, NodeRendererContext context, HtmlWriter html) {
        if (!KramdownDefinitionLists.holdsNothing(node)) {
            context.delegateRender();
            return;
        }
        html.srcPosWithEOL(node.getChars()).withAttr().withCondIndent().tagLine("dd", () -> { });
    }

    private boolean transparent(ListItem item) {
        Boolean known = transparentItems.get(item);
        if (known != null) {
            return known;
        }
        boolean earlierUnwrapped = false;
        boolean result = false;
        int size = 0;
        for (Node child = item.getParent().getFirstChild(); child != null; child = child.getNext()) {
            size++;
        }
        for (Node child = item.getParent().getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof ListItem current)) {
                continue;
            }
            boolean value = false;
            // kramdown keeps a blank line before the item's first block as the item's first node
            boolean blankFirst = KramdownBlankLines.blankLineOpens(current);
            if (current.getFirstChild() instanceof Paragraph paragraph && !blankFirst) {
                boolean last = current.getNext() == null;
                boolean blankAfter = blankLineAfter(paragraph);
                boolean endedByMarker = item.getParent().getNext() instanceof KramdownEndOfBlock;
                boolean fits = !blankAfter || (last && paragraph.getNext() == null && !endedByMarker);
                value = fits && (!last || size == 1 || earlierUnwrapped);
            }
            if (!(current.getFirstChild() instanceof Paragraph) || blankFirst || value) {
                earlierUnwrapped = true;
            }
            transparentItems.put(current, value);
            if (current == item) {
                result = value;
            }
        }
        return result;
    }

    /**
     * Whether a blank line follows the paragraph before the next block or item. The paragraph's
     * text ends with its own line break, so any further line break between the two is a blank
     * line; inside a block quote that line holds the quote's markers ({@code >}), which kramdown
     * takes off before it reads the quote's lines.
     */
    private static boolean blankLineAfter(Paragraph paragraph) {
        Node next = paragraph.getNext() != null ? paragraph.getNext() : paragraph.getParent().getNext();
        if (next == null) {
            return paragraph.isTrailingBlankLine();
        }
        int end = paragraph.getEndOffset();
        String between = paragraph.getDocument().getChars().subSequence(end, Math.max(end, next.getStartOffset())).toString();
        return between.indexOf('\n') >= 0 && between.chars().allMatch(c -> c == '>' || Character.isWhitespace(c));
    }

    // code spans: kramdown hands them to Rouge too, which marks them with the default language
    private void renderCodeSpan(Code node, NodeRendererContext context, HtmlWriter html) {
        Map<String, String> attributes = withListOf(node, new LinkedHashMap<>());
        String marked = markedLanguage(node);
        String lang = marked != null ? marked : options.defaultCodeLanguage();
        boolean coloured = options.rouge() && lang != null && !lang.isEmpty() && highlighting.knows(lang);
        if (coloured) {
            markHighlighted(attributes, lang);
        }
        html.raw(KramdownTags.start("code", attributes).append('>'));
        if (coloured && marked != null) {
            html.raw(highlighting.html(marked, new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(node)));
            html.raw("</code>");
            return;
        }
        String code = spanCode(node);
        if (!code.contentEquals(node.getText())) {
            html.raw(Html.escapeText(Escaping.normalizeEOL(code)));
        } else {
            context.renderChildren(node);
        }
        html.raw("</code>");
    }

    /**
     * The code of the span {@code node} as kramdown reads it, which its HTML and a heading's id
     * hold: kramdown takes one space of padding from each end of a span of two or more
     * backticks (inside a span of one, the spaces are the code's), and keeps the white space
     * that starts each later line ({@link #kramdownLines}).
     */
    static String spanCode(Code node) {
        String lines = kramdownLines(node);
        return withoutPadding(lines == null ? node.getText().toString() : lines, node.getOpeningMarker().length());
    }

    /** {@code code} of a span between runs of {@code ticks} backticks without the padding kramdown takes off. */
    static String withoutPadding(String code, int ticks) {
        boolean padded = ticks > 1 && (code.startsWith(" ") || code.endsWith(" "));
        if (!padded) {
            return code;
        }
        int start = code.startsWith(" ") ? 1 : 0;
        return code.substring(start, Math.max(start, code.length() - (code.endsWith(" ") ? 1 : 0)));
    }

    /**
     * Marks the attributes of a code span Rouge colours in {@code lang} as kramdown does, after
     * its attribute list: {@code highlighter-rouge} ends the class (a class of its own, last,
     * when the list set none), and {@code language-lang} takes the place of a language class
     * that starts it, or else comes first. A language class later in the list stays as well.
     */
    private static void markHighlighted(Map<String, String> attributes, String lang) {
        String classes = (attributes.getOrDefault("class", "") + " highlighter-rouge").stripLeading();
        Matcher first = MARKED_LANGUAGE.matcher(classes);
        attributes.put("class", first.lookingAt()
                ? "language-" + lang + classes.substring(first.end())
                : "language-" + lang + " " + classes);
    }

    /**
     * The code of a span over lines, each later line starting with the white space kramdown keeps
     * there ({@link KramdownLineIndents}), a tab among it kept, where flexmark writes a tab that
     * starts a line as spaces; null when that changes nothing.
     */
    private static String kramdownLines(Code node) {
        BasedSequence text = node.getText();
        StringBuilder lines = null;
        int copied = 0;
        for (int lineStart = text.indexOf('\n') + 1; lineStart > 0; lineStart = text.indexOf('\n', lineStart) + 1) {
            int textStart = lineStart;
            while (textStart < text.length() && (text.charAt(textStart) == ' ' || text.charAt(textStart) == '\t')) {
                textStart++;
            }
            int offset = textStart < text.length() ? text.subSequence(textStart, textStart + 1).getStartOffset()
                    : node.getClosingMarker().getStartOffset();
            String kept = KramdownLineIndents.before(node, offset);
            if (kept != null && !kept.contentEquals(text.subSequence(lineStart, textStart))) {
                lines = lines == null ? new StringBuilder() : lines;
                lines.append(text, copied, lineStart).append(kept);
                copied = textStart;
            }
        }
        return lines == null ? null : lines.append(text, copied, text.length()).toString();
    }

    /** The language an attribute list's {@code language-x} class names for a node, or null. */
    private static String markedLanguage(Node node) {
        AttributeList list = KramdownAttributes.of(node);
        if (list != null) {
            for (String name : list.classes()) {
                if (name.startsWith("language-")) {
                    return name.substring("language-".length());
                }
            }
        }
        return null;
    }

    // footnotes: <sup id="fnref:name" role="doc-noteref"><a href="#fn:name" class="footnote" rel="footnote">1</a></sup>

    private void renderFootnote(Footnote node, NodeRendererContext context, HtmlWriter html) {
        if (node.getFootnoteBlock() == null) {
            html.text(node.getChars().toString());
            return;
        }
        if (insideToc) {
            return;
        }
        String name = node.getText().toString();
        Note note = notes.computeIfAbsent(name, n -> {
            Note first = new Note(n, node.getFootnoteBlock(), listed.size() + 1);
            listed.add(first);
            return first;
        });
        int earlier = note.references++;
        String refId = "fnref:" + name + (earlier > 0 ? ":" + earlier : "");
        html.raw("<sup id=\"" + Html.escapeAttribute(refId) + "\" role=\"doc-noteref\"><a href=\"#fn:" + Html.escapeAttribute(name)
                + "\" class=\"footnote\" rel=\"footnote\">" + note.number + "</a></sup>");
    }

    private void renderFootnotes(NodeRendererContext context, HtmlWriter html) {
        if (listed.isEmpty()) {
            return;
        }
        html.line().raw("<div class=\"footnotes\" role=\"doc-endnotes\">").line();
        html.indent();
        html.raw("<ol>").line();
        html.indent();
        // by index: a note's text may refer to a note not listed yet, which joins the list's end
        for (int i = 0; i < listed.size(); i++) {
            Note note = listed.get(i);
            // kramdown counts a note's back links before it writes its text, so a reference in
            // the text to the note itself (or to one written earlier) adds none
            int backlinks = note.references;
            html.raw("<li id=\"fn:" + Html.escapeAttribute(note.name) + "\" role=\"doc-endnote\">").line();
            html.indent();
            if (emptyFirstLine(note.block)) {
                // kramdown reads the definition's empty first line as a blank line of its text
                html.blankLine();
            }
            Node last = note.block.getLastChild();
            for (Node child = note.block.getFirstChild(); child != null; child = child.getNext()) {
                if (child == last && child instanceof Paragraph paragraph) {
                    // written here, not by KramdownBlankLines, so the blank line before it too
                    if (KramdownBlankLines.blankLineBefore(paragraph)) {
                        html.line();
                        html.blankLine();
                    }
                    // Written raw: flexmark's attributes here would be looked up for the document
                    // (the node being rendered), a scan of its top-level blocks per note.
                    html.raw("<p>");
                    html.openPre();
                    context.renderChildren(paragraph);
                    html.raw(backlinks(note.name, backlinks, true));
                    html.closePre();
                    html.raw("</p>").line();
                } else {
                    context.render(child);
                }
            }
            if (!(last instanceof Paragraph)) {
                html.raw("<p>" + backlinks(note.name, backlinks, false) + "</p>").line();
            }
            html.unIndent();
            html.raw("</li>").line();
        }
        html.unIndent();
        html.raw("</ol>").line();
        html.unIndent();
        html.raw("</div>").line();
    }

    /** Whether nothing but white space follows a footnote definition's {@code [^name]:} on its line. */
    private static boolean emptyFirstLine(FootnoteBlock block) {
        if (block.getFirstChild() == null) {
            return false;
        }
        BasedSequence source = block.getDocument().getChars();
        for (int at = block.getClosingMarker().getEndOffset(); at < source.length(); at++) {
            char c = source.charAt(at);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The back links of the note named name to its first {@code references} references. */
    private String backlinks(String name, int references, boolean afterText) {
        String text = options.footnoteBacklink();
        if (text.isEmpty()) {
            return "";
        }
        String shown = KramdownHtmlText.escapedRaw(text);
        // kramdown writes the no-break space before each backlink through its entity_output, which
        // Jekyll sets to as_char: the character itself, which text taken from the page (an excerpt
        // made a description) keeps as one character where an entity would be six
        StringBuilder links = new StringBuilder();
        links.append(afterText ? "\u00A0" : "").append("<a href=\"#fnref:").append(Html.escapeAttribute(name))
                .append("\" class=\"reversefootnote\" role=\"doc-backlink\">").append(shown).append("</a>");
        for (int i = 1; i < references; i++) {
            links.append("\u00a0<a href=\"#fnref:").append(Html.escapeAttribute(name)).append(':').append(i)
                    .append("\" class=\"reversefootnote\" role=\"doc-backlink\">").append(shown)
                    .append("<sup>").append(i + 1).append("</sup></a>");
        }
        return links.toString();
    }

    /** A heading as flexmark writes it, its text noted first when the document's headings are collected. */
    private static void renderHeading(Heading node, NodeRendererContext context, HtmlWriter html) {
        HeadingCollector headings = HeadingCollector.KEY.get(node.getDocument());
        if (headings != null) {
            headings.rendering(node, context);
        }
        context.delegateRender();
    }

    /**
     * A quote as flexmark writes it, but for one that holds nothing ({@code >} alone): kramdown
     * reads the quote's lines as a text of their own, all of it one run of blank lines, which it
     * keeps and writes as an empty line between the quote's tags.
     */
    private static void renderQuote(BlockQuote node, NodeRendererContext context, HtmlWriter html) {
        if (node.hasChildren()) {
            context.delegateRender();
            return;
        }
        html.srcPos(node.getChars()).withAttr().tagLineIndent("blockquote", html::blankLine);
    }

    // {:toc}: the first list that carries the toc reference becomes the table of contents

    private void renderList(ListBlock node, NodeRendererContext context, HtmlWriter html) {
        AttributeList attributes = KramdownAttributes.of(node);
        if (tocRendered || attributes == null || !attributes.refs().contains("toc")) {
            context.delegateRender();
            if (endsInBlankLine(node) && !(node.getParent() instanceof ListItem && node.getNext() == null)) {
                html.blankLine();
            }
            return;
        }
        tocRendered = true;
        String tag = node instanceof OrderedList ? "ol" : "ul";
        String listId = attributes.id() != null ? attributes.id() : "markdown-toc";
        List<TocEntry> roots = tocTree(node.getDocument(), context);
        html.line();
        html.srcPos(node.getChars()).attr("id", "markdown-toc").withAttr().tag(tag).line();
        insideToc = true;
        boolean linksWere = context.isDoNotRenderLinks();
        context.doNotRenderLinks(true);
        // as preformatted text, so that the writer keeps the spaces that start each line
        html.openPre();
        for (TocEntry entry : roots) {
            renderTocEntry(entry, tag, listId, 0, context, html);
        }
        html.closePre();
        context.doNotRenderLinks(linksWere);
        insideToc = false;
        html.tag("/" + tag).line();
    }

    /**
     * Whether the last item of {@code list} ends with an element without content ({@code <hr>}),
     * or with a list that does ({@link KramdownBlankLines#lastInList}): kramdown reads the rest of
     * that element's line as a blank line, and takes the blank line last in a list's last item
     * out of the list, to stand after it, where a list last in an item passes it on again. (Other
     * items drop it.)
     */
    private static boolean endsInBlankLine(ListBlock list) {
        return KramdownBlankLines.lastInList(list) instanceof HtmlBlock raw && RawHtmlSpans.rawText(raw)
                && KramdownHtmlText.endsApart(raw.getContentChars()) && !textFollows(raw);
    }

    private record TocEntry(int level, Heading heading, String id, List<TocEntry> children) {
    }

    private List<TocEntry> tocTree(Document document, NodeRendererContext context) {
        List<TocEntry> roots = new ArrayList<>();
        List<TocEntry> stack = new ArrayList<>();
        for (Node node : Descendants.of(document)) {
            if (!(node instanceof Heading heading) || !options.tocLevels().contains(heading.getLevel())) {
                continue;
            }
            String id = context.getNodeId(heading);
            AttributeList attributes = KramdownAttributes.of(heading);
            if (id == null || (attributes != null && attributes.classes().contains("no_toc"))) {
                continue;
            }
            TocEntry entry = new TocEntry(heading.getLevel(), heading, id, new ArrayList<>());
            while (true) {
                if (stack.isEmpty()) {
                    roots.add(entry);
                    stack.add(entry);
                    break;
                }
                TocEntry top = stack.get(stack.size() - 1);
                if (top.level() < entry.level()) {
                    top.children().add(entry);
                    stack.add(entry);
                    break;
                }
                stack.remove(stack.size() - 1);
            }
        }
        return roots;
    }

    /**
     * One entry of the table of contents at {@code depth}, laid out as kramdown writes it: each
     * item two spaces in from its list, and the list of an entry's children on the line of the
     * entry's link, as kramdown puts it after the link's text.
     */
    private void renderTocEntry(TocEntry entry, String tag, String listId, int depth, NodeRendererContext context, HtmlWriter html) {
        String indent = " ".repeat(2 + 4 * depth);
        html.raw(indent + "<li><a href=\"#" + Html.escapeAttribute(entry.id()) + "\" id=\"" + Html.escapeAttribute(listId + "-" + entry.id()) + "\">");
        context.renderChildren(entry.heading());
        html.raw("</a>");
        if (!entry.children().isEmpty()) {
            html.raw(indent + "  <" + tag + ">").line();
            for (TocEntry child : entry.children()) {
                renderTocEntry(child, tag, listId, depth + 1, context, html);
            }
            html.raw(indent + "  </" + tag + ">").line();
            html.raw(indent);
        }
        html.raw("</li>").line();
    }

    // <div markdown="1">: the element around Markdown rendered as Markdown

    /** A raw HTML block as kramdown writes it again: its text escaped ({@link KramdownHtmlText}). */
    private void renderHtmlBlock(HtmlBlock node, NodeRendererContext context, HtmlWriter html) {
        if (!RawHtmlSpans.rawText(node)) {
            context.delegateRender();
            return;
        }
        String text = withAttributes(withoutMarkdownOff(node.getContentChars().normalizeEOL()),
                KramdownAttributes.overHtml(node), KramdownAttributes.of(node));
        boolean insideRaw = KramdownHtmlBlockParser.insideRaw(node, leftOpen);
        boolean endsText = endsText(node);
        if (!insideRaw) {
            // first, so that the blocks of an element inside take the indent of the block's line
            html.line();
        }
        String escaped = KramdownHtmlText.escaped(text, endsText && !insideRaw, contents(node, context),
                insideRaw ? openAround(node) : new ArrayDeque<>());
        if (insideRaw) {
            // the rest of an element of raw HTML that a markdown="1" element inside cut short:
            // kramdown writes it as the element's text, without the indent of a list around it,
            // and closes what is still open where the text around it ends
            String closing = endsText ? closingTags(KramdownHtmlBlockParser.leftOpenBy(node, leftOpen)) : "";
            String blankLines = closing.isEmpty() ? "" : "\n".repeat(KramdownBlankLines.blankLinesEndingItem(node));
            unindented(html, spacesBefore(node) + escaped + blankLines + closing);
        } else {
            // raw HTML right after a block that an element read as Markdown cut short (one never
            // closed, which kramdown then reads raw) stands in the elements that block left open
            html.rawPre(endsText ? escaped + closingTags(openAround(node)) : escaped);
            html.line();
        }
        // an element without content, or closed in its own tag (as the page writes it: one
        // read as Markdown is written <p></p>), keeps the rest of its line as a blank line of
        // its own, unless text there starts a paragraph right under it (<hr> <br>), or the end of the
        // document closes elements still open after it; nor last in a list item, which
        // kramdown reads without the newline that ends the item; nor inside an element the
        // raw HTML left open (an element read as Markdown cut it short), where kramdown's raw
        // HTML parser reads on
        if (KramdownHtmlText.endsApart(text) && !textFollows(node)
                && !(node.getParent() instanceof ListItem && node.getNext() == null)
                && KramdownHtmlBlockParser.leftOpenBy(node, leftOpen).isEmpty()) {
            html.blankLine();
        }
    }

    /** Whether the first line of {@code text} is blank (white space only) and a line break ends it. */
    private static boolean opensWithBlankLine(CharSequence text) {
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    /**
     * Writes the contents of {@code node}'s elements read as Markdown, in order: those read as
     * spans ({@link RawHtmlSpans}) each rendered apart as the text between their tags, white space
     * as it stands, and those read as blocks ({@link RawHtmlBlocks}) indented as kramdown does.
     */
    private static KramdownHtmlText.MarkdownContents contents(HtmlBlock node, NodeRendererContext context) {
        Iterator<Node> parsed = childrenOf(node, RawHtmlSpans.class);
        Iterator<Node> blocks = childrenOf(node, Document.class);
        return new KramdownHtmlText.MarkdownContents() {
            @Override
            public String write(SpanContent content) {
                if (!parsed.hasNext()) {
                    return null;
                }
                NodeRendererContext alone = context.getSubContext(false);
                alone.getHtmlWriter().openPre();
                alone.renderChildren(parsed.next());
                alone.getHtmlWriter().closePre();
                return alone.getHtmlWriter().toString();
            }

            /**
             * The blocks as kramdown writes them in an element nested {@code depth} deep in raw
             * HTML: the element indented by that depth from the raw HTML's own indent (that of
             * the list around it), its blocks by one more.
             */
            @Override
            public String blocks(BlocksContent content, int depth) {
                if (!blocks.hasNext()) {
                    return null;
                }
                String indent = indent(depth);
                // a writer of the same indent size as the page's
                NodeRendererContext alone = context.getSubContext(true);
                HtmlWriter html = alone.getHtmlWriter();
                html.setPrefix(indent, false);
                html.indent();
                Node document = blocks.next();
                alone.renderChildren(document);
                // kramdown reads the blank lines the content starts with as a block of their
                // own, which it writes as an empty line
                String written = html.toString();
                if (opensWithBlankLine(document.getChars())) {
                    written = "\n" + written;
                }
                return KramdownHtmlText.aroundBlocks(written, indent);
            }

            @Override
            public String indent(int depth) {
                return context.getHtmlWriter().getPrefix() + KramdownHtmlText.MarkdownContents.super.indent(depth);
            }
        };
    }

    /** The children of {@code node} of the class {@code type}, in order. */
    private static Iterator<Node> childrenOf(Node node, Class<? extends Node> type) {
        List<Node> children = new ArrayList<>();
        for (Node child : node.getChildren()) {
            if (type.isInstance(child)) {
                children.add(child);
            }
        }
        return children.iterator();
    }

    /**
     * Whether {@code node}, a raw HTML block, ends the text kramdown parses it in: the page, the
     * text of the list item or quote it is last in, or the first part of a list item's lines
     * ({@link KramdownListParts}), where kramdown closes the elements it leaves open.
     */
    private static boolean endsText(HtmlBlock node) {
        BasedSequence source = node.getChars().getBaseSequence();
        if (source.subSequence(Math.min(node.getEndOffset(), source.length())).isBlank()) {
            return true;
        }
        Node next = nextPastBlankLines(node);
        return next == null ? lastEndsText(node.getParent()) : KramdownListParts.endsFirstPart(node);
    }

    /**
     * Whether the last block of {@code container} ends the text kramdown parses it in: that of a
     * list item or a quote, or of an element read as blocks never closed, whose content runs to
     * the end of the text around it (its closing tag was raw HTML's text inside it).
     */
    private static boolean lastEndsText(Node container) {
        if (container instanceof MarkdownHtmlBlock element && !element.closed()) {
            Node next = nextPastBlankLines(element);
            return next == null ? lastEndsText(element.getParent()) : KramdownListParts.endsFirstPart(element);
        }
        return container instanceof ListItem || container instanceof BlockQuote;
    }

    /** The node after {@code node} past the blank lines that follow it, or null when only they follow. */
    private static Node nextPastBlankLines(Node node) {
        Node next = node.getNext();
        while (next instanceof BlankLine) {
            next = next.getNext();
        }
        return next;
    }

    /** Whether text follows {@code node}, a raw HTML block, on the line where it ends. */
    private static boolean textFollows(HtmlBlock node) {
        BasedSequence source = node.getChars().getBaseSequence();
        int at = node.getEndOffset();
        if (at > 0 && source.charAt(at - 1) == '\n') {
            return false;
        }
        while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
            at++;
        }
        return at < source.length() && source.charAt(at) != '\n' && source.charAt(at) != '\r';
    }

    /**
     * {@code html} without the {@code markdown="0"} of its elements' opening tags: kramdown reads
     * the attribute, which keeps the element's content raw, and writes the element without it. A
     * tag kramdown does not read as one ({@code <div markdown="0" id=a-3>}) is text, written as it
     * stands, and so are comments and the content of a script or style.
     */
    private static String withoutMarkdownOff(String html) {
        if (!html.contains("markdown")) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        Matcher tag = KramdownTags.OPEN_TAG.matcher(html);
        Matcher off = MARKDOWN_OFF.matcher(html);
        int length = html.length();
        int copied = 0;
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at)) {
            if (html.startsWith("<!--", at)) {
                int commentEnd = html.indexOf("-->", at + 4);
                at = commentEnd < 0 ? length : commentEnd + 3;
            } else if (tag.region(at, length).lookingAt()) {
                // one matcher for the whole text, its region moved to each tag's attributes
                if (off.region(tag.start(2), tag.end(2)).find()) {
                    out.append(html, copied, off.start());
                    copied = off.end();
                }
                at = afterRawContent(html, tag);
            } else {
                at++;
            }
        }
        return out.append(html, copied, length).toString();
    }

    /**
     * Where reading tags goes on after the opening tag {@code tag} matched in {@code html}: after
     * the closing tag of a script or style, whose content kramdown keeps as text, else right
     * after the tag.
     */
    private static int afterRawContent(String html, Matcher tag) {
        String name = tag.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("script") && !name.equals("style")) {
            return tag.end();
        }
        Matcher close = KramdownTags.closing(name).matcher(html).region(tag.end(), html.length());
        return close.find() ? close.end() : html.length();
    }

    /**
     * {@code html}, a raw HTML block's text, with the attribute lists over it put on its first
     * element and those under it on its last, as kramdown puts them ({@link KramdownAttributes#OVER_HTML}).
     */
    private static String withAttributes(String html, AttributeList over, AttributeList under) {
        MatchResult first = over == null ? null : KramdownHtmlBlockParser.firstElementOpening(html);
        MatchResult last = under == null ? null : KramdownHtmlBlockParser.lastElementOpening(html);
        if (first != null && last != null && first.start() == last.start()) {
            return withAttributes(html, first, over, under);
        }
        String text = last == null ? html : withAttributes(html, last, under);
        return first == null ? text : withAttributes(text, first, over);
    }

    private static String withAttributes(String html, MatchResult tag, AttributeList... lists) {
        return html.substring(0, tag.start()) + withAttributes(tag.group(1), tag.group(2), lists) + html.substring(tag.end());
    }

    private void renderMarkdownHtml(MarkdownHtmlBlock node, NodeRendererContext context, HtmlWriter html) {
        int depth = openAround(node).size();
        String opening = withAttributes(node, KramdownAttributes.of(node));
        if (!node.hasChildren() && depth == 0) {
            // kramdown writes an element without content on one line, and one of blank lines
            // only with one empty line between its tags
            html.line().raw(opening);
            if (KramdownBlankLines.blankLineInside(node)) {
                html.line().blankLine();
            }
            html.raw("</" + KramdownTags.name(node.tagName()) + ">").line();
            return;
        }
        if (!node.hasChildren() && !KramdownBlankLines.blankLineInside(node)) {
            // inside raw HTML too an element without content is written on one line, part of
            // the outer element's text
            String closing = closingRawAround(node);
            unindented(html, spacesBefore(node) + opening + "</" + KramdownTags.name(node.tagName()) + ">" + node.rawAfter()
                    + (node.closed() ? "" : closing));
            if (node.closed() && !closing.isEmpty()) {
                unindented(html, "\n".repeat(KramdownBlankLines.blankLinesEndingItem(node)) + closing);
            }
            return;
        }
        if (depth > 0) {
            // inside raw HTML the opening tag is part of the outer element's text, which
            // kramdown writes without the indent of a list around it
            unindented(html, spacesBefore(node) + opening);
        } else {
            html.line().raw(opening).line();
        }
        // kramdown indents the element's Markdown by the depth of the raw HTML around it too
        for (int level = 0; level <= depth; level++) {
            html.indent();
        }
        if (!node.hasChildren()) {
            // blank lines alone inside raw HTML: kramdown writes them as one empty line
            html.blankLine();
        }
        context.renderChildren(node);
        html.unIndent();
        String closing = closingRawAround(node);
        html.line().raw("</" + KramdownTags.name(node.tagName()) + ">" + (node.closed() ? "" : closing)).line();
        for (int level = 0; level < depth; level++) {
            html.unIndent();
        }
        if (node.closed() && !closing.isEmpty()) {
            unindented(html, "\n".repeat(KramdownBlankLines.blankLinesEndingItem(node)) + closing);
        }
    }

    /** The element's tags around its spans, written as kramdown writes them: on the spans' lines. */
    private void renderSpanHtml(SpanHtmlBlock node, NodeRendererContext context, HtmlWriter html) {
        AttributeList list = KramdownAttributes.of(node);
        String opening = node.openingTag();
        String written = opening.substring(1 + node.tagName().length(), opening.length() - 1);
        // inside raw HTML the element is part of the outer element's text, which kramdown
        // writes without the indent of a list or quote around it
        boolean inRaw = !openAround(node).isEmpty();
        html.line();
        if (inRaw) {
            html.pushPrefix();
            html.setPrefix("", false);
        }
        // as preformatted text, so that the spaces before the tag and the blank lines of the
        // content are written too
        html.openPre();
        html.raw(spacesBefore(node));
        html.raw(withAttributes(node.tagName(), written, list));
        context.renderChildren(node);
        String closing = closingRawAround(node);
        html.raw("</" + KramdownTags.name(node.tagName()) + ">" + (node.closed() ? "" : closing));
        html.closePre();
        html.line();
        if (inRaw) {
            html.popPrefix(false);
        }
        if (node.closed() && !closing.isEmpty()) {
            unindented(html, "\n".repeat(KramdownBlankLines.blankLinesEndingItem(node)) + closing);
        }
    }

    /**
     * The closing tags kramdown writes after {@code node}, an element read as Markdown, when raw
     * HTML around it left elements open and nothing of them follows it: the end of the text
     * around them closes them, right after the element when it was never closed (its text runs
     * to that end), on the line after its closing tag when it was.
     */
    private String closingRawAround(Block node) {
        Node next = nextPastBlankLines(node);
        if (next != null) {
            return "";
        }
        return closingTags(openAround(node));
    }

    /**
     * The elements of raw HTML open around {@code node}, an element read as Markdown or the rest
     * of raw HTML after one, innermost first ({@link KramdownHtmlBlockParser#openAround}): read
     * with {@link #leftOpen}, so that a long run of them is read once, not from its start at each.
     */
    private Deque<String> openAround(Block node) {
        return KramdownHtmlBlockParser.openAround(node, leftOpen);
    }

    /** The closing tags of {@code elements}, innermost first, as kramdown writes them. */
    private static String closingTags(Deque<String> elements) {
        StringBuilder out = new StringBuilder();
        for (String element : elements) {
            out.append("</").append(KramdownTags.name(element)).append('>');
        }
        return out.toString();
    }

    /**
     * The spaces and tabs before the opening tag of {@code node}, an element read as Markdown or
     * the raw HTML after one, on its line after the marks of the quotes and items around it, when
     * it stands in raw HTML: kramdown keeps them as the outer element's text.
     */
    private String spacesBefore(Block node) {
        if (openAround(node).isEmpty()) {
            return "";
        }
        if (node instanceof MarkdownElementBlock element) {
            return element.spacesBefore();
        }
        BasedSequence chars = node.getChars();
        return chars.subSequence(0, chars.length() - chars.trimStart(CharPredicate.SPACE_TAB).length()).toString();
    }

    /**
     * The opening tag of {@code node} with the attribute list written before it ({@code {: .note }}
     * then {@code <div markdown="1">}) or under it: kramdown puts the list's attributes on the
     * element, a class after the element's own.
     */
    private static String withAttributes(MarkdownHtmlBlock node, AttributeList list) {
        String opening = node.openingTag();
        String written = opening.substring(1 + node.tagName().length(), opening.length() - 1);
        return withAttributes(node.tagName(), written, list);
    }

    /**
     * The opening tag of an element {@code name} whose tag holds {@code written} (its attributes
     * as written) with {@code lists} applied in order (a null one sets nothing), as kramdown
     * writes it again: each attribute in double quotes, in the order of their first appearance,
     * a class after the element's own.
     */
    private static String withAttributes(String name, String written, AttributeList... lists) {
        String element = KramdownTags.name(name);
        Map<String, String> attributes = KramdownTags.attributes(element, written, false);
        for (AttributeList list : lists) {
            if (list != null) {
                list.applyTo(attributes);
            }
        }
        return KramdownTags.start(element, attributes).append('>').toString();
    }

    /** Makes one renderer per rendered document. */
    static final class Factory implements NodeRendererFactory {
        private final MarkdownOptions options;
        private final Highlighting highlighting;

        Factory(MarkdownOptions options, Highlighting highlighting) {
            this.options = options;
            this.highlighting = highlighting;
        }

        @Override
        public com.vladsch.flexmark.html.renderer.NodeRenderer apply(DataHolder data) {
            return new KramdownNodeRenderer(options, highlighting);
        }
    }
}
