package org.sheaf.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheaf.jekyll.RubyTimeParser;
import org.sheaf.jekyll.WideTime;

class PermalinksTest {
    private static final ZonedDateTime SEP_4_2017 = ZonedDateTime.of(2017, 9, 4, 7, 5, 9, 0, ZoneOffset.UTC);

    private static PermalinkFacts post(String slug, List<String> categories) {
        return new PermalinkFacts("posts", SEP_4_2017, null, slug, "", "2017-09-04-" + slug,
                "2017-09-04-" + slug + ".md", categories, ".html");
    }

    private static PermalinkFacts page(String dir, String basename, String outputExt) {
        return new PermalinkFacts(null, null, null, basename, dir, null, basename + ".md", List.of(), outputExt);
    }

    private static PermalinkFacts note(String pathInCollection) {
        String name = pathInCollection.substring(pathInCollection.lastIndexOf('/') + 1);
        return new PermalinkFacts("notes", SEP_4_2017, null, name, "", pathInCollection, name + ".md",
                List.of(), ".html");
    }

    private static String staticUrl(String template, String pathInCollection, String basename, String extname) {
        return Permalinks.staticFileUrl(template, "notes", pathInCollection, basename, extname);
    }

    @Test
    void staticFilesInCollectionsKnowFivePlaceholdersAndKeepTheirExtension() {
        assertEquals("/notes/sub/data.csv", staticUrl("/:collection/:path/", "sub/data.csv", "data", ".csv"));
        assertEquals("/notes/sub/data.csv", staticUrl("/:collection/:path:output_ext", "sub/data.csv", "data", ".csv"));
        assertEquals("/notes/data.csv", staticUrl("/:collection/:name", "sub/data.csv", "data", ".csv"));
        assertEquals("/n/:year.png", staticUrl("/n/:year/:title/", "pic.png", "pic", ".png"));
        assertEquals("/n/:slug.png", staticUrl("/n/:slug/", "pic.png", "pic", ".png"));
        assertEquals("/fixed.html.png", staticUrl("/fixed.html", "pic.png", "pic", ".png"));
        assertEquals("/n", staticUrl("/n/:title/", "README", "README", ""));
    }

    @Test
    void staticFilePlaceholdersAreReplacedInOrderAsPlainTextAndEscaped() {
        assertEquals("/notes/:basename/pic_x/pics.png",
                staticUrl("/:collection/:basename/:name_x/:paths", "pic.png", "pic", ".png"));
        assertEquals("/x/Deep.Dir/My%20File.tar/My%20File.tar.gz",
                staticUrl("/x/:path/:name:output_ext", "Deep.Dir/My File.tar.gz", "My File.tar", ".gz"));
        assertEquals("/x/file.png", staticUrl("/x/:path", "file..png", "file", ".png"));
    }

    @Test
    void namesTheBuiltInStyles() {
        assertEquals("/:categories/:year/:month/:day/:title:output_ext", Permalinks.styleTemplate("date"));
        assertEquals("/:categories/:year/:month/:day/:title/", Permalinks.styleTemplate("pretty"));
        assertEquals("/:categories/:year/:y_day/:title:output_ext", Permalinks.styleTemplate("ordinal"));
        assertEquals("/:categories/:year/W:week/:short_day/:title:output_ext", Permalinks.styleTemplate("weekdate"));
        assertEquals("/:categories/:title:output_ext", Permalinks.styleTemplate("none"));
        assertEquals("/:categories/:year/:month/:day/:title:output_ext", Permalinks.styleTemplate(null));
        assertEquals("/blog/:title/", Permalinks.styleTemplate("/blog/:title/"));
    }

    @Test
    void postsFollowEachSiteStyle() {
        PermalinkFacts facts = post("fellowship-begins", List.of("News"));
        assertEquals("/news/2017/09/04/fellowship-begins.html", Permalinks.documentUrl(null, null, null, facts));
        assertEquals("/news/2017/09/04/fellowship-begins/", Permalinks.documentUrl(null, null, "pretty", facts));
        assertEquals("/news/2017/247/fellowship-begins.html", Permalinks.documentUrl(null, null, "ordinal", facts));
        assertEquals("/news/2017/W36/Mon/fellowship-begins.html",
                Permalinks.documentUrl(null, null, "weekdate", facts));
        assertEquals("/news/fellowship-begins.html", Permalinks.documentUrl(null, null, "none", facts));
    }

    @Test
    void frontMatterPermalinkWinsOverCollectionAndSite() {
        PermalinkFacts facts = post("x", List.of());
        assertEquals("/fm/x/", Permalinks.documentUrl("/fm/:title/", "/coll/:title/", "pretty", facts));
        assertEquals("/coll/x/", Permalinks.documentUrl(null, "/coll/:title/", "pretty", facts));
    }

