package org.sheaf.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sheaf.jekyll.PostName;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Derives the URL and output file of every document and page of the jekyll-compat fixture (built by
 * Jekyll 4.3.1) from the facts of each file, and checks them against the files Jekyll wrote.
 */
class PermalinksFixtureTest {
    private static Path site;
    private static Map<String, Object> config;
    private static TreeSet<String> expectedFiles;
    /** Output path by source path, for every file that has front matter and is published. */
    private static final TreeMap<String, String> outputs = new TreeMap<>();
    private static final TreeMap<String, String> urls = new TreeMap<>();
    private static final TreeSet<String> staticFiles = new TreeSet<>();

    @BeforeAll
    static void buildTheFixture() throws IOException, URISyntaxException {
        Path root = Path.of(PermalinksFixtureTest.class.getResource("/sites/jekyll-compat").toURI());
        site = root.resolve("site");
        config = yaml(Files.readString(site.resolve("_config.yml")));
        Path expected = root.resolve("expected");
        try (Stream<Path> files = Files.walk(expected)) {
            expectedFiles = files.filter(Files::isRegularFile)
                    .map(file -> expected.relativize(file).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
        @SuppressWarnings("unchecked")
        List<String> exclude = (List<String>) config.get("exclude");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = site.relativize(file).toString().replace('\\', '/');
                if (exclude.contains(rel) || rel.equals("_config.yml") || isHiddenFromOutput(rel)) {
                    continue;
                }
                read(rel, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private static boolean isHiddenFromOutput(String rel) {
        return Arrays.stream(rel.split("/")).anyMatch(
                s -> s.startsWith("_") && !s.equals("_posts") && !s.equals("_notes"));
    }

    private static void read(String rel, String text) {
        if (!text.startsWith("---\n")) {
            staticFiles.add(rel);
            return;
        }
        int end = text.indexOf("\n---", 3);
        Map<String, Object> frontMatter = yaml(text.substring(4, end + 1));
        if (Boolean.FALSE.equals(frontMatter.get("published"))) {
            return;
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String ext = name.substring(name.lastIndexOf('.'));
        String basename = name.substring(0, name.lastIndexOf('.'));
        String outputExt = switch (ext) {
            case ".md" -> ".html";
            case ".scss" -> ".css";
            default -> ext;
        };
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        String permalink = (String) frontMatter.get("permalink");
        String sitePermalink = (String) config.get("permalink");
        ZoneId zone = ZoneId.of((String) config.get("timezone"));
        String url;
        if (rel.contains("_posts/")) {
            PostName post = PostName.parse(name).orElseThrow();
            ZonedDateTime date = post.date().atStartOfDay(zone);
            if (date.isAfter(ZonedDateTime.now(zone))) {
                return;
            }
            List<String> categories = new ArrayList<>();
            String above = rel.substring(0, rel.indexOf("_posts/"));
            Arrays.stream(above.split("/")).filter(s -> !s.isEmpty()).forEach(categories::add);
            Object fm = frontMatter.get("categories");
            if (fm instanceof String s) {
                categories.addAll(Arrays.asList(s.trim().split("\\s+")));
            } else if (fm instanceof List<?> list) {
                list.forEach(c -> categories.add(String.valueOf(c)));
            }
            PermalinkFacts facts = new PermalinkFacts("posts", date, (String) frontMatter.get("slug"), post.slug(), "",
                    name.substring(0, name.lastIndexOf('.')), name, categories, outputExt);
            url = Permalinks.documentUrl(permalink, collectionPermalink("posts"), sitePermalink, facts);
        } else if (rel.startsWith("_notes/")) {
            String inCollection = rel.substring("_notes/".length(), rel.lastIndexOf('.'));
            String folder = inCollection.contains("/") ? inCollection.substring(0, inCollection.lastIndexOf('/')) : "";
            PermalinkFacts facts = new PermalinkFacts("notes", null, (String) frontMatter.get("slug"), basename, folder,
                    inCollection, name, List.of(), outputExt);
            url = Permalinks.documentUrl(permalink, collectionPermalink("notes"), sitePermalink, facts);
        } else {
            PermalinkFacts facts = new PermalinkFacts(null, null, null, basename, dir, null, name, List.of(), outputExt);
            url = Permalinks.pageUrl(permalink, sitePermalink, facts);
            outputs.put(rel, Permalinks.pageOutputPath(url, outputExt));
            urls.put(rel, url);
            return;
        }
        outputs.put(rel, Permalinks.outputPath(url, outputExt));
        urls.put(rel, url);
    }

    @SuppressWarnings("unchecked")
    private static String collectionPermalink(String label) {
        Map<String, Object> collections = (Map<String, Object>) config.get("collections");
        Object collection = collections.get(label);
        return collection instanceof Map<?, ?> m ? (String) m.get("permalink") : null;
    }

    private static Map<String, Object> yaml(String text) {
        Map<String, Object> map = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return map == null ? Map.of() : map;
    }

    @Test
    void everyDocumentAndPageLandsWhereJekyllWroteIt() {
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            assertTrue(expectedFiles.contains(e.getValue()), e.getKey() + " -> " + e.getValue());
        }
    }

    @Test
    void documentsPagesAndStaticFilesAccountForEveryOutputButThePlugins() {
        TreeSet<String> ours = new TreeSet<>(outputs.values());
        ours.addAll(staticFiles);
        TreeSet<String> jekylls = new TreeSet<>(expectedFiles);
        // written by jekyll-feed, jekyll-sitemap and the Sass converter's source map
        jekylls.removeAll(List.of("feed.xml", "sitemap.xml", "robots.txt", "assets/css/print.css.map"));
        assertEquals(jekylls, ours);
    }

    @Test
    void postCategoriesComeFromFrontMatterAndFolders() {
        assertEquals("/news/2017/09/04/fellowship-begins/", urls.get("_posts/2017-09-04-fellowship-begins.md"));
        assertEquals("news/2017/09/04/fellowship-begins/index.html",
                outputs.get("_posts/2017-09-04-fellowship-begins.md"));
        assertEquals("/research/2017/10/02/library-budgets/", urls.get("research/_posts/2017-10-02-library-budgets.md"));
    }

    @Test
    void notesUseTheCollectionPermalink() {
        assertEquals("/notes/growth-models/memberships/", urls.get("_notes/growth-models/memberships.md"));
    }

    @Test
    void pagesFollowPrettyIndexAndTheirOwnPermalinks() {
        assertEquals("/", urls.get("index.md"));
        assertEquals("/blog/", urls.get("blog.html"));
        assertEquals("/en/jobs/", urls.get("en/jobs.md"));
        assertEquals("/404.html", urls.get("404.html"));
        assertEquals("/assets/css/print.css", urls.get("assets/css/print.scss"));
    }

    @Test
    void fixtureDefaultsGiveLayoutsKindsAndLanguage() {
        @SuppressWarnings("unchecked")
        Defaults defaults = new Defaults((List<Object>) config.get("defaults"));
        assertEquals(List.of(), defaults.problems());
        assertEquals(Map.of("layout", "post", "author", "Fellowship team"),
                defaults.valuesFor("_posts/2017-09-04-fellowship-begins.md", "posts"));
        assertEquals(Map.of("layout", "note", "kind", "growth-model"),
                defaults.valuesFor("_notes/growth-models/memberships.md", "notes"));
        assertEquals(Map.of("layout", "note"), defaults.valuesFor("_notes/audits/existing-services.md", "notes"));
        assertEquals(Map.of("lang", "en"), defaults.valuesFor("en/jobs.md", "pages"));
        assertEquals(Map.of(), defaults.valuesFor("about.md", "pages"));
        assertEquals(Optional.of("audit"), Optional.ofNullable(defaults.applyTo(
                Map.of("kind", "audit"), "_notes/growth-models/memberships.md", "notes").get("kind")));
    }
}
