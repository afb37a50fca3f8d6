package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the fellowship's own site ({@code content/} with the real {@code templates/}) and checks
 * every page: a title, the layout's marker, no template syntax left in the text, and every
 * internal link and anchor resolving to a built file.
 */
class FellowshipSiteTest {
    @TempDir
    static Path dir;

    private static TestSite site;
    private static Map<String, String> files;
    private static String warnings;

    @BeforeAll
    static void buildTheRepositorySite() throws IOException {
        Path root = dir.resolve("repo");
        copyTree(Path.of("content"), root.resolve("content"));
        copyTree(Path.of("templates"), root.resolve("templates"));
        site = TestSite.in(root);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        warnings = TestSite.printed(result);
        files = site.outputFiles();
    }

    @Test
    void theSiteBuildsWithoutWarningsAccessibilityFaultsAmongThem() {
        assertEquals("", warnings);
    }

    @Test
    void theJobPostingLandsAtEnJobsInTheNakedPageLayout() {
        Document jobs = Jsoup.parse(site.read("en/jobs/index.html"));
        assertEquals("layout-naked-page", jobs.body().className());
        assertFalse(jobs.select("article.post-content h1, article.post-content h2, article.post-content h3").isEmpty());
    }

    @Test
    void everyNoteOfEveryKindHasItsPage() throws IOException {
        List<String> kinds;
        try (Stream<Path> list = Files.list(Path.of("content/_notes"))) {
            kinds = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertFalse(kinds.isEmpty());
        for (String kind : kinds) {
            List<String> built = files.keySet().stream()
                    .filter(p -> p.startsWith("notes/" + kind + "/") && p.endsWith(".html")).sorted().toList();
            assertEquals(notePages(kind), built, kind);
        }
    }

    @Test
    void growthModelsShowATableOfYearlyFigures() {
        files.keySet().stream().filter(p -> p.startsWith("notes/growth-models/") && p.endsWith(".html")).forEach(path -> {
            Document note = Jsoup.parse(site.read(path));
            assertFalse(note.select("table td").isEmpty(), path + " has no table");
        });
    }

    @Test
    void notesBuiltOutsideGitGiveOnlyTheirFrontMatterDate() {
        Document note = Jsoup.parse(site.read("notes/growth-models/training-program/index.html"));
        assertEquals("Published 1 December 2017.", note.expectFirst("p.provenance").text());
    }

    @Test
    void growthModelsDrawTheirFiguresAsChartsWithCsvBesideThem() throws IOException {
        List<String> models = files.keySet().stream()
                .filter(p -> p.startsWith("notes/growth-models/") && p.endsWith(".html")).sorted().toList();
        assertEquals(notePages("growth-models"), models);
        for (String path : models) {
            Document note = Jsoup.parse(site.read(path));
            assertFalse(note.select("figure.chart > svg[role=img] > title").isEmpty(), path + " has no chart");
            for (Element link : note.select("figure.chart a.chart-csv")) {
                String csv = link.attr("href").substring(1);
                assertTrue(files.containsKey(csv), path + " links to missing " + csv);
                assertTrue(site.read(csv).startsWith("year,"), csv);
            }
        }
    }

    @Test
    void everyNoteIsListedOnItsKindPageOnEachOfItsTagPagesAndInTheSearchIndex() {
        String search = site.read("search.json");
        files.keySet().stream().filter(p -> p.startsWith("notes/") && p.endsWith("/index.html") && p.split("/").length == 4).forEach(path -> {
            Document note = Jsoup.parse(site.read(path));
            String url = "/" + path.substring(0, path.length() - "index.html".length());
            String kind = note.expectFirst("article.note a.badge").attr("href");
            assertTrue(site.read(kind.substring(1) + "index.html").contains("href=\"" + url + "\""), path + " not on " + kind);
            for (Element tag : note.select("ul.tags a")) {
                String tagPage = site.read(tag.attr("href").substring(1) + "index.html");
                assertTrue(tagPage.contains("href=\"" + url + "\""), path + " not on " + tag.attr("href"));
            }
            assertTrue(search.contains("{\"url\":\"" + url + "\","), path + " not in search.json");
        });
        assertTrue(site.read("tags/index.html").contains("href=\"/tags/audit/\""));
    }

    @Test
    void everyPageCarriesTheSeoBlockAndTheFeedLinkAndTheFeedsExist() {
        for (String path : htmlPages()) {
            Document page = Jsoup.parse(site.read(path));
            assertEquals(1, page.select("head meta[property=og:title]").size(), path);
            assertEquals("https://example.org/feed.xml",
                    page.expectFirst("head link[type=application/atom+xml]").attr("href"), path);
        }
        assertTrue(site.exists("feed.xml") && site.exists("feed/notes.xml") && site.exists("sitemap.xml"));
    }

    @Test
    void theSearchPageLoadsTheIndexAndScriptsFromTheSiteItself() {
        Document page = Jsoup.parse(site.read("search/index.html"));
        assertEquals("/search.json", page.expectFirst("form[data-search-index]").attr("data-search-index"));
        assertEquals(List.of("/assets/js/lunr.min.js", "/assets/js/search.js"),
                page.select("script[src]").eachAttr("src"));
        assertTrue(site.exists("assets/js/lunr.min.js") && site.exists("assets/js/search.js"));
    }

    @Test
    void everyPageHasATitleAndALayoutMarker() {
        for (String path : htmlPages()) {
            Document page = Jsoup.parse(site.read(path));
            assertFalse(page.title().isBlank(), path + " has no <title>");
            assertTrue(page.body().className().startsWith("layout-"), path + " has no layout marker");
        }
    }

    @Test
    void noTemplateSyntaxIsLeftOutsideCode() {
        for (String path : htmlPages()) {
            Document page = Jsoup.parse(site.read(path));
            for (TextNode text : allText(page)) {
                if (text.parent() != null && text.parent().closest("pre, code") != null) {
                    continue;
                }
                String words = text.getWholeText();
                for (String marker : List.of("{{", "{%", "${", "<#", "[#")) {
                    assertFalse(words.contains(marker), path + " still has " + marker + " in: " + words.strip());
                }
            }
        }
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (String path : htmlPages()) {
            Document page = Jsoup.parse(site.read(path));
            for (Element link : page.select("a[href], link[href], img[src], script[src]")) {
                String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                if (target.isEmpty() || target.matches("^[a-z]+:.*") || target.startsWith("//")) {
                    continue;
                }
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String resolved = file.isEmpty() ? path : resolve(path, file);
                if (resolved == null) {
                    broken.add(path + " -> " + target);
                    continue;
                }
                if (!anchor.isEmpty() && Jsoup.parse(site.read(resolved)).getElementById(anchor) == null) {
                    broken.add(path + " -> " + target + " (no #" + anchor + ")");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyNoteShowsReuseCiteAndForkLinksAndPublishesItsSourceAndReferences() throws IOException {
        List<Path> notes;
        try (Stream<Path> walk = Files.walk(Path.of("content/_notes"))) {
            notes = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertFalse(notes.isEmpty());
        for (Path source : notes) {
            String relative = Path.of("content/_notes").relativize(source).toString().replace('\\', '/');
            String folder = "notes/" + relative.substring(0, relative.length() - 3) + "/";
            assertEquals(Files.readString(source, java.nio.charset.StandardCharsets.ISO_8859_1),
                    files.get(folder + "index.md"), folder + "index.md is not the source");
            for (String name : List.of("cite.bib", "cite.ris", "cite.json")) {
                assertTrue(files.containsKey(folder + name), folder + name + " is missing");
            }
            Document note = Jsoup.parse(site.read(folder + "index.html"));
            assertEquals("https://creativecommons.org/licenses/by-sa/4.0/", note.expectFirst("head link[rel=license]").attr("href"));
            assertFalse(note.select("meta[name=citation_title]").isEmpty(), folder);
            assertEquals("Cite this", note.expectFirst("section.cite h2").text());
            assertTrue(note.expectFirst("aside.reuse").text().startsWith(
                    "This work is licensed under Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)."));
            assertEquals("https://github.com/fellowship/open-revenue-research/edit/main/content/_notes/" + relative,
                    note.expectFirst("p.source-links a:contains(Edit on GitHub)").attr("href"));
        }
        assertTrue(files.get("CITATION.cff").contains("license: \"CC-BY-SA-4.0\"\n"));
    }

    @Test
    void theNotFoundPageHasTheSitesLayoutSearchAndLinksAndStaysOutOfTheSitemapAndSearch() {
        Document page = Jsoup.parse(files.get("404.html"));
        assertEquals("Page not found", page.expectFirst("main h1").text());
        assertEquals("/assets/css/site.css", page.expectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals("/search/", page.expectFirst("main form[role=search]").attr("action"));
        assertEquals(1, page.select("header .site-search").size());
        assertTrue(page.select("main a").eachAttr("href").containsAll(List.of("/", "/notes/", "/tags/", "/about/")));
        assertFalse(files.get("sitemap.xml").contains("404"));
        assertFalse(files.get("search.json").contains("Page not found"));
    }

    @Test
    void feedsAndTheSearchIndexHoldEachChartOnceAndNoStyleText() throws IOException {
        String feed = files.get("feed/notes.xml");
        long charts = htmlPages().stream().filter(path -> path.startsWith("notes/"))
                .mapToLong(path -> Jsoup.parse(files.get(path)).select("figure.chart").size()).sum();
        long chartTags = 0;
        try (Stream<Path> walk = Files.walk(Path.of("content/_notes"))) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
                chartTags += Files.readString(source).split("\\{% chart ", -1).length - 1;
            }
        }
        assertEquals(chartTags, charts, "a figure for every chart tag in the notes");
        assertEquals(charts, feed.split("<svg", -1).length - 1, "each chart of the notes once, wide");
        assertFalse(feed.contains("chart-svg-narrow"));
        assertFalse(files.get("search.json").contains("@media"));
    }

    @Test
    void theSitesCitationFileIsValidCitationFileFormat120() {
        assertEquals(List.of(), org.sheaf.testing.CffSchema.problems(files.get("CITATION.cff")));
    }

    @Test
    void relativeLinksBetweenNotesPointAtThePages() {
        Document note = Jsoup.parse(site.read("notes/audits/course-design/index.html"));
        assertEquals("/notes/growth-models/training-program/",
                note.expectFirst("a:contains(training program growth model)").attr("href"));
    }

    private static String resolve(String from, String href) {
        String absolute = href.startsWith("/") ? href
                : "/" + from.substring(0, from.lastIndexOf('/') + 1) + href;
        String path = java.net.URI.create(absolute).normalize().getPath().substring(1);
        for (String candidate : List.of(path, path + "index.html", path + "/index.html", path + ".html")) {
            if (files.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<TextNode> allText(Document page) {
        List<TextNode> nodes = new ArrayList<>();
        page.body().traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                nodes.add(text);
            }
        });
        return nodes;
    }

    private static List<String> htmlPages() {
        return files.keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    /** The pages the notes of one kind should have, from their sources: {@code /notes/:path/}. */
    private static List<String> notePages(String kind) throws IOException {
        Path folder = Path.of("content/_notes", kind);
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .map(name -> "notes/" + kind + "/" + name.substring(0, name.length() - 3) + "/index.html")
                    .sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
