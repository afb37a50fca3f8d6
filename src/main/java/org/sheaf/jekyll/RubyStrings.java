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
}
