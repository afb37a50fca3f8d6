package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each expected value is what Ruby 3.1's {@code Time.parse(text, now)} gave for the text, with
 * {@code TZ=UTC} and {@code now} 2026-12-05 13:00:00 UTC.
 */
class RubyTimeParserTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 5, 13, 0, 0, 0, UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx", Locale.ROOT);

    private static String parsed(String text) {
        return RubyTimeParser.parse(text, UTC, NOW).map(SHOWN::format).orElse("no date");
    }

    @Test
    void readsAMonthNameBeforeOrAfterTheDay() {
        assertEquals("2022-01-26 00:00:00.000 +0000", parsed("January 26, 2022"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("March 08, 2022"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("Tue, 8 Mar 2022"));
        assertEquals("2022-01-26 10:00:00.000 +0000", parsed("26 Jan 2022 10:00"));
        assertEquals("2019-09-15 00:00:00.000 +0000", parsed("15 Sep 19"));
        assertEquals("1999-12-25 00:00:00.000 +0000", parsed("Dec 25, 99"));
        assertEquals("2021-03-01 00:00:00.000 +0000", parsed("mar 2021"));
    }

    /** The year and what is bigger than the first part written come from now; the rest starts its unit. */
    @Test
    void takesWhatTheTextLeavesOutFromNow() {
        assertEquals("2026-01-01 00:00:00.000 +0000", parsed("January"));
        assertEquals("2026-09-05 00:00:00.000 +0000", parsed("Sept 5"));
        assertEquals("2026-07-04 00:00:00.000 +0000", parsed("July 4th"));
        assertEquals("2026-12-24 00:00:00.000 +0000", parsed("24 december"));
        assertEquals("2026-12-05 10:30:00.000 +0000", parsed("10:30"));
        assertEquals("2026-12-03 00:00:00.000 +0000", parsed("the 3rd"));
        assertEquals("2026-08-03 00:00:00.000 +0000", parsed("8/3"));
    }

    /** Of three numbers, the one of more than two digits is the year; otherwise the order is year, month, day. */
    @Test
    void findsTheYearAmongNumbersWithSlashesOrDots() {
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("2022/03/08"));
        assertEquals("2022-08-03 00:00:00.000 +0000", parsed("03/08/2022"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("08.03.2022"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("2022-3-8"));
    }

    @Test
    void readsTimesWithHalfDaysFractionsAndZones() {
        assertEquals("2020-05-05 15:00:00.000 +0000", parsed("May 5 2020 3pm"));
        assertEquals("2021-01-01 16:05:06.500 +0000", parsed("1 January 2021 at 4:05:06.5 PM"));
        assertEquals("2026-12-05 00:00:00.000 +0000", parsed("12:00 am"));
        assertEquals("2020-01-04 14:05:06.000 +0200", parsed("Sat, 04 Jan 2020 14:05:06 +0200"));
        assertEquals("2020-01-01 10:00:00.000 +0000", parsed("Jan 1 2020 10:00 UTC"));
        assertEquals("2026-12-05 10:00:00.000 +0000", parsed("10 h 30"));
    }

    /** Only the first date form found counts: the day of "3rd of March" is lost, as in Ruby. */
    @Test
    void takesOneDateFormOnly() {
        assertEquals("2026-03-01 00:00:00.000 +0000", parsed("3rd of March"));
    }

    @Test
    void textWithoutADateOrTimeIsNoDate() {
        assertEquals("no date", parsed("nonsense"));
        assertEquals("no date", parsed("Tuesday"));
        assertEquals("no date", parsed(""));
    }

    @Test
    void aTimeWithoutZoneIsWallTimeInTheSiteZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2022-01-26 00:00:00.000 +0100",
                RubyTimeParser.parse("January 26, 2022", berlin, NOW).map(SHOWN::format).orElseThrow());
    }
}
