package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers a paragraph pre-processor with flexmark to run after link reference definitions are
 * read, so a paragraph it looks at holds only the text left over. flexmark orders pre-processor
 * factories by their class and keeps one of each, so each pre-processor still has its own small
 * subclass; only the registration is shared.
 */
abstract class AfterReferencesFactory implements ParagraphPreProcessorFactory {
    private final Supplier<ParagraphPreProcessor> preProcessor;

    AfterReferencesFactory(Supplier<ParagraphPreProcessor> preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public final ParagraphPreProcessor apply(ParserState state) {
        return preProcessor.get();
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return Set.of(ReferencePreProcessorFactory.class);
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
