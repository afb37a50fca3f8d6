package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.markdown.KramdownLazyContainers.LazyContainer;

/**
 * HTML blocks as kramdown reads them: a line that starts with the opening tag of any element that
 * is not span-level ({@code div}, {@code figure}, {@code table}, a custom element...) starts raw
 * HTML that ends with the element's own closing tag, blank lines and Markdown-looking lines
 * included; nested elements must close first, as kramdown's raw HTML parser requires, and an
 * element never closed runs to the end of the document. CommonMark ends such a block at the first
 * blank line instead, which splits the output of Jekyll's {@code highlight} tag whenever the code
 * has a blank line.
 *
 * <p>Lines that start with a span-level element ({@code <span>}, {@code <a>}, {@code <img>},
 * {@code <em>}...) are left to the paragraph parser, so kramdown's {@code <p>} wraps them; the
 * renderer turns off flexmark's own blocks for such lines ({@code HTML_BLOCK_START_ONLY_ON_BLOCK_TAGS}).
 */
final class KramdownHtmlBlockParser extends AbstractBlockParser {
    private static final String NAME = KramdownTags.NAME;
    private static final Pattern OPEN_TAG = KramdownTags.OPEN_TAG;
    /** {@link #readWhileParsing}: what the finished blocks of runs of HTML blocks leave open. */
    private static final NullableDataKey<Map<Node, Deque<String>>> RUNS_READ = new NullableDataKey<>("SHEAF_KRAMDOWN_HTML_RUNS_READ");
    /** {@link #leftOpenAfter}: what the lines of paragraphs after an element inside raw HTML leave open. */
    private static final NullableDataKey<Map<Node, LinesRead>> PARAGRAPHS_READ = new NullableDataKey<>("SHEAF_KRAMDOWN_HTML_PARAGRAPHS_READ");
    private static final Pattern CLOSE_TAG = KramdownTags.CLOSE_TAG;
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile(
            "(?:^|\\s)markdown\\s*=\\s*(?:\"(1|block|span)\"|'(1|block|span)'|(1|block|span)\\b)");
    /** kramdown's span-level elements: a line starting with one of these is a paragraph. */
    static final Set<String> SPAN_ELEMENTS = Set.of("a", "abbr", "acronym", "b", "big", "bdo", "br",
            "button", "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd", "label", "mark",
            "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small", "span", "strong",
            "sub", "sup", "tt", "u", "var");
    /**
     * A line that ends a paragraph in kramdown's GFM parser: a heading, a block quote, a list
     * item, a code fence or an attribute list (or block-level HTML); a paragraph begun after an
     * element's closing tag stops there.
     */
    private static final Pattern PARAGRAPH_END = Pattern.compile(" {0,3}(?:#{1,6}[ \\t]|>|[-+*][ \\t]|\\d+\\.[ \\t]|```|~~~|\\{:)");
    /** As {@link #PARAGRAPH_END} for kramdown's own parser ({@code input: kramdown}): only an attribute list. */
    private static final Pattern OWN_PARAGRAPH_END = Pattern.compile(" {0,3}\\{:");

    private final HtmlBlockBase block;
    private BlockContent content = new BlockContent();
    /** Offset in the document just after the element's closing tag (or the comment's end). */
    private final int end;
    /**
     * Where text after the closing tag on the same line starts, or -1 when none follows it; or
     * after the closing tags of elements read as blocks around the block that follow it there
     * ({@link Factory#closeElementsAround}).
     */
    private int tailStart;
    /**
     * The outermost element read as blocks whose closing tag on the block's last line the text
     * from {@link #tailStart} follows, or null when the text follows the block itself: the
     * paragraph of that text stands after the element.
     */
    private Block tailAfter;
    /**
     * The lines of the paragraph after the closing tag, the first from {@link #tailStart}, each
     * without the markers of the quotes and the indent of the items around it: kramdown reads
     * the paragraph's text without them.
     */
    private final List<BasedSequence> tailLines = new ArrayList<>();
    /**
     * Whether the text after the closing tag is indented code: kramdown reads the rest of the
     * line as the next block, which a tab or four spaces right after the tag make code.
     */
    private final boolean codeTail;
    /** The lines of the code after the closing tag, each from its start in the document, with its line end. */
    private List<BasedSequence> codeLines;
    private Block tail;
    /** The text of the paragraph after the closing tag ({@link #tailLines}), when there is one. */
    private BasedSequence tailText;
    /**
     * Whether the block ends at {@link #end} within its last line, what follows there being
     * read apart ({@link Factory#closeElementsAround}): its content stops there.
     */
    private boolean endsWithinLine;

    /**
     * @param elementEnd where the element, the closing tag or the comment that starts the block ends
     * @param nextElementEnd where an element after it on its line ends ({@link #elementsOnLineEnd})
     */
    private KramdownHtmlBlockParser(HtmlBlockBase block, CharSequence source, int elementEnd, ToIntFunction<Matcher> nextElementEnd) {
        this.block = block;
        int end = elementsOnLineEnd(source, elementEnd, nextElementEnd);
        this.end = end;
        int at = spacesEnd(source, end);
        // a block cut short before an element read as Markdown ends where that element's line
        // starts: that line is the element's, no text after the block
        boolean follows = at < source.length() && source.charAt(at) != '\n' && source.charAt(at) != '\r'
                && (end == 0 || source.charAt(end - 1) != '\n');
        this.codeTail = follows && indentAt(source, end) > 0 && source.charAt(end - 1) != '\r';
        if (codeTail) {
            this.tailStart = end + indentAt(source, end);
            return;
        }
        // kramdown reads a comment as a block only where it stands right after the block before
        // it: after spaces it starts a paragraph (<!-- a --> <!-- b -->)
        boolean blockHtml = follows && startsBlockHtml(source, at) && (at == end || !startsWith(source, at, "<!--"));
        this.tailStart = follows && !blockHtml ? at : -1;
    }

    /**
     * Where the elements of block-level HTML that follow the element ending at {@code end} on its
     * line end ({@code <hr> <div>a</div> text}, or {@code <hr> <div>} with {@code </div>} on a
     * later line): kramdown reads each as the block after the one before it, its raw content over
     * as many lines as it runs, and the text after the last as a paragraph. {@code end} when none
     * follows, or one whose content kramdown reads as Markdown runs on over lines, which the block
     * keeps with the rest of its line.
     *
     * @param nextElementEnd where the element whose opening tag a matcher just matched ends
     */
    private static int elementsOnLineEnd(CharSequence source, int end, ToIntFunction<Matcher> nextElementEnd) {
        int last = end;
        int at = spacesEnd(source, last);
        Matcher tag = OPEN_TAG.matcher(source);
        while (last > 0 && source.charAt(last - 1) != '\n' && indentAt(source, last) == 0
                && startsBlockTag(source, at) && tag.region(at, source.length()).lookingAt()) {
            boolean markdown = KramdownTags.holdsContent(tag) && readsMarkdown(tag.group(1), tag.group(2));
            int next = nextElementEnd.applyAsInt(tag);
            if (next <= at || markdown && lineBreakBetween(source, at, next)) {
                return end;
            }
            last = next;
            at = spacesEnd(source, last);
        }
        return last;
    }

