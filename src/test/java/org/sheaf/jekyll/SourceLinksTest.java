package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected paths are the files jekyll-relative-links 0.7 (Jekyll 4.3.1) linked for the same links. */
class SourceLinksTest {
    @Test
    void resolvesFromThePagesFolderOrFromTheRoot() {
        assertEquals(Optional.of("about.md"), SourceLinks.sourcePath("docs/page.md", "../about.md"));
        assertEquals(Optional.of("about.md"), SourceLinks.sourcePath("docs/page.md", "./../about.md"));
        assertEquals(Optional.of("about.md"), SourceLinks.sourcePath("docs/page.md", "/about.md"));
        assertEquals(Optional.of("docs/b.md"), SourceLinks.sourcePath("docs/page.md", "b.md"));
        assertEquals(Optional.of("b.md"), SourceLinks.sourcePath("page.md", "b.md"));
    }

    @Test
    void decodesAsCgiUnescapeDoes() {
        assertEquals(Optional.of("a b.md"), SourceLinks.sourcePath("docs/page.md", "../a+b.md"));
        assertEquals(Optional.of("a b.md"), SourceLinks.sourcePath("docs/page.md", "../a%20b.md"));
        assertEquals(Optional.of("50%.md"), SourceLinks.sourcePath("page.md", "50%.md"));
    }

    @Test
    void aPathOutOfTheSiteNamesNoSource() {
        assertEquals(Optional.empty(), SourceLinks.sourcePath("docs/page.md", "../../about.md"));
    }

    @Test
    void fragmentsAndAbsoluteUrlsNameNoSource() {
        assertFalse(SourceLinks.mayNameSource("#top"));
        assertFalse(SourceLinks.mayNameSource("https://example.org/a.md"));
        assertFalse(SourceLinks.mayNameSource("mailto:a@example.org"));
        assertFalse(SourceLinks.mayNameSource(""));
        assertTrue(SourceLinks.mayNameSource("../a.md#top"));
        assertTrue(SourceLinks.mayNameSource("/a.md"));
    }
}
