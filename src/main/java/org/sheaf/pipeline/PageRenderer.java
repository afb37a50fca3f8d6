package org.sheaf.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.RenderedPage;
import org.sheaf.content.RenderedPages;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
import org.sheaf.generate.Mentions;
import org.sheaf.highlight.Highlighting;
import org.sheaf.jekyll.Excerpts;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.markdown.MarkdownNesting;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.markdown.PageLink;
import org.sheaf.markdown.RelativeLinks;
import org.sheaf.sass.SassRenderer;
import org.sheaf.source.SourceFile;
import org.sheaf.template.Layout;
import org.sheaf.template.LayoutRenderer;

/**
 * The render stage: each page's Liquid, then Markdown, then its layouts, as Jekyll orders them.
 * A Sass page ({@code .scss}, {@code .sass}) has its Liquid, then Sass instead of Markdown, and
 * no layout (Jekyll's asset files are never placed in layouts).
 *
 * <p>Content is rendered for every document first and every page second (Jekyll's order, so a
 * listing page sees its posts' rendered {@code content}); layouts go last, once all content
 * exists. Within each pass pages render in parallel; a failing page is reported and the others
 * go on. What a page reads of another page's {@code content} and {@code excerpt}, in its text or
 * its layouts, is what Jekyll's one-at-a-time render in {@link ContentIndex#pages()}' order shows
 * it ({@link RenderedPages}): a page before it is rendered first if it has not been.
 */
public final class PageRenderer {
    private final ContentIndex index;
    private final LiquidRenderer liquid;
    private final MarkdownRenderer markdown;
    private final LayoutRenderer layouts;
    private final Map<String, Object> jekyll;
    private final String excerptSeparator;
    /** {@code page_excerpts}: pages read from files make excerpts too, as Jekyll 4's do. */
    private final boolean pageExcerpts;
    /** The files pages were read from (jekyll-paginate's copies share theirs); a generator's pages have none. */
    private final Set<SourceFile> pageSources;
    private final SassRenderer sass;
    private final Highlighting highlighting;
    private final RenderProfile profile = new RenderProfile();
    private final Map<String, SourceMap> sourceMaps = new ConcurrentHashMap<>();
    /** Written pages' and documents' outputs, laid out and not yet handed over. */
    private final Map<Page, String> pageOutputs = new ConcurrentHashMap<>();
    private RenderPlan plan = RenderPlan.FULL;
    private RenderProgress progress = RenderProgress.NONE;

    /** A Sass page's {@code NAME.css.map}: where it goes, what it holds, and the page it is for. */
    record SourceMap(String outputPath, String json, String sitePath) {
    }
    private final Map<Page, Map<String, Object>> paginators;
    private final java.util.function.Function<Page, RelativeLinks> relativeLinks;
    private final Mentions mentions;
    private final Set<String> replaced;

    /**
     * @param paginators    {@code paginator} for the pages that have one (jekyll-paginate); others get an empty one
     * @param relativeLinks a page's links between Markdown files, to rewrite; null to leave links as written
     * @param mentions      jekyll-mentions, run on each laid-out page as the plugin's post-render hook; null when off
     * @param replaced      the output paths a plugin's file takes over (jekyll-redirect-from's {@code
     *                      redirect_to}): the pages written there render the {@code content} the plugin
     *                      gave them, not their body
     */
    PageRenderer(ContentIndex index, LiquidRenderer liquid, MarkdownRenderer markdown, LayoutRenderer layouts,
            Map<String, Object> jekyll, String excerptSeparator, boolean pageExcerpts,
            Map<Page, Map<String, Object>> paginators,
            SassRenderer sass, Highlighting highlighting, java.util.function.Function<Page, RelativeLinks> relativeLinks,
            Mentions mentions, Set<String> replaced) {
        this.replaced = replaced;
        this.mentions = mentions;
        this.highlighting = highlighting;
        this.paginators = paginators;
        this.relativeLinks = relativeLinks;
        this.index = index;
        this.liquid = liquid;
        this.markdown = markdown;
        this.layouts = layouts;
        this.jekyll = jekyll;
        this.excerptSeparator = excerptSeparator;
        this.pageExcerpts = pageExcerpts;
        this.pageSources = index.readPages().stream().map(Page::source).collect(java.util.stream.Collectors.toSet());
        this.sass = sass;
    }

