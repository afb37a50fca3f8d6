package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sheaf new} and {@code sheaf clean}: files from archetypes, never overwritten; output removed safely. */
class NewCommandTest {
    @TempDir
    Path dir;

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private Path newSite() {
        Path site = dir.resolve("my-notes");
        CliRun run = CliRun.of("new", "site", site.toString(), "--author", "Ada \"The\" Writer");
        assertEquals(0, run.code(), run.err());
        return site;
    }

    @Test
    void newSiteCreatesASiteThatBuilds() {
        Path site = newSite();
        assertTrue(Files.isRegularFile(site.resolve("content/_posts/" + today() + "-welcome.md")));
        CliRun build = CliRun.of("build", site.toString());
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err(), "a new site has no warnings, accessibility faults among them");
        assertTrue(Files.isRegularFile(site.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("site/about/index.html")));
        CliRun check = CliRun.of("check", site.toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void newPostUsesTodayTheTitleAndTheConfiguredAuthor() throws Exception {
        Path site = newSite();
        CliRun run = CliRun.of("new", "post", "--site", site.toString(), "Hello: a \"first\" post");
        assertEquals(0, run.code(), run.err());
        String name = "content/_posts/" + today() + "-hello-a-first-post.md";
        assertEquals("sheaf: created " + name + "\n", run.out());
        String text = Files.readString(site.resolve(name), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("---\ntitle: \"Hello: a \\\"first\\\" post\"\ndate: " + today()
                + "\nauthor: \"Ada \\\"The\\\" Writer\"\n"), text);
        CliRun build = CliRun.of("build", site.toString());
        assertEquals(0, build.code(), build.err());
        String page = Files.readString(site.resolve("site/" + today().replace('-', '/') + "/hello-a-first-post/index.html"));
        assertTrue(page.contains("<h1>Hello: a &quot;first&quot; post</h1>"), page);
    }

    @Test
    void newNoteUsesTheArchetypeOfItsKind() throws Exception {
        Path site = newSite();
        CliRun run = CliRun.of("new", "note", "--site", site.toString(), "--kind", "audit", "Pilot programs");
        assertEquals(0, run.code(), run.err());
        String text = Files.readString(site.resolve("content/_notes/audits/pilot-programs.md"));
        assertTrue(text.contains("\nkind: audit\n"), text);
        assertTrue(text.contains("\n## Verdict\n"), text);
        for (String kind : new String[] {"job-posting", "library-finding", "growth-model"}) {
            assertEquals(0, CliRun.of("new", "note", "-s", site.toString(), "-k", kind, "A " + kind).code());
        }
        assertTrue(Files.readString(site.resolve("content/_notes/growth-models/a-growth-model.md")).contains("## Assumptions"));
        CliRun build = CliRun.of("build", site.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(Files.isRegularFile(site.resolve("site/notes/audits/pilot-programs/index.html")));
    }

    @Test
    void aLongTitleGivesAShortenedFileNameAndALongPathIsAUsageError() throws Exception {
        Path site = newSite();
        String title = "word ".repeat(60).strip();
        CliRun post = CliRun.of("new", "post", "-s", site.toString(), title);
        assertEquals(0, post.code(), post.err());
        String slug = String.join("-", java.util.Collections.nCopies(20, "word"));
        String text = Files.readString(site.resolve("content/_posts/" + today() + "-" + slug + ".md"));
        assertTrue(text.contains(title), "the title itself is whole");

        String name = "x".repeat(300);
        CliRun page = CliRun.of("new", "page", "-s", site.toString(), name);
        assertEquals(2, page.code());
        assertEquals("sheaf: cannot create content/" + name + ".md: File name too long\n", page.err());
    }

    @Test
    void anUnknownNoteKindIsAUsageError() {
        Path site = newSite();
        CliRun run = CliRun.of("new", "note", "-s", site.toString(), "--kind", "essay", "X");
        assertEquals(2, run.code());
        assertEquals("sheaf: unknown note kind \"essay\"; the kinds are job-posting, audit, library-finding, growth-model\n",
                run.err());
    }

    @Test
    void newPageCreatesThePathInTheSourceAndRefusesPathsOutsideIt() throws Exception {
        Path site = newSite();
        CliRun run = CliRun.of("new", "page", "-s", site.toString(), "guides/getting-started");
        assertEquals(0, run.code(), run.err());
        assertEquals("---\ntitle: \"Getting Started\"\n---\n\nWrite the page here.\n",
                Files.readString(site.resolve("content/guides/getting-started.md")));
        CliRun outside = CliRun.of("new", "page", "-s", site.toString(), "../escape");
        assertEquals(2, outside.code());
        assertEquals("sheaf: page path \"../escape\" is outside the source folder\n", outside.err());
        assertFalse(Files.exists(site.resolve("escape.md")));
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path site = newSite();
        Path about = site.resolve("content/about.md");
        Files.writeString(about, "mine\n");
        CliRun page = CliRun.of("new", "page", "-s", site.toString(), "about");
        assertEquals(1, page.code());
        assertEquals("sheaf: content/about.md already exists; not overwriting it\n", page.err());
        assertEquals("mine\n", Files.readString(about));

        assertEquals(0, CliRun.of("new", "post", "-s", site.toString(), "Twice").code());
        CliRun again = CliRun.of("new", "post", "-s", site.toString(), "Twice");
        assertEquals(1, again.code());
        assertEquals("sheaf: content/_posts/" + today() + "-twice.md already exists; not overwriting it\n", again.err());

        CliRun siteAgain = CliRun.of("new", "site", site.toString());
        assertEquals(1, siteAgain.code());
        assertTrue(siteAgain.err().contains("sheaf: content/about.md already exists; not overwriting it\n"), siteAgain.err());
        assertEquals("mine\n", Files.readString(about));
    }

    @Test
    void aSitesOwnArchetypeWinsOverTheBuiltInOne() throws Exception {
        Path site = newSite();
        Files.createDirectories(site.resolve("templates/archetypes"));
        Files.writeString(site.resolve("templates/archetypes/post.md"), "---\ntitle: {{title}}\nmine: true\n---\n");
        assertEquals(0, CliRun.of("new", "post", "-s", site.toString(), "Own").code());
        assertEquals("---\ntitle: \"Own\"\nmine: true\n---\n",
                Files.readString(site.resolve("content/_posts/" + today() + "-own.md")));
    }

    @Test
    void cleanRemovesTheOutputAndCaches() throws Exception {
        Path site = newSite();
        assertEquals(0, CliRun.of("build", site.toString()).code());
        Files.createDirectories(site.resolve(".sheaf-cache"));
        CliRun run = CliRun.of("clean", site.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("sheaf: removed site\nsheaf: removed .sheaf-cache\n", run.out());
        assertFalse(Files.exists(site.resolve("site")));
        assertTrue(Files.exists(site.resolve("content/index.md")));
        assertEquals("sheaf: nothing to clean\n", CliRun.of("clean", site.toString()).out());
    }

    @Test
    void cleanRefusesADestinationTheGuardRefuses() throws Exception {
        Path site = newSite();
        CliRun run = CliRun.of("clean", site.toString(), "--destination", site.resolve("content").toString());
        assertEquals(2, run.code());
        assertEquals("sheaf: destination \"" + site.resolve("content").toAbsolutePath().normalize()
                + "\" is the source folder; refusing to delete it\n", run.err());
        assertTrue(Files.exists(site.resolve("content/index.md")));
    }
}
