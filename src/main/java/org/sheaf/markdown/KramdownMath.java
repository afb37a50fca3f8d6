package org.sheaf.markdown;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's math: {@code $$...$$} standing as a block of its own (a blank line or the start of
 * its container before it, a blank line or the end after it) is display math, any other
 * {@code $$...$$} is inline math. The text between the dollars is kept as written (no Markdown
 * inside), stripped, and written as MathJax reads it, which is kramdown's default math engine:
 * {@code \[...\]} for a block, {@code \(...\)} inline. A single {@code $} is plain text.
 */
final class KramdownMath {
    private static final Pattern BLOCK = Pattern.compile("\\$\\$(.*?)\\$\\$([ \\t\\x0B\\f\\r]*\\n)?", Pattern.DOTALL);
    private static final Pattern IAL_START = Pattern.compile(" {0,3}\\{:(?![/:{])");

    private KramdownMath() {
    }

    /** Display math: its text, stripped. */
    static final class Block extends com.vladsch.flexmark.util.ast.Block {
        private String math;

        Block(BasedSequence chars, String math) {
            super(chars);
            this.math = math;
        }

        String math() {
            return math;
        }

        /** The text as the lines gave it once the marks of the quotes and items around it were taken off. */
        void setMath(String math) {
            this.math = math;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** Inline math: its text, stripped. */
    static final class Span extends Node {
        private final String math;

        Span(BasedSequence chars, String math) {
            super(chars);
            this.math = math;
        }

        String math() {
            return math;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * Registers display math with flexmark: the block takes the lines up to the closing
     * {@code $$} and the rest of its line.
     */
    static final class BlockFactory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            if (state.getIndent() >= 4 || start + 1 >= line.length() || line.charAt(start) != '$'
                    || line.charAt(start + 1) != '$' || matched.getBlockParser().isParagraphParser()
                    || !(afterBoundary(line, start) || startsBareItem(matched))) {
                return BlockStart.none();
            }
            CharSequence text = line.getBase() instanceof String s ? s : line.getBaseSequence();
            Matcher m = BLOCK.matcher(text);
            int column = start - state.getIndex() + state.getColumn();
            if (!m.region(line.getStartOffset() + start, text.length()).lookingAt()
                    || !beforeBoundary(text, m.end(), insideNewContainer(line, start) ? column : -1)) {
                return BlockStart.none();
            }
            BasedSequence chars = line.getBaseSequence().subSequence(m.start(), m.end(1) + 2);
            Block block = new Block(chars, m.group(1).strip());
            return BlockStart.of(new MathLines(block, m.end(), line.subSequence(start))).atIndex(line.length());
        }

        /**
         * Whether a block may start here: at the start of the document or of a container
         * opened on this line, or after a blank line.
         */
        private static boolean afterBoundary(BasedSequence line, int start) {
            if (insideNewContainer(line, start)) {
                return true;
            }
            BasedSequence all = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            if (lineStart == 0) {
                return true;
            }
            int previous = lineStart - 1;
            while (previous > 0 && all.charAt(previous - 1) != '\n') {
                previous--;
            }
            return all.subSequence(previous, lineStart).isBlank();
        }

        /**
         * Whether the line is the first of an item's text under a first line that holds nothing
         * but perhaps an attribute list, where kramdown starts reading the item's blocks.
         */
        private static boolean startsBareItem(MatchedBlockParser matched) {
            return matched.getBlockParser().getBlock() instanceof ListItem item && !item.hasChildren()
                    && KramdownLazyContainers.LazyContainer.bareFirstLine(item);
        }

        /** Whether a list item or block quote marker opened on this line comes before {@code start}. */
        private static boolean insideNewContainer(BasedSequence line, int start) {
            return start > 0 && !line.subSequence(0, start).isBlank();
        }

        /**
         * kramdown's block boundary after the math: a blank line, an attribute list, {@code ^}
         * or the end of the text, which for math that starts a list item (its content at
         * {@code itemColumn}, else -1) is also a line indented less than that content.
         */
        private static boolean beforeBoundary(CharSequence text, int at, int itemColumn) {
            int length = text.length();
            if (at == length || (at == length - 1 && text.charAt(at) == '\n')) {
                return true;
            }
            if (text.charAt(at - 1) != '\n') {
                return false;
            }
            int eol = at;
            while (eol < length && text.charAt(eol) != '\n') {
                eol++;
            }
            String next = text.subSequence(at, eol).toString();
            int indent = 0;
            while (indent < next.length() && next.charAt(indent) == ' ') {
                indent++;
            }
            return next.isBlank() || indent < itemColumn || next.strip().equals("^") || IAL_START.matcher(next).lookingAt();
        }
    }

    /**
     * Display math's lines, each without what its block quotes and list items took of it: kramdown
     * reads a container's blocks from its lines stripped of their {@code >} and indent, so math of
     * several lines in a quote keeps none of the quote's marks.
     */
    private static final class MathLines extends BoundedBlockParser {
        private final Block block;
        private final StringBuilder lines = new StringBuilder();

        MathLines(Block block, int end, BasedSequence first) {
            super(block, end);
            this.block = block;
            lines.append(withoutLineEnd(first));
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            BlockContinue result = super.tryContinue(state);
            if (result != BlockContinue.none()) {
                lines.append('\n').append(withoutLineEnd(state.getLine().subSequence(state.getIndex())));
            }
            return result;
        }

        @Override
        public void closeBlock(ParserState state) {
            Matcher m = BLOCK.matcher(lines);
            if (m.lookingAt()) {
                block.setMath(m.group(1).strip());
            }
        }

        private static CharSequence withoutLineEnd(BasedSequence line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
                end--;
            }
            return line.subSequence(0, end);
        }
    }

    /** Reads inline math inside a paragraph, heading, list item or table cell. */
    static final class SpanParser implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser inlineParser) {
        }

        @Override
        public void finalizeBlock(InlineParser inlineParser) {
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int at = parser.getIndex();
            boolean escaped = input.charAt(at) == '\\';
            if (escaped) {
                // "\$$...$$" alone in its paragraph's first line asks for inline math where display
                // math would be: kramdown drops the backslash.
                if (at != 0 || !(parser.getBlock() instanceof Paragraph)) {
                    return false;
                }
                at++;
            }
            if (at + 1 >= input.length() || input.charAt(at) != '$' || input.charAt(at + 1) != '$') {
                return false;
            }
            int close = input.indexOf("$$", at + 2);
            if (close < 0 || (escaped && !restOfLineBlank(input, close + 2))) {
                return false;
            }
            parser.flushTextNode();
            BasedSequence chars = input.subSequence(parser.getIndex(), close + 2);
            // the lines that kramdown joins back to the paragraph are joined so inside math too
            BasedSequence math = parser instanceof LeanInlineParser lean ? lean.codeOverRejoinedLines(at + 2, close)
                    : input.subSequence(at + 2, close);
            parser.getBlock().appendChild(new Span(chars, math.toString().strip()));
            parser.setIndex(close + 2);
            return true;
        }

        private static boolean restOfLineBlank(BasedSequence input, int from) {
            int eol = input.indexOf('\n', from);
            return input.subSequence(from, eol < 0 ? input.length() : eol).isBlank();
        }

        /** Registers inline math with flexmark for {@code $}, and {@code \\} for an escaped block. */
        static final class Factory extends CharacterParserFactory {
            Factory() {
                super("$\\", SpanParser::new);
            }
        }
    }
}
