package org.sheaf.liquid;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.sheaf.jekyll.RubyInspect;

/**
 * Liquid's math filters as Ruby computes them. Ruby's Liquid reads each operand with
 * {@code Utils.to_number}: an integer stays an Integer, while a float becomes a BigDecimal of the
 * digits Ruby prints for it ({@code 1.005} is exactly 1.005), as text that is a decimal does; a
 * result that is a BigDecimal becomes a Float again. So {@code {{ 0.1 | times: 3 }}} is 0.3 and
 * {@code {{ 1.005 | divided_by: -3 }}} is -0.335, where binary floats would give
 * 0.30000000000000004 and -0.33499999999999996, and a float result is always a Float, printed as
 * Ruby prints one ({@code -90.0}, never {@code -90.00}).
 *
 * <p>An operand here is a {@link Long} or {@link BigInteger} (Ruby's Integer), a
 * {@link BigDecimal} other than zero, or a {@link Double} for what Java's BigDecimal cannot hold
 * and Ruby's can: a zero with its sign ({@code 0 | times: -0.75} is {@code -0.0}), an infinity,
 * NaN. A result is an Integer or a Double (Ruby's Float).
 */
final class RubyArithmetic {
    /** The operations of two numbers. */
    enum Operation { PLUS, MINUS, TIMES, DIVIDED_BY, MODULO }

    /**
     * Digits a quotient of decimals is worked out to before it becomes a Float: Ruby's BigDecimal
     * divides to at least 32 digits, past the 17 a Float holds.
     */
    private static final MathContext QUOTIENT = MathContext.DECIMAL128;

    private RubyArithmetic() {
    }

    /**
     * {@code input} and {@code operand} combined by {@code operation} as Ruby's Liquid combines them:
     * two integers give an integer, rounded down by a division, and a division or remainder by the
     * integer 0 or a remainder by a zero float is the error {@code divided by 0}, as in Ruby, while
     * a float divided by 0 is an infinity.
     */
    static Object apply(Operation operation, Object input, Object operand) {
        Object a = operand(input);
        Object b = operand(operand);
        if (isInteger(a) && isInteger(b)) {
            return integers(operation, big(a), big(b));
        }
        a = decimal(a);
        b = decimal(b);
        if (operation == Operation.MODULO && isZero(b)) {
            throw new ArithmeticException("divided by 0");
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return toFloat(decimals(operation, x, y));
        }
        // a zero, an infinity or NaN: Ruby's BigDecimal follows binary floats' rules for their signs
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (operation) {
            case PLUS -> x + y;
            case MINUS -> x - y;
            case TIMES -> x * y;
            case DIVIDED_BY -> x / y;
            // Ruby's BigDecimal remainder of zero is a zero without sign
            case MODULO -> x == 0 ? 0.0 : x - y * Math.floor(x / y);
        };
    }

    /** Liquid's {@code abs}. */
    static Object abs(Object input) {
        Object a = operand(input);
        if (isInteger(a)) {
            return narrow(big(a).abs());
        }
        return a instanceof BigDecimal x ? toFloat(x.abs()) : (Object) Math.abs(((Number) a).doubleValue());
    }

