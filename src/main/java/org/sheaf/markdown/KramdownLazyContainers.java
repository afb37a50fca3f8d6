package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.internal.BlockContinueImpl;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's list items and block quotes, kept open over lines that kramdown reads into them and
 * flexmark does not.
 *
 * <p>kramdown gathers a container's lines before it reads its blocks. A block quote takes every
 * line up to a blank one, with or without its {@code >}; a list item takes every line that
 * follows a line of the item without a blank line between, even at the margin, unless it starts
 * another item of the list. Neither takes a line that ends lazy lines in kramdown: an attribute
 * list, a {@code ^}, block-level HTML. So a heading, a fence, a list or a quote on such a line is
 * a block inside the quote or the item (the deepest item, when items nest), and the list goes on
 * after it. flexmark lets a lazy line only continue an open paragraph, so any other block ends
 * its containers; here a container whose flexmark parser lets such a line go keeps it, and the
 * block starts inside.
 *
 * <p>A block that reads its own lines ahead ({@link BoundedBlockParser}: kramdown's
 * {@code {::comment}} and {@code {::nomarkdown}}, display math) may take lazy lines of the quotes
 * and items it is in, as kramdown does; the containers it sits in stay open over each line it
 * takes, so no line is read twice.
 */
final class KramdownLazyContainers {
    private KramdownLazyContainers() {
    }

    /** Replaces flexmark's list and block quote parsers with these in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.BLOCK_QUOTE_PARSER, false);
        builder.set(Parser.LIST_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new QuoteFactory()).customBlockParserFactory(new ListFactory());
    }

    /**
     * {@code factories}, a factory's order among the parsers, with these factories named next to
     * flexmark's list and quote factories they replace (and {@link KramdownFences}' and
     * {@link KramdownIndentedCode}'s next to flexmark's code factories), so the order holds
     * whichever of the two a parser has. flexmark passes over the names of factories a parser
     * does not have.
     */
    static Set<Class<?>> withReplacements(Set<Class<?>> factories) {
        if (factories == null) {
            return null;
        }
        Set<Class<?>> named = new HashSet<>(factories);
        if (factories.contains(BlockQuoteParser.Factory.class)) {
            named.add(QuoteFactory.class);
        }
        if (factories.contains(ListBlockParser.Factory.class)) {
            named.add(ListFactory.class);
        }
        if (factories.contains(FencedCodeBlockParser.Factory.class)) {
            named.add(KramdownFences.Factory.class);
        }
        if (factories.contains(IndentedCodeBlockParser.Factory.class)) {
            named.add(KramdownIndentedCode.Factory.class);
        }
        return named;
    }

    /** kramdown's block quote parser ({@link KramdownBlockQuotes}), its quotes kept open over lazy lines. */
    static final class QuoteFactory extends StartFactory {
        QuoteFactory() {
            super(new KramdownBlockQuotes());
        }
    }

    /**
     * flexmark's list parser, its items kept open over lazy lines, and an item marked left of
     * its list's first marker read as kramdown reads it.
     *
     * <p>kramdown takes an item marker indented less than the item's text (and by up to three
     * spaces) as the next item of the list, and a marker of the other kind of list, after a blank
     * line, as the start of a new list; so {@code * b} under {@code   * a} is a second item.
     * flexmark's kramdown rules take nothing left of the list's first marker once the list is
     * open, so the line became text. Such a line is given to flexmark's list factory as it
     * would come to it after the list: the new list it starts is the new list, or its item the
     * list's next item.
     */
    static final class ListFactory extends StartFactory {
        ListFactory() {
            super(new ListBlockParser.Factory());
        }

        @Override
        BlockStart refused(BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            BlockParser open = matched.getBlockParser();
            if (nestsInTabbedItem(open, state) || startsListAtTabbedIndent(open, state)) {
                // flexmark's item marked its line as lazy text when it went on over it, and its
                // factory, having refused the line once, forgets that mark
                return starts.tryStart(state, matched);
            }
            if (!(open.getBlock() instanceof ListBlock list) || !(list.getFirstChild() instanceof ListItem first)
                    || list.getParent() == null
                    || state.getIndent() >= markerIndent(first, state) && !afterBareItem(list, state)) {
                return null;
            }
            BlockStartImpl started = startedIn(list.getParent(), starts, state, matched);
            if (started == null) {
                return null;
            }
            BlockParser item = started.getBlockParsers()[1];
            boolean sameKind = (item.getBlock() instanceof OrderedListItem) == (list instanceof OrderedList);
            return whereStarted(sameKind ? BlockStart.of(item) : BlockStart.of(started.getBlockParsers()), started);
        }

        /**
         * What flexmark's factory ({@code starts}) starts on the line as it would with the open
         * parser of {@code block} the last the line matched: a list and its item, or null.
         */
        private static BlockStartImpl startedIn(Node block, BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            BlockParser container = openParserOf(block, state);
            return container != null && starts.tryStart(state, new MatchedAs(container, matched)) instanceof BlockStartImpl started
                    && started.getBlockParsers().length == 2 ? started : null;
        }

        /** {@code start} going on where {@code started} leaves the line. */
        private static BlockStart whereStarted(BlockStart start, BlockStartImpl started) {
            return started.getNewColumn() >= 0 ? start.atColumn(started.getNewColumn()) : start.atIndex(started.getNewIndex());
        }

        /**
         * A list that starts the second part of the list item around the open list
         * ({@link KramdownListParts}), as a list of its own right in that item: kramdown reads the
         * part apart from the first, whose list ({@code 1. c} under {@code * x}) ends before it,
         * where flexmark would nest the new list in that list's item or add its item to that list.
         */
        @Override
        BlockStart apart(BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            BlockStart next = nextItemShortOfTabbedIndent(starts, state, matched);
            if (next != null) {
                return next;
            }
            if (!(matched.getBlockParser().getBlock() instanceof ListBlock list) || !(list.getParent() instanceof ListItem around)
                    || !LazyContainer.startsPartApart(state, around)) {
                return null;
            }
            BlockStartImpl started = startedIn(around, starts, state, matched);
            return started == null ? null : whereStarted(BlockStart.of(started.getBlockParsers()), started);
        }

        /**
         * The next item of the open list, started on a line its last item ended at as the start
         * of that item's sibling, short of the last item's indent as kramdown counts the tab after
         * its marker ({@link LazyContainer#nextItemLine}): kramdown reads an item marker of the
         * list's kind within three columns of the list's container's text as the next item, where
         * flexmark, which counts the tab from the start of the whole line, takes the marker as
         * indented past the list's and starts a list of its own ({@code *⇥ b},
         * {@code      * ⇥c}, {@code         - d}: {@code d} follows {@code c}). Null where that
         * is not so.
         */
        private static BlockStart nextItemShortOfTabbedIndent(BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            if (!(matched.getBlockParser().getBlock() instanceof ListBlock list) || list.getParent() == null
                    || !(list.getLastChild() instanceof ListItem last)
                    || !(openParserOf(last, state) instanceof LazyContainer ended) || ended.nextItemLine != state.getLineNumber()) {
                return null;
            }
            BlockStartImpl started = startedIn(list.getParent(), starts, state, matched);
            if (started == null || (started.getBlockParsers()[1].getBlock() instanceof OrderedListItem) != (list instanceof OrderedList)) {
                return null;
            }
            return whereStarted(BlockStart.of(started.getBlockParsers()[1]), started);
        }

