package org.sheaf.markdown;

import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;

/**
 * Dashes and ellipses as characters. flexmark's typographic parser names them as entities
 * ({@code &hellip;}) whatever its options say; kramdown (its {@code entity_output} is
 * {@code as_char}) and CommonMarker's SMART write the characters, which a template that reads the
 * HTML without decoding it (a search index built with strip_html) shows as they are.
 */
final class TypographicCharacters {
    private TypographicCharacters() {
    }

    static void render(TypographicSmarts node, NodeRendererContext context, HtmlWriter html) {
        html.raw(character(node.getTypographicText()));
    }

    static String character(String typographic) {
        return switch (typographic) {
            case "&hellip;" -> "…";
            case "&ndash;" -> "–";
            case "&mdash;" -> "—";
            default -> typographic;
        };
    }
}
