package org.sheaf.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedNodeImpl;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.Bracket;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * flexmark's inline parser, matching patterns without a copy of the paragraph per match.
 *
 * <p>flexmark's {@code match} and {@code matchWithGroups} ask the JDK's matcher for a {@code
 * MatchResult}; on Java 17 that copies the whole input (the paragraph) into a new string, char by
 * char, for every link, code span and space run matched: the largest single cost of rendering a
 * long note (about a tenth of all build time on the benchmark corpus). Reading the positions
 * straight from the matcher gives the same answers without the copy.
 */
final class LeanInlineParser extends InlineParserImpl {
    /**
     * Whether a link's {@code <...>} destination is read as kramdown reads it: everything from
     * {@code <} to the first {@code >} on the line, whatever lies between.
     */
    static final DataKey<Boolean> KRAMDOWN_ANGLE_DESTINATIONS = new DataKey<>("KRAMDOWN_ANGLE_DESTINATIONS", false);

    /**
     * Whether the {@code *} and {@code _} markers on the delimiter stack make emphasis as kramdown
     * reads them ({@link KramdownEmphasisParser}) rather than by their delimiter processor.
     */
    static final DataKey<Boolean> KRAMDOWN_EMPHASIS = new DataKey<>("KRAMDOWN_EMPHASIS", false);

    /**
     * Whether the spaces and tabs at the end of a line inside a paragraph are kept, as kramdown
     * keeps them ({@code a \nb} is {@code a \nb}, {@code a   \nb} is {@code a <br />}: only the
     * two spaces that make the break go). CommonMark drops them.
     */
    static final DataKey<Boolean> KRAMDOWN_LINE_END_SPACE = new DataKey<>("KRAMDOWN_LINE_END_SPACE", false);

    /**
     * Whether two backslashes right before a line's end break the line, as kramdown reads them:
     * its line break comes before its escapes, so a run of an even number of backslashes there
     * ends in a break ({@code a\\} is {@code a<br />}, {@code a\\\\} is {@code a\<br />}), where
     * CommonMark reads escaped backslashes. Not with kramdown's {@code hard_wrap}, under which its
     * GFM parser reads every line end as the break and the pair as an escape.
     */
    static final DataKey<Boolean> KRAMDOWN_BACKSLASH_BREAK = new DataKey<>("KRAMDOWN_BACKSLASH_BREAK", false);

    /**
     * Whether every line end is the same plain break, as kramdown's GFM parser reads lines with
     * {@code hard_wrap}: it has no line break span then, so what ends the line stays text before
     * the break, the spaces and tabs all ({@code a  \nb} is {@code a  <br />b}) and a backslash
     * too ({@code a\\nb} is {@code a\<br />b}). Which of these breaks are written as
     * {@code <br />} is the renderer's business.
     */
    static final DataKey<Boolean> KRAMDOWN_HARD_WRAP = new DataKey<>("KRAMDOWN_HARD_WRAP", false);

    /**
     * Whether code spans are read as kramdown reads them: a lone backtick between white space is
     * text ({@code a ` b}), and a span closes at the first run of its opening backticks, even one
     * inside a longer run ({@code ``a```b``} is the code {@code a}, then the code {@code b} and a
     * backtick), where CommonMark closes it only with a run of exactly as many.
     */
    static final DataKey<Boolean> KRAMDOWN_CODE_SPANS = new DataKey<>("KRAMDOWN_CODE_SPANS", false);

    /**
     * The elements whose content kramdown reads as spans in a paragraph: its span content model
     * ({@link KramdownTags#SPAN_CONTENT}), and those of its block content model that are not
     * block-level (a block-level tag is text there). Any other element's content, an unknown
     * element's included, it keeps raw.
     */
    static final Set<String> SPAN_CONTENT = Stream.concat(KramdownTags.SPAN_CONTENT.stream(),
            KramdownTags.BLOCK_CONTENT.stream().filter(name -> !KramdownNodeRenderer.BLOCK_ELEMENTS.contains(name)))
            .collect(Collectors.toUnmodifiableSet());
    /** The name of the element an opening tag opens, in group 1. */
    private static final Pattern OPENING_TAG_NAME = Pattern.compile("<([A-Za-z][\\w:.-]*)");
    /** One attribute of a tag, its name in group 1 and its value, by how it is quoted, in group 2, 3 or 4. */
    private static final Pattern TAG_ATTRIBUTE = Pattern.compile(
            "\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    /** A tag or a comment inside raw content, which kramdown still reads as HTML. */
    private static final Pattern NESTED_TAG = Pattern.compile("<!--.*?-->|</?[A-Za-z][\\w:.-]*(?:\\s[^<>]*)?/?>", Pattern.DOTALL);
    /**
     * Whether inline HTML is only tags and comments, as kramdown reads it: {@code <?php ?>},
     * {@code <!DOCTYPE>} and {@code <![CDATA[]]>}, which CommonMark passes through as HTML, are text.
     */
    static final DataKey<Boolean> KRAMDOWN_TAGS_ONLY = new DataKey<>("KRAMDOWN_TAGS_ONLY", false);

    /**
     * Whether brackets followed by a reference are read as kramdown reads them: white space may
     * stand between the two ({@code [x] [id]}), and brackets whose reference names no link
     * definition ({@code [x][HTML]}) are text up to their closing bracket, kramdown going back to
     * just after the {@code [} and reading on, so the second brackets are read again as anything
     * else would be (abbreviations, emphasis, a link of their own). CommonMark instead makes the
     * pair one unresolved reference whose second brackets are never parsed.
     */
    static final DataKey<Boolean> KRAMDOWN_REFERENCES = new DataKey<>("KRAMDOWN_REFERENCES", false);

    /**
     * Whether autolinks are kramdown's: {@code <...>} holding a {@code mailto:}, {@code http:},
     * {@code https:}, {@code ftp:} or {@code ftps:} address (written in lower case; spaces and
     * markup allowed inside), or an email address of letters, digits, {@code -}, {@code _} and
     * {@code .}. Any other scheme ({@code <irc://x>}) is text, where CommonMark links it.
     */
    static final DataKey<Boolean> KRAMDOWN_AUTOLINKS = new DataKey<>("KRAMDOWN_AUTOLINKS", false);

    /** kramdown's autolink; group 1 is a URL's text, group 2 an email address's. */
    private static final Pattern KRAMDOWN_AUTOLINK = Pattern.compile(
            "^<(?:((?:mailto|https?|ftps?):.+?)|([\\p{Alnum}\\-_.]+?@[\\p{Alnum}\\-_.]+?))>", Pattern.UNICODE_CHARACTER_CLASS);

    /** kramdown's GFM parser's start of a code fence, which ends a paragraph's text. */
    private static final Pattern FENCE_START = Pattern.compile(" {0,3}[~`]{3,}");

    /** The inline parser of a document, kept in it ({@link #of}). */
    private static final NullableDataKey<InlineParser> PARSER = new NullableDataKey<>("SHEAF_INLINE_PARSER");

    /** The document being parsed: a table cell's text is read before the cell joins its tree. */
    private Document document;
    private final boolean kramdownAngleDestinations;
    private final boolean kramdownTagsOnly;
    private final boolean kramdownAutolinks;
    private final boolean kramdownCodeSpans;
    private final boolean kramdownEmphasis;
    private final boolean kramdownReferences;
    private final boolean kramdownLineEndSpace;
    private final boolean kramdownBackslashBreak;
    private final boolean kramdownHardWrap;
    private final boolean gfmInput;

    /** Where the {@code []} after the brackets being closed ends, when white space comes before it; else -1. */
    private int emptyReferenceEnd = -1;

    /** Whether a link definition ({@code [id]: url}) is being read. */
    private boolean readingDefinition;

    /** The inline link being closed, read as kramdown reads it, while flexmark makes it. */
    private InlineLink inlineLink;

    /** The places of the markers that open an emphasis never closed in the text last read for emphasis. */
    private List<Integer> unclosedEmphasis = List.of();

    /** The links and images made in the text being parsed whose text holds an emphasis never closed in it. */
    private List<OpenLink> openLinks = new ArrayList<>();

    /** The link or image being made, while flexmark makes it and reads the emphasis of its text; null otherwise. */
    private LinkPlace closingLink;

    /**
     * The emphasis kinds open around each link or image of the text, by where its brackets
     * start, as the reading before found them; a link around which none is open is left out.
     */
    private Map<Integer, KramdownEmphasisParser.Open> openAroundLinks = Map.of();

    /** The link that {@link #parse} reads the text again without, to see whether an emphasis of its text crosses its end; null otherwise. */
    private OpenLink retried;

    /**
     * The places of the markers that the text read without {@link #retried} holds from the first
     * its text leaves open on, less that first place, outside images' text: kramdown reads them
     * all as the link's text, the brackets of the links among them as text too.
     */
    private final BitSet retriedMarkers = new BitSet();

    /**
     * Where the destination or reference of each link made after {@link #retried}'s {@code ]}
     * starts and ends, in the text read without it: kramdown reads such a link, inside the
     * retried link's text, as text, its markers of emphasis too.
     */
    private final List<int[]> laterLinkTails = new ArrayList<>();

    /**
     * The links whose text holds an emphasis that crosses their first {@code ]}, by where their
     * brackets start, each read on to the later {@code ]} of its {@link Crossing}.
     */
    private final Map<Integer, Crossing> longLinks = new HashMap<>();

    /** The links and images made in the text being parsed whose text holds a marker of emphasis. */
    private final List<LinkPlace> markedLinks = new ArrayList<>();

    /** The emphasis of the text being parsed outside every link's and image's text, once read. */
    private List<KramdownEmphasisParser.Span> outerEmphasis = List.of();

    /** Where the brackets start that make no link, as kramdown reads an emphasis in their text on past them. */
    private final Set<Integer> notLinks = new HashSet<>();

    /**
     * Those of {@link #notLinks} that kramdown reads whole as a link where an emphasis of a kind
     * that their text leaves open is open around them ({@link #wholeUnder}).
     */
    private final List<KramdownEmphasisParser.Whole> wholeLinks = new ArrayList<>();

    /** Where the brackets of each link made in the text being parsed start, for {@link #linksToText}. */
    private final Map<Node, Integer> linkStarts = new IdentityHashMap<>();

    /**
     * Where the brackets start of the links made and then turned back into text, as links inside
     * another link's text, whose destination or reference holds what kramdown reads as spans there.
     */
    private final Set<Integer> nestedLinks = new HashSet<>();

    /**
     * For each link of {@link #nestedLinks} found in a reading of the text being parsed, where the
     * brackets start of the link whose text held it: when those brackets turn out to be text, the
     * link inside is kramdown's link again ({@code [[a][r]*](/u)*} links {@code a}).
     */
    private final Map<Integer, Integer> nestedIn = new HashMap<>();

    /**
     * The footnote markers read in the text of each bracket still open, each of which kramdown
     * counts as a bracket opened there that its own {@code ]} never closes.
     */
    private final Map<Bracket, FootnoteMarkers> footnoteMarkers = new IdentityHashMap<>();

    /** kramdown's footnote marker: {@code [^name]}, the name an ASCII word character, then word characters and hyphens. */
    private static final Pattern FOOTNOTE_MARKER = Pattern.compile("\\[\\^[A-Za-z0-9_][A-Za-z0-9_-]*]");

    /** Where the last opening tag read starts of a span element with content, or -1: {@link #insideOpenElement} looks for no other. */
    private int lastElementOpened = -1;

    /**
     * The raw contents that an element read as spans inside them cut short ({@link #readRawContent}),
     * innermost first: each goes on, raw, after the closing tag of that element.
     */
    private final Deque<RawResumption> rawResumptions = new ArrayDeque<>();

    /** Where each {@code (} of {@link #parensOf} is balanced, or -1; made when first asked. */
    private int[] closingParens;
    private BasedSequence parensOf;

    /** Searches for the ends of kramdown's inline links ({@link #inlineLinkAt}). */
    private final ForwardSearch angleEnd = new ForwardSearch(at -> input.charAt(at) == '>' || input.charAt(at) == '\n');
    private final ForwardSearch spaceBeforeQuote = new ForwardSearch(
            at -> rubySpace(input.charAt(at)) && (input.safeCharAt(at + 1) == '"' || input.safeCharAt(at + 1) == '\''));
    private final ForwardSearch doubleQuoteEnd = new ForwardSearch(at -> input.charAt(at) == '"' && input.safeCharAt(afterSpace(at + 1)) == ')');
    private final ForwardSearch singleQuoteEnd = new ForwardSearch(at -> input.charAt(at) == '\'' && input.safeCharAt(afterSpace(at + 1)) == ')');

    LeanInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
        this.kramdownAngleDestinations = KRAMDOWN_ANGLE_DESTINATIONS.get(options);
        this.kramdownEmphasis = KRAMDOWN_EMPHASIS.get(options);
        this.kramdownCodeSpans = KRAMDOWN_CODE_SPANS.get(options);
        this.kramdownTagsOnly = KRAMDOWN_TAGS_ONLY.get(options);
        this.kramdownAutolinks = KRAMDOWN_AUTOLINKS.get(options);
        this.kramdownReferences = KRAMDOWN_REFERENCES.get(options);
        this.kramdownLineEndSpace = KRAMDOWN_LINE_END_SPACE.get(options);
        this.kramdownBackslashBreak = KRAMDOWN_BACKSLASH_BREAK.get(options);
        this.kramdownHardWrap = KRAMDOWN_HARD_WRAP.get(options);
        this.gfmInput = MarkdownRenderer.GFM_INPUT.get(options);
    }

