package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sheaf.markdown.KramdownLazyContainers.LazyContainer;

/**
 * Indented code as kramdown reads it: after a line indented by four columns, the code block goes
 * on over the lines that follow it without indentation, up to a blank line, as a paragraph goes
 * on over lazy lines; a heading, a list or a quote on such a line is code too. Not a line that
 * ends lazy lines in kramdown (an attribute list, which then belongs to the code block, a
 * {@code ^}, block-level HTML). kramdown joins each such line to the line before it with a space,
 * so {@code code} over {@code lazy} is the code {@code code lazy}. flexmark ends indented code at
 * the first line indented less. A line that starts with one to three spaces and then a tab is not
 * indented to kramdown, whose indent is a tab or four spaces, so it too is a lazy line, kept with
 * its white space; flexmark counts it four columns and drops them.
 */
final class KramdownIndentedCode {
    private KramdownIndentedCode() {
    }

    /** Replaces flexmark's indented code parser with kramdown's in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.INDENTED_CODE_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new Factory());
    }

    /**
     * Adds {@code line} to the code's {@code lines} joined to the last of them by a space, as
     * kramdown replaces the line break before a lazy line of code.
     */
    static void joinToLast(List<BasedSequence> lines, BasedSequence line) {
        BasedSequence previous = lines.remove(lines.size() - 1);
        lines.add(previous.trimEOL());
        lines.add(PrefixedSubSequence.prefixOf(" ", line));
    }

    /** flexmark's indented code factory, asked only about indented lines, its blocks taking lazy lines. */
    static final class Factory extends ScreenedStartFactory {
        Factory() {
            super(new IndentedCodeBlockParser.Factory());
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            return state.getIndent() >= 4 && !state.isBlank()
                    || matched.getBlockParser() instanceof LazyContainer container && container.codeTabOn(state) >= 0;
        }

