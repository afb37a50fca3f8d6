package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.LinkRefDerived;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
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
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * Whether an {@code _} after a letter and a hyphen ({@code a-_b_}) opens nothing, as in kramdown,
     * which looks further back than the one character a delimiter processor is shown.
     */
    static final DataKey<Boolean> KRAMDOWN_HYPHENATED_UNDERSCORE = new DataKey<>("KRAMDOWN_HYPHENATED_UNDERSCORE", false);

    /** Whether a lone backtick between white space is text, as kramdown reads it ({@code a ` b}). */
    static final DataKey<Boolean> KRAMDOWN_LONE_BACKTICK = new DataKey<>("KRAMDOWN_LONE_BACKTICK", false);

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

    private final boolean kramdownAngleDestinations;
    private final boolean kramdownTagsOnly;
    private final boolean kramdownLoneBacktick;
    private final boolean kramdownHyphenatedUnderscore;
    private final boolean kramdownReferences;

    LeanInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
        this.kramdownAngleDestinations = KRAMDOWN_ANGLE_DESTINATIONS.get(options);
        this.kramdownHyphenatedUnderscore = KRAMDOWN_HYPHENATED_UNDERSCORE.get(options);
        this.kramdownLoneBacktick = KRAMDOWN_LONE_BACKTICK.get(options);
        this.kramdownTagsOnly = KRAMDOWN_TAGS_ONLY.get(options);
        this.kramdownReferences = KRAMDOWN_REFERENCES.get(options);
    }

    /** With {@link #KRAMDOWN_TAGS_ONLY}, a processing instruction, declaration or CDATA section is text. */
    @Override
    public boolean parseHtmlInline() {
        if (kramdownTagsOnly && index + 1 < input.length() && (input.charAt(index + 1) == '?'
                || input.charAt(index + 1) == '!' && !input.subSequence(index).startsWith("<!--"))) {
            return false;
        }
        return super.parseHtmlInline();
    }

    /**
     * With {@link #KRAMDOWN_ANGLE_DESTINATIONS}, {@code [a](<(<https://x.org>)} links to
     * {@code (<https://x.org} as in kramdown, where CommonMark allows neither {@code <} nor a space
     * inside the angle brackets and so makes no link. The angles stay on the returned text, as
     * flexmark's own angle destinations keep them.
     */
    @Override
    public BasedSequence parseLinkDestination() {
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

    /**
     * With {@link #KRAMDOWN_HYPHENATED_UNDERSCORE}, a run of {@code _} right after a letter and a
     * hyphen is put on the delimiter stack as one that cannot open.
     */
    @Override
    protected boolean parseDelimiters(DelimiterProcessor processor, char delimiter) {
        int start = index;
        if (!super.parseDelimiters(processor, delimiter)) {
            return false;
        }
        Delimiter run = lastDelimiter;
        if (kramdownHyphenatedUnderscore && delimiter == '_' && run.canOpen() && start >= 2
                && input.charAt(start - 1) == '-' && Character.isAlphabetic(Character.codePointBefore(input, start - 1))) {
            Delimiter closing = new Delimiter(input, run.getNode(), delimiter, false, run.canClose(), run.getPrevious(),
                    run.getIndex());
            closing.setNumDelims(run.getNumDelims());
            if (closing.getPrevious() != null) {
                closing.getPrevious().setNext(closing);
            }
            lastDelimiter = closing;
        }
        return true;
    }

    /**
     * With {@link #KRAMDOWN_REFERENCES}, brackets followed by kramdown's reference ({@code [id]}
     * after any white space, the id running to the next {@code ]}) are read as kramdown reads them.
     * When the id names no link definition, the brackets are text: flexmark turns a bracket it may
     * not close into text, so the opening bracket is marked so. When it names one after white
     * space, where flexmark looks for a reference only right after the bracket, flexmark is shown
     * the reference there, the white space left out of the link as kramdown leaves it. A bracket
     * that starts with {@code ^} is a footnote's and never a link's in kramdown, so it is left to
     * flexmark.
     */
    @Override
    protected boolean parseCloseBracket() {
        Bracket opener = getLastBracket();
        if (kramdownReferences && opener != null && opener.isAllowed() && input.safeCharAt(opener.getStartIndex() + 1) != '^') {
            int open = referenceAfter(index + 1);
            if (open >= 0) {
                int close = input.indexOf(']', open);
                BasedSequence id = input.subSequence(open + 1, close);
                if (!defined(id)) {
                    opener.setAllowed(false);
                } else if (open > index + 1 && id.indexOfAny(CharPredicate.anyOf("[\\")) < 0 && !holdsReferences(opener)) {
                    index = open - 1;
                }
            } else if (input.safeCharAt(index + 1) != '(' && !defined(input.subSequence(opener.getStartIndex() + 1, index))) {
                opener.setAllowed(false);
            }
        }
        if (!kramdownReferences) {
            return super.parseCloseBracket();
        }
        Node before = block.getLastChild();
        boolean parsed = super.parseCloseBracket();
        Node made = block.getLastChild();
        if (made != before && (made instanceof Link || made instanceof LinkRef)) {
            keepSpaces(made);
        }
        return parsed;
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
     * Where kramdown's reference {@code \s*?\[([^\]]+)\]} after a bracket closed at
     * {@code start} opens, or -1 when there is none.
     */
    private int referenceAfter(int start) {
        int open = start;
        while (open < input.length() && rubySpace(input.charAt(open))) {
            open++;
        }
        if (open + 2 >= input.length() || input.charAt(open) != '[' || input.charAt(open + 1) == ']') {
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

    /**
     * Whether the text inside {@code opener} holds a resolved reference, which keeps flexmark
     * from making a link of the brackets around it, so that it reads on from just after them.
     */
    private static boolean holdsReferences(Bracket opener) {
        for (Node node = opener.getNode().getNext(); node != null; node = node.getNext()) {
            if (node instanceof LinkRefDerived reference && !reference.isTentative()) {
                return true;
            }
        }
        return false;
    }

    /** With {@link #KRAMDOWN_LONE_BACKTICK}, one backtick with white space on both sides is text. */
    @Override
    protected boolean parseBackticks() {
        if (kramdownLoneBacktick && index > 0 && index + 1 < input.length() && rubySpace(input.charAt(index - 1))
                && rubySpace(input.charAt(index + 1))) {
            appendText(input.subSequence(index, index + 1));
            index++;
            return true;
        }
        return super.parseBackticks();
    }

    private static boolean rubySpace(char c) {
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
