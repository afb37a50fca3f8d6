package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * kramdown's table without a header: a paragraph standing as a block of its own (a blank line
 * or the start of its container before it, a blank line or the end after it) whose every line
 * holds a pipe ({@code a | b}, {@code | a |}) is a table with a body only. Tables with a separator line are
 * flexmark's table extension's, which reads them as kramdown does; these are the ones it leaves
 * as a paragraph. Escaped pipes and pipes inside code spans do not split cells, and short rows
 * get empty cells.
 */
final class KramdownPipeRows implements ParagraphPreProcessor {
    /** A separator ({@code |---|}) or footer ({@code |===|}) line. */
    private static final Pattern SEPARATOR = Pattern.compile("[+|: \\t]*[-=][+|: \\t=-]*");

    private final PipeSearch pipes = new PipeSearch();

    @Override
    public int preProcessBlock(Paragraph paragraph, ParserState state) {
        BasedSequence chars = paragraph.getChars();
        if (!pipes.in(chars) || !standsAlone(paragraph)) {
            return 0;
        }
        List<List<BasedSequence>> rows = new ArrayList<>();
        int columns = 0;
        boolean leadingPipe = chars.trimStart().startsWith("|");
        for (BasedSequence line : paragraph.getContentLines()) {
            BasedSequence row = line.trimEOL();
            List<BasedSequence> cells = cells(row, leadingPipe);
            if (cells == null || SEPARATOR.matcher(row.trim()).matches()) {
                return 0;
            }
            rows.add(cells);
            columns = Math.max(columns, cells.size());
        }
        TableBlock table = new TableBlock();
        TableBody body = new TableBody();
        for (int i = 0; i < rows.size(); i++) {
            BasedSequence line = paragraph.getContentLines().get(i).trimEOL();
            TableRow row = new TableRow(line);
            for (int c = 0; c < columns; c++) {
                BasedSequence text = c < rows.get(i).size() ? rows.get(i).get(c) : line.subSequence(line.length());
                TableCell cell = new TableCell(text);
                cell.setText(text);
                cell.setSpan(1);
                if (!text.isEmpty()) {
                    state.getInlineParser().parse(text, cell);
                }
                row.appendChild(cell);
            }
            body.appendChild(row);
        }
        body.setCharsFromContent();
        table.appendChild(body);
        table.setCharsFromContent();
        paragraph.insertBefore(table);
        state.blockAdded(table);
        return chars.length();
    }

    /**
     * Whether kramdown would try a table here: a block boundary (a blank line, a {@code ^}) before
     * and after the paragraph.
     */
    private static boolean standsAlone(Paragraph paragraph) {
        BasedSequence all = paragraph.getDocument().getChars();
        Node previous = paragraph.getPrevious();
        if (previous != null && !(previous instanceof KramdownEndOfBlock)) {
            int start = paragraph.getStartOffset();
            int from = start - 1;
            while (from > 0 && all.charAt(from - 1) != '\n') {
                from--;
            }
            if (from <= 0 || !all.subSequence(from, start).isBlank()) {
                return false;
            }
        }
        return paragraph.getNext() == null || paragraph.getNext() instanceof KramdownEndOfBlock
                || paragraph.isTrailingBlankLine();
    }

    /**
     * The cells of a row, or null when it has no pipe outside code spans that is not escaped:
     * split at those pipes, each cell stripped. As in kramdown, an empty first cell is dropped
     * only when the table's first line starts with a pipe ({@code leadingPipe}), and an empty
     * last cell always, so {@code | a |} is one cell and a lone {@code |} none.
     */
    static List<BasedSequence> cells(BasedSequence line, boolean leadingPipe) {
        List<BasedSequence> cells = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                int run = runLength(line, i);
                int close = closingRun(line, i + run, run);
                i = close < 0 ? i + run : close + run;
            } else if (c == '|') {
                cells.add(line.subSequence(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        cells.add(line.subSequence(Math.min(start, line.length())));
        if (leadingPipe && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        List<BasedSequence> stripped = new ArrayList<>(cells.size());
        for (BasedSequence cell : cells) {
            stripped.add(cell.trim());
        }
        return stripped;
    }

    private static int runLength(CharSequence text, int at) {
        int n = 0;
        while (at + n < text.length() && text.charAt(at + n) == '`') {
            n++;
        }
        return n;
    }

    private static int closingRun(CharSequence text, int from, int length) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '`') {
                int run = runLength(text, i);
                if (run == length) {
                    return i;
                }
                i += run - 1;
            }
        }
        return -1;
    }

    /** Registers the pre-processor with flexmark, after link reference definitions are read. */
    static final class Factory extends AfterReferencesFactory {
        Factory() {
            super(KramdownPipeRows::new);
        }
    }
}