    /**
     * Renders every written page and hands each finished output to {@code outputs} as soon as it
     * is laid out, from the rendering threads (so {@code outputs} must be thread-safe); pages an
     * incremental {@code plan} keeps are handed over first, with their kept output. Problems go to
     * {@code diagnostics}; a page that fails is reported and not handed over. {@code progress}
     * hears of pages as they finish. The Sass compiler, if a Sass page started it, is stopped
     * before this returns or throws, and so is Rouge, if code started it; code Rouge could not
     * colour is one warning ({@link Highlighting#finish}).
     */
    void render(Diagnostics diagnostics, RenderPlan plan, RenderProgress progress, BiConsumer<Page, String> outputs) {
        this.plan = plan;
        this.progress = progress;
        if (plan == RenderPlan.FULL) {
            // an incremental build renders few pages, most often none with code for Rouge
            highlighting.startEarly(index.pages().stream().map(Page::body).toList());
        }
        try (RenderThreads threads = new RenderThreads()) {
            renderAll(diagnostics, outputs, threads);
        } finally {
            sass.close();
            highlighting.finish().ifPresent(diagnostics::add);
        }
    }

    /** The source maps the Sass pages made, sorted by output path. */
    List<SourceMap> sourceMaps() {
        return sourceMaps.values().stream().sorted(Comparator.comparing(SourceMap::outputPath)).toList();
    }

    /** How long the Sass compiler took to start; empty when no page needed it. */
    Optional<java.time.Duration> sassStartup() {
        return sass.startup();
    }

