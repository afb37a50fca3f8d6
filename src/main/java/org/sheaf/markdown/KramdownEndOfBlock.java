package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Pattern;

/**
 * kramdown's end-of-block marker: a line of only {@code ^}, at the very start of its line (or of
 * its container's content). It ends the paragraph, code block, table, list or block quote above
 * it, so two lists or two quotes in a row stay apart, and writes nothing.
 */
final class KramdownEndOfBlock extends Block {
    private static final Pattern MARKER = Pattern.compile("\\^\\s*");

    private KramdownEndOfBlock(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }

    /** Registers the marker with flexmark: it interrupts a paragraph, as kramdown's lazy lines end there. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            if (state.getIndent() > 0 || at >= line.length() || line.charAt(at) != '^'
                    || !MARKER.matcher(line.subSequence(at)).matches()) {
                return BlockStart.none();
            }
            KramdownEndOfBlock marker = new KramdownEndOfBlock(line.subSequence(at).trimEnd());
            return BlockStart.of(BoundedBlockParser.ofLine(marker, line)).atIndex(line.length());
        }
    }
}
