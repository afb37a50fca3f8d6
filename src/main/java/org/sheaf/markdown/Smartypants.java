package org.sheaf.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.jekyll.SmartQuotes;

/**
 * Jekyll's {@code smartify}: kramdown's SmartyPants pass over plain text. Straight quotes
 * become curly ones ({@link SmartQuotes}), {@code ---} an em dash, {@code --} an en dash,
 * {@code ...} an ellipsis, {@code <<} and {@code >>} guillemets, and {@code &}, {@code <},
 * {@code >} are escaped as kramdown's HTML output does.
 *
 * <p>HTML in the text is read as kramdown's SmartyPants parser reads it: a comment, or a tag of a
 * block-level element ({@code <div>}, {@code <p>}), that starts a line opens a block of raw HTML,
 * written as the Markdown renderer writes one, its text left as it is; a tag inside the text is
 * written anew ({@link KramdownTags}) and the content of its element read as text, or raw for
 * {@code <code>} and the other elements kramdown keeps raw. So {@code <b>"x"</b>} keeps its tags
 * and curls its quotes, where {@code <div>"x"</div>} starting a line stays as written.
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
    /** kramdown's {@code TRAILING_WHITESPACE}: the rest of a line after a block of HTML, when blank. */
    private static final Pattern TRAILING_WHITE_SPACE = Pattern.compile("[ \\t]*\n");
    /** The {@code markdown} attribute of a tag, which says how kramdown reads the element's content. */
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile(
            "(?:^|\\s)markdown(?:\\s*=\\s*(?:([\"'])(.*?)\\1|(\\w+)))?", Pattern.DOTALL);
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
        int length = source.length();
        StringBuilder out = new StringBuilder(length + 16);
        int i = 0;
        while (i < length) {
            // kramdown reads a block from the start of a line, or where a block before it ended
            int end = blockHtml(source, i, out);
            while (end > i && end < length) {
                i = end;
                end = blockHtml(source, i, out);
            }
            i = end > i ? end : spans(source, i, textEnd(source, i), null, out);
        }
        // kramdown's output ends with a line end, which Jekyll's converter takes off
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Where the text from {@code from} ends: at the next line that block-level HTML starts, or at the end. */
    private static int textEnd(String source, int from) {
        int at = source.indexOf('\n', from);
        while (at >= 0 && at + 1 < source.length()) {
            if (blockHtmlStart(source, at + 1) >= 0) {
                return at + 1;
            }
            at = source.indexOf('\n', at + 1);
        }
        return source.length();
    }

    /**
     * Where the block-level HTML that starts a block at {@code at} begins, as kramdown's
     * SmartyPants parser reads it before any text: a comment at the very start of the line, or,
     * after up to three spaces, the opening tag of an element other than a span-level one; -1
     * when none does.
     */
    private static int blockHtmlStart(String source, int at) {
        if (source.startsWith("<!--", at)) {
            return source.indexOf("-->", at + 4) >= 0 ? at : -1;
        }
        int start = at;
        while (start < at + 3 && start < source.length() && source.charAt(start) == ' ') {
            start++;
        }
        if (start >= source.length() || source.charAt(start) != '<') {
            return -1;
        }
        Matcher tag = KramdownTags.OPEN_TAG.matcher(source);
        return tag.region(start, source.length()).lookingAt()
                && !KramdownHtmlBlockParser.SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT)) ? start : -1;
    }

    /**
     * Writes the block-level HTML at {@code at} ({@link #blockHtmlStart}) as a block of raw HTML
     * ({@link KramdownHtmlText}) on a line of its own, and returns where it ends: after the rest
     * of its line when that is blank, as kramdown reads it. Returns {@code at} when none starts there.
     */
    private static int blockHtml(String source, int at, StringBuilder out) {
        int start = blockHtmlStart(source, at);
        if (start < 0) {
            return at;
        }
        int end;
        boolean apart = false;
        if (source.startsWith("<!--", start)) {
            end = source.indexOf("-->", start + 4) + 3;
            out.append(source, start, end);
        } else {
            end = KramdownHtmlBlockParser.blockHtmlEnd(source, start);
            String html = source.substring(start, end);
            out.append(KramdownHtmlText.escaped(html, end >= source.length() - 1));
            apart = KramdownHtmlText.endsApart(html);
        }
        out.append('\n');
        Matcher trailing = TRAILING_WHITE_SPACE.matcher(source);
        return !apart && trailing.region(end, source.length()).lookingAt() ? trailing.end() : end;
    }

    /**
     * Reads text from {@code from} as kramdown's span parsers read it, up to where {@code stop}
     * matches (null: to the end of the line, where a block of HTML may start the next), and
     * returns where it stopped.
     */
    private static int spans(String source, int from, int length, Pattern stop, StringBuilder out) {
        Matcher reference = CharacterReference.PATTERN.matcher(source);
        Matcher stopping = stop == null ? null : stop.matcher(source);
        int i = from;
        while (i < length) {
            char c = source.charAt(i);
            if (stopping != null && c == '<' && stopping.region(i, length).lookingAt()) {
                return i;
            }
            boolean quoteNext = i + 1 < length && isQuote(source.charAt(i + 1));
            if (isQuote(c)) {
                i += SmartQuotes.curl((char) 0, source, i, SmartQuotes.DEFAULT, out);
            } else if (c != '\\' && quoteNext) {
                appendText(c, out);
                i += 1 + SmartQuotes.curl(c, source, i + 1, SmartQuotes.DEFAULT, out);
            } else if (c == '&' && reference.region(i, length).lookingAt()) {
                out.append(CharacterReference.read(reference));
                i = reference.end();
            } else {
                int taken = typographic(source, i, length, out);
                if (taken == 0 && c == '<') {
                    taken = spanHtml(source, i, length, false, out);
                }
                if (taken == 0) {
                    appendText(c, out);
                    taken = 1;
                }
                i += taken;
            }
        }
        return i;
    }

    /**
     * Reads the span-level HTML at {@code at}, as kramdown's {@code span_html} parser does, and
     * returns how many characters it took (0 for none: the {@code <} is text). A comment stays as
     * written; a closing tag no element is open for, and the tag of a block-level element, are
     * text; an element's tags are written anew ({@link KramdownTags}) and its content is read as
     * spans, or raw ({@code <code>}, an unknown element) where only tags are read, up to its
     * closing tag, or to the end of the text, where it is closed.
     */
    private static int spanHtml(String source, int at, int length, boolean raw, StringBuilder out) {
        if (source.startsWith("<!--", at)) {
            int close = source.indexOf("-->", at + 4);
            if (close < 0 || close + 3 > length) {
                return 0;
            }
            out.append(source, at, close + 3);
            return close + 3 - at;
        }
        Matcher closing = KramdownTags.CLOSE_TAG.matcher(source);
        if (closing.region(at, length).lookingAt()) {
            out.append("&lt;/").append(source, at + 2, closing.end() - 1).append("&gt;");
            return closing.end() - at;
        }
        Matcher tag = KramdownTags.OPEN_TAG.matcher(source);
        if (!tag.region(at, length).lookingAt()) {
            return 0;
        }
        String name = KramdownTags.name(tag.group(1));
        if (KramdownNodeRenderer.BLOCK_ELEMENTS.contains(name)) {
            out.append(KramdownHtmlText.escapedRaw(tag.group()));
            return tag.end() - at;
        }
        out.append(KramdownTags.start(name, KramdownTags.attributes(name, tag.group(2), true)));
        if (!KramdownTags.holdsContent(tag)) {
            out.append(KramdownTags.empty(name) ? " />" : "></" + name + ">");
            return tag.end() - at;
        }
        out.append('>');
        Pattern stop = KramdownTags.closing(name);
        boolean rawContent = raw || !LeanInlineParser.SPAN_CONTENT.contains(name);
        Matcher markdown = MARKDOWN_ATTRIBUTE.matcher(tag.group(2));
        String readAs = null;
        while (markdown.find()) {
            readAs = markdown.group(2) != null ? markdown.group(2) : markdown.group(3);
        }
        if ("0".equals(readAs)) {
            rawContent = true;
        } else if ("1".equals(readAs)) {
            rawContent = !LeanInlineParser.SPAN_CONTENT.contains(name);
        } else if ("span".equals(readAs)) {
            rawContent = false;
        }
        int end = rawContent ? rawSpans(source, tag.end(), length, stop, out) : spans(source, tag.end(), length, stop, out);
        out.append("</").append(name).append('>');
        Matcher ending = stop.matcher(source);
        return (end < length && ending.region(end, length).lookingAt() ? ending.end() : length) - at;
    }

    /** Reads raw content, where only tags are read, up to where {@code stop} matches; returns where it stopped. */
    private static int rawSpans(String source, int from, int length, Pattern stop, StringBuilder out) {
        Matcher stopping = stop.matcher(source);
        int i = from;
        int text = from;
        while (i < length) {
            if (source.charAt(i) == '<') {
                if (stopping.region(i, length).lookingAt()) {
                    break;
                }
                StringBuilder element = new StringBuilder();
                int taken = spanHtml(source, i, length, true, element);
                if (taken > 0) {
                    out.append(KramdownHtmlText.escapedRaw(source.substring(text, i))).append(element);
                    i += taken;
                    text = i;
                    continue;
                }
            }
            i++;
        }
        out.append(KramdownHtmlText.escapedRaw(source.substring(text, i)));
        return i;
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
        char c = source.charAt(at);
        if (c != '-' && c != '.' && c != '\\' && c != '<' && c != '>' && c != ' ') {
            return 0;
        }
        if (startsWith(source, at, length, "---")) {
            out.append('\u2014');
            return 3;
        } else if (startsWith(source, at, length, "--")) {
            out.append('\u2013');
            return 2;
        } else if (startsWith(source, at, length, "...")) {
            out.append('\u2026');
            return 3;
        } else if (startsWith(source, at, length, "\\<<")) {
            out.append("&lt;&lt;");
            return 3;
        } else if (startsWith(source, at, length, "\\>>")) {
            out.append("&gt;&gt;");
            return 3;
        } else if (startsWith(source, at, length, "<< ")) {
            out.append('\u00ab').append(NO_BREAK_SPACE);
            return 3;
        } else if (startsWith(source, at, length, " >>")) {
            out.append(NO_BREAK_SPACE).append('\u00bb');
            return 3;
        } else if (startsWith(source, at, length, "<<")) {
            out.append('\u00ab');
            return 2;
        } else if (startsWith(source, at, length, ">>")) {
            out.append('\u00bb');
            return 2;
        }
        return 0;
    }

    /** Whether {@code prefix} stands at {@code at} in {@code source}, before {@code length}. */
    private static boolean startsWith(String source, int at, int length, String prefix) {
        return at + prefix.length() <= length && source.startsWith(prefix, at);
    }
}
