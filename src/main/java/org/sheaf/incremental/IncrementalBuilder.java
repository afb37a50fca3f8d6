package org.sheaf.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Diagnostics;
import org.sheaf.generate.GitHistory;
import org.sheaf.generate.GitHistoryLoader;
import org.sheaf.output.ChangedFileSink;
import org.sheaf.output.DestinationLock;
import org.sheaf.output.OutputSink;
import org.sheaf.output.PatchableSink;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;
import org.sheaf.pipeline.SourceLoader;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceScanner;

/**
 * Builds a site again and again, rendering only the pages an edit can have changed, with output
 * byte for byte that of a clean build. {@code sheaf build --incremental} keeps its state in
 * {@code .sheaf-cache/} at the site root; {@code sheaf serve} keeps it in memory.
 *
 * <h2>Design</h2>
 *
 * <p><b>What is cheap is always redone.</b> Every build loads the config and indexes the whole
 * site as a clean build does, so URLs, defaults, {@code site.posts}, tags and {@code
 * previous}/{@code next} are always exactly those of a clean build. Only rendering (Liquid,
 * Markdown, layouts) and writing are skipped, and scanning and parsing in part: front matter is
 * parsed again only for files whose bytes changed ({@link ParseCache}, kept in memory from a
 * builder's second build on). Told by a file watcher what changed ({@link SourceChanges}, from
 * {@code sheaf serve}), a build does not even read the files it saw no write to, and reuses the
 * last scan when no file came or went and the config is the same; changes seen by failed builds
 * count until a build succeeds, and lost events trust nothing. {@code page.git}'s {@code git log}
 * reruns only when the repository's HEAD or branch moved. These whole-site stages are what an
 * edit costs at thousands of pages (BENCHMARKS.md, "Edit-to-served latency").
 *
 * <p><b>Dependencies are watched, not guessed.</b> While a page renders, its templates see
 * {@code site} (and {@code site.data}) through a recording view ({@link RecordingSite}) that
 * notes every key read: {@code site.posts} means the page depends on the posts, {@code
 * site.data.authors} on {@code _data/authors.*}, {@code site.pages} on the pages, and so on. What
 * the views cannot see is found by scanning the page's text and its layouts': an include or
 * import (then the layouts and includes folders count as an input, and what they mention counts
 * too), {@code link}/{@code post_url} (every URL), {@code previous}/{@code next} (the neighbours),
 * {@code paginator} and {@code include_relative} (always rendered). A scan can only say too much,
 * never too little. Together this is a graph, page → own source, front matter and URL → layout
 * chain → includes → data files → aggregates ({@code site.posts}, a collection, {@code
 * site.pages}) → their members, with the config above all. {@link DependencyGraph} holds it.
 *
 * <p><b>Each input has a fingerprint.</b> A SHA-256 over the page's text, its front matter with
 * defaults applied and its URL; over each layout of its chain; over each data file's parsed value;
 * over every template file; over an aggregate's member list with each member's own fingerprint.
 * {@link BuildState} keeps, per page, the fingerprints and {@link Input}s it was rendered with, and
 * its rendered content, excerpt and output.
 *
 * <p><b>Rendering follows Jekyll's order, deciding as it goes.</b> Documents' content first:
 * a document renders again when its own fingerprint, its chain or any input it read changed.
 * Then, knowing which documents' rendered content or excerpt actually came out different, pages'
 * content: a listing page that reads {@code site.posts} renders again when a post was added,
 * removed, renamed, had its front matter changed, or rendered to different content, and not when
 * an edit to a post's include left its content as it was. Then layouts, with all content known.
 * Pages not rendered get their content, excerpt and output from the state.
 *
 * <p><b>Where the effect cannot be bounded, everything renders:</b> no state, or a state from
 * another format; a changed config, environment or command-line override (URLs, defaults,
 * collections and {@code site.*} may all move); a page whose templates walked all of {@code site}.
 * A new, deleted or renamed page changes its aggregate, so every page that reads it renders. A
 * generated page (pagination), a Sass page and a page with a broken layout chain always render.
 * A failed build leaves the state as it was, so the next build compares with the last good one.
 *
 * <p><b>Writing touches only what changed.</b> Into a folder, {@link ChangedFileSink} compares
 * each file's bytes with what is there and writes only those that differ, deleting files no
 * longer produced; a page whose output was taken from the state is not even read back when its
 * file still has the size and modification time the last build left ({@link
 * FileStamp}). Into a given sink (the dev server's memory) the whole plan is handed
 * over, as a clean build would, but a page output taken from the state is handed over as the very
 * byte array of the last build, so the sink's comparison with the site it replaces is by identity.
 *
 * <p>Not thread-safe: one build at a time (the dev server rebuilds under a lock).
 */
