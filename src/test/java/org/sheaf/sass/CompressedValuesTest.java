package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Computed values as libsass's compressed style writes them; each expected text is what libsass
 * 3.6 wrote for the stylesheet's value named in the comment (see also the
 * {@code sass-compressed-values} fixture).
 */
class CompressedValuesTest {

    @Test
    void commaListLosesItsSpacesButFunctionArgumentsKeepThem() {
        // $l with $l: -apple-system, "Segoe UI", sans-serif
        assertEquals("-apple-system,\"Segoe UI\",sans-serif",
                CompressedValues.compressed("-apple-system, \"Segoe UI\", sans-serif", "$l"));
        // translate(0.5px, $s) scale3d(1, 1, 1) with $s: #c0c0c0
        assertEquals("translate(0.5px, silver) scale3d(1, 1, 1)", CompressedValues.compressed(
                "translate(0.5px, #c0c0c0) scale3d(1, 1, 1)", "translate(0.5px, $s) scale3d(1, 1, 1)"));
    }

    @Test
    void colourIsItsNameUnlessTheHexIsShorterButANameWrittenThereStays() {
        String written = "$s #008080 #ff0000 gray white #FFFFFF black #123456 #abc";
        assertEquals("silver teal red gray white #fff black #123456 #abc",
                CompressedValues.compressed("#c0c0c0 #008080 #ff0000 gray white #FFFFFF black #123456 #abc", written));
        // $w with $w: white; $t with $t: transparent
        assertEquals("#fff", CompressedValues.compressed("white", "$w"));
        assertEquals("rgba(0,0,0,0)", CompressedValues.compressed("transparent", "$t"));
    }

    @Test
    void hexWithNoShorterFormKeepsItsSpelling() {
        // $m with $m: #A2E1DB, as Minimal Mistakes' mint skin writes its footer colour
        assertEquals("#A2E1DB 1px #fff", CompressedValues.compressed("#A2E1DB 1px #FFFFFF", "$m 1px $w"));
    }

    @Test
    void colourThatIsNotOpaqueIsRgbaWithoutSpaces() {
        String written = "rgba(0, 0, 0, 0.04) transparent rgba(0, 0, 0, 1)";
        assertEquals("rgba(0,0,0,0.04) transparent #000", CompressedValues.compressed(written, written));
    }

    @Test
    void numberUnderOneLosesItsZeroUnlessWrittenSo() {
        // $half with $half: 0.5; $half * 1px; 1px 0.5px $half * 1px
        assertEquals(".5", CompressedValues.compressed("0.5", "$half"));
        assertEquals(".5px", CompressedValues.compressed("0.5px", "$half * 1px"));
        assertEquals("1px 0.5px .5px", CompressedValues.compressed("1px 0.5px 0.5px", "1px 0.5px $half * 1px"));
        assertEquals("-.25em translate3d(0, 0, 0)", CompressedValues.compressed("-0.25em translate3d(0, 0, 0)", "$n translate3d(0, 0, 0)"));
    }

    @Test
    void arithmeticLedByANumberUnderOneKeepsItsZero() {
        // libsass's compressed output for these, as the sass-compressed-values fixture holds
        assertEquals("0.8px", CompressedValues.compressed("0.8px", "0.05 * $m"));
        assertEquals("0.8px", CompressedValues.compressed("0.8px", ".05 * $m"));
        assertEquals(".8px", CompressedValues.compressed("0.8px", "$m * 0.05"));
        assertEquals(".9px", CompressedValues.compressed("0.9px", "$m * 0.05 + 0.1px"));
        assertEquals("-0.8px .5", CompressedValues.compressed("-0.8px 0.5", "-0.05 * $m $half"));
    }

    @Test
    void aProductOfOneOrMoreLeavesTheNumbersAfterItTheirOwn() {
        // libsass's compressed output for these, as the sass-compressed-values fixture holds
        assertEquals("8px .5", CompressedValues.compressed("8px 0.5", "0.5 * $m $half"));
        assertEquals("translate(8px, .5)", CompressedValues.compressed("translate(8px, 0.5)", "translate(0.5 * $m, $half)"));
        assertEquals(".5 0.8px", CompressedValues.compressed("0.5 0.8px", "$half 0.05 * $m"));
        assertEquals("8px,0.8px .5", CompressedValues.compressed("8px, 0.8px 0.5", "0.5 * $m, 0.05 * $m $half"));
        // a number written beside the operation keeps its zero as written
        assertEquals("8px 0.5px .5", CompressedValues.compressed("8px 0.5px 0.5", "0.5 * $m 0.5px $half"));
    }

    @Test
    void stringsAndUrlsAreLeftAlone() {
        // $x url(white.png) -red $w with $x: "white, red" and $w: whitesmoke
        assertEquals("\"white, red\" url(white.png) -red #f5f5f5",
                CompressedValues.compressed("\"white, red\" url(white.png) -red whitesmoke", "$x url(white.png) -red $w"));
    }
}