    @Test
    void frontMatterPermalinkWithoutLeadingSlashGetsOne() {
        assertEquals("/about/", Permalinks.documentUrl("about/", null, null, post("x", List.of())));
        assertEquals("/about/", Permalinks.pageUrl("about/", null, page("", "about", ".html")));
    }

    @Test
    void emptyFrontMatterPermalinkIsTheRoot() {
        assertEquals("/", Permalinks.documentUrl("", null, null, post("x", List.of())));
    }

    @Test
    void otherCollectionsDefaultToCollectionAndPathWithTheSiteEnding() {
        PermalinkFacts facts = note("growth-models/memberships");
        assertEquals("/notes/growth-models/memberships.html", Permalinks.documentUrl(null, null, null, facts));
        assertEquals("/notes/growth-models/memberships/", Permalinks.documentUrl(null, null, "pretty", facts));
        assertEquals("/notes/growth-models/memberships/",
                Permalinks.documentUrl(null, null, "/:year/:title/", facts));
        assertEquals("/notes/growth-models/memberships", Permalinks.documentUrl(null, null, "weekdate", facts));
        assertEquals("/notes/growth-models/memberships/", Permalinks.documentUrl(null, "/notes/:path/", null, facts));
    }

    @Test
    void everyDatePlaceholderFollowsStrftime() {
        PermalinkFacts facts = new PermalinkFacts("posts", ZonedDateTime.of(2021, 1, 3, 9, 8, 7, 0, ZoneOffset.UTC),
                null, "x", "", "x", "x.md", List.of(), ".html");
        String template = "/:year/:month/:i_month/:day/:i_day/:short_year/:hour/:minute/:second/:y_day"
                + "/:short_month/:long_month/:week/:w_year/:w_day/:short_day/:long_day";
        assertEquals("/2021/01/1/03/3/21/09/08/07/003/Jan/January/53/2020/7/Sun/Sunday",
                Permalinks.documentUrl(template, null, null, facts));
    }

    @Test
    void longestPlaceholderIsReadFirst() {
        PermalinkFacts facts = post("x", List.of());
        assertEquals("/9-09-4-04", Permalinks.documentUrl("/:i_month-:month-:i_day-:day", null, null, facts));
    }

    @Test
    void aTrailingUnderscoreAfterAPlaceholderIsText() {
        assertEquals("/09_04", Permalinks.documentUrl("/:month_:day", null, null, post("x", List.of())));
    }

    @Test
    void unknownPlaceholdersStayAndAreNamed() {
        assertEquals("/:nope/x", Permalinks.documentUrl("/:nope/:title", null, null, post("x", List.of())));
        assertEquals(List.of("nope", "basename"), Permalinks.unknownPlaceholders("/:nope/:basename/:title/:nope"));
        assertEquals(List.of(), Permalinks.unknownPlaceholders("/:categories/:month_:day/:title:output_ext"));
    }

    @Test
    void titleKeepsCaseAndPrettyPunctuationWhileSlugIsDefaultMode() {
        PermalinkFacts facts = new PermalinkFacts("posts", SEP_4_2017, null, "Hello_World.v2 Now",
                "", "2017-09-04-Hello_World.v2 Now", "2017-09-04-Hello_World.v2 Now.md", List.of(), ".html");
        assertEquals("/Hello_World.v2-Now", Permalinks.documentUrl("/:title", null, null, facts));
        assertEquals("/hello-world-v2-now", Permalinks.documentUrl("/:slug", null, null, facts));
        assertEquals("/2017-09-04-hello-world-v2-now", Permalinks.documentUrl("/:name", null, null, facts));
    }

    @Test
    void frontMatterSlugReplacesTheFileSlug() {
        PermalinkFacts facts = new PermalinkFacts("posts", SEP_4_2017, "My Slug", "file-slug", "",
                "2017-09-04-file-slug", "2017-09-04-file-slug.md", List.of(), ".html");
        assertEquals("/My-Slug/my-slug", Permalinks.documentUrl("/:title/:slug", null, null, facts));
    }

    @Test
    void categoriesAreLowerCasedAndDeduplicated() {
        PermalinkFacts facts = post("x", List.of("Research", "Libraries", "research"));
        assertEquals("/research/libraries/x/", Permalinks.documentUrl("/:categories/:title/", null, null, facts));
        PermalinkFacts spaced = post("x", List.of("Open Data"));
        assertEquals("/open%20data/x", Permalinks.documentUrl("/:categories/:title", null, null, spaced));
        assertEquals("/open-data/x", Permalinks.documentUrl("/:slugified_categories/:title", null, null, spaced));
    }

