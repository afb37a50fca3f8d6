package org.sheaf.jekyll;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Ruby reads and prints them for Jekyll: a YAML timestamp as Psych reads it, and
 * {@code Time#to_s}. Text Jekyll hands to {@code Time.parse} is {@link RubyTimeParser}'s.
 */
public final class RubyTime {
    /**
     * YAML's timestamp as Psych finds it ({@code 2017-09-04}, {@code 2017-09-04 10:00:00.5 +02:00},
     * {@code 2017-09-04T10:00:00Z}, an offset of one or two digits or without a colon). A time
     * without seconds ({@code 2017-09-04 10:00}) is no timestamp: it stays text, which Jekyll
     * reads with {@code Time.parse} as wall time in the site's zone.
     */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d*))?"
                    + "(?:[ \\t]*(Z|[-+]\\d{1,2}(?::?\\d{2})?))?)?");
    /**
     * The zone of a time Ruby holds as UTC ({@code Time#utc?}): one written with {@code Z}. Ruby
     * prints it as {@code 2018-05-01 10:00:00 UTC} and its {@code %Z} as {@code UTC}, where a time
     * written with {@code +0000} is at a fixed offset ({@code ZoneOffset.UTC} here), printed
     * {@code +0000} with an empty {@code %Z}, and a time in a site zone named {@code UTC} prints
     * {@code +0000} with {@code %Z} {@code UTC}. So it is a zone of its own, {@link RubyUtcZone#ID},
     * which no IANA name is.
     */
    public static final ZoneId UTC = RubyUtcZone.zone();
    /**
     * Ruby's {@code Time#to_s}: the offset as {@code +0000} at zero, where Java's {@code XX} writes
     * {@code Z}, and {@code UTC} for a time in {@link #UTC}.
     */
    public static final DateTimeFormatter TO_S;
    /**
     * The start of {@link #TO_S}, to the second; the year as Ruby's {@code %Y} writes it, counted
     * through 0 (1 BC), four digits at least, a sign only before a negative one ({@code -0299}).
     */
    private static final DateTimeFormatter SECONDS;
    /** The end of {@link #TO_S}: {@code UTC} or the offset. */
    private static final DateTimeFormatter ZONE;

    static {
        ZONE = new DateTimeFormatterBuilder().appendText(RubyUtcZone.ZONE_TEXT, RubyUtcZone.zoneTexts())
                .toFormatter(Locale.ROOT);
        SECONDS = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL)
                .appendPattern("-MM-dd HH:mm:ss").toFormatter(Locale.ROOT);
        TO_S = new DateTimeFormatterBuilder().append(SECONDS).appendLiteral(' ').append(ZONE).toFormatter(Locale.ROOT);
    }
    /** Ruby's offsets are short of a day; Java's go to 18 hours. */
    private static final int DAY_SECONDS = 86_400;
    private static final int MAX_OFFSET = 18 * 3600;

    private RubyTime() {
    }

    /**
     * A YAML timestamp as Psych makes it for Jekyll, where {@code zone} is the site's (Jekyll sets
     * {@code TZ} to it): a date alone ({@code 2018-05-01}) is a {@link RubyDate}, with no time and
     * no zone; a time without an offset is read as UTC and shown in
     * {@code zone} ({@code Time.at} of the UTC reading); a time with an offset keeps the offset
     * written, a {@link WideTime} where it is past Java's 18 hours (Ruby's go up to a day). Empty
     * when the text is no timestamp, names a day that does not exist or an offset of a day or
     * more, which Ruby refuses and Jekyll keeps as text. A post's {@code date} is read again from
     * this value and moved into the site's zone by its caller.
     */
    public static Optional<Object> fromYaml(String text, ZoneId zone) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(4) == null) {
            try {
                return Optional.of(new RubyDate(LocalDate.of(Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        LocalDateTime wall;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            wall = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        String written = m.group(8);
        if (written == null) {
            return Optional.of(wall.atZone(ZoneOffset.UTC).withZoneSameInstant(zone));
        }
        if (written.equals("Z")) {
            return Optional.of(wall.atZone(UTC));
        }
        int offset = offsetSeconds(written);
        if (Math.abs(offset) >= DAY_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(Math.abs(offset) <= MAX_OFFSET ? wall.atZone(ZoneOffset.ofTotalSeconds(offset))
                : WideTime.atOffset(wall, offset));
    }

    /**
     * A time or date value as Jekyll's date filters and plugins read it ({@code date.to_time.localtime}):
     * a time moved into {@code zone} (a {@link WideTime} too, of a year Java holds), a
     * {@link RubyDate} at midnight in {@code zone}. Empty for any other value, and for a time that
     * is no {@link ZonedDateTime} there ({@link #inZone} moves those).
     */
    public static Optional<ZonedDateTime> localTime(Object value, ZoneId zone) {
        if (value instanceof ZonedDateTime time) {
            // from 5,881,581 on, Ruby's local time is not Java's (see WideTime#inZone)
            return time.getYear() < WideTime.FIRST_YEAR_WITHOUT_SUMMER_TIME ? Optional.of(time.withZoneSameInstant(zone))
                    : Optional.empty();
        }
        if (value instanceof WideTime time) {
            return time.inZone(zone);
        }
        if (value instanceof RubyDate date) {
            return Optional.of(date.atStartOfDay(zone));
        }
        return Optional.empty();
    }

    /**
     * A time ({@link #isTime}) or {@link RubyDate} moved into {@code zone} as Ruby's
     * {@code localtime} moves it: a {@link ZonedDateTime} where Java's times hold it there
     * ({@link #localTime}), otherwise a {@link WideTime} (a year past Java's, or from 5,881,581 on,
     * where Ruby's local time is not Java's). Empty for any other value.
     */
    public static Optional<Object> inZone(Object value, ZoneId zone) {
        Optional<ZonedDateTime> local = localTime(value, zone);
        if (local.isPresent()) {
            return Optional.of(local.get());
        }
        return isTime(value) ? Optional.of(RubyTimeParser.localTime(wide(value), zone)) : Optional.empty();
    }

    /**
     * A time ({@link #isTime}) in {@code zone} as Jekyll has it after reading it back from its text
     * ({@code Time.parse(time.to_s).localtime}) {@code times} times. {@code Time#to_s} writes the
     * offset in whole minutes, so a time at an offset with seconds (a zone's local mean time before
     * its first standard time, {@code -04:56:02} in America/New_York) comes back that many seconds
     * earlier or later each time; any other time comes back as it was.
     */
    public static Object readBack(Object time, ZoneId zone, int times) {
        Object read = time;
        for (int i = 0; i < times; i++) {
            if (read instanceof ZonedDateTime zoned) {
                int offset = zoned.getOffset().getTotalSeconds();
                if (offset % 60 == 0) {
                    return zoned;
                }
                read = zoned.toLocalDateTime().atOffset(ZoneOffset.ofTotalSeconds(offset / 60 * 60))
                        .atZoneSameInstant(zone);
            } else {
                WideTime wide = (WideTime) read;
                if (wide.offset() % 60 == 0) {
                    return wide;
                }
                read = inZone(new WideTime(wide.wall(), wide.yearShift(), wide.offset() / 60 * 60, ""), zone)
                        .orElseThrow();
            }
        }
        return read;
    }

    /**
     * {@code +2}, {@code +02}, {@code +0200} or {@code +02:00} in seconds, as Psych sums them: the
     * minutes go the way of the hours, and with no hours they add ({@code -00:30} is
     * {@code +00:30}), as the sign is read with the hours' number.
     */
    private static int offsetSeconds(String text) {
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int offset = (text.charAt(0) == '-' ? -hours : hours) * 3600;
        return offset < 0 ? offset - minutes * 60 : offset + minutes * 60;
    }

    /**
     * Ruby's {@code Time#inspect}: as {@link #text}, with the fraction of a second when there is
     * one, and the offset's seconds when it has them ({@code -045602}).
     */
    public static String inspect(ZonedDateTime date) {
        String fraction = date.getNano() == 0 ? ""
                : "." + String.format(Locale.ROOT, "%09d", date.getNano()).replaceAll("0+$", "");
        return date.format(SECONDS) + fraction + " " + zoneText(date) + offsetSeconds(date.getOffset().getTotalSeconds());
    }

    /** What {@code Time#inspect} writes after the offset's hours and minutes: its seconds, when it has them. */
    static String offsetSeconds(int offset) {
        int seconds = Math.abs(offset) % 60;
        return seconds == 0 ? "" : (seconds < 10 ? "0" : "") + seconds;
    }

    /** Whether {@code value} is a Ruby {@code Time}: a {@link ZonedDateTime} or a {@link WideTime}. */
    public static boolean isTime(Object value) {
        return value instanceof ZonedDateTime || value instanceof WideTime;
    }

    /**
     * Ruby's {@code Time#<=>} of two times ({@link #isTime}): by the instant, whatever their
     * offsets, a {@link WideTime} beside a {@link ZonedDateTime} too.
     */
    public static int compareInstants(Object a, Object b) {
        if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        return wide(a).compareTo(wide(b));
    }

    /**
     * Whether two times ({@link #isTime}) fall in one second, Ruby's {@code a.to_i == b.to_i}:
     * the seconds since 1970 of each, whatever their offsets, a fraction cut off.
     */
    public static boolean sameSecond(Object a, Object b) {
        if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
            return x.toEpochSecond() == y.toEpochSecond();
        }
        return wide(a).epochSecond().equals(wide(b).epochSecond());
    }

    /**
     * The time that date text read in a build at {@code siteTime} (a time, {@link #isTime}) takes
     * the parts it leaves out from ({@code Time.parse}'s {@code now}): {@code siteTime}, so that
     * the documents of one build read it alike; the clock in {@code zone} where {@code siteTime}
     * is a {@link WideTime} (a config's {@code time} Java's times cannot hold), as Jekyll always
     * takes the clock.
     */
    public static ZonedDateTime parsingNow(Object siteTime, ZoneId zone) {
        return siteTime instanceof ZonedDateTime time ? time : ZonedDateTime.now(zone);
    }

    /**
     * Values in the order of their instants ({@link #compareInstants}), those that are no time
     * (null too) first, as equals: the order of documents' dates.
     */
    public static final Comparator<Object> INSTANT_ORDER = (a, b) -> isTime(a)
            ? (isTime(b) ? compareInstants(a, b) : 1)
            : (isTime(b) ? -1 : 0);

    private static WideTime wide(Object time) {
        if (time instanceof WideTime wide) {
            return wide;
        }
        ZonedDateTime zoned = (ZonedDateTime) time;
        return WideTime.atOffset(zoned.toLocalDateTime(), zoned.getOffset().getTotalSeconds());
    }

    /** Whether {@code date} is a time Ruby holds as UTC, written with {@code Z}. */
    public static boolean isUtc(ZonedDateTime date) {
        return date.getZone().equals(UTC);
    }

    /** The zone as {@code Time#to_s} ends: {@code UTC} for a time in {@link #UTC}, else the offset ({@code +0200}). */
    private static String zoneText(ZonedDateTime date) {
        return date.format(ZONE);
    }

    /** Ruby's {@code Time#to_s}: {@code 2017-09-04 10:00:00 +0200}, or {@code 2017-09-04 10:00:00 UTC}. */
    public static String text(ZonedDateTime date) {
        return date.format(TO_S);
    }
}
