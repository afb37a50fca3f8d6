package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arguments of {@code :nth-child()} and its kin come back as their stylesheets wrote them,
 * which dart-sass writes without spaces and Jekyll 4.3's libsass copies (the
 * real-minimal-mistakes fixture's {@code .grid__item:nth-child(2n + 1)}).
 */
class NthArgumentsTest {

    private static String restored(String css, String... sources) {
        return NthArguments.restored(css, List.of(sources), new ArrayList<>());
    }

    @Test
    void argumentsComeBackAsTheSourceWroteThem() {
        assertEquals("/* grid */\n@media (min-width: 10em) {\n  li:nth-child(2n + 1) {\n    x: y;\n  }\n}\n"
                        + "p:NTH-LAST-OF-TYPE(-n + 3) {\n  x: y;\n}",
                restored("/* grid */\n@media (min-width: 10em) {\n  li:nth-child(2n+1) {\n    x: y;\n  }\n}\n"
                        + "p:NTH-LAST-OF-TYPE(-n+3) {\n  x: y;\n}",
                        ".grid { li { &:nth-child( 2n + 1 ) { x: y } } }", "p:nth-last-of-type(-n + 3) { x: y }"));
    }

    @Test
    void argumentsWrittenBothWaysOrOutsideSelectorsStayAsDartSassWroteThem() {
        assertEquals("li:nth-child(2n+1){x:y}", restored("li:nth-child(2n+1){x:y}",
                "a:nth-child(2n + 1) {}", "b:nth-child(2n+1) {}"));
        assertEquals("a{content:\":nth-child(2n+1)\"}", restored("a{content:\":nth-child(2n+1)\"}",
                "a:nth-child(2n + 1) {}"));
        assertEquals("li:nth-child(2n+1){x:y}", restored("li:nth-child(2n+1){x:y}",
                "li:nth-child(#{$n}n + 1) {}"));
    }
}
