package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Holds a block whose extent its factory already knows when the block starts (kramdown's
 * extensions and display math read up to their stop tag at once; rules and attribute lists are
 * one line): it takes every line that starts before that end, and none after.
 */
class BoundedBlockParser extends AbstractBlockParser {
    private final Block block;
    /** Offset in the document of the first line that is no longer the block's. */
    private final int end;

    /** A block over the lines that start before {@code end}, an offset in the document. */
    BoundedBlockParser(Block block, int end) {
        this.block = block;
        this.end = end;
    }

    /** A block of the one line {@code line}. */
    static BoundedBlockParser ofLine(Block block, BasedSequence line) {
        return new BoundedBlockParser(block, line.getEndOffset());
    }

    @Override
    public Block getBlock() {
        return block;
    }

    /** Whether {@code line} is one of the block's lines. */
    boolean holds(BasedSequence line) {
        return line.getStartOffset() < end;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return holds(state.getLine()) ? BlockContinue.atIndex(state.getLine().length()) : BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {
    }
}