    /** Liquid's {@code ceil} ({@code up}) or {@code floor}: always an integer. */
    static Object wholeNumber(Object input, boolean up) {
        Object a = operand(input);
        if (isInteger(a)) {
            return a;
        }
        if (a instanceof BigDecimal x) {
            return narrow(x.setScale(0, up ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigIntegerExact());
        }
        return integerOfFloat(((Number) a).doubleValue());
    }

    /**
     * Liquid's {@code round} to {@code places} (read as an integer, as Ruby's {@code round} reads
     * it): an integer stays one, rounded to tens or more by negative places; a float is rounded
     * half away from zero as the decimal it reads as, and is an integer when rounded to no places
     * or fewer, a Float otherwise.
     */
    static Object round(Object input, Object places) {
        Object a = operand(input);
        Object p = operand(places);
        int digits = ((Number) p).intValue();
        if (isInteger(a)) {
            return digits >= 0 ? a : narrow(new BigDecimal(big(a)).setScale(digits, RoundingMode.HALF_UP)
                    .toBigIntegerExact());
        }
        if (a instanceof BigDecimal x) {
            BigDecimal rounded = x.setScale(digits, RoundingMode.HALF_UP);
            if (digits < 1) {
                return narrow(rounded.toBigIntegerExact());
            }
            // a negative number rounded to zero keeps its sign (-0.04 to one place is -0.0)
            return rounded.signum() == 0 ? (Object) (x.signum() < 0 ? -0.0 : 0.0) : toFloat(rounded);
        }
        double d = ((Number) a).doubleValue();
        return digits < 1 ? integerOfFloat(d) : d;
    }

    /**
     * Liquid's {@code at_least} ({@code most} false) and {@code at_most}: {@code input}, or
     * {@code bound} where {@code input} passes it, each as the number Ruby reads it as.
     */
    static Object bounded(Object input, Object bound, boolean most) {
        Object a = operand(input);
        Object b = operand(bound);
        int order = compare(b, a);
        Object result = (most ? order < 0 : order > 0) ? b : a;
        return isInteger(result) ? result : result instanceof BigDecimal x ? toFloat(x) : result;
    }

    /**
     * A value as {@code Utils.to_number} reads it, in the kinds this class works on: an integer as it
     * is, a float as the decimal Ruby prints for it, text as {@link JekyllLiquidFilters#number} reads it.
     */
    private static Object operand(Object value) {
        Object number = JekyllLiquidFilters.number(value);
        if (number instanceof Double || number instanceof Float) {
            double d = ((Number) number).doubleValue();
            return d == 0 || !Double.isFinite(d) ? (Object) d : new BigDecimal(RubyInspect.floatText(d));
        }
        if (number instanceof BigDecimal x) {
            // digits without a point past a long's are an Integer to Ruby
            return x.scale() <= 0 ? narrow(x.toBigIntegerExact()) : x.signum() == 0 ? (Object) 0.0 : x;
        }
        return number instanceof BigInteger ? number : (Object) ((Number) number).longValue();
    }

    private static boolean isInteger(Object operand) {
        return operand instanceof Long || operand instanceof BigInteger;
    }

    private static BigInteger big(Object integer) {
        return integer instanceof BigInteger b ? b : BigInteger.valueOf((Long) integer);
    }

    /** An integer operand as Ruby coerces it into a BigDecimal: 0 as a zero without sign. */
    private static Object decimal(Object operand) {
        if (!isInteger(operand)) {
            return operand;
        }
        BigInteger integer = big(operand);
        return integer.signum() == 0 ? (Object) 0.0 : new BigDecimal(integer);
    }

    private static boolean isZero(Object operand) {
        return operand instanceof Double d && d == 0;
    }

    /** An integer result as a Long where it fits, as Ruby's Integer grows past it. */
    static Object narrow(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private static Object integers(Operation operation, BigInteger a, BigInteger b) {
        if ((operation == Operation.DIVIDED_BY || operation == Operation.MODULO) && b.signum() == 0) {
            throw new ArithmeticException("divided by 0");
        }
        return narrow(switch (operation) {
            case PLUS -> a.add(b);
            case MINUS -> a.subtract(b);
            case TIMES -> a.multiply(b);
            // Ruby's division rounds down (-7 / 2 is -4), its remainder takes the divisor's sign
            case DIVIDED_BY -> a.subtract(flooredRemainder(a, b)).divide(b);
            case MODULO -> flooredRemainder(a, b);
        });
    }

    private static BigInteger flooredRemainder(BigInteger a, BigInteger b) {
        BigInteger rest = a.remainder(b);
        return rest.signum() != 0 && rest.signum() != b.signum() ? rest.add(b) : rest;
    }

    private static BigDecimal decimals(Operation operation, BigDecimal a, BigDecimal b) {
        return switch (operation) {
            case PLUS -> a.add(b);
            case MINUS -> a.subtract(b);
            case TIMES -> a.multiply(b);
            case DIVIDED_BY -> a.divide(b, QUOTIENT);
            case MODULO -> {
                BigDecimal rest = a.remainder(b);
                yield rest.signum() != 0 && rest.signum() != b.signum() ? rest.add(b) : rest;
            }
        };
    }

    /** A BigDecimal result as the Float Ruby's {@code to_f} makes of it; zero without sign. */
    private static double toFloat(BigDecimal value) {
        return value.signum() == 0 ? 0.0 : value.doubleValue();
    }

    /** Ruby's integer of a zero, infinity or NaN float: 0, or the error Ruby's Liquid gives. */
    private static Object integerOfFloat(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("Computation results in '"
                    + RubyInspect.floatText(d) + "'");
        }
        return 0L;
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(((Number) a).doubleValue() + 0.0, ((Number) b).doubleValue() + 0.0);
        }
        return asDecimal(a).compareTo(asDecimal(b));
    }

    private static BigDecimal asDecimal(Object operand) {
        return operand instanceof BigDecimal x ? x : new BigDecimal(big(operand));
    }
}
