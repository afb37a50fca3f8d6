package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Each expected text is what libsass (ruby-sassc, as Jekyll 4.3 uses it) wrote for the source,
 * and each evaluated one what dart-sass wrote; the sass-static fixture holds more, built by both.
 */
class CalcValuesTest {

    private static String written(String declaration, String evaluated) {
        return CalcValues.written(declaration, declaration.indexOf(':') + 2, evaluated, false);
    }

    @Test
    void calcKeepsItsTextWithTheInterpolationsDartSassEvaluated() {
        assertEquals("calc(800px - (30px * 2))",
                written("x: calc(#{$content-width} - (#{$spacing-unit} * 2));", "calc(800px - 30px * 2)"));
        assertEquals("calc(35% - (30px / 2))", written("width: calc(35% - (#{ $s } / 2)) }", "calc(35% - 30px / 2)"));
        assertEquals("calc(100% - (2 * .5em))", written("a: calc(100% - (2 * .5em))", "calc(100% - 1em)"));
        assertEquals("calc(100% - 1064px)", written("a: calc(100% - #{$w + $n});", "calc(100% - 1064px)"));
    }

    @Test
    void calcThatIsNotTheWholeValueKeepsItsTextAndTheRestIsEvaluated() {
        assertEquals("calc(100% - .5em) 0.5em", written("a: calc(100% - .5em) .5em;", "calc(100% - 0.5em) 0.5em"));
        assertEquals("foo(1px, calc(1px + .5em)) 0.5em",
                written("j: foo( 1px ,  calc(1px + .5em) ) .5em;", "foo(1px, calc(1px + 0.5em)) 0.5em"));
        assertEquals("var(--x, calc(1px + .5em))", written("b: var(--x, calc(1px + .5em));", "var(--x, calc(1px + 0.5em))"));
        assertEquals("-webkit-calc(100% - .5em) 0.5em", written("b: -webkit-calc(100% - .5em) .5em;", "-webkit-calc(100% - .5em) 0.5em"));
        assertEquals("calc(100% - .5em) !important", written("d: calc(100% - .5em) !important;", "calc(100% - 0.5em) !important"));
    }

    @Test
    void aFunctionDartSassReadsAsACalculationKeepsItsNameAndItsCalc() {
        assertEquals("Max(264px, calc((100% - 1064px) / 2 + 264px))",
                written("margin-left: Max(\n    #{$nav-width},\n    calc((100% - #{$nav-width + $content-width}) / 2 + #{$nav-width})\n  );",
                        "max(264px, (100% - 1064px) / 2 + 264px)"));
        assertEquals("MAX(1px, 2px)", written("d: MAX(1px, 2px);", "2px"));
        assertEquals("Min(1px, 0.5em)", written("e: Min(1px, .5em);", "min(1px, 0.5em)"));
        assertEquals("clamp(1px, calc(100% - .5em), 3px)",
                written("f: clamp(1px, calc(100% - .5em), 3px);", "clamp(1px, 100% - 0.5em, 3px)"));
        assertEquals("Max(264px, calc(1px + 2px))", written("c: Max(#{$n}, calc(1px + 2px));", "max(264px, 3px)"));
    }

    @Test
    void anInterpolationInsideAWordIsFoundInDartSassesWord() {
        assertEquals("calc(var(--bs-gutter-x) * .5)",
                written("padding-right: calc(var(--#{$prefix}gutter-x) * .5);", "calc(var(--bs-gutter-x) * 0.5)"));
        assertEquals("calc(-.5 * var(--bs-card-cap-padding-x))",
                written("a: calc(-.5 * var(--#{$prefix}card-cap-padding-x));", "calc(-0.5 * var(--bs-card-cap-padding-x))"));
        // two ways to split x-y-z between the interpolations: which is libsass's cannot be told
        assertNull(written("a: calc(var(--#{$a}-#{$b}) * .5);", "calc(var(--x-y-z) * 0.5)"));
        assertNull(written("a: calc(var(--#{$a}#{$b}) * .5);", "calc(var(--xy) * 0.5)"));
    }

    @Test
    void calcTextJoinsItsLinesAndDropsTheSpaceBeforeItsEnd() {
        assertEquals("calc(100% -  .5em)", written("a: calc(100% - \n   .5em);", "calc(100% - 0.5em)"));
        assertEquals("calc( 1px + 2px)", written("h: calc(\n 1px + 2px\n );", "3px"));
        assertEquals("calc(  (100% - 1064px)  /  2)", written("c: calc(  (100% - #{$w})  /  2 ) ;", "calc((100% - 1064px) / 2)"));
        assertEquals("calc((100% - .5em ) * 2)", written("b: calc((100% - .5em ) * 2);", "calc((100% - 0.5em) * 2)"));
    }

    @Test
    void whatLibsassComputesOrCannotBeLinedUpStaysAsDartSassWroteIt() {
        // libsass's own max(): it computes it, or stops on units it cannot compare
        assertNull(written("c: max(.5em, 1px);", "max(0.5em, 1px)"));
        // arithmetic outside calc(), evaluated by each its own way
        assertNull(written("e: Max(.5em, 1px + 2px);", "max(0.5em, 3px)"));
        assertNull(written("g: Calc(1px + 2px);", "3px"));
        // libsass writes a variable in calc() as its name, which no browser reads
        assertNull(written("f: calc(100% - $n) .5em;", "calc(100% - 264px) 0.5em"));
        // interpolations run together, or one that may divide
        assertNull(written("a: calc(#{$a}#{$b} - 1px);", "calc(1px2 - 1px)"));
        assertNull(written("a: calc(#{$a / 2} - 1px);", "calc(1px - 1px)"));
        // what dart-sass wrote is not the source's value
        assertNull(written("a: calc(#{$w} - (#{$s} * 2));", "calc(800px - 30px * 3)"));
        assertNull(written("a: calc(100% - 1px) 2px;", "calc(100% - 1px)"));
        assertNull(written("a: Max(#{$list}, 1px);", "max(1px 2px, 1px)"));
        // strings, and values without a calculation
        assertNull(written("r: calc(100% - .5em) 'x';", "calc(100% - 0.5em) \"x\""));
        assertNull(written("a: $x;", "calc(800px - 30px)"));
        assertNull(written("a: translate(-50%, -.5em);", "translate(-50%, -0.5em)"));
    }

    @Test
    void parenthesesNestedDeeperThanStylesheetsWriteThemAreLeftAlone() {
        String deep = "(".repeat(5000) + "1px" + ")".repeat(5000);
        assertNull(written("a: calc(" + deep + ");", "calc(" + deep + ")"));
        assertNull(written("a: Max(" + deep + ", 1px);", "max(1px, 1px)"));
    }

    @Test
    void numbersAreWrittenAsLibsassWritesTheOnesItEvaluates() {
        assertEquals("0.5em", CalcValues.formatted(".5em"));
        assertEquals("1.5em", CalcValues.formatted("1.50em"));
        assertEquals("10px", CalcValues.formatted("010px"));
        assertEquals("-0.5", CalcValues.formatted("-.5"));
        assertEquals("0.3333333333", CalcValues.formatted("0.333333333333"));
        assertNull(CalcValues.formatted("1e3px"));
    }
}
