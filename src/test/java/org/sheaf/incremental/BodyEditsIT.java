package org.sheaf.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.output.MemorySink;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.TestSite;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;

/**
 * The dev server's shortcut for edits below the front matter ({@link BodyEdits}): what it
 * renders, what it declines, and that the site it patches is always a clean build's.
 */
class BodyEditsIT {
    @TempDir
    Path root;

    private TestSite site;
    private IncrementalBuilder builder;
    private BuildOptions options;
    private final MemorySink served = new MemorySink();

    @BeforeEach
    void site() {
        site = TestSite.in(root)
                .file("_config.yml", "title: T\nurl: https://example.org\nsource_files: true\nplugins: [jekyll-feed]\n")
                .file("_layouts/default.html", "<title>{{ page.title }}</title>{{ content }}\n")
                .file("_data/revenue.csv", "year,training\n2016,10\n2017,12\n")
                .file("_posts/2019-12-01-first.md", "---\nlayout: default\ntitle: First\n---\nOne.\n")
                .file("_posts/2019-12-02-second.md", "---\nlayout: default\ntitle: Second\n---\nTwo.\n")
                .file("index.html", "---\nlayout: default\n---\n{% for p in site.posts %}{{ p.title }};{% endfor %}\n")
                .file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n")
                .file("model.md", "---\nlayout: default\ntitle: Model\n---\n"
                        + "{% chart data=site.data.revenue x=year y=training name=revenue %}\n");
        builder = IncrementalBuilder.inMemory();
        options = new BuildOptions(root, ConfigLoader.Overrides.none(), TestSite.TIME, "production");
        assertTrue(builder.build(options, served, SourceChanges.UNKNOWN).ok());
    }

    /** Writes {@code text} to {@code path} in place and builds, told so as the watcher would tell. */
    private BuildResult edit(String path, String text) {
        site.file(path, text);
        return builder.build(options, served, SourceChanges.written(Set.of(root.resolve(path).toAbsolutePath().normalize())));
    }

    private void assertServedIsACleanBuild(BuildResult result) {
        MemorySink clean = new MemorySink();
        BuildResult expected = SiteBuilder.build(options, clean);
        assertEquals(TestSite.printed(expected), TestSite.printed(result));
        if (!expected.ok()) {
            return;
        }
        assertEquals(clean.files().keySet(), served.files().keySet());
        for (Map.Entry<String, byte[]> file : clean.files().entrySet()) {
            assertEquals(new String(file.getValue(), StandardCharsets.UTF_8),
                    new String(served.files().get(file.getKey()), StandardCharsets.UTF_8), file.getKey());
        }
    }

    private String served(String path) {
        return new String(served.files().get(path), StandardCharsets.UTF_8);
    }

    /**
     * At the clock's time, as the dev server builds: a stylesheet edit built at the last time
     * leaves the feed's {@code <updated>} as it was, and the body edit after it still takes the
     * shortcut (keeping that time too).
     */
    @Test
    void aStylesheetEditAtTheLastTimeKeepsTheFeedAndTheNextBodyEditStillTakesTheShortcut() throws Exception {
        site.file("style.css", "body { color: black; }\n");
        BuildOptions clock = new BuildOptions(root, ConfigLoader.Overrides.none(), null, "production");
        IncrementalBuilder serving = IncrementalBuilder.inMemory();
        MemorySink sink = new MemorySink();
        assertTrue(serving.build(clock, sink, SourceChanges.UNKNOWN).ok());
        String feed = new String(sink.files().get("feed.xml"), StandardCharsets.UTF_8);
        Thread.sleep(1100);
        site.file("style.css", "body { color: navy; }\n");
        assertTrue(serving.buildAtLastTime(clock, sink,
                SourceChanges.written(Set.of(root.resolve("style.css").toAbsolutePath().normalize()))).ok());
        assertEquals("body { color: navy; }\n", new String(sink.files().get("style.css"), StandardCharsets.UTF_8));
        assertEquals(feed, new String(sink.files().get("feed.xml"), StandardCharsets.UTF_8));
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, changed.\n");
        assertTrue(serving.build(clock, sink,
                SourceChanges.written(Set.of(root.resolve("about.md").toAbsolutePath().normalize()))).ok());
        assertTrue(serving.lastWasBodyEdit(), serving.lastDeclined());
        assertEquals(feed, new String(sink.files().get("feed.xml"), StandardCharsets.UTF_8));
    }

