package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deeply nested text renders on the render threads' big stacks, and what overflows even those is
 * an error of its page, never a crash of the build. Each of these overflowed the JVM's usual
 * stack (a {@code StackOverflowError} and a 1,024-line trace) before pages rendered on
 * {@link RenderThreads}.
 */
class DeepNestingIT {
    @TempDir
    Path dir;

    @Test
    void rendersAThousandNestedLiquidIfs() {
        TestSite site = TestSite.in(dir).file("_config.yml", "title: Deep\n")
                .file("deep.md", "---\n---\n" + "{% if true %}".repeat(1000) + "deep" + "{% endif %}".repeat(1000) + "\n")
                .buildOk();
        assertEquals("<p>deep</p>\n", site.read("deep.html"));
    }

    @Test
    void rendersALineOfTwoThousandStars() {
        TestSite site = TestSite.in(dir).file("_config.yml", "title: Deep\n")
                .file("stars.md", "---\n---\n" + "*".repeat(2000) + "\n").buildOk();
        assertTrue(site.exists("stars.html"));
    }

    @Test
    void rendersAHundredNestedQuotesAndAHundredNestedListItems() {
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            lists.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        TestSite site = TestSite.in(dir).file("_config.yml", "title: Deep\n")
                .file("quotes.md", "---\n---\n" + ">".repeat(100) + " deep\n")
                .file("lists.md", "---\n---\n" + lists)
                .buildOk();
        assertEquals(100, count(site.read("quotes.html"), "<blockquote>"));
        assertEquals(99, count(site.read("lists.html"), "<ul>"));
    }

    @Test
    void aPageThatOverflowsEvenTheRenderStackIsAnErrorOfThatPageOnly() {
        // Java's regex engine matches an emphasis run by recursion, a frame per character
        TestSite site = TestSite.in(dir).file("_config.yml", "title: Deep\n")
                .file("fine.md", "---\n---\nFine.\n")
                .file("stars.md", "---\ntitle: Stars\n---\n" + "*".repeat(4_000_000) + "\n");
        BuildResult result = site.build();
        assertFalse(result.ok());
        assertEquals("stars.md:4:1: error: the content nests too deeply to render (blocks, lists, emphasis or Liquid"
                + " tags nested thousands of levels deep exhausted the 256 MiB stack); nest less deeply",
                TestSite.printed(result).strip());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
