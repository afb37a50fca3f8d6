package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads kramdown span attribute lists ({@code {: .class}} right after a span), the
 * {@code {#id}} that may end a heading, and span extensions ({@link KramdownExtensionBlock#span}). Other braces stay text, so Liquid-looking
 * {@code {{ page.title }}} left in content is untouched.
 */
final class AttributeListSpanParser implements InlineParserExtension {
    private static final Pattern SPAN_LIST = Pattern.compile("^\\{:(?![:/])([^}]*)}");
    private static final Pattern HEADING_ID = Pattern.compile("^\\{#([A-Za-z][\\w:-]*)}[ \\t]*$");

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        if (parser.getBlock() instanceof Heading) {
            BasedSequence[] id = parser.matchWithGroups(HEADING_ID);
            if (id != null) {
                parser.flushTextNode();
                parser.getBlock().appendChild(new AttributeListSpan(id[0],
                        AttributeList.of(Map.of("id", id[1].toString()), List.of()), true));
                return true;
            }
        }
        KramdownExtensionBlock.Span extension = KramdownExtensionBlock.span(
                parser.getInput().subSequence(parser.getIndex()));
        if (extension != null) {
            parser.flushTextNode();
            parser.getBlock().appendChild(extension);
            parser.setIndex(parser.getIndex() + extension.getChars().length());
            return true;
        }
        BasedSequence[] list = parser.matchWithGroups(SPAN_LIST);
        if (list == null) {
            return false;
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(new AttributeListSpan(list[0], AttributeList.parse(list[1].toString()), false));
        return true;
    }

    /** Registers the parser with flexmark for the {@code {} character. */
    static final class Factory extends CharacterParserFactory {
        Factory() {
            super("{", AttributeListSpanParser::new);
        }
    }
}
