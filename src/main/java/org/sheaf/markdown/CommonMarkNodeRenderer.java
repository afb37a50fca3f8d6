package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sheaf.highlight.Highlighting;
import org.sheaf.jekyll.Html;

/**
 * What jekyll-commonmark writes differently from flexmark: code blocks in its Rouge wrapper, the
 * language as {@code data-lang} ({@code <div class="language-x highlighter-rouge"><div
 * class="highlight"><pre class="highlight"><code data-lang="x">}), raw HTML, which CommonMarker
 * leaves out unless the site names the {@code UNSAFE} option, and what the {@code tasklist} and
 * {@code tagfilter} extensions add: a checkbox before a task item's content, and {@code &lt;} for
 * the {@code <} of the tags GitHub filters ({@code <script>}, {@code <style>}, ...). With the
 * {@code FOOTNOTES} option, footnotes as CommonMarker's Ruby renderer writes them: numbered in the
 * order of their first reference, listed at the end, unused ones left out.
 *
 * <p>One instance renders one document (flexmark makes a new one per rendering).
 */
final class CommonMarkNodeRenderer implements PhasedNodeRenderer {
    private static final String OMITTED = "<!-- raw HTML omitted -->";
    /** The opening tags CommonMarker's tag filter disarms; closing tags and others pass. */
    private static final Pattern FILTERED_TAG = Pattern.compile(
            "<(title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?=\\s|>|/>)", Pattern.CASE_INSENSITIVE);

    private final Set<String> named;
    private final Highlighting highlighting;
    /** The footnotes referenced, numbered by their first reference, in that order. */
    private final Map<FootnoteBlock, Integer> notes = new IdentityHashMap<>();