    @Test
    void emptyCategoriesLeaveNoDoubleSlash() {
        assertEquals("/2017/09/04/x/", Permalinks.documentUrl(null, null, "pretty", post("x", List.of())));
    }

    @Test
    void collectionAndOutputExtPlaceholders() {
        PermalinkFacts facts = new PermalinkFacts("api", SEP_4_2017, null, "v1", "", "v1", "v1.json",
                List.of(), ".json");
        assertEquals("/api/v1.json", Permalinks.documentUrl("/:collection/:path:output_ext", null, null, facts));
    }

    @Test
    void pathOfADocumentLosesTrailingPeriods() {
        assertEquals("/notes/odd/", Permalinks.documentUrl(null, "/notes/:path/", null, note("odd..")));
    }

    @Test
    void escapesUnsafeCharactersAsJekyll() {
        assertEquals("/a-b.c/d", Permalinks.escapePath("/a-b.c/d"));
        assertEquals("/a%20b", Permalinks.escapePath("/a b"));
        assertEquals("caf%C3%A9", Permalinks.escapePath("café"));
        assertEquals("q?%23x%25y%5B%5D", Permalinks.escapePath("q?#x%y[]"));
        assertEquals("keep_~!$&'()*+,;=:@", Permalinks.escapePath("keep_~!$&'()*+,;=:@"));
        assertEquals("", Permalinks.escapePath(""));
    }

    @Test
    void unescapesPercentSequencesAsUtf8() {
        assertEquals("/café/a b", Permalinks.unescapePath("/caf%C3%A9/a%20b"));
        assertEquals("/100%/a+b", Permalinks.unescapePath("/100%/a+b"));
        assertEquals("/x%zz", Permalinks.unescapePath("/x%zz"));
    }

    @Test
    void escapedTitleComesBackUnescapedInTheOutputPath() {
        PermalinkFacts facts = post("café olé", List.of());
        String url = Permalinks.documentUrl(null, null, "pretty", facts);
        assertEquals("/2017/09/04/caf%C3%A9-ol%C3%A9/", url);
        assertEquals("2017/09/04/café-olé/index.html", Permalinks.outputPath(url, ".html"));
    }

    @Test
    void sanitisingRemovesDotSegmentsAndDoubleSlashes() {
        assertEquals("/a/b/", Permalinks.documentUrl("//a/../b//", null, null, post("x", List.of())));
        assertEquals("/a/b", Permalinks.documentUrl("/a/./b", null, null, post("x", List.of())));
    }

    @Test
    void pagesUnderPrettyGetAFolder() {
        assertEquals("/about/", Permalinks.pageUrl(null, "pretty", page("", "about", ".html")));
        assertEquals("/en/jobs/", Permalinks.pageUrl(null, "pretty", page("en", "jobs", ".html")));
    }

    @Test
    void pagesUnderDateKeepTheirExtension() {
        assertEquals("/about.html", Permalinks.pageUrl(null, null, page("", "about", ".html")));
        assertEquals("/en/jobs.html", Permalinks.pageUrl(null, "date", page("en", "jobs", ".html")));
    }

    @Test
    void pagesFollowTheEndingOfACustomSiteTemplate() {
        assertEquals("/about/", Permalinks.pageUrl(null, "/:year/:title/", page("", "about", ".html")));
        assertEquals("/about.html", Permalinks.pageUrl(null, "/:title:output_ext", page("", "about", ".html")));
        assertEquals("/about", Permalinks.pageUrl(null, "/:title", page("", "about", ".html")));
        assertEquals("/about", Permalinks.pageUrl(null, "weekdate", page("", "about", ".html")));
    }

    @Test
    void indexPagesAreTheirFolder() {
        assertEquals("/", Permalinks.pageUrl(null, "pretty", page("", "index", ".html")));
        assertEquals("/en/", Permalinks.pageUrl(null, "pretty", page("en", "index", ".html")));
        assertEquals("/en/", Permalinks.pageUrl(null, "date", page("/en", "index", ".html")));
    }

    @Test
    void pagesWithOtherOutputKeepTheirFileName() {
        assertEquals("/feed.xml", Permalinks.pageUrl(null, "pretty", page("", "feed", ".xml")));
        assertEquals("/assets/css/print.css", Permalinks.pageUrl(null, "pretty", page("assets/css", "print", ".css")));
        assertEquals("/index.json", Permalinks.pageUrl(null, "pretty", page("", "index", ".json")));
    }

