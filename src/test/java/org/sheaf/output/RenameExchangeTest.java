package org.sheaf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-step swap that leaves no moment without a site, where Linux offers it. */
class RenameExchangeTest {
    @TempDir
    Path dir;

    @Test
    void exchangesTwoFoldersInOneStepOnLinux() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        Path site = Files.createDirectories(dir.resolve("site"));
        Path staging = Files.createDirectories(dir.resolve(".site.sheaf-staging"));
        Files.writeString(site.resolve("old.html"), "old");
        Files.writeString(staging.resolve("new.html"), "new");

        assertTrue(RenameExchange.available());
        assertTrue(RenameExchange.swap(staging, site));
        assertEquals("new", Files.readString(site.resolve("new.html")));
        assertEquals("old", Files.readString(staging.resolve("old.html")));
        assertFalse(Files.exists(site.resolve("old.html")));
    }

    @Test
    void aMissingSideIsNotExchangedAndNothingMoves() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "kept");
        assertFalse(RenameExchange.swap(dir.resolve("missing"), site));
        assertEquals(List.of(site.resolve("index.html")), Files.list(site).toList());
    }

    @Test
    void aWriteOverAnOldSiteLeavesNoOldCopyBehind() throws Exception {
        Assumptions.assumeTrue(RenameExchange.available());
        Path site = dir.resolve("site");
        DirectorySink sink = new DirectorySink(site, List.of());
        OutputPlan first = new OutputPlan();
        first.addBytes("a.html", "one".getBytes(), "a.md");
        sink.write(first);
        OutputPlan second = new OutputPlan();
        second.addBytes("b.html", "two".getBytes(), "b.md");
        sink.write(second);
        assertEquals(List.of("b.html"), Files.list(site).map(p -> p.getFileName().toString()).toList());
        assertFalse(Files.exists(sink.oldCopyFolder()));
        assertFalse(Files.exists(sink.stagingFolder()));
    }
}
