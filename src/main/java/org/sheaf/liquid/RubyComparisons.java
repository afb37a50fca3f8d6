package org.sheaf.liquid;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.sheaf.jekyll.DefaultedHash;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.WideTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import liqp.LValue;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.exceptions.IncompatibleTypeComparisonException;
import liqp.exceptions.LiquidException;
import liqp.nodes.AtomNode;
import liqp.nodes.BlockNode;
import liqp.nodes.ContainsNode;
import liqp.nodes.EqNode;
import liqp.nodes.GtEqNode;
import liqp.nodes.GtNode;
import liqp.nodes.LNode;
import liqp.nodes.LookupNode;
import liqp.nodes.LtEqNode;
import liqp.nodes.LtNode;
import liqp.nodes.NEqNode;
import liqp.parser.v4.NodeVisitor;
import liqp.spi.BasicTypesSupport;
import liquid.parser.v4.LiquidParser;
import org.sheaf.jekyll.RubyDrop;
import org.sheaf.jekyll.RubyStrings;
import liquid.parser.v4.LiquidParser.IndexContext;

/**
 * Builds a parsed template's nodes as Liqp does, except that wherever Liquid compares two values
 * ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code contains} and
 * {@code case}/{@code when}, in {@code if}, {@code elsif}, {@code unless} and {@code where_exp})
 * two times compare by the instant they name, as Ruby's {@code Time#==} and {@code Time#<=>} do:
 * {@code 2018-05-01 10:00:00 Z} equals {@code 2018-05-01 12:00:00 +0200}, and neither is smaller.
 *
 * <p>Liqp compares times as {@link ZonedDateTime} does: equal only at the same instant in the same
 * zone, and of two at the same instant, the one with the earlier wall-clock time first. Its
 * comparison nodes cannot be told otherwise, and a time keeps its zone because Liquid prints it
 * and formats it there. So the nodes built here hand Liqp's own comparison nodes operands in which
 * every time is moved to offset zero ({@link #comparable}): at one offset, Java's order and
 * equality are the instants'. Everything else about a comparison (numbers, strings, nil, a date
 * against a time) stays Liqp's.
 *
 * <p>One lookup is also built as Ruby's Liquid reads it: {@code hash.first}, on a hash with no
 * key {@code first}, is the hash's first entry as a {@code [key, value]} pair, since Liquid calls
 * Ruby's {@code Hash#first} there ({@code site.categories.first[0]} is the first category's name);
 * Liqp knows {@code first} of lists only and gives nil.
 *
 * <p>The blocks built here also drop the output of blank block tags, as Ruby's Liquid does
 * ({@link BlankBlocks}); the lookup {@link RangeValues} writes a range as is that range, which an
 * output tag and a {@code cycle} write as Ruby writes a range, by its ends ({@code 1..3}), where
 * Liqp would run its numbers together as a list's items, and which {@code contains} and the
 * comparisons read as Ruby's {@code Range}.
 *
 * <p>Liqp builds a template's nodes afresh for each render, as they keep state while they render;
 * {@link #render} does the same with this builder.
 */
final class RubyComparisons extends NodeVisitor {
    private final TemplateParser parser;

    private RubyComparisons(TemplateParser parser) {
        super(parser.insertions, parser.filters, parser.liquidStyleInclude);
        this.parser = parser;
    }

    /**
     * Renders {@code template} with {@code variables} in a child of {@code parent}, as Liqp's
     * {@code Template.renderToObjectUnguarded(variables, parent, true)} does, with the nodes
     * built here. The template may have been parsed by either of a renderer's parsers: they
     * differ only in how strictly they read text, not in the tags and filters the nodes use.
     */
    static Object render(Template template, Map<String, Object> variables, TemplateContext parent) {
        TemplateParser parser = parent.getParser();
        BasicTypesSupport.clearReferences();
        LNode root = new RubyComparisons(parser).visit(template.getParseTree());
        TemplateContext context = parent.newChildContext(parser.evaluate(parser.mapper, variables));
        return parser.getRenderTransformer().transformObject(context, root.render(context));
    }

    /** An output tag, with a range as its value written by its ends. */
    @Override
    public LNode visitOutput(LiquidParser.OutputContext ctx) {
        return rangeAsText(super.visitOutput(ctx));
    }

