package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A selector list that an {@code @extend} grew holds each selector once, as libsass writes it
 * (the expected CSS is {@code ruby -rsassc}'s), where dart-sass may write one twice; a repeat
 * the stylesheet wrote in a list no {@code @extend} touches stays.
 */
class ExtendRepeatsTest {

    private static String restored(String css, String source) {
        CssRewrite.Result result = ExtendRepeats.restored(css, List.of(source));
        return result == null ? css : result.css();
    }

    @Test
    void aSelectorAnExtendAddsTwiceIsWrittenOnce() {
        assertEquals("a .k, a i { w: 0; }\n",
                restored("a .k, a i, a i { w: 0; }\n", "a { .k { w: 0; @extend .k; } }\ni { @extend .k; }\n"));
        assertEquals("b .k, b b { w: none; }\n\n.t b .k, .t b b { y: 1; }\n",
                restored("b .k, b b, b b { w: none; }\n\n.t b .k, .t b b { y: 1; }\n",
                        "b { .k { @extend .k !optional; w: none; } }\n.t { b { .k { y: 1; } } }\nb { @extend .k; }\n"));
    }

    @Test
    void aRepeatInAListNoExtendTouchedStays() {
        assertEquals("a, a { x: 1; }\n\nb .k, b i { w: 0; }\n",
                restored("a, a { x: 1; }\n\nb .k, b i, b i { w: 0; }\n",
                        "a, a { x: 1 }\nb { .k { w: 0; @extend .k; } }\ni { @extend .k; }\n"));
        assertNull(ExtendRepeats.restored("a, a { x: 1; }\n", List.of("a, a { x: 1 }\n")));
    }
}
