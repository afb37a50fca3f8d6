package org.sheaf.jekyll;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's smart quotes. kramdown does not pair quotes: it turns each straight quote into a
 * curly one by the first of its rules that matches there, reading the character before the quote
 * (when no other span took it) and a few characters after. So {@code "a","b"} closes the second
 * quote, which follows a comma, and {@code 'tis} after a space opens. Both the Markdown renderer
 * and {@code smartify} read quotes by these rules.
 */
public final class SmartQuotes {
    /** How far after a quote the rules look; their lookaheads need at most four characters. */
    public static final int LOOKAHEAD = 8;

    /** Which curly quote a rule gives: by the quote it read, or always the same. */
    private enum Curl { OPEN, CLOSE, OPEN_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE }

    /**
     * One of kramdown's rules. Group 1, when present, is the character before the quote(s), which
     * stays text; the quotes that follow become {@link #curls}.
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

    /** kramdown's default quotes: open single, close single, open double, close double. */
    public static final List<String> DEFAULT = List.of("\u2018", "\u2019", "\u201c", "\u201d");

    private SmartQuotes() {
    }

    /**
     * Appends the curly quote(s) for the quote at {@code offset} in {@code source}, as kramdown's
     * first rule that matches there gives them.
     *
     * @param before the character kramdown reads before the quote, 0 for none; the caller has
     *               written it already
     * @param quotes the four quote characters: open single, close single, open double, close double
     * @return how many characters from the quote on the rule took (two for {@code "'} before a word)
     */
    public static int curl(char before, CharSequence source, int offset, List<String> quotes, StringBuilder out) {
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
