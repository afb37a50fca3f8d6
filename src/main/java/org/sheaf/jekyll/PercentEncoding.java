package org.sheaf.jekyll;

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
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (isAsciiAlnum(c) || kept.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
