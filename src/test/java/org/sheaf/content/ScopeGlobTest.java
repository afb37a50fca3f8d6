package org.sheaf.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScopeGlobTest {
    @Test
    void starStaysInOneFolderNameAndDoubleStarCrossesFolders() {
        assertTrue(ScopeGlob.of("docs/*.md").matches("docs/a.md"));
        assertFalse(ScopeGlob.of("docs/*.md").matches("docs/x/a.md"));
        assertTrue(ScopeGlob.of("docs/**/*.md").matches("docs/a.md"));
        assertTrue(ScopeGlob.of("docs/**/*.md").matches("docs/x/y/a.md"));
        assertTrue(ScopeGlob.of("docs/**").matches("docs/x/y/a.md"));
        assertFalse(ScopeGlob.of("docs/**/*.md").matches("other/a.md"));
        assertTrue(ScopeGlob.of("note?.md").matches("note1.md"));
        assertFalse(ScopeGlob.of("note?.md").matches("note/.md"));
    }

    @Test
    void bracesChooseOneAlternativeAndNest() {
        assertTrue(ScopeGlob.of("{posts,notes}/*").matches("notes/a.md"));
        assertFalse(ScopeGlob.of("{posts,notes}/*").matches("drafts/a.md"));
        assertTrue(ScopeGlob.of("a{b,c{d,e}}f").matches("acef"));
        assertTrue(ScopeGlob.of("a{b,").matches("ab"));
        assertTrue(ScopeGlob.of("a,b}").matches("a,b}"));
    }

    @Test
    void manyStarsAgainstALongNameThatAlmostMatchesAreDecided() {
        ScopeGlob glob = ScopeGlob.of("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        String name = "a".repeat(5_000);
        // the limit only keeps a backtracking matcher, which would never finish, from hanging the run
        assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> glob.matches(name)));
        assertTrue(glob.matches(name + "b"));
    }
}
