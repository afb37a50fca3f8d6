package org.sheaf.markdown;

import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of kramdown attribute lists ({@code {: title="..."}}) on elements whose tags
 * flexmark's writer writes. kramdown escapes a value's {@code <}, {@code >}, {@code "} and each
 * {@code &} that starts no {@link CharacterReference}; flexmark's writer escapes every value again
 * and takes fewer {@code &} for references than kramdown ({@code &a;}, {@code &a.b;},
 * {@code &#99999999999;} lose theirs), with no way to tell it otherwise. So the attribute
 * provider hands flexmark each value escaped as kramdown escapes it, with every {@code &} in it
 * a marker, which flexmark leaves alone, and {@link #unmarked} turns the markers back into
 * {@code &} in the document's HTML.
 *
 * <p>The marker is a private-use character the page's HTML cannot hold otherwise: every
 * character of that HTML not written by sheaf itself comes from the page's text, as written or
 * as a numeric reference names it ({@code &#xE000;}), so the marker is the first private-use
 * character the text neither holds nor names. One per rendered document; not thread-safe.
 */
final class KramdownAttributeValues {
    static final NullableDataKey<KramdownAttributeValues> KEY = new NullableDataKey<>("SHEAF_KRAMDOWN_ATTRIBUTE_VALUES");

    /** The private-use characters a marker is taken from, first to last: those of the BMP, then planes 15 and 16. */
    private static final int[][] PRIVATE_USE = {{0xE000, 0xF8FF}, {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD}};
    /** A numeric reference in any spelling: hexadecimal (group 1, without its leading zeros) or decimal (group 2). */
    private static final Pattern NUMBER = Pattern.compile("&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));");

    private final CharSequence text;
    private String marker;

    /** @param text the text of the document rendered */
    KramdownAttributeValues(CharSequence text) {
        this.text = text;
    }

    /** {@code value} as flexmark's writer is to be given it: escaped as kramdown escapes it, each {@code &} a marker. */
    String written(String value) {
        String escaped = KramdownTags.escapedValue(value);
        if (escaped.indexOf('&') < 0) {
            return escaped;
        }
        if (marker == null) {
            marker = markerFor(text);
        }
        return escaped.replace("&", marker);
    }

    /** {@code html}, the document's HTML, with each marker an {@code &} again. */
    String unmarked(String html) {
        return marker == null ? html : html.replace(marker, "&");
    }

    /**
     * The first private-use character {@code text} neither holds nor names in a numeric reference;
     * the text is read once, whatever number of such characters it holds.
     */
    private static String markerFor(CharSequence text) {
        Set<Integer> taken = new HashSet<>();
        text.codePoints().filter(c -> c >= PRIVATE_USE[0][0]).forEach(taken::add);
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String digits = number.group(1) != null ? number.group(1) : number.group(2);
            if (digits.length() <= 7) {
                taken.add(Integer.parseInt(digits, number.group(1) != null ? 16 : 10));
            }
        }
        for (int[] range : PRIVATE_USE) {
            for (int c = range[0]; c <= range[1]; c++) {
                if (!taken.contains(c)) {
                    return Character.toString(c);
                }
            }
        }
        throw new IllegalStateException("the text holds or names every private-use character");
    }
}
