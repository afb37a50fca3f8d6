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

    private static String render(String markdown, RelativeLinks links) {
        return new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown", Map.of()))).render(markdown, links);
    }

    @Test
    void rewritesLinksToSiblingAndParentMarkdownFilesKeepingTheAnchor() {
        RelativeLinks links = links();
        assertEquals("<p><a href=\"/r/notes/audits/pilot-programs/#costs\">pilots</a>, "
                + "<a href=\"/r/notes/growth-models/training-program/\">training</a> and "
                + "<a href=\"/r/about/\">about</a></p>\n",
                render("[pilots](pilot-programs.md#costs), [training](../growth-models/training%20program.md) and "
                        + "[about](../../about.md)", links));
        assertEquals(List.of(), links.unresolved());
    }

    @Test
    void rewritesReferenceLinksToo() {
        assertEquals("<p><a href=\"/r/about/\">about</a></p>\n", render("[about][a]\n\n[a]: ./../../about.md\n", links()));
    }

    @Test
    void leavesOtherLinksAloneAndReportsUnknownMarkdownTargets() {
        RelativeLinks links = links();
        assertEquals("<p><a href=\"missing.md\">a</a> <a href=\"https://example.org/x.md\">b</a> "
                + "<a href=\"/x.md\">c</a> <a href=\"notes.html\">d</a> <a href=\"../../../up.md\">e</a></p>\n",
                render("[a](missing.md) [b](https://example.org/x.md) [c](/x.md) [d](notes.html) [e](../../../up.md)", links));
        assertEquals(List.of("missing.md", "/x.md", "../../../up.md"), links.unresolved());
    }

    /**
     * As jekyll-relative-links 0.7 rewrote the same links in Jekyll 4.3.1: a path from the site's
     * root, {@code +} as a space, and a link with a query left as written.
     */
    @Test
    void readsLinksAsJekyllRelativeLinksDoes() {
        RelativeLinks links = links();
        assertEquals("<p><a href=\"/r/about/\">root</a> <a href=\"/r/notes/growth-models/training-program/\">plus</a> "
                + "<a href=\"pilot-programs.md?plain=1\">query</a></p>\n",
                render("[root](/about.md) [plus](../growth-models/training+program.md) [query](pilot-programs.md?plain=1)",
                        links));
        assertEquals(List.of(), links.unresolved());
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
        assertEquals(List.of(), links.unresolved());
    }

    @Test
    void withoutRelativeLinksEveryLinkIsAsWritten() {
        assertEquals("<p><a href=\"pilot-programs.md\">pilots</a></p>\n", render("[pilots](pilot-programs.md)", null));
    }
}
