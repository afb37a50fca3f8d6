package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sheaf.markdown.KramdownLazyContainers.LazyContainer;

/**
 * A line that starts with one to three spaces and then a tab, where a block would start. No
 * block of kramdown's starts so (its code wants a tab or four spaces first, its paragraph a
 * character that is not white space after up to three spaces), so kramdown keeps the line as
 * text outside any block: its Markdown spans read, its white space kept, no {@code <p>}. The
 * like lines right under it join that text, so its spans are read over all of them (an
 * emphasis opened on one line may close on the next), each line's white space kept.
 */
final class KramdownRawLines {
    private static final Pattern RAW_LINE = Pattern.compile(" {1,3}\t[ \t]*\\S");

    private KramdownRawLines() {
    }

    /** Whether {@code text}, a line's text after its containers' marks, is such a line. */
    static boolean isRaw(CharSequence text) {
        return RAW_LINE.matcher(text).lookingAt();
    }

    /**
     * Whether a tab, or four columns of spaces, stand in the white space before the text at the
     * state's line, as kramdown reads it after the marks of the line's containers
     * ({@link KramdownFrames}): then no block but code or such a line starts there in kramdown,
     * whose block starts allow up to three spaces, not a tab, where flexmark counts a tab as
     * columns and may start a list or a quote after a tab of two, and counts the spaces of a
     * lazy line from an item's text ({@code 0.   a}, {@code     >b}: text). The spaces left of
     * a tab an item took part of count with those after it. On a line whose white space follows a {@code >}, that quote's
     * text starts after it: a lazy line may reach a quote whose {@code >} an outer quote would
     * otherwise seem to take.
     *
     * @param matched the block the line came to, whose containers are the line's
     */
    static boolean afterTab(ParserState state, Block matched) {
        BasedSequence line = state.getLine();
        int text = state.getNextNonSpaceIndex();
        int start = state.getIndex();
        while (start > 0 && (line.charAt(start - 1) == ' ' || line.charAt(start - 1) == '\t')) {
            start--;
        }
        if (start > 0 && line.charAt(start - 1) != '>' || start == text) {
            return false;
        }
        int marker = start - 1;
        if (start > 0 && start < text && line.charAt(start) == ' ') {
            start++;
        }
        Node container = matched;
        while (!(container instanceof BlockQuote || container instanceof ListItem || container instanceof Document)) {
            container = container.getParent();
        }
        BasedSequence document = line.getBaseSequence();
        int lineStart = line.getStartOffset();
        Node quote = start > 0 ? quoteTaking(container, document, lineStart, lineStart + marker) : null;
        KramdownFrames.Rest rest = KramdownFrames.of(container, start > 0 ? quote : null, new KramdownFrames.Rest(0, lineStart + start),
                document, lineStart, KramdownFrames.lineEnd(document, lineStart));
        if (rest == null || rest.at() > lineStart + text) {
            return false;
        }
        return document.subSequence(rest.at(), lineStart + text).indexOf('\t') >= 0
                || rest.spaces() + lineStart + text - rest.at() >= 4 && onlyQuotesAndItemsAround(matched);
    }

