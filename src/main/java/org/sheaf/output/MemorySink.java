package org.sheaf.output;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the written site in memory, keyed by output path: for tests, and for the dev server,
 * which serves a build without touching the disk. Each {@link #write} replaces the whole site at
 * once, and each {@link #patch} only the files it is given; a write or patch that fails (a copy
 * source that cannot be read) leaves the previous site in place.
 * Safe to read from one thread while another writes.
 */
public final class MemorySink implements PatchableSink {
    private volatile Map<String, byte[]> files = Map.of();

    @Override
    public void write(OutputPlan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("the plan has problems; refusing to write it: " + plan.problems());
        }
        files = with(new TreeMap<>(), plan.files());
    }

    @Override
    public void patch(List<OutputFile> changed) throws IOException {
        files = with(new TreeMap<>(files), changed);
    }

    /** {@code site} with {@code added} put in, read-only; nothing is kept when a copy cannot be read. */
    private static Map<String, byte[]> with(TreeMap<String, byte[]> site, List<OutputFile> added) throws IOException {
        for (OutputFile file : added) {
            site.put(file.path(), file.content());
        }
        return Collections.unmodifiableMap(site);
    }

    /** The site of the last successful write, sorted by path; the arrays must not be changed. */
    public Map<String, byte[]> files() {
        return files;
    }
}
