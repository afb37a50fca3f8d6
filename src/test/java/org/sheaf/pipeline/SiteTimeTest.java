package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site.time} set by the config's {@code time}, which Jekyll takes instead of the clock: a
 * site that prints its build time (Pixyll's stylesheet link, a feed's {@code lastBuildDate}) is
 * then built alike whenever it is built.
 */
class SiteTimeTest {
    @TempDir
    Path dir;

    private TestSite site(String time) {
        return TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\ntime: " + time + "\n")
                .file("index.html", "---\n---\n{{ site.time | date: '%Y-%m-%d %H:%M:%S %z' }}");
    }

    @Test
    void aTimestampInTheConfigIsTheSitesTime() {
        assertEquals("2026-12-05 13:00:00 +0000", site("2026-12-05 13:00:00 +0000").buildOk().read("index.html"));
        assertEquals("2026-12-05 11:00:00 +0000", site("2026-12-05 13:00:00 +0200").buildOk().read("index.html"));
    }

    @Test
    void timeTextIsReadAsTimeParseReadsItWithItsOffsetAndTheBuildsYear() {
        // the build's time (TestSite.TIME) is in 2020
        assertEquals("2020-03-08 10:00:00 +0000", site("\"Mar 8 10:00\"").buildOk().read("index.html"));
        assertEquals("2019-06-01 09:30:00 +0200", site("\"June 1, 2019 09:30 +02:00\"").buildOk().read("index.html"));
    }

    @Test
    void timeThatNamesNoTimeStopsTheBuildAtTheKey() {
        BuildResult result = site("soon").build();
        assertFalse(result.ok());
        assertEquals("_config.yml:2:1: error: invalid time \"soon\" in the config",
                TestSite.printed(result).lines().findFirst().orElse(""));
    }
}
