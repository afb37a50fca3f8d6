package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import java.util.Set;

/**
 * A factory of one of sheaf's own kramdown blocks that flexmark may ask in any order among its
 * block parsers: it names no parser it must come before or after, and its blocks change nothing
 * outside themselves.
 */
abstract class UnorderedBlockFactory implements CustomBlockParserFactory {
    @Override
    public final Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public final boolean affectsGlobalScope() {
        return false;
    }
}
