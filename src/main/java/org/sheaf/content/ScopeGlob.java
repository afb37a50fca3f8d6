package org.sheaf.content;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code defaults} scope path with wildcards, as {@code Dir.glob} reads it: {@code *} any
 * characters within one folder name, {@code **} across folders ({@code **}{@code /} any number of
 * whole folders), {@code ?} one character other than {@code /}, {@code {a,b}} either
 * alternative (nested too; an unclosed brace closes at the end).
 *
 * <p>Matched without a regular expression, by carrying the set of places in the path that the
 * pattern so far can have reached: each step costs one pass over the path, so a pattern is decided
 * in (pattern length × path length) steps. As a backtracking regex, a scope such as
 * {@code *a*a*a*a*a*a*a*a*a*a*a*a*b} against a long file name did not finish.
 */
final class ScopeGlob {
    private enum Kind { CHAR, ONE, NAME_RUN, FOLDERS, ANYTHING, EITHER }

    private record Step(Kind kind, char c, List<List<Step>> alternatives) {
    }

    private final List<Step> steps;

    private ScopeGlob(List<Step> steps) {
        this.steps = steps;
    }

    static ScopeGlob of(String glob) {
        int[] at = {0};
        return new ScopeGlob(sequence(glob, at, false));
    }

    /** Whether the whole of {@code path} matches. */
    boolean matches(String path) {
        BitSet start = new BitSet();
        start.set(0);
        return reach(steps, start, path).get(path.length());
    }

    /** Reads steps up to the end, or, inside braces, up to the {@code ,} or {@code }} that ends the alternative. */
    private static List<Step> sequence(String glob, int[] at, boolean inBraces) {
        List<Step> steps = new ArrayList<>();
        while (at[0] < glob.length()) {
            char c = glob.charAt(at[0]);
            if (inBraces && (c == ',' || c == '}')) {
                return steps;
            }
            at[0]++;
            if (c == '*') {
                if (at[0] < glob.length() && glob.charAt(at[0]) == '*') {
                    at[0]++;
                    boolean slash = at[0] < glob.length() && glob.charAt(at[0]) == '/';
                    if (slash) {
                        at[0]++;
                    }
                    steps.add(new Step(slash ? Kind.FOLDERS : Kind.ANYTHING, '\0', null));
                } else {
                    steps.add(new Step(Kind.NAME_RUN, '\0', null));
                }
            } else if (c == '?') {
                steps.add(new Step(Kind.ONE, '\0', null));
            } else if (c == '{') {
                List<List<Step>> alternatives = new ArrayList<>();
                alternatives.add(sequence(glob, at, true));
                while (at[0] < glob.length() && glob.charAt(at[0]) == ',') {
                    at[0]++;
                    alternatives.add(sequence(glob, at, true));
                }
                if (at[0] < glob.length()) {
                    at[0]++; // the closing brace
                }
                steps.add(new Step(Kind.EITHER, '\0', alternatives));
            } else {
                steps.add(new Step(Kind.CHAR, c, null));
            }
        }
        return steps;
    }

    /** The places in {@code path} the steps can end at, starting from any place in {@code from}. */
    private static BitSet reach(List<Step> steps, BitSet from, String path) {
        BitSet places = from;
        for (Step step : steps) {
            places = reach(step, places, path);
            if (places.isEmpty()) {
                break;
            }
        }
        return places;
    }

    private static BitSet reach(Step step, BitSet from, String path) {
        int n = path.length();
        BitSet to = new BitSet(n + 1);
        switch (step.kind()) {
            case CHAR, ONE -> {
                for (int i = from.nextSetBit(0); i >= 0 && i < n; i = from.nextSetBit(i + 1)) {
                    char c = path.charAt(i);
                    if (step.kind() == Kind.CHAR ? c == step.c() : c != '/') {
                        to.set(i + 1);
                    }
                }
            }
            case NAME_RUN -> {
                boolean running = false;
                for (int i = 0; i <= n; i++) {
                    running = from.get(i) || running && path.charAt(i - 1) != '/';
                    to.set(i, running);
                }
            }
            case FOLDERS, ANYTHING -> {
                boolean seen = false;
                for (int i = 0; i <= n; i++) {
                    boolean ends = step.kind() == Kind.ANYTHING || i > 0 && path.charAt(i - 1) == '/';
                    to.set(i, from.get(i) || seen && ends);
                    seen |= from.get(i);
                }
            }
            case EITHER -> {
                for (List<Step> alternative : step.alternatives()) {
                    to.or(reach(alternative, from, path));
                }
            }
        }
        return to;
    }
}
