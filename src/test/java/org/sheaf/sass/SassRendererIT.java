package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

/** The converter on its own: what a machine without a dart-sass binary is told, and that it tries once. */
class SassRendererIT {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private static final SassRenderer.Settings SETTINGS =
            new SassRenderer.Settings(OutputStyle.EXPANDED, false, List.of(), false, List.of(), false, List.of());

    @Test
    void platformWithoutCompilerIsAPositionedErrorForEverySassPage() {
        AtomicInteger attempts = new AtomicInteger();
        try (SassRenderer sass = new SassRenderer(SETTINGS, Path.of("/site"), Path.of("/site"), () -> {
            attempts.incrementAndGet();
            throw new IOException("No bundled dart-sass for linux-s390x");
        }, Duration.ofSeconds(30))) {
            for (String page : List.of("a.scss", "b/c.sass")) {
                DiagnosticException e = assertThrows(DiagnosticException.class,
                        () -> sass.render(Path.of("/site").resolve(page), page, "p { margin: 0 }", 3, "x.css"));
                assertEquals(page + ": error: Sass is not supported on this platform\n"
                        + "    hint: the dart-sass compiler did not start: No bundled dart-sass for linux-s390x",
                        e.diagnostic().format());
            }
        }
        assertEquals(1, attempts.get());
    }

