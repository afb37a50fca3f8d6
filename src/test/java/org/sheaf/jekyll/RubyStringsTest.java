package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each expected value is what Ruby 3.1 gives for the same call. */
class RubyStringsTest {
    @Test
    void splitsAsRubyDoes() {
        assertArrayEquals(new String[] {"", "a", "", "b"}, RubyStrings.split(",a,,b,", ","));
        assertArrayEquals(new String[] {"a", "b"}, RubyStrings.split(" \t a \n b  ", " "));
        assertArrayEquals(new String[] {"a", "", "b"}, RubyStrings.split("a--b", "-"));
        assertArrayEquals(new String[] {"", "a"}, RubyStrings.split("-a-", "-"));
        assertArrayEquals(new String[] {"é", "x"}, RubyStrings.split("éx", ""));
        assertArrayEquals(new String[0], RubyStrings.split("", ","));
        assertArrayEquals(new String[0], RubyStrings.split("   ", " "));
    }

    /** The split filter took NUL for leading white space, truncatewords did not; Ruby does not. */
    @Test
    void nulIsNoWhiteSpace() {
        assertArrayEquals(new String[] {"\0", "a", "b"}, RubyStrings.split("\0 a b", " "));
        assertArrayEquals(new String[] {"\0a", "b"}, RubyStrings.split(" \0a b", " "));
    }

    @Test
    void capitalizesTheFirstCharacterAndLowersTheRest() {
        assertEquals("Posts", RubyStrings.capitalize("pOSTS"));
        assertEquals("Éa", RubyStrings.capitalize("éa"));
        assertEquals("", RubyStrings.capitalize(""));
    }

    @Test
    void capitalizesInTitleCaseWhereOneLetterBecomesTwo() {
        assertEquals("Ssa", RubyStrings.capitalize("ßa"));
        assertEquals("Fix", RubyStrings.capitalize("\uFB01X"));
        assertEquals("\u01C5x", RubyStrings.capitalize("\u01C6X"));
        assertEquals("\uD835\uDC9Cb", RubyStrings.capitalize("\uD835\uDC9CB"));
        assertEquals("\u0130x", RubyStrings.capitalize("\u0130X"));
        assertEquals("Hello world", RubyStrings.capitalize("hELLO wORLD"));
    }

    @Test
    void substitutesAsGsubAndSubDo() {
        assertEquals("You\\'re here", RubyStrings.gsub("You're here", "'", "\\\\'"));
        assertEquals("a[b|b|a|c||\\x|\\]c", RubyStrings.gsub("abc", "b", "[\\0|\\&|\\`|\\'|\\1|\\x|\\\\]"));
        assertEquals("a<a>a<aba>", RubyStrings.gsub("abab", "b", "<\\`>"));
        assertEquals("a\\", RubyStrings.gsub("ab", "b", "\\"));
        assertEquals("xbab", RubyStrings.sub("abab", "a", "x"));
        assertEquals("-a-é-c-", RubyStrings.gsub("aéc", "", "-"));
        assertEquals("-abc", RubyStrings.sub("abc", "", "-"));
        assertEquals("-", RubyStrings.gsub("", "", "-"));
        assertEquals("", RubyStrings.gsub("", "a", "-"));
        assertEquals("abc", RubyStrings.gsub("abc", "x", "-"));
    }
}
