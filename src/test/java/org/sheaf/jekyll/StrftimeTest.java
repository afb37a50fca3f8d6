package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Each expected text is Ruby 3.1's {@code Time#strftime} of the same time and format. */
class StrftimeTest {
    private static final ZonedDateTime BERLIN = ZonedDateTime.of(2017, 9, 4, 10, 30, 5, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void formatsAsRubyWhereStrftime4jAlone() {
        assertEquals(" 4|4|04|20|CEST|Mon Sep  4 10:30:05 2017|4 September 2017|Mon 247 10AM %e 17",
                Strftime.format("%e|%-e|%0e|%C|%Z|%c|%-d %B %Y|%a %j %I%p %%e %y", BERLIN));
    }

    @Test
    void padsAConversionToItsWidthAsRuby() {
        ZonedDateTime written = BERLIN.withZoneSameInstant(ZoneOffset.ofHours(2));
        assertEquals("[    Monday|Monday|       MON|0September|    4|00004|4|  4|00004|0010|000247|0017|  2017|009|"
                + "      AM|  10|010|0001|         Sep]",
                Strftime.format("[%10A|%-10A|%^10a|%010B|%_5d|%5d|%-5d|%3e|%05e|%4H|%6j|%4y|%_6Y|%3m|%8p|%4k|"
                        + "%03l|%4u|%12b]", written));
    }

    /** {@code ^} upper-cases; {@code #} upper-cases names, lower-cases %p and %Z, and wins over {@code ^} there. */
    @Test
    void changesCaseAsRubysCaretAndHashFlags() {
        assertEquals("[am|AM|am|AM|AM|MON|MONDAY|SEP|SEPTEMBER|SEP|cest|CEST|cest|MON SEP  4 10:30:05 2017|"
                + "Mon Sep  4 10:30:05 2017|        am|MON|04|%| 4-SEP-2017| 4-SEP-2017]",
                Strftime.format("[%#p|%^p|%^#p|%#P|%^P|%#a|%#A|%#b|%^B|%#h|%#Z|%^Z|%^#Z|%^c|%#c|%#10p|%^-5a|%#d|%^%|"
                        + "%v|%#v]", BERLIN));
    }

    @Test
    void aBareOffsetHasNoZoneNameEvenAtZeroAndUtcIsUtc() {
        assertEquals("[]", Strftime.format("[%Z]", BERLIN.withZoneSameInstant(ZoneOffset.ofHours(2))));
        assertEquals("[|+0000]", Strftime.format("[%Z|%z]", BERLIN.withZoneSameInstant(ZoneOffset.UTC)));
        assertEquals("UTC|+0000|14|Thu Sep 14 00:00:00 2017",
                Strftime.format("%Z|%z|%e|%c", ZonedDateTime.of(2017, 9, 14, 0, 0, 0, 0, RubyTime.UTC)));
    }

    @Test
    void aZoneNamedUtcIsUtcToo() {
        assertEquals("UTC|+0000", Strftime.format("%Z|%z", BERLIN.withZoneSameInstant(ZoneId.of("UTC"))));
    }

    @Test
    void aDateHasTheZoneZeroOffset() {
        assertEquals("+00:00 %z %%Y", Strftime.rubyPattern("%Z %z %%Y", new RubyDate(java.time.LocalDate.of(2018, 5, 1))));
    }

    /** Ruby counts years through 0, so 2022 BC is -2021, and writes no + before five digits. */
    @Test
    void writesYearsBeforeOneAndAfterNineThousandNineHundredNinetyNineAsRuby() {
        String pattern = "%Y %F %y %-Y";
        assertEquals("-2021 -2021-03-08 79 -2021", Strftime.format(pattern, ZonedDateTime.of(-2021, 3, 8, 1, 2, 3, 0, ZoneOffset.UTC)));
        assertEquals("-0022 -0022-03-08 78 -22", Strftime.format(pattern, ZonedDateTime.of(-22, 3, 8, 1, 2, 3, 0, ZoneOffset.UTC)));
        assertEquals("10000 10000-03-08 00 10000", Strftime.format(pattern, ZonedDateTime.of(10000, 3, 8, 1, 2, 3, 0, ZoneOffset.UTC)));
        assertEquals("2017 2017-09-04 17 2017", Strftime.format(pattern, BERLIN));
    }

    @Test
    void aPatternWithoutRubyOnlyConversionsIsLeftForStrftime4j() {
        assertEquals("%Y-%m-%d", Strftime.rubyPattern("%Y-%m-%d", BERLIN));
    }

    /**
     * Every zone asked for its name the first time by eight threads at once, as pages rendering
     * in parallel ask: each thread gets the name one thread alone gets afterwards. Without the lock
     * in {@link Strftime}, the JDK gave one of the threads the GMT offset for a zone or two in one
     * run of this test in three or four on two cores (and then kept giving it). A zone this JVM has
     * asked for before cannot show the race, so the test finds it only by chance; it never fails
     * where the names are consistent.
     */
    @Test
    void threadsAskingForAZoneNameAtOnceAllGetTheSameName() throws Exception {
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<String> disagreeing = new java.util.ArrayList<>();
        try {
            for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
                ZonedDateTime summer = ZonedDateTime.of(2017, 7, 4, 10, 30, 5, 0, ZoneId.of(id));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
                java.util.List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    names.add(pool.submit(() -> {
                        together.await();
                        return Strftime.format("%Z", summer);
                    }));
                }
                java.util.Set<String> seen = new java.util.TreeSet<>();
                for (java.util.concurrent.Future<String> name : names) {
                    seen.add(name.get());
                }
                seen.add(Strftime.format("%Z", summer));
                if (seen.size() > 1) {
                    disagreeing.add(id + " " + seen);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(java.util.List.of(), disagreeing);
    }

    /** {@code %Z} is the system tz database's name, as Ruby's: CLDR has {@code BRT} and {@code LHST} for these. */
    @Test
    void namesTheZoneAsTheSystemTzDatabaseDoes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(
                java.nio.file.Path.of("/usr/share/zoneinfo/America/Sao_Paulo")), "no tz database");
        assertEquals("-03", Strftime.format("%Z", ZonedDateTime.of(2022, 1, 15, 10, 0, 0, 0, ZoneId.of("America/Sao_Paulo"))));
        assertEquals("+1030|+11", Strftime.format("%Z", ZonedDateTime.of(2022, 7, 15, 10, 0, 0, 0, ZoneId.of("Australia/Lord_Howe")))
                + "|" + Strftime.format("%Z", ZonedDateTime.of(2022, 1, 15, 10, 0, 0, 0, ZoneId.of("Australia/Lord_Howe"))));
        assertEquals("GMT|IST", Strftime.format("%Z", ZonedDateTime.of(2022, 1, 15, 10, 0, 0, 0, ZoneId.of("Europe/Dublin")))
                + "|" + Strftime.format("%Z", ZonedDateTime.of(2022, 7, 15, 10, 0, 0, 0, ZoneId.of("Europe/Dublin"))));
        assertEquals("LMT", Strftime.format("%Z", ZonedDateTime.of(1850, 1, 15, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata"))));
    }
}
