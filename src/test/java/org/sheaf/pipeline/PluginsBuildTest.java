package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in plugins in whole builds: switched on by {@code plugins:}, and giving way to the site's own files. */
class PluginsBuildTest {
    @TempDir
    Path dir;

    private static final String CONFIG = "title: Notes\nurl: https://example.org\nbaseurl: /r\ntimezone: UTC\n";
    private static final String ALL = "plugins: [jekyll-feed, jekyll-sitemap, jekyll-seo-tag]\n";

    private static List<String> all(String pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private TestSite withPosts(int count) {
        TestSite site = TestSite.in(dir);
        for (int day = 1; day <= count; day++) {
            String date = String.format("2019-03-%02d", day);
            site.file("_posts/" + date + "-post-" + day + ".md", "---\ntitle: Post " + day + "\n---\nBody " + day + ".\n");
        }
        return site;
    }

    @Test
    void withoutPluginsListedNothingIsGenerated() {
        TestSite site = withPosts(1).file("_config.yml", CONFIG).file("index.md", "---\n---\nHi\n").buildOk();
        assertEquals(List.of("2019/03/01/post-1.html", "index.html"), site.outputPaths());
    }

    @Test
    void seoTagIsUnknownUnlessItsPluginIsListed() {
        BuildResult result = TestSite.in(dir).file("_config.yml", CONFIG)
                .file("index.html", "---\n---\n{% seo %}\n").build();
        assertFalse(result.ok());
        assertTrue(TestSite.printed(result).startsWith("index.html:3:"), TestSite.printed(result));
    }

    /** jekyll-gist fetches the gist's code for a {@code <noscript>} copy unless noscript is false; a build reaches no network. */
    @Test
    void aGistIsItsScriptTagAloneEvenWithoutNoscriptFalse() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "plugins: [jekyll-gist]\n")
                .file("index.html", "---\n---\n{% gist parkr/931c1c8d465a04042403 best.md %}\n").buildOk();
        assertEquals("<script src=\"https://gist.github.com/parkr/931c1c8d465a04042403.js?file=best.md\"> </script>\n",
                site.read("index.html"));
    }

    @Test
    void olderGemsKeySwitchesPluginsOnToo() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "gems: [jekyll-sitemap]\n")
                .file("index.md", "---\n---\nHi\n").buildOk();
        assertEquals(List.of("index.html", "robots.txt", "sitemap.xml"), site.outputPaths());
        assertEquals("Sitemap: https://example.org/r/sitemap.xml\n", site.read("robots.txt"));
    }

    @Test
    void unknownPluginIsAWarningAtItsConfigLine() {
        BuildResult result = TestSite.in(dir).file("_config.yml", CONFIG + "plugins:\n  - jekyll-feed\n  - jekyll-coffeescript\n")
                .file("index.md", "---\n---\nHi\n").build();
        assertTrue(result.ok());
        assertEquals("_config.yml:7:5: warning: plugin \"jekyll-coffeescript\" is not built into sheaf; ignored\n"
                + "    hint: built in: jekyll-archives, jekyll-avatar, jekyll-default-layout, jekyll-feed, jekyll-gist, jekyll-github-metadata, "
                + "jekyll-include-cache, jekyll-mentions, jekyll-optional-front-matter, jekyll-paginate, jekyll-readme-index, "
                + "jekyll-redirect-from, jekyll-relative-links, jekyll-seo-tag, jekyll-sitemap, jekyll-titles-from-headings", TestSite.printed(result));
    }

    @Test
    void archiveKindWithoutAUrlTemplateIsAnErrorAtItsSetting() {
        BuildResult result = withPosts(1).file("_config.yml", CONFIG + "plugins: [jekyll-archives]\n"
                        + "jekyll-archives:\n  enabled: all\n  permalinks:\n    year: [a]\n")
                .file("_layouts/archive.html", "{{ page.type }}\n").build();
        assertFalse(result.ok());
        assertEquals("_config.yml:9:5: error: jekyll-archives has no URL template for year archives\n"
                + "    hint: the plugin's own: jekyll-archives: {permalinks: {year: /:year/}}", TestSite.printed(result));
    }

    @Test
    void missingArchiveLayoutIsAnErrorAtThePluginsSettings() {
        BuildResult result = withPosts(1).file("_config.yml", CONFIG + "plugins: [jekyll-archives]\n"
                + "jekyll-archives: {enabled: [year]}\n").build();
        assertFalse(result.ok());
        assertTrue(TestSite.printed(result).startsWith("_config.yml:6:1: error: layout \"archive\" not found"),
                TestSite.printed(result));
    }

    /** Klisé lists the Sass converter Jekyll always has; sheaf compiles Sass itself, so listing it is no fault. */
    @Test
    void listingTheSassConverterIsNoWarning() {
        BuildResult result = TestSite.in(dir).file("_config.yml", CONFIG + "plugins:\n  - jekyll-sass-converter\n")
                .file("index.md", "---\n---\nHi\n").build();
        assertTrue(result.ok());
        assertEquals("", TestSite.printed(result));
    }

    @Test
    void rubyPluginFilesAreWarnedOfOutsideSafeMode() {
        String plugin = "class Hi < Liquid::Tag\n  def render(context) = 'hi'\nend\n";
        BuildResult result = TestSite.in(dir).file("_config.yml", CONFIG)
                .file("_plugins/hi.rb", plugin).file("_plugins/nested/b.rb", plugin).file("_plugins/notes.txt", "x")
                .file("index.md", "---\n---\nHi\n").build();
        assertTrue(result.ok());
        String printed = TestSite.printed(result);
        assertEquals(List.of("_plugins/hi.rb", "_plugins/nested/b.rb"), all("(?m)^(\\S+): warning: Ruby plugin not run", printed), printed);

        BuildResult safe = TestSite.in(dir).file("_config.yml", CONFIG + "safe: true\n").build();
        assertEquals("", TestSite.printed(safe));
        BuildResult moved = TestSite.in(dir).file("_config.yml", CONFIG + "plugins_dir: [lib]\n").file("lib/c.rb", plugin).build();
        assertEquals(List.of("lib/c.rb"), all("(?m)^(\\S+): warning: Ruby plugin", TestSite.printed(moved)));
    }

    @Test
    void feedHoldsTheTenNewestPostsNewestFirst() {
        TestSite site = withPosts(12).file("_config.yml", CONFIG + ALL).buildOk();
        String feed = site.read("feed.xml");
        assertEquals(List.of("Post 12", "Post 11", "Post 10", "Post 9", "Post 8", "Post 7", "Post 6", "Post 5",
                "Post 4", "Post 3"), all("<entry><title type=\"html\">([^<]*)</title>", feed));
        assertTrue(feed.contains("<content type=\"html\" xml:base=\"https://example.org/r/2019/03/12/post-12.html\">"
                + "<![CDATA[<p>Body 12.</p>]]></content>"));
        assertTrue(feed.contains("<id>https://example.org/r/2019/03/12/post-12</id>"));
    }

    @Test
    void feedWritesAnAuthorWithoutANameAsRubyWritesTheValue() {
        // jekyll-feed's template: {{ author.name | default: author | xml_escape }}, and xml_escape
        // reads a hash or an array as Ruby's to_s (Jekyll 4.3.1, jekyll-feed 0.17)
        TestSite site = TestSite.in(dir)
                .file("_config.yml", CONFIG + ALL + "author:\n  name:\n  twitter: jd\n")
                .file("_posts/2019-01-01-a.md", "---\ntitle: A\nauthor: [Ann, Bo]\n---\nA\n")
                .file("_posts/2019-01-02-b.md", "---\ntitle: B\nauthor: {email: b@x.org}\n---\nB\n")
                .buildOk();
        assertEquals(List.of("{&quot;name&quot;=&gt;nil, &quot;twitter&quot;=&gt;&quot;jd&quot;}",
                        "{&quot;email&quot;=&gt;&quot;b@x.org&quot;}", "[&quot;Ann&quot;, &quot;Bo&quot;]"),
                all("<author><name>([^<]*)</name>", site.read("feed.xml")));
    }

    @Test
    void feedImageGivenAsAHashWithoutAPathIsThatHashAsRubyWritesIt() {
        // jekyll-feed's {% assign post_image = post.image.path | default: post.image %}, then
        // absolute_url of what it holds (Jekyll 4.3.1, jekyll-feed 0.17)
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + ALL)
                .file("_posts/2019-01-01-a.md", "---\ntitle: A\nimage:\n  feature: desk.jpg\n  credit:\n---\nA\n")
                .file("_posts/2019-01-02-b.md", "---\ntitle: B\nimage:\n  path: /b.png\n---\nB\n")
                .file("_posts/2019-01-03-c.md", "---\ntitle: C\nimage: [c.png]\n---\nC\n")
                .buildOk();
        assertEquals(List.of("https://example.org/r/%5B%22c.png%22%5D", "https://example.org/r/b.png",
                        "https://example.org/r/%7B%22feature%22=%3E%22desk.jpg%22,%20%22credit%22=%3Enil%7D"),
                all("<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"([^\"]*)\"", site.read("feed.xml")));
    }

    @Test
    void postsLimitAndExcerptOnlyAreHonoured() {
        TestSite site = withPosts(3).file("_config.yml", CONFIG + ALL + "feed:\n  posts_limit: 2\n  excerpt_only: true\n")
                .buildOk();
        String feed = site.read("feed.xml");
        assertEquals(List.of("Post 3", "Post 2"), all("<entry><title type=\"html\">([^<]*)</title>", feed));
        assertFalse(feed.contains("<content"));
        assertTrue(feed.contains("<summary type=\"html\"><![CDATA[Body 3.]]></summary>"));
    }

    @Test
    void feedPathCategoriesAndCollectionsMakeTheirOwnFeeds() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", CONFIG + ALL + "collections:\n  notes:\n    output: true\n"
                        + "feed:\n  path: atom.xml\n  categories: [news]\n  collections: [notes]\n")
                .file("_posts/2019-01-01-a.md", "---\ncategories: news\n---\nA\n")
                .file("_posts/2019-01-02-b.md", "---\ncategories: misc\n---\nB\n")
                .file("_notes/n.md", "---\ntitle: A note\n---\nN\n")
                .file("index.html", "---\n---\n{% feed_meta %}\n").buildOk();
        assertTrue(site.exists("atom.xml"));
        assertFalse(site.exists("feed.xml"));
        assertEquals(List.of("B", "A"), all("<entry><title type=\"html\">([^<]*)</title>", site.read("atom.xml")));
        assertEquals(List.of("A"), all("<entry><title type=\"html\">([^<]*)</title>", site.read("feed/news.xml")));
        assertTrue(site.read("feed/news.xml").contains("<title type=\"html\">Notes | News</title>"));
        assertEquals(List.of("A note"), all("<entry><title type=\"html\">([^<]*)</title>", site.read("feed/notes.xml")));
        assertEquals("<link type=\"application/atom+xml\" rel=\"alternate\" href=\"https://example.org/r/atom.xml\" "
                + "title=\"Notes\" />\n", site.read("index.html"));
    }

    @Test
    void contentWithCdataEndStaysWellFormed() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + ALL)
                .file("_posts/2019-01-01-a.html", "---\ntitle: A\n---\n<p>x ]]> y</p>\n").buildOk();
        assertTrue(site.read("feed.xml").contains("<![CDATA[<p>x ]]]]><![CDATA[> y</p>]]>"));
    }

    @Test
    void feedElementKeepsTheSpaceTheTemplateLeavesBeforeItsLanguage() {
        // jekyll-feed's template writes `<feed xmlns="..." {% if site.lang %}xml:lang=".."{% endif %}>`
        TestSite without = withPosts(1).file("_config.yml", CONFIG + ALL).buildOk();
        assertTrue(without.read("feed.xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" ><generator"),
                without.read("feed.xml"));
        TestSite with = withPosts(1).file("_config.yml", CONFIG + ALL + "lang: en\n").buildOk();
        assertTrue(with.read("feed.xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><generator"),
                with.read("feed.xml"));
    }

    @Test
    void sitesOwnFeedSitemapAndRobotsWin() {
        TestSite site = withPosts(1).file("_config.yml", CONFIG + ALL)
                .file("feed.xml", "mine\n").file("robots.txt", "User-agent: *\n")
                .file("sitemap.xml", "---\n---\n<urlset>{{ site.posts.size }}</urlset>\n").buildOk();
        assertEquals("mine\n", site.read("feed.xml"));
        assertEquals("User-agent: *\n", site.read("robots.txt"));
        assertEquals("<urlset>1</urlset>\n", site.read("sitemap.xml"));
    }

    /**
     * Jekyll 4.3.1 gives a page rendered before them the plugins' Liquid templates here (4270,
     * 1569 and 44 characters); sheaf writes the three files itself and has no template to give.
     */
    @Test
    void thePluginsFilesInSitePagesHaveNoContentForAPageRenderedBeforeThem() {
        TestSite site = withPosts(1).file("_config.yml", CONFIG + "plugins: [jekyll-feed, jekyll-sitemap]\n")
                .file("list.html", "---\n---\n{% for p in site.pages %}{% unless p.name == 'list.html' %}"
                        + "{{ p.name }}={{ p.content | size }} {% endunless %}{% endfor %}\n")
                .buildOk();
        assertEquals("/feed.xml=0 sitemap.xml=0 robots.txt=0 \n", site.read("list.html"));
    }

    @Test
    void aCollectionCalledPagesKeepsThePluginsPagesOutOfSitePages() {
        // what Jekyll 4.3.1 wrote for this page: its site drop answers site.pages with the
        // collection of that name, so the feed, the sitemap and robots.txt are not in it
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + ALL + "collections:\n  pages:\n    output: true\n")
                .file("_pages/a.md", "---\n---\nA\n")
                .file("list.html", "---\n---\n{% for p in site.pages %}{{ p.url }} {% endfor %}|"
                        + "{% for p in site.html_pages %}{{ p.url }} {% endfor %}\n")
                .buildOk();
        assertEquals("/pages/a.html |/list.html \n", site.read("list.html"));
    }

    @Test
    void pageClaimingTheFeedsOutputIsACollision() {
        BuildResult result = withPosts(1).file("_config.yml", CONFIG + ALL)
                .file("atom.xml", "---\npermalink: /feed.xml\n---\nx\n").build();
        assertFalse(result.ok());
        assertEquals("atom.xml:1:1: error: output \"feed.xml\" is written by 2 inputs: atom.xml, jekyll-feed",
                TestSite.printed(result));
    }

    @Test
    void sitemapLeavesOutOptedOutPagesNotFoundPageAndNonHtml() {
        TestSite site = withPosts(1).file("_config.yml", CONFIG + ALL + "collections:\n  drafts_box:\n    output: false\n")
                .file("index.md", "---\nlast_modified_at: 2020-02-02\n---\nHi\n")
                .file("hidden.md", "---\nsitemap: false\n---\nHidden\n")
                .file("404.html", "---\n---\nNot found\n")
                .file("data.json", "---\n---\n{}\n")
                .file("_drafts_box/d.md", "---\n---\nD\n")
                .file("paper.pdf", "%PDF")
                .file("style.css", "body{}").buildOk();
        String sitemap = site.read("sitemap.xml");
        assertEquals(List.of("https://example.org/r/2019/03/01/post-1.html", "https://example.org/r/",
                "https://example.org/r/paper.pdf"), all("<loc>([^<]*)</loc>", sitemap));
        assertTrue(sitemap.contains("<loc>https://example.org/r/</loc>\n<lastmod>2020-02-02T00:00:00+00:00</lastmod>"));
        assertTrue(sitemap.contains("<loc>https://example.org/r/2019/03/01/post-1.html</loc>\n"
                + "<lastmod>2019-03-01T00:00:00+00:00</lastmod>"));
    }

    @Test
    void freemarkerLayoutsCallSeoAndFeedMetaAsFunctions() {
        TestSite site = TestSite.in(dir)
                .file("content/_config.yml", CONFIG + ALL)
                .file("content/about.md", "---\nlayout: base\ntitle: About & more\n---\nHi\n")
                .file("templates/base.ftlh", "<head>${seo()}${feed_meta()}</head>${content}")
                .buildOk();
        String html = site.read("about.html");
        assertTrue(html.startsWith("<head><!-- Begin Jekyll SEO tag v2.8.0 -->\n<title>About &amp; more | Notes</title>"), html);
        assertTrue(html.contains("<link type=\"application/atom+xml\" rel=\"alternate\" href=\"https://example.org/r/feed.xml\" title=\"Notes\" /></head>"));
    }

    @Test
    void freemarkerSeoTakesTitleFalseAsLiquidDoes() {
        TestSite site = TestSite.in(dir)
                .file("content/_config.yml", CONFIG + ALL)
                .file("content/about.md", "---\nlayout: bare\ntitle: About\n---\nHi\n")
                .file("templates/bare.ftlh", "<head><title>Mine</title>${seo(\"title=false\")}</head>")
                .buildOk();
        String html = site.read("about.html");
        assertEquals(1, html.split("<title>", -1).length - 1, html);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"About\" />"));
    }

    @Test
    void redirectFromWritesAPageAtEachOldUrlAndListsThemInRedirectsJson() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", CONFIG + "plugins: [jekyll-redirect-from, jekyll-sitemap]\n")
                .file("about.md", "---\npermalink: /about/\nredirect_from: [/who/, old-about.html, /team]\n---\nUs\n")
                .buildOk();
        assertEquals(List.of("about/index.html", "old-about.html", "redirects.json", "robots.txt", "sitemap.xml",
                "team.html", "who/index.html"), site.outputPaths());
        String page = site.read("who/index.html");
        assertTrue(page.contains("<link rel=\"canonical\" href=\"https://example.org/r/about/\">"), page);
        assertTrue(page.contains("<script>location=\"https://example.org/r/about/\"</script>"), page);
        assertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/r/about/\">"), page);
        assertEquals("{\"/who/\":\"https://example.org/r/about/\",\"/old-about.html\":\"https://example.org/r/about/\","
                + "\"/team\":\"https://example.org/r/about/\"}", site.read("redirects.json"));
        assertEquals(List.of("https://example.org/r/about/"), all("<loc>([^<]*)</loc>", site.read("sitemap.xml")));
    }

    @Test
    void redirectsJsonIsWrittenEmptyWhenNoPageRedirects() {
        // jekyll-redirect-from 0.16 writes {} for a site without redirects, as for the So Simple demo site
        TestSite site = TestSite.in(dir)
                .file("_config.yml", CONFIG + "plugins: [jekyll-redirect-from]\n")
                .file("index.md", "---\n---\nHome\n")
                .buildOk();
        assertEquals("{}", site.read("redirects.json"));
    }

    @Test
    void redirectToTurnsThePageIntoARedirectAndLeavesItOutOfTheSitemap() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", CONFIG + "plugins: [jekyll-redirect-from, jekyll-sitemap]\nredirect_from:\n  json: false\n")
                .file("index.md", "---\n---\nHome\n")
                .file("moved.md", "---\nredirect_to: https://elsewhere.org/x?a=1&b=\"</script>\"\n---\nOld\n")
                .buildOk();
        assertFalse(site.exists("redirects.json"));
        String page = site.read("moved.html");
        assertFalse(page.contains("Old"));
        assertTrue(page.contains("<a href=\"https://elsewhere.org/x?a=1&amp;b=&quot;&lt;/script&gt;&quot;\">"), page);
        assertTrue(page.contains("<script>location=\"https://elsewhere.org/x?a=1&b=\\\"\\u003c/script>\\\"\"</script>"), page);
        assertEquals(List.of("https://example.org/r/"), all("<loc>([^<]*)</loc>", site.read("sitemap.xml")));
    }

    @Test
    void redirectOntoAnExistingPageIsACollision() {
        BuildResult result = TestSite.in(dir).file("_config.yml", CONFIG + "plugins: [jekyll-redirect-from]\n")
                .file("a.md", "---\nredirect_from: /b.html\n---\nA\n").file("b.md", "---\n---\nB\n").build();
        assertEquals("a.md:1:1: error: output \"b.html\" is written by 2 inputs: a.md, b.md", TestSite.printed(result));
    }

    private static final String LISTING = "---\ntitle: Home\n---\n{{ paginator.page }}/{{ paginator.total_pages }}:"
            + "{% for post in paginator.posts %} {{ post.title }}{% endfor %}"
            + " prev={{ paginator.previous_page_path }} next={{ paginator.next_page_path }}\n";

    @Test
    void paginateSplitsPostsOverIndexAndItsCopies() {
        TestSite site = withPosts(5).file("_config.yml", CONFIG + "plugins: [jekyll-paginate, jekyll-sitemap]\npaginate: 2\n")
                .file("index.html", LISTING).file("about.md", "---\n---\nA\n").buildOk();
        assertEquals("1/3: Post 5 Post 4 prev= next=/page2\n", site.read("index.html"));
        assertEquals("2/3: Post 3 Post 2 prev=/ next=/page3\n", site.read("page2/index.html"));
        assertEquals("3/3: Post 1 prev=/page2 next=\n", site.read("page3/index.html"));
        List<String> locs = all("<loc>([^<]*)</loc>", site.read("sitemap.xml"));
        assertEquals(List.of("https://example.org/r/about.html", "https://example.org/r/",
                "https://example.org/r/page2/", "https://example.org/r/page3/"), locs.subList(5, locs.size()));
    }

    @Test
    void paginatePathChoosesTheDeepestIndexAtOrAboveItsFolder() {
        TestSite site = withPosts(3)
                .file("_config.yml", CONFIG + "plugins: [jekyll-paginate, jekyll-seo-tag]\npaginate: 2\npaginate_path: /blog/p:num/\n")
                .file("index.html", "---\n---\nroot {{ paginator.page }}\n")
                .file("blog/index.html", "---\ntitle: Blog\n---\n{% seo %}" + LISTING.substring(LISTING.indexOf("---\n", 4) + 4))
                .buildOk();
        assertEquals("root \n", site.read("index.html"));
        assertTrue(site.read("blog/index.html").contains("1/2: Post 3 Post 2 prev= next=/blog/p2/"));
        String second = site.read("blog/p2/index.html");
        assertTrue(second.contains("2/2: Post 1 prev=/blog/ next="), second);
        assertTrue(second.contains("<title>Page 2 of 2 for Blog | Notes</title>"), second);
        assertTrue(second.contains("<link rel=\"prev\" href=\"https://example.org/r/blog/\" />"), second);
        assertTrue(second.contains("<link rel=\"canonical\" href=\"https://example.org/r/blog/p2/\" />"), second);
    }

    @Test
    void withoutThePaginatePluginThereIsNoPaginator() {
        TestSite site = withPosts(3).file("_config.yml", CONFIG + "paginate: 2\n").file("index.html", LISTING).buildOk();
        assertEquals("/: prev= next=\n", site.read("index.html"));
        assertFalse(site.exists("page2/index.html"));
    }

    @Test
    void paginatedIndexWithRedirectFromWritesOneRedirect() {
        TestSite site = withPosts(3)
                .file("_config.yml", CONFIG + "plugins: [jekyll-paginate, jekyll-redirect-from]\npaginate: 2\n")
                .file("index.html", "---\nredirect_from: /home.html\n---\n{{ paginator.page }}\n").buildOk();
        assertEquals(List.of("2019/03/01/post-1.html", "2019/03/02/post-2.html", "2019/03/03/post-3.html", "home.html",
                "index.html", "page2/index.html", "redirects.json"), site.outputPaths());
        assertEquals("2\n", site.read("page2/index.html"));
    }
    @Test
    void sitemapAndSiteCollectionsListCollectionsByLabelAsJekyllDoes() {
        // Jekyll's output: its site drop sorts the collections by label, and jekyll-sitemap walks them
        TestSite site = TestSite.in(dir).file("_config.yml", "url: https://example.org\nplugins: [jekyll-sitemap]\n"
                        + "collections:\n  zebra:\n    output: true\n  apple:\n    output: true\n")
                .file("_zebra/z.md", "---\n---\nz\n").file("_apple/a.md", "---\n---\na\n")
                .file("index.html", "---\n---\n{% for c in site.collections %}{{ c.label }} {% endfor %}\n").buildOk();
        assertEquals("apple posts zebra \n", site.read("index.html"));
        assertEquals(List.of("https://example.org/apple/a.html", "https://example.org/zebra/z.html", "https://example.org/"),
                all("<loc>([^<]*)</loc>", site.read("sitemap.xml")));
    }
}
