package org.sheaf.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Markdown whose block quotes, lists and HTML elements read as Markdown ({@code <div
 * markdown="1">}) nest deeper than {@link #MAX_DEPTH} levels, before
 * flexmark parses it. flexmark looks at every open container for every line, and at every
 * column of indentation for each, so 500 nested list items took 8 s and 5,000 did not finish in
 * minutes; and it parses by recursion, one level of Java calls per level of nesting. No real text
 * nests a hundred levels deep, so such text is refused with its place instead.
 *
 * <p>The count follows CommonMark's containers closely enough for a bound: each {@code >} on a
 * line is a quote level; each list marker ({@code -}, {@code +}, {@code *}, {@code 1.},
 * {@code 1)}) followed by a space opens a list level at the column of its content, and a line
 * closes the levels whose content column it does not reach. Lines in fenced code blocks and
 * thematic breaks ({@code * * *}) open nothing. An element whose opening tag, with a
 * {@code markdown} attribute of {@code 1} or {@code block}, starts a line after the containers'
 * markers and is not closed on that line opens a level until a line that starts with its closing
 * tag: 5,000 such elements nested took flexmark minutes, each line visiting every open one. Lazy continuation lines and indented code can make
 * the count lower than flexmark's, never higher by more than what such lines hide.
 */
public final class MarkdownNesting {
    /** The deepest nesting of block quotes and lists rendered. */
    public static final int MAX_DEPTH = 100;

    /** The name of an element whose opening tag starts here. */
    private static final Pattern OPENING_NAME = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)(?=[\\s>/])");
    /** A {@code markdown} attribute that makes an element's content Markdown, among a tag's attributes. */
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile(
            "(?:^|\\s)markdown\\s*=\\s*[\"']?(?:1|block)(?![\\w])");

    private MarkdownNesting() {
    }

    /** Where nesting first goes past {@link #MAX_DEPTH}: line and column (1-based) in the text. */
    public record Deep(int line, int column) {
    }

    /** The first place {@code markdown} nests block quotes and lists more than {@link #MAX_DEPTH} deep. */
    public static Optional<Deep> find(String markdown) {
        Deque<Integer> lists = new ArrayDeque<>();
        Deque<String> elements = new ArrayDeque<>();
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
                if (quotes + lists.size() + elements.size() > MAX_DEPTH) {
                    return Optional.of(new Deep(line, marker + 1));
                }
                cursor.skipSpaces();
            }
            if (text.startsWith("```", cursor.at) || text.startsWith("~~~", cursor.at)) {
                fence = text.substring(cursor.at, cursor.at + 3);
            } else if (text.startsWith("</", cursor.at) && !elements.isEmpty() && closes(text, cursor.at, elements.peek())) {
                elements.pop();
            } else if (opensMarkdownElement(text, cursor.at, elements)
                    && quotes + lists.size() + elements.size() > MAX_DEPTH) {
                return Optional.of(new Deep(line, cursor.at + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an element read as Markdown opens at {@code at} in {@code text} and stays open past
     * the line; if so its name is pushed on {@code elements}.
     */
    private static boolean opensMarkdownElement(String text, int at, Deque<String> elements) {
        if (!text.startsWith("<", at)) {
            return false;
        }
        int tagEnd = text.indexOf('>', at);
        Matcher name = OPENING_NAME.matcher(text).region(at, text.length());
        if (tagEnd < 0 || !name.lookingAt() || name.end() > tagEnd
                || !MARKDOWN_ATTRIBUTE.matcher(text).region(name.end(), tagEnd).find()) {
            return false;
        }
        String element = name.group(1).toLowerCase(Locale.ROOT);
        if (text.toLowerCase(Locale.ROOT).indexOf("</" + element, tagEnd) >= 0) {
            return false;
        }
        elements.push(element);
        return true;
    }

    /** Whether the closing tag of {@code element} starts at {@code at} in {@code text}. */
    private static boolean closes(String text, int at, String element) {
        int end = at + 2 + element.length();
        return text.regionMatches(true, at + 2, element, 0, element.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '-');
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
