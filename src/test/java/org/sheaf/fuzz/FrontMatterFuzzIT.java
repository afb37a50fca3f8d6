package org.sheaf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.sheaf.config.YamlParser;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;
import org.sheaf.source.SourceText;

/**
 * Front matter splitting and YAML parsing on any text: a value or a positioned diagnostic.
 * Seeds live in {@code src/test/resources/org/sheaf/fuzz/FrontMatterFuzzTestInputs/<method>/}.
 */
class FrontMatterFuzzIT {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void splitsAnyFileIntoFrontMatterAndBodyOrReportsWhere(byte[] input) {
        String text;
        try {
            text = SourceText.decode(input, "page.md");
        } catch (DiagnosticException e) {
            FuzzOutcomes.assertPositioned(e, "page.md", new String(input, StandardCharsets.UTF_8), 1);
            return;
        }
        try {
            FrontMatter parsed = FrontMatterParser.parse(text, "page.md", ZONE);
            if (!text.endsWith(parsed.body())) {
                throw new AssertionError("body is not the end of the file: " + parsed.body());
            }
            if (parsed.bodyLine() < 1) {
                throw new AssertionError("body line " + parsed.bodyLine());
            }
        } catch (DiagnosticException e) {
            FuzzOutcomes.assertPositioned(e, "page.md", text, 1);
        }
        // Raw bytes as the scanner sees them: decoding must report or replace, never throw.
        FrontMatterParser.hasFrontMatter(input);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parsesAnyYamlOrReportsWhere(FuzzedDataProvider data) {
        int firstLine = data.consumeInt(1, 50);
        String text = data.consumeRemainingAsString();
        try {
            YamlParser.parse(text, "_data/x.yml", firstLine, ZONE, "data file", 64 * 1024);
        } catch (DiagnosticException e) {
            FuzzOutcomes.assertPositioned(e, "_data/x.yml", text, firstLine);
        }
    }
}
