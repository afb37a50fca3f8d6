package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only evaluating the stylesheets tells, compiled: which blocks a rule wrote before its
 * later declarations when an {@code @if} or a loop wrote them, and where an {@code @media} whose
 * query matches nothing stood when a mixin, a loop or an {@code @if} wrote it. Each expected CSS
 * is libsass's; the sass-static fixture and the mixin-rules layout case hold the cases the
 * source map tells, with libsass's output.
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
        return compiled("a.scss", MIXINS + scss);
    }

    private String compiled(String name, String text) throws Exception {
        // The order of rules is what these tests hold; the blank lines libsass's layout puts
        // between top-level blocks are LibsassLayoutTest's.
        return ExpandedSass.compiled(dir, name, text).replace("\n\n", "\n");
    }

    @Test
    void anIfInTheRulesTextBeforeItsLaterPartIsCountedByEvaluatingIt() throws Exception {
        // the sibling's rule and the @if's map to the same place; only evaluating the @if tells
        // that it wrote one block, so that c: 3 goes before it
        assertEquals(".t a {\n  x: 1;\n}\n.t a {\n  c: 3;\n}\n.t a {\n  x: 1;\n}",
                compiled(".t { a { @include amp; } a { @if 1 == 1 { @include amp; } c: 3; } }"));
    }

    @Test
    void aMixinWithAnIfInTheRulesTextIsCountedByEvaluatingIt() throws Exception {
        assertEquals(".s a {\n  x: 1;\n}\n.s a {\n  c: 3;\n}\n.s a {\n  x: 1;\n}\n.s a {\n  x: 1;\n}",
                compiled("@mixin twice { @include amp; @if 1 == 1 { @include amp; } }\n"
                        + ".s { a { @include amp; } a { @include twice; c: 3; } }"));
    }

    @Test
    void rulesALoopInAMixinWroteForTheRuleGoAfterItsDeclarations() throws Exception {
        // a-1 and a-2 map to the mixin's &-#{$i}, no selector of the rule's own text
        assertEquals("@media screen {\n  a {\n    s: 8;\n  }\n  a {\n    s: 6;\n  }\n  a-1 {\n    y: 1;\n  }\n"
                + "  a-2 {\n    y: 2;\n  }\n}",
                compiled("@mixin each { @each $i in 1, 2 { &-#{$i} { y: $i; } } }\n"
                        + "@media screen { a { s: 8; } a { @include each; s: 6; } }"));
    }

    @Test
    void aMixinsMediaThatWritesNothingLeavesTheRuleAndItsSupportsToEvaluation() throws Exception {
        // the marked copy writes that @media for its markers, so dart-sass opens the outer one
        // anew for the @supports and writes the rule's end marker before it
        assertEquals("@media screen {\n  i {\n    margin: 1px;\n  }\n  .z i {\n    left: red;\n  }\n"
                + "  @supports (display: grid) {\n    i {\n      margin: 1px;\n    }\n    .z i {\n      left: red;\n    }\n  }\n}",
                compiled("@mixin m($wide) { .z & { left: red; } @media (max-width: 20em) { @if $wide { color: blue; } }"
                        + " margin: 1px; }\n"
                        + "@media screen { i { @include m(false); @supports (display: grid) { @include m(false); } } }"));
    }

    @Test
    void anEmptyMediaQueryFromAMixinClosesTheOuterMedia() throws Exception {
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n}\n@media screen {\n  .z {\n    c: b;\n  }\n}",
                compiled("@mixin pr { @media print { .y { c: g; } } }\n"
                        + "@media screen { .p { q: r; } @include pr; .z { c: b; } }"));
    }

    @Test
    void anEmptyMediaQueryInALoopClosesTheOuterMedia() throws Exception {
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n}\n@media screen {\n  .z {\n    c: b;\n  }\n}",
                compiled("@media screen { .p { q: r; } @each $q in print { @media #{$q} { .y { c: g; } } } .z { c: b; } }"));
    }

    @Test
    void theEndOfAMediaOfTheOutersOwnQueryFromALoopInAMixinClosesTheOuterMedia() throws Exception {
        // the loop's print matches nothing inside screen, and its screen is the outer's own:
        // libsass closes the outer @media before and after what it wrote
        assertEquals("@media screen {\n  .c {\n    q: 2;\n  }\n}\n@media screen {\n  .c .l {\n    c: 2;\n  }\n}\n"
                + "@media screen {\n  .c:hover {\n    t: 3;\n  }\n}",
                compiled("@mixin lm { @each $q in print, screen { @media #{$q} { .l { c: 2; } } } }\n"
                        + "@media screen { .c { @include lm; &:hover { t: 3; } q: 2; } }"));
    }

    @Test
    void anEmptyMediaQueryAnIfLeavesOutKeepsTheOuterMediaWhole() throws Exception {
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n  .c {\n    q: 7;\n  }\n  .z {\n    c: b;\n  }\n}",
                compiled("@mixin pr($on) { @if $on { @media print { w: 1; } } }\n"
                        + "@media screen { .p { q: r; } .c { @include pr(false); q: 7; } .z { c: b; } }"));
    }

    @Test
    void theRulesDeclarationsAfterAnEmptyMediaQueryGoBeforeTheBreak() throws Exception {
        // libsass writes .c's own declarations first and closes the outer @media after .c a,
        // which writes nothing: at its end
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n  .c {\n    q: 7;\n  }\n}",
                compiled("@mixin pr { @media print { w: 1; } }\n"
                        + "@media screen { .p { q: r; } .c { a { @include pr; } q: 7; } }"));
    }

    @Test
    void theDeclarationsOfARulesCopyInANestedMediaGoBeforeTheBreak() throws Exception {
        // libsass writes .i's declarations in the @media where it starts, before .i .k, and
        // closes it after .i .k, where the mixin's @media print stood
        assertEquals("@media screen {\n  .i {\n    w: 0;\n  }\n  .i .k {\n    c: 1;\n  }\n}\n"
                + "@media screen {\n  .i.on {\n    z: 1;\n  }\n}",
                compiled("@mixin pr { @media print { .y { c: g; } } }\n"
                        + ".i { @media screen { .k { c: 1; } @include pr; &.on { z: 1; } w: 0; } }"));
    }

    @Test
    void afterATopLevelRuleTheRulesOwnDeclarationsComeFirst() throws Exception {
        assertEquals("a {\n  y: 1;\n}\nb {\n  c: 3;\n}\nb {\n  font-size: 1px;\n}\n"
                + "@media (min-width: 10em) {\n  b {\n    font-size: 2px;\n  }\n}",
                compiled("a { y: 1; }\nb { @include fs(1px); c: 3; }"));
    }

    @Test
    void aMixinsMediaInARuleInAnOuterMediaHoldsOnlyTheRulesCss() throws Exception {
        // dart-sass writes the joined @media after the outer one, where the rule's evaluation
        // has ended; evaluation tells that all in it is the rule's, so c: r joins x: 1 and x: 2
        assertEquals("@media print and (min-width: 1px) {\n  .u {\n    x: 1;\n    x: 2;\n    c: r;\n  }\n"
                + "  .u-k {\n    z: b;\n  }\n}",
                compiled("@mixin lp { @media (min-width: 1px) { @for $i from 1 through 2 { x: $i; } &-k { z: b; } c: r; } }\n"
                        + "@media print { .u { @include lp; } }"));
    }

    @Test
    void aSupportsInAMixinsMediaInARuleInAnOuterMediaHoldsOnlyTheRulesCss() throws Exception {
        // so does the @supports inside that @media: w: 0 goes before p b #h there
        assertEquals("@media print and (min-width: 1px) {\n  p b {\n    x: 1;\n  }\n  @supports (display: grid) {\n"
                + "    p b {\n      w: 0;\n    }\n    p b #h {\n      c: b;\n    }\n  }\n}",
                compiled("@mixin lp { @media (min-width: 1px) { x: 1; @supports (display: grid) { #h { c: b; } w: 0; } } }\n"
                        + "@mixin lb { b { @for $i from 1 through 1 { @include lp; } } }\n"
                        + "@media print { p { @include lb; } }"));
    }

    @Test
    void aRuleWhoseDeclarationsAMixinAboveWroteStaysInItsMedia() throws Exception {
        // the rule maps below its declaration, which the mixin's text above wrote
        assertEquals("@media screen {\n  .r {\n    color: 1;\n  }\n  .s {\n    y: 2;\n  }\n}",
                compiled("@mixin d { color: 1; }\n@media screen { .r { @include d; } .s { y: 2; } }"));
    }

    @Test
    void theEndOfAMediaOfTheOutersOwnQueryAfterTheRuleWentOnClosesTheOuterMedia() throws Exception {
        // .u's part after i stands before the media i wrote: each evaluation of the mixin's
        // @media is told by the order of what they wrote, and libsass closes the outer after .u
        assertEquals("@media screen {\n  .u i {\n    y: 1;\n  }\n}\n@media screen {\n  .u {\n    y: 1;\n  }\n}\n"
                + "@media screen {\n  .k {\n    x: 0;\n  }\n}",
                compiled("a.scss", "@mixin m0 { @media all { y: 1; } }\n"
                        + "@media screen { .u { i { @include m0; } @include m0; } .k { x: 0; } }"));
    }

    @Test
    void everyPartOfTheRuleAroundALoopsEmptyMediaQueriesGoesBeforeEachBreak() throws Exception {
        // dart-sass writes a's declarations in a copy after each b; libsass writes them all
        // first and closes the outer @media where each print stood
        assertEquals("@media screen {\n  a {\n    y: 1;\n    y: 1;\n  }\n}\n@media screen {\n  a b {\n    c: 1;\n  }\n}\n"
                + "@media screen {\n  a b {\n    c: 1;\n  }\n}",
                compiled("a.scss", "@media screen { a { @each $q in print, print { @media #{$q} { m: 1; } b { c: 1; } y: 1; } } }"));
    }

    @Test
    void anEmptyMediaQueryFromAMixinInTheIndentedSyntaxClosesTheOuterMedia() throws Exception {
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n}\n@media screen {\n  .z {\n    c: b;\n  }\n}",
                compiled("a.sass", "=pr\n  @media print\n    .y\n      c: g\n@media screen\n  .p\n    q: r\n  +pr\n  .z\n    c: b\n"));
    }

    @Test
    void theEndOfAMixinsMediaOfTheOutersOwnQueryInTheIndentedSyntaxClosesTheOuterMedia() throws Exception {
        // a rule of a selector of its own after the end of the mixin's @media screen goes
        // where em goes, which tells that em follows that end: libsass opens @media screen again
        assertEquals("@media screen {\n  .t .t {\n    m: 0;\n  }\n}\n@media screen {\n  .t .t {\n    c: 1;\n  }\n}\n"
                + "@media screen {\n  .t .u {\n    y: 1;\n  }\n}\n@media screen {\n  .t em {\n    w: 1;\n  }\n}",
                compiled("a.sass", "=m\n  @media screen\n    .t\n      @media all\n        c: 1\n      m: 0\n    .u\n      y: 1\n"
                        + ".t\n  @media screen\n    +m\n    em\n      w: 1\n"));
    }

    @Test
    void theEndOfAMediaOfTheOutersOwnQueryInAMixinsRuleInTheIndentedSyntaxClosesTheOuterMedia() throws Exception {
        // a rule & after the end of .u's @media screen goes where b > i goes: libsass opens
        // @media screen again for it
        assertEquals("@media screen {\n  b .u {\n    l: b;\n  }\n}\n@media screen {\n  b > i {\n    x: 1;\n  }\n}\n"
                + "@media screen {\n  @supports (display: grid) {\n    b {\n      y: 2;\n    }\n  }\n}",
                compiled("a.sass", "=m\n  .u\n    @media screen\n      l: b\n"
                        + "b\n  @media screen\n    @media screen\n      +m\n      & > i\n        x: 1\n"
                        + "    @supports (display: grid)\n      y: 2\n"));
    }

    @Test
    void theRulesCopiesANestedMediasEvaluationWroteGoBeforeTheBreakAfterIt() throws Exception {
        // in the marked copy a marker after the mixin's i goes into a copy of a #h of its own,
        // and x: 1 into another; libsass writes the rule's copies as one where the left-out
        // @media starts, before the break
        assertEquals("a #h {\n  m: 0;\n}\n@media print {\n  a #h {\n    x: 1;\n  }\n}\n"
                + "@media print {\n  a #h i {\n    z: 0;\n  }\n  a #h.on {\n    y: 1;\n  }\n}",
                compiled("a.scss", "@mixin m { i { z: 0; } x: 1; }\n"
                        + "a { #h { @media print { @media screen and (min-width: 5px) { w: 0; } @include m; &.on { y: 1; } } m: 0; } }"));
    }

    @Test
    void anEmptyMediaQueryBetweenTwoIncludesOfOneMixinClosesTheOuterMediaBetweenTheirRules() throws Exception {
        // both .k .u map to the mixin's text, which does not tell which include wrote the one
        // before the left-out @media; evaluating the stylesheet does
        assertEquals("@media screen {\n  .k {\n    c: 1;\n    c: 1;\n  }\n  .k .u {\n    w: 2;\n  }\n}\n"
                + "@media screen {\n  .k .u {\n    w: 2;\n  }\n}",
                compiled("@mixin m { c: 1; .u { w: 2; } }\n"
                        + ".k { @media screen { @include m; @media print { y: 3; } @include m; } }"));
    }

    @Test
    void anEmptyMediaQueryInAnIfAfterACopyOfTheOuterMediaClosesIt() throws Exception {
        // the marker where the @media left out stood opens a copy of @media screen that the
        // real CSS does not have, i going into the copy a went into
        assertEquals("@media screen and (min-width: 1px) {\n  .n {\n    x: 1;\n  }\n}\n"
                + "@media screen {\n  a {\n    b: 1;\n  }\n}\n@media screen {\n  i {\n    z: 3;\n  }\n}",
                compiled("@media screen { .n { @media (min-width: 1px) { x: 1; } } a { b: 1; } "
                        + "@if true { @media print { /* c */ } } i { z: 3; } }"));
    }

    @Test
    void theEndOfAMixinsMediaOfTheOutersOwnQueryInNoRuleOfItsTextClosesTheOuterMedia() throws Exception {
        // the end's marker goes into the copy of b that p's @media left behind; a rule after the
        // end goes where .t goes
        assertEquals("@media screen {\n  b {\n    x: 1;\n  }\n}\n@media screen {\n  b p {\n    m: 0;\n  }\n}\n"
                + "@media screen and (max-width: 20em) {\n  b p {\n    l: 1;\n  }\n}\n"
                + "@media screen {\n  b i {\n    w: 0;\n  }\n}\n@media screen {\n  b .t {\n    c: 0;\n  }\n}",
                compiled("@mixin m { @media screen { p { @media (max-width: 20em) { l: 1; } m: 0; } i { w: 0; } } .t { c: 0; } }\n"
                        + "@media screen { b { x: 1; @include m; } }"));
    }

    @Test
    void anEmptyMediaQueryWhoseIncludesWriteNothingKeepsTheOuterMediaWhole() throws Exception {
        // dart-sass does not evaluate what the left-out @media holds; a probing compilation does
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n  .c {\n    q: 7;\n  }\n  .z {\n    c: b;\n  }\n}",
                compiled("@mixin pr($on) { @if $on { .y { c: g; } } }\n"
                        + "@media screen { .p { q: r; } .c { @media print { @include pr(false); } q: 7; } .z { c: b; } }"));
        assertEquals("@media screen {\n  .p {\n    q: r;\n  }\n  .c {\n    q: 7;\n  }\n}\n@media screen {\n  .z {\n    c: b;\n  }\n}",
                compiled("@mixin pr($on) { @if $on { .y { c: g; } } }\n"
                        + "@media screen { .p { q: r; } .c { @media print { @include pr(true); } q: 7; } .z { c: b; } }"));
    }

    @Test
    void anEmptyMediaQueryInAnMediaInsideSupportsClosesThatMedia() throws Exception {
        assertEquals("@supports (display: grid) {\n  .a {\n    b: c;\n  }\n  @media screen {\n    .p {\n      q: r;\n    }\n  }\n"
                + "  @media screen {\n    .z {\n      c: b;\n    }\n  }\n}",
                compiled("@supports (display: grid) { .a { b: c; } @media screen { .p { q: r; } @media print { .y { c: g; } } "
                        + ".z { c: b; } } }"));
        // inside an @supports inside the @media, libsass leaves the @media whole
        assertEquals("@media screen {\n  @supports (display: grid) {\n    .p {\n      q: r;\n    }\n    .z {\n      c: b;\n    }\n  }\n}",
                compiled("@media screen { @supports (display: grid) { .p { q: r; } @media print { .y { c: g; } } .z { c: b; } } }"));
    }

    /** An {@code @media} in an {@code @supports} that an {@code @media} holds, around one nested in it. */
    private static final String MEDIA_IN_SUPPORTS_IN_MEDIA = """
            @media screen {
              @supports (display: grid) {
                @media (min-width: 1px) {
                  .a { x: 1; }
                  @media %s {
                    %s
                  }
                  .c { z: 3; }
                }
              }
            }
            """;

    @Test
    void anMediaInSupportsInAnMediaIsClosedAroundOneLeftOutAndAtTheEndOfOneOfItsOwnQuery() throws Exception {
        // the comment is the nested @media's, of the outer's own query once joined: libsass writes
        // it in an @media of its own, where dart-sass goes on writing in the one it opened
        assertEquals("@media screen {\n  @supports (display: grid) {\n    @media screen and (min-width: 1px) {\n"
                + "      .a {\n        x: 1;\n      }\n    }\n    @media screen and (min-width: 1px) {\n      /* c */\n    }\n"
                + "    @media screen and (min-width: 1px) {\n      .c {\n        z: 3;\n      }\n    }\n  }\n}",
                compiled(MEDIA_IN_SUPPORTS_IN_MEDIA.formatted("screen", "/* c */")));
        // print inside screen matches nothing
        assertEquals("@media screen {\n  @supports (display: grid) {\n    @media screen and (min-width: 1px) {\n"
                + "      .a {\n        x: 1;\n      }\n    }\n"
                + "    @media screen and (min-width: 1px) {\n      .c {\n        z: 3;\n      }\n    }\n  }\n}",
                compiled(MEDIA_IN_SUPPORTS_IN_MEDIA.formatted("print", ".b { y: 2; }")));
    }

    @Test
    void inCompactAnMediaLeftOutOfAnMediaInSupportsInAnMediaLeavesALineBetweenItsParts() throws Exception {
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, SassRenderer.Layout.COMPACT,
                false, List.of(), false, List.of(), false, List.of(), List.of(), false);
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            assertEquals("@media screen { @supports (display: grid) { @media screen and (min-width: 1px) { .a { x: 1; } }\n"
                    + "    \n    @media screen and (min-width: 1px) { .c { z: 3; } } } }\n",
                    sass.render(dir.resolve("a.scss"), "a.scss", MEDIA_IN_SUPPORTS_IN_MEDIA.formatted("print", ".b { y: 2; }"),
                            1, "a.css").css());
        }
    }

    @Test
    void inCompactEachMediaLeftOutOfAnMediaInsideSupportsLeavesALineThere() throws Exception {
        // evaluation finds the two a loop and a mixin wrote; libsass holds each among the
        // @supports's items, and compact starts a line for each
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, SassRenderer.Layout.COMPACT,
                false, List.of(), false, List.of(), false, List.of(), List.of(), false);
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            assertEquals("@supports (display: grid) {\n  @media screen { .p { q: r; } }\n  \n  \n"
                    + "  @media screen { .z { c: b; } } }\n",
                    sass.render(dir.resolve("a.scss"), "a.scss", "@mixin pr { @media print { .y { c: g; } } }\n"
                            + "@supports (display: grid) { @media screen { @each $q in print { @media #{$q} { .y { c: g; } } }"
                            + " .p { q: r; } @include pr; @include pr; .z { c: b; } } }", 1, "a.css").css());
        }
    }

    @Test
    void inCompactEachMediaLeftOutOfSupportsInsideAnMediaLeavesALineWhereEvaluationReachedIt() throws Exception {
        // a mixin, a loop, a rule around the @supports, the indented syntax: the stylesheet alone
        // does not tell where the @media stood among the @supports's blocks
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, SassRenderer.Layout.COMPACT,
                false, List.of(), false, List.of(), false, List.of(), List.of(), false);
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            assertEquals("@media screen { @supports (display: grid) { .p { q: r; }\n    \n    .z { c: b; } } }\n",
                    sass.render(dir.resolve("a.scss"), "a.scss", "@mixin pr { @media print { .y { c: g; } } }\n"
                            + "@media screen { @supports (display: grid) { .p { q: r; } @include pr; .z { c: b; } } }",
                            1, "a.css").css());
            assertEquals("@media screen { @supports (display: grid) {\n    .p { q: r; } } }\n",
                    sass.render(dir.resolve("b.scss"), "b.scss", "@media screen { @supports (display: grid) { "
                            + "@each $q in print { @media #{$q} { .y { c: g; } } } .p { q: r; } } }", 1, "b.css").css());
            // libsass writes the rule's declarations before what is nested in it
            assertEquals("@media screen { @supports (display: grid) { .t { w: 1; }\n    } }\n",
                    sass.render(dir.resolve("c.scss"), "c.scss",
                            "@media screen { .t { @supports (display: grid) { @media print { c: g; } w: 1; } } }", 1, "c.css").css());
            assertEquals("@media screen { .t { x: 2; } @supports (display: grid) { .t { w: 1; }\n    } }\n",
                    sass.render(dir.resolve("d.sass"), "d.sass", "@media screen\n  .t\n    @supports (display: grid)\n"
                            + "      @media print\n        c: g\n      w: 1\n    x: 2\n", 1, "d.css").css());
            // each one left out of an @media that then writes nothing leaves its own line
            assertEquals("@media (min-width: 10px) { @supports (display: grid) { .a { x: 1; }\n    \n    \n    b { c: d; } } }\n",
                    sass.render(dir.resolve("e.scss"), "e.scss",
                            "@mixin pr { @media print { @media screen { /* c */ } @media screen { /* c */ } } }\n"
                            + "@media (min-width: 10px) { @supports (display: grid) { .a { x: 1; } @include pr; b { c: d; } } }",
                            1, "e.css").css());
            // dart-sass does not evaluate what the one left out holds; libsass holds each @media
            // in it that writes something as well
            assertEquals("@media screen { @supports (display: grid) { .k { x: 0; }\n    \n    } }\n",
                    sass.render(dir.resolve("h.scss"), "h.scss", "@mixin pr { @media print { @media all { x: 1; } y: 2; } }\n"
                            + "@media screen { @supports (display: grid) { .k { x: 0; } .a { @include pr; } } }", 1, "h.css").css());
            // a rule's later part, which libsass writes first, goes before the line where the
            // rule was under way when the @media was reached, and after it where it began later
            String print = "@mixin pr { @media print { x: 1; } }\n";
            assertEquals("@media screen { @supports (display: grid) {\n    .t { c: d; }\n    .t .u { a: b; } } }\n",
                    sass.render(dir.resolve("f.scss"), "f.scss", print
                            + "@media screen { @supports (display: grid) { @include pr; .t { .u { a: b; } c: d; } } }",
                            1, "f.css").css());
            assertEquals("@media screen { @supports (display: grid) { .w { e: f; }\n    .w .t { c: d; }\n    .w .t .u { a: b; }\n    } }\n",
                    sass.render(dir.resolve("g.scss"), "g.scss", print
                            + "@media screen { @supports (display: grid) { .w { .t { .u { a: b; } @include pr; c: d; } e: f; } } }",
                            1, "g.css").css());
        }
    }

    @Test
    void inCompactEachPartOfAnMediaLeftOutInsideAnMediaOfATopLevelSupportsLeavesALine() throws Exception {
        // the @media print around the one left out writes nothing at all: dart-sass leaves no
        // trace of either, and libsass parts the one left out around each @media nested in it
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, SassRenderer.Layout.COMPACT,
                false, List.of(), false, List.of(), false, List.of(), List.of(), false);
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            assertEquals("@supports (display: grid) {\n  \n  \n  .d { e: f; } }\n",
                    sass.render(dir.resolve("a.scss"), "a.scss", "@supports (display: grid) { @media print { @media screen { "
                            + "/* c */ @media (min-width: 1px) { /* d */ } /* e */ } } .d { e: f; } }", 1, "a.css").css());
            assertEquals("@supports (display: grid) {\n  .p { q: 1; }\n  \n  .p { q: 2; } }\n",
                    sass.render(dir.resolve("b.sass"), "b.sass", "@supports (display: grid)\n  @each $i in 1, 2\n"
                            + "    @media screen\n      @media print\n        /* c */\n    .p\n      q: $i\n", 1, "b.css").css());
            // an @media in a rule goes after the rule, which ends the part
            assertEquals("@supports (display: grid) {\n  \n  \n  .d { e: f; } }\n",
                    sass.render(dir.resolve("c.scss"), "c.scss", "@supports (display: grid) { @media print { @media screen { "
                            + "a { b: c; @media (min-width: 1px) { d: e; } } b { f: g; } } } .d { e: f; } }", 1, "c.css").css());
            // so too where the @media around it wrote something, and libsass closes it there
            assertEquals("@supports (display: grid) { @media screen { .p { q: r; } }\n  \n  \n  @media screen { .z { c: b; } } }\n",
                    sass.render(dir.resolve("d.scss"), "d.scss", "@mixin pr { @media print { .y { c: g; } "
                            + "@media (min-width: 1px) { x: 1; } } }\n"
                            + "@supports (display: grid) { @media screen { .p { q: r; } @include pr; .z { c: b; } } }", 1, "d.css").css());
            // reached in a rule, whose parts hold all the @media writes, the @media nested in it
            // going after them: one part for it, one for the nested one
            String inRule = "@mixin m { a { @media print { #h { c: d; } @media all { w: none; } x: 1px; } } }\n";
            assertEquals("@supports (display: grid) { @media screen { .k { x: 0; } }\n  \n  \n  @media screen { .z { c: b; } } }\n",
                    sass.render(dir.resolve("e.scss"), "e.scss", inRule
                            + "@supports (display: grid) { @media screen { .k { x: 0; } @include m; .z { c: b; } } }", 1, "e.css").css());
            assertEquals("@media screen { @supports (display: grid) { .k { x: 0; }\n    \n    \n    .z { c: b; } } }\n",
                    sass.render(dir.resolve("f.scss"), "f.scss", inRule
                            + "@media screen { @supports (display: grid) { .k { x: 0; } @include m; .z { c: b; } } }", 1, "f.css").css());
            // an @if that does not hold writes nothing: the @media in it is not a part
            assertEquals("@supports (display: grid) { @media screen { .k { x: 0; } }\n  \n  @media screen { .z { c: b; } } }\n",
                    sass.render(dir.resolve("g.scss"), "g.scss", "@mixin m { a { @media print { @if 1 == 2 { "
                            + "@media (color) { w: none; } } x: 1px; } } }\n"
                            + "@supports (display: grid) { @media screen { .k { x: 0; } @include m; .z { c: b; } } }", 1, "g.css").css());
        }
    }

    @Test
    void aRuleALoopWritesAgainKeepsEachEvaluationsDeclarationsInItsOwnRule() throws Exception {
        // the second em maps to the first's place: evaluation tells it began a rule of its own
        assertEquals(".w em {\n  w: 1;\n}\n.z .w em {\n  y: 1;\n}\n.w em {\n  w: 1;\n}\n.z .w em {\n  y: 2;\n}",
                compiled("@for $i from 1 through 2 { .w { em { w: 1; .z & { y: $i; } } } }"));
    }

    @Test
    void aLaterPartALoopWritesAgainGoesBeforeItsOwnEvaluationsBlocksInEitherSyntax() throws Exception {
        String expected = ".n {\n  y: 1;\n  y: 2;\n}\n@media all {\n  .n {\n    y: 0;\n  }\n}\n"
                + ".n {\n  y: 1;\n  y: 2;\n}\n@media all {\n  .n {\n    y: 0;\n  }\n}";
        assertEquals(expected, compiled("@each $i in a, b { .n { @media all { y: 0; } @for $k from 1 through 2 { y: $k; } } }"));
        assertEquals(expected, compiled("a.sass", "@each $i in a, b\n  .n\n    @media all\n      y: 0\n"
                + "    @for $k from 1 through 2\n      y: $k\n"));
    }

    @Test
    void aRuleAMixinWritesAgainInAnMediaStaysAfterTheEarlierEvaluationsBlocks() throws Exception {
        // the second p.on { z: 0 } is written where its evaluation began, after the first's p.on b,
        // which maps inside the same rule: evaluation tells it is no later part; libsass's output
        assertEquals("@media screen {\n  p.on {\n    z: 0;\n  }\n}\n@media screen and (min-width: 1px) {\n  p.on {\n    w: 1;\n  }\n}\n"
                + "@media screen {\n  p.on b {\n    y: 1;\n  }\n  p.on {\n    z: 0;\n  }\n}\n"
                + "@media screen and (min-width: 1px) {\n  p.on {\n    w: 1;\n  }\n}\n@media screen {\n  p.on b {\n    y: 1;\n  }\n}",
                compiled("@mixin m { &.on { @media (min-width: 1px) { w: 1; } b { y: 1; } z: 0; } }\n"
                        + "@media screen { p { @include m; @include m; } }"));
    }

    @Test
    void rulesAnIndentedMixinWroteGoAfterTheRulesDeclarationsAsEvaluationTells() throws Exception {
        // the mixin's @if writes its rules with the rule's selector: only evaluating it tells how many
        assertEquals(".w .v {\n  color: 1;\n}\n.w .v > i {\n  z-index: red;\n}\n.z .w .v {\n  y: 0 4px;\n}\n"
                + ".z .w .v:hover {\n  y: 0 4px;\n}\n.z .w .v:hover-k {\n  left: 1;\n}\n.w .v-k #h {\n  y: red;\n  y: 1;\n}\n"
                + ".z .w .v-k {\n  y: 0 4px;\n  w: red;\n}\n.w .v-k.on {\n  w: red;\n  w: 1;\n}",
                compiled("a.sass", "@mixin mx0($on: true, $v: 1)\n  .z &\n    &:hover\n      &-k\n        left: 1\n      @content\n"
                        + "    @content\n  &-k\n    #h\n      y: red\n      y: $v\n    @if not $on\n      .z &\n        @content\n"
                        + "        w: red\n      &.on\n        w: red\n        w: 1\n    @else\n      & > i\n        left: auto\n"
                        + "      color: 2px\n.w .v\n  & > i\n    z-index: red\n  @include mx0(false)\n    y: 0 4px\n  color: 1\n"));
    }

    @Test
    void declarationsAMixinWritesAfterARuleWhoseSelectorDoesNotStartWithTheRulesJoinTheRule() throws Exception {
        // .z & maps to the mixin, and its selector does not start with b: evaluating tells it is b's
        assertEquals("b {\n  y: 2em;\n  margin: none;\n  y: none;\n}\n.z b {\n  w: none;\n}",
                compiled("a.scss", "@mixin fade { y: 2em; .z & { w: none; } margin: none; }\nb { @include fade; y: none; }\n"));
    }

    @Test
    void laterPartsOfARuleThatBeganWithALoopJoinTheFirstOfThemAfterItMoved() throws Exception {
        assertEquals(".u {\n  color: a;\n  color: b;\n  x: 1;\n  left: 1px;\n}\n.u .t {\n  color: none;\n}\n.u .t {\n  color: none;\n}",
                compiled("a.scss", "@mixin tail { x: 1; }\n"
                        + ".u { @each $i in a, b { .t { color: none; } color: $i; } @include tail; left: 1px; }\n"));
    }

    @Test
    void aLaterPartInAnAtRuleAMixinOpenedInTheRuleGoesFirstThere() throws Exception {
        // the @media screen of m1 opens inside i's evaluation: all it holds before i's margin is i's
        assertEquals("/* c9 */\n/* c1 */\ni {\n  w: 0 4px;\n  left: red;\n  z-index: auto;\n}\n@media screen {\n  i {\n"
                + "    margin: 0 4px;\n  }\n  i i-k {\n    z-index: 1px;\n    z-index: 2em;\n  }\n  @supports not (display: flex) {\n"
                + "    i i-k {\n      x: auto;\n      y: none;\n      color: 0;\n    }\n  }\n  i .t {\n    color: 0;\n  }\n}\n"
                + "@media screen and (max-width: 20em) {\n  i .t {\n    y: auto;\n    color: red;\n  }\n  i .t p {\n    y: red;\n  }\n}\n"
                + "@media screen {\n  i .t b.on {\n    color: blue;\n    margin: red;\n  }\n}",
                compiled("a.sass", "@mixin m0()\n  i\n    &-k\n      z-index: 1px\n      @supports not (display: flex)\n        x: auto\n"
                        + "        y: none\n        color: 0\n      z-index: 2em\n  .t\n    @media (max-width: 20em)\n      y: auto\n"
                        + "      p\n        y: red\n      color: red\n    b\n      &.on\n        color: blue\n        margin: red\n"
                        + "      @if 1 == 2\n        margin: 1px\n        w: 0\n    color: 0\n@mixin m1($on1)\n  w: 0 4px\n"
                        + "  @media screen\n    @include m0()\n    margin: 0 4px\n  left: red\n/* c9 */\n/* c1 */\n"
                        + "i\n  @include m1(true)\n  z-index: auto\n"));
    }

    @Test
    void aLaterPartInAnAtRuleOfAnIndentedMixinTheRuleIncludesGoesFirstThere() throws Exception {
        // the mixin's @supports opens while b is evaluated, after its @media: all it holds is b's
        String expected = "@media screen and (max-width: 20em) {\n  b {\n    color: 0;\n  }\n}\n@media screen {\n"
                + "  @supports (display: grid) {\n    b {\n      x: blue;\n    }\n    b.on {\n      margin: 1px;\n    }\n"
                + "    b.on p {\n      y: 1px;\n    }\n  }\n}";
        assertEquals(expected, compiled("a.sass", "@mixin m0\n  @media (max-width: 20em)\n    color: 0\n"
                + "  @supports (display: grid)\n    &.on\n      p\n        y: 1px\n      margin: 1px\n    x: blue\n"
                + "@media screen\n  b\n    @include m0\n"));
        assertEquals(expected, compiled("a.scss", "@mixin m0 { @media (max-width: 20em) { color: 0; } "
                + "@supports (display: grid) { &.on { p { y: 1px; } margin: 1px; } x: blue; } }\n"
                + "@media screen { b { @include m0; } }\n"));
    }

    @Test
    void aPageWithoutWhatEvaluationTellsCompilesOnceInEitherSyntax() throws Exception {
        try (SassRenderer sass = new SassRenderer(ExpandedSass.SETTINGS, dir, dir)) {
            sass.render(dir.resolve("a.scss"), "a.scss", MIXINS + "a { b: 1; c { d: 2; } e: 3; }\n"
                    + "@media screen { a { @include fs(1px); } }", 1, "a.css");
            assertEquals(1, sass.compilations());
            sass.render(dir.resolve("b.sass"), "b.sass", "a\n  b: 1\n  c\n    d: 2\n  e: 3\n@media screen\n  a\n    b: 1\n", 1, "b.css");
            assertEquals(2, sass.compilations());
            // an @media nested in the indented syntax may name a media type: evaluation tells
            sass.render(dir.resolve("c.sass"), "c.sass", "@media screen\n  a\n    b: 1\n  @media print\n    c\n      d: 2\n  e\n    f: 3\n", 1,
                    "c.css");
            assertEquals(4, sass.compilations());
        }
    }

    @Test
    void aRuleAnExtendWroteSelectorsIntoKeepsItsLaterDeclarationsFirst() throws Exception {
        // .on.t, which @extend wrote after .k.on, holds neither of the rule's selectors; libsass's output
        assertEquals(".k, .t {\n  x: 1;\n  z: 3;\n}\n.k.on, .on.t {\n  y: 2;\n}",
                compiled(".k { x: 1; &.on { y: 2; } z: 3; }\n.t { @extend .k; }"));
    }

    @Test
    void rulesAMixinWroteWithSelectorsAnExtendWoveGoAfterTheRulesDeclarations() throws Exception {
        // i b .u .t, which @extend wrote after b .u .k, does not start with the rule's b; libsass's output
        assertEquals("b {\n  x: 1;\n  w: 2;\n}\nb .u {\n  y: 1;\n}\nb .u .k, b .u i .t, i b .u .t {\n  z: 1;\n}",
                compiled("@mixin m { .u { y: 1; .k { z: 1; } } }\nb { x: 1; @include m; w: 2; }\ni { .t { @extend .k; } }"));
    }

    @Test
    void aRuleWhosePlaceholderAnExtendJoinedToANestedCompoundKeepsItsLaterDeclarationsFirst() throws Exception {
        // extending writes .t after the .on of %p's &.on; libsass's output
        assertEquals(".t {\n  x: 1;\n  z: 3;\n}\n.on.t {\n  y: 2;\n}",
                compiled("%p { x: 1; &.on { y: 2; } z: 3; }\n.t { @extend %p; }"));
    }

    @Test
    void theEndOfANestedMediaOfTheOuterQueryClosesAnMediaInsideATopLevelSupportsWithoutALineInCompact() throws Exception {
        // dart-sass goes on writing .z in the @media it opened for the nested one; libsass closes
        // the outer @media where the nested one ends, and in compact holds no line for it
        String scss = "@supports (display: grid) { @media screen { @media screen { .a { x: 1; } } .z { y: 2; } } }";
        assertEquals("@supports (display: grid) {\n  @media screen {\n    .a {\n      x: 1;\n    }\n  }\n"
                + "  @media screen {\n    .z {\n      y: 2;\n    }\n  }\n}", compiled("a.scss", scss));
        SassRenderer.Settings settings = new SassRenderer.Settings(OutputStyle.EXPANDED, SassRenderer.Layout.COMPACT,
                false, List.of(), false, List.of(), false, List.of(), List.of(), false);
        try (SassRenderer sass = new SassRenderer(settings, dir, dir)) {
            assertEquals("@supports (display: grid) { @media screen { .a { x: 1; } }\n  @media screen { .z { y: 2; } } }\n",
                    sass.render(dir.resolve("b.scss"), "b.scss", scss, 1, "b.css").css());
        }
    }

    @Test
    void theEndOfANestedMediaOfTheOuterQueryIsWhereWhatFollowsItWentAfterAllItWrote() throws Exception {
        // what the mixin writes after its own nested @media goes into a copy of the @media at
        // the end, while a comment at the end of the nested @media goes back into the block of
        // the rule written before that copy; libsass closes the outer @media after all of it
        assertEquals("@media screen {\n  p {\n    w: none;\n  }\n}\n@media screen and (min-width: 10px) {\n  p {\n"
                + "    left: 1px;\n  }\n}\n@media screen {\n  @supports not (display: flex) {\n    p {\n      z-index: red;\n"
                + "    }\n  }\n}\n@media screen {\n  @supports (display: grid) {\n    p {\n      x: 0;\n    }\n  }\n}",
                compiled("a.scss", "@mixin m { @media (min-width: 10px) { left: 1px; } w: none; "
                        + "@supports not (display: flex) { z-index: red; } }\n"
                        + "@media screen { p { @media screen { @include m; } @supports (display: grid) { x: 0; } } }"));
    }

    @Test
    void aLaterPartInAnMediaOfAMixinIncludedInAnMediaNestedInTheRuleGoesFirstThere() throws Exception {
        // the rule's end marker stands before the copy of the @media nested in it, where the
        // mixin's @media is reached; m3's two includes, whose @media copies stand in another
        // order than their markers, keep each rule's part where it was; libsass's output
        String em = "@media all and (max-width: 20em) and (min-width: 5px) {\n  em {\n    left: 0;\n  }\n"
                + "  @supports (display: grid) {\n    em .u {\n      w: none;\n    }\n  }\n}\n"
                + "@media all and (max-width: 20em) {\n  @supports not (display: flex) {\n"
                + "    @media all and (max-width: 20em) and (min-width: 5px) {\n      em #h {\n        left: 0;\n      }\n"
                + "      @supports (display: grid) {\n        em #h .u {\n          w: none;\n        }\n      }\n    }\n  }\n}";
        assertEquals("@media all {\n  .t {\n    x: none;\n  }\n  .t-k {\n    z-index: 2em;\n  }\n}\n" + em + "\n" + em,
                compiled("@mixin m0() { @media screen { &-k { z-index: 2em; } x: none; } }\n"
                        + "@media all { .t { @media all { @include m0(); } } }\n"
                        + "@mixin m2() { @media screen and (min-width: 5px) { @supports (display: grid) { .u { w: none; } } left: 0; } }\n"
                        + "@mixin m3() { @include m2; #h { @supports not (display: flex) { @include m2; } } }\n"
                        + "@media (max-width: 20em) { em { @media all { @include m3; @include m3; } } }"));
    }

    @Test
    void aLoopsMediaThatAnotherIncludeLeavesOutStillTellsWhereTheLaterPartsGo() throws Exception {
        // the loop's two @media in b em open a copy each; those of the include in print write
        // nothing, so the markers do not pair one for one over the page; libsass's output
        assertEquals("@media all and (min-width: 5px) {\n  b em {\n    margin: auto;\n  }\n  .z b em {\n    color: blue;\n  }\n}\n"
                + "@media all and (min-width: 5px) {\n  b em {\n    margin: auto;\n  }\n  .z b em {\n    color: blue;\n  }\n}",
                compiled("@mixin m0() { @each $i1 in b, a { @media screen and (min-width: 5px) { .z & { color: blue; } margin: auto; } } }\n"
                        + "@mixin m1() { em { @include m0(); } }\n"
                        + "b { @media all { @media all { @include m1(); } } }\n"
                        + ".t { & > i { @media print { @include m0(); } } }"));
    }

    @Test
    void aLoopsMediaIncludedAfterAnMediaOfTheRuleThatIncludesItTooTellsWhereTheLaterPartsGo() throws Exception {
        // the second include writes its @media markers into em's block before the copies the
        // first wrote in (min-width: 10px), though evaluated after them; libsass's output
        String each = "  b em {\n    margin: auto;\n  }\n  .z b em {\n    left: 0;\n  }\n}";
        assertEquals("@media all and (min-width: 10px) {\n" + each + "\n@media all and (min-width: 10px) {\n" + each
                + "\n@media all {\n" + each + "\n@media all {\n" + each,
                compiled("@mixin m0() { @each $i in 1, 2 { @media screen { .z & { left: 0; } margin: auto; } } }\n"
                        + "b { @media all { em { @media (min-width: 10px) { @include m0(); } @include m0(); } } }\n"
                        + "i { @media print { @include m0(); } }"));
    }

    @Test
    void anMediaThatWritesNothingButItsMarkersStillLetsEvaluationTell() throws Exception {
        // the markers of the @media in screen make dart-sass close screen around them, where the
        // CSS holds one screen; evaluation still tells where .u began; libsass's output
        assertEquals("@supports not (display: flex) {\n  .u {\n    color: red;\n  }\n  .u a {\n    x: blue;\n  }\n}\n"
                + "@media screen {\n  b {\n    left: 0;\n  }\n  .t {\n    z-index: auto;\n  }\n}",
                compiled("@mixin m0() { @supports not (display: flex) { a { x: blue; } color: red; } }\n"
                        + "@mixin m1() { .u { @include m0(); } }\n@include m1();\n"
                        + "@media screen { b { left: 0; } @media (max-width: 20em) { @if 1 == 2 { b { color: blue; } } } .t { z-index: auto; } }"));
    }

    @Test
    void aLaterPartAfterTheCopyOfAnMediaWhoseQueryIsTheOutersGoesBeforeItsNestedRules() throws Exception {
        // all in print is print, so dart-sass writes the first evaluation's copy of em in the
        // print where the second begins; w: 1px is no part of that copy; libsass's output
        String each = "@media print {\n  em {\n    w: 1px;\n  }\n  em p {\n    left: red;\n  }\n}\n"
                + "@media print {\n  em {\n    w: auto;\n  }\n}";
        assertEquals(each + "\n" + each,
                compiled("@mixin m0() { em { p { left: red; } @media all { w: auto; } w: 1px; } }\n"
                        + "@media print { @each $i in a, c { @include m0(); } }"));
    }

    @Test
    void anMediaOfTheOutersQueryThatWritesNothingButItsMarkersStillLetsEvaluationTell() throws Exception {
        // screen in screen and (min-width: 5px) is the outer's query: dart-sass goes on writing
        // i in the copy it opened for the markers; evaluation still tells where b began;
        // libsass's output
        assertEquals("b {\n  color: blue;\n}\n.z b {\n  left: 0;\n}\n.z b .t {\n  w: 1;\n}\n"
                + "@media screen and (min-width: 5px) {\n  .t {\n    w: 1;\n  }\n  i {\n    y: red;\n  }\n}",
                compiled("@mixin m0() { @media screen { @if 1 == 2 { x: red; } } }\n"
                        + "@mixin m2() { .t { w: 1; @include m0(); } }\n"
                        + "b { .z & { @include m2(); left: 0; } color: blue; }\n"
                        + "@media screen and (min-width: 5px) { @include m2(); i { y: red; } }"));
    }

    @Test
    void theEndOfAnMediaOfTheOutersQueryWritingOnlyItsMarkerStillLetsEvaluationTell() throws Exception {
        // the end marker of the @media holding a makes dart-sass open the outer @media again,
        // where the CSS goes on in one; evaluation still tells that each p i is an evaluation of
        // its own; libsass's output
        String each = "p i {\n  left: 2em;\n}\np i .k {\n  y: 1px;\n}\n";
        assertEquals(each + each + each + "@media screen and (max-width: 20em) {\n  /* c9 */\n}\n"
                + "@media screen and (max-width: 20em) {\n  a {\n    left: auto;\n  }\n}\n"
                + "@media screen and (max-width: 20em) {\n  .u {\n    z-index: 2em;\n  }\n}",
                compiled("""
                @mixin m1() {
                  @each $i in a, b, c {
                    i {
                      left: 2em;
                      .k {
                        y: 1px;
                      }
                    }
                  }
                }
                p {
                  @include m1();
                }
                @media screen {
                  @media (max-width: 20em) {
                    @media screen {
                      @media screen {
                        /* c9 */
                      }
                      a {
                        left: auto;
                      }
                    }
                    .u {
                      z-index: 2em;
                    }
                  }
                }
                """));
    }

    @Test
    void aNestedRuleThatWritesNothingLeavesTheRuleWhole() throws Exception {
        // dart-sass starts a new part after the empty #h; libsass's output
        assertEquals(".u {\n  left: 0;\n  left: none;\n}", compiled(".u { left: 0; #h { } left: none; }"));
    }

    @Test
    void aNestedRuleThatWritesNothingLeavesEachEvaluationOfALoopOrAMixinWhole() throws Exception {
        // each evaluation's parts join, and no evaluation's into another's; libsass's output
        assertEquals(".u {\n  left: 0;\n  left: none;\n}\n.u {\n  left: 0;\n  left: none;\n}\n"
                + ".v {\n  left: 1;\n  left: 2;\n  x: none;\n}\n.v {\n  left: 1;\n  left: 2;\n  x: none;\n}",
                compiled("@each $i in a, b { .u { left: 0; #h { } left: none; } }\n"
                        + "@mixin m() { .v { @for $i from 1 through 2 { left: $i; #h { } } x: none; } }\n"
                        + "@include m;\n@include m;"));
    }

    @Test
    void aNestedRuleThatWritesNothingInAnMediaAMixinOpenedInTheRuleLeavesTheRuleWhole() throws Exception {
        // em stands in a mixin, so evaluation is asked: the @media opened while em was evaluated
        // holds only its CSS; libsass's output
        assertEquals("@media all {\n  .u em {\n    left: 0;\n    left: none;\n  }\n}",
                compiled("@mixin m0 { @media all { left: 0; #h { } left: none; } }\n"
                        + "@mixin m2 { em { @include m0; } }\n.u { @include m2; }"));
    }

    @Test
    void anMediaLeftOutAfterACopyOfTheRulesNestedMediaClosesTheOuterAfterWhatWasWrittenSince() throws Exception {
        // the @media print's marker goes into em's first block, before the copy @media all
        // wrote; libsass closes the outer @media after em:hover; libsass's output
        assertEquals("@media screen {\n  em {\n    x: 1;\n  }\n}\n@media screen {\n  em:hover {\n    y: 1;\n  }\n}\n"
                + "@media screen {\n  em-k {\n    c: 0;\n  }\n}",
                compiled("@mixin pr { &:hover { y: 1; } @media print { z: 2; } }\n"
                        + "@media screen { em { @media all { x: 1; } @include pr; &-k { c: 0; } } }"));
    }

    @Test
    void eachEvaluationOfAnMediaLeftOutClosesTheOuterWhereItWasReached() throws Exception {
        // the @media print is reached three times, its markers in two blocks out of the order of
        // evaluation; libsass's output
        assertEquals("@media screen {\n  em {\n    c: 2;\n  }\n  em:hover {\n    y: 1;\n  }\n}\n"
                + "@media screen {\n  em:hover {\n    y: 1;\n  }\n}\n@media screen {\n  em {\n    x: 1;\n  }\n}\n"
                + "@media screen {\n  em:hover {\n    y: 1;\n  }\n}\n@media screen {\n  em-k {\n    c: 0;\n  }\n}",
                compiled("@mixin pr { &:hover { y: 1; } @media print { z: 2; } @content; }\n"
                        + "@mixin m { @media all { c: 2; @include pr; } @include pr { @media all { x: 1; } @include pr; } }\n"
                        + "@media screen { em { @include m; &-k { c: 0; } } }"));
    }

    @Test
    void aRulesDeclarationsAfterAnMediaLeftOutThatEvaluationFoundStayWithItsFirstOnes() throws Exception {
        // w: 3 and b: 2 go with a: 1, before the copies, as libsass writes them; libsass's output
        assertEquals("@media screen {\n  em {\n    a: 1;\n    w: 3;\n    b: 2;\n  }\n}\n@media screen {\n  em {\n    x: 1;\n  }\n}\n"
                + "@media screen {\n  em:hover {\n    y: 1;\n  }\n}\n@media screen {\n  em-k {\n    c: 0;\n  }\n}",
                compiled("@mixin pr { &:hover { y: 1; } @media print { z: 2; } w: 3; }\n"
                        + "@media screen { em { a: 1; @media all { x: 1; } @include pr; b: 2; &-k { c: 0; } } }"));
    }

    @Test
    void anMediaLeftOutBetweenTwoCommentsClosesTheOuterBetweenThem() throws Exception {
        // an @media that holds only comments: libsass closes it after c6; the end of the
        // @media all, after c8, closes nothing before c8, though .u's later part joined its
        // first; libsass's output
        assertEquals("@media print {\n  /* c6 */\n}\n@media print {\n  /* c1 */\n  /* c7 */\n}\n"
                + "@media screen and (min-width: 10px) and (max-width: 20em) {\n  /* c4 */\n}\n"
                + "@media screen and (min-width: 10px) {\n  .u {\n    z: 1;\n    y: 1;\n  }\n  .u #h {\n    y: 2;\n  }\n  /* c8 */\n}",
                compiled("@mixin m2() { @media print { /* c6 */ @content; /* c7 */ } }\n"
                        + "@include m2() { @media screen { x: 1; } /* c1 */ }\n"
                        + "@mixin u { .u { @if 1 == 1 { z: 1; #h { y: 2; } } y: 1; } }\n"
                        + "@media (min-width: 10px) { @media screen { @media (max-width: 20em) { /* c4 */ } "
                        + "@media all { @include u; /* c8 */ } } }"));
    }

    @Test
    void anMediaLeftOutBetweenTwoCommentsOfANestedMediaOfTheOutersQueryClosesTheOuterBetweenThem() throws Exception {
        // the @media all's copy is the outer's own query; libsass's output
        assertEquals("@media print {\n  /* c6 */\n}\n@media print {\n  /* c1 */\n}",
                compiled("@mixin m2() { @media print { @media all { /* c6 */ @content; } } }\n"
                        + "@include m2() { @media screen { p { x: 1; } } /* c1 */ }"));
    }
}
