package org.sheaf.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sheaf.testing.HeadlessChromium;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live reload in a real browser: Debian's headless {@code chromium}, driven through
 * {@code chromedriver} (Selenium), shows a page the dev server serves while watching its source,
 * as {@code sheaf serve} does. Edit the page's Markdown on disk and the tab shows the new text
 * with nothing done in the browser; break the front matter and the error
 * overlay appears with the diagnostic; fix it and the overlay goes. Skipped only where chromium
 * or chromedriver is not installed ({@code .ci/run} installs both). Each edit's latency (file
 * written to text in the DOM) is printed, not asserted: {@code bench/edit-latency} measures it.
 */
class LiveReloadBrowserIT {
    /** How long to wait for the tab to change: only so that a reload that never comes fails the run. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(20);
    private static final String PAGE = "---\nlayout: default\ntitle: Field notes\n---\n";

    /**
     * Run in each new document before its own scripts: notes when the page's live-reload event
     * stream is open, so the test edits only once the tab is listening (and the server has
     * registered it).
     */
    private static final String WATCH_EVENT_STREAM = "window.__sheafListening = false;"
            + "(function(){var Original = window.EventSource;"
            + "window.EventSource = function(url, init){var s = new Original(url, init);"
            + "s.addEventListener('open', function(){window.__sheafListening = true;}); return s;};})();";

    @TempDir
    Path dir;

    private ServedSite site;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        // the site and chromium's profile side by side: a profile inside the site would be watched
        site = new ServedSite(dir.resolve("site"))
                .file("_layouts/default.html", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                        + "<title>{{ page.title }}</title></head><body><main>{{ content }}</main></body></html>\n")
                .file("index.md", PAGE + "The first text.\n")
                .start();
        site.server.watch(Duration.ofMillis(100));

        browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_EVENT_STREAM));
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
    void anEditShowsInTheOpenTabAndABrokenFrontMatterShowsTheOverlayUntilFixed() throws Exception {
        browser.get(site.uri("/").toString());
        assertEquals("The first text.", paragraphText());
        awaitListening();

        long edited = edit(PAGE + "The second text, written on disk.\n");
        await(paragraph("The second text, written on disk."));
        report("edit", edited);
        awaitListening();

        edited = edit("---\nlayout: default\ntitle: [unclosed\n---\nThe broken text.\n");
        await(overlayShown());
        report("broken front matter", edited);
        assertEquals("sheaf: the last edit broke the build; showing the last good site\n\n"
                        + "index.md:4:1: error: invalid YAML in front matter: expected ',' or ']', but got <stream end>\n"
                        + "    hint: while parsing a flow sequence that starts at line 3, column 8",
                read(this::overlayText).strip());
        assertEquals("The second text, written on disk.", read(this::paragraphText),
                "the last good page stays under the overlay");
        awaitListening();

        edited = edit(PAGE + "The fixed text.\n");
        await(driver -> paragraphText().equals("The fixed text.") && overlays() == 0);
        report("fix", edited);
    }

    /** Writes {@code index.md}; returns when, in {@link System#nanoTime()}. */
    private long edit(String text) {
        site.file("index.md", text);
        return System.nanoTime();
    }

    private void await(ExpectedCondition<Boolean> condition) {
        // a script run while a reload is under way fails; the next poll reads the new page
        new WebDriverWait(browser, VISIBLE_WITHIN, Duration.ofMillis(10))
                .ignoring(WebDriverException.class).until(condition);
    }

    /** Waits (longer: chromium's first start on a cold machine is slow) until the tab's event stream is open. */
    private void awaitListening() {
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(10))
                .ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__sheafListening;")));
    }

    /** What {@code text} reads, read again when a reload was under way. */
    private String read(java.util.function.Supplier<String> text) {
        return new WebDriverWait(browser, VISIBLE_WITHIN, Duration.ofMillis(10))
                .ignoring(WebDriverException.class).until(driver -> text.get());
    }

    private ExpectedCondition<Boolean> paragraph(String text) {
        return driver -> paragraphText().equals(text);
    }

    private ExpectedCondition<Boolean> overlayShown() {
        return driver -> overlays() == 1;
    }

    /*
     * Each read is one script run in the page, never an element found and then read: a reload
     * between the two would leave the element behind.
     */

    private String paragraphText() {
        return (String) browser.executeScript("var p = document.querySelector('main p'); return p ? p.textContent : '';");
    }

    private String overlayText() {
        return (String) browser.executeScript("var o = document.getElementById('sheaf-errors'); return o ? o.innerText : '';");
    }

    private long overlays() {
        return (Long) browser.executeScript("return document.querySelectorAll('#sheaf-errors').length;");
    }

    private static void report(String what, long edited) {
        long millis = (System.nanoTime() - edited) / 1_000_000;
        System.out.println(String.format(Locale.ROOT, "live reload in chromium: %s visible %d ms after the write",
                what, millis));
    }
}
