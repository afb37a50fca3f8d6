package org.sheaf.jekyll;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free-form date text as Ruby's {@code Time.parse} reads it, which is how Liquid's {@code date}
 * filter reads a string that is not a number, {@code now} or {@code today}: {@code "January 26,
 * 2022"}, {@code "26 Jan 2022 10:00"}, {@code "2022/03/08"}, {@code "Sept 5"}, or a month name alone.
 * Themes print a date, then read the printed text back through {@code date} to take its month.
 *
 * <p>As {@code Date._parse}, the text is read in steps: a weekday name and a time (with an
 * offset or zone name after it) are taken out first, then the first of these date forms that is
 * found gives the date, and no other: day month year ({@code 26 Jan 2022}), month day year
 * ({@code Jan 26, 2022}), {@code y-m-d}, {@code d-Mon-y}, {@code a/b/c}, {@code a.b.c}, a year
 * written {@code '99}, a month name, a day written {@code 3rd}. Which of three numbers is the
 * year follows Ruby's rule: one of more than two digits or written with {@code '}; a two-digit
 * year is 19xx from 69 on, else 20xx. As {@code Time.parse}, what the text leaves out is taken
 * from {@code now} down to the first part it names (a month alone is the 1st of that month this
 * year), the rest is the start of its unit, and text with no date or time part is no date. The
 * forms Ruby also reads that sheaf does not (Japanese era dates, ISO week dates, runs of digits
 * such as {@code 20220308}) are no date here.
 */
public final class RubyTimeParser {
    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    private static final String ERA = "(c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.))?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

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
    private static final Pattern YEAR = Pattern.compile("'(\\d+)\\b");
    private static final Pattern MONTH = Pattern.compile("\\b(" + MONTHS + ")\\S*", FLAGS);
    private static final Pattern ORDINAL_DAY = Pattern.compile("(\\d+)(st|nd|rd|th)\\b", FLAGS);
    private static final Pattern LONE_NUMBER = Pattern.compile("\\A\\s*(\\d{1,2})\\s*\\z");
    private static final Pattern NUMERIC_OFFSET = Pattern.compile("\\A([-+])(\\d\\d)(:?)(\\d\\d)(?:\\3(\\d\\d))?\\z");
    private static final Pattern HOURS_OFFSET = Pattern.compile("\\A([-+])(\\d\\d)\\z");
    private static final Pattern UTC_ZONE = Pattern.compile("\\A(?:-00:00|-0000|-00|UTC|Z|UT)\\z", FLAGS);
    /** The zone names {@code Time.zone_offset} knows, in hours from UTC. */
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("UTC", 0), Map.entry("Z", 0), Map.entry("UT", 0), Map.entry("GMT", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    private RubyTimeParser() {
    }

    /**
     * The time {@code text} names, read as {@code Time.parse(text, now)} reads it: a time without
     * an offset is wall time in {@code zone}, one with an offset or a known zone name keeps it
     * ({@code UTC}, {@code Z} and {@code -0000} make a time in {@link RubyTime#UTC}). Empty when the
     * text names no date or time part, or one out of range (a 13th month), where Liquid's
     * {@code date} filter prints its input as it is.
     */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone, ZonedDateTime now) {
        Fields fields = new Fields();
        StringBuilder rest = new StringBuilder(GAPS.matcher(text).replaceAll(" "));
        takeOut(DAY, rest);
        Matcher time = takeOut(TIME, rest);
        if (time != null) {
            readTime(time.group(1), fields);
            fields.zone = time.group(2);
        }
        boolean dated = readEu(rest, fields) || readUs(rest, fields) || readThree(ISO, rest, fields, 1, 2, 3)
                || readVms(rest, fields) || readThree(SLASHES, rest, fields, 1, 2, 3)
                || readThree(DOTS, rest, fields, 1, 2, 3) || readYear(rest, fields) || readMonth(rest, fields)
                || readOrdinalDay(rest, fields);
        if (dated || time != null) {
            readLoneNumber(rest, fields);
        }
        if (fields.complete && fields.year != null && fields.year >= 0 && fields.year <= 99) {
            fields.year += fields.year >= 69 ? 1900 : 2000;
        }
        return makeTime(fields, zone, now);
    }

    /** What {@code Date._parse} found. */
    private static final class Fields {
        Integer year;
        Integer month;
        Integer day;
        Integer hour;
        Integer minute;
        Integer second;
        int nanos = -1;
        String zone;
        boolean complete = true;
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
        int hour = Integer.parseInt(m.group(1));
        if (m.group(5) != null) {
            hour = hour % 12 + (Character.toLowerCase(m.group(5).charAt(0)) == 'p' ? 12 : 0);
        }
        fields.hour = hour;
        fields.minute = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        fields.second = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            fields.nanos = Integer.parseInt((m.group(4) + "000000000").substring(0, 9));
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
        fields.year = Integer.parseInt(m.group(1));
        return true;
    }

    private static boolean readMonth(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(MONTH, rest);
        if (m == null) {
            return false;
        }
        fields.month = Integer.parseInt(monthNumber(m.group(1)));
        return true;
    }

    private static boolean readOrdinalDay(StringBuilder rest, Fields fields) {
        Matcher m = takeOut(ORDINAL_DAY, rest);
        if (m == null) {
            return false;
        }
        fields.day = Integer.parseInt(m.group(1));
        return true;
    }

    /** A number left alone beside a time is its day, beside a date its hour ({@code Date._parse}'s fragments). */
    private static void readLoneNumber(StringBuilder rest, Fields fields) {
        Matcher m = LONE_NUMBER.matcher(rest);
        if (!m.find()) {
            return;
        }
        int n = Integer.parseInt(m.group(1));
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
                    String wholeYear = y.substring(start);
                    y = d;
                    d = wholeYear;
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
                    int year = Integer.parseInt(y.substring(digits, end));
                    fields.year = y.charAt(start) == '-' ? -year : year;
                }
            }
        }
        if (bc && fields.year != null) {
            fields.year = -fields.year + 1;
        }
        fields.month = m == null ? fields.month : number(m);
        fields.day = d == null ? fields.day : number(d);
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
        return end > start ? Integer.valueOf(text.substring(start, end)) : null;
    }

    /** {@code Time.make_time}: the parts filled in from {@code now}, then the time in its zone. */
    private static Optional<ZonedDateTime> makeTime(Fields f, ZoneId zone, ZonedDateTime now) {
        if (f.year == null && f.month == null && f.day == null && f.hour == null && f.minute == null
                && f.second == null && f.nanos < 0) {
            return Optional.empty();
        }
        ZoneId written = f.zone == null ? null : zoneOf(f.zone);
        ZonedDateTime local = now.withZoneSameInstant(written == null ? zone : written);
        Integer[] parts = {f.year, f.month, f.day, f.hour, f.minute, f.second};
        int[] nowParts = {local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond()};
        int nanos = f.nanos;
        for (int i = 0; i < parts.length && parts[i] == null; i++) {
            parts[i] = nowParts[i];
            if (i == parts.length - 1 && nanos < 0) {
                nanos = local.getNano() / 1000 * 1000;
            }
        }
        int[] starts = {1970, 1, 1, 0, 0, 0};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                parts[i] = starts[i];
            }
        }
        try {
            if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 24 || parts[4] > 59
                    || parts[5] > 60) {
                return Optional.empty();
            }
            // Ruby's Time rolls a day past the month's end into the next month (Feb 30 is Mar 2)
            LocalDateTime wall = LocalDate.of(parts[0], parts[1], 1).plusDays(parts[2] - 1L)
                    .atStartOfDay().plusHours(parts[3]).plusMinutes(parts[4]).plusSeconds(parts[5])
                    .plusNanos(Math.max(nanos, 0));
            return Optional.of(wall.atZone(written == null ? zone : written));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone {@code Time.zone_offset} gives a written zone, {@link RubyTime#UTC} for Ruby's UTC names, else null. */
    private static ZoneId zoneOf(String written) {
        if (UTC_ZONE.matcher(written).matches()) {
            return RubyTime.UTC;
        }
        Integer hours = ZONE_HOURS.get(written.toUpperCase(Locale.ROOT));
        if (hours != null) {
            return ZoneOffset.ofHours(hours);
        }
        Matcher m = NUMERIC_OFFSET.matcher(written);
        int sign = written.startsWith("-") ? -1 : 1;
        try {
            if (m.matches()) {
                return ZoneOffset.ofHoursMinutesSeconds(sign * Integer.parseInt(m.group(2)),
                        sign * Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : sign * Integer.parseInt(m.group(5)));
            }
            Matcher h = HOURS_OFFSET.matcher(written);
            if (h.matches()) {
                return ZoneOffset.ofHours(sign * Integer.parseInt(h.group(2)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
