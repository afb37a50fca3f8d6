package org.sheaf.jekyll;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Jekyll's {@code smartify}: kramdown's SmartyPants pass over plain text. Straight quotes
 * become curly ones ({@link SmartQuotes}), {@code ---} an em dash, {@code --} an en dash,
 * {@code ...} an ellipsis, {@code <<} and {@code >>} guillemets, and {@code &}, {@code <},
 * {@code >} are escaped as kramdown's HTML output does.
 *
 * <p>The text is read as kramdown reads it, left to right: at each place the first of its span
 * parsers that starts there (quotes, then character references, then typographic symbols) takes
 * what it reads, and the character before a quote counts only when none of them took it. A
 * backslash escapes nothing here: it stays, and a quote after it is read as if nothing came
 * before ({@code \"x\"} opens the first quote), while {@code \<<} is two less-than signs.
 *
 * <p>A character reference kramdown knows ({@code &nbsp;}, {@code &#8220;}) is written as
 * Jekyll's {@code entity_output: as_char} writes it: the character itself, except {@code &},
 * {@code <} and {@code >}, whose reference stays as written. So a title
 * {@code Special&nbsp;---&nbsp;Characters} becomes {@code Special\u00a0\u2014\u00a0Characters}
 * in jekyll-feed's entries, as Jekyll writes it.
 */
public final class Smartypants {
    /** kramdown's character reference: a name, a decimal or a hexadecimal number. */
    private static final Pattern REFERENCE = Pattern.compile("&(?:([\\w:][-\\w.:]*)|#(\\d+)|#x([0-9a-fA-F]+));");
    private static final char NO_BREAK_SPACE = '\u00a0';

    private Smartypants() {
    }

    /** {@code text} with typographic quotes, dashes and ellipses, HTML-escaped as kramdown writes text. */
    public static String smartify(String text) {
        // kramdown's source: line ends as \n, one at the end, which Jekyll's converter takes off
        String source = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!source.endsWith("\n")) {
            source += "\n";
        }
        int length = source.length() - 1;
        StringBuilder out = new StringBuilder(length + 16);
        Matcher reference = REFERENCE.matcher(source);
        int i = 0;
        while (i < length) {
            char c = source.charAt(i);
            boolean quoteNext = i + 1 < length && isQuote(source.charAt(i + 1));
            if (isQuote(c)) {
                i += SmartQuotes.curl((char) 0, source, i, SmartQuotes.DEFAULT, out);
            } else if (c != '\\' && quoteNext) {
                appendText(c, out);
                i += 1 + SmartQuotes.curl(c, source, i + 1, SmartQuotes.DEFAULT, out);
            } else if (c == '&' && reference.region(i, length).lookingAt()) {
                out.append(written(reference));
                i = reference.end();
            } else {
                int taken = typographic(source, i, length, out);
                if (taken == 0) {
                    appendText(c, out);
                    taken = 1;
                }
                i += taken;
            }
        }
        return out.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static void appendText(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            default -> out.append(c);
        }
    }

    /** Writes kramdown's typographic symbol at {@code at}, in its order of trying them; how many characters it took. */
    private static int typographic(String source, int at, int length, StringBuilder out) {
        String rest = source.substring(at, Math.min(length, at + 3));
        if (rest.startsWith("---")) {
            out.append('\u2014');
            return 3;
        } else if (rest.startsWith("--")) {
            out.append('\u2013');
            return 2;
        } else if (rest.startsWith("...")) {
            out.append('\u2026');
            return 3;
        } else if (rest.startsWith("\\<<")) {
            out.append("&lt;&lt;");
            return 3;
        } else if (rest.startsWith("\\>>")) {
            out.append("&gt;&gt;");
            return 3;
        } else if (rest.startsWith("<< ")) {
            out.append('\u00ab').append(NO_BREAK_SPACE);
            return 3;
        } else if (rest.startsWith(" >>")) {
            out.append(NO_BREAK_SPACE).append('\u00bb');
            return 3;
        } else if (rest.startsWith("<<")) {
            out.append('\u00ab');
            return 2;
        } else if (rest.startsWith(">>")) {
            out.append('\u00bb');
            return 2;
        }
        return 0;
    }

    /**
     * How kramdown writes the reference {@code m} found: the character, or the reference as
     * written for {@code &}, {@code <}, {@code >} and for a number that is no character; a name
     * kramdown does not know ({@code &bogus;}) is text, its {@code &} escaped.
     */
    private static String written(Matcher m) {
        String character;
        if (m.group(1) != null) {
            if (!Html.isKramdownEntity(m.group(1))) {
                return "&amp;" + m.group().substring(1);
            }
            character = Entities.getByName(m.group(1));
        } else {
            String digits = m.group(2) != null ? m.group(2) : m.group(3);
            int radix = m.group(2) != null ? 10 : 16;
            String significant = digits.replaceFirst("^0+(?=.)", "");
            int code = significant.length() > 7 ? -1 : Integer.parseInt(significant, radix);
            if (code < 0 || !Character.isValidCodePoint(code) || code >= 0xD800 && code <= 0xDFFF) {
                return m.group();
            }
            character = new String(Character.toChars(code));
        }
        return switch (character) {
            case "&", "<", ">" -> m.group();
            default -> character;
        };
    }
}
