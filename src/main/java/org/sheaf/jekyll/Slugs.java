package org.sheaf.jekyll;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jekyll's slugify, mode for mode, used by permalinks ({@code :slug}, {@code :title}) and by
 * the {@code slugify} filter and function.
 *
 * <p>Modes: {@code none} (unchanged), {@code raw} (runs of whitespace become {@code -}),
 * {@code default} (runs of anything but letters, marks and digits), {@code pretty} (as default
 * but also keeping {@code ._~!$&'()+,;=@}), {@code ascii} (anything but ASCII letters and
 * digits), {@code latin} (accents dropped first, then as default). An unknown mode behaves
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
                input = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
                input = input.replaceAll("[^\\p{ASCII}]", "?");
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
