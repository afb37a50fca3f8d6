package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.generate.SearchIndex;

/** Tag pages, kind pages, the table of contents and search, in whole builds of small Jekyll-layout sites. */
class ReaderFeaturesBuildTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            title: Notes
            url: https://example.org
            baseurl: /r
            timezone: UTC
            collections:
              notes:
                output: true
                permalink: /notes/:path/
            """;
    private static final String TAG_LAYOUT = """
            {% if page.tag %}{{ page.title }} [{{ page.slug }}]:{% for d in page.documents %} {{ d.url }}{% endfor %}\
            {% else %}index:{% for t in page.tag_list %} {{ t.name }}={{ t.url }}({{ t.size }}){% endfor %}{% endif %}
            """;
    private static final String KIND_LAYOUT = "{{ page.kind }}:{% for d in page.documents %} {{ d.title }}{% endfor %}\n";

    private TestSite notesSite(String extraConfig) {
        return TestSite.in(dir)
                .file("_config.yml", CONFIG + extraConfig)
                .file("_layouts/tag.html", TAG_LAYOUT)
                .file("_layouts/kind.html", KIND_LAYOUT)
                .file("_layouts/note.html", "{{ content }}")
                .file("_posts/2019-11-05-started.md", "---\ntitle: Started\ntags: [Open Data, money]\n---\nWe begin.\n")
                .file("_notes/old.md", "---\ntitle: Old\ndate: 2019-06-01\nkind: audit\ntags: [money]\n---\nOld note.\n")
                .file("_notes/new.md", "---\ntitle: New\ndate: 2019-12-01\nkind: audit\ntags: [money, libraries]\n---\nNew note.\n")
                .file("_notes/model.md", "---\ntitle: Model\ndate: 2019-07-01\nkind: growth model\n---\nA model.\n");
    }

    @Test
    void tagPagesListEveryDocumentWithTheTagNewestFirst() {
        TestSite site = notesSite("tag_pages: {layout: tag}\n").buildOk();
        assertEquals("Tagged “money” [money]: /notes/new/ /2019/11/05/started.html /notes/old/\n",
                site.read("tags/money/index.html"));
        assertEquals("Tagged “Open Data” [open-data]: /2019/11/05/started.html\n", site.read("tags/open-data/index.html"));
        assertEquals("index: libraries=/tags/libraries/(1) money=/tags/money/(3) Open Data=/tags/open-data/(1)\n",
                site.read("tags/index.html"));
    }

    @Test
    void aDocumentIsListedOnceUnderATagItWritesTwice() {
        TestSite site = notesSite("tag_pages: {layout: tag}\n")
                .file("_notes/twice.md", "---\ntitle: Twice\ndate: 2019-08-01\ntags: [money, Money, money]\n---\nTwice.\n")
                .buildOk();
        assertEquals("Tagged “money” [money]: /notes/new/ /2019/11/05/started.html /notes/twice/ /notes/old/\n",
                site.read("tags/money/index.html"));
    }

    @Test
    void kindPagesGroupTheNotesOfOneCollectionAtTheirOwnUrls() {
        TestSite site = notesSite("kind_pages: {layout: kind, collections: [notes]}\n").buildOk();
        assertEquals("audit: New Old\n", site.read("kinds/audit/index.html"));
        assertEquals("growth model: Model\n", site.read("kinds/growth-model/index.html"));
        assertFalse(site.exists("tags/index.html"));
    }

    @Test
    void aSourcePageAtTheTagIndexUrlWins() {
        TestSite site = notesSite("tag_pages: {layout: tag}\n").file("tags.md", "---\npermalink: /tags/\n---\nMine\n").buildOk();
        assertEquals("<p>Mine</p>\n", site.read("tags/index.html"));
        assertTrue(site.exists("tags/money/index.html"));
    }

    @Test
    void aKindPageAtANoteUrlIsACollisionNamingBothInputs() {
        BuildResult result = notesSite("kind_pages: {layout: kind, permalink: '/notes/:kind/'}\n")
                .file("_notes/audit.md", "---\ntitle: About audits\n---\nAudits.\n").build();
        assertFalse(result.ok());
        assertEquals("_config.yml:1:1: error: output \"notes/audit/index.html\" is written by 2 inputs: _config.yml, _notes/audit.md",
                TestSite.printed(result).strip());
    }

    @Test
    void tagPagesWithoutALayoutAreAnErrorAtTheKey() {
        BuildResult result = notesSite("tag_pages:\n  permalink: /t/:tag/\n").build();
        assertEquals("_config.yml:9:1: error: tag_pages needs a layout (tag_pages: {layout: NAME})",
                TestSite.printed(result).lines().findFirst().orElseThrow());
    }

    @Test
    void tocTagListsTheHeadingsOfAPageThatAsksForOne() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG)
                .file("_layouts/page.html", "{% toc %}|{{ content }}")
                .file("long.md", "---\nlayout: page\ntoc: true\n---\n## One\n\n### One a\n\n## Two\n")
                .file("short.md", "---\nlayout: page\n---\n## Only\n").buildOk();
        assertEquals("<ul class=\"toc\"><li><a href=\"#one\">One</a><ul><li><a href=\"#one-a\">One a</a></li></ul></li>"
                + "<li><a href=\"#two\">Two</a></li></ul>|", site.read("long.html").substring(0, site.read("long.html").indexOf('|') + 1));
        assertTrue(site.read("short.html").startsWith("|"), site.read("short.html"));
    }

    @Test
    void searchIsOffUnlessConfigured() {
        TestSite site = notesSite("").buildOk();
        assertFalse(site.exists("search.json"));
        assertFalse(site.exists(SearchIndex.LIBRARY_PATH));
    }

    @Test
    void aJekyllThemesOwnSearchKeyLeavesSheafsSearchOff() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "search: true\nsearch_full_content: true\n")
                .file("about.md", "---\ntitle: About\n---\nAbout us.\n").buildOk();
        assertFalse(site.exists("search.json"));
        assertFalse(site.exists(SearchIndex.LIBRARY_PATH));
        assertFalse(site.exists(SearchIndex.SCRIPT_PATH));
        TestSite map = TestSite.in(dir).file("_config.yml", CONFIG + "search:\n  heading_level: 2\n").buildOk();
        assertFalse(map.exists("search.json"));
    }

    @Test
    void searchIndexHoldsEachPagesPlainTextEscaped() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "sheaf:\n  search: true\n")
                .file("_notes/quote.md", "---\ntitle: 'A \"quoted\" note'\ndate: 2019-02-03\nkind: audit\ntags: [a, b]\n---\n"
                        + "Back\\\\slash and <b>bold</b> &amp; a `</script>`\n\nSecond\tparagraph.\n")
                .file("hidden.md", "---\ntitle: Hidden\nsearch: false\n---\nNo.\n")
                .file("untitled.md", "---\n---\nNo title.\n")
                .file("about.md", "---\ntitle: About\n---\nAbout us.\n").buildOk();
        assertEquals("""
                [
                {"url":"/r/notes/quote/","title":"A \\"quoted\\" note","kind":"audit","tags":["a","b"],"date":"2019-02-03",\
                "text":"Back\\\\slash and bold & a \\u003c/script> Second paragraph."},
                {"url":"/r/about.html","title":"About","kind":null,"tags":[],"date":null,"text":"About us."}
                ]
                """, site.read("search.json"));
    }

    @Test
    void searchTextIsCutAtAWordWithinTheLimit() {
        String words = "word ".repeat(30);
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "sheaf:\n  search: {max_chars: 22}\n")
                .file("p.md", "---\ntitle: P\n---\n" + words + "\n").buildOk();
        assertTrue(site.read("search.json").contains("\"text\":\"word word word word\""), site.read("search.json"));
    }

    @Test
    void theLibraryIsCopiedByteForByteFromItsWebJar() throws IOException {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "sheaf:\n  search: true\n").buildOk();
        byte[] expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SearchIndex.libraryResource())) {
            expected = in.readAllBytes();
        }
        assertArrayEquals(expected, Files.readAllBytes(site.output().resolve(SearchIndex.LIBRARY_PATH)));
        assertTrue(site.exists(SearchIndex.SCRIPT_PATH));
    }

    @Test
    void theSearchScriptFindsANoteByAWordInItsBody() throws Exception {
        Path node = Path.of("/usr/bin/node");
        Assumptions.assumeTrue(Files.isExecutable(node), "node is not installed");
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "sheaf:\n  search: true\n")
                .file("_notes/a.md", "---\ntitle: Budgets\ndate: 2019-01-01\n---\nLibraries plan their budgets each spring.\n")
                .file("_notes/b.md", "---\ntitle: Training\ndate: 2019-01-02\ntags: [workshops]\n---\nFacilitators learn together.\n")
                .buildOk();
        Path out = site.output();
        String script = """
                const lunr = require('%s');
                const search = require('%s');
                const entries = JSON.parse(require('fs').readFileSync('%s', 'utf8'));
                const index = search.buildIndex(lunr, entries);
                for (const q of ['spring', 'facilit', 'workshops', 'x:y^z~', 'nothing']) {
                  console.log(q + ' -> ' + search.find(lunr, index, entries, q).map(e => e.title).join(','));
                }
                """.formatted(out.resolve(SearchIndex.LIBRARY_PATH), out.resolve(SearchIndex.SCRIPT_PATH), out.resolve("search.json"));
        Process process = new ProcessBuilder(node.toString(), "-e", script).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("""
                spring -> Budgets
                facilit -> Training
                workshops -> Training
                x:y^z~ ->\s
                nothing ->\s
                """, printed);
    }
}
