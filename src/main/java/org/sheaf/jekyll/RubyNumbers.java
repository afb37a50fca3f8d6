package org.sheaf.jekyll;

import java.math.BigDecimal;

/**
 * Ruby's {@code <=>} of two numbers, which compares an integer and a float by their exact
 * values (Java's {@code double} would round a large integer). Liquid's sort filters and
 * Jekyll's {@code sort_by} both order numbers so.
 */
public final class RubyNumbers {
    private RubyNumbers() {
    }

    /**
     * The order of {@code a} and {@code b} (-1, 0 or 1) by their exact values; two whole numbers
     * of Java's own are compared as they are, without making a decimal of each at every
     * comparison of a sort.
     */
    public static int compare(Number a, Number b) {
        if (isLong(a) && isLong(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }

    private static boolean isLong(Number n) {
        return n instanceof Long || n instanceof Integer;
    }
}
