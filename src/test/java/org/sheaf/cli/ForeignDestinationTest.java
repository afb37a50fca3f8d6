package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.output.DestinationLock;

/**
 * A destination outside the site: the config may not name one; the command line may, but a
 * folder holding someone's files is replaced or deleted only with {@code --force-destination}.
 */
class ForeignDestinationTest {
    @TempDir
    Path dir;

    private Path site;
    private Path documents;

    @BeforeEach
    void aSiteAndSomeonesFolder() throws Exception {
        site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.md"), "---\n---\nHome\n");
        documents = dir.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("thesis.tex"), "years of work");
    }

    private void assertDocumentsUntouched() throws Exception {
        assertEquals("years of work", Files.readString(documents.resolve("thesis.tex")));
    }

    @Test
    void aConfigDestinationOutsideTheSiteIsRefusedByBuildAndClean() throws Exception {
        Files.writeString(site.resolve("_config.yml"), "title: T\ndestination: " + documents + "\n");
        String expected = "_config.yml:2:1: error: destination \"" + documents + "\" is outside the site folder\n"
                + "    hint: a build replaces its destination, so one named in the config must be inside the site; "
                + "to build elsewhere, give --destination on the command line\n";
        CliRun build = CliRun.of("build", site.toString());
        assertEquals(2, build.code());
        assertTrue(build.err().startsWith(expected), build.err());
        CliRun clean = CliRun.of("clean", site.toString());
        assertEquals(2, clean.code());
        assertEquals(expected, clean.err());
        assertDocumentsUntouched();
    }

    @Test
    void aLinkedConfigDestinationLeadingOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(site.resolve("out"), documents);
        Files.writeString(site.resolve("_config.yml"), "destination: out/site\n");
        assertEquals(2, CliRun.of("build", site.toString()).code());
        assertEquals(2, CliRun.of("clean", site.toString()).code());
        assertDocumentsUntouched();
    }

    @Test
    void aCommandLineDestinationHoldingOtherFilesNeedsForce() throws Exception {
        String refusal = "sheaf: destination \"" + documents + "\" holds files sheaf did not write; refusing to %s it"
                + " (give --force-destination to %s it anyway)\n";
        CliRun build = CliRun.of("build", site.toString(), "-d", documents.toString());
        assertEquals(2, build.code());
        assertEquals(String.format(refusal, "replace", "replace"), build.err());
        CliRun clean = CliRun.of("clean", site.toString(), "-d", documents.toString());
        assertEquals(2, clean.code());
        assertEquals(String.format(refusal, "delete", "delete"), clean.err());
        assertDocumentsUntouched();

        CliRun forced = CliRun.of("build", site.toString(), "-d", documents.toString(), "--force-destination");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.isRegularFile(DestinationLock.lockFile(documents)), "the build's lock file marks the folder");
        assertEquals(0, CliRun.of("build", site.toString(), "-d", documents.toString()).code(),
                "a folder sheaf wrote may be replaced again");
        assertEquals(0, CliRun.of("clean", site.toString(), "-d", documents.toString()).code());
    }

    @Test
    void anEmptyOrNewCommandLineDestinationAndTheSitesOwnNeedNoForce() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, CliRun.of("build", site.toString(), "-d", empty.toString()).code());
        assertEquals(0, CliRun.of("build", site.toString(), "-d", dir.resolve("new").toString()).code());
        assertEquals(0, CliRun.of("build", site.toString()).code());
        try (var published = Files.list(dir.resolve("new"))) {
            assertTrue(published.noneMatch(file -> file.getFileName().toString().startsWith(".")),
                    "the published site carries no mark of sheaf's");
        }
        assertEquals(0, CliRun.of("build", site.toString(), "-d", site.resolve("_site").toString()).code(),
                "the site's own destination needs no marker");
    }
}
