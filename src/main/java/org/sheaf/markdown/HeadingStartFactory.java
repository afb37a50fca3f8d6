package org.sheaf.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;
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
final class HeadingStartFactory implements CustomBlockParserFactory {
    private static final Pattern ATX = Pattern.compile("^#{1,6}(?:[ \\t]+|$)");
    private static final Pattern SETEXT = Pattern.compile("^(?:=+|-+)[ \\t]*$");

    private final HeadingParser.Factory flexmark = new HeadingParser.Factory();

    /** Replaces flexmark's heading parser with this one in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HEADING_PARSER, false);
        return builder.customBlockParserFactory(new HeadingStartFactory());
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory heading = flexmark.apply(options);
        return (ParserState state, MatchedBlockParser matched) -> {
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            if (start >= line.length()) {
                return BlockStart.none();
            }
            char first = line.charAt(start);
            boolean candidate = first == '#' ? ATX.matcher(line.subSequence(start)).find()
                    : (first == '=' || first == '-') && SETEXT.matcher(line.subSequence(start)).find();
            return candidate ? heading.tryStart(state, matched) : BlockStart.none();
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
}
