package org.sheaf.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
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
 * <p>The quote is flexmark's, started where flexmark starts one; only its continuation differs.
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
     * Where the tab right after the line's {@code >} stands, or -1. kramdown drops a {@code >}
     * and one space after it, so a tab there stays whole before the quote's text, an indent of
     * its own (see {@link #indentedByTab}); flexmark takes one column of the tab for the space.
     */
    private static int tabAfterMarker(ParserState state) {
        BasedSequence line = state.getLine();
        int marker = state.getNextNonSpaceIndex();
        return marker + 1 < line.length() && line.charAt(marker) == '>' && line.charAt(marker + 1) == '\t' ? marker + 1 : -1;
    }

    /**
     * Whether the quote's text on this line starts with a tab right after its {@code >}, which
     * kramdown reads as the indent of a code block, as it does a tab at the start of a line: a
     * code block in the quote goes on over such a line.
     */
    static boolean indentedByTab(ParserState state) {
        BasedSequence line = state.getLine();
        int at = state.getIndex();
        return at > 0 && at < line.length() && line.charAt(at) == '\t' && line.charAt(at - 1) == '>'
                && !state.isBlank();
    }

    /** flexmark's quote, continued by any line that is not blank. */
    private static final class Quote extends BlockQuoteParser {
        Quote(DataHolder options, BasedSequence marker) {
            super(options, marker);
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            BlockContinue quoted = super.tryContinue(state);
            int tab = quoted == null ? -1 : tabAfterMarker(state);
            if (tab >= 0) {
                return BlockContinue.atIndex(tab);
            }
            if (quoted != null || state.isBlank() || endsQuote(state)) {
                return quoted;
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        /**
         * kramdown's lazy end: besides a blank line, a line without {@code >} that is a block
         * attribute list ({@code {: .x}}, which then belongs to the quote), an end-of-block
         * marker ({@code ^}) or a block-level tag ends the quote.
         */
        private static boolean endsQuote(ParserState state) {
            if (state.getIndent() >= 4) {
                return false;
            }
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            String rest = line.subSequence(at).trimEnd().toString();
            return ATTRIBUTE_LIST.matcher(rest).matches() || (state.getIndent() == 0 && rest.equals("^"))
                    || KramdownHtmlBlockParser.startsBlockTag(line, at);
        }
    }
}
