package org.sheaf.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;
import org.sheaf.config.ConfigLoader;
import org.sheaf.diag.Diagnostic;
import org.sheaf.output.MemorySink;

/**
 * Deeply nested Markdown and Liquid through a whole build: block quotes, list items, emphasis,
 * links, code spans, HTML and {@code {% if %}}, each repeated up to a few thousand levels and
 * mixed. The build must end within {@value #INPUT_SECONDS} s (a whole build, as the fuzzer
 * instruments it, on a busy machine), by returning: the page rendered, or errors positioned in it.
 * A {@code StackOverflowError} or any other exception escaping the build, or a build that does
 * not end, is a finding.
 */
class NestingFuzzIT {
    private static final int MAX_LEVELS = 3000;
    private static final int INPUT_SECONDS = 45;
    private static final Path SITE = site();

    private enum Construct {
        QUOTES, LIST_ITEMS, ORDERED_ON_ONE_LINE, BULLETS_ON_ONE_LINE, EMPHASIS, STRONG_UNDERSCORES, LINKS, IMAGES,
        CODE_TICKS, HTML, LIQUID_IF, LIQUID_FOR, QUOTED_LISTS
    }

    @FuzzTest(maxDuration = "4m")
    void deepNestingRendersOrIsAPositionedError(FuzzedDataProvider data) throws Exception {
        StringBuilder body = new StringBuilder();
        int parts = data.consumeInt(1, 3);
        for (int part = 0; part < parts; part++) {
            nest(body, data.pickValue(Construct.values()), data.consumeInt(1, MAX_LEVELS),
                    data.consumeString(20).replace("{", ""));
            body.append("\n\n");
        }
        body.append(data.consumeRemainingAsString());
        String page = "---\ntitle: Nest\n---\n" + body;
        Files.writeString(SITE.resolve("nest.md"), page, StandardCharsets.UTF_8);

        // The limit is per input (JUnit's @Timeout would bound a whole fuzzing run instead).
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "nesting-fuzz");
            thread.setDaemon(true);
            return thread;
        });
        BuildResult result;
        try {
            result = runner.submit(() -> build(SITE)).get(INPUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the build did not end within " + INPUT_SECONDS + " s:\n" + page, e);
        } catch (ExecutionException e) {
            throw new AssertionError("the build threw " + e.getCause(), e.getCause());
        } finally {
            runner.shutdownNow();
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) {
                assertEquals("nest.md", d.path(), d::format);
                int lines = (int) page.chars().filter(c -> c == '\n').count() + 1;
                assertTrue(d.position().line() >= 1 && d.position().line() <= lines, d::format);
                assertTrue(d.position().column() >= 1, d::format);
            }
        }
    }

    private static void nest(StringBuilder out, Construct construct, int levels, String text) {
        switch (construct) {
            case QUOTES -> out.append(">".repeat(levels)).append(' ').append(text);
            case LIST_ITEMS -> {
                for (int i = 0; i < Math.min(levels, 400); i++) {
                    out.append("  ".repeat(i)).append("- ").append(text).append('\n');
                }
            }
            case ORDERED_ON_ONE_LINE -> out.append("1. ".repeat(levels)).append(text);
            case BULLETS_ON_ONE_LINE -> out.append("* ".repeat(levels)).append(text);
            case EMPHASIS -> out.append("*".repeat(levels)).append(text).append("*".repeat(levels));
            case STRONG_UNDERSCORES -> out.append("__".repeat(levels)).append(text).append("_".repeat(levels));
            case LINKS -> out.append("[".repeat(levels)).append(text).append("](/u)".repeat(levels));
            case IMAGES -> out.append("![".repeat(levels)).append(text).append("]".repeat(levels));
            case CODE_TICKS -> out.append("`".repeat(levels)).append(text);
            case HTML -> out.append("<div>".repeat(levels)).append(text).append("</div>".repeat(levels / 2));
            case LIQUID_IF -> out.append("{% if true %}".repeat(levels)).append(text).append("{% endif %}".repeat(levels));
            case LIQUID_FOR -> out.append("{% for i in (1..1) %}".repeat(levels)).append(text)
                    .append("{% endfor %}".repeat(levels));
            case QUOTED_LISTS -> out.append("> - ".repeat(levels)).append(text);
        }
    }

    private static BuildResult build(Path site) {
        return SiteBuilder.build(new BuildOptions(site, ConfigLoader.Overrides.none(),
                Instant.parse("2020-01-01T00:00:00Z"), "production"), new MemorySink());
    }

    private static Path site() {
        try {
            Path site = Files.createTempDirectory("sheaf-nesting-fuzz");
            site.toFile().deleteOnExit();
            Files.writeString(site.resolve("_config.yml"), "title: Nesting\n");
            // One build before the first input: when fuzzing, every class a build loads is
            // instrumented as it loads, which alone takes longer than an input may.
            Files.writeString(site.resolve("nest.md"), "---\n---\n> *a* [b](/c) {% if true %}d{% endif %}\n");
            build(site);
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
