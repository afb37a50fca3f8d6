package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages render in parallel, yet a page that reads other pages' {@code content} and {@code
 * excerpt} gets what Jekyll's one-page-at-a-time render gives it, so every build of the same
 * source is the same. The content-order fixture (which {@link JekyllFixturesTest} compares with
 * Jekyll's own build) has posts, notes, pages, layouts and paginated pages reading each other in
 * both directions of Jekyll's order; before the render order was kept, its builds differed from
 * one another most of the time. The excerpt-order fixture has excerpts that read other pages'
 * content, each first read at another place in the order (a layout before its post, its own
 * layout or content, a memo that is not written, a listing, the feed): each reads as its first
 * reader saw the site, which parallel rendering must find the same every time.
 */
class ContentOrderTest {
    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final int BUILDS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"content-order", "excerpt-order"})
    void everyBuildOfPagesReadingEachOtherIsByteIdentical(String fixture) throws IOException {
        Path site = dir.resolve("site");
        FellowshipSiteTest.copyTree(SITES.resolve(fixture).resolve("site"), site);
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
