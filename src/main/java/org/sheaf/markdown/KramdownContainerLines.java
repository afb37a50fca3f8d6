package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines kramdown gathers into the block quotes and list items around a block that reads its
 * own lines ahead (a block extension, a comment over lines): kramdown gathers a container's lines
 * before it reads their blocks, so the block's lines are those of the container's text, each
 * without its quote marker or item indent, or as it stands on a lazy line kramdown reads into the
 * container. The containers are told by what they took of the block's first line, or by the
 * tree's; the lines after it are asked in order, as each container's reading depends on the line
 * before.
 */
final class KramdownContainerLines {
    private final List<Container> containers;

    private KramdownContainerLines(List<Container> containers) {
        this.containers = containers;
    }

    /**
     * The containers around a block, outermost first, from what they took of its first line
     * ({@code prefix}): each {@code >} a block quote's marker, each other run a list item's
     * marker and the spaces up to its content.
     */
    static KramdownContainerLines around(CharSequence prefix) {
        List<Container> containers = new ArrayList<>();
        Matcher part = Pattern.compile(" {0,3}> ?|[^>]+").matcher(prefix);
        while (part.find()) {
            String marker = part.group();
            if (marker.contains(">")) {
                containers.add(new Container(0, null));
            } else {
                containers.add(Container.item(marker.length(), marker.strip().matches("\\d+\\.")));
            }
        }
        return new KramdownContainerLines(containers);
    }

    /**
     * The block quotes and list items from {@code container}, where a block's first line stands
     * in {@code text} (the document's), out to the page, outermost first; null where one is of
     * another kind (a footnote, a definition), whose reading of lines is not told here. An element
     * read as blocks reads the lines of the text around it.
     */
    static KramdownContainerLines of(Node container, BasedSequence text) {
        List<Container> containers = new ArrayList<>();
        Node node = container;
        for (; node != null && !(node instanceof Document); node = node.getParent()) {
            if (node instanceof BlockQuote) {
                containers.add(0, new Container(0, null));
            } else if (node instanceof ListItem item && !(item instanceof DefinitionItem)) {
                int indentation = KramdownFrames.indentation(item, text);
                if (indentation < 0) {
                    return null;
                }
                containers.add(0, Container.item(indentation, item instanceof OrderedListItem));
            } else if (!(node instanceof MarkdownHtmlBlock || node instanceof ListBlock)) {
                return null;
            }
        }
        return node == null ? null : new KramdownContainerLines(containers);
    }

    /** Whether the block stands in no quote or item: at the page's top, or in elements read as blocks there. */
    boolean none() {
        return containers.isEmpty();
    }

    /**
     * Where, in {@code line} (the next line after those asked before, without its line break),
     * the text inside every container starts; -1 when the line has left one of them.
     */
    int insideAt(String line) {
        int at = 0;
        for (Container container : containers) {
            int inside = container.insideAt(line.substring(at));
            if (inside < 0) {
                return -1;
            }
            at += inside;
        }
        return at;
    }

    /** {@code line} inside every container ({@link #insideAt}), or null when it has left one. */
    String inside(String line) {
        int at = insideAt(line);
        return at < 0 ? null : line.substring(at);
    }

    /** A block quote or list item, which reads the lines after the block's first as kramdown gathers them. */
    private static final class Container {
        private static final Pattern QUOTE_MARKER = Pattern.compile(" {0,3}> ?");
        private static final Pattern ATTRIBUTE_LIST = Pattern.compile(" {0,3}\\{:(?![:/])(?:\\\\}|[^}])+}\\s*");
        private static final Pattern END_OF_BLOCK = Pattern.compile("\\^\\s*");
        private static final Pattern RULE = Pattern.compile(" {0,3}([-*_])[ \\t]*\\1[ \\t]*\\1(?:\\1|[ \\t])*");

        /** The item's content indent; 0 for a block quote. */
        private final int indent;
        /** A line that starts the list's next item, which ends this one; null for a block quote. */
        private final Pattern nextItem;
        private boolean afterBlank;

        private Container(int indent, Pattern nextItem) {
            this.indent = indent;
            this.nextItem = nextItem;
        }

        /**
         * A list item of kramdown's {@code indentation}, ordered or not: the list's next item may
         * start up to three spaces in, but short of the item's text.
         */
        static Container item(int indentation, boolean ordered) {
            int spaces = Math.min(indentation - 1, 3);
            String marker = ordered ? "\\d+\\." : "[-+*]";
            return new Container(indentation, Pattern.compile(" {0," + spaces + "}" + marker + "[ \\t]"));
        }

        /**
         * Where {@code line} inside this container starts: after its quote marker or item indent,
         * at its start when kramdown takes it lazily or it is a blank line of an item; -1
         * when the line ends the container. A block quote goes on to a blank line, a list item to
         * a line that is neither indented to its content nor a lazy line right after a line of
         * the item, or to a rule after a blank line. Neither takes a lazy line that kramdown ends
         * lazy lines at: an attribute list, a {@code ^}, block-level HTML.
         */
        int insideAt(String line) {
            boolean blank = line.isBlank();
            boolean wasAfterBlank = afterBlank;
            afterBlank = blank;
            if (nextItem == null) {
                Matcher marker = QUOTE_MARKER.matcher(line);
                if (marker.lookingAt()) {
                    return marker.end();
                }
                return blank || endsLazyLines(line) ? -1 : 0;
            }
            if (wasAfterBlank && RULE.matcher(line).matches()) {
                return -1;
            }
            if (blank) {
                // kramdown's list keeps a line of white space only whole
                return 0;
            }
            if (line.startsWith(" ".repeat(indent))) {
                return indent;
            }
            boolean lazy = !wasAfterBlank && !nextItem.matcher(line).lookingAt() && !endsLazyLines(line);
            return lazy ? 0 : -1;
        }

        private static boolean endsLazyLines(String line) {
            return ATTRIBUTE_LIST.matcher(line).matches() || END_OF_BLOCK.matcher(line).matches()
                    || KramdownHtmlBlockParser.endsLazyLines(line);
        }
    }
}
