package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jekyll's {@code liquid: error_mode}: text the strict grammar refuses is read as Ruby Liquid's
 * lax parser reads it, with a warning by default ({@code warn}), silently with {@code lax}, and
 * refused with {@code strict}. What the lax reading renders is compared with Jekyll's output in
 * the liquid-lax fixture.
 */
class LiquidModesTest {
    private static final String PAGE = """
            ---
            link: "http://example.org"
            ---
            {{ page.link | replace_first: 'http://' '' }}
            """;

    @TempDir
    Path dir;

    @Test
    void warnModeRendersLaxlyAndWarnsAtThePlace() {
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n").file("about.md", PAGE);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("about.md:4:1: warning: Liquid syntax error: no viable alternative at input '{{'; "
                + "read leniently, as Jekyll's lax Liquid reads it\n"
                + "    hint: liquid: error_mode: strict in _config.yml makes this an error; lax silences it",
                TestSite.printed(result));
        assertEquals("<p>example.org</p>\n", site.read("about.html"));
    }

    @Test
    void warnModeWarnsOncePerRefusedTagAsRubyLiquidDoes() {
        // Jekyll 4.3.1 prints three Liquid warnings for this page, one per refused tag
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n").file("about.md", """
                ---
                link: "http://example.org"
                ---
                {{ page.link | replace_first: 'http://' '' }} {{ page.link | remove: 'http' 'x' }}
                {% if page.link == 'x' && true %}no{% endif %}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        List<String> places = TestSite.printed(result).lines().filter(line -> line.startsWith("about.md:"))
                .map(line -> line.substring(0, line.indexOf(": warning:"))).toList();
        assertEquals(List.of("about.md:4:1", "about.md:4:47", "about.md:5:24"), places);
        // the {% if %} line renders as nothing, a blank line ending the page: an empty line, as Jekyll writes it
        assertEquals("<p>example.org ://example.org</p>\n\n", site.read("about.html"));
    }

    @Test
    void laxModeRendersLaxlyWithoutWarning() {
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", PAGE);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("", TestSite.printed(result));
        assertEquals("<p>example.org</p>\n", site.read("about.html"));
    }

    @Test
    void anOutputInsideAnOutputEndsAtTheFirstCloseAsRubysTokenizerEndsIt() {
        // Jekyll's output for this line (the Minimal theme's layout as a fork wrote it): the tag ends at
        // the first }}, {{scheme is the variable scheme, a bare {{ is nil, and the " }}" left over is text
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.html", """
                ---
                ---
                {% assign scheme = "auto" %}{{ "colors-X.css" | replace: "X", {{scheme}} }} {{ "a-X" | replace: "X", {{ }}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("colors-auto.css }} a-\n", site.read("about.html"));
    }

    @Test
    void elseWithMarkupIsAPlainElseEvenInStrictMode() {
        // Ruby Liquid's else tag ignores its markup in every mode: "else if" never tests its condition
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: strict\n").file("about.md", """
                ---
                ---
                {% if false %}a{% else if false %}b{% endif %} {% for i in page.none %}{% else nothing %}c{% endfor %}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>b c</p>\n", site.read("about.html"));
    }

    @Test
    void anOutputTagInsideAssignIsNilButAQuotedOneStaysText() {
        // what Jekyll 4.3.1 wrote for this page
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                title: T
                ---
                {% assign a = {{ page.title }} %}{% assign b = "{{ page.title }}" %}[{{ a }}][{{ b }}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>[][{{ page.title }}]</p>\n", site.read("about.html"));
    }

    @Test
    void anOutputTagWithoutSpacesInsideATagIsTheVariableItNames() {
        // what Jekyll 4.3.1 wrote for this page: Ruby's lax parser reads {{page.title}} as one
        // value and looks it up by its words (themes write {% if {{include.url}} %})
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                title: T
                items: [x, y]
                max-width: 6
                ---
                {% if {{page.title}} %}a{% endif %}{% if {{page.none}} %}b{% endif %}{% if {{page.max-width}} %}m{% endif %}\
                {% unless {{page.title}} == "T" %}c{% endunless %} {% assign a = {{page.title}} %}[{{ a }}] \
                {% for i in {{page.items}} %}{{ i }}{% endfor %}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>am [T] xy</p>\n", site.read("about.html"));
    }

    @Test
    void anOutputTagWithSpacesInsideAConditionIsReadAsRubysLaxConditionReadsIt() {
        // what Jekyll 4.3.1 wrote for this page: Ruby's lax condition takes the bare {{ as its left
        // value (nil), a word of lowercase letters after it as its operator, and ignores the rest
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                x: hello
                Foo: bar
                ---
                {% if {{ Foo }} %}a{% endif %}{% unless {{ Foo }} %}b{% endunless %}\
                {% if page.x == {{ Foo }} %}c{% endif %}{% if page.none == {{ Foo }} %}d{% endif %}\
                {% if page.x and {{ Foo }} %}e{% endif %}{% if page.x or {{ 5 }} %}f{% endif %}\
                {% if {{page.x }} %}g{% endif %}{% if {{ "a" }} %}h{% endif %}\
                {% if page.none %}i{% elsif {{ Foo }} %}j{% else %}k{% endif %}\
                {% if {{ contains }} %}l{% endif %}{% if {{ 5 }} == nil %}m{% endif %}\
                {% if page.x == "{{ x }}" %}n{% endif %}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>bdfgk</p>\n", site.read("about.html"));
    }

    @Test
    void whatFollowsASecondElseIsNeverRenderedAsInRubyLiquid() {
        // what Jekyll 4.3.1 wrote for this page: Ruby takes each else (and an elsif after one) as
        // one more branch and renders the first that holds, so the first else always wins
        TestSite site = TestSite.in(dir).file("about.html", """
                ---
                x: hello
                ---
                A[{% if page.none %}a{% else if page.x %}b{% else %}c{% endif %}]
                B[{% if page.x %}a{% else %}b{% else %}c{% endif %}]
                C[{% unless page.x %}a{% else %}b{% elsif page.x %}c{% else %}d{% endunless %}]
                D[{% if page.none %}a{% else %}b {%- else %}c{%- endif %}]
                E[{% if page.none %}a{% else %}b {% else %}c {%- endif %}]
                F[{% for i in (1..2) %}{% if i == 1 %}one{% else %}other{% else %}never{% endif %}{% endfor %}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("A[b]\nB[a]\nC[b]\nD[b]\nE[b ]\nF[oneother]\n", site.read("about.html"));
    }

    @Test
    void aPercentSignBeforeAnOutputTagsEndIsNothing() {
        // what Jekyll 4.3.1 wrote for this page (the Carpentries' workshop template writes
        // {{info.instructor | join: ', ' %}}): Ruby's lax variable parser skips the %
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                x: [a, b]
                ---
                [{{ page.x | join: ", " %}}] [{{ page.x %}}] [{{ page.x | join: "-" % }}] [{{ "%" }}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>[a, b] [ab] [a-b] [%]</p>\n", site.read("about.html"));
    }

    @Test
    void aDotBeforeABracketIsNothing() {
        // what Jekyll 4.3.1 wrote for this page (the Chirpy theme's sidebar writes
        // {{ site.data.locales[site.lang].tabs.[tab_name] }}): Ruby's lax variable parser looks a
        // value up by its words and bracketed keys alone, so tabs.[name] is tabs[name]
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n")
                .file("_data/l.yml", "tabs:\n  categories: Categories\n").file("index.html", """
                ---
                ---
                {% capture n %}{{ "/categories/" | split: "/" }}{% endcapture %}[{{ site.data.l.[n] }}] \
                [{{ site.data.l.tabs.[n] | upcase }}] [{{ site.data.l.tabs..categories }}] \
                [{{ site.data.l.tabs.["categories"] }}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("[] [CATEGORIES] [Categories] [Categories]\n", site.read("index.html"));
    }

    @Test
    void aCommaAfterAFiltersNameStandsForTheColon() {
        // what Jekyll 4.3.1 wrote for this page (the Satellite theme writes
        // {% assign first_level_pages = "" | split, "" %}): Ruby's lax variable parser takes a
        // filter's arguments after a colon or a comma alike
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                x: a-b-c
                ---
                {% assign parts = page.x | split, "-" %}[{{ parts | size }}] [{{ page.x | split, "-" | join, "+" }}] \
                [{{ page.x | replace, "-", "," }}] [{{ "" | split, "" | size }}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>[3] [a+b+c] [a,b,c] [0]</p>\n", site.read("about.html"));
    }

    @Test
    void anOutputTagWithSpacesInsideAConditionStopsTheBuildWhereRubyReadsAnUnknownOperator() {
        // Jekyll 4.3.1 stops at this page: "Liquid error (line 1): Unknown operator page", as Ruby
        // reads {{ as the left value and page as the operator
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n")
                .file("about.md", "---\nx: hello\n---\n{% if {{ page.x }} %}a{% endif %}\n");
        BuildResult result = site.build();
        assertTrue(!result.ok(), TestSite.printed(result));
    }

    @Test
    void aFilterInAConditionIsIgnoredUpToTheNextAndOrOr() {
        // what Jekyll 4.3.1 wrote for this page: Ruby's lax condition is a value, an operator and a
        // value, so each comparison ends at its pipe (slice is never applied, default never given)
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: lax\n").file("about.md", """
                ---
                theme: dark
                ---
                {% if page.theme | slice: 0 == '/' %}a{% else %}b{% endif %} \
                {% if page.none | default: 'x' %}c{% else %}d{% endif %} \
                {% if page.none | size > 0 or page.theme %}e{% endif %}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<p>a d e</p>\n", site.read("about.html"));
    }

    @Test
    void anEndTagIgnoresWhatFollowsItsNameEvenInStrictMode() {
        // what Jekyll 4.3.1 wrote for this page: Ruby reads the tag's name as a word and drops the rest,
        // and the dash of "endfor- " trims nothing after it (So Simple's page-tags include)
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: strict\n").file("about.html", """
                ---
                ---
                {% for i in (1..2) %}[{{ i }}] {%- endfor- %} x {% if true %}y{% endif foo %} \
                {% capture c %}z{% endcapture c %}{{ c }}
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("[1][2] x y z\n", site.read("about.html"));
    }
    @Test
    void theEndTagsOfHighlightAndCommentIgnoreWhatFollowsTheirNames() {
        // what Jekyll 4.3.1 wrote for this page (the example layout of Mapbox.js's documentation
        // ends its code with "endhighlight html")
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n").file("about.html", """
                ---
                ---
                {% highlight html %}<b>x</b>{% endhighlight html %}
                {% comment %}x{% endcomment y %}z
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("<figure class=\"highlight\"><pre><code class=\"language-html\" data-lang=\"html\">"
                + "<span class=\"nt\">&lt;b&gt;</span>x<span class=\"nt\">&lt;/b&gt;</span></code></pre></figure>\nz\n",
                site.read("about.html"));
    }

    @Test
    void aCommaAfterAFiltersLastArgumentIsNothing() {
        // what Jekyll 4.3.1 wrote for this page: Ruby's lax parser finds no argument after the comma
        // (Mapbox.js's documentation layout: replace:'.','', | replace:'v','' | plus: 0)
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n").file("about.html", """
                ---
                version: v2.3.0
                ---
                {% assign v = page.version | replace:'.','', | replace:'v','' | plus: 0 %}[{{ v }}] \
                [{{ page.version | replace:'.','', | upcase }}] [{{ page.version | remove: 'v', }}]
                """);
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("[230] [V230] [2.3.0]\n", site.read("about.html"));
    }

    @Test
    void parenthesesInAnAssignGroupNothingAndAGluedNumberIsNil() {
        // Jekyll's output for the tag-list include of Minimal Mistakes' forks (Academic Pages): the
        // parentheses are no grouping, and "0)" is a variable named 0, nil, so the sort is plain
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n")
                .file("_includes/base_path", "{% assign b = \"/x\" %}")
                .file("_includes/list.html", "{% include base_path %}{% capture t %}b,A,c{% endcapture %}"
                        + "{% assign h = (t | split: ',' | sort:0) %}{{ h | join: \"-\" }} {{ b }}")
                .file("about.html", "---\n---\n{% include list.html %}\n");
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("A-b-c /x\n", site.read("about.html"));
    }

    @Test
    void aLaterTagThatMakesAnIncludeNameRunOnIsTheOneWarnedOf() {
        // Yat's functions.html: an include, then `append: {{func}}` in an assign. Ruby's warn mode
        // refuses the assign (Jekyll 4.3.1: "Liquid syntax error (line 3): Unexpected character {");
        // Liqp reads the "{{" into the include's name, which is not where the fault is
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\n")
                .file("_includes/b.html", "X")
                .file("index.html", "---\n---\n{% assign p = \"b.html\" %}\n{% include b.html %}\n"
                        + "{% assign m = \"a\" | append: {{p}} %}\n[{{ m }}]\n");
        BuildResult result = site.build();
        assertTrue(result.ok(), TestSite.printed(result));
        assertEquals("\nX\n\n[ab.html]\n", site.read("index.html"));
        assertTrue(TestSite.printed(result).startsWith("index.html:5:27: warning: Liquid syntax error: "
                + "extraneous input ':' expecting {TagEnd, '|'}"), TestSite.printed(result));
    }

    @Test
    void anIncludeNameRunningPastItsTagIsRefusedInStrictMode() {
        // Liqp reads the later "(" into the include's file name; Ruby's strict parser refuses the
        // assign ("Expected dotdot but found pipe"), and so does sheaf, at the pipe
        TestSite site = TestSite.in(dir).file("_config.yml", "liquid:\n  error_mode: strict\n")
                .file("_includes/base_path", "")
                .file("about.html", "---\n---\n{% include base_path %}\n{% assign h = (t | sort) %}\n");
        BuildResult result = site.build();
        assertTrue(TestSite.printed(result).startsWith("about.html:4:18: error: Liquid syntax error: "
                + "missing ')' at '|'"), TestSite.printed(result));
    }
}
