package org.sheaf.liquid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sheaf.diag.Position;

/**
 * A template's text as rewritten for Liqp, with the way back from a place in the rewritten text
 * to the place the writer wrote. The rewrites keep lines but lengthen or shorten tags ({@code for}
 * loops, quoted {@code link} paths, bracketed hyphenated names): Liqp's columns after such a tag
 * would be off by the difference. Each rewrite step is one call of {@link #then}; the columns of
 * every line it changed are aligned with the line it came from, so a column maps back exactly
 * wherever the step inserted or removed text, and into the changed markup otherwise.
 */
final class SourceColumns {
    /** Beyond this many character pairs a changed stretch of a line is not aligned character by character. */
    private static final long MAX_ALIGNED_CELLS = 4_000_000L;

    private final String text;
    /** Per step, oldest first: for each changed line (0-based), the source column of each rewritten column (0-based). */
    private final List<Map<Integer, int[]>> steps;

    private SourceColumns(String text, List<Map<Integer, int[]>> steps) {
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

    /** This text rewritten as {@code rewritten}, keeping the way back. */
    SourceColumns then(String rewritten) {
        if (rewritten.equals(text)) {
            return this;
        }
        String[] before = text.split("\n", -1);
        String[] after = rewritten.split("\n", -1);
        Map<Integer, int[]> lines = new HashMap<>();
        if (before.length == after.length) {
            for (int i = 0; i < before.length; i++) {
                if (!before[i].equals(after[i])) {
                    lines.put(i, aligned(before[i], after[i]));
                }
            }
        }
        List<Map<Integer, int[]>> all = new ArrayList<>(steps);
        all.add(lines);
        return new SourceColumns(rewritten, List.copyOf(all));
    }

    /**
     * The writer's place of {@code at}, a 1-based line and column in the rewritten text; a
     * line before the first (Liqp's 0 for "unknown") is left as it is.
     */
    Position source(Position at) {
        int column = at.column() - 1;
        for (int s = steps.size() - 1; s >= 0; s--) {
            int[] columns = steps.get(s).get(at.line() - 1);
            if (columns != null && column >= 0) {
                column = columns[Math.min(column, columns.length - 1)];
            }
        }
        return new Position(at.line(), column + 1);
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
