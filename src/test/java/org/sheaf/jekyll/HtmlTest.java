package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    private static final String TEXT = "a&b<c>d\"e'f";

    /**
     * Jekyll 4.3.1 printed these for {@code a&b<c>d"e'f} through {@code xml_escape}, {@code escape}
     * and {@code escape_once}: only {@code xml_escape} writes the apostrophe {@code &apos;}.
     */
    @Test
    void escapesAsJekyllsFiltersDo() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&apos;f", Html.xmlEscape(TEXT));
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Html.escape(TEXT));
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Html.escapeOnce(TEXT));
        assertEquals("&amp; &lt; &#39; &amp;foo", Html.escapeOnce("&amp; &lt; &#39; &foo"));
    }

    @Test
    void kramdownEscapesTextAndAttributesWithFewerEntities() {
        assertEquals("a&amp;b&lt;c&gt;d\"e'f", Html.escapeText(TEXT));
        assertEquals("a&amp;b&lt;c&gt;d&quot;e'f", Html.escapeAttribute(TEXT));
    }

    @Test
    void nullIsEmptyAndPlainTextStaysAsItIs() {
        assertEquals("", Html.escape(null));
        assertEquals("", Html.escapeOnce(null));
        assertEquals("nothing to escape", Html.escapeAttribute("nothing to escape"));
    }

    /** Jekyll 4.3.1 printed {@code [xabd]} for this through strip_html: Ruby Liquid's blocks are lower case only. */
    @Test
    void stripsHtmlAsLiquidDoes() {
        assertEquals("xabd", Html.stripHtml("<SCRIPT>x</SCRIPT>a<b>b</b><!-- c -->d<style>e</style>"));
        assertEquals("ab", Html.stripHtml("a<script type=\"x\">\nlet x = 1;\n</script><p\nclass=\"y\">b</p>"));
    }
}
