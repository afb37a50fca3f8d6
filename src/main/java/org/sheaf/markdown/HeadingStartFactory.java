package org.sheaf.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
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
 */
final class HeadingStartFactory extends ScreenedStartFactory {
    private static final Pattern ATX = Pattern.compile("^#{1,6}(?:[ \\t]+|$)");
    private static final Pattern SETEXT = Pattern.compile("^(?:=+|-+)[ \\t]*$");

    private HeadingStartFactory() {
        super(new HeadingParser.Factory());
    }

    /** Replaces flexmark's heading parser with this one in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HEADING_PARSER, false);
        return builder.customBlockParserFactory(new HeadingStartFactory());
    }

    @Override
    boolean mayStart(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int start = state.getNextNonSpaceIndex();
        if (start >= line.length()) {
            return false;
        }
        char first = line.charAt(start);
        return first == '#' ? ATX.matcher(line.subSequence(start)).find()
                : (first == '=' || first == '-') && SETEXT.matcher(line.subSequence(start)).find();
    }
}
