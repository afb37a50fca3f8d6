package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sheaf.testing.HtmlTokens;

class MarkdownRendererTest {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());

    private static void assertRenders(String expectedHtml, String markdown) {
        assertRenders(KRAMDOWN, expectedHtml, markdown);
    }

    private static void assertRenders(MarkdownRenderer renderer, String expectedHtml, String markdown) {
        String actual = renderer.render(markdown);
        String difference = HtmlTokens.firstDifference(expectedHtml, actual);
        assertNull(difference, () -> difference + "\n--- rendered:\n" + actual);
    }

    @Test
    void headingIdDropsPunctuationAndKeepsHyphensOfTheRawText() {
        // a single hyphen is not a dash, so the text keeps it too
        assertRenders("<h4 id=\"september---december-2017-apply-by-mid-september\">"
                        + "<em>September - December 2017; apply by mid-September</em></h4>",
                "#### *September - December 2017; apply by mid-September*");
    }

    @Test
    void headingIdKeepsTheTextOfABlockTagWrittenInTheHeading() {
        // kramdown writes a block element's tag in a heading as text, and its GFM id reads that text
        // (kramdown 2.4, input GFM); a span element's tag stays markup and adds nothing
        assertRenders("<h2 id=\"thematic-breaks-hr\">Thematic breaks (&lt;hr&gt;)</h2>", "## Thematic breaks (<hr>)\n");
        assertRenders("<h2 id=\"a-div-classx-b\">a &lt;div class=\"x\"&gt; b</h2>", "## a <div class=\"x\"> b\n");
        assertRenders("<h2 id=\"c-p-d\">c &lt;/p&gt; d</h2>", "## c </p> d\n");
        assertRenders("<h2 id=\"g-h-i\">g <span>h</span> i</h2>", "## g <span>h</span> i\n");
    }

    @Test
    void headingIdOfAHeadingThatIsOnlyATag() {
        // Jekyll 4.3.1's kramdown: an element without content written as text keeps its name in the
        // id (the space before "/>" a hyphen); a span tag leaves no text, so no id, but the empty
        // id still counts, and the next empty one is -1
        assertRenders("<h1 id=\"hr\">&lt;hr/&gt;</h1>", "# <hr/>\n");
        assertRenders("<h1 id=\"hr-\">&lt;hr /&gt;</h1>", "# <hr />\n");
        assertRenders("<h1 id=\"a-hr-b\">a &lt;hr/&gt; b</h1>", "# a <hr/> b\n");
        assertRenders("<h2 id=\"divxdiv\">&lt;div&gt;x&lt;/div&gt;</h2>", "## <div>x</div>\n");
        assertRenders("<h1><br /></h1>\n\n<h1 id=\"-1\"><img src=\"a\" /></h1>\n\n<h1 id=\"hr\">&lt;hr/&gt;</h1>\n\n"
                + "<h1 id=\"hr-1\">&lt;hr&gt;</h1>", "# <br>\n\n# <img src=\"a\">\n\n# <hr/>\n\n# <hr>\n");
    }

    @Test
    void aScriptLineContinuesTheParagraphAboveIt() {
        // kramdown's lazy paragraph end exempts script along with the span-level elements, so the
        // script jekyll-gist writes on the line after a sentence stays in that sentence's <p>
        assertRenders("<p>And embed gists\n<script src=\"https://gist.github.com/u/1.js\"> </script></p>",
                "And embed gists\n<script src=\"https://gist.github.com/u/1.js\"> </script>\n");
        assertRenders("<p>Text</p>\n<div>block</div>", "Text\n<div>block</div>\n");
        assertRenders("<script src=\"x.js\"> </script>\n<p>After</p>", "<script src=\"x.js\"> </script>\n\nAfter\n");
    }

    @Test
    void emphasisInsideALinkIsItsOwnAfterEmphasisBeforeTheLink() {
        // kramdown reads a link's text apart from the text around it, so the emphasis before the
        // link takes nothing of the one inside it (RubyGems' guide to API key scopes)
        assertRenders("<p>the <em>legacy-key</em> is a relic. <a href=\"#migration\">migrate away from "
                        + "<em>legacy-key</em></a> soon</p>",
                "the *legacy-key* is a relic. [migrate away from *legacy-key*](#migration) soon\n");
        assertRenders("<p><em>x</em> <a href=\"#e\"><strong>y</strong></a> <em>z</em></p>", "*x* [**y**](#e) *z*\n");
    }

    /**
     * kramdown applies a page's {@code {::options /}} to the whole page (Jekyll 4.3.1 writes both
     * headings without ids); sheaf reads the extension as nothing and keeps the site's options.
     */
    @Test
    void anOptionsExtensionIsReadAsNothing() {
        assertRenders("<h1 id=\"a\">A</h1>\n\n<h1 id=\"b\">B</h1>", "# A\n\n{::options auto_ids=\"false\" /}\n\n# B\n");
    }

    @Test
    void duplicateHeadingIdsGetCountingSuffixes() {
        assertRenders("<h2 id=\"notes\">Notes</h2><h2 id=\"notes-1\">Notes</h2><h3 id=\"notes-2\">Notes</h3>",
                "## Notes\n\n## Notes\n\n### Notes\n");
    }

    /**
     * kramdown's GFM parser leaves headings inside {@code markdown="1"} elements to the HTML
     * converter, whose rule drops the leading "2. " and the accented letter, and whose count of
     * ids is its own: both pairs of headings keep the same id (the Code Guide's table of contents
     * and its sections). Expected output from kramdown 2 with the GFM parser, as Jekyll 4.3.1 runs it.
     */
    @Test
    void headingsInsideMarkdownElementsTakeTheConvertersIdsCountedApart() {
        assertRenders("<div><h3 id=\"caf--notes\">2. Café &amp; <em>notes</em></h3><h3 id=\"notes\">Notes</h3></div>"
                        + "<h2 id=\"café--notes\">Café &amp; <em>notes</em></h2><h2 id=\"notes\">Notes</h2>",
                "<div markdown=\"1\">\n### 2. Café & *notes*\n\n### Notes\n</div>\n\n## Café & *notes*\n\n## Notes\n");
    }

    @Test
    void autoIdPrefixGoesInFrontOfEveryGeneratedId() {
        MarkdownRenderer renderer = new MarkdownRenderer(
                MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("auto_id_prefix", "sec-"))));
        assertRenders(renderer, "<h2 id=\"sec-one\">One</h2><h2 id=\"sec-one-1\">One</h2>", "## One\n\n## One\n");
    }

    @Test
    void autoIdsOffLeavesHeadingsWithoutIds() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("auto_ids", false))));
        assertRenders(renderer, "<h2>One</h2>", "## One\n");
    }

    @Test
    void numbersTheLinesOfCodeBlocksWhenTheBlockOptionsAskForIt() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown",
                Map.of("syntax_highlighter_opts", Map.of("block", Map.of("line_numbers", true, "start_line", 7))))));
        assertEquals("<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                + "<code><table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">7\n8\n"
                + "</pre></td><td class=\"rouge-code\"><pre>one\ntwo\n</pre></td></tr></tbody></table></code></pre></div></div>\n",
                renderer.render("```\none\ntwo\n```\n"));
        MarkdownRenderer spansOnly = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown",
                Map.of("syntax_highlighter_opts", Map.of("span", Map.of("line_numbers", true))))));
        assertEquals("<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                + "<code>one\n</code></pre></div></div>\n", spansOnly.render("```\none\n```\n"));
    }

    @Test
    void explicitHeadingIdWinsOverTheGeneratedOne() {
        assertRenders("<h2 id=\"custom\">Title</h2><h2 id=\"title\">Title</h2>", "## Title {#custom}\n\n## Title\n");
    }

    @Test
    void aHeadingsIdIsReadOnlyAfterWhiteSpaceAtTheVeryEndOfItsLine() {
        // kramdown reads the {#id} off the whole line before it takes off closing #, and wants
        // white space before it; an XML name, so dots and colons too
        assertEquals("""
                <h1 id="x-id">x {#id}</h1>

                <h2 id="y-y1">y {#y1}</h2>

                <h1 id="bb1">b{#b1}</h1>

                <h1 id="c1">{#c1}</h1>

                <h1 id="d1">d</h1>

                <h1 id="e-e1">e {#e1}#</h1>

                <h1 id="h-1.x_y:z">h</h1>

                <h1 id="n1">n</h1>

                <h2 id="o-o1-">o {#o1} ##</h2>

                <h1 id="pp1">p{#p1}</h1>

                <h1 id="q1">q</h1>
                """, KRAMDOWN.render("""
                # x {#id} ##

                ## y {#y1}   ##

                # b{#b1}

                # {#c1}

                # d\t{#d1}\t

                # e {#e1}#

                # h {#h-1.x_y:z}

                n {#n1}
                ===

                o {#o1} ##
                ---

                p{#p1}
                ===

                q\t{#q1}\s\s
                ===
                """));
    }

    @Test
    void dashesAndEllipsisBecomeTypographicCharacters() {
        assertRenders("<p>a – b — c…</p>", "a -- b --- c...");
    }

    /**
     * Written as kramdown writes them, characters and not entities, which the token comparison
     * of {@link #assertRenders} cannot tell apart: a template that strip_html's a page into a
     * search index shows the difference.
     */
    @Test
    void aRawHtmlBlocksTextIsEscapedAsKramdownWritesItAgain() {
        // compared as written: a template that reads the page's HTML without parsing it (a search
        // index) sees these characters as they are
        assertEquals("<table>\n<tr><td>&amp; &lt; &gt; &#8220; &amp; &AMP;</td><td><!-- a & b < --></td></tr>\n</table>\n",
                KRAMDOWN.render("<table>\n<tr><td>& < > &#8220; &amp; &AMP;</td><td><!-- a & b < --></td></tr>\n</table>\n"));
        assertEquals("<div>\n<span class=\"x\">x &amp; y</span>\n</div>\n",
                KRAMDOWN.render("<div>\n<span class=\"x\">x & y</span>\n</div>\n"));
    }

    /**
     * The Jekyll documentation's front matter page writes {@code <code>false<code>}: kramdown reads
     * the rest of the page into the second {@code code}, each closing tag that closes no open element
     * as text, and closes what is still open at the end. The expected texts are kramdown 2.4's.
     */
    @Test
    void aClosingTagOfNoOpenElementIsTextAndWhatStaysOpenClosesAtTheEnd() {
        assertRenders("<div>\n<p>a <code>x<code>y&lt;/p&gt;\n&lt;/div&gt;\n\n# Title\n\ntext &amp; more\n</code></code></p></div>\n",
                "<div>\n<p>a <code>x<code>y</p>\n</div>\n\n# Title\n\ntext & more\n");
        assertRenders("<p>Intro</p>\n\n<div>\n<p>a</p>\n</div>\n", "Intro\n\n<div>\n<p>a</p>\n");
        assertRenders("<div>\n<span>a&lt;/div&gt;\n\npara\n</span></div>\n", "<div>\n<span>a</div>\n\npara\n");
    }

    @Test
    void aScriptOrStyleBlockIsFollowedByAnEmptyLineAsInKramdown() {
        assertEquals("<script>\nif (a < b && c) {}\n</script>\n\n<p>After</p>\n",
                KRAMDOWN.render("<script>\nif (a < b && c) {}\n</script>\nAfter\n"));
        assertEquals("<style>p{}</style>\n\n", KRAMDOWN.render("<style>p{}</style>\n"));
    }

    @Test
    void aListIndentedToTheItemsTextAfterLazyLinesOfAnotherListStandsBesideIt() {
        // kramdown reads the item's lines in two parts at the first line indented to its text
        // that starts a list; the bullets before it, lazy lines, are a list of the first part
        assertEquals("<ol>\n  <li>one</li>\n  <li>two\n    <ul>\n      <li><strong>a</strong></li>\n      <li>b</li>\n"
                        + "    </ul>\n    <ol>\n      <li>c</li>\n      <li>d</li>\n    </ol>\n  </li>\n  <li>three</li>\n</ol>\n",
                KRAMDOWN.render("1. one\n2. two\n  * **a**\n  * b\n    1. c\n    2. d\n3. three\n"));
        assertEquals("<ol>\n  <li>one\n    <ul>\n      <li>a</li>\n    </ul>\n    <ul>\n      <li>b</li>\n    </ul>\n  </li>\n"
                        + "  <li>two</li>\n</ol>\n",
                KRAMDOWN.render("1. one\n  * a\n    * b\n2. two\n"));
    }

    @Test
    void charactersAreWrittenAsKramdownWritesThemNotAsEntities() {
        assertEquals("<p>a – b — c… use <code class=\"language-plaintext highlighter-rouge\">markdown=\"1\"</code></p>\n",
                KRAMDOWN.render("a -- b --- c... use `markdown=\"1\"`"));
        assertTrue(KRAMDOWN.render("| a | |\n|---|---|\n| b | |\n").contains("<th>\u00A0</th>"));
        assertTrue(KRAMDOWN.render("| a | |\n|---|---|\n| b | |\n").contains("<td>\u00A0</td>"));
        assertTrue(KRAMDOWN.render("Text.[^1]\n\n[^1]: The note.\n").contains("The note.\u00A0<a href=\"#fnref:1\""));
    }

    @Test
    void aBlockQuoteRunsToTheFirstBlankLineAsInKramdown() {
        // the attribute list is the quote's first block; the unmarked line is still the quote's
        assertRenders("<blockquote><p class=\"note\">A paragraph</p></blockquote>", "> {: .note }\n  A paragraph\n");
        assertRenders("<blockquote><h1 id=\"title\">Title</h1><p>text</p></blockquote>", "> # Title\ntext\n");
        // an attribute list or a block-level tag without ">" ends it
        assertRenders("<blockquote class=\"q\"><p>a</p></blockquote>", "> a\n{: .q}\n");
        assertRenders("<blockquote><p>a</p></blockquote><div>x</div>", "> a\n<div>x</div>\n");
    }

    @Test
    void anAttributeListReachesAnElementMarkedMarkdown() {
        assertRenders("<div class=\"own x\" id=\"y\" data-a=\"1\"><p>hi</p></div>",
                "{: .x #y data-a=\"1\" }\n<div class=\"own\" markdown=\"1\">\nhi\n</div>\n");
    }

    /**
     * kramdown's {@code parse_block_html} (the CFPB design manual sets it): an element of block-level
     * HTML without a {@code markdown} attribute reads its content as if it had {@code markdown="1"},
     * as blocks or spans by the element; raw elements ({@code <table>}) and {@code markdown="0"} stay
     * as written.
     */
    @Test
    void parseBlockHtmlReadsTheContentOfBlockLevelHtmlAsMarkdown() {
        MarkdownRenderer renderer = new MarkdownRenderer(
                MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("parse_block_html", true))));
        String page = "<div class=\"lead\">\n"
                + "\n"
                + "A *minimal* palette.\n"
                + "{: class=\"lead-in\"}\n"
                + "\n"
                + "</div>\n"
                + "\n"
                + "<h2 id=\"p\">Palette <em>now</em> and *then*</h2>\n"
                + "\n"
                + "<table>\n"
                + "<tr><td>*raw*</td></tr>\n"
                + "</table>\n"
                + "\n"
                + "<div markdown=\"0\">\n"
                + "*kept*\n"
                + "</div>\n"
                + "\n"
                + "<section>\n"
                + "<div>\n"
                + "\n"
                + "- item\n"
                + "\n"
                + "</div>\n"
                + "</section>\n";
        assertEquals("<div class=\"lead\">\n"
                + "\n"
                + "  <p class=\"lead-in\">A <em>minimal</em> palette.</p>\n"
                + "\n"
                + "</div>\n"
                + "\n"
                + "<h2 id=\"p\">Palette <em>now</em> and <em>then</em></h2>\n"
                + "\n"
                + "<table>\n"
                + "<tr><td>*raw*</td></tr>\n"
                + "</table>\n"
                + "\n"
                + "<div>\n"
                + "*kept*\n"
                + "</div>\n"
                + "\n"
                + "<section>\n"
                + "  <div>\n"
                + "\n"
                + "    <ul>\n"
                + "      <li>item</li>\n"
                + "    </ul>\n"
                + "\n"
                + "  </div>\n"
                + "</section>\n",
                renderer.render(page));
        assertEquals("<div>\n*kept*\n</div>\n", KRAMDOWN.render("<div>\n*kept*\n</div>\n"));
    }

    @Test
    void quotesBecomeCurlyAndApostrophesRightSingleQuotes() {
        assertRenders("<p>“Quotes” and ‘single’ and we’re</p>", "\"Quotes\" and 'single' and we're");
    }

    @Test
    void smartQuotesConfigChoosesTheQuoteCharacters() {
        MarkdownRenderer renderer = new MarkdownRenderer(
                MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("smart_quotes", "sbquo,lsquo,bdquo,ldquo"))));
        assertRenders(renderer, "<p>„Anführung“</p>", "\"Anführung\"");
    }

    @Test
    void loneLineBreakInAParagraphStaysANewline() {
        assertEquals("<p>one\ntwo</p>\n", KRAMDOWN.render("one\ntwo\n"));
    }

    @Test
    void spacesAtTheEndOfAParagraphLineStayAsKramdownKeepsThem() {
        // kramdown keeps the white space before a line break; a hard break takes only its two spaces
        assertEquals("<p>a \nb\tc \t\n<em>d</em> \ne <br />\nf\t<br />\ng</p>\n",
                KRAMDOWN.render("a \nb\tc \t\n*d* \ne   \nf\t  \ng \n"));
        assertEquals("<blockquote>\n  <p>q \nr</p>\n</blockquote>\n", KRAMDOWN.render("> q \n> r\n"));
    }

    @Test
    void spacesBeforeALineThatStartsWithATagOrAFenceGoAsKramdownRejoinsTheParagraph() {
        // kramdown ends the paragraph's text at such a line, strips it, finds no block there and
        // joins the line on, with the two spaces of a break when the line before ended in two
        assertEquals("""
                <p>a<br />
                <a href="http://x.y">http://x.y</a>
                b
                ~~~c
                d<br />
                &lt;/section&gt;
                e</p>

                <ul>
                  <li>f<br />
                <a href="mailto:x@y.z">x@y.z</a></li>
                </ul>
                """, KRAMDOWN.render("a   \n<http://x.y>\nb \n~~~c\nd  \n</section>\ne\n\n- f   \n  <x@y.z>\n"));
    }

    @Test
    void twoBackslashesAtTheEndOfALineBreakIt() {
        // kramdown reads its line break before its escapes: a pair of backslashes, or a longer
        // even run, that a line ends with is <br />; an odd run is escaped pairs and one backslash
        // (a break in the GFM parser too); without a line end after it, the pair is an escape
        assertEquals("""
                <p>a<br />
                b</p>

                <p>c\\</p>

                <p>d\\<br />
                x</p>

                <p>e\\<br />
                y</p>

                <ul>
                  <li>li<br />
                next</li>
                  <li>last\\</li>
                </ul>

                <blockquote>
                  <p>q<br />
                r</p>
                </blockquote>

                <table>
                  <thead>
                    <tr>
                      <th>a\\</th>
                      <th>b</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>c</td>
                      <td>d\\</td>
                    </tr>
                  </tbody>
                </table>

                <h1 id="head">head\\</h1>

                <p><em>a<br />
                b</em> and <a href="/u">l<br />
                m</a></p>
                """, KRAMDOWN.render(LINE_END_BACKSLASHES));
        assertEquals("<p>a\\<br />\nb</p>\n", new MarkdownRenderer(MarkdownOptions.fromConfig(
                Map.of("kramdown", Map.of("hard_wrap", true)))).render("a\\\\\nb\n"));
    }

    /** Backslashes at the ends of lines of every kind of block, for both of kramdown's parsers. */
    static final String LINE_END_BACKSLASHES = """
            a\\\\
            b

            c\\\\

            d\\\\\\
            x

            e\\\\\\\\
            y

            - li\\\\
              next
            - last\\\\

            > q\\\\
            > r

            | a\\\\ | b |
            |---|---|
            | c | d\\\\ |

            # head\\\\

            *a\\\\
            b* and [l\\\\
            m](/u)
            """;

    @Test
    void commonMarkDropsTheSpacesAtTheEndOfAParagraphLine() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("markdown", "CommonMark")));
        assertEquals("<p>a\nb</p>\n", renderer.render("a \nb\n"));
    }

    @Test
    void hardWrapTurnsLineBreaksIntoBrTags() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("hard_wrap", true))));
        assertRenders(renderer, "<p>one<br>two</p>", "one\ntwo\n");
    }

    /** Lines ending in white space or backslashes, in the blocks kramdown's GFM parser does and does not wrap. */
    private static final String HARD_WRAP_LINE_ENDS = """
            a \s
            b\t
            c\\
            d\\\\
            e\\\\\\
            *f* \s
            g[^1]

            * h \s
              i\\
              j

            > k \s
            > l

            <div markdown="1">
            m \s
            n
            </div>

            [^1]: o \s
                p\\
                q
            """;

    /**
     * With {@code hard_wrap}, kramdown's GFM parser has no line break span: each line end is a
     * {@code <br />} with whatever ended the line kept before it as text (escapes still read), and
     * none in a footnote or an HTML element's content. Expected output is kramdown's.
     */
    @Test
    void hardWrapKeepsWhatEndsEachLine() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("hard_wrap", true))));
        assertEquals("""
                <p>a  <br />
                b\t<br />
                c\\<br />
                d\\<br />
                e\\\\<br />
                <em>f</em>  <br />
                g<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>

                <ul>
                  <li>h  <br />
                i\\<br />
                j</li>
                </ul>

                <blockquote>
                  <p>k  <br />
                l</p>
                </blockquote>

                <div>
                  <p>m \s
                n</p>
                </div>

                <div class="footnotes" role="doc-endnotes">
                  <ol>
                    <li id="fn:1" role="doc-endnote">
                      <p>o \s
                p\\
                q\u00a0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                  </ol>
                </div>
                """, renderer.render(HARD_WRAP_LINE_ENDS));
        assertEquals("""
                <p><span>a \s
                <em>b
                c</em></span> d  <br />
                e <b>f</b><br />
                g</p>
                """, renderer.render("<span>a  \n*b\nc*</span> d  \ne <b>f</b>\ng\n"));
    }

    @Test
    void tableAlignmentBecomesTextAlignStyle() {
        assertRenders("<table><thead><tr><th style=\"text-align: left\">a</th><th style=\"text-align: center\">b</th>"
                        + "<th style=\"text-align: right\">c</th><th>d</th></tr></thead><tbody><tr>"
                        + "<td style=\"text-align: left\">1</td><td style=\"text-align: center\">2</td>"
                        + "<td style=\"text-align: right\">3</td><td>4</td></tr></tbody></table>",
                "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
    }

    /**
     * A number that is no character ({@code &#0;}, a surrogate's {@code &#55296;}, past
     * {@code &#x10FFFF;}) is U+FFFD in a paragraph, the character HTML reads it as; kramdown writes
     * the bytes Ruby makes of the number, which are no UTF-8, and Java's encoder would write a lone
     * surrogate as {@code ?}.
     */
    @Test
    void writesANumberThatIsNoCharacterAsTheReplacementCharacter() {
        assertRenders("<p>a \uFFFD \uFFFD \uFFFD b</p>", "a &#0; &#55296; &#x110000; b\n");
    }

    /**
     * kramdown keeps a character reference already written by one rule wherever it writes text:
     * a name may start with a digit or hold dots ({@code &1a;}, {@code &a.b;}) but is ASCII only
     * ({@code &é;} is text), and {@code &#abc;} is no number.
     */
    @Test
    void keepsTheCharacterReferencesKramdownKeepsWhereverItWritesText() {
        assertRenders("<div>&1a; &a.b; &amp;#abc; &amp;é;</div>", "<div>&1a; &a.b; &#abc; &é;</div>\n");
        assertRenders("<p>a <code>&1a; &amp;é;</code> <span title=\"&1a; &amp;é; &a.b;\">x</span></p>",
                "a <code>&1a; &é;</code> <span title=\"&1a; &é; &a.b;\">x</span>\n");
        MarkdownRenderer backlinks = new MarkdownRenderer(MarkdownOptions.fromConfig(
                Map.of("kramdown", Map.of("footnote_backlink", "&#abc; &1a; &#x21a9;"))));
        String rendered = backlinks.render("t[^1]\n\n[^1]: n\n");
        assertTrue(rendered.contains("role=\"doc-backlink\">&amp;#abc; &1a; &#x21a9;</a>"), rendered);
    }

    @Test
    void footnotesUseKramdownIdsRolesAndBacklinks() {
        assertRenders("<p>Text<sup id=\"fnref:note\" role=\"doc-noteref\"><a href=\"#fn:note\" class=\"footnote\""
                        + " rel=\"footnote\">1</a></sup> and<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\""
                        + " class=\"footnote\" rel=\"footnote\">2</a></sup>.</p>"
                        + "<div class=\"footnotes\" role=\"doc-endnotes\"><ol>"
                        + "<li id=\"fn:note\" role=\"doc-endnote\"><p>First.\u00a0<a href=\"#fnref:note\""
                        + " class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p></li>"
                        + "<li id=\"fn:1\" role=\"doc-endnote\"><p>Second.\u00a0<a href=\"#fnref:1\""
                        + " class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p></li></ol></div>",
                "Text[^note] and[^1].\n\n[^1]: Second.\n[^note]: First.\n");
    }

    /** kramdown closes an element left open at the end of its paragraph; an element without content it never opens. */
    @Test
    void elementsWithoutContentAreNotClosedAtTheEndOfAParagraph() {
        assertEquals("<p>a <br /> <img src=\"/a.png\" alt=\"a\" /> <span></span> <a>b</a></p>\n",
                KRAMDOWN.render("a <br> <img src=\"/a.png\" alt=\"a\"> <span/> <a>b\n"));
    }

    /** kramdown ends a paragraph only at an element's tag, so an excerpt separator under a sentence stays in it. */
    @Test
    void aCommentUnderAParagraphsTextStaysInTheParagraph() {
        assertRenders("<p>See more Rest.</p>", "See more\n<!--more-->\nRest.\n");
        assertEquals("<p>See more\n<!--more-->\nRest.</p>\n", KRAMDOWN.render("See more\n<!--more-->\nRest.\n"));
        assertRenders("<ul><li>a</li><li>b</li></ul>", "- a\n<!--x-->\n- b\n");
        assertRenders("<blockquote><p>a b</p></blockquote>", "> a\n<!--x-->\nb\n");
        assertRenders("<p>b</p>", "<!--c-->\nb\n");
    }

    @Test
    void processingInstructionsDeclarationsAndCdataAreText() {
        assertRenders("<p>A &lt;?php x ?&gt; B</p>", "A\n<?php x ?>\nB\n");
        assertRenders("<p>&lt;!DOCTYPE html&gt; b</p>", "<!DOCTYPE html>\nb\n");
        assertRenders("<p>a &lt;![CDATA[x]]&gt; b</p>", "a <![CDATA[x]]> b\n");
        assertRenders("<p>a &lt;?php x ?&gt; b d</p>", "a <?php x ?> b <!-- c --> d\n");
    }

    @Test
    void secondReferenceToAFootnoteGetsItsOwnIdAndBacklink() {
        assertRenders("<p>a<sup id=\"fnref:x\" role=\"doc-noteref\"><a href=\"#fn:x\" class=\"footnote\" rel=\"footnote\">1</a></sup>"
                        + " b<sup id=\"fnref:x:1\" role=\"doc-noteref\"><a href=\"#fn:x\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>"
                        + "<div class=\"footnotes\" role=\"doc-endnotes\"><ol><li id=\"fn:x\" role=\"doc-endnote\"><p>X.\u00a0"
                        + "<a href=\"#fnref:x\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>\u00a0"
                        + "<a href=\"#fnref:x:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a>"
                        + "</p></li></ol></div>",
                "a[^x] b[^x]\n\n[^x]: X.\n");
    }

    @Test
    void definitionListTakesTheAttributeListAfterIt() {
        assertRenders("<dl class=\"terms\"><dt>Term</dt><dd>Meaning.</dd><dt>Other</dt><dd>More.</dd></dl>",
                "Term\n: Meaning.\n\nOther\n: More.\n{: .terms}\n");
    }

    @Test
    void blockAttributeListSetsClassIdAndPairsOnThePrecedingBlock() {
        assertRenders("<p class=\"lead big\" id=\"intro\" data-x=\"1\">Hello</p>",
                "Hello\n{: .lead .big #intro data-x=\"1\"}\n");
    }

    @Test
    void blockAttributeListAfterABlankLineAppliesToTheNextBlock() {
        assertRenders("<p>First</p><p class=\"next\">Second</p>", "First\n\n{: .next}\nSecond\n");
    }

    @Test
    void attributeListDefinitionIsUsedByName() {
        assertRenders("<p class=\"warn\">Careful</p>", "{:alert: .warn}\n\nCareful\n{: alert}\n");
    }

    @Test
    void spanAttributeListAppliesToThePrecedingSpan() {
        assertRenders("<p>An <em class=\"hl\">important</em> word</p>", "An *important*{: .hl} word\n");
    }

    @Test
    void bracesThatAreNotAttributeListsStayText() {
        assertRenders("<p>Raw: {{ page.title }} and {x}</p>", "Raw: {{ page.title }} and {x}\n");
    }

    @Test
    void tocListBecomesANestedTableOfContents() {
        assertRenders("<ul id=\"markdown-toc\"><li><a href=\"#one\" id=\"markdown-toc-one\">One</a>"
                        + "<ul><li><a href=\"#two-x\" id=\"markdown-toc-two-x\">Two <em>x</em></a></li></ul></li>"
                        + "<li><a href=\"#three\" id=\"markdown-toc-three\">Three</a></li></ul>"
                        + "<h2 id=\"one\">One</h2><h3 id=\"two-x\">Two <em>x</em></h3><h2 id=\"three\">Three</h2>",
                "* TOC\n{:toc}\n\n## One\n\n### Two *x*\n\n## Three\n");
    }

    @Test
    void tocLevelsLimitWhichHeadingsAreListed() {
        MarkdownRenderer renderer = new MarkdownRenderer(
                MarkdownOptions.fromConfig(Map.of("kramdown", Map.of("toc_levels", List.of(2)))));
        assertRenders(renderer, "<ul id=\"markdown-toc\"><li><a href=\"#one\" id=\"markdown-toc-one\">One</a></li></ul>"
                        + "<h2 id=\"one\">One</h2><h3 id=\"two\">Two</h3>",
                "* TOC\n{:toc}\n\n## One\n\n### Two\n");
    }

    @Test
    void abbreviationsBecomeAbbrElements() {
        assertRenders("<p>The <abbr title=\"Hyper Text Markup Language\">HTML</abbr> spec</p>",
                "The HTML spec\n\n*[HTML]: Hyper Text Markup Language\n");
    }

    @Test
    void theLastOfThreeAnglesOpensAnAutolink() {
        // kramdown reads << as a guillemet, then the autolink from the third <
        assertRenders("<p>a \u00AB<a href=\"mailto:a@b.c\">a@b.c</a> b \u00AB<a href=\"http://x.y/z\">http://x.y/z</a></p>",
                "a <<<a@b.c> b <<<http://x.y/z>\n");
    }

    @Test
    void aGuillemetTakesOneOfTheSpacesOfALineBreak() {
        // kramdown reads "<< " as a guillemet with its space, so two spaces after << break no line
        assertRenders("<p>a \u00AB\u00A0 \nb &lt;&lt;<br />\nc \u00AB&lt;<br />\nd \u00AB\u00AB\u00A0 \n"
                        + "e \\\u00AB\u00A0 \nf \u00AB</p>",
                "a <<  \nb \\<<  \nc <<<  \nd <<<<  \ne \\\\<<  \nf <<\n");
    }

    @Test
    void aGuillemetAtALinesStartTakesTheLastSpaceKramdownKeepsBeforeIt() {
        // the item turns the tabs into eight spaces and takes three; " >>" is one symbol to kramdown
        assertEquals("<ol>\n  <li>a\n    \u00A0\u00BB b</li>\n</ol>\n", KRAMDOWN.render("1. a\n\t\t>> b\n"));
    }

    @Test
    void itemsTwoTabsDeepUnderAnItemOneTabDeepAreSiblings() {
        // kramdown turns each tab into four spaces: both lines stand two spaces into b's text,
        // short of c's indent of four (Peaceful Gates' post nests its lists so)
        assertEquals("<ul>\n  <li>a\n    <ul>\n      <li>b\n        <ul>\n          <li>c</li>\n"
                + "          <li>d</li>\n        </ul>\n      </li>\n    </ul>\n  </li>\n</ul>\n",
                KRAMDOWN.render("- a\n\t- b\n\t\t- c\n\t\t- d\n"));
    }

    @Test
    void aQuoteRightAfterAnAbbreviationFollowsItsLastLetter() {
        // kramdown marks abbreviations after it has read the quotes: "S" stands before the quote
        assertRenders("<p><abbr title=\"Style\">CSS</abbr>”x” and <abbr title=\"Style\">CSS</abbr>’b’"
                        + " and a <abbr title=\"Style\">CSS</abbr> “c”</p>",
                "CSS\"x\" and CSS'b' and a CSS \"c\"\n\n*[CSS]: Style\n");
    }

    @Test
    void aReferenceDefinedInsideAnElementReadAsBlocksAfterTextLinksThere() {
        // the element's content is a text of its own, so its links are looked up in its own
        // definitions: the page's would find none and the build stopped (Jekyll 4.3.1's output)
        assertRenders("<div>\nx <div>\n    <p>See <a href=\"http://c.example\">c</a> and a note<sup id=\"fnref:1\""
                        + " role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup>.</p>\n\n"
                        + "  </div>\n</div>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n"
                        + "    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>the note <a href=\"#fnref:1\""
                        + " class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>",
                "<div>\nx <div markdown=\"1\">See [c][] and a note[^1].\n\n[c]: http://c.example\n[^1]: the note\n</div>\n</div>\n");
    }

    @Test
    void markdownInsideHtmlBlockIsParsedWhenAskedFor() {
        assertRenders("<div class=\"box\"><p><em>Inside</em> “here”</p></div><p>After</p>",
                "<div class=\"box\" markdown=\"1\">\n*Inside* \"here\"\n</div>\n\nAfter\n");
    }

    @Test
    void codeSpanClosesAtTheFirstRunOfItsBackticksEvenInsideALongerRun() {
        // kramdown 2.4 (input GFM) looks for the opening backticks as a string, where CommonMark
        // wants a run of exactly as many
        assertEquals("""
                <p>x <code class="language-plaintext highlighter-rouge">a</code><code class="language-plaintext highlighter-rouge">b</code>` y</p>

                <p>a <code class="language-plaintext highlighter-rouge">b</code><code class="language-plaintext highlighter-rouge"> c</code> d</p>

                <p>x <code class="language-plaintext highlighter-rouge">a`b
                code</code>` y</p>
                """, KRAMDOWN.render("x ``a```b`` y\n\na `b`` c` d\n\nx ```a`b\ncode ```` y\n"));
    }

    @Test
    void codeSpanKeepsTheTabsThatStartItsLinesAsKramdownLeavesThem() {
        // a quote keeps a tab after its >, a list item makes a leading tab four spaces before it
        // takes its indentation off; a tab after other white space stays a tab
        assertEquals("""
                <p>a <code class="language-plaintext highlighter-rouge">x
                  \ty</code> b</p>

                <blockquote>
                  <p>a <code class="language-plaintext highlighter-rouge">x
                \ty</code> b</p>
                </blockquote>

                <ul>
                  <li>a
                    <ul>
                      <li>b <code class="language-plaintext highlighter-rouge">x
                    y
                 \tz</code> c</li>
                    </ul>
                  </li>
                </ul>
                """, KRAMDOWN.render("a `x\n  \ty` b\n\n> a `x\n>\ty` b\n\n- a\n  - b `x\n\t\ty\n     \tz` c\n"));
    }

    @Test
    void codeSpanMarkedWithALanguageIsColouredInIt() {
        assertEquals("<p><code class=\"language-plaintext highlighter-rouge\">code</code> and "
                + "<code class=\"language-ruby highlighter-rouge\"><span class=\"n\">x</span></code></p>\n",
                KRAMDOWN.render("`code` and `x`{:.language-ruby}\n"));
    }

    @Test
    void fencedCodeInALanguageRougeDoesNotKnowGetsKramdownsPlainBlock() {
        assertEquals("<pre><code class=\"language-Ruby\">x &lt; 1\n</code></pre>\n", KRAMDOWN.render("```Ruby\nx < 1\n```\n"));
    }

    @Test
    void fencedCodeGetsRougeWrapperWithItsLanguage() {
        assertEquals("<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                        + "<code><span class=\"k\">def</span> <span class=\"nf\">x</span>\n"
                        + "  <span class=\"n\">a</span> <span class=\"o\">&lt;</span> <span class=\"n\">b</span> "
                        + "<span class=\"o\">&amp;&amp;</span> <span class=\"n\">c</span>\n"
                        + "<span class=\"k\">end</span>\n</code></pre></div></div>\n",
                KRAMDOWN.render("```ruby\ndef x\n  a < b && c\nend\n```\n"));
    }

    @Test
    void unlabelledAndIndentedCodeGetJekyllsPlaintextLanguage() {
        assertRenders("<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                        + "<code>plain\n</code></pre></div></div>"
                        + "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\">"
                        + "<code>indented\n  more\n</code></pre></div></div>",
                "```\nplain\n```\n\n    indented\n      more\n");
    }

    @Test
    void emailAutolinkBecomesMailtoLink() {
        assertRenders("<p>Write to <a href=\"mailto:team@p2pu.org\">team@p2pu.org</a>.</p>", "Write to <team@p2pu.org>.\n");
    }

    @Test
    void commonMarkFlavourHasNoExtensionsAndOmitsRawHtmlByDefault() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("markdown", "CommonMark")));
        assertEquals("<p>~~gone~~ <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n",
                renderer.render("~~gone~~ <b>x</b>\n\n<div>y</div>\n"));
    }

    @Test
    void commonMarkFlavourHasNoSmartQuotesNoIdsAndTheExtensionsNamed() {
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(Map.of("markdown", "CommonMark",
                "commonmark", Map.of("extensions", List.of("table", "strikethrough", "autolink")))));
        assertRenders(renderer, "<h2>Title</h2><p>\"q\" -- <del>gone</del> "
                        + "<a href=\"https://example.org\">https://example.org</a></p>"
                        + "<table><thead><tr><th align=\"right\">a</th></tr></thead><tbody><tr><td align=\"right\">1</td></tr></tbody></table>",
                "## Title\n\n\"q\" -- ~~gone~~ https://example.org\n\n| a |\n|--:|\n| 1 |\n");
    }

    @Test
    void markdownConfigNameIsCaseInsensitive() {
        assertEquals(MarkdownOptions.Flavour.COMMONMARK, MarkdownOptions.fromConfig(Map.of("markdown", "commonmark")).flavour());
        assertEquals(MarkdownOptions.Flavour.KRAMDOWN, MarkdownOptions.fromConfig(Map.of()).flavour());
        assertEquals(MarkdownOptions.defaults(), MarkdownOptions.fromConfig(Map.of("kramdown", Map.of())));
    }

    @Test
    void oneRendererUsedFromManyThreadsGivesIdenticalOutput() throws Exception {
        String markdown = MarkdownGoldenTest.withoutFrontMatter(MarkdownGoldenTest.resource("jobs.md"))
                + "\n\nA note[^n] and HTML.\n\n[^n]: Footnote.\n\n*[HTML]: Hyper Text\n\n* TOC\n{:toc}\n";
        String expected = KRAMDOWN.render(markdown);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> KRAMDOWN.render(markdown)));
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void listItemsGetParagraphsItemByItemAsKramdownDecides() {
        // each expected output is what kramdown 2.4 (GFM input) writes for the same text
        assertRenders("<ul><li>a</li><li><p>b</p></li><li>c</li><li>d</li></ul>", "- a\n- b\n\n- c\n- d\n");
        assertRenders("<ul><li>a</li><li>b</li></ul><p>para</p>", "- a\n- b\n\npara\n");
        assertRenders("<ul><li><p>a</p><p>more</p></li><li><p>b</p></li></ul>", "- a\n\n  more\n- b\n");
        assertRenders("<ul><li>a<ul><li><p>n</p></li><li><p>m</p></li></ul></li><li>b</li></ul>",
                "- a\n  - n\n\n  - m\n- b\n");
        assertRenders("<ol><li>a</li><li><p>b</p></li><li>c</li></ol>", "1. a\n2. b\n\n3. c\n");
    }

    @Test
    void inlineCodeIsMarkedAsRougeMarksIt() {
        assertEquals("<p>Use <code class=\"language-plaintext highlighter-rouge\">a &lt; b</code>.</p>\n",
                KRAMDOWN.render("Use `a < b`.\n"));
    }

    @Test
    void linksKeepTheirPlaceInTheTextWrittenWhenKramdownNestsAnItemDeeper() {
        // kramdown reads "2. c" under "- a" and "  1. b" four spaces deeper than a's indentation;
        // the spaces sheaf puts there to read it so must not move the links after them
        String markdown = "- a\n  1. b\n2. [c](c.md)\n\n[d](d.md)\n";
        MarkdownRenderer.Html html = KRAMDOWN.renderWithHeadings(markdown, null);
        assertNull(HtmlTokens.firstDifference("<ul><li>a<ol><li>b<ol><li><a href=\"c.md\">c</a></li></ol></li></ol></li></ul>"
                + "<p><a href=\"d.md\">d</a></p>", html.html()), html.html());
        assertEquals(List.of(markdown.indexOf("c.md"), markdown.indexOf("d.md")),
                html.links().stream().map(PageLink::offset).toList());
    }

    @Test
    void anAttributeListsValuesEscapeAnUpperCaseHexadecimalReferenceAsKramdownDoes() {
        // Jekyll 4.3.1 (kramdown 2.4): &#X41; is no reference to kramdown's writer, &#x41; is
        assertEquals("""
                <p title="&amp;#X41; &#x41; &amp; &amp; &lt;b&gt;" class="&amp;#X42;">a</p>

                <h1 title="&amp;#X41;" id="h">h</h1>

                <blockquote title="&amp;#X41;">
                  <p>q</p>
                </blockquote>

                <hr title="&amp;#X41;" />
                """, KRAMDOWN.render("a\n{: title=\"&#X41; &#x41; & &amp; &lt;b&gt;\" class=\"&#X42;\"}\n\n"
                + "# h\n{: title=\"&#X41;\"}\n\n> q\n{: title=\"&#X41;\"}\n\n---\n{: title=\"&#X41;\"}\n"));
    }
}
