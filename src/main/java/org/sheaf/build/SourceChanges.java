package org.sheaf.build;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What changed in a site's sources since the last build, as a file watcher saw it: the files
 * whose content changed, and whether any file or folder was added, removed or renamed (then the
 * source folder must be scanned again). Given to {@link IncrementalBuilder#build(BuildOptions,
 * org.sheaf.output.OutputSink, SourceChanges)} by {@code sheaf serve}, it lets a build trust
 * that every other file is as it last read it: such files are neither scanned nor read again.
 *
 * @param files      absolute, normalized paths of the files written to
 * @param structural whether a file or folder was created or deleted, or events were lost
 */
public record SourceChanges(Set<Path> files, boolean structural) {
    /** Nothing is known: every file must be read, and the site scanned. */
    public static final SourceChanges UNKNOWN = new SourceChanges(Set.of(), true);

    public SourceChanges {
        files = Set.copyOf(files);
    }

    /** The changes of this and {@code later} together. */
    public SourceChanges and(SourceChanges later) {
        Set<Path> all = new HashSet<>(files);
        all.addAll(later.files());
        return new SourceChanges(all, structural || later.structural());
    }
}
