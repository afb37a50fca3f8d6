package org.sheaf.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The SVG a chart becomes: well-formed, accessible, and the same bytes for the same data. */
class ChartRendererTest {
    private static final List<Map<String, Object>> ROWS = List.of(
            row("year", 2018, "training", 12000, "pilots", "3000"),
            row("year", 2019, "training", 18000, "pilots", "4500.5"),
            row("year", 2020, "training", 21000, "pilots", "6000"));

    /** A row with its columns in the order given, as YAML and CSV give them. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static ChartSpec spec(String type, String y) {
        return ChartSpec.of(Map.of("data", ROWS, "type", type, "x", "year", "y", y, "title", "Revenue <by> stream"));
    }

    @Test
    void svgIsWellFormedXml() throws Exception {
        for (String type : List.of("line", "bar")) {
            for (ChartRenderer.Shape shape : ChartRenderer.Shape.values()) {
                String svg = ChartRenderer.render(spec(type, "training,pilots"), "A description.", shape);
                org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new InputSource(new StringReader(svg)));
                assertEquals("svg", xml.getDocumentElement().getTagName());
            }
        }
    }

    @Test
    void aChartIsDrawnWideAndNarrowEachHidingItselfWhereTheOtherShows() {
        Document doc = Jsoup.parse(ChartRenderer.render(spec("bar", "training"), "d"), "", Parser.xmlParser());
        List<Element> svgs = doc.select("svg");
        assertEquals(List.of("chart-revenue-by-stream-svg", "chart-revenue-by-stream-narrow-svg"),
                svgs.stream().map(Element::id).toList());
        assertEquals("@media (max-width: 39.99em) { #chart-revenue-by-stream-svg { display: none; } }",
                svgs.get(0).expectFirst("> style").text());
        assertEquals("@media (min-width: 40em) { #chart-revenue-by-stream-narrow-svg { display: none; } }",
                svgs.get(1).expectFirst("> style").text());
    }

    @Test
    void feedsAndTheSearchIndexGetOnlyTheWideDrawing() {
        String figure = "<p>Before</p>" + ChartRenderer.render(spec("bar", "training"), "d") + "<p>between</p>"
                + ChartRenderer.render(spec("line", "pilots"), "d") + "<p>After</p>";
        Document doc = Jsoup.parse(ChartTag.withoutNarrowDrawings(figure));
        assertEquals(List.of("chart-revenue-by-stream-svg", "chart-revenue-by-stream-svg"), doc.select("svg").eachAttr("id"));
        assertEquals(List.of("Before", "between", "After"), doc.select("body > p").eachText());
        assertEquals("<p>No chart</p>", ChartTag.withoutNarrowDrawings("<p>No chart</p>"));
    }

    /**
     * A 390-pixel phone gives the fellowship site's column 358 pixels: the narrow drawing, scaled
     * to that width, must show every label at 11 pixels or more (the wide one would show 7).
     */
    @Test
    void theNarrowDrawingKeepsLabelsLegibleInAPhoneColumn() {
        for (String type : List.of("line", "bar")) {
            String svg = ChartRenderer.render(spec(type, "training,pilots"), "d", ChartRenderer.Shape.NARROW);
            Element root = Jsoup.parse(svg, "", Parser.xmlParser()).expectFirst("svg");
            double scale = 358.0 / Double.parseDouble(root.attr("viewBox").split(" ")[2]);
            List<Element> texts = root.select("text");
            assertFalse(texts.isEmpty());
            for (Element text : texts) {
                java.util.regex.Matcher size = java.util.regex.Pattern.compile("font-size: ([0-9.]+)px")
                        .matcher(text.attr("style"));
                assertTrue(size.find(), text.outerHtml());
                double shown = Double.parseDouble(size.group(1)) * scale;
                assertTrue(shown >= 11, "\"" + text.text() + "\" shown at " + shown + " px");
            }
        }
    }