    /**
     * Whether {@code matched} is a paragraph, a quote or a list item, with nothing but quotes
     * and list items around it: the containers whose white space {@link KramdownFrames} reads.
     * A footnote's text, indented by four, is not among them.
     */
    private static boolean onlyQuotesAndItemsAround(Block matched) {
        Node start = matched instanceof Paragraph ? matched.getParent() : matched;
        for (Node node = start; !(node instanceof Document); node = node.getParent()) {
            if (node == null || !(node instanceof BlockQuote || node instanceof ListBlock
                    || node instanceof ListItem && !(node instanceof DefinitionItem))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The quote around {@code container} (or it) that takes the {@code >} at {@code marker} on
     * the line at {@code lineStart}: an outer quote's {@code >} may stand right before the white
     * space, where the items inside it take that white space ({@code > * >a}, {@code >⇥>a}).
     * Where none can be told to take it, the innermost quote, which a lazy line may reach past
     * the quotes around it.
     */
    private static Node quoteTaking(Node container, BasedSequence document, int lineStart, int marker) {
        Node innermost = null;
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof BlockQuote quote) {
                if (KramdownFrames.markerOf(quote, document, lineStart, KramdownFrames.lineEnd(document, lineStart)) == marker) {
                    return quote;
                }
                innermost = innermost == null ? quote : innermost;
            }
        }
        return innermost;
    }

    /** The parser of such a line whose text, after its containers' marks, is {@code text}. */
    static BlockParser starting(BasedSequence text) {
        return new Parser(text.trimEOL());
    }

    /**
     * Where the text of the state's line starts after a container's mark that ends at
     * {@code index}, or else at {@code column} (one of them -1, as flexmark gives them), or -1
     * when that column falls inside a tab.
     */
    static int textIndex(ParserState state, int index, int column) {
        if (index >= 0) {
            return index;
        }
        BasedSequence line = state.getLine();
        int at = 0;
        for (int col = 0; col < column && at < line.length(); at++) {
            col = line.charAt(at) == '\t' ? col + 4 - col % 4 : col + 1;
            if (col > column) {
                return -1;
            }
        }
        return at;
    }

    /**
     * Whether a line of a container, there a block's first line, would start a block there: the
     * block the last line went to is the container itself or one inside it that takes no more
     * lines (a heading, a block that read its lines ahead and holds no more).
     */
    static boolean startsBlockIn(Block container, ParserState state) {
        BlockParser last = state.getActiveBlockParser();
        Block block = last.getBlock();
        return block == container || block.getParent() == container && (block instanceof Heading
                || last instanceof BoundedBlockParser bounded && !bounded.holds(state.getLine()));
    }

    /** The line and the like lines under it, read as one text outside any paragraph. */
    static final class Line extends Block {
        Line(BasedSequence chars) {
            super(chars);
        }

        /** The spaces and tabs the first line starts with, which kramdown writes as they stand. */
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
            if (matched.getBlockParser() instanceof LazyContainer container && container.rawTextOn(state) >= 0) {
                int text = container.rawTextOn(state);
                return BlockStart.of(starting(line.subSequence(text))).atIndex(text);
            }
            if (matched.getBlockParser() instanceof LazyContainer container && container.codeTabOn(state) >= 0) {
                return BlockStart.none();
            }
            BasedSequence rest = line.subSequence(state.getIndex());
            if (!isRaw(rest) || matched.getBlockParser().isParagraphParser()
                    || state.getActiveBlockParser().isParagraphParser()) {
                return BlockStart.none();
            }
            return BlockStart.of(starting(rest)).atIndex(state.getIndex());
        }

        /** Before the container factories too, which would read the {@code >} a quote left for this one. */
        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(KramdownIndentedCode.Factory.class, KramdownLazyContainers.QuoteFactory.class,
                    KramdownLazyContainers.ListFactory.class);
        }
    }

    /** Takes the line and each like line under it, and reads their spans as one text. */
    private static final class Parser extends AbstractBlockParser {
        private final Line block;
        private final List<BasedSequence> lines = new ArrayList<>();

        Parser(BasedSequence first) {
            this.block = new Line(first);
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return isRaw(state.getLine().subSequence(state.getIndex())) ? BlockContinue.atIndex(state.getIndex())
                    : BlockContinue.none();
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
            lines.add(line);
        }

        @Override
        public void closeBlock(ParserState state) {
            block.setContent(lines);
            block.setCharsFromContent();
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            inlineParser.parse(block.getContentChars().trim(), block);
            keepLineIndents(block, lines);
        }

        /**
         * Puts back the white space each line after the first starts with, which flexmark's
         * inline parser drops after a line break and kramdown writes as it stands.
         */
        private static void keepLineIndents(Node node, List<BasedSequence> lines) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                    BasedSequence all = child.getChars().getBaseSequence();
                    int from = textStart(child.getChars().getEndOffset(), lines);
                    int to = from;
                    int kept = following(child);
                    while (to < kept && (all.charAt(to) == ' ' || all.charAt(to) == '\t')) {
                        to++;
                    }
                    if (to > from) {
                        child.insertAfter(new Text(all.subSequence(from, to)));
                        child = child.getNext();
                    }
                } else {
                    keepLineIndents(child, lines);
                }
            }
        }

        /** Where the text of the line that starts at {@code lineStart} starts, after its containers' marks. */
        private static int textStart(int lineStart, List<BasedSequence> lines) {
            for (BasedSequence line : lines) {
                if (line.getStartOffset() >= lineStart) {
                    return line.getStartOffset();
                }
            }
            return lineStart;
        }

        /** Where the text after {@code node} starts in the document, or the document's end. */
        private static int following(Node node) {
            for (Node at = node; at != null; at = at.getParent()) {
                if (at.getNext() != null) {
                    return at.getNext().getStartOffset();
                }
                if (at instanceof Line) {
                    break;
                }
            }
            return node.getChars().getBaseSequence().length();
        }
    }
}
