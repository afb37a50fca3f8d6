package org.sheaf.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.Page;
import org.sheaf.content.RenderedPage;
import org.sheaf.content.RenderedPages;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.generate.ChartTag;
import org.sheaf.generate.GeneratedFile;
import org.sheaf.output.OutputFile;
import org.sheaf.output.PatchableSink;
import org.sheaf.pipeline.AccessibilityPass;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.GitHubPages;
import org.sheaf.pipeline.PageRenderer;
import org.sheaf.pipeline.RenderProfile;
import org.sheaf.pipeline.SiteBuilder;
import org.sheaf.pipeline.SourceLoader;
import org.sheaf.pipeline.Stopwatch;
import org.sheaf.sass.SassRenderer;
import org.sheaf.source.FrontMatter;
import org.sheaf.template.Layout;

/**
 * The dev server's shortcut for the edit a writer makes most: text changed below the front matter
 * of a page or a document, and nothing else. Such an edit cannot move a URL, a date, a default, a
 * tag or the order of {@code site.posts}, so the whole-site stages (scan, index, generate, the
 * dependency graph, the output plan) would only find again what the last build found. Instead the
 * last build's pages are kept alive, and an edit renders only:
 *
 * <ul>
 *   <li>the edited pages, content and layout;</li>
 *   <li>the pages that read what the edited ones render to: those whose templates read the
 *       edited pages' aggregate ({@code site.posts}, a collection, {@code site.pages}) or all of
 *       {@code site}, those that mention an edited page's neighbour ({@code page.previous},
 *       {@code page.next}) and those that always render (pagination, {@code include_relative}),
 *       as the last build's {@link DependencyGraph} recorded them and as these renders add to;</li>
 *   <li>the generated files whose text follows page bodies ({@link GeneratedFile.Reads}: a feed,
 *       a search index, the page's published source);</li>
 * </ul>
 *
 * and hands just those files to the sink ({@link PatchableSink#patch}). The bytes served are those
 * of a clean build made at the last full build's time: {@code site.time} (and the date of an
 * undated document, which is the build's time) stays that of the last full build.
 *
 * <p>Anything else is not a body edit, and {@link #build} declines it, so the caller makes a full
 * incremental build: a file created, deleted or renamed; a change to anything but a page or a
 * document (config, data, layouts, includes, static files); front matter that changed (parsed
 * values, positions, where the body starts) or no longer parses; a draft (its date is the file's
 * time); a Sass page; a page that pagination copies; a page to render again that has or gets a
 * chart (each chart makes a file of its own); GitHub Pages' plugins, which rewrite bodies;
 * different options; and a dependent document whose own text reads {@code site.pages} (or all of
 * {@code site}), since documents render before pages and it saw their bodies unrendered. An edit
 * whose render reports errors is declined too, so that the full build reports them as it always
 * does; the pages kept alive are then dropped.
 *
 * <p>Not thread-safe: the dev server builds under a lock.
 */
final class BodyEdits {
    private final BuildOptions options;
    private final Map<String, Layout> layouts;
    private final SiteConfig config;
    private final PageRenderer renderer;
    private final List<GeneratedFile> generated;
    private final Set<String> replaced;
    private final RenderedPages results;
    private final Set<Path> bodyIsContent = new HashSet<>();
    private final Map<Path, Page> bySource = new HashMap<>();
    private final Map<Page, Set<Input>> inputs = new IdentityHashMap<>();
    private final Map<Input, Set<Page>> readers = new HashMap<>();
    private final Map<Page, Integer> positions = new IdentityHashMap<>();
    private final Set<Page> unrecorded = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Object, Page> byDrop = new IdentityHashMap<>();
    private final List<Page> pages;
    private final Map<String, Set<Input>> contentInputs;
    private final BuildResult full;
    private final ChartTag charts;
    private List<Diagnostic> warnings;
    private int rendered;
    private String declined;

