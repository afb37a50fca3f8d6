package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;
import org.sheaf.diag.Diagnostic;

/**
 * The build's accessibility warnings: each fault placed at the line of the source that writes
 * it (the page, or its layout with the page named), none on a page that is sound, errors that
 * leave the previous site untouched with {@code --strict}, and on only where the site wants them.
 */
class AccessibilityBuildTest {
    private static final String BASE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>${page.title!""}</title></head>
            <body>
            <main>
            <h1>${page.title!""}</h1>
            ${content?no_esc}
            </main>
            </body>
            </html>
            """;

    @TempDir
    Path dir;

    private TestSite sheafSite() {
        return TestSite.in(dir).file("content/_config.yml", "title: T\n").file("templates/base.ftlh", BASE);
    }

    @Test
    void eachFaultIsAWarningAtTheLineThatWritesIt() {
        BuildResult result = sheafSite().file("content/faults.md", """
                ---
                title: Faults
                layout: base
                ---
                Text with [a link](/faults/) and <img src="/a.png"> inline.

                [](/faults/)

                #### Too deep

                <table><tr><td>1</td></tr></table>

                ## One {#same}

                ## Two {#same}

                <form><input name="q"><button></button></form>
                """).build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("""
                content/faults.md:5:44: warning: image has no alt text
                    hint: describe what it shows: ![what it shows](/a.png), or alt="..."; alt="" marks an image as decoration
                content/faults.md:7:4: warning: link has no text a screen reader can announce
                    hint: give it text, or aria-label="..." when it shows only an icon
                content/faults.md:9:6: warning: heading level skipped: <h4> after <h1>
                    hint: use <h2> (## in Markdown) and style it with CSS if it should look smaller
                content/faults.md:11:1: warning: table has no header cells (<th>)
                    hint: make its first row a header: in Markdown, the row above the |---| line; in HTML, <th>
                content/faults.md:15:8: warning: duplicate id "same"
                    hint: ids must be unique on a page: links to #same reach only the first, and labels name the wrong element
                content/faults.md:17:14: warning: form field has no label
                    hint: add <label for="ID"> with id="ID" on the field, or aria-label="..."
                content/faults.md:17:23: warning: button has no text a screen reader can announce
                    hint: give it text, or aria-label="..." when it shows only an icon""", TestSite.printed(result));
    }

    @Test
    void aFaultOfALayoutIsPlacedInTheLayoutNamingThePage() {
        BuildResult result = sheafSite()
                .file("templates/base.ftlh", BASE.replace("<html lang=\"en\">", "<html>"))
                .file("content/index.md", "---\ntitle: Home\nlayout: base\n---\nHello.\n").build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("""
                templates/base.ftlh:2:1: warning: the page has no language: <html> has no lang attribute
                    hint: write <html lang="en"> (or the page's language) in the outermost layout
                    in: content/index.md""", TestSite.printed(result));
    }

    @Test
    void aFaultNoSourceSpellsOutIsPlacedAtTheLayoutLineWithTheBuiltPagesLine() {
        BuildResult result = sheafSite().file("content/_data/bits.yml", "picture: \"<img src='/q.png'>\"\n")
                .file("content/index.md", "---\ntitle: Home\nlayout: base\n---\n{{ site.data.bits.picture }}\n").build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("""
                content/index.md:3:1: warning: image has no alt text
                    hint: describe what it shows: ![what it shows](/q.png), or alt="..."; alt="" marks an image as decoration
                    in: index.html:7:4""", TestSite.printed(result));
    }

    @Test
    void aSoundPageHasNoWarnings() {
        BuildResult result = sheafSite().file("content/sound.md", """
                ---
                title: Sound
                layout: base
                ---
                ## Part

                ![A chart of income by year](/chart.png) and [the notes](/sound/).

                [<img src="/icon.png" alt="Home">](/sound/) <img src="/line.png" alt="">

                | Year | Income |
                | --- | --- |
                | 2018 | 10 |

                ### Detail

                <form><label for="q">Search</label><input id="q" name="q"><label>Or <input name="r"></label>
                <input type="submit" value="Go"><button aria-label="Close">×</button></form>

                <svg role="img" aria-label="A dot"><circle r="1"/></svg>
                """).build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("", TestSite.printed(result));
    }

    @Test
    void strictMakesThemErrorsAndLeavesThePreviousSiteAsItWas() throws Exception {
        TestSite site = sheafSite().file("content/index.md", "---\ntitle: Home\nlayout: base\n---\nHello.\n").buildOk();
        String before = site.read("index.html");
        site.file("content/index.md", "---\ntitle: Home\nlayout: base\n---\nHello ![](/a.png).\n\n<img src=\"/b.png\">\n");
        BuildResult result = SiteBuilder.build(new BuildOptions(dir, ConfigLoader.Overrides.none(), TestSite.TIME,
                "production").strictly());
        assertFalse(result.ok());
        assertEquals(List.of("content/index.md:7:11: error: image has no alt text"),
                result.diagnostics().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList());
        assertTrue(result.diagnostics().stream().allMatch(Diagnostic::isError));
        assertEquals(before, site.read("index.html"));
    }

    @Test
    void aJekyllSiteIsCheckedOnlyWhenItAsks() {
        TestSite site = TestSite.in(dir)
                .file("_layouts/default.html", "<!DOCTYPE html>\n<html>\n<head><title>x</title></head>\n"
                        + "<body>{{ content }}</body>\n</html>\n")
                .file("index.md", "---\nlayout: default\n---\nHello.\n");
        site.file("_config.yml", "title: J\n");
        BuildResult quiet = site.build();
        assertTrue(quiet.ok(), TestSite.printed(quiet));
        assertEquals("", TestSite.printed(quiet));
        site.file("_config.yml", "title: J\naccessibility: true\n");
        assertEquals("_layouts/default.html:2:1: warning: the page has no language: <html> has no lang attribute",
                TestSite.printed(site.build()).lines().findFirst().orElseThrow());
    }

    @Test
    void aSheafSiteCanTurnTheCheckOff() {
        BuildResult result = sheafSite().file("content/_config.yml", "title: T\naccessibility: false\n")
                .file("content/index.md", "---\ntitle: Home\nlayout: base\n---\n<img src=/a.png>\n").build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("", TestSite.printed(result));
    }
}
