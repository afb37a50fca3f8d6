package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attribute selectors get back the quotes their stylesheets wrote, which dart-sass drops and
 * Jekyll 4.3's libsass keeps (the real-cayman fixture's normalize.css: {@code input[type="button"]}).
 */
class AttributeQuotesTest {

    private static String restored(String css, String... sources) {
        return AttributeQuotes.restored(css, List.of(sources), null, new ArrayList<>());
    }

    @Test
    void quotesComeBackAsTheSourceWroteThem() {
        String source = "button, html input[type=\"button\"] { cursor: pointer; }\n"
                + "a[ rel ~= 'tag' i ] { x: y; }\n.b { input[type=\"search\"]::-webkit-search-decoration { z: 1 } }";
        assertEquals("button,html input[type=\"button\"]{cursor:pointer}a[rel~='tag' i]{x:y}"
                        + ".b input[type=\"search\"]::-webkit-search-decoration{z:1}",
                restored("button,html input[type=button]{cursor:pointer}a[rel~=tag i]{x:y}"
                        + ".b input[type=search]::-webkit-search-decoration{z:1}", source));
        assertEquals("@media (max-width: 600px) {\n  .nav label[for=\"nav-trigger\"] {\n    display: block;\n  }\n}",
                restored("@media (max-width: 600px) {\n  .nav label[for=nav-trigger] {\n    display: block;\n  }\n}",
                        "// a [for=\"x\"] comment\n.nav { label[for=\"nav-trigger\"] { display: block; } }"));
    }

    @Test
    void singleQuotesComeBackWhereDartSassWroteDoubleOnes() {
        assertEquals("@media print{a[href^='http://']:after{x:y}}",
                restored("@media print{a[href^=\"http://\"]:after{x:y}}", "@media print {\n  a[href^='http://']:after { x: y }\n}"));
        assertEquals("/* print */\n@media print {\n  a[href^='http://']:after {\n    x: y;\n  }\n}",
                restored("/* print */\n@media print {\n  a[href^=\"http://\"]:after {\n    x: y;\n  }\n}",
                        "@media print {\n  a[href^='http://']:after { x: y }\n}"));
        assertEquals("a[href^=\"http://\"]{x:y}",
                restored("a[href^=\"http://\"]{x:y}", "a[href^='http://'] {}", "b[href^=\"http://\"] {}"));
    }

    @Test
    void selectorsWrittenWithoutQuotesOrBothWaysStayAsDartSassWroteThem() {
        assertEquals("a[type=button]{x:y}", restored("a[type=button]{x:y}", "a[type=button] { x: y }"));
        assertEquals("a[type=button]{x:y}b[type=button]{x:y}", restored("a[type=button]{x:y}b[type=button]{x:y}",
                "a[type=\"button\"] { x: y }", "b[type=button] { x: y }"));
        assertEquals("a[type=button]{x:y}", restored("a[type=button]{x:y}", "a[type=\"button\"] {}", "b[type='button'] {}"));
        assertEquals("a[type=button]{x:y}", restored("a[type=button]{x:y}", "a[type=\"#{$t}\"] { x: y }"));
    }

    @Test
    void declarationsStringsCommentsAndAtRulePreludesAreNotSelectors() {
        String source = "a[b=\"c\"] { x: y }";
        String css = "/* a[b=c] */.g{grid-template-columns:[b=c];content:\"[b=c]\"}@supports selector(a[b=c]){.h{x:y}}";
        assertEquals(css, restored(css, source));
    }

    @Test
    void sourceMapColumnsFollowTheQuotes() {
        List<SourceMapShift.Edit> edits = new ArrayList<>();
        AttributeQuotes.restored("x{a:b}\ni[t=c],j[t=c]{d:e}", List.of("i[t=\"c\"], j[t=\"c\"] { d: e }"), null, edits);
        assertEquals(List.of(new SourceMapShift.Edit(11, 1, 3), new SourceMapShift.Edit(18, 1, 3)), edits);
    }

    @Test
    void editsAfterAnEarlierPassAreMovedToTheOriginalText() {
        List<SourceMapShift.Edit> colours = List.of(new SourceMapShift.Edit(2, 10, 4));
        List<SourceMapShift.Edit> quotes = List.of(new SourceMapShift.Edit(20, 1, 3));
        assertEquals(List.of(new SourceMapShift.Edit(2, 10, 4), new SourceMapShift.Edit(26, 1, 3)),
                SourceMapShift.merged(colours, quotes));
    }
}
