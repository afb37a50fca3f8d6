package org.sheaf.jekyll;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** The conversions that read the year, the offset or the instant, with Ruby's flags and width. */
    private static final Pattern OWN = Pattern.compile("%%|%([-_0^#]*)(\\d*)(:{0,3}z|[YCyGgsZ])");
    /** Ruby's compound conversions, written out first so that their parts are read as above. */
    private static final Pattern COMPOUND = Pattern.compile("%%|%([FcDxv+])");
    /** From this year on glibc, and so Ruby, no longer sees summer time in a zone's rules. */
    static final long FIRST_YEAR_WITHOUT_SUMMER_TIME = 5_881_581;
    private static final BigInteger SECONDS_PER_400_YEARS = BigInteger.valueOf(146_097L * 86_400);
    private static final BigInteger FOUR_HUNDRED = BigInteger.valueOf(400);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
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

    /** Ruby's {@code Time#inspect}: as {@link #toString}, with the fraction of a second when there is one. */
    public String inspect() {
        if (wall.getNano() == 0) {
            return toString();
        }
        String fraction = String.format(Locale.ROOT, "%09d", wall.getNano()).replaceAll("0+$", "");
        return format("%Y-%m-%d %H:%M:%S.") + fraction + format(" %z");
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

    /**
     * {@code pattern} as Ruby's {@code Time#strftime} formats this time: the year, the offset, the
     * zone and the seconds since 1970 written here, the rest by {@link Strftime} from the stand-in
     * year, whose months, days and weeks are the real year's.
     */
    public String format(String pattern) {
        Matcher compound = COMPOUND.matcher(pattern);
        String expanded = compound.replaceAll(m -> Matcher.quoteReplacement(m.group(1) == null ? "%%" : switch (m.group(1)) {
            case "F" -> "%Y-%m-%d";
            case "c" -> "%a %b %e %H:%M:%S %Y";
            case "D", "x" -> "%m/%d/%y";
            case "v" -> "%e-%^b-%4Y";
            default -> "%a %b %e %H:%M:%S %Z %Y";
        }));
        Matcher m = OWN.matcher(expanded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(3) == null) {
                m.appendReplacement(out, "%%");
                continue;
            }
            String flags = m.group(1);
            int width = m.group(2).isEmpty() ? -1 : Integer.parseInt(m.group(2));
            String written = switch (m.group(3)) {
                case "Y" -> number(year(), flags, width, year().signum() < 0 ? 5 : 4, '0');
                case "C" -> number(floorHundreds(year()), flags, width, 2, '0');
                case "y" -> number(year().mod(HUNDRED), flags, width, 2, '0');
                case "G" -> number(isoYear(), flags, width, isoYear().signum() < 0 ? 5 : 4, '0');
                case "g" -> number(isoYear().mod(HUNDRED), flags, width, 2, '0');
                case "s" -> number(epochSecond(), flags, width, 1, '0');
                case "Z" -> flags.contains("^") || flags.contains("#") ? zone.toUpperCase(Locale.ROOT) : zone;
                default -> offsetText(m.group(3).length() - 1);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(written.replace("%", "%%")));
        }
        m.appendTail(out);
        return Strftime.format(out.toString(), wall.atZone(ZoneOffset.UTC));
    }

    private BigInteger isoYear() {
        return yearShift.add(BigInteger.valueOf(wall.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR)));
    }

    /** The year's hundreds, rounded down as Ruby's {@code %C} rounds them ({@code -1} for the year -99). */
    private static BigInteger floorHundreds(BigInteger year) {
        return year.subtract(year.mod(HUNDRED)).divide(HUNDRED);
    }

    /** Ruby's {@code %z} ({@code +hhmm}), {@code %:z}, {@code %::z} and {@code %:::z}, minutes and seconds dropped, not rounded. */
    private String offsetText(int colons) {
        int abs = Math.abs(offset);
        String sign = offset < 0 ? "-" : "+";
        int hours = abs / 3600;
        int minutes = abs % 3600 / 60;
        int seconds = abs % 60;
        return switch (colons) {
            case 0 -> String.format(Locale.ROOT, "%s%02d%02d", sign, hours, minutes);
            case 1 -> String.format(Locale.ROOT, "%s%02d:%02d", sign, hours, minutes);
            case 2 -> String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, hours, minutes, seconds);
            default -> seconds != 0 ? String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, hours, minutes, seconds)
                    : minutes != 0 ? String.format(Locale.ROOT, "%s%02d:%02d", sign, hours, minutes)
                    : String.format(Locale.ROOT, "%s%02d", sign, hours);
        };
    }

    /**
     * A number as Ruby's strftime pads it: to {@code width} (or the conversion's own), with
     * {@code pad}, spaces after {@code _}, none after {@code -}; a minus sign counts in the width.
     */
    private static String number(BigInteger value, String flags, int width, int ownWidth, char pad) {
        String digits = value.abs().toString();
        String sign = value.signum() < 0 ? "-" : "";
        if (flags.contains("-")) {
            return sign + digits;
        }
        char with = flags.contains("_") ? ' ' : flags.contains("0") ? '0' : pad;
        int target = width >= 0 ? width : ownWidth;
        int missing = target - sign.length() - digits.length();
        if (missing <= 0) {
            return sign + digits;
        }
        String padding = String.valueOf(with).repeat(missing);
        return with == ' ' ? padding + sign + digits : sign + padding + digits;
    }

}
