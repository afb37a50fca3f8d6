package org.sheaf.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.sheaf.output.OutputFile;
import org.sheaf.output.OutputPlan;
import org.sheaf.output.OutputSink;

/**
 * Brings a destination folder to a plan by touching only what differs: a file is written (to a
 * sibling, then renamed over the old one) only when its bytes differ from what is there, and a
 * file the plan does not hold is deleted, except under {@code keep_files}. What {@code sheaf build
 * --incremental} writes with, so an edit to one page rewrites one file and the mtimes of the
 * others (which rsync and web servers look at) stay as they were.
 *
 * <p>Unlike {@link org.sheaf.output.DirectorySink} the update is per file, not one swap: a build
 * killed half-way leaves some files new and some old, and the next build puts them right.
 * Symbolic links are never followed when deleting.
 */
final class ChangedFileSink implements OutputSink {
    private final Path destination;
    private final List<String> keepFiles;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();

    /** @param keepFiles Jekyll's {@code keep_files}, relative to the destination */
    ChangedFileSink(Path destination, List<String> keepFiles) {
        this.destination = destination.toAbsolutePath().normalize();
        this.keepFiles = keepFiles.stream().map(entry -> entry.replaceAll("^/+|/+$", ""))
                .filter(entry -> !entry.isEmpty()).toList();
    }

    /** Files written by the last {@link #write}. */
    int written() {
        return written.get();
    }

    /** Files deleted by the last {@link #write}. */
    int deleted() {
        return deleted.get();
    }

    @Override
    public void write(OutputPlan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("the plan has problems; refusing to write it: " + plan.problems());
        }
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("destination " + destination + " is not a folder");
        }
        written.set(0);
        deleted.set(0);
        Files.createDirectories(destination);
        Set<String> planned = new HashSet<>();
        for (OutputFile file : plan.files()) {
            planned.add(file.path());
        }
        try {
            plan.files().parallelStream().forEach(file -> {
                try {
                    update(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        deleteOthers(planned);
    }

    private void update(OutputFile file) throws IOException {
        Path target = destination.resolve(file.path());
        byte[] bytes = file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom());
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            org.sheaf.output.DirectorySink.deleteTree(target);
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".sheaf-new");
        Files.write(temporary, bytes);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
    }

    private void deleteOthers(Set<String> planned) throws IOException {
        List<Path> emptied = new ArrayList<>();
        Files.walkFileTree(destination, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return kept(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(file);
                if (!planned.contains(relative) && !kept(file)) {
                    Files.delete(file);
                    deleted.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (!dir.equals(destination)) {
                    emptied.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path dir : emptied) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private boolean kept(Path path) {
        String relative = relative(path);
        return keepFiles.stream().anyMatch(entry -> relative.equals(entry) || relative.startsWith(entry + "/"));
    }

    private String relative(Path path) {
        return destination.relativize(path).toString().replace('\\', '/');
    }
}
