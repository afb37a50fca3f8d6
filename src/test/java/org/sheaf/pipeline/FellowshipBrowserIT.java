package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sheaf.testing.HeadlessChromium;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fellowship site as a reader sees it, in Debian's headless {@code chromium} driven through
 * {@code chromedriver}: every page at a 390-pixel phone's width and at a desktop's, with the
 * site's own stylesheet. Nothing may stick out sideways (images, long URLs, tables and code
 * scroll or wrap inside the column), chart labels must be drawn at 11 pixels or more, and the
 * header's search box must line up with the page's column. Skipped where chromium or
 * chromedriver is not installed ({@code .ci/run} installs both).
 */
class FellowshipBrowserIT {
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;

    /**
     * What sticks out past the right edge of the window: the page's own scroll width, and each
     * element whose box ends past the edge with no ancestor that scrolls or clips it.
     */
    private static final String OVERFLOWS = "var w = document.documentElement.clientWidth, out = [];"
            + "if (document.documentElement.scrollWidth > w) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide');"
            + "document.querySelectorAll('body *').forEach(function (e) {"
            + "  var r = e.getBoundingClientRect(); if (r.width === 0 || r.right <= w + 0.5) return;"
            + "  for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {"
            + "    if (getComputedStyle(a).overflowX !== 'visible') return; }"
            + "  out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ends at ' + Math.round(r.right) + ' px');"
            + "});"
            + "return out;";

    /** Each shown chart label with the size it is drawn at on screen, in pixels. */
    private static final String CHART_LABELS = "var out = [];"
            + "document.querySelectorAll('svg.chart-svg').forEach(function (svg) {"
            + "  if (getComputedStyle(svg).display === 'none') return;"
            + "  var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
            + "  svg.querySelectorAll('text').forEach(function (t) {"
            + "    out.push(t.textContent + '=' + (parseFloat(getComputedStyle(t).fontSize) * scale).toFixed(1)); });"
            + "});"
            + "return out;";

    /** A page with the widest things a note can hold, added to the site under test. */
    private static final String WIDE_PAGE = """
            ---
            title: Wide content
            layout: page
            ---
            A link written out: <https://example.org/a/very/long/path/that/has/no/spaces/at/all/anywhere/in/it/whatsoever>.

            [https://example.org/a/link/whose/text/is/a/long/address/with/no/spaces/anywhere/in/it](https://example.org/)

            An inline `code.span.that.is.much.longer.than.a.phone.is.wide.and.has.no.spaces.in.it` in a sentence.

            ![A picture four times as wide as a phone](/assets/wide.svg)

            | first column | second column | third column | fourth column | fifth column | sixth column |
            | --- | --- | --- | --- | --- | --- |
            | some cell text | some cell text | some cell text | some cell text | some cell text | some cell text |

            ```
            a code block line that is much longer than a phone is wide, and must scroll inside its box
            ```
            """;

    private static final String WIDE_PICTURE = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"400\">"
            + "<rect width=\"1600\" height=\"400\" fill=\"#888\"/></svg>\n";

    @TempDir
    static Path dir;

    private static HttpServer server;
    private static ChromeDriver browser;
    private static List<String> pages;

    @BeforeAll
    static void buildServeAndOpen() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path root = dir.resolve("repo");
        FellowshipSiteTest.copyTree(Path.of("content"), root.resolve("content"));
        FellowshipSiteTest.copyTree(Path.of("templates"), root.resolve("templates"));
        Files.writeString(root.resolve("content/assets/wide.svg"), WIDE_PICTURE);
        Files.writeString(root.resolve("content/wide-content.md"), WIDE_PAGE);
        TestSite site = TestSite.in(root).buildOk();
        pages = site.outputFiles().keySet().stream().filter(path -> path.endsWith(".html")).sorted().toList();
        server = SearchBrowserIT.serve(site.output());
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"), "--hide-scrollbars");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void noPageSticksOutSidewaysOnAPhoneOrADesktop() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(PHONE, DESKTOP)) {
            resize(width);
            for (String page : pages) {
                open(page);
                for (Object problem : (List<?>) browser.executeScript(OVERFLOWS)) {
                    problems.add(width + " px, " + page + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), problems);
        System.out.println("pages without sideways overflow in chromium at 390 and 1280 px: " + pages.size());
    }

    @Test
    void chartLabelsAreDrawnAtElevenPixelsOrMoreOnAPhoneAndADesktop() {
        List<String> charted = pages.stream().filter(page -> page.startsWith("notes/growth-models/")).toList();
        assertFalse(charted.isEmpty());
        // 640 px is where the wide drawing takes over, in the narrowest column it gets
        for (int width : List.of(PHONE, 640, DESKTOP)) {
            resize(width);
            double smallest = Double.MAX_VALUE;
            for (String page : charted) {
                open(page);
                List<?> labels = (List<?>) browser.executeScript(CHART_LABELS);
                assertFalse(labels.isEmpty(), page + " shows no chart at " + width + " px");
                for (Object label : labels) {
                    String text = label.toString();
                    double size = Double.parseDouble(text.substring(text.lastIndexOf('=') + 1));
                    assertTrue(size >= 11, width + " px, " + page + ": label " + text + " px");
                    smallest = Math.min(smallest, size);
                }
            }
            System.out.println(String.format(java.util.Locale.ROOT,
                    "chart labels in chromium at %d px: smallest %.1f px on screen", width, smallest));
        }
    }

    @Test
    void theHeaderSearchBoxLinesUpWithThePageColumn() {
        for (int width : List.of(PHONE, DESKTOP)) {
            resize(width);
            open("index.html");
            @SuppressWarnings("unchecked")
            Map<String, Object> boxes = (Map<String, Object>) browser.executeScript(
                    "function left(q) { return document.querySelector(q).getBoundingClientRect().left; }"
                    + "var input = document.querySelector('.site-header #site-search-q');"
                    + "return {input: left('.site-header #site-search-q'), column: left('main h1'),"
                    + " inputHeight: input.getBoundingClientRect().height,"
                    + " label: document.querySelector('label[for=site-search-q]').getBoundingClientRect().width};");
            double input = ((Number) boxes.get("input")).doubleValue();
            double column = ((Number) boxes.get("column")).doubleValue();
            assertEquals(column, input, 1.0, width + " px: the search box starts where the page's text does");
            assertTrue(input >= 16, width + " px: the search box is not flush left");
            assertTrue(((Number) boxes.get("inputHeight")).doubleValue() >= 32, width + " px: a box big enough to tap");
            assertTrue(((Number) boxes.get("label")).doubleValue() <= 1, width + " px: the label is for screen readers only");
        }
    }

    /** Sets the window's width and waits until the page area has it (chromium applies it asynchronously). */
    private static void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get("about:blank");
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20)).until(driver ->
                ((Number) browser.executeScript("return window.innerWidth;")).intValue() == width);
    }

    /** Opens {@code page} and waits until the site's stylesheet is applied. */
    private static void open(String page) {
        String path = page.endsWith("index.html") ? page.substring(0, page.length() - "index.html".length()) : page;
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20)).until(driver ->
                Boolean.TRUE.equals(browser.executeScript("return document.readyState === 'complete'"
                        + " && Array.from(document.styleSheets).some(function (s) {"
                        + " return s.href && s.href.endsWith('/assets/css/site.css') && s.cssRules.length > 0; });")));
    }
}
