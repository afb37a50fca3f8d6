package org.sheaf.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.sheaf.pipeline.RenderProgress;

/**
 * The progress line {@code sheaf build} keeps redrawing on a terminal while pages render:
 * {@code sheaf: rendering pages: content 523/1000}, then
 * {@code sheaf: rendering pages: content 1000/1000, layouts 200/950}.
 *
 * <p>Quick builds show nothing: the line appears only once the build has run for
 * {@link #DELAY_NANOS}, and is redrawn in place ({@code \r}) at most once per
 * {@link #INTERVAL_NANOS}, except that each pass's last page is always shown (so the line does not
 * sit at 9932/10001 while the site is written). {@link #erase()} blanks it before the summary, so
 * what stays on the screen (and in a log of the terminal) is the same as without it.
 *
 * <p>{@link #rendered} is called from the render stage's worker threads; it is thread-safe, and
 * between redraws it only updates two counters and reads the clock.
 */
final class TerminalProgress implements RenderProgress {
    /** How long a build runs before the line first appears: 0.5 s. */
    static final long DELAY_NANOS = 500_000_000L;
    /** The least time between two redraws: 0.1 s, so at most ten a second (and each pass's end). */
    static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final AtomicInteger contentDone = new AtomicInteger();
    private final AtomicInteger layoutsDone = new AtomicInteger();
    private volatile int contentTotal;
    private volatile int layoutsTotal = -1;
    /** The clock reading before which nothing is drawn at all. */
    private final long firstDraw;
    /** The clock reading before which nothing is redrawn, but a pass's last page. */
    private volatile long nextDraw;
    private boolean erased;
    private int drawnWidth;

    /**
     * @param err   where the line goes (standard error, so standard output stays the summary)
     * @param clock nanoseconds, as {@link System#nanoTime()}; read now as the build's start
     */
    TerminalProgress(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.firstDraw = clock.getAsLong() + DELAY_NANOS;
        this.nextDraw = firstDraw;
    }

    /**
     * Whether to show progress: only on an interactive terminal ({@code console}), not with
     * {@code --quiet}, and not when {@code TERM} is {@code dumb} (a terminal that cannot return
     * to the start of a line, as Emacs' shell buffers).
     */
    static boolean wanted(boolean console, boolean quiet, String term) {
        return console && !quiet && !"dumb".equals(term);
    }

    /** A display for this process's terminal, starting now; empty when {@link #wanted} says no. */
    static Optional<TerminalProgress> forThisTerminal(PrintWriter err, boolean quiet) {
        return wanted(System.console() != null, quiet, System.getenv("TERM"))
                ? Optional.of(new TerminalProgress(err, System::nanoTime)) : Optional.empty();
    }

    /** The line for these counts; {@code layoutsTotal} is negative while the layout pass has not begun. */
    static String line(int contentDone, int contentTotal, int layoutsDone, int layoutsTotal) {
        String line = "sheaf: rendering pages: content " + contentDone + "/" + contentTotal;
        return layoutsTotal < 0 ? line : line + ", layouts " + layoutsDone + "/" + layoutsTotal;
    }

    @Override
    public void rendered(Pass pass, int done, int total) {
        if (pass == Pass.CONTENT) {
            contentTotal = total;
            contentDone.accumulateAndGet(done, Math::max);
        } else {
            layoutsTotal = total;
            layoutsDone.accumulateAndGet(done, Math::max);
        }
        long now = clock.getAsLong();
        boolean last = done == total;
        if (now >= nextDraw || last && now >= firstDraw) {
            draw(last);
        }
    }

    /** Draws the line when it is time, or ({@code passEnded}) whenever the line shows at all. */
    private synchronized void draw(boolean passEnded) {
        long now = clock.getAsLong();
        if (erased || now < firstDraw || now < nextDraw && !passEnded) {
            return;
        }
        nextDraw = now + INTERVAL_NANOS;
        String line = line(contentDone.get(), contentTotal, layoutsDone.get(), layoutsTotal);
        // counts never go down and totals are fixed, so a line is never shorter than the last one
        err.print("\r" + line);
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    /** Blanks the line if one was drawn, leaving the cursor at the start of it; nothing is drawn after. */
    synchronized void erase() {
        erased = true;
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