    /** Where the spaces and tabs from {@code from} in {@code text} end: kramdown's white space within a line. */
    static int spacesEnd(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** Where a block may start at {@code at} in {@code text}: after at most three spaces, kramdown's {@code OPT_SPACE}. */
    static int blockStart(CharSequence text, int at) {
        int spaces = 0;
        while (spaces < 3 && at + spaces < text.length() && text.charAt(at + spaces) == ' ') {
            spaces++;
        }
        return at + spaces;
    }

    /** Whether only spaces and tabs stand in {@code text} from {@code at} to the end of the line. */
    static boolean restOfLineBlank(CharSequence text, int at) {
        int end = spacesEnd(text, at);
        return end == text.length() || text.charAt(end) == '\n' || text.charAt(end) == '\r';
    }

    /** Whether a line break stands in {@code text} between {@code from} and {@code to}. */
    private static boolean lineBreakBetween(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The length of kramdown's indent of code ({@code INDENT}, a tab or four spaces) at
     * {@code at} in {@code text}, or 0 when none stands there.
     */
    static int indentAt(CharSequence text, int at) {
        if (at < text.length() && text.charAt(at) == '\t') {
            return 1;
        }
        return startsWith(text, at, "    ") ? 4 : 0;
    }

    /**
     * Whether a block-level element's opening or closing tag starts at {@code at} (not a comment):
     * kramdown ends a lazily continued block quote or paragraph at such a line.
     */
    static boolean startsBlockTag(CharSequence text, int at) {
        return at < text.length() && text.charAt(at) == '<' && !startsWith(text, at, "<!--") && startsBlockHtml(text, at);
    }

    /**
     * Whether block-level HTML starts at {@code at}: then kramdown reads another HTML block there,
     * which this block may as well keep, written as it is.
     */
    static boolean startsBlockHtml(CharSequence text, int at) {
        if (text.charAt(at) != '<') {
            return false;
        }
        if (startsWith(text, at, "<!--")) {
            return true;
        }
        Matcher tag = OPEN_TAG.matcher(text);
        Matcher close = CLOSE_TAG.matcher(text);
        String name = tag.region(at, text.length()).lookingAt() ? tag.group(1)
                : close.region(at, text.length()).lookingAt() ? close.group(1) : null;
        return name != null && !SPAN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Where the block-level HTML that a tag at {@code at} starts ({@link #startsBlockTag}) ends in
     * {@code text}: after the closing tag of the element it opens, or after the tag itself.
     */
    static int blockHtmlEnd(CharSequence text, int at) {
        Matcher tag = OPEN_TAG.matcher(text);
        if (tag.region(at, text.length()).lookingAt()) {
            return elementEnd(text, tag);
        }
        Matcher close = CLOSE_TAG.matcher(text);
        return close.region(at, text.length()).lookingAt() ? close.end() : at;
    }

    private static final Pattern LAZY_END_TAG = Pattern.compile(" {0,3}<(/)?(" + NAME + ")(\\s*>)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Whether {@code line} starts with a tag that ends lazy lines in kramdown (its
     * {@code LAZY_END_HTML_START} and {@code _STOP}): an opening or closing tag of an element that
     * is neither span-level nor {@code script}, after at most three spaces.
     */
    static boolean endsLazyLines(CharSequence line) {
        Matcher tag = LAZY_END_TAG.matcher(line);
        if (!tag.lookingAt() || tag.group(1) != null && tag.group(3) == null) {
            return false;
        }
        return endsLazyText(tag.group(2));
    }

    /**
     * Whether a tag of the element {@code name} may end kramdown's lazy lines and paragraphs: the
     * element is neither span-level nor {@code script} (its {@code LAZY_END_HTML_SPAN_ELEMENTS}).
     */
    private static boolean endsLazyText(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !SPAN_ELEMENTS.contains(lower) && !lower.equals("script");
    }

    @Override
    public Block getBlock() {
        return block;
    }

    /**
     * Lines up to the closing tag are the block's; when text follows the tag on its line, that
     * text and the lines after it, up to a blank line or a line that ends a paragraph, are a
     * paragraph of their own, as kramdown reads them; after a tab or four spaces they are
     * indented code ({@link #continuesCode}).
     */
    @Override
    public BlockContinue tryContinue(ParserState state) {
        BasedSequence line = state.getLine();
        if (line.getStartOffset() < end && elementAfterEnd(line)) {
            // the block takes its part of the line, and the element starts after it
            // (MarkdownHtmlBlockParser.RestFactory)
            content.add(line.subSequence(state.getIndex(), end - line.getStartOffset()), state.getIndent());
            return BlockContinue.none();
        }
        if (line.getStartOffset() < end && state.getIndex() == line.length() && !line.isBlank() && closedAround(state)) {
            // the raw HTML ended with a list item before the closing tag's line
            return BlockContinue.none();
        }
        if (line.getStartOffset() < end) {
            return BlockContinue.atIndex(state.getIndex());
        }
        if (tailStart < 0) {
            return BlockContinue.none();
        }
        return (codeTail ? continuesCode(state) : continuesTail(state)) ? BlockContinue.atIndex(state.getIndex()) : BlockContinue.none();
    }

    /**
     * Whether the block, begun on a line before {@code line}, ends within it followed by the
     * opening tag of an element whose content kramdown reads as blocks
     * ({@code </section> <div markdown="1">}): kramdown's block parser reads that element as
     * the block after the raw HTML, as on the block's first line ({@link Factory#elementAfter}).
     */
    private boolean elementAfterEnd(BasedSequence line) {
        if (!(block instanceof HtmlBlock) || tailStart >= 0 || codeTail || endsWithinLine || end >= line.getEndOffset()
                || block.getStartOffset() >= line.getStartOffset()) {
            return false;
        }
        CharSequence text = line.getBaseSequence();
        Matcher tag = OPEN_TAG.matcher(text);
        int at = blockStart(text, end);
        return at < line.getEndOffset() && tag.region(at, text.length()).lookingAt()
                && !SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))
                && KramdownTags.holdsContent(tag) && readsBlocks(tag.group(1), tag.group(2));
    }

    /**
     * Whether an element read as blocks around the block ended at the state's line, its closing
     * tag's ({@link MarkdownHtmlBlockParser#endsOn}): the element takes that line whole.
     */
    private boolean closedAround(ParserState state) {
        for (Node node = block.getParent(); node != null; node = node.getParent()) {
            if (node instanceof MarkdownHtmlBlock element && state.getActiveBlockParser(element) instanceof MarkdownHtmlBlockParser parser
                    && parser.endsOn(state.getLine())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the state's line goes on the code that a tab after an element's closing tag began,
     * as kramdown's {@code CODEBLOCK_MATCH} reads on: over indented lines, lazy lines that end no
     * lazy lines, and blank lines that more indented code follows (at the top of the document,
     * where the lines after them are read as they are written).
     */
    private boolean continuesCode(ParserState state) {
        BasedSequence rest = state.getLine().subSequence(state.getIndex());
        if (state.isBlank()) {
            return block.getParent() instanceof Document && indentedCodeAfterBlanks(rest.getBaseSequence(), rest.getStartOffset());
        }
        if (indentAt(rest, 0) > 0) {
            return true;
        }
        BasedSequence last = codeLines.get(codeLines.size() - 1);
        return !last.isBlank() && !LazyContainer.endsLazyLines(rest);
    }

    /** Whether, after the blank lines from {@code at}, {@code text} goes on with a line of indented code. */
    private static boolean indentedCodeAfterBlanks(CharSequence text, int at) {
        int line = at;
        while (line < text.length()) {
            int next = spacesEnd(text, line);
            if (next < text.length() && text.charAt(next) != '\n' && text.charAt(next) != '\r') {
                int indent = indentAt(text, line);
                return indent > 0;
            }
            line = next + 1;
        }
        return false;
    }

    /**
     * Whether the state's line goes on the paragraph that text after an element's closing tag
     * began: kramdown's GFM paragraph, which a blank line, a line that starts another block
     * ({@link #PARAGRAPH_END}) or an element's opening tag ({@link #opensBlockElement}) ends.
     * A fence's line that closes nothing ({@link KramdownFences#refused}) starts a paragraph in
     * kramdown, which it joins to the paragraph right before it, so it goes on the paragraph.
     */
    static boolean continuesTail(ParserState state) {
        BasedSequence line = state.getLine();
        Pattern end = MarkdownRenderer.GFM_INPUT.get(state.getProperties()) ? PARAGRAPH_END : OWN_PARAGRAPH_END;
        return !state.isBlank() && (!end.matcher(line.subSequence(state.getIndex())).lookingAt() || KramdownFences.refused(state))
                && !opensBlockElement(line.getBaseSequence(), line.getStartOffset() + state.getNextNonSpaceIndex());
    }

    /**
     * Whether the opening tag of an element that is neither span-level nor {@code script} starts at
     * {@code at} in {@code text}: such a line starts raw HTML after a paragraph's text, where a
     * comment or a closing tag that closes nothing goes on the paragraph, as in kramdown.
     */
    private static boolean opensBlockElement(CharSequence text, int at) {
        Matcher tag = OPEN_TAG.matcher(text);
        if (at >= text.length() || !tag.region(at, text.length()).lookingAt()) {
            return false;
        }
        return endsLazyText(tag.group(1));
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        if (state.isBlank() && inItemOutsideQuotes(block)) {
            // kramdown takes an item's indent off its lines but for those of white space only,
            // which raw HTML in the item keeps whole
            line = state.getLineWithEOL();
        }
        int start = line.getStartOffset();
        if (codeTail && line.getEndOffset() > end) {
            BasedSequence withEol = state.getLineWithEOL();
            if (codeLines == null) {
                codeLines = new ArrayList<>();
                if (start < end) {
                    content.add(line.subSequence(0, end - start), state.getIndent());
                }
                codeLines.add(withEol.baseSubSequence(tailStart, withEol.getEndOffset()));
            } else {
                codeLines.add(withEol.baseSubSequence(line.getStartOffset(), withEol.getEndOffset()));
            }
            return;
        }
        if (endsWithinLine && start < end && line.getEndOffset() > end) {
            content.add(line.subSequence(0, end - start), state.getIndent());
        } else if (line.getEndOffset() <= end || tailStart < 0) {
            content.add(line, state.getIndent());
        } else if (start < end) {
            content.add(line.subSequence(0, end - start), state.getIndent());
            tailLines.add(line.baseSubSequence(tailStart, line.getEndOffset()));
        } else {
            tailLines.add(line);
        }
    }

    /** Whether {@code node} stands in a list item, and in no block quote. */
    static boolean inItemOutsideQuotes(Node node) {
        boolean item = false;
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof BlockQuote) {
                return false;
            }
            item |= parent instanceof ListItem;
        }
        return item;
    }

    @Override
    public boolean isRawText() {
        return true;
    }

    @Override
    public void closeBlock(ParserState state) {
        block.setContent(content);
        content = null;
        if (codeLines != null) {
            tail = code(codeLines);
            block.insertAfter(tail);
        } else if (!tailLines.isEmpty()) {
            BasedSequence chars = block.getChars().getBaseSequence()
                    .subSequence(tailStart, tailLines.get(tailLines.size() - 1).getEndOffset()).trimEnd();
            tailText = SegmentedSequence.create(chars, tailLines).trimEnd();
            tail = new Paragraph(chars);
            (tailAfter == null ? block : tailAfter).insertAfter(tail);
        }
    }

    /**
     * The indented code of {@code lines} as kramdown writes it: each line without its indent, a
     * lazy line joined to the line before it by a space, and the blank lines at its end left out.
     */
    private static IndentedCodeBlock code(List<BasedSequence> lines) {
        while (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<BasedSequence> content = new ArrayList<>(lines.size());
        for (BasedSequence line : lines) {
            int indent = content.isEmpty() ? 0 : indentAt(line, 0);
            if (!content.isEmpty() && indent == 0 && !line.isBlank()) {
                KramdownIndentedCode.joinToLast(content, line);
            } else {
                content.add(line.subSequence(indent));
            }
        }
        IndentedCodeBlock code = new IndentedCodeBlock(lines.get(0).baseSubSequence(lines.get(0).getStartOffset(),
                lines.get(lines.size() - 1).getEndOffset()));
        code.setContent(content);
        return code;
    }

    /**
     * Parses the content of each element inside the raw HTML that kramdown reads as Markdown
     * spans ({@link SpanContent}) into a {@link RawHtmlSpans} under the block, in order; then the
     * spans of the paragraph after the closing tag.
     */
    @Override
    public void parseInlines(InlineParser inlineParser) {
        if (block instanceof HtmlBlock raw) {
            parseSpanContents(raw, inlineParser);
        }
        if (tail instanceof Paragraph) {
            inlineParser.parse(tailText, tail);
        }
    }

    /**
     * Parses the content of each element inside {@code block}, raw HTML, that kramdown reads as
     * Markdown spans ({@link SpanContent}) with {@code inlineParser} into a {@link RawHtmlSpans}
     * under the block, in order.
     */
    static void parseSpanContents(HtmlBlock block, InlineParser inlineParser) {
        BasedSequence html = block.getContentChars();
        for (SpanContent content : KramdownHtmlText.spanContents(html.toString())) {
            RawHtmlSpans spans = new RawHtmlSpans(html.subSequence(content.start(), content.end()));
            block.appendChild(spans);
            SpanHtmlBlockParser.parseSpans(inlineParser, spans.getChars(), spans);
        }
    }

    /**
     * Where the element whose opening tag {@code first} just matched ends in {@code text}: after
     * its closing tag, or at the end of the text when it has none. Comments and processing
     * instructions are skipped, nested elements must close before their parent, a stray closing
     * tag is text, and {@code script} or {@code style} content is not read as tags, all as
     * kramdown's raw HTML parser does.
     */
    private static int elementEnd(CharSequence text, Matcher first) {
        return elementEnd(text, first, false);
    }

    /**
     * {@link #elementEnd(CharSequence, Matcher)} for an element in a block quote when
     * {@code quoted}: a nested element whose content is read as Markdown may stand after the
     * quote's {@code >} on its line, which kramdown takes off before it reads the line.
     */
    private static int elementEnd(CharSequence text, Matcher first, boolean quoted) {
        Deque<String> elements = new ArrayDeque<>();
        return elementsEnd(text, afterOpening(text, first, elements), elements, quoted);
    }

    /**
     * Where raw HTML from {@code from} in {@code text} ends when {@code elements} (innermost first)
     * are open there: after the closing tag of the outermost, at the line of a nested element read
     * as blocks, or at the end of the text. {@code elements} is left with those still open. An
     * element read as spans ({@code <em markdown="1">}, {@code <td markdown="span">}) stays in the
     * raw HTML ({@link SpanContent}), with the text after it, as kramdown's raw HTML parser reads
     * on after its closing tag; so does one without content marked to read blocks
     * ({@code <br markdown="block">}).
     */
    private static int elementsEnd(CharSequence text, int from, Deque<String> elements, boolean quoted) {
        int at = from;
        Matcher open = OPEN_TAG.matcher(text);
        Matcher close = CLOSE_TAG.matcher(text);
        int length = text.length();
        while (!elements.isEmpty()) {
            at = indexOf(text, '<', at);
            if (at < 0) {
                return length;
            }
            if (startsWith(text, at, "<!--")) {
                int commentEnd = indexOf(text, "-->", at + 4);
                at = commentEnd < 0 ? at + 1 : commentEnd + 3;
            } else if (startsWith(text, at, "<?")) {
                int instructionEnd = indexOf(text, "?>", at + 2);
                at = instructionEnd < 0 ? at + 1 : instructionEnd + 2;
            } else if (open.region(at, length).lookingAt()) {
                int lineStart = lineStartBefore(text, at, quoted);
                String name = open.group(1);
                if (lineStart >= 0 && readsMarkdown(name, open.group(2)) && readsBlocks(name, open.group(2))
                        && KramdownTags.holdsContent(open)) {
                    // kramdown parses the content of a nested markdown="1" element as Markdown:
                    // the raw block ends before its line, which MarkdownHtmlBlockParser reads
                    return lineStart;
                }
                at = afterElementOrOpening(text, open, elements);
            } else if (close.region(at, length).lookingAt()) {
                if (closes(close.group(1), elements.peek())) {
                    elements.pop();
                }
                at = close.end();
            } else {
                at++;
            }
        }
        return at;
    }

    /**
     * Whether kramdown reads the content of the element {@code name} with the attributes
     * {@code attributes} as Markdown: {@code markdown="block"} or {@code "span"}, or
     * {@code markdown="1"} on an element of block or span content (on a {@code <pre>} or an
     * unknown element it keeps the content raw). Never that of {@code script} or {@code style},
     * whose content kramdown's raw HTML parser skips whole.
     */
    static boolean readsMarkdown(String name, String attributes) {
        String value = markdownValue(attributes);
        String lower = name.toLowerCase(Locale.ROOT);
        return value != null && !lower.equals("script") && !lower.equals("style")
                && (!value.equals("1") || KramdownTags.blockContent(name) || KramdownTags.spanContent(name));
    }

    /**
     * The content of an element inside raw HTML that kramdown reads as Markdown spans
     * ({@code markdown="span"}, or {@code markdown="1"} on an element of span content, such as
     * {@code x <em markdown="1">*y*</em>}): from the end of its opening tag to the first closing
     * tag of its name, in any case and whatever stands between (kramdown reads no tags there), or
     * to the end of the text when none follows. Offsets are those of the text the tag was matched in.
     *
     * @param start where the content starts
     * @param end where the content ends: at its closing tag, or at the end of the text
     * @param elementEnd where the element ends: after its closing tag, or at the end of the text
     */
    record SpanContent(int start, int end, int elementEnd) {
        /** The content of the element whose opening tag {@code open} just matched in {@code text}, or null when kramdown reads it otherwise. */
        static SpanContent of(CharSequence text, Matcher open) {
            if (!KramdownTags.holdsContent(open) || !readsMarkdown(open.group(1), open.group(2)) || readsBlocks(open.group(1), open.group(2))) {
                return null;
            }
            Matcher close = KramdownTags.closingAnyCase(open.group(1)).matcher(text).region(open.end(), text.length());
            return close.find() ? new SpanContent(open.end(), close.start(), close.end())
                    : new SpanContent(open.end(), text.length(), text.length());
        }
    }

    /**
     * The content of an element inside raw HTML that kramdown reads as blocks after other text on
     * its line ({@code x <div markdown="1">}, {@code x <em markdown="block">}). kramdown's block
     * parser goes on from right after the opening tag (and the line break, when only white space
     * follows the tag), as from the start of a line, over the rest of the text around it: only a
     * closing tag of the element's name at the start of a line ends it, and never that of a
     * span-level element, whose closing tags its block parser does not read. Offsets are those of
     * the text the tag was matched in.
     *
     * @param start where the content starts
     * @param end where the content ends: at the start of its closing tag's line, or at the end of the text
     * @param elementEnd where the element ends: after its closing tag, or at the end of the text
     */
    record BlocksContent(int start, int end, int elementEnd) {
        private static final Pattern TRAILING_WHITE_SPACE = Pattern.compile("[ \\t]*\\n");
        /** A closing tag at the start of a line, its name the group: what can end the content. */
        private static final Pattern CLOSE_AT_LINE_START = Pattern.compile("(?m)^ {0,3}</(" + NAME + ")\\s*>",
                Pattern.UNICODE_CHARACTER_CLASS);
        /** An opening tag at the start of a line, however far in, its name the group. */
        private static final Pattern OPEN_AT_LINE_START = Pattern.compile("(?m)^[ \\t]*<(" + NAME + ")[\\s>]",
                Pattern.UNICODE_CHARACTER_CLASS);

        /** The content of the element whose opening tag {@code open} just matched in {@code text}, or null when kramdown reads it otherwise. */
        static BlocksContent of(CharSequence text, Matcher open) {
            String name = open.group(1);
            if (!KramdownTags.holdsContent(open) || !readsMarkdown(name, open.group(2)) || !readsBlocks(name, open.group(2))
                    || lineStartBefore(text, open.start(), false) >= 0) {
                return null;
            }
            Matcher blank = TRAILING_WHITE_SPACE.matcher(text).region(open.end(), text.length());
            int start = blank.lookingAt() ? blank.end() : open.end();
            if (!SPAN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
                Matcher close = CLOSE_AT_LINE_START.matcher(text).region(start, text.length());
                Matcher nested = OPEN_AT_LINE_START.matcher(text).region(start, text.length());
                int opened = 0;
                Matcher lineClose = null;
                while (lineClose == null && close.find()) {
                    if (!closes(close.group(1), name)) {
                        continue;
                    }
                    // an element of its name that starts a line inside (one read as blocks in a
                    // list item, raw HTML) takes its own closing tag
                    while (nested.find() && nested.start() < close.start()) {
                        opened += nested.group(1).equalsIgnoreCase(name) ? 1 : 0;
                    }
                    nested.region(close.end(), text.length());
                    if (opened == 0) {
                        lineClose = close;
                    } else {
                        opened--;
                    }
                }
                Matcher found = closeAfterHtmlBlocks(text, start, lineClose == null ? text.length() : lineClose.start(), name);
                found = found != null ? found : lineClose;
                if (found != null) {
                    return new BlocksContent(start, found.start(), found.end());
                }
            }
            return new BlocksContent(start, text.length(), text.length());
        }

        /**
         * The closing tag of the element {@code name} that ends its content from {@code start} before
         * {@code limit} right after blocks of raw HTML ({@code <foo>b</foo></section>}), matched, or
         * null: where a block of raw HTML (an element, a comment) ends within a line, kramdown's block
         * parser goes on right after it, where another such block, or the element's closing tag,
         * may stand. Blocks start at the content's start and at the start of each line.
         */
        private static Matcher closeAfterHtmlBlocks(CharSequence text, int start, int limit, String name) {
            Matcher open = OPEN_TAG.matcher(text);
            Matcher close = CLOSE_TAG.matcher(text);
            int line = start;
            while (line < limit) {
                int at = blockStart(text, line);
                boolean afterBlock = false;
                while (at < limit) {
                    if (afterBlock && close.region(at, text.length()).lookingAt()) {
                        return closes(close.group(1), name) ? close : null;
                    }
                    int end = rawBlockEnd(text, at, open);
                    if (end <= at) {
                        break;
                    }
                    afterBlock = true;
                    at = blockStart(text, end);
                }
                int lineEnd = indexOf(text, '\n', Math.max(line, at));
                line = lineEnd < 0 ? limit : lineEnd + 1;
            }
            return null;
        }

        /**
         * Where the block of raw HTML at {@code at} in {@code text} ends: a comment, or a block-level
         * element whose content kramdown keeps raw or reads as spans; {@code at} when none stands there.
         */
        private static int rawBlockEnd(CharSequence text, int at, Matcher open) {
            if (startsWith(text, at, "<!--")) {
                int commentEnd = indexOf(text, "-->", at + 4);
                return commentEnd < 0 ? at : commentEnd + 3;
            }
            if (!open.region(at, text.length()).lookingAt() || SPAN_ELEMENTS.contains(open.group(1).toLowerCase(Locale.ROOT))
                    || KramdownTags.holdsContent(open) && readsBlocks(open.group(1), open.group(2))) {
                return at;
            }
            SpanContent spans = SpanContent.of(text, open);
            return spans != null ? spans.elementEnd() : KramdownHtmlBlockParser.elementEnd(text, open);
        }
    }

    /**
     * Whether kramdown reads the content of the element {@code name} with the attributes
     * {@code attributes} as blocks ({@code markdown="block"}, or {@code "1"} on an element of
     * block content).
     */
    static boolean readsBlocks(String name, String attributes) {
        String value = markdownValue(attributes);
        return "block".equals(value) || "1".equals(value) && KramdownTags.blockContent(name);
    }

    /** The value of the {@code markdown} attribute among {@code attributes} that makes kramdown read Markdown, or null. */
    private static String markdownValue(String attributes) {
        Matcher m = MARKDOWN_ATTRIBUTE.matcher(attributes);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /**
     * The opening tag of the element that {@code html}, the text of a raw HTML block, ends with,
     * or null when it ends with no element that has content (with a comment, an element without
     * content such as {@code <hr>}, {@code script} or {@code style}, whose text kramdown keeps
     * apart, or text): the element that an attribute list on the line under the block belongs to,
     * as kramdown reads each element of the block as a block of its own.
     */
    static MatchResult lastElementOpening(CharSequence html) {
        Matcher open = OPEN_TAG.matcher(html);
        MatchResult last = null;
        int length = html.length();
        for (int at = skipWhiteSpace(html, 0); at < length; at = skipWhiteSpace(html, at)) {
            if (startsWith(html, at, "<!--")) {
                int commentEnd = indexOf(html, "-->", at + 4);
                if (commentEnd < 0) {
                    return null;
                }
                last = null;
                at = commentEnd + 3;
            } else if (open.region(at, length).lookingAt()) {
                last = KramdownTags.keptApart(open) ? null : open.toMatchResult();
                at = elementEnd(html, open);
            } else {
                return null;
            }
        }
        return last;
    }

    /**
     * The opening tag of the first element of {@code html}, the text of a raw HTML block, after
     * any comments, or null when text comes first: the element that an attribute list on the line
     * over the block belongs to in kramdown.
     */
    static MatchResult firstElementOpening(CharSequence html) {
        int at = skipWhiteSpace(html, 0);
        while (startsWith(html, at, "<!--")) {
            int commentEnd = indexOf(html, "-->", at + 4);
            if (commentEnd < 0) {
                return null;
            }
            at = skipWhiteSpace(html, commentEnd + 3);
        }
        Matcher open = OPEN_TAG.matcher(html);
        return open.region(at, html.length()).lookingAt() ? open.toMatchResult() : null;
    }

    private static int skipWhiteSpace(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * Where reading goes on after the opening tag {@code tag} matched: past the whole element when
     * kramdown reads its content as spans ({@link SpanContent}) or as blocks after text
     * ({@link BlocksContent}), whose content then holds no tag of the raw HTML; else as
     * {@link #afterOpening} reads the tag.
     */
    private static int afterElementOrOpening(CharSequence text, Matcher tag, Deque<String> elements) {
        SpanContent spans = SpanContent.of(text, tag);
        if (spans != null) {
            return spans.elementEnd();
        }
        BlocksContent blocks = BlocksContent.of(text, tag);
        return blocks != null ? blocks.elementEnd() : afterOpening(text, tag, elements);
    }

    /**
     * Reads the opening tag {@code tag} matched: an element with content goes on {@code elements};
     * the content of {@code script} and {@code style} is skipped to their closing tag.
     */
    private static int afterOpening(CharSequence text, Matcher tag, Deque<String> elements) {
        String name = tag.group(1);
        String lower = name.toLowerCase(Locale.ROOT);
        // kramdown reads on to the closing tag of a script or style even when its opening tag
        // closes itself (<script src="x.js" />)
        if (lower.equals("script") || lower.equals("style")) {
            Matcher close = KramdownTags.closing(lower).matcher(text);
            return close.region(tag.end(), text.length()).find() ? close.end() : text.length();
        }
        if (!KramdownTags.holdsContent(tag)) {
            return tag.end();
        }
        elements.push(name);
        return tag.end();
    }

    /**
     * The innermost element that the raw HTML blocks ending {@code container} left open, or
     * null: the blocks of HTML last in it, raw or marked {@code markdown="1"} or
     * {@code markdown="span"} (which close what they open), read in order as {@link #elementEnd}
     * reads tags. The parser asks it at many lines of a long run of HTML blocks: what the
     * blocks before the last leave open is kept in the document ({@link #readWhileParsing}), so
     * each block is read about once, not once for every line after it.
     */
    static String leftOpen(Block container) {
        Node last = withoutBlankLines(container.getLastChild());
        if (!closesItsOwn(last)) {
            return null;
        }
        Deque<String> elements = openAfter(withoutBlankLines(last.getPrevious()), readWhileParsing(container));
        if (last instanceof HtmlBlock raw) {
            readTags(raw, elements);
        }
        return elements.peek();
    }

    /**
     * The innermost element of raw HTML open after the lines {@code paragraph} read so far, a
     * paragraph right after an element read as Markdown that the raw HTML cut short, or after
     * paragraphs that go on from there, or null: kramdown reads those lines as the raw HTML's
     * text, so a line that closes that element ends them, as raw HTML.
     */
    static String leftOpenAfter(ParagraphParser paragraph) {
        // what the lines read so far leave open is kept with their count, so a long paragraph,
        // or a long run of them, is read once
        Map<Node, LinesRead> paragraphs = keptWhileParsing(paragraph.getBlock(), PARAGRAPHS_READ);
        LinesRead known = paragraphs.get(paragraph.getBlock());
        Deque<String> elements = known != null ? known.open()
                : openThrough(withoutBlankLines(paragraph.getBlock().getPrevious()), paragraph.getBlock(), paragraphs);
        if (elements == null) {
            return null;
        }
        List<BasedSequence> lines = paragraph.getBlockContent().getLines();
        for (int i = known != null ? known.count() : 0; i < lines.size(); i++) {
            readTags(lines.get(i), elements);
        }
        paragraphs.put(paragraph.getBlock(), new LinesRead(lines.size(), elements));
        return elements.peek();
    }

    /**
     * The innermost element of raw HTML open after the finished paragraph last in
     * {@code container}, or null ({@link #leftOpenAfter(ParagraphParser)}).
     */
    static String leftOpenAfterParagraph(Block container) {
        Node last = withoutBlankLines(container.getLastChild());
        if (!(last instanceof Paragraph)) {
            return null;
        }
        Deque<String> elements = openThrough(last, container, keptWhileParsing(container, PARAGRAPHS_READ));
        return elements == null ? null : elements.peek();
    }

    /**
     * What raw HTML leaves open after {@code last}, innermost first: an element read as Markdown
     * inside it, or a finished paragraph after such an element and the paragraphs between; null
     * when none, or when {@code last} is neither. {@code block} is any block of the document.
     */
    private static Deque<String> openThrough(Node last, Block block, Map<Node, LinesRead> paragraphs) {
        List<Paragraph> unread = new ArrayList<>();
        Node before = last;
        while (before instanceof Paragraph previous && !paragraphs.containsKey(previous)) {
            unread.add(previous);
            before = withoutBlankLines(previous.getPrevious());
        }
        Deque<String> elements;
        if (before instanceof Paragraph previous) {
            LinesRead known = paragraphs.get(previous);
            elements = known.open() == null ? null : new ArrayDeque<>(known.open());
            if (elements != null) {
                List<BasedSequence> lines = previous.getContentLines();
                for (int i = known.count(); i < lines.size(); i++) {
                    readTags(lines.get(i), elements);
                }
                paragraphs.put(previous, new LinesRead(lines.size(), new ArrayDeque<>(elements)));
            }
        } else if (before instanceof MarkdownElementBlock element && element.closed()) {
            elements = openAfter(before, readWhileParsing(block));
            elements = elements.isEmpty() ? null : elements;
        } else {
            elements = null;
        }
        for (int i = unread.size() - 1; i >= 0; i--) {
            Paragraph finished = unread.get(i);
            if (elements != null) {
                for (BasedSequence line : finished.getContentLines()) {
                    readTags(line, elements);
                }
            }
            paragraphs.put(finished, new LinesRead(finished.getContentLines().size(),
                    elements == null ? null : new ArrayDeque<>(elements)));
        }
        return elements;
    }

    /**
     * The first {@code count} lines of a paragraph read, and the elements of raw HTML open after
     * them, innermost first; null when the paragraph follows no element inside raw HTML.
     */
    private record LinesRead(int count, Deque<String> open) {
    }

    /**
     * What each block of the runs of HTML blocks read so far leaves open, kept in the document
     * being parsed. Only blocks with a block after them are kept, as those the parser has
     * finished; the last block of a container may still take lines, so {@link #leftOpen} reads
     * it anew each time.
     */
    private static Map<Node, Deque<String>> readWhileParsing(Block container) {
        return keptWhileParsing(container, RUNS_READ);
    }

    /** The map {@code key} names in the document that holds {@code block}, made on first use. */
    private static <T> Map<Node, T> keptWhileParsing(Block block, NullableDataKey<Map<Node, T>> key) {
        Document document = block.getDocument();
        if (document == null) {
            return new IdentityHashMap<>();
        }
        Map<Node, T> known = key.get(document);
        if (known == null) {
            known = new IdentityHashMap<>();
            document.set(key, known);
        }
        return known;
    }

    /**
     * {@code node}, or the block before the blank lines it ends when it is one: a block quote
     * keeps its blank lines as nodes, where raw HTML reads on over them in kramdown.
     */
    static Node withoutBlankLines(Node node) {
        Node block = node;
        while (block instanceof BlankLine) {
            block = block.getPrevious();
        }
        return block;
    }

    /**
     * The elements of raw HTML open around {@code node}, a {@code markdown="1"} or
     * {@code markdown="span"} element nested in raw HTML, innermost first: kramdown closes them
     * after it where the text around them ends. {@code known} keeps what each block of the run
     * read so far leaves open, for a caller that asks it of every element of a long run in turn.
     */
    static Deque<String> openAround(Block node, Map<Node, Deque<String>> known) {
        return openAfter(node.getPrevious(), known);
    }

    /** The elements of raw HTML that {@code node}, the rest of one that an element read as Markdown cut short, leaves open. */
    static Deque<String> leftOpenBy(HtmlBlock node) {
        return openAfter(node);
    }

    /**
     * {@link #leftOpenBy(HtmlBlock)}, where {@code known} keeps what each block of the run read
     * so far leaves open, for a writer that asks it of every block of a run in turn.
     */
    static Deque<String> leftOpenBy(HtmlBlock node, Map<Node, Deque<String>> known) {
        return openAfter(node, known);
    }

    /**
     * Where the raw HTML that goes on from {@code from} in {@code text} with {@code elements}
     * open there (innermost first) ends, as {@link #elementEnd} reads it.
     */
    static int rawEnd(CharSequence text, int from, Deque<String> elements) {
        return elementsEnd(text, from, new ArrayDeque<>(elements), false);
    }

    /**
     * Whether {@code node}, a raw HTML block, goes on with an element that raw HTML before it
     * opened and a {@code markdown="1"} or {@code markdown="span"} element inside cut short, right after that element or
     * after raw HTML that goes on with it too (the closing tags of two elements, each on its line).
     */
    static boolean insideRaw(HtmlBlock node) {
        return insideRaw(node, new IdentityHashMap<>());
    }

    /** {@link #insideRaw(HtmlBlock)}, where {@code known} keeps what each block of the run read so far leaves open. */
    static boolean insideRaw(HtmlBlock node, Map<Node, Deque<String>> known) {
        Node previous = node.getPrevious();
        return (previous instanceof MarkdownElementBlock || previous instanceof HtmlBlock raw && insideRaw(raw, known))
                && !openAfter(previous, known).isEmpty();
    }

    /**
     * The elements, innermost first, that the run of HTML blocks ending with {@code last} leaves
     * open; none when {@code last} is no such block.
     */
    private static Deque<String> openAfter(Node last) {
        return openAfter(last, new IdentityHashMap<>());
    }

    /**
     * {@link #openAfter(Node)}, where {@code known} holds what the blocks of the run already read
     * leave open, and gets what the blocks read now leave open: asked of each block of a long run
     * in turn, the run is read once rather than from its start at each block.
     */
    private static Deque<String> openAfter(Node last, Map<Node, Deque<String>> known) {
        if (!closesItsOwn(last)) {
            return new ArrayDeque<>();
        }
        List<Node> unread = new ArrayList<>();
        Node block = last;
        while (closesItsOwn(block) && !known.containsKey(block)) {
            unread.add(block);
            block = withoutBlankLines(block.getPrevious());
        }
        Deque<String> elements = closesItsOwn(block) ? new ArrayDeque<>(known.get(block)) : new ArrayDeque<>();
        for (int i = unread.size() - 1; i >= 0; i--) {
            if (unread.get(i) instanceof HtmlBlock raw) {
                readTags(raw, elements);
            }
            known.put(unread.get(i), new ArrayDeque<>(elements));
        }
        return elements;
    }

    /** Opens and closes in {@code elements}, innermost first, the elements whose tags {@code raw} holds. */
    private static void readTags(HtmlBlock raw, Deque<String> elements) {
        readTags(raw.getChars(), elements);
    }

    /** Opens and closes in {@code elements}, innermost first, the elements whose tags {@code text} holds. */
    private static void readTags(CharSequence text, Deque<String> elements) {
        Matcher open = OPEN_TAG.matcher(text);
        Matcher close = CLOSE_TAG.matcher(text);
        int start = skipWhiteSpace(text, 0);
        for (int at = indexOf(text, '<', 0); at >= 0; at = indexOf(text, '<', at + 1)) {
            if (open.region(at, text.length()).lookingAt()) {
                // as KramdownHtmlText writes it: what an element read as Markdown holds is no tag
                at = (at > start ? afterElementOrOpening(text, open, elements)
                        : afterOpening(text, open, elements)) - 1;
            } else if (close.region(at, text.length()).lookingAt()
                    && closes(close.group(1), elements.peek())) {
                elements.pop();
            }
        }
    }

    /**
     * Whether {@code node} is raw HTML, or an element marked {@code markdown="1"} or
     * {@code markdown="span"}, which closes what it opens: the blocks {@link #leftOpen} reads.
     */
    private static boolean closesItsOwn(Node node) {
        return node instanceof HtmlBlock || node instanceof MarkdownElementBlock;
    }

    /**
     * Whether a closing tag named {@code closing} closes the element named {@code open} (null when
     * none is open): kramdown compares the names as it writes them, so the case of a name HTML
     * knows does not count ({@code </DIV>}) and that of any other name does ({@code </Foo>}
     * does not close {@code <foo>}).
     */
    private static boolean closes(String closing, String open) {
        return open != null && KramdownTags.name(closing).equals(KramdownTags.name(open));
    }

    /**
     * The start of the line holding {@code at} when only spaces precede {@code at} on it, and
     * block quotes' {@code >} when {@code quoted}, else -1.
     */
    private static int lineStartBefore(CharSequence text, int at, boolean quoted) {
        int i = at;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t' || quoted && text.charAt(i - 1) == '>')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n' ? i : -1;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String s) {
            return s.indexOf(c, from);
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence text, String s, int from) {
        for (int i = indexOf(text, s.charAt(0), from); i >= 0; i = indexOf(text, s.charAt(0), i + 1)) {
            if (startsWith(text, i, s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String s) {
        if (at + s.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (text.charAt(at + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Registers the parser with flexmark: after {@code markdown="1"} blocks, before flexmark's HTML blocks. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            if (state.getIndent() >= 4 || start >= line.length() || line.charAt(start) != '<') {
                return BlockStart.none();
            }
            // The tag may run over several lines, so it is matched in the document's text.
            CharSequence text = line.getBase() instanceof String s ? s : line.getBaseSequence();
            int offset = line.getStartOffset() + start;
            if (startsWith(text, offset, "<!--")) {
                return comment(state, matched, text, offset);
            }
            if (startsWith(text, offset, "</")) {
                return closingTag(state, matched, text, offset);
            }
            Matcher tag = OPEN_TAG.matcher(text);
            if (!tag.region(offset, text.length()).lookingAt()) {
                return text(state, matched);
            }
            if (SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))) {
                return BlockStart.none();
            }
            if (matched.getBlockParser().isParagraphParser() && HtmlBlockStartFactory.opensScript(line, start)) {
                // kramdown's lazy paragraph end exempts script as it does the span-level
                // elements: a script line under a paragraph's text continues the paragraph
                return BlockStart.none();
            }
            return raw(state, matched, parser(new HtmlBlock(), state, matched, text, elementEnd(state, matched, text, tag)), offset);
        }

        /**
         * Where the element whose opening tag {@code tag} matched in {@code text} ends
         * ({@link #elementEnd(CharSequence, Matcher, boolean)}), or the first part of a list
         * item around it ({@link KramdownListParts#partEnd}), whichever comes first.
         */
        private static int elementEnd(ParserState state, MatchedBlockParser matched, CharSequence text, Matcher tag) {
            Block container = matched.getBlockParser().getBlock();
            BasedSequence all = state.getLine().getBaseSequence();
            int end = KramdownHtmlBlockParser.elementEnd(text, tag, quoted(container));
            int textEnd = containersTextEnd(container, all, tag.start(), end);
            if (textEnd < end) {
                // read again in the containers' text alone: a comment or a closing tag past its
                // end is none of the element's
                CharSequence bounded = CharBuffer.wrap(text, 0, textEnd);
                Matcher again = OPEN_TAG.matcher(bounded);
                if (again.region(tag.start(), textEnd).lookingAt()) {
                    end = KramdownHtmlBlockParser.elementEnd(bounded, again, quoted(container));
                }
            }
            return KramdownListParts.partEnd(container, all, tag.start(), end);
        }

        /**
         * Where the text of the block quotes and list items around a block that starts at
         * {@code from} ends, when it ends before {@code end}: at the first line after the
         * block's first that leaves one of them ({@link KramdownContainerLines}). kramdown reads
         * raw HTML in a container's text alone, so an element that text leaves open ends with
         * it, and a {@code <!--} whose {@code -->} stands after it is text. {@code end} when
         * the block stands in no quote or item, or the text runs on to it.
         */
        private static int containersTextEnd(Block container, BasedSequence all, int from, int end) {
            KramdownContainerLines containers = KramdownContainerLines.of(container, all);
            if (containers == null || containers.none()) {
                return end;
            }
            for (int line = KramdownFrames.lineEnd(all, from) + 1; line < end; line = KramdownFrames.lineEnd(all, line) + 1) {
                if (containers.insideAt(all.subSequence(line, KramdownFrames.lineEnd(all, line)).toString()) < 0) {
                    return line;
                }
            }
            return end;
        }

        /**
         * The parser of {@code block}, a block of raw HTML in {@code text} whose first element,
         * closing tag or comment ends at {@code elementEnd}; the elements after it on its line
         * end as {@link #elementEnd(ParserState, MatchedBlockParser, CharSequence, Matcher)} finds.
         */
        private static KramdownHtmlBlockParser parser(HtmlBlockBase block, ParserState state, MatchedBlockParser matched,
                CharSequence text, int elementEnd) {
            return new KramdownHtmlBlockParser(block, text, elementEnd, next -> elementEnd(state, matched, text, next));
        }

        /** Whether {@code block} is or stands in a block quote. */
        private static boolean quoted(Node block) {
            for (Node node = block; node != null; node = node.getParent()) {
                if (node instanceof BlockQuote) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Starts {@code parser}'s block of raw HTML from {@code offset}. Its text is known
         * already, and {@link #leftOpen} reads it before the block closes. Where the block ends
         * within a line, kramdown's block parser goes on right after it as at the start of a
         * line: there it reads the closing tags of the elements read as blocks around the block
         * ({@link #closeElementsAround}), or an element whose content it reads as blocks
         * ({@link #elementAfter}).
         */
        private BlockStart raw(ParserState state, MatchedBlockParser matched, KramdownHtmlBlockParser parser, int offset) {
            parser.block.setChars(state.getLine().baseSubSequence(offset, parser.end));
            if (parser.tailStart < 0 && !parser.codeTail && !closeElementsAround(state, matched, parser)) {
                BlockStart element = elementAfter(state, matched, parser);
                if (element != null) {
                    return element;
                }
            }
            return BlockStart.of(parser).atIndex(state.getIndex());
        }

        /**
         * Ends the elements read as blocks around {@code parser}'s block whose closing tags stand
         * right after the block on the line where it ends, innermost first
         * ({@code <div markdown="1"><foo>b</foo></div>}), when only white space follows them, or
         * text that starts a paragraph ({@code <foo>b</foo></div> text}), which kramdown reads as
         * the block after the outermost of them: the block's tail, over the lines the paragraph
         * goes on, which the elements keep ({@link MarkdownHtmlBlockParser#closeAt(int, boolean)}).
         * Returns whether it ended any. Each closing tag may stand after at most three spaces.
         */
        private static boolean closeElementsAround(ParserState state, MatchedBlockParser matched, KramdownHtmlBlockParser parser) {
            CharSequence text = state.getLine().getBaseSequence();
            List<MarkdownHtmlBlockParser> elements = new ArrayList<>();
            List<Integer> closings = new ArrayList<>();
            int at = parser.end;
            BlockParser container = matched.getBlockParser();
            while (container instanceof MarkdownHtmlBlockParser element) {
                int closing = element.closingTagEnd(text, blockStart(text, at), elements);
                if (closing < 0) {
                    break;
                }
                elements.add(element);
                closings.add(closing);
                at = closing;
                Block parent = element.getBlock().getParent();
                container = parent == null ? null : state.getActiveBlockParser(parent);
            }
            boolean textAfter = !restOfLineBlank(text, at);
            if (elements.isEmpty() || textAfter && (indentAt(text, at) > 0 || startsBlockHtml(text, spacesEnd(text, at)))) {
                return false;
            }
            for (int i = 0; i < elements.size(); i++) {
                elements.get(i).closeAt(closings.get(i), textAfter);
            }
            if (textAfter) {
                parser.tailStart = spacesEnd(text, at);
                parser.tailAfter = elements.get(elements.size() - 1).getBlock();
            } else {
                parser.endsWithinLine = true;
            }
            return true;
        }

        /**
         * The start of {@code parser}'s block, ending within its first line, followed there by
         * the element whose opening tag stands right after it, when kramdown reads that
         * element's content as blocks ({@code <hr> <div markdown="1">}): the element as the block
         * after the raw HTML, its content read from right after its tag. Null otherwise.
         */
        private static BlockStart elementAfter(ParserState state, MatchedBlockParser matched, KramdownHtmlBlockParser parser) {
            BasedSequence line = state.getLine();
            CharSequence text = line.getBaseSequence();
            int tag = blockStart(text, parser.end);
            if (parser.end >= line.getEndOffset() || tag >= line.getEndOffset() || text.charAt(tag) != '<') {
                return null;
            }
            int endIndex = parser.end - line.getStartOffset();
            MarkdownHtmlBlockParser.Factory.Start element = MarkdownHtmlBlockParser.Factory.startAt(state, matched, endIndex,
                    tag - line.getStartOffset());
            if (element == null) {
                return null;
            }
            // flexmark closes the raw block as it starts the element, before it would hand the
            // block its line: the block takes its part of the line now
            parser.content.add(line.subSequence(state.getIndex(), endIndex), state.getIndent());
            return BlockStart.of(parser, element.parser()).atIndex(element.index());
        }

        /**
         * A line that starts with a closing tag. When it closes an element that raw HTML
         * right before it left open (cut short by a {@code markdown="1"} element inside,
         * see {@link #elementEnd}) it is raw HTML too, under a paragraph that goes on after such an
         * element as well ({@link #leftOpenAfter}). Otherwise it closes nothing, and
         * kramdown reads it as a paragraph's text ({@link #text}).
         */
        private BlockStart closingTag(ParserState state, MatchedBlockParser matched, CharSequence text, int offset) {
            Matcher close = CLOSE_TAG.matcher(text);
            BlockParser open = matched.getBlockParser();
            if (close.region(offset, text.length()).lookingAt()
                    && closes(close.group(1), open instanceof ParagraphParser paragraph ? leftOpenAfter(paragraph)
                            : open.isContainer() && withoutBlankLines(open.getBlock().getLastChild()) instanceof Paragraph
                                    ? leftOpenAfterParagraph(open.getBlock())
                                    : leftOpen(open.getBlock()))) {
                return raw(state, matched, parser(new HtmlBlock(), state, matched, text, close.end()), offset);
            }
            return text(state, matched);
        }

        /**
         * A line that starts with a tag kramdown does not read as raw HTML (a closing tag that
         * closes nothing, or an element's name whose attributes are no tag's: {@code <section},
         * {@code <div id=a-3>}), so a paragraph's text, its tag escaped. A paragraph's line goes
         * on that paragraph; a line that kramdown's block quotes and list items do not take
         * lazily, as it names a block-level element ({@link #endsLazyLines}, which looks at the
         * name alone), starts a paragraph of its own where they end.
         */
        private static BlockStart text(ParserState state, MatchedBlockParser matched) {
            if (matched.getBlockParser().isParagraphParser()
                    || !endsLazyLines(state.getLine().subSequence(state.getIndex()))) {
                return BlockStart.none();
            }
            return BlockStart.of(new ParagraphParser()).atIndex(state.getIndex());
        }

        /**
         * A comment followed by text on its closing line, or by spaces and another comment: what
         * follows starts a paragraph, or indented code after a tab or four spaces. A comment after spaces is a paragraph's text. A comment
         * followed there by a block-level element is raw HTML up to the element's end, as kramdown
         * reads the element as the block after the comment, and an attribute list over the comment
         * is the element's ({@link #firstElementOpening}). Other comments are flexmark's, which
         * reads them as kramdown does.
         */
        private BlockStart comment(ParserState state, MatchedBlockParser matched, CharSequence text, int offset) {
            if (matched.getBlockParser().isParagraphParser() || state.getIndent() > 0) {
                return BlockStart.none();
            }
            int close = HtmlBlockStartFactory.commentEnd(matched.getBlockParser().getBlock(), state.getLine().getBaseSequence(), offset);
            if (close < 0) {
                return lazyComment(state, matched, offset);
            }
            int after = close + 3;
            boolean code = indentAt(text, after) > 0;
            KramdownHtmlBlockParser parser = parser(new HtmlCommentBlock(), state, matched, text, after);
            BlockStart element = code || parser.tailStart >= 0 ? null : elementAfter(state, matched, parser);
            if (element != null) {
                return element;
            }
            after = spacesEnd(text, after);
            Matcher tag = OPEN_TAG.matcher(text);
            if (!code && tag.region(after, text.length()).lookingAt() && !SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))) {
                return raw(state, matched, parser(new HtmlBlock(), state, matched, text, elementEnd(state, matched, text, tag)), offset);
            }
            if (parser.tailStart < 0 && !code && closeElementsAround(state, matched, parser)) {
                return BlockStart.of(parser).atIndex(state.getIndex());
            }
            return parser.tailStart < 0 ? BlockStart.none() : BlockStart.of(parser).atIndex(state.getIndex());
        }

        /**
         * A comment at {@code offset} in a block quote or list item whose {@code -->} stands on a
         * later line that kramdown reads into the containers and flexmark's do not take (a lazy
         * line): kramdown finds the end in the containers' text, each line without its quote
         * marker or item indent ({@link KramdownContainerLines}), so the comment runs to it, raw
         * HTML. The block reads its lines ahead ({@link BoundedBlockParser}), which keeps the
         * containers open over them ({@link KramdownLazyContainers}). Only where white space
         * alone follows the {@code -->}; none otherwise, the comment then a paragraph's text.
         */
        private static BlockStart lazyComment(ParserState state, MatchedBlockParser matched, int offset) {
            BasedSequence line = state.getLine();
            BasedSequence all = line.getBaseSequence();
            KramdownContainerLines containers = KramdownContainerLines.of(matched.getBlockParser().getBlock(), all);
            if (containers == null || containers.none()) {
                return BlockStart.none();
            }
            List<BasedSequence> lines = new ArrayList<>();
            int from = offset + 4;
            for (int lineStart = offset; lineStart < all.length(); ) {
                int lineEnd = KramdownFrames.lineEnd(all, lineStart);
                int next = Math.min(lineEnd + 1, all.length());
                lines.add(all.subSequence(lineStart, next));
                int close = indexOf(all.subSequence(0, lineEnd), "-->", from);
                if (close >= 0) {
                    if (!restOfLineBlank(all, close + 3)) {
                        return BlockStart.none();
                    }
                    HtmlCommentBlock block = new HtmlCommentBlock(all.subSequence(offset, next));
                    block.setContent(lines);
                    return BlockStart.of(new BoundedBlockParser(block, next)).atIndex(line.length());
                }
                if (next >= all.length()) {
                    break;
                }
                int inside = containers.insideAt(all.subSequence(next, KramdownFrames.lineEnd(all, next)).toString());
                if (inside < 0) {
                    break;
                }
                lineStart = next + inside;
                from = lineStart;
            }
            return BlockStart.none();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(MarkdownHtmlBlockParser.Factory.class);
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(HtmlBlockStartFactory.class);
        }
    }
}
