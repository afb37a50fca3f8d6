package org.sheaf.output;

import java.io.IOException;

/**
 * Where a finished {@link OutputPlan} goes: a folder on disk ({@link DirectorySink}) or memory
 * ({@link MemorySink}). A sink writes {@link OutputPlan#files()}; it refuses a plan that still has
 * {@link OutputPlan#problems()}, because a plan with dropped files is not the site the writer made.
 */
public interface OutputSink {
    /**
     * Writes every file of the plan, replacing whatever this sink held before.
     *
     * @throws IllegalArgumentException when the plan has problems (the caller should have stopped)
     * @throws IOException              when writing fails; what the sink held before is then unchanged
     */
    void write(OutputPlan plan) throws IOException;
}
