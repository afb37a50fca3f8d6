package org.sheaf.jekyll;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
    /** The end of {@link #TO_S}: {@code UTC} or the offset. */
    private static final DateTimeFormatter ZONE;

    static {
        ZONE = new DateTimeFormatterBuilder().appendText(RubyUtcZone.ZONE_TEXT, RubyUtcZone.zoneTexts())
                .toFormatter(Locale.ROOT);
        TO_S = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss ").append(ZONE).toFormatter(Locale.ROOT);
    }
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RubyTime() {
    }

    /**
     * A YAML timestamp as Psych makes it for Jekyll, where {@code zone} is the site's (Jekyll sets
     * {@code TZ} to it): a date alone ({@code 2018-05-01}) is a {@link RubyDate}, with no time and
     * no zone; a time without an offset is read as UTC and shown in
     * {@code zone} ({@code Time.at} of the UTC reading); a time with an offset keeps the offset
     * written. Empty when the text is no timestamp or names a day that does not exist. A post's
     * {@code date} is read again from this value and moved into the site's zone by its caller.
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
        boolean zoned = m.group(8) != null;
        return read(m, ZoneOffset.UTC).map(time -> zoned ? time : time.withZoneSameInstant(zone));
    }

    /** The time of a YAML timestamp {@link #DATE} matched with a time of day, at its offset or, without one, in {@code zone}. */
    private static Optional<ZonedDateTime> read(Matcher m, ZoneId zone) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime wall = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
            return Optional.of(m.group(8) == null ? wall.atZone(zone) : wall.atZone(offset(m.group(8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A time or date value as Jekyll's date filters and plugins read it ({@code date.to_time.localtime}):
     * a time moved into {@code zone}, a {@link RubyDate} at midnight in {@code zone}. Empty for any
     * other value.
     */
    public static Optional<ZonedDateTime> localTime(Object value, ZoneId zone) {
        if (value instanceof ZonedDateTime time) {
            return Optional.of(time.withZoneSameInstant(zone));
        }
        if (value instanceof RubyDate date) {
            return Optional.of(date.atStartOfDay(zone));
        }
        return Optional.empty();
    }

    /** {@code Z} as Ruby's UTC; {@code +2}, {@code +02}, {@code +0200} or {@code +02:00} as that offset. */
    private static ZoneId offset(String text) {
        if (text.equals("Z")) {
            return UTC;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Ruby's {@code Time#inspect}: as {@link #text}, with the fraction of a second when there is one. */
    public static String inspect(ZonedDateTime date) {
        if (date.getNano() == 0) {
            return text(date);
        }
        String fraction = String.format(Locale.ROOT, "%09d", date.getNano()).replaceAll("0+$", "");
        return date.format(SECONDS) + "." + fraction + " " + zoneText(date);
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
