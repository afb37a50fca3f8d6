package org.sheaf.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
