package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {% chart %}} and {@code chart({...})} in whole builds: figure, table, CSV file, and errors at the tag. */
class ChartsBuildTest {
    @TempDir
    Path dir;

    private static final String CONFIG = "title: Notes\nbaseurl: /r\ntimezone: UTC\n";
    private static final String FIGURES = """
            figures:
              - { year: 2018, libraries: 4, revenue: 20000 }
              - { year: 2019, libraries: 9, revenue: 45000 }
            """;
    private static final String REVENUE_CSV = "year,training,memberships\n2018,12000,0\n2019,18000,5000\n";

    private TestSite liquidSite(String body) {
        return TestSite.in(dir).file("_config.yml", CONFIG).file("_data/revenue.csv", REVENUE_CSV)
                .file("_layouts/default.html", "<main>{{ content }}</main>\n")
                .file("model.md", "---\nlayout: default\n" + FIGURES + "---\n# Model\n\n" + body + "\n");
    }

    @Test
    void liquidTagDrawsFrontMatterFiguresAsFigureTableAndCsv() {
        TestSite site = liquidSite("{% chart data=page.figures type=bar x=year y=revenue %}").buildOk();
        Document page = Jsoup.parse(site.read("model.html"));
        Element figure = page.expectFirst("figure.chart#chart-revenue");
        Element svg = figure.expectFirst("svg");
        assertEquals("img", svg.attr("role"));
        assertEquals("chart-revenue-title chart-revenue-desc", svg.attr("aria-labelledby"));
        assertEquals("Revenue by year", svg.expectFirst("title#chart-revenue-title").text());
        assertEquals("Bar chart of revenue by year, 2 points from 2018 to 2019. Revenue ranges from 20000 to 45000.",
                svg.expectFirst("desc#chart-revenue-desc").text());
        assertEquals("/r/model.revenue.csv", figure.expectFirst("a.chart-csv").attr("href"));
        assertEquals(List.of("Year", "Revenue"), figure.select("table thead th").eachText());
        assertEquals(List.of("2018", "20000", "2019", "45000"), figure.select("table tbody th, table tbody td").eachText());
        assertEquals("year,libraries,revenue\n2018,4,20000\n2019,9,45000\n", site.read("model.revenue.csv"));
    }

    @Test
    void liquidTagDrawsADataFileWithSeveralSeriesAndATitle() {
        TestSite site = liquidSite("{% chart data=site.data.revenue type=line x=year y=\"training,memberships\" "
                + "title=\"Revenue by stream\" %}").buildOk();
        Element figure = Jsoup.parse(site.read("model.html")).expectFirst("figure#chart-revenue-by-stream");
        assertEquals("Revenue by stream Data as CSV", figure.expectFirst("figcaption").text());
        assertEquals(List.of("Year", "Training", "Memberships"), figure.select("thead th").eachText());
        String svg = figure.expectFirst("svg").outerHtml();
        assertTrue(svg.contains(">Training<") && svg.contains(">Memberships<"), "legend names both series");
        assertEquals(REVENUE_CSV, site.read("model.revenue-by-stream.csv"));
    }

    @Test
    void freemarkerFunctionTakesAHashOfArguments() {
        TestSite site = TestSite.in(dir).file("content/_config.yml", CONFIG)
                .file("content/_data/revenue.csv", REVENUE_CSV)
                .file("content/notes/model.md", "---\nlayout: model\n" + FIGURES + "---\nText.\n")
                .file("templates/model.ftlh", "<main>${content?no_esc}\n"
                        + "${chart({\"data\": page.figures, \"type\": \"line\", \"x\": \"year\", \"y\": \"libraries\"})}\n"
                        + "${chart({\"data\": site.data.revenue, \"x\": \"year\", \"y\": \"training\", \"name\": \"streams\"})}\n"
                        + "</main>\n")
                .buildOk();
        Document page = Jsoup.parse(site.read("notes/model.html"));
        assertEquals("Libraries by year", page.expectFirst("#chart-libraries svg title").text());
        assertEquals("/r/notes/model.streams.csv", page.expectFirst("#chart-streams a.chart-csv").attr("href"));
        assertEquals(REVENUE_CSV, site.read("notes/model.streams.csv"));
        assertEquals("year,libraries,revenue\n2018,4,20000\n2019,9,45000\n", site.read("notes/model.libraries.csv"));
    }

