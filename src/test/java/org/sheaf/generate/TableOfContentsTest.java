package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.markdown.SectionHeading;

class TableOfContentsTest {
    private final TableOfContents toc = new TableOfContents(2, 4, 3);

    @Test
    void nestsH3AndH4UnderTheHeadingBeforeThem() {
        String html = "<h1 id=\"t\">Title</h1><h2 id=\"a\">A</h2><h3 id=\"a1\">A.1</h3><h4 id=\"a1x\">A.1.x</h4>"
                + "<h3 id=\"a2\">A.2</h3><h2 id=\"b\">B</h2><h5 id=\"deep\">Too deep</h5>";
        assertEquals("<ul class=\"toc\">"
                + "<li><a href=\"#a\">A</a><ul>"
                + "<li><a href=\"#a1\">A.1</a><ul><li><a href=\"#a1x\">A.1.x</a></li></ul></li>"
                + "<li><a href=\"#a2\">A.2</a></li></ul></li>"
                + "<li><a href=\"#b\">B</a></li></ul>", toc.render(html));
    }

    @Test
    void aSkippedLevelNestsOneStepAndItsSiblingStaysBesideIt() {
        String html = "<h2 id=\"a\">A</h2><h4 id=\"x\">X</h4><h3 id=\"y\">Y</h3><h2 id=\"b\">B</h2>";
        assertEquals("<ul class=\"toc\"><li><a href=\"#a\">A</a><ul><li><a href=\"#x\">X</a></li>"
                + "<li><a href=\"#y\">Y</a></li></ul></li><li><a href=\"#b\">B</a></li></ul>", toc.render(html));
    }

    @Test
    void escapesHeadingTextAndSkipsHeadingsWithoutIds() {
        String html = "<h2 id=\"q\">Fish &amp; <em>chips</em> &lt;3</h2><h2>No id</h2>";
        assertEquals("<ul class=\"toc\"><li><a href=\"#q\">Fish &amp; chips &lt;3</a></li></ul>", toc.render(html));
    }

    @Test
    void aPageGetsOneWhenItAsksOrHasEnoughHeadings() {
        String two = "<h2 id=\"a\">A</h2><h2 id=\"b\">B</h2>";
        String three = two + "<h2 id=\"c\">C</h2>";
        assertEquals("", toc.forPage(Map.of(), two));
        assertEquals(toc.render(two), toc.forPage(Map.of("toc", true), two));
        assertEquals(toc.render(three), toc.forPage(Map.of(), three));
        assertEquals("", toc.forPage(Map.of("toc", false), three));
        assertEquals("", toc.forPage(Map.of(), ""));
    }

    @Test
    void readsItsSettingsWithDefaults() {
        assertEquals(new TableOfContents(2, 4, 0), TableOfContents.of(Map.of()));
        assertEquals(new TableOfContents(2, 3, 5), TableOfContents.of(Map.of("to", 3, "min_headings", "5")));
        assertEquals(List.of(new TableOfContents.Heading(3, "x", "X")),
                new TableOfContents(3, 3, 0).headings("<h2 id=\"a\">A</h2><h3 id=\"x\">X</h3>"));
    }

    @Test
    void theMarkdownTreeGivesTheHeadingsTheHtmlHolds() throws IOException {
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.defaults());
        TableOfContents all = new TableOfContents(1, 6, 0);
        String written = "# Fish & *chips* \"quoted\"\n\n## `code` and [a link](x.md) -- dash...\n\n"
                + "Setext heading\n---\n\n## Given {#given}\n\n## Twice\n\n## Twice\n\n### Deeper &amp; &copy;\n";
        List<String> texts = new java.util.ArrayList<>(List.of(written));
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/markdown")),
                Files.walk(Path.of("content")).filter(file -> file.toString().endsWith(".md")))) {
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        int withHeadings = 0;
        for (String text : texts) {
            MarkdownRenderer.Html html = markdown.renderWithHeadings(text, null);
            Optional<List<SectionHeading>> headings = html.headings();
            if (headings.isPresent()) {
                assertEquals(all.headings(html.html()), all.headings(headings.get()), text);
                withHeadings += headings.get().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withHeadings > 3, "only " + withHeadings + " texts had headings known from the tree");
    }

    @Test
    void rawHtmlThatMayHoldAHeadingLeavesTheHeadingsToTheHtml() {
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.defaults());
        assertEquals(Optional.empty(), markdown.renderWithHeadings("## A\n\n<h2 id=\"b\">B</h2>\n", null).headings());
        assertEquals(Optional.empty(), markdown.renderWithHeadings("## A <em>b</em>\n", null).headings());
        assertEquals(Optional.of(List.of(new SectionHeading(2, "a", "A"))),
                markdown.renderWithHeadings("## A\n", null).headings());
    }
}