    /**
     * With {@link #KRAMDOWN_LINE_END_SPACE}, the white space flexmark cuts from the end of the
     * line is put back as text before the line break, less the two spaces of a hard break.
     */
    @Override
    public boolean parseNewline() {
        if (!kramdownLineEndSpace) {
            return super.parseNewline();
        }
        int newline = index;
        int end = index > 0 && input.charAt(index - 1) == '\r' ? index - 1 : index;
        if (kramdownHardWrap) {
            return parseHardWrappedLineEnd(end);
        }
        int start = end;
        while (start > 0 && (input.charAt(start - 1) == ' ' || input.charAt(start - 1) == '\t')) {
            start--;
        }
        boolean parsed = super.parseNewline();
        Node lineBreak = block.getLastChild();
        if (!(lineBreak instanceof SoftLineBreak || lineBreak instanceof HardLineBreak)) {
            return parsed;
        }
        // where kramdown joins the next line back, the line keeps two spaces if it ended in two,
        // else none (only white space at the line's end is cut: a line that ends in none keeps all)
        boolean rejoins = start < end && rejoinsParagraph(newline + 1);
        int spaceStart = !rejoins ? start : endsInTwoSpaces(start, end) ? end - 2 : end;
        if (lineBreak instanceof HardLineBreak && end - spaceStart == 2 && guillemetTakesSpace(start)) {
            Node soft = new SoftLineBreak(input.subSequence(end, newline + 1));
            lineBreak.insertBefore(soft);
            lineBreak.unlink();
            lineBreak = soft;
        }
        int kept = lineBreak instanceof HardLineBreak && endsInTwoSpaces(spaceStart, end) ? end - 2 : end;
        // flexmark cuts only a run that ends in a space: what the text before still holds stays
        int from = spaceStart;
        Node before = lineBreak.getPrevious();
        int heldTo = before == null ? -1 : before.getChars().getEndOffset();
        while (from < kept && input.getIndexOffset(from) < heldTo) {
            from++;
        }
        if (kept > from) {
            // a node of its own: the text before may be an emphasis marker, which must stay as it is
            lineBreak.insertBefore(new Text(input.subSequence(from, kept)));
        }
        if (kramdownBackslashBreak && lineBreak instanceof SoftLineBreak && start == end && endsWithBackslashPair(end)
                && lineBreak.getPrevious() instanceof Text text && text.getChars().endsWith("\\\\")) {
            BasedSequence rest = text.getChars().subSequence(0, text.getChars().length() - 2);
            if (rest.isEmpty()) {
                text.unlink();
            } else {
                text.setChars(rest);
            }
            lineBreak.insertBefore(new HardLineBreak(input.subSequence(end - 2, index)));
            lineBreak.unlink();
        }
        return parsed;
    }

    /** Whether the text from {@code start} to {@code end} ends in two spaces. */
    private boolean endsInTwoSpaces(int start, int end) {
        return end - start >= 2 && input.charAt(end - 1) == ' ' && input.charAt(end - 2) == ' ';
    }

    /**
     * Whether the line at {@code lineStart} is one where kramdown ends a paragraph's text, then,
     * finding no block there, reads it on as the same paragraph: a line that starts with a tag
     * of block-level HTML ({@link KramdownHtmlBlockParser#endsLazyLines}) or, in its GFM parser,
     * with a code fence ({@code <http://x.y>}, {@code ```a```}). kramdown takes the white space
     * off the end of the text before and joins the two with the two spaces of a line break when
     * the line before ended in two spaces, else with the line end alone ({@code a   \n<x>} is
     * {@code a<br />}, where a paragraph's other lines keep a space, {@code a <br />}).
     */
    private boolean rejoinsParagraph(int lineStart) {
        if (lineStart >= input.length()) {
            return false;
        }
        int lineEnd = input.indexOf('\n', lineStart);
        CharSequence line = input.subSequence(lineStart, lineEnd < 0 ? input.length() : lineEnd);
        return KramdownHtmlBlockParser.endsLazyLines(line) || gfmInput && FENCE_START.matcher(line).lookingAt();
    }

    /**
     * With {@link #KRAMDOWN_HARD_WRAP}, the line end at {@code index}, from {@code end} where a
     * carriage return before it starts: one plain break, the text before it kept as written (the
     * spaces that would make a hard break in CommonMark too), and the spaces that indent the next
     * line left out, as flexmark leaves them out.
     */
    private boolean parseHardWrappedLineEnd(int end) {
        int newline = index;
        index += index + 1 < input.length() && input.charAt(index + 1) == '\n' ? 2 : 1;
        flushTextNode();
        appendNode(new SoftLineBreak(input.subSequence(end, newline + 1)));
        while (peek() == ' ') {
            index++;
        }
        return true;
    }

    /** With {@link #KRAMDOWN_HARD_WRAP}, a backslash at a line's end is text, the line end read on its own. */
    @Override
    protected boolean parseBackslash() {
        char next = input.safeCharAt(index + 1);
        if (kramdownHardWrap && (next == '\n' || next == '\r')) {
            appendText(input.subSequence(index, index + 1));
            index++;
            return true;
        }
        return super.parseBackslash();
    }

    /**
     * Whether the run of {@code <} that ends at {@code at} ends in a {@code <<} that kramdown reads
     * as a guillemet taking the space after it ({@code << }), which then is no space of a line
     * break: kramdown takes the run two at a time from its start, and {@code \<<} is two
     * characters {@code <}.
     */
    private boolean guillemetTakesSpace(int at) {
        int run = at;
        while (run > 0 && input.charAt(run - 1) == '<') {
            run--;
        }
        boolean escaped = backslashesBefore(run) % 2 == 1;
        int length = at - run;
        return length >= 2 && length % 2 == 0 && !(length == 2 && escaped);
    }

    /**
     * Whether the run of backslashes that ends at {@code end} has an even length: read in pairs
     * from its start, as both kramdown and flexmark read escaped backslashes, it ends in a pair.
     */
    private boolean endsWithBackslashPair(int end) {
        int backslashes = backslashesBefore(end);
        return backslashes > 0 && backslashes % 2 == 0;
    }

    /** How many backslashes stand in a run right before {@code end}. */
    private int backslashesBefore(int end) {
        int start = end;
        while (start > 0 && input.charAt(start - 1) == '\\') {
            start--;
        }
        return end - start;
    }

    @Override
    public void initializeDocument(Document document) {
        super.initializeDocument(document);
        this.document = document;
        PARSER.set(document, this);
    }

    /**
     * The inline parser that read {@code document}'s spans, or null when it was parsed with
     * another: blocks made after the parse ({@link KramdownHtmlRests}) read theirs with it, with
     * the page's options and link definitions.
     */
    static InlineParser of(Document document) {
        return PARSER.get(document);
    }