    private CommonMarkNodeRenderer(Set<String> named, Highlighting highlighting) {
        this.named = named;
        this.highlighting = highlighting;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        Set<NodeRenderingHandler<?>> handlers = new HashSet<>(Set.of(
                new NodeRenderingHandler<>(FencedCodeBlock.class, (node, context, html) -> {
                    String info = node.getInfo().toString().strip();
                    renderCode(info.isEmpty() ? null : info.split("\\s+", 2)[0], node.getContentChars().toString(), html);
                }),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, context, html) ->
                        renderCode(null, node.getContentChars().trimTailBlankLines().toString(), html)),
                new NodeRenderingHandler<>(TypographicSmarts.class, TypographicCharacters::render)));
        if (!named.contains("UNSAFE")) {
            handlers.add(new NodeRenderingHandler<>(HtmlBlock.class, CommonMarkNodeRenderer::omitBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlCommentBlock.class, CommonMarkNodeRenderer::omitBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> html.raw(OMITTED)));
            handlers.add(new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> html.raw(OMITTED)));
        } else if (named.contains("tagfilter")) {
            handlers.add(new NodeRenderingHandler<>(HtmlBlock.class, CommonMarkNodeRenderer::filterBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlCommentBlock.class, CommonMarkNodeRenderer::filterBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) ->
                    html.raw(filterTags(node.getChars().toString()))));
            handlers.add(new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) ->
                    html.raw(filterTags(node.getChars().toString()))));
        }
        if (named.contains("FOOTNOTES")) {
            handlers.add(new NodeRenderingHandler<>(Footnote.class, this::renderReference));
            handlers.add(new NodeRenderingHandler<>(FootnoteBlock.class, (node, context, html) -> { }));
            handlers.add(new NodeRenderingHandler<>(Paragraph.class, this::renderParagraph));
        }
        if (named.contains("tasklist")) {
            handlers.add(new NodeRenderingHandler<>(BulletListItem.class, CommonMarkNodeRenderer::renderItem));
            handlers.add(new NodeRenderingHandler<>(OrderedListItem.class, CommonMarkNodeRenderer::renderItem));
        }
        return handlers;
    }

    @Override
    public Set<RenderingPhase> getRenderingPhases() {
        return named.contains("FOOTNOTES") ? Set.of(RenderingPhase.BODY_TOP, RenderingPhase.BODY_BOTTOM) : Set.of();
    }

    @Override
    public void renderDocument(NodeRendererContext context, HtmlWriter html, Document document, RenderingPhase phase) {
        if (phase == RenderingPhase.BODY_TOP) {
            for (Node node : Descendants.of(document)) {
                if (node instanceof Footnote reference && reference.getFootnoteBlock() != null) {
                    notes.putIfAbsent(reference.getFootnoteBlock(), notes.size() + 1);
                }
            }
        } else if (phase == RenderingPhase.BODY_BOTTOM && !notes.isEmpty()) {
            html.line().raw("<section class=\"footnotes\">\n<ol>\n");
            notes.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(note -> {
                html.raw("<li id=\"fn" + note.getValue() + "\">\n");
                context.renderChildren(note.getKey());
                html.line().raw("</li>\n");
            });
            html.raw("</ol>\n</section>").line();
        }
    }

    private void renderReference(Footnote reference, NodeRendererContext context, HtmlWriter html) {
        Integer number = reference.getFootnoteBlock() == null ? null : notes.get(reference.getFootnoteBlock());
        if (number == null) {
            html.text(reference.getChars().toString());
            return;
        }
        html.raw("<sup class=\"footnote-ref\"><a href=\"#fn" + number + "\" id=\"fnref" + number + "\">" + number
                + "</a></sup>");
    }

    /** The last paragraph of a footnote ends with the link back to its reference. */
    private void renderParagraph(Paragraph paragraph, NodeRendererContext context, HtmlWriter html) {
        if (!(paragraph.getParent() instanceof FootnoteBlock note) || paragraph.getNext() != null
                || notes.get(note) == null) {
            context.delegateRender();
            return;
        }
        html.line().raw("<p>");
        context.renderChildren(paragraph);
        html.raw(" <a href=\"#fnref" + notes.get(note) + "\" class=\"footnote-backref\">↩</a></p>").line();
    }

    private static void filterBlock(Node node, NodeRendererContext context, HtmlWriter html) {
        html.line().raw(filterTags(node.getChars().trimEnd().toString())).line();
    }

    private static String filterTags(String html) {
        return FILTERED_TAG.matcher(html).replaceAll("&lt;$1");
    }

    /** A task item: its checkbox, then its content as any item's (tight or loose). */
    private static void renderItem(ListItem item, NodeRendererContext context, HtmlWriter html) {
        Boolean checked = CommonMarkTaskLists.TASKS.get(item.getDocument()).get(item);
        if (checked == null) {
            context.delegateRender();
            return;
        }
        html.line().raw("<li>" + CommonMarkTaskLists.checkbox(checked));
        context.renderChildren(item);
        html.raw("</li>").line();
    }

    private static void omitBlock(Node node, NodeRendererContext context, HtmlWriter html) {
        html.line().raw(OMITTED).line();
    }

    private void renderCode(String language, String code, HtmlWriter html) {
        String dataLang = language == null ? "" : " data-lang=\"" + Html.escapeAttribute(language) + "\"";
        html.line();
        html.raw("<div class=\"" + (language == null ? "" : "language-" + Html.escapeText(language) + " ")
                + "highlighter-rouge\"><div class=\"highlight\">");
        html.openPre();
        if (named.contains("GITHUB_PRE_LANG")) {
            html.raw("<pre class=\"highlight\"" + dataLang + "><code>");
        } else {
            html.raw("<pre class=\"highlight\"><code" + dataLang + ">");
        }
        html.raw(highlighting.html(language, code));
        html.raw("</code></pre>");
        html.closePre();
        html.raw("</div></div>").line();
    }

    /** Makes the renderer for the options and extensions a site names. */
    static final class Factory implements NodeRendererFactory {
        private final Set<String> named;
        private final Highlighting highlighting;

        Factory(Set<String> named, Highlighting highlighting) {
            this.named = named;
            this.highlighting = highlighting;
        }

        @Override
        public NodeRenderer apply(DataHolder options) {
            return new CommonMarkNodeRenderer(named, highlighting);
        }
    }
}
