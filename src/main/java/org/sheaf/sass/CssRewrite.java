package org.sheaf.sass;

/**
 * CSS being rewritten piece by piece, with where each of its offsets went, so that the source map
 * can follow ({@link SourceMapShift#moved}). Used by the passes that change what dart-sass wrote
 * in place ({@link WrittenEscapes}, {@link ExtendRepeats}).
 */
final class CssRewrite {
    /** The CSS rewritten, and where each offset of the CSS before it went. */
    record Result(String css, int[] moved) {
    }

    private final String css;
    private final StringBuilder out;
    private final int[] moved;
    private int copied;
    private boolean changed;

    CssRewrite(String css) {
        this.css = css;
        out = new StringBuilder(css.length());
        moved = new int[css.length() + 1];
    }

    /** Writes {@code text} for the CSS from {@code from} to {@code to}, unless it is that already. */
    void replace(int from, int to, String text) {
        if (css.substring(from, to).equals(text)) {
            return;
        }
        copy(from);
        for (int i = from; i < to; i++) {
            moved[i] = out.length();
        }
        out.append(text);
        copied = to;
        changed = true;
    }

    /** The CSS rewritten, or null when nothing changed. */
    Result result() {
        if (!changed) {
            return null;
        }
        copy(css.length());
        moved[css.length()] = out.length();
        return new Result(out.toString(), moved);
    }

    private void copy(int to) {
        for (int i = copied; i < to; i++) {
            moved[i] = out.length();
            out.append(css.charAt(i));
        }
        copied = to;
    }
}
