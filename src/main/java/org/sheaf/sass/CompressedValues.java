package org.sheaf.sass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declaration value that Sass computed, as libsass's {@code compressed} style writes it, from
 * the text its {@code expanded} style writes (a static value, which libsass copies as written in
 * every style, is never given here):
 * <ul>
 * <li>the items of a comma-separated list are joined by a bare comma ({@code a, b} is
 * {@code a,b}), while the arguments of a function call keep their {@code ", "}, and so does a
 * list in a declaration inside an {@code @media}, at any depth, where libsass joins them as in
 * its other styles;</li>
 * <li>a colour is written in its shortest form, its name unless the hex form is shorter
 * ({@code #c0c0c0} and {@code #008080} are {@code silver} and {@code teal}, {@code #FFFFFF} and
 * {@code white} are {@code #fff}; {@code #A2E1DB}, which has no shorter form, keeps its
 * spelling), and one that is not opaque as {@code rgba(r,g,b,a)} without
 * spaces, {@code transparent} included ({@code rgba(0,0,0,0)}). A colour name the declaration
 * itself wrote keeps its spelling ({@code 1px solid $c white} keeps {@code white}); only one
 * that came through a variable, a mixin's argument or a function is shortened. Which is which
 * is told by count: a name the declaration wrote k times keeps its spelling in its first k
 * places, a guess that is right when the written names come before those of variables.</li>
 * <li>a number under one loses its leading zero ({@code $a} with {@code $a: 0.5} is {@code .5})
 * unless the declaration wrote it so, as {@code translate(0.5px, $x)} keeps {@code 0.5px}; told
 * by count as the names are. For a value that is one variable, what counts is the expression
 * the variable was given, when it is a list ({@code $t: all 0.2s ease} keeps {@code 0.2s}).
 * The result of arithmetic whose left operand is a number written under one keeps its zero,
 * as libsass keeps it ({@code 0.05 * $m} is {@code 0.8px}, {@code .05 * $m} too, while
 * {@code $m * 0.05} is {@code .8px}). When the value has as many terms as the declaration wrote
 * (terms parted by white space, commas and parentheses, an operation one term), each term is
 * what the written one in its place came to: the results of those operations keep their zero,
 * and only a term written as a number is written as it stands ({@code 0.5 * $m $half} is
 * {@code 8px .5}). Otherwise the declaration's k such operations keep the zero of the first k
 * computed numbers under one that are not written there.</li>
 * </ul>
 * Strings and {@code url()} are left as they are.
 */
final class CompressedValues {
    /** A word of a value as written, where a colour name may stand (not part of a variable's name). */
    private static final Pattern WORD = Pattern.compile("(?<![\\w$-])[a-zA-Z]+(?![\\w-])");
    /** A number with its unit, as written or as Sass wrote it. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.-])-?(\\d*\\.)?\\d+[a-zA-Z%]*");
    /**
     * Arithmetic whose left operand is a number written under one, with or without its zero
     * ({@code 0.05 * $m}, {@code -.5 + $x}): libsass's result of it keeps its leading zero. A
     * number after an operator is not a left operand ({@code $m * 0.05 + 1px} adds to a product).
     */
    private static final Pattern LED_UNDER_ONE = Pattern.compile(
            "(?<![\\w$.-])(?<![-+*/]\\s{0,8})-?0*\\.\\d+[a-zA-Z%]*\\s*[-+*/]\\s*(?=[\\w$.(#-])");
    /** A number under one with its leading zero, which the compressed style may drop. */
    private static final Pattern LEADING_ZERO = Pattern.compile("-?0\\.\\d+[a-zA-Z%]*");

    private CompressedValues() {
    }

    /** The value shortened, its colour names and numbers told by what the declaration wrote. */
    static String compressed(String value, String written) {
        return compressed(value, written, written);
    }

    /**
     * The value shortened, its colour names told by what the declaration wrote and its numbers by
     * {@code numbersWritten}.
     *
     * @param value          the value as libsass's expanded style writes it
     * @param written        the declaration's value as the stylesheet wrote it, for the colour
     *                       names it spells out; "" when unknown
     * @param numbersWritten where the value's numbers were written: the declaration's value, or
     *                       what {@link #throughVariable} makes of the expression of the variable
     *                       that is the whole value
     */
    static String compressed(String value, String written, String numbersWritten) {
        return compressed(value, written, numbersWritten, false);
    }

    /**
     * {@link #compressed(String, String, String)} for a declaration that stands inside an
     * {@code @media} or not: there libsass's compressed style joins a list's items by
     * {@code ", "}.
     */
    static String compressed(String value, String written, String numbersWritten, boolean inMedia) {
        Map<String, Integer> spelled = counted(WORD, written, word -> word);
        Map<String, Integer> numbers = counted(NUMBER, numbersWritten, CompressedValues::withoutLeadingZero);
        int ledUnderOne = (int) LED_UNDER_ONE.matcher(numbersWritten).results().count();
        // when the value has as many terms as the declaration wrote, each term of the value is
        // what the written term in its place came to, so only the results of those operations
        // keep their zero; else the first ones under one do, by count
        List<int[]> terms = terms(value);
        List<int[]> writtenTerms = terms(numbersWritten);
        java.util.Set<Integer> led = null;
        List<Map<String, Integer>> termNumbers = null;
        if (ledUnderOne > 0 && terms.size() == writtenTerms.size()) {
            led = new java.util.HashSet<>();
            Matcher operation = LED_UNDER_ONE.matcher(numbersWritten);
            while (operation.find()) {
                led.add(termAt(writtenTerms, operation.start()));
            }
            // a number written as an operand is not written in the value
            termNumbers = new ArrayList<>();
            for (int[] term : writtenTerms) {
                String text = numbersWritten.substring(term[0], term[1]);
                boolean computed = java.util.stream.IntStream.range(0, text.length()).anyMatch(k -> operatorAlone(text, k));
                termNumbers.add(computed ? new HashMap<>() : counted(NUMBER, text, CompressedValues::withoutLeadingZero));
            }
        }
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"' || c == '\'') {
                int end = StaticValues.skipped(value, i);
                out.append(value, i, end);
                i = end;
            } else if (c == '(') {
                depth++;
                out.append(c);
                i++;
            } else if (c == ')') {
                depth--;
                out.append(c);
                i++;
            } else if (c == ',' && depth == 0) {
                out.append(inMedia ? ", " : ",");
                i++;
                while (i < value.length() && value.charAt(i) == ' ') {
                    i++;
                }
            } else if ((Character.isDigit(c) || c == '.' || c == '-') && numberAt(value, i) != null) {
                String number = numberAt(value, i);
                String bare = withoutLeadingZero(number);
                Map<String, Integer> counts = termNumbers == null ? numbers : termNumbers.get(termAt(terms, i));
                boolean asWritten = counts.getOrDefault(bare, 0) > 0;
                counts.merge(bare, -1, Integer::sum);
                boolean underOne = LEADING_ZERO.matcher(number).matches();
                boolean keepsZero = asWritten || underOne
                        && (led == null ? ledUnderOne-- > 0 : led.contains(termAt(terms, i)));
                out.append(underOne && !keepsZero ? bare : number);
                i += number.length();
            } else if (c == '#' && hexEnd(value, i + 1) > 0) {
                int end = hexEnd(value, i + 1);
                String hex = value.substring(i + 1, end);
                if (hex.length() == 3) {
                    hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
                }
                String shortest = opaque(Integer.parseInt(hex, 16));
                // with no shorter form, libsass keeps the spelling a literal had, as dart-sass does
                // (#A2E1DB through a variable stays so; a computed colour is lower case in both)
                out.append(shortest.length() == 7 && end - i == 7 ? value.substring(i, end) : shortest);
                i = end;
            } else if (Character.isLetter(c) || c == '-' || c == '_') {
                int end = i;
                while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '-'
                        || value.charAt(end) == '_')) {
                    end++;
                }
                String word = value.substring(i, end);
                boolean call = end < value.length() && value.charAt(end) == '(';
                String lower = word.toLowerCase(Locale.ROOT);
                if (call && lower.equals("url")) {
                    int close = value.indexOf(')', end);
                    close = close < 0 ? value.length() : close + 1;
                    out.append(value, i, close);
                    i = close;
                } else if (call && (lower.equals("rgb") || lower.equals("rgba")) && channels(value, end) != null) {
                    int close = value.indexOf(')', end);
                    out.append(color(channels(value, end)));
                    i = close + 1;
                } else if (!call && spelled.getOrDefault(word, 0) > 0) {
                    spelled.merge(word, -1, Integer::sum);
                    out.append(word);
                    i = end;
                } else if (!call && lower.equals("transparent")) {
                    out.append("rgba(0,0,0,0)");
                    i = end;
                } else if (!call && ColorNames.value(word) != null && !precededBySign(value, i)) {
                    out.append(opaque(ColorNames.value(word)));
                    i = end;
                } else {
                    out.append(word);
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * What a declaration whose value is one variable wrote, for {@link #compressed}, from the
     * expression the variable was given: libsass writes the numbers written in a list as written
     * with their leading zero ({@code $t: all 0.2s ease} gives {@code all 0.2s ease}), while a
     * variable that holds one number loses it ({@code $half: 0.5} gives {@code .5}), as libsass
     * marks a number reached through a variable as computed.
     */
    static String throughVariable(String expression) {
        return NUMBER.matcher(expression).matches() ? "" : expression;
    }

    /**
     * Where the numbers of a declaration that joins variables by commas were written
     * ({@code transition: $basic, $append}), for {@link #compressed}: each variable whose item of
     * the value is a list of more than one term ({@code transform 0.4s ease}) stands for that
     * item's text, as libsass writes the numbers of a list a variable holds as they were written,
     * while a variable that holds one number is computed ({@code .5}). The declaration itself,
     * when its items do not line up with the value's one for one.
     */
    static String throughVariables(String value, String written) {
        List<String> items = commaItems(value);
        List<String> writtenItems = commaItems(written);
        if (items.size() < 2 || items.size() != writtenItems.size()) {
            return written;
        }
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k).strip();
            boolean list = terms(item).size() > 1;
            numbers.add(list && writtenItems.get(k).strip().matches("\\$[\\w-]+") ? item : writtenItems.get(k));
        }
        return String.join(",", numbers);
    }

    /** The items of a comma-separated value or selector list, outside parentheses, brackets and strings. */
    static List<String> commaItems(String value) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"' || c == '\'') {
                i = StaticValues.skipped(value, i);
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(value.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        items.add(value.substring(start));
        return items;
    }

    /**
     * The terms of a value, where each starts and ends: the stretches between commas,
     * parentheses and white space, but white space around an operator that stands alone
     * ({@code 0.5 * $m} is one term, {@code 1px -2px} two), strings passed over.
     */
    private static List<int[]> terms(String value) {
        List<int[]> found = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            boolean separates = c == ',' || c == '(' || c == ')';
            if (Character.isWhitespace(c)) {
                int end = i;
                while (end < value.length() && Character.isWhitespace(value.charAt(end))) {
                    end++;
                }
                separates = !(operatorAlone(value, i - 1) || operatorAlone(value, end));
                if (!separates) {
                    i = end;
                    continue;
                }
            }
            if (separates) {
                if (start >= 0) {
                    found.add(new int[] {start, i});
                }
                start = -1;
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            i = c == '"' || c == '\'' ? StaticValues.skipped(value, i) : i + 1;
        }
        if (start >= 0) {
            found.add(new int[] {start, value.length()});
        }
        return found;
    }

    /** Whether an arithmetic operator with white space on both sides stands at {@code at}. */
    private static boolean operatorAlone(String value, int at) {
        return at >= 0 && at < value.length() && "+-*/%".indexOf(value.charAt(at)) >= 0
                && (at == 0 || Character.isWhitespace(value.charAt(at - 1)))
                && (at + 1 == value.length() || Character.isWhitespace(value.charAt(at + 1)));
    }

    /** The index of the term holding the offset {@code at}, or -1. */
    private static int termAt(List<int[]> terms, int at) {
        for (int t = 0; t < terms.size(); t++) {
            if (terms.get(t)[0] <= at && at < terms.get(t)[1]) {
                return t;
            }
        }
        return -1;
    }

    /** How often each match of {@code pattern} in {@code text}, as {@code key} makes it, occurs there. */
    private static Map<String, Integer> counted(Pattern pattern, String text, UnaryOperator<String> key) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            counts.merge(key.apply(m.group()), 1, Integer::sum);
        }
        return counts;
    }

    /** The number with its unit that starts at {@code at}, or null when none starts a token there. */
    private static String numberAt(String value, int at) {
        Matcher m = NUMBER.matcher(value);
        return m.find(at) && m.start() == at ? m.group() : null;
    }

    private static String withoutLeadingZero(String number) {
        return number.replaceFirst("^(-?)0\\.", "$1.");
    }

    /** Whether a word is part of a longer token, as {@code -red} or {@code !red} would be. */
    private static boolean precededBySign(String value, int at) {
        return at > 0 && !(value.charAt(at - 1) == ' ' || value.charAt(at - 1) == ',' || value.charAt(at - 1) == '(');
    }

    /** The end of three or six hex digits from {@code at} that end a token, or -1. */
    private static int hexEnd(String value, int at) {
        int end = at;
        while (end < value.length() && Character.digit(value.charAt(end), 16) >= 0) {
            end++;
        }
        boolean bounded = end == value.length() || !Character.isLetterOrDigit(value.charAt(end));
        return bounded && (end - at == 3 || end - at == 6) ? end : -1;
    }

    /** The channels of {@code rgb(...)} or {@code rgba(...)} from its parenthesis: plain numbers only, else null. */
    private static List<String> channels(String value, int open) {
        int close = value.indexOf(')', open);
        if (close < 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.substring(open + 1, close).split(",", -1)) {
            String number = part.strip();
            if (!number.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
                return null;
            }
            parts.add(number);
        }
        return parts.size() == 3 || parts.size() == 4 ? parts : null;
    }

    private static String color(List<String> channels) {
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
            int channel = Math.max(0, Math.min(255, new BigDecimal(channels.get(k)).setScale(0, RoundingMode.HALF_UP).intValue()));
            rgb = rgb << 8 | channel;
        }
        if (channels.size() == 3 || new BigDecimal(channels.get(3)).compareTo(BigDecimal.ONE) >= 0) {
            return opaque(rgb);
        }
        return "rgba(" + (rgb >> 16) + "," + (rgb >> 8 & 0xff) + "," + (rgb & 0xff) + "," + channels.get(3) + ")";
    }

    /** An opaque colour: its name, unless its hex form (three digits where it can) is shorter. */
    private static String opaque(int rgb) {
        String hex = String.format("%06x", rgb);
        if (hex.charAt(0) == hex.charAt(1) && hex.charAt(2) == hex.charAt(3) && hex.charAt(4) == hex.charAt(5)) {
            hex = "" + hex.charAt(0) + hex.charAt(2) + hex.charAt(4);
        }
        hex = "#" + hex;
        String name = ColorNames.name(rgb);
        return name != null && name.length() <= hex.length() ? name : hex;
    }
}
