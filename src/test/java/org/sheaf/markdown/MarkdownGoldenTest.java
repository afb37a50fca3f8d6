package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheaf.testing.HtmlTokens;
import org.sheaf.testing.JekyllContent;

/**
 * Pages of the jekyll-compat fixture site: the Markdown after Liquid, and the HTML Jekyll 4.3.1
 * (kramdown, GFM input) wrote for it, compared the way sitediff compares HTML. The expected HTML
 * is read out of Jekyll's own pages in {@code sites/jekyll-compat/expected}: the part of each
 * page its layout filled with {@code content}.
 */
class MarkdownGoldenTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.defaults());

    @ParameterizedTest
    @CsvSource({
        "jobs, en/jobs/index.html",
        "about, about/index.html",
        "existing-services, notes/audits/existing-services/index.html",
        "memberships, notes/growth-models/memberships/index.html",
        "program-budgets, notes/library-findings/program-budgets/index.html",
        "fellowship, notes/job-postings/fellowship/index.html",
        "fellowship-begins, news/2017/09/04/fellowship-begins/index.html",
        "auditing-services, news/2017/09/18/auditing-services/index.html",
        "library-budgets, research/2017/10/02/library-budgets/index.html"})
    void rendersFixturePageAsJekyllDid(String name, String jekyllPage) throws IOException {
        String markdown = withoutFrontMatter(resource(name + ".md"));
        String expected = JekyllContent.of(jekyllPage);
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
