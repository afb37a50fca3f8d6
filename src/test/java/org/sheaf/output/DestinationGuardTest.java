package org.sheaf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationGuardTest {
    @TempDir
    Path tmp;

    private Optional<String> refusal(Path destination) {
        Path root = tmp.resolve("project");
        return DestinationGuard.refusal(root, root.resolve("content"), destination, tmp.resolve("home"));
    }

    @Test
    void theSourceItselfIsRefused() {
        Path source = tmp.resolve("project/content");
        assertEquals(Optional.of("destination \"" + source + "\" is the source folder; refusing to replace it"),
                refusal(tmp.resolve("project/content/../content/.")));
    }

    @Test
    void theSiteRootIsRefused() {
        Path root = tmp.resolve("project");
        assertEquals(Optional.of("destination \"" + root + "\" is the site root; refusing to replace it"),
                refusal(root));
    }

    @Test
    void anAncestorOfTheSourceIsRefused() {
        assertEquals(Optional.of("destination \"" + tmp + "\" contains the source folder \""
                + tmp.resolve("project/content") + "\"; refusing to replace it"), refusal(tmp));
    }

    @Test
    void theHomeFolderAndItsAncestorsAreRefused() {
        Path home = tmp.resolve("home");
        assertEquals(Optional.of("destination \"" + home + "\" is the home folder; refusing to replace it"),
                refusal(home));
        Path realHome = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assertEquals(Optional.of("destination \"" + realHome + "\" is the home folder; refusing to replace it"),
                DestinationGuard.refusal(tmp.resolve("p"), tmp.resolve("p/src"), realHome));
    }

    @Test
    void theFilesystemRootIsRefused() {
        Path root = tmp.getRoot();
        assertEquals(Optional.of("destination \"" + root + "\" is the filesystem root; refusing to replace it"),
                refusal(root));
    }

    @Test
    void siteBesideContentAndASiblingAndAFolderInsideTheSourceAreFine() {
        assertEquals(Optional.empty(), refusal(tmp.resolve("project/site")));
        assertEquals(Optional.empty(), refusal(tmp.resolve("elsewhere")));
        assertEquals(Optional.empty(), refusal(tmp.resolve("project/content/_site")));
    }

    @Test
    void aLinkToTheSourceIsSeenThrough() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("project/content"));
        Path link = Files.createSymbolicLink(tmp.resolve("project/site"), source);
        assertEquals(Optional.of("destination \"" + link + "\" is the source folder; refusing to replace it"),
                refusal(link));
    }
}