    private BodyEdits(BuildOptions options, SiteBuilder.Rendered built, BuildResult result, BuildState state,
            Map<String, Set<Input>> contentInputs) {
        this.contentInputs = contentInputs;
        this.options = options;
        this.config = built.generated().config();
        this.renderer = built.renderer();
        this.generated = built.files();
        this.replaced = built.replaced();
        this.results = built.generated().index().rendered();
        this.full = result;
        this.charts = built.charts();
        this.warnings = result.diagnostics();
        this.layouts = built.generated().layouts();
        this.pages = new ArrayList<>(built.generated().index().pages());
        Set<Page> read = Collections.newSetFromMap(new IdentityHashMap<>());
        read.addAll(built.generated().index().readPages());
        Set<Path> copied = new HashSet<>();
        for (Page page : pages) {
            byDrop.put(page.drop(), page);
            BuildState.PageRecord record = state.pages().get(key(page));
            positions.put(page, positions.size());
            if (record != null) {
                inputs.put(page, new HashSet<>());
                addInputs(page, record.inputs());
            } else {
                unrecorded.add(page);
            }
            if (read.contains(page)) {
                bySource.putIfAbsent(page.source().file(), page);
                if (page.drop().indexed("content") == page.body()) {
                    bodyIsContent.add(page.source().file());
                }
            } else {
                copied.add(page.source().file());
            }
        }
        // a page that pagination copies is not edited alone: its copies carry its old body
        copied.forEach(bySource::remove);
    }

    /**
     * The edits after a full build that rendered {@code built} and ended with {@code result}, given
     * the state its dependency graph left, and what the Liquid in each page's own text read, as
     * inputs by page ({@code SITE_PATH URL}), where known: this object adds what it renders to that map.
     */
    static BodyEdits after(BuildOptions options, SiteBuilder.Rendered built, BuildResult result, BuildState state,
            Map<String, Set<Input>> contentInputs) {
        return new BodyEdits(options, built, result, state, contentInputs);
    }

    /**
     * Builds {@code changes} into {@code sink} when they are body edits alone; empty when they are
     * not or when rendering them reported errors (see the class comment): the sink is then
     * untouched, this object is spent, and the caller builds in full. {@code parses} holds the
     * front matter of the last build's files; it learns the new bytes.
     */
    Optional<BuildResult> build(BuildOptions options, SourceChanges changes, ParseCache parses, PatchableSink sink) {
        Instant started = Instant.now();
        Stopwatch laps = new Stopwatch();
        declined = null;
        try {
            checkOnlyEdits(options, changes);
            Edits edits = read(changes, parses);
            laps.lap("read");
            List<Page> dependents = dependents(edits.pages().keySet());
            List<Page> content = contentToRender(dependents);
            checkNoChart(laidOut(edits.pages().keySet(), dependents));
            long chartsBefore = charts.count();
            laps.lap("plan");

            // From here the kept pages change: a failure drops them (the caller builds in full).
            Render render = renderAgain(options, edits, dependents, content, chartsBefore);
            List<OutputFile> files = pageFiles(render.outputs());
            laps.lap("render");
            files.addAll(generatedFiles(edits));
            laps.lap("generate");
            write(files, edits, parses, sink);
            rendered = render.laidOut().size();
            warnings = warningsAfter(render);
            laps.lap("write");
        } catch (Declined e) {
            return declined(e.getMessage());
        }
        return Optional.of(new BuildResult(BuildResult.Status.OK, warnings, full.pages(), full.staticFiles(), "",
                Duration.between(started, Instant.now()), laps.laps(), new RenderProfile()));
    }

    /**
     * Why a step of {@link #build} gives up: the changes are not body edits alone, or rendering
     * them went wrong, and the caller builds in full. A verdict, not a fault: it has no stack trace.
     */
    private static final class Declined extends Exception {
        Declined(String why) {
            super(why, null, false, false);
        }
    }

