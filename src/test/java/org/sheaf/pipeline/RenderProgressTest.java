package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.incremental.IncrementalBuilder;

/** What the render stage tells a {@link RenderProgress}: each page once per pass, out of the pass's total. */
class RenderProgressTest {
    @TempDir
    Path root;

    private final Queue<String> calls = new ConcurrentLinkedQueue<>();
    private BuildOptions options;

    @BeforeEach
    void site() {
        TestSite.in(root)
                .file("_config.yml", "collections:\n  notes:\n    output: false\n")
                .file("_layouts/default.html", "<main>{{ content }}</main>\n")
                .file("_posts/2019-12-01-first.md", "---\nlayout: default\n---\nOne.\n")
                .file("_posts/2019-12-02-second.md", "---\nlayout: default\n---\nTwo.\n")
                .file("_notes/unwritten.md", "---\n---\nA note with no page of its own.\n")
                .file("index.md", "---\nlayout: default\n---\n{{ site.posts.size }} posts\n")
                .file("about.md", "---\nlayout: default\n---\nAbout.\n");
        options = new BuildOptions(root, ConfigLoader.Overrides.none(), TestSite.TIME, "production",
                (pass, done, total) -> calls.add(pass + " " + done + "/" + total));
    }

    @Test
    void everyPageIsCountedOnceInEachPassItTakesPartIn() {
        BuildResult result = SiteBuilder.build(options);
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals(List.of("CONTENT 1/5", "CONTENT 2/5", "CONTENT 3/5", "CONTENT 4/5", "CONTENT 5/5",
                "LAYOUTS 1/4", "LAYOUTS 2/4", "LAYOUTS 3/4", "LAYOUTS 4/4"), sorted());
    }

    @Test
    void pagesAnIncrementalBuildReusesCountAsDoneAtOnce() {
        IncrementalBuilder builder = IncrementalBuilder.inMemory();
        assertTrue(builder.build(options).ok());
        calls.clear();
        assertTrue(builder.build(options).ok());
        assertEquals(List.of("CONTENT 3/5", "CONTENT 5/5", "LAYOUTS 4/4"), List.copyOf(calls));
    }

    @Test
    void aBuildWithoutAListenerIsTheSameBuild() {
        BuildOptions plain = new BuildOptions(root, ConfigLoader.Overrides.none(), TestSite.TIME, "production");
        assertEquals(RenderProgress.NONE, plain.progress());
        assertTrue(SiteBuilder.build(plain).ok());
        assertEquals(List.of(), List.copyOf(calls));
    }

    /** Calls arrive from several threads; sorted by pass, then count. */
    private List<String> sorted() {
        return calls.stream().sorted((a, b) -> a.startsWith(b.substring(0, 7))
                ? Integer.compare(done(a), done(b)) : a.compareTo(b)).toList();
    }

    private static int done(String call) {
        return Integer.parseInt(call.substring(call.indexOf(' ') + 1, call.indexOf('/')));
    }
}
