package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void aPlainEntryMatchesThePathAndEverythingStartingWithIt() {
        Glob vendor = Glob.of("vendor");
        assertTrue(vendor.matches("vendor"));
        assertTrue(vendor.matches("vendor/bundle/x.rb"));
        assertTrue(vendor.matches("vendored"));
        assertFalse(vendor.matches("app/vendor"));
    }

    @Test
    void starCrossesFoldersAndQuestionMarkTakesOneCharacter() {
        assertTrue(Glob.of("*.txt").matches("notes/a.txt"));
        assertTrue(Glob.of("/docs/*.md").matches("docs/a/b.md"));
        assertTrue(Glob.of("draft?.md").matches("draft1.md"));
        assertFalse(Glob.of("draft?.md").matches("draft.md"));
        assertFalse(Glob.of("*.txt").matches("notes/a.md"));
    }

    @Test
    void setsTakeRangesAndNegation() {
        assertTrue(Glob.of("v[0-9].md").matches("v7.md"));
        assertFalse(Glob.of("v[0-9].md").matches("vx.md"));
        assertTrue(Glob.of("v[!0-9].md").matches("vx.md"));
        assertTrue(Glob.of("v[^0-9].md").matches("vx.md"));
        assertFalse(Glob.of("v[^0-9].md").matches("v1.md"));
        assertTrue(Glob.of("a[.md").matches("a[.md"));
        assertFalse(Glob.of("[]").matches("anything"));
        assertTrue(Glob.of("a\\*").matches("a*"));
        assertFalse(Glob.of("a\\*").matches("ab"));
    }

    @Test
    void anEntryEndingInASlashMatchesTheFolderAndWhatIsInside() {
        Glob build = Glob.of("build/");
        assertTrue(build.matches("build"));
        assertTrue(build.matches("build/out.html"));
        assertFalse(build.matches("builder"));
        assertTrue(Glob.of("*d/").matches("a/build/x"));
    }

    @Test
    void manyStarsAgainstALongNameThatAlmostMatchesAreDecidedQuickly() {
        // as a backtracking regex, (.*a){12}.*b against 5,000 a's does not finish
        Glob glob = Glob.of("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        String name = "a".repeat(5_000);
        assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> glob.matches(name)));
        assertTrue(glob.matches(name + "b"));
    }
}