    /** The edited pages, old to new, with each edited file's new bytes and front matter. */
    private record Edits(Map<Page, Page> pages, Map<Path, byte[]> bytes, Map<Path, FrontMatter> parses) {
    }

    /** The pages rendered again, what each wrote, and the diagnostics of the render. */
    private record Render(List<Page> laidOut, Map<Page, String> outputs, Diagnostics diagnostics) {
    }

    /** Declines changes other than edits in place of the last build's files, and a site whose plugins rewrite bodies. */
    private void checkOnlyEdits(BuildOptions options, SourceChanges changes) throws Declined {
        if (!sameOptions(options) || changes.lost() || !changes.entries().isEmpty() || changes.files().isEmpty()) {
            throw new Declined("not edits in place alone");
        }
        if (GitHubPages.anyEnabled(config)) {
            throw new Declined("GitHub Pages' plugins rewrite bodies");
        }
    }

    /**
     * Reads each changed file as the new body of its page: declined for a file that is no page or
     * document, a draft, Sass, one that cannot be read, or one whose front matter changed.
     */
    private Edits read(SourceChanges changes, ParseCache parses) throws Declined {
        Map<Page, Page> edited = new IdentityHashMap<>();
        Map<Path, byte[]> newBytes = new HashMap<>();
        Map<Path, FrontMatter> newParses = new HashMap<>();
        for (Path file : changes.files()) {
            Page page = bySource.get(file);
            if (page == null || page.source().kind() == org.sheaf.source.SourceFile.Kind.DRAFT
                    || SassRenderer.isSass(page.source().relativePath())) {
                throw new Declined(file + " is not a page or document (nor a draft or Sass)");
            }
            FrontMatter kept = parses.kept(file, page.sitePath(), config.timezone());
            FrontMatter now;
            byte[] bytes;
            try {
                bytes = config.files().read(file, page.sitePath());
                now = SourceLoader.parse(bytes, page.source(), config.timezone());
            } catch (DiagnosticException e) {
                throw new Declined(page.sitePath() + " cannot be read or parsed");
            }
            if (kept == null || !kept.data().equals(now.data()) || !kept.positions().equals(now.positions())
                    || kept.bodyLine() != now.bodyLine()) {
                throw new Declined(page.sitePath() + ": front matter changed");
            }
            edited.put(page, page.withBody(now.body()));
            newBytes.put(file, bytes);
            newParses.put(file, now);
        }
        return new Edits(edited, newBytes, newParses);
    }

    /**
     * The {@code dependents} that run Liquid on their own text, whose content renders again;
     * declined for a dependent the last build did not record, or a document whose own text reads
     * pages, which it saw with their bodies unrendered (a document's content renders before any
     * page's).
     */
    private List<Page> contentToRender(List<Page> dependents) throws Declined {
        List<Page> content = new ArrayList<>();
        for (Page page : dependents) {
            Set<Input> read = inputs.get(page);
            Set<Input> text = read == null ? null : contentInputs.getOrDefault(key(page), read);
            if (read == null || page.collection() != null && page.liquid()
                    && (text.contains(Input.Marker.EVERYTHING) || text.contains(Input.Aggregate.PAGES))) {
                throw new Declined(page.sitePath() + " reads pages before they render");
            }
            if (page.liquid()) {
                content.add(page);
            }
        }
        return content;
    }

    /** Declines when a page to render again has a chart, which makes a file of its own. */
    private void checkNoChart(List<Page> laidOut) throws Declined {
        for (Page page : laidOut) {
            if (charts.drewOn(page.url())) {
                throw new Declined(page.sitePath() + " has a chart");
            }
        }
    }

