package org.sheaf.liquid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby Liquid reads {@code include.data-title} as a lookup of the key {@code data-title} (its
 * names may contain hyphens, and Jekyll's include parameters often do); Liqp's grammar stops at
 * the hyphen. Before parsing, such a segment of a dotted name is rewritten as the equivalent
 * {@code include["data-title"]}, only inside {@code {{ }}} and {@code {% %}} markup, outside
 * quoted strings and outside {@code raw} blocks.
 */
final class HyphenatedNames {
    private static final Pattern MARKUP = Pattern.compile(
            "(?s)" + RawBlock.PATTERN + "|\\{\\{.*?\\}\\}|\\{%.*?%\\}");
    private static final Pattern RAW = Pattern.compile("(?s)\\A\\{%-?\\s*raw\\b.*");
    /** A quoted string, or a dotted name with a hyphenated segment after the first dot. */
    private static final Pattern PART = Pattern.compile(
            "'[^']*'|\"[^\"]*\"|(?<![\\w.\\-\\]])[A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w-]*\\??)*\\.[A-Za-z_]\\w*-[\\w-]*\\w(?:\\.[A-Za-z_][\\w-]*)*");
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][\\w-]*)");

    private HyphenatedNames() {
    }

    static String rewrite(String template) {
        if (template.indexOf('-') < 0) {
            return template;
        }
        ClosedTags markup = ClosedTags.scan(MARKUP, template);
        StringBuilder out = new StringBuilder();
        while (markup.find()) {
            String text = markup.group();
            markup.appendReplacement(out, RAW.matcher(text).matches() ? text : inMarkup(text));
        }
        markup.appendTail(out);
        return out.toString();
    }

    private static String inMarkup(String markup) {
        Matcher part = PART.matcher(markup);
        StringBuilder out = new StringBuilder();
        while (part.find()) {
            String text = part.group();
            String replaced = text.startsWith("'") || text.startsWith("\"") ? text : bracketed(text);
            part.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        part.appendTail(out);
        return out.toString();
    }

    private static String bracketed(String name) {
        Matcher segment = SEGMENT.matcher(name);
        StringBuilder out = new StringBuilder();
        while (segment.find()) {
            String key = segment.group(1);
            segment.appendReplacement(out, Matcher.quoteReplacement(key.contains("-") ? "[\"" + key + "\"]" : "." + key));
        }
        segment.appendTail(out);
        return out.toString();
    }
}
