package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's HTML block parser, held to the lines that start HTML blocks in kramdown.
 *
 * <p>A {@code <script>} line does not interrupt a paragraph. CommonMark starts an HTML block at
 * {@code <script} even inside a paragraph; kramdown ends a paragraph lazily at block-level HTML
 * but exempts {@code script} along with the span-level elements, so the script tag jekyll-gist
 * writes on the line after a sentence stays in that sentence's paragraph.
 *
 * <p>Nor does a comment: kramdown ends a paragraph only at an element's tag, so an excerpt
 * separator written as {@code <!--more-->} on the line after a sentence stays in its paragraph, as
 * the sentence after it does. A comment after spaces starts a paragraph too, as does one never
 * closed. And {@code <?php ... ?>}, {@code <!DOCTYPE ...>} and
 * {@code <![CDATA[...]]>} never start an HTML block, which kramdown's parser has no place for:
 * they are a paragraph's text, as is a tag kramdown does not read as one ({@code <div class=&amp;>},
 * whose bare value is not a word). Nor does a closing tag: {@link KramdownHtmlBlockParser} reads the
 * ones that close an element, and any other is a paragraph's text in kramdown.
 */
final class HtmlBlockStartFactory extends ScreenedStartFactory {
    private static final Pattern TAG_NAME = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern SCRIPT = Pattern.compile("^<script(?:[\\s>]|$)", Pattern.CASE_INSENSITIVE);

    private HtmlBlockStartFactory() {
        super(new HtmlBlockParser.Factory());
    }

    /** Replaces flexmark's HTML block parser with this one in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HTML_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new HtmlBlockStartFactory());
    }

    /** Whether {@code line} from {@code start} opens a script element. */
    static boolean opensScript(BasedSequence line, int start) {
        return start < line.length() && line.charAt(start) == '<' && SCRIPT.matcher(line.subSequence(start)).find();
    }

    /**
     * Where the {@code -->} that ends the comment starting at {@code from} in {@code text}, the
     * document's text, stands, or -1 where none does in the text kramdown reads the comment in:
     * the lines that go on {@code container} and the quotes and list items around it. kramdown
     * reads each item's and quote's lines as a text of their own, so a {@code -->} in the next
     * item does not end a comment left open in this one, which is then a paragraph's text.
     */
    static int commentEnd(Node container, BasedSequence text, int from) {
        int close = text.indexOf("-->", from + 4);
        if (close < 0 || !container.isOrDescendantOfType(BlockQuote.class, ListItem.class)) {
            return close;
        }
        for (int line = KramdownFrames.lineEnd(text, from) + 1, lineEnd; line <= close; line = lineEnd + 1) {
            lineEnd = KramdownFrames.lineEnd(text, line);
            if (!goesOn(container, text, line, lineEnd)) {
                return -1;
            }
        }
        return close;
    }

    /**
     * Whether the line from {@code lineStart} to {@code lineEnd} lacks {@code quote}'s {@code >};
     * false where the containers around the quote do not tell ({@link KramdownFrames#of}).
     */
    private static boolean leaves(BlockQuote quote, BasedSequence text, int lineStart, int lineEnd) {
        return quote.getParent() != null && KramdownFrames.of(quote.getParent(), text, lineStart, lineEnd) != null
                && KramdownFrames.markerOf(quote, text, lineStart, lineEnd) < 0;
    }

    /**
     * Whether the line from {@code lineStart} to {@code lineEnd} goes on every quote and list
     * item from {@code container} out: it has each quote's {@code >} ({@link #leaves}), and is
     * blank or has each item's indentation ({@link KramdownFrames#lazyLine}), as a block of HTML needs.
     */
    private static boolean goesOn(Node container, BasedSequence text, int lineStart, int lineEnd) {
        boolean blank = text.subSequence(lineStart, lineEnd).isBlank();
        for (Node node = container; node != null; node = node.getParent()) {
            if (node instanceof BlockQuote quote && leaves(quote, text, lineStart, lineEnd)
                    || node instanceof ListItem item && !blank && KramdownFrames.lazyLine(item, text, lineStart, lineEnd)) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean mayStart(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int start = state.getNextNonSpaceIndex();
        if (start + 1 >= line.length() || line.charAt(start) != '<') {
            return true;
        }
        char next = line.charAt(start + 1);
        if (next == '?' || next == '/' || next == '!' && !line.subSequence(start).startsWith("<!--")) {
            return false;
        }
        if (next == '!') {
            // a comment under a paragraph's text, a list item's included, continues that text;
            // kramdown reads a comment as a block only where it starts its line, unindented,
            // and only one that ends: an unclosed <!-- is a paragraph's text
            return state.getIndent() == 0
                    && !matched.getBlockParser().isParagraphParser() && !state.getActiveBlockParser().isParagraphParser()
                    && commentEnd(matched.getBlockParser().getBlock(), line.getBaseSequence(), line.getStartOffset() + start) >= 0;
        }
        Matcher tag = TAG_NAME.matcher(line.subSequence(start));
        boolean named = tag.lookingAt();
        CharSequence text = line.getBase() instanceof String s ? s : line.getBaseSequence();
        if (named && !KramdownTags.OPEN_TAG.matcher(text).region(line.getStartOffset() + start, text.length()).lookingAt()) {
            // kramdown starts raw HTML only at a whole tag as it reads one: <style class=&lt;>,
            // whose bare value is not a word, is a paragraph's text
            return false;
        }
        if (named && KramdownHtmlBlockParser.SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))) {
            // CommonMark starts a block at <option>; kramdown reads it, as every span-level
            // element, in a paragraph (a <select> over lines keeps its options)
            return false;
        }
        return !(matched.getBlockParser().isParagraphParser() && opensScript(line, start));
    }
}
