package org.sheaf.serve;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.sheaf.output.MemorySink;
import org.sheaf.output.OutputFile;
import org.sheaf.output.OutputPlan;
import org.sheaf.output.OutputSink;

/**
 * Keeps a build in memory with the source of every file, for the dev server (which serves it)
 * and for {@code sheaf check} (which reports a broken link at the source that holds it). The
 * bytes are exactly those {@link org.sheaf.output.DirectorySink} would write: both sinks write
 * the same {@link OutputPlan}, and static files are read from the same sources.
 */
public final class SnapshotSink implements OutputSink {
    private final MemorySink memory = new MemorySink();
    private volatile SiteSnapshot snapshot = SiteSnapshot.EMPTY;

    @Override
    public void write(OutputPlan plan) throws IOException {
        memory.write(plan);
        Map<String, String> origins = new TreeMap<>();
        for (OutputFile file : plan.files()) {
            origins.put(file.path(), file.origin());
        }
        snapshot = new SiteSnapshot(new TreeMap<>(memory.files()), origins);
    }

    /** The site of the last successful write; {@link SiteSnapshot#EMPTY} before the first. */
    public SiteSnapshot snapshot() {
        return snapshot;
    }
}
