package org.sheaf.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.TestSite;
import org.sheaf.pipeline.BuildResult;

/** The dependency graph at work: what an edit renders again, and what it leaves alone. */
class IncrementalBuilderTest {
    @TempDir
    Path root;

    private TestSite site;
    private IncrementalBuilder builder;
    private BuildOptions options;

    @BeforeEach
    void site() {
        site = TestSite.in(root)
                .file("_config.yml", "title: T\n")
                .file("_layouts/default.html", "<title>{{ page.title }} | {{ site.title }}</title>{{ content }}\n")
                .file("_layouts/post.html", "---\nlayout: default\n---\n<article>{{ content }}</article>\n")
                .file("_includes/sig.html", "<i>{{ site.data.authors.first }}</i>")
                .file("_data/authors.yml", "- Ann\n- Bob\n")
                .file("_data/links.yml", "- one\n")
                .file("_posts/2019-12-01-first.md", "---\nlayout: post\ntitle: First\n---\nOne.\n")
                .file("_posts/2019-12-02-second.md", "---\nlayout: post\ntitle: Second\n---\nTwo.\n")
                .file("index.html", "---\nlayout: default\n---\n{% for p in site.posts %}{{ p.title }};{% endfor %}\n")
                .file("people.md", "---\nlayout: default\n---\n{% for a in site.data.authors %}{{ a }} {% endfor %}\n")
                .file("links.md", "---\nlayout: default\n---\n{{ site.data.links | join: ',' }}\n")
                .file("signed.md", "---\nlayout: default\n---\nBy {% include sig.html %}\n")
                .file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n");
        builder = IncrementalBuilder.inMemory();
        options = new BuildOptions(root, ConfigLoader.Overrides.none(), TestSite.TIME, "production");
    }

    private IncrementalBuilder.Report build() {
        BuildResult result = builder.build(options);
        assertTrue(result.ok(), TestSite.printed(result));
        return builder.last();
    }

    @Test
    void firstBuildRendersEverything() {
        assertEquals(new IncrementalBuilder.Report(7, 7, true, 7), build());
    }

