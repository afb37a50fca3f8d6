package org.sheaf.jekyll;

/**
 * A Liquid range ({@code (1..3)}) among template values: to the filters that walk it, a list of its
 * numbers, but to Ruby's {@code to_s}, {@code inspect} and JSON a {@code Range}, written by its
 * ends ({@code 1..3}) wherever it stands, inside an array too ({@code push: (1..3)}).
 */
public interface RubyRange {
    /** Ruby's {@code to_s} and {@code inspect} of the range: its ends, {@code 1..3}. */
    String rubyText();
}