    /**
     * Puts the edited pages in place of the old ones and renders them and their dependents again,
     * then records what each read; declined when the render reports errors or draws a chart.
     */
    private Render renderAgain(BuildOptions options, Edits edits, List<Page> dependents, List<Page> content,
            long chartsBefore) throws Declined {
        edits.pages().forEach(this::replace);
        List<Page> again = new ArrayList<>(edits.pages().values());
        again.addAll(content);
        again.forEach(this::restoreUnrendered);
        List<Page> laidOut = laidOut(edits.pages().values(), dependents);
        Diagnostics diagnostics = options.strict() ? Diagnostics.strict() : new Diagnostics();
        Map<Page, String> outputs = new ConcurrentHashMap<>();
        PageReads reads = new PageReads(config);
        renderer.renderAgain(again, laidOut, reads, diagnostics,
                AccessibilityPass.around(outputs::put, config, layouts, diagnostics));
        if (diagnostics.hasErrors()) {
            throw new Declined("errors to report");
        }
        if (charts.count() != chartsBefore) {
            throw new Declined("a chart was drawn, which makes a file of its own");
        }
        reads.pages().forEach(page -> addInputs(page, reads.inputs(page)));
        Map<Page, Set<Input>> textInputs = reads.textInputs();
        again.forEach(page -> contentInputs.put(key(page), textInputs.getOrDefault(page, Set.of())));
        for (Page page : edits.pages().values()) {
            if (page.liquid()) {
                addInputs(page, DependencyGraph.scan(page.body()));
            }
        }
        return new Render(laidOut, outputs, diagnostics);
    }

    /** The files of the pages rendered, but for those whose output a generator replaces. */
    private List<OutputFile> pageFiles(Map<Page, String> outputs) {
        List<OutputFile> files = new ArrayList<>();
        outputs.forEach((page, output) -> {
            if (!replaced.contains(page.outputPath())) {
                files.add(new OutputFile(page.outputPath(), output.getBytes(StandardCharsets.UTF_8), null,
                        page.sitePath()));
            }
        });
        return files;
    }

    /** The generated files whose text reads one of the edited pages, written again; declined when one fails. */
    private List<OutputFile> generatedFiles(Edits edits) throws Declined {
        Set<String> sitePaths = new HashSet<>();
        edits.pages().keySet().forEach(page -> sitePaths.add(page.sitePath()));
        List<OutputFile> files = new ArrayList<>();
        for (GeneratedFile file : generated) {
            if (file.reads().anyOf(sitePaths)) {
                try {
                    files.add(new OutputFile(file.outputPath(), file.text().get().getBytes(StandardCharsets.UTF_8),
                            null, file.origin()));
                } catch (java.io.UncheckedIOException e) {
                    throw new Declined(file.outputPath() + ": " + e.getMessage());
                }
            }
        }
        return files;
    }

    /** Patches {@code files} into the sink, then lets {@code parses} learn the edited files. */
    private void write(List<OutputFile> files, Edits edits, ParseCache parses, PatchableSink sink) throws Declined {
        try {
            sink.patch(files);
        } catch (IOException e) {
            throw new Declined("cannot patch the site: " + e.getMessage());
        }
        edits.parses().forEach((file, parse) -> parses.put(file, edits.bytes().get(file),
                bySource.get(file).sitePath(), config.timezone(), parse));
    }

    /**
     * The warnings of the site now, sorted: the last build's stand but for the pages rendered
     * again, which report their own.
     */
    private List<Diagnostic> warningsAfter(Render render) {
        Set<String> renderedPaths = new HashSet<>();
        render.laidOut().forEach(page -> renderedPaths.add(page.sitePath()));
        Diagnostics diagnostics = render.diagnostics();
        warnings.stream().filter(warning -> !renderedPaths.contains(warning.path())
                && warning.notes().stream().noneMatch(note -> renderedPaths.contains(note.substring(note.indexOf(' ') + 1))))
                .forEach(diagnostics::add);
        return diagnostics.sorted();
    }

    /** Why the last {@link #build} declined, for tests and traces; null when it did not. */
    String declined() {
        return declined;
    }

