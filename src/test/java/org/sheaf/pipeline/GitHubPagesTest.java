package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;

/** GitHub Pages mode: the switch, the defaults it forces and its four content plugins. */
class GitHubPagesTest {
    @TempDir
    Path dir;

    private TestSite site(String config) {
        return TestSite.in(dir)
                .file("_config.yml", config)
                .file("_layouts/default.html", "<main>{{ page.title }}|{{ content }}</main>")
                .file("_layouts/page.html", "---\nlayout: default\n---\n<article>{{ content }}</article>");
    }

    @Test
    void markdownWithoutFrontMatterBecomesAPageWithTheFirstHeadingAsTitleAndThePageLayout() {
        TestSite site = site("github_pages: true\n").file("guide.md", "# The *guide*\n\nText.\n").buildOk();
        assertEquals("<main>The guide|<article><h1 id=\"the-guide\">The <em>guide</em></h1>\n<p>Text.</p>\n</article></main>",
                site.read("guide.html"));
        assertEquals("# The *guide*\n\nText.\n", site.read("guide.md"));
    }

    @Test
    void readmeAndLicenceStayStaticFiles() {
        TestSite site = site("github_pages: true\n").file("README.md", "# Read me\n").file("LICENSE.md", "MIT\n").buildOk();
        assertEquals(List.of("LICENSE.md", "README.md"), site.outputPaths());
    }

    @Test
    void linksToMarkdownFilesPointAtTheirPages() {
        TestSite site = site("github_pages: true\nbaseurl: /b\n")
                .file("docs/a.md", "---\ntitle: A\nlayout: null\n---\n[b](b.md#part \"B\") [up](../index.md) [ext](https://x.org/c.md) [none](c.md)\n\n[r]: b.md\n")
                .file("docs/b.md", "---\ntitle: B\n---\nB\n")
                .file("index.md", "---\ntitle: Home\n---\nHome\n")
                .buildOk();
        assertEquals("<p><a href=\"/b/docs/b.html#part\" title=\"B\">b</a> <a href=\"/b/\">up</a> "
                + "<a href=\"https://x.org/c.md\">ext</a> <a href=\"c.md\">none</a></p>\n", site.read("docs/a.html"));
    }

    @Test
    void aGivenTitleAndLayoutWinAndFuturePostsArePublished() {
        TestSite site = site("github_pages: true\n")
                .file("_layouts/post.html", "<post>{{ content }}</post>")
                .file("titled.md", "---\ntitle: Given\nlayout: default\n---\n# Heading\n")
                .file("_posts/2099-01-01-later.md", "---\n---\nLater\n")
                .buildOk();
        assertEquals("<main>Given|<h1 id=\"heading\">Heading</h1>\n</main>", site.read("titled.html"));
        assertEquals("<post><p>Later</p>\n</post>", site.read("2099/01/01/later.html"));
    }

    @Test
    void eachPluginCanBeTurnedOffAndListingAPluginTurnsItOnAlone() {
        TestSite off = site("github_pages: true\noptional_front_matter:\n  enabled: false\n")
                .file("guide.md", "# Guide\n").buildOk();
        assertFalse(off.exists("guide.html"));

        TestSite listed = site("plugins: [jekyll-optional-front-matter]\n").file("guide.md", "# Guide\n").buildOk();
        assertEquals("<h1 id=\"guide\">Guide</h1>\n", listed.read("guide.html"));
        assertTrue(listed.build().diagnostics().isEmpty());
    }

    @Test
    void theCommandLineSwitchDoesWhatTheConfigKeyDoes() {
        site("").file("guide.md", "# Guide\n");
        BuildResult result = TestSite.in(dir).build(
                new ConfigLoader.Overrides(List.of(), null, null, null, false, false, false, true));
        assertTrue(result.ok());
        assertEquals("<main>Guide|<article><h1 id=\"guide\">Guide</h1>\n</article></main>",
                TestSite.in(dir).read("guide.html"));
    }
}
