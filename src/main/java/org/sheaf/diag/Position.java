package org.sheaf.diag;

/**
 * A place in a text file: 1-based line and column. Column 0 means "the whole line"
 * and line 0 "the whole file"; a diagnostic prints neither (see {@link Diagnostic#format()}).
 */
public record Position(int line, int column) {
    /** The position that stands for a file as a whole. */
    public static final Position FILE = new Position(0, 0);

    /** The line and column of the character at {@code offset} in {@code text} (lines end at {@code \n}). */
    public static Position of(CharSequence text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    /** The position {@code lines} lines further down, as when a body starts below its front matter. */
    public Position shiftedDown(int lines) {
        return line == 0 ? this : new Position(line + lines, column);
    }
}