    @Test
    void csvSitsInThePagesFolderForPrettyUrls() {
        TestSite site = TestSite.in(dir).file("_config.yml", CONFIG + "permalink: pretty\n")
                .file("_data/revenue.csv", REVENUE_CSV)
                .file("model.md", "---\n---\n{% chart data=site.data.revenue x=year y=training name=revenue %}\n")
                .buildOk();
        assertEquals(List.of("model/index.html", "model/revenue.csv"), site.outputPaths());
        assertEquals("/r/model/revenue.csv", Jsoup.parse(site.read("model/index.html")).expectFirst("a.chart-csv").attr("href"));
    }

    @Test
    void twoChartsOfOneNameOnAPageGetTwoFiles() {
        TestSite site = liquidSite("{% chart data=page.figures x=year y=revenue %}\n\n"
                + "{% chart data=site.data.revenue x=year y=training name=revenue %}").buildOk();
        assertEquals(List.of("model.html", "model.revenue-2.csv", "model.revenue.csv"), site.outputPaths());
        Document page = Jsoup.parse(site.read("model.html"));
        assertNotNull(page.getElementById("chart-revenue"));
        assertNotNull(page.getElementById("chart-revenue-2"));
    }

    @Test
    void buildingTwiceGivesTheSameChartBytes() {
        String body = "{% chart data=site.data.revenue x=year y=\"training,memberships\" %}";
        String first = liquidSite(body).buildOk().read("model.html");
        String second = liquidSite(body).buildOk().read("model.html");
        assertEquals(first, second);
    }

    @Test
    void unknownColumnIsAnErrorAtTheTag() {
        assertEquals("model.md:11:1: error: chart: no column \"revnue\" in the data; columns are year, libraries, revenue",
                errors("Some text.\n\n{% chart data=page.figures x=year y=revnue %}"));
    }

    @Test
    void nonNumericValueIsAnErrorAtTheTag() {
        TestSite site = liquidSite("{% chart data=site.data.revenue x=year y=training %}")
                .file("_data/revenue.csv", "year,training\n2018,12000\n2019,n/a\n");
        assertEquals("model.md:9:1: error: chart: value \"n/a\" in column \"training\", row 2, is not a number",
                TestSite.printed(site.build()));
    }

    @Test
    void emptyOrMissingDataIsAnErrorAtTheTag() {
        TestSite site = liquidSite("x\n{% chart data=site.data.empty x=year y=training %}")
                .file("_data/empty.yml", "[]\n");
        assertEquals("model.md:10:1: error: chart: the data is empty", TestSite.printed(site.build()));
        assertEquals("model.md:9:1: error: chart: data is missing or undefined; write data=page.NAME or data=site.data.NAME",
                errors("{% chart data=site.data.nothing x=year y=revenue %}"));
    }

    @Test
    void unknownTypeIsAnErrorAtTheTag() {
        assertEquals("model.md:9:3: error: chart: unknown type \"pie\"; use line or bar",
                errors("  {% chart data=page.figures type=pie x=year y=revenue %}"));
    }

    @Test
    void theSecondOfTwoTagsIsTheOneBlamed() {
        assertEquals("model.md:11:1: error: chart: unknown type \"area\"; use line or bar",
                errors("{% chart data=page.figures type=bar x=year y=revenue %}\n\n"
                        + "{% chart data=page.figures type=area x=year y=revenue %}"));
    }

    @Test
    void freemarkerErrorIsPositionedAtTheCall() {
        BuildResult result = TestSite.in(dir).file("content/_config.yml", CONFIG)
                .file("content/model.md", "---\nlayout: model\n" + FIGURES + "---\nText.\n")
                .file("templates/model.ftlh", "<main>\n  ${chart({\"data\": page.figures, \"x\": \"year\", \"y\": \"cost\"})}\n</main>\n")
                .build();
        assertEquals("templates/model.ftlh:2:3: error: chart: no column \"cost\" in the data; columns are year, libraries, revenue"
                + "\n    in: content/model.md", TestSite.printed(result));
    }

    @Test
    void aSiteWithoutChartsWritesNoCsvAndNotesNoChartTime() {
        BuildResult result = liquidSite("No chart here.").build();
        assertTrue(result.ok());
        assertFalse(result.stageTimes().containsKey("first chart"));
    }

    private String errors(String body) {
        BuildResult result = liquidSite(body).build();
        assertFalse(result.ok());
        return TestSite.printed(result);
    }
}
