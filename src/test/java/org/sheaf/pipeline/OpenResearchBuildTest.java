package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Licences, citations, published sources and relative Markdown links in whole builds. */
class OpenResearchBuildTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            title: Open Research
            url: https://example.org
            baseurl: /r
            lang: en
            timezone: UTC
            author: Fellowship team
            license: CC BY 4.0
            repository: p2pu/open-research
            branch: trunk
            collections:
              notes:
                output: true
                permalink: /notes/:path/
            """;

    private static final String NOTE = """
            ---
            layout: note
            title: "Costs & <margins>"
            date: 2017-10-27
            doi: 10.5281/zenodo.12345
            authors:
              - name: Ada Lovelace
                orcid: 0000-0002-1825-0097
                affiliation: Analytical Engines
              - name: Grace Hopper
                orcid: https://orcid.org/0000-0001-5109-3700
            ---
            See the [pilots](pilots.md#costs) and the [missing note](gone.md).
            """;

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en"><head><title>${page.title}</title>
            ${citation_meta()}
            </head><body>${content?no_esc}
            ${reuse_notice()}${cite_block()}${source_links()}
            </body></html>
            """;

    private TestSite sheafSite() {
        return TestSite.in(dir).file("content/_config.yml", CONFIG)
                .file("content/_notes/costs.md", NOTE)
                .file("content/_notes/pilots.md", "---\nlayout: note\ntitle: Pilots\nlicense: CC0\n---\n## Costs\n")
                .file("content/about.md", "---\nlayout: note\ntitle: About\n---\nHello.\n")
                .file("templates/note.ftlh", LAYOUT);
    }

    @Test
    void aNoteCarriesHighwireMetaTagsAndItsLicenceLink() {
        Document note = Jsoup.parse(sheafSite().buildOk().read("notes/costs/index.html"));
        assertEquals(List.of("Ada Lovelace", "Grace Hopper"), note.select("meta[name=citation_author]").eachAttr("content"));
        assertEquals(List.of("https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0001-5109-3700"),
                note.select("meta[name=citation_author_orcid]").eachAttr("content"));
        assertEquals("Costs & <margins>", content(note, "citation_title"));
        assertEquals("2017/10/27", content(note, "citation_publication_date"));
        assertEquals("https://example.org/r/notes/costs/", content(note, "citation_public_url"));
        assertEquals("Open Research", content(note, "citation_publisher"));
        assertEquals("en", content(note, "citation_language"));
        assertEquals("10.5281/zenodo.12345", content(note, "citation_doi"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", note.expectFirst("head link[rel=license]").attr("href"));
    }

    @Test
    void aPageLicenceWinsOverTheSites() {
        Document pilots = Jsoup.parse(sheafSite().buildOk().read("notes/pilots/index.html"));
        assertEquals("https://creativecommons.org/publicdomain/zero/1.0/", pilots.expectFirst("head link[rel=license]").attr("href"));
        assertEquals("This work is licensed under Creative Commons Zero v1.0 Universal (CC0 1.0). To reuse it, credit: "
                + "“Pilots” by Fellowship team, https://example.org/r/notes/pilots/, CC0 1.0.",
                pilots.expectFirst("aside.reuse").text());
    }

    @Test
    void aPlainPageHasALicenceButNoCitation() {
        Document about = Jsoup.parse(sheafSite().buildOk().read("about.html"));
        assertTrue(about.select("meta[name^=citation_]").isEmpty());
        assertTrue(about.select("section.cite").isEmpty());
        assertEquals(1, about.select("head link[rel=license]").size());
    }

    @Test
    void theCiteBlockShowsTheReferenceAndLinksTheDownloads() {
        Document note = Jsoup.parse(sheafSite().buildOk().read("notes/costs/index.html"));
        Element cite = note.expectFirst("section.cite");
        assertEquals("Lovelace, A., & Hopper, G. (2017, October 27). Costs & <margins>. Open Research. "
                + "https://doi.org/10.5281/zenodo.12345", cite.expectFirst("p.cite-reference").text());
        assertEquals(List.of("/r/notes/costs/cite.bib", "/r/notes/costs/cite.ris", "/r/notes/costs/cite.json"),
                cite.select("p.cite-downloads a").eachAttr("href"));
        assertTrue(cite.expectFirst("pre code").text().startsWith("@misc{lovelace2017costs,"));
    }

    @Test
    void citeFilesLandBesideTheNoteAndCitationCffAtTheRoot() {
        TestSite site = sheafSite().buildOk();
        assertEquals("TY  - ELEC\r\nAU  - Lovelace, Ada\r\nAU  - Hopper, Grace\r\nTI  - Costs & <margins>\r\n"
                + "T2  - Open Research\r\nPB  - Open Research\r\nPY  - 2017\r\nDA  - 2017/10/27/\r\n"
                + "DO  - 10.5281/zenodo.12345\r\nUR  - https://example.org/r/notes/costs/\r\nLA  - en\r\n"
                + "N1  - Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)\r\nER  - \r\n",
                site.read("notes/costs/cite.ris"));
        assertTrue(site.read("notes/costs/cite.bib").startsWith("@misc{lovelace2017costs,\n"));
        assertTrue(site.read("notes/costs/cite.json").startsWith("[{\"id\":\"lovelace2017costs\","));
        assertEquals("""
                cff-version: 1.2.0
                message: "If you use this work, please cite it as below."
                title: "Open Research"
                authors:
                  - family-names: "team"
                    given-names: "Fellowship"
                url: "https://example.org/r/"
                license: "CC-BY-4.0"
                """, site.read("CITATION.cff"));
        assertFalse(site.exists("about.cite.bib"));
    }

    @Test
    void theSourceIsPublishedBesideThePageByteForByte() throws IOException {
        TestSite site = sheafSite().buildOk();
        assertArrayEquals(Files.readAllBytes(dir.resolve("content/_notes/costs.md")),
                Files.readAllBytes(site.output().resolve("notes/costs/index.md")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("content/about.md")),
                Files.readAllBytes(site.output().resolve("about.md")));
    }

    @Test
    void sourceLinksNameTheSourceTheEditorAndTheForkPage() {
        Document note = Jsoup.parse(sheafSite().buildOk().read("notes/costs/index.html"));
        assertEquals(List.of("/r/notes/costs/index.md",
                "https://github.com/p2pu/open-research/edit/trunk/content/_notes/costs.md",
                "https://github.com/p2pu/open-research/fork"), note.select("p.source-links a").eachAttr("href"));
        assertEquals("View source · Edit on GitHub · Fork", note.expectFirst("p.source-links").text());
    }

    @Test
    void relativeMarkdownLinksBecomePageUrlsAndUnknownOnesAreWarnings() {
        TestSite site = sheafSite();
        BuildResult result = site.build();
        assertTrue(result.ok());
        Document note = Jsoup.parse(site.read("notes/costs/index.html"));
        assertEquals(List.of("/r/notes/pilots/#costs", "gone.md"), note.select("body > p:not(.source-links) a").eachAttr("href"));
        assertEquals("content/_notes/costs.md:13:58: warning: link \"gone.md\" names no page of this site; left as written",
                TestSite.printed(result));
    }

    /**
     * Each unknown link is warned of where it is written, though its destination appears earlier
     * too (the link of the line before, a code span before it on the same line).
     */
    @Test
    void eachUnknownLinkIsWarnedOfAtItsOwnPlace() {
        BuildResult result = sheafSite().file("content/_notes/costs.md",
                NOTE + "\nFirst `gone.md` in code, then [again](gone.md) and [by reference][g].\n\n  [g]: gone.md\n").build();
        assertTrue(result.ok());
        String warning = ": warning: link \"gone.md\" names no page of this site; left as written";
        assertEquals(String.join("\n", "content/_notes/costs.md:13:58" + warning, "content/_notes/costs.md:15:39" + warning,
                "content/_notes/costs.md:17:8" + warning), TestSite.printed(result));
    }

    /** When Liquid changed the text, offsets in it are not the file's: the link's text is looked for instead. */
    @Test
    void afterLiquidAnUnknownLinkIsWarnedOfWhereItsTextIs() {
        BuildResult result = sheafSite().file("content/_notes/costs.md",
                NOTE.replace("See the", "{{ 'See' }} the")).build();
        assertTrue(result.ok());
        assertEquals("content/_notes/costs.md:13:66: warning: link \"gone.md\" names no page of this site; left as written",
                TestSite.printed(result));
    }

    @Test
    void anUnknownLicenceIsAPositionedWarning() {
        BuildResult result = sheafSite()
                .file("content/_config.yml", CONFIG.replace("license: CC BY 4.0", "license: All rights reserved"))
                .file("content/_notes/pilots.md", "---\nlayout: note\ntitle: Pilots\nlicense: Ask us\n---\nHi\n")
                .file("content/_notes/costs.md", "---\nlayout: note\ntitle: Costs\n---\nHi\n").build();
        String hint = "\n    hint: write an SPDX id or a Creative Commons short form: CC-BY-4.0, CC BY-SA 4.0, CC0-1.0, MIT";
        assertEquals("content/_config.yml:7:1: warning: license \"All rights reserved\" is not a licence sheaf knows; "
                + "no licence is shown for it" + hint + "\n"
                + "content/_notes/pilots.md:4:1: warning: license \"Ask us\" is not a licence sheaf knows; "
                + "no licence is shown for it" + hint, TestSite.printed(result));
    }

    @Test
    void aJekyllFolderGetsNoExtraFilesUnlessItAsks() {
        String layout = "<html><head>{% citation_meta %}</head><body>{{ content }}</body></html>";
        TestSite plain = TestSite.in(dir.resolve("plain")).file("_config.yml", CONFIG)
                .file("_layouts/note.html", layout).file("_notes/costs.md", NOTE.replace("(pilots.md#costs)", "(x)")
                        .replace("[missing note](gone.md)", "end")).buildOk();
        assertEquals(List.of("notes/costs/index.html"), plain.outputPaths());
        assertEquals("10.5281/zenodo.12345", content(Jsoup.parse(plain.read("notes/costs/index.html")), "citation_doi"));

        TestSite asking = TestSite.in(dir.resolve("asking"))
                .file("_config.yml", CONFIG + "cite_files: true\nsource_files: true\n")
                .file("_layouts/note.html", layout).file("_notes/costs.md", NOTE.replace("(pilots.md#costs)", "(x)")
                        .replace("[missing note](gone.md)", "end")).buildOk();
        assertEquals(List.of("CITATION.cff", "notes/costs/cite.bib", "notes/costs/cite.json", "notes/costs/cite.ris",
                "notes/costs/index.html", "notes/costs/index.md"), asking.outputPaths());
    }

    @Test
    void feedEntriesAndJsonLdCarryTheLicence() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "plugins: [jekyll-feed, jekyll-seo-tag]\n")
                .file("_layouts/post.html", "<html><head>{% seo %}</head><body>{{ content }}</body></html>")
                .file("_posts/2019-03-01-one.md", "---\nlayout: post\ntitle: One\nlicense: CC-BY-SA-4.0\n---\nBody.\n")
                .buildOk();
        String feed = site.read("feed.xml");
        assertTrue(feed.contains("</title><rights>Creative Commons Attribution 4.0 International, "
                + "https://creativecommons.org/licenses/by/4.0/</rights><author>"), feed);
        assertTrue(feed.contains("<rights>Creative Commons Attribution-ShareAlike 4.0 International, "
                + "https://creativecommons.org/licenses/by-sa/4.0/</rights></entry>"), feed);
        assertTrue(site.read("2019/03/01/one.html").contains("\"license\":\"https://creativecommons.org/licenses/by-sa/4.0/\""));
    }

    @Test
    void licenseLinkNamesAFiguresOwnLicenceInBothEngines() {
        TestSite sheaf = sheafSite().file("templates/note.ftlh", "${license_link(\"odbl 1.0\")} ${license_link(\"Ask us\")}")
                .buildOk();
        assertEquals("<a rel=\"license\" href=\"https://opendatacommons.org/licenses/odbl/1-0/\">ODbL-1.0</a> Ask us",
                sheaf.read("notes/pilots/index.html"));
        TestSite jekyll = TestSite.in(dir.resolve("jekyll")).file("_config.yml", "title: T\n")
                .file("figure.md", "---\n---\nData: {% license_link CC BY 4.0 %}\n").buildOk();
        assertEquals("<p>Data: <a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></p>\n",
                jekyll.read("figure.html"));
    }

    @Test
    void theRepositorysOwnCitationFileParsesAndNamesTheSoftwareLicence() throws IOException {
        Object parsed = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(Files.readString(Path.of("CITATION.cff")));
        java.util.Map<?, ?> cff = (java.util.Map<?, ?>) parsed;
        assertEquals("1.2.0", cff.get("cff-version"));
        assertEquals("MIT", cff.get("license"));
        assertFalse(((List<?>) cff.get("authors")).isEmpty());
        assertEquals(List.of(), org.sheaf.testing.CffSchema.problems(Files.readString(Path.of("CITATION.cff"))));
    }

    @Test
    void theSitesCitationFileIsValidCitationFileFormat120() {
        assertEquals(List.of(), org.sheaf.testing.CffSchema.problems(sheafSite().buildOk().read("CITATION.cff")));
    }

    private static String content(Document page, String name) {
        return page.expectFirst("meta[name=" + name + "]").attr("content");
    }
}
