package org.sheaf.markdown;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code *} and {@code _} markers of a text make emphasis, read as kramdown reads them.
 *
 * <p>kramdown does not weigh a run of markers as a whole, as CommonMark does. Reading from the
 * left, at a marker it takes two of them if two of a kind stand there, else one, and opens strong
 * emphasis with two, emphasis with one, unless white space follows them, the kind is already open
 * around this place, or an {@code _} follows a letter (or a letter and a hyphen). It then reads on
 * for the same markers: they close the emphasis when something stands between, no white space
 * precedes them, a single marker is not the first of exactly two, and an {@code _} is not followed
 * by a letter or digit. Markers on the way that do not close are read as markers anew, so
 * emphasis of the other kind may open and close inside. Strong emphasis that never closes is
 * read again as emphasis opened by its first marker, the second then text inside it (except
 * directly inside emphasis); whatever never closes is text. So {@code a___b___c} is
 * {@code a__<em>b</em>__c} and {@code *** a ***} emphasis of {@code ** a **}.
 *
 * <p>The text is seen through the markers flexmark put on its delimiter stack: other spans (code,
 * links, HTML) lie between them whole, as kramdown reads them whole. The parser keeps the answer
 * for each place and kind it read from, and the markers a reading of each kind passed over on its
 * way to the end, so markers that never close are not read again by each later one that opens.
 * Not thread-safe; one per text.
 */
final class KramdownEmphasisParser {
    /** An emphasis read: where its opening marker starts, where its closing one, and whether it is strong. */
    record Span(int open, int close, boolean strong) {
        /** How many markers open it and how many close it. */
        int markers() {
            return markerCount(strong);
        }
    }

    /**
     * The emphasis that the markers of a text make, outer ones before those inside them, and the
     * places of the markers that open an emphasis, at any depth, that never closes in the text: in
     * a link's text, kramdown reads such an emphasis on past the link's end, and makes no link
     * when it closes there.
     */
    record Parsed(List<Span> spans, List<Integer> unclosed) {
    }

    /** Whether an emphasis opened at one place may close at another, for what lies between. */
    @FunctionalInterface
    interface Closing {
        /** Nothing between keeps an emphasis from closing. */
        Closing ANYWHERE = (open, close) -> true;

        boolean allowed(int open, int close);

        /**
         * How shallow the elements around the markers get from the place {@code open} up to the
         * later place {@code at}, or -1 when that is not known. An emphasis opened where this
         * is no more at {@code at} than for another is kept from closing after {@code at}
         * wherever that other is: {@link #allowed} is false where the depth at the close is
         * more than the least depth from its opening on.
         */
        default int lowest(int open, int at) {
            return -1;
        }
    }

    /** The emphasis kinds open around the place being read, and which is the innermost. */
    record Open(boolean emphasis, boolean strong, boolean innermostEmphasis) {
        static final Open NONE = new Open(false, false, false);

        /**
         * The kinds open in a link's text that the kinds {@code emphasis} and {@code strong} open
         * around the link leave there: kramdown reads a marker of a kind open outside the link
         * as text inside it, but the link, not an emphasis, is the innermost element there, so
         * strong emphasis that never closes may still be read as emphasis.
         */
        static Open aroundLink(boolean emphasis, boolean strong) {
            return new Open(emphasis, strong, false);
        }

        boolean has(boolean strongKind) {
            return strongKind ? strong : emphasis;
        }

        Open inside(boolean strongKind) {
            return new Open(emphasis || !strongKind, strong || strongKind, !strongKind);
        }
    }

    /**
     * Brackets, from {@code start} to {@code end} (their destination or reference included),
     * that are text in the text being read but that kramdown reads as a whole link where an
     * emphasis of a kind in {@code kinds} (emphasis, strong emphasis) is open around them: its
     * markers in their text are text then, which leaves none open there. An emphasis of such a
     * kind opened before {@code start} does not close inside them, as kramdown, reading that
     * emphasis, passes over the link whole ({@code *[*a](/u*) x} is {@code *[<em>a](/u</em>) x}:
     * the first marker finds no close after the link, and read without it around them, the
     * brackets are no link).
     */
    record Whole(int start, int end, boolean emphasis, boolean strong) {
        boolean holds(int open, int close, boolean strongKind) {
            return open < start && start < close && close < end && (strongKind ? strong : emphasis);
        }
    }

    /** Where the emphasis read from a place closes (-1 when it never does), and the emphasis inside it. */
    private record Reading(int close, List<Span> inside) {
    }

