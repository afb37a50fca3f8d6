package org.sheaf.jekyll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ruby's {@code Array#sort} and {@code sort!} as Jekyll 4.3 runs them on Debian: Ruby hands the
 * array to glibc's {@code qsort_r}, a top-down merge sort that splits a run at half its length
 * (rounded down) and takes from the left run while the comparison gives 0 or less. (Logging the
 * comparisons Ruby 3.1 makes on random arrays shows this very sequence.)
 *
 * <p>For a total order any stable sort gives the same list. Jekyll and Liquid sort some lists by
 * comparisons that are not one (documents by date where both have one, else by path; nils that
 * {@code sort_natural} calls unequal); there the result is that of the comparisons this sort
 * makes, in its order, on the list in the order Jekyll built it.
 */
public final class RubyMergeSort {
    private RubyMergeSort() {
    }

    /** Sorts {@code items} in place as glibc's merge sort does. */
    public static <T> void sort(List<T> items, Comparator<? super T> order) {
        List<T> sorted = mergeSorted(new ArrayList<>(items), order);
        for (int i = 0; i < sorted.size(); i++) {
            items.set(i, sorted.get(i));
        }
    }

    private static <T> List<T> mergeSorted(List<T> items, Comparator<? super T> order) {
        int n = items.size();
        if (n <= 1) {
            return items;
        }
        int half = n / 2;
        List<T> left = mergeSorted(new ArrayList<>(items.subList(0, half)), order);
        List<T> right = mergeSorted(new ArrayList<>(items.subList(half, n)), order);
        List<T> out = new ArrayList<>(n);
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            out.add(order.compare(left.get(i), right.get(j)) <= 0 ? left.get(i++) : right.get(j++));
        }
        out.addAll(left.subList(i, left.size()));
        out.addAll(right.subList(j, right.size()));
        return out;
    }
}
