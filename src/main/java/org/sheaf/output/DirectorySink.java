package org.sheaf.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;

/**
 * Writes a plan into a destination folder so that the folder always holds one complete site:
 * the previous one or the new one, never a mixture, whatever happens to the process.
 *
 * <h2>How</h2>
 * Beside the destination {@code D} (same parent, so the same file system) live two folders this
 * sink owns: the staging folder {@code .D.sheaf-staging} and the old-copy folder
 * {@code .D.sheaf-old}. A write
 * <ol>
 *   <li><b>recovers</b> from a build that was killed earlier (see {@link #recover()});</li>
 *   <li>writes every file of the plan into a fresh staging folder, in parallel;</li>
 *   <li>copies the {@code keep_files} entries from the current destination into staging, unless
 *       the plan wrote the same path;</li>
 *   <li><b>swaps</b>: renames {@code D} to the old-copy, renames staging to {@code D}, deletes the
 *       old-copy. When {@code D} does not exist the second rename is the whole swap.</li>
 * </ol>
 *
 * <h2>Why it is safe</h2>
 * Renames within one folder are atomic ({@code rename(2)}; {@code ATOMIC_MOVE} is asked for, and a
 * plain move is used only where the file system cannot promise atomicity). So at any instant the
 * pair (destination, old-copy) is in one of these states, and each has one meaning:
 * <ul>
 *   <li>destination present: it is a complete site (old before the swap, new after it). A staging
 *       folder beside it is an unfinished next site; an old-copy beside it is a previous site whose
 *       deletion was interrupted. Both are debris and are deleted.</li>
 *   <li>destination absent, old-copy present: the process died between the two renames. The
 *       old-copy is the complete previous site and is renamed back.</li>
 *   <li>both absent: there never was a site; staging, if any, is unfinished and is deleted.</li>
 * </ul>
 * A failure this process sees (an unreadable copy source, a path the file system refuses) is
 * handled the same way before the swap: staging is deleted and the destination was never touched.
 * If the second rename fails, the first is undone.
 *
 * <h2>What is never touched</h2>
 * The only folders ever deleted are the two owned siblings, by exactly those names; the previous
 * destination is only ever renamed, and deleted under the old-copy name. Deleting a tree never
 * follows a symbolic link: a link is deleted as a file, so a link inside an old site pointing at
 * someone's documents removes the link, not the documents. {@code keep_files} entries are copied
 * without following links, and an entry reached through a linked folder (so that its real place is
 * outside the destination) is not copied at all. Nothing else outside the destination is written.
 *
 * <h2>Leftovers that cannot be deleted</h2>
 * An old copy or staging folder holding something the process may not delete (a read-only
 * folder, an immutable file) is renamed aside to {@code .D.sheaf-old-MILLIS} (or
 * {@code -staging-MILLIS}) and reported as a note; it never blocks a later swap. After the second
 * rename the new site is in place, so nothing after it is a failure of the write.
 *
 * <h2>Limits</h2>
 * Files are not {@code fsync}ed, so a power failure (unlike a killed process) may leave recently
 * written files empty. Two processes writing the same destination at once must not: callers hold
 * the {@link DestinationLock}. Between the two renames the destination does not exist, for as long
 * as two {@code rename(2)} calls take; a process killed in that window leaves the previous site
 * whole under the old-copy name, and the next write puts it back.
 * A destination that is itself a mount point cannot be renamed and fails with an
 * {@link IOException} before anything is changed. Where the path is refused by the caller's
 * {@link DestinationGuard} is the caller's business; this class trusts its destination.
 */
public final class DirectorySink implements OutputSink {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** The reason the JDK gives for {@code ENAMETOOLONG}. */
    private static final String NAME_TOO_LONG = "File name too long";

    private final Path destination;
    private final Path staging;
    private final Path oldCopy;
    private final List<String> keepFiles;

