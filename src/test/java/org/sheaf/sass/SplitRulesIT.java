package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules a mixin wrote that only look like a later rule's: where the source map cannot tell which
 * statement wrote them, the CSS stays as dart-sass wrote it rather than move a rule past another
 * statement's. Each comment says what libsass writes instead; the sass-static fixture holds the
 * cases that are told for sure, with libsass's output.
 */
class SplitRulesIT {
    private static final String MIXINS = """
            @mixin mq($w) { @media (min-width: $w) { @content; } }
            @mixin fs($s) { & { font-size: $s; } @include mq(10em) { font-size: $s * 2; } }
            @mixin amp { & { x: 1; } }
            """;

    @TempDir
    Path dir;

    private String compiled(String scss) throws Exception {
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, true, List.of(), false,
                List.of(), false, List.of());
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            String css = sass.render(dir.resolve("a.scss"), "a.scss", MIXINS + scss, 3, "a.css").css();
            // The order of rules is what these tests hold; the blank lines libsass's layout puts
            // between top-level blocks are LibsassLayoutTest's.
            return css.substring(0, css.indexOf("\n\n/*# sourceMappingURL")).replace("\n\n", "\n");
        }
    }

    @Test
    void theSameMixinInTheSiblingRuleJustBeforeKeepsItsPlace() throws Exception {
        // libsass: .t a { x: 1 }, .t a { c: 3 }, .t a { x: 1 }; which .t a { x: 1 } is whose, the
        // map does not say
        assertEquals(".t a {\n  x: 1;\n}\n.t a {\n  x: 1;\n}\n.t a {\n  c: 3;\n}",
                compiled(".t { a { @include amp; } a { @include amp; c: 3; } }"));
    }

    @Test
    void aSiblingRuleWithDeclarationsOfItsOwnDoesNotMarkWhereTheRuleBegins() throws Exception {
        // libsass: .u a { y: 1 }, .u a { x: 1 }, .u a { c: 3 }, .u a { x: 1 }
        assertEquals(".u a {\n  y: 1;\n}\n.u a {\n  x: 1;\n}\n.u a {\n  x: 1;\n}\n.u a {\n  c: 3;\n}",
                compiled(".u { a { y: 1; @include amp; } a { @include amp; c: 3; } }"));
    }

    @Test
    void aTopLevelIncludeWhoseMixinMayIncludeTheRulesMixinsAfterItsContentKeepsTheRuleAfterTheMixinsRules() throws Exception {
        // libsass: b { z: 1 }, b { font-size: 1px } and its @media, b { c: 3 }, b { font-size: 2px }
        // and its @media; whether the @if wrote the first b { font-size }, the outline does not say
        assertEquals("b {\n  z: 1;\n}\nb {\n  font-size: 1px;\n}\n@media (min-width: 10em) {\n  b {\n    font-size: 2px;\n  }\n}\n"
                + "b {\n  font-size: 2px;\n}\n@media (min-width: 10em) {\n  b {\n    font-size: 4px;\n  }\n}\nb {\n  c: 3;\n}",
                compiled("@mixin then-fs($on) { @content; @if $on { b { @include fs(1px); } } }\n"
                        + "@include then-fs(true) { b { z: 1; } }\nb { @include fs(2px); c: 3; }"));
    }

    @Test
    void afterATopLevelRuleTheRulesOwnDeclarationsComeFirst() throws Exception {
        assertEquals("a {\n  y: 1;\n}\nb {\n  c: 3;\n}\nb {\n  font-size: 1px;\n}\n"
                + "@media (min-width: 10em) {\n  b {\n    font-size: 2px;\n  }\n}",
                compiled("a { y: 1; }\nb { @include fs(1px); c: 3; }"));
    }
    @Test
    void aStatementBetweenThatIncludesTheSameMixinKeepsTheRuleAfterTheMixinsRules() throws Exception {
        // libsass: .v:hover { q: 1 }, .v b { x: 1 }, .v b { c: 3 }, .v b { x: 1 }; the .v:hover
        // before the two .v b { x: 1 } does not say which of them the second b wrote
        assertEquals(".v:hover {\n  q: 1;\n}\n.v b {\n  x: 1;\n}\n.v b {\n  x: 1;\n}\n.v b {\n  c: 3;\n}",
                compiled(".v { &:hover { q: 1; } b { @include amp; } b { @include amp; c: 3; } }"));
    }
}
