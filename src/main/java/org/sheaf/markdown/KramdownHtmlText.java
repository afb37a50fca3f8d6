package org.sheaf.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a raw HTML block as kramdown writes it. kramdown reads the block's HTML and writes
 * it again, so between the tags the characters HTML reserves come out escaped, as in any text it
 * writes: a lone {@code &} as {@code &amp;}, {@code <} and {@code >} that open or close no tag
 * as {@code &lt;} and {@code &gt;}. A reference already written ({@code &#8220;}, {@code &amp;},
 * even {@code &AMP;}) stays; so do comments, processing instructions and the content of
 * {@code script} and {@code style}, which it does not read as text. A {@code <td>&</td>} of a
 * table written in HTML then reads {@code &amp;} wherever a template takes the page's HTML as it
 * is (a search index), as in Jekyll's.
 */
final class KramdownHtmlText {
    /** A start or end tag, its attributes quoted or not; possessive, so a long run of attributes never backtracks. */
    private static final Pattern TAG = Pattern.compile(
            "</?[A-Za-z][^\\s/>]*+(?:\\s++[^\\s/>\"'=]++(?:\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s\"'=<>`]++))?+)*+\\s*+/?>");
    /** What REXML, and so kramdown's escaping, takes for a reference already written. */
    private static final Pattern REFERENCE = Pattern.compile("&(?:[a-zA-Z_:][-\\w.:]*|#\\d+|#x[0-9a-fA-F]+);");
    private static final Pattern RAW_ELEMENT = Pattern.compile("(?i)<(script|style)\\b");
    /**
     * Text that ends with a {@code script} or {@code style} element, or with an element without
     * content: kramdown's {@code HTML_ELEMENTS_WITHOUT_BODY}, or one closed in its own tag.
     */
    private static final Pattern ENDS_APART = Pattern.compile("(?is).*(?:</(?:script|style)\\s*>"
            + "|<(?:area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)(?:\\s[^<>]*)?>"
            + "|<[a-z][^<>]*/>)\\s*");

    private KramdownHtmlText() {
    }

    /** {@code html} with its text escaped as kramdown writes it. */
    static String escaped(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher tag = TAG.matcher(html);
        Matcher reference = REFERENCE.matcher(html);
        int at = 0;
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c == '<') {
                int end = markupEnd(html, at, tag);
                if (end > at) {
                    out.append(html, at, end);
                    at = end;
                    continue;
                }
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&' && !reference.region(at, html.length()).lookingAt()) {
                out.append("&amp;");
            } else {
                out.append(c);
            }
            at++;
        }
        return out.toString();
    }

    /**
     * Whether the block ends with a {@code script} or {@code style} element or an element without
     * content ({@code <hr>}). kramdown keeps the rest of that element's line as a blank line of its
     * own, so an empty line always follows it, and an attribute list on the line under it stands
     * after a blank line, for the block after it.
     */
    static boolean endsApart(CharSequence html) {
        return ENDS_APART.matcher(html).matches();
    }

    /** Where the comment, processing instruction, tag or script/style element at {@code at} ends; {@code at} when there is none. */
    private static int markupEnd(String html, int at, Matcher tag) {
        if (html.startsWith("<!--", at)) {
            int close = html.indexOf("-->", at + 4);
            return close < 0 ? html.length() : close + 3;
        }
        if (html.startsWith("<?", at)) {
            int close = html.indexOf("?>", at + 2);
            return close < 0 ? html.length() : close + 2;
        }
        if (!tag.region(at, html.length()).lookingAt()) {
            return at;
        }
        int end = tag.end();
        Matcher raw = RAW_ELEMENT.matcher(html).region(at, end);
        if (raw.lookingAt() && !html.startsWith("/>", end - 2)) {
            String closing = "</" + raw.group(1).toLowerCase(Locale.ROOT);
            int close = html.toLowerCase(Locale.ROOT).indexOf(closing, end);
            if (close >= 0) {
                int gt = html.indexOf('>', close);
                return gt < 0 ? html.length() : gt + 1;
            }
            return html.length();
        }
        return end;
    }
}
