package org.sheaf.pipeline;

import org.sheaf.sass.SassRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.GitHubMetadata;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.RubyTimeParser;
import org.sheaf.jekyll.WideTime;
import org.sheaf.content.Page;
import org.sheaf.content.RenderedPage;
import org.sheaf.content.RenderedPages;
import org.sheaf.content.TemplateTag;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;
import org.sheaf.generate.ChartTag;
import org.sheaf.generate.GeneratedFile;
import org.sheaf.generate.Generator;
import org.sheaf.generate.OpenResearch;
import org.sheaf.generate.GitHistory;
import org.sheaf.generate.GitHistoryLoader;
import org.sheaf.generate.Pagination;
import org.sheaf.generate.Plugins;
import org.sheaf.generate.Provenance;
import org.sheaf.highlight.Highlighting;
import org.sheaf.liquid.LinkResolver;
import org.sheaf.liquid.LiquidMode;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.liquid.LiquidSetup;
import org.sheaf.markdown.MarkdownNesting;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.markdown.RelativeLinks;
import org.sheaf.output.DestinationGuard;
import org.sheaf.output.DestinationLock;
import org.sheaf.output.DirectorySink;
import org.sheaf.output.OutputFile;
import org.sheaf.output.OutputPlan;
import org.sheaf.output.OutputSink;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceScanner;
import org.sheaf.template.FreemarkerEngine;
import org.sheaf.template.Layout;
import org.sheaf.template.LayoutEngine;
import org.sheaf.template.LayoutRenderer;
import org.sheaf.template.TemplateFunctions;

/**
 * Builds a site, in these stages (DESIGN.md, "Pipeline"), each a method of one {@code SiteBuilder}
 * that returns the value the next stage takes:
 *
 * <ol>
 *   <li>{@link #config}: {@code _config.yml}, Jekyll's defaults, the command line's overrides; then
 *       {@link #lock}, the destination folder's lock when building into it;</li>
 *   <li>{@link #scan}: the source files, classified ({@link Scanned});</li>
 *   <li>{@link #parse}: front matter of pages and documents, data files, layouts ({@link Parsed});</li>
 *   <li>{@link #index}: URLs, defaults, collections, {@code site.*}; URL collisions; {@code page.git}
 *       from one {@code git log} ({@link Provenance}), which runs in the background from the end of
 *       the config stage ({@link #gitHistory}) and which the index waits for ({@link Indexed});</li>
 *   <li>{@link #generate}: the pages and files the {@code plugins:} add (pagination, feed, sitemap),
 *       listed in {@code site.pages} where Jekyll's plugins list theirs; a file's text is built
 *       after render, since a feed carries its posts' rendered content ({@link Generated});</li>
 *   <li>{@link #render}: Liquid, Markdown (or Sass), layouts, pages in parallel, into a {@link Target}:
 *       building into a folder, each page goes into the staging folder as soon as it is laid out,
 *       rather than waiting in memory (the destination itself is not touched until the swap); each
 *       HTML page is checked for accessibility faults ({@link AccessibilityPass}), warnings unless
 *       {@code --strict} ({@link Rendered});</li>
 *   <li>{@link #write}: the output plan (collisions between pages, generated and static files
 *       reported), the rest of it written to the staging folder, which is then swapped in whole.</li>
 * </ol>
 *
 * <p>Every stage handles all its inputs and collects problems; a stage that ends with errors
 * throws {@link Stopped}, which holds the build's result, so nothing is written unless every stage
 * was clean. A build never throws for a writer's mistake: it returns them in the {@link BuildResult}.
 * An incremental build ({@code org.sheaf.incremental}) calls the same stages with values of its
 * own: a kept scan, kept parses, a {@link RenderPlan} that reuses unchanged pages, its own sink.
 *
 * <p>One object is one build, used from one thread (the render stage runs its own threads).
 */
public final class SiteBuilder {
    private static final String JEKYLL_VERSION = "4.3.1";

    private final BuildOptions options;
    private final Instant started = Instant.now();
    private final Stopwatch stopwatch = new Stopwatch();
    private final Diagnostics diagnostics;

    private SiteBuilder(BuildOptions options) {
        this.options = options;
        this.diagnostics = options.strict() ? Diagnostics.strict() : new Diagnostics();
    }

    /** A build with {@code options}, its clock started; call its stages in order. */
    public static SiteBuilder start(BuildOptions options) {
        return new SiteBuilder(options);
    }

