package org.sheaf.jekyll;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jekyll's slugify, mode for mode, used by permalinks ({@code :slug}, {@code :title}) and by
 * the {@code slugify} filter and function.
 *
 * <p>Modes: {@code none} (unchanged), {@code raw} (runs of whitespace become {@code -}),
 * {@code default} (runs of anything but letters, marks and digits), {@code pretty} (as default
 * but also keeping {@code ._~!$&'()+,;=@}), {@code ascii} (anything but ASCII letters and
 * digits), {@code latin} (letters of Latin-1 and Latin Extended-A written in ASCII first, as
 * Ruby's I18n transliterates them, then as default). An unknown mode behaves
 * like {@code none}. Leading and trailing hyphens go; the result is lower case unless
 * {@code cased}.
 */
public final class Slugs {
    private static final Pattern RAW = Pattern.compile("\\s+");
    private static final Pattern DEFAULT = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}]+");
    private static final Pattern PRETTY = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");
    private static final Pattern ASCII = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");
    /**
     * The letters of U+00C0 to U+017E that I18n's transliteration writes otherwise than their
     * base letter without accents; the rest of that range loses its accents, and every other
     * character that is not ASCII (÷, a decomposed accent, Latin Extended-B, other scripts) is
     * {@code ?}.
     */
    private static final Map<Integer, String> LATIN_LETTERS = Map.ofEntries(
            Map.entry(0xC6, "AE"), Map.entry(0xD0, "D"), Map.entry(0xD7, "x"), Map.entry(0xD8, "O"),
            Map.entry(0xDE, "Th"), Map.entry(0xDF, "ss"), Map.entry(0xE6, "ae"), Map.entry(0xF0, "d"),
            Map.entry(0xF8, "o"), Map.entry(0xFE, "th"), Map.entry(0x110, "D"), Map.entry(0x111, "d"),
            Map.entry(0x126, "H"), Map.entry(0x127, "h"), Map.entry(0x131, "i"), Map.entry(0x132, "IJ"),
            Map.entry(0x133, "ij"), Map.entry(0x138, "k"), Map.entry(0x13F, "L"), Map.entry(0x140, "l"),
            Map.entry(0x141, "L"), Map.entry(0x142, "l"), Map.entry(0x149, "'n"), Map.entry(0x14A, "NG"),
            Map.entry(0x14B, "ng"), Map.entry(0x152, "OE"), Map.entry(0x153, "oe"), Map.entry(0x166, "T"),
            Map.entry(0x167, "t"));

    private Slugs() {
    }

    /** The slug of {@code text} in the {@code default} mode, lower case. */
    public static String slugify(String text) {
        return slugify(text, "default", false);
    }

    /**
     * The slug of {@code text}.
     *
     * @param mode  one of Jekyll's modes; null means {@code default}
     * @param cased keep the letters' case
     */
    public static String slugify(String text, String mode, boolean cased) {
        String chosen = mode == null ? "default" : mode;
        Pattern separators;
        String input = text;
        switch (chosen) {
            case "raw" -> separators = RAW;
            case "default" -> separators = DEFAULT;
            case "pretty" -> separators = PRETTY;
            case "ascii" -> separators = ASCII;
            case "latin" -> {
                input = latinTransliterated(text);
                separators = DEFAULT;
            }
            default -> {
                return cased ? text : text.toLowerCase(Locale.ROOT);
            }
        }
        String slug = separators.matcher(input).replaceAll("-");
        slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
        return cased ? slug : slug.toLowerCase(Locale.ROOT);
    }

    /** {@code text} in ASCII as Ruby's {@code I18n.transliterate} writes it (see {@link #LATIN_LETTERS}). */
    private static String latinTransliterated(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.appendCodePoint(c);
            } else if (c >= 0xC0 && c <= 0x17E && c != 0xF7) {
                String letter = LATIN_LETTERS.get(c);
                out.append(letter != null ? letter
                        : ACCENTS.matcher(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD)).replaceAll(""));
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /**
     * Jekyll's {@code titleize_slug}, a post's title from its file name: each word between
     * hyphens capitalized, joined by spaces ({@code fellowship-begins} becomes {@code Fellowship
     * Begins}); as Ruby splits, an empty word between two hyphens leaves two spaces.
     */
    public static String titleize(String slug) {
        String[] words = RubyStrings.split(slug, "-");
        for (int i = 0; i < words.length; i++) {
            words[i] = RubyStrings.capitalize(words[i]);
        }
        return String.join(" ", words);
    }
}
