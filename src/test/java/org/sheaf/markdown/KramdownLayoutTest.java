package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The kramdown fixture's pages byte for byte: the blank lines and indentation kramdown's HTML
 * converter writes, which {@link MarkdownGoldenTest}'s token comparison does not see, show in
 * filters that keep whitespace ({@code strip_html}, {@code jsonify}, excerpts). Pages that do
 * not match yet are listed in {@link #DIFFERENT} with the reason; a listed page that starts to
 * match fails too, so the list only ever says what is true.
 */
class KramdownLayoutTest {
    private static final Path FIXTURE = Path.of("src/test/resources/sites/kramdown");

    /** Pages whose HTML still differs from kramdown's in whitespace, and why. */
    private static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("blocks", "no indentation inside containers"),
            Map.entry("corpus-quotes", "no indentation inside containers"),
            Map.entry("corpus", "no indentation inside containers"),
            Map.entry("definitions-after-text", "no indentation inside containers"),
            Map.entry("emphasis", "no indentation inside containers"),
            Map.entry("end-of-block", "no indentation inside containers"),
            Map.entry("extensions-containers", "no indentation inside containers"),
            Map.entry("extensions-lazy", "no indentation inside containers"),
            Map.entry("extensions", "no indentation inside containers"),
            Map.entry("fences-indented", "no indentation inside containers"),
            Map.entry("fences-shorter", "no indentation inside containers"),
            Map.entry("fences-unclosed", "no indentation inside containers"),
            Map.entry("heading-ids", "no indentation inside containers"),
            Map.entry("html-blocks", "no indentation inside containers"),
            Map.entry("html-elements", "no indentation inside containers"),
            Map.entry("html-markdown-inside", "no indentation inside containers"),
            Map.entry("html-stray-close", "no indentation inside containers"),
            Map.entry("html-trailing-text", "no indentation inside containers"),
            Map.entry("html-unclosed", "no indentation inside containers"),
            Map.entry("inline-html", "no indentation inside containers"),
            Map.entry("lazy-headings", "no indentation inside containers"),
            Map.entry("lazy-item-blocks", "no indentation inside containers"),
            Map.entry("lazy-quote-blocks", "no indentation inside containers"),
            Map.entry("lazy-quotes-nested", "no indentation inside containers"),
            Map.entry("lazy-quotes", "no indentation inside containers"),
            Map.entry("lazy-rules", "no indentation inside containers"),
            Map.entry("lists-lazy-nesting", "no indentation inside containers"),
            Map.entry("lists", "no indentation inside containers"),
            Map.entry("math", "no indentation inside containers"),
            Map.entry("nesting", "no indentation inside containers"),
            Map.entry("nesting2", "no indentation inside containers"),
            Map.entry("pipe-rows", "no indentation inside containers"),
            Map.entry("setext-boundary", "no indentation inside containers"),
            Map.entry("setext-lines", "no indentation inside containers"),
            Map.entry("spans", "no indentation inside containers"),
            Map.entry("table-leading-separator", "no indentation inside containers"),
            Map.entry("tasks", "no indentation inside containers"));

    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURE.resolve("site"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md"))
                    .map(f -> f.substring(0, f.length() - 3)).sorted().toList().stream()
                    .filter(page -> !liquid(page));
        }
    }

    /** Pages with Liquid tags, which Jekyll renders before kramdown sees the page. */
    private static boolean liquid(String page) {
        try {
            return Files.readString(FIXTURE.resolve("site").resolve(page + ".md")).contains("{%");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void writesTheWhitespaceKramdownWrote(String page) throws IOException {
        Path site = FIXTURE.resolve("site");
        Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(site.resolve("_config.yml")));
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(config));
        String expected = Files.readString(FIXTURE.resolve("expected").resolve(page + ".html"));
        String actual = renderer.render(MarkdownGoldenTest.withoutFrontMatter(Files.readString(site.resolve(page + ".md"))));
        if (DIFFERENT.containsKey(page)) {
            assertNotEquals(expected, actual, () -> page + " now matches kramdown byte for byte: take it off the list");
        } else {
            assertEquals(expected, actual, page);
        }
    }
}
