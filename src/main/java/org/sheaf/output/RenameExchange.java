package org.sheaf.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Swaps two folders in one step with Linux's {@code renameat2(RENAME_EXCHANGE)}, so that putting a
 * new site in place never passes through a moment when the destination holds no site (two plain
 * renames do: the old site moved aside, the new one not yet in). Elsewhere, on a file system that
 * cannot exchange, or without JNA on the class path, {@link #swap} says so and the caller falls
 * back to two renames.
 */
final class RenameExchange {
    private RenameExchange() {
    }

    /** Whether this system can exchange at all (the file system may still refuse). */
    static boolean available() {
        try {
            return Linux.LIBC != null;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Exchanges {@code a} and {@code b}, both of which must exist.
     *
     * @return true when they were exchanged; false when this system or file system cannot, in
     *         which case neither was touched
     */
    static boolean swap(Path a, Path b) {
        try {
            return Linux.exchange(a, b);
        } catch (LinkageError e) {
            return false;  // no JNA, or a C library without renameat2
        }
    }

    /** The C library's side, in a class of its own so that JNA is loaded only when it is used. */
    private static final class Linux {
        private static final int AT_FDCWD = -100;
        private static final int RENAME_EXCHANGE = 2;
        /** The C library, or null where it cannot be loaded. */
        private static final LibC LIBC = load();

        /** glibc's renameat2 (2.28 and later). */
        private interface LibC extends Library {
            int renameat2(int oldDirectory, String oldPath, int newDirectory, String newPath, int flags)
                    throws LastErrorException;
        }

        private static LibC load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                return Native.load("c", LibC.class);  // renameat2 itself is looked up on the first call
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }

        static boolean exchange(Path a, Path b) {
            if (LIBC == null) {
                return false;
            }
            try {
                return LIBC.renameat2(AT_FDCWD, a.toAbsolutePath().toString(), AT_FDCWD,
                        b.toAbsolutePath().toString(), RENAME_EXCHANGE) == 0;
            } catch (LastErrorException e) {
                return false;  // EINVAL or ENOSYS: this file system cannot exchange
            }
        }
    }
}
