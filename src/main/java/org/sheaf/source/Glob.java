package org.sheaf.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A Jekyll {@code include}/{@code exclude} entry: a glob in {@code File.fnmatch} style ({@code *}
 * any run of characters, folders included, as without FNM_PATHNAME; {@code ?} one character;
 * {@code [a-z]}, {@code [!x]}, {@code [^x]} one of a set; {@code \} makes the next character
 * literal) that also matches everything starting with what it matches, as Jekyll's prefix test
 * does. An entry ending in {@code /} matches that folder and what is inside it.
 *
 * <p>Matched without a regular expression: the pattern is only single-character steps and
 * {@code *}, so one pass that goes back to the last {@code *} on a mismatch decides it in at most
 * (pattern length × path length) steps. A backtracking regex took exponential time on entries
 * such as {@code *a*a*a*a*a*a*b}, which hung the scan.
 */
record Glob(List<List<Step>> alternatives) {
    /** One step of a glob: a run of any characters, or one character from a set. */
    record Step(boolean star, BitSet chars, boolean negated) {
        boolean accepts(char c) {
            return chars.get(c) != negated;
        }
    }

    static Glob of(String entry) {
        String pattern = entry.startsWith("/") ? entry.substring(1) : entry;
        boolean folder = pattern.endsWith("/");
        if (folder) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 1) : -1;
            if (c == '*') {
                steps.add(new Step(true, null, false));
            } else if (c == '?') {
                steps.add(new Step(false, new BitSet(), true));
            } else if (close > i) {
                steps.add(set(pattern.substring(i + 1, close)));
                i = close;
            } else {
                if (c == '\\' && i + 1 < pattern.length()) {
                    c = pattern.charAt(++i);
                }
                BitSet one = new BitSet();
                one.set(c);
                steps.add(new Step(false, one, false));
            }
        }
        Step star = new Step(true, null, false);
        List<Step> orBelow = new ArrayList<>(steps);
        if (!folder) {
            orBelow.add(star);
            return new Glob(List.of(List.copyOf(orBelow)));
        }
        BitSet slash = new BitSet();
        slash.set('/');
        orBelow.add(new Step(false, slash, false));
        orBelow.add(star);
        return new Glob(List.of(List.copyOf(steps), List.copyOf(orBelow)));
    }

    /** {@code [...]}'s inside: characters and ranges, negated by a leading {@code !} or {@code ^}. */
    private static Step set(String inside) {
        boolean negated = !inside.isEmpty() && (inside.charAt(0) == '!' || inside.charAt(0) == '^');
        String members = negated ? inside.substring(1) : inside;
        BitSet chars = new BitSet();
        for (int i = 0; i < members.length(); i++) {
            char from = members.charAt(i);
            if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
                char to = members.charAt(i + 2);
                if (from <= to) {
                    chars.set(from, to + 1);
                }
                i += 2;
            } else {
                chars.set(from);
            }
        }
        return new Step(false, chars, negated);
    }

    /** Whether {@code path} (relative to the source, {@code /}-separated) or a name matches. */
    boolean matches(String path) {
        for (List<Step> alternative : alternatives) {
            if (matches(alternative, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the steps match all of {@code path}. A {@code *} is tried as short as possible and
     * grown by one character when the steps after it fail; going back to the last {@code *} only
     * is enough because every other step takes exactly one character.
     */
    private static boolean matches(List<Step> steps, String path) {
        int step = 0;
        int at = 0;
        int lastStar = -1;
        int starAt = 0;
        while (at < path.length()) {
            if (step < steps.size() && steps.get(step).star()) {
                lastStar = step++;
                starAt = at;
            } else if (step < steps.size() && steps.get(step).accepts(path.charAt(at))) {
                step++;
                at++;
            } else if (lastStar >= 0) {
                step = lastStar + 1;
                at = ++starAt;
            } else {
                return false;
            }
        }
        while (step < steps.size() && steps.get(step).star()) {
            step++;
        }
        return step == steps.size();
    }
}
