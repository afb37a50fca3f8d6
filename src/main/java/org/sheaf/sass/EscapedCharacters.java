package org.sheaf.sass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a name in a selector or an {@code @media} query with the hex escapes its stylesheet
 * wrote, where dart-sass writes the character an escape stands for ({@code .f\30 g} is
 * {@code .f0g} in dart-sass, {@code (min-width: 0 \41)} is {@code (min-width: 0 A)},
 * {@code .a\2e b} is {@code .a\.b}) and libsass, so Jekyll 4.3, copies it as written.
 *
 * <p>A name is a run of name characters and escapes. A name of the CSS's selectors and queries
 * that holds no hex escape is written as the stylesheets' selectors and queries wrote the name
 * of the same characters with one, when they all wrote it alike and none wrote it without; a
 * name where dart-sass kept a hex escape is {@link WrittenEscapes}' to restore, and a name an
 * interpolation or a parent selector's suffix ({@code &\61}) made matches none and stays. The
 * white space that ends an escape goes with it, as written (a space, or none before a character
 * that is no hex digit); an escape ended by a line break or a tab is left to
 * {@link WrittenEscapes}.
 */
final class EscapedCharacters {
    private static final String MEDIA = "@media";
    /** Names written more than one way, or also without an escape. */
    private static final String MIXED = "\u0000mixed";

    private EscapedCharacters() {
    }

    /** A name found in a text: where it runs, and whether it holds a hex escape. */
    private record Name(int start, int end, boolean hexEscaped) {
    }

    /**
     * The CSS with its names written as the stylesheets wrote them.
     *
     * @param css     dart-sass's CSS
     * @param sources the texts of the stylesheets it was compiled from
     * @param edits   receives the changes made, in order, for the source map
     */
    static String restored(String css, List<String> sources, List<SourceMapShift.Edit> edits) {
        Map<String, String> written = written(sources);
        if (written.isEmpty()) {
            return css;
        }
        StringBuilder out = new StringBuilder(css.length());
        int copied = 0;
        for (int[] prelude : WrittenEscapes.preludes(css)) {
            if (!isSelectorOrQuery(css, prelude[0])) {
                continue;
            }
            for (Name name : names(css, prelude[0], prelude[1])) {
                if (name.hexEscaped()) {
                    // dart-sass kept the escape: the white space after it is WrittenEscapes' to tell
                    continue;
                }
                String as = written.get(decoded(css, name.start(), name.end()));
                if (as != null && !as.equals(MIXED)) {
                    out.append(css, copied, name.start()).append(as);
                    copied = name.end();
                    edits.add(new SourceMapShift.Edit(name.start(), name.end() - name.start(), as.length()));
                }
            }
        }
        return copied == 0 ? css : out.append(css, copied, css.length()).toString();
    }

    /**
     * The names the stylesheets' selectors and queries wrote with a hex escape, by their
     * characters, as written; {@link #MIXED} for those written otherwise too. Empty when no
     * selector or query holds a hex escape.
     */
    private static Map<String, String> written(List<String> sources) {
        Map<String, String> written = new HashMap<>();
        Set<String> plain = new HashSet<>();
        for (String source : sources) {
            if (source.indexOf('\\') < 0) {
                continue;
            }
            for (int[] prelude : WrittenEscapes.preludes(source)) {
                if (!isSelectorOrQuery(source, prelude[0]) || source.substring(prelude[0], prelude[1]).indexOf('\\') < 0) {
                    continue;
                }
                for (Name name : names(source, prelude[0], prelude[1])) {
                    if (name.hexEscaped()) {
                        String text = source.substring(name.start(), name.end());
                        written.merge(decoded(source, name.start(), name.end()), text, (a, b) -> a.equals(b) ? a : MIXED);
                    }
                }
            }
        }
        if (written.isEmpty()) {
            return written;
        }
        // a name written without an escape anywhere may be the one the CSS holds
        for (String source : sources) {
            for (int[] prelude : WrittenEscapes.preludes(source)) {
                if (isSelectorOrQuery(source, prelude[0])) {
                    for (Name name : names(source, prelude[0], prelude[1])) {
                        if (!name.hexEscaped()) {
                            plain.add(decoded(source, name.start(), name.end()));
                        }
                    }
                }
            }
        }
        plain.forEach(name -> written.computeIfPresent(name, (key, value) -> MIXED));
        return written;
    }

    private static boolean isSelectorOrQuery(String text, int at) {
        return text.charAt(at) != '@' || text.startsWith(MEDIA, at);
    }

    /**
     * The names from {@code from} to {@code to}: runs of name characters and escapes, strings
     * and interpolations read past; a name next to an interpolation or holding an escape ended
     * by a line break or a tab counts as none.
     */
    private static List<Name> names(String text, int from, int to) {
        List<Name> names = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? to : close + 1;
                continue;
            }
            if (c == '#' && text.startsWith("#{", i)) {
                int close = text.indexOf('}', i);
                i = close < 0 ? to : close + 1;
                // what follows an interpolation joins the name it wrote
                while (i < to && (isNameCharacter(text.charAt(i)) || text.charAt(i) == '\\')) {
                    i = text.charAt(i) == '\\' ? escapeEnd(text, i, to) : i + 1;
                }
                continue;
            }
            if (!isNameCharacter(c) && c != '\\') {
                i++;
                continue;
            }
            int start = i;
            boolean hex = false;
            boolean usable = true;
            while (i < to && (isNameCharacter(text.charAt(i)) || text.charAt(i) == '\\')) {
                if (text.charAt(i) == '\\') {
                    int end = escapeEnd(text, i, to);
                    hex = hex || end > i + 1 && isHex(text.charAt(i + 1));
                    char last = text.charAt(end - 1);
                    usable = usable && last != '\n' && last != '\t' && last != '\r' && last != '\f';
                    i = end;
                } else {
                    i++;
                }
            }
            boolean afterInterpolation = start > 0 && text.charAt(start - 1) == '}';
            boolean beforeInterpolation = text.startsWith("#{", i);
            if (usable && !afterInterpolation && !beforeInterpolation) {
                names.add(new Name(start, i, hex));
            }
        }
        return names;
    }

    /** Where the escape at {@code at} ends: after its hex digits and the one white space that ends them, or after its one character. */
    private static int escapeEnd(String text, int at, int to) {
        int i = at + 1;
        if (i >= to) {
            return to;
        }
        if (!isHex(text.charAt(i))) {
            return i + 1;
        }
        int digits = 0;
        while (i < to && digits < 6 && isHex(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The characters a name stands for, its escapes read. */
    private static String decoded(String text, int from, int to) {
        StringBuilder characters = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '\\') {
                characters.append(c);
                i++;
                continue;
            }
            int end = escapeEnd(text, i, to);
            if (end > i + 1 && isHex(text.charAt(i + 1))) {
                int digits = i + 1;
                while (digits < end && isHex(text.charAt(digits))) {
                    digits++;
                }
                int codePoint = Integer.parseInt(text.substring(i + 1, digits), 16);
                boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
                characters.appendCodePoint(valid ? codePoint : 0xFFFD);
            } else if (end > i + 1) {
                characters.append(text.charAt(i + 1));
            }
            i = end;
        }
        return characters.toString();
    }

    private static boolean isNameCharacter(char c) {
        return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
