package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.diag.Position;

class FrontMatterParserTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String PATH = "content/_posts/2017-09-04-start.md";

    private static FrontMatter parse(String text) throws DiagnosticException {
        return FrontMatterParser.parse(text, PATH, ZONE);
    }

    private static String failure(String text) {
        return assertThrows(DiagnosticException.class, () -> parse(text)).diagnostic().format();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FrontMatterParserTest.class.getResourceAsStream("/yaml/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void splitsFrontMatterFromBodyAndSaysWhereTheBodyStarts() throws Exception {
        FrontMatter page = parse("---\ntitle: Start\ndate: 2017-09-04\n---\n# Hello\n");
        assertEquals(Map.of("title", "Start", "date", new RubyDate(LocalDate.of(2017, 9, 4))), page.data());
        assertEquals("# Hello\n", page.body());
        assertEquals(5, page.bodyLine());
    }

    @Test
    void givesKeyPositionsAsLinesOfTheFile() throws Exception {
        FrontMatter page = parse("---\ntitle: Start\nauthor:\n  name: Ann\ntags:\n  - a\n  - b\n---\n");
        assertEquals(new Position(2, 1), page.positionOf("title", null));
        assertEquals(new Position(4, 3), page.positionOf("author.name", null));
        assertEquals(new Position(7, 5), page.positionOf("tags.1", null));
    }

    @Test
    void reportsBrokenYamlAtItsLineInTheFile() {
        assertEquals(PATH + ":3:9: error: invalid YAML in front matter: mapping values are not allowed here",
                failure("---\nlayout: post\ntitle: a: b\n---\nbody\n"));
    }

    @Test
    void reportsTabIndentationAtItsLineInTheFile() {
        assertEquals(PATH + ":4:1: error: invalid YAML in front matter: found character '\\t(TAB)' that "
                + "cannot start any token. (Do not use \\t(TAB) for indentation)",
                failure("---\nauthor:\n  name: Ann\n\tsite: x\n---\n"));
    }

    @Test
    void reportsAnUnclosedQuoteAtTheEndOfTheFrontMatterWithAHintWhereItOpens() {
        assertEquals(PATH + ":4:1: error: invalid YAML in front matter: found unexpected end of stream\n"
                + "    hint: while scanning a quoted scalar that starts at line 2, column 8",
                failure("---\ntitle: \"Start\nlayout: post\n---\nbody\n"));
    }

    @Test
    void reportsBadIndentationAtItsLineInTheFile() {
        assertEquals(PATH + ":5:2: error: invalid YAML in front matter: expected <block end>, "
                + "but found '<block mapping start>'\n"
                + "    hint: while parsing a block mapping that starts at line 2, column 1",
                failure("---\ntitle: x\nauthor:\n  name: Ann\n site: y\n---\n"));
    }

    @Test
    void refusesFrontMatterThatIsAListOrAScalar() {
        assertEquals(PATH + ":2:1: error: front matter must be a mapping of keys to values",
                failure("---\n- a\n- b\n---\n"));
        assertEquals(PATH + ":3:3: error: front matter must be a mapping of keys to values",
                failure("---\n# a comment\n  just text\n---\n"));
    }

    @Test
    void refusesUnsupportedTagsInFrontMatter() {
        assertEquals(PATH + ":2:7: error: unsupported YAML tag \"!ruby/object:OpenStruct\"",
                failure("---\nmeta: !ruby/object:OpenStruct {a: 1}\n---\n"));
    }

    @Test
    void treatsTextWithoutFrontMatterAsAllBody() throws Exception {
        String text = "# Title\n---\nnot: front matter\n";
        FrontMatter page = parse(text);
        assertEquals(Map.of(), page.data());
        assertEquals(text, page.body());
        assertEquals(1, page.bodyLine());
    }

    @Test
    void readsEmptyFrontMatterAsAnEmptyMapping() throws Exception {
        FrontMatter page = parse("---\n---\nBody\n");
        assertEquals(Map.of(), page.data());
        assertEquals("Body\n", page.body());
        assertEquals(3, page.bodyLine());
        assertEquals(Map.of(), parse("---\n~\n---\nBody\n").data());
    }

    @Test
    void endsFrontMatterAtThreeDots() throws Exception {
        FrontMatter page = parse("---\ntitle: Dots\n...\nBody\n");
        assertEquals(Map.of("title", "Dots"), page.data());
        assertEquals("Body\n", page.body());
        assertEquals(4, page.bodyLine());
    }

    @Test
    void keepsLaterDashLinesInTheBody() throws Exception {
        FrontMatter page = parse("---\ntitle: Rules\n---\nAbove\n---\nBelow\n");
        assertEquals(Map.of("title", "Rules"), page.data());
        assertEquals("Above\n---\nBelow\n", page.body());
    }

    @Test
    void dropsBlankLinesAfterTheClosingLineAsJekyllDoes() throws Exception {
        FrontMatter page = parse("---   \ntitle: x\n---  \n\n\nBody\n");
        assertEquals("Body\n", page.body());
        assertEquals(6, page.bodyLine());
    }

    @Test
    void readsWindowsLineEndings() throws Exception {
        FrontMatter page = parse(SourceText.decode(fixture("crlf-post.md"), PATH));
        assertEquals(Map.of("title", "Windows", "tags", List.of("a", "b")), page.data());
        assertEquals(new Position(3, 1), page.positionOf("tags", null));
        assertEquals("Body line\r\n", page.body());
        assertEquals(5, page.bodyLine());
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() throws Exception {
        byte[] file = fixture("bom-post.md");
        assertTrue(FrontMatterParser.hasFrontMatter(file));
        FrontMatter page = parse(SourceText.decode(file, PATH));
        assertEquals(Map.of("title", "With BOM"), page.data());
        assertEquals(new Position(2, 1), page.positionOf("title", null));
        assertEquals("Body\n", page.body());
    }

    @Test
    void reportsFrontMatterThatIsNeverClosed() {
        assertEquals(PATH + ":1:1: error: front matter is not closed: add a line \"---\" where it ends",
                failure("---\ntitle: x\nBody\n"));
    }

    @Test
    void recognisesFrontMatterByItsFirstLineOnly() throws Exception {
        assertTrue(FrontMatterParser.hasFrontMatter(bytes("---\ntitle: x\n---\n")));
        assertTrue(FrontMatterParser.hasFrontMatter(bytes("--- \t\r\n")));
        assertTrue(FrontMatterParser.hasFrontMatter(fixture("crlf-post.md")));
        assertFalse(FrontMatterParser.hasFrontMatter(bytes("----\n")));
        assertFalse(FrontMatterParser.hasFrontMatter(bytes("--- x\n")));
        assertFalse(FrontMatterParser.hasFrontMatter(bytes(" ---\n")));
        assertFalse(FrontMatterParser.hasFrontMatter(bytes("---")));
        assertFalse(FrontMatterParser.hasFrontMatter(bytes("# Title\n---\n")));
        assertFalse(FrontMatterParser.hasFrontMatter(new byte[0]));
    }
}
