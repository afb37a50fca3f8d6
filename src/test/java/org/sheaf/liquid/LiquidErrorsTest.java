package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

class LiquidErrorsTest {
    private final LiquidRenderer renderer = LiquidTestSite.renderer();

    private String failure(String template, int firstLine) {
        return assertThrows(DiagnosticException.class,
                () -> renderer.render(template, "content/about.md", firstLine, Map.of())).diagnostic().format();
    }

    @Test
    void reportsUnclosedBlockAtItsLineShiftedBelowFrontMatter() {
        assertEquals("content/about.md:6:21: error: Liquid syntax error: a block is not closed "
                + "(mismatched input '<EOF>' expecting TagStart)", failure("ok\n  {% if x %}unclosed", 5));
    }

    @Test
    void reportsUnknownTagAtItsColumn() {
        assertEquals("content/about.md:3:5: error: Liquid syntax error: Invalid Tag: 'nosuchtag'",
                failure("a\n {% nosuchtag %}", 2));
    }

    @Test
    void reportsUnknownFilterAtItsLine() {
        assertEquals("content/about.md:12:8: error: unknown Liquid filter \"nofilter\"",
                failure("a\nb {{ x | nofilter }}", 11));
    }

    @Test
    void reportsMissingIncludeWithTheIncludesAvailable() {
        assertEquals("content/about.md:4:3: error: include \"nope.html\" not found\n"
                + "    hint: includes available: broken.html, card.html, footer.html, nav.html, unclosed.html",
                failure("x\n\n  {% include nope.html %}", 2));
    }

    @Test
    void refusesIncludesThatClimbOutOfTheIncludesFolder() {
        assertEquals("content/about.md:1:1: error: include \"../notes/snippet.md\" refused: "
                + "the name must be a path inside _includes without '..'", failure("{% include ../notes/snippet.md %}", 1));
    }

    @Test
    void reportsErrorsInsideAnIncludeInTheIncludesOwnFile() {
        assertEquals("_includes/unclosed.html:4:1: error: Liquid syntax error: a block is not closed "
                + "(mismatched input '<EOF>' expecting TagStart)\n    in: content/about.md", failure("{% include unclosed.html %}", 3));
    }

    @Test
    void reportsMissingLinkTargetsAsJekyllDoes() {
        assertEquals("content/about.md:2:1: error: Could not find document 'missing.md' in tag 'link'",
                failure("{% link missing.md %}", 2));
    }

    @Test
    void stopsRunawayLoops() {
        assertEquals("content/about.md:1:1: error: rendering stopped: too many loop iterations (more than 5000000)",
                failure("{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}", 1));
    }
}
