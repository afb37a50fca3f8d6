package org.sheaf.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;

/** The dev server over real HTTP: what it sends, what it refuses, and that it equals {@code build}. */
class DevServerIT {
    @TempDir
    Path dir;

    private ServedSite site;

    @BeforeEach
    void startSite() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET outside the site\n");
        site = new ServedSite(dir.resolve("blog"))
                .file("_config.yml", "title: Blog\nbaseurl: /blog\n")
                .file("_layouts/default.html", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title>"
                        + "<link rel=\"stylesheet\" href=\"{{ '/style.css' | relative_url }}\"></head>\n"
                        + "<body>{{ content }}</body></html>\n")
                .file("index.md", "---\nlayout: default\ntitle: Home\n---\n# Home page\n")
                .file("about.md", "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout us.\n")
                .file("contact.html", "---\nlayout: default\n---\n<p>Write to us.</p>\n")
                .file("404.html", "---\nlayout: default\npermalink: /404.html\n---\n<p>Nothing here.</p>\n")
                .file("style.css", "body { color: black; }\n")
                .file("data.json", "{\"a\": 1}\n")
                .file("notes.txt", "plain\n")
                .file("feed.xml", "<feed/>\n")
                .file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        Files.write(site.root.resolve("pixel.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void sendsEachFileWithItsContentType() throws Exception {
        Map<String, String> expected = new TreeMap<>(Map.of(
                "/blog/", "text/html; charset=utf-8",
                "/blog/style.css", "text/css; charset=utf-8",
                "/blog/data.json", "application/json; charset=utf-8",
                "/blog/notes.txt", "text/plain; charset=utf-8",
                "/blog/feed.xml", "application/xml; charset=utf-8",
                "/blog/logo.svg", "image/svg+xml",
                "/blog/pixel.png", "image/png"));
        Map<String, String> actual = new TreeMap<>();
        for (String path : expected.keySet()) {
            HttpResponse<byte[]> response = site.get(path);
            assertEquals(200, response.statusCode(), path);
            actual.put(path, response.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(expected, actual);
        assertArrayEquals(Files.readAllBytes(site.root.resolve("pixel.png")), site.get("/blog/pixel.png").body());
    }

    @Test
    void servesIndexHtmlForFoldersAndRedirectsFoldersWithoutSlash() throws Exception {
        assertTrue(site.text("/blog/about/").contains("<p>About us.</p>"));
        HttpResponse<byte[]> bare = site.get("/blog/about");
        assertEquals(302, bare.statusCode());
        assertEquals("/blog/about/", bare.headers().firstValue("Location").orElse(""));
        assertTrue(site.text("/blog/contact").contains("<p>Write to us.</p>"), "extensionless .html, as on GitHub Pages");
    }

    /**
     * With Nagle's algorithm on, the JDK's server sends a response's body only once the client
     * acknowledges its headers, which a client delays by 40 ms: ten requests on a kept-alive
     * connection took 440 ms. The server switches it off through the JDK server's own setting;
     * what that saves is measured by {@code bench/edit-latency}, not timed here.
     */
    @Test
    void answersRequestsOnAKeptAliveConnectionWithoutWaitingForDelayedAcks() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, site.get("/blog/about/").statusCode());
        }
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"), "Nagle's algorithm is left on");
    }

    @Test
    void missesGetTheSites404PageWithStatus404() throws Exception {
        for (String path : List.of("/blog/no-such-page/", "/blog/nope.css", "/elsewhere")) {
            HttpResponse<byte[]> response = site.get(path);
            assertEquals(404, response.statusCode(), path);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("<p>Nothing here.</p>"), body);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void rootAndBareBaseurlRedirectToTheBaseurl() throws Exception {
        for (String path : List.of("/", "/blog")) {
            HttpResponse<byte[]> response = site.get(path);
            assertEquals(302, response.statusCode(), path);
            assertEquals("/blog/", response.headers().firstValue("Location").orElse(""), path);
        }
        assertTrue(site.server.siteAddress().toString().matches("http://127\\.0\\.0\\.1:\\d+/blog/"),
                site.server.siteAddress().toString());
    }

    @Test
    void refusesPathTraversalInEveryEncoding() throws Exception {
        List<String> attempts = List.of(
                "/blog/../secret.txt",
                "/../secret.txt",
                "/blog/../../secret.txt",
                "/blog/%2e%2e/secret.txt",
                "/blog/%2E%2E/%2e%2e/secret.txt",
                "/blog/.%2e/secret.txt",
                "/blog/%252e%252e/secret.txt",
                "/blog/%252e%252e%252fsecret.txt",
                "/blog/..%2fsecret.txt",
                "/blog/..%2Fsecret.txt",
                "/blog/..\\secret.txt",
                "/blog/..%5csecret.txt",
                "/blog/%5c..%5csecret.txt",
                "/blog/%c0%ae%c0%ae/secret.txt",
                "/blog/./index.html",
                "/blog/%2e/index.html",
                "/blog//etc/passwd",
                "/blog/C:/Windows/win.ini",
                "/blog/C%3a%5cWindows%5cwin.ini",
                "/blog/index.html%00.txt",
                "/blog/%00",
                "http://127.0.0.1/blog/../secret.txt");
        List<String> notRefused = new ArrayList<>();
        for (String attempt : attempts) {
            String response = site.raw(attempt);
            if (!response.startsWith("HTTP/1.1 400 ") || response.contains("TOP-SECRET")) {
                notRefused.add(attempt + " -> " + response.lines().findFirst().orElse("(nothing)"));
            }
        }
        assertEquals(List.of(), notRefused);
        // The JDK reads "//x" as an authority with an empty path and refuses it before any handler
        // runs: 404 up to 17.0.15, 400 in later updates.
        String authority = site.raw("//secret.txt");
        assertTrue((authority.startsWith("HTTP/1.1 404 ") || authority.startsWith("HTTP/1.1 400 "))
                && !authority.contains("TOP-SECRET"), authority);
        assertTrue(site.raw("/blog/_config.yml").startsWith("HTTP/1.1 404 "), "sources are not part of the site");
        assertTrue(site.raw("/blog/index.html").startsWith("HTTP/1.1 200 "), "the control request works");
    }

    @Test
    void answersTwoHundredConcurrentRequestsWithoutAFailure() throws Exception {
        assertEquals(List.of(), burst());
    }

    /**
     * Bursts do not leak file handles: after a first burst (the client's connection pool fills),
     * two more (400 requests) add fewer than 200 descriptors, where a leak of one per request
     * would add 400. The client shares this JVM, as do the integration tests run before this one,
     * whose connections may still be closing, so each count is taken once the number has stopped
     * falling (on a loaded machine, closing lags behind the burst); {@code wrk} against a separate
     * server process showed no growth at all (README, Security).
     */
    @Test
    void repeatedBurstsDoNotGrowTheOpenFileDescriptors() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs Linux's /proc/self/fd");
        assertEquals(List.of(), burst());
        long before = settledOpenFiles(fds);
        assertEquals(List.of(), burst());
        assertEquals(List.of(), burst());
        long after = settledOpenFiles(fds);
        assertTrue(after - before < 200, "open file descriptors grew from " + before + " to " + after);
    }

