package org.sheaf.markdown;

import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.core.delimiter.EmphasisDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * When {@code *}, {@code **}, {@code _} and {@code __} open and close emphasis, by kramdown's
 * rules rather than CommonMark's flanking rules.
 *
 * <p>kramdown looks only at whitespace next to the markers, and for {@code _} at letters: a
 * marker opens unless whitespace follows it, and closes unless whitespace precedes it; an
 * {@code _} does not open right after a letter, nor close right before a letter or digit. So
 * {@code **스크럼(Scrum)**에} is strong in kramdown (CommonMark sees a closing run between
 * {@code )} and a letter, which is not right-flanking) while {@code 한국어_강조_좋다} stays as
 * written. Letters and digits are Unicode ones, as Ruby's {@code [[:alpha:]]} and
 * {@code [[:alnum:]]} are; whitespace is Ruby's {@code \s}, ASCII only.
 *
 * <p>kramdown has no "multiple of 3" rule, so {@code a***b***c} is strong emphasis. Instead an
 * emphasis never ends at exactly {@code **} and a strong one never at a single {@code *}: there
 * {@code *foo**} stays as written, and in {@code **a*b*c**} the single markers pair up inside.
 *
 * <p>kramdown opens at the first marker of a run and reads the markers after it that open
 * nothing as text inside: {@code **foo*} (no {@code **} to close the strong) is emphasis of
 * {@code *foo}, and {@code ***foo*} emphasis of {@code **foo}, where flexmark would leave the
 * unused markers before the emphasis.
 */
final class KramdownEmphasis extends EmphasisDelimiterProcessor {
    private final char marker;
    private final boolean strongWrapsEmphasis;

    /**
     * @param marker              {@code *} or {@code _}
     * @param strongWrapsEmphasis whether {@code ***x***} is strong around emphasis (flexmark's
     *                            {@code Parser.STRONG_WRAPS_EMPHASIS})
     */
    KramdownEmphasis(char marker, boolean strongWrapsEmphasis) {
        super(marker, strongWrapsEmphasis);
        this.marker = marker;
        this.strongWrapsEmphasis = strongWrapsEmphasis;
    }

    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
            boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
            boolean afterIsWhitespace) {
        return !rubySpace(after) && !(marker == '_' && letter(before, false));
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
            boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
            boolean afterIsWhitespace) {
        return !rubySpace(before) && !(marker == '_' && letter(after, true));
    }

    /**
     * How many markers of {@code opener} and {@code closer} make one emphasis: none when an
     * earlier opener could take this closer, since kramdown reads markers of an open emphasis of
     * the same kind as text ({@code _a_1 and 1_a_} is one emphasis), and none across the tag of
     * an HTML element that holds one of them only ({@link KramdownSpanElements#crossesElement}).
     * Only openers in the same text count: a link's text is read apart from the text around it,
     * and the markers before the link, still waiting for their own closers while the link's are
     * paired, are not in the link node that holds the opener.
     */
    @Override
    public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
        int use = use(opener, closer);
        if (use == 0 || KramdownSpanElements.crossesElement(opener.getNode(), closer.getNode())) {
            return 0;
        }
        Node text = opener.getNode().getParent();
        for (DelimiterRun earlier = opener.getPrevious(); earlier != null && earlier.getNode().getParent() == text;
                earlier = earlier.getPrevious()) {
            if (earlier.getDelimiterChar() == marker && earlier.canOpen() && use(earlier, closer) > 0
                    && !KramdownSpanElements.crossesElement(earlier.getNode(), closer.getNode())) {
                return 0;
            }
        }
        return use;
    }

    private int use(DelimiterRun opener, DelimiterRun closer) {
        if (opener.length() == 2 && closer.length() == 1) {
            // kramdown tries strong first, and only without a closing ** falls back to emphasis
            return laterCloser(closer, 2) ? 0 : 1;
        }
        if (opener.length() + closer.length() == 3) {
            return 0;
        }
        if (opener.length() < 3 || closer.length() < 3) {
            return Math.min(opener.length(), closer.length());
        }
        return closer.length() % 2 == 0 || !strongWrapsEmphasis ? 2 : 1;
    }

    /**
     * Makes the emphasis; when the opening run had markers left that kramdown would not open
     * anything with, they go inside it as text, after the one marker kramdown opened with.
     */
    @Override
    public void process(Delimiter opener, Delimiter closer, int used) {
        int left = opener.length() - used;
        boolean inside = left > 0 && closer.length() == used
                && (opener.length() == 2 || !laterCloser(closer, left == 1 ? 1 : 2));
        super.process(opener, closer, used);
        if (inside && opener.getNode().getNext() instanceof DelimitedNodeImpl made) {
            BasedSequence markers = opener.getNode().getChars();
            made.setOpeningMarker(markers.subSequence(0, used));
            made.prependChild(new Text(markers.subSequence(used)));
            // every marker of the run is now used: the parser drops the run and its text
            opener.setNumDelims(used);
        }
    }

    /** Whether a closing run of this marker, at least {@code length} long, follows {@code closer}. */
    private boolean laterCloser(DelimiterRun closer, int length) {
        for (DelimiterRun later = closer.getNext(); later != null; later = later.getNext()) {
            if (later.getDelimiterChar() == marker && later.canClose() && later.length() >= length) {
                return true;
            }
        }
        return false;
    }

    private static boolean rubySpace(String text) {
        return text.isEmpty() || " \t\n\r\f\u000B".indexOf(text.charAt(0)) >= 0;
    }

    private static boolean letter(String text, boolean orDigit) {
        if (text.isEmpty()) {
            return false;
        }
        int c = text.codePointAt(0);
        return Character.isAlphabetic(c) || orDigit && Character.isDigit(c);
    }
}
