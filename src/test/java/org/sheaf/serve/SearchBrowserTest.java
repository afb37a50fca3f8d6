package org.sheaf.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fellowship's search page in a real browser: Debian's headless {@code chromium} loads
 * {@code /search/?q=WORD} from {@code sheaf serve} and the script lists the note whose body has
 * the word. Skipped where chromium is not installed ({@code .ci/run} installs it).
 */
class SearchBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theSearchPageFindsANoteByAWordInItsBody() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        copyTree(Path.of("content"), dir.resolve("content"));
        copyTree(Path.of("templates"), dir.resolve("templates"));
        try (ServedSite site = new ServedSite(dir).start()) {
            Document page = Jsoup.parse(dumpDom(site.uri("/search/?q=keepers").toString()));
            assertEquals("true", page.expectFirst("form[data-search-index]").attr("data-search-ready"));
            assertEquals("1 page matches “keepers”.", page.expectFirst("[data-search-status]").text());
            assertEquals(List.of("From repositories to community pillars"),
                    page.select("[data-search-results] li > a").eachText());
            assertEquals(List.of("/notes/library-findings/community-pillars/"),
                    page.select("[data-search-results] li > a").eachAttr("href"));
        }
    }

    /** The page's DOM after its scripts ran, as headless chromium prints it. */
    private String dumpDom(String url) throws IOException, InterruptedException {
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom", url)
                .redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return new String(dom, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
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
