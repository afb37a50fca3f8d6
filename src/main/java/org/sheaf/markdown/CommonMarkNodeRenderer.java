package org.sheaf.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.HashSet;
import java.util.Set;
import org.sheaf.highlight.Highlighter;

/**
 * What jekyll-commonmark writes differently from flexmark: code blocks in its Rouge wrapper, the
 * language as {@code data-lang} ({@code <div class="language-x highlighter-rouge"><div
 * class="highlight"><pre class="highlight"><code data-lang="x">}), and raw HTML, which CommonMarker
 * leaves out unless the site names the {@code UNSAFE} option.
 */
final class CommonMarkNodeRenderer implements NodeRenderer {
    private static final String OMITTED = "<!-- raw HTML omitted -->";

    private final Set<String> named;

    private CommonMarkNodeRenderer(Set<String> named) {
        this.named = named;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        Set<NodeRenderingHandler<?>> handlers = new HashSet<>(Set.of(
                new NodeRenderingHandler<>(FencedCodeBlock.class, (node, context, html) -> {
                    String info = node.getInfo().toString().strip();
                    renderCode(info.isEmpty() ? null : info.split("\\s+", 2)[0], node.getContentChars().toString(), html);
                }),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, context, html) ->
                        renderCode(null, node.getContentChars().trimTailBlankLines().toString(), html))));
        if (!named.contains("UNSAFE")) {
            handlers.add(new NodeRenderingHandler<>(HtmlBlock.class, CommonMarkNodeRenderer::omitBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlCommentBlock.class, CommonMarkNodeRenderer::omitBlock));
            handlers.add(new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> html.raw(OMITTED)));
            handlers.add(new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> html.raw(OMITTED)));
        }
        return handlers;
    }

    private static void omitBlock(Node node, NodeRendererContext context, HtmlWriter html) {
        html.line().raw(OMITTED).line();
    }

    private void renderCode(String language, String code, HtmlWriter html) {
        String dataLang = language == null ? "" : " data-lang=\"" + escape(language).replace("\"", "&quot;") + "\"";
        html.line();
        html.raw("<div class=\"" + (language == null ? "" : "language-" + escape(language) + " ")
                + "highlighter-rouge\"><div class=\"highlight\">");
        html.openPre();
        if (named.contains("GITHUB_PRE_LANG")) {
            html.raw("<pre class=\"highlight\"" + dataLang + "><code>");
        } else {
            html.raw("<pre class=\"highlight\"><code" + dataLang + ">");
        }
        html.raw(Highlighter.html(language, code));
        html.raw("</code></pre>");
        html.closePre();
        html.raw("</div></div>").line();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Makes the renderer for the options and extensions a site names. */
    static final class Factory implements NodeRendererFactory {
        private final Set<String> named;

        Factory(Set<String> named) {
            this.named = named;
        }

        @Override
        public NodeRenderer apply(DataHolder options) {
            return new CommonMarkNodeRenderer(named);
        }
    }
}
