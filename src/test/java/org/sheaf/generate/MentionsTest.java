package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * jekyll-mentions' rewriting of a body, against what the plugin's HTML pipeline (Nokogiri on
 * libxml2 2.9.14) made of the same markup: HTML 4's closing rules, elements HTML 4 does not know,
 * void and boolean attributes, entities, script text, and where libxml2 starts new lines.
 */
class MentionsTest {
    private static final Path DIR = Path.of("src/test/resources/html4");

    @Test
    void rewritesMarkupAsNokogiriDid() throws IOException {
        String input = Files.readString(DIR.resolve("mentions-input.html"));
        assertEquals(Files.readString(DIR.resolve("mentions-nokogiri.html")), Mentions.linked(input, "https://github.com"));
    }

    @Test
    void quotesAttributeWithDoubleQuoteInSingleQuotes() {
        assertEquals("<p title='a\"b'><a href=\"https://github.com/x\" class=\"user-mention\">@x</a></p>",
                Mentions.linked("<p title=\"a&quot;b\">@x</p>", "https://github.com"));
    }

    @Test
    void keepsSlashOrTildeEndingBase() {
        assertEquals("<a href=\"https://example.com/~x\" class=\"user-mention\">@x</a>",
                Mentions.linked("@x", "https://example.com/~"));
    }
}
