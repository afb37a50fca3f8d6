package org.sheaf.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.incremental.IncrementalBuilder;
import org.sheaf.incremental.SourceChanges;
import org.sheaf.output.SiteSnapshot;
import org.sheaf.output.SnapshotSink;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.OsReason;

/**
 * {@code sheaf serve}: builds the site into memory, serves it, and rebuilds when the sources change.
 *
 * <h2>Why memory</h2>
 * The site is built into a {@link SnapshotSink} and served from that map, not from the
 * destination folder. A request can then only ever name a key of the built site, so no path can
 * reach a file outside it; a rebuild swaps the whole map in one assignment, so a tab never sees
 * half a site; the destination (maybe the writer's last real build) is left alone; and the
 * watcher never sees the server's own writes. The bytes are those {@code sheaf build} writes (a
 * test compares them), plus the reload script in HTML.
 *
 * <h2>Rebuilds</h2>
 * Every change rebuilds with an in-memory {@link IncrementalBuilder}, told which files the
 * watcher saw change, so others are not read again and the scan is reused when no file came or
 * went; config and index are redone whole, and only the pages the change can have affected are
 * rendered again (its Javadoc has the dependency graph), so the served bytes equal a clean
 * build's. An edit below a page's front matter alone skips even the whole-site stages: the page
 * and its readers render again and only their files are patched into the served site
 * (BodyEdits, in the build package). A build that succeeds replaces the served site and tells
 * open tabs to reload, or only to swap stylesheets when nothing but CSS changed. An edit of
 * stylesheets alone ({@code .css}, {@code .scss}, {@code .sass}) rebuilds at the last good
 * build's {@code site.time}: a new time would change the feed's {@code <updated>} and every page
 * that shows the time, and a tab would reload for a stylesheet. A build that fails prints its
 * diagnostics, keeps serving the last good site, and shows the diagnostics over every page until
 * a build succeeds again. Nothing the writer does can stop the server: even an internal error
 * in a build is printed and the old site stays.
 */
public final class DevServer implements AutoCloseable {
    private final BuildOptions options;
    private final IncrementalBuilder builder = IncrementalBuilder.inMemory();
    private final SiteServer server;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile SourceWatcher watcher;
    private SiteConfig lastConfig;
    private boolean unseen = true;

    private DevServer(BuildOptions options, SiteServer server, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.server = server;
        this.out = out;
        this.err = err;
    }

    /**
     * Builds the site once and starts serving it on {@code address} (port 0 picks a free port).
     * A first build that fails still starts the server, which then shows the errors.
     *
     * @throws IOException when the address cannot be bound
     */
    public static DevServer start(BuildOptions options, InetSocketAddress address, PrintWriter out, PrintWriter err)
            throws IOException {
        DevServer dev = new DevServer(options, new SiteServer(address), out, err);
        dev.rebuild();
        dev.server.start();
        return dev;
    }

    /** Starts watching the site's folders; each quiet burst of changes rebuilds after {@code debounce}. */
    public synchronized void watch(Duration debounce) throws IOException {
        if (watcher != null) {
            return;
        }
        watcher = new SourceWatcher(watchedFolders(), this::ignored, debounce, this::rebuild);
        watcher.start();
        // changes made between the last build and the watcher's start were not seen
        unseen = true;
    }

