package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.diag.Diagnostics;

/** A layout that fails for every page using it is reported once, naming the pages. */
class RepeatedErrorsTest {
    @TempDir
    Path dir;

    private TestSite site(int pages) {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: T\ntimezone: UTC\nliquid:\n  strict_filters: true\n")
                .file("_layouts/post.html", "<article>\n{{ page.title | nope }}\n</article>\n");
        for (int i = 1; i <= pages; i++) {
            site.file("p" + i + ".md", "---\nlayout: post\ntitle: P" + i + "\n---\nBody\n");
        }
        return site;
    }

    private static String printed(TestSite site) {
        BuildResult result = site.build();
        assertEquals(BuildResult.Status.SITE_ERRORS, result.status());
        return String.join("\n", Diagnostics.formatted(result.diagnostics()));
    }

    @Test
    void layoutErrorOnManyPagesIsPrintedOnceWithTheFirstPagesAndACount() {
        assertEquals("""
                _layouts/post.html:2:15: error: unknown Liquid filter \"nope\"
                    in: p1.md
                    in: p2.md
                    in: p3.md
                    ... and 4 more pages""", printed(site(7)));
    }

    @Test
    void layoutErrorOnFourPagesNamesThemAll() {
        assertEquals("""
                _layouts/post.html:2:15: error: unknown Liquid filter \"nope\"
                    in: p1.md
                    in: p2.md
                    in: p3.md
                    in: p4.md""", printed(site(4)));
    }
}
