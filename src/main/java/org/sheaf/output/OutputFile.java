package org.sheaf.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the built site.
 *
 * <p>Exactly one of {@code bytes} and {@code copyFrom} is set: rendered pages carry their bytes,
 * static files name the source file to copy. The byte array is not copied; treat it as read-only
 * once it is handed over.
 *
 * @param path     relative to the destination, {@code /}-separated, normalised (see {@link OutputPlan})
 * @param bytes    the content, or null when the file is copied
 * @param copyFrom the file to copy, or null when the content is given
 * @param origin   the source file (relative to the site root) that produced it, for messages
 */
public record OutputFile(String path, byte[] bytes, Path copyFrom, String origin) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        if ((bytes == null) == (copyFrom == null)) {
            throw new IllegalArgumentException("exactly one of bytes and copyFrom must be set for " + path);
        }
    }

    /** The file's content: its bytes, or those of the file it copies, read now. */
    public byte[] content() throws IOException {
        return bytes != null ? bytes : Files.readAllBytes(copyFrom);
    }
}
