package org.sheaf.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML as the token stream the sitediff tool compares: tags with sorted attributes (class names
 * sorted too), text with whitespace collapsed, comments dropped, highlighter spans inside
 * {@code <pre>} unwrapped and the text there kept exactly.
 */
public final class HtmlTokens {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private HtmlTokens() {
    }

    public static List<String> of(String html) {
        List<String> tokens = new ArrayList<>();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            walk(node, tokens, 0);
        }
        return tokens;
    }

    /**
     * A whole HTML document as sitediff tokenizes it: read as a stream of tags and text, the way
     * Python's {@code html.parser} reads it, without building a tree (so nothing is moved or
     * added, unlike a browser parser). Tags carry sorted attributes, text is collapsed,
     * comments and the doctype are dropped, the {@code generator} meta tag is dropped, highlighter
     * spans inside {@code <pre>} are unwrapped, and JSON-LD scripts compare as data.
     */
    public static List<String> ofDocument(String html) {
        return new HtmlStream(html).tokens();
    }

    /** The first place where the two token streams differ, or null when they are equal. */
    public static String firstDifference(String expectedHtml, String actualHtml) {
        List<String> expected = of(expectedHtml);
        List<String> actual = of(actualHtml);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<end>";
            String a = i < actual.size() ? actual.get(i) : "<end>";
            if (!e.equals(a)) {
                List<String> before = expected.subList(Math.max(0, i - 3), Math.min(i, expected.size()));
                return "token " + i + " differs after " + before + "\n  expected: " + e + "\n  actual:   " + a;
            }
        }
        return null;
    }

    static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static void walk(Node node, List<String> tokens, int preDepth) {
        if (node instanceof TextNode text) {
            if (preDepth > 0) {
                appendTo(tokens, "#pre ", text.getWholeText(), false);
            } else {
                String collapsed = collapse(text.getWholeText());
                if (!collapsed.isEmpty()) {
                    appendTo(tokens, "#text ", collapsed, true);
                }
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        boolean unwrap = preDepth > 0 && tag.equals("span");
        int depth = preDepth + (tag.equals("pre") ? 1 : 0);
        if (!unwrap) {
            TreeMap<String, String> attributes = new TreeMap<>();
            for (Attribute attribute : element.attributes()) {
                String value = collapse(attribute.getValue());
                if (attribute.getKey().equals("class")) {
                    value = String.join(" ", new java.util.TreeSet<>(List.of(value.split(" "))));
                }
                attributes.put(attribute.getKey(), value);
            }
            StringBuilder start = new StringBuilder("<").append(tag);
            attributes.forEach((k, v) -> start.append(' ').append(k).append("=\"").append(v).append('"'));
            tokens.add(start.append('>').toString());
        }
        for (Node child : element.childNodes()) {
            walk(child, tokens, depth);
        }
        if (!unwrap && !VOID.contains(tag)) {
            tokens.add("</" + tag + ">");
        }
    }

    private static void appendTo(List<String> tokens, String kind, String text, boolean collapse) {
        int last = tokens.size() - 1;
        if (last >= 0 && tokens.get(last).startsWith(kind)) {
            String joined = tokens.get(last) + (collapse ? " " : "") + text;
            tokens.set(last, collapse ? kind + collapse(joined.substring(kind.length())) : joined);
        } else {
            tokens.add(kind + text);
        }
    }
}
