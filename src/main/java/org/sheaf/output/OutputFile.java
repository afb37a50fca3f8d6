package org.sheaf.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.SiteFiles;

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

    /**
     * The file's content: its bytes, or those of the file it copies, read now.
     *
     * @throws SourceProblem when the file to copy cannot be read
     */
    public byte[] content() throws IOException {
        if (bytes != null) {
            return bytes;
        }
        try {
            // where the file lies was checked when the source was scanned; the reader still refuses pipes
            return SiteFiles.anywhere().read(copyFrom, origin);
        } catch (DiagnosticException e) {
            throw new SourceProblem(e.diagnostic());
        }
    }

    /**
     * Writes the file's content to {@code target}.
     *
     * @throws SourceProblem when the file to copy cannot be read; any other {@link IOException}
     *                          is about {@code target}
     */
    public void writeTo(Path target) throws IOException {
        if (bytes != null) {
            Files.write(target, bytes);
            return;
        }
        try {
            SiteFiles.anywhere().copy(copyFrom, origin, target);
        } catch (DiagnosticException e) {
            throw new SourceProblem(e.diagnostic());
        }
    }

    /**
     * The writer's problem at one source file, not a failure to write the site: a file to copy
     * could not be read (deleted during the build, a named pipe, no permission), or the output
     * path it asks for is longer than the file system allows.
     */
    public static final class SourceProblem extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        public SourceProblem(Diagnostic diagnostic) {
            super(diagnostic.format());
            this.diagnostic = diagnostic;
        }

        /** The problem, at the source file. */
        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
