package org.sheaf.build;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.template.LayoutRenderer;

/**
 * The render stage: each page's Liquid, then Markdown, then its layouts, as Jekyll orders them.
 *
 * <p>Content is rendered for every document first and every page second (Jekyll's order, so a
 * listing page sees its posts' rendered {@code content}); layouts go last, once all content
 * exists. Within each pass pages render in parallel; a failing page is reported and the others
 * go on.
 */
final class PageRenderer {
    private final ContentIndex index;
    private final LiquidRenderer liquid;
    private final MarkdownRenderer markdown;
    private final LayoutRenderer layouts;
    private final Map<String, Object> jekyll;
    private final String excerptSeparator;

    PageRenderer(ContentIndex index, LiquidRenderer liquid, MarkdownRenderer markdown, LayoutRenderer layouts,
            Map<String, Object> jekyll, String excerptSeparator) {
        this.index = index;
        this.liquid = liquid;
        this.markdown = markdown;
        this.layouts = layouts;
        this.jekyll = jekyll;
        this.excerptSeparator = excerptSeparator;
    }

    /** Renders every written page; returns its output by page. Problems go to {@code diagnostics}. */
    Map<Page, String> render(Diagnostics diagnostics) {
        List<Page> pages = index.pages();
        for (Page page : pages) {
            try {
                layouts.chain(page);
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        }
        if (diagnostics.hasErrors()) {
            return Map.of();
        }
        pages.parallelStream().filter(page -> page.collection() != null)
                .forEach(page -> renderContent(page, diagnostics));
        pages.parallelStream().filter(page -> page.collection() == null)
                .forEach(page -> renderContent(page, diagnostics));
        Map<Page, String> outputs = new ConcurrentHashMap<>();
        pages.parallelStream().filter(Page::isWritten).forEach(page -> {
            try {
                String content = (String) page.drop().get("content");
                String output = page.layout() == null ? content
                        : layouts.render(page, content, index.siteFor(page), Map.of("jekyll", jekyll, "paginator", Map.of()));
                outputs.put(page, output);
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        });
        return outputs;
    }

    private void renderContent(Page page, Diagnostics diagnostics) {
        try {
            page.drop().put("content", convert(page, page.body(), page.bodyLine()));
            if (page.collection() != null && !page.source().relativePath().endsWith(".html")
                    && page.positions().get("excerpt") == null) {
                page.drop().put("excerpt", convert(page, excerptOf(page), page.bodyLine()));
            }
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
        }
    }

    /** Liquid (when the page has any and allows it), then Markdown (when the page is Markdown). */
    private String convert(Page page, String text, int firstLine) throws DiagnosticException {
        String out = text;
        if (page.liquid() && (out.contains("{{") || out.contains("{%"))) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("site", index.siteFor(page));
            variables.put("page", page.drop());
            variables.put("jekyll", jekyll);
            variables.put("paginator", Map.of());
            out = liquid.render(out, page.sitePath(), firstLine, variables);
        }
        return page.markdown() ? markdown.render(out) : out;
    }

    /** Jekyll's excerpt: the body up to the first excerpt separator (the page's own, or the site's). */
    private String excerptOf(Page page) {
        Object own = page.drop().get("excerpt_separator");
        String separator = own == null ? excerptSeparator : own.toString();
        String body = page.body().stripLeading();
        int at = separator.isEmpty() ? -1 : body.indexOf(separator);
        return at < 0 ? body : body.substring(0, at);
    }
}
