package org.sheaf.output;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings a destination folder to a plan by touching only what differs: a file is written (to a
 * sibling, then renamed over the old one) only when its bytes differ from what is there, and a
 * file the plan does not hold is deleted, except under {@code keep_files}. What {@code sheaf build
 * --incremental} writes with, so an edit to one page rewrites one file and the mtimes of the
 * others (which rsync and web servers look at) stay as they were.
 *
 * <p>Comparing means reading every old file, which at thousands of pages costs more than the
 * rest of an incremental build. So the sink is told which files the last build left (their
 * {@link FileStamp}s) and which planned files carry the same text as last time (the
 * pages whose output the build took from its state, by output path and source): such a file is
 * not read when it is still there with the size and modification time the last build saw, its
 * origin unchanged. Anything else is compared byte for byte. Only a hand edit of an output file
 * that keeps its size and its modification time (to the file system's clock tick) would go
 * unseen, which is what {@code make} and rsync's quick check assume too.
 *
 * <p>Unlike {@link DirectorySink} the update is per file, not one swap: a build
 * killed half-way leaves some files new and some old, and the next build puts them right.
 * Symbolic links are never followed when deleting.
 */
public final class ChangedFileSink implements OutputSink {
    private final Path destination;
    private final List<String> keepFiles;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger trusted = new AtomicInteger();
    private final Map<String, FileStamp> previous;
    private final Map<String, String> unchanged;
    private final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();

    /** @param keepFiles Jekyll's {@code keep_files}, relative to the destination */
    public ChangedFileSink(Path destination, List<String> keepFiles) {
        this(destination, keepFiles, Map.of(), Map.of());
    }

    /**
     * @param previous  the destination's files as the last build left them, by output path
     * @param unchanged the output paths whose bytes are those the last build planned for them,
     *                  each with the origin (source site path) they come from
     */
    public ChangedFileSink(Path destination, List<String> keepFiles, Map<String, FileStamp> previous,
            Map<String, String> unchanged) {
        this.previous = previous;
        this.unchanged = unchanged;
        this.destination = destination.toAbsolutePath().normalize();
        this.keepFiles = keepFiles.stream().map(entry -> entry.replaceAll("^/+|/+$", ""))
                .filter(entry -> !entry.isEmpty()).toList();
    }

    /** Files written by the last {@link #write}. */
    public int written() {
        return written.get();
    }

    /** Files the last {@link #write} left unread, trusting their stamps. */
    public int trusted() {
        return trusted.get();
    }

    /** Every planned file as the last {@link #write} left it, by output path. */
    public Map<String, FileStamp> stamps() {
        return Map.copyOf(stamps);
    }

    /** Files deleted by the last {@link #write}. */
    public int deleted() {
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
        trusted.set(0);
        stamps.clear();
        Files.createDirectories(destination);
        List<OutputFile> files = plan.files();
        Set<String> planned = new HashSet<>();
        for (OutputFile file : files) {
            planned.add(file.path());
        }
        try {
            files.parallelStream().forEach(file -> {
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
        if (stillThere(file, target)) {
            stamps.put(file.path(), previous.get(file.path()));
            trusted.incrementAndGet();
            return;
        }
        byte[] bytes = file.content();
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            stamp(file, target);
            return;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            DirectorySink.deleteTree(target);
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".sheaf-new");
        Files.write(temporary, bytes);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
        stamp(file, target);
    }

    /** Whether {@code file} is a page output known to be what the last build left at {@code target}. */
    private boolean stillThere(OutputFile file, Path target) {
        FileStamp stamp = previous.get(file.path());
        if (stamp == null || file.bytes() == null || !file.origin().equals(unchanged.get(file.path()))
                || !stamp.origin().equals(file.origin()) || !stamp.target().equals(target.toString())
                || stamp.size() != file.bytes().length) {
            return false;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return now.isRegularFile() && now.size() == stamp.size()
                    && now.lastModifiedTime().to(TimeUnit.NANOSECONDS) == stamp.modified();
        } catch (IOException e) {
            return false;
        }
    }

    private void stamp(OutputFile file, Path target) throws IOException {
        BasicFileAttributes now = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        stamps.put(file.path(), new FileStamp(target.toString(), now.size(),
                now.lastModifiedTime().to(TimeUnit.NANOSECONDS), file.origin()));
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
