package org.sheaf.source;

/**
 * One entry of the {@code include} or {@code exclude} list, matched as Jekyll's entry filter
 * matches it: a path relative to the source folder matches when the entry, as a
 * {@code File.fnmatch} glob without flags ({@code *} and {@code ?} cross {@code /}; {@code [a-z]},
 * {@code [!a]}, {@code \*}), matches the whole path; when the path starts with the entry's text
 * ({@code node} also excludes {@code node_modules} and {@code nodes.md}, but only from the root);
 * or when the path is a folder and the entry is its path with a {@code /} added. A leading
 * {@code /} is ignored.
 *
 * <p>Matching runs in time proportional to the pattern's length times the path's, whatever the
 * pattern: a malformed bracket ({@code []}, {@code [a}) matches nothing, as in Ruby.
 *
 * @param pattern the entry without leading slashes
 */
public record EntryPattern(String pattern) {

    public static EntryPattern of(String entry) {
        int start = 0;
        while (start < entry.length() && entry.charAt(start) == '/') {
            start++;
        }
        return new EntryPattern(entry.substring(start));
    }

    /**
     * @param path      relative to the source folder, {@code /}-separated
     * @param directory whether the path is a folder
     */
    public boolean matches(String path, boolean directory) {
        return path.startsWith(pattern) || directory && pattern.equals(path + "/") || fnmatch(pattern, path);
    }

    /**
     * Ruby's {@code File.fnmatch} without flags: the pattern must match the whole text. A star
     * remembers where it was, so a failed match backs up to the last star only, never further.
     */
    static boolean fnmatch(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            int next = p < pattern.length() ? single(pattern, p, text.charAt(t)) : -1;
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = ++p;
                starT = t;
            } else if (next >= 0) {
                p = next;
                t++;
            } else if (starP >= 0) {
                p = starP;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * Matches one character of text at pattern position {@code p} (not a star).
     *
     * @return the pattern position after the matched element, or -1 when it does not match
     */
    private static int single(String pattern, int p, char c) {
        char first = pattern.charAt(p);
        if (first == '*') {
            return -1;
        }
        if (first == '?') {
            return p + 1;
        }
        if (first == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == c ? p + 2 : -1;
        }
        if (first == '[') {
            return bracket(pattern, p + 1, c);
        }
        return first == c ? p + 1 : -1;
    }

    /** A bracket expression starting after its {@code [}; -1 when it does not match or never closes. */
    private static int bracket(String pattern, int start, char c) {
        int p = start;
        boolean negated = p < pattern.length() && (pattern.charAt(p) == '!' || pattern.charAt(p) == '^');
        if (negated) {
            p++;
        }
        boolean found = false;
        while (p < pattern.length() && pattern.charAt(p) != ']') {
            char low = pattern.charAt(p);
            if (low == '\\' && p + 1 < pattern.length()) {
                low = pattern.charAt(++p);
            }
            p++;
            char high = low;
            if (p + 1 < pattern.length() && pattern.charAt(p) == '-' && pattern.charAt(p + 1) != ']') {
                high = pattern.charAt(p + 1);
                if (high == '\\' && p + 2 < pattern.length()) {
                    high = pattern.charAt(p + 2);
                    p++;
                }
                p += 2;
            }
            if (low <= high ? low <= c && c <= high : c == low || c == high) {  // Ruby: a reversed range holds its ends
                found = true;
            }
        }
        if (p >= pattern.length()) {
            return -1;
        }
        return found != negated ? p + 1 : -1;
    }
}
