package org.sheaf.jekyll;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Ruby's {@code inspect} of a template value, for the {@code inspect} filter. */
public final class RubyInspect {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT);

    private RubyInspect() {
    }

    public static String inspect(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> out.add(inspect(k) + "=>" + inspect(v)));
            return out.toString();
        }
        if (value instanceof Collection<?> list) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            list.forEach(v -> out.add(inspect(v)));
            return out.toString();
        }
        if (value instanceof Object[] array) {
            return inspect(java.util.Arrays.asList(array));
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e16 ? String.format(Locale.ROOT, "%.1f", d) : d.toString();
        }
        if (value instanceof ZonedDateTime date) {
            return date.format(TIME);
        }
        return value.toString();
    }
}
