package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expected text is what Jekyll 4.3.1 (Ruby 3.1) printed for the same value. */
class RubyInspectTest {
    @Test
    void floatsPrintAsRubyPrintsThemWhereJavaWouldNot() {
        assertEquals("1.0e+20", RubyInspect.floatText(1.0e20));
        assertEquals("0.0001", RubyInspect.floatText(0.0001));
        assertEquals("1.0e-05", RubyInspect.floatText(0.00001));
        assertEquals("12345678.5", RubyInspect.floatText(12345678.5));
        assertEquals("1.0e+16", RubyInspect.floatText(1.0e16));
        // as Jekyll 4.3.1 writes {{ page.x }} of each: from 16 integer digits on, an exponent
        assertEquals("1.0e+15", RubyInspect.floatText(1.0e15));
        assertEquals("1.234567890123456e+15", RubyInspect.floatText(1234567890123456.0));
        assertEquals("999999999999999.9", RubyInspect.floatText(999999999999999.9));
        assertEquals("123456789012345.5", RubyInspect.floatText(123456789012345.5));
        assertEquals("2.5", RubyInspect.floatText(2.5));
        assertEquals("100.0", RubyInspect.floatText(100.0));
        assertEquals("-0.25", RubyInspect.floatText(-0.25));
        assertEquals("1.5e-07", RubyInspect.floatText(1.5e-7));
        assertEquals("0.0", RubyInspect.floatText(0.0));
    }

    @Test
    void inspectAndJsonifyPrintAFloatAlike() {
        for (double d : new double[] {1.0e20, 0.0001, 0.00001, 12345678.5, 100.0}) {
            assertEquals(RubyInspect.inspect(d), JekyllFilters.jsonify(d));
        }
    }

    @Test
    void inspectsValuesAsRubyDoes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", "say \"hi\"\n");
        map.put("tags", List.of("a", 2L));
        map.put("none", null);
        assertEquals("{\"title\"=>\"say \\\"hi\\\"\\n\", \"tags\"=>[\"a\", 2], \"none\"=>nil}", RubyInspect.inspect(map));
        assertEquals("[1.0e+20, \"x\"]", RubyInspect.inspect(Arrays.asList(1.0e20, "x").toArray()));
        assertEquals("2017-09-04 10:00:00 +0200",
                RubyInspect.inspect(ZonedDateTime.of(2017, 9, 4, 10, 0, 0, 0, ZoneOffset.ofHours(2))));
        assertEquals("2017-09-04 08:00:00 +0000",
                RubyInspect.inspect(ZonedDateTime.of(2017, 9, 4, 8, 0, 0, 0, ZoneOffset.UTC)));
        assertEquals("2018-05-01 06:00:00.25 -0400",
                RubyInspect.inspect(ZonedDateTime.of(2018, 5, 1, 6, 0, 0, 250_000_000, ZoneOffset.ofHours(-4))));
        assertEquals("#<Date: 2018-05-01 ((2458240j,0s,0n),+0s,2299161j)>",
                RubyInspect.inspect(new RubyDate(java.time.LocalDate.of(2018, 5, 1))));
        assertEquals("#<Date: 1970-01-01 ((2440588j,0s,0n),+0s,2299161j)>",
                RubyInspect.inspect(new RubyDate(java.time.LocalDate.of(1970, 1, 1))));
    }

    @Test
    void toSIsRubysTextOfAValueWhereLiquidOutputWouldJoinAnArray() {
        // what a filter written in Ruby (xml_escape, in jekyll-feed's template) reads: Ruby 3.1's to_s
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", null);
        author.put("twitter", "jd");
        assertEquals("{\"name\"=>nil, \"twitter\"=>\"jd\"}", RubyInspect.toS(author));
        assertEquals("[\"Ann\", \"Bo\"]", RubyInspect.toS(List.of("Ann", "Bo")));
        assertEquals("1.5", RubyInspect.toS(1.5));
        assertEquals("Ann", RubyInspect.toS("Ann"));
        assertEquals("", RubyInspect.toS(null));
    }

    @Test
    void printsAHashMetAgainInsideItselfAsRubyDoes() {
        Map<String, Object> page = new LinkedHashMap<>();
        Map<String, Object> previous = new LinkedHashMap<>();
        page.put("title", "B");
        page.put("previous", previous);
        previous.put("title", "A");
        previous.put("next", page);
        List<Object> list = new java.util.ArrayList<>();
        list.add(1L);
        list.add(list);
        assertEquals("{\"title\"=>\"B\", \"previous\"=>{\"title\"=>\"A\", \"next\"=>{...}}}", RubyInspect.inspect(page));
        assertEquals("[1, [...]]", RubyInspect.inspect(list));
    }

    @Test
    void writesValuesIntoThePageAsLiquidDoes() {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", "Jane");
        author.put("twitter", "janedoe");
        assertEquals("{\"name\"=>\"Jane\", \"twitter\"=>\"janedoe\"}", RubyInspect.text(author));
        assertEquals("ab1.0e+20c", RubyInspect.text(Arrays.asList("a", null, List.of("b", 1.0e20), new Object[] {"c"})));
        assertEquals("", RubyInspect.text(null));
        assertEquals("42", RubyInspect.text(42L));
    }
}
