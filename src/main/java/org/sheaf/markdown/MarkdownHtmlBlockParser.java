package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <div markdown="1">} ... {@code </div>} (any tag, the opening tag first on its
 * line, the closing tag on a line of its own) as a container whose lines are Markdown, the way
 * kramdown does. Elements of the same name nested
 * inside are counted, so the right closing tag ends the block.
 */
final class MarkdownHtmlBlockParser extends AbstractBlockParser {
    private static final Pattern OPENING = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)(\\s[^>]*?)?\\s+markdown\\s*=\\s*(?:\"(1|block)\"|'(1|block)'|(1|block)(?!\\w))([^>]*)>\\s*");
    /**
     * kramdown's {@code parse_block_html}: an element of block-level HTML without a
     * {@code markdown} attribute reads its content as if it said {@code markdown="1"}.
     */
    static final DataKey<Boolean> PARSE_BLOCK_HTML = new DataKey<>("KRAMDOWN_PARSE_BLOCK_HTML", false);
    /** An opening tag, with its attributes in group 2, for {@link #PARSE_BLOCK_HTML}. */
    static final Pattern PLAIN_OPENING = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)(\\s[^>]*)?>\\s*");
    /** A {@code markdown} attribute, of any value, among the attributes of a tag. */
    static final Pattern ANY_MARKDOWN_ATTRIBUTE = Pattern.compile("(?:^|\\s)markdown\\s*=", Pattern.CASE_INSENSITIVE);

    /** The name of the element whose tag starts a line, opening or closing. */
    private static final Pattern LINE_TAG = Pattern.compile("</?([A-Za-z][\\w:-]*)");

    private final MarkdownHtmlBlock block;
    private final Pattern opens;
    private final Pattern closes;
    private int depth;
    private boolean ended;
    /** Where the closing tag ends in the document, once read. */
    private int closingEnd = -1;
    /**
     * Whether a paragraph follows the closing tag on its line, after a block of raw HTML inside
     * the element that ends there ({@code <foo>b</foo></div> text}): the element takes the lines
     * the paragraph goes on, which that block holds.
     */
    private boolean textAfter;
    /** Where the last line the block took ends in the document, before its closing tag is read. */
    private int lastLineEnd = -1;
    /**
     * Where the first part of a list item around the element ends ({@link KramdownListParts#partEnd}),
     * which ends an element still open, or the end of the document.
     */
    private final int partEnd;
    /**
     * Whether a closing tag of the element's name on a line of its own ends it: not so for a
     * span-level element, whose closing tag kramdown's block parser never reads as one.
     */
    private final boolean closable;

    private MarkdownHtmlBlockParser(MarkdownHtmlBlock block, int partEnd, boolean closable) {
        this.block = block;
        this.partEnd = partEnd;
        this.closable = closable;
        String name = Pattern.quote(block.tagName());
        this.opens = Pattern.compile("<" + name + "[\\s>]", Pattern.CASE_INSENSITIVE);
        this.closes = Pattern.compile("</" + name + "\\s*>", Pattern.CASE_INSENSITIVE);
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    /**
     * Once ended by a closing tag right after its opening tag with text after it, outside raw
     * HTML ({@code <div markdown="1"></div> text}), the element holds nothing: the blocks that
     * text starts go after it, as kramdown reads on there as at the start of a line.
     */
    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block child) {
        return !(ended && closingEnd >= 0 && !block.hasChildren());
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        BasedSequence line = state.getLine();
        String rest = line.subSequence(state.getIndex()).toString();
        String trimmed = rest.strip();
        if (ended || line.getStartOffset() >= partEnd) {
            return BlockContinue.none();
        }
        if (closingEnd >= 0) {
            // closed within a line that a block inside it took (closeAt)
            if (line.getStartOffset() >= closingEnd && !(textAfter && KramdownHtmlBlockParser.continuesTail(state))) {
                return BlockContinue.none();
            }
            lastLineEnd = line.getEndOffset();
            return BlockContinue.atIndex(state.getIndex());
        }
        List<MarkdownHtmlBlockParser> inside = openInside(state);
        int[] closings = closingRun(line.getBaseSequence(), line.getStartOffset() + state.getIndex(), inside);
        int closed = closings == null ? -1 : closings[inside.size()];
        if (closed >= 0 && !(inside.isEmpty() && KramdownHtmlBlockParser.restOfLineBlank(line.getBaseSequence(), closed))
                && !inside(inside).insideRawHtml(line.getStartOffset())) {
            // kramdown's block parser reads on right after the closing tags, as at the start of a
            // line, in the container around the element: each element ends with its closing tag,
            // and RestFactory reads on after this one's
            for (int i = 0; i < inside.size(); i++) {
                inside.get(i).closeAt(closings[i]);
            }
            ended = true;
            closingEnd = closed;
            block.setChars(block.getChars().baseSubSequence(block.getStartOffset(), closingEnd));
            return BlockContinue.none();
        }
        if (closable && depth == 0 && closes.matcher(trimmed).matches() && !insideRawHtml(line.getStartOffset())
                && !innerElementOpen(inside, line) && !insideSpanContent(state)) {
            // The closing tag's line reaches the children as a blank line, which closes them;
            // the block itself ends before the next line.
            ended = true;
            closingEnd = line.subSequence(state.getIndex()).trimEnd().getEndOffset();
            return BlockContinue.atIndex(line.length());
        }
        lastLineEnd = line.getEndOffset();
        if (!paragraphLine(trimmed)) {
            // tags of the element's name nest only in raw HTML: in a paragraph's text kramdown
            // reads them as spans, and a line of its closing tag ends this element
            depth += count(opens, rest) - count(closes, rest);
        }
        if (depth < 0) {
            depth = 0;
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    /**
     * Whether an element read as blocks is still open right inside this one at the start of
     * {@code line}, the first of {@code inside} ({@link #openInside}): kramdown's block parser
     * reads a closing tag as one only for the innermost element it is reading, so there the tag
     * is that element's text, and closes nothing.
     */
    private static boolean innerElementOpen(List<MarkdownHtmlBlockParser> inside, BasedSequence line) {
        return !inside.isEmpty() && inside.get(0).openAt(line);
    }

    /** Whether the element is still open at the start of {@code line}, before its parser reads it. */
    private boolean openAt(BasedSequence line) {
        return !ended && line.getStartOffset() < partEnd;
    }

    /**
     * The elements read as blocks open inside this one, outermost first, each the block the one
     * before it (or this one) holds last: those whose closing tags kramdown reads before this
     * one's, innermost first.
     */
    private List<MarkdownHtmlBlockParser> openInside(ParserState state) {
        List<BlockParser> active = state.getActiveBlockParsers();
        List<MarkdownHtmlBlockParser> inside = new ArrayList<>();
        Block outer = block;
        for (int i = active.indexOf(this) + 1; i < active.size(); i++) {
            if (!(active.get(i) instanceof MarkdownHtmlBlockParser element) || element.block.getParent() != outer) {
                break;
            }
            inside.add(element);
            outer = element.block;
        }
        return inside;
    }

    /** The innermost of {@code inside} ({@link #openInside}), or this element when none is open inside it. */
    private MarkdownHtmlBlockParser inside(List<MarkdownHtmlBlockParser> inside) {
        return inside.isEmpty() ? this : inside.get(inside.size() - 1);
    }

    /**
     * Where the closing tags end when the text from {@code at}, where a line's blocks start,
     * holds after white space the closing tags of the elements {@code inside} this one,
     * innermost first, then this one's, each after at most three spaces: those of the elements
     * inside in their order, then this one's. Null otherwise. kramdown's block parser ends each
     * element at its closing tag, and reads on right after them.
     */
    private int[] closingRun(CharSequence text, int at, List<MarkdownHtmlBlockParser> inside) {
        int tag = KramdownHtmlBlockParser.spacesEnd(text, at);
        int[] ends = new int[inside.size() + 1];
        for (int i = inside.size() - 1; i >= 0; i--) {
            ends[i] = inside.get(i).closingTagEnd(text, tag, inside.subList(i + 1, inside.size()));
            if (ends[i] < 0) {
                return null;
            }
            tag = KramdownHtmlBlockParser.blockStart(text, ends[i]);
        }
        ends[inside.size()] = closingTagEnd(text, tag, inside);
        return ends[inside.size()] < 0 ? null : ends;
    }

    /**
     * Where the element's closing tag that stands at {@code at} in {@code text} ends, or -1 when
     * none that closes the element stands there: kramdown's block parser reads it as the end of
     * the element wherever a block ends before it within a line (after at most three spaces), as
     * at the start of a line. The elements {@code inside} it close before it on that line: the
     * opening tags of those of its name count in its depth.
     */
    int closingTagEnd(CharSequence text, int at, List<MarkdownHtmlBlockParser> inside) {
        int sameName = 0;
        for (MarkdownHtmlBlockParser element : inside) {
            sameName += element.block.tagName().equalsIgnoreCase(block.tagName()) ? 1 : 0;
        }
        if (!closable || depth > sameName || closingEnd >= 0) {
            return -1;
        }
        Matcher m = closes.matcher(text).region(at, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * Ends the element at {@code closingEnd}, right after its closing tag, which a block inside
     * it read up to ({@link #closingTagEnd}): the lines before it go on the block inside.
     */
    void closeAt(int closingEnd) {
        closeAt(closingEnd, false);
    }

    /**
     * {@link #closeAt(int)}, where {@code textAfter} tells that a paragraph follows the closing
     * tag on its line, which the block of raw HTML inside that ends before the tag holds: the
     * element goes on over the lines of that paragraph, to hand them to the block.
     */
    void closeAt(int closingEnd, boolean textAfter) {
        this.closingEnd = closingEnd;
        this.textAfter = textAfter;
    }

    /**
     * Whether an element read as spans inside this one ({@link SpanHtmlBlockParser}) is still
     * reading its content at the state's line: kramdown reads that content up to the element's
     * own closing tag, or to the end of the text, this element's closing tag included.
     */
    private boolean insideSpanContent(ParserState state) {
        if (!(state.getActiveBlockParser() instanceof SpanHtmlBlockParser span) || !span.readsContent()) {
            return false;
        }
        for (Node node = span.getBlock().getParent(); node != null; node = node.getParent()) {
            if (node == block) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element ended with its closing tag on {@code line}, which it then took whole. */
    boolean endsOn(BasedSequence line) {
        return ended && closingEnd >= line.getStartOffset() && closingEnd <= line.getEndOffset();
    }

    /**
     * Whether raw HTML last in the element (at any depth) goes on over the line that starts at
     * {@code lineStart}: an element of it left open runs to the end of the text, and kramdown's
     * raw HTML parser reads a closing tag of another name there as text. Not so in a block quote,
     * whose text ends before such a line (its raw HTML runs to the end of the quote's text), nor
     * in a list item the line does not reach the text of: kramdown's item takes no lazy line that
     * starts with a closing tag, so the item's text, and its raw HTML, end before it. So too
     * after an element read as blocks inside raw HTML that it left open: the raw HTML parser
     * reads on after that element's closing tag.
     */
    private boolean insideRawHtml(int lineStart) {
        if (KramdownHtmlBlockParser.withoutBlankLines(block.getLastChild()) instanceof MarkdownHtmlBlock
                && KramdownHtmlBlockParser.leftOpen(block) != null) {
            return true;
        }
        BasedSequence text = block.getChars().getBaseSequence();
        for (Node last = block.getLastChild(); last != null && !(last instanceof BlockQuote); last = last.getLastChild()) {
            if (last instanceof ListItem item && KramdownFrames.lazyLine(item, text, lineStart, KramdownFrames.lineEnd(text, lineStart))) {
                return false;
            }
            if (last instanceof HtmlBlock raw && raw.getEndOffset() > lineStart) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code line}, without the spaces around it, is a paragraph's text to kramdown: it
     * starts with neither a tag nor one of a span-level element ({@code <em>}).
     */
    private static boolean paragraphLine(String line) {
        Matcher tag = LINE_TAG.matcher(line);
        return !tag.lookingAt() || KramdownHtmlBlockParser.SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The block's text runs to its closing tag, so that what stands under the element (an
     * attribute list for it, a blank line or none) is measured from there; that of an element
     * never closed runs over the last line it took, or to the end of the page, as kramdown reads
     * it to the end of the text around it, its blank lines included.
     */
    @Override
    public void closeBlock(ParserState state) {
        if (closingEnd >= 0) {
            block.setChars(block.getChars().baseSubSequence(block.getStartOffset(), closingEnd));
        } else {
            block.setUnclosed();
            BasedSequence source = block.getChars().getBaseSequence();
            int end = block.getParent() instanceof Document ? source.length() : lastLineEnd;
            if (end > block.getEndOffset()) {
                block.setChars(source.subSequence(block.getStartOffset(), end));
            }
        }
    }

    /**
     * The opening tag at {@code from} in {@code text}, matched by {@link #PLAIN_OPENING}, when it
     * has no {@code markdown} attribute and the site's {@code parse_block_html} reads it as if it
     * said {@code markdown="1"}; null otherwise.
     */
    static Matcher plainOpening(ParserState state, CharSequence text, int from) {
        if (!PARSE_BLOCK_HTML.get(state.getProperties())) {
            return null;
        }
        Matcher plain = PLAIN_OPENING.matcher(text).region(from, text.length());
        boolean unmarked = plain.lookingAt()
                && (plain.group(2) == null || !ANY_MARKDOWN_ATTRIBUTE.matcher(plain.group(2)).find());
        return unmarked ? plain : null;
    }

    /**
     * Reads on right after an element's closing tag that ends it within a line
     * ({@code </div> text}, {@code </div> <p>b</p>}), as kramdown's block parser does, as at
     * the start of a line: the blocks after it start there, in the container around the element.
     * So too after a block of raw HTML begun on an earlier line that ends within this one before
     * an element read as blocks ({@code </section> <div markdown="1">}), which the block hands
     * the rest of its line to.
     */
    static final class RestFactory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int at = line.getStartOffset() + state.getIndex();
            Node last = matched.getBlockParser().getBlock().getLastChild();
            boolean endsHere = last instanceof MarkdownHtmlBlock element && element.closed()
                    && element.getEndOffset() <= line.getEndOffset()
                    || last instanceof HtmlBlock raw && raw.getStartOffset() < line.getStartOffset()
                    && raw.getEndOffset() < line.getEndOffset();
            if (!endsHere || last.getEndOffset() <= at) {
                return BlockStart.none();
            }
            return BlockStart.of().atIndex(last.getEndOffset() - line.getStartOffset());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(Factory.class, KramdownHtmlBlockParser.Factory.class, HtmlBlockStartFactory.class);
        }
    }

    /** Registers the parser with flexmark, ahead of the plain HTML block parser. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            // inside raw HTML kramdown reads an element on a line indented four spaces or more
            // too: the spaces before it are the raw HTML's text
            if (state.getIndent() >= 4 && !(startsTag(state) && insideRaw(matched))) {
                return BlockStart.none();
            }
            Start start = startAt(state, matched, state.getIndex(), state.getNextNonSpaceIndex());
            return start == null ? BlockStart.none() : BlockStart.of(start.parser()).atIndex(start.index());
        }

        /** The parser of an element started, and the index of its line where its content starts. */
        record Start(MarkdownHtmlBlockParser parser, int index) {
        }

        /**
         * The element whose opening tag stands at {@code tagIndex} of the state's line, after the
         * spaces from {@code spacesIndex}, started in the matched container, or null
         * when kramdown reads no element there whose content is blocks. The tag may stand in the
         * middle of the line, where kramdown's block parser goes on after a block of raw HTML
         * that ended there ({@link KramdownHtmlBlockParser}).
         */
        static Start startAt(ParserState state, MatchedBlockParser matched, int spacesIndex, int tagIndex) {
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(tagIndex);
            Matcher m = OPENING.matcher(rest);
            String value;
            String opening;
            if (m.lookingAt()) {
                value = value(m);
                opening = "<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(6) + ">";
            } else if ((m = plainOpening(state, rest, 0)) != null) {
                value = "1";
                opening = "<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + ">";
            } else {
                return null;
            }
            if (!KramdownTags.opensMarkdownContent(line.getBaseSequence(), rest.getStartOffset())) {
                return null;
            }
            // a line that starts with a span-level element is a paragraph in kramdown, whose
            // element reads the attribute as span-level ones do (LeanInlineParser); inside raw
            // HTML, kramdown reads the content of one marked markdown="block" as blocks
            boolean spanLevel = KramdownHtmlBlockParser.SPAN_ELEMENTS.contains(m.group(1).toLowerCase(Locale.ROOT));
            if (spanLevel && !("block".equals(value) && insideRaw(matched))) {
                return null;
            }
            // an element without content, or closed in its own tag, has none to read as
            // Markdown (<img markdown="block" />): the raw HTML around reads it
            if (KramdownTags.empty(m.group(1).toLowerCase(Locale.ROOT)) || opening.endsWith("/>")) {
                return null;
            }
            // markdown="1" on an element whose content kramdown keeps raw (<pre>, <table>, an
            // unknown element) leaves it raw: the raw HTML block reads it
            if (!"block".equals(value) && !KramdownTags.blockContent(m.group(1))) {
                return null;
            }
            MarkdownHtmlBlock node = new MarkdownHtmlBlock(rest.subSequence(0, m.end()).trimEnd(), m.group(1), opening,
                    line.subSequence(spacesIndex, tagIndex).toString());
            BasedSequence text = line.getBaseSequence();
            MarkdownHtmlBlockParser parser = new MarkdownHtmlBlockParser(node,
                    KramdownListParts.partEnd(matched.getBlockParser().getBlock(), text, rest.getStartOffset(), text.length()),
                    !spanLevel);
            int contentStart = tagIndex + m.end();
            Matcher closing = parser.closes.matcher(line).region(contentStart, line.length());
            boolean closedRightAway = parser.closable && closing.lookingAt();
            boolean restBlank = closedRightAway && line.subSequence(closing.end()).isBlank();
            boolean raw = closedRightAway && insideRaw(matched);
            if (restBlank || raw) {
                // a closing tag right after the opening one closes the element, empty; inside
                // raw HTML, what follows it on the line is that raw HTML's text
                parser.ended = true;
                parser.closingEnd = line.getStartOffset() + closing.end();
                if (raw) {
                    node.setRawAfter(line.subSequence(closing.end()).trimEnd(CharPredicate.EOL).toString());
                }
                return new Start(parser, line.length());
            }
            if (closedRightAway) {
                // outside raw HTML the text after it is read as at the start of a line
                // (canContain puts what it starts after the element)
                parser.ended = true;
                parser.closingEnd = line.getStartOffset() + closing.end();
                return new Start(parser, closing.end());
            }
            // text after the opening tag on its line is the first line of the element's
            // Markdown, as kramdown reads it: a closing tag there is that text's, so an element
            // written on one line stays open
            return new Start(parser, contentStart);
        }

        /** Whether the rest of the state's line starts with {@code <}. */
        private static boolean startsTag(ParserState state) {
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            return at < line.length() && line.charAt(at) == '<';
        }

        /** Whether the line goes on raw HTML that left an element open before it in the matched container. */
        private static boolean insideRaw(MatchedBlockParser matched) {
            return KramdownHtmlBlockParser.leftOpen(matched.getBlockParser().getBlock()) != null;
        }

        /** The value of the {@code markdown} attribute {@link #OPENING} matched. */
        private static String value(Matcher m) {
            return m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(HtmlBlockStartFactory.class);
        }
    }
}
