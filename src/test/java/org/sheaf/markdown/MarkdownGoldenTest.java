package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheaf.testing.HtmlTokens;

/**
 * Pages of the jekyll-compat fixture site: the Markdown after Liquid, and the HTML Jekyll 4.3.1
 * (kramdown, GFM input) wrote for it, compared the way sitediff compares HTML.
 */
class MarkdownGoldenTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "about", "existing-services", "memberships", "program-budgets", "fellowship",
        "fellowship-begins", "auditing-services", "library-budgets"})
    void rendersFixturePageAsJekyllDid(String name) throws IOException {
        String markdown = withoutFrontMatter(resource(name + ".md"));
        String expected = resource(name + ".html");
        String actual = RENDERER.render(markdown);
        String difference = HtmlTokens.firstDifference(expected, actual);
        assertNull(difference, () -> name + ": " + difference + "\n--- rendered:\n" + actual);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MarkdownGoldenTest.class.getResourceAsStream("/markdown/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource markdown/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String withoutFrontMatter(String text) {
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---\n", 3);
        return end < 0 ? text : text.substring(end + 5);
    }
}
