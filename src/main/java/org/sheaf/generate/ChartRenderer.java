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
import org.sheaf.jekyll.Html;

/**
 * Draws a {@link ChartSpec} with JFreeChart onto JFreeSVG's {@code SVGGraphics2D} and returns the
 * {@code <svg>} element, ready to inline in a page.
 *
 * <p>Each chart is drawn twice, in two {@link Shape}s: wide (640 by 360) for screens at least
 * 40em wide, and narrow (360 by 300) for phones. An SVG scales its text with its width, so one
 * drawing cannot serve both: the wide one shrunk into a 390-pixel phone's column would show its
 * 13-pixel labels at 7 pixels, while the narrow one keeps them at about 13. Each SVG carries a
 * {@code <style>} with the media query that hides it where the other is shown, so the switch
 * works on any site, whatever its stylesheet.
 *
 * <p>The output is deterministic: a fixed size per shape (scaled by its {@code viewBox}),
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
    /** The two drawings of a chart: each one's size, id suffix and the media query that hides it. */
    enum Shape {
        WIDE(640, 360, "", "max-width: 39.99em"),
        NARROW(360, 300, "-narrow", "min-width: 40em");

        final int width;
        final int height;
        final String suffix;
        final String hiddenWhen;

        Shape(int width, int height, String suffix, String hiddenWhen) {
            this.width = width;
            this.height = height;
            this.suffix = suffix;
            this.hiddenWhen = hiddenWhen;
        }
    }

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

    /** The chart in both shapes, wide first: {@link #render(ChartSpec, String, Shape)} twice. */
    static String render(ChartSpec spec, String description) {
        return render(spec, description, Shape.WIDE) + render(spec, description, Shape.NARROW);
    }

    /**
     * The chart as an {@code <svg>} element with id {@code chart-NAME-svg} (wide) or
     * {@code chart-NAME-narrow-svg}, {@code role="img"}, {@code aria-labelledby} naming its
     * {@code <title>} and {@code <desc>}, and the {@code <style>} that hides it outside its widths.
     *
     * @param description the text of {@code <desc>}, for screen readers
     */
    static String render(ChartSpec spec, String description, Shape shape) {
        JFreeChart chart = chart(spec);
        SVGGraphics2D canvas = new SVGGraphics2D(shape.width, shape.height);
        String id = "chart-" + spec.name() + shape.suffix;
        canvas.setDefsKeyPrefix(id + "-");
        canvas.setGeomDoubleConverter(ChartRenderer::decimal);
        canvas.setTransformDoubleConverter(ChartRenderer::decimal);
        chart.draw(canvas, new Rectangle(0, 0, shape.width, shape.height));
        String svg = canvas.getSVGElement(id + "-svg", false, new ViewBox(0, 0, shape.width, shape.height), null, null)
                .replace(INK_SVG, "currentColor");
        int open = svg.indexOf('>');
        return svg.substring(0, open) + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\""
                + (shape == Shape.WIDE ? " class=\"chart-svg chart-svg-wide\">" : ChartTag.NARROW_CLASS + ">")
                + "<title id=\"" + id + "-title\">" + Html.escapeAttribute(spec.title()) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + Html.escapeAttribute(description) + "</desc>"
                + "<style>@media (" + shape.hiddenWhen + ") { #" + id + "-svg { display: none; } }</style>"
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
}
