package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;

/**
 * Front matter dates Jekyll reads with {@code Time.parse} that name no year: they take it from the
 * build's {@code site.time}, so a build reads them alike in every document and a build at a given
 * time is reproducible. Jekyll's own readings of date text are in the front-matter-dates fixture.
 */
class FrontMatterDatesTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.in(dir)
                .file("_config.yml", "future: true\ncollections:\n  notes:\n    output: true\n")
                .file("_posts/2019-05-01-first.md", "---\ndate: \"Mar 8\"\n---\n")
                .file("_notes/second.md", "---\ndate: \"Mar 8 10:00\"\n---\n")
                .file("index.html", "---\n---\n{% for p in site.posts %}{{ p.date }} {{ p.url }}\n{% endfor %}"
                        + "{% for p in site.notes %}{{ p.date }}\n{% endfor %}");
    }

    private String builtAt(String time) {
        BuildResult result = SiteBuilder.build(new BuildOptions(dir, ConfigLoader.Overrides.none(), Instant.parse(time),
                "production"));
        assertTrue(result.ok(), () -> TestSite.printed(result));
        return site().read("index.html");
    }

    @Test
    void aDateWithoutAYearIsInTheYearOfTheBuildsTime() {
        TestSite site = site().buildOk();
        assertEquals("2020-03-08 00:00:00 +0000 /2020/03/08/first.html\n2020-03-08 10:00:00 +0000\n",
                site.read("index.html"));
        assertEquals("2023-03-08 00:00:00 +0000 /2023/03/08/first.html\n2023-03-08 10:00:00 +0000\n",
                builtAt("2023-06-01T12:00:00Z"));
    }

    @Test
    void aDateWithoutAYearFollowsTheSitesZone() {
        // New Year in UTC is still December 31st, 2019 in New York: the year taken is New York's
        site().file("_config.yml", "future: true\ntimezone: America/New_York\ncollections:\n  notes:\n    output: true\n")
                .buildOk();
        assertEquals("2019-03-08 00:00:00 -0500 /2019/03/08/first.html\n2019-03-08 10:00:00 -0500\n",
                site().read("index.html"));
    }
}
