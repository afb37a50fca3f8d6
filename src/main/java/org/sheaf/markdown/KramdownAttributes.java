package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which element each kramdown attribute list belongs to, after parsing, and keeps the
 * answer in the flexmark document for the renderers to read.
 *
 * <p>kramdown's rules: a block list on the line right after a block belongs to that block; one
 * with a blank line before it belongs to the next block; one at the start of a list item's first
 * line belongs to the item ({@link KramdownItemAttributes}), and is taken out of the tree. A span list belongs to the span just
 * before it (after a tag of raw HTML, to the tag's element), and is text after plain text. A bare name refers to an attribute list
 * definition ({@code {:name: ...}}) anywhere in the document.
 */
final class KramdownAttributes {
    /** The attributes of each element that has some; absent for a document not yet attached. */
    static final DataKey<Map<Node, AttributeList>> ATTRIBUTES = new DataKey<>("SHEAF_KRAMDOWN_ATTRIBUTES", Map.of());
    /**
     * The attributes of the lists over each raw HTML block that has some: kramdown reads the
     * elements of such a block as blocks of their own, and gives a list over it to its first
     * element, one under it ({@link #ATTRIBUTES}) to its last.
     */
    static final DataKey<Map<Node, AttributeList>> OVER_HTML = new DataKey<>("SHEAF_KRAMDOWN_OVER_HTML", Map.of());

    /** How deep definitions naming definitions are followed; kramdown itself never stops. */
    private static final int MAX_DEFINITION_DEPTH = 16;

    private KramdownAttributes() {
    }

    /** Attaches every attribute list in {@code document} and stores the result in it. */
    static void attach(Document document) {
        Map<String, AttributeList> definitions = new HashMap<>();
        List<AttributeListBlock> blocks = new ArrayList<>();
        List<AttributeListSpan> spans = new ArrayList<>();
        for (Node node : Descendants.of(document)) {
            if (node instanceof AttributeListBlock block) {
                if (block.definitionName() != null) {
                    // kramdown reads a name defined twice into one hash
                    definitions.merge(block.definitionName(), block.attributes(), AttributeList::with);
                } else {
                    blocks.add(block);
                }
            } else if (node instanceof AttributeListSpan span) {
                spans.add(span);
            }
        }
        Map<Node, AttributeList> attached = new IdentityHashMap<>();
        for (AttributeListSpan span : spans) {
            if (span.headingId()) {
                // kramdown sets a heading's {#id} when it reads the heading, before any list
                attached.put(span.getParent(), span.attributes());
            }
        }
        attachBlockLists(document, blocks, attached, definitions);
        for (AttributeListSpan span : spans) {
            if (!span.headingId()) {
                attachSpanList(span, attached, definitions);
            }
        }
        document.set(ATTRIBUTES, attached);
    }

    /**
     * Gives each block list in {@code blocks} to its block, as kramdown does: a list starting a
     * list item to the item, any other to the block before it or else the one after it. Every list
     * given to one block is joined first; those over a block of raw HTML go to the document's
     * {@link #OVER_HTML}, the others into {@code attached}.
     */
    private static void attachBlockLists(Document document, List<AttributeListBlock> blocks,
            Map<Node, AttributeList> attached, Map<String, AttributeList> definitions) {
        // every block list given to one block is read into one hash before the hash is applied
        Map<Node, List<AttributeList>> blockLists = new IdentityHashMap<>();
        Map<Node, List<AttributeList>> overHtmlLists = new IdentityHashMap<>();
        List<Node> targets = new ArrayList<>();
        List<Node> htmlTargets = new ArrayList<>();
        Map<Node, Node> following = new IdentityHashMap<>();
        Map<Node, Node> firsts = new IdentityHashMap<>();
        List<AttributeListBlock> itemLists = new ArrayList<>();
        for (AttributeListBlock block : blocks) {
            if (KramdownItemAttributes.startsItem(block)) {
                // the item's own list, which kramdown takes off the item's text before reading it
                blockLists.computeIfAbsent(block.getParent(), item -> {
                    targets.add(item);
                    return new ArrayList<>();
                }).add(block.attributes());
                itemLists.add(block);
                continue;
            }
            liftOutOfItem(document, block);
            Node first = firstOfRun(document, block, firsts);
            Node before = blockBefore(document, first);
            Node target = before != null ? before : blockAfter(document, block, first, following);
            boolean overHtml = before == null && target instanceof HtmlBlock;
            if (target == null) {
                continue;
            }
            Map<Node, List<AttributeList>> lists = overHtml ? overHtmlLists : blockLists;
            List<AttributeList> ofTarget = lists.get(target);
            if (ofTarget == null) {
                ofTarget = new ArrayList<>();
                lists.put(target, ofTarget);
                (overHtml ? htmlTargets : targets).add(target);
            }
            ofTarget.add(block.attributes());
        }
        // out of the tree once every other list is placed: an item's text starts where its list stood
        itemLists.forEach(Node::unlink);
        for (Node target : targets) {
            apply(attached, target, AttributeList.joined(blockLists.get(target)), definitions);
        }
        Map<Node, AttributeList> overHtml = new IdentityHashMap<>();
        for (Node target : htmlTargets) {
            apply(overHtml, target, AttributeList.joined(overHtmlLists.get(target)), definitions);
        }
        document.set(OVER_HTML, overHtml);
    }

    /**
     * Gives the span list {@code span} to the span before it, as kramdown does, or writes it as
     * text where kramdown finds no span to give it to.
     */
    private static void attachSpanList(AttributeListSpan span, Map<Node, AttributeList> attached,
            Map<String, AttributeList> definitions) {
        Node target = span.getPrevious();
        while (target instanceof AttributeListSpan) {
            // kramdown gives a list right after another list to the same span
            target = target.getPrevious();
        }
        if (target instanceof TextBase text && text.getLastChild() != null) {
            // text that flexmark split around the abbreviations it marked
            target = text.getLastChild();
        }
        if (target instanceof HtmlInline tag) {
            // a tag stands for its element: the list goes to the element's opening tag
            target = KramdownSpanElements.elementOf(tag);
        }
        if (target instanceof Text text && (endsWithQuote(text.getChars()) || endsWithGuillemet(text.getChars()))) {
            // kramdown gives the list to the curly quote or the guillemet it made, which
            // writes no attributes; the list stays, writing nothing, as the source of an
            // image's alt text, which kramdown takes as written ({@code ![x 'q'{: .c}](/x)})
        } else if (target == null || target instanceof Text || target instanceof SoftLineBreak
                || target instanceof Abbreviation
                || target instanceof HtmlEntity entity && !CharacterReference.readAsReference(entity.getChars().toString())) {
            // kramdown finds no span to give the list to after text (a reference it does not
            // know, &foo;, too), and writes the list as text; it marks abbreviations in the
            // text only once the spans are read. The list is one text with the text around
            // it, as kramdown reads it: a quote right after it follows its brace ({: .c}"a"
            // closes the quote)
            Text text = new Text(span.getChars());
            span.insertBefore(text);
            span.unlink();
            KramdownEmphasis.joinNeighbours(List.of(text));
        } else {
            apply(attached, target, span.attributes(), definitions);
        }
    }

    /**
     * Whether {@code text} ends with a straight quote not escaped, which kramdown makes a curly
     * quote of its own, whatever comes before it.
     */
    private static boolean endsWithQuote(BasedSequence text) {
        int last = text.length() - 1;
        return last >= 0 && (text.charAt(last) == '"' || text.charAt(last) == '\'')
                && (last == 0 || text.charAt(last - 1) != '\\');
    }

    /**
     * Whether {@code text} ends with a {@code <<} or {@code >>} that kramdown makes a guillemet of:
     * it reads a run of them two at a time from its start ({@code \>>} too is one symbol), so a
     * run of even length ends in one ({@code a >>}), one of odd length in a character ({@code a >>>}).
     */
    private static boolean endsWithGuillemet(BasedSequence text) {
        int end = text.length();
        char last = end == 0 ? 0 : text.charAt(end - 1);
        if (last != '<' && last != '>') {
            return false;
        }
        int start = end;
        while (start > 0 && text.charAt(start - 1) == last) {
            start--;
        }
        return end - start >= 2 && (end - start) % 2 == 0;
    }

    /** The attributes attached to {@code node}, or null. */
    static AttributeList of(Node node) {
        Document document = node.getDocument();
        return document == null ? null : of(document, node);
    }

    /** The attributes of the lists over the raw HTML block {@code html}, for its first element, or null. */
    static AttributeList overHtml(HtmlBlock html) {
        Document document = html.getDocument();
        return document == null ? null : OVER_HTML.get(document).get(html);
    }

    /**
     * The attributes attached to {@code node} of {@code document}, or null. Faster than {@link
     * #of(Node)} for a deep node: finding the document walks up every level above it.
     */
    static AttributeList of(Document document, Node node) {
        return ATTRIBUTES.get(document).get(node);
    }

    /**
     * Puts {@code list} onto the attributes already attached to {@code target}: first those of the
     * definitions it names, then its own, as kramdown applies a list to an element.
     */
    private static void apply(Map<Node, AttributeList> attached, Node target, AttributeList list,
            Map<String, AttributeList> definitions) {
        AttributeList before = attached.getOrDefault(target, AttributeList.EMPTY);
        Map<String, String> attributes = new LinkedHashMap<>(before.attributes());
        applyWithDefinitions(list, definitions, attributes, 0);
        List<String> refs = new ArrayList<>(before.refs());
        refs.addAll(list.refs());
        attached.put(target, AttributeList.of(attributes, refs));
    }

    private static void applyWithDefinitions(AttributeList list, Map<String, AttributeList> definitions,
            Map<String, String> attributes, int depth) {
        if (depth > MAX_DEFINITION_DEPTH) {
            return; // a definition that names itself, directly or not
        }
        for (String ref : list.refs()) {
            AttributeList definition = definitions.get(ref);
            if (definition != null) {
                applyWithDefinitions(definition, definitions, attributes, depth + 1);
            }
        }
        list.applyTo(attributes);
    }

    /**
     * flexmark continues a list or definition item with an unindented line; kramdown ends the
     * list there, so an attribute list written left of the item's content belongs after the list.
     */
    private static void liftOutOfItem(Document document, AttributeListBlock list) {
        Node item = list.getParent();
        while ((item instanceof ListItem || item instanceof DefinitionItem) && item.getParent() != null
                && item.getFirstChild() != null
                && column(document, list) < column(document, item.getFirstChild())) {
            Node container = item.getParent();
            list.unlink();
            container.insertAfter(list);
            item = list.getParent();
        }
    }

    private static int column(Document document, Node node) {
        BasedSequence source = document.getChars();
        int start = node.getStartOffset();
        int lineStart = start;
        while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        return start - lineStart;
    }

    /**
     * The block after {@code list}, which has no block just before it, that it applies to: the
     * next block after the attribute lists that follow it, or null. Not across a blank line unless
     * a blank line stands before the lists too: kramdown gives the list to the next element of its
     * tree, and a blank line is one, unless it joins the blank line before. {@code following}
     * remembers, for attribute lists already passed, the node after their run, so that a run of
     * {@code n} lists costs {@code n} steps rather than {@code n²}.
     */
    private static Node blockAfter(Document document, AttributeListBlock list, Node first, Map<Node, Node> following) {
        List<Node> passed = new ArrayList<>();
        Node next = list.getNext();
        while (next instanceof AttributeListBlock && !following.containsKey(next)) {
            passed.add(next);
            next = next.getNext();
        }
        if (next instanceof AttributeListBlock) {
            next = following.get(next);
        }
        while (next instanceof HtmlCommentBlock && next.getNext() instanceof Block && adjacent(document, next, next.getNext())) {
            // kramdown gives a list over a comment to the block right under the comment
            next = next.getNext();
        }
        for (Node run : passed) {
            following.put(run, next);
        }
        if (!(next instanceof Block) || !adjacent(document, next.getPrevious(), next) && !afterBlankLine(document, first)) {
            return null;
        }
        return next;
    }

    /**
     * Whether a blank line stands before the run of attribute lists that starts with {@code first},
     * in kramdown's tree: the source has one, or raw HTML before the lists ends with a line of its
     * own ({@link KramdownHtmlText#endsApart}).
     */
    private static boolean afterBlankLine(Document document, Node first) {
        Node before = first.getPrevious();
        return before != null && (endsApart(before) || !adjacent(document, before, first));
    }

    /**
     * Whether the block attribute list {@code list} applies to the block after it, so that, as a
     * blank line, it stands at a block boundary in kramdown: no block is right before it.
     */
    static boolean forNextBlock(AttributeListBlock list) {
        Document document = list.getDocument();
        return blockBefore(document, firstOfRun(document, list, new IdentityHashMap<>())) == null;
    }

    /**
     * The first of the run of adjacent attribute lists {@code list} ends. {@code firsts} remembers
     * the answer for each list asked about, so that asking about the lists of a run in order costs
     * one step each rather than the length of the run.
     */
    private static Node firstOfRun(Document document, AttributeListBlock list, Map<Node, Node> firsts) {
        Node first = list;
        while (first.getPrevious() instanceof AttributeListBlock previous && adjacent(document, previous, first)) {
            Node known = firsts.get(previous);
            first = known != null ? known : previous;
            if (known != null) {
                break;
            }
        }
        firsts.put(list, first);
        return first;
    }

    /** The block just before the run of attribute lists that starts with {@code first}, which they apply to, or null. */
    private static Node blockBefore(Document document, Node first) {
        Node previous = first.getPrevious();
        return previous instanceof Block && !(previous instanceof AttributeListBlock) && !endsApart(previous)
                && adjacent(document, previous, first) ? previous : null;
    }

    /**
     * Whether {@code block} is raw HTML that kramdown ends with a blank line of its own
     * ({@link KramdownHtmlText#endsApart}), so that no attribute list right under it is its.
     */
    private static boolean endsApart(Node block) {
        return block instanceof HtmlBlock html && KramdownHtmlText.endsApart(html.getChars());
    }

    /** No blank line between the end of {@code before} and the start of {@code after}. */
    private static boolean adjacent(Document document, Node before, Node after) {
        BasedSequence source = document.getChars();
        int from = before.getEndOffset();
        int to = after.getStartOffset();
        if (from > to) {
            return true;
        }
        String between = source.subSequence(from, to).toString();
        if (from > 0 && source.charAt(from - 1) != '\n') {
            // the previous block ended before its line break; that break is not a blank line
            int eol = between.indexOf('\n');
            between = eol < 0 ? "" : between.substring(eol + 1);
        }
        return between.indexOf('\n') < 0;
    }
}
