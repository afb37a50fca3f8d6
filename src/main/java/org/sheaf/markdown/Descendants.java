package org.sheaf.markdown;

import com.vladsch.flexmark.util.ast.Block;
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
    private final boolean blocksOnly;

    private Descendants(Node root, boolean blocksOnly) {
        this.root = root;
        this.blocksOnly = blocksOnly;
    }

    static Descendants of(Node root) {
        return new Descendants(root, false);
    }

    /**
     * The block nodes below {@code root} (headings, paragraphs, lists, quotes, ...), without going
     * into inline content: most of a note's nodes are the text, emphasis and links inside its
     * paragraphs, and a walk that looks for headings need not visit them.
     */
    static Descendants blocksOf(Node root) {
        return new Descendants(root, true);
    }

    @Override
    public Iterator<Node> iterator() {
        return new Iterator<>() {
            private Node next = firstFrom(root.getFirstChild());

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

    /**
     * The node that follows {@code node}: its first child, else the next sibling of it or of its
     * nearest ancestor that has one; in a walk of blocks, the first of those that is a block.
     */
    private Node after(Node node) {
        Node child = firstFrom(node.getFirstChild());
        if (child != null) {
            return child;
        }
        for (Node up = node; up != root; up = up.getParent()) {
            Node sibling = firstFrom(up.getNext());
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }

    /** {@code node} or the first of its next siblings that the walk visits; null if none. */
    private Node firstFrom(Node node) {
        Node candidate = node;
        while (candidate != null && blocksOnly && !(candidate instanceof Block)) {
            candidate = candidate.getNext();
        }
        return candidate;
    }
}
