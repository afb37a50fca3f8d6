package org.sheaf.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * sitediff's {@code Canon}: reads HTML as a stream of start tags, end tags and text (as Python's
 * {@code html.parser} does) and turns it into comparable tokens. Not thread-safe; one per document.
 */
final class HtmlStream {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z][^\\t\\n\\r\\f />\\x00]*");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?:\\s|/(?!>))*([^\\s/>][^\\s/=>]*)(\\s*=+\\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\\s]*))?");
    private static final Pattern TAG_END = Pattern.compile("(?:\\s|/(?!>))*(/?)>");

    private final String html;
    private final List<String> tokens = new ArrayList<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private int preDepth;
    private String scriptType;
    private final StringBuilder script = new StringBuilder();

    HtmlStream(String html) {
        this.html = html;
    }

    List<String> tokens() {
        int i = 0;
        int n = html.length();
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                text(Parser.unescapeEntities(html.substring(i), false));
                break;
            }
            if (lt > i) {
                text(Parser.unescapeEntities(html.substring(i, lt), false));
            }
            i = markup(lt);
        }
        while (!stack.isEmpty()) {
            tokens.add("</" + stack.pop() + ">");
        }
        return tokens;
    }

    /** Reads the markup starting at {@code <} at {@code at}; returns where reading goes on. */
    private int markup(int at) {
        if (html.startsWith("<!--", at)) {
            int end = html.indexOf("-->", at + 4);
            return end < 0 ? html.length() : end + 3;
        }
        if (html.startsWith("<!", at) || html.startsWith("<?", at)) {
            int end = html.indexOf('>', at);
            return end < 0 ? html.length() : end + 1;
        }
        if (html.startsWith("</", at)) {
            int end = html.indexOf('>', at);
            if (end < 0) {
                text(html.substring(at));
                return html.length();
            }
            Matcher name = TAG_NAME.matcher(html).region(at + 2, end);
            if (name.lookingAt()) {
                endTag(name.group().toLowerCase(Locale.ROOT));
            }
            return end + 1;
        }
        Matcher name = TAG_NAME.matcher(html).region(at + 1, html.length());
        if (!name.lookingAt()) {
            text("<");
            return at + 1;
        }
        List<String[]> attributes = new ArrayList<>();
        int i = name.end();
        Matcher end = TAG_END.matcher(html);
        Matcher attribute = ATTRIBUTE.matcher(html);
        while (!end.region(i, html.length()).lookingAt()) {
            if (!attribute.region(i, html.length()).lookingAt()) {
                text(html.substring(at, i));
                return i;
            }
            String value = attribute.group(3) == null ? "" : attribute.group(3);
            if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                    || value.startsWith("\"") && value.endsWith("\""))) {
                value = value.substring(1, value.length() - 1);
            }
            attributes.add(new String[] {attribute.group(1).toLowerCase(Locale.ROOT),
                Parser.unescapeEntities(value, true)});
            i = attribute.end();
        }
        String tag = name.group().toLowerCase(Locale.ROOT);
        startTag(tag, attributes);
        boolean selfClosing = !end.group(1).isEmpty();
        if (selfClosing && !VOID.contains(tag) && tag.equals(stack.peek())) {
            endTag(tag);
        }
        int after = end.end();
        if (!selfClosing && (tag.equals("script") || tag.equals("style"))) {
            return rawText(tag, after);
        }
        return after;
    }

    /** Script and style content is read as it is, up to the closing tag. */
    private int rawText(String tag, int from) {
        Matcher close = Pattern.compile("</" + tag, Pattern.CASE_INSENSITIVE).matcher(html);
        int end = close.find(from) ? close.start() : html.length();
        if (end > from) {
            text(html.substring(from, end));
        }
        return end;
    }

    private void startTag(String tag, List<String[]> attributes) {
        Map<String, String> byName = new TreeMap<>();
        attributes.forEach(a -> byName.putIfAbsent(a[0], a[1]));
        if (tag.equals("meta") && "generator".equals(byName.get("name"))) {
            return;
        }
        if (preDepth > 0 && tag.equals("span")) {
            return;
        }
        if (tag.equals("pre")) {
            preDepth++;
        }
        if (tag.equals("script")) {
            scriptType = byName.getOrDefault("type", "");
            script.setLength(0);
        }
        List<String> normal = new ArrayList<>();
        for (String[] a : attributes) {
            String value = HtmlTokens.collapse(a[1]);
            if (a[0].equals("class")) {
                value = String.join(" ", value.isEmpty() ? List.of() : List.of(value.split(" ")).stream().sorted().toList());
            }
            normal.add(" " + a[0] + "=\"" + value + "\"");
        }
        normal.sort(null);
        tokens.add("<" + tag + String.join("", normal) + ">");
        if (!VOID.contains(tag)) {
            stack.push(tag);
        }
    }

    private void endTag(String tag) {
        if (VOID.contains(tag) || preDepth > 0 && tag.equals("span")) {
            return;
        }
        if (tag.equals("script") && scriptType != null) {
            flushScript();
        }
        if (tag.equals("pre") && preDepth > 0) {
            preDepth--;
        }
        if (stack.contains(tag)) {
            while (!stack.isEmpty()) {
                String top = stack.pop();
                tokens.add("</" + top + ">");
                if (top.equals(tag)) {
                    break;
                }
            }
        }
    }

    private void flushScript() {
        String body = script.toString();
        if (scriptType.equals("application/ld+json")) {
            try {
                body = JsonCanon.canonical(body);
            } catch (IllegalArgumentException e) {
                body = HtmlTokens.collapse(body);
            }
        } else {
            body = HtmlTokens.collapse(body);
        }
        if (!body.isEmpty()) {
            tokens.add("#script " + body);
        }
        scriptType = null;
        script.setLength(0);
    }

    private void text(String data) {
        if (scriptType != null) {
            script.append(data);
            return;
        }
        if (preDepth > 0) {
            // inside <pre> whitespace matters, but highlighter spans were dropped, so adjacent
            // pieces are joined before comparing
            int last = tokens.size() - 1;
            if (last >= 0 && tokens.get(last).startsWith("#pre ")) {
                tokens.set(last, tokens.get(last) + data);
            } else {
                tokens.add("#pre " + data);
            }
            return;
        }
        String collapsed = HtmlTokens.collapse(data);
        if (!collapsed.isEmpty()) {
            int last = tokens.size() - 1;
            if (last >= 0 && tokens.get(last).startsWith("#text ")) {
                tokens.set(last, "#text " + HtmlTokens.collapse(tokens.get(last).substring(6) + " " + collapsed));
            } else {
                tokens.add("#text " + collapsed);
            }
        }
    }
}