    /**
     * With {@link #KRAMDOWN_EMPHASIS} and {@link #KRAMDOWN_REFERENCES}, no link is made of brackets
     * whose text holds an emphasis that kramdown reads on past their end and closes there.
     * kramdown reads a link's text as part of the text around it, up to the {@code ]} that ends
     * it, so an emphasis opened in it that does not close before that {@code ]} is read on over
     * the link's destination: when it closes there, the brackets are text, and kramdown reads on
     * from just after the {@code [} ({@code [*a](/u) b*} is {@code [<em>a](/u) b</em>}). flexmark
     * makes each link at its {@code ]}, before what follows is read, so the text is parsed again
     * without each such link, one at a time from the first, and that reading is kept when an
     * emphasis opened in the link's text closes after it; when the emphasis, read as in the
     * link's text, closes after it and a later {@code ]} balances the link's {@code [}, the text
     * is read once more with the link ending there ({@link #crossing}). When the brackets turn out
     * to be text, the links written in them, left out as links inside a link, are read as links
     * again ({@link #nestedIn}). Only links whose text holds an
     * emphasis never closed in it, with a marker of its kind after the link, are tried again, and at most {@link #LINKS_TRIED} of them in
     * one text, so that a text of thousands of such links takes time in proportion to its length;
     * a reading that leaves such a link out, or ends it at a later {@code ]}, counts among them
     * too, as does the one more after it when its emphasis then stands around later links
     * ({@link #openAroundInTree}).
     * Before that, a text holding a link inside another link's text is read again without it
     * ({@link #NESTED_READINGS}), and then with the emphasis open around its links
     * ({@link #AROUND_READINGS}).
     */
    @Override
    public void parse(BasedSequence content, Node block) {
        notLinks.clear();
        wholeLinks.clear();
        longLinks.clear();
        nestedIn.clear();
        openLinks = new ArrayList<>();
        openAroundLinks = Map.of();
        parseOnce(content, block);
        for (int read = 0; read < NESTED_READINGS && notLinks.addAll(nestedLinks); read++) {
            readAgain(content, block);
        }
        for (int read = 0; read < AROUND_READINGS; read++) {
            Map<Integer, KramdownEmphasisParser.Open> around = openAroundLinks();
            if (around.equals(openAroundLinks)) {
                break;
            }
            openAroundLinks = around;
            readAgain(content, block);
        }
        Set<Integer> links = new HashSet<>();
        int tried = 0;
        for (OpenLink open = untried(links); open != null && tried < LINKS_TRIED; open = untried(links), tried++) {
            if (!markerFollows(open)) {
                links.add(open.start());
                continue;
            }
            List<Node> kept = takeChildren(block);
            List<OpenLink> keptOpen = openLinks;
            notLinks.add(open.start());
            openLinks = new ArrayList<>();
            retried = open;
            retriedMarkers.clear();
            laterLinkTails.clear();
            parseOnce(content, block);
            Crossing crossing = crossing(block);
            retried = null;
            boolean crosses = emphasisCrosses(block, open);
            if (crossing != null && crossing.close() >= 0 && tried + 1 < LINKS_TRIED) {
                // kramdown's link ends at a later ]: read once more with it ending there
                tried++;
                List<Node> without = takeChildren(block);
                List<OpenLink> withoutOpen = openLinks;
                notLinks.remove(open.start());
                longLinks.put(open.start(), crossing);
                readAgain(content, block);
                if (!madeLinkAt(open.start())) {
                    // no link ends there either: kramdown reads the brackets as text, as the reading without the link did
                    longLinks.remove(open.start());
                    notLinks.add(open.start());
                    takeChildren(block);
                    without.forEach(block::appendChild);
                    openLinks = withoutOpen;
                }
                links.add(open.start());
            } else if (!crosses && crossing == null) {
                notLinks.remove(open.start());
                takeChildren(block);
                kept.forEach(block::appendChild);
                openLinks = keptOpen;
                links.add(open.start());
            }
            if (notLinks.contains(open.start()) && tried + 1 < LINKS_TRIED && releaseNestedIn(open.start())) {
                // the links written inside the brackets, left out as nested, are links again
                tried++;
                readAgain(content, block);
            }
            if (crossing != null && notLinks.contains(open.start()) && tried + 1 < LINKS_TRIED
                    && closesInside(block, new KramdownEmphasisParser.Whole(open.start(), open.end(), true, true))) {
                KramdownEmphasisParser.Whole whole = wholeUnder(open, block);
                if (whole != null && closesInside(block, whole)) {
                    // an emphasis opened before the brackets closes in them, where kramdown passes the link whole
                    tried++;
                    wholeLinks.add(whole);
                    readAgain(content, block);
                }
            }
            if ((notLinks.contains(open.start()) || longLinks.containsKey(open.start())) && tried + 1 < LINKS_TRIED) {
                Map<Integer, KramdownEmphasisParser.Open> around = openAroundInTree(block);
                if (!around.equals(openAroundLinks)) {
                    // the emphasis read on past the brackets now stands around later links
                    tried++;
                    openAroundLinks = around;
                    readAgain(content, block);
                }
            }
        }
    }

    /**
     * The brackets of {@code retried}, as read whole by an emphasis opened before them
     * ({@link KramdownEmphasisParser.Whole}), or null when no kind of emphasis reads them so: with
     * a kind open around the brackets, a marker of that kind in their text is text, and when then
     * no emphasis of their text crosses their {@code ]}, read as {@link #crossing} reads it, they
     * are kramdown's link. Called after {@link #crossing} found an emphasis crossing them, which
     * put the markers of later links' destinations among {@link #retriedMarkers}, on {@code block}
     * read without them.
     */
    private KramdownEmphasisParser.Whole wholeUnder(OpenLink retried, Node block) {
        boolean[] kinds = new boolean[2];
        for (int kind = 0; kind < 2; kind++) {
            KramdownEmphasisParser.Parsed parsed = KramdownEmphasisParser.parse(input, retried.firstUnclosed(), retriedMarkers,
                    ElementNesting.byPlace(block, input::getIndexOffset),
                    KramdownEmphasisParser.Open.aroundLink(kind == 0, kind == 1), wholeLinks);
            kinds[kind] = parsed.spans().stream()
                    .noneMatch(span -> retried.unclosed().contains(span.open()) && span.close() > retried.close());
        }
        return kinds[0] || kinds[1] ? new KramdownEmphasisParser.Whole(retried.start(), retried.end(), kinds[0], kinds[1]) : null;
    }