    @Test
    void pagePermalinksKnowOnlyPathBasenameAndOutputExt() {
        PermalinkFacts facts = page("docs", "intro", ".html");
        assertEquals("/docs/intro/x.html", Permalinks.pageUrl("/:path/:basename/x:output_ext", null, facts));
        assertEquals("/:title/intro", Permalinks.pageUrl("/:title/:basename", null, facts));
    }

    @Test
    void writesFolderUrlsAsIndexHtml() {
        assertEquals("about/index.html", Permalinks.outputPath("/about/", ".html"));
        assertEquals("index.html", Permalinks.outputPath("/", ".html"));
        assertEquals("a.html", Permalinks.outputPath("/a.html", ".html"));
        assertEquals("feed.html", Permalinks.outputPath("/feed", ".html"));
        assertEquals("feed.xml", Permalinks.outputPath("/feed.xml", ".xml"));
        assertEquals("feed.xml.html", Permalinks.outputPath("/feed.xml", ".html"));
    }

    @Test
    void pagesAtFolderUrlsWriteIndexWithTheirOwnExtension() {
        assertEquals("feed/index.xml", Permalinks.pageOutputPath("/feed/", ".xml"));
        assertEquals("index.html", Permalinks.pageOutputPath("/", ".html"));
        assertEquals("about/index.html", Permalinks.pageOutputPath("/about/", ".html"));
    }

    @Test
    void outputPathNeverLeavesTheDestination() {
        assertEquals("etc/passwd.html", Permalinks.outputPath("/%2e%2e/%2e%2e/etc/passwd", ".html"));
    }

    /** Every date placeholder Jekyll's URL drop formats, each its own directory, to compare them all at once. */
    private static final String EVERY_DATE_PLACEHOLDER = "/:year/:month/:day/:hour/:minute/:second/:i_day/:i_month/"
            + ":short_month/:long_month/:short_year/:w_year/:week/:w_day/:short_day/:long_day/:y_day/";

    private static PermalinkFacts dated(Object date) {
        return new PermalinkFacts("notes", date, null, "n", "", "n", "n.md", List.of(), ".html");
    }

    /**
     * A date Java holds and a wide one fill every placeholder alike, though strftime reads the
     * wide one's year from itself and the rest from a stand-in year: on a leap day of a year whose
     * ISO week belongs to the year before, at both ends of ISO years ({@code :w_year} and
     * {@code :week} differ from {@code :year} there), in year 0, before it and past 9999.
     */
    @Test
    void aWideDateGivesEveryPlaceholderAsADateJavaHolds() {
        List<ZonedDateTime> dates = List.of(SEP_4_2017, ZonedDateTime.of(2016, 1, 1, 23, 0, 1, 0, ZoneOffset.ofHours(-5)),
                ZonedDateTime.of(-4, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(1, 12, 31, 12, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2020, 12, 31, 6, 5, 4, 0, ZoneOffset.UTC), ZonedDateTime.of(2021, 1, 3, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2018, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(0, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(0, 1, 3, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(-1, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(-401, 12, 29, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(10000, 1, 3, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(123456789, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(-123456789, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        for (ZonedDateTime date : dates) {
            WideTime wide = WideTime.atOffset(date.toLocalDateTime(), date.getOffset().getTotalSeconds());
            assertEquals(Permalinks.documentUrl(EVERY_DATE_PLACEHOLDER, null, null, dated(date)),
                    Permalinks.documentUrl(EVERY_DATE_PLACEHOLDER, null, null, dated(wide)), date::toString);
        }
    }

    /** Jekyll 4.3.1's URLs of documents dated in years Java's times cannot hold, and before year 1. */
    @Test
    void datesDocumentsInAnyYearAsJekyllDoes() {
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 5, 13, 0, 0, 0, ZoneOffset.UTC);
        Object far = RubyTimeParser.parseAny("292278994-12-31 23:59:59", ZoneOffset.UTC, now).orElseThrow();
        assertEquals("/292278994/365/01/292278995/94/31/12/Dec/December/3/Wed/Wednesday/23/59/59/n/",
                Permalinks.documentUrl("/:year/:y_day/:week/:w_year/:short_year/:i_day/:i_month/:short_month/"
                        + ":long_month/:w_day/:short_day/:long_day/:hour/:minute/:second/:title/", null, null, dated(far)));
        Object twenty = RubyTimeParser.parseAny("99999999999999999999-07-01", ZoneOffset.UTC, now).orElseThrow();
        String date = Permalinks.styleTemplate("date");
        assertEquals("/99999999999999999999/07/01/n.html", Permalinks.documentUrl(date, null, null, dated(twenty)));
        assertEquals("/-0005/07/01/n.html", Permalinks.documentUrl(date, null, null,
                dated(ZonedDateTime.of(-5, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC))));
    }
}
