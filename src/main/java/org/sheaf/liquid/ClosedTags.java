package org.sheaf.liquid;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matchers for patterns whose every match ends with a closer (an output tag's {@code }}}}, a tag's
 * or a raw block's {@code %}}) that search no further than the text's last closer of the kinds the
 * pattern ends with. A lazy {@code .*?} after an opener that never closes runs to the end of the
 * text, once for each such opener: a page of many unclosed {@code {{} or {@code {%} would cost time
 * quadratic in its length. No match can end past that closer, so the matches are the same;
 * lookarounds and anchors still see the whole text, and {@link Matcher#appendTail} still appends
 * the rest of it. The bound is lost by {@link Matcher#reset}, {@link Matcher#find(int)} and
 * {@link Matcher#replaceAll}: use {@link #replaceOutputs} instead of the last.
 */
final class ClosedTags {
    private ClosedTags() {
    }

    /** A matcher of a pattern of output tags and raw blocks. */
    static Matcher outputs(Pattern pattern, String text) {
        return bounded(pattern, text, Math.max(endOfLast(text, "}}"), rawEnd(text)));
    }

    /** A matcher of a pattern of tags and raw blocks. */
    static Matcher tags(Pattern pattern, String text) {
        return bounded(pattern, text, endOfLast(text, "%}"));
    }

    /** A matcher of a pattern of output tags, tags and raw blocks. */
    static Matcher any(Pattern pattern, String text) {
        return bounded(pattern, text, Math.max(endOfLast(text, "}}"), endOfLast(text, "%}")));
    }

    /** {@code text} with each match of a pattern of output tags and raw blocks replaced by {@code replacement}'s literal text. */
    static String replaceOutputs(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = outputs(pattern, text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Matcher bounded(Pattern pattern, String text, int end) {
        Matcher m = pattern.matcher(text);
        m.region(0, end);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    /** Where a raw block can end at the latest: at the last {@code %}}, if the text has an {@code endraw}. */
    private static int rawEnd(String text) {
        return text.contains("endraw") ? endOfLast(text, "%}") : 0;
    }

    /** Where the last {@code closer} in {@code text} ends, or 0. */
    private static int endOfLast(String text, String closer) {
        int at = text.lastIndexOf(closer);
        return at < 0 ? 0 : at + closer.length();
    }
}
