package org.sheaf.jekyll;

import java.util.regex.Pattern;

/**
 * Jekyll's {@code smartify}: kramdown's SmartyPants pass over plain text. Straight quotes
 * become curly ones, {@code ---} an em dash, {@code --} an en dash, {@code ...} an ellipsis,
 * and {@code &}, {@code <}, {@code >} are escaped as kramdown's HTML output does.
 */
public final class Smartypants {
    private static final Pattern OPEN_DOUBLE = Pattern.compile("(^|[\\s(\\[{\\u2014\\u2013-])\"");
    private static final Pattern OPEN_SINGLE = Pattern.compile("(^|[\\s(\\[{\\u2014\\u2013-])'");

    private Smartypants() {
    }

    /** {@code text} with typographic quotes, dashes and ellipses, HTML-escaped as kramdown writes text. */
    public static String smartify(String text) {
        String s = Html.escapeText(text);
        s = s.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026");
        s = OPEN_DOUBLE.matcher(s).replaceAll("$1\u201c");
        s = s.replace("\"", "\u201d");
        s = OPEN_SINGLE.matcher(s).replaceAll("$1\u2018");
        return s.replace("'", "\u2019");
    }
}
