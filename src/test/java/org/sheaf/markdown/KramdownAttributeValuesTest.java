package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values of kramdown attribute lists as Jekyll writes them on every kind of element that
 * takes one, from the table {@code scripts/kramdown-attribute-values-expected} made with Jekyll
 * and kramdown: an {@code &} stays where it starts a reference as kramdown's writer reads one
 * ({@code &a;}, {@code &a.b;}, {@code &#99999999999;}), which flexmark's writer would escape.
 */
class KramdownAttributeValuesTest {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u([0-9A-F]{4})|n|\\\\)");

    /** The rows of the table: the kind of element, the Markdown, Jekyll's HTML of it. */
    static Stream<String[]> cases() throws IOException {
        try (InputStream in = KramdownAttributeValuesTest.class.getResourceAsStream("/kramdown/attribute-values.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split("\t", -1)).toList().stream();
        }
    }

    /** A column of the table with its escapes read: {@code \n}, {@code \\} and {@code \}{@code uXXXX}. */
    private static String unescaped(String column) {
        return ESCAPE.matcher(column).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? Character.toString((char) Integer.parseInt(m.group(1), 16))
                : m.group().equals("\\n") ? "\n" : "\\"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void writesTheValueAsKramdownDoes(String element, String markdown, String html) {
        assertEquals(unescaped(html), KRAMDOWN.render(unescaped(markdown)));
    }

    @Test
    void aCodeSpanWritesItsListFirstAndTheHighlightersClassesAroundTheListsOwn() {
        // as kramdown 2.4.0 writes them; a language Rouge does not know colours nothing and adds no class
        assertEquals("""
                <p>a <code class="language-ruby highlighter-rouge" title="t"><span class="n">c</span></code> b</p>

                <p>a <code title="t" class="language-ruby x language-ruby highlighter-rouge" id="i"><span class="n">c</span></code> b</p>

                <p>a <code class="language-plaintext x highlighter-rouge">c</code> b</p>

                <p>a <code title="t" class="language-nosuch">c</code> b</p>

                <p>a <code class="language-ruby?x=1 highlighter-rouge" title="t"><span class="n">c</span> <span class="n">d</span></code> b</p>

                <p>a <code id="i" class="language-plaintext highlighter-rouge">c</code> b</p>
                """, KRAMDOWN.render("a `c`{: .language-ruby title=\"t\"} b\n\na `c`{: title=\"t\" .x .language-ruby #i} b\n\n"
                + "a `c`{: .x} b\n\na `c`{: title=\"t\" .language-nosuch} b\n\n"
                + "a `c d`{: .language-ruby?x=1 title=\"t\"} b\n\na `` c ``{: #i} b\n"));
    }

    @Test
    void mathWithAListIsAnElementThatCarriesIt() {
        // as kramdown 2.4.0 writes it: a span's math between single dollars, unescaped; a block's
        // <div> indented as its container's content, the math and the closing tag after it as they are
        assertEquals("""
                <p><span class="m">$x<y$</span> b</p>

                <div class="m" id="i">\\[x&lt;y\\]
                </div>

                <ul>
                  <li>
                    <p>a</p>

                    <div class="m">\\[x\\]
                </div>
                  </li>
                </ul>

                <blockquote>
                  <div class="q">\\[x\\]
                </div>
                </blockquote>
                """, KRAMDOWN.render("$$x<y$${: .m} b\n\n$$\nx<y\n$$\n{: .m #i}\n\n* a\n\n  $$\n  x\n  $$\n  {: .m}\n\n"
                + "> $$x$$\n> {: .q}\n"));
    }

    @Test
    void aValueKeepsItsAmpersandWhereThePageHoldsTheMarkerCharacter() {
        // the page holds U+E000 and names U+E001: the values are written through another character
        assertEquals("<p title=\"&a;\">a \uE000 \uE001</p>\n", KRAMDOWN.render("a \uE000 &#xE001;\n{: title=\"&a;\"}\n"));
    }
}
