package org.sheaf.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way sheaf reads a writer's files: pages, static files, data, config, layouts,
 * includes, {@code include_relative} and Freemarker templates all come through here, so one rule
 * holds for all of them:
 *
 * <ul>
 *   <li>a symbolic link is followed only when it ends inside the boundary (the site folder), so a
 *       link to {@code /etc/passwd} is never read, whatever it is used as;</li>
 *   <li>only regular files are read: a named pipe (FIFO), a device or a socket is refused before
 *       it is opened, since opening a FIFO waits for a writer forever and a device never ends;</li>
 *   <li>a link loop or any other failure is an error naming the file and the operating system's
 *       reason ({@link OsReason}), never an absolute path or a Java exception.</li>
 * </ul>
 *
 * <p>It lives in {@code diag} because every package reads files and {@code diag} is the one
 * package every other may use; what it produces is a {@link Diagnostic}. Thread-safe.
 *
 * <p>The checks and the read are two steps: a file swapped for a FIFO between them is not caught,
 * and folders' real paths are remembered for the reader's life (one build), so a folder swapped
 * for a link during the build is not either. Both need someone racing the build on the writer's
 * own disk, who can stop it anyway.
 */
public final class SiteFiles {
    /** {@code unix:mode} file type bits ({@code S_IFMT}) and the types worth naming. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    /** The folders files may really be in; empty reads anywhere. */
    private final List<Path> boundaries;
    /** Folders' real paths, so that a file that is not a link costs one {@code lstat}, not a {@code realpath}. */
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();

    private SiteFiles(List<Path> boundaries) {
        this.boundaries = List.copyOf(boundaries);
    }

    /**
     * Reads files whose real place is inside {@code siteRoot} or one of {@code others} (a theme
     * gem's folder, which the writer chose by naming the theme).
     */
    public static SiteFiles within(Path siteRoot, Path... others) {
        List<Path> boundaries = new ArrayList<>();
        boundaries.add(real(siteRoot));
        for (Path other : others) {
            boundaries.add(real(other));
        }
        return new SiteFiles(boundaries);
    }

    private static Path real(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Reads files anywhere: for paths the command line names, and files whose place was checked when they were found. */
    public static SiteFiles anywhere() {
        return new SiteFiles(List.of());
    }

    /**
     * The real path of {@code file} if it may be read, without opening it.
     *
     * @param shown the file as messages name it (relative to the site root)
     * @throws DiagnosticException {@code shown: error: ...} when the file is missing, outside the
     *                             boundary, not a regular file or cannot be examined
     */
    public Path checked(Path file, String shown) throws DiagnosticException {
        Path real;
        BasicFileAttributes attributes;
        try {
            Path absolute = file.toAbsolutePath();
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink() || absolute.getParent() == null) {
                real = absolute.toRealPath();
                attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } else {
                real = realFolder(absolute.getParent()).resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            throw new DiagnosticException(cannotRead(shown, e));
        }
        if (!boundaries.isEmpty() && boundaries.stream().noneMatch(real::startsWith)) {
            throw new DiagnosticException(Diagnostic.error(shown, Position.FILE,
                    "symbolic link leads outside the site; not read"));
        }
        if (!attributes.isRegularFile()) {
            throw new DiagnosticException(Diagnostic.error(shown, Position.FILE,
                    "is " + kind(real, attributes) + ", not a regular file; not read"));
        }
        return real;
    }

    /** The content of {@code file}, after {@link #checked}. */
    public byte[] read(Path file, String shown) throws DiagnosticException {
        Path real = checked(file, shown);
        try {
            return Files.readAllBytes(real);
        } catch (IOException e) {
            throw new DiagnosticException(cannotRead(shown, e));
        }
    }

    /** The first {@code limit} bytes of {@code file} (fewer when it is shorter), after {@link #checked}. */
    public byte[] head(Path file, String shown, int limit) throws DiagnosticException {
        Path real = checked(file, shown);
        try (InputStream in = Files.newInputStream(real)) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new DiagnosticException(cannotRead(shown, e));
        }
    }

    /**
     * Copies {@code file} to {@code target}, after {@link #checked}. A problem with the source is
     * a {@link DiagnosticException} at {@code shown}; one with the target an {@link IOException}.
     */
    public void copy(Path file, String shown, Path target) throws DiagnosticException, IOException {
        Path real = checked(file, shown);
        InputStream in;
        try {
            in = Files.newInputStream(real);
        } catch (IOException e) {
            throw new DiagnosticException(cannotRead(shown, e));
        }
        try (in) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path realFolder(Path folder) throws IOException {
        Path known = realFolders.get(folder);
        if (known == null) {
            known = folder.toRealPath();
            realFolders.put(folder, known);
        }
        return known;
    }

    /** {@code shown: error: cannot read: REASON}. */
    public static Diagnostic cannotRead(String shown, IOException e) {
        return Diagnostic.error(shown, Position.FILE, "cannot read: " + OsReason.of(e));
    }

    private static String kind(Path real, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        try {
            int type = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_MASK;
            return switch (type) {
                case FIFO -> "a named pipe (FIFO)";
                case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
