package org.sheaf.pipeline;

import org.sheaf.sass.SassRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.JekyllFilters;
import org.sheaf.content.Page;
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
import org.sheaf.liquid.LinkResolver;
import org.sheaf.liquid.LiquidMode;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.liquid.LiquidSetup;
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
 * Builds a site, in these stages (DESIGN.md, "Pipeline"):
 *
 * <ol>
 *   <li>load config: {@code _config.yml}, Jekyll's defaults, the command line's overrides;</li>
 *   <li>scan: the source files, classified;</li>
 *   <li>parse: front matter of pages and documents, data files, layouts;</li>
 *   <li>index: URLs, defaults, collections, {@code site.*}; URL collisions; {@code page.git} from
 *       one {@code git log} ({@link Provenance}), which runs in the background from the end of
 *       the config stage;</li>
 *   <li>generate: the files the {@code plugins:} add (feed, sitemap); their text is built after
 *       render, since a feed carries its posts' rendered content;</li>
 *   <li>render: Liquid, Markdown (or Sass), layouts, pages in parallel; building into a folder,
 *       each page goes into the staging folder as soon as it is laid out, rather than waiting in
 *       memory (the destination itself is not touched until the swap); each HTML page is checked
 *       for accessibility faults ({@link AccessibilityPass}), warnings unless {@code --strict};</li>
 *   <li>write: the output plan (collisions between pages, generated and static files reported),
 *       the rest of it written to the staging folder, which is then swapped in whole.</li>
 * </ol>
 *
 * <p>Every stage handles all its inputs and collects problems; the build stops between stages
 * when there are errors, so nothing is written unless every stage was clean. A build never
 * throws for a writer's mistake: it returns them in the {@link BuildResult}.
 */
public final class SiteBuilder {
    private static final String JEKYLL_VERSION = "4.3.1";

    private SiteBuilder() {
    }

    /** Builds the site into its destination folder. */
    public static BuildResult build(BuildOptions options) {
        return build(options, null);
    }

    /**
     * Builds the site into {@code sink}, or into its destination folder when {@code sink} is null.
     */
    public static BuildResult build(BuildOptions options, OutputSink sink) {
        return build(options, sink, null);
    }

    /**
     * What an incremental build adds to a plain one: a render plan made from the indexed site, and
     * the sink to write into when the caller gave none. See {@link IncrementalBuilder}.
     */
    public interface Incremental {
        RenderPlan plan(SiteConfig config, ContentIndex index, Map<String, Layout> layouts, ZonedDateTime siteTime,
                String environment);

        /** The sink for {@code config}'s destination, or null for the usual {@link DirectorySink}. */
        OutputSink sink(SiteConfig config);

        /** How the parse stage reads {@code files}: reusing the last build's parses of files whose bytes did not change. */
        SourceLoader.Reader reader(SiteConfig config, List<SourceFile> files);

        /** The history of the files under {@code siteRoot}, for {@code page.git}. */
        GitHistory gitHistory(java.nio.file.Path siteRoot);

        /**
         * {@code output} in UTF-8: the very array of the last build when the text is the very
         * string it had (a page taken unchanged from the state), so that neither the conversion
         * nor a sink's comparison with the site it replaces is paid again.
         */
        byte[] bytes(String output);

        /** The site's source files: a new scan, or the last one when no file can have been added or removed. */
        List<SourceFile> scan(SiteConfig config, Diagnostics diagnostics);

        /** Told of a build that succeeded, with what it leaves for the body edits after it. */
        default void built(Built built) {
        }
    }

    /**
     * What a successful build leaves for the body edits after it.
     *
     * @param config     its config
     * @param renderer   its renderer, with every page's content and excerpt rendered
     * @param index      its index, generated pages included
     * @param generated  its generated files
     * @param replaced   the output paths a generated file took over from a page
     * @param charts     the build's {@code chart} tag, which knows the pages it drew on
     * @param result     the build's result
     * @param layouts    its layouts by name, for placing a page's accessibility warnings
     */
    public record Built(SiteConfig config, PageRenderer renderer, ContentIndex index, List<GeneratedFile> generated,
            java.util.Set<String> replaced, ChartTag charts, BuildResult result, Map<String, Layout> layouts) {
    }

