package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aWordsEscapesCompareAsReadWithTheSpaceThatEndsAHexEscape() {
        assertTrue(StaticValues.sameValue("auto\\9", "auto\\9 "));
        assertTrue(StaticValues.sameValue("1px\\9  auto", "1px\\9   auto"));
        assertFalse(StaticValues.sameValue("0\\9 auto", "0\\9  auto"));
        assertTrue(StaticValues.sameValue("a\\:b", "a\\:b"));
        assertFalse(StaticValues.sameValue("auto\\9", "auto\\a "));
        assertTrue(StaticValues.sameValue("auto\\9 x", "auto\\9x"));
        assertFalse(StaticValues.sameValue("auto\\9 x", "auto\\9  x"));
    }

    @Test
    void aDifferentValueIsNeverTheSame() {
        assertFalse(StaticValues.sameValue(".5em", "0.5px"));
        assertFalse(StaticValues.sameValue(".5em .5em", "1em"));
        assertFalse(StaticValues.sameValue("'a' 'b'", "\"ab\""));
        assertFalse(StaticValues.sameValue("#FFF", "#fff"));
    }
}