    private void renderAll(Diagnostics diagnostics, BiConsumer<Page, String> outputs, RenderThreads threads) {
        List<Page> pages = index.pages();
        if (pages.stream().anyMatch(PageRenderer::isSass)) {
            diagnostics.addAll(sass.settings().problems());
        }
        boolean mentionsOutput = plan != RenderPlan.FULL;
        Set<Layout> scanned = new HashSet<>();
        for (Page page : pages) {
            mentionsOutput = mentionsOutput || page.liquid() && page.body().contains("output");
            if (isSass(page)) {
                continue;
            }
            try {
                for (Layout layout : layouts.chain(page)) {
                    mentionsOutput = mentionsOutput || scanned.add(layout) && layout.body().contains("output");
                }
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        }
        if (diagnostics.hasErrors()) {
            return;
        }
        // a full build keeps documents' outputs for their readers only when a page or layout names
        // output (a read found later, from an include or a drop printed whole, keeps them from then on)
        pageOutputs.clear();
        index.rendered().inOrder(pages, onDemand(diagnostics), mentionsOutput, index.listedRenders());
        List<Page> documents = pages.stream().filter(page -> page.collection() != null).toList();
        Counter contentDone = new Counter(RenderProgress.Pass.CONTENT, pages.size());
        Set<Page> kept = plan.keptContent(documents);
        contentDone.add(kept.size());
        threads.forEach(documents.stream().filter(page -> !kept.contains(page)).toList(), page -> {
            renderContentOnce(page, diagnostics);
            contentDone.add(1);
        });
        List<Page> others = pages.stream().filter(page -> page.collection() == null).toList();
        Set<Page> keptOthers = plan.keptContent(others);
        contentDone.add(keptOthers.size());
        threads.forEach(others.stream().filter(page -> !keptOthers.contains(page)).toList(), page -> {
            renderContentOnce(page, diagnostics);
            contentDone.add(1);
        });
        List<Page> written = pages.stream().filter(Page::isWritten).toList();
        Map<Page, String> keptOutputs = plan.keptOutputs(written);
        keptOutputs.forEach((page, output) -> {
            if (page.collection() != null) {
                index.rendered().keepOutput(page, output);
            } else {
                index.rendered().keepLayout(page);
            }
        });
        keptOutputs.forEach(outputs);
        Counter laidOut = new Counter(RenderProgress.Pass.LAYOUTS, written.size());
        laidOut.add(keptOutputs.size());
        threads.forEach(written.stream().filter(page -> !keptOutputs.containsKey(page)).toList(), page -> {
            layOut(page, diagnostics, outputs);
            laidOut.add(1);
        });
        threads.forEach(List.of(index.rendered()), RenderedPages::finish);
    }

    /**
     * Renders again, for an edit below some pages' front matter (the incremental builder's body
     * edits), the content of {@code content} (documents first, then pages, as a whole build orders
     * them) and then lays out {@code laidOut}, handing each output to {@code outputs}. Every other
     * page keeps what the last render gave it; the pages of {@code content} must show in their
     * drops what they showed before their first render. {@code plan} sees what the templates read.
     */
    public void renderAgain(List<Page> content, List<Page> laidOut, RenderPlan plan, Diagnostics diagnostics,
            BiConsumer<Page, String> outputs) {
        this.plan = plan;
        this.progress = RenderProgress.NONE;
        try (RenderThreads threads = new RenderThreads()) {
            // content in order, one page at a time, but on a render thread for its stack
            // the index still holds an edited page as it was: what renders on demand is the page as edited
            Map<Object, Page> again = new HashMap<>();
            content.forEach(page -> again.put(page.drop(), page));
            laidOut.forEach(page -> again.put(page.drop(), page));
            pageOutputs.clear();
            index.rendered().inOrder(index.pages().stream().map(page -> again.getOrDefault(page.drop(), page)).toList(),
                    onDemand(diagnostics), true, index.listedRenders());
            Set<Object> relaid = new HashSet<>();
            laidOut.forEach(page -> relaid.add(page.drop()));
            index.pages().stream().filter(page -> page.collection() == null && !relaid.contains(page.drop()))
                    .forEach(index.rendered()::keepLayout);
            threads.forEach(List.of(content), pages -> {
                pages.stream().filter(page -> page.collection() != null)
                        .forEach(page -> renderContentOnce(page, diagnostics));
                pages.stream().filter(page -> page.collection() == null)
                        .forEach(page -> renderContentOnce(page, diagnostics));
            });
            threads.forEach(laidOut.stream().filter(Page::isWritten).toList(), page -> layOut(page, diagnostics, outputs));
            threads.forEach(List.of(index.rendered()), RenderedPages::finish);
        } finally {
            highlighting.finish().ifPresent(diagnostics::add);
        }
    }

    /**
     * Lays out {@code page}, once, and hands its output to {@code outputs}. A document's output is
     * recorded, as a later page may read it ({@link #layOutDocument}); either is held until handed
     * over, as a page reading an ordered excerpt or an output may have laid it out already.
     */
    private void layOut(Page page, Diagnostics diagnostics, BiConsumer<Page, String> outputs) {
        if (page.collection() == null) {
            layOutPageOnce(page, diagnostics);
        } else {
            layOutDocument(page, diagnostics);
        }
        String output = pageOutputs.remove(page);
        if (output != null) {
            outputs.accept(page, output);
        }
    }

    /** Lays out the page (not a document), unless that is done or under way, and holds its output. */
    private void layOutPageOnce(Page page, Diagnostics diagnostics) {
        index.rendered().layOutOnce(page, () -> {
            String output = laidOut(page, diagnostics);
            if (output != null) {
                pageOutputs.put(page, output);
            }
        });
    }

    /**
     * Lays out the document {@code page}, its content rendered first if it has not been, and records
     * its output, unless that is done or under way: Jekyll renders a document's content and layout
     * in one go, so the pages after it read its {@code output} finished, even a document that is not
     * written.
     */
    private void layOutDocument(Page page, Diagnostics diagnostics) {
        renderContentOnce(page, diagnostics);
        recordOutputOnce(page, diagnostics);
    }

    /**
     * Lays out the document {@code page}, whose content is done, and records its output, once; a
     * written document's output is held until handed over.
     */
    private void recordOutputOnce(Page page, Diagnostics diagnostics) {
        index.rendered().layOutOnce(page, () -> {
            String output = laidOut(page, diagnostics);
            if (output != null) {
                if (page.isWritten()) {
                    pageOutputs.put(page, output);
                }
                index.rendered().putOutput(page, output);
            }
        });
    }

    /** {@code page}'s finished output, layout and all; null when a problem stops it, reported to {@code diagnostics}. */
    private String laidOut(Page page, Diagnostics diagnostics) {
        try (RenderedPages.Reading reading = index.rendered().readingAs(page, true)) {
            long started = System.nanoTime();
            String content = (String) page.drop().get("content");
            String output = page.layout() == null || isSass(page) ? content
                    : layouts.render(page, content, plan.site(page, index.siteFor(page)), layoutVariables(page));
            if (mentions != null && !isSass(page)) {
                output = mentions.apply(page, output);
            }
            long took = System.nanoTime() - started;
            profile.page(page.sitePath(), took);
            if (page.layout() != null && !isSass(page)) {
                profile.layout(page.layout(), took);
            }
            return output;
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(page, "layout \"" + page.layout() + "\""));
        }
        return null;
    }

