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
        assertEquals("<main>The guide|<article><h1 id=\"the-guide\">The <em>guide</em></h1>\n\n<p>Text.</p>\n</article></main>",
                site.read("guide.html"));
        assertEquals("# The *guide*\n\nText.\n", site.read("guide.md"));
    }

    @Test
    void readmeAndLicenceStayStaticFilesAndTheReadmeIsTheIndexTooWithoutOne() {
        TestSite site = site("github_pages: true\n").file("README.md", "# Read me\n").file("LICENSE.md", "MIT\n").buildOk();
        assertEquals(List.of("LICENSE.md", "README.md", "index.html"), site.outputPaths());
        // at "/", so the home layout, with the title taken from its heading
        assertEquals("<main>Read me|<article><h1 id=\"read-me\">Read me</h1>\n</article></main>", site.read("index.html"));
    }

    @Test
    void readmeIndexCanBeTurnedOff() {
        TestSite site = site("github_pages: true\nreadme_index:\n  enabled: false\n").file("README.md", "# Read me\n")
                .buildOk();
        assertEquals(List.of("README.md"), site.outputPaths());
    }

    @Test
    void linksToMarkdownFilesPointAtTheirPages() {
        TestSite site = site("github_pages: true\nbaseurl: /b\n")
                .file("docs/a.md", "---\ntitle: A\nlayout: null\n---\n[b](b.md#part \"B\") [up](../index.md) [ext](https://x.org/c.md) [none](c.md)\n\n[r]: b.md\n")
                .file("docs/b.md", "---\ntitle: B\n---\nB\n")
                .file("index.md", "---\ntitle: Home\n---\nHome\n")
                .buildOk();
        assertEquals("<p><a href=\"/b/docs/b.html#part\" title=\"B\">b</a> <a href=\"/b/\">up</a> "
                + "<a href=\"https://x.org/c.md\">ext</a> <a href=\"c.md\">none</a></p>\n\n", site.read("docs/a.html"));
    }

    /**
     * As jekyll-relative-links 0.7 built the same site in Jekyll 4.3.1: with
     * {@code collections: true} written documents and posts (and so their excerpts) are rewritten
     * too, a document of a collection that is not written is no target, and a page its
     * {@code exclude} list names keeps its links.
     */
    @Test
    void withCollectionsDocumentsAreRewrittenTooExceptExcludedPages() {
        TestSite site = site("baseurl: /b\nplugins: [jekyll-relative-links]\nrelative_links:\n  collections: true\n"
                + "  exclude:\n    - docs/skip.md\ncollections:\n  notes:\n    output: true\n  hidden:\n    output: false\n")
                .file("_hidden/h.md", "---\n---\nH\n")
                .file("index.md", "---\nlayout: null\n---\n[a](docs/a.md) [hidden](_hidden/h.md) [note](_notes/n.md)\n")
                .file("docs/a.md", "---\nlayout: null\n---\nA\n")
                .file("docs/skip.md", "---\nlayout: null\n---\n[a](a.md)\n")
                .file("_notes/n.md", "---\nlayout: null\n---\nNote [to a](../docs/a.md)\n")
                .file("_posts/2019-01-01-p.md", "---\nlayout: null\n---\nPost [to a](../docs/a.md)\n")
                .file("excerpts.html", "---\nlayout: null\n---\n{% for p in site.posts %}{{ p.excerpt }}{% endfor %}\n")
                .buildOk();
        assertEquals("<p><a href=\"/b/docs/a.html\">a</a> <a href=\"_hidden/h.md\">hidden</a> "
                + "<a href=\"/b/notes/n.html\">note</a></p>\n", site.read("index.html"));
        assertEquals("<p><a href=\"a.md\">a</a></p>\n", site.read("docs/skip.html"));
        assertEquals("<p>Note <a href=\"/b/docs/a.html\">to a</a></p>\n", site.read("notes/n.html"));
        assertEquals("<p>Post <a href=\"/b/docs/a.html\">to a</a></p>\n", site.read("2019/01/01/p.html"));
        assertEquals("<p>Post <a href=\"/b/docs/a.html\">to a</a></p>\n\n", site.read("excerpts.html"));
    }

    /** The plugin says nothing of a link that names no file; sheaf's own relative links warn of it. */
    @Test
    void aLinkToNoFileIsLeftQuietly() {
        TestSite site = site("github_pages: true\n").file("a.md", "---\nlayout: null\n---\n[none](none.md)\n");
        BuildResult result = site.build();
        assertEquals("", TestSite.printed(result));
        assertEquals("<p><a href=\"none.md\">none</a></p>\n", site.read("a.html"));
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
