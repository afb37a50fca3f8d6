package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Include and exclude entries matched as Jekyll's entry filter matches them; the whole-site
 * proof against Jekyll's own output is the {@code exclude-rules} fixture.
 */
class EntryPatternTest {

    @Test
    void prefixMatchesOnlyFromTheSourceFolder() {
        EntryPattern docs = EntryPattern.of("docs");
        assertTrue(docs.matches("docs", true));
        assertTrue(docs.matches("docs/a.md", false));
        assertTrue(docs.matches("docs-old", true));
        assertTrue(docs.matches("docsy.md", false));
        assertFalse(docs.matches("sub/docs", true));
        assertFalse(docs.matches("sub/docs/c.md", false));
    }

    @Test
    void folderEntryWithSlashMatchesTheFolderAndWhatIsInIt() {
        EntryPattern build = EntryPattern.of("/build/");
        assertTrue(build.matches("build", true));
        assertTrue(build.matches("build/x.html", false));
        assertFalse(build.matches("build", false));
        assertFalse(build.matches("sub/build", true));
    }

    @Test
    void globsAreRubyFnmatchWithoutFlags() {
        assertTrue(EntryPattern.fnmatch("*.txt", "sub/deep/readme.txt"));
        assertTrue(EntryPattern.fnmatch("assets/img/[ab]*.png", "assets/img/b1.png"));
        assertFalse(EntryPattern.fnmatch("assets/img/[ab]*.png", "assets/img/c1.png"));
        assertTrue(EntryPattern.fnmatch("assets/img/[!ab]?.png", "assets/img/c1.png"));
        assertTrue(EntryPattern.fnmatch("[a-c]x", "bx"));
        assertTrue(EntryPattern.fnmatch("a\\*", "a*"));
        assertFalse(EntryPattern.fnmatch("a\\*", "ab"));
        assertFalse(EntryPattern.fnmatch("*.txt", "readme.txt.bak"));
    }

    @Test
    void malformedBracketsMatchNothing() {
        assertFalse(EntryPattern.fnmatch("[]", "a"));
        assertFalse(EntryPattern.fnmatch("weird[]", "weird[]"));
        assertFalse(EntryPattern.fnmatch("[abc", "a"));
        assertTrue(EntryPattern.of("weird[]").matches("weird[]", false), "still a prefix, as in Jekyll");
    }

    /**
     * Only so that a backtracking matcher fails the run instead of hanging it: against these
     * 5,000-character names it would not finish in any time a run could wait for.
     */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void patternsThatBacktrackCatastrophicallyAsRegexesFinish() {
        String text = "a".repeat(5_000) + "b";
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertFalse(EntryPattern.fnmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c", text));
            assertTrue(EntryPattern.fnmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
        });
    }

    @Test
    void manyStarsAgainstALongNameThatAlmostMatchesAreDecided() {
        // as a backtracking regex, (.*a){12}.*b against 5,000 a's does not finish
        EntryPattern entry = EntryPattern.of("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        String name = "a".repeat(5_000);
        assertFalse(assertTimeoutPreemptively(HANG_GUARD, () -> entry.matches(name, false)));
        assertTrue(entry.matches(name + "b", false));
    }
}
