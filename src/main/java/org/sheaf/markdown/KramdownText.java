package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.abbreviation.Abbreviation;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.jekyll.SmartQuotes;

/**
 * The characters of one run of text as kramdown's GFM parser reads them: its backslash escapes
 * and its smart quotes.
 *
 * <p>kramdown escapes fewer characters than CommonMark: a backslash before {@code &}, {@code %},
 * {@code ,}, {@code /}, {@code ;}, {@code ?}, {@code @} or {@code ^} stays, so {@code \&amp;} is a
 * backslash and an ampersand.
 *
 * <p>The quotes follow {@link SmartQuotes}, given the source character before each quote when
 * no other span took it.
 */
final class KramdownText {
    /** The characters a backslash escapes in kramdown's GFM parser. */
    private static final String ESCAPABLE = "\\.*_+`<>()[]{}#!:|\"'$=-~";
    /** The characters a backslash escapes in kramdown's own parser: all but the tilde. */
    private static final String OWN_ESCAPABLE = ESCAPABLE.replace("~", "");
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});");
    /** Characters whose span parsers (emphasis, code, links) take them even when they fail. */
    private static final String TAKEN_BEFORE_QUOTE = "*_`[";
    private static final char NO_BREAK_SPACE = '\u00A0';
    private KramdownText() {
    }

    /** Whether {@code chars} holds anything this class reads: a backslash, entity or quote. */
    static boolean mayChange(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\\' || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>') {
                return true;
            }
        }
        return false;
    }

    /**
     * The text of {@code node} with kramdown's escapes, entities and smart quotes resolved, not
     * yet HTML-escaped.
     *
     * @param quotes the four quote characters: open single, close single, open double, close double
     * @param gfm    whether the page is read as kramdown's GFM parser reads it, or as its own parser
     */
    static String resolve(Text node, List<String> quotes, boolean gfm) {
        String escapable = gfm ? ESCAPABLE : OWN_ESCAPABLE;
        BasedSequence chars = node.getChars();
        BasedSequence source = chars.getBaseSequence();
        StringBuilder out = new StringBuilder(chars.length() + 8);
        // kramdown reads the character before a quote only when no earlier span consumed it
        int consumed = 0;
        int i = 0;
        while (i < chars.length()) {
            char c = chars.charAt(i);
            int entityEnd = c == '&' ? entityAt(chars, i) : -1;
            if (c == '\\' && i + 1 < chars.length() && escapable.indexOf(chars.charAt(i + 1)) >= 0) {
                out.append(chars.charAt(i + 1));
                i += 2;
                consumed = i;
            } else if (entityEnd > 0) {
                out.append(CharacterReference.character(chars.subSequence(i, entityEnd).toString()));
                i = entityEnd;
                consumed = i;
            } else if ((c == '<' || c == '>') && i + 1 < chars.length() && chars.charAt(i + 1) == c) {
                // kramdown reads a run of them two at a time from its start, never pairing an
                // opening one with a closing one; each takes a space on its inner side
                if (c == '>' && i > consumed && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setCharAt(out.length() - 1, NO_BREAK_SPACE);
                }
                out.append(c == '<' ? '\u00AB' : '\u00BB');
                i += 2;
                if (c == '<' && i < chars.length() && chars.charAt(i) == ' ') {
                    out.append(NO_BREAK_SPACE);
                    i++;
                }
                consumed = i;
            } else if (c == '"' || c == '\'') {
                char before = 0;
                if (i > consumed && TAKEN_BEFORE_QUOTE.indexOf(chars.charAt(i - 1)) < 0) {
                    before = chars.charAt(i - 1);
                } else if (i == 0) {
                    before = afterLineBreak(node) ? '\n' : abbreviationEndBefore(node);
                }
                CharSequence ahead = codeAhead(node, chars, i);
                int quote = ahead == source ? chars.getIndexOffset(i) : 0;
                i += Math.min(chars.length() - i, SmartQuotes.curl(before, ahead, quote, quotes, out));
                consumed = i;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * {@code chars} with kramdown's backslash escapes resolved and nothing else: an image's alt
     * text, which both parsers unescape with the escapes of kramdown's own ({@code \~} stays).
     */
    static String unescaped(CharSequence chars) {
        StringBuilder out = new StringBuilder(chars.length());
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\\' && i + 1 < chars.length() && OWN_ESCAPABLE.indexOf(chars.charAt(i + 1)) >= 0) {
                c = chars.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The end of the entity at {@code at}, or -1. */
    private static int entityAt(BasedSequence chars, int at) {
        Matcher entity = ENTITY.matcher(chars);
        entity.region(at, chars.length());
        return entity.lookingAt() ? entity.end() : -1;
    }

    /**
     * What follows the quote at {@code i} in {@code chars}, the characters of {@code node}, as the
     * parser read it: the source, unless a code span follows the text close enough for the quote's
     * rules to look into it. In a table cell kramdown reads a code span written back between as
     * few backticks as it needs ({@link KramdownPipeRows}), which the source does not hold
     * ({@code "```c```} in a cell is read as {@code "`c`}, which opens the quote).
     */
    private static CharSequence codeAhead(Text node, BasedSequence chars, int i) {
        BasedSequence source = chars.getBaseSequence();
        if (!(node.getNext() instanceof Code code) || chars.length() - i > SmartQuotes.LOOKAHEAD) {
            return source;
        }
        int after = code.getClosingMarker().getEndOffset();
        return new StringBuilder().append(chars.subSequence(i)).append(code.getOpeningMarker()).append(code.getText())
                .append(code.getClosingMarker()).append(source, after, Math.min(source.length(), after + SmartQuotes.LOOKAHEAD));
    }

    /**
     * The last character of the abbreviation right before {@code node}, or 0: kramdown marks
     * abbreviations once its spans are read, so a quote right after one follows its last letter
     * ({@code CSS"x"} closes the quote), where flexmark has made it a node of its own.
     */
    private static char abbreviationEndBefore(Node node) {
        Node previous = node.getPrevious();
        if (!(previous instanceof Abbreviation abbreviation) || abbreviation.getEndOffset() != node.getStartOffset()) {
            return 0;
        }
        BasedSequence chars = abbreviation.getChars();
        return chars.charAt(chars.length() - 1);
    }

    /**
     * Whether a line break precedes {@code node}: kramdown sees its new line before the text. The
     * first text of a line that flexmark split around the abbreviations it marked stands first
     * in a node of its own, after the break.
     */
    private static boolean afterLineBreak(Node node) {
        Node first = node;
        while (first.getPrevious() == null && first.getParent() instanceof TextBase) {
            first = first.getParent();
        }
        Node previous = first.getPrevious();
        return previous instanceof SoftLineBreak || previous instanceof HardLineBreak;
    }
}
