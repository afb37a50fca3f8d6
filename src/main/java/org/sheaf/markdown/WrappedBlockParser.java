package org.sheaf.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.function.UnaryOperator;

/**
 * One of flexmark's block parsers, which a subclass follows in all but what it overrides: the
 * way to change how flexmark continues a block over a line while its parser still builds the
 * block, orders it and closes it.
 */
abstract class WrappedBlockParser implements BlockParser {
    /** flexmark's parser, which builds the block. */
    final BlockParser flexmark;

    WrappedBlockParser(BlockParser flexmark) {
        this.flexmark = flexmark;
    }

    /**
     * {@code start} with each parser it starts replaced by {@code wrap}'s answer for it, and
     * the same index, column and replacing of the active parser.
     */
    static BlockStart wrapping(BlockStart start, UnaryOperator<BlockParser> wrap) {
        // a BlockStart shows the parsers it holds only through flexmark's implementation
        if (!(start instanceof BlockStartImpl found)) {
            return start;
        }
        BlockParser[] parsers = found.getBlockParsers().clone();
        for (int i = 0; i < parsers.length; i++) {
            parsers[i] = wrap.apply(parsers[i]);
        }
        BlockStart wrapped = BlockStart.of(parsers);
        if (found.getNewIndex() != -1) {
            wrapped = wrapped.atIndex(found.getNewIndex());
        } else if (found.getNewColumn() != -1) {
            wrapped = wrapped.atColumn(found.getNewColumn());
        }
        return found.isReplaceActiveBlockParser() ? wrapped.replaceActiveBlockParser() : wrapped;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return flexmark.tryContinue(state);
    }

    @Override
    public boolean isPropagatingLastBlankLine(BlockParser lastMatchedBlockParser) {
        // flexmark's parsers compare the parser matched last with themselves
        BlockParser matched = lastMatchedBlockParser == this ? flexmark : lastMatchedBlockParser;
        return flexmark.isPropagatingLastBlankLine(matched);
    }

    @Override
    public boolean isContainer() {
        return flexmark.isContainer();
    }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
        return flexmark.canContain(state, blockParser, block);
    }

    @Override
    public Block getBlock() {
        return flexmark.getBlock();
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        flexmark.addLine(state, line);
    }

    @Override
    public void closeBlock(ParserState state) {
        flexmark.closeBlock(state);
    }

    @Override
    public boolean isClosed() {
        return flexmark.isClosed();
    }

    @Override
    public boolean breakOutOnDoubleBlankLine() {
        return flexmark.breakOutOnDoubleBlankLine();
    }

    @Override
    public boolean isParagraphParser() {
        return flexmark.isParagraphParser();
    }

    @Override
    public BlockContent getBlockContent() {
        return flexmark.getBlockContent();
    }

    @Override
    public void finalizeClosedBlock() {
        flexmark.finalizeClosedBlock();
    }

    @Override
    public void parseInlines(InlineParser inlineParser) {
        flexmark.parseInlines(inlineParser);
    }

    @Override
    public boolean isInterruptible() {
        return flexmark.isInterruptible();
    }

    @Override
    public boolean isRawText() {
        return flexmark.isRawText();
    }

    @Override
    public boolean canInterruptBy(BlockParserFactory blockParserFactory) {
        return flexmark.canInterruptBy(blockParserFactory);
    }

    @Override
    public MutableDataHolder getDataHolder() {
        return flexmark.getDataHolder();
    }
}
