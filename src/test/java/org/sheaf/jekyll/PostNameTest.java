package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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

    @Test
    void refusesDatesThatDoNotExist() {
        assertTrue(PostName.parse("2017-02-30-x.md").isEmpty());
        assertTrue(PostName.parse("2017-13-01-x.md").isEmpty());
    }

    @Test
    void refusesNamesWithoutDateOrExtension() {
        assertTrue(PostName.parse("about.md").isEmpty());
        assertTrue(PostName.parse("2017-09-04-no-extension").isEmpty());
        assertTrue(PostName.parse("2017-09-04.md").isEmpty());
        assertTrue(PostName.parse("7-09-04-x.md").isEmpty());
    }
}
