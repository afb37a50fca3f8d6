package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    /** The warm-up swallows its failures, so this is where a sample that stopped rendering shows. */
    @Test
    void theSamplePageRendersThroughMarkdownAndLiquid() throws Exception {
        String page = WarmUp.rehearse(2);

        for (String expected : List.of("<h1>Budgets &amp; audits</h1>",
                "<a href=\"/tags/library-budgets\">library budgets</a>",
                "<h2 id=\"a-heading-with-emphasis-and-code\">", "<table>", "<blockquote class=\"quote\">",
                "class=\"footnotes\"", "<dl>", "language-python", "“largest”")) {
            assertTrue(page.contains(expected), () -> "missing " + expected + " in\n" + page);
        }
    }

    @Test
    void onlyCommandsThatRenderWarmUp() {
        assertEquals(Set.of("build", "serve", "check"), WarmUp.COMMANDS);
    }
}
