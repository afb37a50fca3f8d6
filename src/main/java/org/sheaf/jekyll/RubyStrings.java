package org.sheaf.jekyll;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ruby's {@code String} methods that Jekyll's and Liquid's rules are written with. */
public final class RubyStrings {
    /** Ruby's white space for {@code split(" ")}: ASCII space, tab, line feed, vertical tab, form feed, return. */
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\u000B\\f\\r]+");
    private static final Pattern LEADING_WHITESPACE = Pattern.compile("^[ \\t\\n\\u000B\\f\\r]+");

    private RubyStrings() {
    }

    /**
     * {@code String#split} with a string separator: trailing empty strings are dropped and
     * leading ones kept ({@code ",a,,b,"} gives {@code ["", "a", "", "b"]}); a single space splits
     * on runs of white space, ignoring it at the ends; an empty separator splits into characters.
     */
    public static String[] split(String text, String separator) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String[] parts;
        if (separator.equals(" ")) {
            String trimmed = LEADING_WHITESPACE.matcher(text).replaceFirst("");
            parts = trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed, -1);
        } else if (separator.isEmpty()) {
            parts = text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        } else {
            parts = text.split(Pattern.quote(separator), -1);
        }
        int end = parts.length;
        while (end > 0 && parts[end - 1].isEmpty()) {
            end--;
        }
        return Arrays.copyOf(parts, end);
    }

    /**
     * {@code String#capitalize}: the first character in title case, the rest lower case. Title
     * case is not upper case where one letter becomes two: {@code ß} becomes {@code Ss} and
     * {@code ﬁ} becomes {@code Fi}, as Ruby's full case mapping writes them.
     */
    public static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        int length = Character.charCount(first);
        int title = Character.toTitleCase(first);
        String head;
        if (title != first) {
            head = Character.toString(title);
        } else {
            String upper = text.substring(0, length).toUpperCase(Locale.ROOT);
            int second = upper.offsetByCodePoints(0, 1);
            head = upper.substring(0, second) + upper.substring(second).toLowerCase(Locale.ROOT);
        }
        return head + text.substring(length).toLowerCase(Locale.ROOT);
    }

    /**
     * {@code String#gsub} with a string pattern: every match, left to right, is replaced as
     * {@link #sub} replaces one. An empty pattern matches before each character and at the end.
     */
    public static String gsub(String text, String pattern, String replacement) {
        return substitute(text, pattern, replacement, true);
    }

    /**
     * {@code String#sub} with a string pattern: the first match is replaced by the replacement, in
     * which {@code \0} and {@code \&} stand for the match, {@code \`} for the text before it,
     * {@code \'} for the text after it, {@code \1} to {@code \9} for groups (a string pattern
     * has none, so nothing) and {@code \\} for one backslash; any other backslash is kept.
     */
    public static String sub(String text, String pattern, String replacement) {
        return substitute(text, pattern, replacement, false);
    }

    private static String substitute(String text, String pattern, String replacement, boolean global) {
        StringBuilder out = new StringBuilder();
        int written = 0;
        int search = 0;
        while (true) {
            int at = text.indexOf(pattern, search);
            if (at < 0) {
                break;
            }
            int end = at + pattern.length();
            out.append(text, written, at);
            expand(replacement, text, at, end, out);
            written = end;
            if (!global || pattern.isEmpty() && at == text.length()) {
                break;
            }
            // an empty match moves the search on by one character, which stays in the text
            search = pattern.isEmpty() ? text.offsetByCodePoints(at, 1) : end;
        }
        return out.append(text, written, text.length()).toString();
    }

    private static void expand(String replacement, String text, int start, int end, StringBuilder out) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 == replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            switch (next) {
                case '0', '&' -> out.append(text, start, end);
                case '`' -> out.append(text, 0, start);
                case '\'' -> out.append(text, end, text.length());
                case '\\' -> out.append('\\');
                default -> {
                    if (next < '1' || next > '9') {
                        out.append('\\').append(next);
                    }
                }
            }
        }
    }

    /**
     * Ruby's {@code String#size}: the text's characters, so an emoji beyond the Basic Multilingual
     * Plane counts once, where Java's {@code length} counts its two UTF-16 units.
     */
    public static int size(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /**
     * Whether Ruby's {@code String#bytesize} of {@code text} (its UTF-8 bytes) is above
     * {@code limit}. A Java char is at most three UTF-8 bytes, so text too short to pass the limit
     * is answered without being encoded, which keeps the check cheap where it runs on every value.
     */
    public static boolean bytesizeAbove(String text, long limit) {
        return text.length() > limit / 3 && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limit;
    }

    /**
     * Ruby's {@code String#casecmp}: the strings' UTF-8 bytes compared with only A to Z folded to
     * lower case, as -1, 0 or 1.
     */
    public static int casecmp(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int p = foldAscii(x[i] & 0xff);
            int q = foldAscii(y[i] & 0xff);
            if (p != q) {
                return p < q ? -1 : 1;
            }
        }
        return Integer.signum(x.length - y.length);
    }

    private static int foldAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
