package org.sheaf.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Entities;
import org.sheaf.jekyll.Html;

/**
 * An HTML fragment read and written again as libxml2's HTML 4 parser and serializer do, which is
 * what Ruby's Nokogiri makes of a page's body when a plugin (jekyll-mentions) edits it: the
 * HTML 4 elements are closed, nested and printed by libxml2's tables (a {@code <p>} ends at a
 * {@code <div>}, {@code <br />} prints as {@code <br>}, a list's items each start a line), the
 * elements HTML 4 does not know ({@code <section>}, {@code <svg>}) are kept as written with an end
 * tag, entities are decoded (HTML 4's named ones and numeric ones) and only {@code &}, {@code <} and
 * {@code >} are written as entities again, and {@code href} and {@code src} values are
 * percent-encoded.
 *
 * <p>Not thread-safe; one per fragment.
 */
final class Html4Fragment {
    /** A node of the tree: an element, text, or a comment. */
    abstract static sealed class Node permits Element, Text, Comment {
        Element parent;
    }

    static final class Element extends Node {
        final String name;
        /** Name and value pairs; the value is null for an attribute written without one. */
        final List<String[]> attributes = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Element(String name) {
            this.name = name;
        }

        void append(Node child) {
            child.parent = this;
            children.add(child);
        }
    }

    static final class Text extends Node {
        final String text;

        Text(String text) {
            this.text = text;
        }
    }

    static final class Comment extends Node {
        final String text;

        Comment(String text) {
            this.text = text;
        }
    }

    /** The elements libxml2 knows (HTML 4); others get no formatting and no special rules. */
    private static final Set<String> KNOWN = Set.of(("a abbr acronym address applet area b base basefont bdo big "
            + "blockquote body br button caption center cite code col colgroup dd del dfn dir div dl dt em embed "
            + "fieldset font form frame frameset h1 h2 h3 h4 h5 h6 head hr html i iframe img input ins isindex kbd "
            + "label legend li link map menu meta noframes noscript object ol optgroup option p param pre q s samp "
            + "script select small span strike strong style sub sup table tbody td textarea tfoot th thead title tr "
            + "tt u ul var").split(" "));
    private static final Set<String> VOID = Set.of(
            "area base basefont br col frame hr img input isindex link meta param".split(" "));
    private static final Set<String> INLINE = Set.of(("a abbr acronym applet b basefont bdo big br button cite "
            + "code del dfn em embed font i iframe img input ins kbd label map object q s samp script select small "
            + "span strike strong sub sup textarea tt u var").split(" "));
    /** Elements written without an end tag when empty. */
    private static final Set<String> NO_END_WHEN_EMPTY = Set.of(
            "area base basefont br col frame hr img input isindex li link meta param".split(" "));
    /** Attributes written without their value. */
    private static final Set<String> BOOLEAN = Set.of(
            "checked compact declare defer disabled ismap multiple nohref noresize noshade nowrap readonly selected"
                    .split(" "));
    /** For an open element, the start tags that close it first. */
    private static final Map<String, Set<String>> CLOSED_BY = Map.ofEntries(
            closedBy("a", "a fieldset table td th"),
            closedBy("address", "dd dl dt form li ul"),
            closedBy("b", "center p td th"),
            closedBy("big", "p"),
            closedBy("caption", "col colgroup tbody tfoot thead tr"),
            closedBy("colgroup", "colgroup tbody tfoot thead tr"),
            closedBy("dd", "dt"),
            closedBy("dir", "dd dl dt form ul"),
            closedBy("dl", "form li"),
            closedBy("dt", "dd dl"),
            closedBy("font", "center td th"),
            closedBy("form", "form"),
            closedBy("h1", "fieldset form li p table"),
            closedBy("h2", "fieldset form li p table"),
            closedBy("h3", "fieldset form li p table"),
            closedBy("h4", "fieldset form li p table"),
            closedBy("h5", "fieldset form li p table"),
            closedBy("h6", "fieldset form li p table"),
            closedBy("i", "center p td th"),
            closedBy("legend", "fieldset"),
            closedBy("li", "li"),
            closedBy("menu", "dd dl dt form ul"),
            closedBy("ol", "form ul"),
            closedBy("option", "optgroup option"),
            closedBy("p", "address blockquote caption center col colgroup dd dir div dl dt fieldset form h1 h2 h3 "
                    + "h4 h5 h6 hr li menu ol p pre table tbody td tfoot th tr ul"),
            closedBy("pre", "dd dl dt fieldset form li table ul"),
            closedBy("s", "p"),
            closedBy("small", "p"),
            closedBy("span", "td th"),
            closedBy("strike", "p"),
            closedBy("tbody", "tbody tfoot"),
            closedBy("td", "tbody td tfoot th tr"),
            closedBy("tfoot", "tbody"),
            closedBy("th", "tbody td tfoot th tr"),
            closedBy("thead", "tbody tfoot"),
            closedBy("tr", "tbody tfoot tr"),
            closedBy("tt", "p"),
            closedBy("u", "p td th"),
            closedBy("ul", "address form menu ol pre"));
    /** An end tag closes the elements open inside its element only up to these priorities (default 100). */
    private static final Map<String, Integer> END_PRIORITY = Map.ofEntries(Map.entry("div", 150),
            Map.entry("td", 160), Map.entry("th", 160), Map.entry("tr", 170), Map.entry("thead", 180),
            Map.entry("tbody", 180), Map.entry("tfoot", 180), Map.entry("table", 190), Map.entry("head", 200),
            Map.entry("body", 200), Map.entry("html", 220));

