package org.sheaf.liquid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.blocks.Tablerow;
import liqp.nodes.AtomNode;
import liqp.nodes.LNode;

/**
 * A {@code tablerow} over a range ({@code {% tablerow i in (1..n) cols: 3 %}}), which Ruby's
 * Liquid loops over as the range's numbers and Liqp's grammar does not read (its tablerow takes a
 * variable only). {@link #rewrite} writes such a tag as a {@code for} over the range, whose grammar
 * has ranges, with the loop variable marked ({@code tr---i}); the visitor turns that loop back
 * into this node, which hands the numbers to Liqp's own tablerow, right in every other respect.
 * The rewrite keeps the text's length and line breaks, so positions stay the writer's.
 */
final class RangeTablerow implements LNode {
    /** A raw block (left alone), or a tablerow tag over a range, or a tablerow or endtablerow tag. */
    private static final Pattern TAGS = Pattern.compile(
            RawBlock.PATTERN
                    + "|(\\{%-?\\s*)(tablerow)([ \\t]+)([A-Za-z_][\\w-]*)(?=\\s+in\\s*\\()"
                    + "|(\\{%-?\\s*)(endtablerow|tablerow)\\b",
            Pattern.DOTALL);
    /** The loop variable of a rewritten tag: the mark, then the writer's name. */
    private static final Pattern MARKED = Pattern.compile("tr---+([A-Za-z_][\\w-]*)");

    private final String name;
    private final LNode from;
    private final LNode to;
    private final LNode body;
    private final List<LNode> attributes;

    private RangeTablerow(String name, LNode from, LNode to, LNode body, List<LNode> attributes) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.body = body;
        this.attributes = attributes;
    }

    /**
     * The node for a {@code for} loop over a range whose variable {@code id} carries the mark
     * {@link #rewrite} gives a tablerow's; null for any other loop.
     */
    static LNode ofMarked(String id, LNode from, LNode to, LNode body, List<LNode> attributes) {
        Matcher m = MARKED.matcher(id);
        return m.matches() ? new RangeTablerow(m.group(1), from, to, body, attributes) : null;
    }

    /**
     * {@code text} with each tablerow over a range written as a {@code for} over it, with the
     * loop variable marked, and its {@code endtablerow} as {@code endfor}: {@code tablerow} and
     * the blanks after it ({@code k} of them) become {@code for}, a space and a mark of {@code k + 4}
     * characters, and {@code endtablerow} becomes {@code endfor} and five spaces.
     */
    static String rewrite(String text) {
        if (!text.contains("tablerow")) {
            return text;
        }
        Deque<Boolean> open = new ArrayDeque<>();
        Matcher m = TAGS.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.group(2) != null) {
                open.push(true);
                out.append(text, last, m.start()).append(m.group(1)).append("for ").append("tr")
                        .append("-".repeat(m.group(3).length() + 2)).append(m.group(4));
                last = m.end();
            } else if ("tablerow".equals(m.group(6))) {
                open.push(false);
            } else if ("endtablerow".equals(m.group(6)) && !open.isEmpty() && open.pop()) {
                out.append(text, last, m.start()).append(m.group(5)).append("endfor     ");
                last = m.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    @Override
    public Object render(TemplateContext context) {
        Tablerow tablerow = new Tablerow();
        long first = tablerow.asNumber(from.render(context)).longValue();
        long end = tablerow.asNumber(to.render(context)).longValue();
        // a range longer than a render may loop is cut one past that bound, where Liqp stops it
        long count = Math.min(Math.max(0, end - first + 1), LiquidRenderer.MAX_ITERATIONS + 1L);
        List<Long> numbers = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            numbers.add(first + i);
        }
        List<LNode> nodes = new ArrayList<>();
        nodes.add(new AtomNode(name));
        nodes.add(new AtomNode(numbers));
        nodes.add(body);
        nodes.addAll(attributes);
        return tablerow.render(context, nodes.toArray(new LNode[0]));
    }
}
