package org.sheaf.jekyll;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A YAML date without a time ({@code 2018-05-01}) as Jekyll holds it: a Ruby {@code Date}, not a
 * time. Liquid prints it and {@code jsonify} writes it as {@code 2018-05-01}; Liquid's
 * {@code date} filter formats it as midnight with no zone ({@link #asUtcMidnight}); Jekyll's own
 * date filters turn it into midnight in the site's zone ({@link #atStartOfDay}). Dates compare
 * by day. A post's {@code date} is never one: it becomes a time when the post is read.
 *
 * @param day the date written
 */
public record RubyDate(LocalDate day) implements Comparable<RubyDate> {
    /** Ruby's Julian day number of 1970-01-01, for {@code Date#inspect}. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;

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
