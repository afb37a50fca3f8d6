package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code @media} dart-sass opens anew for a comment after an {@code @media} nested in it,
 * compiled: joined into the one before it where libsass writes one. Each expected CSS is
 * libsass's ({@code ruby -rsassc}, expanded).
 */
class CommentCopiesIT {
    @TempDir
    Path dir;

    private String compiled(String scss) throws Exception {
        return ExpandedSass.compiled(dir, "a.scss", scss);
    }

    @Test
    void aCommentAfterTheRulesThatFollowANestedMediaStaysInTheirMedia() throws Exception {
        assertEquals("@media screen and (min-width: 5px) {\n  i {\n    x: 1;\n  }\n}\n\n"
                + "@media screen {\n  .u {\n    y: 2;\n  }\n  /* c */\n  .v {\n    y: 3;\n  }\n}",
                compiled("@media screen {\n  @media (min-width: 5px) { i { x: 1; } }\n  .u { y: 2; }\n  /* c */\n"
                        + "  .v { y: 3; }\n}\n"));
    }

    @Test
    void aCommentALoopWritesThereStaysInTheirMediaToo() throws Exception {
        assertEquals("@media screen and (min-width: 5px) {\n  i {\n    x: 1;\n  }\n}\n\n"
                + "@media screen {\n  .u {\n    y: 2;\n  }\n  /* c */\n  /* c */\n}",
                compiled("@media screen {\n  @media (min-width: 5px) { i { x: 1; } }\n  .u { y: 2; }\n"
                        + "  @for $i from 1 through 2 {\n    /* c */\n  }\n}\n"));
    }

    @Test
    void aCommentAfterAnMediaLeftOutStaysInAnMediaOfItsOwn() throws Exception {
        // libsass closes the outer @media around the nested one whose query matches nothing
        assertEquals("@media screen and (min-width: 5px) {\n  i {\n    x: 1;\n  }\n}\n\n"
                + "@media screen {\n  .u {\n    y: 2;\n  }\n}\n\n@media screen {\n  /* c */\n}",
                compiled("@media screen {\n  @media (min-width: 5px) { i { x: 1; } }\n  .u { y: 2; }\n"
                        + "  @media print { .p { z: 1; } }\n  /* c */\n}\n"));
    }

    @Test
    void theCommentThatStartsTheNextRunOfALoopStartsItsOwnMedia() throws Exception {
        String nested = "@media screen and (min-width: 5px) {\n  i {\n    x: 1;\n  }\n}\n\n";
        assertEquals(nested + "@media screen {\n  .u {\n    y: a;\n  }\n}\n\n@media screen {\n  /* c */\n}\n\n"
                + nested + "@media screen {\n  .u {\n    y: b;\n  }\n}",
                compiled("@each $i in a, b {\n  @media screen {\n    @if $i == b {\n      /* c */\n    }\n"
                        + "    @media (min-width: 5px) { i { x: 1; } }\n    .u { y: $i; }\n  }\n}\n"));
    }

    @Test
    void aCommentAMixinWritesInALoopStaysWithTheRuleTheLoopWroteBefore() throws Exception {
        // the comment stands before that rule in the text: evaluation tells it follows the rule
        String nested = "@media screen and (min-width: 5px) {\n  .u {\n    x: 1;\n  }\n}\n\n";
        assertEquals("@media screen {\n  /* c */\n}\n\n" + nested
                + "@media screen {\n  i {\n    w: 1;\n  }\n  /* c */\n}\n\n" + nested
                + "@media screen {\n  i {\n    w: 2;\n  }\n}",
                compiled("@mixin m { /* c */ .u { @media (min-width: 5px) { x: 1; } } }\n"
                        + "@media screen {\n  @for $i from 1 through 2 {\n    @include m;\n    i { w: $i; }\n  }\n}\n"));
    }

    @Test
    void aCommentStaysWithTheRuleAfterTheEndOfANestedMediaOfTheOuterQuery() throws Exception {
        // libsass closes the @media where the nested one ends, and writes the rule after it and
        // the comment of the loop's next run in one @media
        String nested = "@media screen {\n  a {\n    x: 1;\n  }\n}\n\n";
        assertEquals("@media screen {\n  /* c */\n  a {\n    y: 2;\n  }\n}\n\n" + nested
                + "@media screen {\n  i {\n    w: 1;\n  }\n  /* c */\n  a {\n    y: 2;\n  }\n}\n\n" + nested
                + "@media screen {\n  i {\n    w: 2;\n  }\n}",
                compiled("@media screen {\n  @for $i from 1 through 2 {\n    /* c */\n"
                        + "    a { @media screen { x: 1; } y: 2; }\n    i { w: $i; }\n  }\n}\n"));
    }
}
