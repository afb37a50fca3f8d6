package org.sheaf.markdown;

import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.core.delimiter.EmphasisDelimiterProcessor;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Emphasis with {@code *} and {@code _} as kramdown makes it: flexmark puts every run of
 * markers on its delimiter stack through this processor, and the inline parser, rather than
 * pairing them by CommonMark's rules, hands them to {@link #make}, which reads them with
 * {@link KramdownEmphasisParser} and makes the emphasis nodes. So only the runs' places come
 * from flexmark; whether a run can open or close is kramdown's business, not this processor's.
 */
final class KramdownEmphasis extends EmphasisDelimiterProcessor {
    /** @param marker {@code *} or {@code _} */
    KramdownEmphasis(char marker) {
        super(marker, false);
    }

    /** Whether {@code marker} is one of kramdown's emphasis markers. */
    static boolean marks(char marker) {
        return marker == '*' || marker == '_';
    }

    @Override
    public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
            boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
            boolean afterIsWhitespace) {
        return true;
    }

    @Override
    public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
            boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
            boolean afterIsWhitespace) {
        return true;
    }

    /**
     * Makes the emphasis that the runs of markers {@code runs}, taken off the delimiter stack and
     * in the order of {@code input}, hold as kramdown reads them. Each run's text node is cut where
     * an emphasis opens or closes; the markers that make one become its opening and closing
     * marker, the others stay text; {@code open} says which kinds are open around them. No
     * emphasis closes across the tag of an HTML element that holds one end of it only
     * ({@link KramdownSpanElements#crossesElement}), nor inside {@code wholes} opened before them
     * ({@link KramdownEmphasisParser.Whole}).
     *
     * @return the nodes of the markers left as text, for {@link #joinNeighbours}, the places
     *         in {@code input} of the markers that open an emphasis that never closes, and the
     *         emphasis made
     */
    static Made make(BasedSequence input, List<Delimiter> runs, KramdownEmphasisParser.Open open,
            List<KramdownEmphasisParser.Whole> wholes) {
        KramdownEmphasisParser.Parsed parsed = read(input, runs, open, wholes);
        List<KramdownEmphasisParser.Span> spans = parsed.spans();
        TreeSet<Integer> cuts = new TreeSet<>();
        for (KramdownEmphasisParser.Span span : spans) {
            cuts.addAll(List.of(span.open(), span.open() + span.markers(), span.close(), span.close() + span.markers()));
        }
        Map<Integer, Text> pieces = new HashMap<>();
        for (Delimiter run : runs) {
            cut(input, run, cuts, pieces);
        }
        List<Node> emphasis = new ArrayList<>(spans.size());
        for (KramdownEmphasisParser.Span span : spans) {
            Node made = wrap(input, span, pieces.get(span.open()), pieces.get(span.close()));
            if (made != null) {
                emphasis.add(made);
            }
        }
        return new Made(pieces.values().stream().filter(piece -> piece.getParent() != null).toList(), parsed.unclosed(), spans,
                emphasis);
    }

    /**
     * The emphasis that the runs of markers {@code runs}, in the order of {@code input}, make as
     * kramdown reads them, without touching a node: {@link #make} makes them, and a link's text is
     * asked which of its footnote markers lie in none ({@link LeanInlineParser}). {@code open}
     * says which kinds are open around them, {@code wholes} which brackets they pass whole.
     */
    static KramdownEmphasisParser.Parsed read(BasedSequence input, List<Delimiter> runs, KramdownEmphasisParser.Open open,
            List<KramdownEmphasisParser.Whole> wholes) {
        int base = runs.get(0).getStartIndex();
        BitSet markers = new BitSet();
        Map<Integer, Delimiter> runAt = new HashMap<>();
        for (Delimiter run : runs) {
            markers.set(run.getStartIndex() - base, run.getEndIndex() - base);
            for (int at = run.getStartIndex(); at < run.getEndIndex(); at++) {
                runAt.put(at, run);
            }
        }
        return KramdownEmphasisParser.parse(input, base, markers, closing(runs, runAt), open, wholes);
    }

    /**
     * What keeps an emphasis of {@code runs}, found by place in {@code runAt}, from closing: an
     * element whose tag stands between its markers ({@link KramdownSpanElements#crossesElement}),
     * read from their {@link ElementNesting} once for all pairs.
     */
    private static KramdownEmphasisParser.Closing closing(List<Delimiter> runs, Map<Integer, Delimiter> runAt) {
        Node first = runs.get(0).getNode();
        if (!KramdownSpanElements.mayHoldElements(first)) {
            return KramdownEmphasisParser.Closing.ANYWHERE;
        }
        ElementNesting nesting = ElementNesting.of(runs.stream().<Node>map(Delimiter::getNode).toList());
        if (nesting == null) {
            // the walk in the order of the text meets the markers otherwise: ask of each pair
            return (from, to) -> !KramdownSpanElements.crossesElement(runAt.get(from).getNode(), runAt.get(to).getNode());
        }
        return new KramdownEmphasisParser.Closing() {
            @Override
            public boolean allowed(int open, int close) {
                return !nesting.crosses(runAt.get(open).getNode(), runAt.get(close).getNode());
            }

            @Override
            public int lowest(int open, int at) {
                return nesting.lowestBetween(runAt.get(open).getNode(), runAt.get(at).getNode());
            }
        };
    }

    /**
     * What {@link #make} leaves: the markers' nodes left as text, the places of those that open an
     * emphasis never closed, and the emphasis made, as spans and as nodes.
     */
    record Made(List<Text> markersLeft, List<Integer> unclosed, List<KramdownEmphasisParser.Span> spans,
            List<Node> emphasis) {
        static final Made NOTHING = new Made(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Joins each of {@code markers}, left as text by {@link #make}, to the text right around it,
     * as kramdown reads them as one text: an abbreviation is found only as a whole word of it
     * ({@code CSS__x} holds none). Called once the other delimiters are paired, whose nodes are
     * text too until then.
     */
    static void joinNeighbours(List<Text> markers) {
        for (Text piece : markers) {
            if (piece.getParent() != null) {
                joinNeighbours(piece);
            }
        }
    }

    /**
     * Joins the plain texts side by side in each of {@code emphasis}, as kramdown reads the text
     * between an emphasis's markers as one: the spaces kept at a line's end, a node of their own
     * until the markers are paired, are then the space a {@code <<} before them takes
     * ({@code *a<<  \nb*} is {@code «} and a no-break space). Called once the other delimiters
     * are paired, as {@link #joinNeighbours} is; each node is looked at once.
     */
    static void joinTexts(List<Node> emphasis) {
        for (Node made : emphasis) {
            Node node = made.getFirstChild();
            while (node != null) {
                if (!(plainText(node) && joinedToNext((Text) node))) {
                    node = node.getNext();
                }
            }
        }
    }

    /** Joins {@code piece} to the plain texts right before and after it, markers left as text among them too ({@code *_CSS*}). */
    private static void joinNeighbours(Text piece) {
        while (plainText(piece.getPrevious()) && piece.getPrevious().getEndOffset() == piece.getStartOffset()) {
            Node previous = piece.getPrevious();
            piece.setChars(piece.baseSubSequence(previous.getStartOffset(), piece.getEndOffset()));
            previous.unlink();
        }
        while (joinedToNext(piece)) {
            // each pass takes in the plain text right after the piece
        }
    }

    /** Takes the plain text right after {@code text}, touching it in the source, into it; false where there is none. */
    private static boolean joinedToNext(Text text) {
        Node next = text.getNext();
        if (!plainText(next) || next.getStartOffset() != text.getEndOffset()) {
            return false;
        }
        text.setChars(text.baseSubSequence(text.getStartOffset(), next.getEndOffset()));
        next.unlink();
        return true;
    }

    private static boolean plainText(Node node) {
        return node != null && node.getClass() == Text.class;
    }

    /** Cuts the text node of {@code run} at {@code cuts}, noting each piece by where it starts. */
    private static void cut(BasedSequence input, Delimiter run, TreeSet<Integer> cuts, Map<Integer, Text> pieces) {
        Text node = run.getNode();
        int start = run.getStartIndex();
        for (Integer cut : cuts.subSet(start, false, run.getEndIndex(), false)) {
            Text piece = new Text(input.subSequence(start, cut));
            node.insertBefore(piece);
            pieces.put(start, piece);
            start = cut;
        }
        if (start > run.getStartIndex()) {
            node.setChars(input.subSequence(start, run.getEndIndex()));
        }
        pieces.put(start, node);
    }

    /** Makes the emphasis of {@code span}, its content the nodes between its two markers' pieces; returns it, or null. */
    private static Node wrap(BasedSequence input, KramdownEmphasisParser.Span span, Text opener, Text closer) {
        if (opener.getParent() != closer.getParent()) {
            return null;
        }
        DelimitedNodeImpl emphasis = span.strong() ? new StrongEmphasis() : new Emphasis();
        emphasis.setOpeningMarker(opener.getChars());
        emphasis.setText(input.subSequence(span.open() + span.markers(), span.close()));
        emphasis.setClosingMarker(closer.getChars());
        for (Node node = opener.getNext(); node != closer; ) {
            Node next = node.getNext();
            emphasis.appendChild(node);
            node = next;
        }
        opener.insertBefore(emphasis);
        opener.unlink();
        closer.unlink();
        emphasis.setCharsFromContent();
        return emphasis;
    }
}
