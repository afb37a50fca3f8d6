package org.sheaf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.liquid.LiquidSetup;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;

/**
 * Puts the second core to work while a command starts. For its first few tenths of a second a
 * build runs on one thread (picocli reading the command line, then the config and the scan),
 * while the first pages it renders run Markdown and Liquid slowly, interpreted, until the JIT
 * has compiled them. Rendering a small sample page a few times on a background thread meanwhile
 * loads those engines' classes and gets their hot methods compiled before the real pages need
 * them: a 100-page build took 1.24 s instead of 1.35 s (BENCHMARKS.md, "JVM start-up floor").
 *
 * <p>The sample (warm-up.md next to this class) uses what most notes use: headings, emphasis,
 * links, lists, a table, a code block, a footnote and an attribute list. Nothing it renders is
 * kept or written, and a failure only means a colder start, so it is never reported. Only
 * {@link Main#main} starts it, for the commands that render; tests call {@link #rehearse}.
 */
final class WarmUp {
    /** The commands that render pages, for which warming up pays. */
    static final Set<String> COMMANDS = Set.of("build", "serve", "check");
    /** Rounds of the sample; 5 and 20 measured the same, 60 a little slower. */
    static final int ROUNDS = 10;
    private static final String LAYOUT = "<h1>{{ page.title | escape }}</h1>\n"
            + "<p>{{ page.date | date: \"%B %-d, %Y\" }}</p>\n"
            + "{% if page.tags.size > 0 %}{% for tag in page.tags %}"
            + "<a href=\"{{ tag | slugify | prepend: '/tags/' | relative_url }}\">{{ tag }}</a>{% endfor %}{% endif %}\n"
            + "{{ content }}";

    private WarmUp() {
    }

    /** Starts the warm-up on a background thread that never keeps the JVM alive. */
    static void startInBackground() {
        Thread thread = new Thread(() -> {
            try {
                rehearse(ROUNDS);
            } catch (IOException | DiagnosticException | RuntimeException e) {
                // A colder start, nothing more: the build itself reports real problems.
            }
        }, "sheaf-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Renders the sample page {@code rounds} times (at least once) and returns the last page. */
    static String rehearse(int rounds) throws IOException, DiagnosticException {
        String markdown;
        try (InputStream in = WarmUp.class.getResourceAsStream("warm-up.md")) {
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.defaults());
        LiquidRenderer liquid = new LiquidRenderer(new LiquidSetup(Path.of("."), Path.of("_includes"), "", "",
                ZoneOffset.UTC, "production", renderer::render, null));
        String page = "";
        for (int round = 0; round < Math.max(1, rounds); round++) {
            Map<String, Object> variables = Map.of(
                    "page", Map.of("title", "Budgets & audits", "date", ZonedDateTime.now(ZoneOffset.UTC),
                            "tags", List.of("library budgets", "audit")),
                    "content", renderer.render(markdown));
            page = liquid.render(LAYOUT, "_layouts/warm-up.html", 1, variables);
        }
        return page;
    }
}
