package org.sheaf.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A line that starts with one to three spaces and then a tab, where a block would start. No
 * block of kramdown's starts so (its code wants a tab or four spaces first, its paragraph a
 * character that is not white space after up to three spaces), so kramdown keeps the line as
 * text outside any block: its Markdown spans read, its white space kept, no {@code <p>}.
 */
final class KramdownRawLines {
    private static final Pattern RAW_LINE = Pattern.compile(" {1,3}\t[ \t]*\\S");

    private KramdownRawLines() {
    }

    /** The line, read as text outside any paragraph. */
    static final class Line extends Block {
        Line(BasedSequence chars) {
            super(chars);
        }

        /** The spaces and tabs the line starts with, which kramdown writes as they stand. */
        String indent() {
            BasedSequence chars = getChars();
            return chars.subSequence(0, chars.length() - chars.trimStart().length()).toString();
        }

        @Override
        public BasedSequence[] getSegments() {
            return new BasedSequence[] {getChars()};
        }
    }

    /** Starts a {@link Line} where no paragraph goes on, ahead of the indented code it would be to flexmark. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getIndex());
            if (!RAW_LINE.matcher(rest).lookingAt() || matched.getBlockParser().isParagraphParser()
                    || state.getActiveBlockParser().isParagraphParser()) {
                return BlockStart.none();
            }
            Line block = new Line(rest.trimEOL());
            return BlockStart.of(new Parser(block, line)).atIndex(line.length());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(KramdownIndentedCode.Factory.class);
        }
    }

    /** Holds the one line and reads its spans. */
    private static final class Parser extends BoundedBlockParser {
        private final Line block;

        Parser(Line block, BasedSequence line) {
            super(block, line.getEndOffset());
            this.block = block;
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            inlineParser.parse(block.getChars().trimStart(), block);
        }
    }
}
