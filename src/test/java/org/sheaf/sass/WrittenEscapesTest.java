package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hex escapes of {@code @media} queries and selectors keep the white space their stylesheets
 * wrote after them, as libsass writes them (the expected CSS is {@code ruby -rsassc}'s), where
 * dart-sass ends each with one space: old Internet Explorer's {@code \0screen} and
 * {@code (min-width: 0\0)} hacks, the {@code (min-width: 0 \0}, line break, {@code )} of WTF,
 * forms?'s stylesheet, and {@code .clearfix\0}, line break, {@code .nav}.
 */
class WrittenEscapesTest {

    private static String restored(String css, String... sources) {
        CssRewrite.Result result = WrittenEscapes.restored(css, null, List.of(sources));
        return result == null ? css : result.css();
    }

    @Test
    void escapesInQueriesKeepTheWhiteSpaceWrittenAfterThem() {
        assertEquals("@media \\0screen { a { b: c; } }\n",
                restored("@media \\0 screen { a { b: c; } }\n", "@media \\0screen { a { b: c } }"));
        assertEquals("@media screen and (min-width: 0\\0){a{b:c}}\n",
                restored("@media screen and (min-width: 0\\0 ){a{b:c}}\n", "@media screen and (min-width:0\\0) { a { b: c } }"));
        assertEquals("@media screen and (min-width: 0 \\0\n) {\n  a {\n    b: c;\n  }\n}\n",
                restored("@media screen and (min-width: 0 \\0 ) {\n  a {\n    b: c;\n  }\n}\n",
                        "@media screen and (min-width: 0 \\0\n) { a { b: c } }"));
        assertEquals("@media screen and (min-width: 0 \\0\n\n) { a { b: c; } }\n",
                restored("@media screen and (min-width: 0 \\0 ) { a { b: c; } }\n",
                        "@media screen and (min-width: 0 \\0\n\n) { a { b: c } }"));
        assertEquals("@media \\0screen\\,screen\\9 {\n  a {\n    b: c;\n  }\n}\n",
                restored("@media \\0 screen\\,screen\\9 {\n  a {\n    b: c;\n  }\n}\n",
                        "@media \\0screen\\,screen\\9 { a { b: c } }"));
    }

    @Test
    void aQueryJoinedFromNestedOnesTakesTheWhiteSpaceOfEachEscapeWhenAllAgree() {
        assertEquals("@media print and (min-width: 0 \\0\n) { .x { y: z; } }\n",
                restored("@media print and (min-width: 0 \\0 ) { .x { y: z; } }\n",
                        ".x { @media (min-width: 0 \\0\n) { @media print { y: z } } }"));
    }

    @Test
    void escapesWrittenBothWaysOrOutsideQueriesStayAsDartSassWroteThem() {
        assertEquals("@media print and (min-width: 0 \\0 ) { .x { y: z; } }\n",
                restored("@media print and (min-width: 0 \\0 ) { .x { y: z; } }\n",
                        ".x { @media (min-width: 0 \\0\n) { @media print { y: z } } }", "@media (min-width: 0\\0) { a { b: c } }"));
        assertNull(WrittenEscapes.restored("@media screen { a { b: c; } }\n", null, List.of("@media screen { a { b: c } }")));
    }

    @Test
    void escapesInSelectorsKeepTheWhiteSpaceWrittenAfterThem() {
        assertEquals(".c\\0\n    .d { x: 2; }\n\n.e\\0 > .f { x: 3; }\n\n.g\\0 > .h { x: 4; }\n\n.i\\0\n> .j { x: 5; }\n\n"
                + ".k\\0\t.l { x: 6; }\n\n.m\\0, .n { x: 7; }\n\n.o\\0\n, .p { x: 8; }\n\n.q\\0:hover { x: 9; }\n",
                restored(".c\\0  .d { x: 2; }\n\n.e\\0  > .f { x: 3; }\n\n.g\\0  > .h { x: 4; }\n\n.i\\0  > .j { x: 5; }\n\n"
                        + ".k\\0 .l { x: 6; }\n\n.m\\0 , .n { x: 7; }\n\n.o\\0 , .p { x: 8; }\n\n.q\\0 :hover { x: 9; }\n",
                        ".c\\0\n    .d { x: 2 }\n.e\\0 > .f { x: 3 }\n.g\\0>.h { x: 4 }\n.i\\0\n>.j { x: 5 }\n"
                        + ".k\\0\t.l { x: 6 }\n.m\\0,.n { x: 7 }\n.o\\0\n, .p { x: 8 }\n.q\\0:hover { x: 9 }\n"));
    }

    @Test
    void aNestedSelectorTakesTheWhiteSpaceOfEachOfItsEscapes() {
        assertEquals(".x\\0\n.y .w { x: 12; }\n",
                restored(".x\\0 .y .w { x: 12; }\n", ".w { .x\\0\n.y & { x: 12 } }\n"));
        assertEquals(".p\\0\n.q .r\\0 .s { x: 1; }\n",
                restored(".p\\0 .q .r\\0 .s { x: 1; }\n", ".p\\0\n.q { .r\\0 .s { x: 1 } }\n"));
    }

    @Test
    void selectorEscapesWrittenBothWaysStayAsDartSassWroteThem() {
        assertNull(WrittenEscapes.restored(".a\\0 .b { x: 1; }\n\n.a\\0 .b .c { y: 2; }\n", null,
                List.of(".a\\0\n.b { x: 1 }\n.a\\0 .b .c { y: 2 }\n")));
        assertNull(WrittenEscapes.restored("a\\0 .g { z: 3; }\n\n.a\\0 .b { x: 1; }\n", null,
                List.of("a { &\\0 .g { z: 3 } }\n.a\\0\n.b { x: 1 }\n")));
    }
}
