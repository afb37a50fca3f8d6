package org.sheaf.generate;

import java.util.List;
import java.util.Objects;

/** Reading the loosely typed values of a reader feature's {@code _config.yml} map (tag pages, search, toc). */
final class FeatureSettings {
    private FeatureSettings() {
    }

    /** A list of strings from a YAML list or a single value; empty when absent. */
    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(Objects::nonNull).map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** A whole number, or {@code fallback} when absent or not a number. */
    static int number(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A string, or {@code fallback} when absent. */
    static String string(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
