package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sheaf.testing.HtmlTokens;

/**
 * Emphasis read as kramdown reads it, markers two at a time, each opening or closing by the
 * characters right around it. Every expected text is what kramdown 2.4 (GFM input, Jekyll's
 * settings) writes for the Markdown beside it.
 */
class KramdownEmphasisTest {
    private static final MarkdownRenderer KRAMDOWN = new MarkdownRenderer(MarkdownOptions.defaults());

    private static void assertRenders(String expectedHtml, String markdown) {
        String actual = KRAMDOWN.render(markdown);
        String difference = HtmlTokens.firstDifference(expectedHtml, actual);
        assertNull(difference, () -> difference + "\n--- rendered:\n" + actual);
    }

    @Test
    void aRunOfThreeOpensWithTheLastMarkerWhereTheFirstTwoCannot() {
        // "__" after a letter opens nothing; the third "_" follows "_" and opens emphasis
        assertRenders("<p>a__<em>b</em>__c</p>", "a___b___c\n");
    }

    @Test
    void aRunOfThreeBeforeSpaceIsEmphasisOfTheOtherTwo() {
        // "**" before a space cannot open, nor can it close after one: only "*" opens and closes
        assertRenders("<p><em>** a **</em></p>", "*** a ***\n");
    }

    @Test
    void strongThatNeverClosesIsEmphasisHoldingItsSecondMarker() {
        assertRenders("<p><em>*foo</em></p>", "**foo*\n");
        assertRenders("<p>*foo**</p>", "*foo**\n");
    }

    @Test
    void aRunOfThreeOnBothSidesIsStrongAroundEmphasis() {
        assertRenders("<p><strong><em>a</em></strong></p>", "***a***\n");
        assertRenders("<p><strong><em>a</em> b</strong></p>", "***a* b**\n");
    }

    @Test
    void markersOfAnOpenKindAreTextInside() {
        assertRenders("<p><em>a **b</em></p>", "*a **b*\n");
        assertRenders("<p><strong>a<em>b</em>c</strong></p>", "**a*b*c**\n");
        assertRenders("<p><strong>a <em>b</em> c</strong></p>", "__a _b_ c__\n");
    }

    @Test
    void theFirstEmphasisToCloseWinsWhereTwoOverlap() {
        // the "*" opened first finds no closer once "__b* c__" is strong, so it is text
        assertRenders("<p>*a <strong>b* c</strong></p>", "*a __b* c__\n");
        assertRenders("<p>**a <em>b** c</em></p>", "**a _b** c_\n");
    }

    @Test
    void underscoresInsideWordsOpenAndCloseNothing() {
        assertRenders("<p><em>a_1 and 1_a</em></p>", "_a_1 and 1_a_\n");
        assertRenders("<p>a-_b_ and a-b_c_</p>", "a-_b_ and a-b_c_\n");
    }

    @Test
    void markersAroundSpacesStayText() {
        assertRenders("<p>x ** y ** and <strong>a ** b</strong></p>", "x ** y ** and **a ** b**\n");
    }

    @Test
    void emphasisRunsAcrossALineEnd() {
        assertRenders("<p><em>a\nb</em></p>", "*a\nb*\n");
    }

    @Test
    void anHtmlElementBetweenKeepsNoEmphasisFromClosingAfterIt() {
        assertRenders("<p><em>a <b>c* d</b> e</em></p>", "*a <b>c* d</b> e*\n");
    }

    @Test
    void anEmphasisOpenedInAnElementClosesAfterItsClosingTagWhichIsText() {
        // kramdown reads the emphasis to its closing marker; the element then runs to the end of the text
        assertRenders("<p>a <span><em>b&lt;/span&gt; c</em> d</span></p>", "a <span>*b</span> c* d\n");
        assertRenders("<p><i><span><em>b&lt;/i&gt; c</em></span> x</i></p>", "<i><span>*b</i> c*</span> x\n");
        assertRenders("<p><span><strong>b&lt;/span&gt; c</strong> d</span></p>", "<span>__b</span> c__ d\n");
        assertRenders("<p><span>a</span> <em>b &lt;/span&gt; c</em></p>", "<span>a</span> *b </span> c*\n");
        assertRenders("<p><span>*b</span> <i>c*</i></p>", "<span>*b</span> <i>c*</i>\n");
        assertRenders("<p><span>*b</span> c</p>", "<span>*b</span> c\n");
    }

