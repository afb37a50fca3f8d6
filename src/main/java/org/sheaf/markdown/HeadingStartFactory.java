package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's heading parser, asked only about lines that can start a heading.
 *
 * <p>flexmark's own factory builds the text of the open paragraph (every line of it, joined) for
 * every line it is asked about, before it looks at the line. A paragraph of {@code n} lines (a
 * table, a block of link definitions, which are paragraphs until they end) thus cost {@code n²}:
 * a 20,000-row table took 14 s, and 200,000 rows did not finish. A line can only start an ATX
 * heading ({@code # x}) or underline a setext heading ({@code ===}, {@code ---}), and either
 * ends the paragraph, so checking the line first with flexmark's own patterns (for the default
 * heading options, which sheaf uses) gives the same document in linear time.
 *
 * <p>kramdown underlines only a one-line paragraph at a block boundary (first in its container,
 * after a blank line or a block attribute list): under two or more lines of text, or under a
 * line right after a heading or other block, {@code ---} and {@code ===} are more lines of that
 * paragraph. The kramdown flavour's factory says so. kramdown also underlines with any run of
 * {@code =} and {@code -} from the margin ({@code =-=}), its first character telling the level,
 * which flexmark's factory does not read: the kramdown flavour's factory makes that heading.
 * kramdown's own parser also reads a line of only the marker and the line under it as one
 * heading ({@link MarkerOverTextHeadingParser}).
 */
final class HeadingStartFactory extends ScreenedStartFactory {
    private static final Pattern ATX = Pattern.compile("^#{1,6}(?:[ \\t]+|$)");
    /**
     * kramdown's (GFM's) ATX heading: its marker, white space, and text, which may not be empty.
     * Text of nothing but {@code #} is the heading's text: only {@code #} after white space closes.
     */
    private static final Pattern KRAMDOWN_ATX = Pattern.compile("#{1,6}[ \\t]+(#*)[ \\t]*(\\S?)");
    /** The ATX heading of kramdown's own parser: its marker, optional white space, and text. */
    private static final Pattern OWN_KRAMDOWN_ATX = Pattern.compile("#{1,6}[ \\t]*([^ \\t].*)");
    /** The {@code #} that close an ATX heading's text, not escaped. */
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?<!\\\\)#+$");
    private static final Pattern SETEXT = Pattern.compile("^(?:=+|-+)[ \\t]*$");
    /** kramdown's setext underline, the end of its line trimmed as Ruby's {@code \\s} trims. */
    private static final Pattern KRAMDOWN_SETEXT = Pattern.compile("[-=]+[ \\t\\r\\f\\u000B]*");

    private final boolean oneLineSetext;

    private HeadingStartFactory(boolean oneLineSetext) {
        super(new HeadingParser.Factory());
        this.oneLineSetext = oneLineSetext;
    }

    /** Replaces flexmark's heading parser with this one in {@code builder}, for CommonMark. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HEADING_PARSER, false);
        return builder.customBlockParserFactory(new HeadingStartFactory(false));
    }

    /** As {@link #install}, for kramdown: a setext underline only under a one-line paragraph. */
    static Parser.Builder installKramdown(Parser.Builder builder) {
        builder.set(Parser.HEADING_PARSER, false);
        return builder.customBlockParserFactory(new HeadingStartFactory(true));
    }

    @Override
    boolean mayStart(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int start = state.getNextNonSpaceIndex();
        if (start >= line.length()) {
            return false;
        }
        char first = line.charAt(start);
        if (first == '#' && oneLineSetext && !MarkdownRenderer.GFM_INPUT.get(state.getProperties())) {
            BasedSequence text = line.subSequence(start);
            return (ownKramdownHeading(text) || MarkerOverTextHeadingParser.of(state, text) != null)
                    && atTextStart(state, matched) && start == state.getIndex()
                    && !matched.getBlockParser().isParagraphParser() && !state.getActiveBlockParser().isParagraphParser()
                    && atBoundary(matched.getBlockParser().getBlock().getLastChild(), line.getBaseSequence(), line.getStartOffset());
        }
        if (first == '#') {
            return oneLineSetext ? kramdownHeading(line.subSequence(start)) != null
                    && !KramdownPipeRows.continuesTable(state, matched) && atTextStart(state, matched)
                    : ATX.matcher(line.subSequence(start)).find();
        }
        return (first == '=' || first == '-') && (SETEXT.matcher(line.subSequence(start)).find() || kramdownUnderline(state))
                && !(oneLineSetext && matched.getBlockParser() instanceof ParagraphParser paragraph
                        && (paragraph.getBlockContent().getLineCount() > 1
                                || !atBoundary(paragraph) || itemInItem(paragraph, state)));
    }

    /**
     * Whether the line's text starts where kramdown's text of the innermost container on it
     * starts, as kramdown's headings want. A tab before the text may leave spaces there that
     * flexmark does not see: kramdown counts it from the start of that container's text
     * ({@link KramdownFrames}), flexmark from the start of the line. A list item's line indented
     * less than the item's text, a lazy line of it, keeps all its spaces in kramdown's text (and
     * in a quote's inside the item that takes it lazily) where flexmark's item takes up to four
     * of them as its indent ({@code 10.  y}, {@code ····# a}: text of {@code y}).
     */
    private static boolean atTextStart(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int start = state.getNextNonSpaceIndex();
        Node container = matched.getBlockParser().getBlock();
        BasedSequence document = line.getBaseSequence();
        int lineStart = line.getStartOffset();
        if (line.subSequence(0, start).indexOf('\t') < 0
                && !(start > 0 && KramdownFrames.inItemOnLaterLine(container, document, lineStart))) {
            return true;
        }
        KramdownFrames.Rest rest = KramdownFrames.ofLine(container, document, lineStart);
        return rest == null || rest.spaces() == 0 && rest.at() == lineStart + start;
    }

    /**
     * flexmark's heading, or for an underline only kramdown reads ({@code =-=}) under the open
     * paragraph, the heading that kramdown reads, made as flexmark makes its setext headings.
     */
    @Override
    BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        if (oneLineSetext && line.charAt(state.getNextNonSpaceIndex()) == '#') {
            BasedSequence text = line.subSequence(state.getNextNonSpaceIndex());
            if (!MarkdownRenderer.GFM_INPUT.get(state.getProperties())) {
                MarkerOverTextHeadingParser overText = MarkerOverTextHeadingParser.of(state, text);
                return overText != null ? BlockStart.of(overText).atIndex(line.length()) : withEscapedClosing(start);
            }
            Matcher gfm = kramdownHeading(text);
            return start == null || gfm == null ? start : withKramdownText(start, text, gfm);
        }
        if (start != null || !kramdownUnderline(state) || !matched.getBlockParser().isParagraphParser()) {
            return start;
        }
        BlockContent text = new BlockContent();
        text.addAll(matched.getParagraphLines(), matched.getParagraphEolLengths());
        HeadingParser parser = new HeadingParser(line.charAt(state.getNextNonSpaceIndex()) == '=' ? 1 : 2);
        Heading heading = (Heading) parser.getBlock();
        heading.setText(text.getContents().trim());
        heading.setClosingMarker(line.trim());
        heading.setCharsFromContent();
        return BlockStart.of(parser).atIndex(line.length()).replaceActiveBlockParser();
    }

    /**
     * The ATX heading kramdown reads from {@code text}, the line from its first {@code #}: a
     * matcher whose first group is the heading's text when that is nothing but {@code #}, or
     * null when kramdown reads no heading there ({@code #} alone, or with only white space after).
     */
    private static Matcher kramdownHeading(BasedSequence text) {
        Matcher heading = KRAMDOWN_ATX.matcher(text);
        return heading.lookingAt() && (!heading.group(1).isEmpty() || !heading.group(2).isEmpty()) ? heading : null;
    }

    /**
     * Whether kramdown's own parser ({@code input: kramdown}) reads an ATX heading in
     * {@code text}, the line from its first {@code #}: white space after the marker is optional,
     * and the text must hold more than the {@code #} that close it.
     */
    private static boolean ownKramdownHeading(BasedSequence text) {
        Matcher heading = OWN_KRAMDOWN_ATX.matcher(text);
        return heading.lookingAt() && !isOnlyClosing(heading.group(1));
    }

    /** Whether an ATX heading's {@code text} holds nothing but the {@code #} that close it, and white space. */
    static boolean isOnlyClosing(CharSequence text) {
        return CLOSING_HASHES.matcher(text.toString().strip()).replaceFirst("").isBlank();
    }

    /**
     * flexmark's heading with the text kramdown's own parser reads where they differ: a {@code #}
     * escaped at the end of the text ({@code # Tag\\#}) is text, not a closing marker.
     */
    private static BlockStart withEscapedClosing(BlockStart start) {
        if (!(start instanceof BlockStartImpl found) || found.getBlockParsers().length != 1
                || !(found.getBlockParsers()[0].getBlock() instanceof Heading heading)) {
            return start;
        }
        BasedSequence text = heading.getText();
        BasedSequence closing = heading.getClosingMarker();
        if (closing.isNotNull() && !closing.isEmpty() && text.endsWith("\\") && text.getEndOffset() == closing.getStartOffset()) {
            heading.setText(text.baseSubSequence(text.getStartOffset(), closing.getStartOffset() + 1));
            heading.setClosingMarker(closing.subSequence(1));
        }
        return start;
    }

    /**
     * flexmark's heading with kramdown's text where they differ: a heading of nothing but
     * {@code #} ({@code # ###}), which flexmark reads as an empty heading and its closing marker.
     *
     * @param line     the line from the heading's first {@code #}
     * @param kramdown {@link #kramdownHeading} of {@code line}
     */
    private static BlockStart withKramdownText(BlockStart start, BasedSequence line, Matcher kramdown) {
        if (kramdown.group(1).isEmpty() || !kramdown.group(2).isEmpty()
                || !(start instanceof BlockStartImpl found) || found.getBlockParsers().length != 1
                || !(found.getBlockParsers()[0].getBlock() instanceof Heading heading)) {
            return start;
        }
        heading.setText(line.subSequence(kramdown.start(1), kramdown.end(1)));
        heading.setClosingMarker(BasedSequence.NULL);
        return start;
    }

    /**
     * Whether the line under the text an item starts with is a nested item ({@code - } and white
     * space) rather than an underline: kramdown's list parser splits an item's lines at the first
     * one that starts a list, at or past the column of the item's text, before any blank line,
     * and reads the parts as blocks only then, so a setext heading never sees that line. Left of
     * the item's text the line is a lazy one, which kramdown gives to the item's text to read.
     */
    private static boolean itemInItem(ParagraphParser paragraph, ParserState state) {
        BasedSequence line = state.getLine();
        int after = state.getNextNonSpaceIndex() + 1;
        return paragraph.getBlock().getParent() instanceof ListItem && paragraph.getBlock().getPrevious() == null
                && after < line.length() && (line.charAt(after) == ' ' || line.charAt(after) == '\t')
                && state.getColumn() + state.getIndent() >= column(paragraph.getBlockContent().getLines().get(0));
    }

    /** The column {@code text} starts at on its line, a tab reaching the next multiple of four. */
    private static int column(BasedSequence text) {
        BasedSequence all = text.getBaseSequence();
        int start = text.getStartOffset();
        int lineStart = start;
        while (lineStart > 0 && all.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int column = 0;
        for (int i = lineStart; i < start; i++) {
            column = all.charAt(i) == '\t' ? column + 4 - column % 4 : column + 1;
        }
        return column;
    }

    /** Whether the line is a setext underline that kramdown reads and flexmark does not: mixed, from the margin. */
    private boolean kramdownUnderline(ParserState state) {
        return oneLineSetext && state.getIndent() == 0
                && KRAMDOWN_SETEXT.matcher(state.getLine().subSequence(state.getNextNonSpaceIndex())).matches();
    }

    /**
     * Whether the open paragraph stands where kramdown reads a setext heading: first in its
     * container, after a blank line, a {@code ^} or an attribute list for the block after it.
     */
    static boolean atBoundary(ParagraphParser parser) {
        // the open paragraph has no text of its own yet: its first line tells where it starts
        return atBoundary(parser.getBlock().getPrevious(), parser.getBlock().getDocument().getChars(),
                parser.getBlockContent().getLines().get(0).getStartOffset());
    }

    /**
     * Whether a block whose line starts at {@code lineStart} in {@code all}, after the block
     * {@code previous} of its container (null when first), stands at kramdown's block boundary.
     */
    private static boolean atBoundary(Node previous, BasedSequence all, int lineStart) {
        if (previous == null || previous instanceof KramdownEndOfBlock || previous instanceof AttributeListBlock list
                && list.definitionName() == null && KramdownAttributes.forNextBlock(list)) {
            return true;
        }
        return followsBlankLine(all, lineStart);
    }

    /**
     * Whether the line before the one holding {@code at} in {@code all} is blank but for the
     * block quote markers it may be nested in; false on the first line.
     */
    static boolean followsBlankLine(BasedSequence all, int at) {
        int lineStart = at;
        while (lineStart > 0 && all.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int previousStart = lineStart - 1;
        while (previousStart > 0 && all.charAt(previousStart - 1) != '\n') {
            previousStart--;
        }
        return lineStart > 0 && isBlankQuoted(all.subSequence(previousStart, lineStart - 1));
    }

    /** Whether {@code line} holds nothing but the block quote markers it may be nested in. */
    static boolean isBlankQuoted(BasedSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '>' && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
