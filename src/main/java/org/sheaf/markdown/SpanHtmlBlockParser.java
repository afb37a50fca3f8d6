package org.sheaf.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <div markdown="span">} ... {@code </div>} as kramdown does: what stands between
 * the tags, blank lines and all, is one text of Markdown spans, never blocks. Only a
 * block-level element at the margin of the page (outside any block quote or list item), holding
 * no element of its name, whose closing tag ends a line is read so; any other is raw HTML as
 * before ({@link KramdownHtmlBlockParser}).
 */
final class SpanHtmlBlockParser extends AbstractBlockParser {
    private static final Pattern OPENING = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)(\\s[^>]*?)?\\s+markdown\\s*=\\s*(?:\"span\"|'span'|span)([^>]*)>");

    private final SpanHtmlBlock block;
    /** Where the line holding the closing tag ends in the document. */
    private final int lastLineEnd;

    private SpanHtmlBlockParser(SpanHtmlBlock block, int lastLineEnd) {
        this.block = block;
        this.lastLineEnd = lastLineEnd;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        BasedSequence line = state.getLine();
        return line.getStartOffset() < lastLineEnd ? BlockContinue.atIndex(line.length()) : BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {
    }

    /**
     * The spans of the element's content, with the white space flexmark's inline parser passes
     * over or writes as one line break (a blank line, the line break right after the opening
     * tag, a line's indent) kept as text: kramdown writes the content as it stands but for its
     * spans.
     */
    @Override
    public void parseInlines(InlineParser inlineParser) {
        BasedSequence content = block.content();
        inlineParser.parse(content, block);
        int at = keepSpaces(block, content, content.getStartOffset());
        if (content.getEndOffset() > at && content.baseSubSequence(at, content.getEndOffset()).isBlank()) {
            block.appendChild(new Text(content.baseSubSequence(at, content.getEndOffset())));
        }
    }

    /**
     * Puts the white space before each span under {@code parent} that the parser passed over
     * back as text, from {@code at} on; a line break becomes its text. Returns where the spans end.
     */
    private static int keepSpaces(Node parent, BasedSequence content, int at) {
        Node next;
        for (Node span = parent.getFirstChild(); span != null; span = next) {
            next = span.getNext();
            if (span.getStartOffset() > at && content.baseSubSequence(at, span.getStartOffset()).isBlank()) {
                span.insertBefore(new Text(content.baseSubSequence(at, span.getStartOffset())));
            }
            at = Math.max(at, span.getStartOffset());
            if (span.hasChildren()) {
                at = keepSpaces(span, content, at);
            } else if (span instanceof SoftLineBreak) {
                span.insertBefore(new Text(span.getChars()));
                span.unlink();
            }
            at = Math.max(at, span.getEndOffset());
        }
        return at;
    }

    /**
     * The offset in {@code all} where the closing tag of the element {@code name} opened before
     * {@code from} starts, elements of that name inside counted, or -1 when it has none.
     */
    private static int closingTag(BasedSequence all, String name, int from) {
        String quoted = Pattern.quote(name);
        Matcher tags = Pattern.compile("<(/?)" + quoted + "(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE)
                .matcher(all).region(from, all.length());
        int depth = 0;
        while (tags.find()) {
            if (tags.group(1).isEmpty()) {
                depth++;
            } else if (depth-- == 0) {
                return tags.start();
            }
        }
        return -1;
    }

    /**
     * Whether an element named {@code name} opens between {@code from} and {@code to}: kramdown
     * then reads the span text to the first closing tag and what follows anew, which is left to
     * the raw HTML reading.
     */
    private static boolean nested(BasedSequence all, String name, int from, int to) {
        return Pattern.compile("<" + Pattern.quote(name) + "[\\s>/]", Pattern.CASE_INSENSITIVE).matcher(all).region(from, to).find();
    }

    /** Registers the parser with flexmark, ahead of the other HTML block parsers. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            // at the margin: in no container but a list the line leaves (which flexmark keeps open
            // to the end of the line), or under a paragraph there; a block-level element, as a
            // line that starts with a span-level one is a paragraph in kramdown
            BasedSequence line = state.getLine();
            Block container = matched.getBlockParser().getBlock();
            if (container instanceof Paragraph paragraph && KramdownHtmlBlockParser.endsLazyLines(line)) {
                container = (Block) paragraph.getParent();
            }
            if (state.getIndex() != 0 || state.getIndent() != 0 || !(container instanceof Document || container instanceof ListBlock)
                    || !KramdownHtmlBlockParser.startsBlockTag(line, 0)) {
                return BlockStart.none();
            }
            Matcher m = OPENING.matcher(line);
            if (!m.lookingAt()) {
                return BlockStart.none();
            }
            BasedSequence all = line.getBaseSequence();
            int contentStart = line.getStartOffset() + m.end();
            int closing = closingTag(all, m.group(1), contentStart);
            if (closing < 0 || nested(all, m.group(1), contentStart, closing)) {
                return BlockStart.none();
            }
            Matcher close = Pattern.compile("</" + Pattern.quote(m.group(1)) + "\\s*>[ \\t]*(?:\\r?\\n|$)", Pattern.CASE_INSENSITIVE)
                    .matcher(all).region(closing, all.length());
            if (!close.lookingAt()) {
                return BlockStart.none();
            }
            String before = m.group(2) == null ? "" : m.group(2);
            SpanHtmlBlock node = new SpanHtmlBlock(all.subSequence(line.getStartOffset(), close.end()).trimEnd(), m.group(1),
                    "<" + m.group(1) + before + m.group(3) + ">", all.subSequence(contentStart, closing));
            return BlockStart.of(new SpanHtmlBlockParser(node, close.end())).atIndex(line.length());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(MarkdownHtmlBlockParser.Factory.class);
        }
    }
}
