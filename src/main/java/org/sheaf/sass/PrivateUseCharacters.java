package org.sheaf.sass;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private-use characters (U+E000 to U+F8FF, and the planes from U+F0000 on, where icon fonts put
 * their glyphs) written as libsass writes them. dart-sass's expanded style writes every one of
 * them in a string or a word as an escape ({@code "\f0eb"}). libsass reads the escapes of a quoted
 * string when it reads the stylesheet, and writes the string Sass evaluated with the character
 * itself ({@code content: $icon} with {@code $icon: "\f0eb"}, Chirpy's prompts, Font Awesome 4's
 * variables); it keeps the escape of an unquoted word as written ({@code $icon: \f26e}, Font
 * Awesome 5's variables, whose {@code content} is {@code "\f26e"}).
 *
 * <p>dart-sass reads both spellings as the character, so which one a character of the CSS came
 * from is told by the stylesheets: a character that they write only in quoted strings, or as
 * itself, is written as itself; one they also (or only) write as an escape in a word keeps
 * dart-sass's escape. Comments and custom properties, which both compilers write as the
 * stylesheet wrote them, are left alone, and a static value, which libsass copies as written, is
 * put back afterwards ({@link StaticValues}), its escapes with it.
 */
final class PrivateUseCharacters {
    /** An escape of a private-use character as dart-sass writes one: lower-case hex, and the space that ends it when it must. */
    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\(e[0-9a-f]{3}|f[0-8][0-9a-f]{2}|f[0-9a-f]{4}|10[0-9a-f]{4})(?![0-9a-f]) ?");
    /** A custom property's name where a declaration starts: its value is the stylesheet's text. */
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("(?<=^|[{;]\\s{0,80})--[\\w-]*\\s*:", Pattern.MULTILINE);

    private PrivateUseCharacters() {
    }

    /**
     * The CSS with the escapes that libsass writes as the characters written so.
     *
     * @param css     dart-sass's expanded CSS
     * @param sources the text of every stylesheet the page read, the page's own too
     * @param edits   receives each change, at its offset in {@code css}
     */
    static String restored(String css, List<String> sources, List<SourceMapShift.Edit> edits) {
        Matcher escape = ESCAPE.matcher(css);
        if (!escape.find()) {
            return css;
        }
        Set<Integer> quoted = new HashSet<>();
        Set<Integer> unquotedEscapes = new HashSet<>();
        for (String source : sources) {
            read(source, quoted, unquotedEscapes);
        }
        quoted.removeAll(unquotedEscapes);
        if (quoted.isEmpty()) {
            return css;
        }
        StringBuilder out = new StringBuilder(css.length());
        int copied = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (c == '-' && css.startsWith("--", i) && customPropertyAt(css, i)) {
                i = valueEnd(css, i);
            } else if (c == '\\' && escape.region(i, css.length()).lookingAt()) {
                int code = Integer.parseInt(escape.group(1), 16);
                if (quoted.contains(code)) {
                    out.append(css, copied, i).appendCodePoint(code);
                    edits.add(new SourceMapShift.Edit(i, escape.end() - i, Character.charCount(code)));
                    copied = escape.end();
                }
                i = escape.end();
            } else {
                i += c == '\\' ? 2 : 1;
            }
        }
        return copied == 0 ? css : out.append(css, copied, css.length()).toString();
    }

    /**
     * Adds the private-use characters a stylesheet writes in quoted strings or as themselves to
     * {@code quoted}, and those it writes as escapes outside strings to {@code unquotedEscapes};
     * comments, SCSS's and the indented syntax's, are passed over.
     */
    private static void read(String source, Set<Integer> quoted, Set<Integer> unquotedEscapes) {
        char quote = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (quote == 0 && c == '/' && source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (quote == 0 && c == '/' && source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (c == '\\') {
                int end = i + 1;
                while (end < source.length() && end < i + 7 && Character.digit(source.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end > i + 1) {
                    int code = Integer.parseInt(source, i + 1, end, 16);
                    if (privateUse(code)) {
                        (quote == 0 ? unquotedEscapes : quoted).add(code);
                    }
                }
                i = Math.max(end, i + 2);
            } else {
                int code = source.codePointAt(i);
                if (privateUse(code)) {
                    quoted.add(code);
                } else if (c == '"' || c == '\'') {
                    quote = quote == 0 ? c : quote == c ? 0 : quote;
                } else if (c == '\n' && quote != 0) {
                    quote = 0;
                }
                i += Character.charCount(code);
            }
        }
    }

    /** Whether a custom property's declaration starts at {@code at}. */
    private static boolean customPropertyAt(String css, int at) {
        Matcher m = CUSTOM_PROPERTY.matcher(css);
        m.region(at, css.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt();
    }

    /** Where the declaration whose name starts at {@code at} ends: its {@code ;}, or the {@code }} of its block. */
    private static int valueEnd(String css, int at) {
        int depth = 0;
        int i = at;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                i = StaticValues.skipped(css, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Whether a code point is one dart-sass's expanded style escapes as private use. */
    private static boolean privateUse(int code) {
        return code >= 0xE000 && code <= 0xF8FF || code >= 0xF0000 && code <= Character.MAX_CODE_POINT;
    }
}
