package org.sheaf.output;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a build in memory with the source of every file, for the dev server (which serves it)
 * and for {@code sheaf check} (which reports a broken link at the source that holds it). The
 * bytes are exactly those {@link DirectorySink} would write: both sinks write
 * the same {@link OutputPlan}, and static files are read from the same sources.
 *
 * <p>An edit that changed a few files can {@link #patch} them into the site it replaces instead.
 * Given the site it replaces, the sink also notes which paths changed (added, removed, or
 * other bytes), for the dev server's reload message, and keeps the old array of every file whose
 * bytes are the same, so two builds of a large site do not hold two copies of it.
 */
public final class SnapshotSink implements PatchableSink {
    private final SiteSnapshot before;
    private volatile SiteSnapshot snapshot = SiteSnapshot.EMPTY;
    private volatile Set<String> changed = Set.of();

    /** A sink with nothing to compare with: every path counts as changed. */
    public SnapshotSink() {
        this(SiteSnapshot.EMPTY);
    }

    /** A sink that compares what it is given with {@code before}, the site it will replace. */
    public SnapshotSink(SiteSnapshot before) {
        this.before = before;
    }

    @Override
    public void write(OutputPlan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("the plan has problems; refusing to write it: " + plan.problems());
        }
        List<OutputFile> files = plan.files();
        Map<String, byte[]> bytes = new HashMap<>(files.size() * 2);
        Map<String, String> origins = new HashMap<>(files.size() * 2);
        Set<String> different = put(files, bytes, origins);
        for (String path : before.files().keySet()) {
            if (!bytes.containsKey(path)) {
                different.add(path);
            }
        }
        snapshot = new SiteSnapshot(bytes, origins);
        changed = Set.copyOf(different);
    }

    @Override
    public void patch(List<OutputFile> files) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>(before.files());
        // the origins map is shared with the site replaced unless a path is new or has a new origin
        Map<String, String> origins = files.stream()
                .allMatch(file -> file.origin().equals(before.origins().get(file.path())))
                ? before.origins() : new HashMap<>(before.origins());
        Set<String> different = put(files, bytes, origins);
        snapshot = new SiteSnapshot(bytes, origins);
        changed = Set.copyOf(different);
    }

    /**
     * Puts {@code files} into {@code bytes} and {@code origins}, each file as the very array the
     * site replaced held when its bytes are the same; returns the paths whose bytes differ from it.
     */
    private Set<String> put(List<OutputFile> files, Map<String, byte[]> bytes, Map<String, String> origins)
            throws IOException {
        Set<String> different = new HashSet<>();
        for (OutputFile file : files) {
            byte[] now = file.content();
            byte[] old = before.files().get(file.path());
            boolean same = old != null && Arrays.equals(old, now);
            bytes.put(file.path(), same ? old : now);
            if (!same) {
                different.add(file.path());
            }
            if (!file.origin().equals(origins.get(file.path()))) {
                origins.put(file.path(), file.origin());
            }
        }
        return different;
    }

    /** The site of the last successful write; {@link SiteSnapshot#EMPTY} before the first. */
    public SiteSnapshot snapshot() {
        return snapshot;
    }

    /** The paths the last successful write added, removed or changed, compared with the site it replaces. */
    public Set<String> changed() {
        return changed;
    }
}
