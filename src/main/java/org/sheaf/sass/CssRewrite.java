package org.sheaf.sass;

import java.util.ArrayList;
import java.util.List;

/**
 * CSS being rewritten piece by piece, with where each of its offsets went, so that the source map
 * can follow ({@link SourceMapShift#moved}). Used by the passes that change what dart-sass wrote
 * in place ({@link WrittenEscapes}, {@link ExtendRepeats}).
 */
final class CssRewrite {
    /** The CSS rewritten, and where each offset of the CSS before it went. */
    record Result(String css, int[] moved) {
        /**
         * This rewrite followed by {@code next} (made on this one's CSS) as one, so that the source
         * map is read and written once for both; either may be null, for a rewrite that changed nothing.
         */
        static Result chained(Result first, Result next) {
            if (first == null || next == null) {
                return first == null ? next : first;
            }
            int[] moved = new int[first.moved.length];
            for (int i = 0; i < moved.length; i++) {
                moved[i] = next.moved[first.moved[i]];
            }
            return new Result(next.css, moved);
        }

        /**
         * Spans of the CSS before this rewrite (start and end offsets, as {@link WrittenEscapes#preludes}
         * gives them) where they are in its CSS, for spans whose first character and end it kept.
         */
        List<int[]> spans(List<int[]> before) {
            List<int[]> after = new ArrayList<>(before.size());
            for (int[] span : before) {
                after.add(new int[] {moved[span[0]], moved[span[1]]});
            }
            return after;
        }
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
