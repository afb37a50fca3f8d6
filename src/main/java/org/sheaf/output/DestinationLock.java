package org.sheaf.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One writer per destination at a time, across processes: an exclusive lock on the file
 * {@code .D.sheaf-lock} beside the destination {@code D}, held while a build or {@code clean}
 * writes it. Two builds into one destination at once each saw the other's staging and old-copy
 * folders as debris of a killed build and deleted them, so both could end with files missing or
 * a mixture of two sites.
 *
 * <p>The lock file lives beside the destination, next to the staging and old-copy folders
 * ({@link DirectorySink}), so the swap, which renames the destination, never moves it, and it is
 * never part of the published site. It is empty and stays after the build: deleting it would let
 * a build still waiting on the old file lock a file that no longer has a name while a third build
 * locks a new one. It is opened without following links, so a link put in its place is refused.
 *
 * <p>The lock is the operating system's ({@code flock}/{@code fcntl} through {@link FileChannel}),
 * so a killed build releases it with its process. Within one JVM the same file cannot be locked
 * twice; a second build in the same process waits like a build in another process.
 */
public final class DestinationLock implements AutoCloseable {
    /** How long a build waits for another build of the same destination before it gives up. */
    public static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private DestinationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code destination}: {@code .NAME.sheaf-lock} in the same folder. */
    public static Path lockFile(Path destination) {
        Path absolute = destination.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the filesystem root cannot be a destination");
        }
        return parent.resolve("." + absolute.getFileName() + ".sheaf-lock");
    }

    /**
     * Locks {@code destination}, waiting while another build holds it: {@code waiting} hears once,
     * when the wait begins, what is waited for. The destination's folder must exist.
     *
     * @throws IOException when the lock file cannot be made or opened, or when the other build
     *                     still holds the lock after {@code patience} (the message says so)
     */
    public static DestinationLock acquire(Path destination, Duration patience, Consumer<String> waiting)
            throws IOException {
        Path file = lockFile(destination);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new DestinationLock(channel, lock);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("another sheaf build has been writing " + destination.toAbsolutePath()
                            .normalize() + " for more than " + patience.toSeconds() + " s (it holds " + file
                            + "); try again once it has finished");
                }
                if (!told) {
                    waiting.accept("another sheaf build is writing " + destination.toAbsolutePath().normalize()
                            + "; waiting for it to finish (at most " + patience.toSeconds() + " s)");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new IOException("interrupted while waiting for another build of " + destination, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or null while another process or another build in this JVM holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Releases the lock; the lock file stays. A failure to release is not reported: closing the
     * channel, or at the latest the end of the process, releases it anyway.
     */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the process's end releases it
            }
        }
    }
}
