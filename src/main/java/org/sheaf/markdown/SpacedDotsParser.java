package org.sheaf.markdown;

import com.vladsch.flexmark.ext.typographic.internal.SmartsInlineParser;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Keeps {@code . . .} as written: kramdown makes an ellipsis of {@code ...} only, where
 * flexmark's typographic extension also takes the spaced dots. Runs before that extension and
 * keeps one dot at a time, so that a last dot of spaced ones that starts {@code ...} is read
 * by it as kramdown reads it: {@code . . ....} is {@code . . ….}, the first three of the four.
 */
final class SpacedDotsParser implements InlineParserExtension {
    private static final String DOTS = ". . .";

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int index = parser.getIndex();
        if (!input.subSequence(index, Math.min(input.length(), index + DOTS.length())).matches(DOTS)) {
            return false;
        }
        parser.appendText(input, index, index + 1);
        parser.setIndex(index + 1);
        return true;
    }

    /** Registers the parser for the {@code .} character, ahead of flexmark's typographic one. */
    static final class Factory extends CharacterParserFactory {
        Factory() {
            super(".", SpacedDotsParser::new, Set.of(SmartsInlineParser.Factory.class));
        }
    }
}
