package org.sheaf.liquid;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import liqp.TemplateContext;
import liqp.nodes.AtomNode;
import liqp.nodes.LNode;
import liqp.parser.Inspectable;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyDrop;
import org.sheaf.jekyll.RubyRange;
import org.sheaf.jekyll.WideTime;

/**
 * Liquid's {@code for}, with a range ({@code (1..n)}) looped over as the array of its numbers.
 * Liqp's own range loop gives {@code forloop} one item too few, so {@code forloop.last} came on
 * the loop's last but one item and {@code forloop.length} was short by one; its array loop counts
 * right, reversed and all, given the start and length of the slice Ruby takes by offset and limit
 * ({@link Slice}). A drop (a document's, a static file's) is looped over as its keys.
 *
 * <p>Liqp hands the tag its parts in place: {@code [is array, name, from, to, body, id, reversed,
 * attributes...]} for a range and {@code [is array, name, items, body, else body, id, reversed,
 * attributes...]} for an array. A number, a boolean, a time or a date is looped over as nothing, as Ruby's
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
                    // Ruby loops over nothing for a value without each (a number, true, a time, a date)
                    // a string is looped over as one item, and an empty one as nothing
                    : items instanceof CharSequence text ? (text.length() == 0 ? List.of() : List.of(text))
                    : items instanceof Number || items instanceof Boolean || items instanceof java.time.temporal.Temporal
                    || items instanceof RubyDate || items instanceof WideTime ? List.of() : items);
            return renderSlice(context, looped, items instanceof CharSequence);
        }
        int from = super.asNumber(nodes[2].render(context)).intValue();
        int to = super.asNumber(nodes[3].render(context)).intValue();
        if ((long) to - from + 1 > LiquidRenderer.MAX_ITERATIONS) {
            // Liqp's range loop stops at the bound without making the array; it is given the
            // slice's start, which it cannot find for offset: continue of a loop never run before
            return super.render(context, sliceOf(nodes, context).appliedTo(nodes));
        }
        LNode[] asArray = nodes.clone();
        asArray[0] = new AtomNode(true);
        asArray[2] = new AtomNode(new Numbers(from, to));
        asArray[3] = nodes[4];
        asArray[4] = null;
        return renderSlice(context, asArray, false);
    }

    /**
     * Renders the loop over an array whose parts are {@code nodes}, over the items Ruby's Liquid
     * slices from it: Liqp is given the slice's start and length as an offset and a limit it
     * reads alike, the else body is written when the slice is empty (Liqp writes it only when
     * the items are none), and the loop's offset for a later {@code offset: continue} is set as
     * Ruby sets it, once the loop is written (a loop of the same name inside it reads the one
     * Liqp set before its body). Ruby's {@code slice_collection} gives text whole, whatever the
     * offset and limit ({@code whole}), though the offset still counts for a later loop.
     */
    private Object renderSlice(TemplateContext context, LNode[] nodes, boolean whole) {
        Slice slice = sliceOf(nodes, context);
        Slice looped = whole ? new Slice(0, null) : slice;
        int length = looped.length(size(nodes[2].render(context), context));
        Object rendered = length == 0 && nodes[4] != null ? nodes[4].render(context)
                : super.render(context, looped.appliedTo(nodes));
        Map<String, Integer> offsets = context.getRegistry(TemplateContext.REGISTRY_FOR);
        offsets.put(name(nodes, context), slice.from() + length);
        return rendered;
    }

    /** The number of items Liqp loops over for the collection {@code items}. */
    private int size(Object items, TemplateContext context) {
        if (AtomNode.isEmpty(items) || "".equals(items)) {
            return 0;
        }
        Object values = items instanceof Inspectable ? context.getParser().evaluate(items).toLiquid() : items;
        return values instanceof Map<?, ?> map ? map.size() : super.asArray(values, context).length;
    }

    /**
     * The loop's name, as Liqp and Ruby give it: its variable and its collection as written.
     * A later loop of the same name with {@code offset: continue} starts where this one ended.
     */
    private String name(LNode[] nodes, TemplateContext context) {
        return super.asString(nodes[1].render(context), context) + "-" + nodes[5].render(context);
    }

    /**
     * Ruby's start and end of a loop's slice, from the {@code offset} and {@code limit} among its
     * attributes (the last of each counts): the offset is where the loop of the same name ended
     * for {@code continue}, or 0 when no such loop ran, and a {@code nil} limit is none.
     */
    private Slice sliceOf(LNode[] nodes, TemplateContext context) {
        int from = 0;
        Integer limit = null;
        for (int i = 7; i < nodes.length; i++) {
            if (!(nodes[i].render(context) instanceof Object[] attribute) || attribute.length != 2) {
                continue;
            }
            String key = String.valueOf(attribute[0]);
            Object value = attribute[1];
            if (key.equals("offset")) {
                Map<String, Integer> offsets = context.getRegistry(TemplateContext.REGISTRY_FOR);
                from = value == liqp.LValue.CONTINUE ? offsets.getOrDefault(name(nodes, context), 0)
                        : value == null ? 0 : whole(value, from);
            } else if (key.equals("limit")) {
                limit = value == null ? null : whole(value, limit);
            }
        }
        return new Slice(from, limit == null ? null : (long) from + limit);
    }

    /**
     * {@code value} as a whole number, or {@code otherwise} where it is neither a number nor the
     * text of one: Liqp skips such an attribute (Ruby stops with {@code invalid integer}).
     */
    private Integer whole(Object value, Integer otherwise) {
        if (!(value instanceof Number) && !(value instanceof CharSequence)) {
            return otherwise;
        }
        try {
            return super.asNumber(value).intValue();
        } catch (RuntimeException notANumber) {
            return otherwise;
        }
    }

    /**
     * The items Ruby's Liquid loops over: those at index {@code from} (which may be negative)
     * and on, before index {@code to} (none when null), as its {@code slice_collection} walks
     * them.
     */
    private record Slice(int from, Long to) {
        /** How many of {@code size} items the slice holds. */
        int length(int size) {
            long end = to == null ? size : Math.min(size, to);
            return (int) Math.max(0, end - Math.max(from, 0));
        }

        /**
         * {@code nodes} with their offset and limit replaced by the slice's start and length,
         * both 0 or more, which Liqp reads as Ruby reads the slice.
         */
        LNode[] appliedTo(LNode[] nodes) {
            // the parts before the attributes, the else body among them, which may be null
            List<LNode> applied = new ArrayList<>(Arrays.asList(nodes).subList(0, 7));
            int start = Math.max(from, 0);
            applied.add(new AtomNode(new Object[] {"offset", (long) start}));
            if (to != null) {
                applied.add(new AtomNode(new Object[] {"limit", Math.max(0, to - start)}));
            }
            return applied.toArray(LNode[]::new);
        }
    }

    /** The numbers of the range between the whole numbers {@code from} and {@code to} render ({@link RangeValues#ends}), as a loop's collection. */
    static LNode range(LNode from, LNode to) {
        return context -> new Numbers(((Number) from.render(context)).intValue(), ((Number) to.render(context)).intValue());
    }

    /**
     * The whole numbers from {@code from} to {@code to}, none when {@code to} is smaller: a range,
     * which filters that loop read as an array of its numbers. As Ruby's {@code Range}, it is text
     * by its ends ({@code 1..3}, as an output tag and a filter taking text write it), and Liquid
     * compares it by its ends ({@link RangeValues.Compared}).
     */
    static final class Numbers extends AbstractList<Long> implements RubyRange {
        private final int from;
        private final int to;
        private final int size;

        Numbers(int from, int to) {
            this.from = from;
            this.to = to;
            this.size = (int) Math.min(Integer.MAX_VALUE, count());
        }

        /**
         * Ruby's {@code Range#size}: how many numbers lie between the ends, counted rather than
         * listed, as a range of billions holds more than a list can.
         */
        long count() {
            return Math.max(0L, (long) to - from + 1);
        }

        /** Ruby's {@code to_s} of the range: its ends, whether it holds numbers or none. */
        @Override
        public String rubyText() {
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
