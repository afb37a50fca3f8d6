package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
            String name = KramdownSpanElements.elementTag(node);
            if (name != null && !name.startsWith("/")) {
                open.push(name);
            } else if (name != null && name.substring(1).equals(open.peek())) {
                open.pop();
            }
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
