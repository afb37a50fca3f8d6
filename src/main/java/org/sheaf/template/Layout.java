package org.sheaf.template;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.sheaf.diag.Position;

/**
 * One layout file from the layouts folder.
 *
 * @param name        what {@code layout:} calls it: the file name without extension
 * @param fileName    the file name relative to the layouts folder ({@code naked-page.ftlh})
 * @param sitePath    the path printed in diagnostics, relative to the site root
 * @param engine      which engine renders it, by extension
 * @param frontMatter the layout's own front matter ({@code layout.*} in templates)
 * @param positions   where each key and item of {@code frontMatter} is in the file, by dotted path
 * @param body        the template text after the front matter
 * @param bodyLine    the line of the file the body starts on
 */
public record Layout(String name, String fileName, String sitePath, Engine engine, Map<String, Object> frontMatter,
        Map<String, Position> positions, String body, int bodyLine) {

    public Layout {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** The template language of a layout, chosen by its extension. */
    public enum Engine {
        /** {@code .ftlh} and {@code .ftl}: Freemarker. */
        FREEMARKER,
        /** Anything else ({@code .html}, {@code .xml}, ...): Liquid, as in Jekyll. */
        LIQUID;

        /** The engine for a file name. */
        public static Engine of(String fileName) {
            return fileName.endsWith(".ftlh") || fileName.endsWith(".ftl") ? FREEMARKER : LIQUID;
        }
    }

    /** Where a front matter key is, or the start of the file. */
    public Position positionOf(String key) {
        return positions.getOrDefault(key, new Position(1, 1));
    }

    /** The parent layout named in this layout's front matter, or null. */
    public String parent() {
        Object parent = frontMatter.get("layout");
        return parent == null || "none".equals(parent) ? null : parent.toString();
    }
}