        @Override
        BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
            if (matched.getBlockParser() instanceof LazyContainer item && item.codeTabOn(state) >= 0) {
                return BlockStart.of(afterTab(state.getProperties())).atIndex(item.codeTabOn(state));
            }
            return WrappedBlockParser.wrapping(start, LazyCode::new);
        }
    }

    /**
     * Whether {@code line} goes on at {@code at}, after the indent of the list item
     * {@code container} is or is in, with a tab: kramdown drops an item's indent from each line of
     * it, spaces only, so the tab left is the indent of code. flexmark counts the tab to the next
     * multiple of four columns, so after an indent of three ({@code 1. }) or two ({@code * }) it
     * sees one or two columns, and no code. A quote between the item and the line stops this
     * only where its {@code >} is on the line: a lazy line of the quote keeps its tab, which
     * kramdown sees once the item's spaces are gone.
     */
    static boolean tabAfterItemIndent(BasedSequence line, int at, Block container) {
        if (at == 0 || at >= line.length() || line.charAt(at) != '\t' || line.charAt(at - 1) != ' '
                || line.subSequence(at).isBlank()) {
            return false;
        }
        boolean marked = line.subSequence(0, at).indexOf('>') >= 0;
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof BlockQuote && marked) {
                return false;
            }
            if (node instanceof ListItem) {
                return true;
            }
        }
        return false;
    }

    /**
     * A code block that starts after a tab, which kramdown reads as an indent of four columns
     * wherever it stands: flexmark counts a tab to the next multiple of four columns, so after a
     * quote's {@code >} it sees an indent of three (see {@link KramdownBlockQuotes}).
     */
    static BlockParser afterTab(DataHolder options) {
        return new LazyCode(new IndentedCodeBlockParser(options));
    }

    /** flexmark's indented code block, which also takes lazy lines and joins them as kramdown does. */
    private static final class LazyCode extends WrappedBlockParser {
        /** Where each lazy line's text starts in the document. */
        private final Set<Integer> lazyLines = new HashSet<>();
        /** Where each blank line the block took starts in the document. */
        private final Set<Integer> blankLines = new HashSet<>();
        /** Whether the last line the block took was blank. */
        private boolean afterBlank;

        LazyCode(BlockParser flexmark) {
            super(flexmark);
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (KramdownBlockQuotes.startsWithTab(state, getBlock())) {
                afterBlank = false;
                return BlockContinue.atIndex(state.getIndex() + 1);
            }
            if (tabAfterItemIndent(state.getLine(), state.getIndex(), getBlock().getParent())) {
                afterBlank = false;
                return BlockContinue.atIndex(state.getIndex() + 1);
            }
            BlockContinue indented = KramdownRawLines.isRaw(state.getLine().subSequence(state.getIndex()))
                    ? null : flexmark.tryContinue(state);
            boolean blank = state.isBlank();
            if (indented != null || blank) {
                afterBlank = blank;
                if (blank) {
                    blankLines.add(state.getLine().getStartOffset());
                }
                return indented;
            }
            BasedSequence rest = state.getLine().subSequence(state.getIndex());
            if (afterBlank || LazyContainer.endsLazyLines(rest) || startsPartAround(state)) {
                return BlockContinue.none();
            }
            lazyLines.add(rest.getStartOffset());
            return BlockContinue.atIndex(state.getIndex());
        }

        /**
         * Whether the line starts the second part of a list item around the block
         * ({@link KramdownListParts}): kramdown reads that part apart from the first, so the code
         * ends before it.
         */
        private boolean startsPartAround(ParserState state) {
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            for (Node item = getBlock().getAncestorOfType(ListItem.class); item != null;
                    item = item.getAncestorOfType(ListItem.class)) {
                if (KramdownListParts.startsSecondPart((ListItem) item, document, lineStart)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * flexmark's block, each lazy line joined to the line before it by a space: kramdown
         * replaces the line break before any line that starts with up to three spaces and then
         * text, which only a lazy line does, keeping those spaces. A lazy line is read as its
         * containers leave it to kramdown ({@link #asKramdownReads}); one that starts with the
         * indent of code there stays a line of its own, without that indent. A blank line keeps
         * the white space kramdown leaves it ({@link #blankAsKramdownReads}).
         */
        @Override
        public void closeBlock(ParserState state) {
            flexmark.closeBlock(state);
            boolean inItem = getBlock().getAncestorOfType(ListItem.class) != null;
            if (lazyLines.isEmpty() && blankLines.isEmpty() && !inItem) {
                return;
            }
            IndentedCodeBlock code = (IndentedCodeBlock) getBlock();
            List<BasedSequence> lines = new ArrayList<>();
            for (BasedSequence line : code.getContentLines()) {
                int lineStart = KramdownFrames.lineStart(line.getBaseSequence(), line.getStartOffset());
                if (blankLines.contains(lineStart)) {
                    lines.add(blankAsKramdownReads(line, lineStart));
                    continue;
                }
                if (lines.isEmpty() || !lazyLines.contains(line.getStartOffset())) {
                    lines.add(inItem ? indentedAsKramdownReads(line) : line);
                    continue;
                }
                BasedSequence read = asKramdownReads(line);
                if (joinsPrevious(read)) {
                    joinToLast(lines, read);
                } else {
                    lines.add(read.subSequence(KramdownHtmlBlockParser.indentAt(read, 0)));
                }
            }
            code.setContent(lines);
        }

        /**
         * A blank line of the block, from the line at {@code lineStart}, as kramdown's code block
         * has it: the white space its containers leave ({@link KramdownFrames#blankFromContainers}:
         * a list item keeps a blank line whole), less the indent of code (a tab or four spaces)
         * where it starts with one, so {@code ␣} between lines of code is a line of one space.
         * flexmark drops a blank line's white space up to the indent of its containers and the code.
         */
        private BasedSequence blankAsKramdownReads(BasedSequence line, int lineStart) {
            BasedSequence read = KramdownFrames.blankFromContainers(getBlock().getParent(), line, lineStart);
            return read == null ? line : read.subSequence(KramdownHtmlBlockParser.indentAt(read, 0));
        }

        /**
         * A lazy line of the block as kramdown's code block has it: the text its containers leave
         * (a list item turns the tabs that start a line into four spaces each and takes its
         * indentation off where the line has all of it); the line as flexmark left it where that
         * reading cannot be told.
         */
        private BasedSequence asKramdownReads(BasedSequence line) {
            BasedSequence document = line.getBaseSequence();
            int lineStart = KramdownFrames.lineStart(document, line.getStartOffset());
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            KramdownFrames.Rest rest = KramdownFrames.of(getBlock().getParent(), document, lineStart, lineEnd);
            if (rest == null || rest.at() > line.getEndOffset()) {
                return line;
            }
            return rest.expandedTo(document, lineEnd, line.getEndOffset());
        }

        /**
         * A line of the block that is indented in it, as kramdown's code block has it: the
         * text its containers leave, less the indent of code (a tab or four spaces). An item
         * whose marker a tab follows has another indentation to kramdown, which counts the tab
         * from the start of the item's container's text, than to flexmark, which counts it from
         * the start of the line ({@code 2. 2. ⇥> # a}, {@code ⇥⇥········b}: five spaces before
         * {@code b}, where flexmark's inner item takes one column more). The line as flexmark left
         * it where that reading cannot be told or holds other text.
         */
        private BasedSequence indentedAsKramdownReads(BasedSequence line) {
            BasedSequence document = line.getBaseSequence();
            int lineStart = KramdownFrames.lineStart(document, line.getStartOffset());
            KramdownFrames.Rest rest = KramdownFrames.ofLine(getBlock().getParent(), document, lineStart);
            if (rest == null || rest.at() > line.getEndOffset()) {
                return line;
            }
            // the rest holds the spaces kramdown's items made of the tabs that start the line
            BasedSequence read = PrefixedSubSequence.prefixOf(" ".repeat(rest.spaces()),
                    document.subSequence(rest.at(), line.getEndOffset()));
            int indent = read.startsWith("\t") ? 1 : read.startsWith("    ") ? 4 : -1;
            if (indent < 0 || !read.subSequence(indent).trimStart().equals(line.trimStart())) {
                return line;
            }
            return read.subSequence(indent);
        }

        /** Whether kramdown's pattern ({@code \n( {0,3}\S)}) joins the lazy line to the line before it. */
        private static boolean joinsPrevious(BasedSequence line) {
            int text = 0;
            while (text < line.length() && text < 3 && line.charAt(text) == ' ') {
                text++;
            }
            return text < line.length() && !Character.isWhitespace(line.charAt(text));
        }
    }
}
