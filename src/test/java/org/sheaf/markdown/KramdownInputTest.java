package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code kramdown: input:}: the GFM parser (Jekyll's default) and kramdown's own parser differ
 * in a few constructs, each rendered here as Jekyll 4.3.1 renders it with {@code input: kramdown}
 * and its other defaults.
 */
class KramdownInputTest {
    private static final MarkdownRenderer OWN = new MarkdownRenderer(options("kramdown"));
    private static final MarkdownRenderer GFM = new MarkdownRenderer(MarkdownOptions.defaults());

    private static MarkdownOptions options(Object input) {
        return MarkdownOptions.fromConfig(site(input));
    }

    private static Map<String, Object> site(Object input) {
        Map<String, Object> kramdown = new HashMap<>();
        kramdown.put("input", input);
        return Map.of("kramdown", kramdown);
    }

    @Test
    void readsTheInputByItsFirstLetterUpperCasedAsJekyllDoes() {
        assertFalse(options("kramdown").gfm());
        assertFalse(options("Kramdown").gfm());
        assertTrue(options("GFM").gfm());
        assertTrue(options("gFM").gfm());
        assertTrue(options(null).gfm());
        assertTrue(MarkdownOptions.fromConfig(Map.of()).gfm());
    }

    @Test
    void anInputOfNoParserIsAnErrorAndAnotherParserAWarning() {
        assertEquals(Optional.of(new MarkdownOptions.InputProblem(true, "kramdown has no parser for input \"gfm\"",
                "kramdown: input: is GFM (Jekyll's default) or kramdown")), MarkdownOptions.inputProblem(site("gfm")));
        assertEquals(Optional.of(new MarkdownOptions.InputProblem(false, "sheaf reads kramdown input \"html\" as \"kramdown\"",
                "sheaf reads Markdown with kramdown's GFM parser (Jekyll's default) or its kramdown parser")),
                MarkdownOptions.inputProblem(site("html")));
        assertFalse(options("html").gfm());
        assertEquals(Optional.empty(), MarkdownOptions.inputProblem(site("kramdown")));
        assertEquals(Optional.empty(), MarkdownOptions.inputProblem(Map.of("markdown", "CommonMark",
                "kramdown", Map.of("input", "gfm"))));
    }

    @Test
    void headingIdsComeFromTheSourceTextByKramdownsOwnRule() {
        assertEquals("""
                <h2 id="hello-world-x">Hello, <em>World</em> <code class="language-plaintext highlighter-rouge">x</code>!</h2>

                <h2 id="hello-world">1. Hello World</h2>

                <h2 id="hello-world-1">Hello World</h2>

                <h2 id="n-42">Ünï 42</h2>
                """, OWN.render("## Hello, *World* `x`!\n\n## 1. Hello World\n\n## Hello World\n\n## Ünï 42\n"));
        assertEquals("<h2 id=\"sets--c\">2. <em>Sets</em> &amp; C++</h2>\n", OWN.render("## 2. *Sets* & C++\n"));
        assertEquals("<h2 id=\"ünï-42\">Ünï 42</h2>\n", GFM.render("## Ünï 42\n"));
    }

    @Test
    void onlyTheTildesOfAFenceLineAreTheFenceAndTheRestItsLanguage() {
        // ~~~`a opens a fence of three tildes for the language `a, which ~~~` does not close
        assertEquals("""
                <pre><code class="language-`a">code
                ~~~`
                </code></pre>

                <p>~<code class="language-plaintext highlighter-rouge">~ruby
                puts 1
                ~</code>~</p>

                <p>~~<code class="language-plaintext highlighter-rouge">
                code
                ~~</code>`</p>
                """, OWN.render("~~~`a\ncode\n~~~`\n~~~\n\n~`~ruby\nputs 1\n~`~\n\n~~`\ncode\n~~``\n"));
    }

    @Test
    void backticksAndAWordHoldingABacktickOpenACodeSpan() {
        assertEquals("""
                <p><code class="language-plaintext highlighter-rouge">a`b
                code
                </code>`</p>

                <p>````a<code class="language-plaintext highlighter-rouge">b
                code
                </code>``</p>
                """, OWN.render("```a`b\ncode\n````\n\n````a`b\ncode\n```\n"));
    }

    @Test
    void backticksOverLinesStartingWithTabsAreACodeSpanThatKeepsThem() {
        assertEquals("""
                <ul>
                  <li>
                    <p>the item</p>

                    <p><code class="language-plaintext highlighter-rouge">
                      build:
                \tgo build
                </code></p>
                  </li>
                </ul>

                <p>Outside a list:</p>

                <p><code class="language-plaintext highlighter-rouge">
                \tfunc main() {}
                </code></p>
                """, OWN.render("- the item\n\n  ```\n\t\tbuild:\n  \tgo build\n  ```\n\nOutside a list:\n\n```\n\tfunc main() {}\n```\n"));
    }

    @Test
    void onlyTildesAtTheMarginFenceCode() {
        assertEquals("""
                <p><code class="language-plaintext highlighter-rouge">ruby
                x = 1
                </code></p>

                <div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="n">y</span> <span class="o">=</span> <span class="mi">2</span>
                </code></pre></div></div>

                <p>~~~
                z
                  ~~~</p>
                """, OWN.render("```ruby\nx = 1\n```\n\n~~~ ruby\ny = 2\n~~~\n\n  ~~~\nz\n  ~~~\n"));
        assertEquals("""
                <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code
                  ~~~
                still
                </code></pre></div></div>
                """, OWN.render("~~~\ncode\n  ~~~\nstill\n~~~\n"));
    }

    @Test
    void strikethroughTaskListsAndTheEscapedTildeAreGfmOnly() {
        assertEquals("<p>a ~~b~~ c \\~ d</p>\n", OWN.render("a ~~b~~ c \\~ d\n"));
        assertEquals("<p>a <del>b</del> c ~ d</p>\n", GFM.render("a ~~b~~ c \\~ d\n"));
        assertEquals("<ul>\n  <li>[ ] open</li>\n  <li>[x] done</li>\n</ul>\n", OWN.render("- [ ] open\n- [x] done\n"));
    }

    @Test
    void aBackslashEndsNoLineAndHardWrapIsIgnored() {
        assertEquals("<p>one\\\ntwo<br />\nthree</p>\n", OWN.render("one\\\ntwo  \nthree\n"));
        MarkdownRenderer wrapping = new MarkdownRenderer(MarkdownOptions.fromConfig(
                Map.of("kramdown", Map.of("input", "kramdown", "hard_wrap", true))));
        assertEquals("<p>Line one\nline two</p>\n", wrapping.render("Line one\nline two\n"));
    }

    @Test
    void aParagraphGoesOnOverListsQuotesHeadingsAndRules() {
        assertEquals("""
                <p>Text
                - not an item
                &gt; not a quote
                # not a heading</p>

                <h1 id="heading">Heading</h1>
                <p># Next</p>

                <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>code
                </code></pre></div></div>
                <p># After code</p>
                """, OWN.render("Text\n- not an item\n> not a quote\n# not a heading\n\n#Heading\n# Next\n\n~~~\ncode\n~~~\n# After code\n"));
        assertEquals("<p>Some text\n***\nmore</p>\n", OWN.render("Some text\n***\nmore\n"));
    }

    @Test
    void aListLeftOfAnItemsTextGoesOnItsParagraphWhereGfmNestsIt() {
        String markdown = "- a\n1. b\n\nText\n\n1. first\n  - two\n2. second\n\nText\n\n"
                + "* item\n\n  2. ordered\n    * lazy\n     1. nested\n";
        assertEquals("""
                <ul>
                  <li>a
                1. b</li>
                </ul>

                <p>Text</p>

                <ol>
                  <li>first
                  - two</li>
                  <li>second</li>
                </ol>

                <p>Text</p>

                <ul>
                  <li>
                    <p>item</p>

                    <ol>
                      <li>ordered
                  * lazy
                        <ol>
                          <li>nested</li>
                        </ol>
                      </li>
                    </ol>
                  </li>
                </ul>
                """, OWN.render(markdown));
        assertEquals("""
                <ul>
                  <li>a
                    <ol>
                      <li>b</li>
                    </ol>
                  </li>
                </ul>

                <p>Text</p>

                <ol>
                  <li>first
                    <ul>
                      <li>two</li>
                    </ul>
                  </li>
                  <li>second</li>
                </ol>

                <p>Text</p>

                <ul>
                  <li>
                    <p>item</p>

                    <ol>
                      <li>ordered
                        <ul>
                          <li>lazy</li>
                        </ul>
                        <ol>
                          <li>nested</li>
                        </ol>
                      </li>
                    </ol>
                  </li>
                </ul>
                """, GFM.render(markdown));
    }

    @Test
    void aListLeftOfAnItemsTextAfterABlankLineKeepsTheSpacesKramdownPutsBeforeIt() {
        assertEquals("""
                <ul>
                  <li>
                    <p>a</p>

                    <p>para
                      1. b
                      2. c</p>
                  </li>
                </ul>

                <p>Text</p>

                <blockquote>
                  <ol>
                    <li>a
                      <ul>
                        <li>x</li>
                      </ul>

                      <p>more
                       - b</p>
                    </li>
                  </ol>
                </blockquote>
                """, OWN.render("- a\n\n  para\n1. b\n2. c\n\nText\n\n> 1. a\n>    - x\n>\n>    more\n> - b\n"));
    }

    @Test
    void aListUnderADefinitionsTextIsMoreOfItWhereGfmNestsIt() {
        String markdown = "term\n: def\n  - x\n  - y\n\nother\n:   def\n1. z\n";
        assertEquals("""
                <dl>
                  <dt>term</dt>
                  <dd>def
                - x
                - y</dd>
                  <dt>other</dt>
                  <dd>def
                1. z</dd>
                </dl>
                """, OWN.render(markdown));
        assertEquals("""
                <dl>
                  <dt>term</dt>
                  <dd>def
                    <ul>
                      <li>x</li>
                      <li>y</li>
                    </ul>
                  </dd>
                  <dt>other</dt>
                  <dd>def
                    <ol>
                      <li>z</li>
                    </ol>
                  </dd>
                </dl>
                """, GFM.render(markdown));
    }

    @Test
    void aDefinitionListAmongAListItemsLinesIsNoListOfItsParts() {
        // each once stopped the build: a definition's lines, or a definition list in an item,
        // read as a list kramdown splits off an item's second part
        assertDoesNotThrow(() -> OWN.render("term\n\t1. ```\n: a\n     + ```\n  \t: more words\n"));
        assertDoesNotThrow(() -> GFM.render(">  + ```\n>   -\ta\n     * > q\n: b c\n"));
    }

    @Test
    void anItemInALazyQuoteReadsWithoutFailing() {
        // an item whose opening marker flexmark does not place: its columns count from where it starts
        assertDoesNotThrow(() -> GFM.render("  > > q\n   10. b c\n- x | y\n  \t- b c\n : a\n : a\n"));
    }

    @Test
    void aLineOfOnlyTheMarkerMakesAHeadingOfTheLineUnderIt() {
        // as kramdown writes it, but for the line end and indentation that start each such heading's text
        String kramdown = """
                <h1 id="foo">
                foo</h1>

                <h6 id="bar">
                  <em>bar</em></h6>

                <p>#</p>

                <p>baz</p>

                <p>a
                #
                b</p>

                <blockquote>
                  <h2 id="lazy">
                lazy</h2>
                </blockquote>

                <ul>
                  <li>
                    <h1 id="item">
                item</h1>
                  </li>
                  <li>#
                    <ul>
                      <li>nested</li>
                    </ul>
                  </li>
                </ul>

                <h1 id="y">
                x</h1>
                """;
        String sheaf = OWN.render("#\nfoo\n\n###### \n  *bar* ##\n\n#\n\nbaz\n\na\n#\nb\n\n> ##\nlazy\n\n"
                + "- #\n  item\n- #\n  - nested\n\n#\nx {#y}\n");
        assertEquals(withoutSpaceAtTags(kramdown), withoutSpaceAtTags(sheaf));
        assertEquals("<p>#\nfoo</p>\n", GFM.render("#\nfoo\n"));
        assertEquals("<p>#\n##\nfoo</p>\n", OWN.render("#\n##\nfoo\n"));
    }

    @Test
    void aHeadingUnderALineOfOnlyTheMarkerStartsWithItsLineEnd() {
        // as Jekyll 4.3.1 writes it with input: kramdown
        assertEquals("<h1 id=\"foo\">\nfoo</h1>\n", OWN.render("#\nfoo\n"));
    }

    /** {@code html} without the white space before and after its tags. */
    private static String withoutSpaceAtTags(String html) {
        return html.replaceAll(">\\s+", ">").replaceAll("\\s+<", "<");
    }

    @Test
    void anEscapedHashEndsAHeadingsText() {
        assertEquals("<h1 id=\"tag\">Tag#</h1>\n\n<h1 id=\"tag-1\">Tag#</h1>\n\n<h1 id=\"c\">C</h1>\n",
                OWN.render("# Tag\\#\n\n# Tag\\##\n\n# C#\n"));
    }

    @Test
    void aHeadingsIdIsReadBeforeItsClosingHashesAreTakenOff() {
        assertEquals("""
                <h1 id="x-id">x {#id}</h1>

                <h1 id="e-e1">e {#e1}</h1>

                <h1 id="bb1">b{#b1}</h1>

                <h1 id="c1">{#c1}</h1>

                <h1 id="h-1.x_y:z">h</h1>

                <h2 id="o-o1-">o {#o1} ##</h2>

                <h1 id="p1">p</h1>
                """, OWN.render("""
                # x {#id} ##

                # e {#e1}#

                # b{#b1}

                # {#c1}

                # h {#h-1.x_y:z}\t

                o {#o1} ##
                ---

                p {#p1}
                ===
                """));
    }

    @Test
    void twoBackslashesAtTheEndOfALineBreakItAndOneStays() {
        assertEquals("""
                <p>a<br />
                b</p>

                <p>c\\</p>

                <p>d\\\\
                x</p>

                <p>e\\<br />
                y</p>

                <ul>
                  <li>li<br />
                next</li>
                </ul>

                <blockquote>
                  <p>q<br />
                r</p>
                </blockquote>
                """, OWN.render("""
                a\\\\
                b

                c\\\\

                d\\\\\\
                x

                e\\\\\\\\
                y

                - li\\\\
                  next

                > q\\\\
                > r
                """));
    }

    @Test
    void anImagesAltTextKeepsAnEscapedTildeInBothParsers() {
        assertEquals("<p><img src=\"x\" alt=\"a\\~b\" /></p>\n", GFM.render("![a\\~b](x)\n"));
    }

    @Test
    void anItemsAttributeListLeavesItsIndentToTheMarker() {
        String nested = """
                <ul>
                  <li class="q">a
                    <ul>
                      <li class="n">b</li>
                    </ul>
                  </li>
                </ul>
                """;
        assertEquals(nested, OWN.render("- {: .q} a\n  - {: .n} b\n"));
        assertEquals(nested, GFM.render("- {: .q} a\n  - {: .n} b\n"));
        String quoted = """
                <blockquote>
                  <ul>
                    <li class="q">a
                      <ul>
                        <li class="x">b</li>
                      </ul>
                    </li>
                  </ul>
                </blockquote>
                """;
        assertEquals(quoted, OWN.render("> - {: .q} a\n>   - {: .x} b\n"));
        assertEquals(quoted, GFM.render("> - {: .q} a\n>   - {: .x} b\n"));
        // a definition's text goes on over a list, its attribute list or not
        assertEquals("<dl>\n  <dt>term</dt>\n  <dd class=\"d\">def\n- x</dd>\n</dl>\n", OWN.render("term\n: {: .d} def\n  - x\n"));
    }

    @Test
    void aLineIndentedToAnItemsTextThatStartsAListEndsTheTextOfAnItemNestedInIt() {
        // kramdown 2.4 (input kramdown) begins the outer item's second part on the line: the list
        // stands after the nested one, as after a definition list, where GFM input reads it alike
        String afterLazyList = """
                <ul>
                  <li>
                    <ol>
                      <li>
                        <h1 id="h">h</h1>
                        <ul>
                          <li>a</li>
                        </ul>
                        <ol>
                          <li>b</li>
                        </ol>
                      </li>
                    </ol>
                  </li>
                </ul>
                """;
        assertEquals(afterLazyList, OWN.render("- 1. # h\n   -\ta\n     2. b\n"));
        assertEquals(afterLazyList, OWN.render("- 1. # h\n   - a\n     2. b\n"));
        String afterDefinition = """
                <ul>
                  <li>
                    <dl>
                      <dt>term</dt>
                      <dd>def</dd>
                    </dl>
                    <ul>
                      <li>x</li>
                    </ul>
                  </li>
                </ul>
                """;
        assertEquals(afterDefinition, OWN.render("- term\n  : def\n  - x\n"));
        assertEquals(afterDefinition, GFM.render("- term\n  : def\n  - x\n"));
    }
}
