package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kramdown's block quote: it runs to the first blank line. kramdown takes every line up to a
 * blank one into the quote before it reads the quote's blocks, and drops the {@code >} of the
 * lines that have one; a line without it is read as written, indentation and all, unless it
 * is one of the few that end a quote lazily (an attribute list, a block-level tag). flexmark
 * continues a quote with such a line only as lazy text of a paragraph, so an attribute list
 * ({@code > {: .note }}) followed by its text without a {@code >} ended the quote and left the
 * list on nothing. Its own option to extend a quote to a blank line skips the line's indentation,
 * which turns an indented {@code ---} into a heading's underline where kramdown keeps it text.
 *
 * <p>The quote is flexmark's, started where flexmark starts one; only its continuation differs,
 * and what a tab after its {@code >} means. kramdown drops the {@code >} and one space and reads
 * the rest as text of its own, so a tab there is an indent of four columns, which starts code
 * wherever a block may start; flexmark counts the tab to the next multiple of four columns.
 */
final class KramdownBlockQuotes implements CustomBlockParserFactory {
    /** A block attribute list: {@code {:} not followed by {@code :} or {@code /}, to {@code }}. */
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:(?![:/]).+}");
    private final BlockQuoteParser.Factory flexmark = new BlockQuoteParser.Factory();

    /** Installed in flexmark's place by {@link KramdownLazyContainers#install}. */
    KramdownBlockQuotes() {
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory quotes = flexmark.apply(options);
        return (state, matched) -> {
            Quote open = leavingMarker(state, matched.getBlockParser());
            if (open != null) {
                return BlockStart.of(KramdownIndentedCode.afterTab(options)).atIndex(open.tabIndex + 1);
            }
            BlockStart start = quotes.tryStart(state, matched);
            if (!(start instanceof BlockStartImpl started) || started.getBlockParsers().length != 1
                    || !(started.getBlockParsers()[0] instanceof BlockQuoteParser quote)) {
                return start;
            }
            Quote ours = new Quote(options, quote.getBlock().getOpeningMarker());
            int tab = tabAfterMarker(state);
            if (tab >= 0 && !state.getLine().subSequence(tab).isBlank()) {
                // the quote's text starts with code, which flexmark would not start after a
                // tab of three columns, nor look for before a letter
                return BlockStart.of(ours, KramdownIndentedCode.afterTab(options)).atIndex(tab + 1);
            }
            if (tab >= 0) {
                return BlockStart.of(ours).atIndex(tab);
            }
            int text = KramdownRawLines.textIndex(state, started.getNewIndex(), started.getNewColumn());
            if (text >= 0 && KramdownRawLines.isRaw(state.getLine().subSequence(text))) {
                // the quote's text is a line of KramdownRawLines, which flexmark would read as a
                // paragraph: it asks no factory about a letter after a white space of two columns
                return BlockStart.of(ours, KramdownRawLines.starting(state.getLine().subSequence(text))).atIndex(text);
            }
            return started.getNewColumn() >= 0 ? BlockStart.of(ours).atColumn(started.getNewColumn())
                    : BlockStart.of(ours).atIndex(started.getNewIndex());
        };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return flexmark.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return flexmark.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return flexmark.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return flexmark.getLeadInHandler(options);
    }

    /**
     * Where the tab after the line's {@code >} and at most one space stands, or -1. kramdown
     * drops a {@code >} and one space after it, so a tab there stays whole before the quote's
     * text, an indent of its own (see {@link #startsWithTab}); flexmark counts it to the next
     * multiple of four columns, three or two.
     */
    private static int tabAfterMarker(ParserState state) {
        BasedSequence line = state.getLine();
        int at = state.getNextNonSpaceIndex();
        if (at >= line.length() || line.charAt(at) != '>') {
            return -1;
        }
        at++;
        if (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at < line.length() && line.charAt(at) == '\t' ? at : -1;
    }

    /**
     * Whether the text on this line of a quote {@code block} stands in starts with a tab after
     * its {@code >}, here at the state's index, which kramdown reads as the indent of a code
     * block, as it does a tab at the start of a line: a code block in the quote goes on over
     * such a line. The quote may be an outer one, whose text is a lazy line of the quotes inside.
     */
    static boolean startsWithTab(ParserState state, Block block) {
        if (state.isBlank()) {
            return false;
        }
        boolean inItem = false;
        for (Block container = block.getParent(); container != null; container = container.getParent()) {
            Quote quote = quoteOf(state.getActiveBlockParser(container));
            if (quote != null && quote.tabLine == state.getLineNumber() && quote.tabIndex == state.getIndex()) {
                return !inItem || tabLeftBy(block.getParent(), state);
            }
            inItem |= container instanceof ListItem;
        }
        return false;
    }

    /**
     * Whether the list items between the quote and {@code container} leave the tab after the
     * quote's {@code >} an indent of code in {@code container}'s text, as {@link KramdownFrames}
     * reads the line: an item turns the tab into four spaces and takes its indentation of them,
     * so under {@code > +⇥a} the tab of {@code >⇥b} is the item's indent and {@code b} its text
     * (a lazy line of code in it), where flexmark takes three of the tab's columns and leaves it
     * standing at the state's index. True where the reading cannot be told.
     */
    private static boolean tabLeftBy(Block container, ParserState state) {
        BasedSequence document = state.getLine().getBaseSequence();
        int lineStart = state.getLine().getStartOffset();
        int lineEnd = KramdownFrames.lineEnd(document, lineStart);
        KramdownFrames.Rest rest = KramdownFrames.of(container, document, lineStart, lineEnd);
        return rest == null || rest.codeStart(document, lineEnd) >= 0;
    }

    /**
     * The quote, {@code parser}'s or one around it through quotes, that left its {@code >} on the
     * state's line for the quote factory to start code after the tab that follows ({@link
     * Quote#leftMarkerFor}); null for none.
     */
    private static Quote leavingMarker(ParserState state, BlockParser parser) {
        for (BlockParser at = parser; at != null; ) {
            Quote quote = quoteOf(at);
            if (quote == null) {
                return null;
            }
            if (quote.leftMarkerFor(state)) {
                return quote;
            }
            Block parent = at.getBlock().getParent();
            at = parent == null ? null : state.getActiveBlockParser(parent);
        }
        return null;
    }

    /** The quote {@code parser} reads, or null when it reads none of these quotes. */
    private static Quote quoteOf(BlockParser parser) {
        BlockParser read = parser instanceof WrappedBlockParser wrapped ? wrapped.flexmark : parser;
        return read instanceof Quote quote ? quote : null;
    }

    /** flexmark's quote, continued by any line that is not blank. */
    private static final class Quote extends BlockQuoteParser {
        /** The last line whose text started with a tab, and where that tab stands. */
        private int tabLine = -1;
        private int tabIndex;
        /** The last line on which the quote left its marker to its factory. */
        private int markerLeftOn = -1;

        Quote(DataHolder options, BasedSequence marker) {
            super(options, marker);
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            Block parent = getBlock().getParent();
            if (parent != null && leavingMarker(state, state.getActiveBlockParser(parent)) != null) {
                // a lazy line of this quote whose text, after a quote around it, starts with a
                // tab: its {@code >} is that quote's, left for the factory to start the code
                return BlockContinue.atIndex(state.getIndex());
            }
            BlockContinue quoted = super.tryContinue(state);
            if (quoted != null && KramdownRawLines.afterTab(state, getBlock())) {
                // kramdown sees a tab before the {@code >}, so no marker: the line is lazy text
                quoted = null;
            }
            int tab = quoted == null ? -1 : tabAfterMarker(state);
            if (tab >= 0) {
                tabLine = state.getLineNumber();
                tabIndex = tab;
                if (!state.getLine().subSequence(tab).isBlank() && startsBlock(state)) {
                    // a block starts here, which the tab makes code; flexmark would look for none
                    // after a tab of three columns before a letter, so the quote leaves its marker
                    // to its factory, which starts the code (see leftMarkerFor)
                    markerLeftOn = tabLine;
                    return BlockContinue.atIndex(state.getNextNonSpaceIndex());
                }
                return BlockContinue.atIndex(tab);
            }
            if (quoted != null || state.isBlank() || endsQuote(state)) {
                return quoted;
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        /**
         * Whether the line, whose text starts with a tab, starts a block of the quote rather than
         * going on with one: the block the last line went to is the quote itself or one that
         * takes no more lines (a heading, a rule, an attribute list, text of lines that start
         * with spaces before their tab); or the like in a quote inside this one, which the line
         * reaches as a lazy line.
         */
        private boolean startsBlock(ParserState state) {
            BlockParser last = state.getActiveBlockParser();
            if (last.getBlock() == getBlock() || last.getBlock() instanceof BlockQuote && quotedIn(last.getBlock())) {
                // this quote, or a quote inside it that the line reaches as a lazy line
                return true;
            }
            Node parent = last.getBlock().getParent();
            return (parent == getBlock() || parent instanceof BlockQuote inner && quotedIn(inner)) && (last.getBlock() instanceof Heading
                    || last.getBlock() instanceof KramdownRawLines.Line
                    || last instanceof BoundedBlockParser bounded && !bounded.holds(state.getLine()));
        }

        /** Whether {@code quote} lies in this quote through quotes only. */
        private boolean quotedIn(Block quote) {
            for (Node node = quote.getParent(); node instanceof BlockQuote; node = node.getParent()) {
                if (node == getBlock()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether this quote left its {@code >} on the state's line for the quote factory, to
         * start a code block after the tab that follows it. No factory ordered before the quote's
         * starts a block at a {@code >}.
         */
        boolean leftMarkerFor(ParserState state) {
            return markerLeftOn == state.getLineNumber() && tabLine == markerLeftOn
                    && state.getLine().charAt(state.getIndex()) == '>';
        }

        /**
         * kramdown's lazy end: besides a blank line, a line without {@code >} that is a block
         * attribute list ({@code {: .x}}, which then belongs to the quote), an end-of-block
         * marker ({@code ^}) or a line that starts with a block-level element's name, a tag or not
         * ({@link KramdownHtmlBlockParser#endsLazyLines}), ends the quote.
         */
        private static boolean endsQuote(ParserState state) {
            if (state.getIndent() >= 4) {
                return false;
            }
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            String rest = line.subSequence(at).trimEnd().toString();
            return ATTRIBUTE_LIST.matcher(rest).matches() || (state.getIndent() == 0 && rest.equals("^"))
                    || KramdownHtmlBlockParser.endsLazyLines(line.subSequence(at));
        }
    }
}
