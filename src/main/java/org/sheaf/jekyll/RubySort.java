package org.sheaf.jekyll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ruby's {@code Array#sort!} as Debian's Ruby runs it, on glibc's {@code qsort_r}: a top-down
 * merge sort that splits a run at half its length (rounded down) and takes from the left run
 * while the comparison gives 0 or less.
 *
 * <p>For an order that is a true order any stable sort gives the same list. Jekyll sorts some
 * lists by one that is not (documents compare by date where both have one, else by path), and
 * there the result is the one of the comparisons this sort makes, in this order.
 */
public final class RubySort {
    private RubySort() {
    }

    /** Sorts list in place by order. */
    public static <T> void sort(List<T> list, Comparator<? super T> order) {
        List<T> sorted = sorted(new ArrayList<>(list), order);
        for (int i = 0; i < sorted.size(); i++) {
            list.set(i, sorted.get(i));
        }
    }

    private static <T> List<T> sorted(List<T> run, Comparator<? super T> order) {
        if (run.size() <= 1) {
            return run;
        }
        int half = run.size() / 2;
        List<T> left = sorted(new ArrayList<>(run.subList(0, half)), order);
        List<T> right = sorted(new ArrayList<>(run.subList(half, run.size())), order);
        List<T> merged = new ArrayList<>(run.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            merged.add(order.compare(left.get(i), right.get(j)) <= 0 ? left.get(i++) : right.get(j++));
        }
        merged.addAll(left.subList(i, left.size()));
        merged.addAll(right.subList(j, right.size()));
        return merged;
    }
}
