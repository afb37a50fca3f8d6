package org.sheaf.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code include} and {@code exclude} globs: Ruby's {@code File.fnmatch}, for any text a writer may give. */
class SourceScannerTest {
    private static List<Boolean> matches(String glob, String... names) {
        return java.util.Arrays.stream(names).map(name -> EntryPattern.of(glob).matches(name, false)).toList();
    }

    @Test
    void bracketsMatchAsRubysFnmatchDoes() {
        // each expectation is what `ruby -e 'p File.fnmatch(GLOB, NAME)'` prints
        assertEquals(List.of(true, false), matches("[a-c]x", "bx", "dx"));
        assertEquals(List.of(true, false), matches("[!a]", "b", "a"));
        assertEquals(List.of(true, false), matches("[^a]", "b", "a"));
        assertEquals(List.of(true, false), matches("[\\]]", "]", "a"));
        assertEquals(List.of(false, true, true), matches("[z-a]", "b", "z", "a"));
    }

    @Test
    void bracketsThatAreNotRegexesNeverFail() {
        for (String glob : List.of("[]", "[", "[!]", "[\\", "a[b", "[]]", "[a-]", "[-a]", "[\\x{zz}]", "[[:alpha:]]", "[&&]")) {
            EntryPattern.of(glob).matches("anything", false);
        }
        assertEquals(List.of(false, false), matches("[]", "a", "]"));
        assertEquals(List.of(true, true), matches("[a-]", "a", "-"));
    }
}
