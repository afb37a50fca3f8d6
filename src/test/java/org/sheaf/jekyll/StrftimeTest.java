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

    @Test
    void aPatternWithoutRubyOnlyConversionsIsLeftForStrftime4j() {
        assertEquals("%Y-%m-%d", Strftime.rubyPattern("%Y-%m-%d", BERLIN));
    }
}
