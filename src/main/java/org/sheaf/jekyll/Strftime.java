package org.sheaf.jekyll;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.co.k.strftime.StrftimeFormatter;

/**
 * Ruby's {@code Time#strftime}, which Liquid's {@code date} filter and the Freemarker
 * {@code date(...)} function both format with.
 *
 * <p>strftime4j (which Liqp's date filter also uses) does most conversions as Ruby does; the
 * few it gets wrong are filled in first: {@code %e} (Ruby pads the day with a space; {@code %-e}
 * and {@code %0e} as Ruby), {@code %C} (the century, where strftime4j counts centuries from 1),
 * {@code %Z} (Ruby's zone abbreviation, "UTC" or "CEST", nothing for a time at the offset it
 * was written with, and "+00:00" for a date, where strftime4j spells out the zone's long name),
 * {@code %c} (Ruby's {@code %a %b %e %H:%M:%S %Y}), and {@code %Y}, {@code %F} and {@code %y} of a
 * year before 1 or after 9999 ({@code -2021} for 2022 BC, {@code 10000}), and a width before a
 * conversion ({@code %10A}, {@code %_5d}), which strftime4j drops and Ruby pads to.
 */
public final class Strftime {
    private static final Pattern RUBY_ONLY = Pattern.compile(
            "%%|%([-_0^#]?)([eCZcYFyv])|%[-_0^#]*[1-9]|%[-_0-9]*[\\^#]");
    /** A conversion with a case flag ({@code ^} or {@code #}), which strftime4j reads only in part. */
    private static final Pattern CASE_FLAGGED = Pattern.compile(
            "%%|%([-_0^#]*[\\^#][-_0^#]*)([0-9]*)([aAbBcCdDeFgGhHIjklLmMnNpPrRsStTuUvVwWxXyYzZ%])");
    /** A conversion with a width, for the conversions whose width pads (not {@code %N} or {@code %z}). */
    private static final Pattern WIDTH = Pattern.compile("%%|%([-_0^#]*)([1-9][0-9]*)([aAbBhpPdmHIMSjUWVGguwyYCeklZ])");
    /** Conversions Ruby pads with zeros to a width; the others (names, and {@code %e %k %l}) with spaces. */
    private static final String ZERO_PADDED = "dmHIMSjUWVGguwyYC";
    /** {@code Date#strftime}'s {@code %Z}: a date has no zone, only offset zero. */
    private static final String DATE_ZONE = "+00:00";
    private Strftime() {
    }

    /** {@code date} formatted by {@code pattern} as Ruby formats it. */
    public static String format(String pattern, ZonedDateTime date) {
        return StrftimeFormatter.ofSafePattern(rubyPattern(pattern, date), Locale.ENGLISH).format(date);
    }

    /** Whether {@code pattern} may have a conversion strftime4j gets wrong; cheaper than finding the date first. */
    public static boolean needsRubyPattern(String pattern) {
        return RUBY_ONLY.matcher(pattern).find();
    }

    /**
     * {@code pattern} with the conversions strftime4j gets wrong already written out for
     * {@code date}, ready for strftime4j; {@code pattern} itself when it has none of them.
     */
    public static String rubyPattern(String pattern, ZonedDateTime date) {
        return rubyPattern(pattern, date, zoneAbbreviation(date));
    }

    /**
     * {@link #rubyPattern(String, ZonedDateTime)} for a date without a time, which Ruby formats
     * as midnight at offset zero with {@code %Z} written as the offset, {@code +00:00}.
     */
    public static String rubyPattern(String pattern, RubyDate day) {
        return rubyPattern(pattern, day.asUtcMidnight(), DATE_ZONE);
    }

