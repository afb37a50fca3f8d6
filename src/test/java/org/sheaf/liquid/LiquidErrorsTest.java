package org.sheaf.liquid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

class LiquidErrorsTest {
    private final LiquidRenderer renderer = LiquidTestSite.renderer();

    private String failure(String template, int firstLine) {
        return assertThrows(DiagnosticException.class,
                () -> renderer.render(template, "content/about.md", firstLine, Map.of())).diagnostic().format();
    }

    private String failureWith(String template, Map<String, Object> variables) {
        return assertThrows(DiagnosticException.class,
                () -> renderer.render(template, "content/about.md", 1, variables)).diagnostic().format();
    }

    @Test
    void reportsUnclosedBlockAtItsLineShiftedBelowFrontMatter() {
        assertEquals("content/about.md:6:21: error: Liquid syntax error: a block is not closed "
                + "(mismatched input '<EOF>' expecting TagStart)", failure("ok\n  {% if x %}unclosed", 5));
    }

    @Test
    void reportsUnknownTagAtItsColumn() {
        assertEquals("content/about.md:3:5: error: Liquid syntax error: Invalid Tag: 'nosuchtag'",
                failure("a\n {% nosuchtag %}", 2));
    }

    @Test
    void reportsUnknownFilterAtItsLineWithStrictFilters() {
        LiquidSetup s = LiquidTestSite.setup();
        LiquidRenderer strict = new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.WARN, true,
                s.warnings(), s.textFilters(), s.themeIncludes(), s.highlighting()));
        assertEquals("content/about.md:12:8: error: unknown Liquid filter \"nofilter\"", assertThrows(DiagnosticException.class,
                () -> strict.render("a\nb {{ x | nofilter }}", "content/about.md", 11, Map.of())).diagnostic().format());
    }

    /** A renderer for the test site with {@code strict_filters} as given and the warnings going to {@code warnings}. */
    private static LiquidRenderer withStrictFilters(boolean strictFilters, java.util.List<org.sheaf.diag.Diagnostic> warnings) {
        LiquidSetup s = LiquidTestSite.setup();
        return new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.WARN, strictFilters,
                warnings::add, s.textFilters(), s.themeIncludes(), s.highlighting()));
    }

    @Test
    void reportsColumnsAfterATagRewrittenForLiqpAsWritten() {
        // each tag before the error is rewritten for Liqp into text of another length
        LiquidRenderer strict = withStrictFilters(true, new java.util.ArrayList<>());
        assertEquals("content/about.md:1:50: error: unknown Liquid filter \"nosuchfilter\"", assertThrows(DiagnosticException.class,
                () -> strict.render("{% for i in (1..3) %}{% else %}{% endfor %} {{ x | nosuchfilter }}", "content/about.md", 1, Map.of()))
                .diagnostic().format());
        assertEquals("content/about.md:1:31: error: Liquid syntax error: extraneous input '==' expecting TagEnd",
                failure("{% link my file.md %} {% if a == %}{% endif %}", 1));
        assertEquals("content/about.md:1:44: error: Liquid syntax error: extraneous input '==' expecting TagEnd",
                failure("{% link a b.md %}{% link c d.md %} {% if a == %}{% endif %}", 1));
        assertEquals("content/about.md:3:27: error: Liquid error: filter \"truncate\" was given a value that is not a number",
                failure("\n{% gist abc/123 %} {{ 'a' | truncate: 'ten' }}", 2));
        assertEquals("content/about.md:1:16: error: Liquid syntax error: Invalid Tag: 'nosuchtag'",
                failure("{{ a.b-c }} {% nosuchtag %}", 1));
        assertEquals("content/about.md:1:45: error: Liquid error: divided by 0",
                failure("{% highlight c++ %}x{% endhighlight %} {{ 7 | divided_by: 0 }}", 1));
        assertEquals("content/about.md:1:46: error: Liquid error: divided by 0",
                failure("{% include card.html title=\"a \\\"b\\\"\" %} {{ 7 | divided_by: 0 }}", 1));
        assertEquals("content/about.md:1:56: error: Liquid error: divided by 0",
                failure("{% assign a = 'card' %}{% include {{ a }}.html %} {{ 7 | divided_by: 0 }}", 1));
        assertEquals("content/about.md:1:50: error: Liquid error: divided by 0",
                failure("{% tablerow i in (1..2) %}{% endtablerow %} {{ 7 | divided_by: 0 }}", 1));
        assertEquals("content/about.md:1:49: error: Liquid error: divided by 0",
                failure("{% unless a %}{% elsif b %}{% endunless %} {{ 7 | divided_by: 0 }}", 1));
        assertEquals("content/about.md:3:10: error: Liquid error: divided by 0",
                failure("{% liquid\n  assign x = 1\n  echo x | divided_by: 0\n%}", 1));
    }

    @Test
    void reportsARangeEndThatIsNoWholeNumberAtTheEnd() {
        // Jekyll 4.3.1: "Liquid error (line 2): invalid integer"; a float held in a variable is no end
        assertEquals("content/about.md:2:28: error: Liquid error: invalid integer",
                failure("ok\n{% assign f = 2.5 %}{% if (f..3) %}x{% endif %}", 1));
        // a range in a condition is rewritten for Liqp: a later column is still the writer's
        assertEquals("content/about.md:1:37: error: Liquid error: divided by 0",
                failure("{% if (1..3) == 2 %}{% endif %}{{ 1 | divided_by: 0 }}", 1));
    }

    @Test
    void stopsWhereJekyllStopsOnARange() {
        // the errors of Jekyll 4.3.1 (a NoMethodError or TypeError of Ruby's, or Liquid's own)
        assertEquals("content/about.md:1:21: error: Liquid error: concat filter requires an array argument",
                failure("{{ 'a' | split: ',' | concat: (1..3) }}", 1));
        assertEquals("content/about.md:1:11: error: Liquid error: undefined method `length' for 1..3:Range",
                failure("{{ (1..3) | array_to_sentence_string }}", 1));
        assertEquals("content/about.md:1:11: error: Liquid error: undefined method `gsub' for 1..3:Range",
                failure("{{ (1..3) | slugify }}", 1));
        assertEquals("content/about.md:1:11: error: Liquid error: undefined method `split' for 1..3:Range",
                failure("{{ (1..3) | number_of_words }}", 1));
        assertEquals("content/about.md:1:11: error: Liquid error: no implicit conversion of String into Integer",
                failure("{{ (1..3) | where: 'a', 1 }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: undefined method `to_i' for true:TrueClass",
                failure("{{ (1..true) | join }}", 1));
    }

    @Test
    void stopsWhereJekyllStopsOnTheRangeOfALoop() {
        // Jekyll 4.3.1: Ruby's to_i of a literal end as it parses the tag, Liquid's own error for a variable's
        assertEquals("content/about.md:1:17: error: Liquid error: undefined method `to_i' for true:TrueClass",
                failure("{% for i in (1..true) %}{{ i }}{% endfor %}", 1));
        assertEquals("content/about.md:1:14: error: Liquid error: undefined method `to_i' for false:FalseClass",
                failure("{% for i in (false..3) limit:2 %}{{ i }}{% endfor %}", 1));
        // a loop with an else is read from a rewritten tag, whose ends have no column of their own
        assertTrue(failure("{% for i in (false..3) %}{{ i }}{% else %}e{% endfor %}", 1)
                .endsWith(": error: Liquid error: undefined method `to_i' for false:FalseClass"));
        assertEquals("content/about.md:1:22: error: Liquid error: undefined method `to_i' for true:TrueClass",
                failure("{% tablerow i in (1..true) %}{{ i }}{% endtablerow %}", 1));
        assertEquals("content/about.md:1:38: error: Liquid error: invalid integer",
                failure("{% assign t = true %}{% for i in (1..t) %}{{ i }}{% endfor %}", 1));
        assertEquals("content/about.md:1:37: error: Liquid error: invalid integer",
                failure("{% assign f = 1.5 %}{% for i in (1..f) %}{{ i }}{% endfor %}", 1));
    }

    @Test
    void whereStopsOnAnIntegerAsJekyllDoes() throws DiagnosticException {
        // Jekyll 4.3.1 reads the property with Integer#[]: "no implicit conversion of String into Integer"
        Map<String, Object> page = Map.of("page", Map.of("ai", java.util.List.of(1, 2)));
        assertEquals("content/about.md:1:12: error: Liquid error: no implicit conversion of String into Integer",
                assertThrows(DiagnosticException.class, () -> renderer.render("{{ page.ai | where: 'a', 1 }}",
                        "content/about.md", 1, page)).diagnostic().format());
        // a range without numbers has no item to read
        assertEquals("0", renderer.render("{{ (3..1) | where: 'a', 1 | size }}", "content/about.md", 1, Map.of()));
    }

    @Test
    void warnsOfASkippedFilterAtItsColumnAfterARewrittenTag() throws Exception {
        java.util.List<org.sheaf.diag.Diagnostic> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        withStrictFilters(false, warnings).render("{% for i in 'abc' %}{% endfor %} {{ 'x' | nofilter }}", "content/about.md", 1, Map.of());
        assertEquals(java.util.List.of("content/about.md:1:41: warning: unknown Liquid filter \"nofilter\"; skipped, as Jekyll skips it"),
                warnings.stream().map(w -> w.format().lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void aCommentClosedWithADashIsNoRunOn() throws Exception {
        // what Jekyll 4.3.1 printed; the white space "-%}" trims is part of the comment block, not text after it
        java.util.List<org.sheaf.diag.Diagnostic> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertEquals("ABC", withStrictFilters(false, warnings).render(
                "A\n{%- comment %} x {% endcomment -%}\nB{% comment -%}\n y {%- endcomment -%}  C", "content/about.md", 1, Map.of()));
        assertEquals(java.util.List.of(), warnings);
    }

    @Test
    void mapsTheLaxReadingsColumnsBackAsWell() {
        // the range loop is rewritten for Liqp, then the assign's list cut to its first value for the lax reading
        java.util.List<org.sheaf.diag.Diagnostic> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiquidRenderer lenient = withStrictFilters(false, warnings);
        assertEquals("content/about.md:1:72: error: Liquid error: divided by 0", assertThrows(DiagnosticException.class,
                () -> lenient.render("{% for i in (1..3) %}{% else %}{% endfor %} {% assign a = 1, 2 %} {{ 7 | divided_by: 0 }}",
                        "content/about.md", 1, Map.of())).diagnostic().format());
        assertEquals(java.util.List.of("content/about.md:1:60: warning: Liquid syntax error: mismatched input ',' expecting "
                + "{TagEnd, '|'}; read leniently, as Jekyll's lax Liquid reads it"),
                warnings.stream().map(w -> w.format().lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void skipsAnUnknownFilterAsJekyllDoesWithAWarning() throws Exception {
        LiquidSetup s = LiquidTestSite.setup();
        java.util.List<org.sheaf.diag.Diagnostic> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiquidRenderer lenient = new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.WARN, false,
                warnings::add, s.textFilters(), s.themeIncludes(), s.highlighting()));
        assertEquals("a\nb [X] [yz]", lenient.render("a\nb [{{ 'x' | nofilter | upcase }}] [{{ 'y' | other: 'a|b', 3 | append: 'z' }}]",
                "content/about.md", 11, Map.of()));
        assertEquals(java.util.List.of(
                "content/about.md:12:11: warning: unknown Liquid filter \"nofilter\"; skipped, as Jekyll skips it\n"
                        + "    hint: liquid: strict_filters: true in _config.yml makes this an error",
                "content/about.md:12:43: warning: unknown Liquid filter \"other\"; skipped, as Jekyll skips it\n"
                        + "    hint: liquid: strict_filters: true in _config.yml makes this an error"),
                warnings.stream().map(org.sheaf.diag.Diagnostic::format).toList());
    }

    @Test
    void refusesToUriEscapeAnythingButTextAsJekyllDoes() {
        // Jekyll: "Liquid Exception: Can't convert Array into String." (and Integer for a number)
        assertEquals("content/about.md:1:39: error: Liquid error: Can't convert Array into String.",
                failure("{% assign a = 'x' | split: ',' %}{{ a | uri_escape }}", 1));
        assertEquals("content/about.md:1:7: error: Liquid error: Can't convert Integer into String.", failure("[{{ 5 | uri_escape }}]", 1));
    }

    @Test
    void reportsMissingIncludeWithTheIncludesAvailable() {
        assertEquals("content/about.md:4:3: error: include \"nope.html\" not found\n"
                + "    hint: includes available: broken.html, card.html, footer.html, nav.html, unclosed.html",
                failure("x\n\n  {% include nope.html %}", 2));
    }

    @Test
    void refusesAnIncludeParameterJekyllRefusesWhereverTheTagStands() {
        // Jekyll 4.3.1 stopped the build with "Invalid syntax for include tag: p=site.data[x].y
        // Valid syntax: ...", in a false branch and in a comment too: it checks when it reads the tag
        String refused = "error: Liquid syntax error: Invalid syntax for include tag: p=site.data[x].y"
                + " Valid syntax: {% include file.ext param='value' param2='value' %}";
        assertEquals("content/about.md:2:13: " + refused, failure("x\n[{% include card.html p=site.data[x].y %}]", 1));
        assertEquals("content/about.md:1:28: " + refused,
                failure("{% if false %}[{% include  card.html p=site.data[x].y %}]{% endif %}", 1));
        assertEquals("content/about.md:1:25: " + refused,
                failure("{% comment %}{% include card.html p=site.data[x].y -%}{% endcomment %}", 1));
        assertEquals("content/about.md:1:21: error: Liquid syntax error: Invalid syntax for include tag: p=a[1]"
                + " Valid syntax: {% include_relative file.ext param='value' param2='value' %}",
                failure("{% include_relative x.html p=a[1] %}", 1));
    }

    @Test
    void refusesASpaceInAnIncludesFileNameInJekyllsWordsNamingTheTag() {
        // Jekyll 4.3.1 takes the words after the first for parameters, and names the tag in its advice
        assertEquals("content/about.md:2:22: error: Liquid syntax error: Invalid syntax for include tag: file.html"
                + " Valid syntax: {% include_relative file.ext param='value' param2='value' %}",
                failure("x\n[{% include_relative my file.html %}]", 1));
        assertEquals("content/about.md:1:13: error: Liquid syntax error: Invalid syntax for include tag: file.html"
                + " Valid syntax: {% include file.ext param='value' param2='value' %}",
                failure("[{% include my file.html %}]", 1));
    }

    @Test
    void refusesIncludesThatClimbOutOfTheIncludesFolder() {
        assertEquals("content/about.md:1:1: error: include \"../notes/snippet.md\" refused: "
                + "the name must be a path inside _includes without '..'", failure("{% include ../notes/snippet.md %}", 1));
    }

    @Test
    void reportsErrorsInsideAnIncludeInTheIncludesOwnFile() {
        assertEquals("_includes/unclosed.html:4:1: error: Liquid syntax error: a block is not closed "
                + "(mismatched input '<EOF>' expecting TagStart)\n    in: content/about.md", failure("{% include unclosed.html %}", 3));
    }

    @Test
    void reportsMissingLinkTargetsAsJekyllDoes() {
        assertEquals("content/about.md:2:1: error: Could not find document 'missing.md' in tag 'link'",
                failure("{% link missing.md %}", 2));
    }

    @Test
    void stopsRunawayLoops() {
        // a render time of a day: on a machine however slow, only the iteration cap stops the loop
        LiquidRenderer untimed = new LiquidRenderer(LiquidTestSite.setup(), 86_400_000L);
        assertEquals("content/about.md:1:1: error: rendering stopped: too many loop iterations (more than 5000000)",
                assertThrows(DiagnosticException.class, () -> untimed.render(
                        "{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}", "content/about.md", 1,
                        Map.of())).diagnostic().format());
    }

    @Test
    void reportsRenderAsJekyllDoesWhichGivesItNoPartialsToRead() {
        // Jekyll 4.3.1: "Liquid error (line 2): This liquid context does not allow includes."
        assertEquals("content/about.md:3:3: error: Liquid error: This liquid context does not allow includes.\n"
                + "    hint: Jekyll 4.3 reads no partials for render; {% include card.html %} reads _includes",
                failure("line one\n  {% render 'card.html', title: page.title %}", 2));
        // "Liquid syntax error (line 1): Syntax error in tag 'render' - Template name must be a quoted string"
        assertEquals("content/about.md:1:26: error: Liquid syntax error: Syntax error in tag 'render' - "
                + "Template name must be a quoted string", failure("{% assign n = 'card' %}x {% render n %}", 1));
    }

    @Test
    void reportsAFilterGivenAWordForANumberInLiquidsTerms() {
        assertEquals("content/about.md:1:10: error: Liquid error: filter \"truncate\" was given a value that is not a number",
                failure("{{ 'abc' | truncate: 'ten' }}", 1));
        assertEquals("content/about.md:2:6: error: Liquid error: divided by 0", failure("\n{{ 7 | divided_by: 0 }}", 1));
        // Jekyll 4.3.1: "Liquid error (line 1): divided by 0", and "Computation results in 'Infinity'"
        assertEquals("content/about.md:1:8: error: Liquid error: divided by 0", failure("{{ 1.5 | modulo: 0 }}", 1));
        assertEquals("content/about.md:1:24: error: Liquid error: Computation results in 'Infinity'",
                failure("{{ 1 | divided_by: 0.0 | ceil }}", 1));
    }

    @Test
    void reportsARefusedComparisonInRubysWords() {
        assertEquals("content/about.md:2:7: error: Liquid error: comparison of String with 1 failed",
                failure("x\n{% if \"2\" > 1 %}y{% endif %}", 1));
        assertEquals("content/about.md:1:7: error: Liquid error: comparison of Integer with String failed",
                failure("{% if 1 <= 'a' %}y{% endif %}", 1));
        assertEquals("content/about.md:1:7: error: Liquid error: comparison of String with 2.5 failed",
                failure("{% if 'a' < 2.5 %}y{% endif %}", 1));
        // Jekyll 4.3.1 for when: 2020-01-01 (a Date) and t: 2022-03-08 10:00:00 -20:00 (a Time at an
        // offset Java's times do not hold) in front matter
        Map<String, Object> page = Map.of("page", Map.of("when", new org.sheaf.jekyll.RubyDate(java.time.LocalDate.of(2020, 1, 1)),
                "t", org.sheaf.jekyll.RubyTime.fromYaml("2022-03-08 10:00:00 -20:00", java.time.ZoneOffset.UTC).orElseThrow()));
        assertEquals("content/about.md:1:7: error: Liquid error: comparison of Integer with Date failed",
                failureWith("{% if 5 > page.when %}x{% endif %}", page));
        assertEquals("content/about.md:1:16: error: Liquid error: comparison of Date with String failed",
                failureWith("{% if page.when > 'x' %}x{% endif %}", page));
        assertEquals("content/about.md:1:13: error: Liquid error: comparison of Time with 5 failed",
                failureWith("{% if page.t > 5 %}x{% endif %}", page));
        // where_exp's expression is no place in the page: its filter is
        assertEquals("content/about.md:1:41: error: Liquid error: comparison of String with 1 failed",
                failure("{% assign a = '1,2' | split: ',' %}{{ a | where_exp: 'i', 'i > 1' }}", 1));
    }

    /** Ruby's {@code Time#strftime} refuses a format that ends inside a directive, which stops Jekyll's build. */
    @Test
    void reportsAFormatEndingInsideADirectiveInRubysWords() {
        assertEquals("content/about.md:2:17: error: Liquid error: invalid format: x %Y abc%",
                failure("A\n{{ '2020-01-02' | date: 'x %Y abc%' }}", 1));
        assertEquals("content/about.md:1:17: error: Liquid error: invalid format: %-",
                failure("{{ '2020-01-02' | date: '%-' }}", 1));
    }

    @Test
    void anUnknownOperatorFailsOnlyWhereItsComparisonIsEvaluatedAsInRubysLaxMode() throws Exception {
        // Jekyll 4.3.1 renders these branches that are never reached, and fails the others
        assertEquals("1[]3[]4[]5[]6[]", renderer.render("1[{% if false %}{% if a <=> b %}x{% endif %}{% endif %}]"
                + "3[{% if false %}{% unless a =! b %}x{% endunless %}{% endif %}]"
                + "4[{% if false %}{% if a === b %}x{% endif %}{% endif %}]"
                + "5[{% case 1 %}{% when 2 %}{% if a <=> b %}q{% endif %}{% endcase %}]"
                + "6[{% unless true %}{% if x and a => b %}x{% endif %}{% endunless %}]", "content/about.md", 1, Map.of()));
        assertEquals("content/about.md:1:1: error: Liquid error: Unknown operator <=>",
                failure("{% if true %}{% if a <=> b %}x{% else %}y{% endif %}{% endif %}", 1));
        assertEquals("content/about.md:1:1: error: Liquid error: Unknown operator <=>",
                failure("{% if false %}{% elsif a <=> b %}x{% endif %}", 1));
        assertEquals("content/about.md:1:1: error: Liquid error: Unknown operator b",
                failure("{% if a b %}x{% endif %}", 1));
        LiquidSetup s = LiquidTestSite.setup();
        LiquidRenderer strict = new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.STRICT, false,
                s.warnings(), s.textFilters(), s.themeIncludes(), s.highlighting()));
        // Ruby's strict parser refuses the tag wherever it stands
        assertEquals("content/about.md:1:23: error: Liquid syntax error: mismatched input '<=' expecting TagEnd",
                assertThrows(DiagnosticException.class, () -> strict.render(
                        "{% if false %}{% if a <=> b %}x{% endif %}{% endif %}", "content/about.md", 1, Map.of()))
                        .diagnostic().format());
    }

    @Test
    void anOutputEndsAtItsFirstClosingBracesEvenInsideQuotesAsInRuby() throws Exception {
        // Jekyll 4.3.1's output for each; its strict mode refuses the quote left open
        Map<String, Object> variables = Map.of("page", Map.of("x", 1));
        assertEquals("5[1\" }}]6[\" }}]7[1a\" | upcase }}]", renderer.render("5[{{ page.x | default: \"{{}}\" }}]"
                + "6[{{ page.y | default: \"{{}}\" }}]7[{{ page.x | append: \"a\" | default: \"}}\" | upcase }}]",
                "content/about.md", 1, variables));
        // Jekyll: "Liquid error (line 1): wrong number of arguments (given 1, expected 2)"
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{{ \"a\" | append: \"}}\" }}", 1));
        LiquidSetup s = LiquidTestSite.setup();
        LiquidRenderer strict = new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), LiquidMode.STRICT, false,
                s.warnings(), s.textFilters(), s.themeIncludes(), s.highlighting()));
        assertEquals("content/about.md:1:23: error: Liquid syntax error: a quote is not closed before the }} that ends this output",
                assertThrows(DiagnosticException.class, () -> strict.render("{{ page.x | default: \"{{}}\" }}",
                        "content/about.md", 1, variables)).diagnostic().format());
    }

    @Test
    void laxOutputsValueIsItsFirstQuotedStringAndItsFiltersStartAtTheFirstPipe() throws Exception {
        // Jekyll 4.3.1's output for each: a backslash escapes no quote in Liquid
        assertEquals("9[it\\’s \\]10[x \\“y\\” \\][AB][A\\]", renderer.render(
                "9[{{ \"it\\'s \\\"x\\\" \\\\n\" | smartify }}]10[{{ 'x \\\"y\\\" \\'z\\'' | smartify }}]"
                        + "[{{ \"ab\" x | upcase }}][{{ \"a\\\" x\\\" | upcase }}]",
                "content/about.md", 1, Map.of()));
    }

    @Test
    void neverShowsTheTextOfAJavaException() {
        // each of these made Liqp or a filter throw a Java exception at some point
        for (String template : java.util.List.of("{{ 'abc' | slice: 'x' }}", "{{ 'abc' | truncate: 'x' }}",
                "{{ 'abc' | truncatewords: 99999999999999999999 }}", "{{ 5 | modulo: 0 }}", "{{ 'a' | date: 5 }}",
                "{% for i in (1..'x') %}{{ i }}{% endfor %}", "{{ 'a' | where_exp: 'x', 'x >' }}",
                "{{ 'x' | sample: 'y' }}", "{{ 99999999999999999999999 | times: 'a' }}", "{{ 'x' | round: 'y' }}",
                "{% assign a = 'x' | split: ',' %}{{ a | sort: 5 }}", "{{ 'abc' | at_least: nil }}")) {
            try {
                renderer.render(template, "content/about.md", 1, Map.of());
            } catch (DiagnosticException e) {
                String shown = e.diagnostic().format();
                for (String java : java.util.List.of("For input string", "java.", "Exception", "Index ", "class ")) {
                    org.junit.jupiter.api.Assertions.assertFalse(shown.contains(java), template + " gave: " + shown);
                }
            }
        }
    }

    /** A renderer for the test site in {@code mode}, with {@code strict_filters} as given. */
    private static LiquidRenderer inMode(LiquidMode mode, boolean strictFilters) {
        LiquidSetup s = LiquidTestSite.setup();
        return new LiquidRenderer(new LiquidSetup(s.sourceDir(), s.includesDir(), s.baseurl(), s.url(),
                s.timezone(), s.environment(), s.markdownify(), s.links(), s.tags(), mode, strictFilters,
                s.warnings(), s.textFilters(), s.themeIncludes(), s.highlighting()));
    }

    @Test
    void refusesAFilterGivenMoreOrFewerArgumentsThanRubysInEveryMode() {
        // Jekyll 4.3.1 stops the build on each, in error_mode warn, lax and strict and with
        // strict_filters: "Liquid error (line 1): wrong number of arguments (given 3, expected 2)"
        for (LiquidRenderer each : java.util.List.of(renderer, inMode(LiquidMode.LAX, false),
                inMode(LiquidMode.STRICT, false), inMode(LiquidMode.WARN, true))) {
            assertEquals("content/about.md:2:10: error: Liquid error: wrong number of arguments (given 3, expected 2)",
                    assertThrows(DiagnosticException.class, () -> each.render("A\nB {{ \"x\" | append: \"y\", \"z\" }}",
                            "content/about.md", 1, Map.of())).diagnostic().format());
        }
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{{ \"x\" | append }}", 1));
        assertEquals("content/about.md:1:10: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{{ \"a,b\" | split }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 2, expected 1)",
                failure("{{ \"x\" | upcase: 1 }}", 1));
        assertEquals("content/about.md:1:6: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{{ 1 | plus }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{{ \"x\" | date }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 4, expected 1..3)",
                failure("{{ \"x\" | truncate: 1, \"a\", 3 }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 4, expected 1..3)",
                failure("{{ \"x\" | sort: \"a\", \"b\", \"c\" }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 2, expected 3)",
                failure("{{ \"x\" | where_exp: \"i\" }}", 1));
        assertEquals("content/about.md:1:19: error: Liquid error: wrong number of arguments (given 1, expected 2)",
                failure("{% assign a = \"x\" | append %}", 1));
        // keyword arguments are one more argument, a hash, however many there are
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 2, expected 1)",
                failure("{{ \"x\" | upcase: a: 1 }}", 1));
        assertEquals("content/about.md:1:8: error: Liquid error: wrong number of arguments (given 4, expected 1..3)",
                failure("{{ \"x\" | truncate: 1, \"a\", b: 3 }}", 1));
    }
}
