package org.sheaf.sass;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each selector of a list that an {@code @extend} grew once, as libsass does, where
 * dart-sass may write one twice: {@code a { .k { @extend .k } } i { @extend .k }} gives
 * {@code a .k, a i, a i} in dart-sass and {@code a .k, a i} in libsass.
 *
 * <p>A list counts as grown by an {@code @extend} when one of its selectors holds a class or id
 * that an {@code @extend} of the stylesheets names ({@code .k} in {@code a .k}): dart-sass
 * writes a repeat the stylesheet wrote ({@code a, a}) as written in a list no {@code @extend}
 * touches, and only there. A list of over 100 selectors, which libsass does not trim, stays as it
 * is, and so does a list whose only {@code @extend}s name an element or a placeholder, which the
 * CSS does not tell apart.
 */
final class ExtendRepeats {
    /** An {@code @extend}'s selectors, up to its end or {@code !optional}. */
    private static final Pattern EXTEND = Pattern.compile("@extend\\s+([^;{}!\\n]+)");
    /** A target this pass looks for: one class or id. */
    private static final Pattern CLASS_OR_ID = Pattern.compile("[.#][-_a-zA-Z0-9]+");
    /** The most selectors a list may hold for libsass to trim its repeats. */
    private static final int TRIMMED = 100;

    private ExtendRepeats() {
    }

    /**
     * The CSS with each list's repeats an {@code @extend} made left out, or null when nothing changes.
     *
     * @param css     the CSS as laid out for libsass's style
     * @param sources the texts of the stylesheets it was compiled from
     */
    static CssRewrite.Result restored(String css, List<String> sources) {
        return restored(css, sources, () -> WrittenEscapes.preludes(css));
    }

    /**
     * {@link #restored(String, List)} with the CSS's {@link WrittenEscapes#preludes}, read only
     * when an {@code @extend} names a class or an id.
     */
    static CssRewrite.Result restored(String css, List<String> sources, Supplier<List<int[]>> preludes) {
        Pattern targets = targets(sources);
        if (targets == null) {
            return null;
        }
        CssRewrite rewrite = new CssRewrite(css);
        for (int[] prelude : preludes.get()) {
            if (css.charAt(prelude[0]) != '@' && css.substring(prelude[0], prelude[1]).indexOf(',') >= 0) {
                trim(css, prelude[0], prelude[1], targets, rewrite);
            }
        }
        return rewrite.result();
    }

    /**
     * Any class or id an {@code @extend} of the stylesheets names, as it is found in a selector, in
     * one pattern so that each selector is searched once; null when there is none.
     */
    private static Pattern targets(List<String> sources) {
        Set<String> names = new HashSet<>();
        for (String source : sources) {
            Matcher extend = EXTEND.matcher(source);
            while (extend.find()) {
                for (String target : extend.group(1).split(",")) {
                    String name = target.strip();
                    if (CLASS_OR_ID.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        StringJoiner any = new StringJoiner("|", "(?:", ")(?![-_a-zA-Z0-9])");
        for (String name : names) {
            any.add(Pattern.quote(name));
        }
        return Pattern.compile(any.toString());
    }

    /** Leaves out the repeats of the selector list from {@code start} to {@code end}, when an {@code @extend} grew it. */
    private static void trim(String css, int start, int end, Pattern targets, CssRewrite rewrite) {
        List<int[]> selectors = selectors(css, start, end);
        if (selectors.size() > TRIMMED) {
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean extended = false;
        List<int[]> repeats = new ArrayList<>();
        for (int[] selector : selectors) {
            String text = css.substring(selector[0], selector[1]).strip();
            extended = extended || targets.matcher(text).find();
            if (!seen.add(text)) {
                repeats.add(selector);
            }
        }
        if (!extended) {
            return;
        }
        for (int[] repeat : repeats) {
            // the comma before it goes with it
            rewrite.replace(repeat[0] - 1, repeat[1], "");
        }
    }

    /** Where each selector of the list from {@code start} to {@code end} starts (after its comma) and ends. */
    private static List<int[]> selectors(String css, int start, int end) {
        List<int[]> selectors = new ArrayList<>();
        int depth = 0;
        int from = start;
        int last = end;
        while (last > start && Character.isWhitespace(css.charAt(last - 1))) {
            last--;
        }
        for (int i = start; i < last; i++) {
            char c = css.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '"' || c == '\'') {
                int close = css.indexOf(c, i + 1);
                i = close < 0 ? last : close;
            } else if (c == ',' && depth == 0) {
                selectors.add(new int[] {from, i});
                from = i + 1;
            }
        }
        selectors.add(new int[] {from, last});
        return selectors;
    }
}
