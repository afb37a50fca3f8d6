package org.sheaf.generate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link ChartSpec} with JFreeChart onto JFreeSVG's {@code SVGGraphics2D} and returns the
 * {@code <svg>} element, ready to inline in a page.
 *
 * <p>The output is deterministic: a fixed size (640 by 360, scaled by its {@code viewBox}),
 * the logical {@code SansSerif} font, coordinates rounded to two decimals, and element ids
 * prefixed with {@code chart-NAME-} instead of JFreeSVG's time-based default. Text, axes and
 * grid lines are drawn in {@code currentColor}, so the chart follows the page's text colour in
 * light and dark themes; the series use mid-tone colours readable on both.
 *
 * <p>This class is the only one that touches JFreeChart and AWT, so a site without charts never
 * loads them. It needs {@code java.awt.headless=true}, which it sets if nothing has yet, and
 * it switches off JFreeChart's rotated-text workaround (a JVM-wide setting) so that every label
 * stays a {@code <text>} element.
 * Thread-safe: every call draws on its own chart and canvas.
 */
final class ChartRenderer {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    /** Painted where the text colour goes, then written as {@code currentColor}: no chart uses this colour. */
    private static final Color INK = new Color(1, 2, 3);
    private static final String INK_SVG = "rgb(1,2,3)";
    private static final Color[] SERIES = {
        new Color(0x2F, 0x7E, 0xD8), new Color(0xE0, 0x7B, 0x00), new Color(0x2A, 0x9D, 0x6F),
        new Color(0xC4, 0x4E, 0x92), new Color(0x8A, 0x6F, 0xD6), new Color(0x99, 0x8A, 0x2E),
    };
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JFreeChart otherwise draws rotated text (the value axis label) through a TextLayout,
        // which JFreeSVG writes as glyph outlines: unreadable to screen readers and search.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartRenderer() {
    }

    /**
     * The chart as an {@code <svg>} element with id {@code chart-NAME-svg}, {@code role="img"}
     * and {@code aria-labelledby} naming its {@code <title>} and {@code <desc>}.
     *
     * @param description the text of {@code <desc>}, for screen readers
     */
    static String render(ChartSpec spec, String description) {
        JFreeChart chart = chart(spec);
        SVGGraphics2D canvas = new SVGGraphics2D(WIDTH, HEIGHT);
        String id = "chart-" + spec.name();
        canvas.setDefsKeyPrefix(id + "-");
        canvas.setGeomDoubleConverter(ChartRenderer::decimal);
        canvas.setTransformDoubleConverter(ChartRenderer::decimal);
        chart.draw(canvas, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = canvas.getSVGElement(id + "-svg", false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null)
                .replace(INK_SVG, "currentColor");
        int open = svg.indexOf('>');
        return svg.substring(0, open) + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\""
                + " class=\"chart-svg\">"
                + "<title id=\"" + id + "-title\">" + escape(spec.title()) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escape(description) + "</desc>"
                + svg.substring(open + 1);
    }

    private static JFreeChart chart(ChartSpec spec) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Map<String, Object> row : spec.rows()) {
            String category = ChartSpec.shown(row.get(spec.x()));
            for (String column : spec.y()) {
                BigDecimal value = ChartSpec.number(row.get(column));
                dataset.addValue(value, ChartSpec.label(column), category);
            }
        }
        boolean legend = spec.y().size() > 1;
        JFreeChart chart = spec.type() == ChartSpec.Type.BAR
                ? ChartFactory.createBarChart(null, spec.xLabel(), spec.yLabel(), dataset, PlotOrientation.VERTICAL,
                        legend, false, false)
                : ChartFactory.createLineChart(null, spec.xLabel(), spec.yLabel(), dataset, PlotOrientation.VERTICAL,
                        legend, false, false);
        chart.setBackgroundPaint(null);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(1, 2, 3, 64));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
        range.setAutoRangeIncludesZero(true);
        CategoryItemRenderer renderer = plot.getRenderer();
        for (int i = 0; i < spec.y().size(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        if (renderer instanceof LineAndShapeRenderer line) {
            line.setDefaultShapesVisible(true);
        }
        if (renderer instanceof BarRenderer bar) {
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setDrawBarOutline(false);
            bar.setItemMargin(0.05);
        }
        LegendTitle key = chart.getLegend();
        if (key != null) {
            key.setBackgroundPaint(null);
            key.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            key.setItemFont(TEXT);
            key.setItemPaint(INK);
            key.setPosition(RectangleEdge.TOP);
        }
        return chart;
    }

    private static void style(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TEXT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
        if (axis instanceof CategoryAxis category) {
            category.setCategoryMargin(0.2);
        }
        if (axis instanceof ValueAxis value) {
            value.setTickMarksVisible(true);
        }
    }

    private static String decimal(double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
