package org.sheaf.sass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a source map's generated columns to follow changes sheaf makes to dart-sass's CSS after
 * compiling (a byte order mark dropped, colours rewritten): every mapping after a change on its
 * line moves by the change's difference in length, and one inside a change moves to its start.
 * Lines never change, and the other fields of a mapping are relative to the previous mapping in
 * the whole file, so only the first field, the column within the line, is rewritten.
 */
final class SourceMapShift {
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern MAPPINGS_KEY = Pattern.compile("\"mappings\"\\s*:\\s*\"");

    /**
     * One change to the CSS.
     *
     * @param offset    where it starts, in the text before any change
     * @param oldLength how many characters it replaced
     * @param newLength how many it wrote instead
     */
    record Edit(int offset, int oldLength, int newLength) {
    }

    private SourceMapShift() {
    }

    /**
     * The edits of two passes as edits of the original text: {@code first} made to it, then
     * {@code second} to the text {@code first} left, never overlapping any of {@code first}.
     */
    static List<Edit> merged(List<Edit> first, List<Edit> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<Edit> all = new ArrayList<>(first);
        for (Edit later : second) {
            int offset = later.offset();
            for (Edit earlier : first) {
                if (earlier.offset() < later.offset()) {
                    offset -= earlier.newLength() - earlier.oldLength();
                }
            }
            all.add(new Edit(offset, later.oldLength(), later.newLength()));
        }
        all.sort(java.util.Comparator.comparingInt(Edit::offset));
        return all;
    }