    /** Builds the site into its destination folder. */
    public static BuildResult build(BuildOptions options) {
        return build(options, null);
    }

    /**
     * Builds the site into {@code sink}, or into its destination folder when {@code sink} is null.
     */
    public static BuildResult build(BuildOptions options, OutputSink sink) {
        SiteBuilder build = start(options);
        try {
            SiteConfig config = build.config();
            try (DestinationLock lock = build.lock(config, sink)) {
                CompletableFuture<GitHistory> history = build.gitHistory(config, GitHistoryLoader::load);
                Scanned scanned = build.scan(config, SourceScanner::scan);
                Parsed parsed = build.parse(scanned, SourceLoader.reading(config.files(), config.timezone()));
                Indexed indexed = build.index(parsed, history);
                Generated generated = build.generate(indexed);
                try (Target target = build.target(generated, sink)) {
                    Rendered rendered = build.render(generated, RenderPlan.FULL, target);
                    return build.write(rendered, target, output -> output.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (Stopped stopped) {
            return stopped.result();
        }
    }

    /** The scan stage's value: the site's source files, sorted and classified. */
    public record Scanned(SiteConfig config, List<SourceFile> files) {
    }

    /**
     * The parse stage's value.
     *
     * @param sources every scanned file, pages and documents with their front matter and body
     * @param data    the {@code site.data} tree
     * @param layouts the layouts by name
     */
    public record Parsed(SiteConfig config, List<ContentIndex.Parsed> sources, Map<String, Object> data,
            Map<String, Layout> layouts) {
    }

    /**
     * The index stage's value.
     *
     * @param index    every page with its URL and {@code page.git}, and {@code site}
     * @param siteTime {@code site.time}: a time ({@link RubyTime#isTime}), a {@link WideTime} where
     *                 the config's {@code time} is one Java's times cannot hold
     */
    public record Indexed(SiteConfig config, ContentIndex index, Map<String, Layout> layouts,
            Object siteTime) {
    }

    /**
     * The generate stage's value: the index with the generated pages added, the generated files,
     * and the plugins that render needs again (their tags, pagination's {@code paginator});
     * {@code highlighting} colours code for Markdown and the {@code highlight} tag alike.
     */
    public record Generated(SiteConfig config, ContentIndex index, Map<String, Layout> layouts,
            Object siteTime, MarkdownRenderer markdown, Highlighting highlighting, Plugins plugins, Pagination pagination,
            OpenResearch research, List<GeneratedFile> files) {
    }

    /**
     * The render stage's value.
     *
     * @param renderer the renderer, with every page's content and excerpt rendered; an incremental
     *                 build keeps it to render a body edit again
     * @param charts   the {@code chart} tag, which knows the pages it drew on
     * @param files    the generated files, the charts' among them
     * @param replaced the output paths a generated file takes over from the page that would write them
     * @param outputs  each laid-out page's output, when the target collects them (empty when they
     *                 went to a staging folder as they came)
     */
    public record Rendered(Generated generated, PageRenderer renderer, ChartTag charts, List<GeneratedFile> files,
            Set<String> replaced, Map<Page, String> outputs) {
    }

    /** A build that ended before writing: {@link #result} says how and why. */
    public static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BuildResult result;

        private Stopped(BuildResult result) {
            super(result.status().toString(), null, false, false);
            this.result = result;
        }

        public BuildResult result() {
            return result;
        }
    }

    /**
     * Where the render and write stages put the site: a staging folder that pages go into as they
     * are laid out, then swapped in; or a sink handed the whole plan at the end.
     */
    public static final class Target implements AutoCloseable {
        private final OutputPlan plan;
        private final DirectorySink.Staging staging;
        private final OutputSink sink;
        private final String destination;
        private final Set<String> replaced;
        private final Map<Page, String> outputs = new ConcurrentHashMap<>();
        private final AtomicInteger staged = new AtomicInteger();

        private Target(OutputPlan plan, DirectorySink.Staging staging, OutputSink sink, String destination,
                Set<String> replaced) {
            this.plan = plan;
            this.staging = staging;
            this.sink = sink;
            this.destination = destination;
            this.replaced = replaced;
        }

        /** Takes a page's output, from the rendering threads. */
        private void put(Page page, String output) {
            if (staging == null) {
                outputs.put(page, output);
                return;
            }
            if (!replaced.contains(page.outputPath())) {
                staging.put(page.outputPath(), output.getBytes(StandardCharsets.UTF_8), page.sitePath());
            }
            staged.incrementAndGet();
        }

        /** Discards a staging folder that was not committed. */
        @Override
        public void close() {
            if (staging != null) {
                staging.close();
            }
        }
    }

    /** The config stage: loads the config; a config the destination guard refuses stops the build. */
    public SiteConfig config() throws Stopped {
        SiteConfig config;
        try {
            config = ConfigLoader.load(options.siteRoot(), options.overrides());
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
            throw stopped(BuildResult.Status.CONFIG_ERROR);
        }
        Optional<String> refusal = DestinationGuard.refusal(config.siteRoot(), config.source(), config.destination());
        if (refusal.isPresent()) {
            diagnostics.add(config.errorAt("destination", refusal.get()));
            throw stopped(BuildResult.Status.CONFIG_ERROR);
        }
        return GitHubMetadata.apply(config, options.resolvedEnvironment(), System.getenv(), diagnostics);
    }

    /**
     * Into the destination folder (no {@code sink}), one build at a time, whichever process it runs
     * in: the folder's lock, waited for; null when building into a sink. Ends the config stage.
     */
    public DestinationLock lock(SiteConfig config, OutputSink sink) throws Stopped {
        if (sink != null) {
            stopwatch.lap("config");
            return null;
        }
        try {
            java.nio.file.Files.createDirectories(config.destination().toAbsolutePath().normalize().getParent());
            DestinationLock lock = DestinationLock.acquire(config.destination(), DestinationLock.PATIENCE,
                    message -> System.err.println("sheaf: " + message));
            stopwatch.lap("config");
            return lock;
        } catch (IOException e) {
            throw cannotWrite(config, e);
        }
    }

    /**
     * {@code git log} for {@code page.git}, run by {@code loader} in the background while the site
     * is scanned and parsed; null when the site does not want provenance.
     */
    public CompletableFuture<GitHistory> gitHistory(SiteConfig config, Function<Path, GitHistory> loader) {
        return Provenance.wanted(config) ? inBackground("sheaf-git", () -> loader.apply(config.siteRoot())) : null;
    }

    /** The scan stage: the site's source files as {@code scanner} finds them, its problems reported. */
    public Scanned scan(SiteConfig config, BiFunction<SiteConfig, Diagnostics, List<SourceFile>> scanner) {
        List<SourceFile> files = scanner.apply(config, diagnostics);
        stopwatch.lap("scan");
        return new Scanned(config, files);
    }

    /** The parse stage: each page's and document's front matter through {@code reader}, data files, layouts. */
    public Parsed parse(Scanned scanned, SourceLoader.Reader reader) throws Stopped {
        SiteConfig config = scanned.config();
        List<ContentIndex.Parsed> sources = SourceLoader.load(scanned.files(), reader, diagnostics);
        Map<String, Object> data = DataLoader.load(config.files(), scanned.files(), config.timezone(), diagnostics);
        Map<String, Layout> layouts = LayoutLoader.load(config, diagnostics);
        stopwatch.lap("parse");
        stopIfErrors();
        return new Parsed(config, sources, data, layouts);
    }

    /**
     * The index stage: GitHub Pages' rewrites (when enabled), then URLs, defaults and {@code site};
     * each page gets its {@code page.git} from {@code history} (null for none), which is waited for
     * once the pages are made, so that git runs on while they are.
     */
    public Indexed index(Parsed parsed, CompletableFuture<GitHistory> history) throws Stopped {
        SiteConfig config = parsed.config();
        ContentIndex.Annotations annotations = history == null ? ContentIndex.Annotations.NONE
                : provenance(history, config);
        annotations = annotations.and(Plugins.pageVariables(config));
        Object siteTime = siteTime(config);
        List<ContentIndex.Parsed> sources = GitHubPages.apply(config, parsed.sources(), parsed.data(), siteTime,
                parsed.layouts());
        ContentIndex index = ContentIndex.build(config, sources, parsed.data(), siteTime, annotations, diagnostics);
        stopwatch.lap("index");
        stopIfErrors();
        return new Indexed(config, index, parsed.layouts(), siteTime);
    }

    /**
     * {@code site.time}: the config's {@code time} when it sets one, as Jekyll reads it, else the
     * build's time ({@code SOURCE_DATE_EPOCH} or now) in the site's zone. Jekyll reads the value's
     * text ({@code Time#to_s} of a YAML timestamp) with Ruby's {@code Time.parse}, taking the parts
     * it leaves out from the build's time, and moves it into the site's zone ({@code localtime});
     * so a timestamp loses its fraction of a second, and the seconds of an offset {@code to_s}
     * leaves out (a zone's local mean time). A time Java's times cannot hold (a year beyond
     * Java's either way, or from 5,881,581 on) is a {@link WideTime}, as a document's date is. A
     * {@code time} that names no time is an error, as Jekyll stops on it.
     */
    private Object siteTime(SiteConfig config) {
        ZoneId zone = config.timezone();
        ZonedDateTime now = options.resolvedTime().atZone(zone);
        Object time = config.values().get("time");
        if (time == null) {
            return now;
        }
        String text = time instanceof ZonedDateTime timestamp ? RubyTime.text(timestamp) : time.toString();
        Optional<Object> parsed = RubyTimeParser.parseAny(text, zone, now).flatMap(read -> RubyTime.inZone(read, zone));
        if (parsed.isEmpty()) {
            diagnostics.add(config.errorAt("time", "invalid time \"" + time + "\" in the config")
                    .withHint("Jekyll reads it with Ruby's Time.parse: write 2017-09-04 10:00:00 +0200"));
            return now;
        }
        return parsed.get();
    }

    /**
     * The generate stage: pagination's and the plugins' pages, and the generated files (text made
     * later); the Jekyll plugins' pages and files are then added to {@code site.pages}, before
     * any page renders, as Jekyll's generators add theirs.
     */
    public Generated generate(Indexed indexed) {
        SiteConfig config = indexed.config();
        ContentIndex index = indexed.index();
        Plugins plugins = Plugins.of(config, diagnostics);
        SiteConfig.Origin highlighter = config.originOf("highlighter");
        Highlighting highlighting = Highlighting.withRouge(highlighter.path(), highlighter.position());
        MarkdownRenderer markdown = new MarkdownRenderer(markdownOptions(config, diagnostics), highlighting);
        List<Page> archives = plugins.archives(index, diagnostics);
        index = index.withPages(archives);
        Pagination pagination = plugins.paginate(config, index);
        index = index.withPages(pagination.pages());
        index = index.withPages(plugins.listingPages(index, diagnostics));
        List<GeneratedFile> generated = new java.util.ArrayList<>(plugins.generate(
                new Generator.Input(config, index, JEKYLL_VERSION)));
        index = plugins.withSiteValues(index.withListed(plugins.listedPages(archives, pagination, generated)), archives);
        OpenResearch research = OpenResearch.of(config, diagnostics);
        generated.addAll(research.generate(index, diagnostics));
        stopwatch.lap("generate");
        return new Generated(config, index, indexed.layouts(), indexed.siteTime(), markdown, highlighting, plugins,
                pagination, research, List.copyOf(generated));
    }

    /**
     * Where render and write put the site: {@code sink}, handed the whole plan at the end; or, when
     * null, the destination folder's staging folder, which pages go into as they are laid out.
     */
    public Target target(Generated generated, OutputSink sink) throws Stopped {
        if (sink != null) {
            return handingTo(generated, sink, "");
        }
        SiteConfig config = generated.config();
        OutputPlan plan = new OutputPlan(config::outputRefusal);
        try {
            return new Target(plan, new DirectorySink(config.destination(), config.strings("keep_files")).stage(plan),
                    null, config.sitePath(config.destination()), replacedPaths(generated.files()));
        } catch (IOException e) {
            throw cannotWrite(config, e);
        }
    }

    /** A target that hands the whole plan to {@code sink}, a sink of its own for the destination folder. */
    public Target intoFolder(Generated generated, OutputSink sink) {
        return handingTo(generated, sink, generated.config().sitePath(generated.config().destination()));
    }

    /** A target that hands the whole plan to {@code sink}; the result names {@code destination} as where the site went. */
    private static Target handingTo(Generated generated, OutputSink sink, String destination) {
        return new Target(new OutputPlan(generated.config()::outputRefusal), null, sink, destination,
                replacedPaths(generated.files()));
    }

    /**
     * The render stage: every page {@code plan} does not keep, content then layouts, each output
     * handed to {@code target} as it is laid out.
     */
    public Rendered render(Generated generated, RenderPlan plan, Target target) throws Stopped {
        SiteConfig config = generated.config();
        Map<String, Layout> layouts = generated.layouts();
        MarkdownRenderer markdown = generated.markdown();
        Plugins plugins = generated.plugins();
        OpenResearch research = generated.research();
        PageRenderer renderer;
        ChartTag charts = new ChartTag(config.baseurl());
        try {
            List<TemplateTag> tags = new java.util.ArrayList<>(research.tags());
            RenderedPages rendered = generated.index().rendered();
            tags.addAll(plugins.tags(JEKYLL_VERSION, markdown::render,
                    page -> rendered.ofVariable(page).flatMap(RenderedPage::toc)));
            tags.add(charts.tag());
            renderer = renderer(config, generated.index(), layouts, options, markdown, generated.highlighting(), tags,
                    generated.pagination().paginators(), research.relativeLinks(), target.replaced, diagnostics);
            renderer.render(diagnostics, plan, options.progress(),
                    AccessibilityPass.around(target::put, config, layouts, diagnostics));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(config.sitePath(config.layoutsDir()), Position.FILE,
                    "cannot read templates: " + OsReason.of(e)));
            throw stopped(BuildResult.Status.SITE_ERRORS);
        }
        stopwatch.lap("render");
        renderer.sassStartup().ifPresent(time -> stopwatch.note("sass start", time));
        generated.highlighting().startup().ifPresent(time -> stopwatch.note("rouge start", time));
        charts.firstUse().ifPresent(time -> {
            stopwatch.note("first chart", time);
            stopwatch.note(charts.count() + " charts", charts.total());
        });
        List<GeneratedFile> files = concat(generated.files(), charts.files());
        stopIfErrors();
        return new Rendered(generated, renderer, charts, files, target.replaced, target.outputs);
    }

    /**
     * The write stage: the output plan (what render did not stage, generated files, source maps,
     * static files), its collisions reported, then written whole. {@code utf8} encodes a page's
     * output (an incremental build hands back the very array of the last build for a kept page).
     */
    public BuildResult write(Rendered rendered, Target target, Function<String, byte[]> utf8) throws Stopped {
        SiteConfig config = rendered.generated().config();
        ContentIndex index = rendered.generated().index();
        addToPlan(target.plan, index, rendered.outputs(), rendered.replaced(), rendered.files(),
                rendered.renderer().sourceMaps(), utf8, diagnostics);
        diagnostics.addAll(target.plan.problems());
        stopIfErrors();
        try {
            if (target.staging != null) {
                for (String note : target.staging.commit()) {
                    diagnostics.add(Diagnostic.warning(config.sitePath(config.destination()),
                            Position.FILE, note));
                }
            } else {
                target.sink.write(target.plan);
            }
        } catch (IOException e) {
            throw cannotWrite(config, e);
        }
        stopwatch.lap("write");
        return new BuildResult(BuildResult.Status.OK, diagnostics.sorted(),
                rendered.outputs().size() + target.staged.get() + rendered.files().size(), index.staticFiles().size(),
                target.destination, Duration.between(started, Instant.now()), stopwatch.laps(),
                rendered.renderer().profile());
    }

    /** {@code page.git} from {@code history}, waited for at the first page; the wait is noted as {@code git}. */
    private ContentIndex.Annotations provenance(CompletableFuture<GitHistory> history, SiteConfig config) {
        return new ContentIndex.Annotations() {
            private ContentIndex.Annotations annotations;

            @Override
            public Map<String, Object> of(Page page) {
                if (annotations == null) {
                    long waited = System.nanoTime();
                    annotations = Provenance.annotations(history.join(), config);
                    stopwatch.note("git", Duration.ofNanos(System.nanoTime() - waited));
                }
                return annotations.of(page);
            }
        };
    }

    private void stopIfErrors() throws Stopped {
        if (diagnostics.hasErrors()) {
            throw stopped(BuildResult.Status.SITE_ERRORS);
        }
    }

    /** {@code task}'s result, computed on a new daemon thread named {@code name}. */
    private static <T> CompletableFuture<T> inBackground(String name, java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A failed write: a source file that could not be copied is reported at that file, anything else at the destination. */
    private Stopped cannotWrite(SiteConfig config, IOException e) {
        if (e instanceof OutputFile.SourceProblem unreadable) {
            diagnostics.add(unreadable.diagnostic());
            return stopped(BuildResult.Status.SITE_ERRORS);
        }
        diagnostics.add(Diagnostic.error(config.sitePath(config.destination()), Position.FILE,
                "cannot write the site: " + e.getMessage()));
        return stopped(e instanceof DirectorySink.PreviousSiteAside ? BuildResult.Status.PREVIOUS_SITE_ASIDE
                : BuildResult.Status.SITE_ERRORS);
    }

    /** Output paths that a generated file takes over from the page that would have written them. */
    private static java.util.Set<String> replacedPaths(List<GeneratedFile> generated) {
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (GeneratedFile file : generated) {
            if (file.replacing()) {
                replaced.add(file.outputPath());
            }
        }
        return replaced;
    }

    private static List<GeneratedFile> concat(List<GeneratedFile> first, List<GeneratedFile> second) {
        List<GeneratedFile> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static PageRenderer renderer(SiteConfig config, ContentIndex index, Map<String, Layout> layouts,
            BuildOptions options, MarkdownRenderer markdown, Highlighting highlighting, List<TemplateTag> tags,
            Map<Page, Map<String, Object>> paginators, boolean relativeLinks, Set<String> replaced,
            Diagnostics diagnostics) throws IOException {
        LinkResolver links = new LinkResolver() {
            @Override
            public Optional<String> urlOfSource(String relativePath) {
                return index.urlOfSource(relativePath);
            }

            @Override
            public Optional<String> urlOfPost(String postName) {
                return index.urlOfPost(postName);
            }
        };
        String environment = options.resolvedEnvironment();
        SassRenderer sass = new SassRenderer(SassRenderer.Settings.from(config, environment), config.siteRoot(), config.source());
        String configPath = config.originOf("sass").path();
        Map<String, java.util.function.UnaryOperator<String>> sassFilters = Map.of(
                "scssify", text -> sass.convert(text, false, configPath),
                "sassify", text -> sass.convert(text, true, configPath));
        java.util.function.UnaryOperator<String> markdownify = text -> markdownified(markdown, text);
        LiquidRenderer liquid = new LiquidRenderer(new LiquidSetup(config.source(), config.includesDir(),
                config.baseurl(), config.url(), config.timezone(), environment, markdownify, links, tags,
                liquidMode(config, diagnostics), strictFilters(config), diagnostics::add, sassFilters,
                config.theme().map(theme -> List.of(theme.includesDir())).orElse(List.of()), highlighting));
        Map<Layout.Engine, LayoutEngine> engines = new EnumMap<>(Layout.Engine.class);
        // Freemarker starts only for a site with Freemarker layouts: setting it up loads about
        // 170 classes, 60 ms of a 100-page Liquid site's start (BENCHMARKS.md).
        if (layouts.values().stream().anyMatch(layout -> layout.engine() == Layout.Engine.FREEMARKER)) {
            TemplateFunctions functions = new TemplateFunctions(config.baseurl(), config.url(), config.timezone(),
                    markdownify, tags);
            engines.put(Layout.Engine.FREEMARKER, new FreemarkerEngine(config.layoutsDir(),
                    config.sitePath(config.layoutsDir()), functions));
        }
        engines.put(Layout.Engine.LIQUID, (layout, variables) ->
                liquid.render(layout.body(), layout.sitePath(), layout.bodyLine(), variables));
        Map<String, Object> jekyll = new LinkedHashMap<>();
        jekyll.put("version", JEKYLL_VERSION);
        jekyll.put("environment", environment);
        return new PageRenderer(index, liquid, markdown, new LayoutRenderer(layouts, engines), jekyll,
                config.excerptSeparator(), config.flag("page_excerpts"), paginators, sass, highlighting,
                relativeLinks(config, index, relativeLinks),
                org.sheaf.generate.Mentions.of(config, System.getenv()).orElse(null), replaced);
    }

    /**
     * Each page's relative links: GitHub Pages' jekyll-relative-links when on (as Jekyll, which
     * knows no other), else sheaf's links between Markdown pages when {@code research} asks for
     * them; null for neither.
     */
    private static java.util.function.Function<Page, RelativeLinks> relativeLinks(SiteConfig config, ContentIndex index,
            boolean research) {
        java.util.function.Function<Page, RelativeLinks> pages = GitHubPages.relativeLinks(config, index);
        if (pages != null || !research) {
            return pages;
        }
        return page -> new RelativeLinks(page.source().relativePath(), config.markdownExtensions(),
                path -> index.urlOfSource(path).map(url -> JekyllFilters.relativeUrl(config.baseurl(), url)));
    }

    /** Jekyll's {@code liquid: strict_filters}: an unknown filter is an error, not skipped. */
    private static boolean strictFilters(SiteConfig config) {
        return config.get("liquid") instanceof Map<?, ?> liquid && Boolean.TRUE.equals(liquid.get("strict_filters"));
    }

    /**
     * The site's Markdown options; a {@code kramdown: input:} that names no parser of kramdown's is
     * an error at the key (Jekyll stops on it), one sheaf reads as {@code kramdown} a warning.
     */
    private static MarkdownOptions markdownOptions(SiteConfig config, Diagnostics diagnostics) {
        MarkdownOptions.inputProblem(config.values()).ifPresent(problem -> {
            SiteConfig.Origin at = config.originOf("kramdown.input");
            diagnostics.add((problem.error() ? at.error(problem.message()) : at.warning(problem.message()))
                    .withHint(problem.hint()));
        });
        return MarkdownOptions.fromConfig(config.values());
    }

    /** Jekyll's {@code liquid: error_mode}; an unknown value is an error at the key, and the default mode is used. */
    private static LiquidMode liquidMode(SiteConfig config, Diagnostics diagnostics) {
        Object liquid = config.get("liquid");
        Object value = liquid instanceof Map<?, ?> map ? map.get("error_mode") : null;
        if (value == null) {
            return LiquidMode.WARN;
        }
        Optional<LiquidMode> mode = LiquidMode.named(String.valueOf(value));
        if (mode.isEmpty()) {
            diagnostics.add(config.errorAt("liquid.error_mode", "unknown Liquid error mode \"" + value + "\"")
                    .withHint("error_mode is one of strict, warn (the default) and lax"));
        }
        return mode.orElse(LiquidMode.WARN);
    }

    /**
     * Adds what the render stage did not write itself: the collected page outputs (unless a
     * generated file replaces them), the generated files, Sass source maps and static files. A
     * generated file whose text cannot be made (a published source that cannot be read) is an
     * error at its origin.
     */
    private static void addToPlan(OutputPlan plan, ContentIndex index, Map<Page, String> outputs,
            java.util.Set<String> replaced, List<GeneratedFile> generated, List<PageRenderer.SourceMap> sourceMaps,
            java.util.function.Function<String, byte[]> utf8, Diagnostics diagnostics) {
        for (GeneratedFile file : generated) {
            try {
                plan.addBytes(file.outputPath(), file.text().get().getBytes(StandardCharsets.UTF_8), file.origin());
            } catch (java.io.UncheckedIOException e) {
                diagnostics.add(Diagnostic.error(file.origin(), Position.FILE, OsReason.of(e.getCause())));
            }
        }
        outputs.forEach((page, output) -> {
            if (!replaced.contains(page.outputPath())) {
                plan.addBytes(page.outputPath(), utf8.apply(output), page.sitePath());
            }
        });
        for (PageRenderer.SourceMap map : sourceMaps) {
            plan.addBytes(map.outputPath(), map.json().getBytes(StandardCharsets.UTF_8), map.sitePath());
        }
        for (ContentIndex.StaticFile file : index.staticFiles()) {
            plan.addCopy(file.outputPath(), file.source().file(), file.source().sitePath());
        }
    }

    private Stopped stopped(BuildResult.Status status) {
        return new Stopped(new BuildResult(status, diagnostics.sorted(), 0, 0, "",
                Duration.between(started, Instant.now()), stopwatch.laps(), new RenderProfile()));
    }

    /**
     * {@code markdownify}: {@code text} as HTML, refused as a page's Markdown is when its block
     * quotes and lists nest too deeply to parse in reasonable time ({@link MarkdownNesting}). The
     * refusal is a plain exception, which the template engine reports at the filter's place.
     */
    private static String markdownified(MarkdownRenderer markdown, String text) {
        Optional<MarkdownNesting.Deep> deep = MarkdownNesting.find(text);
        if (deep.isPresent()) {
            throw new RuntimeException("markdownify was given text whose block quotes, lists and elements read as Markdown nest more than "
                    + MarkdownNesting.MAX_DEPTH + " levels deep (at line " + deep.get().line() + ", column "
                    + deep.get().column() + " of that text); nest them less deeply");
        }
        return markdown.render(text);
    }
}
