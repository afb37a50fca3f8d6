package org.sheaf.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Jekyll's {@code smartify}: kramdown's SmartyPants pass over plain text. Straight quotes
 * become curly ones, {@code ---} an em dash, {@code --} an en dash, {@code ...} an ellipsis,
 * and {@code &}, {@code <}, {@code >} are escaped as kramdown's HTML output does.
 *
 * <p>A character reference kramdown knows ({@code &nbsp;}, {@code &#8220;}) is written as
 * Jekyll's {@code entity_output: as_char} writes it: the character itself, except {@code &},
 * {@code <} and {@code >}, whose reference stays as written. So a title
 * {@code Special&nbsp;---&nbsp;Characters} becomes {@code Special\u00a0\u2014\u00a0Characters}
 * in jekyll-feed's entries, as Jekyll writes it.
 */
public final class Smartypants {
    private static final Pattern OPEN_DOUBLE = Pattern.compile("(^|[\\s(\\[{\\u2014\\u2013-])\"");
    private static final Pattern OPEN_SINGLE = Pattern.compile("(^|[\\s(\\[{\\u2014\\u2013-])'");
    private static final Pattern REFERENCE = Pattern.compile("&(?:([A-Za-z][A-Za-z0-9]*)|#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));");
    /** Stands in a reference's place while the text around it is made typographic; the nth reference is this plus n. */
    private static final char HOLDER = '\uE000';

    private Smartypants() {
    }

    /** {@code text} with typographic quotes, dashes and ellipses, HTML-escaped as kramdown writes text. */
    public static String smartify(String text) {
        List<String> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        StringBuilder held = new StringBuilder(text.length());
        int from = 0;
        while (m.find()) {
            String written = written(m);
            if (written == null || references.size() >= 0x1000) {
                continue;
            }
            held.append(text, from, m.start()).append((char) (HOLDER + references.size()));
            references.add(written);
            from = m.end();
        }
        held.append(text.substring(from));
        String s = Html.escapeText(held.toString());
        s = s.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026");
        s = OPEN_DOUBLE.matcher(s).replaceAll("$1\u201c");
        s = s.replace("\"", "\u201d");
        s = OPEN_SINGLE.matcher(s).replaceAll("$1\u2018");
        s = s.replace("'", "\u2019");
        if (references.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int n = c - HOLDER;
            out.append(n >= 0 && n < references.size() ? references.get(n) : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * How kramdown writes the reference {@code m} found, or null for one it does not know
     * ({@code &bogus;}, a code point that is none), which is text and has its {@code &} escaped.
     */
    private static String written(Matcher m) {
        String character;
        if (m.group(1) != null) {
            if (!Html.isHtml4Entity(m.group(1))) {
                return null;
            }
            character = Entities.getByName(m.group(1));
        } else {
            int code = m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3), 16);
            if (code == 0 || !Character.isValidCodePoint(code) || code >= 0xD800 && code <= 0xDFFF) {
                return null;
            }
            character = new String(Character.toChars(code));
        }
        return switch (character) {
            case "&", "<", ">" -> m.group();
            default -> character;
        };
    }
}
