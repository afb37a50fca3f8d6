package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Long runs of one construct render completely, and in time that grows with their length, not
 * with its square. Each document here has 50,000 lines; with a step that rereads everything
 * before it at every line, the 20,000-line table alone took 14 s and these would take minutes.
 * The limit is not a measure of speed (each takes about a second): it only turns such a
 * regression into a failure instead of a run that hangs.
 */
class MarkdownScaleIT {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final MarkdownRenderer COMMONMARK =
            new MarkdownRenderer(MarkdownOptions.fromConfig(java.util.Map.of("markdown", "CommonMark",
                    "commonmark", java.util.Map.of("extensions", java.util.List.of("table", "strikethrough", "autolink")))));
    private static final int LINES = 50_000;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aLongTableRendersEveryRow() {
        String html = render(KRAMDOWN, "| a | b |\n|---|---|\n", i -> "| " + i + " | x |\n");
        assertEquals(LINES + 1, count(html, "<tr>"));
    }

    @Test
    void aLongCommonMarkTableRendersEveryRow() {
        String html = render(COMMONMARK, "| a | b |\n|---|---|\n", i -> "| " + i + " | x |\n");
        assertEquals(LINES + 1, count(html, "<tr>"));
    }

    @Test
    void manyLinkDefinitionsAreAllDefined() {
        String html = render(KRAMDOWN, "", i -> "[r" + i + "]: /u" + i + "\n") + KRAMDOWN.render("[r1]\n");
        assertEquals(1, count(html, "<p>"));
    }

    @Test
    void aLongParagraphOfHashWordsStaysOneParagraph() {
        String html = render(KRAMDOWN, "text\n", i -> "#tag" + i + "\n");
        assertEquals(1, count(html, "<p>"));
    }

    @Test
    void aLongRunOfAttributeListsIsRead() {
        // every list of the run belongs to the paragraph the run touches, as kramdown reads them
        String html = render(KRAMDOWN, "text\n", i -> "{: .c" + i + "}\n");
        String classes = IntStream.range(0, LINES).mapToObj(i -> "c" + i).collect(Collectors.joining(" "));
        assertEquals("<p class=\"" + classes + "\">text</p>\n", html);
    }

    @Test
    void manyFootnotesAreAllListed() {
        String html = render(KRAMDOWN, "", i -> i % 2 == 0 ? "x[^" + i + "]\n\n" : "[^" + (i - 1) + "]: note\n\n");
        assertEquals(LINES / 2, count(html, "role=\"doc-endnote\""));
    }

    @Test
    void aLongRunOfRawHtmlWithElementsReadAsMarkdownIsRead() {
        // raw HTML blocks and markdown="1" elements, one run of HTML blocks kramdown reads in turn
        String[] group = {"<section id=\"s\">\n", "text <img markdown=\"block\"/>\n", "</section>\n", "\n",
            "<div class=\"a\" markdown=\"1\">\n", "*x*\n", "</div>\n", "\n", "<p>raw <b>b</b></p>\n", "\n"};
        String html = render(KRAMDOWN, "", i -> group[i % group.length]);
        assertEquals(LINES / group.length, count(html, "<em>x</em>"));
        assertEquals(LINES / group.length, count(html, "<p>raw <b>b</b></p>"));
    }

    private static String render(MarkdownRenderer renderer, String head, IntFunction<String> line) {
        StringBuilder markdown = new StringBuilder(head);
        for (int i = 0; i < LINES; i++) {
            markdown.append(line.apply(i));
        }
        return assertTimeoutPreemptively(LIMIT, () -> renderer.render(markdown.toString()));
    }

    private static int count(String html, String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
