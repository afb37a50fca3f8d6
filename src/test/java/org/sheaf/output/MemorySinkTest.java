package org.sheaf.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySinkTest {
    @TempDir
    Path tmp;

    private static Map<String, String> text(MemorySink sink) {
        return sink.files().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> new String(e.getValue(), UTF_8)));
    }

    @Test
    void holdsTheBytesAndCopiesOfTheLastPlanSortedByPath() throws IOException {
        Path css = Files.writeString(tmp.resolve("style.css"), "body{}");
        OutputPlan plan = new OutputPlan();
        plan.addBytes("index.html", "home".getBytes(UTF_8), "index.md");
        plan.addCopy("assets/style.css", css, "assets/style.css");
        MemorySink sink = new MemorySink();
        sink.write(plan);
        assertEquals(Map.of("index.html", "home", "assets/style.css", "body{}"), text(sink));
        assertEquals(List.of("assets/style.css", "index.html"), List.copyOf(sink.files().keySet()));
    }

    @Test
    void aFailedWriteKeepsThePreviousSite() throws IOException {
        MemorySink sink = new MemorySink();
        OutputPlan first = new OutputPlan();
        first.addBytes("index.html", "old".getBytes(UTF_8), "index.md");
        sink.write(first);
        OutputPlan broken = new OutputPlan();
        broken.addBytes("index.html", "new".getBytes(UTF_8), "index.md");
        broken.addCopy("missing.png", tmp.resolve("missing.png"), "missing.png");
        assertThrows(IOException.class, () -> sink.write(broken));
        assertEquals(Map.of("index.html", "old"), text(sink));
    }
}
