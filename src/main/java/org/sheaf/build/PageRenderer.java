package org.sheaf.build;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A Sass page ({@code .scss}, {@code .sass}) has its Liquid, then Sass instead of Markdown, and
 * no layout (Jekyll's asset files are never placed in layouts).
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
    private final SassRenderer sass;
    private final Map<String, SourceMap> sourceMaps = new ConcurrentHashMap<>();
    private RenderPlan plan = RenderPlan.FULL;

    /** A Sass page's {@code NAME.css.map}: where it goes, what it holds, and the page it is for. */
    record SourceMap(String outputPath, String json, String sitePath) {
    }
    private final Map<Page, Map<String, Object>> paginators;

    /** @param paginators {@code paginator} for the pages that have one (jekyll-paginate); others get an empty one */
    PageRenderer(ContentIndex index, LiquidRenderer liquid, MarkdownRenderer markdown, LayoutRenderer layouts,
            Map<String, Object> jekyll, String excerptSeparator, Map<Page, Map<String, Object>> paginators,
            SassRenderer sass) {
        this.paginators = paginators;
        this.index = index;
        this.liquid = liquid;
        this.markdown = markdown;
        this.layouts = layouts;
        this.jekyll = jekyll;
        this.excerptSeparator = excerptSeparator;
        this.sass = sass;
    }

    /**
     * Renders every written page; returns its output by page. Problems go to {@code diagnostics}.
     * The Sass compiler, if a Sass page started it, is stopped before this returns or throws.
     */
    Map<Page, String> render(Diagnostics diagnostics) {
        return render(diagnostics, RenderPlan.FULL);
    }

    /** As {@link #render(Diagnostics)}, skipping what {@code plan} keeps (an incremental build). */
    Map<Page, String> render(Diagnostics diagnostics, RenderPlan plan) {
        this.plan = plan;
        try {
            return renderAll(diagnostics);
        } finally {
            sass.close();
        }
    }

    /** The source maps the Sass pages made, sorted by output path. */
    List<SourceMap> sourceMaps() {
        return sourceMaps.values().stream().sorted(java.util.Comparator.comparing(SourceMap::outputPath)).toList();
    }

    /** How long the Sass compiler took to start; empty when no page needed it. */
    Optional<java.time.Duration> sassStartup() {
        return sass.startup();
    }

    private Map<Page, String> renderAll(Diagnostics diagnostics) {
        List<Page> pages = index.pages();
        if (pages.stream().anyMatch(PageRenderer::isSass)) {
            diagnostics.addAll(sass.settings().problems());
        }
        for (Page page : pages) {
            if (isSass(page)) {
                continue;
            }
            try {
                layouts.chain(page);
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        }
        if (diagnostics.hasErrors()) {
            return Map.of();
        }
        List<Page> documents = pages.stream().filter(page -> page.collection() != null).toList();
        java.util.Set<Page> kept = plan.keptContent(documents);
        documents.parallelStream().filter(page -> !kept.contains(page)).forEach(page -> renderContent(page, diagnostics));
        List<Page> others = pages.stream().filter(page -> page.collection() == null).toList();
        java.util.Set<Page> keptOthers = plan.keptContent(others);
        others.parallelStream().filter(page -> !keptOthers.contains(page)).forEach(page -> renderContent(page, diagnostics));
        List<Page> written = pages.stream().filter(Page::isWritten).toList();
        Map<Page, String> outputs = new ConcurrentHashMap<>(plan.keptOutputs(written));
        written.parallelStream().filter(page -> !outputs.containsKey(page)).forEach(page -> {
            try {
                String content = (String) page.drop().get("content");
                String output = page.layout() == null || isSass(page) ? content
                        : layouts.render(page, content, plan.site(page, index.siteFor(page)), Map.of("jekyll", jekyll, "paginator", paginatorOf(page)));
                outputs.put(page, output);
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        });
        return outputs;
    }

    private void renderContent(Page page, Diagnostics diagnostics) {
        try {
            if (isSass(page)) {
                page.drop().put("content", convertSass(page, diagnostics));
                return;
            }
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
        String out = liquid(page, text, firstLine);
        return page.markdown() ? markdown.render(out) : out;
    }

    /** Liquid, then Sass; keeps the page's source map for the write stage. */
    private String convertSass(Page page, Diagnostics diagnostics) throws DiagnosticException {
        String text = liquid(page, page.body(), page.bodyLine());
        String outputName = page.outputPath() == null ? page.source().basename() + ".css"
                : page.outputPath().substring(page.outputPath().lastIndexOf('/') + 1);
        SassRenderer.Output css = sass.render(page.source().file(), page.sitePath(), text, page.bodyLine(), outputName);
        css.warnings().forEach(diagnostics::add);
        if (css.sourceMap() != null && page.isWritten()) {
            sourceMaps.put(page.outputPath(), new SourceMap(page.outputPath() + ".map", css.sourceMap(), page.sitePath()));
        }
        return css.css();
    }

    private String liquid(Page page, String text, int firstLine) throws DiagnosticException {
        String out = text;
        if (page.liquid() && (out.contains("{{") || out.contains("{%"))) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("site", plan.site(page, index.siteFor(page)));
            variables.put("page", page.drop());
            variables.put("jekyll", jekyll);
            variables.put("paginator", paginatorOf(page));
            out = liquid.render(out, page.sitePath(), firstLine, variables);
        }
        return out;
    }

    private static boolean isSass(Page page) {
        return SassRenderer.isSass(page.source().relativePath());
    }

    private Map<String, Object> paginatorOf(Page page) {
        return paginators.getOrDefault(page, Map.of());
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
