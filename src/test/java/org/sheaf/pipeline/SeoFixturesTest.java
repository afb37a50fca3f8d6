package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code {% seo %}} block byte for byte as jekyll-seo-tag 2.8 writes it: each {@code seo-*}
 * fixture is one configuration (no {@code url}, {@code url} with a {@code baseurl}, a
 * {@code baseurl} of {@code /}, front matter defaults, pagination, Markdown in config text) over
 * the same pages (home, about, a page with an image, posts with string, hash, list and data-file
 * authors, a post without a title), and Jekyll 4.3.1's output is in its {@code expected/}.
 * {@link JekyllFixturesTest} compares the whole sites as sitediff does; this compares the blocks
 * exactly.
 */
class SeoFixturesTest {
    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final Pattern BLOCK = Pattern.compile("(?s)<!-- Begin Jekyll SEO tag.*?<!-- End Jekyll SEO tag -->");

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> list = Files.list(SITES)) {
            return list.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("seo-")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everySeoBlockIsThePluginsByteForByte(String fixture) throws IOException {
        Path expected = SITES.resolve(fixture).resolve("expected");
        Path site = dir.resolve(fixture);
        FellowshipSiteTest.copyTree(SITES.resolve(fixture).resolve("site"), site);
        Path output = TestSite.in(site).buildOk().output();

        List<Path> pages;
        try (Stream<Path> walk = Files.walk(expected)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertFalse(pages.isEmpty());
        for (Path page : pages) {
            String name = expected.relativize(page).toString();
            assertEquals(block(page), block(output.resolve(name)), fixture + ": " + name);
        }
    }

    private static String block(Path page) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
        return m.find() ? m.group() : "(no seo block)";
    }
}
