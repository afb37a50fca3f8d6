package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.testing.HeadlessChromium;

/**
 * The fellowship's search page in a real browser: the site is built, served from its output
 * folder on a loopback port, and Debian's headless {@code chromium} loads {@code /search/?q=WORD}
 * (what the search form submits); the script must list the note whose body has the word. Skipped
 * where chromium is not installed ({@code .ci/run} installs it).
 */
class SearchBrowserIT {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json", "css", "text/css",
            "svg", "image/svg+xml", "png", "image/png");

    @TempDir
    Path dir;

    @Test
    void theSearchPageFindsANoteByAWordInItsBody() throws Exception {
        HeadlessChromium.assumeBrowser();
        Path root = dir.resolve("repo");
        copyTree(Path.of("content"), root.resolve("content"));
        copyTree(Path.of("templates"), root.resolve("templates"));
        TestSite site = TestSite.in(root).buildOk();
        HttpServer server = serve(site.output());
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/search/?q=keepers";
            Document page = Jsoup.parse(dumpDom(url));
            assertEquals("true", page.expectFirst("form[data-search-index]").attr("data-search-ready"));
            assertEquals("1 page matches “keepers”.", page.expectFirst("[data-search-status]").text());
            assertEquals(List.of("From repositories to community pillars"),
                    page.select("[data-search-results] li > a").eachText());
            assertEquals(List.of("/notes/library-findings/community-pillars/"),
                    page.select("[data-search-results] li > a").eachAttr("href"));
        } finally {
            server.stop(0);
        }
    }

    /** A plain static server for {@code folder}: a folder URL serves its {@code index.html}. */
    static HttpServer serve(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = folder.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path).normalize();
            byte[] body = file.startsWith(folder) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type",
                    TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }

    /** The page's DOM after its scripts ran, as headless chromium prints it; chromium is stopped after two minutes. */
    private String dumpDom(String url) throws IOException, InterruptedException {
        Path dom = dir.resolve("dom.html");
        Process chromium = new ProcessBuilder(HeadlessChromium.BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000",
                "--dump-dom", url)
                .redirectOutput(dom.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish in two minutes");
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
