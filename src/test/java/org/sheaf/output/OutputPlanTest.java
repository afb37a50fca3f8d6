package org.sheaf.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.Diagnostic;

class OutputPlanTest {
    private static List<String> printed(OutputPlan plan) {
        return plan.problems().stream().map(Diagnostic::format).toList();
    }

    private static String unsafe(String path) {
        OutputPlan plan = new OutputPlan();
        plan.addBytes(path, new byte[0], "page.md");
        assertEquals(0, plan.size(), path);
        return String.join("\n", printed(plan));
    }

    @Test
    void collisionNamesEveryInputAtTheFirstOriginInSortedOrder() {
        OutputPlan plan = new OutputPlan();
        plan.addBytes("about/index.html", "a".getBytes(UTF_8), "about.md");
        plan.addBytes("about/index.html", "b".getBytes(UTF_8), "about.html");
        plan.addBytes("index.html", "c".getBytes(UTF_8), "index.md");
        assertEquals(List.of(
                "about.html:1:1: error: output \"about/index.html\" is written by 2 inputs: about.html, about.md"),
                printed(plan));
        assertEquals(List.of("index.html"), plan.files().stream().map(OutputFile::path).toList());
    }

    @Test
    void reservedPathsAreProblemsAtTheirOriginAndNeverFiles() {
        OutputPlan plan = new OutputPlan(path -> path.startsWith(".git/")
                ? java.util.Optional.of("is inside a .git folder") : java.util.Optional.empty());
        plan.addBytes("./.git/hooks/../config", new byte[0], "feed.md");
        plan.addBytes("index.html", new byte[0], "index.md");
        assertEquals(List.of("feed.md:1:1: error: output path \"./.git/hooks/../config\" is inside a .git folder"),
                printed(plan));
        assertEquals(List.of("index.html"), plan.files().stream().map(OutputFile::path).toList());
    }

    @Test
    void collisionIsTheSameWhicheverInputArrivesFirst() {
        OutputPlan forwards = new OutputPlan();
        OutputPlan backwards = new OutputPlan();
        List<String> origins = List.of("c.md", "a.md", "b.html");
        for (int i = 0; i < origins.size(); i++) {
            forwards.addBytes("x.html", new byte[0], origins.get(i));
            backwards.addBytes("x.html", new byte[0], origins.get(origins.size() - 1 - i));
        }
        assertEquals(List.of("a.md:1:1: error: output \"x.html\" is written by 3 inputs: a.md, b.html, c.md"),
                printed(forwards));
        assertEquals(printed(forwards), printed(backwards));
    }

    @Test
    void oneOriginWritingAPathTwiceIsNoCollisionAndTheLaterWriteWins() {
        OutputPlan plan = new OutputPlan();
        plan.addBytes("feed.xml", "first".getBytes(UTF_8), "_config.yml");
        plan.addBytes("feed.xml", "second".getBytes(UTF_8), "_config.yml");
        assertEquals(List.of(), plan.problems());
        assertEquals("second", new String(plan.files().get(0).bytes(), UTF_8));
    }

    @Test
    void parentTraversalIsOutsideTheDestination() {
        assertEquals("page.md:1:1: error: output path \"../../etc/x\" is outside the destination",
                unsafe("../../etc/x"));
        assertEquals("page.md:1:1: error: output path \"a/../../x\" is outside the destination",
                unsafe("a/../../x"));
    }

    @Test
    void absolutePathsAndDrivesAreOutsideTheDestination() {
        assertEquals("page.md:1:1: error: output path \"/etc/passwd\" is outside the destination",
                unsafe("/etc/passwd"));
        assertEquals("page.md:1:1: error: output path \"//server/share/x\" is outside the destination",
                unsafe("//server/share/x"));
        assertEquals("page.md:1:1: error: output path \"C:/Windows/x\" is outside the destination",
                unsafe("C:/Windows/x"));
        assertEquals("page.md:1:1: error: output path \"c:x\" is outside the destination", unsafe("c:x"));
    }

