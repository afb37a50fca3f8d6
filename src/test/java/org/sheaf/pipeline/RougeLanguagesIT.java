package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheaf.config.ConfigLoader;
import org.sheaf.testing.SiteDiff;

/**
 * Code in languages sheaf has no lexer of its own for (Haskell, Lua, Perl, R, Julia, Scala,
 * Elixir, ...) is coloured by Rouge itself when it is installed: the {@code rouge-*} fixtures,
 * built by sheaf without a warning, equal what Jekyll 4.3.1 wrote for them ({@code expected/},
 * from {@code scripts/jekyll-expected}) as the other fixtures do, and every code block and code
 * span in them is byte for byte Jekyll's (sitediff alone would not see a token coloured
 * differently). Skipped where Ruby with Rouge is missing; {@code HighlightingTest} covers that case, {@code RougeBridgeIT} Rouge failing.
 */
class RougeLanguagesIT {
    private static final Path SITES = Path.of("src/test/resources/sites");
    /** A highlight tag's figure, a fenced block (Rouge's or kramdown's own), a coloured code span. */
    private static final Pattern CODE = Pattern.compile("(?s)<figure class=\"highlight\">.*?</figure>"
            + "|<div class=\"[^\"]*highlighter-rouge\">.*?</code></pre></div></div>"
            + "|<pre><code class=\"language-.*?</code></pre>"
            + "|<code class=\"[^\"]*highlighter-rouge\">.*?</code>");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rouge-kramdown", "rouge-commonmark"})
    void coloursOtherLanguagesAsJekyllDoes(String fixture) throws IOException {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        Path site = dir.resolve(fixture);
        FellowshipSiteTest.copyTree(SITES.resolve(fixture).resolve("site"), site);
        BuildResult result = TestSite.in(site).build(ConfigLoader.Overrides.none());
        assertEquals("", TestSite.printed(result));
        Path expected = SITES.resolve(fixture).resolve("expected");
        SiteDiff.Result whole = SiteDiff.compare(expected, site.resolve("_site"), List.of());
        assertTrue(whole.ok(), () -> fixture + ": sheaf's build differs from Jekyll's:\n" + whole.report(20));
        Map<String, String> wanted = TestSite.snapshot(expected);
        Map<String, String> built = TestSite.snapshot(site.resolve("_site"));
        int blocks = 0;
        for (Map.Entry<String, String> page : wanted.entrySet()) {
            List<String> code = code(page.getValue());
            assertEquals(code, code(built.get(page.getKey())), page.getKey());
            blocks += code.size();
        }
        assertTrue(blocks >= 6, "the fixture's code was not found: " + blocks + " blocks");
    }

    /** Each code block and code span of a page, as written. */
    private static List<String> code(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
