package org.sheaf.liquid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.sheaf.jekyll.RubyDate;
import org.sheaf.jekyll.RubyDrop;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyRange;
import org.sheaf.jekyll.RubyTime;

/**
 * The Ruby class Jekyll holds a template value in, named as Ruby's errors name it
 * ({@code comparison of Time with 5 failed}, {@code undefined method `to_i' for true:TrueClass}).
 * Liquid's comparisons, its sort filters and its ranges all name a value's class here, so that
 * one value is of one class in every message: a time in a year past Java's is a {@code Time}
 * like any other, a YAML date without a time a {@code Date}.
 */
final class RubyClasses {
    /** Ruby keeps an integer inline (a Fixnum) from -2^62 up to, not including, 2^62. */
    private static final long INLINE_INTEGER_BOUND = 1L << 62;

    private RubyClasses() {
    }

    /** Whether Ruby counts {@code value} as true: every value but nil and false. */
    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** The name of the Ruby class of {@code value}: {@code Object} for a value Jekyll has no class of its own for. */
    static String of(Object value) {
        if (value == null) {
            return "NilClass";
        }
        if (value instanceof Boolean truth) {
            return truth ? "TrueClass" : "FalseClass";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "Float";
        }
        if (value instanceof Number) {
            return "Integer";
        }
        if (value instanceof CharSequence) {
            return "String";
        }
        if (value instanceof RubyDate) {
            return "Date";
        }
        if (RubyTime.isTime(value) || value instanceof java.time.temporal.Temporal) {
            return "Time";
        }
        if (value instanceof RubyRange) {
            return "Range";
        }
        if (value instanceof List<?> || value instanceof Object[]) {
            return "Array";
        }
        if (RubyDrop.is(value)) {
            return ((RubyDrop) value).rubyClass();
        }
        return value instanceof Map<?, ?> ? "Hash" : "Object";
    }

    /**
     * Ruby's message for a comparison of {@code a} with {@code b} it cannot make: the class of
     * {@code a}, then {@code b} as Ruby inspects it when Ruby keeps it inline or it is a float
     * (nil, true, false, an integer of 63 bits, any float), else its class.
     */
    static String comparisonFailure(Object a, Object b) {
        return "comparison of " + of(a) + " with " + shown(b) + " failed";
    }

    private static String shown(Object value) {
        if (value == null || value instanceof Boolean || isInlineInteger(value)) {
            return RubyInspect.inspect(value);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return RubyInspect.inspect(((Number) value).doubleValue());
        }
        return of(value);
    }

    private static boolean isInlineInteger(Object value) {
        if (!(value instanceof Long || value instanceof Integer)) {
            return false;
        }
        long n = ((Number) value).longValue();
        return n >= -INLINE_INTEGER_BOUND && n < INLINE_INTEGER_BOUND;
    }
}
