package org.sheaf.sass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a declaration value that holds {@code calc()}, or a function dart-sass reads as a
 * calculation, the way libsass, and so Jekyll 4.3, writes it.
 *
 * <p>libsass copies the text of a {@code calc()} (and of a vendor-prefixed one, {@code -webkit-calc()}),
 * wherever it stands in a value: its interpolations evaluated, each line break with the indent after
 * it one space, the space before its closing parenthesis dropped. The rest of the value it evaluates,
 * and a function it does not know is written with its name as written and its arguments evaluated,
 * joined by {@code ", "}. dart-sass reads {@code calc}, {@code min}, {@code max} and {@code clamp}, in
 * any case, as calculations: it lowercases their names, leaves out a {@code calc()} nested in one,
 * and simplifies them ({@code Max(1px, 2px)} is {@code 2px}).
 *
 * <p>The value dart-sass wrote gives what libsass evaluated: the source's value and dart-sass's are
 * read as the same tree of lists and function calls, every interpolation and variable standing for
 * one number or word of dart-sass's, every number the same number. Where the two do not line up
 * (arithmetic, strings, a function libsass itself computes, such as its lowercase {@code min} and
 * {@code max}), or a {@code calc()} holds a variable, which libsass would write as its name, the value
 * stays as dart-sass wrote it.
 */
