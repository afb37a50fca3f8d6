package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gives attribute selectors back the quotes their stylesheets wrote: dart-sass writes
 * {@code input[type="button"]} as {@code input[type=button]} whenever the value is an identifier,
 * where libsass, and so Jekyll 4.3, keeps the selector as written.
 *
 * <p>The stylesheets the page compiled from are read with a small CSS tokenizer (comments and
 * strings skipped) for each attribute selector and how its value was written. An unquoted value
 * in the output gets quotes only when every selector with that attribute, operator and value in
 * those stylesheets quoted it, all with the same quote. One written both ways (Chirpy's
 * {@code &[scroll-focus="true"]} and {@code sup[scroll-focus=true]}) is written as the rule the
 * source map places the selector at wrote it, when that rule's selector holds it one way only;
 * else, or produced by interpolation, it stays as dart-sass wrote it. In the output only selectors are touched (never a
 * declaration, a string, a comment or an at-rule's prelude), and each change is returned as a
 * {@link SourceMapShift.Edit} so the source map's columns follow.
 */
final class AttributeQuotes {
    /** At-rules whose blocks hold rules (with selectors), not declarations. */
    private static final Set<String> RULE_BLOCKS = Set.of("media", "supports", "document", "layer", "container",
            "scope", "starting-style", "-moz-document");
    /** Written both ways, or with either quote: no quote is restored. */
    private static final char MIXED = '?';

    private AttributeQuotes() {
    }

    /** One attribute selector: its name, its operator and its value, unquoted. */
    private record Attribute(String name, String operator, String value) {
    }

    /**
     * The CSS with quotes restored.
     *
     * @param css     dart-sass's output
     * @param sources the texts of the stylesheets it was compiled from (SCSS, Sass or CSS)
     * @param map     the source map of {@code css}, with its sources' contents, asked for only
     *                when an attribute selector was written both ways; null when there is none
     * @param edits   receives each change, at its offset in {@code css}
     */
    static String restored(String css, List<String> sources, Supplier<String> map,
            List<SourceMapShift.Edit> edits) {
        if (css.indexOf('[') < 0) {
            return css;
        }
        Map<Attribute, Character> quotes = new HashMap<>();
        for (String source : sources) {
            if (source.indexOf('[') >= 0) {
                collect(source, quotes);
            }
        }
        if (quotes.values().stream().noneMatch(q -> q != 0)) {
            return css;
        }
        RuleQuotes rules = new RuleQuotes(css, map);
        return inSelectors(css, '[', (at, out) -> restore(css, at, quotes, rules, out, edits));
    }

    /**
     * How the rule a selector of the output came from wrote its attribute selectors, read through
     * the source map: the rule's selector in its stylesheet, up to its {@code {}.
     */
    private static final class RuleQuotes {
        private final String css;
        private final Supplier<String> map;
        private Map<Long, StaticValues.Origin> origins;
        private List<String> contents;
        private int[] lineStarts;
        /** The sources the rules came from, with where their lines start once looked at. */
        private SourceLines sources;

        RuleQuotes(String css, Supplier<String> map) {
            this.css = css;
            this.map = map;
        }

        /** The quote the rule of the selector holding {@code open} wrote the attribute with, or {@link #MIXED}. */
        char quoteAt(int open, Attribute attribute) {
            if (map == null) {
                return MIXED;
            }
            if (origins == null) {
                String json = map.get();
                java.util.regex.Matcher mappings = json == null ? null : StaticValues.MAPPINGS.matcher(json);
                boolean found = mappings != null && mappings.find();
                origins = found ? StaticValues.origins(mappings.group(1)) : Map.of();
                contents = found ? StaticValues.strings(json, StaticValues.SOURCES_CONTENT) : List.of();
                sources = new SourceLines(contents);
                lineStarts = MediaBreaks.lineStarts(css);
            }
            int start = open;
            while (start > 0 && "{};".indexOf(css.charAt(start - 1)) < 0) {
                start--;
            }
            // past the white space and comments before the rule
            while (start < open && (Character.isWhitespace(css.charAt(start)) || css.startsWith("/*", start))) {
                int comment = css.startsWith("/*", start) ? css.indexOf("*/", start + 2) : -1;
                start = comment >= 0 ? comment + 2 : start + 1;
            }
            StaticValues.Origin origin = MediaBreaks.origin(origins, lineStarts, start);
            if (origin == null || origin.source() >= contents.size()) {
                return MIXED;
            }
            String source = contents.get(origin.source());
            int at = sources.offset(origin);
            if (at < 0) {
                return MIXED;
            }
            Map<Attribute, Character> written = new HashMap<>();
            collect(source.substring(at, preludeEnd(source, at)), written);
            Character quote = written.get(attribute);
            return quote == null ? MIXED : quote;
        }

        /** Where the selector starting at {@code at} ends: its block's brace, past strings and interpolations. */
        private static int preludeEnd(String source, int at) {
            int i = at;
            while (i < source.length()) {
                int skip = skipped(source, i, true);
                if (skip > i) {
                    i = skip;
                } else if (source.startsWith("#{", i)) {
                    int close = source.indexOf('}', i);
                    i = close < 0 ? source.length() : close + 1;
                } else if (source.charAt(i) == '{' || source.charAt(i) == ';' || source.charAt(i) == '}') {
                    return i;
                } else {
                    i++;
                }
            }
            return i;
        }
    }

    /** Writes selector text anew from where it is offered. */
    interface SelectorRewrite {
        /** Appends to {@code out} the text from {@code at} anew and returns where that text ends, or returns {@code at} to leave it. */
        int rewrite(int at, StringBuilder out);
    }

    /**
     * {@code css} with {@code rewrite} offered each {@code trigger} character of a selector, never
     * one in an at-rule's prelude, a declaration, a string or a comment.
     */
    static String inSelectors(String css, char trigger, SelectorRewrite rewrite) {
        StringBuilder out = new StringBuilder(css.length() + 16);
        // blocks: true for one holding rules (the top level, @media), false for declarations
        ArrayDeque<Boolean> blocks = new ArrayDeque<>();
        blocks.push(true);
        int preludeStart = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            int skip = skipped(css, i, false);
            if (skip > i) {
                out.append(css, i, skip);
                if (css.substring(preludeStart, i).isBlank()) {
                    // a comment before a rule is not part of its prelude
                    preludeStart = skip;
                }
                i = skip;
                continue;
            }
            boolean rules = blocks.peek();
            if (c == '{') {
                blocks.push(rules && holdsRules(css.substring(preludeStart, i)));
                preludeStart = i + 1;
            } else if (c == '}') {
                if (blocks.size() > 1) {
                    blocks.pop();
                }
                preludeStart = i + 1;
            } else if (c == ';') {
                preludeStart = i + 1;
            } else if (c == trigger && rules && !css.substring(preludeStart, i).stripLeading().startsWith("@")) {
                int end = rewrite.rewrite(i, out);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Whether a block with this prelude holds rules: a selector's holds declarations. */
    static boolean holdsRules(String prelude) {
        String p = prelude.strip();
        if (!p.startsWith("@")) {
            return false;
        }
        int end = 1;
        while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end)) || p.charAt(end) == '-')) {
            end++;
        }
        String name = p.substring(1, end).toLowerCase(java.util.Locale.ROOT);
        return RULE_BLOCKS.contains(name) || name.endsWith("keyframes");
    }

    /**
     * Reads the attribute selector at {@code open} in the output; when its value is unquoted, or
     * in double quotes, and the sources quoted it otherwise ({@code [href^='http://']}, which
     * dart-sass writes with double quotes), appends it with their quotes and returns where it
     * ends, else returns {@code open}.
     */
    private static int restore(String css, int open, Map<Attribute, Character> quotes, RuleQuotes rules,
            StringBuilder out, List<SourceMapShift.Edit> edits) {
        Selector s = Selector.read(css, open);
        if (s == null || s.quote == '\'' || s.attribute.value().indexOf('\'') >= 0) {
            return open;
        }
        Character quote = quotes.get(s.attribute);
        if (quote != null && quote == MIXED) {
            quote = rules.quoteAt(open, s.attribute);
        }
        if (quote == null || quote == 0 || quote == MIXED || quote == s.quote) {
            return open;
        }
        out.append(css, open, s.valueStart).append(quote).append(s.attribute.value()).append(quote)
                .append(css, s.valueEnd, s.end);
        if (s.quote == 0) {
            // a quote changed for another moves nothing
            edits.add(new SourceMapShift.Edit(s.valueStart, s.valueEnd - s.valueStart, s.valueEnd - s.valueStart + 2));
        }
        return s.end;
    }

    /** Every attribute selector of a stylesheet's text, with the quote its value was written with (0 for none). */
    private static void collect(String source, Map<Attribute, Character> quotes) {
        int i = 0;
        while (i < source.length()) {
            int skip = skipped(source, i, true);
            if (skip > i) {
                i = skip;
                continue;
            }
            if (source.charAt(i) == '[') {
                Selector s = Selector.read(source, i);
                if (s != null) {
                    quotes.merge(s.attribute, s.quote, (a, b) -> a.equals(b) ? a : MIXED);
                    i = s.end;
                    continue;
                }
            }
            i++;
        }
    }

    /**
     * Where the comment or string at {@code at} ends, or {@code at} when none starts there; with
     * {@code lineComments}, Sass's {@code //} comments too (not in a {@code url(}, which this
     * tokenizer never needs to read: an attribute selector holds none).
     */
    static int skipped(String text, int at, boolean lineComments) {
        char c = text.charAt(at);
        if (c == '/' && at + 1 < text.length()) {
            if (text.charAt(at + 1) == '*') {
                int end = text.indexOf("*/", at + 2);
                return end < 0 ? text.length() : end + 2;
            }
            if (lineComments && text.charAt(at + 1) == '/' && (at == 0 || text.charAt(at - 1) != ':')) {
                int end = text.indexOf('\n', at);
                return end < 0 ? text.length() : end;
            }
        }
        if (c == '"' || c == '\'') {
            return StaticValues.skipped(text, at);
        }
        return at;
    }

    /**
     * An attribute selector with a value, {@code [name op value flag]}: the value an identifier or
     * a string without escapes or interpolation, else not read.
     */
    private record Selector(Attribute attribute, char quote, int valueStart, int valueEnd, int end) {
        static Selector read(String text, int open) {
            int i = spaces(text, open + 1);
            int nameStart = i;
            while (i < text.length() && identifier(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return null;
            }
            String name = text.substring(nameStart, i);
            i = spaces(text, i);
            int opStart = i;
            if (i < text.length() && "~|^$*".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '=') {
                return null;
            }
            i++;
            String operator = text.substring(opStart, i);
            i = spaces(text, i);
            int valueStart = i;
            char quote = 0;
            String value;
            if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                quote = text.charAt(i);
                int close = text.indexOf(quote, i + 1);
                if (close < 0) {
                    return null;
                }
                value = text.substring(i + 1, close);
                if (value.indexOf('\\') >= 0 || value.contains("#{") || value.indexOf('\n') >= 0) {
                    return null;
                }
                i = close + 1;
            } else {
                while (i < text.length() && identifier(text.charAt(i))) {
                    i++;
                }
                value = text.substring(valueStart, i);
                if (value.isEmpty()) {
                    return null;
                }
            }
            int valueEnd = i;
            i = spaces(text, i);
            if (i < text.length() && "iIsS".indexOf(text.charAt(i)) >= 0) {
                i = spaces(text, i + 1);
            }
            if (i >= text.length() || text.charAt(i) != ']') {
                return null;
            }
            return new Selector(new Attribute(name, operator, value), quote, valueStart, valueEnd, i + 1);
        }

        private static int spaces(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean identifier(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c > 0x7F;
        }
    }
}
