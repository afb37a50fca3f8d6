package org.sheaf.liquid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * A range ({@code (1..n)}) as the value an output tag or an {@code assign} starts from, which
 * Ruby's Liquid reads as a value ({@code {{ (1..3) | join: "," }}}, {@code {% assign r = (1..n) %}})
 * and Liqp's grammar only in a loop. {@link #rewrite} writes such a range as its first end given
 * to the marked filter {@link #FILTER} with its last end ({@code 1 | _range: n}); the filter gives
 * {@link For.Numbers}, the numbers a loop over the range goes through, which filters read as an
 * array and a page shows by its ends ({@code 1..3}), as Ruby writes a range. The tag grows by a
 * few characters and lines stay as written, so {@link SourceColumns} maps a later column back.
 */
final class RangeValues {
    /** The filter a rewritten range becomes; its name is one no page writes. */
    private static final String NAME = "_range";
    /** An end of a range: a number, a quoted string or a variable, up to the first {@code ..}. */
    private static final String END = "([^()\\s]+?)";
    private static final String RANGE = "\\(\\s*" + END + "\\s*\\.\\.\\s*" + END + "\\s*\\)";
    /**
     * A raw block (left alone), or a range that opens an output tag's or an assign's value: what
     * comes before it, and its ends.
     */
    private static final Pattern STARTING_RANGE = Pattern.compile(RawBlock.PATTERN
            + "|(\\{\\{-?\\s*|\\{%-?\\s*assign\\s+[^=%}]*?=\\s*)" + RANGE, Pattern.DOTALL);

    /** The numbers from the value it is given to the one its parameter names, as a range holds them. */
    static final Filter FILTER = new Filter(NAME) {
        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return new For.Numbers(super.asNumber(value).intValue(), super.asNumber(params[0]).intValue());
        }
    };

    private RangeValues() {
    }

    /** {@code text} with each range that starts an output tag's or an assign's value written as {@link #FILTER}. */
    static String rewrite(String text) {
        if (!text.contains("..")) {
            return text;
        }
        Matcher m = STARTING_RANGE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String written = m.group(1) == null ? m.group()
                    : m.group(1) + m.group(2) + " | " + NAME + ": " + m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        return m.appendTail(out).toString();
    }
}
