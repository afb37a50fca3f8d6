package org.sheaf.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the diagnostics of one build. Safe to add to from many threads (pages render in
 * parallel); the reading methods return sorted snapshots, so output never depends on timing.
 */
public final class Diagnostics {
    /** At most this many diagnostics are printed; the rest are counted. */
    public static final int PRINT_LIMIT = 50;

    private final ConcurrentLinkedQueue<Diagnostic> all = new ConcurrentLinkedQueue<>();

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public void addAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(all::add);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) all.stream().filter(Diagnostic::isError).count();
    }

    /** Every diagnostic so far, sorted by path, line, column; duplicates removed. */
    public List<Diagnostic> sorted() {
        return all.stream().distinct().sorted().toList();
    }

    /**
     * The printed report: one diagnostic per line (notes indented below it), at most
     * {@link #PRINT_LIMIT}, then {@code ... and N more} when some were left out.
     */
    public static List<String> formatted(List<Diagnostic> diagnostics) {
        List<String> lines = new ArrayList<>();
        int shown = Math.min(diagnostics.size(), PRINT_LIMIT);
        for (int i = 0; i < shown; i++) {
            lines.add(diagnostics.get(i).format());
        }
        if (diagnostics.size() > shown) {
            lines.add("... and " + (diagnostics.size() - shown) + " more");
        }
        return lines;
    }
}
