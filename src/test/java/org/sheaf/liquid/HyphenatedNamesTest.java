package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HyphenatedNamesTest {
    @Test
    void hyphenatedSegmentsOfDottedNamesBecomeBracketLookups() {
        assertEquals("{{ include[\"data-title\"] | escape }}", HyphenatedNames.rewrite("{{ include.data-title | escape }}"));
        assertEquals("{% if page.meta[\"og-image\"].url %}", HyphenatedNames.rewrite("{% if page.meta.og-image.url %}"));
    }

    @Test
    void textStringsNumbersAndRawBlocksStayAsWritten() {
        String template = "a.b-c {{ 'x.y-z' | append: \"p.q-r\" }} {{ n | plus: -1 }} {% raw %}{{ include.data-x }}{% endraw %}";
        assertEquals(template, HyphenatedNames.rewrite(template));
    }
}
