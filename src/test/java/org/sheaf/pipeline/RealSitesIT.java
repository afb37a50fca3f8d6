package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheaf.config.ConfigLoader;
import org.sheaf.diag.Diagnostic;
import org.sheaf.testing.SassStylesheets;
import org.sheaf.testing.SiteDiff;
import org.sheaf.testing.SitemapTimes;

/**
 * The differential proof over real public Jekyll sites: each {@code src/test/resources/sites/real-*}
 * folder holds a copy of a site nobody here wrote ({@code site/}, with where each file came from in
 * {@code SOURCE.md}) and what Jekyll 4.3.1 built from it ({@code expected/}, written by
 * {@code scripts/jekyll-expected}). sheaf builds the copy and the two outputs are compared as
 * sitediff compares them. The copy's static files get the modification times Jekyll's sitemap
 * records ({@link SitemapTimes}), as the copy itself has others.
 *
 * <p>A Sass stylesheet must also be byte-identical to Jekyll's ({@link SassStylesheets}), where
 * sitediff compares CSS without white space.
 *
 * <p>What does not match yet is listed beside the fixture in {@code known-differences.txt}, one
 * output file a line, its path, two spaces and the reason. The test fails when a file that is not
 * listed differs, is missing or is extra, and also when a listed file has come to match, so the
 * list only ever says what is true. {@code -Dsheaf.rewriteKnownDifferences=true} rewrites each
 * list from the current build instead: reasons already written are kept, and a file that newly
 * differs is listed with where it first differs, to be replaced by the reason once known.
 */
class RealSitesIT {
    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final String LIST = "known-differences.txt";
    private static final boolean REWRITE = Boolean.getBoolean("sheaf.rewriteKnownDifferences");

    /**
     * {@code site.time} for every build: the day the expected outputs were written. The sites show
     * the year of {@code site.time}, and the post {@code jekyll new} wrote is dated that day, which
     * Jekyll published only because it was not in the future.
     */
    private static final Instant JEKYLL_RUN = Instant.parse("2026-12-05T13:00:00Z");

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> list = Files.list(SITES)) {
            return list.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("real-"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void buildsAsJekyllDidExceptForTheKnownDifferences(String fixture) throws IOException {
        Path root = SITES.resolve(fixture);
        Build build = build(root);
        SiteDiff.Result result = SiteDiff.compare(root.resolve("expected"), build.output(), List.of());
        System.out.println(fixture + ": " + figures(root.resolve("expected"), result)
                + (build.failure().isEmpty() ? "" : "; sheaf's build failed: " + build.failure()));

        SassStylesheets.Result stylesheets = SassStylesheets.compare(root.resolve("expected"), build.output());
        if (!stylesheets.identical().isEmpty() || !stylesheets.different().isEmpty()) {
            System.out.println(fixture + ": " + stylesheets.summary());
        }

        Map<String, String> known = read(root.resolve(LIST));
        Map<String, String> now = differences(result, build.failure());
        // CSS that is the same but for white space is not yet Jekyll's stylesheet
        for (String path : stylesheets.different()) {
            now.putIfAbsent(path, "Sass stylesheet not byte-identical (the same without white space)");
        }
        if (REWRITE) {
            write(root.resolve(LIST), now, known);
            return;
        }
        List<String> unlisted = now.keySet().stream().filter(path -> !known.containsKey(path))
                .map(path -> path + "  " + now.get(path)).toList();
        List<String> matching = known.keySet().stream().filter(path -> !now.containsKey(path)).toList();
        assertTrue(unlisted.isEmpty(), () -> fixture + ": sheaf's build differs from Jekyll's in files "
                + LIST + " does not list:\n" + String.join("\n", unlisted) + "\n" + result.report(10));
        assertEquals(List.of(), matching, fixture + ": these now build as Jekyll built them; remove them from " + LIST);
    }

    /** sheaf's output, or an empty folder and the first error when the build stops. */
    private record Build(Path output, String failure) {
    }

    private Build build(Path fixture) throws IOException {
        Path site = dir.resolve("site");
        FellowshipSiteTest.copyTree(fixture.resolve("site"), site);
        SitemapTimes.restore(fixture.resolve("expected/sitemap.xml"), site);
        BuildResult result = SiteBuilder.build(
                new BuildOptions(site, ConfigLoader.Overrides.none().withThemePaths(List.of(JekyllFixturesTest.THEMES)),
                        JEKYLL_RUN, "production"));
        if (result.ok()) {
            return new Build(TestSite.in(site).output(), "");
        }
        Path empty = Files.createDirectories(dir.resolve("no-output"));
        String first = result.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .map(Diagnostic::format).orElse("no error reported");
        return new Build(empty, first.lines().findFirst().orElse(first));
    }

    /** Every output file that is not equivalent, with what is wrong with it, by path. */
    private static Map<String, String> differences(SiteDiff.Result result, String failure) {
        Map<String, String> found = new TreeMap<>();
        String missing = failure.isEmpty() ? "missing: Jekyll writes it, sheaf does not"
                : "missing: sheaf's build stops: " + failure;
        result.missing().forEach(path -> found.put(path, missing));
        result.extra().forEach(path -> found.put(path, "extra: sheaf writes it, Jekyll does not"));
        for (SiteDiff.FileDifference d : result.different()) {
            found.put(d.path(), "differs at token " + d.at() + ": Jekyll " + shortened(d.expected())
                    + ", sheaf " + shortened(d.actual()));
        }
        return found;
    }

    private static String shortened(List<String> tokens) {
        String text = String.join(" | ", tokens).replaceAll("\\s+", " ");
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** "N of M HTML pages equivalent, N of M files equivalent". */
    private static String figures(Path expected, SiteDiff.Result result) throws IOException {
        List<String> pages;
        try (Stream<Path> walk = Files.walk(expected)) {
            pages = walk.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> expected.relativize(p).toString().replace('\\', '/')).toList();
        }
        long equivalentPages = pages.stream()
                .filter(path -> !result.missing().contains(path) && !result.isDifferent(path)).count();
        return equivalentPages + " of " + pages.size() + " HTML pages equivalent, " + result.equivalent() + " of "
                + result.total() + " files equivalent (missing " + result.missing().size() + ", extra "
                + result.extra().size() + ", different " + result.different().size() + ")";
    }

    private static Map<String, String> read(Path list) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(list)) {
            return entries;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int gap = line.indexOf("  ");
            if (gap < 0) {
                throw new AssertionError(list + ": a line is a path, two spaces and the reason: " + line);
            }
            entries.put(line.substring(0, gap), line.substring(gap).strip());
        }
        return entries;
    }

    private static void write(Path list, Map<String, String> now, Map<String, String> known) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Output files sheaf does not yet build as Jekyll did: path, two spaces, reason.");
        now.forEach((path, found) -> lines.add(path + "  " + known.getOrDefault(path, found)));
        Files.write(list, lines, StandardCharsets.UTF_8);
    }
}
