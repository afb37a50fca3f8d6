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
    void timeTextIsReadAsTimeParseReadsItWithTheBuildsYearAndMovedIntoTheSitesZone() {
        // the build's time (TestSite.TIME) is in 2020
        assertEquals("2020-03-08 10:00:00 +0000", site("\"Mar 8 10:00\"").buildOk().read("index.html"));
        // Jekyll's Time.parse(time).localtime
        assertEquals("2019-06-01 07:30:00 +0000", site("\"June 1, 2019 09:30 +02:00\"").buildOk().read("index.html"));
    }

    @Test
    void nowIsTheBuildsTimeInTheSitesZone() {
        // Jekyll 4.3.1 in America/Mexico_City at 17:00 UTC wrote 20261206.110003 -0600|11 -0600 for
        // this (Chirpy's service worker names its cache so): the clock, in the site's zone, as it
        // renders the page; sheaf takes the build's time, here TestSite.TIME
        TestSite site = TestSite.in(dir).file("_config.yml", "timezone: America/Mexico_City\n")
                .file("index.html", "---\n---\n{{ 'now' | date: '%Y%m%d.%H%M%S %z' }}|{{ 'today' | date: '%H %z' }}");
        assertEquals("20191231.180000 -0600|18 -0600", site.buildOk().read("index.html"));
    }

    private TestSite site(String zone, String time, String page) {
        return TestSite.in(dir)
                .file("_config.yml", "timezone: " + zone + "\ntime: " + time + "\n")
                .file("index.html", "---\n---\n" + page);
    }

    @Test
    void timeOfAYearJavaDoesNotHoldIsTheSitesTimeInItsZone() {
        String page = "{{ site.time }} | {{ site.time | date_to_xmlschema }} | {{ site.time | date: '%s %Z' }}";
        assertEquals("10000000-07-01 12:00:00 -0500 | 10000000-07-01T12:00:00-05:00 | 315507368566800 EST",
                site("America/New_York", "10000000-07-01 12:00:00", page).buildOk().read("index.html"));
        assertEquals("-1000000000-01-01 00:00:00 +0000 | -1000000000-01-01T00:00:00+00:00 | -31557014167219200 UTC",
                site("UTC", "\"-1000000000-01-01\"", page).buildOk().read("index.html"));
        assertEquals("2000000000-03-01 00:00:00 -0500 | 2000000000-03-01T00:00:00-05:00 | 63113841837982800 EST",
                site("America/New_York", "\"March 2000000000\"", page).buildOk().read("index.html"));
    }

    @Test
    void timestampAtAnOffsetJavaDoesNotHoldIsMovedIntoTheSitesZone() {
        assertEquals("2022-03-09 01:00:00 -0500",
                site("America/New_York", "2022-03-08 10:00:00 -20:00", "{{ site.time }}").buildOk().read("index.html"));
    }

    @Test
    void timestampIsReadBackFromItsTextLosingTheSecondsOfALocalMeanTimeOffset() {
        // 12:00 UTC is 07:03:58 at -04:56:02, written -0456; read back it is 07:03:56
        assertEquals("1850-03-01 07:03:56 -045602",
                site("America/New_York", "1850-03-01 12:00:00", "{{ site.time | inspect }}").buildOk().read("index.html"));
    }

    @Test
    void postsAfterAWideSiteTimeAreLeftOutAndUndatedDocumentsTakeIt() {
        TestSite wide = site("America/New_York", "10000000-07-01 12:00:00",
                "{% for post in site.posts %}{{ post.url }} {% endfor %}| {{ site.notes.first.date }}")
                .file("_config.yml", "timezone: America/New_York\ntime: 10000000-07-01 12:00:00\n"
                        + "collections: {notes: {output: false}}\n")
                .file("_posts/2020-01-01-before.md", "---\ndate: \"9999999-01-01\"\n---\n")
                .file("_posts/2020-01-01-after.md", "---\ndate: \"10000000-07-01 12:00:01\"\n---\n")
                .file("_notes/undated.md", "---\n---\n");
        assertEquals("/9999999/01/01/before.html | 10000000-07-01 12:00:00 -0500", wide.buildOk().read("index.html"));
    }

    @Test
    void timeThatNamesNoTimeStopsTheBuildAtTheKey() {
        BuildResult result = site("soon").build();
        assertFalse(result.ok());
        assertEquals("_config.yml:2:1: error: invalid time \"soon\" in the config",
                TestSite.printed(result).lines().findFirst().orElse(""));
    }
}
