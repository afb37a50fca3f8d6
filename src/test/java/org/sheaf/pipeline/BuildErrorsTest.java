package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of writer mistake gives its exact printed line, fails the build, and leaves the
 * previous output exactly as it was.
 */
class BuildErrorsTest {
    @TempDir
    Path dir;

    private static final String PLACEHOLDERS = ":categories, :collection, :day, :hour, :i_day, :i_month, :long_day,"
            + " :long_month, :minute, :month, :name, :output_ext, :path, :second, :short_day, :short_month, :short_year,"
            + " :slug, :slugified_categories, :title, :w_day, :w_year, :week, :y_day, :year";

    private TestSite site;
    private Map<String, String> before;

    @BeforeEach
    void buildAGoodSiteFirst() {
        site = TestSite.in(dir)
                .file("_config.yml", "title: T\ntimezone: UTC\n")
                .file("_layouts/default.html", "<main>{{ content }}</main>\n")
                .file("index.md", "---\nlayout: default\n---\nHome\n")
                .buildOk();
        before = site.outputFiles();
    }

    private void assertFails(BuildResult.Status status, String expected) {
        BuildResult result = site.build();
        assertEquals(status, result.status());
        assertEquals(expected, TestSite.printed(result));
        assertEquals(before, site.outputFiles(), "the previous output must be untouched");
    }

    @Test
    void reportsLineOfInvalidYamlInFrontMatter() {
        site.file("about.md", "---\ntitle: About\nlayout: default: x\n---\nText\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "about.md:3:16: error: invalid YAML in front matter: mapping values are not allowed here");
    }

    @Test
    void reportsMissingLayoutWithTheLayoutsAvailable() {
        site.file("about.md", "---\ntitle: About\nlayout: pgae\n---\nText\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "about.md:3:1: error: layout \"pgae\" not found\n    hint: layouts available: default");
    }

    @Test
    void namesTheCycleOfLayouts() {
        site.file("_layouts/a.html", "---\nlayout: b\n---\n{{ content }}")
                .file("_layouts/b.html", "---\nlayout: a\n---\n{{ content }}")
                .file("about.md", "---\nlayout: a\n---\nText\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_layouts/a.html:1:1: error: layouts form a cycle: a -> b -> a");
    }

    @Test
    void listsEveryInputForUrlCollision() {
        site.file("about.md", "---\npermalink: /about/\n---\nA\n")
                .file("about.html", "---\npermalink: /about/\n---\nB\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "about.html:2:1: error: URL /about/ is claimed by 2 inputs: about.html, about.md\n"
                        + "    hint: give all but one a different permalink");
    }

    @Test
    void namesTheCollectionPermalinkThatGivesTwoOfItsFilesOneUrl() {
        site.file("_config.yml", "title: T\ntimezone: UTC\ncollections: {notes: {output: true, permalink: /:collection/:name}}\n")
                .file("_notes/a/pic.png", "1")
                .file("_notes/b/pic.png", "2");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "_notes/a/pic.png: error: URL /notes/pic.png is claimed by 2 inputs: _notes/a/pic.png, _notes/b/pic.png\n"
                        + "    hint: the permalink of collection \"notes\" gives these files one URL; keep :path in it");
    }

    /** Jekyll 4.3.1 stops with "The URL template doesn't have bar keys" for each of these. */
    @Test
    void namesAnUnknownPlaceholderInAPostsOwnPermalink() {
        site.file("_posts/2017-01-02-x.md", "---\npermalink: /:bar/:title/\n---\nX\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_posts/2017-01-02-x.md:2:1: error: unknown placeholder \":bar\" in permalink\n"
                + "    hint: placeholders: " + PLACEHOLDERS);
    }

    @Test
    void namesAnUnknownPlaceholderInTheSitesPermalinkOnceForAllItsPosts() {
        site.file("_config.yml", "title: T\ntimezone: UTC\npermalink: /:foo/:title/\n")
                .file("_posts/2017-01-02-x.md", "---\n---\nX\n")
                .file("_posts/2017-01-03-y.md", "---\n---\nY\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_config.yml:3:1: error: unknown placeholder \":foo\" in permalink\n"
                + "    hint: placeholders: " + PLACEHOLDERS);
    }

    @Test
    void namesAnUnknownPlaceholderInACollectionsPermalink() {
        site.file("_config.yml", "title: T\ntimezone: UTC\ncollections:\n  notes:\n    output: true\n"
                        + "    permalink: /n/:baz/:name/\n")
                .file("_notes/x.md", "---\n---\nX\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_config.yml:6:5: error: unknown placeholder \":baz\" in permalink\n"
                + "    hint: placeholders: " + PLACEHOLDERS);
    }

