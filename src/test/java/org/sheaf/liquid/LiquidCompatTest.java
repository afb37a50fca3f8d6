package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

/**
 * Liquid as Jekyll 4.3.1 (Liquid 5.4 on Debian, without ActiveSupport) renders it, where Liqp's own
 * behaviour differs. Each expected value is what Jekyll printed for the same template.
 */
class LiquidCompatTest {
    private final LiquidRenderer renderer = LiquidTestSite.renderer();

    private String render(String template) throws DiagnosticException {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Jobs");
        page.put("empty", "");
        page.put("date", ZonedDateTime.of(2017, 9, 4, 7, 5, 3, 0, ZoneId.of("UTC")));
        Map<String, Object> a = new LinkedHashMap<>(Map.of("name", "a", "rank", 2));
        Map<String, Object> b = new LinkedHashMap<>(Map.of("name", "b"));
        Map<String, Object> c = new LinkedHashMap<>(Map.of("name", "c", "rank", 1));
        page.put("items", new ArrayList<>(List.of(a, b, c)));
        Map<String, Object> variables = new HashMap<>();
        variables.put("page", page);
        variables.put("site", new LinkedHashMap<>(Map.of("title", "Open Revenue Research")));
        return renderer.render(template, "about.md", 1, variables);
    }

    @Test
    void blankAndEmptyAreNeverEqualToEachOther() throws Exception {
        // what Jekyll 4.3.1 writes: the literal cannot tell whether the other literal is blank
        assertEquals("a b2 c d e5 f g h8 i9", render("a{% if blank == blank %}1{% endif %} b{% if blank != blank %}2{% endif %}"
                + " c{% if empty == empty %}3{% endif %} d{% if blank == empty %}4{% endif %} e{% if empty != blank %}5{% endif %}"
                + " f{% if '' == blank %}6{% endif %} g{% if blank == '' %}7{% endif %}"
                + " h{% unless blank == blank %}8{% endunless %} i{% if blank <> blank %}9{% endif %}"));
    }

    @Test
    void truncatewordsCutsOnlyTextOfMoreWordsThanTheLimit() throws Exception {
        // Liquid 5.4, as Debian's Jekyll 4.3.1 runs it: text of as many words as the limit stays as it is
        assertEquals("one two three", render("{{ 'one two three' | truncatewords: 3 }}"));
        // Ruby's split with a limit makes white space after the last word one more field
        assertEquals("one two three...|one two ", render("{{ 'one two three\n' | truncatewords: 3 }}|"
                + "{{ 'one two ' | truncatewords: 3 }}"));
        assertEquals("[one...][a b][12345][one]", render("[{{ 'one two three' | truncatewords: -1 }}]"
                + "[{{ 'a b c' | truncatewords: 2, nil }}][{{ 12345 | truncatewords: 1 }}][{{ 'one two' | truncatewords: 1, '' }}]"));
        assertEquals("one two", render("{{ 'one two' | truncatewords: 3 }}"));
        assertEquals("one two--", render("{{ 'one  two three four' | truncatewords: 2, '--' }}"));
        assertEquals("one...", render("{{ 'one two' | truncatewords: 0 }}"));
        assertEquals("", render("{{ '' | truncatewords: 3 }}"));
    }

    @Test
    void conditionWithASecondValueButNoOperatorTestsItsFirstValue() throws Exception {
        // what Jekyll 4.3.1 printed: Ruby's lax condition reads a value, no operator and a value,
        // and without an operator tests the first value only ({%- if page.image - %} in a theme)
        assertEquals("[A][C][D][][F][G]", render("[{%- if page.title - %}A{% endif %}]"
                + "[{% if page.nothing - %}B{% else %}C{% endif %}][{% if page.title 5 %}D{% endif %}]"
                + "[{% unless page.title \"x\" %}E{% endunless %}][{% if false %}{% elsif page.title -1 %}F{% endif %}]"
                + "[{% if page.nothing - or page.title %}G{% endif %}]"));
    }

    @Test
    void conditionReadLaxlyIgnoresWhatFollowsItsRightValue() throws Exception {
        // what Jekyll 4.3.1 printed: Ruby's lax condition is a value, an operator and a value, and
        // the words after the right value are nothing, in if, elsif and unless and on either side
        // of an and or an or
        assertEquals("[A][C][D][F][H][I]", render("[{% if page.title == \"Jobs\" junk %}A{% endif %}]"
                + "[{% if page.title == \"x\" junk more %}B{% else %}C{% endif %}]"
                + "[{% if false %}{% elsif page.title != \"x\" junk %}D{% endif %}]"
                + "[{% unless page.title == \"Jobs\" junk %}E{% else %}F{% endunless %}]"
                + "[{% if page.title == \"Jobs\" junk and false %}G{% else %}H{% endif %}]"
                + "[{% if page.title contains \"Jo\" \"x\" or false %}I{% endif %}]"));
    }

    @Test
    void conditionReadLaxlyTakesAWordAfterItsLeftValueForAnOperator() {
        // what Jekyll 4.3.1 did: "Liquid error: Unknown operator junk", and the build stopped
        DiagnosticException stopped = assertThrows(DiagnosticException.class,
                () -> render("{% if page.title junk == \"Jobs\" %}A{% endif %}"));
        assertTrue(stopped.getMessage().contains("Unknown operator junk"), stopped.getMessage());
    }

    @Test
    void filterReadLaxlyTakesOnlyWhatAColonOrACommaOpensForArguments() throws Exception {
        // what Jekyll 4.3.1 printed: a word after a filter's arguments, or after a filter with
        // none, is nothing, in an assign as in an output, and the filters after it still apply
        assertEquals("[xy][XY][X][xyw][y][y]", render("{% assign a = \"x\" | append: \"y\" junk %}[{{ a }}]"
                + "[{{ \"x\" | append: \"y\" junk | upcase }}][{{ \"x\" | upcase junk }}]"
                + "[{{ \"x\" | append: \"y\" junk | append: \"w\" junk2 }}]"
                + "[{{ \"x\" | replace: \"x\", \"y\" junk }}][{{ \"x\" | replace: \"x\" junk, \"y\" }}]"));
        assertEquals("[XYq][xy][xy]", render("{% assign d = \"x\" | append: \"y\" | upcase junk | append: \"q\" %}[{{ d }}]"
                + "[{{ \"x\" | append: \"y\" junk \"z\" }}][{{ \"x\" | append: \"y\" 'q' -}}]"));
    }

