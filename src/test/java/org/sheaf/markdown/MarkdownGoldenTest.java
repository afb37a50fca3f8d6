package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheaf.testing.HtmlTokens;
import org.sheaf.testing.JekyllContent;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Pages of the jekyll-compat fixture site: the Markdown after Liquid, and the HTML Jekyll 4.3.1
 * (kramdown, GFM input) wrote for it, compared the way sitediff compares HTML. The expected HTML
 * is read out of Jekyll's own pages in {@code sites/jekyll-compat/expected}: the part of each
 * page its layout filled with {@code content}.
 *
 * <p>Also every Markdown page without Liquid of the fixtures written one construct per page
 * ({@link #CONSTRUCT_FIXTURES}), whose layout is {@code content} alone, rendered with the options
 * their own {@code _config.yml} gives and compared with the page Jekyll wrote.
 */
class MarkdownGoldenTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    /** Fixtures of one Markdown construct per page, each page laid out as its content alone. */
    static final List<String> CONSTRUCT_FIXTURES = List.of("kramdown", "highlighter-none", "highlighter-false",
            "commonmark", "commonmark-options", "commonmark-smart");

    @ParameterizedTest
    @CsvSource({
        "jobs, en/jobs/index.html",
        "about, about/index.html",
        "existing-services, notes/audits/existing-services/index.html",
        "memberships, notes/growth-models/memberships/index.html",
        "program-budgets, notes/library-findings/program-budgets/index.html",
        "fellowship, notes/job-postings/fellowship/index.html",
        "fellowship-begins, news/2017/09/04/fellowship-begins/index.html",
        "auditing-services, news/2017/09/18/auditing-services/index.html",
        "library-budgets, research/2017/10/02/library-budgets/index.html"})
    void rendersFixturePageAsJekyllDid(String name, String jekyllPage) throws IOException {
        String markdown = withoutFrontMatter(resource(name + ".md"));
        String expected = JekyllContent.of(jekyllPage);
        String actual = RENDERER.render(markdown);
        String difference = HtmlTokens.firstDifference(expected, actual);
        assertNull(difference, () -> name + ": " + difference + "\n--- rendered:\n" + actual);
    }

    static Stream<Arguments> constructPages() throws IOException {
        List<Arguments> pages = new ArrayList<>();
        for (String fixture : CONSTRUCT_FIXTURES) {
            try (Stream<Path> files = Files.list(SITES.resolve(fixture).resolve("site"))) {
                for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    if (!Files.readString(page).contains("{%")) {
                        pages.add(Arguments.of(fixture, page.getFileName().toString()));
                    }
                }
            }
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("constructPages")
    void rendersConstructAsJekyllDid(String fixture, String page) throws IOException {
        Path site = SITES.resolve(fixture).resolve("site");
        Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(site.resolve("_config.yml")));
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(config));
        String markdown = withoutFrontMatter(Files.readString(site.resolve(page)));
        String expected = Files.readString(SITES.resolve(fixture).resolve("expected")
                .resolve(page.replaceFirst("\\.md$", ".html")));
        String actual = renderer.render(markdown);
        String difference = HtmlTokens.firstDifference(expected, actual);
        assertNull(difference, () -> page + ": " + difference + "\n--- rendered:\n" + actual);
    }

    /**
     * The comments of each construct page, which the token comparison above drops: kramdown's
     * {@code {::comment}} blocks and HTML comments, each written as Jekyll wrote it.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("constructPages")
    void writesTheCommentsJekyllDid(String fixture, String page) throws IOException {
        Path site = SITES.resolve(fixture).resolve("site");
        Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(site.resolve("_config.yml")));
        MarkdownRenderer renderer = new MarkdownRenderer(MarkdownOptions.fromConfig(config));
        String expected = Files.readString(SITES.resolve(fixture).resolve("expected")
                .resolve(page.replaceFirst("\\.md$", ".html")));
        String actual = renderer.render(withoutFrontMatter(Files.readString(site.resolve(page))));
        assertEquals(comments(expected), comments(actual), () -> page + "\n--- rendered:\n" + actual);
    }

    private static List<String> comments(String html) {
        List<String> comments = new ArrayList<>();
        Matcher comment = COMMENT.matcher(html);
        while (comment.find()) {
            comments.add(comment.group());
        }
        return comments;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MarkdownGoldenTest.class.getResourceAsStream("/markdown/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource markdown/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String withoutFrontMatter(String text) {
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---\n", 3);
        // Jekyll's front matter takes the blank lines after its closing dashes too
        return end < 0 ? text : text.substring(end + 5).replaceFirst("\\A(?:[^\\S\\n]*\\n)+", "");
    }
}
