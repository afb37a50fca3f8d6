package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sheaf check}: broken links and anchors at their Markdown source line, and external links over HTTP. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void siteWithLayout() throws Exception {
        write("_layouts/default.html", "<html><body><nav><a href=\"{{ '/' | relative_url }}\">Home</a></nav>"
                + "{{ content }}</body></html>\n");
        write("about.md", "---\nlayout: default\npermalink: /about/\n---\n## Who we are\n\nUs.\n");
        write("img.png", "not really a png");
    }

    @Test
    void reportsABrokenLinkAndABrokenAnchorAtTheirSourceLines() throws Exception {
        siteWithLayout();
        write("index.md", """
                ---
                layout: default
                ---
                # Home

                See [about](/about/) and [the missing page](/nope/).

                ![a picture](/img.png) and ![a lost one](/lost.png)

                Jump to [us](/about/#who-we-are), [nobody](/about/#nobody) or [here](#home).
                """);
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals("""
                index.md:6:45: error: broken link "/nope/"
                    hint: no file at /nope/
                index.md:8:42: error: broken link "/lost.png"
                    hint: no file at /lost.png
                index.md:10:44: error: broken link "/about/#nobody"
                    hint: no element with id "nobody" in /about/
                """, run.err());
        assertEquals("sheaf: checked 9 links on 2 pages (0 external, not checked; use --external): 3 broken\n", run.out());
    }

    @Test
    void checksTheSiteBuildWritesWithUnpublishedDocuments() throws Exception {
        siteWithLayout();
        write("draft-note.md", "---\nlayout: default\npublished: false\npermalink: /draft-note/\n---\nSoon.\n");
        write("index.md", "---\nlayout: default\n---\nSee [the draft](/draft-note/).\n");
        CliRun without = CliRun.of("check", dir.toString());
        assertEquals(1, without.code(), without.err());
        assertTrue(without.err().contains("broken link \"/draft-note/\""), without.err());
        CliRun with = CliRun.of("check", "--unpublished", dir.toString());
        assertEquals(0, with.code(), with.err());
    }

    @Test
    void placesTheSecondOccurrenceOfALinkOnItsOwnLine() throws Exception {
        siteWithLayout();
        write("index.md", "---\nlayout: default\n---\n[one](/gone/)\n\n[two](/gone/)\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals("""
                index.md:4:7: error: broken link "/gone/"
                    hint: no file at /gone/
                index.md:6:7: error: broken link "/gone/"
                    hint: no file at /gone/
                """, run.err());
    }

    @Test
    void aBrokenLinkFromALayoutNamesThePageAndItsBuiltLine() throws Exception {
        write("_layouts/default.html", "<html><body>\n<a href=\"/missing-from-layout/\">x</a>\n{{ content }}</body></html>\n");
        write("index.md", "---\nlayout: default\n---\nHi\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(1, run.code());
        assertEquals("""
                index.md: error: broken link "/missing-from-layout/"
                    hint: no file at /missing-from-layout/
                    in: index.html:2:1
                """, run.err());
    }

    @Test
    void relativeLinksAndBaseurlResolveLikeABrowser() throws Exception {
        write("_config.yml", "baseurl: /site\n");
        write("_layouts/default.html", "<html><body>{{ content }}</body></html>\n");
        write("docs/a.md", "---\nlayout: default\npermalink: /docs/a/\n---\n[b](../b/) [c](../c/) [out](/b/)\n");
        write("docs/b.md", "---\nlayout: default\npermalink: /docs/b/\n---\nB\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals("""
                docs/a.md:5:16: error: broken link "../c/"
                    hint: no file at /site/docs/c/
                docs/a.md:5:29: error: broken link "/b/"
                    hint: "/b/" is outside the site's baseurl "/site"
                """, run.err());
    }

    /** absolute_url writes https://x.example//site/b/ under url: https://x.example/, as Jekyll's does. */
    @Test
    void absoluteLinksUnderAUrlWithATrailingSlashAreCheckedAsTheSitesOwn() throws Exception {
        write("_config.yml", "url: https://x.example/\nbaseurl: /site/\n");
        write("_layouts/default.html", "<html><body>{{ content }}</body></html>\n");
        write("a.md", "---\nlayout: default\npermalink: /a/\n---\n"
                + "[b](https://x.example//site/b/) [c](https://x.example//site/c/) [c](https://x.example/site/c/)\n");
        write("b.md", "---\nlayout: default\npermalink: /b/\n---\nB\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals("""
                a.md:5:37: error: broken link "https://x.example//site/c/"
                    hint: no file at /site/c/
                a.md:5:69: error: broken link "https://x.example/site/c/"
                    hint: no file at /site/c/
                """, run.err());
    }

    @Test
    void aCleanSiteExitsZero() throws Exception {
        siteWithLayout();
        write("index.md", "---\nlayout: default\n---\n[about](/about/) [mail](mailto:a@b.c) ![x](/img.png)\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void externalLinksAreFetchedWithTimeoutsAndReportedWithTheirStatus() throws Exception {
        HttpServer remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        remote.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        remote.createContext("/head-refused", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("HEAD") ? 405 : 200, -1);
            exchange.close();
        });
        // /slow answers only once the check is over, so its time-out is the only way it ends; the
        // time-out is 3 s, so that the other links answer within it on a loaded machine too
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        remote.createContext("/slow", exchange -> {
            try {
                checked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        remote.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        remote.start();
        try {
            String base = "http://127.0.0.1:" + remote.getAddress().getPort();
            siteWithLayout();
            write("index.md", "---\nlayout: default\n---\n[a](" + base + "/ok)\n[b](" + base + "/gone)\n[c]("
                    + base + "/head-refused)\n[d](" + base + "/slow)\n[e](" + base + "/ok)\n");
            CliRun plain = CliRun.of("check", dir.toString());
            assertEquals(0, plain.code(), plain.err());
            CliRun run = CliRun.of("check", dir.toString(), "--external", "--timeout", "3", "--concurrency", "2");
            assertEquals(1, run.code());
            assertEquals("index.md:5:5: error: broken link \"" + base + "/gone\"\n    hint: HTTP 404\n"
                    + "index.md:7:5: error: broken link \"" + base + "/slow\"\n    hint: timed out after 3000 ms\n",
                    run.err());
            assertEquals("sheaf: checked 7 links on 2 pages (5 external, checked): 2 broken\n", run.out());
        } finally {
            checked.countDown();
            remote.stop(0);
        }
    }

    @Test
    void aSiteThatDoesNotBuildIsNotChecked() throws Exception {
        write("index.md", "---\nlayout: nope\n---\nHi\n");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(1, run.code());
        assertFalse(run.err().contains("broken link"));
    }

    @Test
    void strictTurnsAccessibilityWarningsIntoErrorsForBuildAndCheck() throws Exception {
        siteWithLayout();
        write("_config.yml", "accessibility: true\n");
        write("index.md", "---\nlayout: default\n---\n<img src=\"/img.png\">\n");
        String warning = "_layouts/default.html:1:1: %s: the page has no language: <html> has no lang attribute";
        CliRun build = CliRun.of("build", dir.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.err().startsWith(warning.formatted("warning")), build.err());
        assertTrue(build.err().contains("index.md:4:11: warning: image has no alt text\n"), build.err());
        String before = Files.readString(dir.resolve("_site/index.html"));

        write("index.md", "---\nlayout: default\n---\n<img src=\"/img.png\"> again\n");
        CliRun strict = CliRun.of("build", dir.toString(), "--strict");
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("index.md:4:11: error: image has no alt text\n"), strict.err());
        assertTrue(strict.err().endsWith("the previous site was left as it was\n"), strict.err());
        assertEquals(before, Files.readString(dir.resolve("_site/index.html")));

        CliRun check = CliRun.of("check", dir.toString(), "--strict");
        assertEquals(1, check.code());
        assertTrue(check.err().startsWith(warning.formatted("error")), check.err());
        assertEquals(0, CliRun.of("check", dir.toString()).code());
    }
}
