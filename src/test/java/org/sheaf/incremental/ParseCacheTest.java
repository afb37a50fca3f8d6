package org.sheaf.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;

class ParseCacheTest {
    private static final Path FILE = Path.of("/site/_posts/2020-01-01-a.md");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String TEXT = "---\ntitle: A\ntags: [x, y]\nauthor:\n  name: Ann\n---\nBody.\n";

    private static FrontMatter parse(String text) throws DiagnosticException {
        return FrontMatterParser.parse(text, "_posts/2020-01-01-a.md", UTC);
    }

    @Test
    void theSameBytesGiveTheParseKeptForThem() throws DiagnosticException {
        ParseCache cache = new ParseCache();
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        cache.put(FILE, bytes, "_posts/2020-01-01-a.md", UTC, parse(TEXT));
        FrontMatter kept = cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC);
        FrontMatter fresh = parse(TEXT);
        assertEquals(fresh.data(), kept.data());
        assertEquals(fresh.positions(), kept.positions());
        assertEquals("Body.\n", kept.body());
        assertEquals(fresh.bodyLine(), kept.bodyLine());
        assertEquals(1, cache.hits());
    }

    @Test
    void otherBytesAnotherSitePathOrAnotherZoneAreParsedAgain() throws DiagnosticException {
        ParseCache cache = new ParseCache();
        cache.put(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC, parse(TEXT));
        assertNull(cache.get(FILE, TEXT.replace("Body", "Bode").getBytes(StandardCharsets.UTF_8),
                "_posts/2020-01-01-a.md", UTC));
        assertNull(cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-b.md", UTC));
        assertNull(cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md",
                ZoneId.of("Europe/Paris")));
        assertNull(cache.get(Path.of("/site/other.md"), TEXT.getBytes(StandardCharsets.UTF_8),
                "_posts/2020-01-01-a.md", UTC));
        assertEquals(0, cache.hits());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatABuildDoesToItsValuesDoesNotReachTheNextBuild() throws DiagnosticException {
        ParseCache cache = new ParseCache();
        FrontMatter parsed = parse(TEXT);
        cache.put(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC, parsed);
        ((List<Object>) parsed.data().get("tags")).add("from the first build");
        FrontMatter first = cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC);
        ((Map<String, Object>) first.data().get("author")).put("name", "changed by a build");
        FrontMatter second = cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC);
        assertEquals(List.of("x", "y"), second.data().get("tags"));
        assertEquals(Map.of("name", "Ann"), second.data().get("author"));
        assertNotSame(first.data().get("tags"), second.data().get("tags"));
    }

    @Test
    void filesNoLongerScannedAreForgotten() throws DiagnosticException {
        ParseCache cache = new ParseCache();
        cache.put(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC, parse(TEXT));
        cache.retain(Set.of(Path.of("/site/other.md")));
        assertEquals(0, cache.size());
        assertNull(cache.get(FILE, TEXT.getBytes(StandardCharsets.UTF_8), "_posts/2020-01-01-a.md", UTC));
    }
}
