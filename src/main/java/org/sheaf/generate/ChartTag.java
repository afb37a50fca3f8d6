package org.sheaf.generate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sheaf.content.TemplateTag;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/**
 * The {@code {% chart %}} Liquid tag and the {@code chart({...})} Freemarker function: a figure
 * with an inline SVG chart, its data as a table, and a link to the data as CSV, a file written
 * next to the page.
 *
 * <p>One instance serves a whole build, from every render thread. It remembers the CSV files the
 * charts need ({@link #files()}, for the write stage) and how long charts took ({@link
 * #firstUse()}, {@link #total()}). JFreeChart is loaded on the first chart only.
 */
public final class ChartTag {
    /** The class attribute of a chart's narrow drawing, as {@link ChartRenderer} writes it. */
    static final String NARROW_CLASS = " class=\"chart-svg chart-svg-narrow\"";
    private final String baseurl;
    private final Map<String, String> csvByPath = new ConcurrentHashMap<>();
    private final AtomicLong firstNanos = new AtomicLong(-1);
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private final Set<String> pageUrls = ConcurrentHashMap.newKeySet();

    /**
     * {@code html} without the narrow drawings of its charts, for readers that ignore the
     * drawings' {@code <style>} and would show both: feed readers (the feed's content) and the
     * search index's text. The narrow {@code <svg>} is found by the class {@link ChartRenderer}
     * gives it and runs to the next {@code </svg>} (JFreeSVG never nests one). Here, not in
     * {@link ChartRenderer}, so that a site without charts never loads JFreeChart or AWT.
     */
    static String withoutNarrowDrawings(String html) {
        if (!html.contains(NARROW_CLASS)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        for (int marker = html.indexOf(NARROW_CLASS); marker >= 0; marker = html.indexOf(NARROW_CLASS, from)) {
            int start = html.lastIndexOf("<svg", marker);
            int end = html.indexOf("</svg>", marker);
            if (start < from || end < 0) {
                break;
            }
            out.append(html, from, start);
            from = end + "</svg>".length();
        }
        return out.append(html, from, html.length()).toString();
    }

    /** @param baseurl the site's {@code baseurl}, for the CSV link */
    public ChartTag(String baseurl) {
        this.baseurl = baseurl;
    }

    /**
     * The figure for one chart on {@code page}.
     *
     * @param arguments the tag's named arguments, values resolved ({@link ChartSpec#of})
     * @param page      the page the chart is on; its {@code url} places the CSV file
     * @throws IllegalArgumentException for the writer's mistakes, message starting {@code chart:}
     */
    public String render(Map<String, ?> arguments, Map<?, ?> page) {
        ChartSpec spec = ChartSpec.of(arguments);
        String url = page == null || page.get("url") == null ? "/" : String.valueOf(page.get("url"));
        String csv = csv(spec);
        pageUrls.add(url);
        String prefix = folder(url);
        String name = claim(prefix, spec.name(), csv);
        String csvPath = prefix + name + ".csv";
        ChartSpec named = new ChartSpec(name, spec.type(), spec.title(), spec.xLabel(), spec.yLabel(), spec.x(),
                spec.y(), spec.columns(), spec.rows());
        long started = System.nanoTime();
        String svg = ChartRenderer.render(named, description(named));
        long took = System.nanoTime() - started;
        firstNanos.compareAndSet(-1, took);
        totalNanos.addAndGet(took);
        count.incrementAndGet();
        String id = "chart-" + name;
        return "<figure class=\"chart\" id=\"" + id + "\">" + svg
                + "<figcaption>" + Html.escapeAttribute(named.title()) + " <a class=\"chart-csv\" href=\""
                + Html.escapeAttribute(JekyllFilters.relativeUrl(baseurl, "/" + csvPath)) + "\" download>Data as CSV</a>"
                + "</figcaption>" + table(named) + "</figure>";
    }

    /** The {@code chart} tag, which every site has: {@link #render} with the call's arguments, on its page. */
    public TemplateTag tag() {
        return new TemplateTag("chart", call -> render(call.arguments(), call.page()));
    }

    /** The CSV files the rendered charts link to, sorted by output path. */
    public List<GeneratedFile> files() {
        List<GeneratedFile> files = new ArrayList<>();
        csvByPath.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> files.add(new GeneratedFile(e.getKey(), "chart", e::getValue)));
        return List.copyOf(files);
    }

