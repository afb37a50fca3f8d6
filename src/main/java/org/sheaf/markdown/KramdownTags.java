package org.sheaf.markdown;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML tags as kramdown writes them. kramdown does not copy the raw HTML of a page: it reads each
 * tag into an element and writes the element again, so the bytes change while the elements stay
 * (Jekyll's HTML shows this wherever a template reads the page as text, and in every byte
 * comparison). The name of an element HTML knows is written in lower case, and so are its
 * attributes' names; every value stands in double quotes, an attribute written without one gets
 * an empty value ({@code checked=""}), an empty {@code id} and the {@code markdown} attribute are
 * left out, and an element without content ({@code <br>}, {@code <img>}, one closed in its own tag)
 * ends in {@code " />"}.
 */
final class KramdownTags {
    /** An XML name, as REXML's {@code UNAME_STR} reads one (a prefix allowed). */
    static final String NAME = "(?:[\\p{L}_][\\p{L}\\p{N}_.-]*:)?[\\p{L}_][\\p{L}\\p{N}_.-]*";
    /**
     * kramdown's {@code HTML_TAG_RE}: a whole opening tag, whose attributes may run over several
     * lines and whose bare values are word characters only ({@code src=a.png} makes it no tag).
     * Group 1 is the name, 2 the attributes, 4 the {@code /} of a tag closed in itself.
     */
    static final Pattern OPEN_TAG = Pattern.compile("<((?>" + NAME + "))\\s*((?>\\s+" + NAME
            + "(?:\\s*=\\s*(?:\\w+|([\"']).*?\\3))?)*)\\s*(/)?>", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    /** kramdown's {@code HTML_TAG_CLOSE_RE}. */
    static final Pattern CLOSE_TAG = Pattern.compile("</(" + NAME + ")\\s*>", Pattern.UNICODE_CHARACTER_CLASS);
    /** kramdown's {@code HTML_ATTRIBUTE_RE}: a name, then a bare value (group 2) or a quoted one (group 4). */
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*(" + NAME + ")(?:\\s*=\\s*(?:(\\w+)|([\"'])(.*?)\\3))?",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    /** A {@link CharacterReference} already written, which stays, or a character kramdown escapes in an attribute. */
    private static final Pattern ATTRIBUTE_ESCAPES = Pattern.compile(CharacterReference.PATTERN.pattern() + "|[<>&\"]");

    /** kramdown's {@code HTML_ELEMENTS_WITHOUT_BODY}: elements that never hold content. */
    static final Set<String> EMPTY = Set.of("area", "base", "br", "col", "command", "embed", "hr", "img", "input",
            "keygen", "link", "meta", "param", "source", "track", "wbr");

    /**
     * kramdown's {@code HTML_ELEMENT}: the names it knows as HTML, whose tags it writes in lower
     * case. Any other name ({@code <svg>}, {@code <video>}, a custom element) keeps its case.
     */
    private static final Set<String> KNOWN = Set.of("a", "abbr", "acronym", "address", "applet", "area", "article",
            "aside", "b", "base", "bdo", "big", "blockquote", "body", "br", "button", "caption", "cite", "code", "col",
            "colgroup", "command", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
            "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
            "main", "map", "mark", "math", "menu", "meta", "nav", "noscript", "object", "ol", "optgroup", "option",
            "p", "param", "pre", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "script", "section", "select",
            "small", "source", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "textarea",
            "tfoot", "th", "thead", "tr", "track", "tt", "u", "ul", "var", "wbr");
    /**
     * The most closing tags of each kind kept compiled ({@link #closing}, {@link #closingAnyCase}):
     * the names come from the pages, and a site names few, but a page could name any number.
     */
    private static final int MOST_KEPT = 1024;
    /** The closing tags matched in any case compiled so far, by the name written. */
    private static final Map<String, Pattern> CLOSING_ANY_CASE = new ConcurrentHashMap<>();
    /** The closing tags matched in the case written compiled so far, by the name written. */
    private static final Map<String, Pattern> CLOSING_AS_WRITTEN = new ConcurrentHashMap<>();

    /**
     * kramdown's elements of block content: {@code markdown="1"} reads their content as blocks.
     * On any other element it means what the element's content is: spans for a {@code <p>} or a
     * heading, raw HTML for a {@code <pre>}, a {@code <table>}, a list or an unknown element.
     */
    static final Set<String> BLOCK_CONTENT = Set.of("address", "applet", "article", "aside", "blockquote",
            "body", "dd", "details", "div", "dl", "fieldset", "figure", "figcaption", "footer", "form", "header",
            "hgroup", "iframe", "li", "main", "map", "menu", "nav", "noscript", "object", "section", "summary", "td");
    /**
     * kramdown's elements of span content: {@code markdown="1"} on them means
     * {@code markdown="span"} ({@code <p markdown="1">}, or {@code <em markdown="1">} inside raw HTML).
     */
    static final Set<String> SPAN_CONTENT = Set.of("a", "abbr", "acronym", "b", "bdo", "big", "button",
            "cite", "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label",
            "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span",
            "strong", "sub", "sup", "th", "tt");

    private KramdownTags() {
    }

    /** Whether {@code markdown="1"} on the element named {@code written} reads its content as blocks. */
    static boolean blockContent(String written) {
        return BLOCK_CONTENT.contains(written.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code markdown="1"} on the element named {@code written} reads its content as spans. */
    static boolean spanContent(String written) {
        return SPAN_CONTENT.contains(written.toLowerCase(Locale.ROOT));
    }

    /** The element's name as kramdown writes it: in lower case when HTML knows the element. */
    static String name(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return KNOWN.contains(lower) ? lower : written;
    }

    /** Whether HTML knows the element named {@code written}, in any case. */
    static boolean known(String written) {
        return KNOWN.contains(written.toLowerCase(Locale.ROOT));
    }

    /**
     * The closing tag of the element {@code name}, as {@link #name} writes it: in any case for an
     * element HTML knows, in the case written for any other. Each pattern is compiled once, as
     * pages close the same few elements again and again.
     */
    static Pattern closing(String name) {
        return KNOWN.contains(name) ? closingAnyCase(name) : kept(CLOSING_AS_WRITTEN, name, 0);
    }

    /** The closing tag of the element {@code written}, in any case (ASCII letters only, as kramdown's regexp). */
    static Pattern closingAnyCase(String written) {
        return kept(CLOSING_ANY_CASE, written, Pattern.CASE_INSENSITIVE);
    }

    /** The closing tag {@code </name>} compiled with {@code flags}, kept in {@code compiled} while it has room. */
    private static Pattern kept(Map<String, Pattern> compiled, String name, int flags) {
        Pattern pattern = compiled.get(name);
        if (pattern == null) {
            pattern = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", flags);
            if (compiled.size() < MOST_KEPT) {
                compiled.putIfAbsent(name, pattern);
            }
        }
        return pattern;
    }

    /**
     * Whether the opening tag at {@code at} in {@code text} opens an element whose content
     * kramdown may read as Markdown: a tag it reads ({@link #OPEN_TAG}; {@code id=a-1} makes none),
     * not closed in itself, of an element that holds content, and neither {@code script} nor
     * {@code style}, whose content it always keeps raw whatever their {@code markdown} attribute says.
     */
    static boolean opensMarkdownContent(CharSequence text, int at) {
        Matcher tag = OPEN_TAG.matcher(text).region(at, text.length());
        return tag.lookingAt() && !keptApart(tag);
    }

    /**
     * Whether the opening tag {@code tag} (a match of {@link #OPEN_TAG}) opens no content that
     * kramdown reads with the text around it: the tag closes in itself, or its element holds no
     * content ({@code <hr>}) or is a {@code script} or {@code style}, whose content stays raw.
     */
    static boolean keptApart(MatchResult tag) {
        String lower = tag.group(1).toLowerCase(Locale.ROOT);
        return !holdsContent(tag) || lower.equals("script") || lower.equals("style");
    }

    /**
     * Whether the opening tag {@code tag} (a match of {@link #OPEN_TAG}) opens an element with
     * content: kramdown reads none in one closed in its own tag ({@code <b/>}) nor in one of
     * {@link #EMPTY} ({@code <hr>}), whatever follows, and writes either as a tag alone.
     */
    static boolean holdsContent(MatchResult tag) {
        return tag.group(4) == null && !EMPTY.contains(tag.group(1).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name}, as {@link #name} writes it, is an element that never holds content. */
    static boolean empty(String name) {
        return EMPTY.contains(name);
    }

    /**
     * The attributes {@code written} in an opening tag of the element {@code name} (as
     * {@link #name} gives it), in order, as kramdown reads them: a name written twice keeps its
     * first place and its last value; {@code markdown} is left out. In a tag inside a paragraph
     * ({@code span}) the line breaks of a value are a space.
     */
    static Map<String, String> attributes(String name, CharSequence written, boolean span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (written.isEmpty()) {
            return attributes;
        }
        boolean known = KNOWN.contains(name);
        Matcher m = ATTRIBUTE.matcher(written);
        while (m.find()) {
            String attribute = known ? m.group(1).toLowerCase(Locale.ROOT) : m.group(1);
            String value = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : "";
            if (span && !value.isEmpty() && value.indexOf('\n') >= 0) {
                value = value.replaceAll("\n+", " ");
            }
            attributes.put(attribute, value);
        }
        attributes.remove("markdown");
        return attributes;
    }

    /**
     * {@code <name} and the attributes as kramdown writes them, each value in double quotes with
     * {@code <}, {@code >}, {@code &} and {@code "} escaped but references already written kept;
     * the caller ends the tag.
     */
    static StringBuilder start(String name, Map<String, String> attributes) {
        StringBuilder tag = new StringBuilder(16 + 16 * attributes.size()).append('<').append(name);
        attributes.forEach((attribute, value) -> {
            if (!attribute.equals("id") || !value.isBlank()) {
                tag.append(' ').append(attribute).append("=\"");
                appendEscaped(tag, value);
                tag.append('"');
            }
        });
        return tag;
    }

    /**
     * The opening tag {@code tag} matched ({@link #OPEN_TAG}) as kramdown writes it in a block of
     * raw HTML: an element without content, or closed in its tag, ends in {@code " />"}. kramdown
     * writes the tag alone only for an element whose content it keeps raw: one closed in its tag
     * whose content it would read as Markdown ({@code <p markdown="block"/>}) is written opened
     * and closed again, empty ({@code <p></p>}).
     */
    static String block(Matcher tag) {
        String name = name(tag.group(1));
        StringBuilder out = start(name, attributes(name, tag.group(2), false));
        if (holdsContent(tag)) {
            return out.append('>').toString();
        }
        boolean emptyMarkdown = !EMPTY.contains(name) && KramdownHtmlBlockParser.readsMarkdown(name, tag.group(2));
        return out.append(emptyMarkdown ? "></" + name + ">" : " />").toString();
    }

    /**
     * {@code value} as kramdown writes an attribute's value: {@code <}, {@code >}, {@code &} and
     * {@code "} escaped, but a {@link CharacterReference} already written kept.
     */
    static String escapedValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        appendEscaped(out, value);
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, String value) {
        Matcher m = ATTRIBUTE_ESCAPES.matcher(value);
        int at = 0;
        while (m.find()) {
            out.append(value, at, m.start());
            String found = m.group();
            out.append(switch (found) {
                case "<" -> "&lt;";
                case ">" -> "&gt;";
                case "&" -> "&amp;";
                case "\"" -> "&quot;";
                default -> found;
            });
            at = m.end();
        }
        out.append(value, at, value.length());
    }
}