        /**
         * A list that starts on a lazy line of the list item whose paragraph is open ({@code 1. b}
         * under {@code - a}, or {@code   * b} under {@code 1. a}, left of the item's text), read
         * as kramdown's own parser reads it: kramdown gathers such a line among the item's lines
         * as it stands, and until it has found a nested list in the item
         * ({@link #nestedListFound}) the line goes on the part of the item its paragraph is in,
         * a paragraph that no list interrupts. flexmark nests a list of the other kind there.
         * kramdown's GFM parser reads the same part, where the list interrupts the paragraph.
         * A later lazy line, of an item that has found a nested list, is {@link KramdownListNesting}'s.
         * kramdown splits no definition's lines at a list, so under a definition's paragraph
         * any line that starts a list is more of it. A line that starts the second part of an item
         * around the paragraph ({@link KramdownListParts}) is read apart from it in either case
         * ({@code     2. b} under {@code - 1. # h}, {@code   - a}; {@code   - x} under
         * {@code - term}, {@code   : def}).
         */
        @Override
        boolean readsAsText(BlockStart start, ParserState state, MatchedBlockParser matched) {
            BlockParser open = matched.getBlockParser();
            if (MarkdownRenderer.GFM_INPUT.get(state.getProperties()) || !open.isParagraphParser()
                    || !(open.getBlock().getParent() instanceof ListItem item)
                    || !(start instanceof BlockStartImpl started) || started.getBlockParsers().length != 2) {
                return false;
            }
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            List<ListItem> items = itemsAround(item);
            for (ListItem around : items) {
                if (KramdownListParts.startsSecondPart(around, document, lineStart)) {
                    return false;
                }
            }
            if (item instanceof DefinitionItem) {
                return true;
            }
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            boolean lazy = false;
            for (ListItem around : items) {
                lazy = KramdownFrames.lazyLine(around, document, lineStart, lineEnd);
                if (lazy && nestedListFound(around, document, lineStart)) {
                    return false;
                }
            }
            return lazy;
        }

        /**
         * {@code item} and the list items it is nested in right inside each other, outermost
         * first. A definition stands right in the item it is in: flexmark gathers definitions in
         * their list only once the text is parsed.
         */
        private static List<ListItem> itemsAround(ListItem item) {
            List<ListItem> items = new ArrayList<>();
            Node node = item;
            while (node instanceof ListItem around) {
                items.add(0, around);
                node = around instanceof DefinitionItem && around.getParent() instanceof ListItem outer
                        ? outer : around.getParent().getParent();
            }
            return items;
        }

        /**
         * Whether the state's line, which goes on the paragraph of a list item whose marker a
         * tab follows ({@link LazyContainer#tabbedMarkerIndent}), starts a list kramdown nests in
         * that item: the item's second part ({@link KramdownListParts}), indented to the item's
         * text as kramdown counts the tab, from the start of the text of the item's container.
         * flexmark counts the tab from the start of the whole line; where its indent reaches past
         * kramdown's ({@code * 1.⇥ a}, {@code        1. b}: seven columns where kramdown wants
         * five) its item takes the line as a lazy line of the paragraph, which no list
         * interrupts, though the item goes on at kramdown's indent
         * ({@link LazyContainer#indentedByTabbedMarker}).
         */
        private static boolean nestsInTabbedItem(BlockParser open, ParserState state) {
            if (!open.isParagraphParser() || !(open.getBlock().getParent() instanceof ListItem item)
                    || item instanceof DefinitionItem || LazyContainer.tabbedMarkerIndent(item) < 0) {
                return false;
            }
            return KramdownListParts.startsSecondPart(item, state.getLine().getBaseSequence(), state.getLine().getStartOffset());
        }

        /**
         * Whether the state's line starts a list right at the indent of the list item open on it,
         * an item whose marker a tab follows, which went on over the line at kramdown's count of
         * that indent where flexmark's differs ({@link LazyContainer#indentedByTabbedMarker}):
         * kramdown nests the list in the item. Under {@code 2. -⇥ c} and a blank line,
         * {@code         1. x} starts at kramdown's indent of the inner item, eight columns, where
         * flexmark's item wants nine and marked the line as none of its own for its factory.
         */
        private static boolean startsListAtTabbedIndent(BlockParser open, ParserState state) {
            return open instanceof LazyContainer item && item.tabbedIndentLine == state.getLineNumber()
                    && state.getIndent() == 0;
        }

        /**
         * Whether the line comes after an item whose text kramdown reads as indented by four
         * columns ({@link LazyContainer#nextItemOfBareItem}) and is indented less than that.
         */
        private static boolean afterBareItem(ListBlock list, ParserState state) {
            return state.getIndent() < 4 && list.getLastChild() instanceof ListItem last && LazyContainer.bareFirstLine(last);
        }

        /** The open parser of {@code block}, the document's own among them. */
        private static BlockParser openParserOf(Node block, ParserState state) {
            for (BlockParser parser : state.getActiveBlockParsers()) {
                if (parser.getBlock() == block) {
                    return parser;
                }
            }
            return null;
        }

        /**
         * How far the list's first marker stood from the margin its containers left on its line:
         * kramdown's column of it in the text of the list's container ({@link KramdownFrames}),
         * where a lazy line of an item around keeps the spaces before the marker, or where that
         * is not told, its column on the line less the state's column.
         */
        private static int markerIndent(ListItem first, ParserState state) {
            BasedSequence marker = first.getOpeningMarker();
            BasedSequence all = first.getDocument().getChars();
            int lineStart = KramdownFrames.lineStart(all, marker.getStartOffset());
            KramdownFrames.Rest container = KramdownFrames.ofLine(first.getParent().getParent(), all, lineStart);
            if (container != null && container.at() <= marker.getStartOffset()) {
                return container.columnOf(all, marker.getStartOffset());
            }
            int column = 0;
            for (int i = lineStart; i < marker.getStartOffset(); i++) {
                column = all.charAt(i) == '\t' ? column + 4 - column % 4 : column + 1;
            }
            return column - state.getColumn();
        }
    }

