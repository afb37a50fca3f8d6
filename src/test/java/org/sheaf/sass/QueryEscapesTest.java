package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hex escapes of {@code @media} queries keep the white space their stylesheets wrote after
 * them, as libsass writes them (the expected CSS is {@code ruby -rsassc}'s), where dart-sass ends
 * each with one space: old Internet Explorer's {@code \0screen} and {@code (min-width: 0\0)}
 * hacks, and the {@code (min-width: 0 \0}, line break, {@code )} of WTF, forms?'s stylesheet.
 */
class QueryEscapesTest {

    private static String restored(String css, String... sources) {
        QueryEscapes.Result result = QueryEscapes.restored(css, null, List.of(sources));
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
        assertNull(QueryEscapes.restored(".a\\0 .b { x: y; }\n", null, List.of(".a\\0\n.b { x: y }")));
        assertNull(QueryEscapes.restored("@media screen { a { b: c; } }\n", null, List.of("@media screen { a { b: c } }")));
    }
}
