package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The marked copy and how its CSS is read back; SplitRulesIT compiles such copies with dart-sass.
 */
class EvaluationTest {
    private static final String URL = "file:///site/a.scss";

    /**
     * Every place evaluation is read at: a rule's start and end, the inside of a top-level
     * {@code @media}, and before, inside and at the end of an {@code @media} nested in a rule,
     * then after it in a rule {@code & { }} of its own, which dart-sass writes where what follows
     * the {@code @media} goes, where a comment would go back into the block of the rule written
     * before. Before the nested {@code @media}, a marker in {@code @at-root} too, which goes
     * after all that was written so far; those two and the one inside the nested {@code @media}
     * name the evaluation by a {@code unique-id()}.
     */
    @Test
    void marksEachRulesStartAndEndTheInsideOfATopLevelMediaAndANestedMediaBeforeInsideAtItsEndAndAfter() {
        Evaluation.Marked marked = Evaluation.marked(Map.of(URL,
                "a { b: 1; @media print { c: 2 } }\n@media screen { d { e: 3 } }\nf { font: { size: 1px } }"));
        assertEquals("a {/*!sheaf-eval:0*/ b: 1; $sheaf-eval-1: unique-id(); /*!sheaf-eval:2:#{$sheaf-eval-1}*/ "
                + "@at-root {/*!sheaf-eval:1:#{$sheaf-eval-1}*/} @media print {/*!sheaf-eval:3:#{$sheaf-eval-1}*/ c: 2 ;/*!sheaf-eval:4*/"
                + "& {/*!sheaf-eval:5*/}} ;/*!sheaf-eval:6*/}\n"
                + "@media screen {/*!sheaf-eval:7*/ d {/*!sheaf-eval:8*/ e: 3 ;/*!sheaf-eval:9*/} }\n"
                + "f {/*!sheaf-eval:10*/ font: { size: 1px } ;/*!sheaf-eval:11*/}", marked.texts().get(URL));
        assertEquals(List.of(Evaluation.Kind.RULE, Evaluation.Kind.REACHED, Evaluation.Kind.MEDIA, Evaluation.Kind.INSIDE,
                Evaluation.Kind.MEDIA_END, Evaluation.Kind.AFTER, Evaluation.Kind.END, Evaluation.Kind.OPEN, Evaluation.Kind.RULE,
                Evaluation.Kind.END, Evaluation.Kind.RULE, Evaluation.Kind.END),
                marked.marks().stream().map(Evaluation.Mark::kind).toList());
        assertEquals(10, marked.marks().get(1).at());
        assertEquals(10, marked.marks().get(2).at());
    }

    @Test
    void aStylesheetInTheIndentedSyntaxIsMarkedWithLinesOfTheirOwn() {
        String url = "file:///site/_b.sass";
        Evaluation.Marked marked = Evaluation.marked(Map.of(url, "a\n  b: 1\n  @media print\n    c: 2\n+m\n  d\n    e: 3"));
        assertEquals("a\n  /*!sheaf-eval:0*/\n  b: 1\n  $sheaf-eval-1: unique-id()\n  /*!sheaf-eval:2:#{$sheaf-eval-1}*/\n"
                + "  @at-root\n    /*!sheaf-eval:1:#{$sheaf-eval-1}*/\n  @media print\n    /*!sheaf-eval:3:#{$sheaf-eval-1}*/\n    c: 2\n"
                + "    /*!sheaf-eval:4*/\n    &\n      /*!sheaf-eval:5*/\n  /*!sheaf-eval:6*/\n"
                + "+m\n  d\n    /*!sheaf-eval:7*/\n    e: 3\n    /*!sheaf-eval:8*/\n",
                marked.texts().get(url));
        assertEquals(List.of(Evaluation.Kind.RULE, Evaluation.Kind.REACHED, Evaluation.Kind.MEDIA, Evaluation.Kind.INSIDE,
                Evaluation.Kind.MEDIA_END, Evaluation.Kind.AFTER, Evaluation.Kind.END, Evaluation.Kind.RULE, Evaluation.Kind.END),
                marked.marks().stream().map(Evaluation.Mark::kind).toList());
    }