    /**
     * @param destination the folder to replace; it need not exist, but its parent must be a folder
     * @param keepFiles   Jekyll's {@code keep_files}: paths relative to the destination
     *                    ({@code .git}, {@code CNAME}) carried over from the previous destination;
     *                    a folder keeps everything below it. Leading and trailing {@code /} are
     *                    ignored; entries that could reach outside the destination are ignored.
     */
    public DirectorySink(Path destination, List<String> keepFiles) {
        this.destination = destination.toAbsolutePath().normalize();
        Path parent = this.destination.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the filesystem root cannot be a destination");
        }
        String name = this.destination.getFileName().toString();
        this.staging = parent.resolve("." + name + ".sheaf-staging");
        this.oldCopy = parent.resolve("." + name + ".sheaf-old");
        List<String> kept = new ArrayList<>();
        for (String entry : keepFiles) {
            String trimmed = entry.replaceAll("^/+|/+$", "");
            OutputPaths.Verdict verdict = OutputPaths.check(trimmed);
            if (verdict.safe()) {
                kept.add(verdict.path());
            }
        }
        this.keepFiles = List.copyOf(kept);
    }

    /** The staging folder this sink owns beside the destination. */
    public Path stagingFolder() {
        return staging;
    }

    /** The old-copy folder this sink owns beside the destination. */
    public Path oldCopyFolder() {
        return oldCopy;
    }

    @Override
    public void write(OutputPlan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("the plan has problems; refusing to write it: " + plan.problems());
        }
        try (Staging staging = stage(plan)) {
            staging.commit();
        }
    }

    /**
     * Opens a fresh staging folder for {@code plan}, so that a build can write its pages while it
     * renders them ({@link Staging#put}) instead of holding every page in memory until the end.
     * The destination is untouched until {@link Staging#commit()}; closing an uncommitted staging
     * deletes it. {@link #recover()} runs first.
     */
    public Staging stage(OutputPlan plan) throws IOException {
        if (Files.exists(destination, NOFOLLOW) && !Files.isDirectory(destination)) {
            throw new IOException("destination " + destination + " is not a folder");
        }
        List<String> notes = recover();
        Files.createDirectories(staging);
        return new Staging(plan, notes);
    }

    /**
     * A staging folder being filled: files put now, the rest of the plan at {@link #commit()},
     * then the swap. Not reusable.
     */
    public final class Staging implements AutoCloseable {
        private final OutputPlan plan;
        private final List<String> notes;
        private final AtomicReference<IOException> failure = new AtomicReference<>();
        private boolean done;

        private Staging(OutputPlan plan, List<String> notes) {
            this.plan = plan;
            this.notes = new ArrayList<>(notes);
        }

        /**
         * Writes one file into staging now and records it in the plan, where it takes part in the
         * checks like any other file. Thread-safe. An unsafe path is only recorded (the plan
         * reports it); a failed write is kept and thrown by {@link #commit()}, where the plan's own
         * problems, which usually explain it (two pages on one path, a file where a folder must
         * be), are reported first.
         */
        public void put(String path, byte[] bytes, String origin) {
            plan.addWritten(path, origin).ifPresent(safePath -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    writeOne(new OutputFile(safePath, bytes, null, origin));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IOException("cannot write \"" + safePath + "\": " + e, e));
                }
            });
        }

        /**
         * Writes the rest of the plan and the {@code keep_files} entries, then swaps the staging
         * folder in as the destination.
         *
         * @return what the writer should know although the new site is in place: a previous site
         *         or a leftover of an earlier build that could not be deleted (and where it is now)
         * @throws IllegalArgumentException when the plan has problems (the caller should have stopped)
         * @throws IOException              when writing fails; the message says where the previous
         *                                  site is (unchanged, unless even undoing the swap failed)
         */
        public List<String> commit() throws IOException {
            if (!plan.problems().isEmpty()) {
                throw new IllegalArgumentException("the plan has problems; refusing to write it: " + plan.problems());
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            writeFiles(plan.files());
            copyKeptFiles();
            done = true;
            swap().ifPresent(notes::add);
            return List.copyOf(notes);
        }

        /** Deletes the staging folder unless it was committed; a folder left behind is deleted by the next build. */
        @Override
        public void close() {
            if (!done) {
                done = true;
                try {
                    deleteTree(staging);
                } catch (IOException | RuntimeException e) {
                    // Left behind as debris; the next build's recover() deletes it.
                }
            }
        }
    }

    /**
     * Brings the destination back to one complete site after a build that was killed: when the
     * destination is missing but the old-copy is there, the build died between the two renames of
     * the swap, and the old-copy is renamed back. Then leftover staging and old-copy folders are
     * deleted. Does nothing when there is nothing to recover. {@link #write} calls this first.
     */
    public List<String> recover() throws IOException {
        if (!Files.exists(destination, NOFOLLOW) && Files.isDirectory(oldCopy, NOFOLLOW)) {
            move(oldCopy, destination);
        }
        List<String> notes = new ArrayList<>();
        clearAway(staging, "an unfinished site left by an earlier build").ifPresent(notes::add);
        clearAway(oldCopy, "a previous site left by an earlier build").ifPresent(notes::add);
        return notes;
    }

    /**
     * Deletes {@code leftover}, or, when something in it cannot be deleted (a read-only folder,
     * an immutable file), renames it out of the way to a name of its own, so that it blocks no
     * later swap, and says so. Empty when there was nothing to do or deleting worked.
     *
     * @throws IOException when it can be neither deleted nor renamed
     */
    private Optional<String> clearAway(Path leftover, String what) throws IOException {
        try {
            deleteTree(leftover);
            return Optional.empty();
        } catch (IOException e) {
            Path aside = leftover.resolveSibling(leftover.getFileName() + "-" + System.currentTimeMillis());
            try {
                move(leftover, aside);
            } catch (IOException notMoved) {
                notMoved.addSuppressed(e);
                throw new IOException("cannot delete or move " + what + " (" + leftover + "): " + reason(e), notMoved);
            }
            return Optional.of("could not delete " + what + " (" + reason(e) + "); it was moved to " + aside
                    + ", delete it by hand");
        }
    }

    /** The operating system's reason, with the file it concerns ({@code /x/y: Permission denied}). */
    private static String reason(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException fs ? fs.getFile() : null;
        return (file == null ? "" : file + ": ") + OsReason.of(e);
    }

    /**
     * Writes the files in parallel. No task throws: a failure is recorded and the remaining tasks
     * skip their work, so when this returns every writer has stopped, and deleting staging
     * cannot race a writer that is still creating folders in it.
     */
    private void writeFiles(List<OutputFile> files) throws IOException {
        AtomicReference<IOException> failure = new AtomicReference<>();
        files.parallelStream().forEach(file -> {
            if (failure.get() != null) {
                return;
            }
            try {
                writeOne(file);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException("cannot write \"" + file.path() + "\": " + e, e));
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void writeOne(OutputFile file) throws IOException {
        Path target = staging.resolve(file.path()).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            // OutputPlan only hands out checked paths; this is a second lock on the same door.
            throw new IOException("output path \"" + file.path() + "\" is outside the destination");
        }
        try {
            Files.createDirectories(target.getParent());
            file.writeTo(target);
        } catch (OutputFile.SourceProblem e) {
            throw e;
        } catch (FileSystemException e) {
            if (NAME_TOO_LONG.equals(e.getReason())) {
                throw new OutputFile.SourceProblem(Diagnostic.error(file.origin(), Position.FILE,
                        "output path \"" + file.path() + "\" is too long for the file system (File name too long)")
                        .withHint("set a shorter permalink or file name"));
            }
            throw new IOException("cannot write \"" + file.path() + "\" (from " + file.origin() + "): "
                    + OsReason.of(e), e);
        } catch (IOException e) {
            throw new IOException("cannot write \"" + file.path() + "\" (from " + file.origin() + "): "
                    + OsReason.of(e), e);
        }
    }

    /** Copies each keep_files entry that exists in the destination into staging. */
    private void copyKeptFiles() throws IOException {
        if (keepFiles.isEmpty() || !Files.isDirectory(destination)) {
            return;
        }
        Path realDestination = destination.toRealPath();
        for (String entry : keepFiles) {
            Path from = destination.resolve(entry);
            if (!Files.exists(from, NOFOLLOW)) {
                continue;
            }
            // The entry itself may be a link (copied as a link); the folders leading to it may not.
            Path realParent = from.getParent().toRealPath();
            if (!realParent.startsWith(realDestination)) {
                continue;
            }
            Path realEntry = realParent.resolve(from.getFileName());
            copyTreeWithoutLinks(realEntry, staging.resolve(realDestination.relativize(realEntry).toString()));
        }
    }

    /**
     * Copies a tree, links as links. What the plan wrote wins: a kept file whose path the plan
     * wrote, or whose folder (at any level) the plan wrote as a file, is skipped.
     */
    private void copyTreeWithoutLinks(Path from, Path to) throws IOException {
        Path root = staging;
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (fileInTheWay(root, target)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (!Files.exists(target, NOFOLLOW) && !fileInTheWay(root, target.getParent())) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, NOFOLLOW, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether {@code folder} or one of its ancestors below {@code root} exists as something other than a folder. */
    private static boolean fileInTheWay(Path root, Path folder) {
        for (Path p = folder; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.exists(p, NOFOLLOW) && !Files.isDirectory(p, NOFOLLOW)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Exchanges staging and the destination in one step where the system can ({@link RenameExchange}),
     * then deletes the previous site from staging. Elsewhere it renames the destination to the old
     * copy and staging to the destination, then deletes the old copy: a kill between those two
     * renames leaves the previous site whole in the old copy, and the next write puts it back.
     * Once the new site is in place, a previous site that cannot be deleted is a note, never a failure.
     *
     * @return a note when the previous site could not be deleted
     * @throws IOException before the new site is in place; its message says where the previous
     *                     site is
     */
    private Optional<String> swap() throws IOException {
        if (!Files.exists(destination, NOFOLLOW)) {
            move(staging, destination);
            return Optional.empty();
        }
        if (Files.isDirectory(destination, NOFOLLOW) && RenameExchange.swap(staging, destination)) {
            // one step: the new site is in place, and the staging folder holds the previous one
            try {
                move(staging, oldCopy);
                return clearAway(oldCopy, "the previous site").map(note -> "the new site is in place, but " + note);
            } catch (IOException e) {
                return Optional.of("the new site is in place, but the previous site could not be removed ("
                        + reason(e) + "); the next build removes it");
            }
        }
        try {
            move(destination, oldCopy);
        } catch (IOException e) {
            deleteQuietly(staging, e);
            throw new IOException("cannot move the previous site aside to put the new one in place: " + reason(e)
                    + "; the previous site is unchanged", e);
        }
        try {
            move(staging, destination);
        } catch (IOException e) {
            try {
                move(oldCopy, destination);
            } catch (IOException undo) {
                e.addSuppressed(undo);
                throw new PreviousSiteAside("cannot put the new site in place: " + reason(e) + "; the previous site "
                        + "could not be put back either (" + reason(undo) + "): it is in " + oldCopy
                        + ", and the next build puts it back", e);
            }
            throw new IOException("cannot put the new site in place: " + reason(e)
                    + "; the previous site is unchanged", e);
        }
        return clearAway(oldCopy, "the previous site").map(note -> "the new site is in place, but " + note);
    }

    /**
     * The one failure after which the destination holds no site: neither the new site nor the
     * previous one could be renamed into it; the previous one is whole in the old copy, which the
     * next write puts back.
     */
    public static final class PreviousSiteAside extends IOException {
        PreviousSiteAside(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path tree, Throwable failure) {
        try {
            deleteTree(tree);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Deletes a tree without following links: a link (to a file or a folder) is deleted itself.
     * Missing trees and entries that vanish meanwhile are fine. {@code sheaf clean} uses it too.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, NOFOLLOW)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return "DirectorySink[" + destination + "]";
    }

    Path destination() {
        return destination;
    }
}
