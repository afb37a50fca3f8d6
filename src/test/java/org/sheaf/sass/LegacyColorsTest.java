package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dart-sass's colours written as Jekyll 4.3's libsass writes them (the expected values are
 * libsass's output for the same functions, also in the {@code sass-imports} fixture), and the
 * source map following the change.
 */
class LegacyColorsTest {

    private static String rounded(String css) {
        return LegacyColors.rounded(css, new ArrayList<>());
    }

    @Test
    void computedColoursAreRoundedToWhatLibsassWrites() {
        assertEquals("a { c1: #1756a9; c2: #5e5e5e; c5: rgba(26, 98, 191, 0.5); c8: #0a141e; c11: #2a5be2; }",
                rounded("a { c1: rgb(22.9483471074, 86.2541322314, 168.5516528926); c2: rgb(93.5, 93.5, 93.5); "
                        + "c5: rgba(26.0041322314, 97.7396694215, 190.9958677686, 0.5); c8: rgb(10, 20, 30); "
                        + "c11: rgb(42, 91.3333333333, 226); }"));
        assertEquals("a{color:#ff8c66}", rounded("a{color:hsl(15,100%,70%)}"));
        assertEquals("a{color:rgba(55, 130, 228, 0.67)}", rounded("a{color:hsla(214, 76.5%, 55.5%, 0.67)}"));
    }

    @Test
    void computedColourWithANameIsWrittenByIt() {
        // libsass 3.6 writes `border-top: 2px solid rgba(0, 0, 0, 1)` and `rgb(255, 0, 0)` as names
        assertEquals("a{b:2px solid black;c:red;d:#ff0001;e:white}",
                rounded("a{b:2px solid rgb(0, 0, 0);c:rgb(255, 0, 0);d:rgb(255, 0, 1);e:hsl(0, 0%, 100%)}"));
    }

    @Test
    void stringsCommentsAndCustomPropertiesAreLeftAsWritten() {
        String css = ".k { --brand: rgb(1.5, 2, 3); content: \"rgb(1.5, 2, 3)\"; }\n/* rgb(1.5, 2, 3) */\n"
                + ".m{--x:hsl(1,2%,3%);color:rgb(1.5, 2, 3)}";
        assertEquals(css.replace("color:rgb(1.5, 2, 3)", "color:#020203"), rounded(css));
        assertEquals("a{c:rgb(300, 2, 3);d:rgb(1, 2, 3, 4)}", rounded("a{c:rgb(300, 2, 3);d:rgb(1, 2, 3, 4)}"));
    }

    @Test
    void sourceMapColumnsFollowTheShorterColour() {
        String css = "a{color:rgb(1.4, 2, 3)}b{x:y}\nc{d:e}";
        List<SourceMapShift.Edit> edits = new ArrayList<>();
        assertEquals("a{color:#010203}b{x:y}\nc{d:e}", LegacyColors.rounded(css, edits));
        // columns 0, 2, 8 and 23 on line 1 (b moves to 16), 0 on line 2; a mapping inside the colour moves to its start
        assertEquals("{\"mappings\":\"A,E,M,Q;A\"}", SourceMapShift.shifted("{\"mappings\":\"A,E,M,e;A\"}", css, edits));
        assertEquals("{\"mappings\":\"A,E,M,A\"}", SourceMapShift.shifted("{\"mappings\":\"A,E,M,C\"}", css, edits));
    }
}
