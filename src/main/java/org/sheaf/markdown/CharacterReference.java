package org.sheaf.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.sheaf.jekyll.Html;

/**
 * An HTML character reference as kramdown reads one: {@code &}, then a name, a decimal number or
 * {@code x} and a hexadecimal one, then {@code ;}. kramdown's parser finds references with its
 * {@code HTML_ENTITY_RE} and its writer keeps them with REXML's {@code REFERENCE_RE}; the two
 * spell the same shape. A name is any run of ASCII letters, digits, {@code _}, {@code -},
 * {@code .} and {@code :} that starts with none of {@code -} and {@code .}, known or not:
 * {@code &1a;} and {@code &a.b;} are references, {@code &é;} and {@code &#abc;} are not.
 *
 * <p>The two differ in what they do with one:
 * <ul>
 *   <li>kramdown's span parser reads it as the character it stands for, {@link #read} in
 *       {@link Smartypants} and {@link #readInText} in a page's Markdown;</li>
 *   <li>its writer, escaping text and attribute values ({@link KramdownHtmlText#escapedRaw}),
 *       keeps any reference as written and escapes an {@code &} that starts none.</li>
 * </ul>
 *
 * <p>kramdown reads a number from 128 to 159 as a byte of Windows-1252, as browsers long did:
 * {@code &#128;} is €, {@code &#149;} is •; the five numbers that code page leaves undefined
 * ({@code &#129;}, {@code &#141;}, {@code &#143;}, {@code &#144;}, {@code &#157;}) stay the C1
 * control characters they number.
 */
final class CharacterReference {
    /** A reference: its name (group 1), decimal number (group 2) or hexadecimal number (group 3). */
    static final Pattern PATTERN = Pattern.compile("&(?:([\\w:][-\\w.:]*)|#(\\d+)|#x([0-9a-fA-F]+));");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharacterReference() {
    }

    /**
     * How kramdown's span parser, with Jekyll's {@code entity_output: as_char}, writes the
     * reference {@code m} found: the character, or the reference as written for {@code &},
     * {@code <}, {@code >} and for a number that is no character; a name kramdown does not know
     * ({@code &bogus;}) is text, its {@code &} escaped.
     */
    static String read(Matcher m) {
        return read(m, false);
    }

    /**
     * How a page's Markdown writes {@code written}, a reference flexmark found in text: as
     * {@link #read} does, except that a number that is no character ({@code &#0;}, a
     * surrogate's {@code &#55296;}, {@code &#x110000;}) is U+FFFD, the character HTML reads it as
     * (kramdown writes the bytes Ruby makes of the number, which are no UTF-8). What kramdown does
     * not read as a reference ({@code &#X41;}, whose {@code X} flexmark allows) is text.
     */
    static String readInText(String written) {
        Matcher m = PATTERN.matcher(written);
        return m.matches() ? read(m, true) : "&amp;" + written.substring(1);
    }

    /**
     * Whether kramdown reads {@code written}, a reference flexmark found in text, as a reference:
     * a number, or a name it knows; any other ({@code &foo;}) is text to kramdown, and so is a
     * span attribute list after it.
     */
    static boolean readAsReference(String written) {
        Matcher m = PATTERN.matcher(written);
        return m.matches() && (m.group(1) == null || Html.isKramdownEntity(m.group(1)));
    }

    /**
     * {@link #read}, or with {@code asHtmlReadsNumbers} {@link #readInText}: the one reading,
     * two ways with a number that is no character.
     */
    private static String read(Matcher m, boolean asHtmlReadsNumbers) {
        String character;
        if (m.group(1) != null) {
            if (!Html.isKramdownEntity(m.group(1))) {
                return "&amp;" + m.group().substring(1);
            }
            character = Entities.getByName(m.group(1));
        } else {
            int code = windows1252(number(m));
            boolean isCharacter = code >= 0 && Character.isValidCodePoint(code) && (code < 0xD800 || code > 0xDFFF);
            if (asHtmlReadsNumbers && (code == 0 || !isCharacter)) {
                return "\uFFFD";
            }
            if (!isCharacter) {
                return m.group();
            }
            character = new String(Character.toChars(code));
        }
        return switch (character) {
            case "&", "<", ">" -> m.group();
            default -> character;
        };
    }

    /** The number of the numeric reference {@code m}, or -1 when it has more than seven digits. */
    private static int number(Matcher m) {
        String digits = m.group(2) != null ? m.group(2) : m.group(3);
        int radix = m.group(2) != null ? 10 : 16;
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.length() - first > 7 ? -1 : Integer.parseInt(digits, first, digits.length(), radix);
    }

    /**
     * The code point kramdown reads the number {@code code} as: from 128 to 159 the character of
     * that byte in Windows-1252 where the code page defines one, otherwise the number itself.
     */
    private static int windows1252(int code) {
        if (code < 0x80 || code > 0x9F) {
            return code;
        }
        int character = new String(new byte[] {(byte) code}, WINDOWS_1252).codePointAt(0);
        return character == '\uFFFD' ? code : character;
    }

    /**
     * The character {@code reference} (a whole reference, {@code &#8220;}) stands for, as the text
     * of a paragraph reads it: a number that is no character, {@code &#0;}, {@code &#x110000;} or a
     * surrogate's {@code &#55296;}, as U+FFFD, the character HTML reads such a reference as
     * (kramdown writes the bytes Ruby makes of the number, which are no UTF-8), and one from 128
     * to 159 as Windows-1252 reads it.
     */
    static String character(String reference) {
        String character = Escaping.unescapeString(reference);
        if (character.length() != 1) {
            return character;
        }
        char c = character.charAt(0);
        return Character.isSurrogate(c) ? "\uFFFD" : Character.toString(windows1252(c));
    }
}
