package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;

/** jekyll-seo-tag 2.8's rules, one at a time, on pages given as plain maps. */
class SeoTagTest {
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(MarkdownOptions.defaults());
    private static final SeoTag SEO = new SeoTag("https://example.org", "/research", "4.3.1", MARKDOWN::render, ZoneOffset.UTC);
    private static final Map<String, Object> SITE = Map.of("title", "Open Notes", "description", "Notes on revenue.",
            "url", "https://example.org", "baseurl", "/research");

    private static Map<String, Object> page(Object... pairs) {
        Map<String, Object> page = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            page.put((String) pairs[i], pairs[i + 1]);
        }
        return page;
    }

    private static String seo(Map<String, Object> page) {
        return SEO.render(page, SITE, Map.of(), "");
    }

    private static String first(String pattern, String text) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void titleJoinsPageTitleAndSiteTitle() {
        String block = seo(page("title", "About us", "url", "/about/"));
        assertEquals("About us | Open Notes", first("<title>(.*)</title>", block));
        assertEquals("About us", first("og:title\" content=\"([^\"]*)\"", block));
    }

    @Test
    void homePageTitleIsSiteTitleAndDescription() {
        String block = seo(page("url", "/"));
        assertEquals("Open Notes | Notes on revenue.", first("<title>(.*)</title>", block));
        assertEquals("Open Notes", first("og:title\" content=\"([^\"]*)\"", block));
    }

    @Test
    void taglineReplacesDescriptionInHomePageTitle() {
        Map<String, Object> site = new HashMap<>(SITE);
        site.put("tagline", "Fork it");
        String block = SEO.render(page("url", "/"), site, Map.of(), "");
        assertEquals("Open Notes | Fork it", first("<title>(.*)</title>", block));
    }

    @Test
    void titleGoesThroughMarkdownAndIsEscapedOnce() {
        String block = seo(page("title", "R&D \"plans\" &amp; *costs*", "url", "/x/"));
        assertEquals("R&amp;D “plans” &amp; costs | Open Notes", first("<title>(.*)</title>", block));
    }

    @Test
    void titleFalseLeavesOutTheTitleElementOnly() {
        String block = SEO.render(page("title", "About", "url", "/a/"), SITE, Map.of(), "title=false");
        assertFalse(block.contains("<title>"));
        assertTrue(block.contains("<meta property=\"og:title\" content=\"About\" />"));
    }

    @Test
    void laterPagesOfAListSayWhichPageInTheTitle() {
        String block = SEO.render(page("title", "Blog", "url", "/blog/page2/"), SITE,
                Map.of("page", 2, "total_pages", 5, "previous_page", 1, "previous_page_path", "/blog/"), "");
        assertEquals("Page 2 of 5 for Blog | Open Notes", first("<title>(.*)</title>", block));
        assertTrue(block.contains("<link rel=\"prev\" href=\"https://example.org/research/blog/\" />"));
    }

    @Test
    void descriptionIsThePagesOwnThenItsExcerptThenTheSites() {
        assertEquals("Own words.", first("name=\"description\" content=\"([^\"]*)\"",
                seo(page("description", "Own words.", "excerpt", "<p>Excerpt.</p>", "url", "/a/"))));
        assertEquals("Excerpt, with emphasis.", first("name=\"description\" content=\"([^\"]*)\"",
                seo(page("excerpt", "<p>Excerpt, <em>with</em>\n emphasis.</p>\n", "url", "/a/"))));
        assertEquals("Notes on revenue.", first("name=\"description\" content=\"([^\"]*)\"", seo(page("url", "/a/"))));
    }

    @Test
    void canonicalUrlIsAbsoluteUnderBaseurlWithoutIndexHtml() {
        String block = seo(page("title", "Notes", "url", "/notes/index.html"));
        assertTrue(block.contains("<link rel=\"canonical\" href=\"https://example.org/research/notes/\" />"));
        assertTrue(block.contains("<meta property=\"og:url\" content=\"https://example.org/research/notes/\" />"));
    }

    @Test
    void withoutSiteUrlThereIsNoCanonicalLink() {
        Map<String, Object> site = new HashMap<>(SITE);
        site.remove("url");
        assertFalse(new SeoTag("", "", "4.3.1", MARKDOWN::render, ZoneOffset.UTC).render(page("url", "/a/"), site, Map.of(), "")
                .contains("canonical"));
    }

    @Test
    void typeIsWebSiteForHomeAndAboutBlogPostingWhenDatedWebPageOtherwise() {
        ZonedDateTime date = ZonedDateTime.of(2017, 9, 4, 0, 0, 0, 0, ZoneOffset.UTC);
        assertTrue(seo(page("url", "/")).contains("\"@type\":\"WebSite\""));
        assertTrue(seo(page("url", "/about/")).contains("\"@type\":\"WebSite\""));
        String post = seo(page("url", "/2017/x/", "date", date, "title", "X"));
        assertTrue(post.contains("\"@type\":\"BlogPosting\""));
        assertTrue(post.contains("<meta property=\"og:type\" content=\"article\" />"));
        assertTrue(post.contains("<meta property=\"article:published_time\" content=\"2017-09-04T00:00:00+00:00\" />"));
        assertTrue(post.contains("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"https://example.org/research/2017/x/\"}"));
        assertTrue(seo(page("url", "/notes/")).contains("\"@type\":\"WebPage\""));
    }

    @Test
    void writesDatesInTheSitesZoneWhateverSiteTimeIs() {
        ZonedDateTime date = ZonedDateTime.of(2017, 9, 4, 0, 0, 0, 0, ZoneOffset.UTC);
        SeoTag inNewYork = new SeoTag("https://example.org", "", "4.3.1", MARKDOWN::render,
                java.time.ZoneId.of("America/New_York"));
        Map<String, Object> site = new HashMap<>(SITE);
        site.put("time", org.sheaf.jekyll.RubyTimeParser.parseWide("10000000-07-01 12:00", java.time.ZoneId.of("America/New_York"),
                date).orElseThrow());
        assertTrue(inNewYork.render(page("url", "/2017/x/", "date", date), site, Map.of(), "")
                .contains("<meta property=\"article:published_time\" content=\"2017-09-03T20:00:00-04:00\" />"));
    }

    @Test
    void authorComesFromSiteDataWhenNamedThere() {
        Map<String, Object> site = new HashMap<>(SITE);
        site.put("twitter", Map.of("username", "opennotes"));
        site.put("data", Map.of("authors", Map.of("ana", Map.of("name", "Ana Ruiz", "twitter", "@anaruiz"))));
        String block = SEO.render(page("author", "ana", "url", "/a/"), site, Map.of(), "");
        assertTrue(block.contains("<meta name=\"author\" content=\"Ana Ruiz\" />"));
        assertTrue(block.contains("<meta name=\"twitter:site\" content=\"@opennotes\" />"));
        assertTrue(block.contains("<meta name=\"twitter:creator\" content=\"@anaruiz\" />"));
        assertTrue(block.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}"));
    }

    @Test
    void imageMakesALargeCardWithAnAbsoluteUrl() {
        String block = seo(page("url", "/a/", "image", "/img/chart one.png"));
        assertTrue(block.contains("<meta property=\"og:image\" content=\"https://example.org/research/img/chart%20one.png\" />"));
        assertTrue(block.contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />"));
        assertTrue(block.contains("\"image\":\"https://example.org/research/img/chart%20one.png\""));
    }

    @Test
    void hostileValuesCannotLeaveTheirAttributeOrTheJsonLdScript() {
        String hostile = "</script><script>alert(1)</script>\" onload=\"x";
        Map<String, Object> site = new HashMap<>(SITE);
        site.put("author", "</script><img src=x>\"");
        String block = SEO.render(page("title", hostile, "url", "/a/", "description", hostile), site, Map.of(), "");
        String script = first("(?s)<script type=\"application/ld\\+json\">\n(.*)</script>", block);
        assertFalse(script.contains("</"), script);
        assertFalse(block.contains("\" onload"), block);
        assertTrue(block.contains("<meta name=\"author\" content=\"</script><img src=x>&quot;\" />"), block);
    }

    @Test
    void localeFollowsLangWithUnderscores() {
        assertTrue(seo(page("url", "/a/", "lang", "pt-BR")).contains("<meta property=\"og:locale\" content=\"pt_BR\" />"));
        assertTrue(seo(page("url", "/a/")).contains("<meta property=\"og:locale\" content=\"en_US\" />"));
    }

    @Test
    void socialLinksAppearOnTheHomePageOnly() {
        Map<String, Object> site = new HashMap<>(SITE);
        site.put("social", Map.of("name", "Open Org", "links", List.of("https://github.com/open")));
        String home = SEO.render(page("url", "/"), site, Map.of(), "");
        assertTrue(home.contains("\"name\":\"Open Org\""));
        assertTrue(home.contains("\"sameAs\":[\"https://github.com/open\"]"));
        assertFalse(SEO.render(page("url", "/a/"), site, Map.of(), "").contains("sameAs"));
    }
}