    @Test
    void filterReadLaxlySkipsACommaRightAfterItsColon() throws Exception {
        // what Jekyll 4.3.1 printed: after the colon Ruby finds no argument, then takes each one a
        // comma opens, in an output as in an assign
        assertEquals("A[xy]B[xby]C[xy]D[xby]E[XY]F[xy]G[xby]H[xy]", render("A[{{ \"x\" | append: , \"y\" }}]"
                + "B[{{ \"xay\" | replace: , \"a\", \"b\" }}]"
                + "{% assign c = \"x\" | append: , \"y\" %}C[{{ c }}]"
                + "{% assign d = \"xay\" | replace: , \"a\", \"b\" %}D[{{ d }}]"
                + "E[{{ \"x\" | append:, \"y\" | upcase }}]F[{{ \"x\" | append : , \"y\" }}]"
                + "G[{{ \"xay\" | replace: ,\"a\" , \"b\" }}]H[{{ \"x\" | append: ,, \"y\" }}]"));
        // Jekyll's strict mode refuses the comma: "[:comma, ","] is not a valid expression"
        LiquidSetup s = LiquidTestSite.setup();
        LiquidRenderer strict = new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.STRICT, false,
                s.warnings(), s.textFilters(), s.themeIncludes(), s.highlighting()));
        for (String template : List.of("{{ \"x\" | append: , \"y\" }}", "{% assign c = \"x\" | append: , \"y\" %}")) {
            assertThrows(DiagnosticException.class, () -> strict.render(template, "about.md", 1, Map.of()), template);
        }
    }

    @Test
    void forTagReadsOnlyItsFirstFragmentAndColonAttributesWhenTheStrictGrammarRefusesIt() throws Exception {
        // Ruby's lax for: "limit 5" without its colon is nothing, a filter after the collection is
        // ignored, reversed counts right after the collection, and name: value attributes anywhere
        assertEquals("[abc]", render("[{% for i in page.items limit 2 %}{{ i.name }}{% endfor %}]"));
        assertEquals("[ab]", render("[{% for i in page.items | sort: 'rank' limit: 2 %}{{ i.name }}{% endfor %}]"));
        assertEquals("[cba]", render("[{% for i in page.items reversed | sort: 'name' %}{{ i.name }}{% endfor %}]"));
        assertEquals("[bc]", render("[{% for i in page.items offset:1 x y %}{{ i.name }}{% endfor %}]"));
    }

    @Test
    void forTagOverARangeReadsOnlyItsColonAttributesWhenTheStrictGrammarRefusesIt() throws Exception {
        // what Jekyll 4.3.1 printed: the range is the collection, "limit 2" without its colon and
        // a reversed after an attribute are nothing; the comments around the loop stay comments
        assertEquals("AB123CD", render("A{% comment %}x{% endcomment %}B{% for i in (1..3) limit 2 %}{{ i }}{% endfor %}"
                + "C{% comment %}y{% endcomment %}D"));
        assertEquals("B123C", render("B{% for i in (1..3) limit 2 %}{{ i }}{% endfor %}C"));
        assertEquals("A321C23D", render("A{% for i in (1..3) reversed limit 2 x %}{{ i }}{% endfor %}"
                + "C{% for i in (1..4) limit: 2 offset:1 foo %}{{ i }}{% endfor %}D"));
        assertEquals("AB34CD", render("A{% comment %}x{% endcomment %}B{% for i in (2..4) offset: 1 reversed limit 1 %}"
                + "{{ i }}{% endfor %}C{% comment %}y{% endcomment %}D"));
    }

    @Test
    void anAssignToADottedNameSetsNothingALookupReads() throws Exception {
        // what Jekyll 4.3.1 printed: Ruby's assign keeps "page.title" as one name, which
        // page.title, looked up at the dot, never reaches; the trimming of the tag's ends stays
        assertEquals("in |Jobs||", render("{% if page.title != \"\" %}in{% endif %} |\n{%- assign page.title = \"\" -%}\n"
                + " {{ page.title }}|{% assign a[1] = 3 %}{{ a }}|"));
    }

    @Test
    void forTagReadLaxlyTakesAsItsCollectionOnlyWhatAFirstSpaceCutsOff() throws Exception {
        // what Jekyll 4.3.1 printed: a range written with spaces is cut to "(", which names
        // nothing, and "(page.items ..2)" to "(page.items", looked up by its words; the comments
        // around the loop stay comments
        assertEquals("ABCD", render("A{% comment %}x{% endcomment %}B{% for i in ( 1 .. 3 ) limit 2 %}{{ i }}{% endfor %}"
                + "C{% comment %}y{% endcomment %}D"));
        assertEquals("BEC", render("B{% for i in ( 1 .. 3 ) limit 2 %}{{ i }}{% else %}E{% endfor %}C"));
        assertEquals("A21BC", render("A{% for i in ( 1 .. 3 ) reversed limit: 2 %}{{ i }}{% endfor %}"
                + "B{% for i in (1 ..3) limit 1 %}{{ i }}{% endfor %}C"));
        assertEquals("AbcBJobsCabcD", render("A{% for i in (page.items ..2) reversed limit 2 offset: 1 %}{{ i.name }}{% endfor %}"
                + "B{% for i in (page.title ..3) x %}{{ i }}{% endfor %}"
                + "C{% for i in page.items[ 1 ] limit 1 %}{{ i.name }}{% endfor %}D"));
        assertEquals("yes", render("{% if {{page.items[2].name}} == \"c\" %}yes{% endif %}"));
    }

    @Test
    void assignReadLaxlyTakesItsValueAndIgnoresWhatFollowsItBeforeTheFirstPipe() throws Exception {
        // what Jekyll 4.3.1 printed: a quoted value ends at its next quote, a backslash being no
        // escape, and what stands after the value up to the first pipe is nothing (a CLI
        // reference writes "...,'',\"\"" | split: ','); a value a space cuts inside its brackets or
        // parentheses is read whole, as the strict grammar reads it
        assertEquals("[[]|map[]|false|0|0s|default|''|\\] 8|[a\\]|[IT\\]|1,2,3|Jobs!|b",
                render("{% assign skip = \"[],map[],false,0,0s,default,'',\\\"\\\"\" | split: ',' %}"
                        + "[{{ skip | join: '|' }}] {{ skip.size }}|{% assign b = \"a\\\"b\" %}[{{ b }}]|"
                        + "{% assign d = 'it\\'s' | upcase %}[{{ d }}]|{% assign r = ( 1 .. 3 ) %}{{ r | join: ',' }}|"
                        + "{% assign x = page.title junk | append: '!' %}{{ x }}|{% assign y = page.items[ 1 ] %}{{ y.name }}"));
    }

    @Test
    void standardFiltersWalkAnArrayOfArraysFlattened() throws Exception {
        // what Jekyll 4.3.1 printed: Liquid's InputIterator flattens the array uniq, reverse,
        // compact, join, concat and sort_natural take; size and first do not flatten
        String nested = "{% assign e = '' | split: '' %}{% assign a = e | push: 'x' | push: 'z' %}"
                + "{% assign n = e | push: a | push: a | push: 'y' | push: nil %}";
        assertEquals("4|4:x-z-y-|6:-y-z-x-z-x|5|x-z-x-z-y-|x+z|8|5", render(nested + "{{ n | size }}|"
                + "{{ n | uniq | size }}:{{ n | uniq | join: '-' }}|{{ n | reverse | size }}:{{ n | reverse | join: '-' }}|"
                + "{{ n | compact | size }}|{{ n | join: '-' }}|{{ n | first | join: '+' }}|{{ n | concat: a | size }}|"
                + "{{ n | compact | sort_natural | size }}"));
    }

    @Test
    void aNegativeLimitLeavesNoItemAsRubyComputesTheEndFromIt() throws Exception {
        // as Debian's Jekyll 4.3.1 (Liquid 4) writes each: the end is offset plus limit, before the start
        assertEquals("[]", render("[{% for i in (1..5) limit:-1 %}{{ i }}{% endfor %}]"));
        assertEquals("[23]", render("[{% for i in (1..5) limit:2 offset:1 %}{{ i }}{% endfor %}]"));
        assertEquals("[]", render("[{% for i in page.items limit:-1 %}{{ i.name }}{% endfor %}]"));
        assertEquals("[none]", render("[{% for i in page.items limit:-1 %}x{% else %}none{% endfor %}]"));
        assertEquals("[none]", render("[{% for i in (1..5) limit:-1 %}x{% else %}none{% endfor %}]"));
        assertEquals("[]", render("[{% for i in page.items offset:1 limit:-1 %}{{ i.name }}{% endfor %}]"));
        assertEquals("[zero]", render("[{% for i in (1..3) limit:0 %}{{ i }}{% else %}zero{% endfor %}]"));
        assertEquals("[abc]", render("[{% for i in page.items limit:-1 %}{{ i.name }}{% endfor %}"
                + "{% for i in page.items offset:continue %}{{ i.name }}{% endfor %}]"));
    }

    @Test
    void offsetContinueOfALoopNotRunBeforeStartsAtTheFirstItem() throws Exception {
        // what Jekyll 4.3.1 printed: Ruby reads the offset of a loop never run as 0
        assertEquals("[123]", render("[{% for i in (1..3) offset:continue %}{{ i }}{% endfor %}]"));
        assertEquals("[ab|c]", render("[{% for i in page.items offset:continue limit:2 %}{{ i.name }}{% endfor %}|"
                + "{% for i in page.items offset:continue %}{{ i.name }}{% endfor %}]"));
        assertEquals("[abcJobs]", render("[{% for c in \"abc\" offset:continue %}{{ c }}{% endfor %}"
                + "{% for i in page.title offset:continue %}{{ i }}{% endfor %}]"));
    }

    @Test
    void aNegativeOffsetSlicesFromBeforeTheFirstItem() throws Exception {
        // what Jekyll 4.3.1 printed: the slice ends at offset plus limit, and the next loop of the
        // same name with offset: continue starts at offset plus the items looped over
        assertEquals("[1a2b3c|c]", render("[{% for i in page.items offset:-1 %}{{ forloop.index }}{{ i.name }}{% endfor %}|"
                + "{% for i in page.items offset:continue %}{{ i.name }}{% endfor %}]"));
        assertEquals("[1|none]", render("[{% for i in (1..5) offset:-2 limit:3 %}{{ i }}{% endfor %}|"
                + "{% for i in page.items offset:-3 limit:1 %}{{ i.name }}{% else %}none{% endfor %}]"));
        assertEquals("[baabc]", render("[{% for i in page.items reversed offset:-2 limit:4 %}{{ i.name }}{% endfor %}"
                + "{% for i in page.items offset:continue %}{{ i.name }}{% endfor %}]"));
    }

    @Test
    void offsetContinuePastTheLastItemWritesTheElseBody() throws Exception {
        // what Jekyll 4.3.1 printed
        assertEquals("[none|E]", render("[{% for i in page.items limit:5 %}{% endfor %}"
                + "{% for i in page.items offset:continue %}x{% else %}none{% endfor %}|"
                + "{% for i in (1..3) %}{% endfor %}{% for i in (1..3) offset:continue %}{{ i }}{% else %}E{% endfor %}]"));
        assertEquals("[EF]", render("[{% for i in page.items offset:9 %}{% else %}E{% endfor %}"
                + "{% for i in page.items offset:continue %}{{ i.name }}{% else %}F{% endfor %}]"));
    }

    @Test
    void aNilLimitOrOffsetIsNone() throws Exception {
        // what Jekyll 4.3.1 printed
        assertEquals("[abc|abc]", render("[{% for i in page.items limit:nil %}{{ i.name }}{% endfor %}|"
                + "{% for i in page.items limit:page.missing offset:page.missing %}{{ i.name }}{% endfor %}]"));
    }

    @Test
    void anOrderOfNilABooleanAnArrayOrAHashIsFalse() throws Exception {
        // what Jekyll 4.3.1 printed: Liquid compares only values that both have the operator
        assertEquals("[nnnnnn]", render("[{% if 5 >= page.items %}y{% else %}n{% endif %}"
                + "{% if page.items < 5 %}y{% else %}n{% endif %}{% if nil < 1 %}y{% else %}n{% endif %}"
                + "{% if 1 > nil %}y{% else %}n{% endif %}{% if true < 1 %}y{% else %}n{% endif %}"
                + "{% if false >= false %}y{% else %}n{% endif %}]"));
        assertEquals("[nnnnnn]", render("[{% if page.items[0] > 1 %}y{% else %}n{% endif %}"
                + "{% if \"a\" < page.items[0] %}y{% else %}n{% endif %}{% if page.items <= page.items %}y{% else %}n{% endif %}"
                + "{% if page.date > page.items %}y{% else %}n{% endif %}{% if 1.5 <= page.items %}y{% else %}n{% endif %}"
                + "{% if page.title > page.items %}y{% else %}n{% endif %}]"));
        assertEquals("[nnnn]", render("[{% if page.date > page.items %}y{% else %}n{% endif %}"
                + "{% if page.items[0] >= page.date %}y{% else %}n{% endif %}{% if site.title < page.items %}y{% else %}n{% endif %}"
                + "{% if page.date > nil %}y{% else %}n{% endif %}]"));
    }

    @Test
    void reverseUniqAndCompactOfNilAreAnEmptyArray() throws Exception {
        // what Jekyll 4.3.1 printed: Liquid's InputIterator reads nil as no item, so sort after them has an array
        assertEquals("[]|[]|[]|[]|[]|", render("{{ page.missing | reverse | jsonify }}|{{ page.missing | uniq | jsonify }}|"
                + "{{ page.missing | compact | jsonify }}|{{ page.missing | reverse | sort | jsonify }}|"
                + "{{ page.missing | uniq | sort: 'name' | jsonify }}|{{ page.missing | join: ',' }}"));
    }

    @Test
    void blankIsAnEmptyLiteralThatEqualsNothing() throws Exception {
        // without ActiveSupport no value responds to blank?, so "== blank" is never true
        assertEquals("no no no", render("{% if page.empty == blank %}yes{% else %}no{% endif %} "
                + "{% if page.missing == blank %}yes{% else %}no{% endif %} "
                + "{% if page.title == blank %}yes{% else %}no{% endif %}"));
        assertEquals("yes", render("{% if page.empty != blank %}yes{% else %}no{% endif %}"));
        assertEquals("[]", render("[{{ blank }}]"));
        assertEquals("truthy", render("{% if blank %}truthy{% endif %}"));
    }

    @Test
    void emptyStillMatchesEmptyValues() throws Exception {
        assertEquals("yes", render("{% if page.empty == empty %}yes{% else %}no{% endif %}"));
    }

    @Test
    void sortPutsNilsFirstUnlessToldLast() throws Exception {
        assertEquals("b c a", render("{{ page.items | sort: 'rank' | map: 'name' | join: ' ' }}"));
        assertEquals("c a b", render("{{ page.items | sort: 'rank', 'last' | map: 'name' | join: ' ' }}"));
        DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosticException.class,
                () -> render("{{ page.items | sort: 'rank', 'middle' }}"));
        assertEquals("about.md:1:15: error: Liquid error: Invalid nils order: 'middle' is not a valid nils order."
                + " It must be 'first' or 'last'.", e.diagnostic().format());
    }

    @Test
    void echoAndLiquidTagsOfLiquid5() throws Exception {
        // Jekyll 4.3.1 on Debian runs Liquid 5.4, which has both tags
        assertEquals("a 412 b", render("a {% liquid\nassign x = 3\necho x | plus: 1\n\nfor i in (1..2)\n  echo i\nendfor\n%} b"));
        assertEquals("ayb HI1.", render("a {%- liquid\n  if true\n    echo 'y'\n  endif\n-%} b {% echo 'hi' | upcase %} {%- echo 1 -%} ."));
        assertEquals("2||{% echo 1 %}", render("{% liquid assign z = 2 %}{{ z }}{% liquid %}|{% liquid\n\n%}|"
                + "{% raw %}{% echo 1 %}{% endraw %}"));
    }

    @Test
    void aRangeIsAValueAnOutputTagAndAnAssignStartFrom() throws Exception {
        // what Jekyll 4.3.1 printed: filters read the range as its numbers, a page shows its ends
        assertEquals("1..3|1,2,3|3|1|3|3 2 1|2..4|234|3-4-5|0|3..1|1..2|4|1..2|{{ (1..2) }}",
                render("{% assign n = 4 %}{% assign s = \"3\" %}{{ (1..3) }}|{{ (1..3) | join: \",\" }}|"
                        + "{{ (1..3) | size }}|{{ (1..3) | first }}|{{ (1..3) | last }}|{{ (1..3) | reverse | join }}|"
                        + "{% assign r = (2..n) %}{{ r }}|{% for x in r %}{{ x }}{% endfor %}|{{ (s..5) | join: \"-\" }}|"
                        + "{{ (3..1) | size }}|{{ (3..1) }}|{{ ( 1 .. 2 ) }}|{% capture c %}{{ r }}{% endcapture %}{{ c | size }}|"
                        + "{{- (1..2) -}}|{% raw %}{{ (1..2) }}{% endraw %}"));
    }

    @Test
    void aRangeIsAValueInConditionsComparisonsAndWhen() throws Exception {
        // what Jekyll 4.3.1 printed: a range is true, equal only to a range of the same ends (not
        // to the array of its numbers, not to empty), holds the numbers between its ends, is text
        // by its ends to contains, and has no order
        assertEquals("T|T|F|F|T|F|T|T|T|F|T|F|F|B|A|B|B", render("{% assign n = 4 %}{% assign s = \"3\" %}"
                + "{% assign a = (1..3) | reverse | reverse %}{% assign r = (1..3) %}"
                + "{% if (3..1) %}T{% else %}F{% endif %}|{% if (1..3) == r %}T{% else %}F{% endif %}|"
                + "{% if (3..1) == (5..2) %}T{% else %}F{% endif %}|{% if a == (1..3) %}T{% else %}F{% endif %}|"
                + "{% if (1..3) != a %}T{% else %}F{% endif %}|{% if (3..1) == empty %}T{% else %}F{% endif %}|"
                + "{% if (s..n) == (3..4) %}T{% else %}F{% endif %}|{% if (1..3) contains 2 %}T{% else %}F{% endif %}|"
                + "{% if (1..3) contains 2.5 %}T{% else %}F{% endif %}|{% if (1..3) contains \"2\" %}T{% else %}F{% endif %}|"
                + "{% if \"a1..3\" contains (1..3) %}T{% else %}F{% endif %}|"
                + "{% if (1..3) < 2 or 2 >= (1..3) %}T{% else %}F{% endif %}|{% unless (1..3) %}T{% else %}F{% endunless %}|"
                + "{% if false %}A{% elsif (1..2) contains 1 %}B{% endif %}|{% case r %}{% when (1..3) %}A{% else %}B{% endcase %}|"
                + "{% case a %}{% when (1..3) %}A{% else %}B{% endcase %}|{% case 2 %}{% when 5, (1..3) %}A{% else %}B{% endcase %}"));
    }

    @Test
    void aRangeGivenToAFilterIsWhatRubyMakesOfIt() throws Exception {
        // what Jekyll 4.3.1 printed: text to append, slice, upcase, jsonify and inspect, its ends
        // to first and last, and no array to push, pop and shift, which give it back as it is
        assertEquals("x1..3|1..3|1-2-3|\"1..3\"|1..3|3-1|1,2,3|.|1..3|1,2,3,1,2,3|2,3,4",
                render("{% assign a = (1..3) | reverse | reverse %}{{ \"x\" | append: (1..3) }}|{{ nil | default: (1..3) }}|"
                        + "{{ nil | default: (1..3) | join: \"-\" }}|{{ (1..3) | jsonify }}|{{ (1..3) | inspect }}|"
                        + "{{ (3..1) | first }}-{{ (3..1) | last }}|{{ (1..3) | push: 4 | join: \",\" }}|{{ (1..3) | slice: 1 }}|"
                        + "{{ (1..3) | upcase }}|{{ (1..3) | concat: a | join: \",\" }}|{{ (2..4) | pop | shift | join: \",\" }}"));
        // split's pattern and join's separator are read with to_s too
        assertEquals("a,b|11..321..33", render("{% assign a = (1..3) | reverse | reverse %}"
                + "{{ \"a1..3b\" | split: (1..3) | join: \",\" }}|{{ a | join: (1..3) }}"));
    }

    @Test
    void aHugeRangesSizeIsCountedFromItsEnds() throws Exception {
        // what Ruby Liquid printed, at once: Range#size counts, it lists nothing
        assertEquals("2000000000 4000000001 0", render("{{ (1..2000000000) | size }} "
                + "{{ (-2000000000..2000000000) | size }} {{ (3..1) | size }}"));
    }

    @Test
    void aRangesEndsAreWholeNumbersAsRubyReadsThem() throws Exception {
        // what Jekyll 4.3.1 printed: a literal float cut, text and nil read as to_i reads them
        assertEquals("1..3|0..2|0..2|0..2|2..2|3,4,5|4", render("{% assign fs = \"2.5\" %}{% assign z = nil %}"
                + "{{ (1.5..3) }}|{{ (\"x\"..2) }}|{{ (nil..2) }}|{{ (z..2) }}|{{ (fs..2) }}|{{ (\"3abc\"..5) | join: \",\" }}|"
                + "{{ (-2..1) | size }}"));
    }

    @Test
    void aRangeIsAValueInTheLiquidTagAndACycleButNotInText() throws Exception {
        // what Jekyll 4.3.1 printed: a cycle writes a range by its ends, and two cycles of the same
        // literal range are one group, of a range with a variable end two
        assertEquals("1..2|B|(1..2)|12|1..2a1..2|1..21..2", render("{% liquid\nassign r = (1..3)\nif r contains 2\n"
                + "echo (1..2)\nendif\n%}|{% if x == ( 1 .. 3 ) %}A{% else %}B{% endif %}|{{ \"(1..2)\" }}|"
                + "{% for i in (1..2) %}{{ i }}{% else %}E{% endfor %}|"
                + "{% cycle (1..2), \"a\" %}{% cycle (1..2), 'a' %}{% cycle (1..2), \"a\" %}|"
                + "{% assign n = 2 %}{% cycle (1..n), \"a\" %}{% cycle (1..n), \"a\" %}"));
    }

    @Test
    void tablerowLoopsOverARange() throws Exception {
        assertEquals("[<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n]",
                render("[{% tablerow i in (1..2) %}{{ i }}{% endtablerow %}]"));
        assertEquals("<tr class=\"row1\">\n<td class=\"col1\">2:1,1,false</td><td class=\"col2\">3:2,1,true</td></tr>\n"
                        + "<tr class=\"row2\"><td class=\"col1\">4:1,2,false</td></tr>\n",
                render("{% assign n = 5 %}{%- tablerow  x in (1..n) cols:2 limit:3 offset:1 -%}"
                        + "{{ x }}:{{ tablerowloop.col }},{{ tablerowloop.row }},{{ tablerowloop.col_last }}{%- endtablerow -%}"));
        // a loop inside, a tablerow over a variable inside, and a for over a range stay what they were
        assertEquals("<tr class=\"row1\">\n<td class=\"col1\">12</td></tr>\n|123",
                render("{% tablerow x in (2..2) %}{% for j in (1..x) %}{{ j }}{% endfor %}{% endtablerow %}|"
                        + "{% for i in (1..3) %}{{ i }}{% endfor %}"));
    }

    @Test
    void unlessTakesElsifBranchesTriedInOrderAfterItsOwnCondition() throws Exception {
        // what Jekyll 4.3.1 printed: Ruby's unless is an if whose first condition is read backwards
        assertEquals("b|a|d|[b]||euu", render("{% unless page.title == \"Jobs\" %}a{% elsif page.empty == \"\" %}b"
                + "{% else %}c{% endunless %}|{% unless false %}a{% elsif true %}b{% endunless %}|"
                + "{% unless true %}a{% elsif false %}b{% elsif true %}d{% else %}c{% endunless %}|"
                + "[ {%- unless true -%} a {%- elsif true -%} b {%- endunless -%} ]|"
                + "{% unless true %}a{% elsif false %}b{% endunless %}|"
                + "{% for i in (1..3) %}{% unless i == 1 %}u{% elsif i == 1 %}e{% endunless %}{% endfor %}"));
    }

    @Test
    void breakAndContinueKeepWhatTheBlockWroteBeforeThem() throws Exception {
        assertEquals("<1>[1]<2>xend", render("{% for i in (1..4) %}<{{ i }}>{% if i == 2 %}x{% break %}y{% endif %}"
                + "[{{ i }}]{% endfor %}end"));
        assertEquals("<1>[1]<2>x<3>[3]end", render("{% for i in (1..3) %}<{{ i }}>{% if i == 2 %}x{% continue %}y"
                + "{% endif %}[{{ i }}]{% endfor %}end"));
        assertEquals("u1e|1c3", render("{% for i in (1..3) %}{% unless i == 2 %}u{{ i }}{% else %}e{% break %}"
                + "{% endunless %}{% endfor %}|{% for i in (1..3) %}{% case i %}{% when 2 %}c{% continue %}{% endcase %}"
                + "{{ i }}{% endfor %}"));
        // with no loop around it, a break ends the template
        assertEquals("before\n", render("before\n{% if true %}{% break %}{% endif %}\nafter"));
    }

    @Test
    void tablerowLeavesBreakAndContinueToTheLoopAroundIt() throws Exception {
        // Ruby's tablerow goes on with its items, each body stopping after its first tag or output
        String table = "<tr class=\"row1\">\n<td class=\"col1\"><1>[1]</td><td class=\"col2\"><2></td></tr>\n"
                + "<tr class=\"row2\"><td class=\"col1\"><3</td><td class=\"col2\"><4</td></tr>\n";
        assertEquals("A" + table, render("A{% tablerow i in (1..4) cols: 2 %}<{{ i }}>{% if i == 2 %}{% break %}{% endif %}"
                + "[{{ i }}]{% endtablerow %}B\nC"));
        assertEquals("A" + table, render("A{% tablerow i in (1..4) cols: 2 %}<{{ i }}>{% if i == 2 %}{% continue %}"
                + "{% endif %}[{{ i }}]{% endtablerow %}B"));
        String row = "<tr class=\"row1\">\n<td class=\"col1\"><1>[1]</td><td class=\"col2\"><2></td>"
                + "<td class=\"col3\"><3</td></tr>\n";
        assertEquals("J1" + row + "end", render("{% for j in (1..3) %}J{{ j }}{% tablerow i in (1..3) %}<{{ i }}>"
                + "{% if i == 2 %}{% break %}{% endif %}[{{ i }}]{% endtablerow %}after{{ j }}\n{% endfor %}end"));
        assertEquals("J1" + row + "J2" + row + "J3" + row + "end", render("{% for j in (1..3) %}J{{ j }}"
                + "{% tablerow i in (1..3) %}<{{ i }}>{% if i == 2 %}{% continue %}{% endif %}[{{ i }}]{% endtablerow %}"
                + "after{{ j }}\n{% endfor %}end"));
    }

    @Test
    void filtersOfLiquid5ReadAsRubyReadsThem() throws Exception {
        // each expected value is what Jekyll 4.3.1 printed
        assertEquals("-4 2 -3.5", render("{{ -7 | divided_by: 2 }} {{ 10 | divided_by: 4 }} {{ -7 | divided_by: 2.0 }}"));
        assertEquals("Helo aab", render("{{ 'Hello' | remove_last: 'l' }} {{ 'aaa' | replace_last: 'a', 'b' }}"));
        assertEquals("YWJj abc aGk_ hi?", render("{{ 'abc' | base64_encode }} {{ 'YWJj' | base64_decode }} "
                + "{{ 'hi?' | base64_url_safe_encode }} {{ 'aGk_' | base64_url_safe_decode }}"));
        assertEquals("[][]", render("[{{ 'str' | first }}][{{ 'str' | last }}]"));
        assertEquals("[d][false][e]", render("[{{ false | default: 'd' }}][{{ false | default: 'd', allow_false: true }}]"
                + "[{{ '' | default: 'e', allow_false: true }}]"));
        // a hash given as the default is the value, not options (minimal-mistakes' author falls back so)
        assertEquals("Open Revenue Research", render("{% assign a = page.missing | default: site %}{{ a.title }}"));
    }

    @Test
    void caseWritesEveryWhenThatMatches() throws Exception {
        assertEquals("aabbcd 12", render("{% for v in (1..5) %}{% case v %}{% when 1, 2 %}a{% when 3 or 4 %}b"
                + "{% when 4 %}c{% else %}d{% endcase %}{% endfor %} {% case 'x' %}{% when 'x' %}1{% when 'x' %}2{% endcase %}"));
    }

    @Test
    void sliceAndLoopsReadTheirValuesAsRubyDoes() throws Exception {
        assertEquals("[][f][bc][][cd][b+c][]", render("[{{ 'abcdef' | slice: 2, -1 }}][{{ 'abcdef' | slice: -1 }}]"
                + "[{{ 'abcdef' | slice: '1', 2 }}][{{ 'abcdef' | slice: 9 }}][{{ 'a,b,c,d' | split: ',' | slice: -2, 5 | join: '' }}]"
                + "[{{ 'a,b,c,d' | split: ',' | slice: 1, 2 | join: '+' }}][{{ 'a,b' | split: ',' | slice: 7 | join: '' }}]"));
        assertEquals("|ab", render("{% assign z = 5 %}{% for k in z %}{{ k }}{% endfor %}|{% assign s = 'ab' %}"
                + "{% for k in s %}{{ k }}{% endfor %}"));
    }

    @Test
    void cycleGroupsUnnamedCyclesByTheTextOfTheirValues() throws Exception {
        assertEquals("112211", render("{% for i in (1..3) %}{% cycle 1, 2 %}{% cycle '1', '2' %}{% endfor %}"));
        assertEquals("axxa|byyb|cxxa|", render("{% for i in (1..3) %}{% cycle 'a', 'b', 'c' %}{% cycle 'g1': 'x', 'y' %}"
                + "{% cycle 'g2': 'x', 'y' %}{% cycle \"a\", \"b\" %}|{% endfor %}"));
    }

    @Test
    void rawKeepsItsTextAndTrimsAfterEndrawAsRubyDoes() throws Exception {
        // Jekyll 4.3.1's output for the same text: a dash closing raw trims the text after endraw
        assertEquals("A {{ raw }} B|x| y", render("A\n  {%- raw -%} {{ raw }} {% endraw %}\nB|{%- raw %}x{% endraw %}|{% raw -%} y{% endraw %}"));
    }

    @Test
    void sortWithoutPropertyStopsOnValuesRubyCannotCompare() throws Exception {
        // Jekyll's sort is Ruby's Array#sort, which glibc's merge sort drives: [2, nil, 1] compares nil with 1 first
        DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosticException.class,
                () -> render("{{ page.items | map: 'rank' | sort | join: ',' }}"));
        assertEquals("about.md:1:29: error: Liquid error: comparison of NilClass with 1 failed", e.diagnostic().format());
        e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosticException.class,
                () -> render("{{ page.items | map: 'name' | push: 1 | sort | join: ',' }}"));
        assertEquals("about.md:1:39: error: Liquid error: comparison of String with 1 failed", e.diagnostic().format());
        assertEquals("a,b,c", render("{{ page.items | map: 'name' | reverse | sort | join: ',' }}"));
    }

    @Test
    void mapKeepsNilForItemsWithoutTheProperty() throws Exception {
        assertEquals("[2, nil, 1]", render("{{ page.items | map: 'rank' | inspect }}"));
        assertEquals("[]", render("{{ page.nothing | map: 'rank' | inspect }}"));
        assertEquals("[&quot;a&quot;]", render("{{ page.items[0] | map: 'name' | inspect }}"));
        DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosticException.class,
                () -> render("{{ page.items | map: 'rank' | map: 'x' }}"));
        assertEquals("about.md:1:29: error: Liquid error: cannot select the property 'x'", e.diagnostic().format());
    }

    @Test
    void sortNaturalPutsNilsLastInTheOrderRubysSortLeavesThem() throws Exception {
        assertEquals("c a b", render("{{ page.items | sort_natural: 'rank' | map: 'name' | join: ' ' }}"));
        assertEquals("10,9,a,b,B,C,,", render("{% assign xs = 'b,B,a,C,10,9' | split: ',' | push: nil | push: nil %}"
                + "{{ xs | sort_natural | join: ',' }}"));
    }

    @Test
    void whereExpAndGroupByExpSeeNilProperties() throws Exception {
        assertEquals("b", render("{{ page.items | where_exp: 'i', 'i.rank == nil' | map: 'name' | join: ' ' }}"));
        assertEquals("a c", render("{{ page.items | where_exp: 'i', 'i.rank' | map: 'name' | join: ' ' }}"));
        // the separator's unless holds only white space, a blank block whose output Liquid drops
        assertEquals("2:a:b1:c", render("{% assign g = page.items | group_by_exp: 'i', 'i.rank' %}"
                + "{% for x in g %}{{ x.name }}:{{ x.items | map: 'name' | join: ',' }}{% unless forloop.last %} {% endunless %}{% endfor %}"));
    }

    @Test
    void dateFormatsWithRubyStrftimeFlags() throws Exception {
        assertEquals("4 9 7 05 7", render("{{ page.date | date: '%-d %-m %-H %M %-I' }}"));
        assertEquals(" 4| 7| 7|am|AM", render("{{ page.date | date: '%e|%k|%l|%P|%p' }}"));
        assertEquals("SEPTEMBER|MONDAY|247|247|17|2017", render("{{ page.date | date: '%^B|%^A|%j|%-j|%y|%Y' }}"));
        assertEquals("04| 9|4|2017-09-04T07:05:03+00:00", render("{{ page.date | date: '%0e|%_m|%-e|%FT%T%:z' }}"));
        assertEquals("1|1|36|36|36|20|1504508703|000|UTC|Sep", render("{{ page.date | date: '%u|%w|%U|%W|%V|%C|%s|%L|%Z|%h' }}"));
        assertEquals("09/04/17|07:05:03 AM|07:05|Mon Sep  4 07:05:03 2017|2017|%|MON",
                render("{{ page.date | date: '%D|%r|%R|%c|%G|%%|%^a' }}"));
        assertEquals("247|7|07|1|1| +000|000|000|000000000|000000000|%|  09/04/17|       UTC|%Q|%5-d|+0000",
                render("{{ page.date | date: '%_j|%-l|%0l|%_u|%_w|%_z|%-L|%_L|%-N|%_N|%-%|%10x|%10Z|%Q|%5-d|%-z' }}"));
    }

    @Test
    void highlightWritesPlusAsMinusInTheClassAndReadsLinenosOptions() throws Exception {
        assertEquals("<figure class=\"highlight\"><pre><code class=\"language-c--\" data-lang=\"c++\"><span class=\"kt\">int</span> "
                + "<span class=\"n\">x</span><span class=\"p\">;</span></code></pre></figure>",
                render("{% highlight c++ %}\nint x;\n{% endhighlight %}"));
        assertEquals("<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
                + "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre></td>"
                + "<td class=\"code\"><pre><span class=\"n\">x</span>\n</pre></td></tr></tbody></table></code></pre></figure>",
                render("{% highlight ruby linenos=table %}\nx\n{% endhighlight %}"));
    }

    /** Pixyll's demo post writes {@code {% highlight ruby lineanchors %}}: an option Rouge in Jekyll ignores. */
    @Test
    void highlightReadsTheFirstWordAsTheLanguageAndTheRestAsOptions() throws Exception {
        String plain = "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
                + "<span class=\"n\">x</span></code></pre></figure>";
        assertEquals(plain, render("{% highlight ruby lineanchors %}\nx\n{% endhighlight %}"));
        assertEquals(plain, render("{% highlight Ruby hl_lines=\"1 2\" %}\nx\n{% endhighlight %}"));
        assertEquals("<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
                + "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre></td>"
                + "<td class=\"code\"><pre><span class=\"n\">x</span>\n</pre></td></tr></tbody></table></code></pre></figure>",
                render("{% highlight ruby lineanchors linenos %}\nx\n{% endhighlight %}"));
    }

    @Test
    void moduloOfANegativeIntegerTakesTheDivisorsSignAsRubyDoes() throws DiagnosticException {
        assertEquals("2 -2 1 1.5", render("{{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ '7' | modulo: 3 }} {{ 7.5 | modulo: 3 }}"));
    }

    @Test
    void moduloOfADecimalTakesTheDivisorsSignAsRubyDoes() throws DiagnosticException {
        assertEquals("6.25|-0.5|-0.5|0.0", render("{{ -0.75 | modulo: 7 }}|{{ 7.5 | modulo: -2 }}|{{ '2.5' | modulo: -1 }}"
                + "|{{ -4.0 | modulo: 2 }}"));
    }

    @Test
    void arithmeticOfFloatsIsDoneInTheDecimalsRubyPrintsThemAs() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid makes each float the BigDecimal of its digits, and the
        // result a Float again
        assertEquals("-0.335|0.3333333333333333|0.3|0.3|5.0|2.5|0.6666666666666666|0.15714285714285714",
                render("{{ 1.005 | divided_by: -3 }}|{{ 1 | divided_by: 3.0 }}|{{ 0.1 | times: 3 }}|{{ 0.1 | plus: 0.2 }}|"
                        + "{{ 10 | divided_by: 2.0 }}|{{ \"2.50\" | plus: 0 }}|{{ 2 | divided_by: 3.0 }}|{{ 1.1 | divided_by: 7 }}"));
        assertEquals("9223372036854775808|100000000000000000000|1.2345678901234568e+17|1.0e-05|0.0001|1.0e+16|1.0e+15",
                render("{{ 9223372036854775807 | plus: 1 }}|{{ \"99999999999999999999\" | plus: 1 }}|"
                        + "{{ 123456789012345678 | times: 1.0 }}|{{ 0.00001 | times: 1 }}|{{ 0.0001 | times: 1 }}|"
                        + "{{ 1000000 | times: 10000000000.0 }}|{{ 100000 | times: 10000000000.0 }}"));
    }

    @Test
    void aFloatResultIsAFloatAndAnIntegerResultAnInteger() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: round to tens or to no places, ceil and floor give integers
        assertEquals("-90.0|50|0.0|1.0|5|2.0|1|4|-4|4|31.4159|2.0|0.5",
                render("{{ 40 | round: -1 | times: -2.25 }}|{{ 45.5 | round: -1 }}|{{ 3 | modulo: -1.5 }}|{{ 2 | times: 0.5 }}|"
                        + "{{ 5 | at_least: 2.0 }}|{{ 1 | at_least: 2.0 }}|{{ 2.5 | at_most: \"1\" }}|{{ 3.7 | ceil }}|"
                        + "{{ -3.7 | floor }}|{{ \"3.2\" | ceil }}|{{ 3.14159 | times: 10 }}|{{ 7 | modulo: 2.5 }}|"
                        + "{{ -7 | modulo: 2.5 }}"));
    }

    @Test
    void aZeroFloatKeepsItsSignAndAFloatDividedByZeroIsInfinite() throws DiagnosticException {
        // what Jekyll 4.3.1 printed
        assertEquals("-0.0|0.0|-0.0|0.0|Infinity|-Infinity|0.0|-0.0|0",
                render("{{ 0 | times: -0.75 }}|{{ -0.0 | abs }}|{{ -0.04 | round: 1 }}|{{ 0 | modulo: -1.5 }}|"
                        + "{{ 1 | divided_by: 0.0 }}|{{ -1.5 | divided_by: 0 }}|{{ 0.5 | minus: 0.5 }}|"
                        + "{{ 0 | divided_by: -3.0 }}|{{ -0.0 | round }}"));
    }

    @Test
    void whereAndFindGiveBackAValueRubyCannotSelectFrom() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: text, a number, a boolean or nil has no select or find
        assertEquals("\"3.7\"|10|-2.25|null|false|\"abc\"|3|[2,3]|null",
                render("{{ \"3.7\" | where: \"score\", true | jsonify }}|{{ 10 | where_exp: \"x\", \"x > 2\" | jsonify }}|"
                        + "{{ -2.25 | find_exp: \"x\", \"x.active\" | jsonify }}|{{ nil | where: \"a\", \"b\" | jsonify }}|"
                        + "{{ false | find_exp: \"x\", \"x\" | jsonify }}|{{ \"abc\" | find: \"a\", \"b\" | jsonify }}|"
                        + "{{ 3 | where: \"tags\", 1 }}|{{ (1..3) | where_exp: \"x\", \"x > 1\" | jsonify }}|"
                        + "{{ page.missing | where_exp: \"x\", \"x\" | jsonify }}"));
    }

    @Test
    void reverseCompactAndUniqMakeAnArrayOfAValueThatIsNoArray() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid's InputIterator makes nil no item, any other value one
        assertEquals("[\"a\"]|[]|[5]|[false]|[\"\"]|2.5|0", render("{{ \"a\" | reverse | jsonify }}|"
                + "{{ nil | reverse | jsonify }}|{{ 5 | compact | jsonify }}|{{ false | uniq | jsonify }}|"
                + "{{ \"\" | compact | jsonify }}|{{ 2.5 | uniq | first }}|{{ page.missing | uniq | size }}"));
    }

    @Test
    void jekyllsDateFiltersReadAnIntegerAsSecondsSince1970() throws DiagnosticException {
        assertEquals("1969-12-31T23:59:57+00:00|01 Jan 1970|Thu, 01 Jan 1970 00:00:42 +0000",
                render("{{ -3 | date_to_xmlschema }}|{{ 0 | date_to_string }}|{{ 42 | date_to_rfc822 }}"));
    }

    @Test
    void concatStartsFromAValueThatIsNoArrayAsItsOnlyItem() throws DiagnosticException {
        // Liquid's InputIterator makes an array of anything but nil: Array("x") is ["x"], a hash is [hash]
        assertEquals("x,1,2|false,1,2|3,1,2|1,2|3", render("{% assign a = '1,2' | split: ',' %}"
                + "{{ 'x' | concat: a | join: ',' }}|{{ false | concat: a | join: ',' }}|{{ 3 | concat: a | join: ',' }}"
                + "|{{ nil | concat: a | join: ',' }}|{{ page.items[0] | concat: a | size }}"));
    }

    @Test
    void sizeOfADecimalIsZeroAsRubysFloatHasNoSize() throws DiagnosticException {
        // Ruby's Integer#size is its width in bytes; Float has no size method
        assertEquals("0|8|0", render("{{ 2.5 | size }}|{{ 25 | size }}|{{ '2.5' | plus: 0 | size }}"));
    }

    @Test
    void sizeOfTextCountsCharactersNotUtf16Units() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Ruby's String#size counts an emoji once
        assertEquals("12|12|1|2", render("{% assign s = \"émoji 🎉 text\" %}{{ s | size }}|{{ s.size }}|"
                + "{{ \"🎉\" | size }}|{{ \"日本\" | size }}"));
    }

    @Test
    void compactWithAPropertyLeavesOutTheItemsItIsNilIn() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid 5.4 reads item[property]; text answers a name it
        // contains, and an item without [] (nil, a float, a boolean) makes the result nil
        assertEquals("a,c|abc|0|0|3", render("{{ page.items | compact: \"rank\" | map: \"name\" | join: \",\" }}|"
                + "{{ \"abc\" | compact: \"b\" }}|{{ \"abc\" | compact: \"x\" | size }}|{{ 1.5 | compact: \"x\" | size }}|"
                + "{{ page.items | compact: nil | size }}"));
        assertEquals("0|0|0|0", render("{% assign e = \"\" | split: \"\" %}{{ e | compact: \"x\" | size }}|"
                + "{{ nil | compact: \"x\" | size }}|{{ true | compact: \"x\" | size }}|"
                + "{{ page.items | push: nil | compact: \"name\" | size }}"));
    }

    @Test
    void standardFiltersWalkATimeAsRubysTimeToA() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for a front matter time 2027-02-01 18:20:53 +09:30: Array(time)
        // is its second, minute, hour, day, month, year, weekday, day of the year, summer time, zone
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("t", ZonedDateTime.of(2027, 2, 1, 18, 20, 53, 0, java.time.ZoneOffset.ofHoursMinutes(9, 30)));
        Map<String, Object> variables = new HashMap<>(Map.of("page", page));
        assertEquals(",false,32,1,2027,2,1,18,20,53|[null,false,32,1,2027,2,1,18,20,53]|9|9||false",
                renderer.render("{{ page.t | reverse | join: \",\" }}|{{ page.t | reverse | jsonify }}|"
                        + "{{ page.t | uniq | size }}|{{ page.t | compact | size }}|"
                        + "{% assign x = page.t | reverse %}{{ x | first }}|{{ x[1] }}", "about.md", 1, variables));
    }

    @Test
    void firstAndLastOfAValueThatIsNoArrayAreNil() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid calls Ruby's first and last, which a number, a boolean and text lack
        assertEquals("[|||||]", render("[{{ 1.005 | first }}|{{ 42 | first }}|{{ true | last }}|{{ 7 | last }}|"
                + "{{ (1..3) | size | first }}|{{ 'ab' | first }}]"));
    }

    @Test
    void mapSortNaturalAndGroupByReadAValueOfAnotherTypeAsRubyDoes() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: a float has no [] (map gives nil), an integer and text do
        // (sort_natural of one item never reads it), and what cannot be grouped is given back
        assertEquals("[1|2|10||5|0]", render("{% assign e = '' | split: '' %}{% assign fl = e | push: 1.5 | push: 0.25 %}"
                + "[{{ 0.5 | map: 'age' | size }}|{{ fl | map: 'x' | size }}|"
                + "{{ '10' | group_by: 'x' }}|{{ '10' | group_by_exp: 'x', 'x.name' | map: 'name' }}|"
                + "{{ 5 | group_by: 'x' }}|{{ nil | group_by: 'x' | size }}]"));
        assertEquals("[[-1]|[\"ab\"]|null|Beta,beta,delta,,gamma,alpha]", render("[{{ -1 | sort_natural: 'active' | jsonify }}|"
                + "{{ 'ab' | sort_natural: 'a' | jsonify }}|{{ 1.5 | sort_natural: 'a' | jsonify }}|"
                + "{{ 'alpha,Beta,gamma,beta,,delta' | split: ',' | sort_natural: 'e' | join: ',' }}]"));
    }

    @Test
    void groupByNamesAGroupByRubysTextOfAListOrAHash() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for the same people in front matter: Array#to_s and Hash#to_s
        // are their inspect
        List<Object> people = List.of(Map.of("name", "a", "tags", List.of("x", "y")),
                Map.of("name", "b", "tags", List.of("x", "y")), Map.of("name", "c", "meta", Map.of("k", 1)),
                Map.of("name", "d", "tags", List.of("z")));
        Map<String, Object> variables = Map.of("page", Map.of("people", people));
        assertEquals("[\"x\", \"y\"];;[\"z\"]|;{\"k\"=>1}", renderer.render(
                "{{ page.people | group_by: 'tags' | map: 'name' | join: ';' }}|"
                        + "{{ page.people | group_by: 'meta' | map: 'name' | join: ';' }}", "about.md", 1, variables));
    }

    @Test
    void forLoopsOverTextWholeWhateverItsOffsetAndOverADateAsNothing() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for s: abc and d: 2019-07-14 in front matter
        Map<String, Object> page = Map.of("s", "abc", "d", new org.sheaf.jekyll.RubyDate(java.time.LocalDate.of(2019, 7, 14)));
        assertEquals("[abc:1]|[abc][abc]|E", renderer.render(
                "{% for i in page.s offset:2 limit:0 %}[{{ i }}:{{ forloop.length }}]{% endfor %}|"
                        + "{% for i in page.s reversed offset:5 %}[{{ i }}]{% endfor %}"
                        + "{% for i in page.s offset:continue %}[{{ i }}]{% endfor %}|"
                        + "{% for i in page.d %}x{% else %}E{% endfor %}", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void comparesADateWithANumberByItsJulianDayAsRubyDoes() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for when: 2020-01-01 and n: 2458849.5 in front matter: Date#<=>
        // with a number compares the date's astronomical Julian day, 2458849.5, on either side of ==
        Map<String, Object> page = Map.of("when", new org.sheaf.jekyll.RubyDate(java.time.LocalDate.of(2020, 1, 1)),
                "n", 2458849.5);
        assertEquals("gt|lt|eq|ge|a|d|f", renderer.render(
                "{% if page.when > 5 %}gt{% endif %}|{% if page.when < 2458850 %}lt{% endif %}|"
                        + "{% if page.when == 2458849.5 %}eq{% endif %}|{% if page.when >= 2458849.5 %}ge{% endif %}|"
                        + "{% if 2458849.5 == page.when %}a{% endif %}{% if page.when == 5 %}b{% endif %}"
                        + "{% if page.when != page.n %}c{% endif %}|{% case page.when %}{% when 2458849.5 %}d{% when 5 %}e"
                        + "{% endcase %}|{% case 2458849.5 %}{% when page.when %}f{% endcase %}",
                "about.md", 1, Map.of("page", page)));
    }

    @Test
    void equalsTextArraysAndNumbersAsRubyDoes() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: "" is no empty array, 1 is not 1.0000000000001, but 1 is 1.0
        Map<String, Object> page = Map.of("s", "", "a", List.of(), "n", 42L);
        assertEquals("|H|J|K|N|O", renderer.render("{% if page.a == page.s %}C{% endif %}|"
                + "{% if 1 == 1.0000000000001 %}E{% endif %}{% if 1 == 1.0 %}H{% endif %}|"
                + "{% assign e = '' | split: ',' %}{% if e == page.a %}J{% endif %}|{% if e != page.s %}K{% endif %}"
                + "{% case page.s %}{% when page.a %}L{% endcase %}|{% if page.s == empty %}N{% endif %}|"
                + "{% if page.n == 42 %}O{% endif %}", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void whereMatchesAMissingPropertyWithNilOrEmptyAlone() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Array(nil) has no item to equal "" or 0, while nil and empty match it
        Map<String, Object> ann = new java.util.HashMap<>(Map.of("name", "Ann", "team", "red"));
        ann.put("age", null);
        Map<String, Object> page = Map.of("people", List.of(ann, Map.of("name", "Dee", "age", 40L)));
        assertEquals("0|0|0|Ann|Dee|2|2", renderer.render("{{ page.people | where: 'missing', '' | size }}|"
                + "{{ page.people | where: 'team', '' | size }}|{{ page.people | where: 'missing', 0 | size }}|"
                + "{{ page.people | where: 'age', nil | map: 'name' }}|{{ page.people | where: 'team', nil | map: 'name' }}|"
                + "{{ page.people | where: 'missing', empty | size }}|{{ page.people | where: 'missing', page.zz | size }}",
                "about.md", 1, Map.of("page", page)));
    }

    @Test
    void sortsDatesByDayAndADateBeforeANumberAsRubyDoes() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for [2020-01-01, 2019-01-01] and [2020-01-01, 1] in front matter
        java.util.function.IntFunction<org.sheaf.jekyll.RubyDate> newYear =
                year -> new org.sheaf.jekyll.RubyDate(java.time.LocalDate.of(year, 1, 1));
        Map<String, Object> page = Map.of("days", List.of(newYear.apply(2020), newYear.apply(2019)),
                "mixed", List.of(newYear.apply(2020), 1L));
        assertEquals("2019-01-01,2020-01-01|1,2020-01-01", renderer.render(
                "{{ page.days | sort | join: ',' }}|{{ page.mixed | sort | join: ',' }}", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void sortByAPropertyReadsTextThatLooksLikeANumberAsThatNumber() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for the same items in _data: " 3 ", "1." and "007" sort as 3, 1.0
        // and 7; a pair Ruby cannot order (a number and text, true and 1) is ordered by their texts
        Object[][] values = {{"a", "10"}, {"b", "2.5"}, {"c", " 3 "}, {"d", "x"}, {"e", 1L}, {"f", "-.5"},
            {"g", "1."}, {"h", "Z"}, {"i", "ä"}, {"j", true}, {"k", ""}, {"l", "1e1"}, {"m"}, {"o", 0.75},
            {"p", List.of(1L)}, {"q", Map.of("k", 2L)}, {"r", "007"}};
        List<Object> items = new ArrayList<>();
        for (Object[] value : values) {
            Map<String, Object> item = new LinkedHashMap<>(Map.of("n", value[0]));
            if (value.length > 1) {
                item.put("v", value[1]);
            }
            items.add(item);
        }
        assertEquals("mkfoeglbcrahpjdqi|kfoeglbcrahpjdqim", renderer.render(
                "{{ page.items | sort: 'v' | map: 'n' | join: '' }}|{{ page.items | sort: 'v', 'last' | map: 'n' | join: '' }}",
                "about.md", 1, Map.of("page", Map.of("items", items))));
    }

    @Test
    void emptyOrBlankGivenBackByAFilterIsEmptyTextToTheNext() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: default keeps the literal (it has no empty?), which reaches the
        // next filter as its to_liquid, ""
        assertEquals("[\"\"|&quot;&quot;|4|-2.25|-2.25|5]", render("[{{ empty | default: 3, allow_false: false | jsonify }}|"
                + "{{ blank | default: 3, allow_false: true | inspect }}|{{ empty | default: 3 | default: 4 }}|"
                + "{{ empty | default: site.title, allow_false: false | default: -2.25, allow_false: false | jsonify }}|"
                + "{{ blank | default: site.title, allow_false: true | default: -2.25 }}|{{ empty | date: \"%Y\" | default: 5 }}]"));
    }

    @Test
    void caseOfEmptyOrBlankTakesNoWhen() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for the same template
        assertEquals("[E|E|E|E|E||E|E|E]", render("{% capture v1 %}x{% endcapture %}{% capture v2 %}{% endcapture %}"
                + "[{% case empty %}{% when v1 %}W{% else %}E{% endcase %}|{% case empty %}{% when v2 %}W{% else %}E{% endcase %}|"
                + "{% case empty %}{% when empty %}W{% else %}E{% endcase %}|{% case blank %}{% when blank %}W{% else %}E{% endcase %}|"
                + "{% case empty %}{% when nil %}W{% else %}E{% endcase %}|{% case empty %}{% when blank, \"\", v2 %}W{% endcase %}|"
                + "{% case blank %}{% when \"\" or nil %}W{% else %}E{% endcase %}|{% case empty %}{% when false %}W{% else %}E{% endcase %}|"
                + "{% case empty %}{% when page.missing %}W{% else %}E{% endcase %}]"));
    }

    @Test
    void sizeOfAnIntegerIsItsWidthInBytesAndAFloatHasNone() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for the same front matter: Integer#size is 8, Float has no size
        Map<String, Object> page = Map.of("n", -3L, "f", 2.5, "ai", List.of(1L, 20L, 3L),
                "big", new java.math.BigInteger("12345678901234567890"));
        assertEquals("[8||8|8|1,20,3|4]", renderer.render("{% assign x = 1 %}[{{ x.size }}|{{ page.f.size }}|"
                + "{{ page.n.size }}|{{ page.big.size }}|{{ page.ai | where_exp: 'x', 'x.size > 3' | join: ',' }}|"
                + "{{ (4..5) | find_exp: 'x', 'x.size == 8' }}]", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void emptyAndBlankAsAValueAreTextOfNothingToDateAndSortFilters() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: its date filters give back an input whose to_s is empty, and
        // Liquid's sort filters walk the literal as its to_liquid, ""
        assertEquals("[||||[\"\"]|[\"\"]]", render("[{{ blank | date_to_xmlschema | date: '%-I:%M%P' }}|"
                + "{{ empty | date_to_rfc822 | cgi_escape }}|{{ blank | date_to_string }}|"
                + "{{ empty | date_to_long_string: 'x', 'US' }}|{{ empty | sort_natural: 'name' | jsonify }}|"
                + "{{ blank | sort_natural: 'score' | sort: 'name' | jsonify }}]"));
    }

    @Test
    void arrayToSentenceStringWritesItemsAsRubyAndReadsTextByItsCharacters() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for the same front matter: Ruby's join walks into nested lists,
        // to_s writes a list as its inspect, and text is read by its characters
        List<Object> people = List.of(Map.of("name", "a", "tags", List.of("x", List.of("y", "z"))), Map.of("name", "b"),
                Map.of("name", "c", "tags", List.of("w")), Map.of("name", "d", "h", Map.of("k", 1)));
        Map<String, Object> page = Map.of("people", people, "two", List.of(List.of("x", "y"), 2.5));
        assertEquals("[x, y, z, , w, and |[\"x\", \"y\"] or 2.5|a and b|x||, , , and {\"k\"=>1}|é & !]", renderer.render(
                "[{{ page.people | map: 'tags' | array_to_sentence_string }}|{{ page.two | array_to_sentence_string: 'or' }}|"
                        + "{{ 'ab' | array_to_sentence_string }}|{{ 'x' | array_to_sentence_string }}|"
                        + "{{ '' | array_to_sentence_string }}|{{ page.people | map: 'h' | array_to_sentence_string }}|"
                        + "{{ 'é!' | array_to_sentence_string: '&' }}]", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void stripGivesTextOfANumberABooleanAndNil() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid's strip filters read their input with to_s
        assertEquals("\"2.5\"\"7\"\"true\"\"\"|3", render("{{ 2.5 | strip | jsonify }}{{ 7 | lstrip | jsonify }}"
                + "{{ true | rstrip | jsonify }}{{ nil | strip | jsonify }}|{{ 2.5 | lstrip | size }}"));
    }

    @Test
    void aRangeInsideAnArrayIsWrittenByItsEnds() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for a: [x, y] in front matter: a Range in an array stays a
        // Range, which to_s, join, JSON and inspect write as 1..3
        Map<String, Object> page = Map.of("a", List.of("x", "y"));
        assertEquals("[xy1..3|x,y,1..3|[\"x\",\"y\",\"1..3\"]|[&quot;x&quot;, &quot;y&quot;, 1..3]|3|2..3|<x><y><1..2>|6]",
                renderer.render("[{{ page.a | push: (1..3) }}|{{ page.a | push: (1..3) | join: ',' }}|"
                        + "{{ page.a | push: (1..3) | jsonify }}|{{ page.a | push: (1..3) | inspect }}|"
                        + "{{ page.a | push: (1..3) | size }}|{{ page.a | push: (2..3) | last }}|"
                        + "{% assign r = page.a | push: (1..2) %}{% for i in r %}<{{ i }}>{% endfor %}|"
                        + "{% capture c %}{{ r }}{% endcapture %}{{ c | size }}]", "about.md", 1, Map.of("page", page)));
    }

    @Test
    void defaultKeepsARangeThatHoldsNoNumber() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Ruby's Range has no empty?, so default never replaces one
        assertEquals("[1..0|1..0|\"1..0\"|2..3]", render("[{{ (1..0) | default: 3 }}|{{ (1..0) | default: 3, allow_false: true }}|"
                + "{{ (1..0) | default: 3 | jsonify }}|{{ (2..3) | default: 3 }}]"));
    }

    @Test
    void dateOfAFloatIsTheFloatAsLiquidReadsNoDateInIt() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: to_date takes an integer as seconds since 1970, a float as nothing
        assertEquals("[99.99|-0.75|1.5]", render("[{{ 99.99 | date: '%Y' }}|{{ -0.75 | date: '%b %-d, %Y' }}|"
                + "{{ 0.5 | plus: 1 | date: '%Y' }}]"));
    }

    @Test
    void arrayFiltersWalkEmptyAndBlankAsOneEmptyTextAndConcatATimeAsItsParts() throws DiagnosticException {
        // what Jekyll 4.3.1 printed for date: 2017-09-04 07:05:03 in a site in UTC: Liquid's
        // InputIterator walks the literals as [their to_liquid] and a time as its to_a
        assertEquals("[[3,5,7,4,9,2017,1,247,false,\"UTC\",\"x\"]|[\"\"]|1|[\"\"]|[]|[\"\",\"x\"]]", render(
                "[{% assign w = 'x' | split: ',' %}{{ page.date | concat: w | jsonify }}|{{ blank | reverse | jsonify }}|"
                        + "{{ empty | uniq | size }}|{{ blank | compact | jsonify }}|"
                        + "{{ blank | reverse | where: 'active', 'red' | jsonify }}|{{ empty | concat: w | jsonify }}]"));
    }

    @Test
    void whenWritesItsBodyOnceForEachTermThatMatches() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Ruby makes a condition of each term of a when, all sharing its
        // body, and reads the case's value again for each
        assertEquals("[YY|YYY|twoone]", render("[{% assign x = 1 %}{% case x %}{% when 1, 2, 1 %}{% assign x = 2 %}Y"
                + "{% else %}E{% endcase %}|{% case 1 %}{% when 1, 1 or 1 %}Y{% else %}E{% endcase %}|"
                + "{% case nil %}{% when '  ', nil, nil %}{% cycle 'h': 'two', 'one', '' %}{% endcase %}]"));
    }

    @Test
    void nilOrFalseIsNeverContained() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Liquid's contains asks include? only when both sides are truthy
        assertEquals("[|||7||9]", render("[{% if 'a' contains nil %}1{% endif %}|{% assign r = page.items | map: 'rank' %}"
                + "{% if r contains nil %}5{% endif %}|{% if 'false' contains false %}6{% endif %}|"
                + "{% unless 'a' contains page.missing %}7{% endunless %}|{% if nil contains nil %}8{% endif %}|"
                + "{% if 'true' contains true %}9{% endif %}]"));
    }

    @Test
    void dateGivesBackAListOrARangeAsLiquidReadsNoDateInThem() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: to_date knows only times, integers and text
        assertEquals("[1..1|3..5|[\"x\"]|[2,null,1]||true|01/01/70 00:00:05]", render("[{{ (1..1) | date: '%x %X' }}|{{ (3..5) | date: '%Y' }}|"
                + "{{ 'x' | split: ',' | date: '%Y' | jsonify }}|{{ page.items | map: 'rank' | date: '%Y' | jsonify }}|"
                + "{{ nil | date: '%Y' }}|{{ true | date: '%Y' }}|{{ 5 | inspect | date: '%x %X' }}]"));
    }

    @Test
    void dateGivesBackTextLongerThanRubyParses() throws DiagnosticException {
        // what Jekyll 4.3.1 printed: Date._parse refuses text of more than 128 bytes
        String filler = "x".repeat(122);
        assertEquals("[10|129|129]", render("[{{ '" + filler + " 10:00' | date: '%H' }}|{{ '" + filler + "x 10:00' | date: '%H' | size }}|"
                + "{{ 'é" + filler + " 10:00' | date: '%H' | size }}]"));
    }

    @Test
    void roundKeepsAnIntegerAndRoundsAFloatAsTheDecimalItReadsAs() throws DiagnosticException {
        // what Jekyll 4.3.1 printed
        assertEquals("[7|50|-50|1|2.68|7|1.3|-3|3|3|2.5]", render("[{{ 7 | round: 1 }}|{{ 45 | round: -1 }}|"
                + "{{ -45 | round: -1 }}|{{ 1.005 | abs | floor | round: 2 }}|{{ 2.675 | round: 2 }}|{{ '7' | round: 1 }}|"
                + "{{ 1.25 | round: 1 }}|{{ -2.5 | round }}|{{ 3 | round: '1' }}|{{ 2.5 | round: '0' }}|{{ '2.45' | round: 1 }}]"));
    }

    /** Jekyll Now's analytics include escapes a page title's quotes for JavaScript this way. */
    @Test
    void replaceReadsItsReplacementAsRubysGsubDoes() throws Exception {
        assertEquals("'Jobs\\'s', '\\\\''",
                render("{% assign t = \"Jobs's\" %}'{{ t | replace: \"'\", \"\\\\'\" }}', '{{ \"'\" | replace_first: \"'\", \"\\\\\\\\\\0\" }}'"));
    }

    @Test
    void keepsOpenersThatNeverCloseInRawBlocksAfterTheLastTags() throws Exception {
        // what Jekyll 4.3.1 writes: openers left open inside raw blocks, after the last closer of
        // the other kind and between closed tags, change nothing around them
        assertEquals("Jobs }} %} 123\n"
                + "{{ {% {{ t {%- if {% raw %}[yes]\n"
                + " {{ a-b.c-d  {% if Jobs{%{{ {% {{ {% }} %}\n"
                + "{% {{ {% {{Jobs{{\n",
                render("{% assign t = page.title %}{{ t }} }} %} {% for i in (1..3) %}{{ i }}{% endfor %}\n"
                + "{% raw %}{{ {% {{ t {%- if {% raw %}{% endraw %}[{% if t == \"Jobs\" %}yes{% else if x %}no{% endif %}]\n"
                + "{% raw %} {{ a-b.c-d  {% if {% endraw %}{{ t | append: \"{%\" }}{% raw %}{{ {% {{ {%{% endraw %} }} %}\n"
                + "{% raw %}{% {{ {% {{{% endraw %}{{ t | append: \"{{\" }}\n"));
    }

    @Test
    void countsArgumentsOnlyOfAFilterThatRunsAndKeywordsAsOne() throws Exception {
        // Jekyll 4.3.1's output for each: a filter never reached is never counted, all keyword
        // arguments are one hash, and a filter Ruby does not know takes any count
        assertEquals("[]", render("[{% if false %}{{ \"x\" | append }}{% endif %}]"));
        assertEquals("x", render("{{ \"x\" | default: \"y\", allow_false: true, foo: 1 }}"));
        assertEquals("x", render("{{ \"x\" | nosuch: 1, 2 }}"));
        assertEquals("xy", render("{{ \"x\" | append: \"y\" \"z\" }}"));
        assertEquals("xy", render("{{ \"x\" | append: \"y\", }}"));
    }

    @Test
    void handsAFilterAllItsKeywordArgumentsAsOneHashLast() throws Exception {
        // Jekyll 4.3.1's output for each
        assertEquals("x{\"a\"=>1, \"b\"=>\"2\"}", render("{{ \"x\" | append: a: 1, b: \"2\" }}"));
        assertEquals("false", render("{{ false | default: \"y\", allow_false: true, foo: 1 }}"));
        assertEquals("false", render("{{ false | default: \"y\", foo: 1, allow_false: true }}"));
        assertEquals("y", render("{{ false | default: \"y\", allow_false: false }}"));
    }
}
