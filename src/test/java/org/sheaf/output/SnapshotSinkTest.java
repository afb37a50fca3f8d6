package org.sheaf.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotSinkTest {
    private static OutputPlan plan(String... pathsAndTexts) {
        OutputPlan plan = new OutputPlan();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            plan.addBytes(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8), "src/" + pathsAndTexts[i]);
        }
        return plan;
    }

    @Test
    void aFirstWriteCountsEveryPathAsChanged() throws IOException {
        SnapshotSink sink = new SnapshotSink();
        sink.write(plan("a.html", "A", "b.html", "B"));
        assertEquals(Set.of("a.html", "b.html"), sink.changed());
        assertArrayEquals("A".getBytes(StandardCharsets.UTF_8), sink.snapshot().files().get("a.html"));
        assertEquals("src/b.html", sink.snapshot().origins().get("b.html"));
    }

    @Test
    void aRebuildNamesTheChangedAddedAndRemovedPathsAndKeepsTheUnchangedArrays() throws IOException {
        SnapshotSink first = new SnapshotSink();
        first.write(plan("a.html", "A", "b.html", "B", "c.html", "C"));
        SiteSnapshot before = first.snapshot();
        SnapshotSink second = new SnapshotSink(before);
        second.write(plan("a.html", "A", "b.html", "B2", "d.html", "D"));
        assertEquals(Set.of("b.html", "c.html", "d.html"), second.changed());
        assertSame(before.files().get("a.html"), second.snapshot().files().get("a.html"));
        assertNotSame(before.files().get("b.html"), second.snapshot().files().get("b.html"));
        assertEquals(Set.of("a.html", "b.html", "d.html"), second.snapshot().files().keySet());
    }
}
