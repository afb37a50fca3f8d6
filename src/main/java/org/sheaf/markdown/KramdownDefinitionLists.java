package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.internal.DefinitionItemBlockParser;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListItemBlockPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.parser.internal.BlockContinueImpl;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * flexmark's definition lists, a definition started only by the marker kramdown reads: a
 * {@code :} with a space or a tab after it. flexmark also takes a {@code :} that ends its line
 * and a {@code ~}, which kramdown leaves as text of the paragraph above. A definition's lazy
 * lines end where a list item's do in kramdown, at block-level HTML, an attribute list or a
 * {@code ^}, which then come after the list.
 */
final class KramdownDefinitionLists implements Parser.ParserExtension {
    private final DefinitionExtension flexmark = DefinitionExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        flexmark.parserOptions(options);
        options.set(DefinitionExtension.TILDE_MARKER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new ItemStarts())
                .blockPreProcessorFactory(new DefinitionListItemBlockPreProcessor.Factory())
                .blockPreProcessorFactory(new DefinitionListBlockPreProcessor.Factory());
    }

    /**
     * flexmark's definition item factory, not asked about a {@code :} that ends its line; an
     * attribute list that opens a definition is the definition's ({@link KramdownItemAttributes}).
     */
    private static final class ItemStarts extends ScreenedStartFactory {
        ItemStarts() {
            super(new DefinitionItemBlockParser.Factory());
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int marker = state.getNextNonSpaceIndex();
            if (marker >= line.length() || line.charAt(marker) != ':') {
                return true; // not a definition's marker; flexmark's factory decides as before
            }
            int after = marker + 1;
            return after < line.length() && line.charAt(after) != '\n' && line.charAt(after) != '\r';
        }

        /**
         * flexmark starts a definition after a blank line only at the top of the document; in a
         * block quote or a list item whose last block is a paragraph or a definition, kramdown
         * starts one there too. flexmark's factory is shown a closed paragraph's parser, which it
         * takes as the term's; whether the definition is loose it reads from the active parser.
         */
        @Override
        MatchedBlockParser shown(ParserState state, MatchedBlockParser matched) {
            Node container = matched.getBlockParser().getBlock();
            if (!(container instanceof BlockQuote || container instanceof ListItem && !(container instanceof DefinitionItem))
                    || !startsDefinition(state)) {
                return matched;
            }
            Node last = container.getLastChildAnyNot(BlankLine.class);
            if (last instanceof DefinitionItem) {
                return new AfterParagraph(matched);
            }
            if (!(last instanceof Paragraph)) {
                return matched;
            }
            // a term's paragraph and its definition are one blank line apart, not two
            BasedSequence all = container.getDocument().getChars();
            int lineBreaks = 0;
            for (int at = last.getEndOffset(); at < state.getLine().getStartOffset(); at++) {
                lineBreaks += all.charAt(at) == '\n' ? 1 : 0;
            }
            return lineBreaks == 1 ? new AfterParagraph(matched) : matched;
        }

        @Override
        BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
            return WrappedBlockParser.wrapping(KramdownItemAttributes.afterItemList(start, state), LazyEnds::new);
        }
    }

    /** A matched container shown to flexmark's definition factory as a paragraph's parser. */
    private record AfterParagraph(MatchedBlockParser container) implements MatchedBlockParser {
        @Override
        public BlockParser getBlockParser() {
            return new ParagraphParser();
        }

        @Override
        public BasedSequence getParagraphContent() {
            return container.getParagraphContent();
        }

        @Override
        public List<BasedSequence> getParagraphLines() {
            return container.getParagraphLines();
        }

        @Override
        public List<Integer> getParagraphEolLengths() {
            return container.getParagraphEolLengths();
        }

        @Override
        public MutableDataHolder getParagraphDataHolder() {
            return container.getParagraphDataHolder();
        }
    }

    /** Whether {@code item} holds no block but blank lines and attribute lists. */
    static boolean holdsNothing(Node item) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof BlankLine || child instanceof AttributeListBlock)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the state's line, from its first character that is not a space, is a definition's marker. */
    private static boolean startsDefinition(ParserState state) {
        BasedSequence line = state.getLine();
        int marker = state.getNextNonSpaceIndex();
        return marker + 1 < line.length() && line.charAt(marker) == ':'
                && (line.charAt(marker + 1) == ' ' || line.charAt(marker + 1) == '\t');
    }

    /** A definition's parser, which does not take a lazy line that ends lazy lines in kramdown. */
    private static final class LazyEnds extends WrappedBlockParser {
        LazyEnds(BlockParser flexmark) {
            super(flexmark);
        }

        /** Whether the last line that reached this definition was blank. */
        private boolean afterBlank;

        /**
         * flexmark makes a definition right under one that holds nothing loose; kramdown wraps its
         * text in a paragraph only after a blank line.
         */
        @Override
        public void closeBlock(ParserState state) {
            super.closeBlock(state);
            if (getBlock() instanceof DefinitionItem item && item.getPrevious() instanceof DefinitionItem before
                    && holdsNothing(before) && KramdownLazyContainers.LazyContainer.bareFirstLine(before)) {
                BasedSequence all = item.getDocument().getChars();
                int lineBreaks = 0;
                for (int at = before.getOpeningMarker().getEndOffset(); at < item.getOpeningMarker().getStartOffset(); at++) {
                    lineBreaks += all.charAt(at) == '\n' ? 1 : 0;
                }
                if (lineBreaks == 1) {
                    item.setTight(true);
                }
            }
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            boolean blankBefore = afterBlank;
            afterBlank = state.isBlank();
            // kramdown reads the text of a definition with nothing after its ':' as indented by
            // four columns: after a blank line only a line that far in is the definition's
            if (blankBefore && !state.isBlank() && getBlock() instanceof ListItem item
                    && KramdownLazyContainers.LazyContainer.bareFirstLine(item)) {
                return state.getIndent() >= 4 ? BlockContinue.atColumn(state.getColumn() + 4) : BlockContinue.none();
            }
            // flexmark takes the line right under a definition with nothing after its ':' into
            // it, a ':' line too; kramdown starts the next definition there
            if (!blankBefore && !state.isBlank() && state.getIndent() < 4 && getBlock() instanceof ListItem item
                    && KramdownLazyContainers.LazyContainer.bareFirstLine(item) && startsDefinition(state)) {
                return BlockContinue.none();
            }
            BlockContinue result = flexmark.tryContinue(state);
            // flexmark continues a definition at its content's column, or lazily at the line's index
            boolean lazy = result instanceof BlockContinueImpl found && found.getNewColumn() == -1 && !state.isBlank();
            if (lazy && KramdownLazyContainers.LazyContainer.endsLazyLines(state.getLine().subSequence(state.getIndex()))) {
                return BlockContinue.none();
            }
            return result;
        }
    }
}
