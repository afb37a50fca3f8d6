package org.sheaf.jekyll;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free-form date text as Ruby's {@code Time.parse} reads it, which is how Jekyll reads the
 * {@code date} of a post, a collection document or a front matter default when YAML made text of
 * it, and how Liquid's {@code date} filter and Jekyll's {@code date_to_*} filters read a string
 * that is not digits alone, {@code now} or {@code today}: {@code "January 26, 2022"}, {@code "26 Jan 2022 10:00"}, {@code "2022/03/08"},
 * {@code "Sept 5"}, a month name alone, {@code "20220308T101112"}, {@code "2022-067"} or
 * {@code "H31.04.30"}. Themes print a date, then read the printed text back through {@code date}
 * to take its month.
 *
 * <p>As {@code Date._parse}, the text is read in steps: a weekday name and a time (with an
 * offset or zone name after it) are taken out first, then the first of these date forms that is
 * found gives the date, and no other: day month year ({@code 26 Jan 2022}), month day year
 * ({@code Jan 26, 2022}), {@code y-m-d}, a Japanese era date ({@code H31.04.30}, Meiji to Reiwa),
 * {@code d-Mon-y}, {@code a/b/c}, {@code a.b.c}, an ISO 8601 week date ({@code 2022-W10-2}), month
 * and day ({@code --03-08}) or ordinal date ({@code 2022-067}), a year written {@code '99}, a
 * month name, a day written {@code 3rd}, and last a run of digits, read by its length
 * ({@code 0308}, {@code 220308}, {@code 20220308}, {@code 2022030810}, {@code 2022067}) with
 * perhaps a time ({@code T101112}) and an offset after it; a run with a fraction and no time
 * after it is a time read from its end ({@code 101112.5}). {@code BC} anywhere counts years back.
 * Which of three numbers is the year follows Ruby's rule: one of more than two digits or written
 * with {@code '}; a two-digit year is 19xx from 69 on, else 20xx. As {@code Time.parse}, what the
 * text leaves out is taken from {@code now} down to the first part it names (a month alone is the
 * 1st of that month this year), the rest is the start of its unit, and text with no date or time
 * part is no date. A week date gives no day to {@code Time.parse}, which reads only year, month,
 * day of month or of year and time: alone it is no date, beside a time it is that time today.
 */
public final class RubyTimeParser {
    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    private static final String ERA = "(c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.))?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /**
     * The most bytes of text {@code Date._parse} reads: it refuses longer text (a guard against
     * slow parsing), so to {@code Time.parse} such text is no date.
     */
    private static final int LONGEST_TEXT = 128;

    /** What {@code Date._parse} reads as a gap: anything but letters, digits and {@code -+',./:@[]}. */
    private static final Pattern GAPS = Pattern.compile("[^-+',./:@\\p{Alnum}\\[\\]]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DAY = Pattern.compile("\\b(sun|mon|tue|wed|thu|fri|sat)[^-/\\d\\s]*", FLAGS);
    private static final Pattern TIME = Pattern.compile(
            "((?:\\d+\\s*:\\s*\\d+(?:\\s*:\\s*\\d+(?:[,.]\\d*)?)?|\\d+\\s*h(?:\\s*\\d+m?(?:\\s*\\d+s?)?)?)"
                    + "(?:\\s*[ap](?:m\\b|\\.m\\.))?|\\d+\\s*[ap](?:m\\b|\\.m\\.))"
                    + "(?:\\s*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?"
                    + "|(?-i:[\\p{Alpha}.\\s]+)(?:standard|daylight)\\stime\\b"
                    + "|(?-i:\\p{Alpha}+)(?:\\sdst)?\\b))?", FLAGS);
    private static final Pattern TIME_PARTS = Pattern.compile(
            "\\A(\\d+)h?(?:\\s*:?\\s*(\\d+)m?(?:\\s*:?\\s*(\\d+)(?:[,.](\\d+))?s?)?)?(?:\\s*([ap])(?:m\\b|\\.m\\.))?",
            FLAGS);
    private static final Pattern EU = Pattern.compile("('?\\d+)[^-\\d\\s]*\\s*(" + MONTHS + ")[^-\\d\\s']*"
            + "(?:\\s*" + ERA + "\\s*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?", FLAGS);
    private static final Pattern US = Pattern.compile("\\b(" + MONTHS + ")[^-\\d\\s']*\\s*('?\\d+)[^-\\d\\s']*"
            + "(?:\\s*,?\\s*" + ERA + "\\s*('?-?\\d+))?", FLAGS);
    private static final Pattern ISO = Pattern.compile("('?[-+]?\\d+)-(\\d+)-('?-?\\d+)");
    private static final Pattern VMS_DAY_FIRST = Pattern.compile(
            "('?-?\\d+)-(" + MONTHS + ")[^-/.]*-('?-?\\d+)", FLAGS);
    private static final Pattern VMS_MONTH_FIRST = Pattern.compile(
            "\\b(" + MONTHS + ")[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?", FLAGS);
    private static final Pattern SLASHES = Pattern.compile("('?-?\\d+)/\\s*('?\\d+)(?:\\D\\s*('?-?\\d+))?");
    private static final Pattern DOTS = Pattern.compile("('?-?\\d+)\\.\\s*('?\\d+)\\.\\s*('?-?\\d+)");
    /** An era's initial, its year, month and day: Meiji, Taisho, Showa, Heisei, Reiwa (JIS X 0301). */
    private static final Pattern JAPANESE_ERA = Pattern.compile("\\b([mtshr])(\\d+)\\.(\\d+)\\.(\\d+)", FLAGS);
    /** The year before each era's first, by initial. */
    private static final Map<Character, Integer> ERA_YEAR_ZERO = Map.of(
            'm', 1867, 't', 1911, 's', 1925, 'h', 1988, 'r', 2018);
    /** ISO 8601's week date, {@code 2022-W10-2} or {@code 22W102}; its year may be left out, and its day. */
    private static final Pattern WEEK_DATE = Pattern.compile("\\b(\\d{2}|\\d{4})?-?w(\\d{2})(?:-?(\\d))?\\b", FLAGS);
    /** A day of the week alone, {@code -W-2}. */
    private static final Pattern WEEK_DAY = Pattern.compile("-w-(\\d)\\b", FLAGS);
    /** A month and day without a year, {@code --03-08}, or a day alone, {@code ---08}. */
    private static final Pattern MONTH_DAY = Pattern.compile("--(\\d{2})?-(\\d{2})\\b");
    /** A month and day written together, {@code --0308}, or a month alone, {@code --03}. */
    private static final Pattern MONTH_DAY_RUN = Pattern.compile("--(\\d{2})(\\d{2})?\\b");
    /** An ordinal date, {@code 2022-067}, unless it follows a comma or a point. */
    private static final Pattern ORDINAL_DATE = Pattern.compile("\\b(\\d{2}|\\d{4})-(\\d{3})\\b");
    private static final Pattern ORDINAL_DATE_AFTER_POINT = Pattern.compile("[,.](\\d{2}|\\d{4})-\\d{3}\\b");
    /** A day of the year alone, {@code -067}, unless a digit is before the dash. */
    private static final Pattern YEAR_DAY = Pattern.compile("\\b-(\\d{3})\\b");
    private static final Pattern YEAR_DAY_AFTER_DIGIT = Pattern.compile("\\d-\\d{3}\\b");
    private static final Pattern YEAR = Pattern.compile("'(\\d+)\\b");
    private static final Pattern MONTH = Pattern.compile("\\b(" + MONTHS + ")\\S*", FLAGS);
    private static final Pattern ORDINAL_DAY = Pattern.compile("(\\d+)(st|nd|rd|th)\\b", FLAGS);
    /**
     * The last date form tried: a signed run of 2 to 14 digits, then perhaps a time of 2, 4 or 6
     * digits (after {@code T} or a space), a fraction, and an offset ({@code Z}, {@code +0900})
     * or a bracketed zone ({@code [+9]}, {@code [-5:EST]}).
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("([-+]?)(\\d{2,14})(?:\\s*t?\\s*(\\d{2,6})?(?:[,.](\\d*))?)?"
            + "(?:\\s*(z\\b|[-+]\\d{1,4}\\b|\\[[-+]?\\d[^\\]]*\\]))?", FLAGS);
    /** {@code BC}, {@code BCE} or {@code B.C.}; of {@code B.C.E.} Ruby takes out only {@code B.C.}. */
    private static final Pattern BC = Pattern.compile("\\b(?:bce?\\b|b\\.c\\.)", FLAGS);
    private static final Pattern LONE_NUMBER = Pattern.compile("\\A\\s*(\\d{1,2})\\s*\\z");
    private static final Pattern NUMERIC_OFFSET = Pattern.compile("\\A([-+])(\\d\\d)(:?)(\\d\\d)(?:\\3(\\d\\d))?\\z");
    private static final Pattern HOURS_OFFSET = Pattern.compile("\\A([-+])(\\d\\d)\\z");
    private static final int DAY_SECONDS = 86_400;
    /** The largest year held in a {@code long}, of 18 digits; a longer one is a {@link BigInteger} ({@code Fields.bigYear}). */
    private static final long LAST_YEAR = 999_999_999_999_999_999L;
    private static final BigInteger BIG_LAST_YEAR = BigInteger.valueOf(LAST_YEAR);
    private static final BigInteger FOUR_HUNDRED = BigInteger.valueOf(400);
    /** Years Java's times hold, with a margin for a time moved by its offset into the next year. */
    private static final long FIRST_JAVA_YEAR = -999_999_000;
    private static final long LAST_JAVA_YEAR = 999_999_000;
    /** The first year whose count of days since 1970 is past an {@code int}'s: glibc's rules of summer time stop there. */
    private static final long FIRST_YEAR_WITHOUT_SUMMER_TIME = WideTime.FIRST_YEAR_WITHOUT_SUMMER_TIME;
    /** The last year glibc's {@code localtime} holds ({@code tm_year} is an {@code int} counted from 1900). */
    private static final long LAST_GLIBC_YEAR = Integer.MAX_VALUE + 1900L;
    /** Where the stand-in years start: past every zone's last change, so its current rules hold. */
    private static final int STAND_IN_YEARS = 2400;
    private static final Instant FIRST_INSTANT = Instant.ofEpochSecond(-10_000_000_000_000L);
    /** The largest offset Java's {@code ZoneOffset} holds, in seconds. */
    private static final int MAX_OFFSET = 18 * 3600;
    private static final Pattern UTC_ZONE = Pattern.compile("\\A(?:-00:00|-0000|-00|UTC|Z|UT)\\z", FLAGS);
    /** The zone names {@code Time.zone_offset} knows, in hours from UTC. */
    private static final Map<String, Integer> ZONE_HOURS = zoneHours();

    private static final BigInteger BIG_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger BIG_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /**
     * For each month (0 to 11) and weekday of its 1st (0 Sunday to 6 Saturday), the last year from
     * 2036 back to 2010 whose month starts so, February of leap years aside; the 13th row is
     * February of leap years, from 2037 back. Ruby takes the site zone's offset at a time past
     * glibc's years from that year (its {@code guess_local_offset}).
     */
    private static final int[][] GUESS_YEARS = guessYears();

    private RubyTimeParser() {
    }

    private static int[][] guessYears() {
        int[][] years = new int[13][7];
        for (int year = 2037; year >= 2010; year--) {
            for (int month = 1; month <= 12; month++) {
                boolean leapFebruary = month == 2 && Year.isLeap(year);
                if (year == 2037 && !leapFebruary) {
                    continue;
                }
                int row = leapFebruary ? 12 : month - 1;
                int weekday = LocalDate.of(year, month, 1).getDayOfWeek().getValue() % 7;
                if (years[row][weekday] == 0) {
                    years[row][weekday] = year;
                }
            }
        }
        return years;
    }

    /**
     * RFC 822's names, and its military letters with the signs it gave them (A is +1 up to M, N is
     * -1 down to Y, no J), which Ruby keeps although RFC 1123 calls those signs wrong.
     */
    private static Map<String, Integer> zoneHours() {
        Map<String, Integer> hours = new HashMap<>(Map.of("UTC", 0, "Z", 0, "UT", 0, "GMT", 0,
                "EST", -5, "EDT", -4, "CST", -6, "CDT", -5, "MST", -7, "MDT", -6));
        hours.put("PST", -8);
        hours.put("PDT", -7);
        String east = "ABCDEFGHIKLM";
        String west = "NOPQRSTUVWXY";
        for (int i = 0; i < 12; i++) {
            hours.put(String.valueOf(east.charAt(i)), i + 1);
            hours.put(String.valueOf(west.charAt(i)), -(i + 1));
        }
        return Map.copyOf(hours);
    }

    /**
     * The time {@code text} names, read as {@code Time.parse(text, now)} reads it: a time without
     * an offset is wall time in {@code zone}, one with an offset or a known zone name keeps it
     * ({@code UTC}, {@code Z} and {@code -0000} make a time in {@link RubyTime#UTC}). Empty when the
     * text names no date or time part, or one out of range (a 13th month), where Liquid's
     * {@code date} filter prints its input as it is; empty too for a time Java's times cannot hold,
     * which {@link #parseWide} gives. Thread-safe.
     */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone, ZonedDateTime now) {
        return read(text, zone, now).filter(ZonedDateTime.class::isInstance).map(ZonedDateTime.class::cast);
    }

    /**
     * The time {@code text} names, read as {@link #parse} reads it, when it is one Ruby holds and
     * Java's times cannot ({@link WideTime}): at an offset of 18 to 24 hours, in a year past
     * Java's, or in the site's zone in a year from 5,881,581 on, where the C library Ruby asks
     * stops seeing summer time (its count of days overflows) and, past 2,147,485,547, Ruby guesses
     * the offset from a year of this century. Empty for any other text.
     */
    public static Optional<WideTime> parseWide(String text, ZoneId zone, ZonedDateTime now) {
        return read(text, zone, now).filter(WideTime.class::isInstance).map(WideTime.class::cast);
    }

    /**
     * {@link #parse} or {@link #parseWide}, whichever reads {@code text}, from one reading of it:
     * a {@link ZonedDateTime} or a {@link WideTime}, empty for text that names no time.
     */
    public static Optional<Object> parseAny(String text, ZoneId zone, ZonedDateTime now) {
        return read(text, zone, now);
    }

    /** A {@link ZonedDateTime} or a {@link WideTime}. */
    private static Optional<Object> read(String text, ZoneId zone, ZonedDateTime now) {
        if (RubyStrings.bytesizeAbove(text, LONGEST_TEXT)) {
            return Optional.empty();
        }
        Fields fields = new Fields();
        StringBuilder rest = new StringBuilder(GAPS.matcher(text).replaceAll(" "));
        takeOut(DAY, rest);
        Matcher time = takeOut(TIME, rest);
        if (time != null) {
            readTime(time.group(1), fields);
            fields.zone = time.group(2);
        }
        readDate(rest, fields);
        fields.bc |= takeOut(BC, rest) != null;
        readLoneNumber(rest, fields);
        if (fields.bc && fields.year != null) {
            fields.year = -fields.year + 1;
            if (fields.bigYear != null) {
                fields.bigYear = BigInteger.ONE.subtract(fields.bigYear);
                fields.year = fields.bigYear.signum() * Long.MAX_VALUE;
            }
        }
        if (fields.complete && fields.year != null && fields.year >= 0 && fields.year <= 99) {
            fields.year += fields.year >= 69 ? 1900 : 2000;
        }
        return makeTime(fields, zone, now);
    }

    /** The first date form found in {@code rest}, in {@code Date._parse}'s order; false when none is. */
    private static boolean readDate(StringBuilder rest, Fields fields) {
        return readEu(rest, fields) || readUs(rest, fields) || readThree(ISO, rest, fields, 1, 2, 3)
                || readJapaneseEra(rest, fields) || readVms(rest, fields) || readThree(SLASHES, rest, fields, 1, 2, 3)
                || readThree(DOTS, rest, fields, 1, 2, 3) || readIsoWithoutYearMonthDay(rest, fields)
                || readYear(rest, fields) || readMonth(rest, fields) || readOrdinalDay(rest, fields)
                || readDigitRun(rest, fields);
    }

    /** What {@code Date._parse} found. */
    private static final class Fields {
        /** The year, held at a long's bound ({@code ±Long.MAX_VALUE}) when it is past {@link #LAST_YEAR}. */
        Long year;
        /** A year past {@link #LAST_YEAR} either way, which {@code year} then only bounds; else null. */
        BigInteger bigYear;
        Integer month;
        Integer day;
        /** A day of the year ({@code 2022-067}), which {@code Time.parse} turns into month and day. */
        Integer yearDay;
        Integer hour;
        Integer minute;
        Integer second;
        int nanos = -1;
        String zone;
        boolean complete = true;
        /** The year is counted back: {@code -year + 1}, as year 1 BC is year 0. */
        boolean bc;
    }

    /** The first match of {@code pattern} in {@code rest}, blanked out there, or null. */
    private static Matcher takeOut(Pattern pattern, StringBuilder rest) {
        // the matcher reads a copy, as its groups are read after the text is blanked
        Matcher m = pattern.matcher(rest.toString());
        if (!m.find()) {
            return null;
        }
        rest.replace(m.start(), m.end(), " ");
        return m;
    }

    private static void readTime(String text, Fields fields) {
        Matcher m = TIME_PARTS.matcher(text);
        if (!m.find()) {
            return;
        }
        int hour = integer(m.group(1));
        if (m.group(5) != null) {
            hour = hour % 12 + (Character.toLowerCase(m.group(5).charAt(0)) == 'p' ? 12 : 0);
        }
        fields.hour = hour;
        fields.minute = m.group(2) == null ? null : integer(m.group(2));
        fields.second = m.group(3) == null ? null : integer(m.group(3));
        if (m.group(4) != null) {
            fields.nanos = nanos(m.group(4));
        }
    }

    private static boolean readEu(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(EU, rest);
        if (m == null) {
            return false;
        }
        threeNumbers(m.group(4), monthNumber(m.group(2)), m.group(1), isBc(m.group(3)), fields);
        return true;
    }

    private static boolean readUs(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(US, rest);
        if (m == null) {
            return false;
        }
        threeNumbers(m.group(4), monthNumber(m.group(1)), m.group(2), isBc(m.group(3)), fields);
        return true;
    }

    private static boolean readVms(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(VMS_DAY_FIRST, rest);
        if (m != null) {
            threeNumbers(m.group(3), monthNumber(m.group(2)), m.group(1), false, fields);
            return true;
        }
        m = takeOut(VMS_MONTH_FIRST, rest);
        if (m != null) {
            threeNumbers(m.group(3), monthNumber(m.group(1)), m.group(2), false, fields);
            return true;
        }
        return false;
    }

    private static boolean readJapaneseEra(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(JAPANESE_ERA, rest);
        if (m == null) {
            return false;
        }
        long year = (long) ERA_YEAR_ZERO.get(Character.toLowerCase(m.group(1).charAt(0))) + integer(m.group(2));
        fields.year = year;
        fields.month = integer(m.group(3));
        fields.day = integer(m.group(4));
        return true;
    }

    /**
     * ISO 8601's dates other than year-month-day: a week date or a weekday (which {@code Time.parse}
     * then leaves unread), a month and day without a year, an ordinal date or a day of the year.
     */
    private static boolean readIsoWithoutYearMonthDay(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(WEEK_DATE, rest);
        if (m != null) {
            // a two-digit week-date year is completed too, but Time.parse never reads it
            return true;
        }
        if (takeOut(WEEK_DAY, rest) != null) {
            return true;
        }
        m = takeOut(MONTH_DAY, rest);
        if (m != null) {
            if (m.group(1) != null) {
                fields.month = integer(m.group(1));
            }
            fields.day = integer(m.group(2));
            return true;
        }
        m = takeOut(MONTH_DAY_RUN, rest);
        if (m != null) {
            fields.month = integer(m.group(1));
            if (m.group(2) != null) {
                fields.day = integer(m.group(2));
            }
            return true;
        }
        if (!ORDINAL_DATE_AFTER_POINT.matcher(rest).find()) {
            m = takeOut(ORDINAL_DATE, rest);
            if (m != null) {
                fields.year = (long) integer(m.group(1));
                fields.yearDay = integer(m.group(2));
                return true;
            }
        }
        if (!YEAR_DAY_AFTER_DIGIT.matcher(rest).find()) {
            m = takeOut(YEAR_DAY, rest);
            if (m != null) {
                fields.yearDay = integer(m.group(1));
                return true;
            }
        }
        return false;
    }

    private static boolean readThree(Pattern pattern, StringBuilder rest, Fields fields, int y, int m, int d) {
        Matcher match = takeOut(pattern, rest);
        if (match == null) {
            return false;
        }
        threeNumbers(match.group(y), match.group(m), match.group(d), false, fields);
        return true;
    }

    private static boolean readYear(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(YEAR, rest);
        if (m == null) {
            return false;
        }
        setYear(fields, m.group(1), false);
        return true;
    }

    private static boolean readMonth(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(MONTH, rest);
        if (m == null) {
            return false;
        }
        fields.month = integer(monthNumber(m.group(1)));
        return true;
    }

    private static boolean readOrdinalDay(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(ORDINAL_DAY, rest);
        if (m == null) {
            return false;
        }
        fields.day = integer(m.group(1));
        return true;
    }

    /**
     * A run of digits, read by its length: 2 is a day, 4 month and day, 6 a two-digit year, month
     * and day, 8 to 14 (even) a four-digit year, month, day, hour, minute and second, 3 a day of the
     * year, 5 and 7 a two- or four-digit year and a day of the year; other lengths say nothing. A
     * run with a fraction and no time after it is read from its end instead: second, minute, hour,
     * day (the first of these may have one digit), then month, and a year of two digits (12 in all)
     * or four (14). The time after a run gives hour, minute and second from its start, or, with a
     * fraction, from its end.
     */
    private static boolean readDigitRun(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(DIGIT_RUN, rest);
        if (m == null) {
            return false;
        }
        String sign = m.group(1);
        String run = m.group(2);
        String clock = m.group(3);
        String fraction = m.group(4);
        if (clock == null && fraction != null) {
            readRunAsTime(sign, run, fields);
        } else {
            readRunAsDate(sign, run, fields);
        }
        if (clock != null && clock.length() % 2 == 0) {
            int n = clock.length();
            if (fraction != null) {
                fields.second = integer(clock.substring(n - 2));
                if (n >= 4) {
                    fields.minute = integer(clock.substring(n - 4, n - 2));
                }
                if (n >= 6) {
                    fields.hour = integer(clock.substring(0, 2));
                }
            } else {
                fields.hour = integer(clock.substring(0, 2));
                if (n >= 4) {
                    fields.minute = integer(clock.substring(2, 4));
                }
                if (n >= 6) {
                    fields.second = integer(clock.substring(4, 6));
                }
            }
        }
        if (fraction != null) {
            fields.nanos = nanos(fraction);
        }
        if (m.group(5) != null) {
            fields.zone = bracketedZone(m.group(5));
        }
        return true;
    }

    private static void readRunAsDate(String sign, String run, Fields fields) {
        int n = run.length();
        switch (n) {
            case 2 -> fields.day = integer(run);
            case 4 -> {
                fields.month = integer(run.substring(0, 2));
                fields.day = integer(run.substring(2));
            }
            case 6 -> {
                fields.year = (long) integer(sign + run.substring(0, 2));
                fields.month = integer(run.substring(2, 4));
                fields.day = integer(run.substring(4));
            }
            case 8, 10, 12, 14 -> {
                fields.year = (long) integer(sign + run.substring(0, 4));
                fields.month = integer(run.substring(4, 6));
                fields.day = integer(run.substring(6, 8));
                if (n >= 10) {
                    fields.hour = integer(run.substring(8, 10));
                }
                if (n >= 12) {
                    fields.minute = integer(run.substring(10, 12));
                }
                if (n >= 14) {
                    fields.second = integer(run.substring(12, 14));
                }
                fields.complete = false;
            }
            case 3 -> fields.yearDay = integer(run);
            case 5 -> {
                fields.year = (long) integer(sign + run.substring(0, 2));
                fields.yearDay = integer(run.substring(2));
            }
            case 7 -> {
                // unlike the runs of 8 or more, this four-digit year under 100 is completed: 0022153 is 2022
                fields.year = (long) integer(sign + run.substring(0, 4));
                fields.yearDay = integer(run.substring(4));
            }
            default -> {
                // 9, 11 and 13 digits name nothing
            }
        }
    }

    private static void readRunAsTime(String sign, String run, Fields fields) {
        int n = run.length();
        if (n % 2 == 1 && n > 7) {
            return;
        }
        fields.second = integer(run.substring(n - 2));
        if (n >= 3) {
            fields.minute = integer(run.substring(Math.max(0, n - 4), n - 2));
        }
        if (n >= 5) {
            fields.hour = integer(run.substring(Math.max(0, n - 6), n - 4));
        }
        if (n >= 7) {
            fields.day = integer(run.substring(Math.max(0, n - 8), n - 6));
        }
        if (n >= 10) {
            fields.month = integer(run.substring(n - 10, n - 8));
        }
        if (n == 12) {
            fields.year = (long) integer(sign + run.substring(0, 2));
        } else if (n == 14) {
            fields.year = (long) integer(sign + run.substring(0, 4));
            fields.complete = false;
        }
    }

    /** The zone a digit run's {@code [...]} names for {@code Time.parse}: what follows a colon, else all of it. */
    private static String bracketedZone(String written) {
        if (!written.startsWith("[")) {
            return written;
        }
        String inside = written.substring(1, written.length() - 1);
        int colon = inside.indexOf(':');
        return colon < 0 ? inside : inside.substring(colon + 1);
    }

    /** A number left alone beside a time is its day, beside a date its hour ({@code Date._parse}'s fragments). */
    private static void readLoneNumber(StringBuilder rest, Fields fields) {
        Matcher m = LONE_NUMBER.matcher(rest);
        if (!m.find()) {
            return;
        }
        int n = integer(m.group(1));
        if (fields.hour != null && fields.day == null && n >= 1 && n <= 31) {
            fields.day = n;
        }
        if (fields.day != null && fields.hour == null && n >= 0 && n <= 24) {
            fields.hour = n;
        }
    }

    private static String monthNumber(String name) {
        return String.valueOf(MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 4 + 1);
    }

    private static boolean isBc(String era) {
        return era != null && Character.toLowerCase(era.charAt(0)) == 'b';
    }

    /**
     * Ruby's choice of year, month and day among three numbers as written ({@code s3e}): two
     * numbers are month and day; a number of more than two digits, or written with {@code '}, is
     * the year, moved there from the day's or month's place.
     */
    private static void threeNumbers(String y, String m, String d, boolean bc, Fields fields) {
        if (y != null && m != null && d == null) {
            String oldY = y;
            y = d;
            d = m;
            m = oldY;
        }
        if (y == null && d != null && (d.length() > 2 || d.startsWith("'"))) {
            y = d;
            d = null;
        }
        if (y != null) {
            int start = signOrDigit(y);
            if (start < y.length()) {
                int end = digitsEnd(y, start + (isSign(y.charAt(start)) ? 1 : 0));
                if (end < y.length()) {
                    // a "year" with text after its digits (the 9th of "1977 April 9th") is the
                    // day, and only its digits count, so the day is not taken for a long year
                    String day = y.substring(start, end);
                    y = d;
                    d = day;
                }
            }
        }
        if (m != null && (m.startsWith("'") || m.length() > 2)) {
            String oldY = y;
            y = m;
            m = d;
            d = oldY;
        }
        if (d != null && (d.startsWith("'") || d.length() > 2)) {
            String oldY = y;
            y = d;
            d = oldY;
        }
        if (y != null) {
            int start = signOrDigit(y);
            if (start < y.length()) {
                boolean signed = isSign(y.charAt(start));
                int digits = start + (signed ? 1 : 0);
                int end = digitsEnd(y, digits);
                if (signed || end - digits > 2) {
                    fields.complete = false;
                }
                if (end > digits) {
                    setYear(fields, y.substring(digits, end), y.charAt(start) == '-');
                }
            }
        }
        fields.bc |= bc;
        fields.month = m == null ? fields.month : number(m);
        fields.day = d == null ? fields.day : number(d);
    }

    /**
     * Digits, perhaps signed, as a number; one too big for an int is held at the int's bound,
     * which is past any year, month or day Java holds, so the text is then no date.
     */
    private static int integer(String digits) {
        long value = new BigInteger(digits).max(BIG_MIN).min(BIG_MAX).longValue();
        return (int) value;
    }

    /**
     * Digits as the year: a {@code long} up to 18 digits, the common case, parsed without
     * arbitrary precision; past that a {@link BigInteger} in {@code bigYear}, as Ruby's years go
     * on, with {@code year} at a long's bound.
     */
    private static void setYear(Fields fields, String digits, boolean negative) {
        fields.bigYear = null;
        if (digits.length() <= 18) {
            long year = Long.parseLong(digits);
            fields.year = negative ? -year : year;
            return;
        }
        BigInteger year = new BigInteger(negative ? "-" + digits : digits);
        if (year.abs().compareTo(BIG_LAST_YEAR) <= 0) {
            fields.year = year.longValueExact();
        } else {
            fields.bigYear = year;
            fields.year = year.signum() * Long.MAX_VALUE;
        }
    }

    /** A year of the same calendar as the fields' (the same one, or one 400 years apart), for its leap day. */
    private static long calendarYear(Fields fields) {
        return isBig(fields) ? fields.bigYear.mod(FOUR_HUNDRED).longValue() : fields.year;
    }

    private static boolean isBig(Fields fields) {
        return fields.bigYear != null && fields.year != null && Math.abs(fields.year) > LAST_YEAR;
    }

    /** A fraction of a second's digits as nanoseconds, past the ninth digit cut off. */
    private static int nanos(String digits) {
        return integer((digits + "000000000").substring(0, 9));
    }

    private static int signOrDigit(String text) {
        int i = 0;
        while (i < text.length() && !isSign(text.charAt(i)) && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+';
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Integer number(String text) {
        int start = 0;
        while (start < text.length() && !Character.isDigit(text.charAt(start))) {
            start++;
        }
        int end = digitsEnd(text, start);
        return end > start ? integer(text.substring(start, end)) : null;
    }

    /**
     * {@code Time.make_time}: a day of the year turned into month and day, the parts filled in from
     * {@code now}, then the time in its zone.
     */
    private static Optional<Object> makeTime(Fields f, ZoneId zone, ZonedDateTime now) {
        if (f.year == null && f.yearDay == null && f.month == null && f.day == null && f.hour == null
                && f.minute == null && f.second == null && f.nanos < 0) {
            return Optional.empty();
        }
        if (f.yearDay == null) {
            return timeOf(f, f.month, f.day, zone, now);
        }
        if (f.yearDay < 1 || f.yearDay > 366) {
            return Optional.empty();
        }
        // Ruby first guesses 31-day months, then moves the day by what the guess missed, which
        // keeps the day of the year even where the time (24:00, 23:59:60) runs into the next day
        int month = (f.yearDay - 1) / 31 + 1;
        int day = (f.yearDay - 1) % 31 + 1;
        Optional<Object> guess = timeOf(f, month, day, zone, now);
        if (guess.isEmpty()) {
            return guess;
        }
        int missed = f.yearDay - (guess.get() instanceof WideTime wide ? wide.wall().getDayOfYear()
                : ((ZonedDateTime) guess.get()).getDayOfYear());
        if (missed == 0) {
            return guess;
        }
        day += missed;
        Integer monthDays = monthDays(f.year == null ? now.getYear() : calendarYear(f), month);
        if (day > 28 && monthDays != null && day > monthDays) {
            month++;
            if (month > 12) {
                return Optional.empty();
            }
            day -= monthDays;
        }
        return timeOf(f, month, day, zone, now);
    }

    /**
     * The time of the fields with this month and day: what the text leaves out taken from
     * {@code now}, in the zone written or, without one it knows, in {@code zone}; a
     * {@link WideTime} where Java's times cannot hold it.
     */
    private static Optional<Object> timeOf(Fields f, Integer month, Integer day, ZoneId zone, ZonedDateTime now) {
        Integer offset = f.zone == null ? null : offsetSeconds(f.zone, f.year == null ? now.getYear() : f.year, zone);
        if (offset != null && Math.abs(offset) >= DAY_SECONDS) {
            return Optional.empty();  // Ruby's "utc_offset out of range"
        }
        boolean utc = offset != null && UTC_ZONE.matcher(f.zone).matches();
        LocalDateTime local = offset == null ? now.withZoneSameInstant(zone).toLocalDateTime()
                : LocalDateTime.ofEpochSecond(now.toEpochSecond() + offset, now.getNano(), ZoneOffset.UTC);
        Long[] parts = {f.year, boxed(month), boxed(day), boxed(f.hour), boxed(f.minute), boxed(f.second)};
        long[] nowParts = {local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond()};
        int nanos = f.nanos;
        for (int i = 0; i < parts.length && parts[i] == null; i++) {
            parts[i] = nowParts[i];
            if (i == parts.length - 1 && nanos < 0) {
                nanos = local.getNano() / 1000 * 1000;
            }
        }
        long[] starts = {1970, 1, 1, 0, 0, 0};
        int[] wall = new int[parts.length];
        for (int i = 1; i < parts.length; i++) {
            wall[i] = (int) (parts[i] == null ? starts[i] : parts[i]);
        }
        long year = parts[0] == null ? starts[0] : parts[0];
        boolean wide = year < FIRST_JAVA_YEAR || year >= FIRST_YEAR_WITHOUT_SUMMER_TIME && offset == null
                || year > LAST_JAVA_YEAR || offset != null && Math.abs(offset) > MAX_OFFSET;
        if (!wide) {
            wall[0] = (int) year;
            if (offset == null) {
                return wallTime(wall, Math.max(nanos, 0)).map(time -> time.atZone(zone));
            }
            ZoneId shown = utc ? RubyTime.UTC : ZoneOffset.ofTotalSeconds(offset);
            int written = offset;
            return wallTime(towardsUtc(wall, offset), Math.max(nanos, 0))
                    .map(time -> inSiteZoneWhereItFits(time.atZone(ZoneOffset.UTC).withZoneSameInstant(shown), zone, written));
        }
        // years 400 apart have the same calendar, so the sums are done in a stand-in year
        BigInteger realYear = f.year != null && isBig(f) ? f.bigYear : BigInteger.valueOf(year);
        int standIn = realYear.mod(FOUR_HUNDRED).intValue() + STAND_IN_YEARS;
        BigInteger shift = realYear.subtract(BigInteger.valueOf(standIn));
        wall[0] = standIn;
        if (offset == null) {
            return wallTime(wall, Math.max(nanos, 0)).map(time -> {
                if (year > LAST_GLIBC_YEAR) {
                    LocalDateTime inUtc = guessedUtc(time, zone);
                    ZonedDateTime there = guessedLocal(inUtc, zone);
                    int guessed = there.getOffset().getTotalSeconds();
                    return new WideTime(inUtc.plusSeconds(guessed), shift, guessed, ZoneAbbreviations.of(there));
                }
                ZonedDateTime there = siteTime(year, time, false, zone);
                return new WideTime(time, shift, there.getOffset().getTotalSeconds(), ZoneAbbreviations.of(there));
            });
        }
        int written = offset;
        return wallTime(towardsUtc(wall, offset), Math.max(nanos, 0)).map(time -> {
            String name = utc ? "UTC" : "";
            if (!utc && Math.abs(written) <= MAX_OFFSET) {
                ZonedDateTime there = siteTime(year, time, true, zone);
                name = there.getOffset().getTotalSeconds() == written ? ZoneAbbreviations.of(there) : "";
            }
            return new WideTime(time.plusSeconds(written), shift, written, name);
        });
    }

    /**
     * {@code time} moved into the site's {@code zone}, as Jekyll's date filters move a time
     * ({@code localtime}), for a year {@link WideTime#inZone} leaves out: one past Java's or, in
     * Java's, from 5,881,581 on, where Ruby's local time is not Java's (see {@link #parseWide}).
     */
    public static WideTime localTime(WideTime time, ZoneId zone) {
        LocalDateTime utc = time.wall().minusSeconds(time.offset());
        ZonedDateTime there = siteTime(time.year().max(LONG_MIN).min(LONG_MAX).longValue(), utc, true, zone);
        int offset = there.getOffset().getTotalSeconds();
        return new WideTime(utc.plusSeconds(offset), time.yearShift(), offset, ZoneAbbreviations.of(there));
    }

    private static Long boxed(Integer value) {
        return value == null ? null : value.longValue();
    }

    /**
     * A time of the site's zone whose offset and abbreviation are those Ruby's local time has at
     * {@code time} (a wall time or, if {@code isUtc}, a UTC time of the stand-in year) in the real
     * {@code year}, one past Java's or from 5,881,581 on: before Java's years the zone's first (local mean time, which glibc gives before
     * the first change); from 5,881,581 to 2,147,485,547 those of January 15th, as glibc then finds
     * the days summer time starts and ends in the past and keeps the state of January; past that
     * those Ruby guesses from a year of this century ({@link #guessedLocal}).
     */
    private static ZonedDateTime siteTime(long year, LocalDateTime time, boolean isUtc, ZoneId zone) {
        if (year < 0) {
            return FIRST_INSTANT.atZone(zone);
        }
        if (year <= LAST_GLIBC_YEAR) {
            return LocalDateTime.of(time.getYear(), 1, 15, 12, 0).atZone(zone);
        }
        return guessedLocal(isUtc ? time : guessedUtc(time, zone), zone);
    }

    /**
     * The site zone at a UTC time past glibc's years (in the stand-in year, of the same calendar),
     * as Ruby guesses it: the same month, day and time in the year of {@link #GUESS_YEARS} whose
     * month starts on the same weekday (and, for February, is as leap), where the tz database's
     * rules of that year hold, summer time included.
     */
    private static ZonedDateTime guessedLocal(LocalDateTime utc, ZoneId zone) {
        int month = utc.getMonthValue();
        int weekday = utc.withDayOfMonth(1).getDayOfWeek().getValue() % 7;
        int row = month == 2 && Year.isLeap(utc.getYear()) ? 12 : month - 1;
        return utc.withYear(GUESS_YEARS[row][weekday]).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
    }

    /**
     * The UTC time of a wall time in the site's zone past glibc's years, as Ruby's
     * {@code timelocalw} finds it through {@link #guessedLocal}: the wall time read as UTC, moved
     * by the local offsets of the day before or after; where two readings differ, the one whose
     * local clock shows the wall time, and of two that both do, that with the larger offset.
     */
    private static LocalDateTime guessedUtc(LocalDateTime wall, ZoneId zone) {
        LocalDateTime first = wall;
        LocalDateTime firstLocal = localClock(first, zone);
        int order = wall.compareTo(firstLocal);
        if (order == 0) {
            first = first.minusHours(12);
            firstLocal = localClock(first, zone);
            order = 1;
        }
        LocalDateTime second;
        LocalDateTime secondLocal;
        if (order < 0) {
            second = first;
            secondLocal = firstLocal;
            first = first.minusDays(1);
            firstLocal = localClock(first, zone);
        } else {
            second = first.plusDays(1);
            secondLocal = localClock(second, zone);
        }
        first = first.plusSeconds(clockDifference(wall, firstLocal));
        second = second.plusSeconds(clockDifference(wall, secondLocal));
        if (first.equals(second)) {
            return first;
        }
        firstLocal = localClock(first, zone);
        if (!sameClock(wall, firstLocal)) {
            return second;
        }
        secondLocal = localClock(second, zone);
        if (!sameClock(wall, secondLocal)) {
            return first;
        }
        // Time.local asks for no summer or standard time, which Ruby takes as summer time: the larger offset
        return offsetAt(first, zone) < offsetAt(second, zone) ? second : first;
    }

    private static LocalDateTime localClock(LocalDateTime utc, ZoneId zone) {
        return utc.plusSeconds(offsetAt(utc, zone));
    }

    private static int offsetAt(LocalDateTime utc, ZoneId zone) {
        return guessedLocal(utc, zone).getOffset().getTotalSeconds();
    }

    /** Ruby's {@code small_vtm_sub}: the clocks' difference in seconds, their dates only a day apart at most. */
    private static long clockDifference(LocalDateTime wanted, LocalDateTime shown) {
        long seconds = wanted.getSecond() - shown.getSecond() + (wanted.getMinute() - shown.getMinute()) * 60L
                + (wanted.getHour() - shown.getHour()) * 3600L;
        int days = wanted.toLocalDate().compareTo(shown.toLocalDate());
        return seconds + Integer.signum(days) * 86_400L;
    }

    private static boolean sameClock(LocalDateTime a, LocalDateTime b) {
        return a.getHour() == b.getHour() && a.getMinute() == b.getMinute() && a.getSecond() == b.getSecond();
    }

    /**
     * {@code force_zone!}: a time written with an offset is shown in the site's zone when that
     * zone is at the same offset then ({@code +0200} in a Berlin summer prints {@code %Z} as
     * {@code CEST}, {@code -03} in Sao Paulo as {@code -03}); Ruby keeps the fixed offset only
     * where the site's zone cannot show it.
     */
    private static ZonedDateTime inSiteZoneWhereItFits(ZonedDateTime time, ZoneId site, int offset) {
        if (time.getZone() instanceof ZoneOffset && site.getRules().getOffset(time.toInstant()).getTotalSeconds() == offset) {
            return time.withZoneSameInstant(site);
        }
        return time;
    }

    /**
     * {@code Time.utc} or {@code Time.local} of year, month, day, hour, minute and second: each
     * checked against its range (24:00 is midnight of the next day, but not 24:01), a day past the
     * month's end rolled into the next month (Feb 30 is Mar 2), second 60 into the next minute.
     */
    private static Optional<LocalDateTime> wallTime(int[] p, int nanos) {
        boolean pastMidnight = p[3] == 24 && (p[4] > 0 || p[5] > 0);
        if (p[1] < 1 || p[1] > 12 || p[2] < 1 || p[2] > 31 || p[3] < 0 || p[3] > 24 || p[4] < 0 || p[4] > 59
                || p[5] < 0 || p[5] > 60 || pastMidnight) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(p[0], p[1], 1).plusDays(p[2] - 1L).atStartOfDay()
                    .plusHours(p[3]).plusMinutes(p[4]).plusSeconds(p[5]).plusNanos(nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A wall time at {@code offset} seconds from UTC as Ruby's {@code apply_offset} moves it to UTC
     * before {@code Time.utc} checks it: the offset's seconds, minutes and hours are each taken
     * from their own part, which carries into the next only when the offset has some of that
     * unit, so {@code 37:15} at {@code -05:00} is {@code 18:15} the next day, but at {@code +00:30}
     * it stays out of range; a day carried past the month's end is the 1st of the next, one
     * carried before the 1st is the last of the month before.
     */
    private static int[] towardsUtc(int[] wall, int offset) {
        int[] p = wall.clone();
        int direction = offset < 0 ? 1 : -1;
        int rest = Math.abs(offset);
        int[] units = {60, 60, 24};
        for (int i = 0; i < units.length; i++) {
            int index = 5 - i;
            int part = rest % units[i];
            rest /= units[i];
            if (part != 0) {
                int moved = p[index] + direction * part;
                rest += direction * Math.floorDiv(moved, units[i]);
                p[index] = Math.floorMod(moved, units[i]);
            }
        }
        if (rest == 0) {
            return p;
        }
        if (direction > 0) {
            p[2] += rest;
            Integer days = monthDays(p[0], p[1]);
            if (days != null && days < p[2]) {
                p[1]++;
                if (p[1] > 12) {
                    p[1] = 1;
                    p[0]++;
                }
                p[2] = 1;
            }
        } else {
            p[2] -= rest;
            if (p[2] < 1) {
                p[1]--;
                if (p[1] < 1) {
                    p[0]--;
                    p[1] = 12;
                }
                Integer days = monthDays(p[0], p[1]);
                p[2] = days == null ? p[2] : days;
            }
        }
        return p;
    }

    /** A zone's abbreviation at a time as Ruby's {@code Time#zone} gives it ({@link ZoneAbbreviations}), upper-cased. */
    private static String zoneName(ZonedDateTime time) {
        return ZoneAbbreviations.of(time).toUpperCase(Locale.ROOT);
    }

    /** The days of a month, null for a number that is no month. */
    private static Integer monthDays(long year, int month) {
        return month < 1 || month > 12 ? null : Month.of(month).length(Year.isLeap(year));
    }

    /**
     * The offset in seconds {@code Time.zone_offset} gives a written zone: {@code +09:00},
     * {@code -0530}, {@code +09}, a name it knows ({@code UTC}, {@code EST}, a military letter), or
     * the name of the {@code site} zone on January 1st or July 1st of {@code year} ({@code CET} and
     * {@code CEST} in Berlin), at that day's offset, so a July date written {@code CET} is at
     * {@code +0100}; null for any other name, which leaves the time in the site's zone.
     */
    private static Integer offsetSeconds(String written, long year, ZoneId site) {
        String zone = written.toUpperCase(Locale.ROOT);
        Matcher m = NUMERIC_OFFSET.matcher(zone);
        int sign = zone.startsWith("-") ? -1 : 1;
        if (m.matches()) {
            int seconds = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            return sign * ((Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(4))) * 60 + seconds);
        }
        if (HOURS_OFFSET.matcher(zone).matches()) {
            return sign * Integer.parseInt(zone.substring(1)) * 3600;
        }
        Integer hours = ZONE_HOURS.get(zone);
        if (hours != null) {
            return hours * 3600;
        }
        for (int month : new int[] {1, 7}) {
            try {
                ZonedDateTime first = LocalDate.of((int) Math.max(Math.min(year, LAST_JAVA_YEAR), FIRST_JAVA_YEAR), month, 1)
                        .atStartOfDay(site);
                if (zoneName(first).equals(zone)) {
                    return first.getOffset().getTotalSeconds();
                }
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
