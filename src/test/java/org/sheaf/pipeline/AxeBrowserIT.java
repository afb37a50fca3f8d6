package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sheaf.testing.HeadlessChromium;

/**
 * axe-core, the accessibility engine browsers' audit tools use, over every HTML page of the
 * fellowship's site: the site is built, served from its output folder on a loopback port, and
 * each page loaded in Debian's headless {@code chromium} (driven by {@code chromedriver}) at a
 * desktop and at a phone's width, where axe runs with its default rules (WCAG 2 A and AA, and best
 * practices). Any violation of impact serious or critical fails the test, each listed with its
 * page, rule and elements. A page with a known fault is checked first, so that the test is known to
 * see faults at all. axe-core is vendored in {@code src/test/resources/axe-core/} (MPL-2.0), so
 * nothing is fetched. Skipped only where chromium or chromedriver is not installed ({@code .ci/run}
 * installs both).
 */
class AxeBrowserIT {
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String RUN_AXE = """
            var done = arguments[arguments.length - 1];
            axe.run(document).then(function (result) {
              done(result.violations.map(function (v) {
                return {id: v.id, impact: v.impact || '', help: v.help,
                        targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })};
              }));
            }).catch(function (e) { done([{id: 'axe-failed', impact: 'critical', help: String(e), targets: []}]); });
            """;

    @TempDir
    Path dir;

    @Test
    void noPageOfTheSiteHasASeriousOrCriticalViolation() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path root = dir.resolve("repo");
        SearchBrowserIT.copyTree(Path.of("content"), root.resolve("content"));
        SearchBrowserIT.copyTree(Path.of("templates"), root.resolve("templates"));
        TestSite site = TestSite.in(root).buildOk();
        List<String> pages = site.outputPaths().stream().filter(path -> path.endsWith(".html")).sorted().toList();
        long sources;
        try (Stream<Path> walk = Files.walk(root.resolve("content"))) {
            sources = walk.filter(p -> p.toString().endsWith(".md")).count();
        }
        assertTrue(pages.size() >= sources, "fewer HTML pages than Markdown sources: " + pages);
        Files.writeString(site.output().resolve("axe-probe.html"), "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<title>Probe</title></head><body><main><h1>Probe</h1><img src=\"x.png\"></main></body></html>");

        String axe;
        try (InputStream in = AxeBrowserIT.class.getResourceAsStream("/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpServer server = SearchBrowserIT.serve(site.output());
        ChromeDriver browser = browser();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            List<Map<String, Object>> probe = run(browser, axe, base + "axe-probe.html");
            assertEquals(List.of("image-alt critical"),
                    probe.stream().map(v -> v.get("id") + " " + v.get("impact")).toList());

            List<String> failures = new ArrayList<>();
            List<String> milder = new ArrayList<>();
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                for (String page : pages) {
                    for (Map<String, Object> violation : run(browser, axe, base + page)) {
                        String impact = String.valueOf(violation.get("impact"));
                        String line = page + " at " + width + " px: " + violation.get("id") + " (" + impact + "): "
                                + violation.get("help") + "\n    " + violation.get("targets");
                        if (FAILING.contains(impact)) {
                            failures.add(line);
                        } else {
                            milder.add(line);
                        }
                    }
                }
            }
            System.out.printf("axe-core: %d pages at 1280 and 390 px; serious or critical: %d; milder: %d%n",
                    pages.size(), failures.size(), milder.size());
            milder.forEach(System.out::println);
            assertEquals("", String.join("\n", failures));
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(ChromeDriver browser, String axe, String url) {
        browser.get(url);
        browser.executeScript(axe);
        return (List<Map<String, Object>>) browser.executeAsyncScript(RUN_AXE);
    }

    private ChromeDriver browser() throws IOException {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return browser;
    }
}
