package org.sheaf.output;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
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
        TreeMap<String, byte[]> next = new TreeMap<>();
        for (OutputFile file : plan.files()) {
            next.put(file.path(), file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom()));
        }
        files = Collections.unmodifiableMap(next);
    }

    @Override
    public void patch(java.util.List<OutputFile> changed) throws IOException {
        TreeMap<String, byte[]> next = new TreeMap<>(files);
        for (OutputFile file : changed) {
            next.put(file.path(), file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom()));
        }
        files = Collections.unmodifiableMap(next);
    }

    /** The site of the last successful write, sorted by path; the arrays must not be changed. */
    public Map<String, byte[]> files() {
        return files;
    }
}
