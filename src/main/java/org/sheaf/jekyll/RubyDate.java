package org.sheaf.jekyll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A YAML date without a time ({@code 2018-05-01}) as Jekyll holds it: a Ruby {@code Date}, not a
 * time. Liquid prints it and {@code jsonify} writes it as {@code 2018-05-01}; Liquid's
 * {@code date} filter formats it as midnight with no zone ({@link #asUtcMidnight}); Jekyll's own
 * date filters turn it into midnight in the site's zone ({@link #atStartOfDay}). Dates compare
 * by day, and with a number by their astronomical Julian day ({@link #compareToNumber}). A post's
 * {@code date} is never one: it becomes a time when the post is read.
 *
 * @param day the date written
 */
public record RubyDate(LocalDate day) implements Comparable<RubyDate> {
    /** Ruby's Julian day number of 1970-01-01, for {@code Date#inspect}. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;
    /** A date's Julian day number counts from its noon; its midnight is half a day before. */
    private static final BigDecimal HALF_DAY = new BigDecimal("0.5");

    /** Midnight in {@code zone}, as Jekyll's {@code date_to_xmlschema} and kin read a date ({@code Date#to_time}). */
    public ZonedDateTime atStartOfDay(ZoneId zone) {
        return day.atStartOfDay(zone);
    }

    /** Midnight at offset zero, as {@code Date#strftime} formats it ({@code %z} is {@code +0000}, {@code %s} UTC seconds). */
    public ZonedDateTime asUtcMidnight() {
        return day.atStartOfDay(ZoneOffset.UTC);
    }

    /** Ruby's {@code Date#inspect}: {@code #<Date: 2018-05-01 ((2458240j,0s,0n),+0s,2299161j)>}. */
    public String inspect() {
        return "#<Date: " + day + " ((" + (day.toEpochDay() + JULIAN_DAY_OF_EPOCH) + "j,0s,0n),+0s,2299161j)>";
    }

    /**
     * Ruby's {@code Date#<=>}: another date by day, a number as {@link #compareToNumber} orders
     * it, and null for anything else, which Ruby cannot order with a date.
     */
    public Integer spaceship(Object other) {
        if (other instanceof RubyDate date) {
            return Integer.signum(compareTo(date));
        }
        return other instanceof Number number ? compareToNumber(number) : null;
    }

    /**
     * Ruby's {@code Date#<=>} with a number: the order of the date's astronomical Julian day, the
     * days since noon of 1 January 4713 BC at its midnight ({@code 2458849.5} for 2020-01-01),
     * and the number. Null for NaN, which Ruby cannot order.
     */
    public Integer compareToNumber(Number number) {
        double asDouble = number.doubleValue();
        if (Double.isNaN(asDouble)) {
            return null;
        }
        if (Double.isInfinite(asDouble)) {
            return asDouble > 0 ? -1 : 1;
        }
        BigDecimal astronomicalDay = BigDecimal.valueOf(day.toEpochDay() + JULIAN_DAY_OF_EPOCH).subtract(HALF_DAY);
        return astronomicalDay.compareTo(new BigDecimal(number.toString()));
    }

    @Override
    public int compareTo(RubyDate other) {
        return day.compareTo(other.day);
    }

    /** Ruby's {@code Date#to_s}: {@code 2018-05-01}. */
    @Override
    public String toString() {
        return day.toString();
    }
}