    @Test
    void aLoadPathSheafAddsOutsideTheSiteIsReadableAndNothingElseThere() throws Exception {
        java.nio.file.Path theme = dir.resolve("theme/_sass");
        java.nio.file.Files.createDirectories(theme);
        java.nio.file.Files.writeString(theme.resolve("_themed.scss"), ".themed { a: b; }\n");
        java.nio.file.Files.writeString(dir.resolve("theme/_beside.scss"), ".beside { a: b; }\n");
        java.nio.file.Path site = dir.resolve("site");
        SassRenderer.Settings settings = new SassRenderer.Settings(
                com.sass_lang.embedded_protocol.OutputStyle.EXPANDED, false, java.util.List.of(site.resolve("_sass"), theme),
                false, java.util.List.of(), false, java.util.List.of());
        try (SassRenderer sass = new SassRenderer(settings, site, site)) {
            assertEquals(".themed {\n  a: b;\n}\n", sass.render(site.resolve("main.scss"), "main.scss", "@import \"themed\";",
                    3, "main.css").css());
            org.sheaf.diag.DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.sheaf.diag.DiagnosticException.class, () -> sass.render(site.resolve("main.scss"), "main.scss",
                            "@import \"../beside\";", 3, "main.css"));
            assertEquals("main.scss:3:9: error: _beside.scss is outside the site; Sass reads only files inside the site",
                    e.diagnostic().format());
        }
    }

    @Test
    void endlessWhileStopsWithinTheLimitAtTheWhileAndLaterPagesStillCompile() throws Exception {
        SassRenderer.Settings settings = SassRenderer.Settings.from(
                org.sheaf.config.ConfigLoader.load(java.nio.file.Files.writeString(dir.resolve("_config.yml"), "title: t\n").getParent(),
                        org.sheaf.config.ConfigLoader.Overrides.none()), "production");
        try (SassRenderer sass = new SassRenderer(settings, dir, dir, de.larsgrefer.sass.embedded.SassCompilerFactory::bundled,
                java.time.Duration.ofSeconds(2))) {
            org.sheaf.diag.DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.sheaf.diag.DiagnosticException.class, () -> sass.render(dir.resolve("loop.scss"), "loop.scss",
                            "$i: 0;\n  @while true { $i: $i + 1; }\n", 3, "loop.css"));
            assertEquals("loop.scss:4:3: error: Sass did not finish this page within 2 s\n"
                    + "    hint: an @while whose condition stays true never finishes", e.diagnostic().format());
            assertEquals("p { a: b; }", sass.render(dir.resolve("next.scss"), "next.scss", "p { a: b; }", 3,
                    "next.css").css().lines().findFirst().orElseThrow());

            // the scssify filter's text runs under the same limit
            IllegalArgumentException filter = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> sass.convert("@while true { $i: 1; }", false, "_config.yml"));
            assertEquals("Sass did not finish this page within 2 s", filter.getMessage());
        }
    }

    @Test
    void scssifyWritesWhatAPageOfTheSameTextWrites() throws Exception {
        // libsass keeps a static value as written (0.5rem, the space after a comma) in every style
        String text = "a { font-family: system-ui, sans-serif; margin: 0.5rem; }\n";
        SassRenderer.Settings compressed = new SassRenderer.Settings(OutputStyle.COMPRESSED, false, List.of(), false,
                List.of(), false, List.of());
        try (SassRenderer sass = new SassRenderer(compressed, dir, dir)) {
            String page = sass.render(dir.resolve("a.scss"), "a.scss", text, 3, "a.css").css();
            assertEquals("a{font-family:system-ui, sans-serif;margin:0.5rem}\n", page);
            assertEquals(page, sass.convert(text, false, "index.html"));
        }
    }

    @Test
    void staticValuesKeepTheirTextAndARulesDeclarationsStayTogetherWithOrWithoutASourceMap() throws Exception {
        String page = "a {\n  x: .5em;\n  b { y: 2; }\n  z: 'q';\n}\n";
        String css = "a {\n  x: .5em;\n  z: 'q';\n}\n\na b {\n  y: 2;\n}\n";
        try (SassRenderer sass = new SassRenderer(SETTINGS, dir, dir)) {
            assertEquals(css, sass.render(dir.resolve("a.scss"), "a.scss", page, 3, "a.css").css());
        }
        try (SassRenderer sass = new SassRenderer(ExpandedSass.SETTINGS, dir, dir)) {
            SassRenderer.Output output = sass.render(dir.resolve("a.scss"), "a.scss", page, 3, "a.css");
            assertEquals(css + "\n/*# sourceMappingURL=a.css.map */", output.css());
            // CSS line:column from the text's (from 0): a 0:0 from 0:0, x 1:2 from 1:2, z 2:2 from 3:2 (the
            // joined line), a b 5:0 from 2:2 (after libsass's blank line), y 6:2 from 2:6
            java.util.regex.Matcher mappings = java.util.regex.Pattern.compile("\"mappings\":\"([^\"]*)\"")
                    .matcher(output.sourceMap());
            org.junit.jupiter.api.Assertions.assertTrue(mappings.find(), output.sourceMap());
            assertEquals("AAAA;EACE;EAEA;;;AADA;EAAI", mappings.group(1));
        }
    }

    @Test
    void aPrivateUseCharacterSassEvaluatedIsWrittenAsItselfAndTheMapFollows() throws Exception {
        // libsass (ruby -rsassc, compressed) writes a byte order mark and then
        // a{content:"\uF0EB";b:c}; Jekyll drops the mark
        String page = "$i: \"\\f0eb\";\na { content: $i; b: c; }\n";
        SassRenderer.Settings maps = new SassRenderer.Settings(OutputStyle.COMPRESSED, true, List.of(), false,
                List.of(), false, List.of());
        try (SassRenderer sass = new SassRenderer(maps, dir, dir)) {
            SassRenderer.Output output = sass.render(dir.resolve("a.scss"), "a.scss", page, 3, "a.css");
            String css = "a{content:\"\uF0EB\";b:c}\n";
            assertEquals(css + "\n/*# sourceMappingURL=a.css.map */", output.css());
            java.util.regex.Matcher mappings = StaticValues.MAPPINGS.matcher(output.sourceMap());
            org.junit.jupiter.api.Assertions.assertTrue(mappings.find(), output.sourceMap());
            // b, four characters nearer the start than in dart-sass's escape, still maps to the page's b
            StaticValues.Origin b = StaticValues.origins(mappings.group(1)).get(StaticValues.key(0, css.indexOf("b:c")));
            assertEquals(List.of(1, 17), List.of(b.line(), b.column()));
        }
    }
}
