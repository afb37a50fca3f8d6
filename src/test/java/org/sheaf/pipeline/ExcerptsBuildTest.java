package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.testing.HtmlTokens;

/** A post's excerpt as Jekyll 4.3.1 made it for the same site: each expected text is Jekyll's output. */
class ExcerptsBuildTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.in(dir).file("_config.yml", "title: T\ntimezone: UTC\n").file("_layouts/default.html", "")
                .file("index.html", "---\n---\n{% for p in site.posts %}[{{ p.excerpt }}]\n{% endfor %}");
    }

    @Test
    void anExcerptResolvesTheLinksAndFootnotesDefinedBelowIt() {
        TestSite site = site().file("_posts/2017-09-05-refs.md", "---\nexcerpt_separator: \"<!--more-->\"\n---\n"
                + "See [the docs][d] and a note[^n].\n<!--more-->\nMore.\n\n[d]: https://example.org/docs\n[^n]: A note.\n")
                .buildOk();
        String jekyll = "[<p>See <a href=\"https://example.org/docs\">the docs</a> and a note<sup id=\"fnref:n\" "
                + "role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">1</a></sup>.</p>\n\n"
                + "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:n\" role=\"doc-endnote\">\n"
                + "      <p>A note.\u00a0<a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n"
                + "    </li>\n  </ol>\n</div>\n]\n";
        assertNull(HtmlTokens.firstDifference(jekyll, site.read("index.html")));
    }

    @Test
    void anExcerptCutInsideALiquidBlockClosesItWithAWarning() {
        TestSite site = site().file("_posts/2017-09-04-code.md",
                "---\n---\n{% highlight ruby %}\nx = 1\n\ny = 2\n{% endhighlight %}\n\nAfter.\n");
        var result = site.build();
        assertEquals("_posts/2017-09-04-code.md:4:6: warning: the excerpt ends here, inside a Liquid block; the excerpt "
                + "closes the block, as Jekyll's does\n    hint: excerpt_separator or excerpt in the front matter sets "
                + "an excerpt of your choosing", TestSite.printed(result));
        String jekyll = "[\n<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
                + "<span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span></code></pre></figure>\n]\n";
        assertNull(HtmlTokens.firstDifference(jekyll, site.read("index.html")));
    }
    @Test
    void anExcerptKeyWithNoValueOrFalseStillGetsTheMadeExcerpt() {
        // Jekyll's data["excerpt"] ||= makes an excerpt where the key is nil or false; a value is kept
        TestSite site = TestSite.in(dir).file("_config.yml", "collections:\n  notes:\n    output: true\n")
                .file("_layouts/n.html", "[{{ page.excerpt | strip_newlines }}]")
                .file("_notes/a.md", "---\nlayout: n\nexcerpt: # a comment\n---\nFirst para.\n\nSecond.\n")
                .file("_notes/b.md", "---\nlayout: n\nexcerpt: false\n---\nB first.\n\nB second.\n")
                .file("_notes/c.md", "---\nlayout: n\nexcerpt: \"Own\"\n---\nC first.\n\nC second.\n")
                .buildOk();
        assertEquals("[<p>First para.</p>]", site.read("notes/a.html"));
        assertEquals("[<p>B first.</p>]", site.read("notes/b.html"));
        assertEquals("[Own]", site.read("notes/c.html"));
    }

    @Test
    void aPostsExcerptReadsItsOwnExcerptAsNil() {
        // Jekyll renders the excerpt with page.excerpt nil, then the content with the excerpt rendered so
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\ntimezone: UTC\n")
                .file("_layouts/default.html", "<html>{{ page | jsonify }}</html>\n")
                .file("_posts/2020-01-01-a.md", "---\nlayout: default\n---\nhi {{ page.title | jsonify }} "
                        + "{{ page.excerpt | jsonify }}\n")
                .buildOk();
        String jekyll = "<html>{\"name\":\"2020-01-01-a.md\",\"id\":\"/2020/01/01/a\",\"relative_path\":"
                + "\"_posts/2020-01-01-a.md\",\"excerpt\":\"<p>hi “A” null</p>\\n\",\"title\":\"A\","
                + "\"categories\":[],\"collection\":\"posts\",\"next\":null,\"tags\":[],\"previous\":null,"
                + "\"content\":\"<p>hi “A” “&lt;p&gt;hi “A” null&lt;/p&gt;\\\\n”</p>\\n\","
                + "\"output\":null,\"path\":\"_posts/2020-01-01-a.md\",\"url\":\"/2020/01/01/a.html\","
                + "\"date\":\"2020-01-01 00:00:00 +0000\",\"draft\":false,\"layout\":\"default\",\"slug\":\"a\","
                + "\"ext\":\".md\"}</html>\n";
        assertEquals(jekyll, site.read("2020/01/01/a.html"));
    }

    @Test
    void anExcerptNoPageReadsPrintsItsPostsOutputAsNil() {
        // Jekyll renders an excerpt only when something reads it; the post's content reads its output as nil
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\ntimezone: UTC\n")
                .file("_layouts/default.html", "{{ content }}")
                .file("_posts/2020-01-01-a.md", "---\nlayout: default\n---\nhi {{ page.output }}\n")
                .buildOk();
        assertEquals("<p>hi</p>\n", site.read("2020/01/01/a.html"));
    }
}
