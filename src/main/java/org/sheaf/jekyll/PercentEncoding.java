package org.sheaf.jekyll;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of text as UTF-8 bytes, the one loop behind Jekyll's URL escapes. */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * {@code text} with every UTF-8 byte written {@code %XX} (upper-case hex), except ASCII
     * letters, digits and the characters of {@code kept}, which stay as they are.
     */
    public static String encode(String text, String kept) {
        return encode(text.getBytes(StandardCharsets.UTF_8), kept);
    }

    /** {@code bytes} written as {@link #encode(String, String)} writes the bytes of text. */
    public static String encode(byte[] bytes, String kept) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80 && (isAsciiAlnum(c) || kept.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The UTF-8 bytes of {@code text} with every {@code %XX} (hex of either case) as the byte it
     * names; a {@code %} not followed by two hex digits stays, as does {@code +}.
     */
    public static byte[] decode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                bytes.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                bytes.write(in[i]);
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
