package org.sheaf.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
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
 *
 * <p>kramdown's raw HTML parser also keeps the elements of the block nested: a closing tag that
 * does not close the innermost open element is text to it ({@code <code>x<code>y</p>} writes the
 * {@code </p>} as {@code &lt;/p&gt;}), and an element still open where the document ends is
 * closed there, innermost first.
 */
final class KramdownHtmlText {
    /** A start or end tag, its attributes quoted or not; possessive, so a long run of attributes never backtracks. */
    private static final Pattern TAG = Pattern.compile(
            "</?[A-Za-z][^\\s/>]*+(?:\\s++[^\\s/>\"'=]++(?:\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s\"'=<>`]++))?+)*+\\s*+/?>");
    /** What REXML, and so kramdown's escaping, takes for a reference already written. */
    private static final Pattern REFERENCE = Pattern.compile("&(?:[a-zA-Z_:][-\\w.:]*|#\\d+|#x[0-9a-fA-F]+);");
    private static final Pattern RAW_ELEMENT = Pattern.compile("(?i)<(script|style)\\b");
    /** The name of a start or end tag ({@code /} in group 1 for an end tag). */
    private static final Pattern TAG_NAME = Pattern.compile("<(/)?([A-Za-z][^\\s/>]*+)");
    /** kramdown's {@code HTML_ELEMENTS_WITHOUT_BODY}: elements that never hold content. */
    private static final Set<String> EMPTY = Set.of("area", "base", "br", "col", "command", "embed", "hr", "img",
            "input", "keygen", "link", "meta", "param", "source", "track", "wbr");
    /**
     * Text that ends with a {@code script} or {@code style} element, or with an element without
     * content: kramdown's {@code HTML_ELEMENTS_WITHOUT_BODY}, or one closed in its own tag.
     */
    private static final Pattern ENDS_APART = Pattern.compile("(?is).*(?:</(?:script|style)\\s*>"
            + "|<(?:area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)(?:\\s[^<>]*)?>"
            + "|<[a-z][^<>]*/>)\\s*");

    private KramdownHtmlText() {
    }

    /**
     * {@code html} with its text escaped as kramdown writes it. When {@code endsDocument}, the
     * block runs to the end of the document, and the elements it leaves open are closed after it.
     */
    static String escaped(String html, boolean endsDocument) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher tag = TAG.matcher(html);
        Matcher reference = REFERENCE.matcher(html);
        Deque<String> open = new ArrayDeque<>();
        int at = 0;
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c == '<') {
                int end = markupEnd(html, at, tag);
                if (end > at) {
                    String markup = html.substring(at, end);
                    Matcher name = TAG_NAME.matcher(markup);
                    if (!name.lookingAt()) {
                        out.append(markup);
                    } else if (name.group(1) != null) {
                        if (open.isEmpty() || open.peek().equalsIgnoreCase(name.group(2))) {
                            open.pollFirst();
                            out.append(markup);
                        } else {
                            // a closing tag of no open element: text inside the element, as kramdown reads it
                            out.append(markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
                        }
                    } else {
                        if (!markup.endsWith("/>") && !EMPTY.contains(name.group(2).toLowerCase(Locale.ROOT))
                                && !RAW_ELEMENT.matcher(markup).lookingAt()) {
                            open.push(name.group(2));
                        }
                        out.append(markup);
                    }
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
        while (endsDocument && !open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
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