    /** As {@link #build(BuildOptions, OutputSink)}, rendering only what {@code incremental}'s plan says (when not null). */
    public static BuildResult build(BuildOptions options, OutputSink sink, Incremental incremental) {
        Instant started = Instant.now();
        Stopwatch stopwatch = new Stopwatch();
        Diagnostics diagnostics = options.strict() ? Diagnostics.strict() : new Diagnostics();

        SiteConfig config;
        try {
            config = ConfigLoader.load(options.siteRoot(), options.overrides());
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
            return stopped(BuildResult.Status.CONFIG_ERROR, diagnostics, started, stopwatch);
        }
        Optional<String> refusal = DestinationGuard.refusal(config.siteRoot(), config.source(), config.destination());
        if (refusal.isPresent()) {
            diagnostics.add(config.errorAt("destination", refusal.get()));
            return stopped(BuildResult.Status.CONFIG_ERROR, diagnostics, started, stopwatch);
        }
        if (sink != null) {
            return build(options, sink, incremental, config, diagnostics, started, stopwatch);
        }
        // Into the destination folder: one build at a time, whichever process it runs in.
        try {
            java.nio.file.Files.createDirectories(config.destination().toAbsolutePath().normalize().getParent());
        } catch (IOException e) {
            return cannotWrite(config, e, diagnostics, started, stopwatch);
        }
        try (DestinationLock lock = DestinationLock.acquire(config.destination(), DestinationLock.PATIENCE,
                message -> System.err.println("sheaf: " + message))) {
            return build(options, null, incremental, config, diagnostics, started, stopwatch);
        } catch (IOException e) {
            return cannotWrite(config, e, diagnostics, started, stopwatch);
        }
    }

