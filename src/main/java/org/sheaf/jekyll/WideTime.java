package org.sheaf.jekyll;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A time Ruby holds where Java's {@link ZonedDateTime} cannot: at an offset of 18 to 24 hours
 * ({@code 20220308 -2000}), or in a year past Java's ({@code March 2000000000}). Its wall clock is
 * kept in a stand-in year of the same calendar (years 400 apart have the same days and
 * weekdays), with the count of years the real one is from it.
 *
 * @param wall the wall clock at {@code offset}, in the stand-in year
 * @param yearShift the real year less the stand-in's, a multiple of 400
 * @param offset seconds east of UTC, short of a day either way
 * @param zone {@code %Z}: the zone's abbreviation, {@code UTC} for a time Ruby holds as UTC, empty
 *             for a time at the offset written
 */
public record WideTime(LocalDateTime wall, long yearShift, int offset, String zone) {
    /** From this year on glibc, and so Ruby, no longer sees summer time in a zone's rules. */
    static final long FIRST_YEAR_WITHOUT_SUMMER_TIME = 5_881_581;
    private static final long SECONDS_PER_400_YEARS = 146_097L * 86_400;

    /** The year. */
    public long year() {
        return wall.getYear() + yearShift;
    }

    /** Seconds since 1970, as {@code %s} prints them. */
    public BigInteger epochSecond() {
        long standIn = wall.toEpochSecond(ZoneOffset.UTC) - offset;
        return BigInteger.valueOf(yearShift / 400).multiply(BigInteger.valueOf(SECONDS_PER_400_YEARS))
                .add(BigInteger.valueOf(standIn));
    }

    /**
     * The time moved into {@code zone}, as Jekyll moves the times it reads there
     * ({@code localtime}); empty for a year past Java's or from 5,881,581 on, where Ruby's local
     * time and Java's part ({@link RubyTimeParser#localTime} moves those).
     */
    public Optional<ZonedDateTime> inZone(ZoneId zone) {
        if (year() <= -999_999_000 || year() >= FIRST_YEAR_WITHOUT_SUMMER_TIME) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(epochSecond().longValueExact(), wall.getNano()).atZone(zone));
    }

    /** {@code pattern} as Ruby's {@code Time#strftime} formats this time ({@link Strftime#format(String, WideTime)}). */
    public String format(String pattern) {
        return Strftime.format(pattern, this);
    }
}