    @Test
    void percentEncodedDotsAreCheckedAfterDecoding() {
        assertEquals("page.md:1:1: error: output path \"%2e%2e/%2E%2E/etc/x\" is outside the destination",
                unsafe("%2e%2e/%2E%2E/etc/x"));
        assertEquals("page.md:1:1: error: output path \"a%2f..%2f..%2fx\" is outside the destination",
                unsafe("a%2f..%2f..%2fx"));
        assertEquals("page.md:1:1: error: output path \"%252e%252e/x\" is outside the destination",
                unsafe("%252e%252e/x"));
        assertEquals("page.md:1:1: error: output path \"a/%2e%2e/b\" is not a safe file path: "
                + "it hides \"..\" in percent-encoding", unsafe("a/%2e%2e/b"));
        assertEquals("page.md:1:1: error: output path \"a/%2e/b\" is not a safe file path: "
                + "it hides \".\" in percent-encoding", unsafe("a/%2e/b"));
        assertEquals("page.md:1:1: error: output path \"%2fetc/x\" is outside the destination",
                unsafe("%2fetc/x"));
    }

    @Test
    void nulBackslashAndEmptySegmentsAreUnsafe() {
        assertEquals("page.md:1:1: error: output path \"a\\u0000.html\" is not a safe file path: "
                + "it contains a control character", unsafe("a\0.html"));
        assertEquals("page.md:1:1: error: output path \"a%00.html\" is not a safe file path: "
                + "it contains a control character", unsafe("a%00.html"));
        assertEquals("page.md:1:1: error: output path \"..\\x\" is not a safe file path: "
                + "it contains a backslash", unsafe("..\\x"));
        assertEquals("page.md:1:1: error: output path \"..%5cx\" is not a safe file path: "
                + "it contains a backslash", unsafe("..%5cx"));
        assertEquals("page.md:1:1: error: output path \"a//b\" is not a safe file path: "
                + "it has an empty segment", unsafe("a//b"));
        assertEquals("page.md:1:1: error: output path \"about/\" is not a safe file path: "
                + "it has an empty segment", unsafe("about/"));
        assertEquals("page.md:1:1: error: output path \"a/..\" is not a safe file path: "
                + "it names the destination itself", unsafe("a/.."));
        assertEquals("page.md:1:1: error: output path \"\" is empty", unsafe(""));
    }

    @Test
    void harmlessDotSegmentsAreNormalisedAway() {
        OutputPlan plan = new OutputPlan();
        plan.addBytes("./a/./b/../c.html", new byte[0], "c.md");
        plan.addBytes("100%25 done.html", new byte[0], "d.md");
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("100%25 done.html", "a/c.html"), plan.files().stream().map(OutputFile::path).toList());
    }

    @Test
    void normalisedPathsThatMeetAreACollision() {
        OutputPlan plan = new OutputPlan();
        plan.addBytes("a/b.html", new byte[0], "one.md");
        plan.addBytes("a/./x/../b.html", new byte[0], "two.md");
        assertEquals(List.of("one.md:1:1: error: output \"a/b.html\" is written by 2 inputs: one.md, two.md"),
                printed(plan));
    }

    @Test
    void aFileWhereAFolderMustBeIsReported() {
        OutputPlan plan = new OutputPlan();
        plan.addBytes("notes", new byte[0], "notes.md");
        plan.addBytes("notes/one.html", new byte[0], "one.md");
        plan.addBytes("notes/two.html", new byte[0], "two.md");
        assertEquals(List.of("notes.md:1:1: error: output \"notes\" is a file, but \"notes/one.html\" "
                + "from one.md needs it to be a folder"), printed(plan));
        assertEquals(List.of("notes/one.html", "notes/two.html"),
                plan.files().stream().map(OutputFile::path).toList());
    }

    @Test
    void filesAreSortedAndCollectedSafelyFromManyThreads() throws Exception {
        OutputPlan plan = new OutputPlan();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        IntStream.range(0, 2000).forEach(i -> pool.submit(() -> {
            plan.addCopy("static/" + i + ".css", Path.of("src/" + i), "assets/" + i + ".css");
            plan.addBytes("shared.html", new byte[0], "page" + (i % 3) + ".md");
        }));
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(2000, plan.size());
        List<String> paths = plan.files().stream().map(OutputFile::path).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
        assertEquals(List.of("page0.md:1:1: error: output \"shared.html\" is written by 3 inputs: "
                + "page0.md, page1.md, page2.md"), printed(plan));
    }
}
