package org.sheaf.jekyll;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * Ruby's {@code Time#strftime} (and {@code Date#strftime} for a date without a time), which
 * Liquid's {@code date} filter and the Freemarker {@code date(...)} function both format with.
 *
 * <p>A directive is read once, left to right, as Ruby 3.1 reads it: {@code %}, then flags
 * ({@code -} no padding, {@code _} spaces, {@code 0} zeros, {@code ^} upper case, {@code #}
 * changed case), a width, colons before {@code z}, {@code E} or {@code O} before the letters
 * POSIX allows them with, and the conversion letter. A flag after the width, colons before
 * anything but {@code z}, and a letter Ruby does not know make the directive unknown, and an
 * unknown directive is written as it stands ({@code %Q}, {@code %5-d}). Numbers pad to the width
 * with zeros or spaces (each conversion has its own), names and the other text with spaces;
 * {@code ^} upper-cases a name or a combined conversion such as {@code %c}, {@code #} upper-cases
 * the names and lower-cases {@code %p} and {@code %Z}. Where Ruby fails on a pattern that ends
 * inside a directive ({@code abc%}, {@code %-}), the directive is written as it stands.
 * Thread-safe.
 */
public final class Strftime {
    private static final int LEFT = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 4;
    private static final int CHCASE = 8;
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    /** {@code Date#strftime}'s {@code %Z}: a date has no zone, only offset zero. */
    private static final String DATE_ZONE = "+00:00";
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    /** The time; for a {@link WideTime}, its wall clock in the stand-in year, at offset zero. */
    private final ZonedDateTime time;
    /** The time Java cannot hold, whose year, offset, zone and seconds are read from it; null for others. */
    private final WideTime wide;
    /**
     * Whether this is a {@code Date}, whose strftime (a copy of an older Ruby's) has {@code %Q}
     * and {@code %+}, writes {@code %Z} as the offset and reads {@code -}, {@code 0}, colons and
     * {@code %z} a little otherwise than {@code Time}'s.
     */
    private final boolean date;
    private final StringBuilder out;
    /** {@code %Z}, found the first time it is asked for. */
    private String zone;

    private Strftime(ZonedDateTime time, WideTime wide, boolean date, StringBuilder out) {
        this.time = time;
        this.wide = wide;
        this.date = date;
        this.out = out;
    }

    /** {@code time} formatted by {@code pattern} as Ruby's {@code Time#strftime} formats it. */
    public static String format(String pattern, ZonedDateTime time) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        new Strftime(time, null, false, out).write(pattern);
        return out.toString();
    }

    /**
     * {@code time}, a time Java's times cannot hold, formatted as Ruby's {@code Time#strftime}
     * formats it: the year, the offset, the zone and the seconds since 1970 its own, the rest
     * from the stand-in year, whose months, days and weeks are the real year's.
     */
    public static String format(String pattern, WideTime time) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        new Strftime(time.wall().atZone(ZoneOffset.UTC), time, false, out).write(pattern);
        return out.toString();
    }

    /**
     * {@code day} formatted by {@code pattern} as Ruby's {@code Date#strftime} formats it: as
     * midnight at offset zero, with {@code %Z} written as the offset, {@code +00:00}.
     */
    public static String format(String pattern, RubyDate day) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        new Strftime(day.asUtcMidnight(), null, true, out).write(pattern);
        return out.toString();
    }

    /** Appends {@code pattern} formatted. */
    private void write(String pattern) {
        int n = pattern.length();
        int at = 0;
        while (at < n) {
            int percent = pattern.indexOf('%', at);
            if (percent < 0) {
                out.append(pattern, at, n);
                return;
            }
            out.append(pattern, at, percent);
            at = directive(pattern, percent);
        }
    }

    /**
     * Appends the directive that starts at {@code start} (its {@code %}) and returns where the
     * text after it starts. The flags, width and colons are read as Ruby's strftime reads them,
     * one character at a time; the first character that is none of them is the conversion.
     */
    private int directive(String pattern, int start) {
        int n = pattern.length();
        int flags = 0;
        int width = -1;
        char padding = 0;
        int colons = 0;
        int at = start;
        while (true) {
            at++;
            if (at >= n) {
                if (!date) {
                    // Time#strftime raises here, which stops a Jekyll build; Date#strftime writes it
                    throw new IllegalArgumentException("invalid format: " + pattern);
                }
                out.append(pattern, start, n);
                return n;
            }
            char c = pattern.charAt(at);
            switch (c) {
                case '-', '^', '#', '_' -> {
                    if (width > 0) {
                        return unknown(pattern, start, at);
                    }
                    switch (c) {
                        case '-' -> {
                            flags |= LEFT;
                            if (!date) {
                                // Time#strftime forgets the padding and width before a -; Date's keeps them
                                padding = 0;
                                width = 0;
                            }
                        }
                        case '^' -> flags |= UPPER;
                        case '#' -> flags |= CHCASE;
                        default -> padding = ' ';
                    }
                    continue;
                }
                case ':' -> {
                    if (date) {
                        // Date#strftime takes any number of colons before a z, and nothing else
                        int end = at;
                        while (end < n && pattern.charAt(end) == ':') {
                            end++;
                        }
                        if (end >= n || pattern.charAt(end) != 'z') {
                            return unknown(pattern, start, at);
                        }
                        colons = end - at;
                        at = end - 1;
                        continue;
                    }
                    for (colons = 1; colons <= 3; colons++) {
                        if (at + colons >= n) {
                            return unknown(pattern, start, at);
                        }
                        char next = pattern.charAt(at + colons);
                        if (next == 'z') {
                            break;
                        }
                        if (next != ':') {
                            return unknown(pattern, start, at);
                        }
                    }
                    at += colons - 1;
                    continue;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    if (c == '0') {
                        if (date && width > 0) {
                            return unknown(pattern, start, at);
                        }
                        padding = '0';
                    }
                    long value = 0;
                    int end = at;
                    while (end < n && pattern.charAt(end) >= '0' && pattern.charAt(end) <= '9') {
                        value = Math.min(value * 10 + (pattern.charAt(end) - '0'), Integer.MAX_VALUE + 1L);
                        end++;
                    }
                    if (value > Integer.MAX_VALUE) {
                        return unknown(pattern, start, at);
                    }
                    width = (int) value;
                    at = end - 1;
                    continue;
                }
                case 'E', 'O' -> {
                    String allowed = c == 'E' ? "cCxXyY" : "deHkIlmMSuUVwWy";
                    if (at + 1 >= n || allowed.indexOf(pattern.charAt(at + 1)) < 0) {
                        return unknown(pattern, start, at);
                    }
                    continue;
                }
                default -> {
                    // the conversion, below
                }
            }
            if (c == 'z' && colons > 3) {
                // four colons or more: Ruby writes the directive up to the z as it stands
                out.append(pattern, start, at);
                return at;
            }
            if (!conversion(c, flags, width, padding, colons)) {
                return unknown(pattern, start, at);
            }
            return at + 1;
        }
    }

    /** Writes the unknown directive from {@code start} to {@code at} as it stands. */
    private int unknown(String pattern, int start, int at) {
        out.append(pattern, start, at + 1);
        return at + 1;
    }

    /** Appends conversion {@code c}; false when Ruby has no such conversion. */
    private boolean conversion(char c, int flags, int width, char padding, int colons) {
        ZonedDateTime t = time;
        if (wide != null && "YCyGg".indexOf(c) >= 0) {
            wideYear(c, flags, width, padding);
            return true;
        }
        switch (c) {
            case '%' -> text("%", flags, width, padding);
            case 'n' -> text("\n", flags, width, padding);
            case 't' -> text("\t", flags, width, padding);
            case 'a', 'A' -> {
                String day = DAYS[t.getDayOfWeek().getValue() % 7];
                text(c == 'a' ? day.substring(0, 3) : day, upperForChangedCase(flags), width, padding);
            }
            case 'b', 'h', 'B' -> {
                String month = MONTHS[t.getMonthValue() - 1];
                text(c == 'B' ? month : month.substring(0, 3), upperForChangedCase(flags), width, padding);
            }
            case 'p', 'P' -> {
                boolean lower = c == 'p' ? (flags & CHCASE) != 0 : (flags & (CHCASE | UPPER)) == 0;
                int caseFlags = lower ? flags & ~(UPPER | CHCASE) | LOWER : flags;
                text(t.getHour() < 12 ? "AM" : "PM", caseFlags, width, padding);
            }
            case 'Z' -> {
                int caseFlags = (flags & CHCASE) != 0 ? flags & ~(UPPER | CHCASE) | LOWER : flags;
                text(zone(), caseFlags, width, padding);
            }
            case 'd' -> number(t.getDayOfMonth(), '0', 2, flags, width, padding);
            case 'e' -> number(t.getDayOfMonth(), ' ', 2, flags, width, padding);
            case 'H' -> number(t.getHour(), '0', 2, flags, width, padding);
            case 'k' -> number(t.getHour(), ' ', 2, flags, width, padding);
            case 'I' -> number(twelveHour(t.getHour()), '0', 2, flags, width, padding);
            case 'l' -> number(twelveHour(t.getHour()), ' ', 2, flags, width, padding);
            case 'j' -> number(t.getDayOfYear(), '0', 3, flags, width, padding);
            case 'm' -> number(t.getMonthValue(), '0', 2, flags, width, padding);
            case 'M' -> number(t.getMinute(), '0', 2, flags, width, padding);
            case 'S' -> number(t.getSecond(), '0', 2, flags, width, padding);
            case 'u' -> number(t.getDayOfWeek().getValue(), '0', 1, flags, width, padding);
            case 'w' -> number(t.getDayOfWeek().getValue() % 7, '0', 1, flags, width, padding);
            case 'U' -> number(weekNumber(false), '0', 2, flags, width, padding);
            case 'W' -> number(weekNumber(true), '0', 2, flags, width, padding);
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), '0', 2, flags, width, padding);
            case 'Y' -> number(year(), '0', year() >= 0 ? 4 : 5, flags, width, padding);
            case 'C' -> number(Math.floorDiv(year(), 100), '0', 2, flags, width, padding);
            case 'y' -> number(Math.floorMod(year(), 100), '0', 2, flags, width, padding);
            case 'G' -> number(isoYear(), '0', isoYear() >= 0 ? 4 : 5, flags, width, padding);
            case 'g' -> number(Math.floorMod(isoYear(), 100), '0', 2, flags, width, padding);
            case 's' -> {
                if (wide == null) {
                    number(t.toEpochSecond(), '0', 1, flags, width, padding);
                } else {
                    BigInteger seconds = wide.epochSecond();
                    if (seconds.bitLength() < 64) {
                        number(seconds.signum() < 0, seconds.abs().toString(), '0', 1, flags, width, padding);
                    } else {
                        // past a C long, Ruby pads the number's text, zeros before its sign
                        int target = (flags & LEFT) != 0 ? 1 : width;
                        String text = seconds.toString();
                        pad(padding == 0 ? '0' : padding, target - text.length());
                        out.append(text);
                    }
                }
            }
            case 'L' -> fraction(3, width);
            case 'N' -> fraction(9, width);
            case 'z' -> {
                if (date) {
                    dateOffset(flags, width, padding, colons);
                } else {
                    offset(flags, width, padding, colons);
                }
            }
            case 'Q' -> {
                if (!date) {
                    return false;
                }
                number(Math.multiplyExact(t.toEpochSecond(), 1000L) + t.getNano() / 1_000_000, '0', 1, flags, width, padding);
            }
            case '+' -> {
                if (!date) {
                    return false;
                }
                combined("%a %b %e %H:%M:%S %Z %Y", flags, width, padding);
            }
            case 'c' -> combined("%a %b %e %H:%M:%S %Y", flags, width, padding);
            case 'D', 'x' -> combined("%m/%d/%y", flags, width, padding);
            case 'F' -> combined("%Y-%m-%d", flags, width, padding);
            case 'r' -> combined("%I:%M:%S %p", flags, width, padding);
            case 'R' -> combined("%H:%M", flags, width, padding);
            case 'T', 'X' -> combined("%H:%M:%S", flags, width, padding);
            case 'v' -> combined("%e-%^b-%4Y", flags, width, padding);
            default -> {
                return false;
            }
        }
        return true;
    }

    private long year() {
        return time.getYear();
    }

    /** The year the ISO 8601 week belongs to ({@code %G}). */
    private long isoYear() {
        return time.get(IsoFields.WEEK_BASED_YEAR);
    }

    /**
     * {@code %Y}, {@code %C}, {@code %y}, {@code %G} or {@code %g} of a time Java cannot hold,
     * whose year may be past a {@code long}: the stand-in year's, moved by the time's shift.
     */
    private void wideYear(char c, int flags, int width, char padding) {
        BigInteger shift = wide.yearShift();
        BigInteger year = shift.add(BigInteger.valueOf(c == 'G' || c == 'g' ? isoYear() : year()));
        BigInteger value = switch (c) {
            case 'C' -> year.subtract(year.mod(HUNDRED)).divide(HUNDRED);
            case 'y', 'g' -> year.mod(HUNDRED);
            default -> year;
        };
        int ownWidth = c == 'Y' || c == 'G' ? (year.signum() >= 0 ? 4 : 5) : 2;
        number(value.signum() < 0, value.abs().toString(), '0', ownWidth, flags, width, padding);
    }

    /** Seconds east of UTC. */
    private int offsetSeconds() {
        return wide == null ? time.getOffset().getTotalSeconds() : wide.offset();
    }

    /** Whether Ruby holds the time as UTC ({@code Time#utc?}). */
    private boolean utc() {
        return wide == null ? RubyTime.isUtc(time) : wide.zone().equals("UTC");
    }

    /** {@code #} on a name asks for upper case. */
    private static int upperForChangedCase(int flags) {
        return (flags & CHCASE) != 0 ? flags & ~(LOWER | CHCASE) | UPPER : flags;
    }

    private static int twelveHour(int hour) {
        return hour == 0 ? 12 : hour > 12 ? hour - 12 : hour;
    }

    /** {@code %U} (weeks start on Sunday) or {@code %W} (on Monday): the week of the year, 0 before the first such day. */
    private int weekNumber(boolean mondayFirst) {
        int weekday = time.getDayOfWeek().getValue() % 7;
        if (mondayFirst) {
            weekday = weekday == 0 ? 6 : weekday - 1;
        }
        return (time.getDayOfYear() - 1 + 7 - weekday) / 7;
    }

    /** Text padded to {@code width} on the left (unless {@code -}, or the text is empty), then changed in case. */
    private void text(String value, int flags, int width, char padding) {
        if ((flags & LEFT) == 0 && !value.isEmpty()) {
            pad(padding == 0 ? ' ' : padding, width - value.length());
        }
        int from = out.length();
        out.append(value);
        changeCase(from, flags);
    }

    /** Upper- or lower-cases the ASCII letters written from {@code from} on, as {@code flags} ask. */
    private void changeCase(int from, int flags) {
        boolean upper = (flags & (UPPER | LOWER)) == UPPER;
        boolean lower = (flags & (UPPER | LOWER)) == LOWER;
        if (!upper && !lower) {
            return;
        }
        for (int i = from; i < out.length(); i++) {
            char ch = out.charAt(i);
            if (upper && ch >= 'a' && ch <= 'z') {
                out.setCharAt(i, (char) (ch - 32));
            } else if (lower && ch >= 'A' && ch <= 'Z') {
                out.setCharAt(i, (char) (ch + 32));
            }
        }
    }

    private void pad(char with, int count) {
        for (int i = 0; i < count; i++) {
            out.append(with);
        }
    }

    /**
     * A number as C's {@code printf} writes it with Ruby's width: at least {@code ownWidth}
     * digits or {@code width} when given, one with {@code -}; padded with zeros (after the sign)
     * when the flag or the conversion says so, else with spaces (before it).
     */
    private void number(long value, char ownPadding, int ownWidth, int flags, int width, char padding) {
        number(value < 0, value < 0 ? String.valueOf(value).substring(1) : String.valueOf(value),
                ownPadding, ownWidth, flags, width, padding);
    }

    /** {@link #number(long, char, int, int, int, char)} of a number of any size, as its sign and digits. */
    private void number(boolean negative, String digits, char ownPadding, int ownWidth, int flags, int width, char padding) {
        int target = (flags & LEFT) != 0 ? 1 : width <= 0 ? ownWidth : width;
        boolean zeros = padding == '0' || padding == 0 && ownPadding == '0';
        int missing = target - digits.length() - (negative ? 1 : 0);
        if (!zeros) {
            pad(' ', missing);
        }
        if (negative) {
            out.append('-');
        }
        if (zeros) {
            pad('0', missing);
        }
        out.append(digits);
    }

    /** {@code %L} and {@code %N}: the first {@code width} digits of the fraction of a second (its own without one), zeros after the ninth. */
    private void fraction(int ownWidth, int width) {
        int digits = width <= 0 ? ownWidth : width;
        int nanos = time.getNano();
        String nine = String.valueOf(1_000_000_000 + nanos).substring(1);
        if (digits <= 9) {
            out.append(nine, 0, digits);
        } else {
            out.append(nine);
            pad('0', digits - 9);
        }
    }

    /**
     * {@code %z} ({@code +hhmm}), {@code %:z} ({@code +hh:mm}), {@code %::z} ({@code +hh:mm:ss})
     * and {@code %:::z} (as few parts as the offset needs), as Ruby writes them: a width widens
     * the hours, padded with zeros after the sign, or spaces before it with {@code _}; a time
     * Ruby holds as UTC is {@code -0000} with {@code -}.
     */
    private void offset(int flags, int width, char padding, int colons) {
        int total = offsetSeconds();
        boolean negative = total < 0 || (flags & LEFT) != 0 && utc();
        int off = Math.abs(total);
        int hourDigits = switch (colons) {
            case 0 -> width <= 5 ? 2 : width - 3;
            case 1 -> width <= 6 ? 2 : width - 4;
            case 2 -> width <= 9 ? 2 : width - 7;
            default -> off % 3600 == 0 ? (width <= 3 ? 2 : width - 1)
                    : off % 60 == 0 ? (width <= 6 ? 2 : width - 4)
                    : (width <= 9 ? 2 : width - 7);
        };
        String hours = String.valueOf(off / 3600);
        char sign = negative ? '-' : '+';
        if (padding == ' ') {
            pad(' ', hourDigits - hours.length());
            out.append(sign).append(hours);
        } else {
            out.append(sign);
            pad('0', hourDigits - hours.length());
            out.append(hours);
        }
        minutesAndSeconds(off, colons);
    }

    /** The minutes and seconds of offset {@code off} after its hours, with as many colons as {@code %z} has. */
    private void minutesAndSeconds(int off, int colons) {
        int minutes = off % 3600 / 60;
        int seconds = off % 60;
        if (colons == 3 && minutes == 0 && seconds == 0) {
            return;
        }
        if (colons >= 1) {
            out.append(':');
        }
        twoDigits(minutes);
        if (colons == 3 && seconds == 0) {
            return;
        }
        if (colons >= 2) {
            out.append(':');
            twoDigits(seconds);
        }
    }

    /**
     * {@code Date#strftime}'s {@code %z}: as {@link #offset}, but a width less than the text
     * leaves the hours at two digits (one with {@code -}), and {@code _} pads before the sign.
     */
    private void dateOffset(int flags, int width, char padding, int colons) {
        int total = offsetSeconds();
        int off = Math.abs(total);
        int hourLength = off / 3600 < 10 ? 1 : 2;
        int hourWidth = (flags & LEFT) != 0 && hourLength == 1 ? 1 : 2;
        int others = switch (colons) {
            case 0 -> 3;
            case 1 -> 4;
            case 2 -> 7;
            default -> off % 3600 == 0 ? 1 : off % 60 == 0 ? 4 : 7;
        };
        int hourDigits = width <= others + hourWidth ? hourWidth : width - others;
        if (padding == ' ' && hourDigits > hourLength) {
            pad(' ', hourDigits - hourLength);
            hourDigits = hourLength;
        }
        out.append(total < 0 ? '-' : '+');
        String hours = String.valueOf(off / 3600);
        pad('0', hourDigits - hours.length());
        out.append(hours);
        minutesAndSeconds(off, colons);
    }

    private void twoDigits(int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * A conversion Ruby writes as a pattern of others ({@code %c} is {@code %a %b %e %H:%M:%S %Y}):
     * that pattern formatted, upper-cased with {@code ^}, padded to the width as text.
     */
    private void combined(String pattern, int flags, int width, char padding) {
        int from = out.length();
        write(pattern);
        if ((flags & UPPER) != 0) {
            changeCase(from, UPPER);
        }
        int missing = width - (out.length() - from);
        if (missing > 0 && !(date && (flags & LEFT) != 0)) {
            out.insert(from, String.valueOf(padding == 0 ? ' ' : padding).repeat(missing));
        }
    }

    /**
     * {@code %Z}: {@code +00:00} for a date; for a time, {@code UTC} when Ruby holds it as UTC
     * (written with {@code Z}), nothing at the offset it was written with (even {@code +0000}),
     * else the zone's abbreviation ({@code EDT}) as the system's tz database has it
     * ({@link ZoneAbbreviations}).
     */
    private String zone() {
        if (zone == null) {
            zone = date ? DATE_ZONE
                    : wide != null ? wide.zone()
                    : RubyTime.isUtc(time) ? "UTC"
                    : time.getZone() instanceof ZoneOffset ? ""
                    : ZoneAbbreviations.of(time);
        }
        return zone;
    }
}
