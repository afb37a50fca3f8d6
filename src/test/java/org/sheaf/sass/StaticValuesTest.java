package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A value is given back its source's text only when that text is the value dart-sass wrote; the
 * sass-static fixture holds libsass's own output for each kind of value.
 */
class StaticValuesTest {

    @Test
    void numbersCompareByValueAndStringsByText() {
        assertTrue(StaticValues.sameValue(".5em 0 .25em", "0.5em 0 0.25em"));
        assertTrue(StaticValues.sameValue("'Myriad Pro', a,b", "\"Myriad Pro\", a, b"));
        assertTrue(StaticValues.sameValue("+.5em", "+0.5em"));
        assertTrue(StaticValues.sameValue("'\\201C'", "\"\u201c\""));
        assertTrue(StaticValues.sameValue("'\\f101'", "\"\\f101\""));
        assertFalse(StaticValues.sameValue("'\\201D'", "\"\u201c\""));
        assertTrue(StaticValues.sameValue(".8em/1.5 'x' !important", "0.8em/1.5 \"x\" !important"));
    }

    @Test
    void aDifferentValueIsNeverTheSame() {
        assertFalse(StaticValues.sameValue(".5em", "0.5px"));
        assertFalse(StaticValues.sameValue(".5em .5em", "1em"));
        assertFalse(StaticValues.sameValue("'a' 'b'", "\"ab\""));
        assertFalse(StaticValues.sameValue("#FFF", "#fff"));
    }

    @Test
    void calcKeepsItsParenthesesWithTheInterpolationsDartSassEvaluated() {
        assertEquals("calc(800px - (30px * 2))",
                StaticValues.calc("x: calc(#{$content-width} - (#{$spacing-unit} * 2));", 3, "calc(800px - 30px * 2)"));
        assertEquals("calc(35% - (30px / 2))",
                StaticValues.calc("width: calc(35% - (#{ $s } / 2)) }", 7, "calc(35% - 30px / 2)"));
        assertEquals("calc(100% - (2 * .5em))", StaticValues.calc("a: calc(100% - (2 * .5em))", 3, "calc(100% - 1em)"));
    }

    @Test
    void calcWithMoreThanVariablesOrNotTheWholeValueStaysAsDartSassWroteIt() {
        assertNull(StaticValues.calc("a: calc(#{$a * 2} - 1px);", 3, "calc(2px - 1px)"));
        assertNull(StaticValues.calc("a: calc(#{$a}#{$b} - 1px);", 3, "calc(1px2 - 1px)"));
        assertNull(StaticValues.calc("a: calc(100% - $x);", 3, "calc(100% - 1px)"));
        assertNull(StaticValues.calc("a: calc(100% - 1px) 2px;", 3, "calc(100% - 1px)"));
        assertNull(StaticValues.calc("a: calc(#{$w} - (#{$s} * 2));", 3, "calc(800px - 30px * 3)"));
        assertNull(StaticValues.calc("a: $x;", 3, "calc(800px - 30px)"));
    }
}