    @Test
    void unchangedSiteRendersAndWritesNothing() throws IOException {
        build();
        Path about = site.output().resolve("about.html");
        Files.setLastModifiedTime(about, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals(new IncrementalBuilder.Report(7, 0, false, 0), build());
        assertEquals(FileTime.from(Instant.parse("2001-01-01T00:00:00Z")), Files.getLastModifiedTime(about));
    }

    @Test
    void aPostReadingAnEarlierPostsContentFollowsItWhenOnlyItsDataChanged() throws IOException {
        site.file("_posts/2019-11-01-signed.md", "---\ntitle: Signed\n---\nSigned by {% include sig.html %}.\n")
                .file("_posts/2019-12-03-digest.md", "---\ntitle: Digest\n---\n"
                        + "{% for p in site.posts %}[{{ p.content | strip_newlines }}]{% endfor %}\n");
        build();
        site.file("_data/authors.yml", "- Cy\n");
        build();
        String incremental = site.read("2019/12/03/digest.html");
        assertTrue(incremental.contains("Signed by <i>Cy</i>."), incremental);
    }

    @Test
    void aPageReadingPostsOutputFollowsAnEditOfTheirLayout() {
        site.file("feed.html", "---\n---\n{% for p in site.posts %}[{{ p.output | strip_newlines }}]{% endfor %}\n");
        build();
        site.file("_layouts/post.html", "---\nlayout: default\n---\n<article class=\"x\">{{ content }}</article>\n");
        build();
        String feed = site.read("feed.html");
        assertTrue(feed.contains("<article class=\"x\"><p>Two.</p></article>"), feed);
        assertFalse(feed.contains("<article><p>"), feed);
    }

    @Test
    void editedPostBodyRendersThePostAndTheListingThatReadsPosts() {
        build();
        site.file("_posts/2019-12-02-second.md", "---\nlayout: post\ntitle: Second\n---\nTwo, changed.\n");
        IncrementalBuilder.Report report = build();
        assertEquals(2, report.rendered());
        assertEquals(1, report.written(), "the listing shows titles only, so its bytes are unchanged");
        assertTrue(site.read("2019/12/02/second.html").contains("Two, changed."));
    }

    @Test
    void editedDataFileRendersOnlyThePagesThatReadIt() {
        build();
        site.file("_data/authors.yml", "- Cy\n");
        IncrementalBuilder.Report report = build();
        assertEquals(2, report.rendered(), "people.md and signed.md (through its include) read site.data.authors");
        assertEquals("<title> | T</title><p>By <i>Cy</i></p>\n\n", site.read("signed.html"));
        assertEquals("<title> | T</title><p>Cy</p>\n\n", site.read("people.html"));
    }

    @Test
    void editedLayoutRendersThePagesWhoseChainHoldsIt() {
        build();
        site.file("_layouts/post.html", "---\nlayout: default\n---\n<article class=\"x\">{{ content }}</article>\n");
        assertEquals(3, build().rendered(), "the two posts, and signed.md: an include may reach any template file");
        site.file("_layouts/default.html", "<title>{{ page.title }}</title>{{ content }}\n");
        assertEquals(7, build().rendered());
    }

    @Test
    void changedConfigRendersEverything() {
        build();
        site.file("_config.yml", "title: U\n");
        IncrementalBuilder.Report report = build();
        assertTrue(report.everything());
        assertEquals("<title>About | U</title><p>About.</p>\n\n", site.read("about.html"));
    }

    @Test
    void aCollectionsStaticFileAndItsLinksFollowThePermalinkInTheConfig() {
        site.file("_config.yml", "title: T\ncollections: {notes: {output: true}}\n")
                .file("_notes/sub/pic.png", "png")
                .file("pic.html", "---\n---\n{% link _notes/sub/pic.png %}\n");
        build();
        assertEquals("/notes/sub/pic.png\n", site.read("pic.html"));
        assertTrue(Files.exists(site.output().resolve("notes/sub/pic.png")));
        site.file("_config.yml", "title: T\ncollections: {notes: {output: true, permalink: /n/:name/}}\n");
        build();
        assertEquals("/n/pic.png\n", site.read("pic.html"));
        assertTrue(Files.exists(site.output().resolve("n/pic.png")));
        assertFalse(Files.exists(site.output().resolve("notes/sub/pic.png")), "the old copy is removed");
    }

    @Test
    void aPageReadingACollectionCalledTagsFollowsAnEditOfItsDocuments() {
        // site.tags is then the collection, not the tags of the posts
        site.file("_config.yml", "title: T\ncollections: {tags: {output: false}}\n")
                .file("_tags/raw.md", "---\ntitle: Raw\n---\nr\n")
                .file("tags.html", "---\n---\n{% for t in site.tags %}{{ t.title }};{% endfor %}\n");
        build();
        assertEquals("Raw;\n", site.read("tags.html"));
        site.file("_tags/raw.md", "---\ntitle: Raw tag\n---\nr\n");
        build();
        assertEquals("Raw tag;\n", site.read("tags.html"));
    }

    @Test
    void aStaticFilesNewTimeReachesThePagesThatReadIt() throws IOException {
        site.file("assets/a.txt", "a\n")
                .file("files.html", "---\n---\n{% for f in site.static_files %}{{ f.name }} {{ f.modified_time | date: '%s' }}{% endfor %}\n");
        Path file = root.resolve("assets/a.txt");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        build();
        assertEquals("a.txt 978307200\n", site.read("files.html"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2002-01-01T00:00:00Z")));
        build();
        assertEquals("a.txt 1009843200\n", site.read("files.html"));
    }

    @Test
    void aChangedDefaultReachesThePagesThatReadStaticFiles() {
        site.file("assets/a.txt", "a\n")
                .file("_config.yml", "title: T\ndefaults:\n  - scope: {path: assets}\n    values: {image: one}\n")
                .file("files.html", "---\n---\n{% for f in site.static_files %}{{ f.name }} {{ f.image }}{% endfor %}\n");
        build();
        assertEquals("a.txt one\n", site.read("files.html"));
        site.file("_config.yml", "title: T\ndefaults:\n  - scope: {path: assets}\n    values: {image: two}\n");
        build();
        assertEquals("a.txt two\n", site.read("files.html"));
    }

    @Test
    void deletedPostRemovesItsFileAndRefreshesTheListing() {
        build();
        assertTrue(Files.exists(site.output().resolve("2019/12/01/first.html")));
        site.root().resolve("_posts/2019-12-01-first.md").toFile().delete();
        build();
        assertFalse(Files.exists(site.output().resolve("2019/12/01/first.html")));
        assertFalse(Files.exists(site.output().resolve("2019/12/01")), "emptied folders go too");
        assertEquals("<title> | T</title>Second;\n\n", site.read("index.html"));
    }

    @Test
    void aNewPostThatAddsAPaginatorPageRefreshesThePagesThatListSitePages() {
        site.file("_config.yml", "title: T\npaginate: 2\nplugins: [jekyll-paginate]\n")
                .file("menu.txt", "---\n---\n{{ site.pages | map: 'url' | join: ' ' }}\n");
        build();
        assertFalse(site.read("menu.txt").contains("/page2/"));
        site.file("_posts/2019-12-03-third.md", "---\nlayout: post\ntitle: Third\n---\nThree.\n");
        build();
        assertTrue(site.read("menu.txt").contains("/page2/"), site.read("menu.txt"));
    }

    @Test
    void failedBuildLeavesStateSoTheNextGoodBuildIsRight() {
        build();
        site.file("about.md", "---\nlayout: missing\n---\nAbout.\n");
        assertFalse(builder.build(options).ok());
        site.file("about.md", "---\nlayout: default\ntitle: About again\n---\nAbout.\n");
        assertEquals(1, build().rendered());
        assertEquals("<title>About again | T</title><p>About.</p>\n\n", site.read("about.html"));
    }

    @Test
    void savedStateIsReadByTheNextProcess() {
        Path cache = IncrementalBuilder.defaultCacheFile(root);
        IncrementalBuilder first = IncrementalBuilder.cachedIn(cache);
        assertTrue(first.build(options).ok());
        assertTrue(Files.isRegularFile(cache));
        IncrementalBuilder second = IncrementalBuilder.cachedIn(cache);
        assertTrue(second.build(options).ok());
        assertEquals(new IncrementalBuilder.Report(7, 0, false, 0), second.last());
    }

    @Test
    void unreadableStateMeansAFullBuild() throws IOException {
        Path cache = IncrementalBuilder.defaultCacheFile(root);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "not a state");
        IncrementalBuilder fresh = IncrementalBuilder.cachedIn(cache);
        assertTrue(fresh.build(options).ok());
        assertTrue(fresh.last().everything());
    }

    @Test
    void keepFilesSurviveAndStaleFilesGo() throws IOException {
        site.file("_config.yml", "title: T\nkeep_files: [CNAME]\n");
        build();
        Files.writeString(site.output().resolve("CNAME"), "example.org\n");
        Files.writeString(site.output().resolve("stale.html"), "old\n");
        build();
        assertEquals(List.of("CNAME"), List.of(Files.readString(site.output().resolve("CNAME")).equals("example.org\n")
                ? "CNAME" : "lost"));
        assertFalse(Files.exists(site.output().resolve("stale.html")));
    }

    @Test
    void anEditReparsesOnlyTheEditedFile() {
        build();
        assertEquals(0, builder.lastParsesReused(), "nothing to reuse on the first build");
        build();
        assertEquals(7, builder.lastParsesReused(), "the dev server's builder keeps parses from its first build on");
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        build();
        assertEquals(6, builder.lastParsesReused(), "seven pages and posts, one of them edited");
        assertEquals("<title>About | T</title><p>About, edited.</p>\n\n", site.read("about.html"));
    }

    @Test
    void aChartsCsvFileStaysWhenAnotherPageIsEdited() {
        site.file("_data/revenue.csv", "year,training\n2016,10\n2017,12\n")
                .file("model.md", "---\nlayout: default\n---\n{% chart data=site.data.revenue x=year y=training name=revenue %}\n");
        build();
        assertTrue(Files.exists(site.output().resolve("model.revenue.csv")));
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        build();
        assertTrue(Files.exists(site.output().resolve("model.revenue.csv")),
                "the chart's page renders again, since its CSV file is made only while it is drawn");
    }

    @Test
    void anEditedFrontMatterIsParsedAgain() {
        build();
        site.file("about.md", "---\nlayout: default\ntitle: Renamed\n---\nAbout.\n");
        build();
        assertEquals("<title>Renamed | T</title><p>About.</p>\n\n", site.read("about.html"));
    }

    @Test
    void filesLeftAsTheLastBuildWroteThemAreNotReadBack() {
        build();
        assertEquals(0, builder.lastUnread(), "the first build has no stamps to trust");
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        build();
        assertEquals(6, builder.lastUnread(), "seven files; about.html was rendered again, so it is compared");
    }

    @Test
    void anOutputFileChangedByHandIsPutRightThoughItsPageDidNotChange() throws IOException {
        build();
        Path people = site.output().resolve("people.html");
        String built = Files.readString(people);
        Files.writeString(people, "scribbled over");
        build();
        assertEquals(built, Files.readString(people));
        Files.writeString(people, built.replace("Ann", "Zed"));
        Files.setLastModifiedTime(people, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        build();
        assertEquals(built, Files.readString(people), "same size, another time: compared, so rewritten");
    }

    @Test
    void stampsSurviveInTheSavedStateSoTheNextProcessReadsLittle() {
        Path cache = IncrementalBuilder.defaultCacheFile(root);
        assertTrue(IncrementalBuilder.cachedIn(cache).build(options).ok());
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        IncrementalBuilder next = IncrementalBuilder.cachedIn(cache);
        assertTrue(next.build(options).ok());
        assertEquals(6, next.lastUnread());
        assertEquals(new IncrementalBuilder.Report(7, 1, false, 1), next.last());
        assertEquals("<title>About | T</title><p>About, edited.</p>\n\n", site.read("about.html"));
    }

    /**
     * A post with {@code redirect_to} renders empty but keeps its body's excerpt; a build that
     * keeps the post's rendering (another post changed) shows both as the first build did.
     */
    @Test
    void aKeptRedirectingPostKeepsItsExcerpt() {
        site.file("_config.yml", "title: T\nplugins: [jekyll-redirect-from]\n")
                .file("_posts/2019-11-30-gone.md", "---\ntitle: Gone\nredirect_to: /about.html\n---\nGone *away*.\n")
                .file("posts.html", "---\n---\n{% for p in site.posts %}{{ p.title }}={{ p.content | jsonify }} "
                        + "{{ p.excerpt | jsonify }}\n{% endfor %}");
        build();
        String first = site.read("posts.html");
        assertTrue(first.contains("Gone=\"\\n\" \"<p>Gone <em>away</em>.</p>\\n\""), first);
        site.file("_posts/2019-12-02-second.md", "---\nlayout: post\ntitle: Second\n---\nTwo, changed.\n");
        build();
        assertEquals(first.replace("Two.", "Two, changed."), site.read("posts.html"));
    }

    /**
     * An excerpt that reads other pages' content reads as its first reader saw them: a page
     * edited after the first build, reading it later in the order, still gets the first reader's
     * text, though the first reader itself did not change.
     */
    @Test
    void anExcerptReadingOtherPagesKeepsItsFirstReadersTextWhenALaterReaderIsEdited() {
        site.file("_posts/2019-12-03-digest.md", "---\ntitle: Digest\n---\nDigest {% for p in site.pages %}"
                        + "{% if p.content contains '<p>' %}c{% else %}r{% endif %}{% endfor %}.\n\nMore.\n")
                .file("a-reader.md", "---\n---\nFirst: {{ site.posts.first.excerpt | strip_html | strip }}\n")
                .file("z-reader.md", "---\n---\nLast: {{ site.posts.first.excerpt | strip_html | strip }}\n");
        build();
        String first = site.read("a-reader.html");
        assertTrue(first.contains("First: Digest rrrrrrr."), first);
        assertEquals(first.replace("First", "Last"), site.read("z-reader.html"));
        site.file("z-reader.md", "---\n---\nLast, edited: {{ site.posts.first.excerpt | strip_html | strip }}\n");
        build();
        assertEquals(first, site.read("a-reader.html"));
        assertEquals(first.replace("First", "Last, edited"), site.read("z-reader.html"));
    }

    @Test
    void archivePagesFollowAnEditOfAPostsTagsCategoriesAndDate() {
        site.file("_config.yml", "title: T\nplugins: [jekyll-archives]\n"
                        + "jekyll-archives: {enabled: [year, month, tags, categories]}\n")
                .file("_layouts/archive.html", "{{ page.type }} {{ page.title }}{{ page.date | date: '%Y-%m' }}:"
                        + "{% for p in page.posts %} {{ p.title }}{% endfor %}\n")
                .file("_posts/2019-12-02-second.md", "---\nlayout: post\ntitle: Second\ntags: [one]\n---\nTwo.\n")
                .file("archives.html", "---\n---\n{% for a in site.archives %}{{ a.url }} {% endfor %}\n");
        build();
        assertEquals("tag one: Second\n", site.read("tag/one/index.html"));
        site.file("_posts/2019-12-02-second.md",
                "---\nlayout: post\ntitle: Second\ndate: 2018-06-01\ntags: [two]\ncategory: news\n---\nTwo.\n");
        assertFalse(build().everything());
        Map<String, String> incremental = site.outputFiles();
        site.buildOk();
        assertEquals(site.outputFiles(), incremental, "the incremental build equals a clean one");
        assertFalse(incremental.containsKey("tag/one/index.html"), "no post has the tag any more");
        assertEquals("year 2018-01: Second\n", incremental.get("2018/index.html"));
        assertEquals("category news: Second\n", incremental.get("category/news/index.html"));
    }
}