    /** Whether an emphasis under {@code block} opens before {@code whole} and closes inside it, of a kind it is read whole by. */
    private boolean closesInside(Node block, KramdownEmphasisParser.Whole whole) {
        KramdownEmphasisParser.Whole offsets = new KramdownEmphasisParser.Whole(input.getIndexOffset(whole.start()),
                input.getIndexOffset(whole.end()), whole.emphasis(), whole.strong());
        for (Node node : block.getDescendants()) {
            if ((node instanceof Emphasis || node instanceof StrongEmphasis) && node instanceof DelimitedNodeImpl emphasis
                    && offsets.holds(emphasis.getOpeningMarker().getStartOffset(), emphasis.getClosingMarker().getStartOffset(),
                            node instanceof StrongEmphasis)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #openAroundLinks} with the kinds of emphasis that stand around each of
     * {@link #markedLinks} in the nodes under {@code block}: once an emphasis of a link's text is
     * read on past its {@code ]}, the later links and images it holds lie inside it, and a
     * marker of its kind in their text is text ({@code [*a](/u) ![*b](/v)*} is
     * {@code [<em>a](/u) <img src="/v" alt="*b" /></em>}). Links turned back into text, as
     * links inside another link's text, are passed over.
     */
    private Map<Integer, KramdownEmphasisParser.Open> openAroundInTree(Node block) {
        Set<Integer> marked = markedLinks.stream().map(LinkPlace::start).collect(Collectors.toSet());
        Map<Integer, KramdownEmphasisParser.Open> around = new HashMap<>(openAroundLinks);
        for (Map.Entry<Node, Integer> link : linkStarts.entrySet()) {
            if (!marked.contains(link.getValue())) {
                continue;
            }
            boolean emphasis = false;
            boolean strong = false;
            Node parent = link.getKey().getParent();
            for (; parent != null && parent != block; parent = parent.getParent()) {
                emphasis |= parent instanceof Emphasis;
                strong |= parent instanceof StrongEmphasis;
            }
            if (parent == null) {
                continue; // turned back into text
            }
            if (emphasis || strong) {
                around.put(link.getValue(), KramdownEmphasisParser.Open.aroundLink(emphasis, strong));
            } else {
                around.remove(link.getValue());
            }
        }
        return around;
    }

    /**
     * Takes out of {@link #notLinks} the links that were left out as links inside the text of the
     * brackets that start at {@code outer}, now found to be text; whether there were any.
     */
    private boolean releaseNestedIn(int outer) {
        boolean released = false;
        for (Map.Entry<Integer, Integer> nested : nestedIn.entrySet()) {
            if (nested.getValue() == outer) {
                released |= notLinks.remove(nested.getKey());
            }
        }
        return released;
    }

    /** Whether the reading last made a link whose brackets start at {@code start}. */
    private boolean madeLinkAt(int start) {
        // the starts are boxed, and an identity map compares its values by identity
        return linkStarts.values().stream().anyMatch(linkStart -> linkStart == start);
    }

    /** Parses {@code content} into {@code block} again, dropping what the reading before made of it. */
    private void readAgain(BasedSequence content, Node block) {
        takeChildren(block);
        openLinks = new ArrayList<>();
        parseOnce(content, block);
    }

    /** Parses {@code content} into {@code block} once, from a clean slate. */
    private void parseOnce(BasedSequence content, Node block) {
        footnoteMarkers.clear();
        lastElementOpened = -1;
        rawResumptions.clear();
        linkStarts.clear();
        nestedLinks.clear();
        markedLinks.clear();
        outerEmphasis = List.of();
        super.parse(content, block);
    }

    /**
     * How many times at most {@link #parse} reads a text again with the emphasis open around its
     * links: kramdown reads a text from the outside in, so a marker in a link's text of a kind
     * open around the link is text there ({@code *[***a***](/u)*} is
     * {@code <em><a href="/u"><strong>*a</strong>*</a></em>}), where flexmark reads a link's
     * text before what follows it. A reading changes no emphasis outside the links' text, so
     * the second finds the same kinds open as the first, unless a footnote marker or an element
     * in a link's text, read otherwise, moves where a link ends.
     */
    private static final int AROUND_READINGS = 2;

    /**
     * The kinds of {@link #outerEmphasis} open around each of {@link #markedLinks}, by where its
     * brackets start; links around which none is open are left out. The emphasis and the links,
     * none inside another link, are each passed once in the order of the text.
     */
    private Map<Integer, KramdownEmphasisParser.Open> openAroundLinks() {
        if (markedLinks.isEmpty() || outerEmphasis.isEmpty()) {
            return Map.of();
        }
        List<KramdownEmphasisParser.Span> byOpen = new ArrayList<>(outerEmphasis);
        byOpen.sort(Comparator.comparingInt(KramdownEmphasisParser.Span::open));
        List<KramdownEmphasisParser.Span> byClose = new ArrayList<>(outerEmphasis);
        byClose.sort(Comparator.comparingInt(KramdownEmphasisParser.Span::close));
        List<LinkPlace> links = new ArrayList<>(markedLinks);
        links.sort(Comparator.comparingInt(LinkPlace::start));
        Map<Integer, KramdownEmphasisParser.Open> around = new HashMap<>();
        int opened = 0;
        int closed = 0;
        int[] open = new int[2]; // emphasis, then strong emphasis, open at the link
        for (LinkPlace link : links) {
            for (; opened < byOpen.size() && byOpen.get(opened).open() < link.start(); opened++) {
                open[byOpen.get(opened).strong() ? 1 : 0]++;
            }
            // an emphasis of the outer text that closes after the link's start closes after its end
            for (; closed < byClose.size() && byClose.get(closed).close() < link.start(); closed++) {
                open[byClose.get(closed).strong() ? 1 : 0]--;
            }
            if (open[0] > 0 || open[1] > 0) {
                around.put(link.start(), KramdownEmphasisParser.Open.aroundLink(open[0] > 0, open[1] > 0));
            }
        }
        return around;
    }

    /** A link or image: where its brackets start (an image's at its {@code [}), where its {@code ]} is, and which of the two it is. */
    private record LinkPlace(int start, int close, boolean image) {
    }

    /**
     * How many times at most {@link #parse} reads a text again without the links inside other
     * links' text: kramdown reads such a link's brackets and destination as text of the outer
     * link, its spans too ({@code [[a](/*x*)](/u)} has the emphasis {@code x}), where flexmark has
     * read the destination whole. Each reading leaves out every such link found in the one
     * before, so a text of thousands of them is read twice; a reading finds new ones only where
     * brackets, left as text, let a reference that followed them stand alone.
     */
    private static final int NESTED_READINGS = 3;

    /** The characters that may start a span that flexmark reads while parsing: emphasis, code, HTML, links, math, dashes... */
    private static final CharPredicate SPAN_STARTS = CharPredicate.anyOf("*_`<[$~{-.!");

    /** How many links whose text holds an emphasis never closed in it {@link #parse} tries again in one text. */
    private static final int LINKS_TRIED = 16;

    /** The first of {@link #openLinks} not among {@code links}, those found to stay links; null when none is. */
    private OpenLink untried(Set<Integer> links) {
        return openLinks.stream().filter(open -> !links.contains(open.start())).findFirst().orElse(null);
    }

    /**
     * Whether a marker of the kind of one that {@code open}'s text leaves open stands after its
     * {@code ]}: without one no emphasis can close past the link, and it stays a link unread again.
     */
    private boolean markerFollows(OpenLink open) {
        return open.unclosed().stream().anyMatch(at -> input.indexOf(input.charAt(at), open.close() + 1) >= 0);
    }

    /** The nodes of {@code block}, taken out of it. */
    private static List<Node> takeChildren(Node block) {
        List<Node> children = new ArrayList<>();
        block.getChildren().forEach(children::add);
        children.forEach(Node::unlink);
        return children;
    }

    /** Whether an emphasis under {@code block} opens at one of the markers of {@code open} and closes after its {@code ]}. */
    private boolean emphasisCrosses(Node block, OpenLink open) {
        Set<Integer> openers = open.unclosed().stream().map(input::getIndexOffset).collect(Collectors.toSet());
        int end = input.getIndexOffset(open.close());
        for (Node node : block.getDescendants()) {
            if ((node instanceof Emphasis || node instanceof StrongEmphasis) && node instanceof DelimitedNodeImpl emphasis
                    && openers.contains(emphasis.getOpeningMarker().getStartOffset())
                    && emphasis.getClosingMarker().getStartOffset() > end) {
                return true;
            }
        }
        return false;
    }

    /** Notes those of {@code markers}, read without {@link #retried}, that {@link #retriedMarkers} holds. */
    private void markersAfterRetried(List<Delimiter> markers) {
        int first = retried.firstUnclosed();
        for (Delimiter run : markers) {
            if (run.getStartIndex() >= first) {
                retriedMarkers.set(run.getStartIndex() - first, run.getEndIndex() - first);
            }
        }
    }

    /**
     * How an emphasis of {@link #retried}'s text crosses the link's {@code ]}, as kramdown reads
     * it in the link's text, or null when none does: {@link #retriedMarkers}, with those of the
     * destinations and references of the links after it ({@link #laterLinkTails}), are read with the
     * kinds open around the link, the link the innermost element, for an emphasis that opens at
     * one of the markers its text leaves open and closes after the link's {@code ]}, where no
     * element's tag of {@code block} keeps it from closing ({@code [*a](/u) <i>b*} is a link, as
     * kramdown reads the element's content on its own; {@link ElementNesting#byPlace}). kramdown
     * then reads on for a {@code ]} that the link's {@code [} balances ({@link #balancingBracket},
     * the emphasis read here after the crossing one and the other spans of {@code block}, the text
     * read without the link, hiding theirs) and ends the link there ({@code [*a](/u) [*b](/v)} is one link to {@code /v}); with none it
     * makes no link ({@code *[** a **](/*x*)*} is {@code <em>[** a **](/</em>x<em>)</em>}). Not
     * read where the first marker left open is not the first of its run.
     */
    private Crossing crossing(Node block) {
        int first = retried.firstUnclosed();
        if (!retriedMarkers.get(0) || first > 0 && isRunBefore(first)) {
            return null;
        }
        for (int[] tail : laterLinkTails) {
            for (int at = tail[0]; at < tail[1]; at++) {
                if (KramdownEmphasis.marks(input.charAt(at)) && backslashesBefore(at) % 2 == 0) {
                    retriedMarkers.set(at - first);
                }
            }
        }
        KramdownEmphasisParser.Parsed parsed = KramdownEmphasisParser.parse(input, first, retriedMarkers,
                ElementNesting.byPlace(block, input::getIndexOffset), openAround(retried.start()), wholeLinks);
        for (KramdownEmphasisParser.Span span : parsed.spans()) {
            if (retried.unclosed().contains(span.open()) && span.close() > retried.close()) {
                int end = span.close() + span.markers();
                List<int[]> later = parsed.spans().stream().filter(after -> after.open() >= end)
                        .map(after -> new int[] {input.getIndexOffset(after.open()), input.getIndexOffset(after.close() + after.markers())})
                        .toList();
                return new Crossing(span.open(), span.close(), balancingBracket(block, end, later));
            }
        }
        return null;
    }

    /** Whether the marker at {@code at} follows another of its kind, in the same run. */
    private boolean isRunBefore(int at) {
        return input.charAt(at - 1) == input.charAt(at);
    }

    /**
     * An emphasis of a link's text that opens at {@code emphasisOpen} and closes at
     * {@code emphasisClose}, after the link's first {@code ]}, and the {@code ]} at {@code close}
     * that ends the link then (-1 when none does). The brackets inside the emphasis are text.
     */
    private record Crossing(int emphasisOpen, int emphasisClose, int close) {
        boolean holds(int at) {
            return emphasisOpen < at && at < emphasisClose;
        }
    }

    /**
     * Where the first {@code ]} from {@code from} on is that balances a {@code [} open before it,
     * counting the brackets between as kramdown counts those of a link's text: a backslash
     * escapes the character after it, a footnote marker counts as a {@code [} alone (its
     * {@code ]} read with it), and the brackets inside a span that kramdown reads whole there
     * count not: a code span, an HTML element, math, an autolink, an image or an attribute list,
     * which {@code block} holds as read after {@code from}, and an emphasis of {@code emphasis}
     * (where each starts and ends, as offsets), as kramdown reads it in the link's text rather
     * than as {@code block}, the text read without the link, holds it, the later links' text read
     * on its own there ({@code [*a](/u) [*b*](/v)*} is no link: the emphasis {@code *](/v)*}
     * hides the {@code ]} after {@code b}); -1 when none does.
     */
    private int balancingBracket(Node block, int from, List<int[]> emphasis) {
        List<int[]> hidden = new ArrayList<>(emphasis);
        hiddenBrackets(block, input.getIndexOffset(from), hidden);
        hidden.sort(Comparator.comparingInt(span -> span[0]));
        Matcher footnote = FOOTNOTE_MARKER.matcher(input);
        int next = 0;
        int open = 1;
        for (int at = from; at < input.length(); at++) {
            int offset = input.getIndexOffset(at);
            while (next < hidden.size() && hidden.get(next)[1] <= offset) {
                next++;
            }
            if (offset >= 0 && next < hidden.size() && hidden.get(next)[0] <= offset) {
                continue;
            }
            char c = input.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                open++;
                if (footnote.region(at, input.length()).lookingAt()) {
                    at = footnote.end() - 1; // the marker's ] is read with its [
                }
            } else if (c == ']' && --open == 0) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Adds to {@code hidden}, in the order of the text, where each span under {@code parent}
     * that starts at or after the offset {@code from} and hides its brackets from a link's count
     * ({@link #balancingBracket}) starts and ends, as offsets; an element's content is hidden
     * with its tags, up to its closing tag or else the end of its parent.
     */
    private static void hiddenBrackets(Node parent, int from, List<int[]> hidden) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node.getEndOffset() <= from) {
                continue;
            }
            if (node.getStartOffset() < from || !hidesBrackets(node)) {
                hiddenBrackets(node, from, hidden);
                continue;
            }
            Node last = node;
            String element = KramdownSpanElements.elementTag(node);
            if (element != null && !element.startsWith("/")) {
                int depth = 0;
                while (last.getNext() != null && depth >= 0) {
                    last = last.getNext();
                    String tag = KramdownSpanElements.elementTag(last);
                    if (element.equals(tag)) {
                        depth++;
                    } else if (("/" + element).equals(tag)) {
                        depth--;
                    }
                }
            }
            hidden.add(new int[] {node.getStartOffset(), last.getEndOffset()});
            node = last;
        }
    }

    /**
     * Whether kramdown reads {@code node}'s span whole inside a link's text, its brackets
     * uncounted: an attribute list only right after a span, as after text kramdown reads it as text.
     */
    private static boolean hidesBrackets(Node node) {
        return node instanceof Code || node instanceof HtmlInlineBase || node instanceof KramdownMath.Span
                || node instanceof AutoLink || node instanceof MailLink || node instanceof Strikethrough || node instanceof Image
                || node instanceof ImageRef
                || node instanceof AttributeListSpan && node.getPrevious() != null && !(node.getPrevious() instanceof Text);
    }

    /** A {@code [} inside the emphasis of one of {@link #longLinks} is text, as kramdown reads no link inside a link. */
    @Override
    protected boolean parseOpenBracket() {
        for (Crossing crossing : longLinks.values()) {
            if (crossing.holds(index)) {
                appendText(input.subSequence(index, index + 1));
                index++;
                return true;
            }
        }
        return super.parseOpenBracket();
    }

    /**
     * A link or image made at the {@code ]} at {@code close}, its brackets starting at {@code start}, whose
     * text holds the markers at {@code unclosed} that open an emphasis never closed in it.
     */
    private record OpenLink(int start, int close, int end, List<Integer> unclosed) {
        /** The first of the markers its text leaves open, where a retried reading of it starts to count. */
        int firstUnclosed() {
            return Collections.min(unclosed);
        }
    }

    /**
     * With {@link #KRAMDOWN_TAGS_ONLY}, a processing instruction, declaration or CDATA section is
     * text, as is an opening tag kramdown does not read as one ({@link KramdownTags#OPEN_TAG}),
     * and each tag read is recorded for {@link KramdownSpanElements}.
     */
    @Override
    public boolean parseHtmlInline() {
        if (!kramdownTagsOnly) {
            return super.parseHtmlInline();
        }
        if (index + 1 < input.length() && (input.charAt(index + 1) == '?'
                || input.charAt(index + 1) == '!' && !input.subSequence(index).startsWith("<!--"))) {
            return false;
        }
        if (index + 1 < input.length() && Character.isLetter(input.charAt(index + 1))
                && !KramdownTags.OPEN_TAG.matcher(input).region(index, input.length()).lookingAt()) {
            // kramdown reads a tag only as its HTML_TAG_RE does: one whose bare value is not a
            // word (class=&amp;) is text
            return false;
        }
        int tagStart = index;
        if (!super.parseHtmlInline()) {
            return false;
        }
        if (block.getLastChild() instanceof HtmlInline read) {
            Matcher opening = OPENING_TAG_NAME.matcher(read.getChars());
            boolean opens = opening.lookingAt();
            Matcher markdown = opens ? markdownAttribute(read.getChars(), opening.end()) : null;
            HtmlInline tag = read;
            String model = null;
            if (markdown != null && !KramdownNodeRenderer.BLOCK_ELEMENTS.contains(opening.group(1).toLowerCase(Locale.ROOT))) {
                BasedSequence chars = read.getChars();
                tag = new HtmlInline(SegmentedSequence.create(chars.subSequence(0, markdown.start()), chars.subSequence(markdown.end())));
                read.insertBefore(tag);
                read.unlink();
                model = markdownValue(markdown);
            }
            KramdownSpanElements.record(document, tag);
            String element = KramdownSpanElements.elementTag(tag);
            if (element == null || element.startsWith("/")) {
                resumeRawContent(tagStart);
                return true;
            }
            // a span element with content: its content runs to its closing tag
            lastElementOpened = tagStart;
            if ("0".equals(model) || !"span".equals(model) && !SPAN_CONTENT.contains(element)) {
                // an element whose content kramdown keeps raw: what follows it is text too
                readRawContent(opening.group(1));
            }
        }
        return true;
    }

    /**
     * The {@code markdown} attribute of the opening tag {@code tag}, its attributes read from
     * {@code from} on, with the white space before it; its value in group 2, 3 or 4 (by the way
     * it is quoted); null when the tag has none. kramdown drops the attribute from a span-level
     * element and reads the element's content by it: raw for {@code "0"}, spans for
     * {@code "span"}, as the element's kind has it otherwise.
     */
    private static Matcher markdownAttribute(BasedSequence tag, int from) {
        Matcher attribute = TAG_ATTRIBUTE.matcher(tag);
        for (int at = from; attribute.region(at, tag.length()).lookingAt(); at = attribute.end()) {
            if (attribute.group(1).equalsIgnoreCase("markdown")) {
                return attribute;
            }
        }
        return null;
    }

    /** The value of the {@code markdown} attribute that {@link #markdownAttribute} matched, however it is quoted. */
    private static String markdownValue(Matcher markdown) {
        return markdown.group(2) != null ? markdown.group(2) : markdown.group(3) != null ? markdown.group(3) : markdown.group(4);
    }

    /**
     * The content of an element whose content kramdown keeps raw ({@code <code>}, {@code <kbd>},
     * an unknown element..., or any marked {@code markdown="0"}), up to its closing tag or, without one, to the end of the text: tags and
     * comments in it are still HTML, everything else is text as written, with no emphasis, smart quotes, links or escapes.
     */
    private void readRawContent(String name) {
        Matcher close = rawContentClose(input, index, name);
        readRawContentTo(close == null ? input.length() : close.start());
    }

    /**
     * Reads raw content from {@link #index} to {@code end}, where it ends ({@link #readRawContent}).
     * An element in it whose {@code markdown} attribute asks for spans ({@code <a markdown="span">},
     * or {@code markdown="1"} on an element of span content) has its content read as spans, as
     * kramdown does: the raw content stops at its opening tag, to go on after its closing tag
     * ({@link #resumeRawContent}).
     */
    private void readRawContentTo(int end) {
        Matcher tags = NESTED_TAG.matcher(input).region(index, end);
        int text = index;
        while (tags.find()) {
            if (!readAsTag(tags.group())) {
                continue; // text to kramdown, raw as the text around it ({@code <code id=a-1>})
            }
            appendRawText(text, tags.start());
            Matcher spans = readsSpansInRaw(tags.start(), tags.end());
            if (spans != null) {
                // the tag is read again as any tag of the text, its content as spans
                Matcher elementClose = rawContentClose(input, tags.end(), spans.group(1));
                if (elementClose != null) {
                    rawResumptions.push(new RawResumption(elementClose.start(), end));
                }
                index = tags.start();
                return;
            }
            HtmlInline nested = new HtmlInline(input.subSequence(tags.start(), tags.end()));
            appendNode(nested);
            KramdownSpanElements.record(document, nested);
            text = tags.end();
        }
        appendRawText(text, end);
        index = end;
    }

    /**
     * The opening tag from {@code start} to {@code end} in the raw content of an element, matched
     * for its name (group 1), when kramdown reads the content of its element as spans: its
     * {@code markdown} attribute says {@code "span"}, or {@code "1"} on an element of span
     * content; not a block-level element's (text in span-level HTML), nor one without content.
     * Null otherwise: kramdown keeps the content raw as that around it.
     */
    private Matcher readsSpansInRaw(int start, int end) {
        BasedSequence tag = input.subSequence(start, end);
        Matcher opening = OPENING_TAG_NAME.matcher(tag);
        if (!opening.lookingAt() || !opensContent(opening.group(1), tag)) {
            return null;
        }
        Matcher markdown = markdownAttribute(tag, opening.end());
        if (markdown == null) {
            return null;
        }
        String value = markdownValue(markdown);
        boolean spans = "span".equals(value) || "1".equals(value) && SPAN_CONTENT.contains(opening.group(1).toLowerCase(Locale.ROOT));
        return spans ? opening : null;
    }

    /**
     * Goes on with the raw content that an element read as spans cut short ({@link #readRawContentTo}),
     * when the closing tag read at {@code tagStart} is that element's.
     */
    private void resumeRawContent(int tagStart) {
        if (!rawResumptions.isEmpty() && rawResumptions.peek().closeStart() == tagStart) {
            readRawContentTo(rawResumptions.pop().end());
        }
    }

    /**
     * Raw content cut short by an element read as spans: where that element's closing tag starts,
     * and where the raw content ends.
     */
    private record RawResumption(int closeStart, int end) {
    }

    /**
     * The closing tag that ends the raw content of the element {@code name} starting at
     * {@code from} in {@code text}, matched: the first of its name (in any case for an element
     * HTML knows, in the case of its opening tag for any other) that no element opened in the
     * content takes, as kramdown reads each such element with its own content; null when none
     * ends it, nor an element opened in it.
     */
    private static Matcher rawContentClose(BasedSequence text, int from, String name) {
        // the elements open, innermost first, each with the matcher of its closing tag
        Deque<Matcher> open = new ArrayDeque<>();
        open.push(KramdownTags.closing(KramdownTags.name(name)).matcher(text));
        Matcher tags = NESTED_TAG.matcher(text);
        Matcher opening = OPENING_TAG_NAME.matcher(text);
        int at = from;
        while (tags.region(at, text.length()).find()) {
            int start = tags.start();
            at = tags.end();
            Matcher close = open.peek();
            if (close.region(start, text.length()).lookingAt()) {
                open.pop();
                if (open.isEmpty()) {
                    return close;
                }
                at = close.end();
            } else if (opening.region(start, text.length()).lookingAt() && opensContent(opening.group(1), text.subSequence(start, at))) {
                open.push(KramdownTags.closing(KramdownTags.name(opening.group(1))).matcher(text));
            }
        }
        return null;
    }

    /**
     * Whether {@code tag}, the opening tag of the element {@code name} inside span-level text,
     * opens content of its own: not a block-level element's (text there), nor one without content.
     */
    private static boolean opensContent(String name, BasedSequence tag) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !KramdownNodeRenderer.BLOCK_ELEMENTS.contains(lower) && !KramdownTags.empty(lower) && !tag.endsWith("/>");
    }

    /** Whether kramdown reads {@code tag}, a comment or what looks like a tag, as HTML: its tag patterns allow only word characters in a value without quotes. */
    private static boolean readAsTag(String tag) {
        return tag.startsWith("<!--") || KramdownTags.OPEN_TAG.matcher(tag).matches() || KramdownTags.CLOSE_TAG.matcher(tag).matches();
    }

    private void appendRawText(int start, int end) {
        if (end > start) {
            appendNode(new RawSpanText(input.subSequence(start, end)));
        }
    }

    /** With {@link #KRAMDOWN_AUTOLINKS}, an autolink is kramdown's. */
    @Override
    public boolean parseAutolink() {
        if (!kramdownAutolinks) {
            return super.parseAutolink();
        }
        if (guillemetPairsAhead()) {
            return true;
        }
        BasedSequence[] groups = matchWithGroups(KRAMDOWN_AUTOLINK);
        if (groups == null) {
            return false;
        }
        BasedSequence link = groups[0];
        BasedSequence open = link.subSequence(0, 1);
        BasedSequence close = link.subSequence(link.length() - 1);
        appendNode(groups[1] != null ? new AutoLink(open, groups[1], close) : new MailLink(open, groups[2], close));
        return true;
    }

    /**
     * Reads the {@code <} at {@code index} as kramdown reads a run of them, two at a time from its
     * start, each pair a guillemet of its own, never paired with a {@code >>}: the pairs are left as
     * text ({@link KramdownText} writes them), so that an odd {@code <} after them may still open
     * an autolink or a tag ({@code <<<a@b.c>} is {@code «} and a link, {@code <<b>>} no tag).
     *
     * @return whether a pair was taken
     */
    private boolean guillemetPairsAhead() {
        int end = index;
        while (end < input.length() && input.charAt(end) == '<') {
            end++;
        }
        int pairsEnd = end - (end - index) % 2;
        if (pairsEnd == index) {
            return false;
        }
        appendText(input.subSequence(index, pairsEnd));
        index = pairsEnd;
        return true;
    }

    /**
     * With {@link #KRAMDOWN_ANGLE_DESTINATIONS}, {@code [a](<(<https://x.org>)} links to
     * {@code (<https://x.org} as in kramdown, where CommonMark allows neither {@code <} nor a space
     * inside the angle brackets and so makes no link. The angles stay on the returned text, as
     * flexmark's own angle destinations keep them.
     */
    private BasedSequence angleDestination() {
        if (kramdownAngleDestinations && readingDefinition && peek() == '<') {
            return definitionAngleDestination();
        }
        if (kramdownAngleDestinations && peek() == '<') {
            for (int end = index + 1; end < input.length() && input.charAt(end) != '\n'; end++) {
                if (input.charAt(end) == '>') {
                    BasedSequence destination = input.subSequence(index, end + 1);
                    index = end + 1;
                    return destination;
                }
            }
        }
        return super.parseLinkDestination();
    }

    /** With {@link #KRAMDOWN_ANGLE_DESTINATIONS}, notes that a link definition is being read. */
    @Override
    protected int parseReference(Block block, BasedSequence s) {
        readingDefinition = true;
        try {
            return super.parseReference(block, s);
        } finally {
            readingDefinition = false;
        }
    }

    /**
     * A link definition's destination in {@code <...>} as kramdown reads it: up to the first
     * {@code >} after which the line holds nothing but a title in quotes ({@code [a]: <x>y> "t"}
     * links to {@code x>y}); with no such {@code >}, the angle brackets are part of a destination
     * running to the title or the line's end ({@code [a]: <x> z} links to {@code <x> z}), or
     * null, no definition, when a quote after white space is left in it.
     */
    private BasedSequence definitionAngleDestination() {
        int lineEnd = index;
        while (lineEnd < input.length() && input.charAt(lineEnd) != '\n') {
            lineEnd++;
        }
        int end = lineEnd;
        for (int at = index + 1; at < lineEnd; at++) {
            if (input.charAt(at) == '>' && titleOnlyAfter(at + 1, lineEnd)) {
                BasedSequence destination = input.subSequence(index, at + 1);
                index = at + 1;
                return destination;
            }
        }
        for (int at = index + 1; at < lineEnd; at++) {
            if (rubySpace(input.charAt(at)) && titleOnlyAfter(at, lineEnd)) {
                end = at;
                break;
            }
        }
        while (end > index && rubySpace(input.charAt(end - 1))) {
            end--;
        }
        for (int at = index + 1; at < end; at++) {
            if (rubySpace(input.charAt(at - 1)) && (input.charAt(at) == '"' || input.charAt(at) == '\'')) {
                return null; // kramdown makes no definition of a destination with a quote after white space
            }
        }
        BasedSequence destination = input.subSequence(index, end);
        index = end;
        return destination;
    }

    /**
     * Whether the line from {@code from} to {@code lineEnd} is white space, or white space and then
     * a title in quotes, which may hold its own quote, followed by nothing but white space.
     */
    private boolean titleOnlyAfter(int from, int lineEnd) {
        int at = from;
        while (at < lineEnd && rubySpace(input.charAt(at))) {
            at++;
        }
        if (at == lineEnd) {
            return true;
        }
        char quote = input.charAt(at);
        if (at == from || quote != '"' && quote != '\'') {
            return false;
        }
        int last = lineEnd - 1;
        while (rubySpace(input.charAt(last))) {
            last--;
        }
        return last > at + 1 && input.charAt(last) == quote;
    }

    /**
     * With {@link #KRAMDOWN_EMPHASIS}, the {@code *} and {@code _} markers above
     * {@code stackBottom} make emphasis as kramdown reads them ({@link KramdownEmphasis}); the
     * other delimiters ({@code ~~}) are then paired by their processors, each among
     * the nodes of one parent, so that none pairs across the edge of an emphasis.
     */
    @Override
    public void processDelimiters(Delimiter stackBottom) {
        if (!kramdownEmphasis) {
            super.processDelimiters(stackBottom);
            return;
        }
        List<Delimiter> markers = new ArrayList<>();
        List<Delimiter> others = new ArrayList<>();
        for (Delimiter delimiter = lastDelimiter; delimiter != null && delimiter != stackBottom; delimiter = delimiter.getPrevious()) {
            (KramdownEmphasis.marks(delimiter.getDelimiterChar()) ? markers : others).add(delimiter);
        }
        // gathered from the top of the stack down: in the order of the text, a paragraph's many at once
        Collections.reverse(markers);
        Collections.reverse(others);
        markers.forEach(this::removeDelimiter);
        if (retried != null && (closingLink == null || !closingLink.image())) {
            markersAfterRetried(markers);
        }
        KramdownEmphasis.Made made = markers.isEmpty() ? KramdownEmphasis.Made.NOTHING
                : KramdownEmphasis.make(input, markers, closingLink == null ? KramdownEmphasisParser.Open.NONE : openAround(closingLink.start()),
                        wholeLinks);
        unclosedEmphasis = made.unclosed();
        if (closingLink == null) {
            outerEmphasis = made.spans();
        } else if (!markers.isEmpty()) {
            markedLinks.add(closingLink);
        }
        Map<Node, List<Delimiter>> byParent = new LinkedHashMap<>();
        for (Delimiter other : others) {
            byParent.computeIfAbsent(other.getNode().getParent(), parent -> new ArrayList<>()).add(other);
        }
        for (List<Delimiter> group : byParent.values()) {
            Delimiter previous = stackBottom;
            for (Delimiter delimiter : group) {
                delimiter.setPrevious(previous);
                if (previous != null) {
                    previous.setNext(delimiter);
                }
                previous = delimiter;
            }
            previous.setNext(null);
            lastDelimiter = previous;
            super.processDelimiters(stackBottom);
        }
        lastDelimiter = stackBottom;
        if (stackBottom != null) {
            stackBottom.setNext(null);
        }
        KramdownEmphasis.joinNeighbours(made.markersLeft());
        KramdownEmphasis.joinTexts(made.emphasis());
    }

    /**
     * With {@link #KRAMDOWN_REFERENCES}, brackets are a link or image exactly when kramdown makes one
     * of them, and their text keeps no link of its own, as kramdown reads no link inside a link's or
     * an image's text ({@code [a [b](/v) c](/u)} is one link to {@code /u}).
     *
     * <p>Brackets right before a {@code (} are an inline link when kramdown's reading of the
     * parentheses ({@link #inlineLinkAt}) finds one, and text otherwise, never a reference. Other
     * brackets are followed by kramdown's reference ({@code [id]} after any white space, the id
     * running to the next {@code ]}) or name one themselves; when it names no link definition they
     * are text. flexmark turns a bracket it may not close into text, so the opening bracket is marked
     * so. When a reference follows white space, where flexmark looks for one only right after the
     * bracket, flexmark is shown the reference there, the white space left out of the link as
     * kramdown leaves it. A bracket that starts with {@code ^} is a footnote's and never a link's in
     * kramdown, so it is left to flexmark. A {@code ]} that kramdown reads as text is text: one
     * taken by a footnote marker in the brackets' text ({@link #closesFootnoteMarker}), or one
     * inside an element opened there ({@link #insideOpenElement}).
     *
     * <p>flexmark reads brackets inside out, kramdown outside in: an inner link flexmark has already
     * made, which keeps the brackets around it from being a link, is turned back into text when
     * the brackets around it turn out to be kramdown's link. An image by reference inside is kept
     * ({@link #referencesHiddenFrom}).
     */
    @Override
    protected boolean parseCloseBracket() {
        Bracket opener = getLastBracket();
        if (!kramdownReferences) {
            return super.parseCloseBracket();
        }
        if (opener != null && (closesFootnoteMarker(opener) || insideOpenElement(opener) || beforeLongLinkEnd(opener))) {
            index++;
            appendText(input.subSequence(index - 1, index));
            return true;
        }
        List<HiddenReference> hidden = List.of();
        if (opener != null && input.safeCharAt(opener.getStartIndex() + 1) != '^') {
            boolean link = kramdownLink(opener) && !notLinks.contains(opener.getStartIndex());
            if (link) {
                linksToText(opener.getNode(), opener.getStartIndex());
                hidden = referencesHiddenFrom(opener.getNode());
            }
            opener.setAllowed(link);
        }
        Node before = block.getLastChild();
        int close = index;
        unclosedEmphasis = List.of();
        boolean parsed;
        InlineLink inline = inlineLink;
        closingLink = opener == null ? null : new LinkPlace(opener.getStartIndex(), close, opener.isImage());
        try {
            parsed = super.parseCloseBracket();
        } finally {
            closingLink = null;
            inlineLink = null;
            hidden.forEach(LeanInlineParser::putBack);
        }
        noteFootnoteMarker(opener, close);
        Node made = block.getLastChild();
        if (made != before && made instanceof RefNode && emptyReferenceEnd >= 0) {
            index = emptyReferenceEnd;
        }
        emptyReferenceEnd = -1;
        if (made != before && (made instanceof InlineLinkNode || made instanceof RefNode)) {
            linkStarts.put(made, opener.getStartIndex());
            if (retried != null && !opener.isImage() && opener.getStartIndex() > retried.close()) {
                laterLinkTails.add(new int[] {close + 1, index});
            }
            if (!unclosedEmphasis.isEmpty()) {
                openLinks.add(new OpenLink(opener.getStartIndex(), close, index, unclosedEmphasis));
            }
            keepSpaces(made);
            mergeTextNodes(made.getFirstChild(), made.getLastChild());
            if (inline != null && inline.title() != null && made instanceof InlineLinkNode inlineNode) {
                inlineNode.setTitleChars(inline.title());
                inlineNode.setCharsFromContent();
            }
        }
        return parsed;
    }

    /**
     * Whether the {@code ]} being read is another than the one that ends the link of
     * {@link #longLinks} that {@code opener} opens: kramdown's count of brackets ends the link's
     * text there or nowhere, even where flexmark reads that {@code ]} inside a span of its own.
     */
    private boolean beforeLongLinkEnd(Bracket opener) {
        Crossing crossing = longLinks.get(opener.getStartIndex());
        return crossing != null && index != crossing.close();
    }

    /**
     * Whether kramdown makes a link of the brackets from {@code opener} to the {@code ]} at
     * {@link #index}: an inline link, kept in {@link #inlineLink} for flexmark to make, or a link
     * by a reference that names a definition. Where the reference follows white space,
     * {@link #index} is moved to it, or {@link #emptyReferenceEnd} notes the empty one to skip.
     */
    private boolean kramdownLink(Bracket opener) {
        if (input.safeCharAt(index + 1) == '(') {
            inlineLink = inlineLinkAt(index + 1);
            return inlineLink != null;
        }
        int open = referenceAfter(index + 1);
        if (open >= 0 && input.charAt(open + 1) == ']') {
            // [text] [] names its definition by its text, as [text][] does; flexmark
            // reads the [text] alone, so the [] is skipped once the link is made
            emptyReferenceEnd = open > index + 1 ? open + 2 : -1;
            return defined(input.subSequence(opener.getStartIndex() + 1, index));
        }
        if (open < 0) {
            return defined(input.subSequence(opener.getStartIndex() + 1, index));
        }
        BasedSequence id = input.subSequence(open + 1, input.indexOf(']', open));
        boolean link = defined(id);
        if (link && open > index + 1 && id.indexOfAny(CharPredicate.anyOf("[\\")) < 0) {
            index = open - 1;
        }
        return link;
    }

    /**
     * Notes the brackets from {@code opener} to the {@code ]} at {@code close}, just read, in the
     * text of the bracket still open around them when they are a footnote marker
     * ({@link #closesFootnoteMarker}). Only brackets whose text starts with {@code ^} are matched.
     */
    private void noteFootnoteMarker(Bracket opener, int close) {
        if (opener != null && getLastBracket() != null && !opener.isImage() && input.safeCharAt(opener.getStartIndex() + 1) == '^'
                && FOOTNOTE_MARKER.matcher(input).region(opener.getStartIndex(), close + 1).matches()) {
            footnoteMarkers.computeIfAbsent(getLastBracket(), bracket -> new FootnoteMarkers()).places().add(opener.getStartIndex());
        }
    }

    /**
     * Whether the {@code ]} being read is text, kramdown taking it for the closing bracket of a
     * footnote marker read in the text of {@code opener}. kramdown reads a link's text up to the
     * {@code ]} that balances its {@code [}, counting brackets as it goes, and a footnote marker's
     * {@code [} counts while its {@code ]}, read with the marker, does not: so each marker in the
     * text takes one {@code ]} after it, and {@code [[^1]](/u)} is no link ({@code [}, the
     * footnote, then {@code ](/u)} read as text). A marker inside an emphasis in the text is read
     * by the emphasis, where kramdown counts no brackets, and takes none.
     */
    private boolean closesFootnoteMarker(Bracket opener) {
        FootnoteMarkers markers = footnoteMarkers.get(opener);
        if (markers == null || markers.places().size() <= markers.closed()) {
            // every marker has taken its ]: no need to read the emphasis around them
            return false;
        }
        OutsideCount outside = outsideCount(opener, markers);
        boolean taken = outside.outside() > markers.closed();
        footnoteMarkers.put(opener, new FootnoteMarkers(markers.places(), markers.closed() + (taken ? 1 : 0), outside));
        return taken;
    }

    /**
     * How many of the footnote markers in the text of {@code opener} lie in no emphasis, read
     * again only when a marker or a delimiter came since the last count: a run of many {@code ]}
     * after many markers would otherwise read the whole text's emphasis at each one.
     */
    private OutsideCount outsideCount(Bracket opener, FootnoteMarkers markers) {
        OutsideCount known = markers.outside();
        if (known != null && known.lastDelimiter() == lastDelimiter && known.places() == markers.places().size()) {
            return known;
        }
        return new OutsideCount(lastDelimiter, markers.places().size(), outsideEmphasis(markers.places(), emphasisSince(opener)));
    }

    /**
     * Whether the {@code ]} being read lies in the content of an HTML element opened in the text
     * of {@code opener} and not closed before it: kramdown reads the element's content up to its
     * closing tag, or to the end of the text, so the {@code ]} is text there and closes no link
     * ({@code [a <b>c](/u)} is no link). Only a text in which such a tag was read is walked.
     */
    private boolean insideOpenElement(Bracket opener) {
        if (lastElementOpened < opener.getStartIndex()) {
            return false;
        }
        Deque<String> open = new ArrayDeque<>();
        for (Node node = opener.getNode().getNext(); node != null; node = node.getNext()) {
            ElementNesting.read(open, KramdownSpanElements.elementTag(node));
        }
        return !open.isEmpty();
    }

    /**
     * How many of {@code places} lie inside none of {@code spans}: each place is looked up among
     * the spans sorted by where they open, so that a text of many markers and many emphasis
     * takes time in proportion to their number, not its square, at each {@code ]}.
     */
    private static int outsideEmphasis(List<Integer> places, List<KramdownEmphasisParser.Span> spans) {
        if (spans.isEmpty()) {
            return places.size();
        }
        List<KramdownEmphasisParser.Span> byOpen = new ArrayList<>(spans);
        byOpen.sort(Comparator.comparingInt(KramdownEmphasisParser.Span::open));
        int[] opens = new int[byOpen.size()];
        int[] furthestClose = new int[byOpen.size()];
        for (int i = 0; i < byOpen.size(); i++) {
            opens[i] = byOpen.get(i).open();
            furthestClose[i] = Math.max(byOpen.get(i).close(), i > 0 ? furthestClose[i - 1] : Integer.MIN_VALUE);
        }
        int outside = 0;
        for (int place : places) {
            int before = countBelow(opens, place);
            if (before == 0 || furthestClose[before - 1] <= place) {
                outside++;
            }
        }
        return outside;
    }

    /** How many of the values of {@code sorted}, in rising order, are less than {@code value}. */
    private static int countBelow(int[] sorted, int value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The kinds of emphasis open around the brackets that start at {@code start}, as the reading before found them. */
    private KramdownEmphasisParser.Open openAround(int start) {
        return openAroundLinks.getOrDefault(start, KramdownEmphasisParser.Open.NONE);
    }

    /** The emphasis that the markers read since {@code opener} make among themselves, as kramdown reads them. */
    private List<KramdownEmphasisParser.Span> emphasisSince(Bracket opener) {
        List<Delimiter> runs = new ArrayList<>();
        for (Delimiter delimiter = lastDelimiter; delimiter != null && delimiter != opener.getPreviousDelimiter();
                delimiter = delimiter.getPrevious()) {
            if (KramdownEmphasis.marks(delimiter.getDelimiterChar())) {
                runs.add(delimiter);
            }
        }
        Collections.reverse(runs);
        return runs.isEmpty() ? List.of() : KramdownEmphasis.read(input, runs, openAround(opener.getStartIndex()), wholeLinks).spans();
    }

    /**
     * The places of the footnote markers read in a bracket's text, how many {@code ]} after them
     * were taken as theirs, and how many of them lie in no emphasis when last counted (null before).
     */
    private record FootnoteMarkers(List<Integer> places, int closed, OutsideCount outside) {
        FootnoteMarkers() {
            this(new ArrayList<>(), 0, null);
        }
    }

    /**
     * How many of the first {@code places} footnote markers of a bracket's text lie in no
     * emphasis, counted when {@code lastDelimiter} topped the stack: the delimiters below it, and
     * the nodes between them, stay as they are while it does.
     */
    private record OutsideCount(Delimiter lastDelimiter, int places, int outside) {
    }

    /**
     * Where kramdown's inline link opening with the {@code (} at {@code paren} ends, and its
     * destination and quoted title, or null when kramdown makes no link of it. kramdown reads
     * {@code (<...>)} up to the first {@code >} on the line; otherwise the destination runs to the
     * {@code )} that balances the {@code (} or to white space before a quote, across line ends,
     * and is trimmed. A title in quotes, which may hold its own quote, follows when the destination
     * did not end at its {@code )}; with none the brackets are text.
     *
     * <p>Each search goes on from where the last one in the paragraph ended, so that a paragraph
     * of many unclosed {@code [a](x} is read in one pass rather than once per bracket.
     */
    private InlineLink inlineLinkAt(int paren) {
        if (input.safeCharAt(paren + 1) == '<') {
            int end = angleEnd.from(paren + 2);
            if (end >= 0 && input.charAt(end) == '>') {
                BasedSequence destination = input.subSequence(paren + 1, end + 1);
                return input.safeCharAt(end + 1) == ')' ? new InlineLink(destination, null, end + 1)
                        : titled(destination, end + 1);
            }
        }
        int close = closingParen(paren);
        int beforeQuote = spaceBeforeQuote.from(paren + 1);
        if (close >= 0 && (beforeQuote < 0 || close < beforeQuote)) {
            return new InlineLink(trimmed(paren + 1, close), null, close);
        }
        return beforeQuote < 0 ? null : titled(trimmed(paren + 1, beforeQuote), beforeQuote);
    }

    /** The inline link whose title in quotes, then {@code )}, follows white space at {@code from}. */
    private InlineLink titled(BasedSequence destination, int from) {
        int open = from;
        while (open < input.length() && rubySpace(input.charAt(open))) {
            open++;
        }
        char quote = input.safeCharAt(open);
        if (quote != '"' && quote != '\'') {
            return null;
        }
        int close = (quote == '"' ? doubleQuoteEnd : singleQuoteEnd).from(open + 2);
        if (close < 0) {
            return null;
        }
        return new InlineLink(destination, input.subSequence(open, close + 1), afterSpace(close + 1));
    }

    private int afterSpace(int from) {
        while (from < input.length() && rubySpace(input.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Where the {@code )} that balances the {@code (} at {@code paren} is, or -1. */
    private int closingParen(int paren) {
        if (parensOf != input) {
            parensOf = input;
            closingParens = new int[input.length()];
            int[] open = new int[input.length()];
            int depth = 0;
            for (int at = 0; at < input.length(); at++) {
                char c = input.charAt(at);
                closingParens[at] = -1;
                if (c == '(') {
                    open[depth++] = at;
                } else if (c == ')' && depth > 0) {
                    closingParens[open[--depth]] = at;
                }
            }
        }
        return closingParens[paren];
    }

    /**
     * The first position at or after a given one where a test holds in the paragraph being read,
     * remembered: the parser asks from positions further and further on, and an answer stays
     * good for every position up to it.
     */
    private final class ForwardSearch {
        private final IntPredicate test;
        private BasedSequence searched;
        private int from;
        private int found;

        ForwardSearch(IntPredicate test) {
            this.test = test;
        }

        int from(int start) {
            if (searched != input || start < from || found >= 0 && start > found) {
                searched = input;
                from = start;
                found = -1;
                for (int at = start; at < input.length(); at++) {
                    if (test.test(at)) {
                        found = at;
                        break;
                    }
                }
            }
            return found;
        }
    }

    private BasedSequence trimmed(int start, int end) {
        while (start < end && rubySpace(input.charAt(start))) {
            start++;
        }
        while (end > start && rubySpace(input.charAt(end - 1))) {
            end--;
        }
        return input.subSequence(start, end);
    }

    /**
     * Turns each link among the nodes after {@code opener} back into the text it was written as,
     * its own text's nodes kept: {@code [b](/v)} becomes {@code [}, {@code b} and {@code ](/v)}.
     * Links inside those were turned back when it was made, so one level is all there is. A link
     * whose destination or reference holds a character that may start a span is noted in
     * {@link #nestedLinks}, for the text to be read again without it, and in {@link #nestedIn}
     * with {@code outer}, where the brackets of {@code opener} start.
     */
    private void linksToText(Node opener, int outer) {
        for (Node node = opener.getNext(); node != null; ) {
            Node next = node.getNext();
            if (node instanceof Link || node instanceof LinkRef) {
                BasedSequence chars = node.getChars();
                int textStart = node.getFirstChild() == null ? chars.getStartOffset() + 1 : node.getFirstChild().getStartOffset();
                int textEnd = node.getLastChild() == null ? textStart : node.getLastChild().getEndOffset();
                node.insertBefore(new Text(chars.baseSubSequence(chars.getStartOffset(), textStart)));
                while (node.getFirstChild() != null) {
                    node.insertBefore(node.getFirstChild());
                }
                BasedSequence tail = chars.baseSubSequence(textEnd, chars.getEndOffset());
                node.insertBefore(new Text(tail));
                node.unlink();
                if (tail.indexOfAny(SPAN_STARTS) >= 0 && linkStarts.containsKey(node)) {
                    nestedLinks.add(linkStarts.get(node));
                    nestedIn.put(linkStarts.get(node), outer);
                }
            }
            node = next;
        }
    }

    /**
     * The images by reference and the footnote references among the nodes after {@code opener},
     * each replaced by a text of its characters until the link being closed is made
     * ({@link #putBack}): flexmark makes no link by reference of brackets whose text holds a
     * reference it resolved, image or link, and turns an inline link whose text holds a footnote
     * back into text, where kramdown reads both inside a link's text ({@code [![a][i]][u]} is a
     * link to u around the image).
     */
    private static List<HiddenReference> referencesHiddenFrom(Node opener) {
        List<HiddenReference> stand = new ArrayList<>();
        for (Node node = opener.getNext(); node != null; node = node.getNext()) {
            if (node instanceof ImageRef image && image.isDefined() || node instanceof Footnote) {
                HiddenReference hidden = new HiddenReference(node.getChars());
                node.insertBefore(hidden);
                node.unlink();
                hidden.appendChild(node);
                stand.add(hidden);
                node = hidden;
            }
        }
        return stand;
    }

    /** The reference {@link #referencesHiddenFrom} put in {@code stand}, back in its place. */
    private static void putBack(HiddenReference stand) {
        stand.insertBefore(stand.getFirstChild());
        stand.unlink();
    }

    /**
     * Where {@link #referencesHiddenFrom} keeps a reference while the link around it is made. It is
     * no {@link Text}: emphasis markers left as text join the plain text next to them
     * ({@link KramdownEmphasis#joinNeighbours}), which would take the reference's place out of the
     * tree with the reference in it ({@code [_[^]]()}).
     */
    private static final class HiddenReference extends Node {
        HiddenReference(BasedSequence chars) {
            super(chars);
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * With {@link #KRAMDOWN_REFERENCES}, the destination of the inline link being closed is the
     * one kramdown reads ({@link #inlineLinkAt}), and flexmark is left at its {@code )}.
     */
    @Override
    public BasedSequence parseLinkDestination() {
        if (inlineLink != null) {
            index = inlineLink.end();
            return inlineLink.destination();
        }
        return angleDestination();
    }

    /** With an inline link of kramdown's being closed, its title is set on the link once made. */
    @Override
    public BasedSequence parseLinkTitle() {
        return inlineLink != null ? null : super.parseLinkTitle();
    }

    /** kramdown's inline link: destination, title with its quotes or null, and where {@code )} is. */
    private record InlineLink(BasedSequence destination, BasedSequence title, int end) {
    }

    /**
     * Gives the text of {@code link} back the white space flexmark trims off its ends:
     * kramdown keeps a link's text as written ({@code [ x ](/u)} is {@code <a href="/u"> x </a>}).
     */
    private static void keepSpaces(Node link) {
        BasedSequence source = link.getChars().getBaseSequence();
        if (link.getFirstChild() instanceof Text first) {
            int start = first.getStartOffset();
            while (start > 0 && rubySpace(source.charAt(start - 1))) {
                start--;
            }
            if (start < first.getStartOffset() && start > 0 && source.charAt(start - 1) == '[') {
                first.setChars(source.subSequence(start, first.getEndOffset()));
            }
        }
        if (link.getLastChild() instanceof Text last) {
            int end = last.getEndOffset();
            while (end < source.length() && rubySpace(source.charAt(end))) {
                end++;
            }
            if (end > last.getEndOffset() && end < source.length() && source.charAt(end) == ']') {
                last.setChars(source.subSequence(last.getStartOffset(), end));
            }
        }
    }

    /**
     * Where kramdown's reference {@code \s*?\[([^\]]+)?\]} after a bracket closed at
     * {@code start} opens, or -1 when there is none.
     */
    private int referenceAfter(int start) {
        int open = start;
        while (open < input.length() && rubySpace(input.charAt(open))) {
            open++;
        }
        if (open + 1 >= input.length() || input.charAt(open) != '[') {
            return -1;
        }
        return input.indexOf(']', open + 1) < 0 ? -1 : open;
    }

    /**
     * Whether {@code id} names a link definition as kramdown looks it up: white space inside
     * it collapsed and letters in lower case, as CommonMark does too, but white space at its ends
     * kept, so {@code [ id ]} and {@code [id]} name different definitions.
     */
    private boolean defined(BasedSequence id) {
        Reference reference = referenceRepository.get(Escaping.normalizeReference(id, true));
        if (reference == null) {
            return false;
        }
        // flexmark trims the label it keeps; kramdown's is everything between the brackets
        BasedSequence label = reference.getOpeningMarker().baseSubSequence(reference.getOpeningMarker().getEndOffset(),
                reference.getClosingMarker().getStartOffset());
        return !padded(id) && !padded(label) || kramdownId(id).equals(kramdownId(label));
    }

    private static boolean padded(BasedSequence id) {
        return !id.isEmpty() && (rubySpace(id.charAt(0)) || rubySpace(id.lastChar()));
    }

    private static String kramdownId(BasedSequence id) {
        return id.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Code spans as {@link #KRAMDOWN_CODE_SPANS} says, when it is set. */
    @Override
    protected boolean parseBackticks() {
        if (!kramdownCodeSpans) {
            return super.parseBackticks();
        }
        int open = index;
        int afterOpen = backtickRunEnd(input, open);
        BasedSequence ticks = input.subSequence(open, afterOpen);
        int close = codeSpanClose(input, open, afterOpen);
        if (close < 0) {
            appendText(ticks);
            index = afterOpen;
            return true;
        }
        index = close + ticks.length();
        Code code = new Code(ticks, codeOverRejoinedLines(afterOpen, close), input.subSequence(close, index));
        code.appendChild(new Text(code.getText()));
        appendNode(code);
        return true;
    }

    /**
     * The code of a span from {@code from} to {@code to}, each of its line ends before a line that
     * kramdown joins back to the paragraph ({@link #rejoinsParagraph}) as kramdown joins the two:
     * the white space before the line end taken off, and two spaces put back when the line ended
     * in two ({@code `a   } then {@code <x>`} is the code {@code a  \n<x>}). Other line ends keep
     * all the white space before them. Math spans ({@link KramdownMath.SpanParser}) read theirs so too.
     */
    BasedSequence codeOverRejoinedLines(int from, int to) {
        BasedSequence code = input.subSequence(from, to);
        if (!kramdownLineEndSpace) {
            return code;
        }
        List<BasedSequence> pieces = new ArrayList<>();
        int copied = from;
        for (int newline = from; newline < to; newline++) {
            if (input.charAt(newline) != '\n' || !rejoinsParagraph(newline + 1)) {
                continue;
            }
            int end = input.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            int start = end;
            while (start > from && rubySpace(input.charAt(start - 1))) {
                start--;
            }
            pieces.add(input.subSequence(copied, start));
            if (endsInTwoSpaces(start, end)) {
                pieces.add(input.subSequence(end - 2, end));
            }
            copied = end;
        }
        if (pieces.isEmpty()) {
            return code;
        }
        pieces.add(input.subSequence(copied, to));
        return SegmentedSequence.create(code, pieces);
    }

    /**
     * Where kramdown closes the code span that the run of backticks {@code text[open, afterOpen)}
     * opens: at the first run of as many backticks after it, even one inside a longer run, or -1
     * when the run is text (a lone backtick between white space or at the start of the text
     * before it, or no such run after it). Table rows are split by the same reading.
     */
    static int codeSpanClose(CharSequence text, int open, int afterOpen) {
        int ticks = afterOpen - open;
        if (ticks == 1 && (open == 0 || rubySpace(text.charAt(open - 1)))
                && afterOpen < text.length() && rubySpace(text.charAt(afterOpen))) {
            return -1;
        }
        int run = 0;
        for (int at = afterOpen; at < text.length(); at++) {
            run = text.charAt(at) == '`' ? run + 1 : 0;
            if (run == ticks) {
                return at + 1 - ticks;
            }
        }
        return -1;
    }

    /** The end of the run of backticks at {@code at} in {@code text}: {@code at} itself where none starts. */
    static int backtickRunEnd(CharSequence text, int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) == '`') {
            end++;
        }
        return end;
    }

    /** Ruby's {@code \s}: ASCII white space only, which is all kramdown's patterns take for space. */
    static boolean rubySpace(char c) {
        return " \t\n\r\f\u000B".indexOf(c) >= 0;
    }

    @Override
    public BasedSequence match(Pattern pattern) {
        Matcher matcher = matcher(pattern);
        return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern pattern) {
        Matcher matcher = matcher(pattern);
        if (matcher == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        for (int group = 0; group < groups.length; group++) {
            groups[group] = matcher.start(group) < 0 ? null : input.subSequence(matcher.start(group), matcher.end(group));
        }
        return groups;
    }

    /**
     * Makes {@code builder} parse inlines with this parser. flexmark reads link reference
     * definitions ({@code [name]: /url}) only with its own inline parser, so the reference
     * pre-processor is registered here explicitly.
     */
    static Parser.Builder install(Parser.Builder builder) {
        return builder.customInlineParserFactory(new Factory())
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    /** Makes a {@link LeanInlineParser} where flexmark would make its own. */
    private static final class Factory implements InlineParserFactory {
        @Override
        public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new LeanInlineParser(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                    linkRefProcessors, inlineParserExtensions);
        }
    }
}
