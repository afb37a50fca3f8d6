package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.PrefixedSubSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's pipe tables, read by its rules: a paragraph standing as a block of its own (a blank
 * line or the start of its container before it, a blank line or the end after it) whose every
 * line holds a pipe ({@code a | b}, {@code | a |}) outside code spans is a table, as kramdown
 * checks it over the whole table, code spans reaching over line ends. The rows before
 * the first separator line ({@code |:--|--:|}) are its header, and that line's colons align the
 * columns; a later separator line starts a new body, a footer line ({@code |===|}) the footer. A
 * separator line with no row above it (the first line, say) is skipped and aligns nothing, and a
 * table with no body row stays a paragraph. Escaped pipes and pipes inside code spans do not
 * split cells, the code spans read in each row alone ({@link #cells}), and every row gets as many
 * cells as the widest. flexmark's own table extension is
 * not used: its model has one body and no footer, and it reads a separator wider than the header
 * or a header alone otherwise.
 */
final class KramdownPipeRows implements ParagraphPreProcessor {
    /** A separator line: kramdown's {@code TABLE_SEP_LINE}, the line's end spaces trimmed. */
    private static final Pattern SEPARATOR = Pattern.compile("[+|: \\t-]*-[+|: \\t-]*");
    /** A footer line, kramdown's {@code TABLE_FSEP_LINE}. */
    private static final Pattern FOOTER = Pattern.compile("[+|: \\t=]*=[+|: \\t=]*");
    /** One column's alignment in a separator line. */
    private static final Pattern ALIGNMENT = Pattern.compile("[ \\t]?(:?)-+(:?)[ \\t]?");
    /** A {@code <code>} element, which kramdown cuts a row at before it reads the row's code spans. */
    private static final Pattern CODE_ELEMENT = Pattern.compile("<code.*?>.*?</code>");

    /** What {@link #continuesTable} last answered, kept in the document being parsed. */
    private static final NullableDataKey<Answer> LAST_ANSWER = new NullableDataKey<>("SHEAF_PIPE_ROWS_ANSWER",
            (Answer) null);

    private final PipeSearch pipes = new PipeSearch();

    /** The rows of one part of a table: head, a body, or foot. */
    private record Part(Node node, List<Row> rows) {
    }

    private record Row(BasedSequence line, List<BasedSequence> cells) {
    }

    @Override
    public int preProcessBlock(Paragraph paragraph, ParserState state) {
        BasedSequence chars = paragraph.getChars();
        if (!pipes.in(chars) || !standsAlone(paragraph)) {
            return 0;
        }
        Parts parts = parts(paragraph.getContentLines(), chars.trimStart().startsWith("|"));
        if (parts == null || parts.list().stream().noneMatch(part -> part.node() instanceof TableBody)
                || !pipesOutsideCode(paragraph.getContentLines())) {
            return 0; // kramdown writes a table without a body, or without its pipes, as the paragraph it is
        }
        TableBlock table = table(parts, state);
        paragraph.insertBefore(table);
        state.blockAdded(table);
        return chars.length();
    }

    /** A table's parts in order, the alignment of its columns (null for none), and how many columns its widest row has. */
    private record Parts(List<Part> list, List<TableCell.Alignment> alignment, int columns) {
    }

    /**
     * The {@code lines} of a paragraph read into the parts of a table, or null when a line is no
     * row ({@link #cells}). A separator line closes the head, then each body; a footer line
     * starts the footer.
     */
    private static Parts parts(List<BasedSequence> lines, boolean leadingPipe) {
        List<Part> parts = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<TableCell.Alignment> alignment = null;
        boolean footer = false;
        int columns = 0;
        for (BasedSequence line : lines) {
            BasedSequence row = line.trimEOL();
            List<BasedSequence> cells = cells(row, leadingPipe);
            if (cells == null) {
                return null;
            }
            String trimmed = row.trimEnd().toString();
            if (SEPARATOR.matcher(trimmed).matches()) {
                if (rows.isEmpty()) {
                    continue; // kramdown skips a separator with no row above it
                }
                if (alignment == null && !footer) {
                    parts.add(new Part(new TableHead(), rows));
                    alignment = alignment(trimmed);
                } else if (!footer) {
                    parts.add(new Part(new TableBody(), rows));
                }
                // after the footer line a separator changes nothing: its rows stay the footer's
                rows = footer ? rows : new ArrayList<>();
            } else if (FOOTER.matcher(trimmed).matches()) {
                if (!rows.isEmpty()) {
                    // kramdown closes a body here even when a footer was already begun
                    parts.add(new Part(new TableBody(), rows));
                    rows = new ArrayList<>();
                }
                footer = true;
            } else {
                rows.add(new Row(row, cells));
                columns = Math.max(columns, cells.size());
            }
        }
        if (!rows.isEmpty()) {
            parts.add(new Part(footer ? new TableFoot() : new TableBody(), rows));
        }
        return new Parts(parts, alignment, columns);
    }

    /** The table of {@code parts}, every row as wide as the widest, each cell's text read as spans. */
    private static TableBlock table(Parts parts, ParserState state) {
        TableBlock table = new TableBlock();
        for (Part part : parts.list()) {
            boolean header = part.node() instanceof TableHead;
            for (Row rowOfCells : part.rows()) {
                BasedSequence line = rowOfCells.line();
                TableRow row = new TableRow(line);
                for (int c = 0; c < parts.columns(); c++) {
                    List<BasedSequence> cells = rowOfCells.cells();
                    BasedSequence text = c < cells.size() ? cells.get(c) : line.subSequence(line.length());
                    TableCell cell = new TableCell(text);
                    cell.setText(text);
                    cell.setSpan(1);
                    cell.setHeader(header);
                    if (parts.alignment() != null && c < parts.alignment().size()) {
                        cell.setAlignment(parts.alignment().get(c));
                    }
                    if (!text.isEmpty()) {
                        state.getInlineParser().parse(text, cell);
                    }
                    row.appendChild(cell);
                }
                part.node().appendChild(row);
            }
            part.node().setCharsFromContent();
            table.appendChild(part.node());
        }
        table.setCharsFromContent();
        return table;
    }

    /**
     * Whether {@code lines}, a paragraph standing alone, would be read as a table: every line
     * holds a pipe and some row falls in a body. Asked before a paragraph exists, where kramdown
     * tries a table ahead of another block ({@code [^1]: | a | b |} is a table's first row).
     */
    static boolean readsAsTable(List<BasedSequence> lines) {
        if (lines.isEmpty()) {
            return false;
        }
        boolean head = false;
        boolean footer = false;
        boolean body = false;
        int rows = 0;
        for (BasedSequence line : lines) {
            BasedSequence row = line.trimEOL();
            if (!holdsPipe(row)) {
                return false;
            }
            String trimmed = row.trimEnd().toString();
            if (SEPARATOR.matcher(trimmed).matches()) {
                if (rows > 0) {
                    body |= head && !footer;
                    head = true;
                    rows = footer ? rows : 0;
                }
            } else if (FOOTER.matcher(trimmed).matches()) {
                body |= rows > 0;
                rows = 0;
                footer = true;
            } else {
                rows++;
            }
        }
        return (body || rows > 0 && !footer) && pipesOutsideCode(lines);
    }

    /**
     * Whether the current line, which would start another block (a list item {@code - | -}, a
     * quote {@code > a | b}, a heading {@code # a | b}), is instead a row of the table the open
     * paragraph becomes: kramdown, reading a table, takes every line holding a pipe as a row. So
     * it is when the paragraph stands at a block boundary and its lines, this one and those up to
     * the next blank line are a table.
     */
    static boolean continuesTable(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int index = state.getIndex();
        if (!(matched.getBlockParser() instanceof ParagraphParser paragraph) || line.indexOf('|', index) < 0) {
            return false;
        }
        // every line of one paragraph gets the same answer: the paragraph and the lines to the
        // next blank line are the same lines, so a table of many such rows is read once
        int start = paragraph.getBlockContent().getLines().get(0).getStartOffset();
        Answer known = LAST_ANSWER.get(state.getProperties());
        if (known != null && known.paragraphStart() == start && line.getStartOffset() < known.end()) {
            return known.table();
        }
        List<BasedSequence> after = linesAfter(line, index);
        int end = after.isEmpty() ? line.getEndOffset() : after.get(after.size() - 1).getEndOffset();
        boolean table = false;
        if (HeadingStartFactory.atBoundary(paragraph)) {
            List<BasedSequence> lines = new ArrayList<>(paragraph.getBlockContent().getLines());
            lines.add(line.subSequence(index));
            lines.addAll(after);
            table = readsAsTable(lines);
        }
        state.getProperties().set(LAST_ANSWER, new Answer(start, end, table));
        return table;
    }

    /** What {@link #continuesTable} last answered for the lines of a paragraph, kept in the document. */
    private record Answer(int paragraphStart, int end, boolean table) {
    }

    /**
     * The lines after {@code line} up to the next blank line or the end, each without the first
     * {@code prefix} characters: a container's own marks, as wide as on {@code line}.
     */
    static List<BasedSequence> linesAfter(BasedSequence line, int prefix) {
        BasedSequence source = line.getBaseSequence();
        int lineEnd = source.indexOf('\n', line.getStartOffset());
        int at = lineEnd < 0 ? source.length() : lineEnd + 1;
        List<BasedSequence> lines = new ArrayList<>();
        while (at < source.length()) {
            int eol = source.indexOf('\n', at);
            int end = eol < 0 ? source.length() : eol + 1;
            BasedSequence next = source.subSequence(at, end);
            if (next.isBlank()) {
                break;
            }
            lines.add(next.subSequence(Math.min(prefix, next.trimEOL().length())));
            at = end;
        }
        return lines;
    }

    /** Each column's alignment in a separator line, null for none, as kramdown scans them. */
    private static List<TableCell.Alignment> alignment(String separator) {
        List<TableCell.Alignment> columns = new ArrayList<>();
        Matcher m = ALIGNMENT.matcher(separator);
        while (m.find()) {
            boolean left = !m.group(1).isEmpty();
            boolean right = !m.group(2).isEmpty();
            columns.add(left && right ? TableCell.Alignment.CENTER : left ? TableCell.Alignment.LEFT
                    : right ? TableCell.Alignment.RIGHT : null);
        }
        return columns;
    }

    /** A table's footer, kramdown's {@code tfoot}: the rows after a {@code |===|} line. */
    static final class TableFoot extends Node {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * Whether kramdown would try a table here: a block boundary (a blank line, a {@code ^}, a block
     * attribute list {@code {: .class}}) before and after the paragraph.
     */
    private static boolean standsAlone(Paragraph paragraph) {
        BasedSequence all = paragraph.getDocument().getChars();
        Node previous = paragraph.getPrevious();
        boolean attributesBefore = previous instanceof AttributeListBlock list && list.definitionName() == null;
        if (previous != null && !(previous instanceof KramdownEndOfBlock) && !attributesBefore) {
            int lineStart = paragraph.getStartOffset();
            while (lineStart > 0 && all.charAt(lineStart - 1) != '\n') {
                lineStart--;
            }
            int previousStart = lineStart - 1;
            while (previousStart > 0 && all.charAt(previousStart - 1) != '\n') {
                previousStart--;
            }
            // the line before, blank in the block quotes it lies in: a line of `>` alone is blank there
            if (lineStart <= 0 || !HeadingStartFactory.isBlankQuoted(all.subSequence(previousStart, lineStart - 1))) {
                return false;
            }
        }
        Node next = paragraph.getNext();
        return next == null || next instanceof KramdownEndOfBlock || next instanceof AttributeListBlock
                || paragraph.isTrailingBlankLine();
    }

    /**
     * The cells of a row, or null when it is no row: it holds no pipe but escaped ones (code spans
     * aside, as kramdown's {@code TABLE_LINE} looks). Split as kramdown splits it, each cell
     * stripped ({@link #readCells}). As in kramdown, an empty first cell is dropped only when the
     * table's first line starts with a pipe ({@code leadingPipe}), and an empty last cell always,
     * so {@code | a |} is one cell and a lone {@code |} none.
     */
    static List<BasedSequence> cells(BasedSequence line, boolean leadingPipe) {
        if (!holdsPipe(line)) {
            return null;
        }
        List<List<BasedSequence>> pieces = new ArrayList<>();
        pieces.add(new ArrayList<>());
        Matcher element = CODE_ELEMENT.matcher(line);
        int from = 0;
        while (from < line.length()) {
            boolean found = element.find(from);
            readCells(line.subSequence(from, found ? element.start() : line.length()), pieces);
            if (found) {
                pieces.get(pieces.size() - 1).add(line.subSequence(element.start(), element.end()));
            }
            from = found ? element.end() : line.length();
        }
        List<BasedSequence> cells = new ArrayList<>();
        for (List<BasedSequence> cell : pieces) {
            cells.add(cell.isEmpty() ? line.subSequence(line.length()) : SegmentedSequence.create(line, cell));
        }
        if (leadingPipe && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        List<BasedSequence> stripped = new ArrayList<>(cells.size());
        for (BasedSequence cell : cells) {
            stripped.add(cell.trim());
        }
        return stripped;
    }

    /**
     * Whether {@code line} holds a pipe that no backslash escapes, code spans or not: kramdown's
     * {@code TABLE_PIPE_CHECK}, which a line must pass to be a row.
     */
    private static boolean holdsPipe(CharSequence line) {
        for (int at = 0; at < line.length(); at++) {
            if (line.charAt(at) == '|' && (at == 0 || line.charAt(at - 1) != '\\')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code piece}, a part of a row outside {@code <code>} elements, into the cells as
     * kramdown does: it reads the code spans of each such part apart, by its rule for them
     * ({@link LeanInlineParser#codeSpanClose}) and nothing else, so a backslash before a backtick
     * does not keep it from opening a span here. A pipe outside them starts a new cell, but for
     * one escaped, which loses its backslash; a code span is written back between as few
     * backticks as its code allows ({@link #writtenBack}). The cells' text is then read in full,
     * where the spans may fall otherwise.
     */
    private static void readCells(BasedSequence piece, List<List<BasedSequence>> cells) {
        int textStart = 0;
        for (CodeSpan span : codeSpans(piece)) {
            textStart = readPipes(piece, textStart, span.open(), cells);
            List<BasedSequence> cell = cells.get(cells.size() - 1);
            cell.add(piece.subSequence(textStart, span.open()));
            cell.add(writtenBack(piece.subSequence(span.open(), span.end()), span.ticks()));
            textStart = span.end();
        }
        textStart = readPipes(piece, textStart, piece.length(), cells);
        cells.get(cells.size() - 1).add(piece.subSequence(textStart));
    }

    /**
     * Splits the text of {@code piece} from {@code textStart} to {@code end}, which holds no code
     * span, at its pipes into the cells ({@link #readCells}), and gives where the text not yet
     * added to a cell starts.
     */
    private static int readPipes(BasedSequence piece, int textStart, int end, List<List<BasedSequence>> cells) {
        for (int at = textStart; at < end; at++) {
            if (piece.charAt(at) == '|') {
                boolean escaped = at > 0 && piece.charAt(at - 1) == '\\';
                cells.get(cells.size() - 1).add(piece.subSequence(textStart, escaped ? at - 1 : at));
                if (!escaped) {
                    cells.add(new ArrayList<>());
                }
                textStart = escaped ? at : at + 1;
            }
        }
        return textStart;
    }

    /**
     * A code span of a row, {@code ticks} backticks each side, as kramdown writes it back into the
     * cell's text: its code between runs one backtick longer than the longest in it, padded with a
     * space each side when those runs are longer than one ({@code ```*x*```} is {@code `*x*`}).
     */
    private static BasedSequence writtenBack(BasedSequence span, int ticks) {
        String code = KramdownNodeRenderer.withoutPadding(span.subSequence(ticks, span.length() - ticks).toString(), ticks);
        int longest = 0;
        for (int at = 0; at < code.length(); at++) {
            int end = LeanInlineParser.backtickRunEnd(code, at);
            longest = Math.max(longest, end - at);
            at = end;
        }
        String fence = "`".repeat(longest + 1);
        String padding = fence.length() > 1 ? " " : "";
        String written = fence + padding + code + padding + fence;
        return written.contentEquals(span) ? span : PrefixedSubSequence.prefixOf(written, span.subSequence(span.length()));
    }

    /**
     * Whether kramdown keeps the table of {@code lines}: it reads them again as one text, where a
     * code span may run over a line's end, and wants a pipe outside code spans and HTML elements
     * on the lines as its check walks them ({@link #spanPieces}). The walk is kramdown's, quirks
     * and all: a line's pipe is looked for in the first and last line of each text between code
     * spans and elements only, a span over two lines starts the next line's count, and one over
     * more ends the walk with what was found so far.
     */
    private static boolean pipesOutsideCode(List<BasedSequence> lines) {
        boolean pipe = false;
        for (Piece piece : spanPieces(String.join("\n", lines.stream().map(l -> l.trimEOL().toString()).toList()))) {
            List<String> pieceLines = rubyLines(piece.value());
            int count = pieceLines.size();
            if (piece.code()) {
                if (count > 2 || count == 2 && !pipe) {
                    return pipe;
                }
                pipe &= count != 2;
            } else {
                if (count > 1 && !pipe && !holdsPipe(pieceLines.get(0))) {
                    return false;
                }
                pipe = count <= 1 && pipe || count > 0 && holdsPipe(pieceLines.get(count - 1));
            }
        }
        return pipe;
    }

    /** A run of text, or the code of a code span, as kramdown's code span parser reads a text. */
    private record Piece(boolean code, String value) {
    }

    /**
     * {@code text} read as kramdown's check of a table reads it, by its code span and span HTML
     * parsers alone: runs of text, the code of each code span, and of each span-level element its
     * name alone, the check never looking into its content, which runs to the element's closing
     * tag, or to the end of the text for one left open ({@code | a <b> c |} hides the second
     * pipe). A comment is a run of its own; a closing tag that ends no element, and a tag of a
     * block-level element, are text.
     */
    private static List<Piece> spanPieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        // the closing tags of the elements open, innermost first: in one, only its own closes it
        Deque<Pattern> open = new ArrayDeque<>();
        Matcher openTag = KramdownTags.OPEN_TAG.matcher(text);
        Matcher closeTag = KramdownTags.CLOSE_TAG.matcher(text);
        ForwardSearch commentEnds = new ForwardSearch(text, "-->");
        ForwardSearch instructionEnds = new ForwardSearch(text, "?>");
        int textStart = 0;
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '`') {
                CodeSpan span = CodeSpan.openedAt(text, at);
                if (span == null) {
                    at = LeanInlineParser.backtickRunEnd(text, at);
                    continue;
                }
                if (open.isEmpty()) {
                    addText(pieces, text, textStart, at);
                    pieces.add(new Piece(true, KramdownNodeRenderer.withoutPadding(
                            text.substring(span.afterOpen(), span.close()), span.ticks())));
                }
                at = textStart = span.end();
                continue;
            }
            if (c != '<') {
                at++;
                continue;
            }
            Matcher closing = open.isEmpty() ? null : open.peek().matcher(text).region(at, text.length());
            int markupEnd = Math.max(markupEnd(text, at, "<!--", commentEnds), markupEnd(text, at, "<?", instructionEnds));
            if (closing != null && closing.lookingAt()) {
                open.pop();
                at = textStart = closing.end();
            } else if (markupEnd > 0) {
                if (open.isEmpty()) {
                    addText(pieces, text, textStart, at);
                    pieces.add(new Piece(false, text.substring(at, markupEnd)));
                }
                at = textStart = markupEnd;
            } else if (closeTag.region(at, text.length()).lookingAt()) {
                at = closeTag.end();
            } else if (openTag.region(at, text.length()).lookingAt()) {
                String name = KramdownTags.name(openTag.group(1));
                if (KramdownNodeRenderer.BLOCK_ELEMENTS.contains(name)) {
                    at = openTag.end();
                    continue;
                }
                if (open.isEmpty()) {
                    addText(pieces, text, textStart, at);
                    pieces.add(new Piece(false, name));
                }
                if (KramdownTags.holdsContent(openTag)) {
                    open.push(KramdownTags.closing(name));
                }
                at = textStart = openTag.end();
            } else {
                at++;
            }
        }
        if (open.isEmpty()) {
            addText(pieces, text, textStart, text.length());
        }
        return pieces;
    }

    /** Adds the text from {@code start} to {@code end}, when there is any, to {@code pieces}. */
    private static void addText(List<Piece> pieces, String text, int start, int end) {
        if (end > start) {
            pieces.add(new Piece(false, text.substring(start, end)));
        }
    }

    /** Where the markup at {@code at} that starts with {@code open} ends, after what {@code close} finds, or -1. */
    private static int markupEnd(String text, int at, String open, ForwardSearch close) {
        if (!text.startsWith(open, at)) {
            return -1;
        }
        int end = close.from(at + open.length());
        return end < 0 ? -1 : end + close.target().length();
    }

    /**
     * {@code text.indexOf(target, from)} for a {@code from} that never goes back, as a walk over
     * the text asks it: the last answer stands while it lies ahead, so every character is searched
     * once, however many unclosed comments ({@code | a <!-- b |} on every row of a long table)
     * ask for an end that never comes.
     */
    private static final class ForwardSearch {
        private final String text;
        private final String target;
        /** The last answer, -1 for none to the end; meaningless before the first search. */
        private int found;
        private boolean searched;

        ForwardSearch(String text, String target) {
            this.text = text;
            this.target = target;
        }

        String target() {
            return target;
        }

        /** Where {@code target} is first found at or after {@code from}, or -1; {@code from} is at least the last call's. */
        int from(int from) {
            if (!searched || found >= 0 && found < from) {
                found = text.indexOf(target, from);
                searched = true;
            }
            return found;
        }
    }

    /**
     * A code span as kramdown's code span parser finds it: its opening run of backticks
     * {@code [open, afterOpen)}, its code up to {@code close}, where its closing run starts.
     */
    private record CodeSpan(int open, int afterOpen, int close) {
        /** The code span that the run of backticks at {@code at} in {@code text} opens, or null when the run is text. */
        static CodeSpan openedAt(CharSequence text, int at) {
            int afterOpen = LeanInlineParser.backtickRunEnd(text, at);
            int close = LeanInlineParser.codeSpanClose(text, at, afterOpen);
            return close < 0 ? null : new CodeSpan(at, afterOpen, close);
        }

        int ticks() {
            return afterOpen - open;
        }

        int end() {
            return close + ticks();
        }
    }

    /**
     * The code spans of {@code text} in order, read by kramdown's rule for them alone
     * ({@link LeanInlineParser#codeSpanClose}): a run of backticks that closes nothing is text,
     * and a backslash before a backtick does not keep it from opening a span.
     */
    private static List<CodeSpan> codeSpans(CharSequence text) {
        List<CodeSpan> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) != '`') {
                at++;
                continue;
            }
            CodeSpan span = CodeSpan.openedAt(text, at);
            if (span == null) {
                at = LeanInlineParser.backtickRunEnd(text, at);
                continue;
            }
            spans.add(span);
            at = span.end();
        }
        return spans;
    }

    /** {@code text}'s lines as Ruby's {@code split("\n")} gives them: empty lines at the end dropped. */
    private static List<String> rubyLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Registers the pre-processor with flexmark, after link reference definitions are read. */
    static final class Factory extends AfterReferencesFactory {
        Factory() {
            super(KramdownPipeRows::new);
        }
    }

    /**
     * Reads a table whose first row looks like a definition ({@code [^1]: | a | b |}) before
     * flexmark takes that line for a link reference definition: kramdown tries a table first.
     * Other paragraphs are left to {@link Factory}, after the definitions are read.
     */
    static final class DefinitionRowFactory implements ParagraphPreProcessorFactory {
        private static final Pattern DEFINITION_LINE = Pattern.compile(" {0,3}\\[[^\\]\\n]+\\]:");

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            KramdownPipeRows tables = new KramdownPipeRows();
            return (paragraph, parserState) -> DEFINITION_LINE.matcher(paragraph.getChars()).lookingAt()
                    ? tables.preProcessBlock(paragraph, parserState) : 0;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(ReferencePreProcessorFactory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
