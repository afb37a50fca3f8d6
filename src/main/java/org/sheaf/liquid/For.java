package org.sheaf.liquid;

import java.util.AbstractList;
import java.util.List;
import liqp.TemplateContext;
import liqp.nodes.AtomNode;
import liqp.nodes.LNode;
import org.sheaf.jekyll.RubyDrop;

/**
 * Liquid's {@code for}, with a range ({@code (1..n)}) looped over as the array of its numbers.
 * Liqp's own range loop gives {@code forloop} one item too few, so {@code forloop.last} came on
 * the loop's last but one item and {@code forloop.length} was short by one; its array loop counts
 * right, offset, limit, reversed and all. A drop (a document's, a static file's) is looped over as its keys.
 *
 * <p>Liqp hands the tag its parts in place: {@code [is array, name, from, to, body, id, reversed,
 * attributes...]} for a range and {@code [is array, name, items, body, else body, id, reversed,
 * attributes...]} for an array. A number, a boolean or a time is looped over as nothing, as Ruby's
 * Liquid loops over a value that has no {@code each}. A range longer than a render may loop at all is left to Liqp's
 * own loop, which stops at that bound without first making the array.
 *
 * <p>The class is named {@code For} because Liqp names a tag after its class: so it takes the
 * place of Liqp's {@code for}.
 */
final class For extends liqp.blocks.For {
    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        if (super.asBoolean(nodes[0].render(context))) {
            Object items = nodes[2].render(context);
            LNode[] looped = nodes.clone();
            // a loop over a drop yields its keys alone, as Ruby's drop each does
            looped[2] = new AtomNode(RubyDrop.is(items) ? ((RubyDrop) items).dropKeys()
                    // Ruby loops over nothing for a value without each (a number, true, a time)
                    // a string is looped over as one item, and an empty one as nothing
                    : items instanceof CharSequence text ? (text.length() == 0 ? List.of() : List.of(text))
                    : items instanceof Number || items instanceof Boolean || items instanceof java.time.temporal.Temporal
                    ? List.of() : items);
            if (nodes[4] != null && sliceIsEmpty(looped[2].render(context), context, nodes)) {
                // Ruby writes the else body when the items left after offset and limit are none
                return nodes[4].render(context);
            }
            withoutNegativeLimit(looped, context);
            return super.render(context, looped);
        }
        int from = super.asNumber(nodes[2].render(context)).intValue();
        int to = super.asNumber(nodes[3].render(context)).intValue();
        if ((long) to - from + 1 > LiquidRenderer.MAX_ITERATIONS) {
            return super.render(context, nodes);
        }
        LNode[] asArray = nodes.clone();
        asArray[0] = new AtomNode(true);
        asArray[2] = new AtomNode(new Numbers(from, to));
        asArray[3] = nodes[4];
        asArray[4] = null;
        withoutNegativeLimit(asArray, context);
        return super.render(context, asArray);
    }

    /**
     * Makes a negative {@code limit} among the attributes of {@code nodes} a limit of 0. Ruby ends
     * the slice at offset plus limit, before its start, so it loops over nothing (and an {@code
     * offset: continue} after it starts where this loop did); Liqp takes a negative limit for none.
     */
    private void withoutNegativeLimit(LNode[] nodes, TemplateContext context) {
        for (int i = 7; i < nodes.length; i++) {
            if (nodes[i].render(context) instanceof Object[] attribute && attribute.length == 2
                    && "limit".equals(String.valueOf(attribute[0]))
                    && (attribute[1] instanceof Number || attribute[1] instanceof CharSequence)) {
                try {
                    if (super.asNumber(attribute[1]).intValue() < 0) {
                        nodes[i] = new AtomNode(new Object[] {attribute[0], 0L});
                    }
                } catch (RuntimeException notANumber) {
                    // Liqp ignores such an attribute
                }
            }
        }
    }

    /**
     * Whether a loop over {@code items} (not itself empty) is left with no item by its
     * {@code offset} (past the end) or {@code limit} (0 or less); Liqp writes the else body only
     * when the items themselves are none. An {@code offset: continue} is left to Liqp.
     */
    private boolean sliceIsEmpty(Object items, TemplateContext context, LNode... nodes) {
        int size = items instanceof java.util.Collection<?> c ? c.size()
                : items instanceof Object[] array ? array.length
                : items instanceof java.util.Map<?, ?> map ? map.size() : -1;
        if (size <= 0) {
            return false;
        }
        int offset = 0;
        for (int i = 7; i < nodes.length; i++) {
            if (!(nodes[i].render(context) instanceof Object[] attribute) || attribute.length != 2) {
                continue;
            }
            String name = String.valueOf(attribute[0]);
            if (name.equals("offset") && attribute[1] == liqp.LValue.CONTINUE) {
                return false;
            }
            if (!(attribute[1] instanceof Number) && !(attribute[1] instanceof CharSequence)) {
                continue;
            }
            int value;
            try {
                value = super.asNumber(attribute[1]).intValue();
            } catch (RuntimeException notANumber) {
                continue; // Liqp ignores such an attribute
            }
            if (name.equals("offset")) {
                offset = value;
            } else if (name.equals("limit") && value <= 0) {
                return true;
            }
        }
        return offset >= size;
    }

    /** The numbers of the range from {@code from} to {@code to}, rendered as a loop's collection. */
    static LNode range(LNode from, LNode to) {
        return context -> {
            For loop = new For();
            return new Numbers(loop.asNumber(from.render(context)).intValue(), loop.asNumber(to.render(context)).intValue());
        };
    }

    /**
     * The whole numbers from {@code from} to {@code to}, none when {@code to} is smaller: a range,
     * which filters that loop read as an array of its numbers. As Ruby's {@code Range}, it is text
     * by its ends ({@code 1..3}, as an output tag and a filter taking text write it), and Liquid
     * compares it by its ends ({@link RangeValues.Compared}).
     */
    static final class Numbers extends AbstractList<Long> {
        private final int from;
        private final int to;
        private final int size;

        Numbers(int from, int to) {
            this.from = from;
            this.to = to;
            this.size = Math.max(0, to - from + 1);
        }

        /** Ruby's {@code to_s} of the range: its ends, whether it holds numbers or none. */
        String rubyText() {
            return from + ".." + to;
        }

        int from() {
            return from;
        }

        int to() {
            return to;
        }

        /** Ruby's {@code Range#include?} of a number: whether it lies between the ends. */
        boolean covers(Object value) {
            return value instanceof Number number && number.doubleValue() >= from && number.doubleValue() <= to;
        }

        @Override
        public String toString() {
            return rubyText();
        }

        @Override
        public Long get(int index) {
            return (long) from + index;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
