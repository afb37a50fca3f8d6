package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries joined with one of the type {@code all} where the stylesheet does not tell the queries
 * around the nested {@code @media}, so that only compiling a marked copy tells them
 * ({@link MarkedQueries}). Each expected CSS is libsass's ({@code SassC::Engine}, style
 * {@code expanded}); the media-all layout cases hold those the stylesheet tells.
 */
class MarkedQueriesIT {
    @TempDir
    Path dir;

    private String compiled(String scss) throws Exception {
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, true, List.of(), false,
                List.of(), false, List.of());
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            return sass.render(dir.resolve("a.scss"), "a.scss", scss, 3, "a.css").css().replaceAll("\n*/\\*# sourceMappingURL.*", "");
        }
    }

    @Test
    void aMixinIncludedInsideAndOutsideAnMediaAllIsJoinedAsEachIncludeGivesIt() throws Exception {
        // dart-sass writes (max-width: 20em) for both includes; libsass only for the first
        assertEquals("@media (max-width: 20em) {\n  a {\n    b: c;\n  }\n}\n\n@media all and (max-width: 20em) {\n  a {\n    b: c;\n  }\n}",
                compiled("@mixin m { @media (max-width: 20em) { a { b: c; } } }\n@include m;\n@media all { @include m; }\n"));
    }

    @Test
    void anMediaInTheBlockAnIncludeGivesIsJoinedWithTheMixinsMedia() throws Exception {
        assertEquals("@media all and (min-width: 5px) {\n  a {\n    b: c;\n  }\n}",
                compiled("@mixin w { @media all { @content; } }\n@include w { @media (min-width: 5px) { a { b: c; } } }\n"));
    }

    @Test
    void anMediaInAnSupportsIsJoinedWithTheMediaAroundIt() throws Exception {
        assertEquals("@media all {\n  @supports (display: grid) {\n    @media all {\n      a {\n        b: c;\n      }\n    }\n  }\n}",
                compiled("@media all { @supports (display: grid) { @media screen { a { b: c; } } } }\n"));
    }

    @Test
    void anMediaThatAlsoHoldsWhatAMixinWroteIsJoinedAsLibsassJoinsIt() throws Exception {
        assertEquals("@media all and (min-width: 5px) {\n  a {\n    b: c;\n  }\n  a e {\n    f: g;\n  }\n}",
                compiled("@mixin d { e { f: g; } }\n@media all { a { @media (min-width: 5px) { @include d; b: c; } } }\n"));
    }
}
