package org.sheaf.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;

/**
 * The text of a source file. Jekyll reads sources as UTF-8 ({@code bom|utf-8}), so sheaf does
 * too, but a byte that is not UTF-8 is an error at its place rather than a silent U+FFFD.
 */
public final class SourceText {
    private static final int BOM_LENGTH = 3;

    private SourceText() {
    }

    /**
     * Decodes {@code bytes} as UTF-8, dropping a leading byte order mark. Line endings are
     * kept as they are ({@code \r\n} stays).
     *
     * @param path the file, as diagnostics print it
     * @throws DiagnosticException {@code invalid UTF-8 byte 0xFF} at the line and column
     *                             (counted in characters) of the first byte that is not UTF-8,
     *                             caused by a {@link java.nio.charset.CharacterCodingException}
     */
    public static String decode(byte[] bytes, String path) throws DiagnosticException {
        int start = hasBom(bytes) ? BOM_LENGTH : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw badByte(bytes, start, in.position(), path);
        }
        out.flip();
        return out.toString();
    }

    /** Whether {@code bytes} start with the UTF-8 byte order mark. */
    static boolean hasBom(byte[] bytes) {
        return bytes.length >= BOM_LENGTH && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    private static DiagnosticException badByte(byte[] bytes, int start, int offset, String path) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        String hex = String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF);
        // the cause tells readers that the text is not UTF-8, which some skip rather than stop at
        return new DiagnosticException(Diagnostic.error(path, line, column, "invalid UTF-8 byte " + hex),
                new java.nio.charset.MalformedInputException(1));
    }
}
