package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostNameTest {
    @Test
    void readsDateSlugAndExtension() {
        assertEquals(Optional.of(new PostName(LocalDate.of(2017, 9, 4), "fellowship-begins", ".md")),
                PostName.parse("2017-09-04-fellowship-begins.md"));
    }

    @Test
    void acceptsOneDigitMonthsAndDays() {
        assertEquals(LocalDate.of(2017, 9, 4), PostName.parse("2017-9-4-x.md").orElseThrow().date());
    }

    @Test
    void completesTwoDigitYearsAsRubysTimeParseDoes() {
        assertEquals(Optional.of(new PostName(LocalDate.of(2020, 10, 31), "scrum!", ".md")),
                PostName.parse("20-10-31-scrum!.md"));
        assertEquals(LocalDate.of(2068, 1, 1), PostName.parse("68-01-01-x.md").orElseThrow().date());
        assertEquals(LocalDate.of(1969, 1, 1), PostName.parse("69-01-01-x.md").orElseThrow().date());
        assertEquals(LocalDate.of(999, 1, 1), PostName.parse("999-01-01-x.md").orElseThrow().date());
    }

    @Test
    void takesOnlyTheLastExtension() {
        PostName name = PostName.parse("2017-09-04-v1.2-notes.markdown").orElseThrow();
        assertEquals("v1.2-notes", name.slug());
        assertEquals(".markdown", name.ext());
    }

    @Test
    void dropsTrailingPeriodsOfTheSlug() {
        assertEquals("wait", PostName.parse("2017-09-04-wait...md").orElseThrow().slug());
    }

    /** As Ruby's Time.parse, which Jekyll reads the name's date with: 2017-02-30 is March 2. */
    @Test
    void runsADayPastTheMonthsEndOnIntoTheNext() {
        assertEquals(LocalDate.of(2017, 3, 2), PostName.parse("2017-02-30-x.md").orElseThrow().date());
        assertEquals(LocalDate.of(2016, 3, 1), PostName.parse("2016-02-30-x.md").orElseThrow().date());
        assertEquals(LocalDate.of(2017, 5, 1), PostName.parse("2017-4-31-x.md").orElseThrow().date());
    }

    /** Ruby's Time.parse refuses these ("mon out of range", "argument out of range"), and Jekyll stops. */
    @Test
    void refusesAMonthOrDayOutOfRangeButTellsItsDate() {
        for (String name : List.of("2017-13-01-x.md", "2017-00-10-x.md", "2017-02-00-x.md", "2017-02-32-x.md")) {
            assertTrue(PostName.parse(name).isEmpty(), name);
            assertEquals(Optional.of(name.substring(0, 10)), PostName.written(name).map(PostName.Written::date));
        }
        assertEquals(Optional.empty(), PostName.written("about.md"));
    }

    @Test
    void refusesNamesWithoutDateOrExtension() {
        assertTrue(PostName.parse("about.md").isEmpty());
        assertTrue(PostName.parse("2017-09-04-no-extension").isEmpty());
        assertTrue(PostName.parse("2017-09-04.md").isEmpty());
        assertTrue(PostName.parse("7-09-04-x.md").isEmpty());
    }
}