final class CalcValues {
    private static final Pattern CALCULATION = Pattern.compile("(?i)(calc|min|max|clamp)\\(");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d*\\.\\d+|\\d+)(e[+-]?\\d+)?");
    /** How deep parentheses and calls may nest in a value that is read. */
    private static final int MAX_DEPTH = 32;
    /** What an interpolation libsass and dart-sass evaluate alike may hold: variables, numbers, + - *. */
    private static final Pattern SIMPLE_INTERPOLATION = Pattern.compile("[\\s$\\w.%()+*-]*");

    private CalcValues() {
    }

    private enum Type { NUMBER, WORD, HOLE, PATTERN, OPERATOR, PARENTHESES, LIST, FUNCTION, CALC }

    /**
     * A piece of a value.
     *
     * @param text      the number, word or operator as written; a function's name; for a word with
     *                  interpolations in it, a pattern that finds their values in dart-sass's word
     * @param items     a list's items, a function's arguments, what parentheses or a {@code calc()} hold
     * @param separator a list's: {@code ' '} or {@code ','}
     * @param start     where a {@code calc()} starts in the text read
     * @param end       where it ends
     */
    private record Piece(Type type, String text, List<Piece> items, char separator, int start, int end) {
        static Piece of(Type type, String text) {
            return new Piece(type, text, List.of(), ' ', 0, 0);
        }

        boolean holds(Type wanted) {
            return type == wanted || items.stream().anyMatch(item -> item.holds(wanted));
        }

        /** Whether something in the piece is evaluated: an interpolation or a variable. */
        boolean evaluated() {
            return holds(Type.HOLE) || holds(Type.PATTERN);
        }
    }

    /**
     * libsass's text for the value the source wrote at {@code at}, or null when it holds no
     * calculation or libsass's text cannot be told from dart-sass's.
     *
     * @param source    the stylesheet's text
     * @param at        where the declaration's value starts in it
     * @param evaluated the value as dart-sass wrote it
     * @param indented  whether the source is in the indented syntax, where a value ends with its line
     */
    static String written(String source, int at, String evaluated, boolean indented) {
        String text = source.substring(at, valueEnd(source, at, indented)).strip();
        if (!CALCULATION.matcher(text).find()) {
            return null;
        }
        Piece written = new Reader(text, true).value();
        Piece wrote = new Reader(evaluated, false).value();
        if (written == null || wrote == null || !written.holds(Type.CALC) && !written.holds(Type.FUNCTION)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        return new Lineup(text).matched(written, wrote, out) ? out.toString() : null;
    }

    /** Where the value starting at {@code at} ends: its {@code ;}, {@code }} or {@code {}, or its line in the indented syntax. */
    private static int valueEnd(String source, int at, boolean indented) {
        int depth = 0;
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            int skipped = ScssOutline.skip(source, i);
            if (skipped > i && c != '/') {
                i = skipped;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth <= 0 && (c == ';' || c == '}' || c == '{' || indented && c == '\n')) {
                return i;
            }
            i++;
        }
        return source.length();
    }

    /** Reads a value into pieces; null for what it does not know. */
    private static final class Reader {
        final String text;
        /** Whether this is the source's text, with interpolations, variables and calc() copied as text. */
        final boolean source;
        int at;
        int depth;

        Reader(String text, boolean source) {
            this.text = text;
            this.source = source;
        }

        Piece value() {
            Piece value = list(false);
            skipSpace();
            return value == null || at < text.length() ? null : value;
        }

        /** A comma list of space lists, up to a closing parenthesis or the end. */
        private Piece list(boolean inCalc) {
            // parentheses nested deeper than any stylesheet writes them are not read, rather than
            // read by recursion as deep
            if (++depth > MAX_DEPTH) {
                return null;
            }
            try {
                return items(inCalc);
            } finally {
                depth--;
            }
        }

        private Piece items(boolean inCalc) {
            List<Piece> items = new ArrayList<>();
            while (true) {
                Piece item = spaced(inCalc);
                if (item == null) {
                    return null;
                }
                items.add(item);
                skipSpace();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    continue;
                }
                break;
            }
            return items.size() == 1 ? items.get(0) : new Piece(Type.LIST, "", items, ',', 0, 0);
        }

        private Piece spaced(boolean inCalc) {
            List<Piece> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (at >= text.length() || text.charAt(at) == ',' || text.charAt(at) == ')') {
                    break;
                }
                Piece item = term(inCalc);
                if (item == null) {
                    return null;
                }
                items.add(item);
            }
            if (items.isEmpty()) {
                return null;
            }
            return items.size() == 1 ? items.get(0) : new Piece(Type.LIST, "", items, ' ', 0, 0);
        }

        private Piece term(boolean inCalc) {
            char c = text.charAt(at);
            boolean after = at == 0 || " \t\r\n(,".indexOf(text.charAt(at - 1)) >= 0;
            if (c == '(') {
                at++;
                Piece inside = list(inCalc);
                if (inside == null || !closing()) {
                    return null;
                }
                return new Piece(Type.PARENTHESES, "", List.of(inside), ' ', 0, 0);
            }
            if (source && text.startsWith("#{", at) || source && (isNameStart(c) || c == '-') && interpolatedWord()) {
                return interpolated(after);
            }
            if (source && c == '$') {
                int end = at + 1;
                while (end < text.length() && isName(text.charAt(end))) {
                    end++;
                }
                if (inCalc || !delimited(end)) {
                    return null;
                }
                at = end;
                return Piece.of(Type.HOLE, "");
            }
            if (c == '!') {
                Matcher important = Pattern.compile("!\\s*important").matcher(text).region(at, text.length());
                if (!important.lookingAt()) {
                    return null;
                }
                at = important.end();
                return Piece.of(Type.WORD, "!important");
            }
            Matcher number = NUMBER.matcher(text).region(at, text.length());
            if ((Character.isDigit(c) || c == '.' || (c == '-' || c == '+') && after) && number.lookingAt()) {
                int end = number.end();
                while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '%')) {
                    end++;
                }
                String token = text.substring(at, end);
                at = end;
                return Piece.of(Type.NUMBER, token);
            }
            boolean named = c == '-' && at + 1 < text.length() && (isNameStart(text.charAt(at + 1)) || text.charAt(at + 1) == '-');
            if ("+-*/%".indexOf(c) >= 0 && !named) {
                at++;
                return Piece.of(Type.OPERATOR, String.valueOf(c));
            }
            if (c == '#' || isNameStart(c) || named) {
                int start = at;
                int end = at + 1;
                while (end < text.length() && isName(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(start, end);
                at = end;
                if (at >= text.length() || text.charAt(at) != '(') {
                    return Piece.of(Type.WORD, name);
                }
                if (name.equalsIgnoreCase("url") || name.equalsIgnoreCase("progid")) {
                    return null;
                }
                at++;
                boolean calc = source && name.matches("(-[A-Za-z0-9_]+-)?calc");
                Piece arguments = list(inCalc || calc);
                if (arguments == null || !closing()) {
                    return null;
                }
                List<Piece> items = arguments.type() == Type.LIST && arguments.separator() == ','
                        ? arguments.items() : List.of(arguments);
                return new Piece(calc ? Type.CALC : Type.FUNCTION, name, items, ',', start, at);
            }
            return null;
        }

        /** Whether the word at {@code at} has an interpolation in it ({@code --#{$prefix}gap}). */
        private boolean interpolatedWord() {
            int end = at;
            while (end < text.length() && isName(text.charAt(end))) {
                end++;
            }
            return text.startsWith("#{", end);
        }

        /**
         * A word made of name characters and interpolations: one interpolation alone is a hole;
         * with text around it, a pattern whose groups are the interpolations' values. Null when two
         * interpolations meet, one may divide, or the word does not stand apart.
         */
        private Piece interpolated(boolean after) {
            int start = at;
            StringBuilder pattern = new StringBuilder();
            int holes = 0;
            boolean hole = false;
            int end = at;
            while (end < text.length()) {
                if (text.startsWith("#{", end)) {
                    int close = ScssOutline.skip(text, end);
                    String inside = text.substring(end + 2, close - 1);
                    if (hole || inside.isBlank() || !SIMPLE_INTERPOLATION.matcher(inside).matches()) {
                        return null;
                    }
                    pattern.append("([\\w.%-]+?)");
                    holes++;
                    hole = true;
                    end = close;
                } else if (isName(text.charAt(end))) {
                    int from = end;
                    while (end < text.length() && isName(text.charAt(end))) {
                        end++;
                    }
                    pattern.append(Pattern.quote(text.substring(from, end)));
                    hole = false;
                } else {
                    break;
                }
            }
            if (!after || !delimited(end)) {
                return null;
            }
            at = end;
            boolean alone = holes == 1 && text.startsWith("#{", start) && ScssOutline.skip(text, start) == end;
            return alone ? Piece.of(Type.HOLE, "") : new Piece(Type.PATTERN, pattern.toString(), List.of(), ' ', start, end);
        }

        private boolean closing() {
            skipSpace();
            if (at < text.length() && text.charAt(at) == ')') {
                at++;
                return true;
            }
            return false;
        }

        private boolean delimited(int end) {
            return end >= text.length() || " \t\r\n),".indexOf(text.charAt(end)) >= 0;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7F;
    }

    private static boolean isName(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c > 0x7F;
    }

    /** Lines the source's pieces up with dart-sass's, writing libsass's text. */
    private static final class Lineup {
        final String text;

        Lineup(String text) {
            this.text = text;
        }

        boolean matched(Piece written, Piece wrote, StringBuilder out) {
            switch (written.type()) {
                case HOLE -> {
                    if (wrote.type() != Type.NUMBER && wrote.type() != Type.WORD) {
                        return false;
                    }
                    out.append(wrote.text());
                    return true;
                }
                case PATTERN -> {
                    if (wrote.type() != Type.NUMBER && wrote.type() != Type.WORD || values(written, wrote.text()) == null) {
                        return false;
                    }
                    out.append(wrote.text());
                    return true;
                }
                case NUMBER -> {
                    if (wrote.type() != Type.NUMBER || !sameNumber(written.text(), wrote.text())) {
                        return false;
                    }
                    out.append(wrote.text());
                    return true;
                }
                case WORD -> {
                    if (wrote.type() != Type.WORD || !wrote.text().equals(written.text())) {
                        return false;
                    }
                    out.append(written.text());
                    return true;
                }
                case LIST -> {
                    if (wrote.type() != Type.LIST || wrote.separator() != written.separator()
                            || wrote.items().size() != written.items().size()) {
                        return false;
                    }
                    for (int k = 0; k < written.items().size(); k++) {
                        if (k > 0) {
                            out.append(written.separator() == ',' ? ", " : " ");
                        }
                        if (!matched(written.items().get(k), wrote.items().get(k), out)) {
                            return false;
                        }
                    }
                    return true;
                }
                case FUNCTION -> {
                    return function(written, wrote, out);
                }
                case CALC -> {
                    return calc(written, wrote, out);
                }
                default -> {
                    // arithmetic and parentheses outside calc(), which libsass evaluates its own way
                    return false;
                }
            }
        }

        private boolean function(Piece written, Piece wrote, StringBuilder out) {
            String name = written.text();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean calculation = lower.equals("calc") || lower.equals("min") || lower.equals("max") || lower.equals("clamp");
            if (name.equals("min") || name.equals("max")) {
                // libsass's own functions: what they compute is libsass's
                return false;
            }
            if (calculation && literal(written)) {
                // no interpolation or variable: libsass's text is the source's, whatever dart-sass simplified
                return literalText(written, out);
            }
            if (wrote.type() != Type.FUNCTION || wrote.items().size() != written.items().size()
                    || !(calculation ? wrote.text().equalsIgnoreCase(name) : wrote.text().equals(name))) {
                return false;
            }
            out.append(name).append('(');
            for (int k = 0; k < written.items().size(); k++) {
                if (k > 0) {
                    out.append(", ");
                }
                if (!matched(written.items().get(k), wrote.items().get(k), out)) {
                    return false;
                }
            }
            out.append(')');
            return true;
        }

        private boolean calc(Piece written, Piece wrote, StringBuilder out) {
            List<String> values = new ArrayList<>();
            if (written.evaluated()) {
                List<Piece> mine = new ArrayList<>();
                written.items().forEach(item -> flatten(item, mine));
                List<Piece> theirs = new ArrayList<>();
                if (wrote.type() == Type.FUNCTION && wrote.text().equalsIgnoreCase("calc")) {
                    wrote.items().forEach(item -> flatten(item, theirs));
                } else {
                    flatten(wrote, theirs);
                }
                if (mine.size() != theirs.size()) {
                    return false;
                }
                for (int k = 0; k < mine.size(); k++) {
                    Piece a = mine.get(k);
                    Piece b = theirs.get(k);
                    boolean word = b.type() == Type.NUMBER || b.type() == Type.WORD;
                    List<String> found = a.type() == Type.PATTERN && word ? values(a, b.text()) : null;
                    boolean same = switch (a.type()) {
                        case HOLE -> word;
                        case PATTERN -> found != null;
                        case NUMBER -> b.type() == Type.NUMBER && sameNumber(a.text(), b.text());
                        default -> a.type() == b.type() && a.text().equalsIgnoreCase(b.text());
                    };
                    if (!same) {
                        return false;
                    }
                    if (a.type() == Type.HOLE) {
                        values.add(b.text());
                    } else if (found != null) {
                        values.addAll(found);
                    }
                }
            }
            out.append(calcText(text.substring(written.start(), written.end()), values));
            return true;
        }

        /**
         * The values of a word's interpolations in dart-sass's word, or null when it is not that
         * word or could be split more than one way.
         */
        private static List<String> values(Piece pattern, String word) {
            Matcher shortest = Pattern.compile(pattern.text()).matcher(word);
            Matcher longest = Pattern.compile(pattern.text().replace("+?)", "+)")).matcher(word);
            if (!shortest.matches() || !longest.matches()) {
                return null;
            }
            List<String> found = new ArrayList<>();
            for (int g = 1; g <= shortest.groupCount(); g++) {
                if (!shortest.group(g).equals(longest.group(g))) {
                    return null;
                }
                found.add(shortest.group(g));
            }
            return found;
        }

        /** Whether nothing in the piece is evaluated: no interpolation, no variable, no arithmetic outside calc(). */
        private static boolean literal(Piece piece) {
            return switch (piece.type()) {
                case NUMBER, WORD, CALC -> !piece.evaluated();
                case FUNCTION, LIST -> piece.items().stream().allMatch(CalcValues.Lineup::literal);
                default -> false;
            };
        }

        /** libsass's text of a piece with nothing evaluated in it. */
        private boolean literalText(Piece piece, StringBuilder out) {
            switch (piece.type()) {
                case NUMBER -> {
                    String number = formatted(piece.text());
                    if (number == null) {
                        return false;
                    }
                    out.append(number);
                }
                case WORD -> out.append(piece.text());
                case CALC -> out.append(calcText(text.substring(piece.start(), piece.end()), List.of()));
                case FUNCTION, LIST -> {
                    if (piece.type() == Type.FUNCTION) {
                        String lower = piece.text().toLowerCase(Locale.ROOT);
                        if (piece.text().equals("min") || piece.text().equals("max") || !List.of("calc", "min", "max", "clamp").contains(lower)) {
                            // a function libsass computes, or one whose arguments it might
                            return false;
                        }
                        out.append(piece.text()).append('(');
                    }
                    for (int k = 0; k < piece.items().size(); k++) {
                        if (k > 0) {
                            out.append(piece.type() == Type.LIST && piece.separator() == ' ' ? " " : ", ");
                        }
                        if (!literalText(piece.items().get(k), out)) {
                            return false;
                        }
                    }
                    if (piece.type() == Type.FUNCTION) {
                        out.append(')');
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** The tokens of a piece, without parentheses or the names of calc(). */
        private static void flatten(Piece piece, List<Piece> into) {
            switch (piece.type()) {
                case LIST -> {
                    for (int k = 0; k < piece.items().size(); k++) {
                        if (k > 0 && piece.separator() == ',') {
                            into.add(Piece.of(Type.OPERATOR, ","));
                        }
                        flatten(piece.items().get(k), into);
                    }
                }
                case PARENTHESES -> piece.items().forEach(item -> flatten(item, into));
                case FUNCTION, CALC -> {
                    if (!piece.text().toLowerCase(Locale.ROOT).endsWith("calc")) {
                        into.add(Piece.of(Type.FUNCTION, piece.text()));
                    }
                    for (int k = 0; k < piece.items().size(); k++) {
                        if (k > 0) {
                            into.add(Piece.of(Type.OPERATOR, ","));
                        }
                        flatten(piece.items().get(k), into);
                    }
                }
                default -> into.add(piece);
            }
        }
    }

    /**
     * A {@code calc()}'s text as libsass writes it: each interpolation its value, in order; each
     * line break with the indent after it one space; no space before the closing parenthesis.
     */
    static String calcText(String calc, List<String> values) {
        StringBuilder out = new StringBuilder(calc.length());
        int next = 0;
        int i = 0;
        while (i < calc.length()) {
            char c = calc.charAt(i);
            if (c == '#' && calc.startsWith("#{", i)) {
                out.append(values.get(next++));
                i = ScssOutline.skip(calc, i);
                continue;
            }
            if (c == '\r' || c == '\n') {
                out.append(' ');
                i++;
                while (i < calc.length() && (calc.charAt(i) == ' ' || calc.charAt(i) == '\t' || calc.charAt(i) == '\n'
                        || calc.charAt(i) == '\r')) {
                    i++;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        int close = out.length() - 1;
        int kept = close;
        while (kept > 0 && Character.isWhitespace(out.charAt(kept - 1))) {
            kept--;
        }
        return out.substring(0, kept) + ")";
    }

    /** Whether two numbers with units are the same: their values, and their units but for case. */
    static boolean sameNumber(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        if (!ma.lookingAt() || !mb.lookingAt() || !a.substring(ma.end()).equalsIgnoreCase(b.substring(mb.end()))) {
            return false;
        }
        return value(a, ma).compareTo(value(b, mb)) == 0;
    }

    private static BigDecimal value(String text, Matcher m) {
        String digits = text.substring(0, m.end());
        return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /**
     * A number as libsass writes one it evaluated: a zero before the point, no zeros after the
     * last digit, ten places at most; null past what that rule is known to cover (an exponent).
     */
    static String formatted(String number) {
        Matcher m = NUMBER.matcher(number);
        if (!m.lookingAt() || m.group(2) != null) {
            return null;
        }
        BigDecimal value = value(number, m).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
        String digits = value.signum() == 0 ? "0" : value.toPlainString();
        return digits + number.substring(m.end());
    }
}
