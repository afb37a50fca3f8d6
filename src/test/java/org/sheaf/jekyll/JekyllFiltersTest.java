package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JekyllFiltersTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2017, 9, 4, 10, 30, 0, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void stripIndexCutsATrailingIndexPageToItsFolderAsJekyllDoes() {
        // values Jekyll 4.3.1's strip_index gives
        assertEquals("https://x.org/a/", JekyllFilters.stripIndex("https://x.org/a/index.html"));
        assertEquals("/", JekyllFilters.stripIndex("/index.htm"));
        assertEquals("/a/index.html/b", JekyllFilters.stripIndex("/a/index.html/b"));
        assertEquals("/\n/b/index.html", JekyllFilters.stripIndex("/index.html\n/b/index.html"));
        assertEquals("/a/", JekyllFilters.stripIndex("/a/"));
        assertNull(JekyllFilters.stripIndex(""));
        assertNull(JekyllFilters.stripIndex(null));
    }

    @Test
    void relativeAndAbsoluteUrlEscapeBracketsOutsideAHost() {
        // what Jekyll 4.3.1 printed: Addressable's normalize escapes brackets in a path, query and fragment
        assertEquals("/a%5B1%5D?q=%5B2%5D#f%5B3%5D", JekyllFilters.relativeUrl("", "/a[1]?q=[2]#f[3]"));
        assertEquals("https://example.org/a%5B1%5D", JekyllFilters.absoluteUrl("https://example.org", "", "/a[1]"));
    }

    @Test
    void relativeUrlResolvesDotSegmentsAsAddressableNormalizes() {
        // what Addressable 2.8.1's normalize gives for each joined URL
        assertEquals("/so-simple-theme/", JekyllFilters.relativeUrl("/so-simple-theme", "."));
        assertEquals("/a/c", JekyllFilters.relativeUrl("", "/a/./b/../c"));
        assertEquals("/a/", JekyllFilters.relativeUrl("", "/a/b/.."));
        assertEquals("/x", JekyllFilters.relativeUrl("", "/../x"));
        assertEquals("/", JekyllFilters.relativeUrl("", "/./"));
        assertEquals("/a/.b/c", JekyllFilters.relativeUrl("", "/a/.b/c"));
        assertEquals("/?x=/./#/..", JekyllFilters.relativeUrl("", "/a/..?x=/./#/.."));
    }

    @Test
    void relativeUrlDropsAnEmptyQueryOrFragmentAsAddressableNormalizes() {
        // what Addressable 2.8.1's normalize gives for each joined URL
        assertEquals("/a.js", JekyllFilters.relativeUrl("", "/a.js?"));
        assertEquals("/a#x", JekyllFilters.relativeUrl("", "/a?#x"));
        assertEquals("/a?b", JekyllFilters.relativeUrl("", "/a?b#"));
        assertEquals("/a#?", JekyllFilters.relativeUrl("", "/a#?"));
        assertEquals("http://x.org/a", JekyllFilters.absoluteUrl("http://x.org", "", "/a?#"));
    }

    @Test
    void urlFiltersStripWhiteSpaceAroundThePathAsAddressableNormalizes() {
        // Jekyll 4.3.1 with Addressable 2.8.1: the path is stripped, the query and fragment are not
        // (Yat's post header writes '/tags.html ' | relative_url)
        assertEquals("/tags.html", JekyllFilters.relativeUrl("", "/tags.html "));
        assertEquals("/blog/tags.html", JekyllFilters.relativeUrl("/blog", "/tags.html "));
        assertEquals("/tags.html#x", JekyllFilters.relativeUrl("", "/tags.html #x"));
        assertEquals("/a", JekyllFilters.relativeUrl("", "/a \t\n"));
        assertEquals("/a?b%20c%20", JekyllFilters.relativeUrl("", "/a?b c "));
        assertEquals("/a#b%20c%20", JekyllFilters.relativeUrl("", "/a#b c "));
        assertEquals("/%20/a", JekyllFilters.relativeUrl("", " /a"));
        assertEquals("/a/%20b%20/", JekyllFilters.relativeUrl("", "a/ b /"));
        assertEquals("/", JekyllFilters.relativeUrl("", " "));
        assertEquals("http://x.org/a", JekyllFilters.absoluteUrl("http://x.org", "", "/a "));
        assertEquals("http://x.org/a%20b#c%20", JekyllFilters.absoluteUrl("http://x.org", "", "/a b \t#c "));
    }

    @Test
    void relativeUrlAddsBaseurlAndLeadingSlashes() {
        assertEquals("/research/about/", JekyllFilters.relativeUrl("/research", "/about/"));
        assertEquals("/research/about/", JekyllFilters.relativeUrl("research", "about/"));
        assertEquals("/research//about/", JekyllFilters.relativeUrl("/research", "//about/"));
        assertEquals("/research/a///b", JekyllFilters.relativeUrl("/research", "a///b"));
        assertEquals("/about", JekyllFilters.relativeUrl("", "about"));
        assertEquals("/research", JekyllFilters.relativeUrl("/research", ""));
        assertEquals("https://x.org/a", JekyllFilters.relativeUrl("/research", "https://x.org/a"));
        assertEquals("/research/my%20notes/", JekyllFilters.relativeUrl("/research", "my notes/"));
        assertEquals("mailto:fellow@example.org", JekyllFilters.relativeUrl("/research", "mailto:fellow@example.org"));
        assertEquals("x-a1+b.c:rest", JekyllFilters.relativeUrl("/research", "x-a1+b.c:rest"));
        assertEquals("/research/1http://x", JekyllFilters.relativeUrl("/research", "1http://x"));
        assertEquals("/research/notes/a:b", JekyllFilters.relativeUrl("/research", "notes/a:b"));
    }

    @Test
    void absoluteUrlPutsSiteUrlFirst() {
        assertEquals("https://example.org/research/about/", JekyllFilters.absoluteUrl("https://example.org", "/research", "/about/"));
        assertEquals("https://example.org/", JekyllFilters.absoluteUrl("https://example.org", "", ""));
        assertEquals("/about/", JekyllFilters.absoluteUrl("", "", "/about/"));
        assertEquals("http://example.com//hyde/about/", JekyllFilters.absoluteUrl("http://example.com/", "/hyde", "/about/"));
        assertEquals("http://example.com/", JekyllFilters.absoluteUrl("http://example.com/", "", ""));
    }

    @Test
    void datesPrintAsJekyllPrintsThem() {
        assertEquals("2017-09-04T10:30:00+02:00", JekyllFilters.dateToXmlschema(DATE));
        assertEquals("Mon, 04 Sep 2017 10:30:00 +0200", JekyllFilters.dateToRfc822(DATE));
        assertEquals("04 Sep 2017", JekyllFilters.dateToString(DATE, null, null));
        assertEquals("4th Sep 2017", JekyllFilters.dateToString(DATE, "ordinal", null));
        assertEquals("September 4th, 2017", JekyllFilters.dateToLongString(DATE, "ordinal", "US"));
        assertEquals("11th September 2017", JekyllFilters.dateToLongString(DATE.withDayOfMonth(11), "ordinal", null));
        assertEquals("22nd Sep 2017", JekyllFilters.dateToString(DATE.withDayOfMonth(22), "ordinal", null));
    }

    /** Ruby counts years through 0 (2022 BC is -2021) and writes no + before five digits. */
    @Test
    void yearsBeforeOneAndAfterNineThousandNineHundredNinetyNinePrintAsRubyPrintsThem() {
        java.time.ZonedDateTime bc = java.time.ZonedDateTime.of(-2021, 3, 8, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(2));
        assertEquals("-2021-03-08T00:00:00+02:00", JekyllFilters.dateToXmlschema(bc));
        assertEquals("Thu, 08 Mar -2021 00:00:00 +0200", JekyllFilters.dateToRfc822(bc));
        assertEquals("10000-03-08T00:00:00+02:00", JekyllFilters.dateToXmlschema(bc.withYear(10000)));
        assertEquals("Wed, 08 Mar 10000 00:00:00 +0200", JekyllFilters.dateToRfc822(bc.withYear(10000)));
        assertEquals("08 Mar -0299", JekyllFilters.dateToString(bc.withYear(-299), null, null));
        assertEquals("March 8th, -0299", JekyllFilters.dateToLongString(bc.withYear(-299), "ordinal", "US"));
    }

    /**
     * Jekyll 4.3.1's date filters, feed and sitemap of a date in a year Java's times cannot hold
     * (in front matter always text, whose year YAML's timestamps cannot have), moved into the
     * site's zone: in New York from 5,881,581 on, always at January's offset.
     */
    @Test
    void writesDatesOfAnyYearAsJekyllDoes() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.of(2026, 12, 5, 13, 0, 0, 0, newYork);
        WideTime far = RubyTimeParser.parseWide("10000000-07-01 10:00:00", newYork, now).orElseThrow();
        assertEquals("10000000-07-01T10:00:00-05:00", JekyllFilters.dateToXmlschema(far));
        assertEquals("10000000-07-01T10:00:00-05:00", JekyllFilters.dateToXmlschema(far, newYork).orElseThrow());
        assertEquals("10000000-07-01T15:00:00+00:00",
                JekyllFilters.dateToXmlschema(far, java.time.ZoneOffset.UTC).orElseThrow());
        assertEquals("Sat, 01 Jul 10000000 10:00:00 -0500", JekyllFilters.dateToRfc822(far));
        assertEquals("01 Jul 10000000", JekyllFilters.dateToString(far, null, null));
        assertEquals("1st July 10000000", JekyllFilters.dateToLongString(far, "ordinal", null));
        assertEquals("10000000-07-01T05:00:00-05:00",
                JekyllFilters.dateToXmlschema("10000000-07-01 10:00:00 +0000", newYork).orElseThrow());
        assertEquals(java.util.Optional.empty(), JekyllFilters.dateToXmlschema("20220308", newYork));
        assertEquals(java.util.Optional.empty(), JekyllFilters.dateToXmlschema("no date", newYork));
    }

    @Test
    void urlEscapesAsRubyDoes() {
        assertEquals("foo%2C+bar%3B+baz%3F+%2A~", JekyllFilters.cgiEscape("foo, bar; baz? *~"));
        assertEquals("foo,%20bar%20%5Cbaz?", JekyllFilters.uriEscape("foo, bar \\baz?"));
        assertEquals("caf%C3%A9", JekyllFilters.uriEscape("café"));
    }

    @Test
    void uriEscapeReadsTheEscapesAlreadyThereAsAddressableDoes() {
        // what Jekyll 4.3.1 (Addressable 2.8.1) writes for each
        assertEquals("100%25", JekyllFilters.uriEscape("100%"));
        assertEquals("50%25%20off%25", JekyllFilters.uriEscape("50% off%"));
        assertEquals("%25zz%20a%252%20%25", JekyllFilters.uriEscape("%zz a%2 %25"));
        assertEquals("A/%20x%C3%A9%E9", JekyllFilters.uriEscape("%41%2F x%C3%A9%e9"));
        assertEquals("fi%20fi", JekyllFilters.uriEscape("ｆｉ ﬁ"));
    }

    @Test
    void countsWordsInEachMode() {
        assertEquals(3, JekyllFilters.numberOfWords(" one two\n three ", null));
        assertEquals(0, JekyllFilters.numberOfWords("", null));
        assertEquals(5, JekyllFilters.numberOfWords("Hello \u4e16\u754c\u4f60 x", "cjk"));
        assertEquals(2, JekyllFilters.numberOfWords("Hello x", "auto"));
        assertEquals(3, JekyllFilters.numberOfWords("Hi \u4e16\u754c", "auto"));
    }

    @Test
    void jsonifiesLikeRubyToJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", "A \"quoted\" café\n");
        map.put("n", 3);
        map.put("ratio", 1.0);
        map.put("big", 1.5e20);
        map.put("none", null);
        map.put("tags", List.of("a", true));
        map.put("date", DATE);
        assertEquals("{\"title\":\"A \\\"quoted\\\" café\\n\",\"n\":3,\"ratio\":1.0,\"big\":1.5e+20,\"none\":null,"
                + "\"tags\":[\"a\",true],\"date\":\"2017-09-04 10:30:00 +0200\"}", JekyllFilters.jsonify(map));
    }

    @Test
    void jsonifiesIntegersPastALongAsNumbers() {
        // a 20-digit id in a data file: Ruby's Integer has no bound, and to_json writes its digits
        assertEquals("[12345678901234567890,-99999999999999999999]", JekyllFilters.jsonify(List.of(
                new java.math.BigInteger("12345678901234567890"), new java.math.BigInteger("-99999999999999999999"))));
    }

    @Test
    void joinsArraysIntoSentences() {
        assertEquals("", JekyllFilters.arrayToSentenceString(List.of(), null));
        assertEquals("a", JekyllFilters.arrayToSentenceString(List.of("a"), null));
        assertEquals("a and b", JekyllFilters.arrayToSentenceString(List.of("a", "b"), null));
        assertEquals("a, b, or c", JekyllFilters.arrayToSentenceString(List.of("a", "b", "c"), "or"));
        assertEquals("a and ", JekyllFilters.arrayToSentenceString(Arrays.asList("a", null), null));
    }

    @Test
    void normalisesWhitespaceAndSlugifiesThroughSlugs() {
        assertEquals("a b c", JekyllFilters.normalizeWhitespace("\n a \t b\r\n c  "));
        assertEquals("the-config-yml-file", JekyllFilters.slugify("The _config.yml file", null));
        assertEquals("the-_config.yml-file", JekyllFilters.slugify("The _config.yml file", "pretty"));
    }
}
