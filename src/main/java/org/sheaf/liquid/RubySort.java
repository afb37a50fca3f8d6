package org.sheaf.liquid;

import java.util.List;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyMergeSort;
import org.sheaf.jekyll.RubyNumbers;
import org.sheaf.jekyll.RubyTime;

/**
 * Ruby's {@code <=>} of template values for Liquid's sort filters. Sorted as Ruby sorts
 * ({@link RubyMergeSort}), the pair whose comparison fails first, and so names itself in the
 * error, is the one Ruby meets first, and "comparison of X with Y failed" is Ruby's.
 */
final class RubySort {
    private RubySort() {
    }

    /**
     * Ruby's {@code a <=> b} for template values, in the order Ruby's sort compares them; a pair
     * Ruby cannot order (nil with a number, a number with a string, two hashes) is refused with
     * Ruby's message, which Liquid prints as its error.
     */
    static int compare(Object a, Object b) {
        Integer order = spaceship(a, b);
        if (order == null) {
            throw new IllegalArgumentException(RubyClasses.comparisonFailure(a, b));
        }
        return order;
    }

    /**
     * Jekyll's order of two sort keys, {@code a <=> b || a.to_s <=> b.to_s}: where Ruby has no
     * order for the pair (a number and text, two hashes) their texts are compared, so this never
     * refuses a pair.
     */
    static int compareOrByText(Object a, Object b) {
        Integer order = spaceship(a, b);
        return order != null ? order : Integer.signum(compareUtf8(RubyInspect.toS(a), RubyInspect.toS(b)));
    }

    /** Ruby's {@code <=>}: null where Ruby answers nil. */
    private static Integer spaceship(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return RubyNumbers.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(compareUtf8(x, y));
        }
        if (RubyTime.isTime(a) && RubyTime.isTime(b)) {
            return RubyTime.compareInstants(a, b);
        }
        if (a instanceof RubyDate x) {
            // a number has no order with a date, as Integer#<=> answers nil for it
            return x.spaceship(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Integer order = spaceship(x.get(i), y.get(i));
                if (order == null || order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        // Object#<=>: 0 for the same value, nil otherwise (true and false, hashes, drops)
        return a.equals(b) ? 0 : null;
    }

    /** The order of the strings' UTF-8 bytes, which is that of their code points. */
    static int compareUtf8(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }
}
