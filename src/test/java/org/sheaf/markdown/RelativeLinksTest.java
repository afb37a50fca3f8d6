package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Links between Markdown files rewritten to page URLs, in the Markdown renderer's link resolver. */
class RelativeLinksTest {
    private static final Map<String, String> URLS = Map.of(
            "_notes/audits/pilot-programs.md", "/r/notes/audits/pilot-programs/",
            "_notes/growth-models/training program.md", "/r/notes/growth-models/training-program/",
            "about.md", "/r/about/");

    private static RelativeLinks links() {
        return new RelativeLinks("_notes/audits/course-design.md", List.of("md", "markdown"),
                path -> Optional.ofNullable(URLS.get(path)));
    }

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown", Map.of())));

    private static String render(String markdown, RelativeLinks links) {
        return MARKDOWN.render(markdown, links);
    }

    /** The destinations, as written, of the links of {@code markdown} that named no page. */
    private static List<String> unresolved(String markdown, RelativeLinks links) {
        return MARKDOWN.renderWithHeadings(markdown, links).links().stream().filter(PageLink::unresolved)
                .map(PageLink::written).toList();
    }

    @Test
    void rewritesLinksToSiblingAndParentMarkdownFilesKeepingTheAnchor() {
        String markdown = "[pilots](pilot-programs.md#costs), [training](../growth-models/training%20program.md) and "
                + "[about](../../about.md)";
        assertEquals("<p><a href=\"/r/notes/audits/pilot-programs/#costs\">pilots</a>, "
                + "<a href=\"/r/notes/growth-models/training-program/\">training</a> and "
                + "<a href=\"/r/about/\">about</a></p>\n", render(markdown, links()));
        assertEquals(List.of(), unresolved(markdown, links()));
    }

    @Test
    void rewritesReferenceLinksToo() {
        // kramdown writes the blank line before the definition, which itself writes nothing
        assertEquals("<p><a href=\"/r/about/\">about</a></p>\n\n", render("[about][a]\n\n[a]: ./../../about.md\n", links()));
    }

    @Test
    void leavesOtherLinksAloneAndReportsUnknownMarkdownTargets() {
        String markdown = "[a](missing.md) [b](https://example.org/x.md) [c](/x.md) [d](notes.html) [e](../../../up.md)";
        assertEquals("<p><a href=\"missing.md\">a</a> <a href=\"https://example.org/x.md\">b</a> "
                + "<a href=\"/x.md\">c</a> <a href=\"notes.html\">d</a> <a href=\"../../../up.md\">e</a></p>\n",
                render(markdown, links()));
        assertEquals(List.of("missing.md", "/x.md", "../../../up.md"), unresolved(markdown, links()));
    }

    /**
     * As jekyll-relative-links 0.7 rewrote the same links in Jekyll 4.3.1: a path from the site's
     * root, {@code +} as a space, and a link with a query left as written.
     */
    @Test
    void readsLinksAsJekyllRelativeLinksDoes() {
        String markdown = "[root](/about.md) [plus](../growth-models/training+program.md) [query](pilot-programs.md?plain=1)";
        assertEquals("<p><a href=\"/r/about/\">root</a> <a href=\"/r/notes/growth-models/training-program/\">plus</a> "
                + "<a href=\"pilot-programs.md?plain=1\">query</a></p>\n", render(markdown, links()));
        assertEquals(List.of(), unresolved(markdown, links()));
    }

    /**
     * Under jekyll-relative-links' rules, as it rewrote the same text in Jekyll 4.3.1: images and
     * links to any file, a title in double quotes kept; a title in single quotes, a destination in
     * angle brackets and a link not written in the page's text (Liquid made it) left as written;
     * a miss not remembered.
     */
    @Test
    void jekyllRulesTakeAnyTargetButOnlyLinksThePluginsPatternsRead() {
        Map<String, String> targets = Map.of("docs/a.md", "/b/docs/a.html", "assets/logo.png", "/b/assets/logo.png");
        String written = "![logo](assets/logo.png) [a](docs/a.md#x \"A\") [q](docs/a.md 'Q') [w](<docs/a.md>) "
                + "[n](none.md) [l]({{ 'docs/a.md' }})";
        String afterLiquid = written.replace("{{ 'docs/a.md' }}", "docs/a.md");
        RelativeLinks links = RelativeLinks.asJekyllRelativeLinks("index.md", path -> Optional.ofNullable(targets.get(path)),
                written);
        assertEquals("<p><img src=\"/b/assets/logo.png\" alt=\"logo\" /> <a href=\"/b/docs/a.html#x\" title=\"A\">a</a> "
                + "<a href=\"docs/a.md\" title=\"Q\">q</a> <a href=\"docs/a.md\">w</a> <a href=\"none.md\">n</a> "
                + "<a href=\"docs/a.md\">l</a></p>\n", render(afterLiquid, links));
        assertEquals(List.of(), unresolved(afterLiquid, RelativeLinks.asJekyllRelativeLinks("index.md",
                path -> Optional.ofNullable(targets.get(path)), written)));
    }