    /**
     * The map with its columns moved.
     *
     * @param map   the source map's JSON
     * @param css   the CSS the edits were made to, before them
     * @param edits the changes, in the order of their offsets
     */
    static String shifted(String map, String css, List<Edit> edits) {
        Matcher m = StaticValues.MAPPINGS.matcher(map);
        if (edits.isEmpty() || !m.find()) {
            return map;
        }
        List<List<int[]>> byLine = new ArrayList<>();
        int line = 0;
        int lineStart = 0;
        int next = 0;
        for (Edit edit : edits) {
            for (; next < edit.offset(); next++) {
                if (css.charAt(next) == '\n') {
                    line++;
                    lineStart = next + 1;
                }
            }
            while (byLine.size() <= line) {
                byLine.add(new ArrayList<>());
            }
            byLine.get(line).add(new int[] {edit.offset() - lineStart, edit.oldLength(), edit.newLength()});
        }
        String[] lines = m.group(1).split(";", -1);
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append(';');
            }
            List<int[]> lineEdits = l < byLine.size() ? byLine.get(l) : List.of();
            out.append(lineEdits.isEmpty() ? lines[l] : shiftLine(lines[l], lineEdits));
        }
        return map.substring(0, m.start(1)) + out + map.substring(m.end(1));
    }

    /**
     * The map with its generated lines renumbered, for CSS whose whole lines were moved or removed.
     *
     * @param map   the source map's JSON
     * @param moved for each line of the CSS the map was made for, its line now, or -1 when removed
     */
    static String relined(String map, int[] moved) {
        Matcher m = StaticValues.MAPPINGS.matcher(map);
        if (!m.find()) {
            return map;
        }
        // every segment with its fields made absolute, by the line it now stands on
        List<List<int[]>> byLine = new ArrayList<>();
        int[] state = new int[5];
        String[] lines = m.group(1).split(";", -1);
        for (int l = 0; l < lines.length; l++) {
            state[0] = 0;
            if (lines[l].isEmpty()) {
                continue;
            }
            for (String segment : lines[l].split(",")) {
                List<Integer> fields = decode(segment);
                int[] absolute = new int[fields.size()];
                for (int f = 0; f < fields.size(); f++) {
                    state[f] += fields.get(f);
                    absolute[f] = state[f];
                }
                int line = l < moved.length ? moved[l] : -1;
                if (line >= 0 && absolute.length > 0) {
                    while (byLine.size() <= line) {
                        byLine.add(new ArrayList<>());
                    }
                    byLine.get(line).add(absolute);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int[] previous = new int[5];
        for (int l = 0; l < byLine.size(); l++) {
            if (l > 0) {
                out.append(';');
            }
            previous[0] = 0;
            List<int[]> segments = byLine.get(l);
            segments.sort(java.util.Comparator.comparingInt(segment -> segment[0]));
            for (int k = 0; k < segments.size(); k++) {
                if (k > 0) {
                    out.append(',');
                }
                int[] segment = segments.get(k);
                for (int f = 0; f < segment.length; f++) {
                    encode(segment[f] - previous[f], out);
                    previous[f] = segment[f];
                }
            }
        }
        return map.substring(0, m.start(1)) + out + map.substring(m.end(1));
    }

    /** In the offsets {@link #moved} is given: a character left out with its mappings. */
    static final int LEFT_OUT = -2;

    /**
     * A stretch of a text, from {@code from} up to {@code to}, written as {@code text} instead;
     * the mappings of its characters left out ({@link #LEFT_OUT}) or, where not, moved on to the
     * next character kept.
     */
    record Replacement(int from, int to, String text, boolean leftOut) {
    }

    /**
     * A text with replacements made: for each offset of the text before (and its end), its offset
     * now, as {@link #moved} takes it, and where each replacement's text starts now.
     */
    record Replaced(String text, int[] moved, int[] starts) {
    }

    /** The text with the replacements, in the order they stand in it, made. */
    static Replaced replaced(String text, List<Replacement> replacements) {
        StringBuilder out = new StringBuilder(text.length());
        int[] moved = new int[text.length() + 1];
        int[] starts = new int[replacements.size()];
        int from = 0;
        for (int r = 0; r < replacements.size(); r++) {
            Replacement replacement = replacements.get(r);
            for (int i = from; i < replacement.from(); i++) {
                moved[i] = out.length();
                out.append(text.charAt(i));
            }
            starts[r] = out.length();
            Arrays.fill(moved, replacement.from(), replacement.to(), replacement.leftOut() ? LEFT_OUT : -1);
            out.append(replacement.text());
            from = replacement.to();
        }
        for (int i = from; i < text.length(); i++) {
            moved[i] = out.length();
            out.append(text.charAt(i));
        }
        moved[text.length()] = out.length();
        return new Replaced(out.toString(), moved, starts);
    }

    /**
     * The map for CSS laid out anew, its characters moved across lines: each mapping goes where the
     * character it was at went, or, when that one was dropped (white space), where the next kept
     * character went; a mapping at a character left out ({@link #LEFT_OUT}) is left out too.
     *
     * @param map    the source map's JSON, for {@code before}
     * @param before the CSS the map was made for
     * @param after  the CSS now
     * @param moved  for each offset of {@code before} (and its end), its offset in {@code after},
     *               or -1 when dropped, or {@link #LEFT_OUT}
     */
    static String moved(String map, String before, String after, int[] moved) {
        int[] range = mappings(map);
        if (range == null) {
            return map;
        }
        int[] beforeLines = MediaBreaks.lineStarts(before);
        int[] afterLines = MediaBreaks.lineStarts(after);
        int[] next = new int[moved.length];
        int kept = after.length();
        for (int i = moved.length - 1; i >= 0; i--) {
            kept = moved[i] >= 0 ? moved[i] : kept;
            next[i] = kept;
        }
        // every segment as six ints: its new line and column, its number of fields, then its other
        // fields made absolute (source, line, column, name)
        String mappings = map.substring(range[0], range[1]);
        int[][] segments = {new int[Math.max(16, mappings.length() * 2)]};
        int[] count = {0};
        segments(mappings, (line, fields, values) -> {
            if (line >= beforeLines.length || moved[Math.min(beforeLines[line] + values[0], moved.length - 1)] == LEFT_OUT) {
                return;
            }
            int to = next[Math.min(beforeLines[line] + values[0], next.length - 1)];
            int newLine = java.util.Arrays.binarySearch(afterLines, to);
            newLine = newLine >= 0 ? newLine : -newLine - 2;
            if (count[0] + 7 > segments[0].length) {
                segments[0] = java.util.Arrays.copyOf(segments[0], segments[0].length * 2);
            }
            int[] at = segments[0];
            at[count[0]] = newLine;
            at[count[0] + 1] = to - afterLines[newLine];
            at[count[0] + 2] = fields;
            System.arraycopy(values, 1, at, count[0] + 3, 4);
            count[0] += 7;
        });
        // by new line, then column; a sort that is stable keeps mappings at one column in order
        Integer[] order = new Integer[count[0] / 7];
        for (int k = 0; k < order.length; k++) {
            order[k] = k * 7;
        }
        final int[] all = segments[0];
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(k -> all[k])
                .thenComparingInt(k -> all[k + 1]));
        StringBuilder out = new StringBuilder(mappings.length());
        int[] previous = new int[5];
        int currentLine = 0;
        boolean first = true;
        for (int k : order) {
            int segmentLine = all[k];
            if (segmentLine != currentLine) {
                for (; currentLine < segmentLine; currentLine++) {
                    out.append(';');
                }
                previous[0] = 0;
                first = true;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            encode(all[k + 1] - previous[0], out);
            previous[0] = all[k + 1];
            for (int f = 1; f < all[k + 2]; f++) {
                encode(all[k + 2 + f] - previous[f], out);
                previous[f] = all[k + 2 + f];
            }
        }
        return map.substring(0, range[0]) + out + map.substring(range[1]);
    }

    /**
     * Where the map's {@code mappings} string lies, its quotes left out, or null when it has none;
     * found without a pattern over the whole string, which for a large stylesheet costs more than
     * the rest.
     */
    static int[] mappings(String map) {
        Matcher m = MAPPINGS_KEY.matcher(map);
        if (!m.find()) {
            return null;
        }
        int end = map.indexOf('"', m.end());
        return end < 0 ? null : new int[] {m.end(), end};
    }

    /** The value of one base64 digit of a mapping. */
    static int digit(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }

    private static String shiftLine(String line, List<int[]> edits) {
        if (line.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int previousOld = 0;
        int previousNew = 0;
        for (String segment : line.split(",", -1)) {
            if (out.length() > 0) {
                out.append(',');
            }
            List<Integer> fields = decode(segment);
            if (fields.isEmpty()) {
                out.append(segment);
                continue;
            }
            int column = previousOld + fields.get(0);
            int moved = moved(column, edits);
            fields.set(0, moved - previousNew);
            previousOld = column;
            previousNew = moved;
            fields.forEach(value -> encode(value, out));
        }
        return out.toString();
    }

    private static int moved(int column, List<int[]> edits) {
        int shift = 0;
        for (int[] edit : edits) {
            if (column >= edit[0] + edit[1]) {
                shift += edit[2] - edit[1];
            } else if (column > edit[0]) {
                return edit[0] + shift;
            }
        }
        return column + shift;
    }

    /** Receives the segments of a map's mappings, one by one, as {@link #segments} reads them. */
    interface Segments {
        /**
         * One segment on generated line {@code line}, which wrote {@code fields} fields (1, 4 or
         * 5); {@code values} holds them made absolute: column, source, source line, source column,
         * name. The array is the reader's and changes after the call.
         */
        void segment(int line, int fields, int[] values);
    }

    /** Reads a map's mappings string in one pass, handing each segment's absolute values on. */
    static void segments(String mappings, Segments sink) {
        int[] values = new int[5];
        int line = 0;
        int field = 0;
        int value = 0;
        int shift = 0;
        for (int i = 0; i <= mappings.length(); i++) {
            char c = i < mappings.length() ? mappings.charAt(i) : ';';
            if (c == ';' || c == ',') {
                if (field > 0) {
                    sink.segment(line, Math.min(field, 5), values);
                }
                field = 0;
                if (c == ';') {
                    line++;
                    values[0] = 0;
                }
                continue;
            }
            int digit = digit(c);
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
                continue;
            }
            if (field < 5) {
                values[field] += (value & 1) == 1 ? -(value >>> 1) : value >>> 1;
            }
            field++;
            value = 0;
            shift = 0;
        }
    }

    static List<Integer> decode(String segment) {
        List<Integer> values = new ArrayList<>();
        int value = 0;
        int shift = 0;
        for (int i = 0; i < segment.length(); i++) {
            int digit = BASE64.indexOf(segment.charAt(i));
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                values.add((value & 1) == 1 ? -(value >>> 1) : value >>> 1);
                value = 0;
                shift = 0;
            }
        }
        return values;
    }

    static void encode(int value, StringBuilder out) {
        int vlq = value < 0 ? (-value << 1) | 1 : value << 1;
        do {
            int digit = vlq & 31;
            vlq >>>= 5;
            if (vlq > 0) {
                digit |= 32;
            }
            out.append(BASE64.charAt(digit));
        } while (vlq > 0);
    }
}