    private record Start(int from, char marker, boolean strong, Open open) {
        Kind kind(int zone) {
            return new Kind(marker, strong, open, zone);
        }
    }

    /**
     * What a reading looks for, whatever place it starts from within one zone: the places
     * between two of {@link #wholes}' starts, from which readings meet the same brackets read whole.
     */
    private record Kind(char marker, boolean strong, Open open, int zone) {
    }

    private final CharSequence text;
    /** The places of the markers, each less {@link #base}, as are those of {@link #neverClosing}. */
    private final BitSet markers;
    private final int base;
    private final Closing closing;
    /** The brackets that no emphasis opened before them closes inside, by where they start. */
    private final List<Whole> wholes;
    private final Map<Start, Reading> read = new HashMap<>();
    /** The places of the markers that opened an emphasis, at any depth, that never closed. */
    private final Set<Integer> unclosed = new TreeSet<>();
    /**
     * For each kind, the markers that a reading of it met and passed over without closing, for
     * reasons of their own, on its way to the end of the text. Readings of one kind that meet the
     * same marker go on alike from there, so a later one that meets it never closes either,
     * unless {@link #closing} kept the first from closing where it lets the later one close.
     */
    private final Map<Kind, Passed> neverClosing = new HashMap<>();

    private KramdownEmphasisParser(CharSequence text, int base, BitSet markers, Closing closing, List<Whole> wholes) {
        this.text = text;
        this.base = base;
        this.markers = markers;
        this.closing = closing;
        this.wholes = wholes.stream().sorted(Comparator.comparingInt(Whole::start)).toList();
    }

    /**
     * The emphasis that the markers of {@code text} make, and the markers that open one that never closes.
     *
     * @param base    the place that the first bit of {@code markers} stands for: the markers of a
     *                link's text late in a long paragraph are read at each of its closing
     *                brackets, and a set as long as the text up to them would make reading a
     *                paragraph of many links take time growing with the square of its length
     * @param markers the places of the {@code *} and {@code _} kramdown reads as markers (not
     *                escaped, not in code, a URL or a tag), each less {@code base}
     * @param closing what else keeps an emphasis from closing (an HTML element between)
     * @param open    the kinds open around the text ({@link Open#NONE} for a paragraph's own text)
     * @param wholes  the brackets that kramdown reads whole as a link around which an emphasis
     *                of a kind is open, though they are text here ({@link Whole})
     */
    static Parsed parse(CharSequence text, int base, BitSet markers, Closing closing, Open open, List<Whole> wholes) {
        KramdownEmphasisParser parser = new KramdownEmphasisParser(text, base, markers, closing, wholes);
        List<Span> spans = new ArrayList<>();
        for (int at = parser.nextMarker(base); at >= 0; at = parser.nextMarker(at)) {
            at = parser.emphasisAt(at, open, spans);
        }
        return new Parsed(List.copyOf(spans), List.copyOf(parser.unclosed));
    }

    /**
     * Reads the emphasis that may open at the marker at {@code at}, adding it to {@code spans}
     * when it closes; returns where reading goes on.
     */
    private int emphasisAt(int at, Open open, List<Span> spans) {
        char marker = text.charAt(at);
        boolean strong = isMarker(at + 1, marker);
        int length = markerCount(strong);
        if (open.has(strong) || at + length < text.length() && LeanInlineParser.rubySpace(text.charAt(at + length))
                || marker == '_' && wordBefore(at)) {
            return at + length;
        }
        Reading reading = reading(new Start(at + length, marker, strong, open.inside(strong)));
        if (reading.close() >= 0) {
            add(spans, new Span(at, reading.close(), strong), reading.inside());
            return reading.close() + length;
        }
        if (strong && !open.innermostEmphasis()) {
            // strong emphasis that never closes may still be emphasis, its second marker text in it
            Reading single = reading(new Start(at + 1, marker, false, open.inside(false)));
            if (single.close() >= 0) {
                add(spans, new Span(at, single.close(), false), single.inside());
                return single.close() + 1;
            }
        }
        return at + length;
    }

    private static void add(List<Span> spans, Span span, List<Span> inside) {
        spans.add(span);
        spans.addAll(inside);
    }

    private Reading reading(Start start) {
        Reading known = read.get(start);
        if (known == null) {
            known = readFrom(start);
            read.put(start, known);
            if (known.close() < 0) {
                unclosed.add(start.from() - markerCount(start.strong()));
            }
        }
        return known;
    }

