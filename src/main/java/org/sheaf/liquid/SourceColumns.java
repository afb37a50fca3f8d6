package org.sheaf.liquid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sheaf.diag.Position;

/**
 * A template's text as rewritten for Liqp, with the way back from a place in the rewritten text
 * to the place the writer wrote. The rewrites keep lines but lengthen or shorten tags ({@code for}
 * loops, quoted {@code link} paths, bracketed hyphenated names): Liqp's columns after such a tag
 * would be off by the difference. Each rewrite step is one call of {@link #then}; a line it changed
 * is aligned with the line it came from when a place on it is asked for, so a column maps back exactly
 * wherever the step inserted or removed text, and into the changed markup otherwise.
 */
final class SourceColumns {
    /** Beyond this many character pairs a changed stretch of a line is not aligned character by character. */
    private static final long MAX_ALIGNED_CELLS = 4_000_000L;

    private final String text;
    /** The steps, oldest first: each the text before it and after it. */
    private final List<String[]> steps;

    private SourceColumns(String text, List<String[]> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** The writer's text, not yet rewritten. */
    static SourceColumns of(String source) {
        return new SourceColumns(source, List.of());
    }

    String text() {
        return text;
    }

    /** This text after {@code step}, keeping the way back; a step that moves line breaks maps nothing back. */
    SourceColumns then(UnaryOperator<String> step) {
        return then(step.apply(text));
    }

    /**
     * This text rewritten as {@code rewritten}, keeping the way back. Only the two texts are kept:
     * a line is aligned when a place on it is asked for, as errors are rare and templates many.
     */
    SourceColumns then(String rewritten) {
        if (rewritten.equals(text)) {
            return this;
        }
        List<String[]> all = new ArrayList<>(steps);
        all.add(new String[] {text, rewritten});
        return new SourceColumns(rewritten, List.copyOf(all));
    }

    /**
     * The writer's place of {@code at}, a 1-based line and column in the rewritten text; a
     * line before the first (Liqp's 0 for "unknown") is left as it is.
     */
    Position source(Position at) {
        int column = at.column() - 1;
        for (int s = steps.size() - 1; s >= 0 && column >= 0 && at.line() >= 1; s--) {
            String before = line(steps.get(s)[0], at.line() - 1);
            String after = line(steps.get(s)[1], at.line() - 1);
            if (before != null && after != null && !before.equals(after)
                    && lineCount(steps.get(s)[0]) == lineCount(steps.get(s)[1])) {
                int[] columns = aligned(before, after);
                column = columns[Math.min(column, columns.length - 1)];
            }
        }
        return new Position(at.line(), column + 1);
    }

    /** Line {@code index} (0-based) of {@code text}, or null past its end. */
    private static String line(String text, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return null;
            }
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static long lineCount(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    /**
     * For each column of {@code after} (and one past its end), the column of {@code before} it
     * came from: the unchanged start and end map one to one, and the changed stretch between
     * them by its longest common subsequence, inserted characters mapping to the next kept one.
     */
    private static int[] aligned(String before, String after) {
        int prefix = 0;
        int most = Math.min(before.length(), after.length());
        while (prefix < most && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < most - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        int[] columns = new int[after.length() + 1];
        for (int i = 0; i <= prefix; i++) {
            columns[i] = i;
        }
        for (int i = 0; i <= suffix; i++) {
            columns[after.length() - i] = before.length() - i;
        }
        String removed = before.substring(prefix, before.length() - suffix);
        String added = after.substring(prefix, after.length() - suffix);
        int[] middle = (long) removed.length() * added.length() <= MAX_ALIGNED_CELLS
                ? commonSubsequence(removed, added) : null;
        for (int i = 0; i < added.length(); i++) {
            // with no alignment, a column inside the changed stretch points at its start
            columns[prefix + i] = prefix + (middle == null ? 0 : middle[i]);
        }
        return columns;
    }

    /** For each character of {@code added}, the index in {@code removed} it is kept as, or of the next kept one. */
    private static int[] commonSubsequence(String removed, String added) {
        int n = removed.length();
        int m = added.length();
        int[][] longest = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                longest[i][j] = removed.charAt(i) == added.charAt(j) ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        int[] map = new int[m];
        int i = 0;
        int j = 0;
        while (j < m) {
            if (i < n && removed.charAt(i) == added.charAt(j) && longest[i][j] == longest[i + 1][j + 1] + 1) {
                map[j++] = i++;
            } else if (i < n && longest[i + 1][j] >= longest[i][j + 1]) {
                i++;
            } else {
                map[j++] = i;
            }
        }
        return map;
    }
}
