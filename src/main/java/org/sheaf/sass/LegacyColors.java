package org.sheaf.sass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the colours in dart-sass's output as libsass, and so Jekyll 4.3, writes them: a colour
 * that functions such as {@code darken()} computed has fractional channels in dart-sass
 * ({@code rgb(22.9483471074, 86.2541322314, 168.5516528926)}) where libsass rounds them
 * ({@code #1756a9}); {@code rgb(10, 20, 30)} is {@code #0a141e} in libsass, and a colour with a
 * name is written by its name ({@code rgba(0, 0, 0, 1)} is {@code black}); and {@code rgba()}
 * keeps its alpha with rounded channels ({@code rgba(26, 98, 191, 0.5)}); and a colour that
 * {@code lighten()} made from a hex colour, which dart-sass writes as {@code hsl(15, 100%, 70%)},
 * is the hex colour it names ({@code #ff8c66}).
 *
 * <p>Only {@code rgb()}, {@code rgba()}, {@code hsl()} and {@code hsla()} with comma-separated
 * plain numbers are touched, and
 * never inside a string, a comment or a custom property ({@code --x: rgb(...)}, which Sass leaves
 * as written). Each change is returned as a {@link SourceMapShift.Edit}, so the source map's
 * columns can follow.
 */
final class LegacyColors {
    private static final String NUMBER = "\\s*(\\d+(?:\\.\\d+)?)\\s*";
    private static final Pattern RGB = Pattern.compile(
            "rgb(a?)\\(" + NUMBER + "," + NUMBER + "," + NUMBER + "(?:," + NUMBER + ")?\\)");
    private static final Pattern HSL = Pattern.compile(
            "hsl(a?)\\(" + NUMBER + "(?:deg)?\\s*," + NUMBER + "%\\s*," + NUMBER + "%\\s*(?:," + NUMBER + ")?\\)");

    private LegacyColors() {
    }

    /**
     * The CSS with its colours as libsass writes them.
     *
     * @param edits receives each change, at its offset in {@code css}
     */
    static String rounded(String css, List<SourceMapShift.Edit> edits) {
        StringBuilder out = new StringBuilder(css.length());
        Matcher m = RGB.matcher(css);
        Matcher h = HSL.matcher(css);
        int i = 0;
        boolean custom = false;
        char last = '{';
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? css.length() : end + 2;
                out.append(css, i, end);
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = stringEnd(css, i);
                out.append(css, i, end);
                i = end;
                continue;
            }
            if (c == '-' && css.startsWith("--", i) && (last == '{' || last == ';')) {
                custom = true;
            } else if (c == ';' || c == '}' || c == '{') {
                custom = false;
            }
            Matcher color = c == 'r' ? m : c == 'h' ? h : null;
            if (!custom && color != null && color.region(i, css.length()).lookingAt()) {
                String replacement = c == 'r' ? replacement(color) : hslReplacement(color);
                out.append(replacement);
                if (!replacement.equals(color.group())) {
                    edits.add(new SourceMapShift.Edit(i, color.end() - i, replacement.length()));
                }
                i = color.end();
                last = ')';
                continue;
            }
            out.append(c);
            if (!Character.isWhitespace(c)) {
                last = c;
            }
            i++;
        }
        return out.toString();
    }

    private static String replacement(Matcher m) {
        boolean alpha = m.group(5) != null;
        if (!m.group(1).isEmpty() != alpha) {
            return m.group();
        }
        int[] channels = new int[3];
        for (int k = 0; k < 3; k++) {
            long value = Math.round(Double.parseDouble(m.group(k + 2)));
            if (value > 255) {
                return m.group();
            }
            channels[k] = (int) value;
        }
        if (alpha) {
            return "rgba(" + channels[0] + ", " + channels[1] + ", " + channels[2] + ", " + m.group(5) + ")";
        }
        return opaque(channels[0], channels[1], channels[2]);
    }

    /** An opaque colour as libsass writes it: its name when it has one ({@code black}), else six hex digits. */
    private static String opaque(long red, long green, long blue) {
        String name = ColorNames.name((int) (red << 16 | green << 8 | blue));
        return name != null ? name : String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** {@code hsl()} as the colour it names, in libsass's form; unchanged when out of range. */
    private static String hslReplacement(Matcher m) {
        boolean alpha = m.group(5) != null;
        if (!m.group(1).isEmpty() != alpha) {
            return m.group();
        }
        double hue = (Double.parseDouble(m.group(2)) % 360) / 360;
        double saturation = Double.parseDouble(m.group(3)) / 100;
        double lightness = Double.parseDouble(m.group(4)) / 100;
        if (saturation > 1 || lightness > 1) {
            return m.group();
        }
        double q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation;
        double p = 2 * lightness - q;
        long[] channels = {Math.round(255 * hueToChannel(p, q, hue + 1.0 / 3)), Math.round(255 * hueToChannel(p, q, hue)),
            Math.round(255 * hueToChannel(p, q, hue - 1.0 / 3))};
        if (alpha) {
            return "rgba(" + channels[0] + ", " + channels[1] + ", " + channels[2] + ", " + m.group(5) + ")";
        }
        return opaque(channels[0], channels[1], channels[2]);
    }

    private static double hueToChannel(double p, double q, double t) {
        double hue = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        if (hue < 1.0 / 6) {
            return p + (q - p) * 6 * hue;
        }
        if (hue < 1.0 / 2) {
            return q;
        }
        if (hue < 2.0 / 3) {
            return p + (q - p) * (2.0 / 3 - hue) * 6;
        }
        return p;
    }

    private static int stringEnd(String css, int start) {
        char quote = css.charAt(start);
        int i = start + 1;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote || c == '\n') {
                return i + 1;
            }
            i++;
        }
        return css.length();
    }
}
