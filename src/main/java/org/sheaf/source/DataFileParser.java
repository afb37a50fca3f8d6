package org.sheaf.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.sheaf.config.YamlParser;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;

/**
 * Reads a file of Jekyll's {@code _data} folder into the value templates see as
 * {@code site.data.NAME}.
 *
 * <p>By extension, case ignored: {@code .yml}, {@code .yaml} and {@code .json} hold one YAML
 * document (JSON is read as YAML, as Jekyll does); {@code .csv} and {@code .tsv} are tables
 * whose first row names the columns, read as Ruby's {@code CSV} with {@code headers: true}:
 * one {@link LinkedHashMap} per row from column name to text, an empty unquoted field is
 * {@code null}, a quoted empty field is {@code ""}, a missing trailing field is {@code null}.
 */
public final class DataFileParser {
    /** Most characters of YAML or JSON read from one data file: 64 MB. */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private DataFileParser() {
    }

    /**
     * The value of the data file at {@code path}, or empty when its extension is not one of
     * Jekyll's data formats. An empty YAML or JSON file is an empty mapping.
     *
     * @param text the decoded file (see {@link SourceText})
     * @param path the file, as diagnostics print it; its extension picks the format
     * @param zone the site's zone, for YAML dates
     * @throws DiagnosticException for invalid YAML or JSON, malformed CSV, or a row with more
     *                             fields than the header has names, at its line
     */
    public static Optional<Object> parse(String text, String path, ZoneId zone) throws DiagnosticException {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        switch (extension) {
            case "yml", "yaml", "json": {
                String yaml = extension.equals("json") ? tabsAsSpaces(text) : text;
                Object value = YamlParser.parse(yaml, path, 1, zone, "data file", MAX_CODE_POINTS).value();
                return Optional.of(value == null ? new LinkedHashMap<String, Object>() : value);
            }
            case "csv":
                return Optional.of(table(text, path, ',', "CSV"));
            case "tsv":
                return Optional.of(table(text, path, '\t', "TSV"));
            default:
                return Optional.empty();
        }
    }

    /**
     * JSON with every tab outside strings turned into a space. JSON allows tabs between tokens;
     * SnakeYAML refuses them where YAML would read indentation, Psych does not. One character
     * for one keeps every line and column.
     */
    static String tabsAsSpaces(String json) {
        if (json.indexOf('\t') < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json);
        boolean inString = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\t') {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static List<Map<String, String>> table(String text, String path, char delimiter, String kind)
            throws DiagnosticException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                // Only changes reading here: tells an empty field ("") from an absent one (,,).
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .build();
        LineIndex lines = new LineIndex(text);
        int stray = strayQuote(text, delimiter);
        if (stray >= 0) {
            int line = lines.lineOf(stray);
            throw new DiagnosticException(Diagnostic.error(path, line, stray - lines.startOf(line) + 1, "invalid "
                    + kind + " in data file: a quote inside a field that is not quoted")
                    .withHint("quote the whole field and double the quotes in it: \"Grace \"\"Amazing\"\" Hopper\""));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = null;
            while (true) {
                // The lexer has counted the line breaks of every record so far: the next record starts below.
                long nextLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return rows;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // commons-csv raises only quoting errors here; its message repeats positions we give anyway.
                    throw new DiagnosticException(Diagnostic.error(path, (int) nextLine, 1, "invalid " + kind
                            + " in data file: a quoted field is not closed, or text follows its closing quote"), e);
                }
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                if (record.size() > header.size()) {
                    int line = lines.lineOf(rowStart(text, record.getCharacterPosition()));
                    throw new DiagnosticException(Diagnostic.error(path, line, 1, kind + " row has "
                            + record.size() + " fields but the header names " + header.size()));
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String column = header.get(i) == null ? "" : header.get(i);
                    if (!row.containsKey(column)) {
                        row.put(column, i < record.size() ? record.get(i) : null);
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory cannot fail", e);
        }
    }

    /**
     * The offset of the first quote inside a field that does not start with one, or -1. Ruby's CSV,
     * which Jekyll reads data tables with, stops there ("Illegal quoting"), where commons-csv
     * keeps the quote as text; a quoted field's own quotes (doubled) and an unclosed quote are
     * left to the parser.
     */
    private static int strayQuote(String text, char delimiter) {
        boolean fieldStart = true;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == delimiter || c == '\n' || c == '\r') {
                fieldStart = true;
            } else if (c == '"') {
                if (!fieldStart) {
                    return i;
                }
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = false;
            }
        }
        return -1;
    }

    /** Where a record's text starts: commons-csv places it before the blank lines it skipped. */
    private static long rowStart(String text, long position) {
        long at = position;
        while (at < text.length() && (text.charAt((int) at) == '\n' || text.charAt((int) at) == '\r')) {
            at++;
        }
        return at;
    }

    /** Line numbers of character offsets in a text. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The offset at which the 1-based {@code line} starts. */
        int startOf(int line) {
            return starts[line - 1];
        }

        /** The 1-based line holding the character at {@code offset}. */
        int lineOf(long offset) {
            int low = 0;
            int high = starts.length - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts[mid] <= offset) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low + 1;
        }
    }
}
