package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    void refusesTextOfMoreThan128Bytes() {
        assertEquals("2026-12-05 10:00:00.000 +0000", parsed("x".repeat(122) + " 10:00"));
        assertEquals("no date", parsed("x".repeat(123) + " 10:00"));
        assertEquals("no date", parsed("\u00e9".repeat(64) + " 10:00"));
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

    /** A run of digits is read by its length, with a time and an offset after it. */
    @Test
    void readsRunsOfDigitsByTheirLength() {
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("20220308"));
        assertEquals("2022-03-08 10:11:12.000 +0000", parsed("20220308T101112"));
        assertEquals("2022-03-08 10:00:00.000 +0000", parsed("2022030810"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("220308"));
        assertEquals("2026-03-08 00:00:00.000 +0000", parsed("0308"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("2022067"));
        assertEquals("2022-03-08 00:00:00.000 +0900", parsed("20220308 +0900"));
        assertEquals("2022-03-08 00:00:00.000 -0500", parsed("20220308 [-5:EST]"));
    }

    /** With a fraction and no time after it, the run is a time read from its end. */
    @Test
    void readsARunWithAFractionAsATime() {
        assertEquals("2026-12-05 12:34:56.500 +0000", parsed("123456.5"));
    }

    @Test
    void readsJapaneseEraDates() {
        assertEquals("2019-04-30 00:00:00.000 +0000", parsed("H31.04.30"));
        assertEquals("2019-05-01 00:00:00.000 +0000", parsed("R1.5.1"));
        assertEquals("1989-01-07 00:00:00.000 +0000", parsed("S64.01.07"));
        assertEquals("1912-07-30 00:00:00.000 +0000", parsed("M45.07.30"));
        assertEquals("2019-05-01 10:00:00.000 +0000", parsed("R01.05.01 10:00"));
        assertEquals("2031-04-30 00:00:00.000 +0000", parsed("X31.04.30"), "no era: a.b.c with a two-digit year");
    }

    /** Time.parse reads no day from a week date, so alone it is no date and beside a time it is today. */
    @Test
    void readsIsoWeekMonthDayAndOrdinalDates() {
        assertEquals("no date", parsed("2022-W10-2"));
        assertEquals("no date", parsed("2022W102"));
        assertEquals("2026-12-05 10:00:00.000 +0000", parsed("2022-W10-2 10:00"));
        assertEquals("2026-03-08 00:00:00.000 +0000", parsed("--03-08"));
        assertEquals("2026-03-08 00:00:00.000 +0000", parsed("--0308"));
        assertEquals("2022-03-08 00:00:00.000 +0000", parsed("2022-067"));
        assertEquals("2026-03-08 00:00:00.000 +0000", parsed("-067"));
        assertEquals("2020-12-31 00:00:00.000 +0000", parsed("2020-366"));
        assertEquals("no date", parsed("2022-366"));
    }

    @Test
    void countsYearsBackAfterBc() {
        DateTimeFormatter proleptic = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
        assertEquals("-2021-03-08", RubyTimeParser.parse("2022-03-08 BC", UTC, NOW).map(proleptic::format).orElseThrow());
        assertEquals("-2021-03-08", RubyTimeParser.parse("8 mar 2022 b.c.", UTC, NOW).map(proleptic::format).orElseThrow());
    }

    /** Ruby moves the wall time to UTC unit by unit before checking it, so hour 37 at -05:00 is the next day. */
    @Test
    void carriesTimesOutOfRangeOnlyAsAnOffsetMovesThem() {
        assertEquals("2026-12-20 13:15:33.000 -0500", parsed("-19 371533 [-5:est]"));
        assertEquals("2022-03-09 00:00:00.000 +0000", parsed("2022-03-08 24:00"));
        assertEquals("no date", parsed("2022-03-08 24:30"));
        assertEquals("2026-12-05 10:00:00.000 -1100", parsed("10:00 x"), "RFC 822's military zone X");
    }

    @Test
    void takesOnlyTheDigitsOfADayWrittenAfterTheMonth() {
        assertEquals("1977-04-09 00:00:00.000 +0000", parsed("1977 April 9th"));
    }

    /** The site zone's own name is read at its January or July offset, whatever the date's. */
    @Test
    void readsTheSiteZonesNameAtItsOwnOffset() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2022-07-01 10:00:00.000 +0100",
                RubyTimeParser.parse("2022-07-01 10:00 cet", berlin, NOW).map(SHOWN::format).orElseThrow());
    }

    private static String wide(String text, ZoneId zone, String format) {
        return RubyTimeParser.parseWide(text, zone, NOW).map(time -> time.format(format)).orElse("no date");
    }

    /** Ruby holds offsets short of a day, past Java's 18 hours; a day or more is out of range. */
    @Test
    void readsOffsetsOfEighteenToTwentyFourHoursAsRubyDoes() {
        assertEquals("2022-03-08 00:00:00 -2000|-20:00|-20:00:00|1646769600||Tue Mar  8 00:00:00 2022",
                wide("20220308 -2000", UTC, "%Y-%m-%d %H:%M:%S %z|%:z|%::z|%s|%Z|%c"));
        assertEquals("2022-03-08 00:00:00 +2359|1646611260", wide("20220308 +2359", UTC, "%F %T %z|%s"));
        assertEquals("no date", parsed("20220308 -2000"));
        assertEquals("no date", wide("20220308 -2400", UTC, "%F"));
        assertEquals("no date", wide("20220308 +0900", UTC, "%F"), "a time Java holds is parse's");
    }

    /**
     * Ruby's years go on past Java's; in the site's zone glibc keeps January's offset from the year
     * 5,881,581 to 2,147,485,547, and past that Ruby takes the offset of a year of this century.
     */
    @Test
    void readsYearsPastJavasAsRubyDoes() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2000000000-07-01 00:00:00 +0100 CET 63113841848502000",
                wide("july 2000000000", berlin, "%Y-%m-%d %H:%M:%S %z %Z %s"));
        assertEquals("3000000000-07-01 00:00:00 +0200 CEST 94670793848498400 Sat|Jul|183|30000000|00",
                wide("july 3000000000", berlin, "%Y-%m-%d %H:%M:%S %z %Z %s %a|%b|%j|%C|%y"));
        assertEquals("10000000-07-01 00:00:00 +0100 CET", wide("july 10000000", berlin, "%Y-%m-%d %H:%M:%S %z %Z"));
        assertEquals("5881580-06-01 00:00:00 +0200 CEST", RubyTimeParser.parse("june 5881580", berlin, NOW)
                .map(time -> Strftime.format("%Y-%m-%d %H:%M:%S %z %Z", time)).orElseThrow());
        assertEquals("-2147485547-03-01 00:00:00 +0000", wide("march 2147485548 bc", UTC, "%Y-%m-%d %H:%M:%S %z"));
        assertEquals("123456789012345678-03-01", wide("march 123456789012345678", UTC, "%F"));
    }

    /** Ruby's years have no bound: past a long's 18 digits they are read with arbitrary precision. */
    @Test
    void readsYearsOfAnyLength() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertEquals("1234567890123456789-03-01 00:00:00 -0500 EST 38959199649367137802501200 Wed 060 12345678901234567 89",
                wide("march 1234567890123456789", newYork, "%Y-%m-%d %H:%M:%S %z %Z %s %a %j %C %y"));
        assertEquals("12345678901234567890123-03-01 10:00:00 +0100 CET 389591996493671999587190710800 Mon",
                wide("march 12345678901234567890123 10:00", ZoneId.of("Europe/Berlin"), "%Y-%m-%d %H:%M:%S %z %Z %s %a"));
        assertEquals("-99999999999999999998-03-01 00:00:00 +0000 -1000000000000000000 02 Fri",
                wide("march 99999999999999999999 bc", UTC, "%Y-%m-%d %H:%M:%S %z %C %y %a"));
        assertEquals("1234567890123456789-03-08 10:00:00 +0900 38959199649367137803091600",
                wide("1234567890123456789/3/8 10:00 +0900", UTC, "%Y-%m-%d %H:%M:%S %z %s"));
    }

    /**
     * Past the year 2,147,485,547 Ruby takes the site zone's offset from a year of this century
     * whose month starts on the same weekday: Sao Paulo, without summer time since 2019, has it
     * in a leap February whose stand-in is 2012 or 2016.
     */
    @Test
    void takesSummerTimePastGlibcsYearsFromAYearOfThisCentury() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        assertEquals("2147485556-02-10 10:00:00 -0200 -02", wide("feb 10 2147485556 10:00", saoPaulo, "%F %T %z %Z"));
        assertEquals("2147485560-02-21 00:30:00 -0300 -03", wide("2147485560-02-21 00:30", saoPaulo, "%F %T %z %Z"));
        assertEquals("2147485552-11-03 01:30:00 -0500 EST 67768036344455400",
                wide("nov 3 2147485552 01:30", ZoneId.of("America/New_York"), "%F %T %z %Z %s"));
    }

    /**
     * Zone names are the system tz database's, as Ruby's C library reads them: Sao Paulo's
     * {@code -03} (CLDR's {@code BRT}), Lord Howe's {@code +1030} (CLDR's {@code LHST}, no name to
     * Ruby), and a time written at the site zone's offset is in that zone.
     */
    @Test
    void namesZonesAsTheSystemTzDatabaseDoes() {
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/zoneinfo/Australia/Lord_Howe")), "no tz database");
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        assertEquals("2022-01-15 10:00:00 +1100 +11", RubyTimeParser.parse("2022-01-15 10:00 lhst", lordHowe, NOW)
                .map(time -> Strftime.format("%Y-%m-%d %H:%M:%S %z %Z", time)).orElseThrow());
        assertEquals("-03", RubyTimeParser.parse("2022-07-15 10:00 -03", saoPaulo, NOW)
                .map(time -> Strftime.format("%Z", time)).orElseThrow());
        assertEquals("CEST", RubyTimeParser.parse("2022-07-15 10:00 +0200", ZoneId.of("Europe/Berlin"), NOW)
                .map(time -> Strftime.format("%Z", time)).orElseThrow());
        assertEquals("LMT -0306", RubyTimeParser.parse("1850-01-15 10:00", saoPaulo, NOW)
                .map(time -> Strftime.format("%Z %z", time)).orElseThrow());
    }

    /**
     * Every text of {@code ruby-time/parse.tsv} (written by {@code scripts/ruby-time-expected}):
     * random texts in the forms read from digits and the older ones, with near misses, each in a
     * site zone, read as Ruby 3.1 read it.
     */
    @Test
    void readsEveryTextOfRubysTableAsRubyDid() throws IOException {
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xx", Locale.ROOT);
        Instant now = Instant.ofEpochSecond(1796475600L, 123456000L);
        List<String> differences = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/ruby-time/parse.tsv"));
        int read = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            ZoneId zone = ZoneId.of(fields[0]);
            String ours = RubyTimeParser.parse(fields[1], zone, now.atZone(zone))
                    .map(time -> shown.format(time).replaceFirst("^\\+", ""))
                    .or(() -> RubyTimeParser.parseWide(fields[1], zone, now.atZone(zone))
                            .map(time -> time.format("%Y-%m-%d %H:%M:%S.%6N %z")))
                    .orElse("nil");
            if (!ours.equals(fields[2])) {
                differences.add(fields[0] + " \"" + fields[1] + "\": Ruby " + fields[2] + ", sheaf " + ours);
            }
            read++;
        }
        assertTrue(read > 2000, "the table has " + read + " texts");
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " of " + read + " differ");
    }
}
