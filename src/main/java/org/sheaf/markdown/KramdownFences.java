package org.sheaf.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.internal.BlockContinueImpl;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fenced code as kramdown's GFM parser reads it: a fence opens only when its closing fence follows
 * among the lines of the block quote or list item it is in (a quote's up to a blank line). Without
 * one, kramdown reads the opening line as text and the lines after it as Markdown, where flexmark
 * runs the code to the end of its container.
 *
 * <p>kramdown's fence is the whole run of backticks and tildes that opens the line, in any mix
 * ({@code ``~}), and only that run, with more of its last character, closes it; flexmark opens
 * and closes fences of one character, so kramdown's other fences are opened and closed here.
 *
 * <p>kramdown's pattern reads an opening line as fewer fence characters than it has when only
 * fewer close, the rest then being the language: {@code `````} over a line of four backticks is a
 * fence of four for the language {@code `}. So an opening line that closed nothing is tried again
 * as the longest fence that one of the lines after it could close, and refused as a fence only
 * when none could. Its text after the fence characters must be one word at most, as the language
 * the pattern takes; with a word of two it opens no fence at all.
 *
 * <p>Whether a fence closes is known only once its container's lines are read, which flexmark does
 * as it parses: the renderer parses again with each opening line that closed nothing shortened or
 * refused ({@link #LONGEST}, {@link #shortenUnclosed}), until every fence closes. A page without
 * such a fence is parsed once.
 *
 * <p>kramdown takes a fence's lines as they stand in its container: spaces before a fenced line
 * stay on it, however far the fence itself is indented ({@code   ```} over {@code   code} is the
 * code {@code   code}), where CommonMark takes up to the fence's indentation off each line.
 *
 * <p>kramdown's own parser ({@code input: kramdown}) opens and closes a fence only with tildes at
 * the start of its container's line, and opens none on a line its paragraph takes, which only a
 * blank line or a few other lines end. Its fence is the tildes alone: backticks after them start
 * the language ({@code ~~~`a}).
 */
final class KramdownFences {
    /**
     * The longest fence each listed line may open, by the document offset where the line starts;
     * a line listed with less than three opens none.
     */
    static final DataKey<Map<Integer, Integer>> LONGEST = new DataKey<>("KRAMDOWN_LONGEST_FENCES", Map.of());

    /**
     * An opening fence as kramdown's pattern reads it: its characters, backticks and tildes in any
     * mix, then one word at most.
     */
    private static final Pattern OPENING = Pattern.compile("[`~]{3,}[ \t]*\\S*\\s*");

    /**
     * An opening fence as kramdown's own parser reads it: tildes only, then one word at most, which
     * may start with backticks ({@code ~~~`a} is a fence of three tildes for the language {@code `a}).
     */
    private static final Pattern OWN_OPENING = Pattern.compile("~{3,}[ \t]*\\S*\\s*");

    private KramdownFences() {
    }

    /** Replaces flexmark's fenced code parser with one that reads fences as kramdown does ({@link #LONGEST}). */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new Factory());
    }

    /**
     * Each line of {@code document} that opened a fence its container ended before a closing
     * fence, put in {@code longest} with the longest fence that one of the lines after it could
     * close, or with none; whether there was any.
     */
    static boolean shortenUnclosed(Document document, Map<Integer, Integer> longest) {
        boolean any = false;
        for (Node node : Descendants.blocksOf(document)) {
            if (node instanceof FencedCodeBlock fence && fence.getClosingMarker().isEmpty()) {
                Integer length = shorterClosing(fence);
                any |= !length.equals(longest.put(lineStart(fence.getChars()), length));
            }
        }
        return any;
    }

    /**
     * The length of the longest closing fence among {@code fence}'s lines that is shorter than
     * its opening; 0 when there is none, or when the opening cannot be read as a shorter fence:
     * a language set apart from the fence characters would be a second word.
     */
    private static int shorterClosing(FencedCodeBlock fence) {
        BasedSequence marker = fence.getOpeningMarker();
        BasedSequence info = fence.getInfo();
        if (!info.isEmpty() && info.getStartOffset() != marker.getEndOffset()) {
            return 0;
        }
        int longest = 0;
        int textEnd = openingTextEnd(fence, fence.getChars().getBaseSequence(), fence.getEndOffset());
        for (BasedSequence line : fence.getContentLines()) {
            if (line.getStartOffset() >= textEnd) {
                break;
            }
            for (int length = marker.length() - 1; length > Math.max(longest, 2); length--) {
                if (closes(line, marker.subSequence(0, length))) {
                    longest = length;
                }
            }
        }
        return longest;
    }

    /**
     * Whether {@code line} closes a fence opened by {@code marker}, as kramdown's pattern reads
     * it: up to three spaces, the marker's characters, more of its last one, and white space.
     */
    private static boolean closes(CharSequence line, CharSequence marker) {
        int start = 0;
        while (start < line.length() && start < 3 && line.charAt(start) == ' ') {
            start++;
        }
        if (line.length() - start < marker.length() || !marker.toString().contentEquals(line.subSequence(start, start + marker.length()))) {
            return false;
        }
        char last = marker.charAt(marker.length() - 1);
        int end = start + marker.length();
        while (end < line.length() && line.charAt(end) == last) {
            end++;
        }
        for (int i = end; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the text kramdown reads {@code fence}'s opening line in ends, as an offset of
     * {@code document}, or {@code end} where it runs past it: kramdown reads each part of a list
     * item's lines apart ({@link KramdownListParts}), so no line of a later part closes a fence of
     * an earlier one ({@code + 2. ~~~}, {@code 1. * x}, {@code ~~~}: the second line starts the
     * second part of the {@code 2.} item, and the fence is text).
     */
    private static int openingTextEnd(FencedCodeBlock fence, BasedSequence document, int end) {
        return KramdownListParts.partEnd(fence.getParent(), document, lineStart(fence.getOpeningMarker()), end);
    }

    /** Whether {@code marker} mixes backticks and tildes, which only kramdown reads as a fence. */
    private static boolean mixed(CharSequence marker) {
        for (int i = 1; i < marker.length(); i++) {
            if (marker.charAt(i) != marker.charAt(0)) {
                return true;
            }
        }
        return false;
    }

    private static int lineStart(BasedSequence chars) {
        BasedSequence all = chars.getBaseSequence();
        int start = chars.getStartOffset();
        while (start > 0 && all.charAt(start - 1) != '\n') {
            start--;
        }
        return start;
    }

    /**
     * flexmark's fenced code parser, never asked about a line that opens no fence in kramdown,
     * whose fences keep the spaces of their lines and close as long as {@link #LONGEST} says.
     */
    static final class Factory extends ScreenedStartFactory {
        Factory() {
            super(new FencedCodeBlockParser.Factory());
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int fence = state.getNextNonSpaceIndex();
            if (fence >= line.length() || line.charAt(fence) != '`' && line.charAt(fence) != '~'
                    || !OPENING.matcher(line.subSequence(fence)).matches()) {
                return false;
            }
            if (!MarkdownRenderer.GFM_INPUT.get(state.getProperties()) && (!OWN_OPENING.matcher(line.subSequence(fence)).matches()
                    || fence > state.getIndex() || matched.getBlockParser().isParagraphParser()
                    || state.getActiveBlockParser().isParagraphParser())) {
                return false;
            }
            return !lazilyIndented(state, matched, fence) && longest(state) >= 3;
        }

        /**
         * Whether the fence at index {@code fence} of the state's line stands four columns or
         * more into the text of the container it would open in, on a later line of a list item
         * that container is or lies in, as kramdown reads that text: a lazy line of the item,
         * short of its indent, keeps all its spaces there, which opens no fence ({@code 10.  y},
         * {@code ····```}: text of {@code y}), where flexmark's item takes up to four of them as
         * its indent.
         */
        private static boolean lazilyIndented(ParserState state, MatchedBlockParser matched, int fence) {
            if (fence == 0) {
                return false;
            }
            BasedSequence document = state.getLine().getBaseSequence();
            int lineStart = state.getLine().getStartOffset();
            Node container = matched.getBlockParser().getBlock();
            if (!KramdownFrames.inItemOnLaterLine(container, document, lineStart)) {
                return false;
            }
            KramdownFrames.Rest rest = KramdownFrames.ofLine(container, document, lineStart);
            return rest != null && rest.at() <= lineStart + fence && rest.columnOf(document, lineStart + fence) >= 4;
        }

        @Override
        BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
            int longest = longest(state);
            if (state.getIndent() >= 4) {
                return start;
            }
            BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex());
            boolean gfm = MarkdownRenderer.GFM_INPUT.get(state.getProperties());
            int length = 0;
            while (length < line.length() && (line.charAt(length) == '~' || gfm && line.charAt(length) == '`')) {
                length++;
            }
            if (start == null || mixed(line.subSequence(0, length))) {
                start = kramdownFence(state, length);
            }
            return WrappedBlockParser.wrapping(start, parser -> new KramdownFence(parser, longest));
        }

        /**
         * A fence flexmark does not open as kramdown does: one whose language holds the fence's
         * character ({@code ```a`b}), which CommonMark refuses so that a line of code spans is not
         * a fence, or whose characters mix backticks and tildes ({@code ``~}), which CommonMark
         * reads as a shorter fence or none. kramdown takes the whole run of fence characters as
         * the fence, and any one word after it as the language.
         */
        private static BlockStart kramdownFence(ParserState state, int length) {
            BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex());
            char fenceChar = line.charAt(0);
            FencedCodeBlockParser parser = new FencedCodeBlockParser(state.getProperties(), fenceChar, length,
                    state.getIndent(), state.getNextNonSpaceIndex());
            ((FencedCodeBlock) parser.getBlock()).setOpeningMarker(line.subSequence(0, length));
            return BlockStart.of(parser).atIndex(state.getNextNonSpaceIndex() + length);
        }

        private static int longest(ParserState state) {
            Map<Integer, Integer> longest = LONGEST.get(state.getProperties());
            return longest.isEmpty() ? Integer.MAX_VALUE
                    : longest.getOrDefault(state.getLine().getStartOffset(), Integer.MAX_VALUE);
        }
    }

    /**
     * A fence that takes each of its lines whole from where its containers leave it, and that a
     * fence of {@code longest} characters closes already, the rest of its opening being its language.
     */
    private static final class KramdownFence extends WrappedBlockParser {
        private final int longest;
        /** Spaces that stand for the leading tabs of line {@link #spacesLine}, before its text. */
        private int spacesBefore;
        private int spacesLine = -1;

        KramdownFence(BlockParser flexmark, int longest) {
            super(flexmark);
            this.longest = longest;
        }

        private FencedCodeBlock fence() {
            return (FencedCodeBlock) getBlock();
        }

        private boolean shortened() {
            return longest < fence().getOpeningMarker().length();
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.getIndent() > 0 && !MarkdownRenderer.GFM_INPUT.get(state.getProperties())) {
                // kramdown's own parser closes a fence only at the start of its container's line
                return lineFromContainers(state);
            }
            BasedSequence marker = fence().getOpeningMarker();
            boolean mixed = mixed(marker);
            if ((shortened() || mixed) && state.getIndent() <= 3) {
                BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex());
                if (closes(rest, closing()) && closesAsKramdownReads(state)) {
                    fence().setClosingMarker(rest.trimEnd());
                    return BlockContinue.finished();
                }
            }
            if (mixed) {
                // flexmark would close it at a fence of its first character alone
                return lineFromContainers(state);
            }
            BlockContinue next = flexmark.tryContinue(state);
            // flexmark continues a fence it has not closed past up to the fence's indentation;
            // whether it closed shows only through flexmark's implementation
            boolean closed = next instanceof BlockContinueImpl found && found.isFinalize();
            if (closed && closesAsKramdownReads(state)) {
                return next;
            }
            if (closed) {
                fence().setClosingMarker(BasedSequence.NULL); // flexmark's, on a line that is code
            }
            return lineFromContainers(state);
        }

        /** The fence that closes this one: its opening's characters, up to {@link #longest} of them. */
        private BasedSequence closing() {
            BasedSequence marker = fence().getOpeningMarker();
            return marker.subSequence(0, Math.min(longest, marker.length()));
        }

        /**
         * Whether kramdown closes the fence on the state's line, a line flexmark closes it on:
         * kramdown looks for the closing fence only in the text it reads the opening line in, so
         * not on a line of another part of a list item around ({@link #openingTextEnd}), and there
         * only after up to three spaces, as its containers leave the line
         * ({@link KramdownFrames}). A lazy line of an item keeps the spaces it was written with,
         * so {@code ····~~~} under {@code 10.  a} and {@code ␣~~~} closes nothing, where
         * flexmark's item takes four of them as its indent. Where kramdown's reading of the line
         * cannot be told, flexmark's close stands.
         */
        private boolean closesAsKramdownReads(ParserState state) {
            BasedSequence line = state.getLine();
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            if (openingTextEnd(fence(), document, lineStart + 1) <= lineStart) {
                return false;
            }
            Node container = getBlock().getParent();
            KramdownFrames.Rest rest = KramdownFrames.ofLine(container, document, lineStart);
            return rest == null || closes(rest.expanded(document, KramdownFrames.lineEnd(document, lineStart)), closing());
        }

        /**
         * The line from where its containers leave it. kramdown makes each tab that starts a line
         * of a list item four spaces before it takes the item's indentation off, so in a list
         * such a line keeps the spaces its items leave of those tabs ({@link #spacesBefore}),
         * where flexmark would keep the whole tab the items' indentation ends in.
         */
        private BlockContinue lineFromContainers(ParserState state) {
            BasedSequence line = state.getLine();
            spacesBefore = 0;
            BlockContinue read = lineAsKramdownReads(state);
            if (read != null) {
                return read;
            }
            int tabs = 0;
            while (tabs < line.length() && line.charAt(tabs) == '\t') {
                tabs++;
            }
            if (tabs == 0 || state.getColumn() >= 4 * tabs || !onlyInLists()) {
                return BlockContinue.atIndex(state.getIndex());
            }
            spacesBefore = 4 * tabs - state.getColumn();
            spacesLine = state.getLineNumber();
            return BlockContinue.atIndex(tabs);
        }

        /**
         * The line from where kramdown's containers leave it ({@link KramdownFrames}), where that
         * is known and lies at or after where flexmark's containers leave it: a list item turns
         * the tabs that start a line into four spaces each before it takes its indentation off,
         * and a quote around or inside it takes only its {@code >} and one space, so a lazy line
         * of a quote in an item keeps the spaces its tabs became ({@code    2. ⇥a},
         * {@code    >  ```}, {@code ⇥y}: the code {@code ····y}). Null where it is not known, a
         * blank line, or the fence's own line.
         */
        private BlockContinue lineAsKramdownReads(ParserState state) {
            BasedSequence line = state.getLine();
            BasedSequence document = line.getBaseSequence();
            int lineStart = line.getStartOffset();
            Node container = getBlock().getParent();
            if (container instanceof Document || line.isBlank()
                    || lineStart <= fence().getOpeningMarker().getStartOffset()) {
                return null;
            }
            int lineEnd = KramdownFrames.lineEnd(document, lineStart);
            KramdownFrames.Rest rest = KramdownFrames.of(container, document, lineStart, lineEnd);
            if (rest == null || rest.at() < lineStart + state.getIndex() || rest.at() > lineEnd) {
                return null;
            }
            spacesBefore = rest.spaces();
            spacesLine = state.getLineNumber();
            return BlockContinue.atIndex(rest.at() - lineStart);
        }

        /** Whether the fence stands in a list item, and in nothing but list items. */
        private boolean onlyInLists() {
            Node container = getBlock().getParent();
            boolean inItem = false;
            for (; container != null && !(container instanceof Document); container = container.getParent()) {
                if (container instanceof ListItem && !(container instanceof DefinitionItem)) {
                    inItem = true;
                } else if (!(container instanceof ListBlock)) {
                    return false;
                }
            }
            return inItem;
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
            boolean expanded = spacesBefore > 0 && spacesLine == state.getLineNumber();
            flexmark.addLine(state, expanded ? PrefixedSubSequence.prefixOf(" ".repeat(spacesBefore), line)
                    : line.isBlank() ? blankFromContainers(line) : line);
        }

        /**
         * A blank line of the code with the white space its containers leave it
         * ({@link KramdownFrames#blankFromContainers}): kramdown's list item keeps a blank line whole
         * ({@code ␣} in {@code +   ```} is a line of one space), where flexmark's item drops the
         * line's white space up to its indentation.
         */
        private BasedSequence blankFromContainers(BasedSequence line) {
            Node container = getBlock().getParent();
            int lineStart = KramdownFrames.lineStart(line.getBaseSequence(), line.getStartOffset());
            if (container instanceof Document || lineStart <= fence().getOpeningMarker().getStartOffset()) {
                return line; // at the margin, or the fence's own line, whose info is blank
            }
            BasedSequence read = KramdownFrames.blankFromContainers(container, line, lineStart);
            return read == null ? line : read;
        }

        @Override
        public void closeBlock(ParserState state) {
            flexmark.closeBlock(state);
            if (shortened()) {
                FencedCodeBlock fence = fence();
                BasedSequence marker = fence.getOpeningMarker();
                BasedSequence info = fence.getInfo();
                int infoEnd = info.isEmpty() ? marker.getEndOffset() : info.getEndOffset();
                fence.setInfo(marker.baseSubSequence(marker.getStartOffset() + longest, infoEnd));
                fence.setOpeningMarker(marker.subSequence(0, longest));
            }
        }
    }
}