    /** The stages after the config's, with the destination locked when building into it. */
    private static BuildResult build(BuildOptions options, OutputSink sink, Incremental incremental, SiteConfig config,
            Diagnostics diagnostics, Instant started, Stopwatch stopwatch) {
        stopwatch.lap("config");
        // git runs while the site is scanned and parsed; the index stage waits for its answer.
        CompletableFuture<GitHistory> history = Provenance.wanted(config)
                ? inBackground("sheaf-git", () -> incremental == null ? GitHistoryLoader.load(config.siteRoot())
                        : incremental.gitHistory(config.siteRoot()))
                : null;

        List<SourceFile> files = incremental == null ? SourceScanner.scan(config, diagnostics)
                : incremental.scan(config, diagnostics);
        stopwatch.lap("scan");

        List<ContentIndex.Parsed> parsed = SourceLoader.load(files, incremental == null
                ? SourceLoader.reading(config.files(), config.timezone()) : incremental.reader(config, files), diagnostics);
        Map<String, Object> data = DataLoader.load(config.files(), files, config.timezone(), diagnostics);
        Map<String, Layout> layouts = LayoutLoader.load(config, diagnostics);
        stopwatch.lap("parse");
        if (diagnostics.hasErrors()) {
            return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
        }

        ZonedDateTime siteTime = options.resolvedTime().atZone(config.timezone());
        parsed = GitHubPages.apply(config, parsed, data, siteTime, layouts);
        ContentIndex index = ContentIndex.build(config, parsed, data, siteTime, diagnostics);
        stopwatch.lap("index");
        if (diagnostics.hasErrors()) {
            return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
        }
        if (history != null) {
            Provenance.annotate(index, history.join(), config);
            stopwatch.lap("git");
        }

        Plugins plugins = Plugins.of(config, diagnostics);
        MarkdownRenderer markdown = new MarkdownRenderer(
                MarkdownOptions.fromConfig(config.values()));
        Pagination pagination = plugins.paginate(config, index);
        index = index.withPages(pagination.pages());
        index = index.withPages(plugins.listingPages(index, diagnostics));
        List<GeneratedFile> generated = new java.util.ArrayList<>(plugins.generate(
                new Generator.Input(config, index, JEKYLL_VERSION, markdown::render, LiquidRenderer::smartify)));
        OpenResearch research = OpenResearch.of(config, diagnostics);
        generated.addAll(research.generate(index, diagnostics));
        stopwatch.lap("generate");

        RenderPlan renderPlan = incremental == null ? RenderPlan.FULL
                : incremental.plan(config, index, layouts, siteTime, options.resolvedEnvironment());
        OutputSink chosen = sink != null || incremental == null ? sink : incremental.sink(config);
        OutputPlan plan = new OutputPlan(config::outputRefusal);
        // A plain build into a folder writes each page into the staging folder as soon as it is
        // laid out, so that no page's output waits in memory for the others; a given sink and an
        // incremental build take the outputs themselves, collected.
        DirectorySink.Staging staging;
        try {
            staging = chosen != null ? null
                    : new DirectorySink(config.destination(), config.strings("keep_files")).stage(plan);
        } catch (IOException e) {
            return cannotWrite(config, e, diagnostics, started, stopwatch);
        }
        try (staging) {
            java.util.Set<String> replaced = replacedPaths(generated);
            Map<Page, String> outputs = new ConcurrentHashMap<>();
            AtomicInteger pagesOut = new AtomicInteger();
            BiConsumer<Page, String> each = staging == null ? outputs::put : (page, output) -> {
                if (!replaced.contains(page.outputPath())) {
                    staging.put(page.outputPath(), output.getBytes(StandardCharsets.UTF_8), page.sitePath());
                }
                pagesOut.incrementAndGet();
            };
            PageRenderer renderer;
            ChartTag charts = new ChartTag(config.baseurl());
            try {
                Map<String, java.util.function.Function<Map<String, Object>, String>> tags = new LinkedHashMap<>(research.tags());
                tags.putAll(plugins.tags(JEKYLL_VERSION, markdown::render));
                renderer = renderer(config, index, layouts, options, markdown, withChart(tags, charts),
                        pagination.paginators(), research.relativeLinks(), diagnostics);
                renderer.render(diagnostics, renderPlan, options.progress(),
                        AccessibilityPass.around(each, config, layouts, diagnostics));
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(LayoutLoader.sitePath(config, config.layoutsDir()), Position.FILE,
                        "cannot read templates: " + OsReason.of(e)));
                return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
            }
            stopwatch.lap("render");
            renderer.sassStartup().ifPresent(time -> stopwatch.note("sass start", time));
            charts.firstUse().ifPresent(time -> {
                stopwatch.note("first chart", time);
                stopwatch.note(charts.count() + " charts", charts.total());
            });
            generated = concat(generated, charts.files());
            if (diagnostics.hasErrors()) {
                return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
            }

            addToPlan(plan, index, outputs, replaced, generated, renderer.sourceMaps(),
                    incremental == null ? output -> output.getBytes(StandardCharsets.UTF_8) : incremental::bytes,
                    diagnostics);
            diagnostics.addAll(plan.problems());
            if (diagnostics.hasErrors()) {
                return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
            }
            try {
                if (staging != null) {
                    for (String note : staging.commit()) {
                        diagnostics.add(Diagnostic.warning(LayoutLoader.sitePath(config, config.destination()),
                                Position.FILE, note));
                    }
                } else {
                    chosen.write(plan);
                }
            } catch (IOException e) {
                return cannotWrite(config, e, diagnostics, started, stopwatch);
            }
            stopwatch.lap("write");
            renderPlan.written(outputs);

            BuildResult result = new BuildResult(BuildResult.Status.OK, diagnostics.sorted(),
                    outputs.size() + pagesOut.get() + generated.size(), index.staticFiles().size(),
                    sink != null ? "" : LayoutLoader.sitePath(config, config.destination()),
                    Duration.between(started, Instant.now()), stopwatch.laps(), renderer.profile());
            if (incremental != null) {
                incremental.built(new Built(config, renderer, index, generated, replaced, charts, result, layouts));
            }
            return result;
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
    private static BuildResult cannotWrite(SiteConfig config, IOException e, Diagnostics diagnostics, Instant started,
            Stopwatch stopwatch) {
        if (e instanceof OutputFile.SourceProblem unreadable) {
            diagnostics.add(unreadable.diagnostic());
            return stopped(BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
        }
        diagnostics.add(Diagnostic.error(LayoutLoader.sitePath(config, config.destination()), Position.FILE,
                "cannot write the site: " + e.getMessage()));
        return stopped(e instanceof DirectorySink.PreviousSiteAside ? BuildResult.Status.PREVIOUS_SITE_ASIDE
                : BuildResult.Status.SITE_ERRORS, diagnostics, started, stopwatch);
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

    /** The plugins' tags and the {@code chart} tag, which every site has. */
    @SuppressWarnings("unchecked")
    private static Map<String, java.util.function.Function<Map<String, Object>, String>> withChart(
            Map<String, java.util.function.Function<Map<String, Object>, String>> tags, ChartTag charts) {
        Map<String, java.util.function.Function<Map<String, Object>, String>> all = new LinkedHashMap<>(tags);
        all.put("chart", variables -> charts.render((Map<String, ?>) variables.get("arguments"),
                (Map<?, ?>) variables.get("page")));
        return all;
    }

    private static List<GeneratedFile> concat(List<GeneratedFile> first, List<GeneratedFile> second) {
        List<GeneratedFile> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static PageRenderer renderer(SiteConfig config, ContentIndex index, Map<String, Layout> layouts,
            BuildOptions options, MarkdownRenderer markdown,
            Map<String, java.util.function.Function<Map<String, Object>, String>> tags,
            Map<Page, Map<String, Object>> paginators, boolean relativeLinks, Diagnostics diagnostics) throws IOException {
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
        String configPath = LayoutLoader.sitePath(config, config.siteRoot().resolve("_config.yml"));
        Map<String, java.util.function.UnaryOperator<String>> sassFilters = Map.of(
                "scssify", text -> sass.convert(text, false, configPath),
                "sassify", text -> sass.convert(text, true, configPath));
        LiquidRenderer liquid = new LiquidRenderer(new LiquidSetup(config.source(), config.includesDir(),
                config.baseurl(), config.url(), config.timezone(), environment, markdown::render, links, tags,
                liquidMode(config, diagnostics), strictFilters(config), diagnostics::add, sassFilters,
                config.theme().map(theme -> List.of(theme.includesDir())).orElse(List.of())));
        Map<Layout.Engine, LayoutEngine> engines = new EnumMap<>(Layout.Engine.class);
        // Freemarker starts only for a site with Freemarker layouts: setting it up loads about
        // 170 classes, 60 ms of a 100-page Liquid site's start (BENCHMARKS.md).
        if (layouts.values().stream().anyMatch(layout -> layout.engine() == Layout.Engine.FREEMARKER)) {
            TemplateFunctions functions = new TemplateFunctions(config.baseurl(), config.url(), config.timezone(),
                    markdown::render, tags);
            engines.put(Layout.Engine.FREEMARKER, new FreemarkerEngine(config.layoutsDir(),
                    LayoutLoader.sitePath(config, config.layoutsDir()), functions));
        }
        engines.put(Layout.Engine.LIQUID, (layout, variables) ->
                liquid.render(layout.body(), layout.sitePath(), layout.bodyLine(), variables));
        Map<String, Object> jekyll = new LinkedHashMap<>();
        jekyll.put("version", JEKYLL_VERSION);
        jekyll.put("environment", environment);
        return new PageRenderer(index, liquid, markdown, new LayoutRenderer(layouts, engines), jekyll,
                config.excerptSeparator(), paginators, sass,
                relativeLinks ? page -> new RelativeLinks(page.source().relativePath(), config.markdownExtensions(),
                        path -> index.urlOfSource(path).map(url -> JekyllFilters.relativeUrl(config.baseurl(), url)))
                        : null);
    }

    /** Jekyll's {@code liquid: strict_filters}: an unknown filter is an error, not skipped. */
    private static boolean strictFilters(SiteConfig config) {
        return config.get("liquid") instanceof Map<?, ?> liquid && Boolean.TRUE.equals(liquid.get("strict_filters"));
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

    private static BuildResult stopped(BuildResult.Status status, Diagnostics diagnostics, Instant started,
            Stopwatch stopwatch) {
        return new BuildResult(status, diagnostics.sorted(), 0, 0, "", Duration.between(started, Instant.now()),
                stopwatch.laps(), new RenderProfile());
    }
}
