package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks from a stranger's pull request: nothing outside the site is read into the output,
 * nothing outside the destination is written, and templates reach no Java object.
 */
class SecurityTest {
    private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";

    @TempDir
    Path dir;

    private Path outside;
    private Map<String, String> outsideBefore;

    @BeforeEach
    void putASecretBesideTheSite() throws Exception {
        outside = dir.resolve("outside");
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("folder/secret.md"), "---\n---\n" + SECRET);
        Files.writeString(outside.resolve("secret.html"), SECRET);
        Files.writeString(outside.resolve("leak.yml"), "value: " + SECRET + "\n");
        outsideBefore = TestSite.snapshot(outside);
    }

    private TestSite site() {
        return TestSite.in(dir.resolve("site")).file("_config.yml", "title: T\n");
    }

    private void assertNothingLeaked(TestSite site) {
        site.outputFiles().forEach((path, text) -> assertFalse(text.contains(SECRET), path + " leaked the secret"));
        assertEquals(outsideBefore, TestSite.snapshot(outside), "files outside the site changed");
    }

    @Test
    void symlinksLeadingOutsideTheSourceAreNotFollowed() throws Exception {
        TestSite site = site().file("index.md", "---\n---\nHome\n");
        Files.createSymbolicLink(site.root().resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(site.root().resolve("leaks"), outside.resolve("folder"));
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("leak.txt: warning: symbolic link points outside the site; not followed\n"
                + "leaks: warning: symbolic link points outside the site; not followed", TestSite.printed(result));
        assertNothingLeaked(site);
    }

    @Test
    void includesCannotReadOutsideTheSite() throws Exception {
        TestSite site = site().file("index.md", "---\n---\n{% include evil.html %}\n");
        Files.createDirectories(site.root().resolve("_includes"));
        Files.createSymbolicLink(site.root().resolve("_includes/evil.html"), outside.resolve("secret.html"));
        assertFalse(site.build().ok());
        site.file("index.md", "---\n---\n{% include_relative ../outside/secret.html %}\n");
        assertFalse(site.build().ok());
        site.file("index.md", "---\n---\n{% include /etc/hostname %}\n");
        assertFalse(site.build().ok());
        assertNothingLeaked(site);
    }

    @Test
    void permalinksCannotWriteOutsideTheDestination() {
        TestSite site = site()
                .file("a.md", "---\npermalink: /../../escaped-a.html\n---\nA\n")
                .file("b.md", "---\npermalink: /%2e%2e/%2e%2e/escaped-b.html\n---\nB\n")
                .file("_posts/2017-01-01-c.md", "---\npermalink: ../../../escaped-c.html\n---\nC\n");
        site.build();
        try (var walk = Files.walk(dir)) {
            assertEquals(0, walk.filter(p -> p.getFileName().toString().startsWith("escaped"))
                    .filter(p -> !p.startsWith(site.output())).count(), "a file escaped the destination");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertNothingLeaked(site);
    }

    @Test
    void configFoldersMustStayInsideTheSite() {
        for (String key : new String[] {"layouts_dir", "includes_dir", "data_dir", "collections_dir", "source"}) {
            TestSite site = site().file("_config.yml", key + ": ../outside\n").file("index.md", "---\n---\nHome\n");
            BuildResult result = site.build();
            assertEquals(BuildResult.Status.CONFIG_ERROR, result.status(), key);
            assertEquals("_config.yml:1:1: error: " + key + " \"../outside\" is outside the site folder",
                    TestSite.printed(result).lines().findFirst().orElse(""));
        }
    }

    @Test
    void liquidSeesNoJavaObjects() {
        TestSite site = site()
                .file("index.html", "---\n---\n[{{ site.class }}][{{ page.class.name }}][{{ site.getClass }}]"
                        + "[{{ page.url.bytes }}][{{ site.time.zone }}]")
                .buildOk();
        assertEquals("[][][][][]", site.read("index.html"));
    }

    @Test
    void dataFilesLinkedFromOutsideAreNotRead() throws Exception {
        TestSite site = site().file("index.html", "---\n---\n[{{ site.data.leak }}]");
        Files.createDirectories(site.root().resolve("_data"));
        Files.createSymbolicLink(site.root().resolve("_data/leak.yml"), outside.resolve("leak.yml"));
        site.build();
        assertEquals("[]", site.read("index.html"));
        assertNothingLeaked(site);
    }

    @Test
    void layoutsLinkedFromOutsideAreNotRead() throws Exception {
        TestSite liquid = site().file("index.md", "---\nlayout: evil\n---\nHome\n");
        Files.createDirectories(liquid.root().resolve("_layouts"));
        Files.createSymbolicLink(liquid.root().resolve("_layouts/evil.html"), outside.resolve("secret.html"));
        BuildResult result = liquid.build();
        assertEquals("_layouts/evil.html: error: symbolic link leads outside the site; not read",
                TestSite.printed(result));
        assertNothingLeaked(liquid);

        TestSite freemarker = TestSite.in(dir.resolve("fm")).file("content/index.md", "---\nlayout: evil\n---\nHome\n");
        Files.createDirectories(freemarker.root().resolve("templates/includes"));
        Files.createSymbolicLink(freemarker.root().resolve("templates/evil.ftlh"), outside.resolve("secret.html"));
        assertEquals("templates/evil.ftlh: error: symbolic link leads outside the site; not read",
                TestSite.printed(freemarker.build()));
        freemarker.file("templates/page.ftlh", "<#include \"includes/evil.ftlh\">${content}")
                .file("content/index.md", "---\nlayout: page\n---\nHome\n");
        Files.delete(freemarker.root().resolve("templates/evil.ftlh"));
        Files.createSymbolicLink(freemarker.root().resolve("templates/includes/evil.ftlh"), outside.resolve("secret.html"));
        assertEquals("templates/page.ftlh:1:1: error: Template inclusion failed (for parameter value "
                + "\"includes/evil.ftlh\"): templates/includes/evil.ftlh symbolic link leads outside the site; not read\n"
                + "    in: content/index.md", TestSite.printed(freemarker.build()));
        assertNothingLeaked(freemarker);
    }

    @Test
    void namedPipesAnywhereInTheSourceFailWithoutBeingOpened() {
        String refused = ": error: is a named pipe (FIFO), not a regular file; not read";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("page.md", "page.md" + refused);
        cases.put("static.txt", "static.txt" + refused);
        cases.put("_posts/2020-01-01-post.md", "_posts/2020-01-01-post.md" + refused);
        cases.put("_data/pipe.yml", "_data/pipe.yml" + refused);
        cases.put("_config.yml", "_config.yml" + refused);
        cases.put("_layouts/default.html", "_layouts/default.html" + refused);
        cases.put("_includes/pipe.html", "index.md:4:1: error: include \"pipe.html\" is a named pipe (FIFO), not a regular file; not read");
        cases.put("_parts/pipe.html", "index.md:5:1: error: include_relative \"_parts/pipe.html\" is a named pipe (FIFO), not a regular file; not read");
        for (Map.Entry<String, String> pipe : cases.entrySet()) {
            TestSite site = TestSite.in(dir.resolve("pipe-" + pipe.getKey().replace('/', '-')))
                    .file("index.md", "---\nlayout: default\n---\n{% include pipe.html %}\n{% include_relative _parts/pipe.html %}\n")
                    .file("_includes/pipe.html", "included")
                    .file("_parts/pipe.html", "relative")
                    .file("_layouts/default.html", "{{ content }}");
            makeFifo(site.root().resolve(pipe.getKey()));
            BuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> site.build(), pipe.getKey());
            assertFalse(result.ok(), pipe.getKey());
            assertEquals(pipe.getValue(), TestSite.printed(result).lines()
                    .filter(line -> line.contains("named pipe")).findFirst().orElse(TestSite.printed(result)), pipe.getKey());
        }
    }

    @Test
    void aFreemarkerIncludeThatIsANamedPipeFailsWithoutBeingOpened() {
        TestSite site = TestSite.in(dir.resolve("fm")).file("content/index.md", "---\nlayout: page\n---\nHome\n")
                .file("templates/page.ftlh", "<#include \"includes/pipe.ftlh\">${content}");
        makeFifo(site.root().resolve("templates/includes/pipe.ftlh"));
        BuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> site.build());
        assertEquals("templates/page.ftlh:1:1: error: Template inclusion failed (for parameter value "
                + "\"includes/pipe.ftlh\"): templates/includes/pipe.ftlh is a named pipe (FIFO), not a regular file; not read\n"
                + "    in: content/index.md", TestSite.printed(result));
    }

    @Test
    void symbolicLinkLoopsAreReportedAndNotFollowed() throws Exception {
        TestSite site = site().file("index.md", "---\n---\nHome\n").file("a/page.md", "---\n---\nA\n");
        Files.createSymbolicLink(site.root().resolve("loop"), Path.of("."));
        Files.createSymbolicLink(site.root().resolve("self"), Path.of("self"));
        Files.createSymbolicLink(site.root().resolve("a/back"), Path.of("../b"));
        Files.createDirectories(site.root().resolve("b"));
        Files.createSymbolicLink(site.root().resolve("b/forth"), Path.of("../a"));
        BuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> site.build());
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("a/back/forth: warning: symbolic link leads back to a folder that contains it; not followed\n"
                + "b/forth/back: warning: symbolic link leads back to a folder that contains it; not followed\n"
                + "loop: warning: symbolic link leads back to a folder that contains it; not followed\n"
                + "self: warning: symbolic link cannot be followed (Too many levels of symbolic links); skipped",
                TestSite.printed(result));
        assertEquals(java.util.List.of("a/page.html", "b/forth/page.html", "index.html"),
                site.outputPaths());
    }

    @Test
    void anUnreadablePageIsReportedAtThePageWithTheSystemsReason() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        TestSite site = site().file("index.md", "---\n---\nHome\n").file("secret.md", "---\n---\nS\n");
        Files.setPosixFilePermissions(site.root().resolve("secret.md"), java.util.Set.of());
        assertEquals("secret.md: error: cannot read: Permission denied", TestSite.printed(site.build()));
    }

    @Test
    void aStaticFileDeletedDuringTheBuildIsReportedAtTheFileNotAsAWriteFailure() {
        TestSite site = site().file("index.md", "---\n---\nHome\n").file("paper.pdf", "PDF");
        Path paper = site.root().resolve("paper.pdf");
        BuildOptions options = new BuildOptions(site.root(), org.sheaf.config.ConfigLoader.Overrides.none(),
                TestSite.TIME, "production", (pass, done, total) -> {
                    try {
                        Files.deleteIfExists(paper);  // while pages render, after the scan found it
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        BuildResult result = SiteBuilder.build(options);
        assertEquals("paper.pdf: error: cannot read: No such file or directory", TestSite.printed(result));
        assertFalse(Files.exists(site.output()), "a failed build writes nothing");
    }

    private static void makeFifo(Path path) {
        try {
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