public final class IncrementalBuilder {
    private final Path cacheFile;
    private final ParseCache parses = new ParseCache();
    private BuildState state;
    private Report last = new Report(0, 0, true, 0);
    private int unread;
    private int builds;
    private List<SourceFile> lastScan;
    private List<Diagnostic> lastScanDiagnostics = List.of();
    private String lastScanKey;
    private SourceChanges sinceLastGood = SourceChanges.UNKNOWN;
    private boolean scanReused;
    private final GitHistoryLoader.Cache git = new GitHistoryLoader.Cache();
    private final Map<String, DependencyGraph.SelfHash> selfHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, byte[]> encoded = new IdentityHashMap<>();
    private Map<String, byte[]> encoding = new IdentityHashMap<>();
    private BodyEdits edits;
    private final Map<String, java.util.Set<Input>> contentInputs = new java.util.HashMap<>();
    private boolean bodyEdit;
    private String declined;
    /** {@code site.time} of the last successful build that ran the whole-site stages; null before one. */
    private Instant siteTime;

    /**
     * What the last successful build did.
     *
     * @param pages      pages (posts, documents) in the site
     * @param rendered   of those, how many had their content or output rendered again
     * @param everything whether everything rendered (no state, or the config changed)
     * @param written    files written into the destination folder (0 when building into a sink)
     */
    public record Report(int pages, int rendered, boolean everything, int written) {
    }

    private IncrementalBuilder(Path cacheFile, BuildState state) {
        this.cacheFile = cacheFile;
        this.state = state;
    }

    /** A builder that keeps its state in memory only (the dev server). */
    public static IncrementalBuilder inMemory() {
        return new IncrementalBuilder(null, null);
    }

    /**
     * A builder whose state is read from and saved to {@code cacheFile}; an unreadable file means
     * the first build renders everything.
     */
    public static IncrementalBuilder cachedIn(Path cacheFile) {
        return new IncrementalBuilder(cacheFile, BuildState.load(cacheFile).orElse(null));
    }

    /** Where {@code sheaf build --incremental} keeps its state for the site at {@code siteRoot}. */
    public static Path defaultCacheFile(Path siteRoot) {
        return siteRoot.resolve(".sheaf-cache").resolve("incremental.state");
    }

    /** Builds into the destination folder, writing only the files whose bytes changed. */
    public BuildResult build(BuildOptions options) {
        return build(options, null);
    }

    /**
     * Builds into {@code sink}, or, when null, into the destination folder writing only changed
     * files. On success the state is kept (and saved, for a cached builder; a state that cannot
     * be saved is only a slower next build, so it is not an error).
     */
    public BuildResult build(BuildOptions options, OutputSink sink) {
        return build(options, sink, SourceChanges.UNKNOWN);
    }

    /**
     * As {@link #build(BuildOptions, OutputSink)}, told what changed since the previous call (a
     * file watcher's events): files outside {@code changes} are trusted to hold the bytes this
     * builder last read, so their kept parses are reused unread, and the last scan is reused when
     * no file came or went and the config is the same. The changes of failed builds are
     * carried over until a build succeeds. {@link SourceChanges#UNKNOWN} trusts nothing.
     */
    public BuildResult build(BuildOptions options, OutputSink sink, SourceChanges changes) {
        return build(options, options, sink, changes);
    }

    /**
     * As {@link #build(BuildOptions, OutputSink, SourceChanges)}, at the {@code site.time} of the
     * last successful build (at the options' own time before there is one). For the dev server's
     * stylesheet edits: a new time would change the feed's {@code <updated>} and every page that
     * shows the time, so tabs would reload for a colour change. A body edit
     * ({@link BodyEdits}) keeps the time of the build it starts from in any case.
     */
    public BuildResult buildAtLastTime(BuildOptions options, OutputSink sink, SourceChanges changes) {
        return build(options, siteTime == null ? options : options.at(siteTime), sink, changes);
    }