    @Test
    void codeThatRougeColoursIsColouredInBodyEditsAndIncrementalBuildsAsInACleanBuild() {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        BuildResult edited = edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n\n"
                + "```haskell\nmain = print 1 -- one\n```\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertTrue(served("about.html").contains("<span class=\"n\">main</span>"), served("about.html"));
        assertServedIsACleanBuild(edited);
        site.file("lua.md", "---\nlayout: default\ntitle: Lua\n---\n{% highlight lua %}\nlocal x = 1\n{% endhighlight %}\n");
        BuildResult added = builder.build(options, served, SourceChanges.UNKNOWN);
        assertTrue(served("lua.html").contains("<span class=\"kd\">local</span>"), served("lua.html"));
        assertServedIsACleanBuild(added);
    }

    @Test
    void aBodyEditReportsTheAccessibilityWarningsOfThePagesItRendersAsACleanBuildWould() {
        site.file("_config.yml", "title: T\nurl: https://example.org\nplugins: [jekyll-feed]\naccessibility: true\n");
        assertTrue(builder.build(options, served, SourceChanges.UNKNOWN).ok());
        BuildResult faulty = edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout <img src=\"/x.png\">.\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertEquals("about.md:5:17: warning: image has no alt text", TestSite.printed(faulty).lines().findFirst().orElseThrow());
        assertServedIsACleanBuild(faulty);
        BuildResult fixed = edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout <img src=\"/x.png\" alt=\"X\">.\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertEquals("", TestSite.printed(fixed));
        assertServedIsACleanBuild(fixed);
    }

    @Test
    void aBodyEditOfAPostReachesThePagesAndLaterPostsThatReadItsOutput() {
        site.file("outputs.html", "---\n---\n{% for p in site.posts %}[{{ p.output }}]{% endfor %}\n")
                .file("_posts/2019-12-03-third.md", "---\nlayout: default\ntitle: Third\n---\n"
                        + "{% for p in site.posts %}[{{ p.output | strip_html | strip_newlines }}]{% endfor %}\n");
        assertTrue(builder.build(options, served, SourceChanges.UNKNOWN).ok());
        BuildResult result = edit("_posts/2019-12-01-first.md", "---\nlayout: default\ntitle: First\n---\nOne, changed.\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertTrue(served("outputs.html").contains("<title>First</title><p>One, changed.</p>"), served("outputs.html"));
        assertTrue(served("2019/12/03/third.html").contains("[FirstOne, changed.]"), served("2019/12/03/third.html"));
        assertServedIsACleanBuild(result);
    }

    @Test
    void aBodyEditRendersThePostAndTheListingThatReadsPostsAndPatchesTheFeedAndTheSource() {
        BuildResult result = edit("_posts/2019-12-02-second.md", "---\nlayout: default\ntitle: Second\n---\nTwo, changed.\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertEquals(2, builder.last().rendered(), "the post and index.html, which reads site.posts");
        assertTrue(served("2019/12/02/second.html").contains("Two, changed."));
        assertTrue(served("feed.xml").contains("Two, changed."));
        assertTrue(served("2019/12/02/second.md").endsWith("Two, changed.\n"), served("2019/12/02/second.md"));
        assertServedIsACleanBuild(result);
    }

    @Test
    void aBodyEditThatAddsLiquidRecordsWhatItReadsForTheNextEdit() {
        assertServedIsACleanBuild(edit("about.md", "---\nlayout: default\ntitle: About\n---\n"
                + "{% for p in site.posts %}{{ p.content }}{% endfor %}\n"));
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertServedIsACleanBuild(edit("_posts/2019-12-01-first.md", "---\nlayout: default\ntitle: First\n---\nOne, again.\n"));
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertTrue(served("about.html").contains("One, again."), "about.md now reads the posts' content");
    }

    @Test
    void anEditedFrontMatterIsBuiltInFull() {
        BuildResult result = edit("about.md", "---\nlayout: default\ntitle: Renamed\n---\nAbout.\n");
        assertFalse(builder.lastWasBodyEdit());
        assertEquals("about.md: front matter changed", builder.lastDeclined());
        assertServedIsACleanBuild(result);
    }

    @Test
    void aPageWithAChartIsBuiltInFullAsIsOneThatGainsAChart() {
        BuildResult result = edit("model.md", "---\nlayout: default\ntitle: Model\n---\n"
                + "{% chart data=site.data.revenue x=year y=training name=income %}\n");
        assertEquals("model.md has a chart", builder.lastDeclined());
        assertServedIsACleanBuild(result);
        result = edit("about.md", "---\nlayout: default\ntitle: About\n---\n"
                + "{% chart data=site.data.revenue x=year y=training name=more %}\n");
        assertEquals("a chart was drawn, which makes a file of its own", builder.lastDeclined());
        assertServedIsACleanBuild(result);
    }

    @Test
    void aBrokenBodyIsReportedByAFullBuildAndTheNextGoodEditIsPatchedAgain() {
        BuildResult broken = edit("about.md", "---\nlayout: default\ntitle: About\n---\n{% if %}\n");
        assertFalse(broken.ok());
        assertServedIsACleanBuild(broken);
        BuildResult fixed = edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, fixed.\n");
        assertTrue(fixed.ok());
        assertServedIsACleanBuild(fixed);
        assertServedIsACleanBuild(edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, again.\n"));
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
    }

    /**
     * jekyll-redirect-from empties a page with {@code redirect_to} before it renders: an edit to
     * its body changes no output, and the page that reads its content reads what a clean build gives:
     * the emptied text, as {@code a.html} renders before {@code gone.md} in Jekyll's order.
     */
    @Test
    void aBodyEditOfARedirectingPageChangesNothingThatReadsIt() {
        site.file("_config.yml", "title: T\nurl: https://example.org\nplugins: [jekyll-feed, jekyll-redirect-from]\n")
                .file("gone.md", "---\ntitle: Gone\nredirect_to: /about.html\n---\nGone.\n")
                .file("a.html", "---\n---\n"
                        + "{% for p in site.pages %}{% if p.redirect %}{{ p.url }}={{ p.content | jsonify }}{% endif %}{% endfor %}\n");
        assertServedIsACleanBuild(builder.build(options, served, SourceChanges.UNKNOWN));
        BuildResult result = edit("gone.md", "---\ntitle: Gone\nredirect_to: /about.html\n---\nStill gone. {% include none.html %}\n");
        assertTrue(builder.lastWasBodyEdit(), builder.lastDeclined());
        assertServedIsACleanBuild(result);
        assertEquals("/gone.html=\"\"\n", served("a.html"));
    }

    /**
     * A later page of posts, which Jekyll renders after the feed when jekyll-paginate is listed
     * after jekyll-feed, reads the feed's text as its {@code content}; a post's edit changes
     * that text, and the page shows it as a clean build does.
     */
    @Test
    void aLaterPageOfPostsShowsTheFeedAsTheEditedPostChangedIt() {
        site.file("_config.yml", "title: T\nurl: https://example.org\nplugins: [jekyll-feed, jekyll-paginate]\npaginate: 1\n")
                .file("index.html", "---\n---\n{% if paginator.page > 1 %}{% for p in site.pages %}"
                        + "{% if p.url == \"/feed.xml\" %}{{ p.content | size }}{% endif %}{% endfor %}{% endif %}\n");
        assertServedIsACleanBuild(builder.build(options, served, SourceChanges.UNKNOWN));
        String before = served("page2/index.html");
        BuildResult result = edit("_posts/2019-12-02-second.md", "---\nlayout: default\ntitle: Second\n---\nTwo, now longer.\n");
        assertServedIsACleanBuild(result);
        assertTrue(Integer.parseInt(served("page2/index.html").strip()) > Integer.parseInt(before.strip()),
                before + " then " + served("page2/index.html"));
    }
}
