package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
 * reader saw the site, which parallel rendering must find the same every time. The feed-order
 * fixtures have excerpts first read by the feed, whose place among the paginated pages follows the
 * {@code plugins:} list (feed first, or pagination first), and paginated pages that read them later.
 */
class ContentOrderTest {
    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final int BUILDS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"content-order", "excerpt-order", "feed-order-feed-first", "feed-order-paginate-first"})
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

    /**
     * A document's output not kept is laid out again when a page reads it from an include; a
     * layout drawing with {@code sample} must draw the same then, or the page would show other
     * text than the document's file, where Jekyll renders each document once.
     */
    @Test
    void aLayoutDrawingSamplesReadsAsWrittenWhenLaidOutAgain(@TempDir Path site) {
        StringBuilder numbers = new StringBuilder("1");
        for (int i = 2; i <= 200; i++) {
            numbers.append(',').append(i);
        }
        TestSite built = TestSite.in(site)
                .file("_includes/listing.html", "{% for post in site.posts %}<section>{{ post.output }}</section>{% endfor %}")
                .file("_layouts/post.html", "{% assign numbers = '" + numbers + "' | split: ',' %}"
                        + "<article>{{ content }}</article><aside>{{ numbers | sample: 6 | join: ' ' }}</aside>")
                .file("index.html", "---\n---\n{% include listing.html %}");
        String[] posts = {"2019-01-01-alpha", "2019-02-01-beta", "2019-03-01-gamma"};
        for (String post : posts) {
            built.file("_posts/" + post + ".md", "---\nlayout: post\n---\nThe text of " + post + ".\n");
        }
        Map<String, String> files = built.buildOk().outputFiles();
        String index = files.get("index.html");
        for (String post : posts) {
            String written = files.get(post.substring(0, 10).replace('-', '/') + "/" + post.substring(11) + ".html");
            assertTrue(index.contains("<section>" + written + "</section>"), written + " not in " + index);
        }
    }

    /**
     * A build keeps documents' outputs only when a page or layout names {@code output}; one read
     * only from an include, or by printing a document whole, is found as it happens. Both sites
     * read the same outputs, one from includes and one from its layouts and pages, and must write
     * the same files.
     */
    @Test
    void outputsReadOnlyFromIncludesReadAsWhenLayoutsNameThem(@TempDir Path fromIncludes, @TempDir Path named) {
        String[] posts = {"2019-01-01-alpha", "2019-02-01-beta", "2019-03-01-gamma", "2019-04-01-delta"};
        String before = "{% if page.previous %}<aside>{{ page.previous.output | size }}|{{ page.previous.output | slice: 0, 60 }}</aside>{% endif %}";
        String listing = "{% for post in site.posts %}<section>{{ post }}</section>{% endfor %}";
        TestSite a = TestSite.in(fromIncludes)
                .file("_includes/before.html", before)
                .file("_includes/listing.html", listing)
                .file("_layouts/post.html", "<article>{{ content }}</article>{% include before.html %}")
                .file("index.html", "---\n---\n{% include listing.html %}");
        TestSite b = TestSite.in(named)
                .file("_layouts/post.html", "<article>{{ content }}</article>" + before.replace("page.previous.output", "page.previous[\"output\"]"))
                .file("index.html", "---\n---\n" + listing + "{% comment %}output{% endcomment %}");
        for (String post : posts) {
            String text = "---\ntitle: " + post + "\nlayout: post\n---\nThe text of " + post + ".\n";
            a.file("_posts/" + post + ".md", text);
            b.file("_posts/" + post + ".md", text);
        }
        Map<String, String> readFromIncludes = a.buildOk().outputFiles();
        Map<String, String> readByName = b.buildOk().outputFiles();
        assertEquals(readByName, readFromIncludes);
        String index = readFromIncludes.get("index.html");
        assertTrue(index.contains("<section><article><p>The text of 2019-03-01-gamma.</p>\n</article><aside>"), index);
        assertTrue(readFromIncludes.get("2019/04/01/delta.html").contains("|<article><p>The text of 2019-03-01-gamma."),
                readFromIncludes.keySet().toString());
    }
}