    @Test
    void aRuleBeganWhereItsMarkerStandsThoughItsBlockHeldNothingElse() {
        // .t { a { @include amp; } a { @if 1 == 1 { @include amp; } c: 3; } }, amp writing & { x: 1 }
        String source = ".t { a { @include amp; } a { @if 1 == 1 { @include amp; } c: 3; } }";
        Evaluation.Marked marked = Evaluation.marked(Map.of(URL, source));
        int second = source.indexOf("a {", 10);
        String rule0 = marker(marked, source.indexOf("a {"), Evaluation.Kind.RULE);
        String rule1 = marker(marked, second, Evaluation.Kind.RULE);
        String markedCss = ".t a {\n  x: 1;\n}\n.t a { " + rule1 + " }\n.t a {\n  x: 1;\n}\n.t a {\n  c: 3;\n}";
        String css = ".t a {\n  x: 1;\n}\n.t a {\n  x: 1;\n}\n.t a {\n  c: 3;\n}";
        Evaluation evaluation = Evaluation.read(markedCss, marked, css);
        assertNotNull(evaluation);
        // the second rule's evaluation began at the second block, and has no first part
        assertEquals(new Evaluation.Start(1, false), evaluation.ruleStart(-1, 2, URL, second));
        assertNull(evaluation.ruleStart(-1, 2, URL, source.indexOf("a {")), rule0 + " was not written");
    }

    @Test
    void aMediaLeftOutBreaksItsTopLevelMediaAfterTheRuleAround() {
        String source = "@mixin pr { @media print { w: 1; } }\n@media screen { .p { q: r; } .c { @include pr; } .z { c: b; } }";
        Evaluation.Marked marked = Evaluation.marked(Map.of(URL, source));
        String media = marker(marked, source.indexOf("@media print"), Evaluation.Kind.MEDIA);
        String c = marker(marked, source.indexOf(".c {"), Evaluation.Kind.RULE);
        String markedCss = "@media screen {\n  .p {\n    q: r;\n  }\n  .c { " + c + " " + media + " }\n  .z {\n    c: b;\n  }\n}";
        String css = "@media screen {\n  .p {\n    q: r;\n  }\n  .z {\n    c: b;\n  }\n}";
        Evaluation evaluation = Evaluation.read(markedCss, marked, css);
        assertNotNull(evaluation);
        assertEquals(List.of(new Evaluation.Break(1, Set.of(), true, 1, 0)), evaluation.breaks(0));
    }

    @Test
    void aMediaWhoseInsideFollowsWasWrittenAndBreaksNothing() {
        String source = "@media screen { .p { q: r; } .c { @media (color) { w: 1; } } .z { c: b; } }";
        Evaluation.Marked marked = Evaluation.marked(Map.of(URL, source));
        String media = marker(marked, source.indexOf("@media (color)"), Evaluation.Kind.MEDIA);
        String inside = marker(marked, source.indexOf("@media (color)"), Evaluation.Kind.INSIDE);
        String markedCss = "@media screen {\n  .p {\n    q: r;\n  }\n  .c { " + media + " }\n}\n"
                + "@media screen and (color) {\n  .c {\n    " + inside + "\n    w: 1;\n  }\n}\n"
                + "@media screen {\n  .z {\n    c: b;\n  }\n}";
        String css = "@media screen {\n  .p {\n    q: r;\n  }\n}\n@media screen and (color) {\n  .c {\n    w: 1;\n  }\n}\n"
                + "@media screen {\n  .z {\n    c: b;\n  }\n}";
        Evaluation evaluation = Evaluation.read(markedCss, marked, css);
        assertNotNull(evaluation);
        assertEquals(List.of(), evaluation.breaks(0));
    }

    @Test
    void cssWhoseBlocksDoNotLineUpTellsNothing() {
        Evaluation.Marked marked = Evaluation.marked(Map.of(URL, "a { b: 1; }"));
        assertNull(Evaluation.read("a {\n  b: 1;\n}\nc {\n  d: 2;\n}", marked, "a {\n  b: 1;\n}"));
    }

    /** The marker comment of the given kind for the statement at {@code at}. */
    private static String marker(Evaluation.Marked marked, int at, Evaluation.Kind kind) {
        for (int k = 0; k < marked.marks().size(); k++) {
            Evaluation.Mark mark = marked.marks().get(k);
            if (mark.at() == at && mark.kind() == kind) {
                return "/*!sheaf-eval:" + k + "*/";
            }
        }
        throw new AssertionError("no " + kind + " marker at " + at);
    }
}
