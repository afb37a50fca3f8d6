package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sass pages from a stranger's pull request that try to read stylesheets outside the site: every
 * way fails with an error at the loading rule or the config key, and no outside text reaches the
 * output.
 */
class SassAttackTest {
    private static final String SECRET = "top-secret-outside-the-site";

    @TempDir
    Path dir;

    private Path outside;

    @BeforeEach
    void putStylesheetsBesideTheSite() throws Exception {
        outside = dir.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("_secret.scss"), ".leak { content: \"" + SECRET + "\"; }\n");
        Files.writeString(outside.resolve("plain.css"), ".leak { content: \"" + SECRET + "\"; }\n");
    }

    private TestSite site(String config, String page) {
        return TestSite.in(dir.resolve("site"))
                .file("_config.yml", "sass:\n  sourcemap: never\n" + config)
                .file("assets/main.scss", "---\n---\n" + page);
    }

    private static String failure(TestSite site) {
        BuildResult result = site.build();
        assertFalse(result.ok(), "the build read outside the site");
        site.outputFiles().forEach((path, text) -> assertFalse(text.contains(SECRET), path + " leaked"));
        return TestSite.printed(result).lines().filter(line -> !line.contains(": warning: "))
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void absoluteImportIsRefusedAtTheImport() {
        String printed = failure(site("", "a { b: c; }\n@import \"" + outside.resolve("secret") + "\";\n"));
        assertEquals("assets/main.scss:4:9: error: _secret.scss is outside the site; "
                + "Sass reads only files inside the site", printed.lines().findFirst().orElseThrow());
    }

    @Test
    void fileUrlUseIsRefusedAtTheUse() {
        String printed = failure(site("", "@use \"" + outside.resolve("plain.css").toUri() + "\";\n"));
        assertEquals("assets/main.scss:3:1: error: plain.css is outside the site; "
                + "Sass reads only files inside the site", printed.lines().findFirst().orElseThrow());
    }

    @Test
    void dotDotImportIsRefusedFromThePageAndFromAPartial() {
        String fromPage = failure(site("", "@import \"../outside/secret\";\n"));
        assertEquals("assets/main.scss:3:9: error: _secret.scss is outside the site; "
                + "Sass reads only files inside the site", fromPage.lines().findFirst().orElseThrow());

        TestSite site = site("", "@import \"base\";\n").file("_sass/_base.scss", "\n@import \"../../outside/secret\";\n");
        assertEquals("_sass/_base.scss:2:9: error: _secret.scss is outside the site; "
                + "Sass reads only files inside the site\n    in: assets/main.scss",
                failure(site).lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void absoluteSassDirIsReadInsideTheSourceAsJekyllReadsIt() {
        String printed = failure(site("  sass_dir: " + outside + "\n", "@import \"secret\";\n"));
        assertEquals("assets/main.scss:3:9: error: Can't find stylesheet to import.",
                printed.lines().findFirst().orElseThrow());

        TestSite inside = site("  sass_dir: " + outside + "\n", "@import \"kept\";\n")
                .file(dir.resolve("site").relativize(dir.resolve("site").resolve(outside.toString().substring(1)))
                        + "/_kept.scss", "i { j: k; }\n");
        inside.buildOk();
        assertEquals("i { j: k; }\n", inside.read("assets/main.css"));
    }

    @Test
    void loadPathOutsideTheSiteIsAnErrorAtTheConfigKey() {
        String printed = failure(site("  load_paths: [\"../outside\"]\n", "@import \"secret\";\n"));
        assertEquals("_config.yml:3:3: error: sass load path \"../outside\" is outside the site; "
                + "Sass reads only files inside the site", printed.lines().findFirst().orElseThrow());
    }

    @Test
    void partialLinkedFromOutsideIsRefused() throws Exception {
        TestSite site = site("", "@import \"evil\";\n");
        Files.createDirectories(site.root().resolve("_sass"));
        Files.createSymbolicLink(site.root().resolve("_sass/_evil.scss"), outside.resolve("_secret.scss"));
        assertEquals("assets/main.scss:3:9: error: _sass/_evil.scss is a link to a file outside the site; "
                + "Sass reads only files inside the site", failure(site).lines().findFirst().orElseThrow());
    }

    @Test
    void sassDirLinkedToAFolderOutsideIsRefused() throws Exception {
        TestSite site = site("", "@import \"secret\";\n");
        Files.createSymbolicLink(site.root().resolve("_sass"), outside);
        assertEquals("assets/main.scss:3:9: error: _sass/_secret.scss is a link to a file outside the site; "
                + "Sass reads only files inside the site", failure(site).lines().findFirst().orElseThrow());
    }
}
