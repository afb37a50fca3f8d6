package org.sheaf.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sheaf.testing.HeadlessChromium;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fellowship site as {@code sheaf serve} shows it, in headless {@code chromium}: the error
 * overlay over a page styled by the site's own stylesheet keeps its own look (the site's rules
 * for {@code pre}, {@code p} and fonts do not reach into it), and a missing address gets the
 * site's 404 page in the site's layout, with status 404, from any folder depth. Skipped where
 * chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
class FellowshipServeBrowserIT {
    private static final String NOTE = "content/_notes/audits/pilot-programs.md";

    @TempDir
    Path dir;

    private ServedSite site;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path root = dir.resolve("repo");
        copyTree(Path.of("content"), root.resolve("content"));
        copyTree(Path.of("templates"), root.resolve("templates"));
        site = new ServedSite(root).start();
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theErrorOverlayKeepsItsOwnStylesOverTheSitesStylesheet() throws Exception {
        String note = Files.readString(site.root.resolve(NOTE), StandardCharsets.UTF_8);
        site.file(NOTE, note.replace("kind: audit\n", "kind: [audit\n"));
        site.server.rebuild();
        assertEquals(1, site.server.errors().size(), site.err.toString());
        for (int width : List.of(390, 1280)) {
            browser.manage().window().setSize(new Dimension(width, 900));
            open("/notes/audits/pilot-programs/");
            @SuppressWarnings("unchecked")
            Map<String, Object> styles = (Map<String, Object>) browser.executeScript(
                    "function style(q) { var s = getComputedStyle(document.querySelector(q));"
                    + " return {background: s.backgroundColor, color: s.color, size: s.fontSize, family: s.fontFamily,"
                    + " padding: s.paddingLeft, radius: s.borderTopLeftRadius, position: s.position}; }"
                    + "return {overlay: style('#sheaf-errors'), title: style('#sheaf-errors p'),"
                    + " text: style('#sheaf-errors pre'), shown: document.querySelector('#sheaf-errors pre').innerText};");
            Map<?, ?> overlay = (Map<?, ?>) styles.get("overlay");
            Map<?, ?> text = (Map<?, ?>) styles.get("text");
            Map<?, ?> title = (Map<?, ?>) styles.get("title");
            assertTrue(styles.get("shown").toString().startsWith(NOTE + ":6:5: error: invalid YAML in front matter"), styles.get("shown").toString());
            assertEquals("fixed", overlay.get("position"));
            assertEquals("rgba(20, 20, 20, 0.96)", overlay.get("background"));
            assertEquals("rgba(0, 0, 0, 0)", text.get("background"), "the site's pre background stays out");
            assertEquals("0px", text.get("padding"));
            assertEquals("0px", text.get("radius"));
            assertEquals("rgb(255, 221, 221)", text.get("color"));
            assertEquals("rgb(255, 255, 255)", title.get("color"));
            assertEquals("14px", text.get("size"), "the site's 0.9em for pre stays out");
            assertTrue(text.get("family").toString().contains("monospace"), text.get("family").toString());
        }
    }

    @Test
    void aMissingAddressGetsTheSites404PageAtAnyDepth() throws Exception {
        HttpResponse<byte[]> response = site.get("/notes/no-such-note/");
        assertEquals(404, response.statusCode());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("<h1>Page not found</h1>"));
        browser.manage().window().setSize(new Dimension(390, 900));
        open("/notes/no-such-note/");
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) browser.executeScript(
                "return {title: document.title, header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,"
                + " query: document.getElementById('not-found-q').value,"
                + " links: Array.from(document.querySelectorAll('main a')).map(function (a) { return a.getAttribute('href'); })};");
        assertTrue(page.get("title").toString().startsWith("Page not found"), page.get("title").toString());
        assertEquals("rgb(241, 242, 238)", page.get("header"), "the site's stylesheet is applied");
        assertEquals("notes no such note", page.get("query"));
        assertEquals(List.of("/", "/notes/", "/kinds/audit/", "/kinds/library-finding/", "/kinds/growth-model/",
                "/tags/", "/about/"), page.get("links"));
    }

    /** Opens {@code path} and waits until the site's stylesheet is applied. */
    private void open(String path) {
        browser.get(site.uri(path).toString());
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20)).until(driver ->
                Boolean.TRUE.equals(browser.executeScript("return document.readyState === 'complete'"
                        + " && Array.from(document.styleSheets).some(function (s) {"
                        + " return s.href && s.href.endsWith('/assets/css/site.css') && s.cssRules.length > 0; });")));
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