    /** The address of the site's front page: {@code http://HOST:PORT/BASEURL/}. */
    public URI siteAddress() {
        InetSocketAddress bound = server.address();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + server.state().baseurl() + "/");
    }

    /** The bound port. */
    public int port() {
        return server.address().getPort();
    }

    /** The site being served (the last good build). */
    public SiteSnapshot site() {
        return server.state().site();
    }

    /** The errors of the last build when it failed; empty when it succeeded. */
    public List<Diagnostic> errors() {
        return server.state().errors();
    }

    /** How many tabs listen for reloads. */
    public int listeners() {
        return server.hub().size();
    }

    /**
     * Rebuilds now and updates what is served and the open tabs. Never throws for anything the
     * writer did; returns null only when the build itself failed internally (which is printed).
     */
    public synchronized BuildResult rebuild() {
        return rebuild(SourceChanges.UNKNOWN);
    }

    /**
     * As {@link #rebuild()}, told by the watcher which files changed since the last call, so that
     * the build does not read the others again ({@link IncrementalBuilder#build(BuildOptions,
     * org.sheaf.output.OutputSink, SourceChanges)}). The first call after the watcher starts trusts
     * nothing, since changes before it were not seen.
     */
    synchronized BuildResult rebuild(SourceChanges changes) {
        SourceChanges known = unseen ? SourceChanges.UNKNOWN : changes;
        unseen = false;
        SiteServer.State before = server.state();
        SnapshotSink sink = new SnapshotSink(before.site());
        BuildResult result;
        try {
            loadConfig();
            result = stylesheetsOnly(changes) ? builder.buildAtLastTime(options, sink, known)
                    : builder.build(options, sink, known);
        } catch (java.util.concurrent.CancellationException e) {
            // the server is stopping and interrupted this rebuild: nothing to report
            return null;
        } catch (RuntimeException | Error e) {
            err.println("sheaf: internal error while building; still serving the last good site");
            e.printStackTrace(err);
            err.flush();
            return null;
        }
        if (!result.ok()) {
            Diagnostics.formatted(result.diagnostics()).forEach(err::println);
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.printf(Locale.ROOT, "sheaf: build failed with %s; still serving the last good site%n",
                    Diagnostics.count(errors, "error"));
            err.flush();
            List<Diagnostic> shown = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            server.show(new SiteServer.State(before.site(), before.baseurl(), shown, before.built()));
            server.hub().send(ReloadHub.RELOAD, "errors");
            return result;
        }
        Diagnostics.formatted(result.diagnostics()).forEach(err::println);
        err.flush();
        SiteSnapshot site = sink.snapshot();
        String baseurl = lastConfig == null ? "" : lastConfig.baseurl();
        server.show(new SiteServer.State(site, baseurl, List.of(), true));
        out.printf(Locale.ROOT, "sheaf: built %s and %s in %d ms%n",
                Diagnostics.count(result.pages(), "page"), Diagnostics.count(result.staticFiles(), "static file"),
                result.elapsed().toMillis());
        out.flush();
        Set<String> changed = sink.changed();
        if (!before.errors().isEmpty() || !before.built() || !baseurl.equals(before.baseurl())) {
            server.hub().send(ReloadHub.RELOAD, "fixed");
        } else if (!changed.isEmpty()) {
            boolean cssOnly = changed.stream().allMatch(path -> path.endsWith(".css"));
            server.hub().send(cssOnly ? ReloadHub.CSS : ReloadHub.RELOAD, String.valueOf(changed.size()));
        }
        return result;
    }

    /**
     * Whether the watcher saw only stylesheets change (and lost no events). Asked of what the
     * watcher saw even when the build cannot trust it (the first change after the watcher
     * started): an edit in that moment is still built, only at the last build's time.
     */
    private static boolean stylesheetsOnly(SourceChanges changes) {
        return !changes.lost() && !changes.files().isEmpty() && changes.files().stream().allMatch(path -> {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".css") || name.endsWith(".scss") || name.endsWith(".sass");
        });
    }

    private void loadConfig() {
        try {
            lastConfig = ConfigLoader.load(options.siteRoot(), options.overrides());
        } catch (DiagnosticException e) {
            // The build reports it the same way; the previous config still names the folders.
        }
    }

    /** The site root, plus any configured folder that lies outside it. */
    private List<Path> watchedFolders() {
        Path root = options.siteRoot().toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(List.of(root));
        if (lastConfig != null) {
            for (Path folder : List.of(lastConfig.source(), lastConfig.layoutsDir(), lastConfig.includesDir(),
                    lastConfig.dataDir())) {
                if (Files.isDirectory(folder) && folders.stream().noneMatch(folder::startsWith)) {
                    folders.add(folder);
                }
            }
        }
        return folders;
    }

    /** Changes the server must not rebuild for: the output folder, its staging siblings, VCS folders. */
    private boolean ignored(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (lastConfig != null) {
            Path destination = lastConfig.destination();
            if (absolute.startsWith(destination)) {
                return true;
            }
            Path parent = destination.getParent();
            String name = destination.getFileName().toString();
            if (parent != null && (absolute.startsWith(parent.resolve("." + name + ".sheaf-staging"))
                    || absolute.startsWith(parent.resolve("." + name + ".sheaf-old")))) {
                return true;
            }
        }
        for (Path part : absolute) {
            String name = part.toString();
            if (name.equals(".git") || name.equals(".svn") || name.equals(".sheaf-cache")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops watching and serving. Not synchronized with {@link #rebuild}: a rebuild that never
     * ends (a source file that blocks its reader) must not keep {@code SIGTERM} from stopping
     * the server; its thread is a daemon and dies with the process.
     */
    @Override
    public void close() {
        SourceWatcher watcher = this.watcher;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                err.println("sheaf: could not stop watching: " + OsReason.of(e));
            }
        }
        server.close();
    }
}
