package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * How deep the span elements of a text nest at each of a list of its nodes, read once in the
 * order of the text, so that whether an element's tag stands between two of them
 * ({@link KramdownSpanElements#crossesElement}) is a comparison rather than a walk over the nodes
 * between: a paragraph of many markers that elements keep from closing asked that of most pairs
 * of its markers, taking time growing with the cube of its length.
 *
 * <p>The depth counts the elements open from the first node on, a closing tag ending the element
 * last opened when its name is that element's and being text otherwise, as
 * {@link KramdownSpanElements#crossesElement} reads them. An element opened after one node is
 * still open at a later one exactly when the depth at the later one is more than the least
 * depth from the first up to it: the elements above that least depth are those opened since,
 * and not closed. Not thread-safe; one per text read.
 */
final class ElementNesting {
    /** Where each node stands among the marks, by identity. */
    private final Map<Node, Integer> index;
    /** The depth at each node. */
    private final int[] depth;
    /** The least depth from each node up to the next, the last up to the end of the text. */
    private final SparseMinimum lowest;
    /** The depth at the end of the text. */
    private final int endDepth;

    private ElementNesting(Map<Node, Integer> index, int[] depth, int[] lowest, int endDepth) {
        this.index = index;
        this.depth = depth;
        this.lowest = new SparseMinimum(lowest);
        this.endDepth = endDepth;
    }

    /**
     * The nesting at {@code nodes}, in the order of their text, or null when a walk in the order
     * of the text from the first does not meet them all in that order.
     */
    static ElementNesting of(List<Node> nodes) {
        Map<Node, Integer> index = new IdentityHashMap<>();
        int[] depth = new int[nodes.size()];
        int[] lowest = new int[nodes.size()];
        Deque<String> open = new ArrayDeque<>();
        int next = 0;
        for (Node node = nodes.get(0); node != null; node = KramdownSpanElements.next(node, null)) {
            read(open, KramdownSpanElements.elementTag(node));
            if (next < nodes.size() && node == nodes.get(next)) {
                index.put(node, next);
                depth[next] = open.size();
                lowest[next] = open.size();
                next++;
            } else if (next > 0) {
                lowest[next - 1] = Math.min(lowest[next - 1], open.size());
            }
        }
        return next == nodes.size() ? new ElementNesting(index, depth, lowest, open.size()) : null;
    }

    /**
     * Reads the tag named {@code name} (null for a node that is none) into the elements
     * {@code open}; returns whether it opened or closed one.
     */
    static boolean read(Deque<String> open, String name) {
        if (name != null && !name.startsWith("/")) {
            open.push(name);
            return true;
        }
        if (name != null && name.substring(1).equals(open.peek())) {
            open.pop();
            return true;
        }
        return false;
    }

    /**
     * The nesting of the text under {@code text} at places of it rather than at its nodes, as
     * what keeps an emphasis from closing: for markers that the reading of the text holds in no
     * node of their own, the markers of a link's text read again as kramdown reads them past the
     * link's end ({@link LeanInlineParser}). {@code offsetOf} turns a place into an offset of the
     * nodes' text. The depth at a place is that after the tags before it.
     */
    static KramdownEmphasisParser.Closing byPlace(Node text, IntUnaryOperator offsetOf) {
        List<Integer> offsets = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (Node node = text.getFirstChild(); node != null; node = KramdownSpanElements.next(node, null)) {
            if (read(open, KramdownSpanElements.elementTag(node))) {
                offsets.add(node.getStartOffset());
                depths.add(open.size());
            }
        }
        return offsets.isEmpty() ? KramdownEmphasisParser.Closing.ANYWHERE : new ByPlace(offsets, depths, offsetOf);
    }

    /** {@link #byPlace}: the tags' offsets in the order of the text, and the depth after each. */
    private static final class ByPlace implements KramdownEmphasisParser.Closing {
        private final int[] offsets;
        private final int[] depths;
        private final SparseMinimum lowest;
        private final IntUnaryOperator offsetOf;

        ByPlace(List<Integer> offsets, List<Integer> depths, IntUnaryOperator offsetOf) {
            this.offsets = offsets.stream().mapToInt(Integer::intValue).toArray();
            this.depths = depths.stream().mapToInt(Integer::intValue).toArray();
            this.lowest = new SparseMinimum(this.depths);
            this.offsetOf = offsetOf;
        }

        @Override
        public boolean allowed(int open, int close) {
            return depthAt(tagsBefore(close)) <= lowest(open, close);
        }

        @Override
        public int lowest(int open, int at) {
            int first = tagsBefore(open);
            int last = tagsBefore(at);
            int least = depthAt(first);
            return last > first ? Math.min(least, lowest.of(first, last - 1)) : least;
        }

        /** How many tags stand before the place {@code at}. */
        private int tagsBefore(int at) {
            int found = Arrays.binarySearch(offsets, offsetOf.applyAsInt(at));
            return found >= 0 ? found : -found - 1;
        }

        /** The depth after the first {@code tags} tags. */
        private int depthAt(int tags) {
            return tags == 0 ? 0 : depths[tags - 1];
        }
    }

    /**
     * Whether an element opened after {@code from} is still open at {@code to}, as
     * {@link KramdownSpanElements#crossesElement} finds it: never where {@code to} is
     * {@code from} itself, and where it comes before it, at the end of the text.
     */
    boolean crosses(Node from, Node to) {
        int first = index.get(from);
        int last = index.get(to);
        if (last == first) {
            return false;
        }
        if (last < first) {
            return endDepth > lowest.of(first, depth.length - 1);
        }
        return depth[last] > lowest.of(first, last - 1);
    }

    /**
     * The least depth from {@code from} up to {@code to}, a later node, or -1 where {@code to} is
     * {@code from} itself or comes before it.
     */
    int lowestBetween(Node from, Node to) {
        int first = index.get(from);
        int last = index.get(to);
        return last <= first ? -1 : lowest.of(first, last - 1);
    }

    /** The least of any range of a fixed list of numbers, each found in two lookups. */
    private static final class SparseMinimum {
        /** {@code levels[k][i]} is the least of the 2^k numbers from the i-th on. */
        private final int[][] levels;

        SparseMinimum(int[] numbers) {
            int count = Math.max(1, 32 - Integer.numberOfLeadingZeros(numbers.length));
            levels = new int[count][];
            levels[0] = numbers;
            for (int k = 1; k < count; k++) {
                int span = 1 << (k - 1);
                int[] level = new int[numbers.length - (1 << k) + 1];
                for (int i = 0; i < level.length; i++) {
                    level[i] = Math.min(levels[k - 1][i], levels[k - 1][i + span]);
                }
                levels[k] = level;
            }
        }

        /** The least of the numbers from the {@code from}-th to the {@code to}-th, both included. */
        int of(int from, int to) {
            int k = 31 - Integer.numberOfLeadingZeros(to - from + 1);
            return Math.min(levels[k][from], levels[k][to - (1 << k) + 1]);
        }
    }
}