    /** {@code node}, rendering a range as Ruby's {@code to_s} writes it ({@code 1..3}), where Liqp would run its numbers together. */
    private static LNode rangeAsText(LNode node) {
        return context -> {
            Object value = node.render(context);
            return value instanceof For.Numbers range ? range.rubyText() : value;
        };
    }

    /**
     * A loop over a range, or the tablerow over a range that {@link RangeTablerow#rewrite} wrote as
     * one, its ends read as Ruby's Liquid reads them ({@link RangeValues#ends}). The parts are
     * Liqp's own: {@code [is array, name, from, to, body, id, reversed, attributes...]}.
     */
    @Override
    public LNode visitFor_range(LiquidParser.For_rangeContext ctx) {
        List<LNode> attributes = new ArrayList<>();
        for (LiquidParser.For_attributeContext attribute : ctx.for_attribute()) {
            attributes.add(visit(attribute));
        }
        LNode[] ends = RangeValues.ends(ctx.from, ctx.to, this::visit);
        LNode body = visitBlock(ctx.block());
        LNode tablerow = RangeTablerow.ofMarked(ctx.id().getText(), ends[0], ends[1], body, attributes);
        if (tablerow != null) {
            return tablerow;
        }
        List<LNode> nodes = new ArrayList<>(List.of(new AtomNode(false), new AtomNode(ctx.id().getText()), ends[0], ends[1],
                body, new AtomNode(rangeText(ctx.from, ctx.to)),
                new AtomNode(ctx.Reversed() != null)));
        nodes.addAll(attributes);
        return new liqp.nodes.InsertionNode(parser.insertions.get("for"), nodes.toArray(new LNode[0]));
    }

    /**
     * A loop as Liqp builds it, except one {@link ForCollections} wrote over its mark: its
     * collection is then the literal or the range its attributes carry, and those attributes go.
     */
    @Override
    public LNode visitFor_array(LiquidParser.For_arrayContext ctx) {
        if (!ForCollections.MARK.equals(ctx.lookup().getText()) || ctx.for_attribute().stream()
                .noneMatch(a -> a.Id() != null && (a.Id().getText().equals(ForCollections.VALUE)
                        || a.Id().getText().equals(ForCollections.FROM)))) {
            return super.visitFor_array(ctx);
        }
        LNode value = null;
        LiquidParser.ExprContext from = null;
        LiquidParser.ExprContext to = null;
        String written = "";
        List<LNode> attributes = new ArrayList<>();
        for (LiquidParser.For_attributeContext attribute : ctx.for_attribute()) {
            String name = attribute.Id() == null ? "" : attribute.Id().getText();
            switch (name) {
                case ForCollections.VALUE -> {
                    value = visit(attribute.expr());
                    written = attribute.expr().getText();
                }
                case ForCollections.FROM -> from = attribute.expr();
                case ForCollections.TO -> to = attribute.expr();
                default -> attributes.add(visit(attribute));
            }
        }
        if (value == null) {
            written = rangeText(from, to);
            LNode[] ends = RangeValues.ends(from, to, this::visit);
            value = For.range(ends[0], ends[1]);
        }
        List<LNode> nodes = new ArrayList<>();
        nodes.add(new AtomNode(true));
        nodes.add(new AtomNode(ctx.id().getText()));
        nodes.add(value);
        nodes.add(visitBlock(ctx.for_block().a));
        nodes.add(ctx.for_block().Else() == null ? null : visitBlock(ctx.for_block().b));
        nodes.add(new AtomNode(written));
        nodes.add(new AtomNode(ctx.Reversed() != null));
        nodes.addAll(attributes);
        return new liqp.nodes.InsertionNode(parser.insertions.get("for"), nodes.toArray(new LNode[0]));
    }

    /** A range as its loop's text names it, {@code (from..to)}, for Liqp's loop id. */
    private static String rangeText(LiquidParser.ExprContext from, LiquidParser.ExprContext to) {
        return "(" + from.getText() + ".." + to.getText() + ")";
    }

