package org.sheaf.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.sheaf.diag.Diagnostic;

/**
 * Every file a build will write, collected before anything touches the disk.
 *
 * <p>Thread-safe: pages are rendered in parallel and each adds its own files. The reading methods
 * return sorted snapshots, so what they say never depends on the order in which threads ran.
 *
 * <p>Paths are checked as they are added (see {@link OutputPaths} for the rules): a path that could
 * reach outside the destination, or that a file system or web server would read differently
 * from how it is written, is recorded as a problem and never becomes a file. A path claimed by
 * more than one origin is a problem too, and none of the claims is written, because picking one
 * would silently lose a page. So is a file whose path another file needs as a folder
 * ({@code a} and {@code a/b}); the folder wins and the file is the one reported.
 */
public final class OutputPlan {
    /** The content of a file written already: a marker, compared by identity, never written. */
    private static final byte[] WRITTEN = new byte[0];

    private final Map<String, Queue<OutputFile>> claims = new ConcurrentHashMap<>();
    private final Queue<Diagnostic> unsafe = new ConcurrentLinkedQueue<>();
    /** Counts additions, so that a layout worked out before the latest one is not reused. */
    private final AtomicLong additions = new AtomicLong();
    private volatile Sorted sorted;
    private final Function<String, Optional<String>> reserved;

    /** A plan that may write anywhere inside the destination. */
    public OutputPlan() {
        this(path -> Optional.empty());
    }

    /**
     * A plan that refuses the paths {@code reserved} gives a reason for (the site's {@code .git}
     * and {@code keep_files} places), as problems at the file's origin.
     */
    public OutputPlan(Function<String, Optional<String>> reserved) {
        this.reserved = Objects.requireNonNull(reserved, "reserved");
    }

    /** Adds a file with the given content; {@code origin} is the source file, relative to the site root. */
    public void addBytes(String path, byte[] bytes, String origin) {
        Objects.requireNonNull(bytes, "bytes");
        add(path, bytes, null, origin);
    }

    /**
     * Records a file that a {@link DirectorySink.Staging} writes straight away: it takes part in
     * {@link #problems()} like any other, but is not among {@link #files()}, which are the files
     * still to write.
     *
     * @return the normalised path to write, or empty when the path is unsafe (then a problem)
     */
    Optional<String> addWritten(String path, String origin) {
        return add(path, WRITTEN, null, origin);
    }

    /** Adds a file to be copied from {@code copyFrom}; {@code origin} is the source file, relative to the site root. */
    public void addCopy(String path, Path copyFrom, String origin) {
        Objects.requireNonNull(copyFrom, "copyFrom");
        add(path, null, copyFrom, origin);
    }

    private Optional<String> add(String path, byte[] bytes, Path copyFrom, String origin) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        OutputPaths.Verdict verdict = OutputPaths.check(path);
        if (!verdict.safe()) {
            unsafe.add(Diagnostic.error(origin, 1, 1,
                    "output path " + OutputPaths.quoted(path) + " " + verdict.refusal()));
            additions.incrementAndGet();
            return Optional.empty();
        }
        Optional<String> refusal = reserved.apply(verdict.path());
        if (refusal.isPresent()) {
            unsafe.add(Diagnostic.error(origin, 1, 1, "output path " + OutputPaths.quoted(path) + " " + refusal.get()));
            additions.incrementAndGet();
            return Optional.empty();
        }
        OutputFile file = new OutputFile(verdict.path(), bytes, copyFrom, origin);
        claims.computeIfAbsent(verdict.path(), p -> new ConcurrentLinkedQueue<>()).add(file);
        additions.incrementAndGet();
        return Optional.of(verdict.path());
    }

    /**
     * The plan's problems, sorted: unsafe paths ({@code output path "../x" is outside the
     * destination}), paths claimed by several origins ({@code output "about/index.html" is written
     * by 2 inputs: about.html, about.md}, reported at the first origin in sorted order, which are
     * also listed in sorted order), and files standing where a folder must be.
     */
    public List<Diagnostic> problems() {
        List<Diagnostic> problems = new ArrayList<>(unsafe);
        Layout layout = layout();
        for (Map.Entry<String, TreeSet<String>> contested : layout.contested.entrySet()) {
            TreeSet<String> origins = contested.getValue();
            problems.add(Diagnostic.error(origins.first(), 1, 1, "output \"" + contested.getKey()
                    + "\" is written by " + origins.size() + " inputs: " + String.join(", ", origins)));
        }
        for (Map.Entry<OutputFile, OutputFile> blocked : layout.blockedBy.entrySet()) {
            OutputFile file = blocked.getKey();
            OutputFile below = blocked.getValue();
            problems.add(Diagnostic.error(file.origin(), 1, 1, "output \"" + file.path()
                    + "\" is a file, but \"" + below.path() + "\" from " + below.origin()
                    + " needs it to be a folder"));
        }
        return problems.stream().distinct().sorted().toList();
    }

    /**
     * The files to write, sorted by path: only those whose path is safe and uncontested, and not
     * those a staging folder has written already.
     */
    public List<OutputFile> files() {
        return layout().files.values().stream().filter(file -> file.bytes() != WRITTEN).toList();
    }

    /** How many files {@link #files()} holds. */
    public int size() {
        return files().size();
    }

    /**
     * The claims sorted out into files to write and the two kinds of conflict, worked out once
     * per set of claims: {@link #problems()}, {@link #files()} and {@link #size()} all read it,
     * and sorting a 10,000-file plan three times showed in the profile of a dev-server rebuild.
     */
    private Layout layout() {
        long seen = additions.get();
        Sorted last = sorted;
        if (last != null && last.additions == seen) {
            return last.layout;
        }
        Layout layout = sortOut();
        sorted = new Sorted(seen, layout);
        return layout;
    }

    private Layout sortOut() {
        TreeMap<String, OutputFile> files = new TreeMap<>();
        TreeMap<String, TreeSet<String>> contested = new TreeMap<>();
        for (Map.Entry<String, Queue<OutputFile>> claim : claims.entrySet()) {
            TreeSet<String> origins = new TreeSet<>();
            OutputFile last = null;
            for (OutputFile file : claim.getValue()) {
                origins.add(file.origin());
                last = file;
            }
            if (origins.size() > 1) {
                contested.put(claim.getKey(), origins);
            } else {
                // One origin writing the same path twice is one input changing its mind: the
                // later write wins, as it would on disk. It happens on one thread, so it is ordered.
                files.put(claim.getKey(), last);
            }
        }
        TreeMap<OutputFile, OutputFile> blockedBy = new TreeMap<>(
                (a, b) -> a.path().compareTo(b.path()));
        for (OutputFile file : files.values()) {
            String path = file.path();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                OutputFile folder = files.get(path.substring(0, slash));
                if (folder != null) {
                    blockedBy.putIfAbsent(folder, file);
                }
            }
        }
        for (OutputFile blocked : blockedBy.keySet()) {
            files.remove(blocked.path());
        }
        return new Layout(files, contested, blockedBy);
    }

    /** A layout and the number of additions it was worked out from. */
    private record Sorted(long additions, Layout layout) {
    }

    private record Layout(TreeMap<String, OutputFile> files, TreeMap<String, TreeSet<String>> contested,
            TreeMap<OutputFile, OutputFile> blockedBy) {
    }
}
