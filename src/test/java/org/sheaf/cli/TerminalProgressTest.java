package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sheaf.pipeline.RenderProgress.Pass;

/** The progress line's decision, text and timing, on an injected clock and writer. */
class TerminalProgressTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final StringWriter err = new StringWriter();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(err), clock::get);

    @Test
    void showsOnlyOnAnInteractiveTerminalThatIsNotDumbAndNotWithQuiet() {
        assertTrue(TerminalProgress.wanted(true, false, "xterm-256color"));
        assertTrue(TerminalProgress.wanted(true, false, null));
        assertFalse(TerminalProgress.wanted(false, false, "xterm-256color"));
        assertFalse(TerminalProgress.wanted(true, true, "xterm-256color"));
        assertFalse(TerminalProgress.wanted(true, false, "dumb"));
    }

    @Test
    void theLineCountsContentAndThenLayouts() {
        assertEquals("sheaf: rendering pages: content 523/1000", TerminalProgress.line(523, 1000, 0, -1));
        assertEquals("sheaf: rendering pages: content 1000/1000, layouts 0/950", TerminalProgress.line(1000, 1000, 0, 950));
        assertEquals("sheaf: rendering pages: content 1000/1000, layouts 200/950",
                TerminalProgress.line(1000, 1000, 200, 950));
    }

    @Test
    void aBuildShorterThanHalfASecondDrawsNothing() {
        clock.addAndGet(499 * MS);
        progress.rendered(Pass.CONTENT, 1, 2);
        progress.rendered(Pass.CONTENT, 2, 2);
        progress.rendered(Pass.LAYOUTS, 2, 2);
        progress.erase();
        assertEquals("", err.toString());
    }

    @Test
    void drawsAfterHalfASecondAndRedrawsAtMostTenTimesASecond() {
        clock.addAndGet(500 * MS);
        progress.rendered(Pass.CONTENT, 3, 10);
        assertEquals("\rsheaf: rendering pages: content 3/10", err.toString());
        clock.addAndGet(99 * MS);
        progress.rendered(Pass.CONTENT, 4, 10);
        assertEquals("\rsheaf: rendering pages: content 3/10", err.toString());
        clock.addAndGet(MS);
        progress.rendered(Pass.CONTENT, 5, 10);
        assertEquals("\rsheaf: rendering pages: content 3/10\rsheaf: rendering pages: content 5/10", err.toString());
    }

    @Test
    void eachPassEndIsDrawnEvenWithinATenthOfASecond() {
        clock.addAndGet(500 * MS);
        progress.rendered(Pass.CONTENT, 9, 10);
        clock.addAndGet(10 * MS);
        progress.rendered(Pass.CONTENT, 10, 10);
        progress.rendered(Pass.LAYOUTS, 7, 8);
        progress.rendered(Pass.LAYOUTS, 8, 8);
        assertEquals("\rsheaf: rendering pages: content 9/10\rsheaf: rendering pages: content 10/10"
                + "\rsheaf: rendering pages: content 10/10, layouts 8/8", err.toString());
    }

    @Test
    void countsArrivingOutOfOrderNeverGoBackwards() {
        progress.rendered(Pass.CONTENT, 7, 10);
        clock.addAndGet(600 * MS);
        progress.rendered(Pass.CONTENT, 6, 10);
        assertEquals("\rsheaf: rendering pages: content 7/10", err.toString());
    }

    @Test
    void theLayoutPassJoinsTheLine() {
        clock.addAndGet(600 * MS);
        progress.rendered(Pass.CONTENT, 10, 10);
        progress.rendered(Pass.LAYOUTS, 1, 10);
        clock.addAndGet(100 * MS);
        progress.rendered(Pass.LAYOUTS, 2, 10);
        assertEquals("\rsheaf: rendering pages: content 10/10\rsheaf: rendering pages: content 10/10, layouts 2/10",
                err.toString());
    }

    @Test
    void eraseBlanksTheDrawnLineAndNothingIsDrawnAfter() {
        clock.addAndGet(700 * MS);
        progress.rendered(Pass.CONTENT, 1, 4);
        progress.erase();
        assertEquals("\rsheaf: rendering pages: content 1/4\r" + " ".repeat(35) + "\r", err.toString());
        clock.addAndGet(1_000 * MS);
        progress.rendered(Pass.CONTENT, 2, 4);
        assertEquals("\rsheaf: rendering pages: content 1/4\r" + " ".repeat(35) + "\r", err.toString());
    }
}
