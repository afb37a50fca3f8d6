package org.sheaf.liquid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two tags Ruby's Liquid 5 added that Liqp does not know, written as what they stand for
 * before Liqp reads the text: {@code {% echo expr %}} is {@code {{ expr }}} (same length, so
 * positions stay the writer's), and {@code {% liquid %}} holds one tag per line, each written as
 * a tag of its own, the line breaks inside the tags, so nothing between the lines prints, as in
 * Ruby. Line breaks stay where they were, so lines stay the writer's; columns inside a {@code liquid} tag
 * shift by the tag delimiters added. {@code raw} blocks stay as they are.
 */
final class Liquid5Tags {
    private static final String RAW = RawBlock.PATTERN;
    private static final Pattern LIQUID = Pattern.compile(RAW + "|\\{%(-?)\\s*liquid\\b(.*?)(-?)%\\}", Pattern.DOTALL);
    private static final Pattern ECHO = Pattern.compile(RAW + "|\\{%(-?)(\\s*)echo\\b(.*?)(-?)%\\}", Pattern.DOTALL);

    private Liquid5Tags() {
    }

    static String rewrite(String text) {
        if (text.contains("liquid")) {
            text = liquid(text);
        }
        return text.contains("echo") ? echo(text) : text;
    }

    private static String liquid(String text) {
        ClosedTags m = ClosedTags.scan(LIQUID, text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.group(2) == null) {
                continue;
            }
            out.append(text, last, m.start());
            // each line a tag, the line breaks inside the tags, so no text lies between them
            List<String> tags = new ArrayList<>();
            StringBuilder breaks = new StringBuilder();
            for (String line : m.group(2).split("\n", -1)) {
                if (!line.isBlank()) {
                    tags.add(breaks + line.strip());
                    breaks.setLength(0);
                }
                breaks.append('\n');
            }
            breaks.setLength(Math.max(0, breaks.length() - 1));
            if (tags.isEmpty()) {
                tags.add(breaks + "comment %}{% endcomment");
                breaks.setLength(0);
            }
            for (int i = 0; i < tags.size(); i++) {
                out.append(i == 0 ? "{%" + m.group(1) : "{%").append(' ').append(tags.get(i)).append(' ');
                if (i == tags.size() - 1) {
                    out.append(breaks).append(m.group(3));
                }
                out.append("%}");
            }
            last = m.end();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static String echo(String text) {
        ClosedTags m = ClosedTags.scan(ECHO, text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.group(1) == null) {
                continue;
            }
            out.append(text, last, m.start()).append("{{").append(m.group(1)).append(m.group(2)).append("    ")
                    .append(m.group(3)).append(m.group(4)).append("}}");
            last = m.end();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