    @Test
    void svgCarriesTitleDescriptionAndAxisLabels() {
        String svg = ChartRenderer.render(spec("line", "training,pilots"), "Two series & a range.",
                ChartRenderer.Shape.WIDE);
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        Element root = doc.expectFirst("svg");
        assertEquals("chart-revenue-by-stream-svg", root.id());
        assertEquals("img", root.attr("role"));
        assertEquals("chart-revenue-by-stream-title chart-revenue-by-stream-desc", root.attr("aria-labelledby"));
        assertEquals("0 0 640 360", root.attr("viewBox"));
        assertEquals("Revenue <by> stream", root.expectFirst("> title").text());
        assertEquals("Two series & a range.", root.expectFirst("> desc").text());
        List<String> texts = doc.select("text").eachText();
        for (String label : List.of("Year", "Training, pilots", "Training", "Pilots", "2018", "2020")) {
            assertTrue(texts.contains(label), label + " missing from " + texts);
        }
    }

    @Test
    void sameSpecGivesTheSameBytesAndNoTimeBasedIds() {
        String first = ChartRenderer.render(spec("bar", "training"), "d");
        String second = ChartRenderer.render(spec("bar", "training"), "d");
        assertEquals(first, second);
        Document doc = Jsoup.parse(first, "", Parser.xmlParser());
        for (Element element : doc.select("[id]")) {
            assertTrue(element.id().startsWith("chart-revenue-by-stream-"), element.id());
        }
    }

    @Test
    void textAndAxesFollowThePageColour() {
        String svg = ChartRenderer.render(spec("line", "training"), "d");
        assertTrue(svg.contains("fill: currentColor"), "text in currentColor");
        assertTrue(svg.contains("stroke:currentColor"), "axes in currentColor");
        assertFalse(svg.contains("rgb(255,255,255)"), "no white background");
        assertFalse(svg.contains("rgb(1,2,3)"), "the ink colour is always replaced");
    }

    @Test
    void tableAndCsvHoldTheData() {
        ChartSpec spec = spec("line", "training,pilots");
        assertEquals("year,training,pilots\n2018,12000,3000\n2019,18000,4500.5\n2020,21000,6000\n", ChartTag.csv(spec));
        Document table = Jsoup.parse(ChartTag.table(spec));
        assertEquals("Data: Revenue <by> stream", table.expectFirst("caption").text());
        assertEquals(List.of("Year", "Training", "Pilots"), table.select("thead th[scope=col]").eachText());
        assertEquals(List.of("2018", "2019", "2020"), table.select("tbody th[scope=row]").eachText());
        assertEquals(List.of("12000", "3000", "18000", "4500.5", "21000", "6000"), table.select("tbody td").eachText());
        assertEquals("Line chart of training, pilots by year, 3 points from 2018 to 2020. "
                + "Training ranges from 12000 to 21000. Pilots ranges from 3000 to 6000.", ChartTag.description(spec));
    }

    @Test
    void csvQuotesValuesThatNeedIt() {
        ChartSpec spec = ChartSpec.of(Map.of("data", List.of(row("name", "Smith, J.", "n", 2)), "x", "name", "y", "n"));
        assertEquals("name,n\n\"Smith, J.\",2\n", ChartTag.csv(spec));
    }

    @Test
    void refusesUnknownArgumentsAndDataThatIsNotRows() {
        assertEquals("chart: unknown argument \"colour\"; arguments are data, type, x, y, title, name, x_label, y_label",
                assertThrows(IllegalArgumentException.class,
                        () -> ChartSpec.of(Map.of("data", ROWS, "x", "year", "y", "training", "colour", "red"))).getMessage());
        assertEquals("chart: data must be a list of rows (a YAML list of maps or a CSV file), not \"2018\"",
                assertThrows(IllegalArgumentException.class,
                        () -> ChartSpec.of(Map.of("data", "2018", "x", "year", "y", "training"))).getMessage());
        assertEquals("chart: y is missing; name the columns to draw, e.g. y=revenue or y=\"training,pilots\"",
                assertThrows(IllegalArgumentException.class,
                        () -> ChartSpec.of(Map.of("data", ROWS, "x", "year"))).getMessage());
    }
}
