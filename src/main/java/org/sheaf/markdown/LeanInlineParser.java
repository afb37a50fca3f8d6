package org.sheaf.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.BitSet;
import java.util.List;
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
     * Whether a bracket followed by a reference to no link definition ({@code [x][HTML]}) is text
     * up to its closing bracket, as kramdown reads it: it goes back to just after the {@code [}
     * and reads on, so the second brackets are read again as anything else would be (abbreviations,
     * emphasis, a link of their own). CommonMark instead makes the pair one unresolved reference
     * whose second brackets are never parsed.
     */
    static final DataKey<Boolean> KRAMDOWN_UNDEFINED_REFERENCES = new DataKey<>("KRAMDOWN_UNDEFINED_REFERENCES", false);

    private final boolean kramdownAngleDestinations;
    private final boolean kramdownTagsOnly;
    private final boolean kramdownLoneBacktick;
    private final boolean kramdownHyphenatedUnderscore;
    private final boolean kramdownUndefinedReferences;

    LeanInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
        this.kramdownAngleDestinations = KRAMDOWN_ANGLE_DESTINATIONS.get(options);
        this.kramdownHyphenatedUnderscore = KRAMDOWN_HYPHENATED_UNDERSCORE.get(options);
        this.kramdownLoneBacktick = KRAMDOWN_LONE_BACKTICK.get(options);
        this.kramdownTagsOnly = KRAMDOWN_TAGS_ONLY.get(options);
        this.kramdownUndefinedReferences = KRAMDOWN_UNDEFINED_REFERENCES.get(options);
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
     * With {@link #KRAMDOWN_UNDEFINED_REFERENCES}, a {@code ]} followed by kramdown's reference
     * ({@code [id]} after any white space, the id running to the next {@code ]}) naming no link
     * definition is text, and its opening bracket too: flexmark turns a bracket it may not close
     * into text, so the bracket is marked so. A bracket that starts with {@code ^} is a footnote's
     * and never a link's in kramdown, so it is left to flexmark.
     */
    @Override
    protected boolean parseCloseBracket() {
        if (kramdownUndefinedReferences && getLastBracket() != null && getLastBracket().isAllowed()
                && referencesNoDefinition(index + 1)
                && input.safeCharAt(getLastBracket().getStartIndex() + 1) != '^') {
            getLastBracket().setAllowed(false);
        }
        return super.parseCloseBracket();
    }

    /** Whether {@code input} at {@code start} holds kramdown's {@code \s*?\[([^\]]+)\]} naming no definition. */
    private boolean referencesNoDefinition(int start) {
        int open = start;
        while (open < input.length() && rubySpace(input.charAt(open))) {
            open++;
        }
        if (open >= input.length() || input.charAt(open) != '[') {
            return false;
        }
        int close = open + 1;
        while (close < input.length() && input.charAt(close) != ']') {
            close++;
        }
        if (close >= input.length() || close == open + 1) {
            return false;
        }
        return !referenceRepository.containsKey(Escaping.normalizeReference(input.subSequence(open + 1, close), true));
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
