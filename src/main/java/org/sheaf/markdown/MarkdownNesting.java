package org.sheaf.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds Markdown whose block quotes and lists nest deeper than {@link #MAX_DEPTH} levels, before
 * flexmark parses it. flexmark looks at every open container for every line, and at every
 * column of indentation for each, so 500 nested list items took 8 s and 5,000 did not finish in
 * minutes; and it parses by recursion, one level of Java calls per level of nesting. No real text
 * nests a hundred levels deep, so such text is refused with its place instead.
 *
 * <p>The count follows CommonMark's containers closely enough for a bound: each {@code >} on a
 * line is a quote level; each list marker ({@code -}, {@code +}, {@code *}, {@code 1.},
 * {@code 1)}) followed by a space opens a list level at the column of its content, and a line
 * closes the levels whose content column it does not reach. Lines in fenced code blocks and
 * thematic breaks ({@code * * *}) open nothing. Lazy continuation lines and indented code can make
 * the count lower than flexmark's, never higher by more than what such lines hide.
 */
public final class MarkdownNesting {
    /** The deepest nesting of block quotes and lists rendered. */
    public static final int MAX_DEPTH = 100;

    private MarkdownNesting() {
    }

    /** Where nesting first goes past {@link #MAX_DEPTH}: line and column (1-based) in the text. */
    public record Deep(int line, int column) {
    }

    /** The first place {@code markdown} nests block quotes and lists more than {@link #MAX_DEPTH} deep. */
    public static Optional<Deep> find(String markdown) {
        Deque<Integer> lists = new ArrayDeque<>();
        String fence = null;
        int lineStart = 0;
        for (int line = 1; lineStart <= markdown.length(); line++) {
            int end = markdown.indexOf('\n', lineStart);
            end = end < 0 ? markdown.length() : end;
            String text = markdown.substring(lineStart, end);
            lineStart = end + 1;
            Cursor cursor = new Cursor(text);
            cursor.skipSpaces();
            if (cursor.at == text.length()) {
                continue;
            }
            if (fence != null) {
                if (text.startsWith(fence, cursor.at)) {
                    fence = null;
                }
                continue;
            }
            while (!lists.isEmpty() && cursor.column < lists.peek()) {
                lists.pop();
            }
            int breakFrom = thematicBreakFrom(text);
            int quotes = 0;
            while (cursor.at < text.length()) {
                int marker = cursor.at;
                if (text.charAt(marker) == '>') {
                    quotes++;
                    cursor.advanceTo(marker + 1);
                } else if (marker < breakFrom && cursor.listMarker()) {
                    lists.push(cursor.column);
                } else {
                    break;
                }
                if (quotes + lists.size() > MAX_DEPTH) {
                    return Optional.of(new Deep(line, marker + 1));
                }
                cursor.skipSpaces();
            }
            if (text.startsWith("```", cursor.at) || text.startsWith("~~~", cursor.at)) {
                fence = text.substring(cursor.at, cursor.at + 3);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the thematic break that ends {@code text} starts ({@code * * *}, {@code ---}: three or
     * more of one of {@code * - _}, spaces between), or the text's length when it ends in none.
     * A list marker there is the break's, not a list's.
     */
    private static int thematicBreakFrom(String text) {
        char kind = 0;
        int count = 0;
        int from = text.length();
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if (c != '*' && c != '-' && c != '_' || kind != 0 && c != kind) {
                break;
            }
            kind = c;
            count++;
            from = i;
        }
        return count >= 3 ? from : text.length();
    }

    /** A place in a line and its column (tabs to the next multiple of four). */
    private static final class Cursor {
        private final String text;
        private int at;
        private int column;

        Cursor(String text) {
            this.text = text;
        }

        void advanceTo(int to) {
            for (; at < to; at++) {
                column = text.charAt(at) == '\t' ? (column / 4 + 1) * 4 : column + 1;
            }
        }

        void skipSpaces() {
            int to = at;
            while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
                to++;
            }
            advanceTo(to);
        }

        /** Moves past a list marker and the space after it, if one starts here. */
        boolean listMarker() {
            int end = at;
            char c = text.charAt(at);
            if (c == '-' || c == '+' || c == '*') {
                end = at + 1;
            } else {
                while (end < text.length() && end - at < 9 && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                if (end == at || end == text.length() || text.charAt(end) != '.' && text.charAt(end) != ')') {
                    return false;
                }
                end++;
            }
            if (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\t') {
                return false;
            }
            advanceTo(Math.min(end + 1, text.length()));
            return true;
        }
    }
}
