package org.sheaf.liquid;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in linear time, the matches of a pattern whose every alternative starts with an opener
 * ({@code {{} or {@code {%}) and ends with a closer: an output tag's {@code }}}}, a tag's {@code %}}
 * or a raw block's end ({@link RawBlock}). A plain {@link Matcher#find} tries a lazy {@code .*?}
 * after each opener that never closes all the way to the end of the text, so a page of many
 * unclosed {@code {{}, {@code {%} or {@code {% raw %}} would cost time quadratic in its length.
 * Here each opener is tried only as far as the first closer of its own kind after it (for a
 * {@code {%}, also the end of the first {@code endraw} tag after it), which no lazy match of it can
 * pass; those places are found once for many openers, as the search only moves forward. An opener
 * with no closer of its kind after it is passed over at once. The matches are those of
 * {@code find}; lookarounds and anchors still see the whole text.
 *
 * <p>Used as a {@link Matcher} is for {@code find}, groups and {@code appendReplacement}, except that
 * a replacement is literal text, never a template with {@code $} references.
 */
final class ClosedTags {
    private static final Pattern ENDRAW = Pattern.compile("\\{%\\s*endraw(?!\\w)");

    private final Matcher matcher;
    private final String text;
    /** Where the next search starts, and where the text not yet appended starts. */
    private int position;
    private int appended;
    private boolean found;
    /** The last closer of each kind found, kept while the search stays before it; -2 before any search, -1 when none is left. */
    private int outputClose = -2;
    private int tagClose = -2;
    private int endraw = -2;
    private int endrawClose = -2;

    private ClosedTags(Pattern pattern, String text) {
        this.matcher = pattern.matcher(text);
        this.text = text;
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
    }

    /** The matches of {@code pattern}, a pattern of output tags, tags and raw blocks, in {@code text}. */
    static ClosedTags scan(Pattern pattern, String text) {
        return new ClosedTags(pattern, text);
    }

    /** {@code text} with each match of {@code pattern} replaced by {@code replacement}'s literal text. */
    static String replaceAll(Pattern pattern, String text, Function<ClosedTags, String> replacement) {
        ClosedTags m = scan(pattern, text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, replacement.apply(m));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Finds the next match, as {@link Matcher#find()}; false when there is none. */
    boolean find() {
        int length = text.length();
        int at = position;
        while (at < length - 1) {
            int open = text.indexOf('{', at);
            if (open < 0 || open >= length - 1) {
                break;
            }
            char kind = text.charAt(open + 1);
            int end = kind == '{' ? outputEnd(open) : kind == '%' ? tagEnd(open) : -1;
            if (end > 0) {
                matcher.region(open, end);
                if (matcher.lookingAt()) {
                    found = true;
                    // a match is never empty: it holds its opener and closer
                    position = matcher.end();
                    return true;
                }
            }
            at = open + 1;
        }
        found = false;
        position = length;
        return false;
    }

    /** The end of the first {@code }}}} after the opener at {@code open}, or -1. */
    private int outputEnd(int open) {
        if (outputClose != -1 && outputClose < open + 2) {
            outputClose = text.indexOf("}}", open + 2);
        }
        return outputClose < 0 ? -1 : outputClose + 2;
    }

    /**
     * How far a match of the {@code {%} at {@code open} can reach: the end of the first {@code %}}
     * after it, or of the first raw end after it if that is further; -1 when there is no {@code %}}.
     */
    private int tagEnd(int open) {
        if (tagClose != -1 && tagClose < open + 2) {
            tagClose = text.indexOf("%}", open + 2);
        }
        if (tagClose < 0) {
            return -1;
        }
        if (endraw != -1 && endraw < open + 2) {
            Matcher next = ENDRAW.matcher(text);
            endraw = next.find(open + 2) ? next.start() : -1;
            endrawClose = endraw < 0 ? -1 : text.indexOf("%}", endraw + 2);
        }
        return Math.max(tagClose, endrawClose) + 2;
    }

    String group() {
        return checked().group();
    }

    String group(int group) {
        return checked().group(group);
    }

    int start() {
        return checked().start();
    }

    int start(int group) {
        return checked().start(group);
    }

    int end() {
        return checked().end();
    }

    int end(int group) {
        return checked().end(group);
    }

    /** Appends the text from the last append up to this match, then {@code replacement} as it stands. */
    void appendReplacement(StringBuilder out, String replacement) {
        out.append(text, appended, checked().start()).append(replacement);
        appended = matcher.end();
    }

    /** Appends the text after the last append. */
    void appendTail(StringBuilder out) {
        out.append(text, appended, text.length());
    }

    private Matcher checked() {
        if (!found) {
            throw new IllegalStateException("no match found");
        }
        return matcher;
    }
}
