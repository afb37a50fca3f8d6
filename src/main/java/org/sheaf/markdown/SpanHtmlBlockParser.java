package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <div markdown="span">} ... {@code </div>} as kramdown does: what stands between
 * the opening tag and the first closing tag of the element's name, blank lines and all, is one
 * text of Markdown spans, never blocks (the tag of a block-level element in it is text, so an
 * element of its own name does not nest). Text after the closing tag on its line starts a
 * paragraph, or raw HTML when it is block-level HTML. So reads a block-level element that starts
 * a line, at the margin or in a block quote or list item, or under a paragraph's text where
 * kramdown ends the paragraph (at the margin, its opening tag may run over lines, as kramdown
 * reads a tag up to its {@code >}); an element with no closing tag after it stays raw HTML
 * ({@link KramdownHtmlBlockParser}). A span-level element ({@code <span>}) starts a paragraph,
 * whose inline parser reads the attribute ({@link LeanInlineParser}).
 */
final class SpanHtmlBlockParser extends AbstractBlockParser {
    private static final Pattern OPENING = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)(\\s[^>]*?)?\\s+markdown\\s*=\\s*([\"']?)(span|1)\\3([^>]*)>");
    /** A line break and the white space around it, in a tag written over lines. */
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*\\r?\\n[ \\t]*");

    /** A line that starts with a closing tag. */
    private static final Pattern CLOSING_LINE = Pattern.compile(" {0,3}</[A-Za-z]");

    private final SpanHtmlBlock block;
    private final Pattern closing;
    /** The lines of the content, each without the marks of the containers on its line. */
    private final List<BasedSequence> content = new ArrayList<>();
    /** The text after the closing tag, and the lines that go on its paragraph. */
    private final List<BasedSequence> tail = new ArrayList<>();
    /** Where the content starts in the document when the opening tag ends on a later line than its own, or -1. */
    private int contentFrom = -1;
    /** Where the closing tag ends in the document, or -1 before it is read. */
    private int closingEnd = -1;
    /** Where block-level HTML after the closing tag ends in the document, or -1 for none. */
    private int tailHtmlEnd = -1;
    private Block tailBlock;
    private BasedSequence tailText;
    /**
     * Where the first part of a list item around the element ends ({@link KramdownListParts#partEnd}),
     * or the end of the document: kramdown reads the part as a text of its own, so the element
     * not closed before it ends there, and the second part's lines are the item's blocks.
     */
    private final int partEnd;

    private SpanHtmlBlockParser(SpanHtmlBlock block, int partEnd) {
        this.block = block;
        this.partEnd = partEnd;
        this.closing = Pattern.compile("</" + Pattern.quote(block.tagName()) + "\\s*>", Pattern.CASE_INSENSITIVE);
    }

    @Override
    public Block getBlock() {
        return block;
    }

    /** Whether the element's closing tag is still to come: the lines it takes are its content. */
    boolean readsContent() {
        return closingEnd < 0;
    }

    /** Every line up to the closing tag's; then the lines of a paragraph begun after the tag. */
    @Override
    public BlockContinue tryContinue(ParserState state) {
        // a line of a closing tag ends kramdown's paragraph, but it then starts one of its own,
        // which kramdown joins to the paragraph right before it
        BasedSequence line = state.getLine();
        boolean takes;
        if (closingEnd < 0) {
            takes = line.getStartOffset() < partEnd;
        } else if (tail.isEmpty()) {
            takes = false;
        } else if (tailHtmlEnd >= 0) {
            takes = line.getStartOffset() < tailHtmlEnd;
        } else {
            takes = KramdownHtmlBlockParser.continuesTail(state)
                    || CLOSING_LINE.matcher(line.subSequence(state.getIndex())).lookingAt();
        }
        return takes ? BlockContinue.atIndex(state.getIndex()) : BlockContinue.none();
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        if (closingEnd >= 0) {
            tail.add(line);
            return;
        }
        if (contentFrom >= 0) {
            // the rest of an opening tag written over lines
            if (line.getEndOffset() <= contentFrom) {
                return;
            }
            line = line.subSequence(Math.max(0, contentFrom - line.getStartOffset()));
            contentFrom = -1;
        }
        Matcher close = closing.matcher(line);
        if (!close.find()) {
            content.add(line);
            return;
        }
        content.add(line.subSequence(0, close.start()));
        closingEnd = line.getIndexOffset(close.end() - 1) + 1;
        BasedSequence rest = line.subSequence(close.end());
        if (!rest.isBlank()) {
            BasedSequence text = rest.trimStart();
            tail.add(text);
            if (startsHtml(text)) {
                tailHtmlEnd = KramdownHtmlBlockParser.blockHtmlEnd(text.getBaseSequence(), text.getStartOffset());
            }
        }
    }

    private static boolean startsHtml(BasedSequence text) {
        return KramdownHtmlBlockParser.startsBlockTag(text, 0);
    }

    /**
     * Sets the element's content and puts the block the text after its closing tag starts after
     * it. An element whose containers end before its closing tag holds all their lines, as
     * kramdown closes it at the end of their text.
     */
    @Override
    public void closeBlock(ParserState state) {
        BasedSequence all = block.getChars().getBaseSequence();
        int end = closingEnd >= 0 ? closingEnd
                : content.isEmpty() ? block.getEndOffset() : content.get(content.size() - 1).getEndOffset();
        block.setChars(all.subSequence(block.getStartOffset(), end).trimEnd());
        block.setContent(SegmentedSequence.create(block.getChars(), content));
        if (closingEnd < 0) {
            block.setUnclosed();
        }
        if (!tail.isEmpty()) {
            BasedSequence chars = all.subSequence(tail.get(0).getStartOffset(), tail.get(tail.size() - 1).getEndOffset())
                    .trimEnd();
            tailText = SegmentedSequence.create(chars, tail).trimEnd();
            if (tailHtmlEnd >= 0) {
                HtmlBlock html = new HtmlBlock(chars);
                BlockContent lines = new BlockContent();
                tail.forEach(line -> lines.add(line, 0));
                html.setContent(lines);
                tailBlock = html;
            } else {
                tailBlock = new Paragraph(chars);
            }
            block.insertAfter(tailBlock);
        }
    }

    /**
     * The spans of the element's content, with the white space flexmark's inline parser passes
     * over or writes as one line break (a blank line, the line break right after the opening
     * tag, a line's indent past its containers') kept as text: kramdown writes the content as it
     * stands but for its spans. Then the spans of the paragraph after the closing tag, or of
     * the elements that kramdown reads as spans inside the raw HTML there
     * ({@code </foo> <blockquote>x <strong markdown="1">*d*</strong>}).
     */
    @Override
    public void parseInlines(InlineParser inlineParser) {
        parseSpans(inlineParser, block.content(), block);
        if (tailBlock instanceof Paragraph paragraph) {
            inlineParser.parse(tailText, paragraph);
        } else if (tailBlock instanceof HtmlBlock html) {
            KramdownHtmlBlockParser.parseSpanContents(html, inlineParser);
        }
    }

    /**
     * Parses {@code text}, the content of an element kramdown reads as Markdown spans, into the
     * spans under {@code parent}, with the white space the parser passes over kept as text
     * ({@link #keepSpaces}), that at the end included.
     */
    static void parseSpans(InlineParser inlineParser, BasedSequence text, Node parent) {
        inlineParser.parse(text, parent);
        int at = keepSpaces(parent, text, 0);
        if (text.length() > at && text.subSequence(at).isBlank()) {
            parent.appendChild(new Text(text.subSequence(at)));
        }
    }

    /**
     * Puts the white space before each span under {@code parent} that the parser passed over
     * back as text, from index {@code at} of {@code content} on; a line break becomes its text.
     * Returns the index where the spans end.
     */
    private static int keepSpaces(Node parent, BasedSequence content, int at) {
        Node next;
        for (Node span = parent.getFirstChild(); span != null; span = next) {
            next = span.getNext();
            int start = indexOf(content, span.getStartOffset());
            if (start > at && content.subSequence(at, start).isBlank()) {
                span.insertBefore(new Text(content.subSequence(at, start)));
            }
            at = Math.max(at, start);
            if (span.hasChildren()) {
                at = keepSpaces(span, content, at);
            } else if (span instanceof SoftLineBreak) {
                span.insertBefore(new Text(span.getChars()));
                span.unlink();
            }
            at = Math.max(at, indexOf(content, span.getEndOffset()));
        }
        return at;
    }

    /**
     * The index of {@code content}, a text of lines cut from the document, at which the
     * document's offset {@code offset} stands, or the next index past it when the offset lies
     * between two lines (in the marks of a container).
     */
    private static int indexOf(BasedSequence content, int offset) {
        int low = 0;
        int high = content.length();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (content.getIndexOffset(middle) < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Registers the parser with flexmark, ahead of the other HTML block parsers. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            // a block-level element, as a line that starts with a span-level one is a paragraph
            // in kramdown; at the start of a block, or under a paragraph's text, which kramdown
            // ends at block-level HTML
            BasedSequence line = state.getLine();
            int index = state.getNextNonSpaceIndex();
            BlockParser open = matched.getBlockParser();
            // a span-level element too where raw HTML an element read as Markdown cut short is
            // still open, as kramdown's raw HTML parser reads the markdown attribute of any element
            if (state.getIndent() >= 4 || !(KramdownHtmlBlockParser.startsBlockTag(line, index)
                    || open.getBlock() instanceof Document && line.indexOf('>', index) < 0
                            && KramdownHtmlBlockParser.startsBlockTag(line.getBaseSequence(), line.getStartOffset() + index)
                    || open.isContainer() && KramdownHtmlBlockParser.leftOpen(open.getBlock()) != null)
                    || !(open.isContainer() || open.isParagraphParser()
                            && KramdownHtmlBlockParser.endsLazyLines(line.subSequence(state.getIndex())))) {
                return BlockStart.none();
            }
            BasedSequence all = line.getBaseSequence();
            Matcher m = OPENING.matcher(line).region(index, line.length());
            int tagStart = line.getStartOffset() + index;
            int contentStart;
            String value;
            String after;
            Matcher plain = null;
            if (m.lookingAt()) {
                contentStart = line.getStartOffset() + m.end();
            } else if ((plain = MarkdownHtmlBlockParser.plainOpening(state, line, index)) != null) {
                // parse_block_html: the element reads its content as with markdown="1"
                m = plain;
                contentStart = line.getStartOffset() + plain.end();
            } else {
                m = brokenOpening(all, tagStart, open);
                if (m == null) {
                    return BlockStart.none();
                }
                contentStart = tagStart + m.end();
            }
            if (m == plain) {
                value = "1";
                after = "";
                // the opening tag's own pattern ends in white space, which is the content's
                contentStart = line.getStartOffset() + line.indexOf('>', index) + 1;
            } else {
                value = m.group(4);
                after = m.group(5);
            }
            if (value.equals("1") && !KramdownTags.spanContent(m.group(1))
                    || !KramdownTags.opensMarkdownContent(all, tagStart)) {
                return BlockStart.none();
            }
            // kramdown writes the name of an HTML element in lower case
            String name = KramdownNodeRenderer.BLOCK_ELEMENTS.contains(m.group(1).toLowerCase(Locale.ROOT))
                    ? m.group(1).toLowerCase(Locale.ROOT) : m.group(1);
            String before = m.group(2) == null ? "" : m.group(2);
            if (contentStart > line.getEndOffset()) {
                // kramdown writes the attributes of a tag it read over lines on its one line
                before = before.isBlank() ? "" : LINE_BREAK.matcher(before).replaceAll(" ");
                after = LINE_BREAK.matcher(after).replaceAll(" ");
            }
            SpanHtmlBlock node = new SpanHtmlBlock(all.subSequence(tagStart, contentStart), name, "<" + name + before + after + ">",
                    line.subSequence(state.getIndex(), index).toString());
            SpanHtmlBlockParser parser = new SpanHtmlBlockParser(node,
                    KramdownListParts.partEnd(open.getBlock(), all, tagStart, all.length()));
            if (contentStart > line.getEndOffset()) {
                parser.contentFrom = contentStart;
                return BlockStart.of(parser).atIndex(line.length());
            }
            return BlockStart.of(parser).atIndex(contentStart - line.getStartOffset());
        }

        /**
         * The opening tag with {@code markdown="span"} that starts at {@code tagStart} and ends
         * on a later line, matched from its start, or null. kramdown reads a tag over lines up to
         * its {@code >}, blank lines and all; here only at the margin, outside any quote or item,
         * whose marks would stand in the tag's lines.
         */
        private static Matcher brokenOpening(BasedSequence all, int tagStart, BlockParser open) {
            if (!(open.getBlock() instanceof Document)) {
                return null;
            }
            int close = all.indexOf('>', tagStart);
            if (close < 0) {
                return null;
            }
            String tag = all.subSequence(tagStart, close + 1).toString();
            if (tag.indexOf('\n') < 0) {
                return null;
            }
            Matcher m = OPENING.matcher(tag);
            return m.matches() ? m : null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(MarkdownHtmlBlockParser.Factory.class);
        }
    }
}
