package org.sheaf.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential proof of the highlighter: for each snippet {@code LANGUAGE/NAME.in} under
 * {@code src/test/resources/highlight/}, sheaf's HTML must equal, byte for byte, the
 * {@code NAME.html} that Rouge wrote for it ({@code scripts/rouge-expected} regenerates them).
 * Snippets whose tokens still differ are listed in {@code known-differences.txt} there, one
 * {@code LANGUAGE/NAME} a line; the test fails when an unlisted snippet differs and when a listed
 * one has come to match, so the list only says what is true.
 */
class HighlighterTest {
    private static final Path ROOT = Path.of("src/test/resources/highlight");

    static Stream<String> languages() throws IOException {
        try (Stream<Path> list = Files.list(ROOT)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void writesWhatRougeWrites(String language) throws IOException {
        List<String> known = known();
        List<String> snippets;
        try (Stream<Path> list = Files.list(ROOT.resolve(language))) {
            snippets = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".in"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
        assertTrue(!snippets.isEmpty(), "no snippets for " + language);
        int equal = 0;
        List<String> problems = new ArrayList<>();
        for (String name : snippets) {
            String code = Files.readString(ROOT.resolve(language).resolve(name + ".in"), StandardCharsets.UTF_8);
            String expected = Files.readString(ROOT.resolve(language).resolve(name + ".html"), StandardCharsets.UTF_8);
            String actual = Highlighter.html(language, code);
            String id = language + "/" + name;
            if (actual.equals(expected)) {
                equal++;
                if (known.contains(id)) {
                    problems.add(id + " matches Rouge now: remove it from known-differences.txt");
                }
            } else if (!known.contains(id)) {
                problems.add(id + " differs from Rouge " + firstDifference(expected, actual));
            }
        }
        System.out.println(language + ": " + equal + " of " + snippets.size() + " snippets byte-equal to Rouge");
        assertEquals(List.of(), problems);
    }

    @Test
    void writesAnUnknownLanguageAsPlainTextEscaped() {
        assertEquals("a &lt; b &amp;&amp; c &gt; \"d\"\n", Highlighter.html("no-such-language", "a < b && c > \"d\"\n"));
    }

    @Test
    void findsLanguagesByRougesAliasesAndIgnoresOptions() {
        assertEquals(Highlighter.html("javascript", "var x = 1;"), Highlighter.html("js", "var x = 1;"));
        assertEquals(Highlighter.html("shell", "echo $HOME"), Highlighter.html("bash", "echo $HOME"));
        assertEquals(Highlighter.html("ruby", "x = 1"), Highlighter.html("ruby?foo=bar", "x = 1"));
        assertTrue(Highlighter.knows("c++") && Highlighter.knows("php") && !Highlighter.knows("Ruby"));
    }

    @Test
    void colorsLongStringsAndLinesWithoutRunningOutOfStack() {
        String run = "x\\\"".repeat(30_000);
        assertTrue(Highlighter.html("json", "{\"" + run + "\": 1}").startsWith("<span class=\"p\">{</span><span class=\"nl\">"));
        assertTrue(Highlighter.html("java", "s = \"" + run + "\";").contains("<span class=\"s\">\""));
        assertTrue(Highlighter.html("ruby", "x = :\"" + run + "\"").contains("<span class=\"ss\">:\""));
        assertTrue(Highlighter.html("python", "\"\"\"" + "doc \"quoted\" {x}\n".repeat(20_000) + "\"\"\"")
                .startsWith("<span class=\"s\">\"\"\"doc"));
        assertTrue(Highlighter.html("yaml", "key: " + "word ".repeat(20_000)).startsWith("<span class=\"na\">key</span>"));
        assertTrue(Highlighter.html("css", "a { b: url(" + "x".repeat(100_000) + "); }").contains("<span class=\"sx\">url("));
    }

    /**
     * Whatever a lexer makes of any text, the text itself comes through: every snippet of every
     * language, and random text, lexed as each language, reads back unchanged once the spans are
     * removed and the escapes undone.
     */
    @Test
    void keepsEveryCharacterOfAnyTextInEveryLanguage() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".in")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        java.util.Random random = new java.util.Random(42);
        String alphabet = "abcXYZ019 _-+*/%=<>!&|^~?:;,.'\"`#$@()[]{}\\\n\t\r\u00e9\u4e2d";
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(300); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        List<String> languages = languages().toList();
        for (String language : languages) {
            for (String text : texts) {
                String html = Highlighter.html(language, text);
                String back = html.replaceAll("<span class=\"[a-z0-9]+\">|</span>", "")
                        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                assertEquals(text, back, language);
            }
        }
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "at " + i + ":\n  rouge: " + expected.substring(from, Math.min(expected.length(), i + 80)).replace("\n", "\\n")
                + "\n  sheaf: " + actual.substring(from, Math.min(actual.length(), i + 80)).replace("\n", "\\n");
    }

    private static List<String> known() throws IOException {
        Path list = ROOT.resolve("known-differences.txt");
        if (!Files.exists(list)) {
            return List.of();
        }
        return Files.readAllLines(list).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\s", 2)[0]).toList();
    }
}
