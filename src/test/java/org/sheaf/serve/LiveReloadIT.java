package org.sheaf.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.pipeline.BuildResult;

/** Watching, rebuilding, telling tabs to reload, and keeping the last good site through broken edits. */
class LiveReloadIT {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    private ServedSite site;

    private ServedSite newSite() {
        site = new ServedSite(dir)
                .file("_layouts/default.html", "<html><head><link rel=\"stylesheet\" href=\"/style.css\"></head>"
                        + "<body>{{ content }}</body></html>\n")
                .file("index.md", "---\nlayout: default\n---\nFirst text.\n")
                .file("style.css", "body { color: black; }\n");
        return site;
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** Subscribes to the event stream; the queue gets its lines. Returns once the subscription is registered. */
    private BlockingQueue<String> subscribe() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        site.client.sendAsync(HttpRequest.newBuilder(site.uri(PageDecorator.EVENTS_PATH)).build(),
                // on a thread of its own: when the response has already arrived, thenAccept would
                // read the endless stream on this thread and never return
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> {
                    try (Stream<String> stream = response.body()) {
                        stream.forEach(lines::add);
                    } catch (RuntimeException closed) {
                        // The server went away at the end of the test.
                    }
                }, runnable -> {
                    Thread reader = new Thread(runnable, "event-stream");
                    reader.setDaemon(true);
                    reader.start();
                });
        assertEquals("retry: 500", lines.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(": connected", lines.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        return lines;
    }

    /** The next event name on the stream, skipping data lines, blank lines and comments. */
    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith("event: ")) {
                return line.substring("event: ".length());
            }
        }
        return null;
    }

    @Test
    void editingAPageRebuildsAndTellsTabsToReload() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        assertEquals(1, site.server.listeners());
        site.file("index.md", "---\nlayout: default\n---\nSecond text.\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.text("/").contains("<p>Second text.</p>"), site.text("/"));
    }

    @Test
    void afterTrustedEditsAPageSavedByRenameAndANewPageAreBothServed() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        site.file("index.md", "---\nlayout: default\n---\nSecond text.\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        site.file("index.md", "---\nlayout: default\n---\nThird text.\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.text("/").contains("<p>Third text.</p>"), site.text("/"));
        java.nio.file.Path saved = site.root.resolve(".index.md.tmp");
        java.nio.file.Files.writeString(saved, "---\nlayout: default\n---\nSaved by rename.\n");
        java.nio.file.Files.move(saved, site.root.resolve("index.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.text("/").contains("<p>Saved by rename.</p>"), site.text("/"));
        site.file("added.md", "---\nlayout: default\n---\nA new page.\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.text("/added.html").contains("<p>A new page.</p>"), site.text("/added.html"));
    }

    @Test
    void editingOnlyCssTellsTabsToSwapStylesheets() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        site.file("style.css", "body { color: navy; }\n");
        assertEquals(ReloadHub.CSS, nextEvent(events));
        assertEquals("body { color: navy; }\n", site.text("/style.css"));
    }

    /**
     * Built at the clock's time as {@code sheaf serve} builds, a site with a feed: the feed's
     * {@code <updated>} is {@code site.time}, so a stylesheet edit must keep the last build's time
     * or the feed would count as a changed page and every tab would reload.
     */
    @Test
    void editingOnlyCssSwapsStylesheetsEvenWhenTheSiteHasAFeed() throws Exception {
        newSite().atTheClock()
                .file("_config.yml", "plugins: [jekyll-feed]\n")
                .file("_posts/2020-01-01-first.md", "---\nlayout: default\ntitle: First\n---\nA post.\n")
                .start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        String feed = site.text("/feed.xml");
        Thread.sleep(1100);
        site.file("style.css", "body { color: navy; }\n");
        assertEquals(ReloadHub.CSS, nextEvent(events));
        assertEquals("body { color: navy; }\n", site.text("/style.css"));
        assertEquals(feed, site.text("/feed.xml"), "the feed keeps its <updated>");
        site.file("_posts/2020-01-01-first.md", "---\nlayout: default\ntitle: First\n---\nA post, edited.\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertFalse(site.text("/feed.xml").equals(feed), "an edited post is a new feed");
    }

    @Test
    void editingTheLayoutOrConfigIsPickedUp() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        site.file("_layouts/default.html", "<html><body class=\"v2\">{{ content }}</body></html>\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.text("/").contains("<body class=\"v2\">"));
        site.file("_config.yml", "baseurl: /docs\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertEquals(302, site.get("/").statusCode());
        assertTrue(site.text("/docs/").contains("First text."));
    }

    @Test
    void aBrokenEditKeepsTheLastGoodSiteWithAnEscapedOverlayUntilTheNextGoodEdit() throws Exception {
        newSite().start();
        BlockingQueue<String> events = subscribe();
        site.file("index.md", "---\nlayout: \"<script>alert(1)</script>\"\n---\nBroken text.\n");
        BuildResult broken = site.server.rebuild();
        assertFalse(broken.ok());
        assertEquals(ReloadHub.RELOAD, nextEvent(events));

        HttpResponse<byte[]> response = site.get("/");
        String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode());
        assertTrue(page.contains("<p>First text.</p>"), "the last good page stays: " + page);
        assertTrue(page.contains("<div id=\"sheaf-errors\""), page);
        assertTrue(page.contains("index.md:2:1: error: layout &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; not found"),
                page);
        assertFalse(page.contains("<script>alert(1)</script>"), "the writer's text is escaped");
        assertTrue(site.err.toString().contains("index.md:2:1: error: layout \"<script>alert(1)</script>\" not found"),
                site.err.toString());

        site.file("index.md", "---\nlayout: default\n---\nFixed text.\n");
        assertTrue(site.server.rebuild().ok());
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        String fixed = site.text("/");
        assertTrue(fixed.contains("<p>Fixed text.</p>"), fixed);
        assertFalse(fixed.contains("sheaf-errors"), fixed);
    }

    @Test
    void aSiteThatNeverBuiltShowsItsErrorsAndRecoversWhenFixed() throws Exception {
        newSite().file("index.md", "---\nlayout: [unclosed\n---\nx\n").start();
        HttpResponse<byte[]> response = site.get("/anything/");
        assertEquals(500, response.statusCode());
        String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("<div id=\"sheaf-errors\""), page);
        assertTrue(page.contains("index.md:"), page);
        site.file("index.md", "---\nlayout: default\n---\nNow it builds.\n");
        assertTrue(site.server.rebuild().ok());
        assertTrue(site.text("/").contains("Now it builds."));
    }

    @Test
    void aBrokenEditSeenByTheWatcherDoesNotStopTheServer() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        site.file("_config.yml", "timezone: Nowhere/Land\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertNotNull(site.server.errors());
        assertFalse(site.server.errors().isEmpty());
        assertTrue(site.text("/").contains("First text."));
        site.file("_config.yml", "timezone: UTC\n");
        assertEquals(ReloadHub.RELOAD, nextEvent(events));
        assertTrue(site.server.errors().isEmpty());
    }

    @Test
    void aNamedPipeInTheSourceDoesNotFreezeTheRebuildThread() throws Exception {
        newSite().start();
        site.server.watch(Duration.ofMillis(50));
        BlockingQueue<String> events = subscribe();
        Path pipe = dir.resolve("pipe.md");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertEquals(ReloadHub.RELOAD, nextEvent(events), "the rebuild with the pipe finished");
        assertEquals("pipe.md: error: is a named pipe (FIFO), not a regular file; not read",
                site.server.errors().stream().map(org.sheaf.diag.Diagnostic::format).findFirst().orElse(""));
        Files.delete(pipe);
        site.file("index.md", "---\nlayout: default\n---\nAfter the pipe.\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!site.text("/").contains("After the pipe.") && System.nanoTime() < deadline) {
            nextEvent(events);
        }
        assertTrue(site.text("/").contains("After the pipe."), "later edits are still built");
        assertTrue(site.server.errors().isEmpty());
    }
}