    private final String html;
    private int at;

    private Html4Fragment(String html) {
        this.html = html;
    }

    private static Map.Entry<String, Set<String>> closedBy(String open, String starts) {
        return Map.entry(open, Set.of(starts.split(" ")));
    }

    /** The fragment's nodes, under an element without a name that stands for the fragment. */
    static Element parse(String html) {
        return new Html4Fragment(html).read();
    }

    private Element read() {
        Element root = new Element(null);
        List<Element> open = new ArrayList<>(List.of(root));
        StringBuilder text = new StringBuilder();
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c != '<') {
                int next = html.indexOf('<', at);
                text.append(html, at, next < 0 ? html.length() : next);
                at = next < 0 ? html.length() : next;
                continue;
            }
            if (html.startsWith("<!--", at)) {
                flush(text, open);
                int end = html.indexOf("-->", at + 4);
                top(open).append(new Comment(html.substring(at + 4, end < 0 ? html.length() : end)));
                at = end < 0 ? html.length() : end + 3;
            } else if (html.startsWith("</", at) && at + 2 < html.length() && isLetter(html.charAt(at + 2))) {
                flush(text, open);
                int end = html.indexOf('>', at);
                String name = tagName(at + 2);
                at = end < 0 ? html.length() : end + 1;
                close(open, name);
            } else if (at + 1 < html.length() && isLetter(html.charAt(at + 1))) {
                flush(text, open);
                startTag(open);
            } else if (html.startsWith("<!", at) || html.startsWith("<?", at)) {
                flush(text, open);
                int end = html.indexOf('>', at);
                at = end < 0 ? html.length() : end + 1;
            } else {
                text.append(c);
                at++;
            }
        }
        flush(text, open);
        return root;
    }

    private void startTag(List<Element> open) {
        String name = tagName(at + 1);
        at += 1 + name.length();
        Element element = new Element(name);
        boolean selfClosed = readAttributes(element);
        if (name.equals("html") || name.equals("head") || name.equals("body")) {
            return; // a fragment's body has no second document around it
        }
        while (open.size() > 1 && CLOSED_BY.getOrDefault(top(open).name, Set.of()).contains(name)) {
            open.remove(open.size() - 1);
        }
        top(open).append(element);
        if (name.equals("script") || name.equals("style")) {
            int end = indexOfIgnoreCase("</" + name, at);
            int stop = end < 0 ? html.length() : end;
            if (stop > at) {
                element.append(new Text(html.substring(at, stop)));
            }
            at = stop;
            if (end >= 0) {
                int gt = html.indexOf('>', end);
                at = gt < 0 ? html.length() : gt + 1;
            }
        } else if (!VOID.contains(name) && !selfClosed) {
            open.add(element);
        }
    }

    /** Reads the attributes up to the tag's end; whether it ended with {@code />}, which closes any element. */
    private boolean readAttributes(Element element) {
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c == '>') {
                at++;
                return false;
            }
            if (c == '/' && at + 1 < html.length() && html.charAt(at + 1) == '>') {
                at += 2;
                return true;
            }
            if (Character.isWhitespace(c) || c == '/') {
                at++;
                continue;
            }
            int start = at;
            if (!isNameStart(c)) {
                // not an attribute name: skipped to the next space, as libxml2 recovers
                while (at < html.length() && !Character.isWhitespace(html.charAt(at)) && html.charAt(at) != '>') {
                    at++;
                }
                continue;
            }
            while (at < html.length() && (isNameStart(html.charAt(at)) || html.charAt(at) == '-'
                    || html.charAt(at) < 128 && Character.isDigit(html.charAt(at)))) {
                at++;
            }
            String name = html.substring(start, at).toLowerCase(Locale.ROOT);
            skipSpaces();
            String value = null;
            if (at < html.length() && html.charAt(at) == '=') {
                at++;
                skipSpaces();
                if (at < html.length() && (html.charAt(at) == '"' || html.charAt(at) == '\'')) {
                    char quote = html.charAt(at);
                    int end = html.indexOf(quote, at + 1);
                    value = html.substring(at + 1, end < 0 ? html.length() : end);
                    at = end < 0 ? html.length() : end + 1;
                } else {
                    int begin = at;
                    while (at < html.length() && !Character.isWhitespace(html.charAt(at)) && html.charAt(at) != '>') {
                        at++;
                    }
                    value = html.substring(begin, at);
                }
                value = decode(value);
            }
            String attribute = name;
            if (!name.isEmpty() && element.attributes.stream().noneMatch(a -> a[0].equals(attribute))) {
                element.attributes.add(new String[] {name, value});
            }
        }
        return false;
    }

    private void skipSpaces() {
        while (at < html.length() && Character.isWhitespace(html.charAt(at))) {
            at++;
        }
    }

    private String tagName(int from) {
        int end = from;
        while (end < html.length() && (Character.isLetterOrDigit(html.charAt(end)) || ":_-.".indexOf(html.charAt(end)) >= 0)) {
            end++;
        }
        return html.substring(from, end).toLowerCase(Locale.ROOT);
    }

    private int indexOfIgnoreCase(String needle, int from) {
        for (int i = from; i + needle.length() <= html.length(); i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** An end tag closes its element and those open inside it, unless one of those ranks above it. */
    private static void close(List<Element> open, String name) {
        int priority = END_PRIORITY.getOrDefault(name, 100);
        for (int i = open.size() - 1; i > 0; i--) {
            Element element = open.get(i);
            if (element.name.equals(name)) {
                open.subList(i, open.size()).clear();
                return;
            }
            if (END_PRIORITY.getOrDefault(element.name, 100) > priority) {
                return;
            }
        }
    }

    private static Element top(List<Element> open) {
        return open.get(open.size() - 1);
    }

    private static void flush(StringBuilder text, List<Element> open) {
        if (!text.isEmpty()) {
            top(open).append(new Text(decode(text.toString())));
            text.setLength(0);
        }
    }

    private static boolean isNameStart(char c) {
        return isLetter(c) || c == '_' || c == ':' || c == '.';
    }

    private static boolean isLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    /** Character references decoded: numeric ones, and HTML 4's named ones followed by {@code ;}. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (j < text.length() && text.charAt(j) == '#') {
                boolean hex = j + 1 < text.length() && (text.charAt(j + 1) == 'x' || text.charAt(j + 1) == 'X');
                int digits = hex ? j + 2 : j + 1;
                int k = digits;
                while (k < text.length() && Character.digit(text.charAt(k), hex ? 16 : 10) >= 0) {
                    k++;
                }
                if (k > digits) {
                    try {
                        int code = Integer.parseInt(text.substring(digits, k), hex ? 16 : 10);
                        if (Character.isValidCodePoint(code) && code != 0) {
                            out.appendCodePoint(code);
                            i = k < text.length() && text.charAt(k) == ';' ? k + 1 : k;
                            continue;
                        }
                    } catch (NumberFormatException e) {
                        // too long to be a character: kept as written
                    }
                }
                out.append(c);
                i++;
                continue;
            }
            int k = j;
            while (k < text.length() && Character.isLetterOrDigit(text.charAt(k)) && text.charAt(k) < 128) {
                k++;
            }
            String name = text.substring(j, k);
            if (k < text.length() && text.charAt(k) == ';' && Html.isHtml4Entity(name)) {
                out.append(name.equals("apos") ? "'" : Entities.getByName(name));
                i = k + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The nodes under {@code root} written as libxml2 writes HTML, with its line breaks. */
    static String render(Element root) {
        StringBuilder out = new StringBuilder();
        writeChildren(root, out);
        return out.toString();
    }

    private static void writeChildren(Element element, StringBuilder out) {
        List<Node> children = element.children;
        for (int i = 0; i < children.size(); i++) {
            write(children.get(i), i + 1 < children.size() ? children.get(i + 1) : null, out);
        }
    }

    /** One node, and the line break libxml2 puts after a block element followed by an element. */
    private static void write(Node node, Node next, StringBuilder out) {
        if (node instanceof Text text) {
            String parent = text.parent.name;
            out.append("script".equals(parent) || "style".equals(parent) ? text.text : escape(text.text));
            return;
        }
        if (node instanceof Comment comment) {
            out.append("<!--").append(comment.text).append("-->");
            return;
        }
        Element element = (Element) node;
        boolean known = KNOWN.contains(element.name);
        boolean formatted = known && !INLINE.contains(element.name);
        out.append('<').append(element.name);
        for (String[] attribute : element.attributes) {
            writeAttribute(element.name, attribute[0], attribute[1], out);
        }
        if (known && VOID.contains(element.name)) {
            out.append('>');
        } else if (element.children.isEmpty()) {
            out.append(known && NO_END_WHEN_EMPTY.contains(element.name) ? ">" : "></" + element.name + ">");
        } else {
            out.append('>');
            boolean breaks = formatted && element.children.size() > 1 && !element.name.startsWith("p");
            if (breaks && !(element.children.get(0) instanceof Text)) {
                out.append('\n');
            }
            writeChildren(element, out);
            if (breaks && !(element.children.get(element.children.size() - 1) instanceof Text)) {
                out.append('\n');
            }
            out.append("</").append(element.name).append('>');
        }
        Element parent = element.parent;
        if (formatted && parent.name != null && !parent.name.startsWith("p") && next != null && !(next instanceof Text)) {
            out.append('\n');
        }
    }

    private static void writeAttribute(String element, String name, String value, StringBuilder out) {
        out.append(' ').append(name);
        if (value == null || BOOLEAN.contains(name)) {
            return;
        }
        String written = escape(value);
        if (name.equals("href") || name.equals("action") || name.equals("src") || name.equals("name") && element.equals("a")) {
            written = uriEscape(written.stripLeading());
        }
        out.append('=');
        if (written.indexOf('"') < 0) {
            out.append('"').append(written).append('"');
        } else if (written.indexOf('\'') < 0) {
            out.append('\'').append(written).append('\'');
        } else {
            out.append('"').append(written.replace("\"", "&quot;")).append('"');
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }

    /** Bytes outside letters, digits and {@code -_.!~*'()@/:=?;#%&,+<>} as {@code %XX}, as libxml2 writes URIs. */
    private static String uriEscape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-_.!~*'()@/:=?;#%&,+<>".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Visits every text node outside the elements named in {@code skipped}, in document order. */
    static void eachText(Element element, Set<String> skipped, Consumer<Text> visit) {
        for (Node child : List.copyOf(element.children)) {
            if (child instanceof Text text) {
                visit.accept(text);
            } else if (child instanceof Element inner && !skipped.contains(inner.name)) {
                eachText(inner, skipped, visit);
            }
        }
    }

    /** Puts {@code replacements} where {@code text} was. */
    static void replace(Text text, List<Node> replacements) {
        Element parent = text.parent;
        int i = parent.children.indexOf(text);
        parent.children.remove(i);
        for (Node node : replacements) {
            node.parent = parent;
        }
        parent.children.addAll(i, replacements);
    }
}
