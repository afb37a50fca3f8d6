package org.sheaf.markdown;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's list item attribute list: {@code - {: .done} text} gives the item ({@code <li>})
 * the class, and the item's text starts after the list; a definition's ({@code : {: .x} text})
 * gives its {@code <dd>} the class, as kramdown reads both markers' lines alike. kramdown takes
 * such a list off the start of an item's first line before it reads the item's blocks, so the
 * text after it may be any block ({@code - {: .x} # heading}); flexmark reads the list as the start of a paragraph.
 * Here the item's blocks start after it, and once the item is read the list is put into it as an
 * {@link AttributeListBlock}, as a list alone on the item's first line already is; {@link
 * KramdownAttributes} gives either to the item.
 */
final class KramdownItemAttributes {
    /**
     * kramdown's {@code LIST_ITEM_IAL}: {@code {:} not followed by {@code :}, {@code /} or a
     * definition's name and colon, to the first {@code }} not escaped, and the white space after.
     */
    private static final Pattern ITEM_LIST = Pattern.compile("\\{:(?!(?:\\w[\\w-]*)?:|/)((?:\\\\}|[^}])+)}[ \\t]*");

    private KramdownItemAttributes() {
    }

    /**
     * {@code start}, flexmark's start of a list item, with the item's text starting after the
     * attribute list that opens it, when text follows the list on the line; the list goes into
     * the item. Any other start unchanged.
     */
    static BlockStart afterItemList(BlockStart start, ParserState state) {
        if (!(start instanceof BlockStartImpl found) || found.getBlockParsers().length == 0) {
            return start;
        }
        BlockParser[] parsers = found.getBlockParsers();
        if (!(parsers[parsers.length - 1].getBlock() instanceof ListItem item) || item.getOpeningMarker().isNull()) {
            return start;
        }
        BasedSequence line = state.getLine();
        int text = item.getOpeningMarker().getEndOffset() - line.getStartOffset();
        while (text < line.length() && (line.charAt(text) == ' ' || line.charAt(text) == '\t')) {
            text++;
        }
        Matcher list = ITEM_LIST.matcher(line).region(text, line.length());
        if (text >= line.length() || !list.lookingAt() || line.subSequence(list.end()).isBlank()) {
            return start; // a list alone on the line is an AttributeListBlock of its own
        }
        BasedSequence written = line.subSequence(text, list.end()).trimEnd();
        AttributeListBlock block = new AttributeListBlock(written, null, AttributeList.parse(list.group(1)));
        parsers = parsers.clone();
        parsers[parsers.length - 1] = new ListFirst(parsers[parsers.length - 1], block);
        BlockStart moved = BlockStart.of(parsers).atIndex(list.end());
        return found.isReplaceActiveBlockParser() ? moved.replaceActiveBlockParser() : moved;
    }

    /**
     * A list item's or definition's parser that puts the item's attribute list in as its first
     * block once the item is read. Until then the item's first block is the text after the list,
     * as flexmark needs it to be: with input kramdown it lets a list interrupt a paragraph only
     * when the paragraph is an item's first block, so with the list in first an item nested
     * under {@code - {: .q} a} would be more of that paragraph, where kramdown nests it by the
     * indent of the marker alone.
     */
    private static final class ListFirst extends WrappedBlockParser {
        private final AttributeListBlock list;

        ListFirst(BlockParser flexmark, AttributeListBlock list) {
            super(flexmark);
            this.list = list;
        }

        @Override
        public void closeBlock(ParserState state) {
            getBlock().prependChild(list);
            super.closeBlock(state);
        }
    }

    /**
     * Whether {@code block} is the first block of a list item or a definition and starts on the
     * line of the item's marker: the place of kramdown's item attribute list.
     */
    static boolean startsItem(Node block) {
        Node item = block.getParent();
        if (!(item instanceof ListItem) || block.getPrevious() != null) {
            return false;
        }
        BasedSequence document = block.getDocument().getChars();
        return document.subSequence(item.getStartOffset(), block.getStartOffset()).indexOf('\n') < 0;
    }
}
