package org.sheaf.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.TestSite;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;

/** An incremental build told by a watcher what changed: unchanged files are neither scanned nor read again. */
class WatchedChangesTest {
    @TempDir
    Path root;
    @TempDir
    Path clean;

    private TestSite site;
    private IncrementalBuilder builder;
    private BuildOptions options;

    @BeforeEach
    void site() {
        site = TestSite.in(root)
                .file("_config.yml", "title: T\n")
                .file("_layouts/default.html", "<title>{{ page.title }}</title>{{ content }}\n")
                .file("_posts/2019-12-01-first.md", "---\ntitle: First\n---\nOne.\n")
                .file("_posts/2019-12-02-second.md", "---\ntitle: Second\n---\nTwo.\n")
                .file("index.html", "---\nlayout: default\n---\n{% for p in site.posts %}[{{ p.excerpt | strip }}]{% endfor %}\n")
                .file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n");
        builder = IncrementalBuilder.inMemory();
        options = new BuildOptions(root, ConfigLoader.Overrides.none(), TestSite.TIME, "production");
        build(SourceChanges.UNKNOWN);
        build(SourceChanges.NONE);
    }

    private void build(SourceChanges changes) {
        BuildResult result = builder.build(options, null, changes);
        assertTrue(result.ok(), TestSite.printed(result));
    }

    private Set<Path> paths(String... paths) {
        Set<Path> files = new java.util.HashSet<>();
        for (String path : paths) {
            files.add(root.resolve(path).toAbsolutePath().normalize());
        }
        return files;
    }

    private SourceChanges written(String... paths) {
        return SourceChanges.written(paths(paths));
    }

    /** Files created or deleted (and so written to), as the watcher reports them. */
    private SourceChanges comeOrGone(String... paths) {
        return new SourceChanges(paths(paths), paths(paths), false);
    }

    /** The output of a clean build of the same sources, into another folder. */
    private Map<String, String> cleanBuild() {
        BuildOptions elsewhere = new BuildOptions(root, new ConfigLoader.Overrides(java.util.List.of(), clean, null, null, false, false, false),
                TestSite.TIME, "production");
        BuildResult result = SiteBuilder.build(elsewhere);
        assertTrue(result.ok(), TestSite.printed(result));
        return TestSite.snapshot(clean);
    }

    @Test
    void aWatchedEditReadsOnlyTheEditedFileAndKeepsTheScan() {
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        build(written("about.md"));
        assertTrue(builder.lastScanReused());
        assertEquals(3, builder.lastFilesUnread(), "four pages and posts, one of them written to");
        assertEquals("<title>About</title><p>About, edited.</p>\n\n", site.read("about.html"));
    }

    @Test
    void aBodyOnlyEditChangesTheExcerptAListingShows() {
        site.file("_posts/2019-12-02-second.md", "---\ntitle: Second\n---\nTwo, edited.\n");
        build(written("_posts/2019-12-02-second.md"));
        assertEquals("<title></title>[<p>Two, edited.</p>][<p>One.</p>]\n\n", site.read("index.html"));
        assertEquals(cleanBuild(), site.outputFiles());
    }

    @Test
    void anAddedFileIsScannedAndListed() {
        site.file("_posts/2019-12-03-third.md", "---\ntitle: Third\n---\nThree.\n");
        build(comeOrGone("_posts/2019-12-03-third.md"));
        assertFalse(builder.lastScanReused());
        assertEquals("<title></title>[<p>Three.</p>][<p>Two.</p>][<p>One.</p>]\n\n", site.read("index.html"));
        assertEquals(cleanBuild(), site.outputFiles());
    }

    @Test
    void unknownChangesReadEveryFileAndScanAgain() {
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, edited.\n");
        build(SourceChanges.UNKNOWN);
        assertFalse(builder.lastScanReused());
        assertEquals(0, builder.lastFilesUnread());
        assertEquals("<title>About</title><p>About, edited.</p>\n\n", site.read("about.html"));
    }

    @Test
    void aChangedConfigScansAgainThoughNoFileWasAdded() {
        site.file("_config.yml", "title: T\nexclude: [about.md]\n");
        build(written("_config.yml"));
        assertFalse(builder.lastScanReused());
        assertFalse(site.exists("about.html"));
        assertEquals(cleanBuild(), site.outputFiles());
    }

    @Test
    void changesSeenByAFailedBuildCountForTheNextGoodOne() {
        site.file("_posts/2019-12-03-third.md", "---\ntitle: Third\n---\nThree.\n");
        site.file("about.md", "---\ntitle: [unclosed\n---\nAbout.\n");
        assertFalse(builder.build(options, null, comeOrGone("_posts/2019-12-03-third.md").and(written("about.md"))).ok());
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n");
        build(written("about.md"));
        assertEquals("<title></title>[<p>Three.</p>][<p>Two.</p>][<p>One.</p>]\n\n", site.read("index.html"));
        assertEquals(cleanBuild(), site.outputFiles());
    }

    @Test
    void aFileSavedByRenameKeepsTheScanAndIsReadAgain() {
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, saved by rename.\n");
        build(comeOrGone("about.md", ".about.md.swp"));
        assertTrue(builder.lastScanReused(), "the same files as before: about.md is there again, the swap file gone");
        assertEquals(3, builder.lastFilesUnread());
        assertEquals("<title>About</title><p>About, saved by rename.</p>\n\n", site.read("about.html"));
    }

    @Test
    void aDeletedFileIsScannedAway() throws java.io.IOException {
        java.nio.file.Files.delete(root.resolve("about.md"));
        build(comeOrGone("about.md"));
        assertFalse(builder.lastScanReused());
        assertFalse(site.exists("about.html"));
        assertEquals(cleanBuild(), site.outputFiles());
    }

    @Test
    void lostEventsTrustNothing() {
        site.file("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, unseen.\n");
        build(new SourceChanges(Set.of(), Set.of(), true));
        assertFalse(builder.lastScanReused());
        assertEquals(0, builder.lastFilesUnread());
        assertEquals("<title>About</title><p>About, unseen.</p>\n\n", site.read("about.html"));
    }
}
