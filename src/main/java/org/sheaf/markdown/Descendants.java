package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Node;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The nodes below a root, depth first, each before its children: the order of flexmark's
 * {@code Node.getDescendants()}, found through each node's first child, next sibling and parent
 * links instead of a stack of iterators. flexmark's walk keeps a {@code java.util.Stack}, whose
 * every call is synchronized; with three walks per note (attribute lists, heading ids,
 * footnotes) it was 6% of a 10,000-page build (BENCHMARKS.md).
 *
 * <p>Like flexmark's, the walk must not be used while the tree below the root changes.
 */
final class Descendants implements Iterable<Node> {
    private final Node root;

    private Descendants(Node root) {
        this.root = root;
    }

    static Descendants of(Node root) {
        return new Descendants(root);
    }

    @Override
    public Iterator<Node> iterator() {
        return new Iterator<>() {
            private Node next = root.getFirstChild();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Node next() {
                Node current = next;
                if (current == null) {
                    throw new NoSuchElementException();
                }
                next = after(current);
                return current;
            }
        };
    }

    /** The node that follows {@code node}: its first child, else the next sibling of it or of its nearest ancestor that has one. */
    private Node after(Node node) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node up = node; up != root; up = up.getParent()) {
            if (up.getNext() != null) {
                return up.getNext();
            }
        }
        return null;
    }
}