    /** How long the first chart took, JFreeChart's class loading included; empty when no page has a chart. */
    public Optional<Duration> firstUse() {
        long nanos = firstNanos.get();
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** How long all charts took to draw. */
    public Duration total() {
        return Duration.ofNanos(totalNanos.get());
    }

    /** Whether a chart was drawn on the page at {@code url}. */
    public boolean drewOn(String url) {
        return pageUrls.contains(url);
    }

    /** How many charts were drawn. */
    public long count() {
        return count.get();
    }

    /**
     * The chart's name on its page, its CSV at {@code prefix + name + ".csv"}: {@code NAME.csv} in the page's folder ({@code /notes/x/} gives
     * {@code notes/x/NAME.csv}; {@code /about.html} gives {@code about.NAME.csv}). A second chart
     * of the same name and other data on the page gets {@code NAME-2}; the same data, the same file.
     */
    private String claim(String prefix, String name, String csv) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? name : name + "-" + n;
            String held = csvByPath.putIfAbsent(prefix + candidate + ".csv", csv);
            if (held == null || held.equals(csv)) {
                return candidate;
            }
        }
    }

    private static String folder(String url) {
        if (url.endsWith("/")) {
            return url.substring(1);
        }
        int dot = url.lastIndexOf('.');
        return url.substring(1, dot > url.lastIndexOf('/') ? dot : url.length()) + ".";
    }

    /** Every column of every row, header first, RFC 4180. */
    static String csv(ChartSpec spec) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(spec.columns());
            for (Map<String, Object> row : spec.rows()) {
                List<String> values = new ArrayList<>();
                for (String column : spec.columns()) {
                    values.add(ChartSpec.shown(row.get(column)));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The words a screen reader says for the chart: what it plots, over which range, each series' extremes. */
    static String description(ChartSpec spec) {
        List<Map<String, Object>> rows = spec.rows();
        StringBuilder text = new StringBuilder()
                .append(spec.type() == ChartSpec.Type.BAR ? "Bar chart of " : "Line chart of ")
                .append(String.join(", ", spec.y().stream().map(ChartSpec::label).toList()).toLowerCase(java.util.Locale.ROOT))
                .append(" by ").append(spec.xLabel().toLowerCase(java.util.Locale.ROOT))
                .append(", ").append(rows.size()).append(rows.size() == 1 ? " point" : " points")
                .append(" from ").append(ChartSpec.shown(rows.get(0).get(spec.x())))
                .append(" to ").append(ChartSpec.shown(rows.get(rows.size() - 1).get(spec.x()))).append('.');
        for (String column : spec.y()) {
            BigDecimal low = null;
            BigDecimal high = null;
            for (Map<String, Object> row : rows) {
                BigDecimal value = ChartSpec.number(row.get(column));
                low = low == null || value.compareTo(low) < 0 ? value : low;
                high = high == null || value.compareTo(high) > 0 ? value : high;
            }
            text.append(' ').append(ChartSpec.label(column)).append(" ranges from ")
                    .append(low.toPlainString()).append(" to ").append(high.toPlainString()).append('.');
        }
        return text.toString();
    }

    /**
     * The data the chart draws: the x column as row headers, the y columns as data cells. The
     * table takes keyboard focus ({@code tabindex="0"}), so that a reader without a mouse can
     * scroll it sideways where it is wider than a phone's screen.
     */
    static String table(ChartSpec spec) {
        StringBuilder html = new StringBuilder("<table class=\"chart-data\" tabindex=\"0\"><caption>Data: ")
                .append(Html.escapeAttribute(spec.title())).append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.escapeAttribute(spec.xLabel())).append("</th>");
        for (String column : spec.y()) {
            html.append("<th scope=\"col\">").append(Html.escapeAttribute(ChartSpec.label(column))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Map<String, Object> row : spec.rows()) {
            html.append("<tr><th scope=\"row\">").append(Html.escapeAttribute(ChartSpec.shown(row.get(spec.x())))).append("</th>");
            for (String column : spec.y()) {
                html.append("<td>").append(Html.escapeAttribute(ChartSpec.shown(row.get(column)))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
