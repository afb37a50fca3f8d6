package org.sheaf.markdown;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers an inline parser extension with flexmark for the characters it starts at, ahead of
 * the factories named in {@code before}, if any. flexmark orders extension factories by their
 * class and keeps one of each, so each extension still has its own small subclass; only the
 * registration is shared.
 */
abstract class CharacterParserFactory implements InlineParserExtensionFactory {
    private final String characters;
    private final Supplier<InlineParserExtension> extension;
    private final Set<Class<?>> before;

    CharacterParserFactory(String characters, Supplier<InlineParserExtension> extension) {
        this(characters, extension, null);
    }

    CharacterParserFactory(String characters, Supplier<InlineParserExtension> extension, Set<Class<?>> before) {
        this.characters = characters;
        this.extension = extension;
        this.before = before;
    }

    @Override
    public final CharSequence getCharacters() {
        return characters;
    }

    @Override
    public final InlineParserExtension apply(LightInlineParser parser) {
        return extension.get();
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return before;
    }

    @Override
    public final boolean affectsGlobalScope() {
        return false;
    }
}
