package org.sheaf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.liquid.LinkResolver;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.liquid.LiquidSetup;

/**
 * Liquid on any template: text comes out or a diagnostic points into the template (or into an
 * include it named). Includes come from {@code src/test/resources/liquid/site}.
 */
class LiquidFuzzIT {
    /** Shorter than a build's limit, so a runaway loop ends well inside the per-input time out. */
    private static final long RENDER_MILLIS = 2_000;
    private static final LiquidRenderer RENDERER = renderer();

    private static LiquidRenderer renderer() {
        Path root;
        try {
            root = Path.of(LiquidFuzzIT.class.getResource("/liquid/site").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        LinkResolver links = new LinkResolver() {
            @Override
            public Optional<String> urlOfSource(String path) {
                return Optional.of("/" + path);
            }

            @Override
            public Optional<String> urlOfPost(String name) {
                return Optional.empty();
            }
        };
        return new LiquidRenderer(new LiquidSetup(root, root.resolve("_includes"), "/research", "https://example.org",
                ZoneId.of("UTC"), "production", text -> "<p>" + text + "</p>\n", links), RENDER_MILLIS);
    }

    private static Map<String, Object> variables() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Jobs & <b>\"things\"</b>");
        page.put("url", "/en/jobs/");
        page.put("tags", List.of("revenue", "open source"));
        page.put("date", ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 0, ZoneId.of("UTC")));
        page.put("count", 3);
        page.put("ratio", 2.5);
        page.put("nothing", null);
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", "Open Revenue Research");
        site.put("pages", List.of(new LinkedHashMap<>(page)));
        site.put("data", Map.of("people", List.of(Map.of("name", "Alice", "year", 2017), Map.of("name", "Bob"))));
        Map<String, Object> vars = new HashMap<>();
        vars.put("page", page);
        vars.put("site", site);
        vars.put("content", "<p>body</p>");
        return vars;
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rendersAnyTemplateOrReportsWhere(FuzzedDataProvider data) {
        String template = data.consumeRemainingAsString();
        try {
            RENDERER.render(template, "about.md", 1, variables());
        } catch (DiagnosticException e) {
            if (e.diagnostic().path().startsWith("_includes/")) {
                return; // an error inside an include the template named: positioned in that file
            }
            FuzzOutcomes.assertPositioned(e, "about.md", template, 1);
        }
    }
}
