package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The fixture site's includes rendered as its base layout uses them, against Jekyll's output. */
class LiquidSiteTest {
    private static Map<String, Object> jobsPage() {
        List<Object> pages = new ArrayList<>();
        for (String[] p : new String[][] {{"About", "/about/"}, {"Notes", "/notes/"}, {"Blog", "/blog/"},
                {"Jobs", "/en/jobs/"}, {"Home", "/"}}) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("title", p[0]);
            page.put("url", p[1]);
            pages.add(page);
        }
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "Open Revenue Research");
        site.put("baseurl", "/research");
        site.put("pages", pages);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("site", site);
        vars.put("page", Map.of("title", "Jobs", "url", "/en/jobs/"));
        return vars;
    }

    private static String normalised(String html) {
        return html.replaceAll("\\s+", " ").strip();
    }

    @Test
    void rendersTheNavIncludeAsJekyllDid() throws Exception {
        String expected = Files.readString(Path.of(LiquidSiteTest.class.getResource("/liquid/expected-nav.html").toURI()));
        String out = LiquidTestSite.renderer().render("{% include nav.html current=page.url %}", "_layouts/base.html", 10, jobsPage());
        assertEquals(normalised(expected), normalised(out));
    }

    @Test
    void rendersIdenticallyFromManyThreadsAtOnce() throws Exception {
        LiquidRenderer renderer = LiquidTestSite.renderer();
        String template = "{% include nav.html current=page.url %}{% for p in site.pages %}{{ p.title | slugify }}"
                + "{% cycle 'a', 'b' %}{% increment n %}{% endfor %}{{ site.pages | where: 'url', '/blog/' | jsonify }}";
        String single = renderer.render(template, "_layouts/base.html", 1, jobsPage());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> renderer.render(template, "_layouts/base.html", 1, jobsPage())));
            }
            for (Future<String> result : results) {
                assertEquals(single, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