    /**
     * The error for a page whose rendering overflowed even a render thread's stack: its text (or
     * {@code what}) nests so deeply that the recursive parsers cannot follow. At the page's first
     * line of content, since the parsers do not say where they were.
     */
    private static Diagnostic tooDeep(Page page, String what) {
        return Diagnostic.error(page.sitePath(), new Position(page.bodyLine(), 1), what
                + " nests too deeply to render (blocks, lists, emphasis or Liquid tags nested thousands of levels"
                + " deep exhausted the " + RenderThreads.STACK_MIB + " MiB stack); nest less deeply");
    }

    /** One pass's count of finished pages, told to {@link #progress} at each step. */
    private final class Counter {
        private final RenderProgress.Pass pass;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Counter(RenderProgress.Pass pass, int total) {
            this.pass = pass;
            this.total = total;
        }

        void add(int pages) {
            if (pages > 0) {
                progress.rendered(pass, done.addAndGet(pages), total);
            }
        }
    }

    /** Where rendering spent its time (for {@code --profile}). */
    RenderProfile profile() {
        return profile;
    }

    /** Renders the page's content unless it has rendered, or waits while another thread renders it. */
    private void renderContentOnce(Page page, Diagnostics diagnostics) {
        index.rendered().renderOnce(page, () -> renderContent(page, diagnostics));
    }

    /**
     * What a page reads of another page before that page's turn: its content, rendered now (and
     * then kept) when Jekyll renders it before the reader, its output likewise, and its excerpt,
     * rendered for the reader (the index's {@link RenderedPages} keeps the first reader's). Before
     * the first reader of an excerpt whose text depends on the order, the pages before it are
     * completed, content and layout; the pages that read one are told to the {@link #plan}.
     */
    private RenderedPages.OnDemand onDemand(Diagnostics diagnostics) {
        return new RenderedPages.OnDemand() {
            @Override
            public void content(Page page) {
                renderContentOnce(page, diagnostics);
            }

            @Override
            public void output(Page page) {
                layOutDocument(page, diagnostics);
            }

            @Override
            public void outputAgain(Page page) {
                index.rendered().layOutAgainOnce(page, () -> {
                    String output = laidOut(page, diagnostics);
                    if (output != null) {
                        index.rendered().putOutput(page, output);
                    }
                });
            }

            @Override
            public String excerpt(Page page) {
                if (!makesExcerpt(page)) {
                    return null;
                }
                String text = Excerpts.of(page.body().stripLeading(), excerptSeparatorOf(page)).text();
                try {
                    return convert(page, text, page.bodyLine(), false).html().html();
                } catch (DiagnosticException e) {
                    // reported where the page itself renders its excerpt
                    return null;
                }
            }

            @Override
            public void complete(Page page) {
                if (index.rendered().of(page).isEmpty()) {
                    renderContentOnce(page, diagnostics);
                }
                if (page.collection() != null) {
                    recordOutputOnce(page, diagnostics);
                } else if (page.isWritten()) {
                    layOutPageOnce(page, diagnostics);
                }
            }

            @Override
            public boolean makesExcerpt(Page page) {
                return PageRenderer.this.makesExcerpt(page);
            }

            @Override
            public void readsInOrder(Page page) {
                plan.readsInOrder(page);
            }
        };
    }

