package org.sheaf.jekyll;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A time Ruby holds where Java's {@link ZonedDateTime} cannot: at an offset of 18 to 24 hours
 * ({@code 20220308 -2000}, or a YAML timestamp {@code 2022-03-08 10:00:00 -20:00}), or in a year
 * past Java's ({@code March 2000000000}), of any number of digits. Its wall clock is kept in a
 * stand-in year of the same calendar (years 400 apart have the same days and weekdays), with the
 * count of years the real one is from it. Its text ({@link #toString}) is Ruby's {@code Time#to_s},
 * which Liquid prints.
 *
 * @param wall the wall clock at {@code offset}, in the stand-in year
 * @param yearShift the real year less the stand-in's, a multiple of 400
 * @param offset seconds east of UTC, short of a day either way
 * @param zone {@code %Z}: the zone's abbreviation, {@code UTC} for a time Ruby holds as UTC, empty
 *             for a time at the offset written
 */
public record WideTime(LocalDateTime wall, BigInteger yearShift, int offset, String zone) implements Comparable<WideTime> {
    /** From this year on glibc, and so Ruby, no longer sees summer time in a zone's rules. */
    static final long FIRST_YEAR_WITHOUT_SUMMER_TIME = 5_881_581;
    private static final BigInteger SECONDS_PER_400_YEARS = BigInteger.valueOf(146_097L * 86_400);
    private static final BigInteger FOUR_HUNDRED = BigInteger.valueOf(400);
    private static final BigInteger FIRST_JAVA_YEAR = BigInteger.valueOf(-999_999_000);
    private static final BigInteger FIRST_YEAR_WITHOUT_SUMMER_TIME_BIG = BigInteger.valueOf(FIRST_YEAR_WITHOUT_SUMMER_TIME);

    /**
     * A time of a YAML timestamp Java's offsets cannot hold ({@code 2022-03-08 10:00:00 -20:00}):
     * its wall clock as written, at {@code offset} seconds, a fixed offset with no zone name.
     */
    public static WideTime atOffset(LocalDateTime wall, int offset) {
        return new WideTime(wall, BigInteger.ZERO, offset, "");
    }

    /** The year. */
    public BigInteger year() {
        return yearShift.add(BigInteger.valueOf(wall.getYear()));
    }

    /** Seconds since 1970, as {@code %s} prints them. */
    public BigInteger epochSecond() {
        long standIn = wall.toEpochSecond(ZoneOffset.UTC) - offset;
        return yearShift.divide(FOUR_HUNDRED).multiply(SECONDS_PER_400_YEARS).add(BigInteger.valueOf(standIn));
    }

    /** Ruby's {@code Time#<=>}: the earlier instant first, whatever the offsets. */
    @Override
    public int compareTo(WideTime other) {
        int seconds = epochSecond().compareTo(other.epochSecond());
        return seconds != 0 ? seconds : Integer.compare(wall.getNano(), other.wall.getNano());
    }

    /**
     * Ruby's {@code Time#to_s} of a time at an offset or in a zone, {@code 2022-03-08 10:00:00 -2000}
     * (the YAML timestamps sheaf makes wide are all so; only a time Ruby holds as UTC would end
     * {@code UTC}).
     */
    @Override
    public String toString() {
        return format("%Y-%m-%d %H:%M:%S %z");
    }

    /**
     * Ruby's {@code Time#inspect}: as {@link #toString}, with the fraction of a second when there
     * is one, and the offset's seconds when it has them ({@code -045602}).
     */
    public String inspect() {
        String fraction = wall.getNano() == 0 ? ""
                : "." + String.format(Locale.ROOT, "%09d", wall.getNano()).replaceAll("0+$", "");
        return format("%Y-%m-%d %H:%M:%S") + fraction + format(" %z") + RubyTime.offsetSeconds(offset);
    }

    /**
     * The time moved into {@code zone}, as Jekyll moves the times it reads there
     * ({@code localtime}); empty for a year past Java's or from 5,881,581 on, where Ruby's local
     * time and Java's part ({@link RubyTimeParser#localTime} moves those).
     */
    public Optional<ZonedDateTime> inZone(ZoneId zone) {
        BigInteger year = year();
        if (year.compareTo(FIRST_JAVA_YEAR) <= 0 || year.compareTo(FIRST_YEAR_WITHOUT_SUMMER_TIME_BIG) >= 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(epochSecond().longValueExact(), wall.getNano()).atZone(zone));
    }

    /** {@code pattern} as Ruby's {@code Time#strftime} formats this time ({@link Strftime#format(String, WideTime)}). */
    public String format(String pattern) {
        return Strftime.format(pattern, this);
    }
}
