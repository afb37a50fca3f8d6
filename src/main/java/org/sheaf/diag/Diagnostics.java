package org.sheaf.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the diagnostics of one build. Safe to add to from many threads (pages render in
 * parallel); the reading methods return sorted snapshots, so output never depends on timing.
 */
public final class Diagnostics {
    /** At most this many diagnostics are printed; the rest are counted. */
    public static final int PRINT_LIMIT = 50;
    /** A problem repeated on many pages names at most this many of them. */
    public static final int PAGES_SHOWN = 3;
    private static final String IN = "in: ";

    private final ConcurrentLinkedQueue<Diagnostic> all = new ConcurrentLinkedQueue<>();
    private final boolean strict;

    /** A collector that keeps warnings as warnings. */
    public Diagnostics() {
        this(false);
    }

    private Diagnostics(boolean strict) {
        this.strict = strict;
    }

    /** A collector that turns every warning into an error, so that it stops the build ({@code --strict}). */
    public static Diagnostics strict() {
        return new Diagnostics(true);
    }

    /**
     * A count and its noun as a message to the writer says it: {@code 1 page}, {@code 2 pages},
     * {@code 0 static files}. Nouns here take a plain {@code s}.
     */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public void add(Diagnostic diagnostic) {
        all.add(strict ? diagnostic.asError() : diagnostic);
    }

    public void addAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** Every diagnostic so far, sorted by path, line, column; duplicates removed. */
    public List<Diagnostic> sorted() {
        return all.stream().distinct().sorted().toList();
    }

    /**
     * The printed report: one diagnostic per line (notes indented below it), at most
     * {@link #PRINT_LIMIT}, then {@code ... and N more} when some were left out. Where there
     * are more, errors are kept over warnings: warnings fill only what the errors leave of the
     * limit, so the problems that stopped a build are never crowded out by warnings sorted before
     * them.
     *
     * <p>A problem that differs only in the page being rendered (its last {@code in:} note), as
     * when one layout fails for every page that uses it, is printed once, with one {@code in:}
     * line per page, sorted: all of them when at most one more than {@link #PAGES_SHOWN}, else
     * {@link #PAGES_SHOWN} and then {@code ... and N more pages}.
     */
    public static List<String> formatted(List<Diagnostic> diagnostics) {
        Map<Diagnostic, List<String>> pagesByProblem = new LinkedHashMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            List<String> notes = diagnostic.notes();
            String last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
            if (last != null && last.startsWith(IN)) {
                Diagnostic problem = new Diagnostic(diagnostic.path(), diagnostic.position(), diagnostic.severity(),
                        diagnostic.message(), notes.subList(0, notes.size() - 1));
                pagesByProblem.computeIfAbsent(problem, k -> new ArrayList<>()).add(last);
            } else {
                pagesByProblem.computeIfAbsent(diagnostic, k -> new ArrayList<>());
            }
        }
        List<String> lines = new ArrayList<>();
        long errors = pagesByProblem.keySet().stream().filter(Diagnostic::isError).count();
        long warningsShown = Math.max(0, PRINT_LIMIT - errors);
        int shown = 0;
        int errorsShown = 0;
        for (Map.Entry<Diagnostic, List<String>> entry : pagesByProblem.entrySet()) {
            boolean error = entry.getKey().isError();
            if (error ? errorsShown == PRINT_LIMIT : shown - errorsShown == warningsShown) {
                continue;
            }
            shown++;
            errorsShown += error ? 1 : 0;
            StringBuilder out = new StringBuilder(entry.getKey().format());
            List<String> pages = entry.getValue().stream().distinct().sorted().toList();
            int limit = pages.size() > PAGES_SHOWN + 1 ? PAGES_SHOWN : pages.size();
            for (String page : pages.subList(0, limit)) {
                out.append("\n    ").append(page);
            }
            if (pages.size() > limit) {
                out.append("\n    ... and ").append(pages.size() - limit).append(" more pages");
            }
            lines.add(out.toString());
        }
        if (pagesByProblem.size() > shown) {
            lines.add("... and " + (pagesByProblem.size() - shown) + " more");
        }
        return lines;
    }
}