    /**
     * The open descriptors once closing has caught up: counted every 100 ms, after asking for a
     * collection (a socket the client dropped is closed when it is collected), until three counts
     * in a row are no lower than the lowest before them, or 5 s have passed. A leaked descriptor
     * is never closed, so it stays in the count however long this waits.
     */
    private static long settledOpenFiles(Path fds) throws IOException, InterruptedException {
        long lowest = openFiles(fds);
        int steady = 0;
        for (int tries = 0; tries < 50 && steady < 3; tries++) {
            System.gc();
            Thread.sleep(100);
            long count = openFiles(fds);
            steady = count < lowest ? 0 : steady + 1;
            lowest = Math.min(lowest, count);
        }
        return lowest;
    }

    private static long openFiles(Path fds) throws IOException {
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }

    /** 200 concurrent requests over five paths; the requests whose answer differed from a single one's. */
    private List<String> burst() throws Exception {
        List<String> paths = List.of("/blog/", "/blog/about/", "/blog/style.css", "/blog/pixel.png", "/blog/nope");
        Map<String, byte[]> expected = new TreeMap<>();
        for (String path : paths) {
            expected.put(path, site.get(path).body());
        }
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = paths.get(i % paths.size());
            responses.add(site.client.sendAsync(HttpRequest.newBuilder(site.uri(path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            String path = paths.get(i % paths.size());
            HttpResponse<byte[]> response = responses.get(i).join();
            int status = path.equals("/blog/nope") ? 404 : 200;
            if (response.statusCode() != status || !java.util.Arrays.equals(expected.get(path), response.body())) {
                failures.add(i + " " + path + " -> " + response.statusCode());
            }
        }
        return failures;
    }

    @Test
    void servesExactlyWhatBuildWritesApartFromTheReloadScript() throws Exception {
        BuildResult built = SiteBuilder.build(site.options());
        assertTrue(built.ok(), built.diagnostics().toString());
        Path output = site.root.resolve("_site");
        Map<String, byte[]> written = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                written.put(output.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        assertEquals(written.keySet(), site.server.site().files().keySet());
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : written.entrySet()) {
            HttpResponse<byte[]> response = site.get("/blog/" + file.getKey());
            byte[] served = response.body();
            if (file.getKey().endsWith(".html")) {
                String text = new String(served, StandardCharsets.UTF_8);
                assertEquals(1, text.split(java.util.regex.Pattern.quote(PageDecorator.RELOAD_SCRIPT), -1).length - 1,
                        file.getKey());
                served = text.replace(PageDecorator.RELOAD_SCRIPT, "").getBytes(StandardCharsets.UTF_8);
            }
            if (!java.util.Arrays.equals(file.getValue(), served)) {
                different.add(file.getKey());
            }
        }
        assertEquals(List.of(), different);
        assertFalse(written.isEmpty());
    }

    @Test
    void injectsTheReloadScriptIntoHtmlOnly() throws Exception {
        String page = site.text("/blog/");
        assertTrue(page.endsWith(PageDecorator.RELOAD_SCRIPT + "</body></html>\n"), page);
        assertFalse(site.text("/blog/style.css").contains("sheaf-reload"));
        assertFalse(site.text("/blog/logo.svg").contains("sheaf-reload"));
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        HttpResponse<byte[]> post = site.client.send(HttpRequest.newBuilder(site.uri("/blog/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
        HttpResponse<byte[]> head = site.client.send(HttpRequest.newBuilder(site.uri("/blog/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }
}
