package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

class SourceTextTest {
    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String failure(byte[] bytes) {
        return assertThrows(DiagnosticException.class, () -> SourceText.decode(bytes, "notes/a.md"))
                .diagnostic().format();
    }

    @Test
    void decodesUtf8AndKeepsWindowsLineEndings() throws Exception {
        assertEquals("café\r\nthé\r\n", SourceText.decode(utf8("café\r\nthé\r\n"), "notes/a.md"));
    }

    @Test
    void dropsAByteOrderMark() throws Exception {
        assertEquals("---\n", SourceText.decode(join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("---\n")),
                "notes/a.md"));
    }

    @Test
    void reportsTheLineAndColumnOfTheFirstInvalidByte() {
        assertEquals("notes/a.md:3:6: error: invalid UTF-8 byte 0xFF",
                failure(join(utf8("one\ntwo\ncafé "), new byte[] {(byte) 0xFF}, utf8(" rest\n"))));
    }

    @Test
    void reportsATruncatedSequenceAtItsFirstByte() {
        assertEquals("notes/a.md:1:3: error: invalid UTF-8 byte 0xE2",
                failure(join(utf8("ab"), new byte[] {(byte) 0xE2, (byte) 0x82}, utf8("c"))));
    }

    @Test
    void reportsLatin1TextAsInvalidUtf8() {
        assertEquals("notes/a.md:1:4: error: invalid UTF-8 byte 0xE9",
                failure("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void countsColumnsAfterAByteOrderMarkFromTheFirstCharacter() {
        assertEquals("notes/a.md:1:2: error: invalid UTF-8 byte 0xC0",
                failure(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC0, (byte) 0x80}));
    }
}
