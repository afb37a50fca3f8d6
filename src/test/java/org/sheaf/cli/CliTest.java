package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, the summary line, and errors printed without stack traces. */
class CliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void buildPrintsOneSummaryLineAndExitsZero() throws Exception {
        Files.writeString(dir.resolve("index.md"), "---\n---\nHi\n");
        CliRun run = run("build", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().matches("sheaf: built 1 page and 0 static files into _site in \\d+\\.\\d\\d s\\n"), run.out());
        assertTrue(Files.exists(dir.resolve("_site/index.html")));
    }

    @Test
    void incrementalBuildKeepsItsCacheOutsideTheDestinationAndSaysWhatItRendered() throws Exception {
        Files.writeString(dir.resolve("index.md"), "---\n---\nHi\n");
        Files.writeString(dir.resolve("about.md"), "---\n---\nAbout\n");
        CliRun first = run("build", "--incremental", dir.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().endsWith(
                "sheaf: incremental: rendered 2 of 2 pages (everything: no cache or config changed), wrote 2 changed files\n"),
                first.out());
        assertTrue(Files.isRegularFile(dir.resolve(".sheaf-cache/incremental.state")));
        Files.writeString(dir.resolve("about.md"), "---\n---\nAbout us\n");
        CliRun second = run("build", "--incremental", dir.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().endsWith("sheaf: incremental: rendered 1 of 2 pages, wrote 1 changed file\n"), second.out());
        assertEquals("<p>About us</p>\n", Files.readString(dir.resolve("_site/about.html")));
    }

    @Test
    void siteErrorsExitOneWithPositionedLinesAndNoTrace() throws Exception {
        Files.writeString(dir.resolve("index.md"), "---\nlayout: nope\n---\nHi\n");
        CliRun run = run("build", dir.toString());
        assertEquals(1, run.code());
        assertEquals("index.md:2:1: error: layout \"nope\" not found\n    hint: layouts available: \n"
                + "sheaf: build failed with 1 error; the previous site was left as it was\n", run.err());
    }

    @Test
    void excludeGlobsThatAreNotRegexesBuild() throws Exception {
        Files.writeString(dir.resolve("_config.yml"), "exclude: [\"[]\", \"[z-a]\", \"[\"]\n");
        Files.writeString(dir.resolve("index.md"), "---\n---\nHi\n");
        Files.writeString(dir.resolve("a"), "excluded by [z-a]");
        CliRun run = run("build", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(Files.isRegularFile(dir.resolve("_site/index.html")));
        assertTrue(Files.notExists(dir.resolve("_site/a")));
    }

    @Test
    void configErrorsExitTwo() throws Exception {
        Files.writeString(dir.resolve("_config.yml"), "timezone: Nowhere/Land\n");
        assertEquals(2, run("build", dir.toString()).code());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertEquals(2, run("build", "--no-such-option").code());
    }

    @Test
    void helpListsEverySubcommandThoughARunAddsOnlyTheOneItRuns() {
        for (CliRun run : List.of(run("--help"), run("help"), run())) {
            for (String command : List.of("build", "serve", "check", "new", "clean", "help")) {
                assertTrue(run.out().contains("\n  " + command + " "), command + " missing from:\n" + run.out());
            }
        }
        CliRun misspelt = run("biuld");
        assertEquals(2, misspelt.code());
        assertTrue(misspelt.err().contains("Did you mean: sheaf build?"), misspelt.err());
    }

    @Test
    void buildHelpListsTheOptions() {
        CliRun run = run("build", "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("--verbose"), run.out());
    }

    @Test
    void profileShowsStagesSlowestPagesAndLayouts() throws Exception {
        Files.createDirectories(dir.resolve("_layouts"));
        Files.writeString(dir.resolve("_layouts/page.html"), "<main>{{ content }}</main>");
        Files.writeString(dir.resolve("a.md"), "---\nlayout: page\n---\nA\n");
        Files.writeString(dir.resolve("b.md"), "---\nlayout: page\n---\nB\n");
        CliRun run = run("build", dir.toString(), "--profile");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("stage          time", lines.get(0));
        assertTrue(lines.contains("slowest pages  time"), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches("  +\\d+\\.\\d ms  a\\.md")), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches("  page +2 +\\d+ ms +\\d+\\.\\d\\d ms")), run.out());
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = run("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("sheaf "), run.out());
    }

    @Test
    void destinationOptionWritesThere() throws Exception {
        Files.writeString(dir.resolve("index.md"), "---\n---\nHi\n");
        Path out = dir.resolve("elsewhere");
        assertEquals(0, run("build", dir.toString(), "--destination", out.toString(), "--quiet").code());
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    @Test
    void runningOutOfMemorySaysTheLimitAndHowToRaiseItInsteadOfATrace() {
        assertEquals("sheaf: error: out of memory: the Java heap's limit, 1024 MiB, is too small for this site;"
                + " the destination is unchanged. Give it more: SHEAF_HEAP=4g bin/sheaf ... (or java -Xmx4g -jar sheaf.jar ...)",
                Main.outOfMemory(1L << 30));
    }
}