    /**
     * Whether kramdown has found a nested list in {@code item} before the line at
     * {@code lineStart} (an offset of {@code document}): a list in the item, or a blank line
     * among its lines. Until then a line indented to the item's text that starts a list begins a
     * part of the item kramdown reads apart, and a lazy line that starts one is more of the
     * item's text; after, the one is a line like any other and the other is indented further
     * ({@link KramdownListNesting}). True where that cannot be told.
     */
    static boolean nestedListFound(ListItem item, BasedSequence document, int lineStart) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock) {
                return true;
            }
        }
        Node container = item.getParent().getParent();
        int itemLine = KramdownFrames.lineStart(document, item.getOpeningMarker().getStartOffset());
        for (int line = KramdownFrames.lineEnd(document, itemLine) + 1; line < lineStart; ) {
            int end = KramdownFrames.lineEnd(document, line);
            KramdownFrames.Rest before = KramdownFrames.of(container, document, line, end);
            if (before == null || document.subSequence(before.at(), end).isBlank()) {
                return true;
            }
            line = end + 1;
        }
        return false;
    }

    /** The open block a factory is told the line came to, in place of the one it came to. */
    private record MatchedAs(BlockParser parser, MatchedBlockParser matched) implements MatchedBlockParser {
        @Override
        public BlockParser getBlockParser() {
            return parser;
        }

        @Override
        public BasedSequence getParagraphContent() {
            return matched.getParagraphContent();
        }

        @Override
        public MutableDataHolder getParagraphDataHolder() {
            return matched.getParagraphDataHolder();
        }

        @Override
        public List<BasedSequence> getParagraphLines() {
            return matched.getParagraphLines();
        }

        @Override
        public List<Integer> getParagraphEolLengths() {
            return matched.getParagraphEolLengths();
        }
    }

    /**
     * One of flexmark's container factories, each list item or block quote it starts wrapped in
     * a {@link LazyContainer}. It stands in the place of flexmark's factory among the parsers:
     * flexmark orders factories by their class, so each replaced factory has its own subclass,
     * named wherever flexmark's is ({@link #withReplacements}).
     */
    abstract static class StartFactory implements CustomBlockParserFactory {
        private final CustomBlockParserFactory flexmark;

        StartFactory(CustomBlockParserFactory flexmark) {
            this.flexmark = flexmark;
        }

        @Override
        public final BlockParserFactory apply(DataHolder options) {
            BlockParserFactory starts = flexmark.apply(options);
            return (state, matched) -> {
                if (matched.getBlockParser() instanceof LazyContainer container && container.codeTabOn(state) >= 0) {
                    // the container left its line, its own > still on it, for the code kramdown reads
                    // there (LazyContainer.codeTabOn): flexmark asks these factories before the code's
                    return BlockStart.none();
                }
                BlockStart start = apart(starts, state, matched);
                if (start == null) {
                    start = starts.tryStart(state, matched);
                }
                if (start == null) {
                    start = refused(starts, state, matched);
                }
                // a row of a table kramdown is reading (`- | -`, `> a | b`) starts nothing, nor
                // does a marker after a tab, nor a quote's > that a container left on a line it
                // reads code on (the code starts after it)
                if (start == null || KramdownPipeRows.continuesTable(state, matched)
                        || matched.getBlockParser() instanceof LazyContainer container && container.codeTabOn(state) >= 0
                        || KramdownRawLines.afterTab(state, matched.getBlockParser().getBlock()) || readsAsText(start, state, matched)) {
                    return BlockStart.none();
                }
                return KramdownDefinitions.withNoteLead(lazy(KramdownItemAttributes.afterItemList(start, state)), state, matched);
            };
        }

        private static BlockStart lazy(BlockStart start) {
            return WrappedBlockParser.wrapping(start, parser ->
                    parser.getBlock() instanceof ListItem || parser.getBlock() instanceof BlockQuote
                            ? new LazyContainer(parser) : parser);
        }

        /** What starts on the line in place of what flexmark's factory ({@code starts}) would start; null to ask it. */
        BlockStart apart(BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            return null;
        }

        /** What starts on a line flexmark's factory ({@code starts}) started nothing on; null for nothing. */
        BlockStart refused(BlockParserFactory starts, ParserState state, MatchedBlockParser matched) {
            return null;
        }

        /** Whether kramdown reads the line {@code start} starts as text of the open block instead. */
        boolean readsAsText(BlockStart start, ParserState state, MatchedBlockParser matched) {
            return false;
        }

        @Override
        public final Set<Class<?>> getAfterDependents() {
            return withReplacements(flexmark.getAfterDependents());
        }

        @Override
        public final Set<Class<?>> getBeforeDependents() {
            return withReplacements(flexmark.getBeforeDependents());
        }

        @Override
        public final boolean affectsGlobalScope() {
            return flexmark.affectsGlobalScope();
        }

        @Override
        public final SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return flexmark.getLeadInHandler(options);
        }
    }

    /**
     * A list item's or block quote's flexmark parser, which also continues the container over a
     * line it lets go when kramdown reads that line into it: a lazy line of the container, or a
     * line that a block inside has read ahead. Nothing of such a line is taken as the container's
     * marker or indent.
     */
    static final class LazyContainer extends WrappedBlockParser {
        /** kramdown's attribute list on a line of its own ({@code IAL_BLOCK_START}). */
        private static final Pattern ATTRIBUTE_LIST = Pattern.compile(" {0,3}\\{:(?![:/])(?:\\\\}|[^}])+}\\s*$");
        /** kramdown's end-of-block marker, a line of {@code ^}. */
        private static final Pattern END_OF_BLOCK = Pattern.compile("\\^\\s*$");
        /** A line that starts another item of a bullet list, or of an ordered one, in kramdown. */
        private static final Pattern BULLET_ITEM = Pattern.compile(" {0,3}[-+*][ \\t|]");
        private static final Pattern ORDERED_ITEM = Pattern.compile(" {0,3}\\d+\\.[ \\t|]");
        /** A list item's marker after the white space that starts a line's rest, as a list's start would have it. */
        private static final Pattern LIST_MARKER = Pattern.compile("[ \\t]*(?:[-+*]|\\d+\\.)[ \\t]");
        /**
         * A list item's marker at the start of a lazy line's text, then white space: a tab after
         * it counts from the start of the text of the item's container in kramdown, as
         * {@link KramdownFrames#indentation} measures it once flexmark's item has left the lazy
         * line's spaces to the list before.
         */
        private static final Pattern LAZY_LIST_MARKER = Pattern.compile("(?:[-+*]|\\d+\\.)[ \\t|]");

        /** Whether the last line that reached this container was blank. */
        private boolean afterBlank;
        /** The last line this container left for the raw line's factory, and where that line's text starts. */
        private int rawLine = -1;
        private int rawText;
        /** Whether that line's text is code after a tab, not a raw line. */
        private boolean rawIsCode;
        /** The last line this item went on over at kramdown's indent where flexmark's differs ({@link #indentedByTabbedMarker}). */
        private int tabbedIndentLine = -1;
        /**
         * The last line short of this item's indent where a tab follows its marker that this item
         * ended at because the line starts the next item of its list ({@link #nextItemShortOfIndent}).
         */
        private int nextItemLine = -1;

        LazyContainer(BlockParser flexmark) {
            super(flexmark);
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return leftForRawLine(state, continued(state));
        }

        /**
         * {@code result}, how the container goes on over the line, or, when the line's text after
         * its mark or indent is a line of {@link KramdownRawLines} where a block of this container
         * starts, the container's line left from where it started or from its {@code >}: flexmark
         * asks no block factory about a letter indented less than four columns, so the raw
         * line's factory would not see the text it is to take (recorded for it, {@link #rawTextOn}).
         */
        private BlockContinue leftForRawLine(ParserState state, BlockContinue result) {
            Block last = state.getActiveBlockParser().getBlock();
            if (result instanceof BlockContinueImpl going && !going.isFinalize()
                    && last instanceof IndentedCodeBlock && last.getParent() == getBlock()) {
                // the code's next line, which it reads from the tab after kramdown's indent
                int tab = tabAfterTabbedMarker(state);
                if (tab >= 0) {
                    return BlockContinue.atIndex(tab);
                }
            }
            if (result instanceof BlockContinueImpl going && !going.isFinalize() && codeInLazyContainer(state, last)) {
                // the line left whole for the container inside, which reads code on it
                return BlockContinue.atIndex(state.getIndex());
            }
            if (!(result instanceof BlockContinueImpl going) || going.isFinalize()
                    || !KramdownRawLines.startsBlockIn(getBlock(), state)) {
                return result;
            }
            BasedSequence line = state.getLine();
            int text = KramdownRawLines.textIndex(state, going.getNewIndex(), going.getNewColumn());
            boolean code = text >= 0 && KramdownIndentedCode.tabAfterItemIndent(line, text, getBlock());
            int codeText = code ? text + 1 : -1;
            int tab = tabAfterTabbedMarker(state);
            if (tab >= 0) {
                text = tab;
                codeText = tab + 1;
                code = true;
            }
            if (!code) {
                codeText = codeInFrame(state);
                code = codeText >= 0;
                text = code ? codeText : text;
            }
            if (text < 0 || !code && !KramdownRawLines.isRaw(line.subSequence(text))) {
                return result;
            }
            rawLine = state.getLineNumber();
            rawText = code ? codeText : text;
            rawIsCode = code;
            int marker = state.getNextNonSpaceIndex();
            boolean quoted = getBlock() instanceof BlockQuote && marker < text && line.charAt(marker) == '>';
            return BlockContinue.atIndex(quoted ? marker : state.getIndex());
        }

        /**
         * Where code starts on the state's line, an index of the line, when kramdown reads an
         * indent of code at the start of this container's text on it ({@link #codeIn}), or -1.
         */
        private int codeInFrame(ParserState state) {
            int code = codeIn(getBlock(), state);
            return code < 0 ? -1 : code - state.getLine().getStartOffset();
        }

        /**
         * Where code starts on the state's line, an offset of the document, when kramdown reads an
         * indent of code (a tab, or four spaces) at the start of {@code container}'s text on it, or
         * -1. flexmark reads the line otherwise where a tab stands among the white space before
         * the text (kramdown counts it from the start of the innermost container's text,
         * {@link KramdownFrames}, flexmark from the start of the line), and where the line is a
         * lazy line of a list item, short of the item's indent: kramdown's item keeps all its
         * spaces, so four of them are an indent of code ({@code 1.   # a}, {@code ····c}: code
         * {@code c}), where flexmark's item takes up to four as its indent. No line is such a
         * lazy line after a blank line of the item, which kramdown's list takes no lazy line after.
         */
        private static int codeIn(Node container, ParserState state) {
            BasedSequence line = state.getLine();
            int text = state.getNextNonSpaceIndex();
            if (state.isBlank() || line.subSequence(0, text).indexOf('\t') < 0 && spacesBefore(line, text) < 4
                    && !tabAfterQuoteMarker(line, text)) {
                return -1;
            }
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            KramdownFrames.Rest rest = KramdownFrames.of(container, document, lineStart, lineEnd);
            int code = rest == null ? -1 : rest.codeStart(document, lineEnd);
            return code < 0 || KramdownFrames.lazyAfterBlank(container, document, lineStart) ? -1 : code;
        }

        /** How many spaces stand right before index {@code text} of {@code line}. */
        private static int spacesBefore(BasedSequence line, int text) {
            int at = text;
            while (at > 0 && line.charAt(at - 1) == ' ') {
                at--;
            }
            return text - at;
        }

        /**
         * Whether the state's line reaches a container inside this one without its marker, a lazy
         * line of it, where a block of that container would start and kramdown reads code
         * ({@link #codeIn}): flexmark asks no block factory about a letter indented less than
         * four columns, so this container leaves the line as it is for the one inside.
         */
        private boolean codeInLazyContainer(ParserState state, Block last) {
            if (state.isBlank()) {
                return false;
            }
            BasedSequence line = state.getLine();
            int from = state.getIndex();
            int text = state.getNextNonSpaceIndex();
            // a quote's own > on the line: what follows is the quote's text, which the container inside reads
            boolean quoted = getBlock() instanceof BlockQuote && state.getIndent() < 4 && line.charAt(text) == '>';
            if (quoted) {
                from = text + 1;
                text = nonSpaceFrom(line, from);
            }
            boolean tab = line.subSequence(from, text).indexOf('\t') >= 0;
            // four spaces before a quote's > leave the line to the quote, which takes them
            boolean spaces = !quoted && spacesBefore(line, text) >= 4 && line.charAt(text) != '>';
            if (!tab && !spaces || text >= line.length() || line.charAt(text) == '>'
                    || !quoted && line.subSequence(0, text).indexOf('>') >= 0) {
                return false;
            }
            for (Node node = last; node != null && node != getBlock(); node = node.getParent()) {
                if ((node instanceof BlockQuote || node instanceof ListItem) && KramdownRawLines.startsBlockIn((Block) node, state)) {
                    return codeIn(node, state) >= 0 && isInside(node) && (!quoted || lazyLineOf(node, line));
                }
            }
            return false;
        }

        /** Whether {@code line} is a lazy line of {@code node}, a list item ({@link KramdownFrames#lazyLine}). */
        private static boolean lazyLineOf(Node node, BasedSequence line) {
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            return node instanceof ListItem item && KramdownFrames.lazyLine(item, document, lineStart, KramdownFrames.lineEnd(document, lineStart));
        }

        /**
         * Whether a {@code >} stands at {@code at} on {@code line} with a tab among the white
         * space after it: the {@code >} of a quote around, which leaves it on the line for the
         * factories of the container inside ({@link #codeInLazyContainer}), and the tab counted
         * in that quote's text. Whether it is that quote's is for {@link KramdownFrames} to tell.
         */
        private static boolean tabAfterQuoteMarker(BasedSequence line, int at) {
            return at < line.length() && line.charAt(at) == '>' && line.subSequence(at, nonSpaceFrom(line, at + 1)).indexOf('\t') >= 0;
        }

        /** The index of the first character of {@code line} from {@code from} on that is not a space or a tab. */
        private static int nonSpaceFrom(BasedSequence line, int from) {
            int at = from;
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
            return at;
        }

        /** Whether {@code node} lies inside this container. */
        private boolean isInside(Node node) {
            for (Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up == getBlock()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where a tab stands on the state's line right after this item's indent as kramdown counts
         * it, for an item whose marker a tab follows, or -1. kramdown expands that tab against the
         * text of the item's container (inside a quote, after its {@code >}), so after {@code > 1.}
         * the item's indent is four spaces, where flexmark counts the columns of the whole line and
         * finds six; a tab after those four spaces is then the indent of code.
         */
        private int tabAfterTabbedMarker(ParserState state) {
            if (!(getBlock() instanceof ListItem item)) {
                return -1;
            }
            int indent = tabbedMarkerIndent(item);
            BasedSequence line = state.getLine();
            int at = state.getIndex() + indent;
            if (indent < 0 || at >= line.length() || line.charAt(at) != '\t' || line.subSequence(at).isBlank()) {
                return -1;
            }
            for (int i = state.getIndex(); i < at; i++) {
                if (line.charAt(i) != ' ') {
                    return -1;
                }
            }
            return at;
        }

        /**
         * kramdown's indent of {@code item} when a tab follows its marker (kramdown's
         * {@code parse_first_list_line}: the spaces before the marker in its container's text, the
         * marker, and the white space after it with each tab up to the next multiple of four
         * columns of that text), or -1 when no tab follows or the marker's container is not told.
         */
        static int tabbedMarkerIndent(ListItem item) {
            BasedSequence marker = item.getOpeningMarker();
            BasedSequence base = marker.getBaseSequence();
            int end = marker.getEndOffset();
            int after = end;
            while (after < base.length() && (base.charAt(after) == ' ' || base.charAt(after) == '\t')) {
                after++;
            }
            if (base.subSequence(end, after).indexOf('\t') < 0) {
                return -1;
            }
            return KramdownFrames.indentation(item, base);
        }

        /** Where the text of the state's line starts that this container left for the raw line's factory, or -1. */
        int rawTextOn(ParserState state) {
            return rawLine == state.getLineNumber() && !rawIsCode ? rawText : -1;
        }

        /**
         * Where the code starts that this container left for the indented code factory on the
         * state's line, after kramdown's indent of code ({@link KramdownIndentedCode#tabAfterItemIndent},
         * {@link #codeInFrame}), or -1.
         */
        int codeTabOn(ParserState state) {
            return rawLine == state.getLineNumber() && rawIsCode ? rawText : -1;
        }

        private BlockContinue continued(ParserState state) {
            if (getBlock() instanceof ListItem && afterBlank && KramdownRuleParser.endsListAfterBlank(state)) {
                afterBlank = false;
                return BlockContinue.none();
            }
            if (getBlock() instanceof BlockQuote && !state.isBlank() && startsItemPart(state)) {
                afterBlank = false;
                return BlockContinue.none();
            }
            if (getBlock() instanceof ListItem item && startsPartAround(state, item)) {
                afterBlank = false;
                return BlockContinue.none();
            }
            if (getBlock() instanceof ListItem item && bareFirstLine(item)) {
                return continueBareItem(state);
            }
            BlockContinue result = flexmark.tryContinue(state);
            if (getBlock() instanceof ListItem item && !state.isBlank()) {
                BlockContinue tabbed = indentedByTabbedMarker(state, item);
                if (tabbed != null && endsElsewhere(result, tabbed, state)) {
                    result = tabbed;
                    tabbedIndentLine = state.getLineNumber();
                }
            }
            if (result == null && getBlock() instanceof ListItem item && !state.isBlank()) {
                result = tabAfterOuterIndent(state, item);
            }
            if (result == null && getBlock() instanceof ListItem item && !state.isBlank()) {
                result = tabReachingIndent(state, item);
            } else if (getBlock() instanceof ListItem item && !state.isBlank() && leavesIndentOfCode(state, result)) {
                BlockContinue kramdown = tabReachingIndent(state, item);
                result = kramdown != null ? kramdown : result;
            }
            if (getBlock() instanceof ListItem item && nextItemShortOfIndent(state, item, result)) {
                afterBlank = false;
                nextItemLine = state.getLineNumber();
                return BlockContinue.none();
            }
            if (getBlock() instanceof ListItem item && !afterBlank && takesSpacesOfLazyList(state, item, result)) {
                return BlockContinue.atIndex(state.getIndex());
            }
            if (getBlock() instanceof ListItem item && !afterBlank && takesSpacesReadInside(state, item, result)) {
                return BlockContinue.atIndex(state.getIndex());
            }
            if (tabInIndent(state, result)) {
                if (afterBlank) {
                    afterBlank = false;
                    return BlockContinue.none();
                }
                if (!itemInside(state)) {
                    // a lazy line of the item to kramdown, which reaches what is inside it as written
                    return BlockContinue.atIndex(state.getIndex());
                }
            }
            if (shortOfTabbedIndent(state, result)) {
                if (afterBlank) {
                    afterBlank = false;
                    return BlockContinue.none();
                }
                if (!tabAfterIndentInside(state) && takesLazily(state)) {
                    afterBlank = false;
                    return BlockContinue.atIndex(state.getIndex());
                }
            }
            boolean lazy = result == null && (readAhead(state) || takesLazily(state));
            afterBlank = state.isBlank();
            return lazy ? BlockContinue.atIndex(state.getIndex()) : result;
        }

        /**
         * Whether {@code result}, flexmark's going on of {@code item} over the state's line, takes
         * the spaces before a list marker on a line that kramdown reads as a lazy line of the
         * item: kramdown keeps a lazy line as it stands in the item's text, so a list on it is
         * nested by the columns it was written at, measured like the lines before it. flexmark
         * takes the spaces as the indent of a list of the other kind it nests in the item, so a
         * list that started on an earlier lazy line ({@code * t} under {@code 10. x}) would find
         * {@code   * b} two columns short of where kramdown reads it, in {@code t}; the line of
         * fenced code the item ends in loses them ({@link #openFenceLast}).
         */
        private static boolean takesSpacesOfLazyList(ParserState state, ListItem item, BlockContinue result) {
            if (!(result instanceof BlockContinueImpl going) || going.isFinalize() || state.isBlank()
                    || going.getNewColumn() <= state.getColumn() && going.getNewIndex() <= state.getIndex()
                    || !(item.getLastChild() instanceof Paragraph || item.getLastChild() instanceof ListBlock
                            || openFenceLast(state, item))) {
                return false;
            }
            BasedSequence line = state.getLine();
            int text = state.getNextNonSpaceIndex();
            Matcher marker = LAZY_LIST_MARKER.matcher(line.subSequence(text));
            if (line.subSequence(state.getIndex(), text).indexOf('\t') >= 0 || !marker.lookingAt()
                    || item.getLastChild() instanceof ListBlock list && list.getFirstChild() instanceof ListItem first
                            && tabbedMarkerIndent(first) >= 0) {
                return false;
            }
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            return KramdownFrames.lazyLine(item, document, lineStart, KramdownFrames.lineEnd(document, lineStart))
                    && !startsItemOfOwnList(state, item);
        }

        /**
         * Whether {@code result}, flexmark's going on of {@code item} over the state's line, takes
         * a line that starts the next item of the item's list in kramdown, for an item whose
         * marker a tab follows ({@link #tabbedMarkerIndent}): kramdown looks for the list's next
         * item before it looks at the item's indent, and a line short of that indent, as
         * {@link KramdownFrames} counts it, whose marker stands within three columns of the
         * list's container's text is that next item. flexmark counts the tab after the marker
         * from the start of the whole line, or a tab that starts the line as reaching the next
         * multiple of four columns, and may find the line indented into the item
         * ({@code 10.  -⇥x}, {@code ⇥⇥* y}: {@code y} follows {@code x}).
         */
        private static boolean nextItemShortOfIndent(ParserState state, ListItem item, BlockContinue result) {
            if (!(result instanceof BlockContinueImpl going) || going.isFinalize() || state.isBlank()
                    || tabbedMarkerIndent(item) < 0 || !startsItemOfOwnList(state, item)) {
                return false;
            }
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            return KramdownFrames.lazyLine(item, document, lineStart, KramdownFrames.lineEnd(document, lineStart));
        }

        /**
         * Whether {@code item}'s last block is fenced code the state's line goes on: kramdown
         * keeps a lazy line as it stands in the item's text, so the code's line keeps the spaces
         * before a list marker on it ({@code - + ~~~}, {@code ···2. c}: {@code ·2. c} in the
         * code), which flexmark takes as the indent of a list it would nest in the item.
         */
        private static boolean openFenceLast(ParserState state, ListItem item) {
            return item.getLastChild() instanceof FencedCodeBlock fence
                    && state.getActiveBlockParser().getBlock() == fence;
        }

        /**
         * Whether {@code result}, flexmark's going on of {@code item} over the state's line, takes
         * spaces of a line that kramdown reads as a lazy line of the item, where a container inside
         * the item reads those spaces: kramdown keeps a lazy line as it stands in the item's text,
         * so the containers inside read all its spaces. A list item inside may reach its indent
         * with them ({@code -    >0. a}, {@code >}, {@code ····b}: {@code b} is a paragraph of
         * the {@code 0.} item after a blank line), or a quote inside find no {@code >} within
         * three spaces and take the line lazily, its spaces an indent of code
         * ({@code -    >10.  a}, {@code >}, {@code ····> b}: code {@code > b}). flexmark's item
         * takes some of them as its indent, which leaves the containers inside short. Not where
         * a tab stands in the line's white space or follows the marker of an item inside, whose
         * columns kramdown counts from the start of the innermost container's text
         * ({@link KramdownFrames}) and flexmark from the start of the line.
         */
        private static boolean takesSpacesReadInside(ParserState state, ListItem item, BlockContinue result) {
            if (!(result instanceof BlockContinueImpl going) || going.isFinalize() || state.isBlank()
                    || going.getNewColumn() <= state.getColumn() && going.getNewIndex() <= state.getIndex()) {
                return false;
            }
            BasedSequence line = state.getLine();
            int text = state.getNextNonSpaceIndex();
            if (line.subSequence(state.getIndex(), text).indexOf('\t') >= 0) {
                return false;
            }
            boolean containerInside = false;
            for (Node node = state.getActiveBlockParser().getBlock(); node != null && node != item; node = node.getParent()) {
                if (node instanceof ListItem inner && tabbedMarkerIndent(inner) >= 0) {
                    return false; // flexmark counts the columns of its text otherwise
                }
                containerInside |= node instanceof BlockQuote || node instanceof ListItem;
            }
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            if (!containerInside || !KramdownFrames.lazyLine(item, document, lineStart, lineEnd)) {
                return false;
            }
            for (Node node = state.getActiveBlockParser().getBlock(); node != item; node = node.getParent()) {
                if (node instanceof BlockQuote quote && KramdownFrames.markerOf(quote, document, lineStart, lineEnd) < 0
                        || node instanceof ListItem inner && KramdownFrames.reachesIndent(inner, document, lineStart, lineEnd)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the state's line starts the next item of {@code item}'s list in kramdown: a
         * marker of the list's kind indented by up to three spaces in the text of the list's
         * container ({@code * b} after {@code - a}, both bullets).
         */
        private static boolean startsItemOfOwnList(ParserState state, ListItem item) {
            Node list = item.getParent();
            Pattern next = list instanceof OrderedList ? ORDERED_ITEM : BULLET_ITEM;
            return next.matcher(inListContainer(state, list, state.getLine().subSequence(state.getIndex()))).lookingAt();
        }

        /**
         * Whether the block the last line went to is in a list item inside this one whose indent
         * ({@link KramdownFrames#indentation}) the spaces of the state's line reach: that item
         * reads them as its indent from kramdown's lazy line of this item, which is then left to
         * flexmark. Spaces short of it leave the line a lazy line of that item too, its white
         * space kept ({@code - ⇥1.⇥a}, whose inner item is indented by four, and under it
         * {@code    ⇥# c}: a raw line).
         */
        private boolean itemInside(ParserState state) {
            BasedSequence line = state.getLine();
            int spaces = 0;
            while (state.getIndex() + spaces < line.length() && line.charAt(state.getIndex() + spaces) == ' ') {
                spaces++;
            }
            for (Node node = state.getActiveBlockParser().getBlock(); node != null && node != getBlock(); node = node.getParent()) {
                if (node instanceof ListItem inner && spaces >= indentation(inner, line)) {
                    return true;
                }
            }
            return false;
        }

        /** kramdown's indentation of {@code inner} ({@link KramdownFrames#indentation}), or its marker and a space where that is not told. */
        private static int indentation(ListItem inner, BasedSequence line) {
            int indentation = KramdownFrames.indentation(inner, line.getBaseSequence());
            return indentation >= 0 ? indentation : inner.getOpeningMarker().length() + 1;
        }

        /**
         * Whether the spaces of the state's line are the indent ({@link KramdownFrames#indentation})
         * of the list item right inside this one that the last line went to: kramdown hands the lazy line
         * of this item to that item, which drops those spaces and turns the tab after them into
         * four more, so the line reaches the item's blocks as flexmark counts it, unless it goes
         * on that item's own paragraph. More spaces or fewer leave the line a lazy line of that
         * item too, its white space kept: text.
         */
        private boolean tabAfterIndentInside(ParserState state) {
            BasedSequence line = state.getLine();
            int spaces = 0;
            while (state.getIndex() + spaces < line.length() && line.charAt(state.getIndex() + spaces) == ' ') {
                spaces++;
            }
            if (state.getIndex() + spaces >= line.length() || line.charAt(state.getIndex() + spaces) != '\t') {
                return false;
            }
            ListItem next = null;
            int items = 0;
            for (Node node = state.getActiveBlockParser().getBlock(); node != null && node != getBlock(); node = node.getParent()) {
                if (node instanceof ListItem inner) {
                    next = inner;
                    items++;
                }
            }
            // in that item's paragraph, the tab is text, for kramdown and flexmark's lazy line alike
            return next != null && spaces == indentation(next, line)
                    && !(items == 1 && state.getActiveBlockParser().isParagraphParser());
        }

        /**
         * The item, nested in another item, going on over a line whose spaces are the outer item's
         * indent and then a tab: kramdown drops the outer item's indent and reads the tab as four
         * spaces at the start of that item's text, past this item's indent as {@link KramdownFrames}
         * reads it ({@code 1. 1. a}, a blank line, {@code    ⇥ > b} quotes {@code b} in the inner
         * item). flexmark counts the tab to the next multiple of four columns of the whole line,
         * one or two columns, short of the inner item's text. Null when that is not so. A
         * {@code #} after the tab starts no heading: kramdown leaves one or two spaces of the tab
         * before it, which the heading factory counts ({@link KramdownFrames}).
         */
        private static BlockContinue tabAfterOuterIndent(ParserState state, ListItem item) {
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            if (at == 0 || at + 1 >= line.length() || line.charAt(at) != '\t'
                    || !(item.getParent() != null && item.getParent().getParent() instanceof ListItem)) {
                return null;
            }
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            KramdownFrames.Rest rest = KramdownFrames.ofLine(item, document, lineStart);
            // the item takes the tab, as four spaces, into its indent (a lazy line keeps all four),
            // where the line reaches that indent: after - a, ⇥- b and ⇥⇥- c, the line ⇥⇥- d stands
            // two spaces into b's text, short of c's indent of four, and starts c's sibling
            return rest != null && rest.at() == lineStart + at + 1 && rest.spaces() < 4
                    && KramdownFrames.reachesIndent(item, document, lineStart, KramdownFrames.lineEnd(document, lineStart))
                    ? BlockContinue.atIndex(at + 1) : null;
        }

        /**
         * The item going on over a line whose white space holds a tab that reaches the item's
         * indent as kramdown counts it, from the start of the text of the item's container
         * ({@link KramdownFrames}), where flexmark counts it from the start of the whole line and
         * finds it short: under {@code > 2. ⇥b} the item's indent is four columns of the quote's
         * text, so {@code >⇥# a} is a heading in the item, and under {@code >2. ⇥y} the lazy line
         * {@code ⇥1. a} a list in it. Null where the line is a lazy line of the item to kramdown
         * too, or kramdown leaves an indent of code past the item's, which flexmark reads itself.
         */
        private static BlockContinue tabReachingIndent(ParserState state, ListItem item) {
            BasedSequence line = state.getLine();
            if (line.subSequence(state.getIndex(), state.getNextNonSpaceIndex()).indexOf('\t') < 0) {
                return null;
            }
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            if (KramdownFrames.lazyLine(item, document, lineStart, lineEnd)) {
                return null;
            }
            KramdownFrames.Rest rest = KramdownFrames.of(item, document, lineStart, lineEnd);
            if (rest == null || rest.spaces() >= 4 || rest.at() < lineStart + state.getIndex() || rest.at() >= lineEnd
                    || document.charAt(rest.at()) == ' ' || document.charAt(rest.at()) == '\t') {
                return null;
            }
            return BlockContinue.atIndex(rest.at() - lineStart);
        }

        /**
         * Whether {@code result}, flexmark's going on of an item over the state's line, leaves
         * four columns or more before the line's text, an indent of code, as flexmark counts the
         * columns of the whole line: kramdown, which counts a tab from the start of the item's
         * container's text ({@link #tabReachingIndent}), may leave fewer ({@code + -⇥b},
         * {@code ⇥⇥>}: a quote in {@code b}, two spaces into its text).
         */
        private static boolean leavesIndentOfCode(ParserState state, BlockContinue result) {
            if (!(result instanceof BlockContinueImpl going) || going.isFinalize()) {
                return false;
            }
            BasedSequence line = state.getLine();
            int from = going.getNewColumn() >= 0 ? going.getNewColumn() : columnAt(line, going.getNewIndex());
            return columnAt(line, state.getNextNonSpaceIndex()) - from >= 4;
        }

        /** The column index {@code index} of {@code line} stands at, each tab reaching the next multiple of four. */
        private static int columnAt(BasedSequence line, int index) {
            int column = 0;
            for (int i = 0; i < index && i < line.length(); i++) {
                column = line.charAt(i) == '\t' ? column + 4 - column % 4 : column + 1;
            }
            return column;
        }

        /**
         * Whether {@code flexmark}, flexmark's going on of an item over the state's line (null
         * where it lets the line go), ends the item's indent elsewhere than {@code kramdown}, the
         * item going on after kramdown's indent in the spaces that start the line
         * ({@link #indentedByTabbedMarker}). A tab after the marker of an item inside another
         * reaches, counted from the start of the whole line, other columns than from the start of
         * the outer item's text, where kramdown counts it: under {@code * *⇥a} flexmark's inner
         * text starts at the fourth column, kramdown's at the sixth, so a list indented by six
         * spaces is nested in the inner item, not code in it, and a lazy line kramdown nests there
         * ({@link KramdownListNesting}) reaches it; under {@code * 2.⇥a} flexmark's starts at the
         * eighth, kramdown's at the sixth, so eleven spaces leave code of one space in the item.
         */
        private static boolean endsElsewhere(BlockContinue flexmark, BlockContinue kramdown, ParserState state) {
            if (!(flexmark instanceof BlockContinueImpl going)) {
                return true;
            }
            int wanted = ((BlockContinueImpl) kramdown).getNewIndex();
            if (going.isFinalize()) {
                return false;
            }
            // the line holds only spaces up to kramdown's indent, one column each
            return going.getNewIndex() >= 0 ? going.getNewIndex() != wanted
                    : going.getNewColumn() != state.getColumn() + wanted - state.getIndex();
        }

        /**
         * The item going on over a line indented by its indent as kramdown counts it where a tab
         * follows its marker ({@link #tabbedMarkerIndent}), which flexmark counts otherwise inside a
         * quote or another item; or null.
         */
        private static BlockContinue indentedByTabbedMarker(ParserState state, ListItem item) {
            int indent = tabbedMarkerIndent(item);
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            if (indent < 0 || at + indent > line.length() || KramdownRawLines.textIndex(state, -1, state.getColumn()) != at) {
                return null;
            }
            for (int i = at; i < at + indent; i++) {
                if (line.charAt(i) != ' ') {
                    return null;
                }
            }
            return BlockContinue.atIndex(at + indent);
        }

        /**
         * Whether {@code result}, flexmark's going on of this list item over the state's line,
         * takes the line into the item where kramdown's indent of an item whose marker a tab
         * follows ({@link #tabbedMarkerIndent}) wants more: {@code * ⇥ # a} has an indent of five
         * columns, so under it {@code     a}, four spaces, is a lazy line (code, in the item),
         * where flexmark counts the tab to the fourth column and takes four as the indent. kramdown
         * wants the indent as tabs or runs of four spaces, then spaces for the rest, or one
         * indent more.
         */
        private boolean shortOfTabbedIndent(ParserState state, BlockContinue result) {
            if (!(getBlock() instanceof ListItem item) || !(result instanceof BlockContinueImpl going)
                    || going.isFinalize() || state.isBlank()) {
                return false;
            }
            int indent = tabbedMarkerIndent(item);
            if (indent < 0 || KramdownRawLines.textIndex(state, -1, state.getColumn()) != state.getIndex()) {
                return false;
            }
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            for (int step = 0; step < indent / 4; step++) {
                at = afterIndentStep(line, at);
                if (at < 0) {
                    return true;
                }
            }
            int spaces = 0;
            while (spaces < indent % 4 && at + spaces < line.length() && line.charAt(at + spaces) == ' ') {
                spaces++;
            }
            return spaces < indent % 4 && afterIndentStep(line, at) < 0;
        }

        /** Where a tab or four spaces at {@code at} end on {@code line}, or -1 when neither stands there. */
        private static int afterIndentStep(BasedSequence line, int at) {
            if (at < line.length() && line.charAt(at) == '\t') {
                return at + 1;
            }
            return at + 4 <= line.length() && line.subSequence(at, at + 4).toString().equals("    ") ? at + 4 : -1;
        }

        /**
         * Whether {@code result}, flexmark's going on of this list item over the state's line,
         * counts a tab as part of the item's indent after some spaces, fewer than that indent:
         * kramdown wants the indent in spaces (a tab stands for four only at the start of the
         * line), so after a blank line such a line ends the item. The indent is kramdown's where a
         * tab follows the item's marker ({@link #tabbedMarkerIndent}).
         */
        private boolean tabInIndent(ParserState state, BlockContinue result) {
            if (!(getBlock() instanceof ListItem) || !(result instanceof BlockContinueImpl going)
                    || going.isFinalize() || going.getNewColumn() < 0 || state.isBlank()) {
                return false;
            }
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            if (KramdownRawLines.textIndex(state, -1, state.getColumn()) != at) {
                return false;
            }
            int tabbed = tabbedMarkerIndent((ListItem) getBlock());
            int width = tabbed >= 0 ? tabbed : going.getNewColumn() - state.getColumn();
            int spaces = 0;
            while (at + spaces < line.length() && line.charAt(at + spaces) == ' ') {
                spaces++;
            }
            return spaces > 0 && spaces < width && at + spaces < line.length() && line.charAt(at + spaces) == '\t';
        }

        /**
         * How an item whose first line holds nothing but perhaps an attribute list goes on, as
         * kramdown reads it: its text is indented by four columns, whatever its marker's width.
         * So a line indented by four columns loses four (flexmark takes the marker's width), after
         * a blank line only such a line is the item's (flexmark ends an empty item at the blank
         * line), any other line right after the item's line is its text as it stands, lazily, and a
         * marker indented less is the list's next item.
         */
        private BlockContinue continueBareItem(ParserState state) {
            boolean blankBefore = afterBlank;
            afterBlank = state.isBlank();
            if (state.isBlank()) {
                return BlockContinue.atIndex(state.getIndex());
            }
            if (nextItemOfBareItem(state)) {
                return BlockContinue.none();
            }
            if (state.getIndent() >= 4 && indentedInSpaces(state)) {
                return BlockContinue.atColumn(state.getColumn() + 4);
            }
            if (blankBefore) {
                return BlockContinue.none();
            }
            if (takesLazily(state)) {
                // a lazy line, read in the item with the spaces it was written with: "  # a" is text
                return BlockContinue.atIndex(state.getIndex());
            }
            BlockContinue result = flexmark.tryContinue(state);
            return result == null && (readAhead(state) || takesLazily(state)) ? BlockContinue.atIndex(state.getIndex()) : result;
        }

        /**
         * Whether the line's indent is a tab or four spaces, as kramdown wants an item's indent:
         * a tab after one to three spaces reaches four columns for flexmark, but to kramdown the
         * line is not indented and a lazy line of the item.
         */
        private static boolean indentedInSpaces(ParserState state) {
            BasedSequence line = state.getLine();
            int at = state.getIndex();
            int spaces = 0;
            while (at + spaces < line.length() && spaces < 4 && line.charAt(at + spaces) == ' ') {
                spaces++;
            }
            return spaces == 4 || at + spaces < line.length() && line.charAt(at + spaces) == '\t' && spaces == 0;
        }

        /**
         * Whether the line starts the next item of this item's list where flexmark would nest it
         * in this item: kramdown reads the text of an item whose first line holds nothing but
         * perhaps an attribute list as indented by four columns, whatever its marker's width,
         * so a marker of its list indented by up to three columns ({@code   * b} under
         * {@code * }) is the next item.
         */
        private boolean nextItemOfBareItem(ParserState state) {
            if (!(getBlock() instanceof ListItem item) || state.isBlank() || !bareFirstLine(item)) {
                return false;
            }
            Pattern next = item.getParent() instanceof OrderedList ? ORDERED_ITEM : BULLET_ITEM;
            return next.matcher(state.getLine().subSequence(state.getIndex())).lookingAt();
        }

        /** Whether nothing but white space and perhaps an attribute list follows the item's marker on its line. */
        static boolean bareFirstLine(ListItem item) {
            BasedSequence all = item.getDocument().getChars();
            int from = item.getOpeningMarker().getEndOffset();
            int end = from;
            while (end < all.length() && all.charAt(end) != '\n') {
                end++;
            }
            BasedSequence rest = all.subSequence(from, end);
            return rest.isBlank() || ATTRIBUTE_LIST.matcher(rest).lookingAt();
        }

        /**
         * Whether kramdown reads the line into this container lazily: a quote any line up to a
         * blank one, an item any line right after a line of the item but an item of its own list;
         * neither a line that ends lazy lines in kramdown (an attribute list, a {@code ^},
         * block-level HTML).
         */
        private boolean takesLazily(ParserState state) {
            if (state.isBlank()) {
                return false;
            }
            BasedSequence rest = state.getLine().subSequence(state.getIndex());
            if (endsLazyLines(rest)) {
                return false;
            }
            if (getBlock() instanceof BlockQuote) {
                return true;
            }
            Node list = getBlock().getParent();
            Pattern item = list instanceof OrderedList ? ORDERED_ITEM : BULLET_ITEM;
            // an item whose first line is bare has had that line, which kramdown reads as its text
            return !afterBlank && (getBlock().hasChildren() || bareFirstLine((ListItem) getBlock()))
                    && !item.matcher(inListContainer(state, list, rest)).lookingAt();
        }

        /**
         * The state's line as the container of {@code list} has it in kramdown
         * ({@link KramdownFrames.Rest#expanded}), or {@code rest}, the line from the state's
         * index, where that is not told: an item around the list turns the tab that starts the
         * line into spaces and takes its indent of them, so the marker after such a tab may be
         * the list's next item ({@code - 0. a}, {@code ⇥0. b}).
         */
        private static CharSequence inListContainer(ParserState state, Node list, BasedSequence rest) {
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            KramdownFrames.Rest line = list.getParent() == null ? null : KramdownFrames.of(list.getParent(), document, lineStart, lineEnd);
            return line == null ? rest : line.expanded(document, lineEnd);
        }

        /**
         * Whether the state's line starts the second part of a list item around {@code item}, the
         * item's list nested in it ({@link KramdownListParts}): kramdown reads that part apart from
         * the first, so no item of the first part goes on over the line, and the list on it starts
         * right in the item around ({@code - b} under {@code * x} and {@code 1. c} is no list in
         * {@code c}, and later lines nest by it as kramdown nests them).
         */
        private static boolean startsPartAround(ParserState state, ListItem item) {
            for (Node node = item.getParent().getParent(); node instanceof ListItem around; node = around.getParent().getParent()) {
                if (startsPartApart(state, around)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the state's line starts {@code item}'s second part, which is then read apart
         * from the first here: not after an item whose marker a tab follows, whose text flexmark
         * starts at other columns than kramdown ({@link #tabbedMarkerIndent}), so that its list
         * would not start in the item as kramdown's does ({@code >  2.⇥ b}, {@code +  ## a},
         * {@code       2. c}); {@link KramdownListParts} moves such a list out once it is read.
         */
        static boolean startsPartApart(ParserState state, ListItem item) {
            return !state.isBlank() && LIST_MARKER.matcher(state.getLine().subSequence(state.getIndex())).lookingAt()
                    && tabbedMarkerIndent(item) < 0
                    && KramdownListParts.startsSecondPart(item, state.getLine().getBaseSequence(), state.getLine().getStartOffset());
        }

        /**
         * Whether the state's line, a lazy line of this quote, starts a part of the list item the
         * quote is in that kramdown reads apart: a list on a line indented to the item's text, the
         * first list nested in the item (none on its first line, no blank line among its lines
         * before). kramdown reads the item's lines from there on as a text of their own, so the
         * quote ends before the list ({@code 2. > a}, {@code    1. b}). A tab in the line's indent
         * counts from the start of the text of the item's container, as kramdown counts it.
         */
        private boolean startsItemPart(ParserState state) {
            if (!(getBlock().getParent() instanceof ListItem item) || item.getParent() == null) {
                return false;
            }
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            Node container = item.getParent().getParent();
            KramdownFrames.Rest outer = KramdownFrames.of(container, document, lineStart, lineEnd);
            KramdownFrames.Rest inner = KramdownFrames.of(item, document, lineStart, lineEnd);
            if (outer == null || inner == null || inner.at() <= outer.at() || inner.spaces() > 3) {
                return false; // a lazy line of the item, its text as written or its tabs four spaces each
            }
            // the line as the item reads it, the tabs of its indent counted from the container's text
            String rest = " ".repeat(inner.spaces()) + document.subSequence(inner.at(), lineEnd);
            return (BULLET_ITEM.matcher(rest).lookingAt() || ORDERED_ITEM.matcher(rest).lookingAt())
                    && !nestedListFound(item, document, lineStart);
        }

        /**
         * Whether kramdown ends a container's lazy lines at {@code line}, the rest of a line after
         * its containers' marks: an attribute list, a {@code ^} or block-level HTML.
         */
        static boolean endsLazyLines(CharSequence line) {
            return isBoundary(line) || KramdownHtmlBlockParser.endsLazyLines(line);
        }

        /** Whether {@code line} is a block boundary of its own in kramdown: an attribute list or a {@code ^}. */
        static boolean isBoundary(CharSequence line) {
            return ATTRIBUTE_LIST.matcher(line).lookingAt() || END_OF_BLOCK.matcher(line).lookingAt();
        }

        /** Whether the open block the line would go to lies inside this container and has read the line already. */
        private boolean readAhead(ParserState state) {
            if (!(state.getActiveBlockParser() instanceof BoundedBlockParser bounded) || !bounded.holds(state.getLine())) {
                return false;
            }
            for (Node node = bounded.getBlock().getParent(); node != null; node = node.getParent()) {
                if (node == getBlock()) {
                    return true;
                }
            }
            return false;
        }
    }
}
