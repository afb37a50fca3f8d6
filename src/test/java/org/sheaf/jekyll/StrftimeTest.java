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
    void aBareOffsetHasNoZoneNameAndUtcIsUtc() {
        assertEquals("[]", Strftime.format("[%Z]", BERLIN.withZoneSameInstant(ZoneOffset.ofHours(2))));
        assertEquals("UTC|14|Thu Sep 14 00:00:00 2017",
                Strftime.format("%Z|%e|%c", ZonedDateTime.of(2017, 9, 14, 0, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void aPatternWithoutRubyOnlyConversionsIsLeftForStrftime4j() {
        assertEquals("%Y-%m-%d", Strftime.rubyPattern("%Y-%m-%d", BERLIN));
    }
}
