package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.testing.HtmlTokens;
import org.sheaf.testing.SitemapTimes;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Jekyll 4.3.1 with jekyll-feed, jekyll-sitemap and jekyll-seo-tag 2.8.0 built the jekyll-compat
 * fixture into {@code expected/}; sheaf's build of the same source must produce the same feed,
 * sitemap, robots.txt, SEO block and feed link, compared as the sitediff tool compares them (XML
 * as trees, the HTML inside the feed and the SEO block as token streams, JSON-LD exactly).
 *
 * <p>Jekyll stamped its build time on the feed and on undated notes, and read {@code plain.html}'s
 * modification time into the sitemap; the build here runs at that same time and the copied file
 * gets that same modification time, so every value is computed, none is replaced.
 */
class JekyllPluginsFixtureTest {
    private static final Path FIXTURE = Path.of("src/test/resources/sites/jekyll-compat");
    private static final Pattern SEO_BLOCK = Pattern.compile("(?s)<!-- Begin Jekyll SEO tag.*?<!-- End Jekyll SEO tag -->");
    private static final Pattern JSON_LD = Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>");

    @TempDir
    static Path dir;
    static Path expected;
    static Path actual;

    @BeforeAll
    static void build() throws IOException {
        expected = FIXTURE.resolve("expected");
        Path root = dir.resolve("site");
        FellowshipSiteTest.copyTree(FIXTURE.resolve("site"), root);
        assertEquals(List.of("plain.html"), SitemapTimes.restore(expected.resolve("sitemap.xml"), root));
        Matcher updated = Pattern.compile("<updated>([^<]+)</updated>").matcher(read(expected.resolve("feed.xml")));
        assertTrue(updated.find());
        Instant buildTime = OffsetDateTime.parse(updated.group(1)).toInstant();

        BuildResult result = SiteBuilder.build(new BuildOptions(root, ConfigLoader.Overrides.none(), buildTime, "production"));
        assertTrue(result.ok(), () -> TestSite.printed(result));
        actual = root.resolve("_site");
    }

    @Test
    void feedMatchesJekyllFeedsAsXmlTrees() throws Exception {
        assertEquals(xmlTokens(read(expected.resolve("feed.xml"))), xmlTokens(read(actual.resolve("feed.xml"))));
    }

    @Test
    void sitemapMatchesJekyllSitemapsAsXmlTrees() throws Exception {
        assertEquals(xmlTokens(read(expected.resolve("sitemap.xml"))), xmlTokens(read(actual.resolve("sitemap.xml"))));
    }

    @Test
    void robotsTxtIsByteForByteJekyllSitemaps() throws IOException {
        assertEquals(read(expected.resolve("robots.txt")), read(actual.resolve("robots.txt")));
    }

    @Test
    void everyPagesSeoBlockAndFeedLinkMatchJekylls() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(expected)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> withoutBlock = new ArrayList<>();
        for (Path page : pages) {
            String relative = expected.relativize(page).toString();
            String want = read(page);
            String got = read(actual.resolve(relative));
            Matcher wantBlock = SEO_BLOCK.matcher(want);
            if (!wantBlock.find()) {
                assertFalse(SEO_BLOCK.matcher(got).find(), relative);
                withoutBlock.add(relative);
                continue;
            }
            Matcher gotBlock = SEO_BLOCK.matcher(got);
            assertTrue(gotBlock.find(), relative + " has no SEO block");
            assertNull(HtmlTokens.firstDifference(wantBlock.group(), gotBlock.group()), relative);
            assertEquals(jsonLd(wantBlock.group()), jsonLd(gotBlock.group()), relative);
            assertEquals(Jsoup.parse(want).select("link[type=application/atom+xml]").outerHtml(),
                    Jsoup.parse(got).select("link[type=application/atom+xml]").outerHtml(), relative);
        }
        assertEquals(List.of("plain.html"), withoutBlock);  // the one HTML file copied as it is
    }

    private static String jsonLd(String block) {
        Matcher m = JSON_LD.matcher(block);
        assertTrue(m.find());
        return m.group(1).strip();
    }

    /** An XML document as sitediff's tokens: elements with sorted attributes, text collapsed, HTML content as HTML tokens. */
    static List<String> xmlTokens(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        List<String> tokens = new ArrayList<>();
        walk(root, tokens);
        return tokens;
    }

    private static void walk(Element element, List<String> tokens) {
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node attr = attrs.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
                attributes.put(attr.getLocalName(), collapse(attr.getNodeValue()));
            }
        }
        StringBuilder start = new StringBuilder("<").append(element.getLocalName());
        attributes.forEach((k, v) -> start.append(' ').append(k).append("=\"").append(v).append('"'));
        tokens.add(start.append('>').toString());
        boolean html = "html".equals(element.getAttribute("type"));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, tokens);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (html) {
                    tokens.addAll(HtmlTokens.of(child.getNodeValue()));
                } else if (!collapse(child.getNodeValue()).isEmpty()) {
                    tokens.add("#text " + collapse(child.getNodeValue()));
                }
            }
        }
        tokens.add("</" + element.getLocalName() + ">");
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
