package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.testing.CffSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each citation format, exactly, for a note by two authors with ORCID iDs, with a DOI, and with
 * a title and names full of each format's special characters.
 */
class CitationRendererTest {
    private static final String TITLE = "Costs & \"margins\": 100% of {budget}_x <script>\\ ~^ #1\nnext line";

    static Map<String, Object> page() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", TITLE);
        page.put("url", "/notes/costs/");
        page.put("collection", "notes");
        page.put("date", ZonedDateTime.of(2017, 10, 27, 0, 0, 0, 0, ZoneOffset.UTC));
        page.put("doi", "https://doi.org/10.5281/zenodo.12345");
        page.put("authors", List.of(
                Map.of("name", "José Ñúñez-Pérez", "orcid", "0000-0002-1825-0097", "affiliation", "Library & Co"),
                Map.of("name", "O'Brien, Mary Kate", "orcid", "https://orcid.org/0000-0001-5109-3700")));
        return page;
    }

    static Map<String, Object> site() {
        return Map.of("title", "Open \"Revenue\" Research", "lang", "en", "license", "CC BY-SA 4.0",
                "author", "Fellowship team");
    }

    static Citation citation() {
        return Citations.of(page(), site(), "https://example.org", "/r");
    }

    @Test
    void readsAuthorsDateDoiAndLicenceFromThePage() {
        Citation c = citation();
        assertEquals("nunezperez2017costs", c.key());
        assertEquals(List.of(
                new Citation.Author("José Ñúñez-Pérez", "Ñúñez-Pérez", "José", false, "0000-0002-1825-0097", "Library & Co"),
                new Citation.Author("O'Brien, Mary Kate", "O'Brien", "Mary Kate", false, "0000-0001-5109-3700", null)),
                c.authors());
        assertEquals("10.5281/zenodo.12345", c.doi());
        assertEquals("https://example.org/r/notes/costs/", c.url());
        assertEquals("CC-BY-SA-4.0", c.license().spdx());
    }

    @Test
    void writesBibtexWithTexSpecialsEscaped() {
        assertEquals("""
                @misc{nunezperez2017costs,
                  author = {Ñúñez-Pérez, José and O'Brien, Mary Kate},
                  title = {{Costs \\& "margins": 100\\% of \\{budget\\}\\_x <script>\\textbackslash{} \\textasciitilde{}\\textasciicircum{} \\#1 next line}},
                  howpublished = {Open "Revenue" Research},
                  year = {2017},
                  month = oct,
                  doi = {10.5281/zenodo.12345},
                  url = {https://example.org/r/notes/costs/},
                  language = {en},
                  note = {Licensed under CC BY-SA 4.0},
                }
                """, CitationRenderer.bibtex(citation()));
    }

    @Test
    void writesRisOneValuePerLineEndingCrlf() {
        assertEquals("TY  - ELEC\r\n"
                + "AU  - Ñúñez-Pérez, José\r\n"
                + "AU  - O'Brien, Mary Kate\r\n"
                + "TI  - Costs & \"margins\": 100% of {budget}_x <script>\\ ~^ #1 next line\r\n"
                + "T2  - Open \"Revenue\" Research\r\n"
                + "PB  - Open \"Revenue\" Research\r\n"
                + "PY  - 2017\r\n"
                + "DA  - 2017/10/27/\r\n"
                + "DO  - 10.5281/zenodo.12345\r\n"
                + "UR  - https://example.org/r/notes/costs/\r\n"
                + "LA  - en\r\n"
                + "N1  - Licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)\r\n"
                + "ER  - \r\n", CitationRenderer.ris(citation()));
    }

    @Test
    void writesCslJsonThatParsesBackToTheSameValues() {
        String json = CitationRenderer.cslJson(citation());
        assertEquals("[{\"id\":\"nunezperez2017costs\",\"type\":\"webpage\","
                + "\"title\":\"Costs & \\\"margins\\\": 100% of {budget}_x \\u003cscript>\\\\ ~^ #1\\nnext line\","
                + "\"author\":[{\"family\":\"Ñúñez-Pérez\",\"given\":\"José\"},{\"family\":\"O'Brien\",\"given\":\"Mary Kate\"}],"
                + "\"issued\":{\"date-parts\":[[2017,10,27]]},"
                + "\"container-title\":\"Open \\\"Revenue\\\" Research\",\"publisher\":\"Open \\\"Revenue\\\" Research\","
                + "\"DOI\":\"10.5281/zenodo.12345\",\"URL\":\"https://example.org/r/notes/costs/\",\"language\":\"en\","
                + "\"license\":\"https://creativecommons.org/licenses/by-sa/4.0/\"}]\n", json);
        List<?> items = (List<?>) yaml().load(json);
        Map<?, ?> item = (Map<?, ?>) items.get(0);
        assertEquals(TITLE, item.get("title"));
        assertEquals(List.of(List.of(2017, 10, 27)), ((Map<?, ?>) item.get("issued")).get("date-parts"));
    }

    @Test
    void writesCitationFileFormatThatParsesBackToTheSameValues() {
        Citation site = new Citation("", "site", "Open \"Revenue\": research #1", citation().authors(),
                java.time.LocalDate.of(2018, 1, 2), "https://example.org/r/", "Open Revenue Research", "en",
                "10.5281/zenodo.1", Licenses.parse("CC-BY-SA-4.0").orElseThrow());
        String cff = CitationRenderer.cff(site, "1.0");
        assertEquals("""
                cff-version: 1.2.0
                message: "If you use this work, please cite it as below."
                title: "Open \\"Revenue\\": research #1"
                authors:
                  - family-names: "Ñúñez-Pérez"
                    given-names: "José"
                    orcid: "https://orcid.org/0000-0002-1825-0097"
                    affiliation: "Library & Co"
                  - family-names: "O'Brien"
                    given-names: "Mary Kate"
                    orcid: "https://orcid.org/0000-0001-5109-3700"
                url: "https://example.org/r/"
                doi: "10.5281/zenodo.1"
                license: "CC-BY-SA-4.0"
                version: "1.0"
                date-released: "2018-01-02"
                """, cff);
        Map<?, ?> parsed = (Map<?, ?>) yaml().load(cff);
        assertEquals("Open \"Revenue\": research #1", parsed.get("title"));
        assertEquals("Library & Co", ((Map<?, ?>) ((List<?>) parsed.get("authors")).get(0)).get("affiliation"));
    }

    @Test
    void citationFileFormatIsValidAgainstTheCff120Schema() {
        List<Citation.Author> authors = new java.util.ArrayList<>(citation().authors());
        authors.add(new Citation.Author("Fellowship team", "", "", true, null, "Peer 2 Peer University"));
        Citation site = new Citation("", "site", "Open \"Revenue\": research #1", authors,
                java.time.LocalDate.of(2018, 1, 2), "https://example.org/r/", "Open Revenue Research", "en",
                "10.5281/zenodo.1", Licenses.parse("CC-BY-SA-4.0").orElseThrow());
        assertEquals(List.of(), CffSchema.problems(CitationRenderer.cff(site, "1.0")));
        Citation bare = new Citation("", "site", "Notes", List.of(new Citation.Author("Ada", "", "", true, null, null)),
                null, "", "Notes", null, null, null);
        assertEquals(List.of(), CffSchema.problems(CitationRenderer.cff(bare, null)));
    }

    @Test
    void theCffSchemaRejectsWhatGitHubWouldReject() {
        assertEquals(List.of("/: required property 'authors' not found"), CffSchema.problems(
                "cff-version: 1.2.0\nmessage: \"Cite it.\"\ntitle: \"T\"\n"));
        assertFalse(CffSchema.problems("cff-version: 1.2.0\nmessage: \"Cite it.\"\ntitle: \"T\"\n"
                + "authors:\n  - name: \"Team\"\n    affiliation: \"University\"\n").isEmpty());
    }

    @Test
    void writesHighwireMetaTagsWithAttributesEscaped() {
        assertEquals("""
                <meta name="citation_title" content="Costs &amp; &quot;margins&quot;: 100% of {budget}_x &lt;script&gt;\\ ~^ #1 next line">
                <meta name="citation_author" content="José Ñúñez-Pérez">
                <meta name="citation_author_institution" content="Library &amp; Co">
                <meta name="citation_author_orcid" content="https://orcid.org/0000-0002-1825-0097">
                <meta name="citation_author" content="O&#39;Brien, Mary Kate">
                <meta name="citation_author_orcid" content="https://orcid.org/0000-0001-5109-3700">
                <meta name="citation_publication_date" content="2017/10/27">
                <meta name="citation_public_url" content="https://example.org/r/notes/costs/">
                <meta name="citation_publisher" content="Open &quot;Revenue&quot; Research">
                <meta name="citation_language" content="en">
                <meta name="citation_doi" content="10.5281/zenodo.12345">
                """, CitationRenderer.highwire(citation()));
    }

    @Test
    void writesAnApaLikeReferenceLinkingTheDoi() {
        assertEquals("Ñúñez-Pérez, J., &amp; O&#39;Brien, M. K. (2017, October 27). "
                + "<i>Costs &amp; &quot;margins&quot;: 100% of {budget}_x &lt;script&gt;\\ ~^ #1 next line</i>. "
                + "Open &quot;Revenue&quot; Research. "
                + "<a href=\"https://doi.org/10.5281/zenodo.12345\">https://doi.org/10.5281/zenodo.12345</a>",
                CitationRenderer.apa(citation()));
    }

    @Test
    void anOrganisationIsWrittenWholeInEveryFormat() {
        Map<String, Object> page = new LinkedHashMap<>(page());
        page.remove("authors");
        Map<String, Object> site = new LinkedHashMap<>(site());
        site.put("data", Map.of("authors", Map.of("Fellowship team", Map.of("type", "Organization"))));
        Citation c = Citations.of(page, site, "https://example.org", "");
        assertEquals("  author = {{Fellowship team}},", CitationRenderer.bibtex(c).lines().toList().get(1));
        assertEquals("AU  - Fellowship team", CitationRenderer.ris(c).lines().toList().get(1));
        assertEquals(true, CitationRenderer.apa(c).startsWith("Fellowship team. (2017, October 27). "));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
