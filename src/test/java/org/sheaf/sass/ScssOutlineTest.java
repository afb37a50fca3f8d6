package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScssOutlineTest {

    @Test
    void placeNamesTheBlockAndTheStatementBeforeSkippingVariablesAndDefinitions() {
        String source = "a { x: 1; }\n$v: 2;\n@mixin m { y: 1; }\n// b {\nb { @include m; c: 3; }\n";
        ScssOutline.Place place = ScssOutline.placeOf(source, source.indexOf("b {", source.indexOf("//") + 5));
        assertEquals(new ScssOutline.Place(-1, false, ScssOutline.Kind.RULE), place);

        String nested = ".p { q: 1; /* c */ @extend .z; .n { r: 2; } }";
        assertEquals(new ScssOutline.Place(nested.indexOf('{'), true, ScssOutline.Kind.DECLARATION),
                ScssOutline.placeOf(nested, nested.indexOf(".n")));
        assertEquals(new ScssOutline.Place(nested.indexOf('{'), true, null), ScssOutline.placeOf(nested, nested.indexOf("q")));
    }

    @Test
    void aRuleWithoutAnythingThatWritesIsNotARuleThatWrites() {
        String source = "a { $x: 1; }\n%p { y: 1; }\nb { }\n@media print { c { d: 1; } }\ne { f: 1; }\n";
        assertEquals(ScssOutline.Kind.OTHER, ScssOutline.placeOf(source, source.indexOf("%p")).previous());
        assertEquals(ScssOutline.Kind.OTHER, ScssOutline.placeOf(source, source.indexOf("b {")).previous());
        assertEquals(ScssOutline.Kind.OTHER, ScssOutline.placeOf(source, source.indexOf("e {")).previous());
        assertNull(ScssOutline.placeOf(source, source.indexOf("y: 1") + 1));
    }

    @Test
    void stringsCommentsAndInterpolationsHideWhatLooksLikeStatements() {
        String source = "a { content: \"; } b {\"; x: #{\"}\"}; }\nc { d: url(http://x/;); }\n";
        assertEquals(new ScssOutline.Place(-1, false, ScssOutline.Kind.RULE), ScssOutline.placeOf(source, source.indexOf("c {")));
    }

    @Test
    void includesAndMixinsAreNamedAsSassNamesThemLeavingOutWhatDefinitionsInclude() {
        String source = "@mixin font_size($s) { & { font-size: $s; } @include lib.mq(sm) { y: 1 } }\n"
                + "a { @include font-size(1px); /* @include no; */ content: '@include no'; }\n";
        assertEquals(List.of("font-size"), ScssOutline.includes(source, 0, source.length(), false));
        assertEquals(List.of("mq"), ScssOutline.includes(source, source.indexOf('{'), source.indexOf('\n'), false));
        Map<String, List<int[]>> mixins = ScssOutline.mixins(source, false);
        assertEquals(List.of("font-size"), List.copyOf(mixins.keySet()));
        assertArrayEquals(new int[] {source.indexOf('{'), source.indexOf('\n') - 1}, mixins.get("font-size").get(0));

        String indented = "=fs($s)\n  font-size: $s\n\na\n  +fs(1px)\n  x: 1\n";
        assertEquals(List.of("fs"), ScssOutline.includes(indented, 0, indented.length(), true));
        assertEquals(List.of("fs"), List.copyOf(ScssOutline.mixins(indented, true).keySet()));
    }
    @Test
    void theStatementHoldingAPlaceIsTheOneOfTheInnermostBlockAroundBoth() {
        String source = "a { x: 1; }\n.p { @media print { q: 1; } .n { &:hover { y: 1; } .m { z: 1; } } }\n";
        var places = ScssOutline.places(source);
        int m = source.indexOf(".m");
        assertEquals(source.indexOf("&:hover"), ScssOutline.statementHolding(places, m, source.indexOf("y: 1")));
        assertEquals(source.indexOf("@media"), ScssOutline.statementHolding(places, m, source.indexOf("q: 1")));
        assertEquals(source.indexOf(".p"), ScssOutline.statementHolding(places, m, source.indexOf(".p")));
        assertEquals(0, ScssOutline.statementHolding(places, m, source.indexOf("x: 1")));
        assertEquals(-1, ScssOutline.statementHolding(places, source.indexOf("&:hover"), m));
    }

    @Test
    void theIndentedSyntaxHoldsAPlaceInTheLineIndentedAsDeepAsEachAfterIt() {
        String source = "a\n  x: 1\n.p\n  &.q,\n  &.r\n    y: 1\n  // sizes\n  &.s\n    .t\n      +m\n";
        int t = source.indexOf(".t");
        assertEquals(source.indexOf("&.q"), ScssOutline.indentedStatementHolding(source, t, source.indexOf("y: 1")));
        assertEquals(source.indexOf("&.q"), ScssOutline.indentedStatementHolding(source, t, source.indexOf("&.r")));
        assertEquals(source.indexOf("&.s"), ScssOutline.indentedStatementHolding(source, t, source.indexOf("&.s")));
        assertEquals(0, ScssOutline.indentedStatementHolding(source, t, source.indexOf("x: 1")));
        assertEquals(-1, ScssOutline.indentedStatementHolding(source, source.indexOf("&.s"), t));
    }

    @Test
    void loadingAModuleOrAMixinsContentWritesFromElsewhere() {
        assertTrue(ScssOutline.writesFromElsewhere("a { } @use 'b';", 0, 16, false));
        assertTrue(ScssOutline.writesFromElsewhere("a { @content; }", 0, 15, false));
        assertFalse(ScssOutline.writesFromElsewhere("@mixin m { a { @content; } }\n@import 'b';", 0, 42, false));
        assertFalse(ScssOutline.writesFromElsewhere("a { content: '@use'; } // @use x\n@used: 1", 0, 43, false));
        assertFalse(ScssOutline.writesFromElsewhere("=m\n  a\n    @content\nb\n  x: 1\n", 0, 30, true));
    }

    @Test
    void anImportLoadsTheSassStylesheetsItNames() {
        String source = "@import \"minima/base\", \"layout\";\n@import url(x.css);\n@import 'plain.css';\n"
                + "a { @import \"nested\"; }\n// @import \"no\";\n";
        assertEquals(Map.of(0, List.of("minima/base", "layout"), source.indexOf("@import \"nested"), List.of("nested")),
                ScssOutline.imports(source));
        assertEquals(Map.of(0, List.of("sass/base", "grid")), ScssOutline.imports("@import sass/base, grid\n"));

        assertTrue(ScssOutline.canLoad("minima/base", "file:///s/_sass/minima/_base.scss"));
        assertTrue(ScssOutline.canLoad("../sass/grid.sass", "../../_sass/sass/grid/_index.sass"));
        assertFalse(ScssOutline.canLoad("base", "file:///s/_sass/minima/_database.scss"));
        assertFalse(ScssOutline.canLoad("minima/base", "file:///s/_sass/_base.scss"));
    }

    @Test
    void theLastStatementThatWritesInABlockPassesOverVariablesExtendsAndDefinitions() {
        String source = ".o { x: 1; @include m; $v: 1; @extend %p; @mixin n { } .b { y: 2; } }";
        var places = ScssOutline.places(source);
        int open = source.indexOf('{');
        assertEquals(source.indexOf("@include"), ScssOutline.writingBefore(places, source, open, source.indexOf(".b")));
        assertEquals(source.indexOf("x: 1"), ScssOutline.writingBefore(places, source, open, source.indexOf("@include")));
        assertEquals(-1, ScssOutline.writingBefore(places, source, open, source.indexOf("x: 1")));
        assertEquals(source.indexOf(".b"), ScssOutline.statementIn(places, open, source.indexOf("y: 2")));
    }

    @Test
    void aStretchWritesNoBlockWithDeclarationsAndInterpolationsOnly() {
        assertTrue(ScssOutline.writesNoBlock("x: #{$a}; $v: 1; y: 2;", 0, 22));
        assertFalse(ScssOutline.writesNoBlock("x: 1; .b { y: 2; }", 0, 18));
        assertFalse(ScssOutline.writesNoBlock("x: 1; @include m;", 0, 17));
        assertFalse(ScssOutline.writesNoBlock("x: 1; @content;", 0, 15));
        assertTrue(ScssOutline.writesOnlyRules(".b { y: 2; } @content;", 0, 22, true));
        assertFalse(ScssOutline.writesOnlyRules(".b { y: 2; } @content;", 0, 22, false));
        assertFalse(ScssOutline.writesOnlyRules("@media print { y: 2; }", 0, 22, true));
    }

    /**
     * The blocks the rule writes before its first later part, counted with the mixins below, when
     * that part starts at {@code c: 3}; -1 when not told.
     */
    private static int blocksBefore(String rule, boolean inAtRule) {
        String source = """
                @mixin mq($w) { @media (min-width: $w) { @content; } }
                @mixin fs($s) { & { font-size: $s; } @include mq(10em) { font-size: $s * 2; } }
                @mixin framed { border: 0; .frame { margin: 0; } }
                @mixin maybe { @if $on { & { x: 1; } } }
                @mixin two { y: 1; }
                @mixin two { y: 2; }
                """ + rule;
        Map<String, List<int[]>> mixins = ScssOutline.mixins(source, false);
        int open = source.indexOf('{', source.length() - rule.length());
        ScssOutline.LaterPart later = ScssOutline.laterPart(source, open, source.lastIndexOf('}'), name -> {
            List<int[]> found = mixins.get(name);
            return found == null || found.size() != 1 ? null : new ScssOutline.Body(source, found.get(0)[0], found.get(0)[1]);
        }, inAtRule);
        if (later == null) {
            return -1;
        }
        assertEquals(source.lastIndexOf("c: 3"), later.at());
        return later.blocksBefore();
    }

    @Test
    void aRulesTextWritesABlockForEachNestedRulePartAndMediaThroughItsMixins() {
        assertEquals(2, blocksBefore("a { @include fs(1px); c: 3; }", false));
        assertEquals(3, blocksBefore("a { .b { x: 1; .d { y: 1; } z: 1; } c: 3; }", false));
        assertEquals(2, blocksBefore("a { & { @include framed; } $v: 1; @extend %p; // .x { }\n c: 3; }", false));
        assertEquals(1, blocksBefore("a { @include mq(1em) { .b { x: 1; } y: 1; } c: 3; }", false));
        assertEquals(1, blocksBefore("a { @mixin local { .b { x: 1; } } .d { y: 1; } c: 3; e: 4; .f { z: 1; } }", false));
    }

    @Test
    void aMixinsDeclarationAfterABlockStartsTheLaterPart() {
        String source = "@mixin small { &:not(.r) { x: 1; } font-size: 1px; c: 2; }\na { @include small; c: 3; }";
        Map<String, List<int[]>> mixins = ScssOutline.mixins(source, false);
        int open = source.indexOf("a {") + 2;
        ScssOutline.LaterPart later = ScssOutline.laterPart(source, open, source.lastIndexOf('}'),
                name -> new ScssOutline.Body(source, mixins.get(name).get(0)[0], mixins.get(name).get(0)[1]), false);
        assertEquals(new ScssOutline.LaterPart(1, source, source.indexOf("font-size"), true), later);
        String twice = source.replace("a {", "a { @include small;");
        int twiceOpen = twice.indexOf("a {") + 2;
        assertEquals(new ScssOutline.LaterPart(1, twice, twice.indexOf("font-size"), false),
                ScssOutline.laterPart(twice, twiceOpen, twice.lastIndexOf('}'), name -> new ScssOutline.Body(twice,
                        ScssOutline.mixins(twice, false).get(name).get(0)[0], ScssOutline.mixins(twice, false).get(name).get(0)[1]), false));
    }

    @Test
    void aRulesTextWhoseBlocksCannotBeCountedForSureCountsMinusOne() {
        // a first part of the rule's own, through a mixin or not, or no later part
        assertEquals(-1, blocksBefore("a { @include framed; c: 3; }", false));
        assertEquals(-1, blocksBefore("a { c: 3; .b { x: 1; } }", false));
        assertEquals(-1, blocksBefore("a { .b { x: 1; } } /* c: 3 */", false));
        assertEquals(-1, blocksBefore("a { /* note */ .b { x: 1; } c: 3; }", false));
        assertEquals(-1, blocksBefore("a { .b { x: 1; } /* note */ c: 3; }", false));
        // what only evaluating says: a condition, a loop, a rule that may hold nothing
        assertEquals(-1, blocksBefore("a { @include maybe; c: 3; }", false));
        assertEquals(-1, blocksBefore("a { @each $i in 1, 2 { &-#{$i} { x: 1; } } c: 3; }", false));
        assertEquals(-1, blocksBefore("a { .b { $v: 1; } c: 3; }", false));
        // a mixin of two bodies, one unknown, an @media that an at-rule around writes elsewhere
        assertEquals(-1, blocksBefore("a { @include two; .b { x: 1; } c: 3; }", false));
        assertEquals(-1, blocksBefore("a { @include nowhere; c: 3; }", false));
        assertEquals(-1, blocksBefore("a { @include fs(1px); c: 3; }", true));
        assertEquals(-1, blocksBefore("a { @at-root .b { x: 1; } c: 3; }", false));
    }

    @Test
    void mixinsThatIncludeOthersManyTimesOverAreCountedOnlySoFar() {
        StringBuilder source = new StringBuilder("@mixin m0 { & { x: 1; } }\n");
        for (int n = 1; n <= 16; n++) {
            source.append("@mixin m").append(n).append(" { @include m").append(n - 1).append("; @include m")
                    .append(n - 1).append("; }\n");
        }
        String mixins = source.toString();
        Map<String, List<int[]>> bodies = ScssOutline.mixins(mixins, false);
        java.util.function.ToIntFunction<String> counted = rule -> {
            String text = mixins + rule;
            int open = text.indexOf('{', mixins.length());
            ScssOutline.LaterPart later = ScssOutline.laterPart(text, open, text.lastIndexOf('}'),
                    name -> new ScssOutline.Body(text, bodies.get(name).get(0)[0], bodies.get(name).get(0)[1]), false);
            return later == null ? -1 : later.blocksBefore();
        };
        assertEquals(1024, counted.applyAsInt("a { @include m10; c: 3; }"));
        assertEquals(-1, counted.applyAsInt("a { @include m16; c: 3; }"));
    }
}

