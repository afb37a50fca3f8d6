package org.sheaf.jekyll;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Template values as Ruby prints them: {@code inspect} (the {@code inspect} filter), {@code to_s}
 * as Liquid writes a value into the page, and a {@code Float}'s {@code to_s} (which
 * {@code jsonify} and {@code inspect} both print).
 */
public final class RubyInspect {
    /** Ruby's {@code DBL_DIG}: past this many integer digits a float is printed with an exponent. */
    private static final int FIXED_DIGITS = 15;

    private RubyInspect() {
    }

    /**
     * Ruby's {@code inspect} of a template value: strings quoted, {@code nil}, {@code {"k"=>v}},
     * {@code [a, b]}. A hash or array met again inside itself prints as {@code {...}} or
     * {@code [...]}, as Ruby prints it, so values that refer to each other (a page and its
     * {@code previous} page) print in finite time. A document's drop prints as Jekyll's drop
     * inspects itself, its JSON over lines; inside an array or a hash, where Liquid hands Ruby
     * Jekyll's documents and pages rather than their drops, as those print themselves
     * ({@code #<Jekyll::Document _posts/x.md collection=posts>}). A static file's drop prints the
     * same way ({@link StaticFileDrop}).
     */
    public static String inspect(Object value) {
        // a template variable holding a document is its drop, whose inspect is its JSON
        if (DocumentDrop.is(value)) {
            return JekyllFilters.prettyJson(value);
        }
        Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
        // a page's variables are the Hash Jekyll hands a template for a page
        return value instanceof DocumentDrop page ? inspectHash(page, enclosing) : inspect(value, enclosing);
    }

    private static String inspect(Object value, Set<Object> enclosing) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof DocumentDrop drop) {
            // inside an array (site.posts, site.pages) Liquid leaves Jekyll's documents and pages
            // as they are, not their drops: Ruby prints them by their file
            return drop.isDocument()
                    ? "#<Jekyll::Document " + drop.get("relative_path") + " collection=" + drop.get("collection") + ">"
                    : "#<Jekyll::Page @relative_path=" + inspect(drop.get("path"), enclosing) + ">";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
        }
        if (value instanceof StaticFileDrop file) {
            // Ruby holds the file itself in an array, and the drop only once it is looked up
            return enclosing.isEmpty() ? JekyllFilters.prettyJson(file) : file.inspectInArray();
        }
        if (value instanceof Map<?, ?> map) {
            return inspectHash(map, enclosing);
        }
        if (value instanceof RubyRange range) {
            return range.rubyText();
        }
        if (value instanceof Collection<?> list) {
            if (!enclosing.add(list)) {
                return "[...]";
            }
            StringJoiner out = new StringJoiner(", ", "[", "]");
            list.forEach(v -> out.add(inspect(v, enclosing)));
            enclosing.remove(list);
            return out.toString();
        }
        if (value instanceof Object[] array) {
            return inspect(Arrays.asList(array), enclosing);
        }
        if (value instanceof Double || value instanceof Float) {
            return floatText(((Number) value).doubleValue());
        }
        if (value instanceof ZonedDateTime date) {
            return RubyTime.inspect(date);
        }
        if (value instanceof WideTime time) {
            return time.inspect();
        }
        if (value instanceof RubyDate date) {
            return date.inspect();
        }
        return value.toString();
    }

    private static String inspectHash(Map<?, ?> map, Set<Object> enclosing) {
        if (!enclosing.add(map)) {
            return "{...}";
        }
        StringJoiner out = new StringJoiner(", ", "{", "}");
        map.forEach((k, v) -> out.add(inspect(k, enclosing) + "=>" + inspect(v, enclosing)));
        enclosing.remove(map);
        return out.toString();
    }

    /**
     * A value as Liquid writes it into the page, Ruby's {@code to_s} of it: {@code nil} is nothing,
     * an array its items' texts run together ({@code Array#join}, into nested arrays too), a hash
     * its {@code inspect} ({@code {"name"=>"Jane"}}, where Java would print {@code {name=Jane}}),
     * a float Ruby's digits, a time Ruby's {@code Time#to_s}; anything else its own text.
     */
    public static String text(Object value) {
        if (value instanceof CharSequence chars) {
            return chars.toString();
        }
        StringBuilder out = new StringBuilder();
        appendText(value, out);
        return out.toString();
    }

    /**
     * Ruby's {@code to_s} of a value, as a filter written in Ruby reads its input ({@code xml_escape}
     * in jekyll-feed's template): a hash or an array is its {@code inspect}
     * ({@code ["Ann", "Bo"]}, where Liquid's output would run the items together), nil is
     * nothing, anything else as {@link #text} writes it.
     */
    public static String toS(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return inspect(value);
        }
        return text(value);
    }

    /** Appends {@link #text} of {@code value} to {@code out}. */
    public static void appendText(Object value, StringBuilder out) {
        if (value == null) {
            return;
        }
        if (value instanceof CharSequence chars) {
            out.append(chars);
        } else if (value instanceof RubyRange range) {
            out.append(range.rubyText());
        } else if (value instanceof Collection<?> list) {
            list.forEach(item -> appendText(item, out));
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                appendText(item, out);
            }
        } else if (value instanceof ZonedDateTime date) {
            // Time#to_s, which leaves out the fraction of a second that inspect shows
            out.append(RubyTime.text(date));
        } else if (value instanceof Map<?, ?> || value instanceof Double || value instanceof Float) {
            out.append(inspect(value));
        } else {
            out.append(value);
        }
    }

    /**
     * Ruby's {@code Float#to_s}: the shortest digits that read back as {@code d}, with at least one
     * digit after the point ({@code 1.0}, {@code 0.0001}, {@code 12345678.5}); an exponent only
     * below {@code 0.0001} or from {@code 1e15} on ({@code 1.0e-05}, {@code 1.0e+15},
     * {@code 1.234567890123456e+15}, but {@code 999999999999999.9}).
     */
    public static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        // the value is 0.DIGITS times ten to the power point
        int point = digits.length() - exact.scale();
        if (point > FIXED_DIGITS || point < -3) {
            int exponent = point - 1;
            String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
