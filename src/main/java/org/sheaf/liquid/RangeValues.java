package org.sheaf.liquid;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.exceptions.LiquidException;
import liqp.nodes.LNode;
import liqp.nodes.LookupNode;
import liquid.parser.v4.LiquidParser;

/**
 * A range ({@code (1..n)}) as a value wherever Ruby's Liquid reads one: in an output tag, an
 * {@code assign}, a condition or a comparison ({@code {% if x == (1..2) %}}), a {@code when}, a
 * {@code cycle} or a filter's argument. Liqp's grammar takes a range in a loop only, so
 * {@link #rewrite} writes each such range as a lookup of the marked variable {@link #MARK} with
 * the two ends as its indexes, in the range's own parentheses ({@code (__[1][n])}), which the
 * grammar takes wherever a value may stand; {@link RubyComparisons} builds that lookup as
 * {@link #node}, which gives the range as {@link For.Numbers}. A loop's own range is left to the
 * loop. The tag grows by a few characters and lines stay as written, so {@link SourceColumns}
 * maps a later column back.
 */
final class RangeValues {
    /**
     * The variable a rewritten range looks up; its two indexes are the range's ends. Its name has
     * no letter or digit, so that {@link SourceColumns} aligns the ends' text with the writer's.
     */
    static final String MARK = "__";
    /** An end of a range: a number, a quoted string or a variable, up to the first {@code ..}. */
    private static final String END = "([^()\\s]+?)";
    /** A range, or a quoted string (left alone, as the range in it is text). */
    private static final Pattern RANGE_OR_QUOTE = Pattern.compile(
            "\\(\\s*" + END + "\\s*\\.\\.\\s*" + END + "\\s*\\)|\"[^\"]*\"|'[^']*'");
    /** A rewritten range of two whole numbers, as the parse tree's text gives it (without spaces). */
    private static final Pattern OF_NUMBERS = Pattern.compile("\\(" + MARK + "\\[(-?\\d{1,18})\\]\\[(-?\\d{1,18})\\]\\)");
    /** A raw block (left alone), an output tag's markup, or a tag: its start, name and markup. */
    private static final Pattern MARKUP = Pattern.compile(RawBlock.PATTERN
            + "|\\{\\{(.*?)\\}\\}|(\\{%-?\\s*)(\\w+)(.*?)-?%\\}", Pattern.DOTALL);
    /** The tags whose markup Ruby's Liquid reads as values, where a range is one. */
    private static final Set<String> VALUE_TAGS = Set.of("assign", "if", "elsif", "unless", "case", "when", "cycle", "echo");

    /**
     * A range as Liquid compares it ({@link RubyComparisons#comparable}): by its ends alone, as
     * Ruby's {@code Range#==} does, so that it equals a range of the same ends and nothing else.
     */
    record Compared(int from, int to) {
    }

    private RangeValues() {
    }

    /** {@code text} with each range in an output tag or in the markup of {@link #VALUE_TAGS} written as a lookup of {@link #MARK}. */
    static String rewrite(String text) {
        if (!text.contains("..")) {
            return text;
        }
        ClosedTags m = ClosedTags.scan(MARKUP, text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            int group = m.group(1) != null ? 1 : m.group(3) != null && VALUE_TAGS.contains(m.group(3)) ? 4 : 0;
            if (group != 0) {
                out.append(text, last, m.start(group)).append(ranges(m.group(group)));
                last = m.end(group);
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /** {@code markup} with each range outside quotes written as a lookup of {@link #MARK}. */
    private static String ranges(String markup) {
        Matcher m = RANGE_OR_QUOTE.matcher(markup);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String written = m.group(1) == null ? m.group() : "(" + MARK + "[" + m.group(1) + "][" + m.group(2) + "])";
            m.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The text Ruby gives a range written {@code text} as {@link #rewrite} leaves it, when both its
     * ends are whole numbers ({@code 1..2} of {@code (__[1][2])}); null for any other text.
     */
    static String ofNumbers(String text) {
        Matcher m = OF_NUMBERS.matcher(text);
        return m.matches() ? Long.parseLong(m.group(1)) + ".." + Long.parseLong(m.group(2)) : null;
    }

    /**
     * The range a lookup {@code ctx} of {@link #MARK} stands for, from its two indexes, the range's
     * ends, each built by {@code visit}; null for any other lookup.
     */
    static LookupNode node(LiquidParser.Lookup_id_indexesContext ctx, Function<LiquidParser.ExprContext, LNode> visit) {
        if (!ctx.id().getText().equals(MARK) || ctx.index().size() != 2 || ctx.QMark() != null
                || ctx.index().stream().anyMatch(index -> index.expr() == null)) {
            return null;
        }
        LNode[] ends = ends(ctx.index(0).expr(), ctx.index(1).expr(), visit);
        return new Lookup(ends[0], ends[1]);
    }

    /**
     * The two ends of a range written {@code (from..to)}, each built by {@code visit} and rendering
     * the whole number Ruby's Liquid makes of it ({@link End}): in a value, in a loop and in a
     * {@code tablerow} alike.
     */
    static LNode[] ends(LiquidParser.ExprContext from, LiquidParser.ExprContext to, Function<LiquidParser.ExprContext, LNode> visit) {
        boolean literal = isLiteral(from) && isLiteral(to);
        return new LNode[] {new End(visit.apply(from), literal, from), new End(visit.apply(to), literal, to)};
    }

    private static boolean isLiteral(LiquidParser.ExprContext end) {
        return end instanceof LiquidParser.Expr_termContext term && !(term.term() instanceof LiquidParser.Term_lookupContext);
    }

    /** The range from the whole number of one end to that of the other, as a loop renders it ({@link For#range}). */
    private static final class Lookup extends LookupNode {
        private final LNode range;

        Lookup(LNode from, LNode to) {
            super(MARK);
            this.range = For.range(from, to);
        }

        @Override
        public Object render(TemplateContext context) {
            return range.render(context);
        }
    }

    /**
     * An end of a range, made a whole number as Ruby's {@code RangeLookup} makes it: a whole number
     * stays, text and nil are read as {@code to_i} reads them ({@code "3"} is 3, {@code "abc"} and
     * nil 0), and a number with a fraction is cut to its whole part when both ends are written as
     * literals ({@code (1.5..3)}); any other end (a float in a variable, a list, true) is Ruby's
     * error {@code invalid integer}, reported at the end. Of two literals, Ruby asks each for
     * {@code to_i} as it parses them, which {@code true} and {@code false} have not.
     */
    private record End(LNode value, boolean literal, LiquidParser.ExprContext ctx) implements LNode {
        @Override
        public Object render(TemplateContext context) {
            return (long) whole(context);
        }

        private int whole(TemplateContext context) {
            Object end = value.render(context);
            if (literal && end instanceof Boolean) {
                throw new LiquidException("Liquid error: undefined method `to_i' for " + end + ":"
                        + RubyClasses.of(end), ctx);
            }
            if (end instanceof Long || end instanceof Integer || end == null || end instanceof CharSequence
                    || (literal && end instanceof Number)) {
                return ((Number) JekyllLiquidFilters.number(end == null ? "" : end.toString())).intValue();
            }
            throw new LiquidException("Liquid error: invalid integer", ctx);
        }
    }
}
