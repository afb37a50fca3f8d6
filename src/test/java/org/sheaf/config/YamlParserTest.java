package org.sheaf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.diag.Position;

class YamlParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static YamlDocument parse(String yaml) throws DiagnosticException {
        return YamlParser.parse(yaml, "_config.yml", 1, BERLIN, "_config.yml");
    }

    private static String failure(String yaml) {
        return assertThrows(DiagnosticException.class, () -> parse(yaml)).diagnostic().format();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = YamlParserTest.class.getResourceAsStream("/yaml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(YamlDocument document) {
        return (Map<String, Object>) document.value();
    }

    @Test
    void recordsTheLineAndColumnOfNestedKeysAndItems() throws Exception {
        YamlDocument document = parse(fixture("config-positions.yml"));
        assertEquals(new Position(1, 1), document.positionOf("title", null));
        assertEquals(new Position(3, 5), document.positionOf("defaults.0", null));
        assertEquals(new Position(3, 5), document.positionOf("defaults.0.scope", null));
        assertEquals(new Position(4, 7), document.positionOf("defaults.0.scope.path", null));
        assertEquals(new Position(7, 7), document.positionOf("defaults.0.values.layout", null));
        assertEquals(new Position(10, 5), document.positionOf("targets.1.year", null));
        assertEquals(new Position(11, 7), document.positionOf("targets.2", null));
        assertEquals(new Position(11, 7), document.positionOf("targets.2.year", null));
        assertEquals(Position.FILE, document.positionOf("targets.3", Position.FILE));
    }

    @Test
    void offsetsPositionsByTheLineWhereTheTextStarts() throws Exception {
        YamlDocument document = YamlParser.parse("title: x\nauthor:\n  name: Ann\n", "a.md", 2, BERLIN, "front matter");
        assertEquals(new Position(2, 1), document.positionOf("title", null));
        assertEquals(new Position(4, 3), document.positionOf("author.name", null));
    }

    @Test
    void keepsKeysInSourceOrderAsPlainJavaValues() throws Exception {
        Map<String, Object> value = map(parse("b: 1\na: [x, {c: d}]\nn: ~\n"));
        assertEquals(List.of("b", "a", "n"), List.copyOf(value.keySet()));
        assertEquals(List.of("x", Map.of("c", "d")), value.get("a"));
        assertNull(value.get("n"));
    }

    @Test
    void aListOrMappingAsAKeyIsNamedByItsRubyInspect() throws Exception {
        // Psych reads these into {"title"=>{{"post.title"=>nil}=>nil}, ["a", "b"]=>1, "x"=>2}
        YamlDocument document = parse("title: {{post.title}}\n? [a, b]\n: 1\nx: 2\n");
        Map<String, Object> value = map(document);
        assertEquals(List.of("title", "[\"a\", \"b\"]", "x"), List.copyOf(value.keySet()));
        Map<?, ?> title = (Map<?, ?>) value.get("title");
        assertEquals(List.of("{\"post.title\"=>nil}"), List.copyOf(title.keySet()));
        assertNull(title.values().iterator().next());
        assertEquals(2, value.get("x"));
        assertEquals(new Position(4, 1), document.positionOf("x", Position.FILE));
    }

    @Test
    void readsYamlOneOneBooleans() throws Exception {
        Map<String, Object> value = map(parse("a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\ng: 'yes'\nh: y\n"));
        assertEquals(Arrays.asList(true, false, true, false, true, false, "yes", "y"), List.copyOf(value.values()));
    }

    @Test
    void readsAKeyPsychReadsAsABooleanOrNilAsThatValuesName() throws Exception {
        // Jekyll 4.3.1 writes {{ site.data.d | jsonify }} of this data file as
        // {"false":4,"true":7,"y":5,"n":6,"":9,"name":"x","off":10}, and {{ site.data.d.off }} as nothing
        Map<String, Object> value = map(parse("off: 1\non: 2\nyes: 3\nNo: 4\ny: 5\nn: 6\nTrue: 7\nnull: 8\n~: 9\n"
                + "name: x\n\"off\": 10\n"));
        assertEquals(List.of("false", "true", "y", "n", "", "name", "off"), List.copyOf(value.keySet()));
        assertEquals(List.of(4, 7, 5, 6, 9, "x", 10), List.copyOf(value.values()));
    }

    @Test
    void readsYamlOneOneNumbersAsSnakeYamlResolvesThem() throws Exception {
        Map<String, Object> value = map(parse(
                "hex: 0x1F\noctal: 017\nnot-octal: 0o17\nzip: 08\nbinary: 0b101\nunderscores: 1_000\n"
                        + "sexagesimal: 1:30\nlong: 12345678901\nbig: 123456789012345678901234567890\n"
                        + "float: 1.5\nexponent: 1e3\nversion: 1.10\ninfinity: -.inf\nnegative: -12\n"));
        assertEquals(31, value.get("hex"));
        assertEquals(15, value.get("octal"));
        assertEquals("0o17", value.get("not-octal"));
        assertEquals("08", value.get("zip"));
        assertEquals(5, value.get("binary"));
        assertEquals(1000, value.get("underscores"));
        assertEquals(90, value.get("sexagesimal"));
        assertEquals(12345678901L, value.get("long"));
        assertEquals(new BigInteger("123456789012345678901234567890"), value.get("big"));
        assertEquals(1.5, value.get("float"));
        assertEquals(1000.0, value.get("exponent"));
        assertEquals(1.1, value.get("version"));
        assertEquals(Double.NEGATIVE_INFINITY, value.get("infinity"));
        assertEquals(-12, value.get("negative"));
    }

    @Test
    void readsDatesAsDatesWithoutATime() throws Exception {
        Object date = map(parse("date: 2017-09-04")).get("date");
        assertEquals(new RubyDate(LocalDate.of(2017, 9, 4)), date);
        assertEquals("2017-09-04", date.toString());
        assertEquals("2017-02-30", map(parse("date: 2017-02-30")).get("date"));
    }

    @Test
    void readsTimesWithoutZoneAsUtcShownInTheSiteZone() throws Exception {
        assertEquals(ZonedDateTime.of(2017, 9, 4, 12, 30, 0, 0, BERLIN),
                map(parse("date: 2017-09-04 10:30:00")).get("date"));
        assertEquals(ZonedDateTime.of(2017, 9, 4, 0, 30, 0, 0, BERLIN),
                map(parse("date: 2017-09-03 22:30:00")).get("date"));
    }

    @Test
    void keepsTheOffsetATimeIsWrittenWith() throws Exception {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Map<String, Object> value = map(YamlParser.parse(
                "a: 2017-09-04 10:30:00 +0200\nb: 2017-09-04T10:30:00Z\nc: 2017-09-04 10:30:00.5 -05:00\n"
                        + "d: 2017-09-04 10:30:00 +00:00\n",
                "_config.yml", 1, tokyo, "_config.yml"));
        assertEquals(ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 0, ZoneOffset.ofHours(2)), value.get("a"));
        // Z is Ruby's UTC, which prints as UTC; +00:00 a fixed offset, which prints as +0000
        assertEquals(ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 0, RubyTime.UTC), value.get("b"));
        assertEquals(ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 0, ZoneOffset.UTC), value.get("d"));
        assertEquals(ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 500_000_000, ZoneOffset.ofHours(-5)), value.get("c"));
    }

    @Test
    void leavesImpossibleDatesAndQuotedDatesAsText() throws Exception {
        Map<String, Object> value = map(parse("a: 2017-02-30\nb: \"2017-09-04\"\nc: 2017-09-04 25:00:00\n"));
        assertEquals("2017-02-30", value.get("a"));
        assertEquals("2017-09-04", value.get("b"));
        assertEquals("2017-09-04 25:00:00", value.get("c"));
    }

    @Test
    void keepsTheLastOfDuplicateKeysAndItsPosition() throws Exception {
        YamlDocument document = parse("a: {x: 1}\nb: 2\na: 3\n");
        assertEquals(Map.of("a", 3, "b", 2), document.value());
        assertEquals(List.of("a", "b"), List.copyOf(map(document).keySet()));
        assertEquals(new Position(3, 1), document.positionOf("a", null));
        assertNull(document.positionOf("a.x", null));
    }

    @Test
    void mergesMappingsWithMergeKeys() throws Exception {
        YamlDocument document = parse("base: &base\n  layout: post\n  draft: false\n"
                + "note:\n  <<: *base\n  draft: true\n"
                + "both:\n  <<: [{a: 1}, {a: 2, b: 2}]\n");
        assertEquals(Map.of("layout", "post", "draft", true), map(document).get("note"));
        assertEquals(Map.of("a", 1, "b", 2), map(document).get("both"));
        assertEquals(new Position(2, 3), document.positionOf("note.layout", null));
        assertEquals(new Position(6, 3), document.positionOf("note.draft", null));
    }

    @Test
    void readsAnEmptyDocumentAsNull() throws Exception {
        assertNull(parse("# only a comment\n").value());
    }

    @Test
    void reportsMappingValuesInAPlainScalarAtTheColon() {
        assertEquals("_config.yml:2:9: error: invalid YAML in _config.yml: mapping values are not allowed here",
                failure("a: 1\ntitle: a: b\n"));
    }

    @Test
    void reportsTabsUsedForIndentation() {
        assertEquals("_config.yml:2:1: error: invalid YAML in _config.yml: found character '\\t(TAB)' that "
                + "cannot start any token. (Do not use \\t(TAB) for indentation)", failure("a:\n\tb: 1\n"));
    }

    @Test
    void namesTheCharacterSnakeYamlGivesByItsCodeInPlainWords() {
        assertEquals("_config.yml:1:6: error: invalid YAML in _config.yml: anchor names cannot contain \".\"; use"
                + " letters, digits, \"-\" and \"_\", or quote the value if it is meant as text"
                + "\n    hint: while scanning an anchor that starts at line 1, column 4", failure("a: &x. 1\n"));
        assertEquals("_config.yml:2:6: error: invalid YAML in _config.yml: alias names cannot contain \"*\"; use"
                + " letters, digits, \"-\" and \"_\", or quote the value if it is meant as text"
                + "\n    hint: while scanning an alias that starts at line 2, column 4", failure("a: 1\nb: *x*\n"));
        assertEquals("_config.yml:1:5: error: invalid YAML in _config.yml: \"*\" starts an alias but no name follows"
                + " it; write the name right after it, or quote the value if it is meant as text"
                + "\n    hint: while scanning an alias that starts at line 1, column 4", failure("a: *\n"));
        assertEquals("_config.yml:1:3: error: invalid YAML in _config.yml: expected alphabetic or numeric character,"
                + " but found \".\"\n    hint: while scanning a directive that starts at line 1, column 1",
                failure("%Y.\n---\na: 1\n"));
        assertEquals("_config.yml:1:4: error: invalid YAML in _config.yml: a plain value cannot start with \"@\","
                + " which YAML reserves; put the value in quotes", failure("a: @x\n"));
        assertEquals("_config.yml:1:6: error: invalid YAML in _config.yml: \"\\q\" is no escape in a double-quoted"
                + " string; write \"\\\\\" for a backslash, or use single quotes"
                + "\n    hint: while scanning a double-quoted scalar that starts at line 1, column 4",
                failure("a: \"\\q\"\n"));
        assertEquals("_config.yml:1:7: error: invalid YAML in _config.yml: expected '>', but found the end of the line"
                + "\n    hint: while scanning a tag that starts at line 1, column 4", failure("a: !<x\n"));
        assertEquals("_config.yml:1:7: error: invalid YAML in _config.yml: expected escape sequence of 4 hexadecimal"
                + " numbers, but found: 00\" (then the end of the line)"
                + "\n    hint: while scanning a double-quoted scalar that starts at line 1, column 4",
                failure("a: \"\\u00\"\n"));
    }

    /**
     * Psych (libyaml 0.2.5) reads a tab between tokens as a space, as the Data Carpentry site's
     * {@code path: "" \t\t\t\t# comment} needs; a tab in the indent, or after a {@code -} that
     * starts an item, is still refused there.
     */
    @Test
    void readsTabsBetweenTokensAsPsychDoes() throws Exception {
        assertEquals(Map.of("scope", Map.of("path", "", "type", "pages")),
                map(parse("scope:\n  path: \"\" \t\t\t\t# all files\n  type: \"pages\"\n")));
        assertEquals(Map.of("a", "x", "b", List.of(1, 2), "c", "y", "d", Map.of("e", 1)),
                map(parse("a: 'x'\t# c\nb: [1,\t2]\nc:\ty\t\nd: {e: 1}\t# c\n")));
        assertEquals(List.of("tab\tkept", "quoted\ttab"), parse("- tab\tkept\t\n- \"quoted\ttab\"\t\n").value());
        assertEquals(new Position(3, 3), parse("a: 1\nb:\n  c:\t2\n").positionOf("b.c", null));
        assertEquals("_config.yml:1:3: error: invalid YAML in _config.yml: found character '\\t(TAB)' that "
                + "cannot start any token. (Do not use \\t(TAB) for indentation)", failure("- \tx\n"));
    }

    /**
     * Psych reads any number of tabs between tokens as spaces; so does sheaf, all at once, and a
     * tab inside a scalar, quoted, in a block or plain, stays in the value.
     */
    @Test
    void readsHundredsOfTabsBetweenTokensAsPsychDoes() throws Exception {
        StringBuilder yaml = new StringBuilder();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            switch (i % 4) {
                case 0 -> yaml.append("c").append(i).append(":\t").append(i).append("\t# comment\t").append(i).append('\n');
                case 1 -> yaml.append("c").append(i).append(":\t'quoted\ttab'\t\t# c\n");
                case 2 -> yaml.append("c").append(i).append(": plain\ttab\t\n");
                default -> yaml.append("c").append(i).append(":\t[").append(i).append(",\t").append(i + 1).append("]\n");
            }
            expected.put("c" + i, switch (i % 4) {
                case 0 -> i;
                case 1 -> "quoted\ttab";
                case 2 -> "plain\ttab";
                default -> List.of(i, i + 1);
            });
        }
        yaml.append("block: |\n  a\tb\n");
        expected.put("block", "a\tb\n");
        YamlDocument document = parse(yaml.toString());
        assertEquals(expected, map(document));
        assertEquals(new Position(200, 1), document.positionOf("c199", null));
    }

    /**
     * When the text has a mistake after its tabs, they are read one parse each, so past the limit
     * the tab is reported as SnakeYAML finds it.
     */
    @Test
    void stopsReadingTabsAsSpacesAfterTheLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("a:\t\t1 \t\n");
        for (int i = 1; i < YamlParser.MAX_TAB_RETRIES; i++) {
            yaml.append("k").append(i).append(":\t").append(i).append('\n');
        }
        assertEquals(YamlParser.MAX_TAB_RETRIES - 1, map(parse(yaml.toString())).get("k" + (YamlParser.MAX_TAB_RETRIES - 1)));
        yaml.append("last:\t0\n");
        assertEquals(0, map(parse(yaml.toString())).get("last"));
        yaml.append("mistake: [\n");
        assertEquals("_config.yml:" + (YamlParser.MAX_TAB_RETRIES + 1) + ":6: error: invalid YAML in _config.yml: found "
                + "character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)",
                failure(yaml.toString()));
    }

    @Test
    void reportsAnUnclosedQuoteWithAHintWhereItOpens() {
        assertEquals("_config.yml:3:1: error: invalid YAML in _config.yml: found unexpected end of stream\n"
                + "    hint: while scanning a quoted scalar that starts at line 1, column 8",
                failure("title: \"unclosed\nnext: 1\n"));
    }

    @Test
    void reportsBadIndentation() {
        assertEquals("_config.yml:3:2: error: invalid YAML in _config.yml: expected <block end>, "
                + "but found '<block mapping start>'\n"
                + "    hint: while parsing a block mapping that starts at line 1, column 1",
                failure("a:\n  b: 1\n c: 2\n"));
    }

    @Test
    void reportsASecondDocument() {
        assertEquals("_config.yml:2:1: error: invalid YAML in _config.yml: expected a single document "
                + "in the stream but found another document", failure("a: b\n---\nc: d\n"));
    }

    @Test
    void reportsControlCharacters() {
        assertEquals("_config.yml:2:7: error: invalid YAML in _config.yml: character U+0007 is not allowed",
                failure("a: 1\nbell: \u0007\n"));
    }

    @Test
    void refusesJavaTypeTags() {
        assertEquals("_config.yml:1:4: error: unsupported YAML tag \"!!java.lang.ProcessBuilder\"",
                failure("x: !!java.lang.ProcessBuilder [\"rm\"]\n"));
        assertEquals("_config.yml:2:5: error: unsupported YAML tag "
                + "\"!!javax.script.ScriptEngineManager\"",
                failure("a:\n  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"));
    }

    @Test
    void refusesLocalTagsAndTagsOnKeys() {
        assertEquals("_config.yml:1:4: error: unsupported YAML tag \"!foo\"", failure("x: !foo bar\n"));
        assertEquals("_config.yml:1:1: error: unsupported YAML tag \"!ruby/object\"", failure("!ruby/object k: v\n"));
    }

    @Test
    void acceptsStandardTags() throws Exception {
        assertEquals(Map.of("a", "12", "b", 12, "c", 1.0, "d", "hi"),
                parse("a: !!str 12\nb: !!int \"12\"\nc: !!float '1'\nd: !!binary aGk=\n").value());
    }

    @Test
    void reportsAValueThatDoesNotFitItsTag() {
        assertEquals("_config.yml:1:4: error: YAML value \"ten\" is not a valid !!int", failure("a: !!int ten\n"));
    }

    /** Only so that a parser expanding every alias fails the run instead of hanging it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void refusesBillionLaughsAtTheAliasLimit() throws Exception {
        String yaml = fixture("billion-laughs.yml");
        String message = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DiagnosticException.class, () -> parse(yaml)).diagnostic().format());
        // The 51st alias of a list: the sixth on line 8.
        assertEquals("_config.yml:8:23: error: YAML uses more than 50 aliases of lists or mappings", message);
    }

    @Test
    void refusesFewAliasesThatExpandToMillionsOfValues() throws Exception {
        String yaml = fixture("doubling-laughs.yml");
        String message = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DiagnosticException.class, () -> parse(yaml)).diagnostic().format());
        assertEquals("_config.yml:2:10: error: YAML aliases expand to more than 100000 values", message);
    }

    @Test
    void refusesAnAliasInsideItself() {
        assertEquals("_config.yml:1:4: error: YAML alias refers to a collection that contains it", failure("a: &r [*r]\n"));
    }

    @Test
    void refusesDeepNesting() {
        assertEquals("_config.yml:1:67: error: YAML nested deeper than 64 levels",
                failure("a: " + "[".repeat(70) + "]".repeat(70) + "\n"));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            block.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertEquals("_config.yml:65:65: error: YAML nested deeper than 64 levels", failure(block.toString()));
    }

    @Test
    void acceptsNestingUpToTheLimit() throws Exception {
        // The document's mapping is one level, so 63 lists fit inside it.
        parse("a: " + "[".repeat(63) + "]".repeat(63) + "\n");
    }

    @Test
    void refusesTextOverTheSizeLimit() {
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> YamlParser.parse("a: " + "x".repeat(100), "_config.yml", 1, BERLIN, "_config.yml", 50));
        assertEquals("_config.yml:1:1: error: _config.yml is too large: more than 50 characters of YAML",
                e.diagnostic().format());
    }

    /** Found by FrontMatterFuzzIT: SnakeYAML also breaks lines at a lone CR, NEL, U+2028 and U+2029. */
    @Test
    void countsLinesAtLineFeedsOnlyAsEditorsDo() throws Exception {
        assertEquals("_config.yml:4:1: error: invalid YAML in _config.yml: could not find expected ':'\n"
                + "    hint: while scanning a simple key that starts at line 3, column 1",
                failure("title: x\nnote: \"a\rb\u2028c\"\nbad\n"));
        assertEquals("_config.yml:1:10: error: invalid YAML in _config.yml: mapping values are not allowed here",
                failure("a: 1\r\rb: : c\n"));
        assertEquals(new Position(2, 1), parse("a: \"x\u2029y\"\nb: 2\n").positionOf("b", Position.FILE));
    }
}
