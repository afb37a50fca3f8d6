package org.sheaf.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sheaf.jekyll.Slugs;

/**
 * What one chart shows, checked: the rows of its data, the column along the x axis, the numeric
 * columns drawn against it, and the words a reader (or a screen reader) sees.
 *
 * @param name    the chart's name: its CSV file is {@code NAME.csv}, its element ids start with
 *                {@code chart-NAME}; from {@code name=}, else the title's slug, else the y columns
 * @param type    line or bar
 * @param title   the caption and the SVG's {@code <title>}; never empty
 * @param xLabel  the x axis label ({@code x_label=}, else the x column's name)
 * @param yLabel  the value axis label ({@code y_label=}, else the y columns' names)
 * @param x       the column along the x axis; its values are categories (years, names)
 * @param y       the columns drawn, at least one, each numeric in every row
 * @param columns every column of the data, in the order the rows first name them (the CSV's header)
 * @param rows    the data, one map per row, values as the data gave them
 */
public record ChartSpec(String name, Type type, String title, String xLabel, String yLabel, String x,
                        List<String> y, List<String> columns, List<Map<String, Object>> rows) {

    /** The kinds of chart sheaf draws. */
    public enum Type { LINE, BAR }

    static final List<String> ARGUMENTS = List.of("data", "type", "x", "y", "title", "name", "x_label", "y_label");

    public ChartSpec {
        y = List.copyOf(y);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Checks a chart tag's arguments ({@code data}, {@code type}, {@code x}, {@code y}, {@code
     * title}, {@code name}, {@code x_label}, {@code y_label}).
     *
     * @throws IllegalArgumentException with a message for the writer, starting {@code chart:},
     *                                  when an argument is missing or unknown, the type is not
     *                                  line or bar, the data is not a non-empty list of rows, a
     *                                  column is missing, or a y value is not a number
     */
    public static ChartSpec of(Map<String, ?> arguments) {
        for (String key : arguments.keySet()) {
            if (!ARGUMENTS.contains(key)) {
                throw refusal("unknown argument \"" + key + "\"; arguments are " + String.join(", ", ARGUMENTS));
            }
        }
        Type type = type(text(arguments, "type", "line"));
        Object data = arguments.get("data");
        if (data == null) {
            throw refusal("data is missing or undefined; write data=page.NAME or data=site.data.NAME");
        }
        if (!(data instanceof List<?> list)) {
            throw refusal("data must be a list of rows (a YAML list of maps or a CSV file), not "
                    + describe(data));
        }
        if (list.isEmpty()) {
            throw refusal("the data is empty");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw refusal("row " + (i + 1) + " of the data is not a map of column to value");
            }
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> row.put(String.valueOf(key), value));
            columns.addAll(row.keySet());
            rows.add(java.util.Collections.unmodifiableMap(row));
        }
        String x = text(arguments, "x", null);
        if (x == null || x.isBlank()) {
            throw refusal("x is missing; name the column along the x axis, e.g. x=year");
        }
        String yText = text(arguments, "y", null);
        if (yText == null || yText.isBlank()) {
            throw refusal("y is missing; name the columns to draw, e.g. y=revenue or y=\"training,pilots\"");
        }
        List<String> y = java.util.Arrays.stream(yText.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> wanted = new ArrayList<>();
        wanted.add(x);
        wanted.addAll(y);
        for (String column : wanted) {
            if (!columns.contains(column)) {
                throw refusal("no column \"" + column + "\" in the data; columns are " + String.join(", ", columns));
            }
        }
        for (String column : y) {
            for (int i = 0; i < rows.size(); i++) {
                Object value = rows.get(i).get(column);
                if (number(value) == null) {
                    throw refusal("value " + (value == null ? "(none)" : "\"" + value + "\"") + " in column \""
                            + column + "\", row " + (i + 1) + ", is not a number");
                }
            }
        }
        String title = text(arguments, "title", null);
        String name = text(arguments, "name", null);
        if (name == null || Slugs.slugify(name).isEmpty()) {
            name = title != null && !Slugs.slugify(title).isEmpty() ? title : String.join("-", y);
        }
        name = Slugs.slugify(name);
        if (title == null || title.isBlank()) {
            title = label(String.join(", ", y)) + " by " + x;
        }
        String xLabel = text(arguments, "x_label", label(x));
        String yLabel = text(arguments, "y_label", label(String.join(", ", y)));
        return new ChartSpec(name, type, title, xLabel, yLabel, x, y, List.copyOf(columns), rows);
    }

    /** The value as a number, or null when it is none: numbers as they are, text when it parses. */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A value as the table and the CSV show it. */
    static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            BigDecimal decimal = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A column name as a heading: {@code course_design} reads "Course design". */
    static String label(String column) {
        String words = column.replace('_', ' ').replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static Type type(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "line" -> Type.LINE;
            case "bar" -> Type.BAR;
            default -> throw refusal("unknown type \"" + name + "\"; use line or bar");
        };
    }

    private static String text(Map<String, ?> arguments, String key, String fallback) {
        Object value = arguments.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return "\"" + value + "\"";
    }

    private static IllegalArgumentException refusal(String message) {
        return new IllegalArgumentException("chart: " + message);
    }
}
