package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.diag.DiagnosticException;

/** Liquid that would run for a long time or grow without end stops with a positioned diagnostic. */
class LiquidBoundsTest {
    private final LiquidRenderer renderer = new LiquidRenderer(LiquidTestSite.setup(), 300);

    @Test
    void stopsNestedLoopsUnderTheIterationCapAtTheRenderTimeLimit() {
        // 2000 x 2000 = 4 million iterations, below the 5 million cap, each doing some work.
        String slow = "---\n{% for a in (1..2000) %}{% for b in (1..2000) %}{{ a | times: b | append: \"x\" }}"
                + "{% endfor %}{% endfor %}";
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> renderer.render(slow, "about.md", 3, Map.of()));
        assertEquals("about.md:3:1: error: rendering stopped: took longer than 300 ms (a loop that runs too long?)",
                e.diagnostic().format());
    }

    @Test
    void stopsALoopInsideAnIncludeAtTheRenderTimeLimit() {
        String page = "{% capture big %}{% for a in (1..2000) %}{% for b in (1..2000) %}{{ b }}{% endfor %}"
                + "{% endfor %}{% endcapture %}{{ big | size }}";
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> renderer.render(page, "about.md", 1, Map.of()));
        assertEquals("about.md:1:1: error: rendering stopped: took longer than 300 ms (a loop that runs too long?)",
                e.diagnostic().format());
    }

    @Test
    void rendersOrdinaryLoopsWellInsideTheLimit() throws Exception {
        assertEquals("6", renderer.render("{% assign n = 0 %}{% for a in (1..3) %}{% assign n = n | plus: a %}"
                + "{% endfor %}{{ n }}", "about.md", 1, Map.of()));
    }

    @Test
    void refusesAVariableDoubledPastTheSizeLimit() {
        StringBuilder doubling = new StringBuilder("{% assign x = \"0123456789abcdef\" %}");
        for (int i = 0; i < 26; i++) {
            doubling.append("{% assign x = x | append: x %}");
        }
        doubling.append("{{ x | size }}");
        LiquidRenderer patient = new LiquidRenderer(LiquidTestSite.setup(), 60_000);
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> patient.render(doubling.toString(), "about.md", 1, Map.of()));
        assertEquals("about.md:1:1: error: rendering stopped: variable \"x\" would hold more than "
                + TimedContext.MAX_VARIABLE_CHARS + " characters", e.diagnostic().format());
    }

    @Test
    void stopsAnIncludeFanOutWithoutLoopsAtTheRenderTimeLimit(@TempDir Path site) throws Exception {
        // each level includes the next ten times: 10^9 includes, none of them a loop
        Path includes = Files.createDirectories(site.resolve("_includes"));
        for (int level = 0; level < 9; level++) {
            Files.writeString(includes.resolve("f" + level + ".html"),
                    ("{% include f" + (level + 1) + ".html %}").repeat(10));
        }
        Files.writeString(includes.resolve("f9.html"), "x");
        LiquidSetup setup = new LiquidSetup(site, includes, "", "", ZoneId.of("UTC"), "production", text -> text,
                LiquidTestSite.setup().links());
        LiquidRenderer bounded = new LiquidRenderer(setup, 300);
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> bounded.render("text\n{% include f0.html %}", "about.md", 2, Map.of()));
        // reported in the include that was rendering when time ran out, within the page
        String[] lines = e.diagnostic().format().split("\n");
        assertTrue(lines[0].matches("_includes/f\\d\\.html:1:1: error: rendering stopped: took longer than 300 ms "
                + "\\(includes that include others too many times\\?\\)"), lines[0]);
        assertEquals("    in: about.md", lines[1]);
    }

    /** Found by LiquidFuzzIT: a tag name glued to its argument had no position (0:0). */
    @Test
    void placesAMissingIncludeWrittenWithoutASpace() {
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> renderer.render("text\nsee ({% include%nothing.html %}).", "about.md", 4, Map.of()));
        assertEquals("about.md:5:6: error: include \"nothing.html\" not found", e.diagnostic().format().lines().findFirst().get());
    }

    /** Long enough for a page of 20,000 tags read in linear time on a slow machine; quadratic takes minutes. */
    private static final Duration LINEAR = Duration.ofSeconds(10);

    @Test
    void readsManyUnclosedTagsBeforeAnOutputTagInLinearTime() {
        // the dash and the range bring in the rewrites for hyphenated names and ranges
        String page = "{% if a \n".repeat(20_000) + "{{ a }}\n- item ..\n";
        DiagnosticException e = assertTimeoutPreemptively(LINEAR,
                () -> assertThrows(DiagnosticException.class, () -> renderer.render(page, "about.md", 3, Map.of())));
        assertEquals("about.md:4:2: error: Liquid syntax error: lexer error \"token recognition error at: '% '\""
                + " on line 2, index 1", e.diagnostic().format());
    }

    @Test
    void readsManyUnclosedRawTagsInLinearTime() {
        String page = "{% raw %}\n".repeat(20_000) + "{{ a-b }}\n";
        DiagnosticException e = assertTimeoutPreemptively(LINEAR,
                () -> assertThrows(DiagnosticException.class, () -> renderer.render(page, "about.md", 3, Map.of())));
        assertEquals("about.md:20004:1: error: Liquid syntax error: a block is not closed (mismatched input '<EOF>'"
                + " expecting {RawEnd, OtherRaw})", e.diagnostic().format());
    }
}
