package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;

/**
 * A factory of one of sheaf's own kramdown blocks, asked at each line whether its block starts
 * there ({@link #tryStart}). By default flexmark may ask it in any order among its block parsers;
 * a factory that must keep a place among them names the parsers it comes after or before. Its
 * blocks change nothing outside themselves.
 */
abstract class BlockStartFactory implements CustomBlockParserFactory {
    @Override
    public final BlockParserFactory apply(DataHolder options) {
        return new AbstractBlockParserFactory(options) {
            @Override
            public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                return BlockStartFactory.this.tryStart(state, matched);
            }
        };
    }

    /** The block starting at the state's line, or {@link BlockStart#none()}. */
    abstract BlockStart tryStart(ParserState state, MatchedBlockParser matched);

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public final boolean affectsGlobalScope() {
        return false;
    }
}
