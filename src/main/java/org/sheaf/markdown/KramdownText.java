package org.sheaf.markdown;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of one run of text as kramdown's GFM parser reads them: its backslash escapes
 * and its smart quotes.
 *
 * <p>kramdown escapes fewer characters than CommonMark: a backslash before {@code &}, {@code %},
 * {@code ,}, {@code /}, {@code ;}, {@code ?}, {@code @} or {@code ^} stays, so {@code \&amp;} is a
 * backslash and an ampersand.
 *
 * <p>kramdown does not pair quotes. It turns each straight quote into a curly one by the first of
 * its rules that matches there, reading the source character before the quote (when no other
 * span took it) and a few characters after. So {@code "a","b"} closes the second quote, which
 * follows a comma, and {@code 'tis} after a space opens.
 */
final class KramdownText {
    /** The characters a backslash escapes in kramdown's GFM parser. */
    private static final String ESCAPABLE = "\\.*_+`<>()[]{}#!:|\"'$=-~";
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});");
    /** Characters whose span parsers (emphasis, code, links) take them even when they fail. */
    private static final String TAKEN_BEFORE_QUOTE = "*_`[";
    private static final char NO_BREAK_SPACE = '\u00A0';
    /** How far after a quote the rules look; their lookaheads need at most four characters. */
    private static final int LOOKAHEAD = 8;

    /** Which curly quote a rule gives: by the quote it read, or always the same. */
    private enum Curl { OPEN, CLOSE, OPEN_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE }

    /**
     * kramdown's smart quote rules, in its order. Group 1, when present, is the character before
     * the quote(s), which stays text; the quotes that follow become {@link #curls}.
     */
    private record Rule(Pattern pattern, boolean leading, Curl... curls) {
        Rule(String regex, boolean leading, Curl... curls) {
            this(Pattern.compile(regex, Pattern.MULTILINE | Pattern.DOTALL), leading, curls);
        }
    }

    private static final String PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
    private static final List<Rule> RULES = List.of(
            new Rule("[\"'](?=[_*]{1,2}\\S)", false, Curl.OPEN),
            new Rule("[\"'](?=" + PUNCT + "(?!\\.\\.)\\B)", false, Curl.CLOSE),
            new Rule("(\\s?)\"'(?=\\w)", true, Curl.OPEN_DOUBLE, Curl.OPEN_SINGLE),
            new Rule("(\\s?)'\"(?=\\w)", true, Curl.OPEN_SINGLE, Curl.OPEN_DOUBLE),
            new Rule("(\\s?)'(?=\\d\\ds)", true, Curl.CLOSE_SINGLE),
            new Rule("(\\s)[\"'](?=\\w)", true, Curl.OPEN),
            new Rule("([^ \\\\\\t\\r\\n\\[{(-])[\"']", true, Curl.CLOSE),
            new Rule("[\"'](?=\\s|s\\b|$)", false, Curl.CLOSE),
            new Rule("(.?)'", true, Curl.OPEN_SINGLE),
            new Rule("(.?)\"", true, Curl.OPEN_DOUBLE));

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
     */
    static String resolve(Text node, List<String> quotes) {
        BasedSequence chars = node.getChars();
        BasedSequence source = chars.getBaseSequence();
        StringBuilder out = new StringBuilder(chars.length() + 8);
        // kramdown reads the character before a quote only when no earlier span consumed it
        int consumed = 0;
        int i = 0;
        while (i < chars.length()) {
            char c = chars.charAt(i);
            int entityEnd = c == '&' ? entityAt(chars, i) : -1;
            if (c == '\\' && i + 1 < chars.length() && ESCAPABLE.indexOf(chars.charAt(i + 1)) >= 0) {
                out.append(chars.charAt(i + 1));
                i += 2;
                consumed = i;
            } else if (entityEnd > 0) {
                out.append(Escaping.unescapeString(chars.subSequence(i, entityEnd).toString()));
                i = entityEnd;
                consumed = i;
            } else if ((c == '<' || c == '>') && i + 1 < chars.length() && chars.charAt(i + 1) == c) {
                // a guillemet that no other closes or opens is one too, taking a space on its
                // inner side as the paired ones do (KramdownAngleQuotes)
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
                } else if (i == 0 && afterLineBreak(node)) {
                    before = '\n';
                }
                i += Math.min(chars.length() - i, curl(before, source, chars.getIndexOffset(i), quotes, out));
                consumed = i;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code chars} with kramdown's backslash escapes resolved and nothing else: an image's alt text. */
    static String unescaped(CharSequence chars) {
        StringBuilder out = new StringBuilder(chars.length());
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\\' && i + 1 < chars.length() && ESCAPABLE.indexOf(chars.charAt(i + 1)) >= 0) {
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

    /** Whether a line break precedes {@code node}: kramdown sees its new line before the text. */
    private static boolean afterLineBreak(Node node) {
        Node previous = node.getPrevious();
        return previous instanceof SoftLineBreak || previous instanceof HardLineBreak;
    }

    /**
     * Appends the curly quote(s) for the quote at {@code offset} in {@code source}.
     *
     * @param before the character kramdown reads before the quote, 0 for none
     * @return how many characters from the quote on the rule took (two for {@code "'} before a word)
     */
    private static int curl(char before, CharSequence source, int offset, List<String> quotes, StringBuilder out) {
        StringBuilder window = new StringBuilder(LOOKAHEAD + 1);
        if (before != 0) {
            window.append(before);
        }
        window.append(source, offset, Math.min(source.length(), offset + LOOKAHEAD));
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(window);
            if (!m.lookingAt()) {
                continue;
            }
            int quoteStart = rule.leading() ? m.end(1) : 0;
            int prefix = before != 0 ? 1 : 0;
            // what group 1 took beyond the character before stays text (a quote, for '' )
            out.append(window, prefix, Math.max(prefix, quoteStart));
            for (int q = 0; q < rule.curls().length; q++) {
                out.append(quote(rule.curls()[q], window.charAt(quoteStart + q), quotes));
            }
            return m.end() - prefix;
        }
        throw new IllegalStateException("the last rules match every quote");
    }

    private static String quote(Curl curl, char straight, List<String> quotes) {
        boolean single = straight == '\'';
        return switch (curl) {
            case OPEN -> quotes.get(single ? 0 : 2);
            case CLOSE -> quotes.get(single ? 1 : 3);
            case OPEN_SINGLE -> quotes.get(0);
            case CLOSE_SINGLE -> quotes.get(1);
            case OPEN_DOUBLE -> quotes.get(2);
        };
    }
}
