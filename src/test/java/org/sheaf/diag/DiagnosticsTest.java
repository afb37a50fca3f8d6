package org.sheaf.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed report keeps the errors that stopped a build, however many warnings sort before them. */
class DiagnosticsTest {

    @Test
    void warningsFillOnlyWhatTheErrorsLeaveOfTheLimit() {
        Diagnostics diagnostics = new Diagnostics();
        for (int n = 0; n < Diagnostics.PRINT_LIMIT + 10; n++) {
            diagnostics.add(Diagnostic.warning(String.format("a%03d.md", n), new Position(1, 1), "unknown filter"));
        }
        diagnostics.add(Diagnostic.error("z.md", 2, 3, "layout not found"));
        List<String> lines = Diagnostics.formatted(diagnostics.sorted());

        assertEquals(Diagnostics.PRINT_LIMIT + 1, lines.size());
        assertEquals("a000.md:1:1: warning: unknown filter", lines.get(0));
        assertEquals("z.md:2:3: error: layout not found", lines.get(Diagnostics.PRINT_LIMIT - 1));
        assertEquals("... and 11 more", lines.get(Diagnostics.PRINT_LIMIT));
    }

    @Test
    void underTheLimitEveryProblemIsPrintedInOrder() {
        List<Diagnostic> few = new ArrayList<>();
        few.add(Diagnostic.error("a.md", 1, 1, "broken"));
        few.add(Diagnostic.warning("b.md", new Position(1, 1), "odd"));
        assertEquals(List.of("a.md:1:1: error: broken", "b.md:1:1: warning: odd"), Diagnostics.formatted(few));
    }

    @Test
    void countsSayOneOrMany() {
        assertEquals("1 page", Diagnostics.count(1, "page"));
        assertEquals("0 static files", Diagnostics.count(0, "static file"));
        assertEquals("16 pages", Diagnostics.count(16, "page"));
    }
}
