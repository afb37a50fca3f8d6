package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RubyTimeTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** When the texts below were read; none of them leaves a part to take from it. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 5, 13, 0, 0, 0, UTC);

    /** As Jekyll reads a quoted {@code date:}: {@code Time.parse}, then in the site's zone ({@code localtime}). */
    private static String parsed(String text) {
        return RubyTimeParser.parse(text, UTC, NOW).map(date -> RubyTime.text(date.withZoneSameInstant(UTC))).orElse("none");
    }

    /**
     * Quoted {@code date:} values Jekyll 4.3.1 accepts ({@code Time.parse}), with the times it gave
     * them in a UTC site: an offset of one digit is no offset to {@code Time.parse} (where YAML's
     * own timestamp takes it), and February 30th is March 2nd.
     */
    @Test
    void readsTheDateFormsJekyllReads() {
        assertEquals("2017-09-04 08:00:00 +0000", parsed("2017-09-04 10:00:00 +02"));
        assertEquals("2017-09-07 10:00:00 +0000", parsed("2017-09-07 10:00:00 +2"));
        assertEquals("2017-09-05 08:00:00 +0000", parsed("2017-09-05 10:00 +0200"));
        assertEquals("2017-09-05 08:00:00 +0000", parsed("2017-09-05 10:00:00 +02:00"));
        assertEquals("2017-09-06 10:00:00 +0000", parsed("2017-09-06T10:00:00.75Z"));
        assertEquals("2017-09-08 07:05:00 +0000", parsed("2017-09-08 7:05"));
        assertEquals("2017-09-04 00:00:00 +0000", parsed("2017-9-4"));
        assertEquals("2017-03-02 00:00:00 +0000", parsed("2017-02-30"));
    }

    @Test
    void aTimeWithoutOffsetIsThatWallTimeInTheSiteZone() {
        ZonedDateTime date = RubyTimeParser.parse("2017-09-04 10:00:00", ZoneId.of("Europe/Berlin"), NOW).orElseThrow();
        assertEquals("2017-09-04 10:00:00 +0200", RubyTime.text(date));
    }

    @Test
    void keepsAWrittenOffsetAsTimeParseDoes() {
        assertEquals("2017-09-04 10:00:00 +0200",
                RubyTime.text(RubyTimeParser.parse("2017-09-04 10:00:00 +02", UTC, NOW).orElseThrow()));
        assertEquals("2017-09-04 10:00:00 +0000", RubyTime.text(
                RubyTimeParser.parse("2017-09-04T10:00:00+00:00", ZoneId.of("America/New_York"), NOW).orElseThrow()));
    }

    @Test
    void readsZAndMinusZeroAsUtcAsTimeParseDoes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        for (String text : new String[] {"2017-09-04T10:00:00Z", "2017-09-04 10:00 -0000", "2017-09-04 10:00:00 -00:00"}) {
            ZonedDateTime date = RubyTimeParser.parse(text, newYork, NOW).orElseThrow();
            assertEquals("2017-09-04 10:00:00 UTC", RubyTime.text(date), text);
            assertTrue(RubyTime.isUtc(date), text);
        }
        assertEquals("2017-09-04 10:00:00.25 UTC",
                RubyTime.inspect(RubyTimeParser.parse("2017-09-04 10:00:00.25Z", newYork, NOW).orElseThrow()));
    }

    @Test
    void readsOnlyZAsUtcInYamlAsPsychDoes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime utc = (ZonedDateTime) RubyTime.fromYaml("2018-05-01 10:00:00 Z", newYork).orElseThrow();
        assertEquals("2018-05-01 10:00:00 UTC", RubyTime.text(utc));
        for (String text : new String[] {"2018-05-01 10:00:00 +0000", "2018-05-01 10:00:00 -00:00"}) {
            ZonedDateTime zero = (ZonedDateTime) RubyTime.fromYaml(text, newYork).orElseThrow();
            assertEquals("2018-05-01 10:00:00 +0000", RubyTime.text(zero), text);
            assertEquals("2018-05-01 10:00:00 +0000", zero.format(RubyTime.TO_S), text);
            assertFalse(RubyTime.isUtc(zero), text);
            assertEquals(utc.toInstant(), zero.toInstant(), text);
        }
        // a site in the zone named UTC prints the offset, as Ruby prints a local time with TZ=UTC
        assertEquals("2018-05-01 10:00:00 +0000",
                RubyTime.text((ZonedDateTime) RubyTime.fromYaml("2018-05-01 10:00:00", ZoneId.of("UTC")).orElseThrow()));
        assertEquals("2018-05-01 10:00:00 -0430", RubyTime.text(
                (ZonedDateTime) RubyTime.fromYaml("2018-05-01 10:00:00 -04:30", newYork).orElseThrow()));
    }

    @Test
    void readsYamlAsPsychDoesForJekyll() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // no zone: UTC, shown in the site's zone, so the day can change
        assertEquals("2018-04-30 22:00:00 -0400",
                RubyTime.text((ZonedDateTime) RubyTime.fromYaml("2018-05-01 02:00:00", newYork).orElseThrow()));
        // an offset is kept as written
        assertEquals("2018-05-01 23:30:00 +0200",
                RubyTime.text((ZonedDateTime) RubyTime.fromYaml("2018-05-01 23:30:00 +0200", newYork).orElseThrow()));
        // a date alone stays a date
        assertEquals(new RubyDate(LocalDate.of(2018, 5, 1)), RubyTime.fromYaml("2018-05-01", newYork).orElseThrow());
        assertTrue(RubyTime.fromYaml("2018-02-30", newYork).isEmpty());
        assertTrue(RubyTime.fromYaml("2018-02-30 10:00:00", newYork).isEmpty());
    }

    @Test
    void readsADateAsMidnightInTheSiteZoneForJekyllsFilters() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertEquals("2018-05-01 00:00:00 -0400",
                RubyTime.text(RubyTime.localTime(new RubyDate(LocalDate.of(2018, 5, 1)), newYork).orElseThrow()));
        assertEquals("2018-05-01 17:30:00 -0400", RubyTime.text(RubyTime.localTime(
                ZonedDateTime.of(2018, 5, 1, 23, 30, 0, 0, ZoneOffset.ofHours(2)), newYork).orElseThrow()));
        assertTrue(RubyTime.localTime("2018-05-01", newYork).isEmpty());
    }

    @Test
    void keepsTheFractionOfASecond() {
        assertEquals(750_000_000, RubyTimeParser.parse("2017-09-06T10:00:00.75Z", UTC, NOW).orElseThrow().getNano());
        assertEquals(500_000_000, ((ZonedDateTime) RubyTime.fromYaml("2017-09-06 10:00:00.5 +02:00", UTC).orElseThrow()).getNano());
    }

    @Test
    void refusesTextTimeParseRefuses() {
        assertEquals(Optional.empty(), RubyTimeParser.parse("2017-02-32", UTC, NOW));
        assertEquals(Optional.empty(), RubyTimeParser.parse("next tuesday", UTC, NOW));
        assertEquals(Optional.empty(), RubyTimeParser.parse("2017-09-04 25:00", UTC, NOW));
    }

    /**
     * Psych makes a time of an offset past Java's 18 hours and short of a day, kept at that
     * offset; a day or more stays text. Its minutes go the hours' way, and after {@code -00} they add.
     */
    @Test
    void readsYamlOffsetsOfEighteenToTwentyFourHoursAsPsychDoes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        WideTime west = (WideTime) RubyTime.fromYaml("2022-03-08 10:00:00.125 -19:30", newYork).orElseThrow();
        assertEquals("2022-03-08 10:00:00 -1930", west.toString());
        assertEquals("2022-03-08 10:00:00.125 -1930", west.inspect());
        assertEquals("2022-03-09 00:30:00 -0500",
                RubyTime.text(RubyTime.localTime(west, newYork).orElseThrow()));
        assertEquals("2022-03-08 10:00:00 -1801", RubyTime.fromYaml("2022-03-08 10:00:00 -18:01", newYork).orElseThrow().toString());
        assertEquals("2022-03-08 10:00:00 +1800",
                RubyTime.text((ZonedDateTime) RubyTime.fromYaml("2022-03-08 10:00:00 +18:00", newYork).orElseThrow()));
        assertEquals("2022-03-08 10:00:00 +0030",
                RubyTime.text((ZonedDateTime) RubyTime.fromYaml("2022-03-08 10:00:00 -00:30", newYork).orElseThrow()));
        assertTrue(RubyTime.fromYaml("2022-03-08 10:00:00 -24:00", newYork).isEmpty());
    }

    /** Ruby's {@code Time#<=>}: the instant, at any offset, Java's or past it. */
    @Test
    void comparesTimesByTheirInstant() {
        Object west = RubyTime.fromYaml("2022-03-08 10:00:00 -20:00", UTC).orElseThrow();
        Object east = RubyTime.fromYaml("2022-03-08 10:00:00 +20:00", UTC).orElseThrow();
        Object noon = RubyTime.fromYaml("2022-03-08 12:00:00 +00:00", UTC).orElseThrow();
        assertEquals(1, RubyTime.compareInstants(west, east));
        assertEquals(-1, RubyTime.compareInstants(east, noon));
        assertEquals(1, RubyTime.compareInstants(west, noon));
        assertEquals(0, RubyTime.compareInstants(noon, RubyTime.fromYaml("2022-03-08 13:00:00 +01:00", UTC).orElseThrow()));
    }

    /** Psych's timestamp has seconds: without them the text stays text, for {@code Time.parse}. */
    @Test
    void aYamlTimeWithoutSecondsIsNoTimestamp() {
        assertTrue(RubyTime.fromYaml("2017-09-04 10:00", UTC).isEmpty());
    }

    /**
     * Jekyll reads a document's date back from {@code Time#to_s}, whose offset has whole minutes:
     * at New York's local mean time, -04:56:02, each reading is two seconds earlier (Jekyll 4.3.1
     * dates {@code date: 1850-03-01 12:00} 11:59:56, read twice); at any other offset it is the same time.
     */
    @Test
    void aDateReadBackFromItsTextLosesTheSecondsOfItsOffset() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime lmt = ZonedDateTime.of(1850, 3, 1, 12, 0, 0, 0, newYork);
        assertEquals("1850-03-01 11:59:56 -0456", RubyTime.text((ZonedDateTime) RubyTime.readBack(lmt, newYork, 2)));
        assertEquals("1850-03-01 11:59:52 -0456", RubyTime.text((ZonedDateTime) RubyTime.readBack(lmt, newYork, 4)));
        ZonedDateTime est = ZonedDateTime.of(1900, 3, 1, 12, 0, 0, 0, newYork);
        assertEquals(est, RubyTime.readBack(est, newYork, 2));
        WideTime bc = RubyTimeParser.parseWide("-1000000000-07-01", newYork, NOW).orElseThrow();
        assertEquals("-1000000000-06-30 23:59:56 -0456", RubyTime.readBack(bc, newYork, 2).toString());
        WideTime far = RubyTimeParser.parseWide("10000000-07-01 10:00:00", newYork, NOW).orElseThrow();
        assertEquals(far, RubyTime.readBack(far, newYork, 2));
    }

    /** {@code Time#inspect} writes an offset's seconds, and {@code Time#to_s} a year before 1000 in four digits. */
    @Test
    void writesYearsBeforeOneThousandAndOffsetSecondsAsRubyDoes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime bc = ZonedDateTime.of(-299, 7, 3, 23, 59, 56, 0, newYork);
        assertEquals("-0299-07-03 23:59:56 -0456", RubyTime.text(bc));
        assertEquals("-0299-07-03 23:59:56 -045602", RubyTime.inspect(bc));
        assertEquals("0005-07-03 12:00:00 +0000", RubyTime.text(ZonedDateTime.of(5, 7, 3, 12, 0, 0, 0, UTC)));
        WideTime far = RubyTimeParser.parseWide("-1000000000-07-01 12:00", newYork, NOW).orElseThrow();
        assertEquals("-1000000000-07-01 12:00:00 -045602", far.inspect());
    }

    /**
     * {@code localtime} of any time: a {@link ZonedDateTime} where Java holds the time in the zone,
     * a {@link WideTime} from 5,881,581 on, whose offset is that of January (glibc then sees no
     * summer time): Jekyll 4.3.1 dates {@code 10000000-07-01 10:00:00 +0000} 05:00:00 -0500 in New York.
     */
    @Test
    void movesATimeIntoTheSiteZoneWideOnlyWhereJavaCannotHoldIt() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Object july = RubyTime.inZone(RubyTime.fromYaml("2020-07-01 10:00:00 +00:00", UTC).orElseThrow(), newYork)
                .orElseThrow();
        assertEquals("2020-07-01 06:00:00 -0400", RubyTime.text((ZonedDateTime) july));
        Object summer = RubyTimeParser.parseAny("5881581-07-01 10:00:00 +0000", UTC, NOW).orElseThrow();
        assertEquals("5881581-07-01 05:00:00 -0500", RubyTime.inZone(summer, newYork).orElseThrow().toString());
        assertTrue(RubyTime.localTime(summer, newYork).isEmpty());
        assertTrue(RubyTime.inZone("2020-07-01", newYork).isEmpty());
    }

    /** Documents sort by their dates' instants, wide or not; a value that is no time comes first. */
    @Test
    void ordersDatesByInstantWithOtherValuesFirst() {
        Object now = ZonedDateTime.of(2020, 7, 1, 10, 0, 0, 0, UTC);
        Object far = RubyTimeParser.parseWide("1000000000-07-01 10:00:00", UTC, NOW).orElseThrow();
        Object bc = RubyTimeParser.parseWide("-1000000000-07-01", UTC, NOW).orElseThrow();
        List<Object> dates = new ArrayList<>(Arrays.asList(far, now, null, bc));
        dates.sort(RubyTime.INSTANT_ORDER);
        assertEquals(Arrays.asList(null, bc, now, far), dates);
    }

    @Test
    void sameSecondComparesTheSecondsSince1970WhateverTheOffsetOrTheYear() {
        ZoneId zone = ZoneId.of("America/New_York");
        ZonedDateTime now = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, zone);
        ZonedDateTime noon = ZonedDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertTrue(RubyTime.sameSecond(noon, noon.withZoneSameInstant(zone).plusNanos(900_000_000)));
        assertFalse(RubyTime.sameSecond(noon, noon.plusSeconds(1)));
        Object far = RubyTimeParser.parseWide("10000000-07-01 12:00", zone, now).orElseThrow();
        assertTrue(RubyTime.sameSecond(far, RubyTimeParser.parseAny("10000000-07-01 17:00 UTC", zone, now).orElseThrow()));
        assertFalse(RubyTime.sameSecond(far, noon));
    }

    @Test
    void dateTextTakesWhatItLeavesOutFromSiteTimeUnlessSiteTimeIsWide() {
        ZoneId zone = ZoneId.of("America/New_York");
        ZonedDateTime now = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, zone);
        assertEquals(now, RubyTime.parsingNow(now, zone));
        Object far = RubyTimeParser.parseWide("10000000-07-01 12:00", zone, now).orElseThrow();
        assertEquals(zone, RubyTime.parsingNow(far, zone).getZone());
        assertTrue(RubyTime.parsingNow(far, zone).getYear() >= 2026);
    }
}
