package org.sheaf.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures read as the operating system words them, and positions are never printed as 0. */
class OsReasonTest {
    @TempDir
    Path dir;

    @Test
    void reasonsAreTheSystemsWordsWithoutPathsOrClassNames() {
        assertEquals("Permission denied", OsReason.of(new AccessDeniedException("/home/x/secret.md")));
        assertEquals("No such file or directory", OsReason.of(new NoSuchFileException("/home/x/gone.md")));
        assertEquals("File name too long", OsReason.of(new FileSystemException("/x", null, "File name too long")));
    }

    @Test
    void realFailuresGiveTheirReasons() throws IOException {
        Path loop = Files.createSymbolicLink(dir.resolve("self"), Path.of("self"));
        IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, loop::toRealPath);
        assertEquals("Too many levels of symbolic links", OsReason.of(thrown));
        IOException tooLong = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Files.writeString(dir.resolve("x".repeat(300)), "x"));
        assertEquals("File name too long", OsReason.of(tooLong));
    }

    @Test
    void aWholeFileOrAWholeLineIsPrintedWithoutZeros() {
        assertEquals("a.md: error: m", Diagnostic.error("a.md", Position.FILE, "m").format());
        assertEquals("a.md:3: error: m", Diagnostic.error("a.md", 3, 0, "m").format());
        assertEquals("a.md:3:7: warning: m", Diagnostic.warning("a.md", new Position(3, 7), "m").format());
    }
}