    /**
     * The links of the tree as the HTML got them, each where its destination is written: a link
     * rewritten, one unresolved, an image, a reference definition, autolinks; not a code span.
     */
    @Test
    void listsTheTreesLinksWithWhereEachIsWritten() {
        String markdown = "[a](pilot-programs.md) `[b](gone.md)` [c](gone.md) ![d](e.png)\n"
                + "[f][g] <https://x.org/y> <me@x.org>\n\n[g]: ../../about.md\n";
        assertEquals(List.of(new PageLink("pilot-programs.md", "/r/notes/audits/pilot-programs/", false, 4),
                new PageLink("gone.md", "gone.md", true, markdown.indexOf("gone.md)", 30)),
                new PageLink("e.png", "e.png", false, markdown.indexOf("e.png")),
                new PageLink("https://x.org/y", "https://x.org/y", false, markdown.indexOf("https:")),
                new PageLink("me@x.org", "mailto:me@x.org", false, markdown.indexOf("me@")),
                new PageLink("../../about.md", "/r/about/", false, markdown.indexOf("../../about.md"))),
                MARKDOWN.renderWithHeadings(markdown, links()).links());
    }

    /**
     * A footnote marker in brackets keeps them open past its own {@code ]}, as kramdown counts
     * them: the second brackets are a link to {@code /b} around the footnote, and the walk over the
     * links goes on from it to the definition after.
     */
    @Test
    void theWalkPassesALinkWhoseTextHoldsAFootnote() {
        String markdown = "[[[^n]][r]](/b)\n\n[^n]: x\n[r]: /r\n";
        assertEquals(List.of(new PageLink("/b", "/b", false, markdown.indexOf("/b")),
                new PageLink("/r", "/r", false, markdown.indexOf("/r\n"))),
                MARKDOWN.renderWithHeadings(markdown, links()).links());
    }

    /**
     * jekyll-relative-links rewrites these too, as its patterns run over the page's text (the
     * {@code github-pages} fixture's {@code docs/code.html}); code stays as the writer wrote it.
     */
    @Test
    void aLinkInCodeStaysAsWritten() {
        String markdown = "`[a](docs/a.md)` [b](docs/a.md)\n\n    [c](docs/a.md)\n";
        RelativeLinks links = RelativeLinks.asJekyllRelativeLinks("index.md",
                path -> Optional.ofNullable(Map.of("docs/a.md", "/docs/a.html").get(path)), markdown);
        assertEquals("<p><code class=\"language-plaintext highlighter-rouge\">[a](docs/a.md)</code> "
                + "<a href=\"/docs/a.html\">b</a></p>\n\n<div class=\"language-plaintext highlighter-rouge\">"
                + "<div class=\"highlight\"><pre class=\"highlight\"><code>[c](docs/a.md)\n</code></pre></div></div>\n",
                render(markdown, links));
    }

    @Test
    void theCommonMarkFlavourListsLinksToo() {
        MarkdownRenderer commonMark = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("markdown", "CommonMark")));
        assertEquals(List.of(new PageLink("gone.md", "gone.md", true, 9)),
                commonMark.renderWithHeadings("Text [c](gone.md)\n", links()).links());
    }

    @Test
    void withoutRelativeLinksEveryLinkIsAsWritten() {
        assertEquals("<p><a href=\"pilot-programs.md\">pilots</a></p>\n", render("[pilots](pilot-programs.md)", null));
    }
}
