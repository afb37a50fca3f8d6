package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
        return ExpandedSass.compiled(dir, "a.scss", scss);
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

    @Test
    void anMediaWhoseOuterOneDartSassOpensAgainAfterANestedBlockIsJoinedAsLibsassJoinsIt() throws Exception {
        // dart-sass writes .t in the nested @media and opens a copy of it for .k after the print
        // one, the map placing both at the nested @media: the copy keeps the outer's query
        assertEquals("@media all and (max-width: 20em) {\n  i {\n    left: 2em;\n  }\n}\n\n"
                + "@media (max-width: 20em) {\n  i .t {\n    x: 0;\n  }\n}\n\n"
                + "@media print and (max-width: 20em) {\n  i .t {\n    y: 1;\n  }\n}\n\n"
                + "@media (max-width: 20em) {\n  i .t .k {\n    w: 0;\n  }\n}",
                compiled("@mixin m { @content; .t { x: 0; @media print { y: 1; } .k { w: 0; } } }\n"
                        + "i { @media (max-width: 20em) { @include m { @media all { left: 2em; } } } }\n"));
    }

    @Test
    void thePartOfAnMediaOpenedAgainAfterANestedOneOfItsQueryIsJoinedAsTheFirstPart() throws Exception {
        // libsass closes @media all around the nested screen one, whose query is its own, and
        // opens it again for .u > i, where dart-sass goes on writing the outer in the nested one
        assertEquals("@media all {\n  .u {\n    margin: none;\n  }\n}\n\n@media all {\n  .u > i {\n    left: red;\n  }\n}",
                compiled("@mixin w { @media all { @content; } }\n"
                        + "@include w { @media screen { .u { @media screen { margin: none; } & > i { left: red; } } } }\n"));
    }

    @Test
    void thePartOfAnMediaOpenedAgainForBlocksAMixinWroteIsJoinedAsTheMarkedCopyTellsIt() throws Exception {
        // the part after the nested @media all holds only what the mixin wrote, outside any
        // @media of the stylesheet: the marked CSS, @media for @media, names its statements
        assertEquals("@media all and (max-width: 20em) {\n  .u {\n    y: 2;\n  }\n}\n\n"
                + "@media all and (max-width: 20em) {\n  .u {\n    x: 1;\n  }\n}\n\n"
                + "@media all and (max-width: 20em) {\n  em {\n    z: 3;\n  }\n}",
                compiled("@mixin m { .u { @media all { x: 1; } y: 2; } em { z: 3; } }\n"
                        + "@media all { @media (max-width: 20em) { @include m; } }\n"));
    }

    @Test
    void anMediaThatHoldsOnlyOneCommentIsJoinedAsLibsassJoinsIt() throws Exception {
        // dart-sass writes such an @media on one line, @media print { /* c */ }
        assertEquals("@media all {\n  /* c */\n}", compiled("@media all { @media print { /* c */ } }\n"));
    }
}