    /**
     * A block's nodes as Liqp builds them, a blank block tag among them printing nothing, in a
     * body that stops at {@code break} and {@code continue} as Ruby's does ({@link BlockBody}).
     */
    @Override
    public BlockNode visitBlock(LiquidParser.BlockContext ctx) {
        BlockBody node = new BlockBody();
        for (LiquidParser.AtomContext atom : ctx.atom()) {
            LNode child = visit(atom);
            node.add(child != null && BlankBlocks.isDropped(atom) ? BlankBlocks.dropped(child) : child,
                    atom instanceof LiquidParser.Atom_othersContext);
        }
        return node;
    }

    @Override
    public LNode visitExpr_eq(LiquidParser.Expr_eqContext ctx) {
        if (isBlankOrEmpty(ctx.lhs) && isBlankOrEmpty(ctx.rhs)) {
            // Ruby's Liquid asks the one literal whether it is blank? (or empty?), which the literal
            // itself cannot answer: blank == blank is false, and != true
            boolean notEqual = ctx.op.getType() == LiquidParser.NEq;
            return context -> notEqual;
        }
        LNode lhs = comparable(visit(ctx.lhs));
        LNode rhs = comparable(visit(ctx.rhs));
        boolean equal = switch (ctx.op.getType()) {
            case LiquidParser.Eq -> true;
            case LiquidParser.NEq -> false;
            default -> throw new IllegalStateException("unknown operator: " + ctx.op.getText());
        };
        return context -> equal == equal(lhs.render(context), rhs.render(context), context);
    }

    /**
     * Ruby's {@code a == b} of two comparable operands ({@link #comparable}): text, an array and a
     * hash equal only a value of their own class, two numbers only the same number, and as a number
     * asks a value of another class whether it equals the number, a date equals a number on either
     * side as {@link #compare} finds it. Anything else is Liqp's equality.
     */
    private static boolean equal(Object a, Object b, TemplateContext context) {
        if (isContainer(a) && isContainer(b) && !RubyClasses.of(a).equals(RubyClasses.of(b))) {
            return false; // Liqp takes any two empty ones as equal ("" and [], [] and {})
        }
        if (isFinite(a) && isFinite(b)) {
            return RubySort.compare(a, b) == 0; // exactly, where Liqp allows a small distance
        }
        boolean swapped = a instanceof Number && b instanceof RubyDate;
        return (Boolean) compare(swapped ? b : a, swapped ? a : b, EqNode::new, order -> order == 0, context);
    }

    /** Whether {@code value} is text, an array or a hash, which in Ruby equal values of their own class alone. */
    private static boolean isContainer(Object value) {
        return value instanceof CharSequence || value instanceof List<?> || value instanceof Object[]
                || value instanceof Map<?, ?> && !RubyDrop.is(value);
    }

    private static boolean isFinite(Object value) {
        return value instanceof Number number && Double.isFinite(number.doubleValue());
    }

    /** Whether {@code expr} is the literal {@code blank} or {@code empty}. */
    private static boolean isBlankOrEmpty(LiquidParser.ExprContext expr) {
        return expr instanceof LiquidParser.Expr_termContext term
                && (term.term() instanceof LiquidParser.Term_BlankContext || term.term() instanceof LiquidParser.Term_EmptyContext
                || term.term() instanceof LiquidParser.Term_lookupContext lookup
                        && lookup.lookup() instanceof LiquidParser.Lookup_emptyContext);
    }

    /**
     * The comparison of two rendered operands by Liqp's node {@code liqp}, unless Liqp cannot
     * compare them as Ruby does: one a {@link WideTime} still (of a year Java's times do not hold)
     * and the other a time, ordered by the instant as Ruby's {@code Time#<=>} orders them
     * ({@link RubyTime#compareInstants}), or a date and then a number, ordered as Ruby's
     * {@code Date#<=>} orders them ({@link RubyDate#spaceship}); {@code holds} is asked of
     * that order.
     */
    private static Object compare(Object a, Object b, java.util.function.BinaryOperator<LNode> liqp,
            java.util.function.IntPredicate holds, TemplateContext context) {
        if ((a instanceof WideTime || b instanceof WideTime) && RubyTime.isTime(a) && RubyTime.isTime(b)) {
            return holds.test(RubyTime.compareInstants(a, b));
        }
        Integer dayOrder = a instanceof RubyDate date && b instanceof Number ? date.spaceship(b) : null;
        if (dayOrder != null) {
            return holds.test(dayOrder);
        }
        return liqp.apply(c -> a, c -> b).render(context);
    }

