package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differential tests: builds that must agree byte for byte. */
class DeterminismTest {
    @TempDir
    Path dir;

    private TestSite exampleSite(Path root) {
        TestSite site = TestSite.in(root)
                .file("_config.yml", "title: T\ntimezone: UTC\npermalink: pretty\ncollections: {notes: {output: true}}\n")
                .file("_layouts/default.html", "<title>{{ page.title }}</title>{{ content }}")
                .file("index.html", "---\nlayout: default\n---\n{% for p in site.posts %}{{ p.title }} {{ p.excerpt }}{% endfor %}");
        for (int i = 1; i <= 30; i++) {
            site.file(String.format("_posts/2017-01-%02d-post-%d.md", (i % 28) + 1, i),
                    "---\nlayout: default\ntags: [t" + (i % 3) + "]\n---\nPost " + i + " body.\n\nMore.\n");
            site.file("_notes/n" + i + ".md", "---\nlayout: default\n---\n{{ page.next.url }}\n");
        }
        return site;
    }

    @Test
    void buildingTwiceGivesIdenticalBytes() {
        TestSite site = exampleSite(dir.resolve("a")).buildOk();
        var first = site.outputFiles();
        site.buildOk();
        assertEquals(first, site.outputFiles());
    }

    @Test
    void aDirtyDestinationEndsLikeAnEmptyOne() throws Exception {
        TestSite clean = exampleSite(dir.resolve("clean")).buildOk();
        TestSite dirty = exampleSite(dir.resolve("dirty"));
        Files.createDirectories(dirty.output().resolve("old/deep"));
        Files.writeString(dirty.output().resolve("old/deep/page.html"), "stale");
        Files.writeString(dirty.output().resolve("index.html"), "stale");
        dirty.buildOk();
        assertEquals(clean.outputFiles(), dirty.outputFiles());
    }
}
