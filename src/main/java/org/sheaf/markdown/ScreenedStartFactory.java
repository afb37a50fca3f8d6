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

    /** What the factory answers for a line flexmark's factory answered {@code start} for: that, unless overridden. */
    BlockStart started(BlockStart start, ParserState state) {
        return start;
    }

    @Override
    public final BlockParserFactory apply(DataHolder options) {
        BlockParserFactory screened = flexmark.apply(options);
        return (ParserState state, MatchedBlockParser matched) ->
                mayStart(state, matched) ? started(screened.tryStart(state, matched), state) : BlockStart.none();
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
