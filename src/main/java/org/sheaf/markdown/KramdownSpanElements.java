package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span-level HTML elements in the text of a paragraph, a heading or a table cell, as kramdown
 * reads them: an element's content runs to the first closing tag of its name, so a closing tag
 * is an element's only while no element opened after that one is still open; any other closing
 * tag is text, escaped ({@code x </span>}, the {@code </b>} of {@code <b><a></b>}). An element
 * that no closing tag ends is closed at the end of the text, as kramdown closes it: left open, a
 * browser would carry an {@code <a>} into the blocks after it. Tags of block-level elements, and
 * elements without content ({@code <br>}, {@code <img>}), open nothing.
 */
final class KramdownSpanElements extends NodePostProcessorFactory {
    /** A tag's name, and whether it closes ({@code </a>}). */
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w:.-]*)");
    /** kramdown's elements without content, whose tags open nothing. */
    private static final Set<String> EMPTY_ELEMENTS = Set.of("area", "base", "br", "col", "command", "embed",
            "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

    KramdownSpanElements() {
        super(false);
        addNodes(HtmlInline.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
        Set<Node> read = Collections.newSetFromMap(new IdentityHashMap<>());
        return new NodePostProcessor() {
            @Override
            public void process(NodeTracker state, Node node) {
                Node text = textOf(node);
                if (text != null && read.add(text)) {
                    readElements(text, state);
                }
            }
        };
    }

    /** The paragraph, heading or table cell whose text {@code node} is part of. */
    private static Node textOf(Node node) {
        Node parent = node.getParent();
        while (parent != null && !(parent instanceof Block || parent instanceof TableCell)) {
            parent = parent.getParent();
        }
        return parent;
    }

    /** Makes the closing tags in {@code text} that end no element text, and closes the elements left open. */
    private static void readElements(Node text, NodeTracker state) {
        Deque<String> open = new ArrayDeque<>();
        List<HtmlInline> stray = new ArrayList<>();
        for (Node node : Descendants.of(text)) {
            if (!(node instanceof HtmlInline html)) {
                continue;
            }
            BasedSequence chars = html.getChars();
            Matcher tag = TAG.matcher(chars);
            if (!tag.lookingAt()) {
                continue; // a comment
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (KramdownNodeRenderer.BLOCK_ELEMENTS.contains(name)) {
                continue; // text already, written so by the renderer
            }
            if (!tag.group(1).isEmpty()) {
                if (name.equals(open.peek())) {
                    open.pop();
                } else {
                    stray.add(html);
                }
            } else if (!chars.endsWith("/>") && !EMPTY_ELEMENTS.contains(name)) {
                open.push(name);
            }
        }
        for (HtmlInline tag : stray) {
            Text literal = new Text(tag.getChars());
            tag.insertBefore(literal);
            tag.unlink();
            state.nodeRemoved(tag);
            state.nodeAdded(literal);
        }
        while (!open.isEmpty()) {
            HtmlInline close = new HtmlInline(BasedSequence.of("</" + open.pop() + ">"));
            text.appendChild(close);
            state.nodeAdded(close);
        }
    }
}