    @Test
    void markersAnElementKeptFromClosingOneEmphasisMayCloseALaterOne() {
        assertRenders("<p>*a <b> <em>c *x</em> d</b></p>", "*a <b> *c *x* d\n");
        // "*x" passes "*m" and is kept from closing by the <i> it opened before; "*y", inside it, closes
        assertRenders("<p>*x <i><em>y *m n</em> </i></p>", "*x <i>*y *m n* </i>\n");
        assertRenders("<p>*x <i><em>y *m <b>n*</b> o</em></i></p>", "*x <i>*y *m <b>n*</b> o*</i>\n");
    }

    @Test
    void markersThatElementsKeepFromClosingAreReadInTimeInProportionToTheirNumber() {
        // each "*a" reads on to the end of the text, kept from closing by the <b> at each "b*":
        // walking the nodes between at each of them made twice the text take eight times as much
        KRAMDOWN.render(markersInsideElements(100));
        long some = allocatedToRender(markersInsideElements(150));
        long twice = allocatedToRender(markersInsideElements(300));
        assertTrue(twice < 3 * some, () -> "150 took " + some + " bytes, 300 took " + twice);
        assertRenders("<p><em>a <b>b* c</b> *a <b>b* c</b> d</em></p>", markersInsideElements(2) + " d*\n");
    }

    @Test
    void markersLeftAsTextArePartOfTheWordsAroundThem() {
        // an abbreviation is found only as a whole word, and CSS__x__ is one word
        assertRenders("<p>CSS__x__ and <abbr title=\"Style\">CSS</abbr></p>", "CSS__x__ and CSS\n\n*[CSS]: Style\n");
    }

    @Test
    void anEmphasisOpenedInALinksTextAndClosedAfterItMakesTheBracketsText() {
        assertRenders("<p>[<em>a](/u) b</em></p>", "[*a](/u) b*\n");
        // the destination is read as text then: its markers make emphasis of their own
        assertRenders("<p>[<strong>note](/<em>x</em>)text__word x</strong></p>", "[__note](/*x*)text__word x__\n");
        assertRenders("<p>![<strong>a](/i) b</strong></p>", "![**a](/i) b**\n");
        // a marker after white space closes nothing, so the emphasis runs on to the next
        assertRenders("<p>[a <em>b](/u) *c</em></p>", "[a *b](/u) *c*\n");
    }

    @Test
    void anEmphasisInsideTheLinksTextThatClosesAfterItMakesTheBracketsTextToo() {
        // strong emphasis read on past the link closes there, before the emphasis its second marker makes
        assertRenders("<p>[<strong>y word_](/u) b</strong></p>", "[__y word_](/u) b__\n");
        // the emphasis inside the strong one closes after the image, the strong one then around it
        assertRenders("<p>![<strong><em>a**](/u) b</em></strong>c</p>", "![***a**](/u) b***c\n");
    }

    @Test
    void markersInALinksTextOfAKindOpenAroundTheLinkAreText() {
        assertRenders("<p><em><a href=\"/u\"><strong>*a</strong>*</a></em></p>", "*[***a***](/u)*\n");
        // a link around which nothing is open reads its text as before
        assertRenders("<p><em>a <a href=\"/u\"><strong>*b</strong>* c</a></em> and <a href=\"/v\"><strong><em>d</em></strong></a></p>",
                "*a [***b*** c](/u)* and [***d***](/v)\n");
        // the attribute list follows the markers left as text, so it is text too
        assertRenders("<p><strong><a href=\"/u\">**<em>b</em>**{: .c}</a></strong></p>", "__[***b***{: .c}](/u)__\n");
    }

    @Test
    void anEmphasisOfALinksTextThatClosesInItsDestinationMakesNoLinkWhenNoBracketFollows() {
        // read in the link's text, "**" finds no end, and then "*" closes at the destination's first "*"
        assertRenders("<p><em>[** a **](/</em>x<em>)</em></p>", "*[** a **](/*x*)*\n");
        // a later link's brackets balance each other, so they end no link begun before them
        assertRenders("<p><em>[** a **](/</em>x<em>)</em> <a href=\"/c\">b</a></p>", "*[** a **](/*x*)* [b](/c)\n");
        assertRenders("<p><em>[**a](/*x*)</em></p>", "_[**a](/*x*)_\n");
    }

