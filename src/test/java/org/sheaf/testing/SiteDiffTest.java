package org.sheaf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java port of sitediff ignores what sitediff ignores and reports what it reports; the
 * expected report lines are what the Python tool printed for the same two folders.
 */
class SiteDiffTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private SiteDiff.Result compare() {
        return SiteDiff.compare(dir.resolve("a"), dir.resolve("b"), List.of());
    }

    @Test
    void ignoresWhitespaceAttributeOrderCommentsGeneratorAndHighlighterSpans() throws IOException {
        write("a/index.html", "<!DOCTYPE html><html><head><meta name=\"generator\" content=\"Jekyll v4.3.1\" />"
                + "<!-- Begin --></head><body><p class=\"b a\" id=\"x\">Hello\n  &amp; welcome</p>"
                + "<pre><code><span class=\"k\">def</span> x</code></pre><br/></body></html>");
        write("b/index.html", "<!doctype html>\n<html>\n<head>\n</head>\n<body>\n  <p id='x' class='a  b'>Hello &amp;"
                + " welcome</p>\n<pre><code>def x</code></pre><br></body></html>\n");
        write("a/x.css.map", "{}");
        assertEquals("sitediff: 1 of 1 files equivalent (missing 0, extra 0, different 0)", compare().summary());
    }

    @Test
    void reportsTheFirstDifferingTokensMissingAndExtraFiles() throws IOException {
        write("a/index.html", "<main><h1>Title</h1><p>one</p><p>two</p></main>");
        write("b/index.html", "<main><h1>Title</h1><p>one</p><p>three</p></main>");
        write("a/gone.txt", "x");
        write("b/new.txt", "y");
        assertEquals("""
                different: index.html
                  at token 8:
                  expected: #text one | </p> | <p> | #text two | </p> | </main>
                  actual:   #text one | </p> | <p> | #text three | </p> | </main>
                missing: gone.txt
                extra: new.txt
                sitediff: 0 of 2 files equivalent (missing 1, extra 1, different 1)""", compare().report(5));
    }

    @Test
    void comparesFeedsAsTreesWithTheBuildTimeAndHtmlContentNormalised() throws IOException {
        write("a/feed.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><generator>Jekyll</generator>"
                + "<updated>2024-01-01T00:00:00+00:00</updated><entry><content type=\"html\">&lt;p class=\"x\"&gt;Hi&lt;/p&gt;"
                + "</content></entry></feed>");
        write("b/feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <updated>2025-06-30T12:00:00+00:00</updated>\n"
                + "  <entry>\n    <content type=\"html\"><![CDATA[<p  class='x'>Hi</p>]]></content>\n  </entry>\n</feed>\n");
        assertEquals("sitediff: 1 of 1 files equivalent (missing 0, extra 0, different 0)", compare().summary());
    }

    @Test
    void takesTheBuildTimeFromAFeedUnderANameOfItsOwn() throws IOException {
        write("a/weekly.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><updated>2024-01-01T00:00:00+00:00</updated>"
                + "<title>2024-01-01T00:00:00+00:00</title></feed>");
        write("b/weekly.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><updated>2025-06-30T12:00:00+00:00</updated>"
                + "<title>2025-06-30T12:00:00+00:00</title></feed>");
        write("a/sitemap.xml", "<urlset><url><lastmod>2020-01-01</lastmod></url></urlset>");
        write("b/sitemap.xml", "<urlset><url><lastmod>2020-01-01</lastmod></url></urlset>");
        assertEquals("sitediff: 2 of 2 files equivalent (missing 0, extra 0, different 0)", compare().summary());
    }

    @Test
    void comparesCssWithoutCommentsAndWhitespaceAndJsonLdAsData() throws IOException {
        write("a/site.css", "/* theme */\nbody {\n  color: red;\n}\n");
        write("b/site.css", "body{color:red}");
        write("a/p.html", "<script type=\"application/ld+json\">{\"b\":1,\"a\":[\"é\"]}</script>");
        write("b/p.html", "<script type=\"application/ld+json\">\n{ \"a\": [\"\\u00e9\"], \"b\": 1 }\n</script>");
        assertEquals("sitediff: 2 of 2 files equivalent (missing 0, extra 0, different 0)", compare().summary());
        assertEquals(List.of("<script type=\"application/ld+json\">", "#script {\"a\": [\"\\u00e9\"], \"b\": 1}", "</script>"),
                HtmlTokens.ofDocument("<script type=\"application/ld+json\">{\"b\":1,\"a\":[\"é\"]}</script>"));
    }
}