    @Override
    public LNode visitExpr_rel(LiquidParser.Expr_relContext ctx) {
        LNode lhs = comparable(visit(ctx.lhs));
        LNode rhs = comparable(visit(ctx.rhs));
        java.util.function.BinaryOperator<LNode> relation = switch (ctx.op.getType()) {
            case LiquidParser.Lt -> LtNode::new;
            case LiquidParser.LtEq -> LtEqNode::new;
            case LiquidParser.Gt -> GtNode::new;
            case LiquidParser.GtEq -> GtEqNode::new;
            default -> throw new IllegalStateException("unknown operator: " + ctx.op.getText());
        };
        java.util.function.IntPredicate holds = switch (ctx.op.getType()) {
            case LiquidParser.Lt -> order -> order < 0;
            case LiquidParser.LtEq -> order -> order <= 0;
            case LiquidParser.Gt -> order -> order > 0;
            default -> order -> order >= 0;
        };
        // the operands are rendered once here, so that a refused comparison can name them as Ruby does
        return context -> {
            Object a = lhs.render(context);
            Object b = rhs.render(context);
            if (!ordered(a) || !ordered(b)) {
                return false; // Liquid's condition is false where either side has no < or >
            }
            try {
                return compare(a, b, relation, holds, context);
            } catch (IncompatibleTypeComparisonException refused) {
                throw new LiquidException("Liquid error: " + RubyClasses.comparisonFailure(a, b), ctx);
            }
        };
    }

    /**
     * Whether Ruby's {@code value} has the operators {@code <}, {@code <=}, {@code >} and
     * {@code >=}: nil, true, false, an array, a hash, a range and a drop have none, so Liquid's
     * comparison with one of them is false, never an error.
     */
    private static boolean ordered(Object value) {
        return value != null && !(value instanceof Boolean) && !(value instanceof List<?>) && !(value instanceof Object[])
                && !(value instanceof Map<?, ?>) && !(value instanceof RangeValues.Compared) && !RubyDrop.is(value);
    }

    @Override
    public LNode visitExpr_contains(LiquidParser.Expr_containsContext ctx) {
        return new Contains(visit(ctx.lhs), visit(ctx.rhs));
    }

    /**
     * {@code case}, as Ruby's Liquid renders it: the value compared with each {@code when}'s terms
     * as comparable values, and the body of every {@code when} written once for each of its terms
     * that matches, in order (Ruby makes a condition of each term, all sharing the body, so two
     * {@code when}s that both match both print, and {@code when nil, nil} prints twice, where
     * Liqp's case stops at the first); the {@code else} body only when none did. The value is read
     * again for each term, as Ruby reads it, so a body that assigns it changes what follows.
     * {@code case empty} and {@code case blank} take no {@code when}: Jekyll's literal there is an
     * object of its own that Ruby's Liquid equals to nothing, not even {@code when empty} or "".
     */
    @Override
    public LNode visitCase_tag(LiquidParser.Case_tagContext ctx) {
        LNode value = comparable(visit(ctx.expr()));
        List<List<LNode>> terms = new ArrayList<>();
        List<LNode> bodies = new ArrayList<>();
        for (LiquidParser.When_tagContext when : ctx.when_tag()) {
            List<LNode> these = new ArrayList<>();
            for (LiquidParser.TermContext term : when.term()) {
                these.add(comparable(visit(term)));
            }
            terms.add(these);
            bodies.add(visitBlock(when.block()));
        }
        LNode otherwise = ctx.else_tag() != null ? visitBlock(ctx.else_tag().block()) : null;
        return context -> {
            StringBuilder out = new StringBuilder();
            boolean matched = false;
            for (int i = 0; i < bodies.size(); i++) {
                for (LNode term : terms.get(i)) {
                    Object subject = value.render(context);
                    if (!JekyllLiquidFilters.isEmptyOrBlank(subject) && equal(subject, term.render(context), context)) {
                        matched = true;
                        out.append(String.valueOf(bodies.get(i).render(context)));
                    }
                }
            }
            if (!matched && otherwise != null) {
                out.append(String.valueOf(otherwise.render(context)));
            }
            return out.toString();
        };
    }

