package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where two of sheaf's implementations of one Jekyll rule used to disagree, the one left agrees
 * with Jekyll: every expected text here is Jekyll 4.3.1's output for the same site.
 */
class JekyllAgreementTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.in(dir).file("_config.yml", "title: T\ntimezone: UTC\n").file("_layouts/default.html", "");
    }

    /** The front-matter reader refused {@code +02}, which YAML's reader took; Jekyll's Time.parse takes both. */
    @Test
    void aQuotedDateReadsAsAnUnquotedOne() {
        TestSite site = site()
                .file("_posts/2017-09-04-a.md", "---\ndate: \"2017-09-04 10:00:00 +02\"\n---\n{{ page.date | date_to_xmlschema }}\n")
                .file("_posts/2017-09-07-d.md", "---\ndate: 2017-09-07 10:00:00 +2\n---\n{{ page.date | date_to_xmlschema }}\n")
                .file("_posts/2017-09-08-e.md", "---\ndate: \"2017-09-08 7:05\"\n---\n{{ page.date | date_to_xmlschema }}\n")
                .buildOk();
        assertEquals("<p>2017-09-04T08:00:00+00:00</p>\n", site.read("2017/09/04/a.html"));
        assertEquals("<p>2017-09-07T08:00:00+00:00</p>\n", site.read("2017/09/07/d.html"));
        assertEquals("<p>2017-09-08T07:05:00+00:00</p>\n", site.read("2017/09/08/e.html"));
    }

    /**
     * A quoted date lost its fraction of a second and a YAML timestamp kept it; Jekyll reads a
     * page's date back from {@code Time#to_s}, so it has none, while other timestamps keep theirs.
     */
    @Test
    void aPagesDateHasNoFractionOfASecond() {
        TestSite site = site()
                .file("_posts/2017-09-09-f.md", "---\ndate: 2017-09-09 10:00:00.75 +02:00\nother: 2017-09-09 10:00:00.75 +02:00\n"
                        + "---\n{{ page.date | date: \"%L\" }} {{ page.other | date: \"%L\" }}\n")
                .file("_posts/2017-09-06-c.md", "---\ndate: \"2017-09-06T10:00:00.75Z\"\n---\n{{ page.date | date: \"%L\" }}\n")
                .buildOk();
        assertEquals("<p>000 750</p>\n", site.read("2017/09/09/f.html"));
        assertEquals("<p>000</p>\n", site.read("2017/09/06/c.html"));
    }

    /** jsonify and inspect each printed floats their own Java way (1.0e-4, 1.0E-4); Ruby prints 0.0001. */
    @Test
    void floatsPrintAsRubyPrintsThem() {
        TestSite site = site()
                .file("floats.html", "---\na: 1.0e+20\nb: 0.0001\nc: 0.00001\nd: 12345678.5\ni: 100.0\n---\n"
                        + "{{ page.a | jsonify }}|{{ page.b | jsonify }}|{{ page.c | jsonify }}|{{ page.d | jsonify }}|"
                        + "{{ page.i | jsonify }}\n{{ page.a | inspect }}|{{ page.b | inspect }}|{{ page.c | inspect }}|"
                        + "{{ page.d | inspect }}|{{ page.i | inspect }}\n")
                .buildOk();
        assertEquals("1.0e+20|0.0001|1.0e-05|12345678.5|100.0\n1.0e+20|0.0001|1.0e-05|12345678.5|100.0\n",
                site.read("floats.html"));
    }

    /** Liqp's escape and escape_once kept {@code '}, sheaf's own escape_once did not; Ruby Liquid writes {@code &#39;}. */
    @Test
    void escapingFiltersWriteTheApostropheAsJekyllDoes() {
        TestSite site = site()
                .file("esc.html", "---\ns: \"a&b<c>d\\\"e'f\"\n---\n{{ page.s | xml_escape }}|{{ page.s | escape }}|"
                        + "{{ page.s | escape_once }}|{{ \"&amp; &lt; &#39; &foo\" | escape_once }}|{{ page.s | inspect }}\n")
                .buildOk();
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&apos;f|a&amp;b&lt;c&gt;d&quot;e&#39;f|a&amp;b&lt;c&gt;d&quot;e&#39;f|"
                + "&amp; &lt; &#39; &amp;foo|&quot;a&amp;b&lt;c&gt;d\\&quot;e&apos;f&quot;\n", site.read("esc.html"));
    }

    /** The Freemarker date function and Liquid's date filter format with the same strftime, Ruby's. */
    @Test
    void freemarkerAndLiquidFormatDatesAlike() {
        String format = "%e|%C|%Z|%c|%-d %B %Y";
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\ntimezone: Europe/Berlin\n")
                .file("_layouts/fm.ftlh", "${date(page.date, \"" + format + "\")}\n")
                .file("_layouts/lq.html", "{{ page.date | date: \"" + format + "\" }}\n")
                .file("_posts/2017-09-04-a.md", "---\nlayout: fm\ndate: 2017-09-04 10:30:05 +0200\n---\n")
                .file("_posts/2017-09-04-b.md", "---\nlayout: lq\ndate: 2017-09-04 10:30:05 +0200\n---\n")
                .buildOk();
        assertEquals(" 4|20|CEST|Mon Sep  4 10:30:05 2017|4 September 2017\n", site.read("2017/09/04/b.html"));
        assertEquals(site.read("2017/09/04/b.html"), site.read("2017/09/04/a.html"));
    }

    /** A date of a year Java's times cannot hold reads alike in Freemarker's date functions and Liquid's filters. */
    @Test
    void freemarkerAndLiquidFormatWideDatesAlike() {
        String fm = "${date(page.date, \"%Y %j %Z %z\")}|${date_to_xmlschema(page.date)}|${date_to_rfc822(page.date)}|"
                + "${date_to_long_string(page.date, \"ordinal\", \"US\")}\n";
        String lq = "{{ page.date | date: \"%Y %j %Z %z\" }}|{{ page.date | date_to_xmlschema }}|{{ page.date | date_to_rfc822 }}|"
                + "{{ page.date | date_to_long_string: \"ordinal\", \"US\" }}\n";
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\ntimezone: America/New_York\nfuture: true\n")
                .file("_layouts/fm.ftlh", fm)
                .file("_layouts/lq.html", lq)
                .file("_posts/2017-09-04-a.md", "---\nlayout: fm\ndate: 10000000-07-01 10:00:00\n---\n")
                .file("_posts/2017-09-04-b.md", "---\nlayout: lq\ndate: 10000000-07-01 10:00:00\n---\n")
                .buildOk();
        assertEquals("10000000 183 EST -0500|10000000-07-01T10:00:00-05:00|Sat, 01 Jul 10000000 10:00:00 -0500|"
                + "July 1st, 10000000\n", site.read("10000000/07/01/b.html"));
        assertEquals(site.read("10000000/07/01/b.html"), site.read("10000000/07/01/a.html"));
    }

    /**
     * Date strings in filters were read by Liqp, which ignored a {@code Z}, and in the date
     * filter took a bare day for the current time of day; they are now read as {@code date:} is,
     * keeping a written offset as Ruby's {@code Time.parse} does.
     */
    @Test
    void dateStringsInFiltersReadAsFrontMatterDatesDo() {
        TestSite site = TestSite.in(dir).file("_config.yml", "title: T\ntimezone: America/New_York\n")
                .file("_layouts/default.html", "")
                .file("d.html", "---\n---\n{{ \"2017-09-04\" | date_to_xmlschema }}|"
                        + "{{ \"2017-09-04 10:00:00 +0200\" | date_to_xmlschema }}|{{ \"2017-09-04 10:00\" | date_to_xmlschema }}|"
                        + "{{ \"2017-09-04T10:00:00Z\" | date_to_xmlschema }}\n"
                        + "{{ \"2017-09-04\" | date: \"%F %T %z\" }}|{{ \"2017-09-04 10:00:00 +0200\" | date: \"%F %T %z\" }}|"
                        + "{{ \"2017-09-04 10:00\" | date: \"%F %T %z\" }}|{{ \"2017-09-04T10:00:00Z\" | date: \"%F %T %z %e\" }}\n")
                .buildOk();
        assertEquals("2017-09-04T00:00:00-04:00|2017-09-04T04:00:00-04:00|2017-09-04T10:00:00-04:00|2017-09-04T06:00:00-04:00\n"
                + "2017-09-04 00:00:00 -0400|2017-09-04 10:00:00 +0200|2017-09-04 10:00:00 -0400|2017-09-04 10:00:00 +0000  4\n",
                site.read("d.html"));
    }
}
