package org.sheaf.incremental;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.sheaf.pipeline.BuildOptions;

/**
 * What changed in a site's sources since the last build, as a file watcher saw it. Given to
 * {@link IncrementalBuilder#build(BuildOptions, org.sheaf.output.OutputSink, SourceChanges)} by
 * {@code sheaf serve}, it lets a build trust that every other file is as it last read it: such
 * files are not read again, and the last scan is kept when no file came or went.
 *
 * @param files   absolute, normalized paths of the files written to, created or deleted
 * @param entries of those, the files created or deleted (an editor's save by rename creates its
 *                file anew; a temporary file comes and goes)
 * @param lost    whether events were lost or a folder was created, deleted or moved: then nothing
 *                is trusted and the site is scanned again
 */
public record SourceChanges(Set<Path> files, Set<Path> entries, boolean lost) {
    /** Nothing is known: every file must be read, and the site scanned. */
    public static final SourceChanges UNKNOWN = new SourceChanges(Set.of(), Set.of(), true);
    /** Nothing changed. */
    public static final SourceChanges NONE = new SourceChanges(Set.of(), Set.of(), false);

    public SourceChanges {
        files = Set.copyOf(files);
        entries = Set.copyOf(entries);
    }

    /** Files written to in place, nothing created, deleted or lost. */
    public static SourceChanges written(Set<Path> files) {
        return new SourceChanges(files, Set.of(), false);
    }

    /** The changes of this and {@code later} together. */
    public SourceChanges and(SourceChanges later) {
        Set<Path> all = new HashSet<>(files);
        all.addAll(later.files());
        Set<Path> comeAndGone = new HashSet<>(entries);
        comeAndGone.addAll(later.entries());
        return new SourceChanges(all, comeAndGone, lost || later.lost());
    }
}
