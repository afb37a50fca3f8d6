package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numeric character references as Jekyll reads them, in a page's Markdown and in
 * {@code smartify}, from the table {@code scripts/kramdown-references-expected} made with Jekyll
 * and kramdown; around 128-159, which kramdown reads as Windows-1252.
 */
class CharacterReferenceTest {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-F]{4})");

    /** The rows of the table: a reference, Jekyll's HTML of {@code a REF b} as a page, and its {@code smartify}. */
    static Stream<String[]> references() throws IOException {
        try (InputStream in = CharacterReferenceTest.class.getResourceAsStream("/kramdown/references.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split("\t", -1)).toList().stream();
        }
    }

    /** A column of the table with its {@code \}{@code uXXXX} escapes read. */
    private static String unescaped(String column) {
        Matcher escape = ESCAPE.matcher(column);
        return escape.replaceAll(m -> Matcher.quoteReplacement(Character.toString((char) Integer.parseInt(m.group(1), 16))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void aPageWritesTheCharacterKramdownReads(String reference, String page, String smartify) {
        assertEquals(unescaped(page), KRAMDOWN.render("a " + reference + " b\n").strip());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void smartifyWritesTheCharacterKramdownReads(String reference, String page, String smartify) {
        assertEquals(unescaped(smartify), Smartypants.smartify("a " + reference + " b"));
    }

    /**
     * Jekyll 4.3.1's smartify writes a NUL for {@code &#0;} and the bytes Ruby makes of a surrogate's
     * number or one past U+10FFFF, which are no UTF-8; sheaf keeps those references as written.
     */
    @Test
    void smartifyKeepsAReferenceToNoCharacterAsWritten() {
        assertEquals("a \0 b &#55296; c &#x110000; d", Smartypants.smartify("a &#0; b &#55296; c &#x110000; d"));
    }
}