    private Optional<BuildResult> declined(String why) {
        declined = why;
        return Optional.empty();
    }

    /** How many pages the last successful {@link #build} rendered again. */
    int rendered() {
        return rendered;
    }

    /** Whether {@code other} builds the same site the same way (the dev server passes the same options each time). */
    private boolean sameOptions(BuildOptions other) {
        return other.siteRoot().equals(options.siteRoot()) && other.overrides().equals(options.overrides())
                && Objects.equals(other.environment(), options.environment())
                && Objects.equals(other.time(), options.time()) && other.strict() == options.strict();
    }

    /**
     * The pages other than {@code edited} whose output may follow the edited pages' bodies, from
     * what their templates read and mention. A page found that runs Liquid on its own text
     * renders its content again, which may then change in turn, so what reads its aggregate is
     * found too, until nothing more is.
     */
    private List<Page> dependents(Set<Page> edited) {
        Set<Input> triggers = new HashSet<>(Set.of(Input.Marker.EVERYTHING, Input.Marker.ALWAYS));
        edited.forEach(page -> triggers.add(aggregateOf(page)));
        List<Page> found = dependents(edited, triggers);
        while (found.stream().filter(Page::liquid).map(BodyEdits::aggregateOf).anyMatch(triggers::add)) {
            found = dependents(edited, triggers);
        }
        return found;
    }

    private static String key(Page page) {
        return page.sitePath() + " " + page.url();
    }

    private static Input aggregateOf(Page page) {
        return page.collection() == null ? Input.Aggregate.PAGES : new Input.Aggregate(page.collection());
    }

    /** The pages that read one of {@code triggers} or show an edited page as a neighbour, in site order. */
    private List<Page> dependents(Set<Page> edited, Set<Input> triggers) {
        Set<Page> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.addAll(unrecorded);
        for (Input trigger : triggers) {
            for (Page page : readers.getOrDefault(trigger, Set.of())) {
                // a Sass page always renders in a full build for its imports, which no edit here touches
                if (!(trigger == Input.Marker.ALWAYS && SassRenderer.isSass(page.source().relativePath()))) {
                    found.add(page);
                }
            }
        }
        for (Page page : readers.getOrDefault(Input.Marker.NEIGHBORS, Set.of())) {
            if (edited.contains(byDrop.get(page.drop().get("previous")))
                    || edited.contains(byDrop.get(page.drop().get("next")))) {
                found.add(page);
            }
        }
        found.removeAll(edited);
        List<Page> ordered = new ArrayList<>(found);
        ordered.sort(java.util.Comparator.comparing(positions::get));
        return ordered;
    }

    /** Notes that {@code page} reads {@code names}. */
    private void addInputs(Page page, java.util.Collection<Input> names) {
        inputs.get(page).addAll(names);
        for (Input name : names) {
            readers.computeIfAbsent(name, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(page);
        }
    }

    private void replace(Page old, Page now) {
        int position = positions.remove(old);
        pages.set(position, now);
        positions.put(now, position);
        bySource.put(now.source().file(), now);
        byDrop.put(now.drop(), now);
        Set<Input> read = inputs.remove(old);
        inputs.put(now, read);
        for (Input name : read) {
            Set<Page> those = readers.get(name);
            those.remove(old);
            those.add(now);
        }
    }

    private static List<Page> laidOut(java.util.Collection<Page> edited, List<Page> dependents) {
        List<Page> all = new ArrayList<>(edited);
        all.addAll(dependents);
        return all;
    }

    /**
     * Makes the page's drop show what it showed before its first render, as a full build starts
     * it: the index's values, but for the body as {@code content}, which is the page's body now.
     */
    private void restoreUnrendered(Page page) {
        results.remove(page);
        if (bodyIsContent.contains(page.source().file())) {
            results.put(page, new RenderedPage(page.body(), null));
        }
    }

}
