package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * One of flexmark's own block start factories, asked only about the lines {@link #mayStart}
 * lets through; in every other respect (its order among the parsers, its lead-in handling) it is
 * flexmark's factory, so it can stand in the place of the one it replaces.
 */
abstract class ScreenedStartFactory implements CustomBlockParserFactory {
    private final CustomBlockParserFactory flexmark;

    ScreenedStartFactory(CustomBlockParserFactory flexmark) {
        this.flexmark = flexmark;
    }

    /** Whether flexmark's factory is asked about the current line at all. */
    abstract boolean mayStart(ParserState state, MatchedBlockParser matched);

    /** The matched parser flexmark's factory is shown for the current line: {@code matched}, unless overridden. */
    MatchedBlockParser shown(ParserState state, MatchedBlockParser matched) {
        return matched;
    }

    /** What the factory answers for a line flexmark's factory answered {@code start} for: that, unless overridden. */
    BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
        return start;
    }

    /**
     * A factory for one document, which makes flexmark's at the first line it lets through:
     * flexmark's heading factory compiles its patterns as it is made, and most documents (an
     * excerpt, a page without code) never ask some of these factories about any line.
     */
    @Override
    public final BlockParserFactory apply(DataHolder options) {
        return new BlockParserFactory() {
            private BlockParserFactory screened;

            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                if (!mayStart(state, matched)) {
                    return BlockStart.none();
                }
                if (screened == null) {
                    screened = flexmark.apply(options);
                }
                return started(screened.tryStart(state, shown(state, matched)), state, matched);
            }
        };
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return KramdownLazyContainers.withReplacements(flexmark.getAfterDependents());
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return KramdownLazyContainers.withReplacements(flexmark.getBeforeDependents());
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
