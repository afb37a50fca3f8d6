package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each expected excerpt is the text Jekyll 4.3.1's {@code Excerpt#extract_excerpt} makes of the same body. */
class ExcerptsTest {
    @Test
    void copiesTheDefinitionsTheExcerptUsesFromBelowTheSeparator() {
        String body = "See [the docs][d] and a note[^n].\n<!--more-->\nMore [x][other].\n\n"
                + "[d]: https://example.org/docs\n   [other]: /x\n[^n]: A note.\n    [d]: /indented-is-code\n";
        Excerpts.Excerpt excerpt = Excerpts.of(body, "<!--more-->");
        assertEquals("See [the docs][d] and a note[^n].\n\n\n[d]: https://example.org/docs\n[^n]: A note.", excerpt.text());
        assertFalse(excerpt.closedBlocks());
    }

    @Test
    void closesTheLiquidBlocksTheSeparatorCuts() {
        Excerpts.Excerpt excerpt = Excerpts.of("{% if a %}{% highlight ruby %}\nx = 1\n\ny = 2\n{% endhighlight %}{% endif %}\n",
                "\n\n");
        assertEquals("{% if a %}{% highlight ruby %}\nx = 1\n{% endhighlight %}\n{% endif %}", excerpt.text());
        assertTrue(excerpt.closedBlocks());
        assertEquals("{% if a %}x{% endif %}", Excerpts.of("{% if a %}x{% endif %}\n\nb", "\n\n").text());
        assertFalse(Excerpts.of("{% assign a = 1 %}{% include x.html %}\n\nb", "\n\n").closedBlocks());
    }

    @Test
    void isTheWholeBodyWithoutASeparatorAndTheHeadWhenNothingFollowsIt() {
        assertEquals("a\n[d]: /x\n", Excerpts.of("a\n[d]: /x\n", "\n\n").text());
        assertEquals("a [d]", Excerpts.of("a [d]\n\n", "\n\n").text());
        assertEquals("a\n\nb", Excerpts.of("a\n\nb", "").text());
    }
}