    @Test
    void refusesACollectionFileThatItsPermalinkLeavesNoPath() {
        site.file("_config.yml", "title: T\ntimezone: UTC\ncollections: {notes: {output: true, permalink: /:title/}}\n")
                .file("_notes/README", "r");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "_notes/README: error: the collection's permalink leaves this file no path under the output folder\n"
                        + "    hint: give the collection a permalink with :path or :name");
    }

    @Test
    void reportsDateThatIsNotADate() {
        site.file("_posts/2017-01-01-a.md", "---\ntitle: A\ndate: yesterday\n---\nA\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_posts/2017-01-01-a.md:3:1: error: invalid date \"yesterday\": "
                + "the YAML front matter does not have a valid date\n"
                + "    hint: Jekyll reads it with Ruby's Time.parse: write 2017-09-04, 2017-09-04 10:00:00 +0200"
                + " or September 4, 2017");
    }

    /** Jekyll 4.3.1 stops: "Invalid date '2017-13-01': Document ... does not have a valid date in the filename". */
    @Test
    void reportsAFileNameDateWithNoSuchMonth() {
        site.file("_posts/2017-13-01-y.md", "---\n---\nY\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_posts/2017-13-01-y.md: error: invalid date \"2017-13-01\" in the file name\n"
                + "    hint: Jekyll reads it with Ruby's Time.parse: a month from 1 to 12, a day from 1 to 31");
    }

    @Test
    void reportsTagsOfTheWrongType() {
        site.file("_posts/2017-01-01-a.md", "---\ntags: [b, {a: 1}]\n---\nA\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "_posts/2017-01-01-a.md:2:1: error: tags must be a word or a list of words");
    }

    /**
     * Jekyll 4.3.1 cannot read a post whose categories is a number ("could not read file ...: no
     * implicit conversion of Integer into Array") and builds it without its front matter, dated
     * at build time with the whole file name as slug; it files categories: "2013" and
     * category: 2013 under "2013", as the hint says.
     */
    @Test
    void reportsCategoriesThatIsANumberWithTheSpellingsJekyllReads() {
        site.file("_posts/2013-05-10-a.md", "---\ntitle: A\ncategories: 2013\n---\nA\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "_posts/2013-05-10-a.md:3:1: error: categories must be a word or a list of words\n"
                        + "    hint: Jekyll cannot read the file (no implicit conversion into Array) and builds it"
                        + " without its front matter: write categories: \"2013\" or category: 2013");
    }

    @Test
    void reportsLiquidSyntaxErrorAtItsLineInTheFile() {
        site.file("about.md", "---\ntitle: About\n---\nLine one\n{% if %}\n");
        BuildResult result = site.build();
        assertEquals(BuildResult.Status.SITE_ERRORS, result.status());
        assertEquals("about.md:5", TestSite.printed(result).substring(0, "about.md:5".length()));
        assertEquals(before, site.outputFiles());
    }

    @Test
    void reportsInvalidYamlInConfigAsAConfigError() {
        site.file("_config.yml", "title: T\n  bad: indent\n");
        BuildResult result = site.build();
        assertEquals(BuildResult.Status.CONFIG_ERROR, result.status());
        assertEquals("_config.yml:2:6: error: invalid YAML in _config.yml: mapping values are not allowed here",
                TestSite.printed(result));
        assertEquals(before, site.outputFiles());
    }

    @Test
    void reportsAKramdownInputThatNamesNoParserAtItsKey() {
        // Jekyll stops on it: "kramdown has no parser to handle the specified input format: gfm"
        site.file("_config.yml", "title: T\ntimezone: UTC\nkramdown:\n  input: gfm\n");
        assertFails(BuildResult.Status.SITE_ERRORS, "_config.yml:4:3: error: kramdown has no parser for input \"gfm\"\n"
                + "    hint: kramdown: input: is GFM (Jekyll's default) or kramdown");
    }

    @Test
    void warnsOfAKramdownInputThatSheafReadsAsKramdown() {
        site.file("_config.yml", "title: T\ntimezone: UTC\nkramdown: {input: html}\n");
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("_config.yml:3:12: warning: sheaf reads kramdown input \"html\" as \"kramdown\"\n"
                + "    hint: sheaf reads Markdown with kramdown's GFM parser (Jekyll's default) or its kramdown parser",
                TestSite.printed(result));
    }

    @Test
    void reportsUnknownTimezone() {
        site.file("_config.yml", "title: T\ntimezone: Mars/Base\n");
        assertFails(BuildResult.Status.CONFIG_ERROR, "_config.yml:2:1: error: unknown timezone \"Mars/Base\"\n"
                + "    hint: use an IANA name such as Europe/Berlin or America/Chicago");
    }

    @Test
    void reportsTheZoneOfTimesWrittenWithZAsNoTimezone() {
        // sheaf's zone for Ruby's UTC times, which a site in it would print as UTC where Ruby prints +0000
        site.file("_config.yml", "title: T\ntimezone: Ruby/UTC\n");
        assertFails(BuildResult.Status.CONFIG_ERROR, "_config.yml:2:1: error: unknown timezone \"Ruby/UTC\"\n"
                + "    hint: use an IANA name such as Europe/Berlin or America/Chicago");
    }

    @Test
    void reportsInvalidUtf8() {
        site.file("bad.md", "---\n---\nok\n");
        try {
            java.nio.file.Files.write(dir.resolve("bad.md"), new byte[] {'-', '-', '-', '\n', '-', '-', '-', '\n', 'a', (byte) 0xFF});
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertFails(BuildResult.Status.SITE_ERRORS, "bad.md:3:2: error: invalid UTF-8 byte 0xFF");
    }

    @Test
    void reportsEveryErrorAtOnceSorted() {
        site.file("b.md", "---\nlayout: nope\n---\nB\n")
                .file("a.md", "---\nlayout: gone\n---\nA\n");
        assertFails(BuildResult.Status.SITE_ERRORS,
                "a.md:2:1: error: layout \"gone\" not found\n    hint: layouts available: default\n"
                        + "b.md:2:1: error: layout \"nope\" not found\n    hint: layouts available: default");
    }

    @Test
    void refusesADestinationThatIsTheSource() {
        site.file("_config.yml", "destination: .\n");
        BuildResult result = site.build();
        assertEquals(BuildResult.Status.CONFIG_ERROR, result.status());
        assertEquals(before, site.outputFiles());
    }
}
