package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heading kramdown's own parser ({@code input: kramdown}) reads from a line of nothing but
 * its marker ({@code #} to {@code ######}) and the line under it: its heading pattern wants the
 * text to start with a character other than a space or tab, and the line's end is one, so the
 * text is that end and the whole next line ({@code #}, {@code foo} is a heading of
 * {@code foo} on its second line), whatever that line holds. A next line that is blank or only
 * closing {@code #}, or none, leaves the marker a paragraph. kramdown reads the lines of a list item before its blocks, and a line
 * that starts an item there is not one of the item's text lines (only a list of the other kind
 * at the margin is, which this parser leaves a paragraph). kramdown writes the text's line end
 * and the white space that starts its line, after the heading's opening tag.
 */
final class MarkerOverTextHeadingParser extends BoundedBlockParser {
    private static final Pattern BARE_MARKER = Pattern.compile("#{1,6}[ \\t]*");
    private static final Pattern ITEM_START = Pattern.compile("[ \\t]*(?:[-*+]|\\d+\\.)(?:[ \\t]|$).*");
    /** The {@code #} that close the heading's text, not escaped, and the white space before them. */
    private static final Pattern CLOSING_HASHES = Pattern.compile("[ \\t]*(?<!\\\\)#+$");

    private final Heading heading;
    /** The end of the marker's line, the first character of the heading's text. */
    private final BasedSequence lineEnd;

    private MarkerOverTextHeadingParser(Heading heading, BasedSequence lineEnd, int end) {
        super(heading, end);
        this.heading = heading;
        this.lineEnd = lineEnd;
    }

    /**
     * The parser of the heading that starts with {@code marker}, the rest of the current line
     * from its first {@code #}, or null when kramdown reads no such heading there.
     */
    static MarkerOverTextHeadingParser of(ParserState state, BasedSequence marker) {
        if (!BARE_MARKER.matcher(marker).matches()) {
            return null;
        }
        BasedSequence all = marker.getBaseSequence();
        int nextStart = KramdownFrames.lineEnd(all, marker.getEndOffset()) + 1;
        if (nextStart >= all.length()) {
            return null;
        }
        int nextEnd = KramdownFrames.lineEnd(all, nextStart);
        BasedSequence next = all.subSequence(nextStart, nextEnd);
        if (HeadingStartFactory.isBlankQuoted(next) || HeadingStartFactory.isOnlyClosing(next)
                || state.getActiveBlockParser().getBlock().isOrDescendantOfType(ListItem.class)
                        && ITEM_START.matcher(next).matches()) {
            return null;
        }
        Heading heading = new Heading();
        heading.setLevel(marker.trimEnd().length());
        heading.setOpeningMarker(marker.trimEnd());
        heading.setChars(all.subSequence(marker.getStartOffset(), nextEnd));
        return new MarkerOverTextHeadingParser(heading, all.subSequence(nextStart - 1, nextStart),
                Math.min(nextEnd + 1, all.length()));
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        BlockContinue next = super.tryContinue(state);
        if (next != BlockContinue.none()) {
            BasedSequence line = state.getLine();
            BasedSequence text = line.subSequence(state.getIndex()).trimEnd();
            text = text.subSequence(0, text.length() - closing(text).length());
            heading.setText(PrefixedSubSequence.prefixOf(lineEnd.toString(), text));
        }
        return next;
    }

    /** The closing {@code #} of {@code text} with the white space before them, or the empty end of {@code text}. */
    private static BasedSequence closing(BasedSequence text) {
        Matcher closing = CLOSING_HASHES.matcher(text);
        return closing.find() ? text.subSequence(closing.start()) : text.subSequence(text.length());
    }

    /**
     * Reads the heading's text, then puts back before it the line end that flexmark's inline
     * parser trims and kramdown writes; the white space that starts the text's line follows it
     * as after any line break ({@link KramdownLineIndents}).
     */
    @Override
    public void parseInlines(InlineParser inlineParser) {
        inlineParser.parse(heading.getText(), heading);
        heading.prependChild(new SoftLineBreak(lineEnd));
    }
}
