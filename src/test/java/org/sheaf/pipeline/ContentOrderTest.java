package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages render in parallel, yet a page that reads other pages' {@code content} and {@code
 * excerpt} gets what Jekyll's one-page-at-a-time render gives it, so every build of the same
 * source is the same. The content-order fixture (which {@link JekyllFixturesTest} compares with
 * Jekyll's own build) has posts, notes, pages, layouts and paginated pages reading each other in
 * both directions of Jekyll's order; before the render order was kept, its builds differed from
 * one another most of the time.
 */
class ContentOrderTest {
    private static final Path FIXTURE = Path.of("src/test/resources/sites/content-order/site");
    private static final int BUILDS = 20;

    @TempDir
    Path dir;

    @Test
    void everyBuildOfPagesReadingEachOtherIsByteIdentical() throws IOException {
        Path site = dir.resolve("site");
        FellowshipSiteTest.copyTree(FIXTURE, site);
        Map<String, String> first = TestSite.in(site).buildOk().outputFiles();
        for (int build = 2; build <= BUILDS; build++) {
            Map<String, String> again = TestSite.in(site).buildOk().outputFiles();
            assertEquals(first.keySet(), again.keySet(), "files of build " + build);
            for (Map.Entry<String, String> file : first.entrySet()) {
                assertEquals(file.getValue(), again.get(file.getKey()), "build " + build + " wrote other bytes to " + file.getKey());
            }
        }
    }
}
