package org.sheaf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;

/** Markdown, in both flavours, on any text: HTML comes out and nothing throws. */
class MarkdownFuzzIT {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final MarkdownRenderer COMMONMARK = new MarkdownRenderer(
            MarkdownOptions.fromConfig(Map.of("markdown", "CommonMark")));

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rendersAnyMarkdown(FuzzedDataProvider data) {
        MarkdownRenderer renderer = data.consumeBoolean() ? KRAMDOWN : COMMONMARK;
        String html = renderer.render(data.consumeRemainingAsString());
        if (html == null) {
            throw new AssertionError("no HTML");
        }
    }
}