    /**
     * {@code cycle}, its values grouped as Ruby's Liquid groups them: a named group by its name, and
     * a cycle without a name by the text of its values as parsed ({@code 'a', 'b'} and
     * {@code "a", "b"} are one group, {@code 1, 2} and {@code "1", "2"} two), where Liqp groups by
     * the values the cycle has now. A value that is a variable makes the tag a group of its own, as
     * Ruby's text of a variable names the object read from that tag. A range is written by its
     * ends, and one of two numbers is in the group's text so.
     */
    @Override
    public LNode visitCycle_tag(LiquidParser.Cycle_tagContext ctx) {
        List<LNode> nodes = new ArrayList<>();
        if (ctx.cycle_group().expr() != null) {
            nodes.add(visit(ctx.cycle_group().expr()));
        } else {
            List<String> terms = new ArrayList<>();
            for (LiquidParser.ExprContext expr : ctx.expr()) {
                terms.add(cycleTerm(expr.getText(), ctx));
            }
            nodes.add(new AtomNode("[" + String.join(", ", terms) + "]"));
        }
        for (LiquidParser.ExprContext expr : ctx.expr()) {
            nodes.add(rangeAsText(visit(expr)));
        }
        return new liqp.nodes.InsertionNode(parser.insertions.get("cycle"), nodes.toArray(new LNode[0]));
    }

    /**
     * A cycle value's part in the text that names an unnamed group, as Ruby writes it: text by its
     * {@code inspect}, a number or literal as written, a range of two numbers by its ends, and a
     * variable as the object read from {@code tag}.
     */
    private static String cycleTerm(String text, LiquidParser.Cycle_tagContext tag) {
        if (text.matches("'[^']*'|\"[^\"]*\"")) {
            return org.sheaf.jekyll.RubyInspect.inspect(text.substring(1, text.length() - 1));
        }
        if (text.matches("-?\\d+(\\.\\d+)?|true|false|nil")) {
            return text;
        }
        String range = RangeValues.ofNumbers(text);
        return range != null ? range : "#<" + System.identityHashCode(tag) + ">";
    }

    private static LNode comparable(LNode operand) {
        return context -> comparable(operand.render(context));
    }

    /**
     * {@code value} as Ruby compares it: a time at offset zero, the same instant; a list or array
     * with its times so, in nested lists too (Ruby's {@code Array#==} and {@code include?} compare
     * items with {@code ==}); a range by its ends, equal to a range of the same ends only, where
     * Liqp would compare its numbers with an array's; anything else as it is.
     */
    static Object comparable(Object value) {
        if (value instanceof For.Numbers range) {
            return new RangeValues.Compared(range.from(), range.to());
        }
        if (value instanceof ZonedDateTime time) {
            return time.withZoneSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof WideTime time) {
            // at an offset past Java's, in a year Java holds: at offset zero it is a time like any other
            return time.inZone(ZoneOffset.UTC).<Object>map(utc -> utc).orElse(time);
        }
        List<?> items = value instanceof Object[] array ? Arrays.asList(array) : value instanceof List<?> list ? list : null;
        if (items != null && items.stream().anyMatch(item -> item instanceof ZonedDateTime || item instanceof WideTime
                || item instanceof List<?> || item instanceof Object[])) {
            // Stream.toList, unlike List.of, keeps nil items
            return items.stream().map(RubyComparisons::comparable).toList();
        }
        return value;
    }

    /**
     * {@code contains} through Liqp's node: an array (or a hash's keys) holding a time by the
     * instant, as Ruby's {@code include?} finds it. Text containing a time is left to Liqp, which
     * looks for the time's text, as Ruby Liquid does. Nil or false on either side is never
     * contained: Ruby Liquid asks {@code include?} only when both sides are truthy.
     */
    private record Contains(LNode collection, LNode needle) implements LNode {
        @Override
        public Object render(TemplateContext context) {
            Object in = collection.render(context);
            Object sought = needle.render(context);
            if (!RubyClasses.truthy(in) || !RubyClasses.truthy(sought)) {
                return false;
            }
            if (in instanceof For.Numbers range) {
                return range.covers(sought);
            }
            if (sought instanceof For.Numbers range && in instanceof CharSequence text) {
                return text.toString().contains(range.rubyText());
            }
            if ((sought instanceof ZonedDateTime || sought instanceof WideTime) && (in instanceof List<?> || in instanceof Object[] || in instanceof Map<?, ?>)) {
                in = comparable(in instanceof Map<?, ?> map ? new ArrayList<>(map.keySet()) : in);
                sought = comparable(sought);
            }
            return new ContainsNode(new AtomNode(in), new AtomNode(sought)).render(context);
        }
    }