    /** A build with {@code options}, its whole-site stages run with {@code run} (the same options or an earlier time). */
    private BuildResult build(BuildOptions options, BuildOptions run, OutputSink sink, SourceChanges changes) {
        SourceChanges known = sinceLastGood.and(changes);
        sinceLastGood = known;
        if (edits != null && sink instanceof PatchableSink patchable) {
            java.util.Optional<BuildResult> quick = edits.build(options, known, parses, patchable);
            declined = edits.declined();
            if (quick.isPresent()) {
                builds++;
                bodyEdit = true;
                sinceLastGood = SourceChanges.NONE;
                last = new Report(last.pages(), edits.rendered(), false, 0);
                return quick.get();
            }
        }
        if (edits == null) {
            declined = "no build to start from";
        }
        edits = null;
        bodyEdit = false;
        parses.trustAllBut(known.lost() || builds == 0 ? null : known.files());
        Run current = new Run(options, known, sink instanceof PatchableSink);
        BuildResult result;
        try {
            result = current.build(run, sink);
        } finally {
            parses.trustAllBut(null);
        }
        builds++;
        // the arrays handed over by this build, keyed by the very output strings the state keeps
        encoded = result.ok() ? encoding : encoded;
        encoding = new IdentityHashMap<>();
        if (result.ok()) {
            sinceLastGood = SourceChanges.NONE;
            // a site.time Java's instants cannot hold comes from the config's time, which no build
            // time changes: the pinned time stays as it was
            siteTime = current.siteTime instanceof ZonedDateTime time ? time.toInstant() : siteTime;
        }
        if (result.ok() && current.graph != null && current.graph.next() != null) {
            state = current.sink == null ? current.graph.next() : current.graph.next().withFiles(current.sink.stamps());
            last = new Report(state.pages().size(), current.graph.rendered(), current.graph.everything(),
                    current.sink == null ? 0 : current.sink.written());
            unread = current.sink == null ? 0 : current.sink.trusted();
            contentInputs.putAll(current.graph.contentInputs());
            contentInputs.keySet().retainAll(state.pages().keySet());
            edits = current.rendered == null ? null : BodyEdits.after(options, current.rendered, result, state, contentInputs);
            if (cacheFile != null) {
                try {
                    state.save(cacheFile);
                } catch (IOException e) {
                    cacheFile.toFile().delete();
                }
            }
        }
        return result;
    }

    /** What the last successful build did. */
    public Report last() {
        return last;
    }

    /** Of the last successful build's files, how many were not read back, their stamps being unchanged. */
    int lastUnread() {
        return unread;
    }

    /** Of the last build's pages and documents, how many had their parse reused (bytes unchanged). */
    int lastParsesReused() {
        return parses.hits();
    }

    /** Of the last build's reused parses, how many were trusted without reading the file. */
    int lastFilesUnread() {
        return parses.unread();
    }

    /** Whether the last build took the body-edit shortcut ({@link BodyEdits}). */
    boolean lastWasBodyEdit() {
        return bodyEdit;
    }

    /** Why the last build did not take the body-edit shortcut; null when it did. */
    String lastDeclined() {
        return declined;
    }

    /** Whether the last build reused the scan before it. */
    boolean lastScanReused() {
        return scanReused;
    }

    /** One incremental build: the pipeline's stages, called with this builder's values where it has them. */
    private final class Run {
        private final BuildOptions options;
        private final SourceChanges changes;
        private final boolean patchable;
        private DependencyGraph graph;
        private ChangedFileSink sink;
        private SiteBuilder.Rendered rendered;
        private Object siteTime;

        /** @param patchable whether the sink takes body edits alone: then the build keeps its pages alive for them */
        Run(BuildOptions options, SourceChanges changes, boolean patchable) {
            this.options = options;
            this.changes = changes;
            this.patchable = patchable;
        }

        /**
         * The stages of {@link SiteBuilder#build(BuildOptions, OutputSink)} with: the last scan when
         * it still holds ({@link #scan}); the kept parses ({@link #reader}); the git history when
         * HEAD did not move; the {@link DependencyGraph} as the render plan; a
         * {@link ChangedFileSink} for the destination folder; the last build's arrays for unchanged
         * outputs ({@link #bytes}).
         */
        BuildResult build(BuildOptions run, OutputSink given) {
            SiteBuilder build = SiteBuilder.start(run);
            try {
                SiteConfig config = build.config();
                try (DestinationLock lock = build.lock(config, given)) {
                    CompletableFuture<GitHistory> history = build.gitHistory(config, git::load);
                    SiteBuilder.Scanned scanned = build.scan(config, this::scan);
                    SiteBuilder.Parsed parsed = build.parse(scanned, reader(config, scanned.files()));
                    SiteBuilder.Indexed indexed = build.index(parsed, history);
                    SiteBuilder.Generated generated = build.generate(indexed);
                    graph = plan(generated, run.resolvedEnvironment());
                    try (SiteBuilder.Target target = given != null ? build.target(generated, given)
                            : build.intoFolder(generated, sink(config))) {
                        SiteBuilder.Rendered done = build.render(generated, graph, target);
                        BuildResult result = build.write(done, target, this::bytes);
                        graph.written(done.outputs());
                        rendered = patchable ? done : null;
                        return result;
                    }
                }
            } catch (SiteBuilder.Stopped stopped) {
                return stopped.result();
            }
        }

