package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.testing.HtmlTokens;
import org.sheaf.testing.JekyllContent;

/**
 * The fellowship's job posting, as Jekyll 4.3.1 built it, is the oracle: built by sheaf under the
 * repository's own {@code naked-page} Freemarker layout, the article holds the same HTML
 * (compared as the sitediff tool compares it).
 */
class SeedPageTest {
    @TempDir
    Path dir;

    @Test
    void seedPageUnderNakedPageLayoutMatchesJekyllsArticle() throws IOException {
        Path root = dir.resolve("site");
        FellowshipSiteTest.copyTree(Path.of("templates"), root.resolve("templates"));
        TestSite site = TestSite.in(root)
                .file("content/_config.yml", "title: Open Revenue Research\ntimezone: UTC\npermalink: pretty\n")
                .file("content/en/jobs.md", resource("sites/seed/jobs.md"))
                .buildOk();

        Element article = Jsoup.parse(site.read("en/jobs/index.html")).expectFirst("article.post-content");
        String expected = JekyllContent.of("en/jobs/index.html");
        assertNull(HtmlTokens.firstDifference(expected, article.html()));
        assertEquals(HtmlTokens.of(expected), HtmlTokens.of(article.html()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SeedPageTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
