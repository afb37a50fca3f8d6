package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kramdown span attribute lists ({@code {: .class}} right after a span), the
 * {@code {#id}} that may end a heading, and span extensions ({@link KramdownExtensionBlock#span}). Other braces stay text, so Liquid-looking
 * {@code {{ page.title }}} left in content is untouched.
 */
final class AttributeListSpanParser implements InlineParserExtension {
    /**
     * kramdown's {@code IAL_SPAN_START}: at least one character up to a {@code }} not escaped,
     * tried after the start or stop tag of an extension ({@code {::name}}, {@code {:/}}), which
     * it is not; so {@code {::}} and {@code {:: x}} are lists, {@code {:}} is text.
     */
    private static final Pattern SPAN_LIST = Pattern.compile(
            "^\\{:(?!:\\w+(?:\\s(?:\\\\}|[^}])*?)?/?}|/(?:\\w[\\w-]*)?})((?:\\\\}|[^}])+)}");
    /** The first character of an XML name, as REXML (and so kramdown) reads it. */
    private static final String NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D"
            + "\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD"
            + "\\x{10000}-\\x{EFFFF}";
    /** A heading's {@code {#id}}, its name an XML name, and the white space after it. */
    private static final Pattern HEADING_ID = Pattern.compile("\\{#([" + NAME_START + "][" + NAME_START
            + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*)}[ \\t]*");

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        if (parser.getBlock() instanceof Heading) {
            BasedSequence input = parser.getInput();
            int at = parser.getIndex();
            Matcher id = HEADING_ID.matcher(input).region(at, input.length());
            if (id.lookingAt() && endsHeadingLine(input, at, id.end())) {
                parser.flushTextNode();
                parser.getBlock().appendChild(new AttributeListSpan(input.subSequence(at, id.end()),
                        AttributeList.of(Map.of("id", id.group(1)), List.of()), true));
                parser.setIndex(id.end());
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

    /**
     * Whether the {@code {#id}} from {@code start} to {@code end} of a heading's text is the
     * heading's id by kramdown's rule, which it applies to the heading's line before it reads any
     * span or takes off closing {@code #}: white space before it, and nothing but white space
     * after it to the end of the line ({@code # x {#id} ##} is text).
     */
    private static boolean endsHeadingLine(BasedSequence text, int start, int end) {
        if (start == 0 || text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '\t') {
            return false;
        }
        BasedSequence all = text.getBaseSequence();
        for (int i = text.subSequence(end).getStartOffset(); i < all.length() && all.charAt(i) != '\n'; i++) {
            char c = all.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\u000B' && c != '\0') {
                return false;
            }
        }
        return true;
    }

    /** Registers the parser with flexmark for the {@code {} character. */
    static final class Factory extends CharacterParserFactory {
        Factory() {
            super("{", AttributeListSpanParser::new);
        }
    }
}
