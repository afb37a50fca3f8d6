package org.sheaf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.sheaf.content.PermalinkFacts;
import org.sheaf.content.Permalinks;
import org.sheaf.output.OutputFile;
import org.sheaf.output.OutputPlan;

/**
 * Permalink expansion from any front matter and file name, then the output plan: every file the
 * plan keeps lies inside the destination, and every path it drops is reported.
 */
class PermalinkFuzzIT {
    private static final Path DESTINATION = Path.of("/srv/site/_site");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyOutputPathStaysInsideTheDestination(FuzzedDataProvider data) {
        String permalink = data.consumeBoolean() ? null : data.consumeString(80);
        String collectionPermalink = data.consumeBoolean() ? null : data.consumeString(40);
        String sitePermalink = data.pickValue(new String[] {"date", "pretty", "ordinal", "weekdate", "none", null,
                "/:categories/:title/", "/blog/:year/:slug:output_ext"});
        String slug = data.consumeBoolean() ? null : data.consumeString(30);
        String basename = data.consumeString(30);
        String dir = data.consumeString(30);
        String outputExt = data.pickValue(new String[] {".html", ".xml", ".css", "", ".htm", data.consumeString(6)});
        List<String> categories = List.of(data.consumeString(20), data.consumeString(20));
        ZonedDateTime date = ZonedDateTime.ofInstant(
                Instant.ofEpochSecond(data.consumeLong(-62_000_000_000L, 250_000_000_000L)), ZoneOffset.UTC);
        String collection = data.pickValue(new String[] {"posts", "notes", data.consumeString(10)});
        PermalinkFacts document = new PermalinkFacts(collection, date, slug, basename, dir,
                dir + "/" + basename, basename + ".md", categories, outputExt);
        PermalinkFacts page = new PermalinkFacts(null, null, null, basename, dir, null, basename + ".md",
                List.of(), outputExt);

        String documentUrl = Permalinks.documentUrl(permalink, collectionPermalink, sitePermalink, document);
        String pageUrl = Permalinks.pageUrl(permalink, sitePermalink, page);
        OutputPlan plan = new OutputPlan();
        plan.addBytes(Permalinks.outputPath(documentUrl, outputExt), new byte[0], "a.md");
        plan.addBytes(Permalinks.pageOutputPath(pageUrl, outputExt), new byte[0], "b.md");
        plan.addBytes(data.consumeRemainingAsString(), new byte[0], "c.md");

        List<OutputFile> files = plan.files();
        int reported = plan.problems().size();
        if (files.isEmpty() && reported == 0) {
            throw new AssertionError("every output vanished without a problem");
        }
        for (OutputFile file : files) {
            Path target = DESTINATION.resolve(file.path()).normalize();
            if (!target.startsWith(DESTINATION) || target.equals(DESTINATION)) {
                throw new AssertionError("output path " + file.path() + " resolves to " + target
                        + ", outside " + DESTINATION + " (urls " + documentUrl + ", " + pageUrl + ")");
            }
        }
    }
}