    @Override
    public LookupNode visitLookup_id_indexes(LiquidParser.Lookup_id_indexesContext ctx) {
        LookupNode range = RangeValues.node(ctx, this::visit);
        if (range != null) {
            return range;
        }
        LookupNode node = new LookupNode(ctx.id().getText());
        for (IndexContext index : ctx.index()) {
            if (index.Dot() != null) {
                String name = index.id2().getText();
                node.add(name.equals("first") ? new FirstOfHash()
                        : name.equals("size") ? new SizeOfDrop() : new LookupNode.Hash(name));
            } else {
                node.add(new KeyedIndex(visit(index.expr()), index.expr().getText()));
            }
        }
        return node;
    }

    /**
     * {@code .size}: nil on a drop (a document's, a static file's), which has no size method in
     * Ruby, the characters of text ({@link RubyStrings#size}), an integer's width in bytes, which
     * Ruby's {@code Integer#size} is (8 on a 64-bit machine, {@code where_exp: "x", "x.size > 3"}
     * keeps every integer), else Liqp's lookup (nil for a float, which has no size).
     */
    private static final class SizeOfDrop extends LookupNode.Hash {
        SizeOfDrop() {
            super("size");
        }

        @Override
        public Object get(Object value, TemplateContext context) {
            if (RubyDrop.is(value) && !((Map<?, ?>) value).containsKey("size")) {
                return null;
            }
            if (value instanceof Long || value instanceof Integer) {
                return (long) Long.BYTES;
            }
            if (value instanceof BigInteger big) {
                return (long) Long.BYTES * ((big.abs().bitLength() + Long.SIZE - 1) / Long.SIZE);
            }
            return value instanceof CharSequence text ? RubyStrings.size(text) : super.get(value, context);
        }
    }

    /**
     * {@code [key]}: a key that is not text looks up {@code site.tags} or {@code site.categories}
     * by itself, as Ruby's hash does, so {@code site.tags[7]} finds the posts tagged with the
     * number 7 and not those tagged {@code "7"}; an integer no post has gives the hash's default,
     * the empty list, as Liquid fetches an integer key whether the hash has it or not. Any other
     * lookup is Liqp's, which reads a key that is not text by its text.
     */
    private static final class KeyedIndex extends LookupNode.Index {
        private final LNode expression;

        KeyedIndex(LNode expression, String text) {
            super(expression, text);
            this.expression = expression;
        }

        @Override
        public Object get(Object value, TemplateContext context) {
            if (value instanceof DefaultedHash<?> hash) {
                Object key = expression.render(context);
                if (key instanceof Long || key instanceof Integer) {
                    return hash.indexed(key);
                }
                if (!(key instanceof CharSequence)) {
                    return hash.get(key);
                }
            }
            return super.get(value, context);
        }
    }

    /** {@code .first}: a hash's first entry as a pair when the hash has no key {@code first}, else Liqp's lookup. */
    private static final class FirstOfHash extends LookupNode.Hash {
        FirstOfHash() {
            super("first");
        }

        @Override
        public Object get(Object value, TemplateContext context) {
            if (value instanceof Map<?, ?> map && !map.containsKey("first")) {
                if (RubyDrop.is(value)) {
                    // a drop's first comes from its each: its first key, name, with the value
                    String key = ((RubyDrop) value).dropKeys().get(0);
                    return Arrays.asList(key, map.get(key));
                }
                return map.isEmpty() ? null : map.entrySet().stream().findFirst()
                        .map(entry -> Arrays.asList(entry.getKey(), entry.getValue())).orElseThrow();
            }
            return super.get(value, context);
        }
    }
}
