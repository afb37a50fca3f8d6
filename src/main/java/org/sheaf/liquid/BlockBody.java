package org.sheaf.liquid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import liqp.LValue;
import liqp.RenderTransformer.ObjectAppender;
import liqp.TemplateContext;
import liqp.nodes.BlockNode;
import liqp.nodes.LNode;

/**
 * A block's nodes, rendered as Ruby's Liquid renders a block body, with {@code break} and
 * {@code continue} as Ruby's interrupts: a state of the whole render, not a value a block hands up.
 *
 * <p>In Ruby, {@code {% break %}} and {@code {% continue %}} push an interrupt; a block body stops
 * after any tag or output that leaves one pending, keeping what it wrote so far; and only a
 * {@code for} loop takes one off, after the body of an item. Every other block leaves it pending
 * for the block around it. So {@code x{% break %}} inside an {@code if} in a loop writes
 * {@code x}, where Liqp's own block drops what came before the break; a {@code tablerow} does not
 * take the interrupt, so it goes on with its items, each of whose bodies stops after its first
 * tag or output, and then the loop around the tablerow takes it; and with no loop around it the
 * rest of the template is not written. The interrupts live in the render's registry, which the
 * contexts of includes share, as Ruby's include shares its caller's context.
 *
 * <p>Liqp's {@code for} renders its body's {@link #getChildren children} itself, ending an item at
 * a child that renders as {@link LValue#BREAK} or {@link LValue#CONTINUE}: the children it is
 * given are this whole body and then a node that takes the pending interrupt, if any.
 */
final class BlockBody extends BlockNode {
    private static final String REGISTRY = "sheaf-interrupts";
    private static final String PENDING = "pending";
    /** The last child of a loop body for Liqp's {@code for}: the pending interrupt, taken. */
    private static final LNode TAKE_INTERRUPT = context -> {
        Deque<LValue> pending = pending(context);
        return pending.isEmpty() ? null : pending.pop();
    };

    private final List<LNode> nodes = new ArrayList<>();
    /** Per node, whether it is plain text, after which Ruby does not look for an interrupt. */
    private final List<Boolean> text = new ArrayList<>();

    /** Adds a child; {@code isText} for the template's plain text between tags. */
    void add(LNode node, boolean isText) {
        nodes.add(node);
        text.add(isText);
    }

    @Override
    public void add(LNode node) {
        add(node, false);
    }

    @Override
    public List<LNode> getChildren() {
        return List.of(this, TAKE_INTERRUPT);
    }

    @Override
    public Object render(TemplateContext context) {
        ObjectAppender.Controller builder = context.newObjectAppender(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            LNode node = nodes.get(i);
            // an empty tag ({% # comment %}) has no node
            if (node == null) {
                continue;
            }
            Object value = node.render(context);
            if (value == LValue.BREAK || value == LValue.CONTINUE) {
                pending(context).push((LValue) value);
                return builder.getResult();
            }
            if (value instanceof List<?> list) {
                list.forEach(item -> builder.append(printable(item, context)));
            } else if (value != null && value.getClass().isArray()) {
                for (Object item : (Object[]) value) {
                    builder.append(printable(item, context));
                }
            } else if (value != null) {
                builder.append(printable(value, context));
            }
            if (!text.get(i) && !pending(context).isEmpty()) {
                break;
            }
        }
        return builder.getResult();
    }

    /** A value as Liqp's block writes it: a time in Ruby's {@code Time#to_s}, anything else as it is. */
    private static Object printable(Object value, TemplateContext context) {
        return LValue.isTemporal(value) ? LValue.rubyDateTimeFormat.format(LValue.asRubyDate(value, context)) : value;
    }

    /** The render's pending interrupts, the last pushed first. */
    private static Deque<LValue> pending(TemplateContext context) {
        Map<String, Deque<LValue>> registry = context.getRegistry(REGISTRY);
        return registry.computeIfAbsent(PENDING, key -> new ArrayDeque<>());
    }
}
