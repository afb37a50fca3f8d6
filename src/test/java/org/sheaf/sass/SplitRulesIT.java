package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules a mixin wrote that only look like a later rule's: where neither the source map nor the
 * count of the blocks the rule's text writes tells which statement wrote them, the CSS stays as
 * dart-sass wrote it rather than move a rule past another statement's. Each comment says what
 * libsass writes instead; the sass-static fixture and the mixin-rules layout case hold the cases
 * that are told for sure, with libsass's output.
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
    void anIfInTheRulesTextBeforeItsLaterPartKeepsTheRuleAfterTheMixinsRules() throws Exception {
        // libsass: .t a { x: 1 }, .t a { c: 3 }, .t a { x: 1 }; whether the @if wrote a block, and
        // so which .t a { x: 1 } is the sibling's, only evaluating it says
        assertEquals(".t a {\n  x: 1;\n}\n.t a {\n  x: 1;\n}\n.t a {\n  c: 3;\n}",
                compiled(".t { a { @include amp; } a { @if 1 == 1 { @include amp; } c: 3; } }"));
    }

    @Test
    void aMixinWithAnIfInTheRulesTextKeepsTheRuleAfterTheMixinsRules() throws Exception {
        // libsass: .s a { x: 1 }, .s a { c: 3 }, .s a { x: 1 }, .s a { x: 1 }
        assertEquals(".s a {\n  x: 1;\n}\n.s a {\n  x: 1;\n}\n.s a {\n  x: 1;\n}\n.s a {\n  c: 3;\n}",
                compiled("@mixin twice { @include amp; @if 1 == 1 { @include amp; } }\n"
                        + ".s { a { @include amp; } a { @include twice; c: 3; } }"));
    }

    @Test
    void afterATopLevelRuleTheRulesOwnDeclarationsComeFirst() throws Exception {
        assertEquals("a {\n  y: 1;\n}\nb {\n  c: 3;\n}\nb {\n  font-size: 1px;\n}\n"
                + "@media (min-width: 10em) {\n  b {\n    font-size: 2px;\n  }\n}",
                compiled("a { y: 1; }\nb { @include fs(1px); c: 3; }"));
    }
}