    @Test
    void anEmphasisOfALinksTextThatClosesPastItsEndReadsOnToALaterBracket() {
        // the emphasis closes at the second link's "*", whose brackets are text inside the first link
        assertRenders("<p><a href=\"/v\"><em>a](/u) [</em>b</a></p>", "[*a](/u) [*b](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) [</em>b</a> <a href=\"/w\">*c</a></p>", "[*a](/u) [*b](/v) [*c](/w)\n");
        assertRenders("<p><em>x <a href=\"/v\"><strong>a](/u) [</strong>b</a></em></p>", "*x [**a](/u) [**b](/v)*\n");
    }

    @Test
    void theLaterBracketThatEndsTheLinkIsCountedOutsideTheSpansReadOnTheWay() {
        // a code span, an element, a comment, an emphasis, an escape or an image hides its "]"
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> <code class=\"language-plaintext highlighter-rouge\">]</code> c</a></p>",
                "[*a](/u) b* `]` c](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> <b>x]</b> c</a></p>", "[*a](/u) b* <b>x]</b> c](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> <!-- ] --> c</a></p>", "[*a](/u) b* <!-- ] --> c](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> <em>x]</em> c</a></p>", "[*a](/u) b* _x]_ c](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> ] c</a></p>", "[*a](/u) b* \\] c](/v)\n");
        assertRenders("<p><a href=\"/r\"><em>a](/u) b</em> <code class=\"language-plaintext highlighter-rouge\">]</code> c</a></p>",
                "[*a](/u) b* `]` c][r]\n\n[r]: /r\n");
        // brackets balance each other, and a "]" the count ends at is the link's end or none
        assertRenders("<p><a href=\"/v\"><em>a](/u) b</em> [c] d</a></p>", "[*a](/u) b* [c] d](/v)\n");
        assertRenders("<p>[<em>a](/u) b</em> {: title=”]”} c](/v)</p>", "[*a](/u) b* {: title=\"]\"} c](/v)\n");
    }

    @Test
    void aLaterLinkInsideTheLinksTextIsTextItsDestinationToo() {
        // kramdown reads "[b](/x*)" as text of the first link: its "*" closes the emphasis
        assertRenders("<p><a href=\"/v\"><em>a](/u) [b](/x</em>) c* d</a></p>", "[*a](/u) [b](/x*) c* d](/v)\n");
        assertRenders("<p><a href=\"/v\"><em>a](/u) [b](/x</em>) c</a></p>", "[*a](/u) [b](/x*) c](/v)\n");
        // where no link ends at the bracket the count finds, the later link stays one
        assertRenders("<p>[<em>a](/u) <a href=\"/r\">b</a> c</em> d](/v)</p>", "[*a](/u) [b][*r] c* d](/v)\n\n[*r]: /r\n");
    }

    @Test
    void anEmphasisOpenedInALinksTextThatNeverClosesLeavesTheLink() {
        assertRenders("<p><a href=\"/u\">*a</a> b</p>", "[*a](/u) b\n");
        assertRenders("<p><em>x <a href=\"/u\">*a</a> y</em></p>", "*x [*a](/u) y*\n");
    }

    @Test
    void readingTheEmphasisOfEachLinkCostsNothingForTheTextBeforeIt() {
        // the markers of a link's text are read at its closing bracket: memory for the whole
        // paragraph up to there, at each link, made a paragraph of twice the links take four times
        // as much
        KRAMDOWN.render(linksWithEmphasis(1_000));
        long some = allocatedToRender(linksWithEmphasis(10_000));
        long twice = allocatedToRender(linksWithEmphasis(20_000));
        assertTrue(twice < 3 * some, () -> "10,000 links took " + some + " bytes, 20,000 took " + twice);
    }

    private static String linksWithEmphasis(int count) {
        return IntStream.range(0, count).mapToObj(i -> "[*a" + i + "*](/u" + i + ")").collect(Collectors.joining(" "));
    }

    private static String markersInsideElements(int count) {
        return IntStream.range(0, count).mapToObj(i -> "*a <b>b* c</b>").collect(Collectors.joining(" "));
    }

    private static long allocatedToRender(String markdown) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        KRAMDOWN.render(markdown);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
