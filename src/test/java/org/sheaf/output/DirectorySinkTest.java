package org.sheaf.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySinkTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void setUp() {
        site = tmp.resolve("site");
    }

    /** Every entry below a folder: path to "file:content", "link:target" or "dir", plus its mtime. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return tree;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String key = root.relativize(p).toString();
                FileTime mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                if (Files.isSymbolicLink(p)) {
                    tree.put(key, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    tree.put(key, "dir@" + mtime.toMillis());
                } else {
                    tree.put(key, "file:" + Files.readString(p) + "@" + mtime.toMillis());
                }
            }
        }
        return tree;
    }

    /** The site's files as path -> content, folders left out. */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                tree.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return tree;
    }

    private static OutputPlan plan(String... pathsAndContents) {
        OutputPlan plan = new OutputPlan();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            plan.addBytes(pathsAndContents[i], pathsAndContents[i + 1].getBytes(UTF_8), "src/" + i + ".md");
        }
        return plan;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, LONG_AGO);
    }

    private void assertNoDebris() {
        assertFalse(Files.exists(tmp.resolve(".site.sheaf-staging"), LinkOption.NOFOLLOW_LINKS), "staging left");
        assertFalse(Files.exists(tmp.resolve(".site.sheaf-old"), LinkOption.NOFOLLOW_LINKS), "old copy left");
    }

    @Test
    void writesAPlanIntoAnEmptyDestination() throws IOException {
        Path css = tmp.resolve("content/style.css");
        write(css, "body{}");
        OutputPlan plan = plan("index.html", "home", "notes/a/index.html", "note a");
        plan.addCopy("assets/style.css", css, "assets/style.css");

        new DirectorySink(site, List.of()).write(plan);

        assertEquals(Map.of("index.html", "home", "notes/a/index.html", "note a", "assets/style.css", "body{}"),
                contents(site));
        assertNoDebris();
    }

    @Test
    void filesPutWhileStagingJoinTheRestOfThePlanAtCommit() throws IOException {
        write(site.resolve("index.html"), "old home");
        OutputPlan plan = plan("feed.xml", "<feed/>");
        DirectorySink sink = new DirectorySink(site, List.of());

        try (DirectorySink.Staging staging = sink.stage(plan)) {
            staging.put("index.html", "new home".getBytes(UTF_8), "index.md");
            staging.put("notes/a/index.html", "note a".getBytes(UTF_8), "_notes/a.md");
            assertEquals(Map.of("index.html", "old home"), contents(site));
            assertEquals(List.of("feed.xml"), plan.files().stream().map(OutputFile::path).toList());
            staging.commit();
        }

        assertEquals(Map.of("index.html", "new home", "notes/a/index.html", "note a", "feed.xml", "<feed/>"),
                contents(site));
        assertNoDebris();
    }

    @Test
    void aStagingClosedWithoutCommitLeavesTheDestinationAsItWas() throws IOException {
        write(site.resolve("index.html"), "old home");
        Map<String, String> before = snapshot(site);

        try (DirectorySink.Staging staging = new DirectorySink(site, List.of()).stage(new OutputPlan())) {
            staging.put("index.html", "half a build".getBytes(UTF_8), "index.md");
        }

        assertEquals(before, snapshot(site));
        assertNoDebris();
    }

    @Test
    void twoPagesPutOnOnePathAreAPlanProblemAndCommitRefuses() throws IOException {
        write(site.resolve("index.html"), "old home");
        Map<String, String> before = snapshot(site);
        OutputPlan plan = new OutputPlan();

        try (DirectorySink.Staging staging = new DirectorySink(site, List.of()).stage(plan)) {
            staging.put("about/index.html", "one".getBytes(UTF_8), "about.md");
            staging.put("about/index.html", "two".getBytes(UTF_8), "about.html");
            staging.put("../escape.html", "out".getBytes(UTF_8), "evil.md");
            assertEquals(List.of(
                    "about.html:1:1: error: output \"about/index.html\" is written by 2 inputs: about.html, about.md",
                    "evil.md:1:1: error: output path \"../escape.html\" is outside the destination"),
                    plan.problems().stream().map(d -> d.format()).toList());
            assertThrows(IllegalArgumentException.class, staging::commit);
        }

        assertEquals(before, snapshot(site));
        assertFalse(Files.exists(tmp.resolve("escape.html")));
        assertNoDebris();
    }

    @Test
    void staleFilesDisappearKeptFilesSurviveAndNothingOutsideIsTouched() throws IOException {
        write(site.resolve("old-page.html"), "stale");
        write(site.resolve("gone/deep/x.html"), "stale");
        write(site.resolve("CNAME"), "example.org");
        write(site.resolve(".git/HEAD"), "ref: main");
        write(site.resolve(".git/objects/ab/cd"), "blob");
        write(site.resolve(".github/x"), "not kept: .git keeps a folder, not a prefix");
        write(tmp.resolve("sibling.txt"), "mine");
        write(tmp.resolve("sibling-folder/notes.txt"), "mine too");
        write(tmp.getParent().resolve(tmp.getFileName() + "-parent-sibling.txt"), "also mine");
        Map<String, String> outsideBefore = snapshot(tmp.resolve("sibling-folder"));
        String siblingBefore = snapshot(tmp).get("sibling.txt");

        new DirectorySink(site, List.of("CNAME", ".git/")).write(plan("index.html", "new home"));

        assertEquals(Map.of("index.html", "new home", "CNAME", "example.org", ".git/HEAD", "ref: main",
                ".git/objects/ab/cd", "blob"), contents(site));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(site.resolve(".git/HEAD")));
        assertEquals(outsideBefore, snapshot(tmp.resolve("sibling-folder")));
        assertEquals(siblingBefore, snapshot(tmp).get("sibling.txt"));
        Path parentSibling = tmp.getParent().resolve(tmp.getFileName() + "-parent-sibling.txt");
        assertEquals("also mine", Files.readString(parentSibling));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(parentSibling));
        Files.delete(parentSibling);
        assertNoDebris();
    }

    @Test
    void aBuildIntoStaleFilesEqualsABuildIntoAnEmptyFolder() throws IOException {
        write(site.resolve("junk/index.html"), "junk");
        write(site.resolve("index.html"), "old");
        new DirectorySink(site, List.of()).write(plan("index.html", "new", "a/b.html", "b"));
        Path fresh = tmp.resolve("fresh");
        new DirectorySink(fresh, List.of()).write(plan("index.html", "new", "a/b.html", "b"));
        assertEquals(contents(fresh), contents(site));
    }

    @Test
    void whatThePlanWritesWinsOverAKeptFile() throws IOException {
        write(site.resolve("CNAME"), "old.example.org");
        write(site.resolve("docs/kept.txt"), "kept");
        write(site.resolve("docs/api/x.html"), "kept too?");
        OutputPlan plan = plan("CNAME", "new.example.org", "docs/api", "a file where the kept folder was");
        new DirectorySink(site, List.of("CNAME", "docs")).write(plan);
        assertEquals(Map.of("CNAME", "new.example.org", "docs/api", "a file where the kept folder was",
                "docs/kept.txt", "kept"), contents(site));
    }

    @Test
    void aMissingCopySourceLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        write(site.resolve("index.html"), "old home");
        write(site.resolve("notes/a.html"), "old note");
        Map<String, String> before = snapshot(site);
        OutputPlan plan = plan("index.html", "new home");
        for (int i = 0; i < 500; i++) {
            plan.addBytes("many/" + i + ".html", new byte[100], "many.md");
        }
        plan.addCopy("assets/missing.png", tmp.resolve("content/missing.png"), "assets/missing.png");

        OutputFile.SourceProblem failure = assertThrows(OutputFile.SourceProblem.class,
                () -> new DirectorySink(site, List.of()).write(plan));

        assertEquals("assets/missing.png: error: cannot read: No such file or directory", failure.diagnostic().format());
        assertEquals(before, snapshot(site));
        assertNoDebris();
    }

    @Test
    void anUnwritablePathLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        write(site.resolve("index.html"), "old home");
        Map<String, String> before = snapshot(site);
        OutputPlan plan = plan("index.html", "new home", "x".repeat(300) + ".html", "name too long");

        assertThrows(IOException.class, () -> new DirectorySink(site, List.of()).write(plan));

        assertEquals(before, snapshot(site));
        assertNoDebris();
    }

    @Test
    void aPlanWithProblemsIsRefusedBeforeAnythingIsWritten() throws IOException {
        write(site.resolve("index.html"), "old home");
        Map<String, String> before = snapshot(site);
        OutputPlan plan = plan("index.html", "new", "../escape.html", "x");
        assertThrows(IllegalArgumentException.class, () -> new DirectorySink(site, List.of()).write(plan));
        assertEquals(before, snapshot(site));
        assertFalse(Files.exists(tmp.resolve("escape.html")));
        assertNoDebris();
    }

    @Test
    void aLeftoverStagingFolderIsRemovedByTheNextWrite() throws IOException {
        write(site.resolve("index.html"), "old");
        write(tmp.resolve(".site.sheaf-staging/half/written.html"), "debris");
        new DirectorySink(site, List.of()).write(plan("index.html", "new"));
        assertEquals(Map.of("index.html", "new"), contents(site));
        assertNoDebris();
    }

    @Test
    void anOldCopyWithoutDestinationIsRestoredThenReplaced() throws IOException {
        write(tmp.resolve(".site.sheaf-old/index.html"), "old");
        write(tmp.resolve(".site.sheaf-old/CNAME"), "example.org");
        DirectorySink sink = new DirectorySink(site, List.of("CNAME"));

        sink.recover();
        assertEquals(Map.of("index.html", "old", "CNAME", "example.org"), contents(site));
        assertNoDebris();

        Files.move(site, tmp.resolve(".site.sheaf-old"));
        sink.write(plan("index.html", "new"));
        assertEquals(Map.of("index.html", "new", "CNAME", "example.org"), contents(site));
        assertNoDebris();
    }

    @Test
    void leftoverStagingAndOldCopyTogetherAreRecovered() throws IOException {
        write(tmp.resolve(".site.sheaf-old/index.html"), "old");
        write(tmp.resolve(".site.sheaf-staging/index.html"), "complete but never swapped");
        DirectorySink sink = new DirectorySink(site, List.of());
        sink.recover();
        assertEquals(Map.of("index.html", "old"), contents(site));
        assertNoDebris();
        write(tmp.resolve(".site.sheaf-old/stale.html"), "interrupted delete");
        write(tmp.resolve(".site.sheaf-staging/index.html"), "interrupted write");
        sink.write(plan("index.html", "new"));
        assertEquals(Map.of("index.html", "new"), contents(site));
        assertNoDebris();
    }

    @Test
    void deletingTheOldSiteNeverFollowsLinksOutOfIt() throws IOException {
        Path documents = tmp.resolve("documents");
        write(documents.resolve("thesis.tex"), "precious");
        write(site.resolve("index.html"), "old");
        Files.createSymbolicLink(site.resolve("docs"), documents);
        Files.createSymbolicLink(site.resolve("thesis.tex"), documents.resolve("thesis.tex"));
        Map<String, String> before = snapshot(documents);

        new DirectorySink(site, List.of()).write(plan("index.html", "new"));

        assertEquals(before, snapshot(documents));
        assertEquals(Map.of("index.html", "new"), contents(site));
        assertFalse(Files.exists(site.resolve("docs"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void keptFilesAreCopiedWithoutFollowingLinksOutOfTheDestination() throws IOException {
        Path outside = tmp.resolve("outside");
        write(outside.resolve("secret.txt"), "secret");
        write(site.resolve("index.html"), "old");
        Files.createSymbolicLink(site.resolve("linked"), outside);
        write(site.resolve(".well-known/own.txt"), "own");
        Files.createSymbolicLink(site.resolve(".well-known/link"), outside);

        new DirectorySink(site, List.of("linked/secret.txt", "linked", ".well-known", "../outside"))
                .write(plan("index.html", "new"));

        assertFalse(Files.exists(site.resolve("linked/secret.txt"), LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(site.resolve("linked")), "a file was copied through a link");
        assertTrue(Files.isSymbolicLink(site.resolve("linked")), "a kept link stays a link");
        assertTrue(Files.isSymbolicLink(site.resolve(".well-known/link")), "links inside kept folders stay links");
        assertEquals(Map.of("index.html", "new", ".well-known/own.txt", "own"),
                contents(site).entrySet().stream().filter(e -> !e.getKey().contains("link"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Map.of("secret.txt", "secret"), contents(outside));
    }

    @Test
    void aDestinationThatIsAFileIsRefused() throws IOException {
        write(site, "I am a file");
        assertThrows(IOException.class, () -> new DirectorySink(site, List.of()).write(plan("index.html", "x")));
        assertEquals("I am a file", Files.readString(site));
        assertNoDebris();
    }

    @Test
    void aPreviousSiteThatCannotBeDeletedIsMovedAsideTheNewSiteIsInPlaceAndLaterWritesWork() throws Exception {
        DirectorySink sink = new DirectorySink(site, List.of());
        sink.write(plan("index.html", "one"));
        write(site.resolve("locked/file.txt"), "cannot be deleted");
        try (Undeletable locked = Undeletable.make(site.resolve("locked/file.txt"), tmp)) {
            List<String> notes;
            try (DirectorySink.Staging staging = sink.stage(plan("index.html", "two"))) {
                notes = staging.commit();
            }
            assertEquals(Map.of("index.html", "two"), contents(site), "the new site is in place");
            assertEquals(1, notes.size(), notes.toString());
            assertTrue(notes.get(0).matches("the new site is in place, but could not delete the previous site \\(.*"
                    + "locked/file.txt: .*\\); it was moved to " + java.util.regex.Pattern.quote(tmp.toString())
                    + "/\\.site\\.sheaf-old-\\d+, delete it by hand"), notes.get(0));
            assertNoDebris();

            sink.write(plan("index.html", "three"));
            assertEquals(Map.of("index.html", "three"), contents(site), "a later write works");
        }
    }

    @Test
    void aLeftoverThatCannotBeDeletedIsMovedAsideByTheNextWrite() throws Exception {
        write(site.resolve("index.html"), "old");
        write(tmp.resolve(".site.sheaf-old/locked/file.txt"), "left by a killed build");
        DirectorySink sink = new DirectorySink(site, List.of());
        try (Undeletable locked = Undeletable.make(tmp.resolve(".site.sheaf-old/locked/file.txt"), tmp)) {
            List<String> notes;
            try (DirectorySink.Staging staging = sink.stage(plan("index.html", "new"))) {
                notes = staging.commit();
            }
            assertEquals(Map.of("index.html", "new"), contents(site));
            assertTrue(notes.get(0).startsWith("could not delete a previous site left by an earlier build ("), notes.get(0));
            assertNoDebris();
        }
    }

    /**
     * Makes a file impossible to delete for this process: its folder read-only, or, for root
     * (whom permissions do not stop), the file immutable ({@code chattr +i}; the test is skipped
     * where that is not possible). Undone on close, wherever the folder has been moved to
     * meanwhile (every folder of the same name under the test folder).
     */
    private static final class Undeletable implements AutoCloseable {
        private final Path root;
        private final String folderName;
        private final boolean immutable;

        private Undeletable(Path root, String folderName, boolean immutable) {
            this.root = root;
            this.folderName = folderName;
            this.immutable = immutable;
        }

        static Undeletable make(Path file, Path root) throws Exception {
            boolean immutable = "root".equals(System.getProperty("user.name"));
            if (immutable) {
                Assumptions.assumeTrue(chattr("+i", file), "chattr +i is not possible here");
            } else {
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            return new Undeletable(root, file.getParent().getFileName().toString(), immutable);
        }

        private static boolean chattr(String flag, Path file) throws Exception {
            Process process = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        }

        @Override
        public void close() throws Exception {
            List<Path> folders;
            try (Stream<Path> all = Files.walk(root)) {
                folders = all.filter(p -> p.getFileName().toString().equals(folderName)).toList();
            }
            for (Path folder : folders) {
                if (!immutable) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        if (immutable) {
                            chattr("-i", file);
                        }
                    }
                }
            }
        }
    }
}
