package org.sheaf.sass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a declaration whose value the stylesheet gave as plain CSS the way its author wrote it.
 * libsass, and so Jekyll 4.3, does not evaluate a static value (numbers, words, strings, colours,
 * commas and slashes: no variable, interpolation, function call or parentheses); it copies the
 * text, so {@code font-size: .8em} and {@code content: ''} reach the CSS as written. dart-sass
 * evaluates every value and writes {@code 0.8em} and {@code ""}. A value reached through a
 * variable, a mixin's argument or a function is evaluated by libsass too, and stays as dart-sass
 * writes it. A value that holds {@code calc()} is written as {@link CalcValues} says.
 *
 * <p>The source map says where each declaration in the CSS came from. A value is given back the
 * source's text only when the declaration there is of a property of the same name, its value on
 * one line, static, and the same value as dart-sass wrote token for token (numbers by value,
 * strings by their text with escapes read, everything else exactly). Each change is returned as a
 * {@link SourceMapShift.Edit}.
 */
final class StaticValues {
    /** The start of a source map's {@code sourcesContent} array, for {@link #strings}. */
    static final Pattern SOURCES_CONTENT = Pattern.compile("\"sourcesContent\"\\s*:\\s*\\[");
    /** A source map's {@code mappings}, its VLQ text in group 1. */
    static final Pattern MAPPINGS = Pattern.compile("\"mappings\"\\s*:\\s*\"([A-Za-z0-9+/,;]*)\"");
    /** The start of a source map's {@code sources} array, for {@link #strings}. */
    static final Pattern SOURCES = Pattern.compile("\"sources\"\\s*:\\s*\\[");
    /** A hex colour with an alpha channel, which dart-sass writes as {@code rgba()}, or as {@code #rgb} when opaque. */
    private static final Pattern ALPHA_HEX = Pattern.compile("#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{4})");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d*\\.\\d+|\\d+)([a-zA-Z%]*)");

    private StaticValues() {
    }

    /** Where a position of the CSS came from: a source's index, its line and column. */
    record Origin(int source, int line, int column) {
    }

    /**
     * The CSS with static values as written.
     *
     * @param css   dart-sass's expanded output
     * @param map   its source map's JSON, with the sources' contents
     * @param edits receives each change, at its offset in {@code css}
     */
    static String restored(String css, String map, List<SourceMapShift.Edit> edits) {
        List<String> contents = strings(map, SOURCES_CONTENT);
        List<String> urls = strings(map, SOURCES);
        Matcher mappings = MAPPINGS.matcher(map);
        if (contents.isEmpty() || !mappings.find()) {
            return css;
        }
        Map<Long, Origin> origins = origins(mappings.group(1));
        // where each source's lines start, read once per source (a map places many declarations in each)
        SourceLines sources = new SourceLines(contents);
        StringBuilder out = new StringBuilder(css.length());
        ArrayDeque<Boolean> blocks = new ArrayDeque<>();
        blocks.push(true);
        int copied = 0;
        int statement = 0;
        int line = 0;
        int lineStart = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*' || c == '"' || c == '\'') {
                int end = skipped(css, i);
                for (int k = i; k < end; k++) {
                    if (css.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '{') {
                blocks.push(blocks.peek() && AttributeQuotes.holdsRules(css.substring(statement, i)));
                statement = i + 1;
            } else if (c == '}') {
                if (blocks.size() > 1) {
                    blocks.pop();
                }
                statement = i + 1;
            } else if (c == ';') {
                statement = i + 1;
            } else if (c == ':' && !blocks.peek()) {
                String prelude = css.substring(statement, i);
                String name = prelude.strip();
                int nameStart = statement + prelude.indexOf(name);
                int valueStart = i + 1;
                while (valueStart < css.length() && css.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                int valueEnd = valueEnd(css, valueStart);
                if (!name.startsWith("--") && name.matches("[a-zA-Z-][a-zA-Z0-9_-]*") && valueEnd > valueStart) {
                    Origin origin = origins.get(key(line, nameStart - lineStart));
                    String value = css.substring(valueStart, valueEnd);
                    String source = origin == null || origin.source() >= contents.size() ? null
                            : contents.get(origin.source());
                    int at = source == null ? -1 : valueStart(source, sources.offset(origin), name);
                    boolean indented = origin != null && origin.source() < urls.size()
                            && ScssOutline.indented(urls.get(origin.source()));
                    String written = at < 0 ? null : written(source, at, indented);
                    if (written == null && at >= 0) {
                        written = CalcValues.written(source, at, value, indented);
                    } else if (written != null && !sameValue(written, value)) {
                        written = null;
                    }
                    if (written != null && !written.equals(value)) {
                        out.append(css, copied, valueStart).append(written);
                        edits.add(new SourceMapShift.Edit(valueStart, value.length(), written.length()));
                        copied = valueEnd;
                    }
                }
                for (int k = i; k < valueEnd; k++) {
                    if (css.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = valueEnd;
                continue;
            }
            i++;
        }
        return copied == 0 ? css : out.append(css, copied, css.length()).toString();
    }

    /** Where the value starting at {@code start} ends: its {@code ;} or {@code }}, outside strings and parentheses. */
    private static int valueEnd(String css, int start) {
        int depth = 0;
        int i = start;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                i = skipped(css, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth <= 0 && (c == ';' || c == '}' || c == '{')) {
                break;
            }
            i++;
        }
        int end = i;
        while (end > start && Character.isWhitespace(css.charAt(end - 1))) {
            end--;
        }
        // the white space that ends a hex escape (dart-sass's "auto\9 ") belongs to the value
        int digits = end;
        while (digits > start && end - digits < 6 && Character.digit(css.charAt(digits - 1), 16) >= 0) {
            digits--;
        }
        if (digits < end && digits > start && css.charAt(digits - 1) == '\\' && end < i) {
            end++;
        }
        return end;
    }

    /**
     * The value of the declaration of property {@code name} that the source wrote at offset
     * {@code at}, as libsass copies it when it is static; null when it is not static, or what is
     * there is not that declaration.
     */
    static String written(String source, int at, String name, boolean indented) {
        int start = valueStart(source, at, name);
        return start < 0 ? null : written(source, start, indented);
    }

    /**
     * The text of the value of the declaration of property {@code name} that the source wrote at
     * offset {@code at}, static or not, up to its end or its line's, its interpolations whole;
     * null when what is there is not that declaration.
     */
    static String writtenText(String source, int at, String name) {
        int start = valueStart(source, at, name);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < source.length() && ";}\n\r".indexOf(source.charAt(end)) < 0) {
            char c = source.charAt(end);
            end = c == '"' || c == '\'' ? skipped(source, end)
                    : c == '#' && source.startsWith("#{", end) ? ScssOutline.skip(source, end) : end + 1;
        }
        return source.substring(start, Math.min(end, source.length()));
    }

    /**
     * The text of the expression that starts at offset {@code at}: a variable's value up to its
     * {@code ;} or {@code !default}, or a mixin's argument, or a parameter's default value
     * ({@code $pl: 0.25rem} in {@code @mixin dot($pl: 0.25rem, $pr: 0.25rem)}), up to the
     * {@code ,} or {@code )} after it; null when {@code at} is not in the source.
     */
    static String expressionText(String source, int at) {
        if (at < 0 || at >= source.length()) {
            return null;
        }
        int before = at - 1;
        while (before >= 0 && Character.isWhitespace(source.charAt(before))) {
            before--;
        }
        if (before >= 0 && source.charAt(before) == ':') {
            // a named argument or a default value: what stands before its variable's name
            int name = before - 1;
            while (name >= 0 && Character.isWhitespace(source.charAt(name))) {
                name--;
            }
            while (name >= 0 && (Character.isLetterOrDigit(source.charAt(name)) || source.charAt(name) == '-'
                    || source.charAt(name) == '_')) {
                name--;
            }
            if (name >= 0 && source.charAt(name) == '$') {
                before = name - 1;
                while (before >= 0 && Character.isWhitespace(source.charAt(before))) {
                    before--;
                }
            }
        }
        boolean argument = before >= 0 && (source.charAt(before) == '(' || source.charAt(before) == ',');
        int depth = 0;
        int end = at;
        while (end < source.length()) {
            char c = source.charAt(end);
            if (c == '"' || c == '\'') {
                end = skipped(source, end);
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ';' || c == '!' || c == '{' || c == '}' || argument && c == ',')) {
                break;
            }
            end++;
        }
        return source.substring(at, end).strip();
    }

    private static int valueStart(String source, int at, String name) {
        if (at < 0 || !source.startsWith(name, at) || at > 0 && " \t\n\r{;".indexOf(source.charAt(at - 1)) < 0) {
            return -1;
        }
        at += name.length();
        while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
            at++;
        }
        if (at >= source.length() || source.charAt(at) != ':') {
            return -1;
        }
        at++;
        while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** The static value that starts at {@code at} in the source, or null when it is not static. */
    private static String written(String source, int at, boolean indented) {
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipped(source, i);
                String string = source.substring(i, end);
                if (string.contains("#{") || string.indexOf('\n') >= 0 || string.length() < 2
                        || string.charAt(string.length() - 1) != c) {
                    return null;
                }
                i = end;
                continue;
            }
            if (c == '\n' || c == '\r' || c == ';' || c == '}') {
                break;
            }
            if (c == '\\') {
                // an escape (the "\9" hack of old IE among them) is copied too; an escaped
                // character ends nothing, and a line break is no escape
                if (i + 1 >= source.length() || source.charAt(i + 1) == '\n' || source.charAt(i + 1) == '\r') {
                    return null;
                }
                i += 2;
                continue;
            }
            if (!staticCharacter(source, i)) {
                return null;
            }
            i++;
        }
        int end = i;
        if (i < source.length() && (source.charAt(i) == '\n' || source.charAt(i) == '\r') && !indented) {
            // A value that goes on past its line is joined by libsass: only one ended here is copied.
            int next = i;
            while (next < source.length() && Character.isWhitespace(source.charAt(next))) {
                next++;
            }
            if (next < source.length() && source.charAt(next) != '}' && source.charAt(next) != ';') {
                return null;
            }
        }
        String value = source.substring(at, end).stripTrailing();
        int bang = value.indexOf('!');
        if (bang >= 0 && !(value.endsWith(" !important") && bang == value.length() - "!important".length())) {
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /** Whether the character at {@code i}, outside strings, may stand in a value libsass copies. */
    private static boolean staticCharacter(String source, int i) {
        char c = source.charAt(i);
        if (Character.isLetterOrDigit(c) || c > 0x7F || " \t-_.,/%!+".indexOf(c) >= 0) {
            return !(c == '/' && i + 1 < source.length() && (source.charAt(i + 1) == '/' || source.charAt(i + 1) == '*'));
        }
        return c == '#' && !(i + 1 < source.length() && source.charAt(i + 1) == '{');
    }

    /** Whether two texts of a value are the same value: the same tokens, numbers compared by value, strings by text. */
    static boolean sameValue(String written, String evaluated) {
        List<String> a = withAlphaHexAsRgba(tokens(written));
        List<String> b = tokens(evaluated);
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            String x = a.get(k);
            String y = b.get(k);
            if (x.equals(y)) {
                continue;
            }
            Matcher nx = NUMBER.matcher(x);
            Matcher ny = NUMBER.matcher(y);
            if (nx.matches() && ny.matches()) {
                if (nx.group(2).equals(ny.group(2)) && number(x, nx).compareTo(number(y, ny)) == 0) {
                    continue;
                }
                return false;
            }
            if (x.indexOf('\\') >= 0 && y.indexOf('\\') >= 0 && x.charAt(0) != '"' && x.charAt(0) != '\''
                    && y.charAt(0) != '"' && y.charAt(0) != '\'') {
                // dart-sass writes a word's escape anew (auto\9 as "auto\9 "): the same word when read
                if (unescaped(x).equals(unescaped(y))) {
                    continue;
                }
                return false;
            }
            boolean quoted = (x.charAt(0) == '"' || x.charAt(0) == '\'') && (y.charAt(0) == '"' || y.charAt(0) == '\'');
            if (!quoted || !unescaped(x.substring(1, x.length() - 1)).equals(unescaped(y.substring(1, y.length() - 1)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code tokens} with each hex colour that has an alpha channel ({@code #1b1b1eba},
     * {@code #f008}) replaced by what dart-sass writes for it: the tokens of an {@code rgba()} whose
     * alpha is rounded to ten places, or, when that is opaque, the six digits without it in lower case. libsass
     * copies the hex as written.
     */
    private static List<String> withAlphaHexAsRgba(List<String> tokens) {
        if (tokens == null) {
            return null;
        }
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!ALPHA_HEX.matcher(token).matches()) {
                out.add(token);
                continue;
            }
            String hex = (token.length() == 5 ? token.substring(1).replaceAll("(.)", "$1$1") : token.substring(1))
                    .toLowerCase(Locale.ROOT);
            int[] channels = new int[4];
            for (int c = 0; c < 4; c++) {
                channels[c] = Integer.parseInt(hex, 2 * c, 2 * c + 2, 16);
            }
            if (channels[3] == 255) {
                out.add("#" + hex.substring(0, 6));
                continue;
            }
            String alpha = BigDecimal.valueOf(channels[3]).divide(BigDecimal.valueOf(255), 10, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            out.addAll(tokens("rgba(" + channels[0] + ", " + channels[1] + ", " + channels[2] + ", " + alpha + ")"));
        }
        return out;
    }

    /** A string's text with its CSS escapes read: a hex code point and one space after it, or the character escaped. */
    private static String unescaped(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && end < i + 7 && Character.digit(text.charAt(end), 16) >= 0) {
                end++;
            }
            if (end == i + 1) {
                out.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            int code = Integer.parseInt(text, i + 1, end, 16);
            out.appendCodePoint(code == 0 || code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : code);
            i = end < text.length() && Character.isWhitespace(text.charAt(end)) ? end + 1 : end;
        }
        return out.toString();
    }

    private static BigDecimal number(String token, Matcher m) {
        String digits = token.substring(0, m.start(2));
        return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /** A value's tokens without whitespace: strings whole, numbers with their unit, words, single signs; null for a bad string. */
    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = skipped(value, i);
                if (end - i < 2 || value.charAt(end - 1) != c) {
                    return null;
                }
                tokens.add(value.substring(i, end));
                i = end;
            } else if (c == ',' || c == '/') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < value.length() && (end == i || !Character.isWhitespace(value.charAt(end))
                        && ",/\"'".indexOf(value.charAt(end)) < 0)) {
                    end = value.charAt(end) == '\\' ? escapeEnd(value, end) : end + 1;
                }
                tokens.add(value.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    /** Where the escape at {@code at} ends: after its hex digits and one white space that ends them, or its one character. */
    private static int escapeEnd(String text, int at) {
        int end = at + 1;
        while (end < text.length() && end < at + 7 && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == at + 1) {
            return Math.min(at + 2, text.length());
        }
        return end < text.length() && Character.isWhitespace(text.charAt(end)) ? end + 1 : end;
    }

    /** Where the comment or string at {@code at} ends. */
    static int skipped(String text, int at) {
        char c = text.charAt(at);
        if (c == '/') {
            int end = text.indexOf("*/", at + 2);
            return end < 0 ? text.length() : end + 2;
        }
        int i = at + 1;
        while (i < text.length()) {
            char d = text.charAt(i);
            if (d == '\\') {
                i += 2;
            } else if (d == c || d == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    static long key(int line, int column) {
        return (long) line << 32 | column;
    }

    /** The first origin given for each generated position of the mappings. */
    static Map<Long, Origin> origins(String mappings) {
        Map<Long, Origin> origins = new HashMap<>();
        SourceMapShift.segments(mappings, (line, fields, values) -> {
            if (fields >= 4) {
                origins.putIfAbsent(key(line, values[0]), new Origin(values[1], values[2], values[3]));
            }
        });
        return origins;
    }

    /**
     * The text of each source the map names: its content in the map, or where the map holds none,
     * the stylesheet the compilation read by that URL (empty when it read none).
     */
    static List<String> sourceTexts(String map, List<String> urls, Map<String, String> stylesheets) {
        List<String> contents = new ArrayList<>(strings(map, SOURCES_CONTENT));
        while (contents.size() < urls.size()) {
            contents.add("");
        }
        for (int s = 0; s < urls.size(); s++) {
            if (contents.get(s).isEmpty()) {
                contents.set(s, stylesheets.getOrDefault(urls.get(s), ""));
            }
        }
        return contents;
    }

    /** The JSON strings of the array that {@code start} finds in the map; null entries are empty. */
    static List<String> strings(String map, Pattern start) {
        Matcher m = start.matcher(map);
        List<String> values = new ArrayList<>();
        if (!m.find()) {
            return values;
        }
        int i = m.end();
        while (i < map.length()) {
            char c = map.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == 'n' && map.startsWith("null", i)) {
                values.add("");
                i += 4;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < map.length() && map.charAt(i) != '"') {
                    char d = map.charAt(i);
                    if (d == '\\' && i + 1 < map.length()) {
                        char e = map.charAt(i + 1);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 't' -> value.append('\t');
                            case 'r' -> value.append('\r');
                            case 'b' -> value.append('\b');
                            case 'f' -> value.append('\f');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(map.substring(i + 2, i + 6), 16));
                                i += 4;
                            }
                            default -> value.append(e);
                        }
                        i += 2;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                values.add(value.toString());
                i++;
            } else {
                i++;
            }
        }
        return values;
    }
}