    private void renderContent(Page page, Diagnostics diagnostics) {
        long started = System.nanoTime();
        try {
            renderContentTimed(page, diagnostics);
        } finally {
            profile.page(page.sitePath(), System.nanoTime() - started);
        }
    }

    /**
     * Renders the page's content, then its excerpt, and records each in the index's
     * {@link RenderedPages} as it is done: the excerpt's Liquid sees the rendered content, as in
     * Jekyll.
     */
    private void renderContentTimed(Page page, Diagnostics diagnostics) {
        RenderedPages rendered = index.rendered();
        try {
            RenderedPage content;
            try (RenderedPages.Reading reading = rendered.readingAs(page, false)) {
                if (page.collection() == null) {
                    rendered.startsRendering(page);
                }
                if (isSass(page)) {
                    rendered.put(page, new RenderedPage(convertSass(page, diagnostics), null));
                    return;
                }
                Converted converted = convert(page, text(page), page.bodyLine(), true);
                MarkdownRenderer.Html html = converted.html();
                content = new RenderedPage(html.html(), null, html.headings(), html.links());
                warnUnresolved(page, content, converted.liquidChangedNothing(), diagnostics);
            }
            if (!makesExcerpt(page)) {
                rendered.put(page, content);
                return;
            }
            try (RenderedPages.Reading reading = rendered.readingAs(page, content)) {
                String separator = excerptSeparatorOf(page);
                Excerpts.Excerpt excerpt = Excerpts.of(page.body().stripLeading(), separator);
                if (excerpt.closedBlocks()) {
                    Position at = placeOf(page.body(), page.bodyLine(), page.body().indexOf(separator));
                    diagnostics.add(Diagnostic.warning(page.sitePath(), at,
                            "the excerpt ends here, inside a Liquid block; the excerpt closes the block, as Jekyll's does")
                            .withHint("excerpt_separator or excerpt in the front matter sets an excerpt of your choosing"));
                }
                content = content.withExcerpt(rendered.excerptInPlace(page,
                        () -> convert(page, excerpt.text(), page.bodyLine(), false).html().html()));
            }
            rendered.put(page, content);
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(page, "the content"));
        }
    }

    /**
     * Whether the page makes its excerpt from its body, as Jekyll's documents do: every document,
     * whatever it is written in (an HTML document's excerpt is its Liquid rendered, with no
     * conversion), unless its front matter gives the excerpt or its separator is empty, which
     * turns excerpts off. With {@code page_excerpts}, a page read from a file whose output is HTML
     * ({@code .html}, {@code .htm}, {@code .xhtml}) makes one too, on the same terms.
     */
    private boolean makesExcerpt(Page page) {
        if (page.collection() == null && !(pageExcerpts && isHtmlPage(page) && pageSources.contains(page.source()))) {
            return false;
        }
        return !hasOwnExcerpt(page) && !excerptSeparatorOf(page).isEmpty();
    }

    /** Jekyll's {@code Page#html?}: the output extension, which ends a page's output path, is HTML's. */
    private static boolean isHtmlPage(Page page) {
        String path = page.outputPath();
        return path != null && (path.endsWith(".html") || path.endsWith(".htm") || path.endsWith(".xhtml"));
    }

    /**
     * Whether a plugin's file takes the page's place and the plugin gave the page the content it
     * renders: jekyll-redirect-from empties a page with {@code redirect_to} before Jekyll renders
     * it, so its body's Liquid never runs and other pages read the emptied content. Its excerpt,
     * made when the page was read, stays that of its body.
     */
    private boolean replacesBody(Page page) {
        return page.isWritten() && replaced.contains(page.outputPath()) && page.drop().indexed("content") instanceof String;
    }

    /** The text the page's content renders from: its body, or what a plugin gave it ({@link #replacesBody}). */
    private String text(Page page) {
        return replacesBody(page) ? (String) page.drop().indexed("content") : page.body();
    }

    /**
     * Whether the front matter, or a front matter default, gives the document its excerpt: Jekyll
     * makes one (its {@code data["excerpt"] ||=}, after the defaults are merged) also when the key
     * is there with no value or {@code false}.
     */
    private static boolean hasOwnExcerpt(Page page) {
        if (page.collection() == null && !page.positions().containsKey("excerpt")) {
            // Jekyll makes a page's excerpt before it reads the defaults: a default excerpt is not seen
            return false;
        }
        Object own = page.drop().indexed("excerpt");
        return own != null && !Boolean.FALSE.equals(own);
    }

    /** A text converted, and whether Liquid left it as written, so offsets in it are offsets in the file. */
    private record Converted(MarkdownRenderer.Html html, boolean liquidChangedNothing) {
    }

    /**
     * Liquid (when the page has any and allows it), then Markdown (when the page is Markdown).
     * For a page's {@code content} rendered from Markdown, the headings its Markdown tree holds;
     * otherwise the text is an excerpt, whose {@code paginator} is nil, as Jekyll's excerpt has none.
     */
    private Converted convert(Page page, String text, int firstLine, boolean content) throws DiagnosticException {
        String out = liquid(page, text, firstLine, content ? paginatorOf(page) : null, !content);
        if (!page.markdown()) {
            return new Converted(MarkdownRenderer.Html.notMarkdown(out), out.equals(text));
        }
        Optional<MarkdownNesting.Deep> deep = MarkdownNesting.find(out);
        if (deep.isPresent()) {
            throw new DiagnosticException(Diagnostic.error(page.sitePath(), placeOf(page, text, firstLine, out,
                    deep.get()), "block quotes, lists and elements read as Markdown nest more than " + MarkdownNesting.MAX_DEPTH
                    + " levels deep here; nest them less deeply"));
        }
        RelativeLinks links = relativeLinks == null ? null : relativeLinks.apply(page);
        MarkdownRenderer.Html html = content ? markdown.renderWithHeadings(out, links)
                : MarkdownRenderer.Html.notMarkdown(markdown.render(out, links));
        return new Converted(html, out.equals(text));
    }

    /**
     * A warning for each relative link to a Markdown file that names no page: exactly where it is
     * written when Liquid changed nothing (the link's offset is then one in the body), else where its
     * destination first appears in the body.
     */
    private static void warnUnresolved(Page page, RenderedPage content, boolean liquidChangedNothing,
            Diagnostics diagnostics) {
        for (PageLink link : content.links()) {
            if (link.unresolved()) {
                Position at = liquidChangedNothing ? placeOf(page.body(), page.bodyLine(), link.offset())
                        : lineOf(page, link.written());
                diagnostics.add(Diagnostic.warning(page.sitePath(), at,
                        "link \"" + link.written() + "\" names no page of this site; left as written"));
            }
        }
    }

    /** The line and column of {@code offset} in {@code text}, whose first line is the file's line {@code firstLine}. */
    private static Position placeOf(String text, int firstLine, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = firstLine;
        for (int at = text.indexOf('\n'); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1)) {
            line++;
        }
        return new Position(line, offset - lineStart + 1);
    }

    /**
     * Where {@code deep}, found in {@code converted} (the text after Liquid), is in the page's file:
     * exactly when Liquid changed nothing, else where that line's text is in the body.
     */
    private static Position placeOf(Page page, String text, int firstLine, String converted,
            MarkdownNesting.Deep deep) {
        if (converted.equals(text)) {
            return new Position(firstLine + deep.line() - 1, deep.column());
        }
        return lineOf(page, converted.lines().skip(deep.line() - 1).findFirst().orElse("").strip());
    }

    /** Where {@code text} first appears in the page's body; the body's start when it does not. */
    private static Position lineOf(Page page, String text) {
        String[] lines = page.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int column = lines[i].indexOf(text);
            if (column >= 0) {
                return new Position(page.bodyLine() + i, column + 1);
            }
        }
        return new Position(page.bodyLine(), 1);
    }

    /** Liquid, then Sass; keeps the page's source map for the write stage. */
    private String convertSass(Page page, Diagnostics diagnostics) throws DiagnosticException {
        String text = liquid(page, page.body(), page.bodyLine(), paginatorOf(page), false);
        String outputName = page.outputPath() == null ? page.source().basename() + ".css"
                : page.outputPath().substring(page.outputPath().lastIndexOf('/') + 1);
        SassRenderer.Output css = sass.render(page.source().file(), page.sitePath(), text, page.bodyLine(), outputName);
        css.warnings().forEach(diagnostics::add);
        if (css.sourceMap() != null && page.isWritten()) {
            sourceMaps.put(page.outputPath(), new SourceMap(page.outputPath() + ".map", css.sourceMap(), page.sitePath()));
        }
        return css.css();
    }

    private String liquid(Page page, String text, int firstLine, Map<String, Object> paginator, boolean excerpt)
            throws DiagnosticException {
        String out = text;
        if (page.liquid() && (out.contains("{{") || out.contains("{%"))) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("site", plan.contentSite(page, index.siteFor(page)));
            // a document's excerpt reads itself as Jekyll's excerpt drop
            variables.put("page", excerpt && page.drop().isDocument() ? page.drop().asOwnExcerpt() : page.drop());
            variables.put("jekyll", jekyll);
            variables.put("paginator", paginator);
            putHighlighterAffixes(page, variables);
            out = liquid.render(out, page.sitePath(), firstLine, variables);
        }
        return out;
    }

    private static boolean isSass(Page page) {
        return SassRenderer.isSass(page.source().relativePath());
    }

    /** The page's paginator; {@code null} (Liquid's nil, as in Jekyll) on a page that is not paginated. */
    private Map<String, Object> paginatorOf(Page page) {
        return paginators.get(page);
    }

    private Map<String, Object> layoutVariables(Page page) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("jekyll", jekyll);
        variables.put("paginator", paginatorOf(page));
        putHighlighterAffixes(page, variables);
        return variables;
    }

    /**
     * Jekyll's Markdown converter asks for a line break before and after each {@code highlight}
     * block, in the page and in its layouts alike (they share the page's payload), so that Markdown
     * reads the block as one of its own and not as inline HTML in a paragraph. Other pages have none.
     */
    private static void putHighlighterAffixes(Page page, Map<String, Object> variables) {
        String affix = page.markdown() ? "\n" : null;
        variables.put("highlighter_prefix", affix);
        variables.put("highlighter_suffix", affix);
    }

    /**
     * Where Jekyll's excerpt of the page ends: the page's own excerpt separator, or the site's. A
     * page (not a document) reads only its front matter's, as Jekyll keeps the separator it saw
     * before the defaults were merged.
     */
    private String excerptSeparatorOf(Page page) {
        if (page.collection() == null && !page.positions().containsKey("excerpt_separator")) {
            return excerptSeparator;
        }
        Object own = page.drop().get("excerpt_separator");
        return own == null ? excerptSeparator : own.toString();
    }
}
