package org.sheaf.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fenced code as kramdown's GFM parser reads it: a fence opens only when its closing fence follows
 * among the lines of the block quote or list item it is in (a quote's up to a blank line). Without
 * one, kramdown reads the opening line as text and the lines after it as Markdown, where flexmark
 * runs the code to the end of its container.
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
 */
final class KramdownFences {
    /**
     * The longest fence each listed line may open, by the document offset where the line starts;
     * a line listed with less than three opens none.
     */
    static final DataKey<Map<Integer, Integer>> LONGEST = new DataKey<>("KRAMDOWN_LONGEST_FENCES", Map.of());

    /** An opening fence as kramdown's pattern reads it: its characters, then one word at most. */
    private static final Pattern OPENING = Pattern.compile("([`~])\\1{2,}[ \t]*\\S*\\s*");

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
        for (BasedSequence line : fence.getContentLines()) {
            int length = closingLength(line, marker.charAt(0));
            if (length < marker.length()) {
                longest = Math.max(longest, length);
            }
        }
        return longest;
    }

    /** The length of the fence of {@code fenceChar} that {@code line} is, 0 when it is none. */
    private static int closingLength(CharSequence line, char fenceChar) {
        int start = 0;
        while (start < line.length() && start < 3 && line.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < line.length() && line.charAt(end) == fenceChar) {
            end++;
        }
        for (int i = end; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return 0;
            }
        }
        return end - start >= 3 ? end - start : 0;
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
            return longest(state) >= 3;
        }

        @Override
        BlockStart started(BlockStart start, ParserState state) {
            int longest = longest(state);
            return WrappedBlockParser.wrapping(start, parser -> new KramdownFence(parser, longest));
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
            if (shortened() && state.getIndent() <= 3) {
                BasedSequence rest = state.getLine().subSequence(state.getNextNonSpaceIndex());
                int length = closingLength(rest, fence().getOpeningMarker().charAt(0));
                if (length >= longest) {
                    fence().setClosingMarker(rest.subSequence(0, length));
                    return BlockContinue.finished();
                }
            }
            BlockContinue next = flexmark.tryContinue(state);
            // flexmark continues a fence it has not closed past up to the fence's indentation;
            // whether it closed shows only through flexmark's implementation
            boolean closed = next instanceof BlockContinueImpl found && found.isFinalize();
            return closed ? next : BlockContinue.atIndex(state.getIndex());
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
