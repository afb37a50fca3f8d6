package org.sheaf.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * The reason a file operation failed, in the operating system's words ("Permission denied"),
 * without the Java exception's class name or the absolute path it carries. Every message that
 * reports an {@link IOException} to a writer takes its reason from here, so one failure reads the
 * same wherever it happens.
 */
public final class OsReason {
    private OsReason() {
    }

    /** The reason of {@code e}: "Permission denied", "No such file or directory", "File name too long", ... */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "Too many levels of symbolic links";
        }
        if (e instanceof NotLinkException) {
            return "Not a symbolic link";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            // The JDK adds this to ELOOP when it cannot tell a loop from an unreadable link.
            int or = reason.indexOf(" or unable to access attributes");
            return or > 0 ? reason.substring(0, or) : reason;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