    private static String rubyPattern(String pattern, ZonedDateTime date, String zone) {
        pattern = withCaseWritten(pattern, date, zone);
        pattern = withWidthsWritten(pattern, date, zone);
        Matcher m = RUBY_ONLY.matcher(pattern);
        if (!m.find()) {
            return pattern;
        }
        int day = date.getDayOfMonth();
        int year = date.getYear();
        StringBuilder out = new StringBuilder();
        do {
            String flag = m.group(1);
            String replacement = switch (m.group(2) == null ? "%" : m.group(2)) {
                case "e" -> flag.equals("-") ? String.valueOf(day)
                        : flag.equals("0") ? String.format(Locale.ROOT, "%02d", day)
                        : String.format(Locale.ROOT, "%2d", day);
                case "C" -> String.format(Locale.ROOT, "%02d", Math.floorDiv(date.getYear(), 100));
                case "Z" -> zone;
                case "c" -> "%a %b " + String.format(Locale.ROOT, "%2d", day) + " %H:%M:%S %Y";
                // Ruby's %e-%^b-%4Y, where strftime4j leaves out the day's padding
                case "v" -> String.format(Locale.ROOT, "%2d", day) + "-%^b-%Y";
                // strftime4j writes the year of the era (2022 for 2021 BC, which Ruby calls -2021)
                // and a + before five digits; within 1 to 9999 it writes what Ruby does
                case "Y" -> ordinaryYear(year) ? m.group() : rubyYear(year, flag);
                case "F" -> ordinaryYear(year) ? m.group() : rubyYear(year, "") + "-%m-%d";
                case "y" -> ordinaryYear(year) ? m.group() : String.format(Locale.ROOT, "%02d", Math.floorMod(year, 100));
                default -> m.group();  // "%%" stays for strftime4j
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code pattern} with each conversion that has a case flag written out as Ruby 3.1 writes
     * it: the conversion formatted without the flag, then changed in case. {@code ^} upper-cases
     * the whole of it ({@code %^c} is {@code WED MAR  4 ...}); {@code #} upper-cases the names
     * {@code %a %A %b %B %h} and {@code %P}, lower-cases {@code %p} and {@code %Z} (even with
     * {@code ^}: {@code %^#p} is {@code pm}), and leaves every other conversion as it is.
     */
    private static String withCaseWritten(String pattern, ZonedDateTime date, String zone) {
        return eachConversion(CASE_FLAGGED, pattern, m -> {
            String flags = m.group(1);
            char conversion = m.group(3).charAt(0);
            String plain = "%" + flags.replaceAll("[\\^#]", "") + m.group(2) + conversion;
            String value = StrftimeFormatter.ofSafePattern(rubyPattern(plain, date, zone), Locale.ENGLISH).format(date);
            boolean upper = flags.contains("^");
            boolean lower = false;
            if (flags.contains("#")) {
                switch (conversion) {
                    case 'a', 'A', 'b', 'B', 'h', 'P' -> upper = true;
                    case 'p', 'Z' -> {
                        upper = false;
                        lower = true;
                    }
                    default -> {
                        // no case to change: numbers, and the combined conversions such as %c
                    }
                }
            }
            return upper ? value.toUpperCase(Locale.ROOT) : lower ? value.toLowerCase(Locale.ROOT) : value;
        });
    }

    /**
     * {@code pattern} with each conversion that has a width written out, padded as Ruby pads it:
     * to the left, with the flag's {@code _} (spaces) or {@code 0} when given, otherwise with
     * zeros for numbers and spaces for names; {@code -} asks for no padding at all.
     */
    private static String withWidthsWritten(String pattern, ZonedDateTime date, String zone) {
        return eachConversion(WIDTH, pattern, m -> {
            String flags = m.group(1);
            String conversion = m.group(3);
            String caseFlags = flags.replaceAll("[^^#]", "");
            String single = "%" + (flags.contains("-") ? "-" : "") + caseFlags + conversion;
            String value = StrftimeFormatter.ofSafePattern(rubyPattern(single, date, zone), Locale.ENGLISH).format(date);
            int width = Integer.parseInt(m.group(2));
            char pad = flags.contains("_") ? ' ' : flags.contains("0") ? '0'
                    : ZERO_PADDED.indexOf(conversion.charAt(0)) >= 0 ? '0' : ' ';
            if (!flags.contains("-") && value.length() < width) {
                String unpadded = StrftimeFormatter.ofSafePattern(rubyPattern("%-" + caseFlags + conversion, date, zone),
                        Locale.ENGLISH).format(date);
                value = String.valueOf(pad).repeat(Math.max(0, width - unpadded.length())) + unpadded;
            }
            return value;
        });
    }

    /**
     * {@code pattern} with each conversion {@code conversions} matches written out by {@code
     * written} (its text escaped for strftime4j, which formats what is left); a match without a
     * conversion letter (group 3), a {@code %%}, stays as it is.
     */
    private static String eachConversion(Pattern conversions, String pattern, Function<Matcher, String> written) {
        Matcher m = conversions.matcher(pattern);
        if (!m.find()) {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        do {
            String replacement = m.group(3) == null ? "%%" : written.apply(m).replace("%", "%%");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static boolean ordinaryYear(int year) {
        return year >= 1 && year <= 9999;
    }

    /** Ruby's {@code %Y}: the year counted through 0 (1 BC), four digits at least, {@code -} before a negative one. */
    private static String rubyYear(int year, String flag) {
        if (flag.equals("-")) {
            return String.valueOf(year);
        }
        return (year < 0 ? "-" : "") + String.format(Locale.ROOT, "%04d", Math.abs((long) year));
    }

    /**
     * Ruby's {@code %Z}: {@code UTC} for a UTC time (written with {@code Z}), nothing for a time at
     * the offset it was written with (even {@code +0000}), the zone's abbreviation for a time in
     * the site's zone ({@code EDT}), as the system's tz database has it ({@link ZoneAbbreviations}).
     */
    private static String zoneAbbreviation(ZonedDateTime date) {
        if (RubyTime.isUtc(date)) {
            return "UTC";
        }
        if (date.getZone() instanceof ZoneOffset) {
            return "";
        }
        return ZoneAbbreviations.of(date);
    }
}