    /** Reads the content of the emphasis that {@code start} describes, up to the markers that close it. */
    private Reading readFrom(Start start) {
        int open = start.from() - markerCount(start.strong());
        Passed known = neverClosing.computeIfAbsent(start.kind(zone(open)), kind -> new Passed());
        List<Integer> passed = new ArrayList<>();
        boolean onlyOwnReasons = true;
        List<Span> inside = new ArrayList<>();
        for (int at = nextMarker(start.from()); at >= 0; at = nextMarker(at)) {
            if (known.always().get(at - base)) {
                break;
            }
            if (keptAlike(known, open, at)) {
                onlyOwnReasons = false; // the reading that passed here was kept from closing
                break;
            }
            if (at != start.from()) { // nothing stands between at the first place
                if (!mayClose(start, at) || insideWhole(open, at, start.strong())) {
                    passed.add(at);
                } else if (closing.allowed(open, at)) {
                    return new Reading(at, List.copyOf(inside));
                } else {
                    onlyOwnReasons = false; // a reading from elsewhere may close here
                }
            }
            at = emphasisAt(at, start.open(), inside);
        }
        for (int at : passed) {
            if (onlyOwnReasons) {
                known.always().set(at - base);
            } else {
                known.keep(at - base, closing.lowest(open, at));
            }
        }
        return new Reading(-1, List.of());
    }

    /**
     * The markers that readings of one kind passed without closing: those that nothing but the
     * markers kept from closing, after which any reading of the kind never closes; and for
     * those that {@link #closing} kept from closing somewhere, the most that
     * {@link Closing#lowest} was for one of them there, after which a reading for which it is no
     * more never closes either.
     */
    private record Passed(BitSet always, Map<Integer, Integer> kept) {
        Passed() {
            this(new BitSet(), new HashMap<>());
        }

        /** Notes {@code lowest} for a marker passed by a reading kept from closing, when it is known. */
        void keep(int marker, int lowest) {
            if (lowest >= 0) {
                kept.merge(marker, lowest, Math::max);
            }
        }
    }

    /**
     * Whether a reading opened at {@code open} that meets the marker at {@code at} is kept from
     * closing after it, as one of its kind that passed it was ({@link Passed}).
     */
    private boolean keptAlike(Passed known, int open, int at) {
        Integer most = known.kept().get(at - base);
        if (most == null) {
            return false;
        }
        int lowest = closing.lowest(open, at);
        return lowest >= 0 && lowest <= most;
    }

    /**
     * Whether the markers at {@code at}, after the first place of the content, may close the
     * emphasis {@code start} describes, by themselves and what stands next to them; {@link #closing}
     * has the last word.
     */
    private boolean mayClose(Start start, int at) {
        char marker = start.marker();
        int length = markerCount(start.strong());
        if (text.charAt(at) != marker || !isMarker(at + length - 1, marker)
                || LeanInlineParser.rubySpace(text.charAt(at - 1))) {
            return false;
        }
        if (!start.strong() && isMarker(at + 1, marker) && !isMarker(at + 2, marker)) {
            return false; // exactly two markers close strong emphasis only
        }
        return !(marker == '_' && at + length < text.length() && letterOrDigit(at + length));
    }

    /** How many of {@link #wholes} start before {@code open}. */
    private int zone(int open) {
        int zone = 0;
        while (zone < wholes.size() && wholes.get(zone).start() < open) {
            zone++;
        }
        return zone;
    }

    /** Whether the place {@code at} lies inside one of {@link #wholes} that an emphasis of the kind opened at {@code open} passes whole. */
    private boolean insideWhole(int open, int at, boolean strong) {
        for (Whole whole : wholes) {
            if (whole.holds(open, at, strong)) {
                return true;
            }
        }
        return false;
    }

    /** How many markers open and close strong emphasis, or emphasis. */
    private static int markerCount(boolean strong) {
        return strong ? 2 : 1;
    }

    private boolean isMarker(int at, char marker) {
        return at < text.length() && at >= base && markers.get(at - base) && text.charAt(at) == marker;
    }

    /** The place of the first marker at or after {@code from}, or -1 when none is. */
    private int nextMarker(int from) {
        int bit = markers.nextSetBit(Math.max(0, from - base));
        return bit < 0 ? -1 : bit + base;
    }

    /** Whether a letter, or a letter and a hyphen, stands right before {@code at}. */
    private boolean wordBefore(int at) {
        if (at > 0 && text.charAt(at - 1) == '-') {
            at--;
        }
        return at > 0 && Character.isAlphabetic(Character.codePointBefore(text, at));
    }

    private boolean letterOrDigit(int at) {
        int c = Character.codePointAt(text, at);
        return Character.isAlphabetic(c) || Character.isDigit(c);
    }
}