        /**
         * {@code output} in UTF-8: the very array of the last build when the text is the very
         * string it had (a page taken unchanged from the state), so that neither the conversion
         * nor a sink's comparison with the site it replaces is paid again.
         */
        private byte[] bytes(String output) {
            byte[] bytes = encoded.get(output);
            if (bytes == null) {
                bytes = output.getBytes(StandardCharsets.UTF_8);
            }
            encoding.put(output, bytes);
            return bytes;
        }

        /**
         * The last scan when the watcher saw no file or folder added or removed and the config
         * (which decides what is scanned and how it is classified) is the same; else a new scan,
         * kept with its diagnostics so a reuse reports them again.
         */
        private List<SourceFile> scan(SiteConfig config, Diagnostics diagnostics) {
            String key = DependencyGraph.hash(String.valueOf(config.values()), String.valueOf(options.overrides()),
                    config.siteRoot().toString(), config.source().toString(), config.dataDir().toString(),
                    String.valueOf(config.showDrafts()));
            scanReused = lastScan != null && !changes.lost() && key.equals(lastScanKey) && sameFiles(changes.entries());
            if (!scanReused) {
                Diagnostics found = new Diagnostics();
                lastScan = null;
                List<SourceFile> files = SourceScanner.scan(config, found);
                lastScanDiagnostics = found.sorted();
                lastScanKey = key;
                lastScan = files;
            }
            diagnostics.addAll(lastScanDiagnostics);
            return lastScan;
        }

        /**
         * Whether the files created or deleted leave the set of files as the last scan found it:
         * each is a file of that scan that is there again (saved by rename), or one it did not
         * hold that is gone again (an editor's temporary file).
         */
        private boolean sameFiles(java.util.Set<Path> entries) {
            if (entries.isEmpty()) {
                return true;
            }
            java.util.Set<Path> scanned = new java.util.HashSet<>();
            lastScan.forEach(file -> scanned.add(file.file()));
            for (Path entry : entries) {
                boolean there = java.nio.file.Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                boolean gone = !java.nio.file.Files.exists(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (scanned.contains(entry) ? !there : !gone) {
                    return false;
                }
            }
            return true;
        }

        /** The render plan: what the indexed site's pages depend on, compared with the state. */
        private DependencyGraph plan(SiteBuilder.Generated generated, String environment) {
            SiteConfig config = generated.config();
            String configKey = DependencyGraph.hash(String.valueOf(config.values()), environment,
                    String.valueOf(options.overrides()), config.siteRoot().toString(),
                    config.layoutsDir().toString(), config.includesDir().toString());
            DependencyGraph plan = new DependencyGraph(state, configKey, config, generated.index(),
                    generated.layouts(), generated.siteTime(), builds > 0 ? selfHashes : new java.util.HashMap<>());
            this.siteTime = generated.siteTime();
            return plan;
        }

        /** The sink for the destination folder: writes only what changed. */
        private ChangedFileSink sink(SiteConfig config) {
            sink = new ChangedFileSink(config.destination(), config.strings("keep_files"),
                    state == null ? Map.of() : state.files(), graph == null ? Map.of() : graph.keptOutputPaths());
            return sink;
        }

        /**
         * Reads through the parses kept from this builder's earlier builds; none for the first build
         * of a cached builder, so that a process that builds once ({@code sheaf build --incremental})
         * does not pay for keeping them. The dev server keeps them from its first build on: body
         * edits compare front matter with them.
         */
        private SourceLoader.Reader reader(SiteConfig config, List<SourceFile> files) {
            if (builds == 0 && cacheFile != null) {
                return SourceLoader.reading(config.files(), config.timezone());
            }
            parses.retain(files.stream().map(SourceFile::file).collect(java.util.stream.Collectors.toSet()));
            return file -> parses.read(config.files(), file, config.timezone());
        }
    }
}
