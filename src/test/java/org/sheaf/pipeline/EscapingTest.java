package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Values a stranger writes in front matter reach every file sheaf writes itself (meta tags,
 * JSON-LD, feeds, sitemap, search index, citations) as data, never as markup: each file still
 * parses, and no element of the value survives as an element. Where the Jekyll plugins transform
 * a title (jekyll-seo-tag and jekyll-feed smartify it and strip tags), sheaf does the same.
 */
class EscapingTest {
    private static final String HOSTILE = "A \"quoted\" </script><script>alert(1)</script> & <img src=x onerror=alert(2)> ]]> \u2028 end";

    @TempDir
    static Path dir;

    private static TestSite site;

    @BeforeAll
    static void buildASiteWithHostileFrontMatter() {
        String yamlValue = "\"" + HOSTILE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u2028", "\\u2028") + "\"";
        site = TestSite.in(dir.resolve("site"))
                .file("content/_config.yml", """
                        title: Research
                        url: https://example.org
                        timezone: UTC
                        author: Team
                        license: CC-BY-4.0
                        plugins: [jekyll-feed, jekyll-sitemap, jekyll-seo-tag]
                        search: true
                        """)
                .file("templates/post.ftlh", "<html><head>${seo()}${citation_meta()}</head><body>${content}</body></html>\n")
                .file("templates/search.ftlh", "<html><body>${content}</body></html>\n")
                .file("content/_posts/2017-09-04-hostile.md", "---\nlayout: post\ntitle: " + yamlValue
                        + "\ndescription: " + yamlValue + "\nauthor: " + yamlValue + "\ntags: [" + yamlValue + "]\n---\n"
                        + "Body text.\n")
                .buildOk();
    }

    @Test
    void metaTagsAndJsonLdKeepTheValueAsData() {
        Document page = Jsoup.parse(site.read("2017/09/04/hostile.html"));
        assertEquals(1, page.select("script").size(), "only the JSON-LD script may exist");
        Element jsonLd = page.expectFirst("script[type=application/ld+json]");
        assertFalse(jsonLd.data().contains("</script"), jsonLd.data());
        assertTrue(page.select("img").isEmpty(), "an <img> escaped into the page");
        String ogTitle = page.expectFirst("meta[property=og:title]").attr("content");
        // kramdown writes the </script> that closes nothing as text, and the <img> it reads as no
        // tag (a bare value that is not a word), as Jekyll's og:title keeps them
        assertEquals("A \u201cquoted\u201d </script> & <img src=x onerror=alert(2)> ]]> \u2028 end".replaceAll("\\s+", " "),
                ogTitle.replaceAll("\\s+", " "));
        assertEquals(HOSTILE.replaceAll("(?U)\\s+", " "),
                page.expectFirst("meta[name=citation_title]").attr("content").replaceAll("(?U)\\s+", " "));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> data = (java.util.Map<String, Object>) new Yaml().load(jsonLd.data());
        // jekyll-seo-tag escapes the headline once (escape_once) before it goes into JSON
        assertEquals(ogTitle, Jsoup.parseBodyFragment((String) data.get("headline")).body().text());
    }

    @Test
    void feedAndSitemapStayWellFormedXml() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(site.output().resolve("feed.xml").toFile());
        var titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        Document entryTitle = Jsoup.parseBodyFragment(titles.item(1).getTextContent());
        assertEquals(0, entryTitle.body().children().size(), "markup in the feed entry's title (type=html)");
        // smartify reads the <script> element as HTML and strip_html then drops it with its content,
        // as in Jekyll's feed; the </script> that closes nothing and the <img> that is no tag stay text
        assertEquals("A \u201cquoted\u201d </script> & <img src=x onerror=alert(2)> ]]> end",
                entryTitle.body().text().replaceAll("(?U)\\s+", " "));
        factory.newDocumentBuilder().parse(site.output().resolve("sitemap.xml").toFile());
    }

    @Test
    void searchIndexAndCitationsParseBackToTheValue() throws IOException {
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> index = (List<java.util.Map<String, Object>>) new Yaml().load(
                site.read("search.json").replace("\t", " "));
        assertEquals(HOSTILE, index.get(0).get("title"));
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> csl = (List<java.util.Map<String, Object>>) new Yaml().load(
                site.read("2017/09/04/hostile.cite.json").replace("\t", " "));
        assertEquals(HOSTILE, csl.get(0).get("title"));
        assertTrue(site.read("2017/09/04/hostile.cite.bib").contains("title"));
    }
}
