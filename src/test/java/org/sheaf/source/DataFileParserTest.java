package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.jekyll.RubyDate;

class DataFileParserTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");

    private static Object parse(String text, String path) throws DiagnosticException {
        return DataFileParser.parse(text, path, ZONE).orElseThrow();
    }

    private static String failure(String text, String path) {
        return assertThrows(DiagnosticException.class, () -> DataFileParser.parse(text, path, ZONE))
                .diagnostic().format();
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void readsYamlDataWithDates() throws Exception {
        assertEquals(List.of(Map.of("name", "Ann", "since", new RubyDate(LocalDate.of(2019, 1, 2)))),
                parse("- name: Ann\n  since: 2019-01-02\n", "_data/people.yml"));
        assertEquals(Map.of("a", 1), parse("a: 1\n", "_data/numbers.YAML"));
    }

    @Test
    void readsAnEmptyYamlFileAsAnEmptyMapping() throws Exception {
        assertEquals(Map.of(), parse("", "_data/empty.yml"));
    }

    @Test
    void readsJsonIndentedWithTabs() throws Exception {
        assertEquals(Map.of("title", "a\tb", "years", List.of(2019, 2020), "open", true),
                parse("{\n\t\"title\": \"a\\tb\",\n\t\"years\": [2019,\t2020],\n\t\"open\": true\n}\n", "_data/site.json"));
    }

    @Test
    void reportsBrokenJsonAtItsLine() {
        assertEquals("_data/site.json:4:1: error: invalid YAML in data file: expected ',' or ']', but got }\n"
                + "    hint: while parsing a flow sequence that starts at line 3, column 11",
                failure("{\n\t\"title\": \"x\",\n\t\"years\": [2019, 2020\n}\n", "_data/site.json"));
    }

    @Test
    void readsCsvRowsAsMapsFromHeaderToText() throws Exception {
        assertEquals(List.of(row("name", "Ann", "year", "2019"), row("name", "Bo, Jr.", "year", "2020")),
                parse("name,year\nAnn,2019\r\n\"Bo, Jr.\",2020\n", "_data/people.csv"));
    }

    @Test
    void readsEmptyCsvFieldsAsRubyDoes() throws Exception {
        assertEquals(List.of(row("a", null, "b", "", "c", null)),
                parse("a,b,c\n,\"\"\n", "_data/gaps.csv"));
    }

    @Test
    void keepsTheFirstOfDuplicateCsvColumns() throws Exception {
        assertEquals(List.of(row("a", "1")), parse("a,a\n1,2\n", "_data/twice.csv"));
    }

    @Test
    void readsAnEmptyCsvFileAsNoRows() throws Exception {
        assertEquals(List.of(), parse("", "_data/none.csv"));
    }

    @Test
    void readsTsvRows() throws Exception {
        assertEquals(List.of(row("name", "Ann", "note", "says \"hi\", twice")),
                parse("name\tnote\nAnn\t\"says \"\"hi\"\", twice\"\n", "_data/people.tsv"));
    }

    @Test
    void reportsACsvRowWithMoreFieldsThanTheHeader() {
        assertEquals("_data/people.csv:4:1: error: CSV row has 3 fields but the header names 2",
                failure("name,year\nAnn,2019\n\nBo,2020,extra\n", "_data/people.csv"));
        assertEquals("_data/people.tsv:2:1: error: TSV row has 3 fields but the header names 2",
                failure("name\tyear\nAnn\t2019\tx\n", "_data/people.tsv"));
    }

    @Test
    void reportsAnUnclosedCsvQuoteAtItsRow() {
        assertEquals("_data/people.csv:3:1: error: invalid CSV in data file: a quoted field is not closed, "
                + "or text follows its closing quote",
                failure("name,year\nAnn,2019\n\"Bo,2020\nCy,2021\n", "_data/people.csv"));
    }

    @Test
    void reportsAQuoteInsideAnUnquotedFieldWhereRubysCsvStops() throws Exception {
        // Jekyll 4.3.1 stops on each with "Illegal quoting in line 2."
        assertEquals("_data/people.csv:2:7: error: invalid CSV in data file: a quote inside a field that is not quoted",
                failure("name,year\nGrace \"Amazing\" Hopper,1906\n", "_data/people.csv").lines().findFirst().orElseThrow());
        assertEquals("_data/people.tsv:3:8: error: invalid TSV in data file: a quote inside a field that is not quoted",
                failure("name\tyear\n\"multi\nline\"\tx\"y\n", "_data/people.tsv").lines().findFirst().orElseThrow());
        // a quoted field's doubled quotes, and a quote only after the delimiter, are fine
        assertEquals(List.of(Map.of("name", "say \"hi\"", "year", "1")),
                parse("name,year\n\"say \"\"hi\"\"\",\"1\"\n", "_data/people.csv"));
    }

    @Test
    void ignoresOtherExtensions() throws Exception {
        assertEquals(Optional.empty(), DataFileParser.parse("a: 1", "_data/notes.txt", ZONE));
        assertEquals(Optional.empty(), DataFileParser.parse("a: 1", "_data/README", ZONE));
        assertEquals(Arrays.asList(1, null), parse("[1, null]", "_data/list.json"));
    }
}
