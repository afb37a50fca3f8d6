package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sass pages as Jekyll converts them: with front matter to CSS at the same path, partials from
 * {@code _sass}, the {@code sass:} options, positioned errors, and a compiler that only starts
 * for sites that have Sass.
 */
class SassTest {
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SPACE_AROUND = Pattern.compile("\\s*([{};:,>])\\s*");

    @TempDir
    Path dir;

    @Test
    void fixturePrintScssGivesJekyllsPrintCss() throws IOException {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("assets/css/print.scss", resource("sites/sass/print.scss"))
                .buildOk();

        assertEquals(cssTokens(resource("sites/sass/expected/print.css")), cssTokens(site.read("assets/css/print.css")));
        assertFalse(site.outputFiles().containsKey("assets/css/print.scss"));
    }

    @Test
    void writesASourceMapBesideTheCssByDefaultWithSourcesRelativeToThePage() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("_sass/_colors.scss", "$ink: #222;\n")
                .file("assets/css/main.scss", "---\n---\n@use \"colors\";\nbody { color: colors.$ink; }\n")
                .buildOk();

        assertTrue(site.read("assets/css/main.css").endsWith("}\n\n/*# sourceMappingURL=main.css.map */"));
        String map = site.read("assets/css/main.css.map");
        assertTrue(map.contains("\"main.scss\""), map);
        assertTrue(map.contains("\"../../_sass/_colors.scss\""), map);
        assertFalse(map.contains("file:"), map);
    }

    @Test
    void inTheIndentedSyntaxTheCopyOfARuleAnMediaOfTheOutersOwnQueryWroteIsNoPartOfIt() {
        // all in (min-width: 10px) is the outer's own query to dart-sass, which writes #h's copy
        // for z: 1 in the outer @media; color: red joins #h's part of its own evaluation, as in
        // libsass (the expected CSS is libsass's)
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  style: expanded\n  sourcemap: never\n")
                .file("a.sass", "---\n---\n@mixin m\n  @media (min-width: 10px)\n    @content\n    @content\n.u\n"
                        + "  @include m\n    #h\n      @media all\n        z: 1\n      .u\n        y: 2\n      color: red\n")
                .buildOk();

        assertEquals("@media (min-width: 10px) {\n  .u #h {\n    color: red;\n  }\n}\n\n"
                + "@media all and (min-width: 10px) {\n  .u #h {\n    z: 1;\n  }\n}\n\n"
                + "@media (min-width: 10px) {\n  .u #h .u {\n    y: 2;\n  }\n  .u #h {\n    color: red;\n  }\n}\n\n"
                + "@media all and (min-width: 10px) {\n  .u #h {\n    z: 1;\n  }\n}\n\n"
                + "@media (min-width: 10px) {\n  .u #h .u {\n    y: 2;\n  }\n}\n", site.read("a.css"));
    }

    @Test
    void anMediaOfAMixinIncludedThroughItsOwnContentClosesTheOuterOneWhereItEnds() {
        // the inner @media print is the outer one's own statement, nested in it through @content:
        // libsass closes the outer one at the inner one's end, before the @supports that follows
        // (the expected CSS is libsass's)
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("a.scss", "---\n---\n@mixin m2() {\n  @content;\n  @media print {\n    @content;\n  }\n}\n"
                        + "em {\n  i {\n    @include m2() {\n      @include m2() {\n        margin: 1px;\n      }\n"
                        + "      @supports (display: grid) {\n        z-index: auto;\n      }\n    }\n  }\n}\n")
                .buildOk();

        assertEquals("em i { margin: 1px; }\n\n@media print { em i { margin: 1px; } }\n\n"
                + "@supports (display: grid) { em i { z-index: auto; } }\n\n@media print { em i { margin: 1px; } }\n\n"
                + "@media print { em i { margin: 1px; } }\n\n"
                + "@media print { @supports (display: grid) { em i { z-index: auto; } } }\n", site.read("a.css"));
    }

    @Test
    void anMediaLeftOutWhoseIncludeWritesOnlyInAnMediaOfItsOwnClosesTheOuterOne() {
        // print in screen matches nothing; the mixin included there writes only in an @media of
        // its own, which libsass moves out of the outer @media all the same, closing it there
        // (the expected CSS is libsass's)
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("a.scss", "---\n---\n@mixin m0() {\n  @media (max-width: 20em) {\n    color: 1px;\n  }\n}\n"
                        + "@media screen {\n  b {\n    margin: none;\n    @media print {\n      @include m0;\n    }\n"
                        + "    @supports (display: grid) {\n      a {\n        color: red;\n      }\n    }\n  }\n}\n")
                .buildOk();

        assertEquals("@media screen { b { margin: none; } }\n\n"
                + "@media screen { @supports (display: grid) { b a { color: red; } } }\n", site.read("a.css"));
    }

    @Test
    void partialFromSassDirThroughUse() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("_sass/_base.scss", "$gap: 4px;\n@mixin boxed { padding: $gap; }\n")
                .file("css/site.scss", "---\n---\n@use \"base\";\n.note { @include base.boxed; }\n")
                .buildOk();

        assertEquals(".note { padding: 4px; }\n", site.read("css/site.css"));
        assertFalse(site.outputFiles().containsKey("css/site.css.map"));
    }

    @Test
    void partialFromConfiguredSassDirAndLoadPathsThroughImport() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sass_dir: _styles\n  load_paths: [vendor/sass]\n  sourcemap: never\n")
                .file("_styles/_one.scss", "$one: 1px;\n")
                .file("vendor/sass/_two.scss", "$two: 2px;\n")
                .file("style.scss", "---\n---\n@import \"one\", \"two\";\na { margin: $one $two; }\n")
                .buildOk();

        assertEquals("a { margin: 1px 2px; }\n", site.read("style.css"));
    }

    @Test
    void styleCompressed() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  style: compressed\n  sourcemap: never\n")
                .file("a.scss", "---\n---\n$c: #ff0000;\nb { color: $c; }\ni { margin: 0 auto; }\n")
                .buildOk();

        assertEquals("b{color:red}i{margin:0 auto}\n", site.read("a.css"));
    }

    @Test
    void indentedSyntaxAndLiquidBeforeSass() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "accent: teal\nsass:\n  sourcemap: never\n")
                .file("a.sass", "---\n---\n$c: {{ site.accent }}\nh1\n  color: $c\n")
                .buildOk();

        assertEquals("h1 { color: teal; }\n", site.read("a.css"));
    }

    @Test
    void sassPagesAreNeverPlacedInLayouts() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\ndefaults:\n  - scope: {path: \"\"}\n    values: {layout: base}\n")
                .file("_layouts/base.html", "<html>{{ content }}</html>\n")
                .file("a.scss", "---\n---\np { margin: 0; }\n")
                .buildOk();

        assertEquals("p { margin: 0; }\n", site.read("a.css"));
    }

    @Test
    void scssWithoutFrontMatterIsCopiedUnchanged() {
        String text = "$ink: #222;\nbody { color: $ink; }\n";
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("assets/raw.scss", text)
                .buildOk();

        assertEquals(text, site.read("assets/raw.scss"));
        assertFalse(site.outputFiles().containsKey("assets/raw.css"));
    }

    @Test
    void reportsErrorInThePageAtItsLineBelowTheFrontMatter() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("assets/bad.scss", "---\ntitle: x\n---\nbody {\n  color: red\n  margin: 0;\n}\n")
                .build();

        // dart-sass reads "red margin" as one value, so the missing ";" shows at the colon after margin.
        assertEquals("assets/bad.scss:6:9: error: expected \";\".", TestSite.printed(result));
    }

    @Test
    void reportsErrorInAPartialAtThePartialsOwnPathNamingThePage() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("_sass/_broken.scss", "$a: 1px;\n.x { width: $a +; }\n")
                .file("assets/main.scss", "---\n---\n@use \"broken\";\n")
                .build();

        assertEquals("_sass/_broken.scss:2:17: error: Expected expression.\n    in: assets/main.scss",
                TestSite.printed(result));
    }

    @Test
    void reportsUnknownUseAtTheUseRule() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("a.scss", "---\n---\n\n@use \"missing\";\n")
                .build();

        assertEquals("a.scss:4:1: error: Can't find stylesheet to import.", TestSite.printed(result));
    }

    @Test
    void mixOfSomethingNotAColourFailsAtTheCallInThePage() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("a.scss", "---\n---\np {\n  color: mix(1px, red);\n}\n")
                .build();

        assertEquals("a.scss:4:10: error: $color1: 1px is not a color.", TestSite.printed(result));
    }

    @Test
    void theImportOfThePageThatDefinesLibsasssMixIsNoWarningOfTheWriters() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("a.scss", "---\n---\np { color: mix(#fff, #7a8288, 45%); }\n")
                .build();

        assertTrue(result.ok());
        assertEquals("", TestSite.printed(result));
    }

    @Test
    void warnRuleBecomesAWarningOnThePage() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n");
        site.file("a.scss", "---\n---\n@warn \"mind the gap\";\np { margin: 0; }\n");
        BuildResult result = site.build();

        assertTrue(result.ok());
        // dart-sass sends @warn with a stack trace but no span, so the warning is on the file as a whole.
        assertEquals("a.scss: warning: mind the gap", TestSite.printed(result));
    }

    @Test
    void debugRuleBecomesAWarningAtItsSpan() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("a.scss", "---\n---\np { margin: 0; }\n  @debug 1 + 2;\n")
                .build();

        assertTrue(result.ok());
        assertEquals("a.scss:4:3: warning: @debug: 3", TestSite.printed(result));
    }

    @Test
    void deprecationsOfAPageBuiltAsLibsassBuildsItAreCountedInOneWarning() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("_sass/_b.scss", "q { width: (10px / 2); }\n")
                .file("a.scss", "---\n---\n@import \"b\";\np { color: darken(#888, 10%); }\n")
                .build();

        assertTrue(result.ok());
        assertEquals("a.scss: warning: 4 deprecation warnings from dart-sass, of which libsass, Jekyll's Sass, gives none"
                + " (color-functions 1, global-builtin 1, import 1, slash-div 1)\n"
                + "    hint: sass: verbose: true in _config.yml shows each one; silence_deprecations: [color-functions,"
                + " global-builtin, import, slash-div] leaves them out", TestSite.printed(result));
    }

    @Test
    void verboseTellsEachDeprecationInOneLineWithItsMoreInfoAsHintUnlessSilenced() {
        String page = "---\n---\np { color: darken(#888, 10%); }\n";
        BuildResult loud = TestSite.in(dir.resolve("loud"))
                .file("_config.yml", "sass:\n  sourcemap: never\n  verbose: true\n")
                .file("a.scss", page)
                .build();
        BuildResult quiet = TestSite.in(dir.resolve("quiet"))
                .file("_config.yml", "sass:\n  sourcemap: never\n  silence_deprecations: [global-builtin, color-functions]\n")
                .file("a.scss", page)
                .build();

        String printed = TestSite.printed(loud);
        assertTrue(printed.startsWith("a.scss:3:12: warning: Global built-in functions are deprecated"), printed);
        assertTrue(printed.contains("\n    hint: More info"), printed);
        assertTrue(printed.contains("\na.scss:3:12: warning: darken() is deprecated"), printed);
        assertEquals("", TestSite.printed(quiet));
    }

    @Test
    void nestedStyleIsAWarningAtTheConfigKeyAndWritesExpanded() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  style: nested\n  sourcemap: never\n")
                .file("a.scss", "---\n---\np { margin: 0; }\n");
        BuildResult result = site.build();

        assertTrue(result.ok());
        assertEquals("_config.yml:2:3: warning: sass style \"nested\" is not one sheaf writes; using expanded",
                TestSite.printed(result));
        assertEquals("p {\n  margin: 0;\n}\n", site.read("a.css"));
    }

    // The expected CSS is what libsass (sassc 2.4, as Jekyll 4.3 runs it) writes for the page.
    private static final String GROUPS = "---\n---\na { b: c; d { e: f; } }\n/* note */\n@media print { a { b: c; } }\n";

    @Test
    void compactIsTheDefaultStyleAsInJekyll() {
        TestSite site = TestSite.in(dir).file("_config.yml", "sass:\n  sourcemap: never\n").file("a.scss", GROUPS)
                .buildOk();

        assertEquals("a { b: c; }\n\na d { e: f; }\n\n/* note */\n@media print { a { b: c; } }\n", site.read("a.css"));
    }

    @Test
    void expandedIsLibsasssExpandedAndAStyleMayStartWithAColon() {
        TestSite site = TestSite.in(dir).file("_config.yml", "sass:\n  style: \":expanded\"\n  sourcemap: never\n")
                .file("a.scss", GROUPS).buildOk();

        assertEquals("a {\n  b: c;\n}\n\na d {\n  e: f;\n}\n\n/* note */\n@media print {\n  a {\n    b: c;\n  }\n}\n",
                site.read("a.css"));
    }

    @Test
    void sassEmbeddedImplementationWritesDartSasssOwnExpandedOutput() {
        TestSite site = TestSite.in(dir).file("_config.yml", "sass:\n  implementation: sass-embedded\n")
                .file("a.scss", "---\n---\na { b: c; d { e: .5em; } }\n/* note */\n@media print { a { b: c; } }\n");
        BuildResult result = site.build();

        assertEquals("", TestSite.printed(result));
        assertEquals("a {\n  b: c;\n}\na d {\n  e: 0.5em;\n}\n\n/* note */\n@media print {\n  a {\n    b: c;\n  }\n}"
                + "\n\n/*# sourceMappingURL=a.css.map */", site.read("a.css"));
    }

    @Test
    void sassEmbeddedImplementationHasNoCompactStyle() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  implementation: sass-embedded\n  style: compact\n  sourcemap: never\n")
                .file("a.scss", "---\n---\np { margin: 0; }\n");
        BuildResult result = site.build();

        assertEquals("_config.yml:3:3: warning: sass style \"compact\" is not one dart-sass writes; using expanded"
                + " (the others are expanded and compressed)", TestSite.printed(result));
        assertEquals("p {\n  margin: 0;\n}\n", site.read("a.css"));
    }

    @Test
    void siteWithoutSassNeverStartsTheCompiler() {
        BuildResult result = TestSite.in(dir)
                .file("_config.yml", "title: t\n")
                .file("index.md", "---\n---\n# Hi\n")
                .file("raw.scss", "p { margin: 0; }\n")
                .build();

        assertTrue(result.ok());
        assertFalse(result.stageTimes().containsKey("sass start"), result.stageTimes().toString());
    }

    @Test
    void siteWithSassStartsTheCompilerOnceForAllItsPages() {
        TestSite site = TestSite.in(dir).file("_config.yml", "sass:\n  sourcemap: never\n");
        for (int i = 0; i < 12; i++) {
            site.file("css/p" + i + ".scss", "---\n---\n$n: " + i + "px;\n.p" + i + " { margin: $n; }\n");
        }
        BuildResult result = site.build();

        assertTrue(result.ok(), TestSite.printed(result));
        assertTrue(result.stageTimes().containsKey("sass start"), result.stageTimes().toString());
        for (int i = 0; i < 12; i++) {
            assertEquals(".p" + i + " { margin: " + i + "px; }\n", site.read("css/p" + i + ".css"));
        }
    }

    @Test
    void pageWithFrontMatterIsNeverImportedAsAPartial() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("_sass/style.scss", ".from-sass-dir { a: b; }\n")
                .file("style.scss", "---\n---\n@import \"style\";\n")
                .buildOk();

        assertEquals(".from-sass-dir { a: b; }\n", site.read("style.css"));
    }

    @Test
    void pagesOwnFolderIsSearchedAfterTheLoadPaths() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "sass:\n  sourcemap: never\n")
                .file("assets/css/_only-here.scss", ".page-folder { a: b; }\n")
                .file("assets/css/_both.scss", ".page-folder { c: d; }\n")
                .file("_sass/_both.scss", ".sass-dir { c: d; }\n")
                .file("assets/css/main.scss", "---\n---\n@import \"only-here\", \"both\";\n")
                .buildOk();

        assertEquals(".page-folder { a: b; }\n\n.sass-dir { c: d; }\n", site.read("assets/css/main.css"));
    }

    @Test
    void compressedNonAsciiStartsWithCharsetOnlyWhenAsked() {
        String page = "---\n---\na::before { content: \"\u00bb\"; }\n";
        TestSite plain = TestSite.in(dir.resolve("plain"))
                .file("_config.yml", "sass:\n  style: compressed\n  sourcemap: never\n")
                .file("a.scss", page)
                .buildOk();
        TestSite charset = TestSite.in(dir.resolve("charset"))
                .file("_config.yml", "sass:\n  style: compressed\n  sourcemap: never\n  add_charset: true\n")
                .file("a.scss", page)
                .buildOk();

        assertEquals("a::before{content:\"\u00bb\"}\n", plain.read("a.css"));
        assertTrue(charset.read("a.css").startsWith("@charset \"UTF-8\";a::before{"), charset.read("a.css"));
    }

    /** The CSS comparison of the sitediff tool: comments and whitespace around punctuation removed. */
    static String cssTokens(String css) {
        String text = COMMENTS.matcher(css).replaceAll("");
        text = SPACE_AROUND.matcher(text).replaceAll("$1");
        return text.replace(";}", "}").replaceAll("\\s+", " ").strip();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SassTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
