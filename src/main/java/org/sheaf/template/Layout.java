package org.sheaf.template;

import java.util.Map;

/**
 * One layout file from the layouts folder.
 *
 * @param name        what {@code layout:} calls it: the file name without extension
 * @param fileName    the file name relative to the layouts folder ({@code naked-page.ftlh})
 * @param sitePath    the path printed in diagnostics, relative to the site root
 * @param engine      which engine renders it, by extension
 * @param frontMatter the layout's own front matter ({@code layout.*} in templates)
 * @param body        the template text after the front matter
 * @param bodyLine    the line of the file the body starts on
 */
public record Layout(String name, String fileName, String sitePath, Engine engine, Map<String, Object> frontMatter,
        String body, int bodyLine) {

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

    /** The parent layout named in this layout's front matter, or null. */
    public String parent() {
        Object parent = frontMatter.get("layout");
        return parent == null || "none".equals(parent) ? null : parent.toString();
    }
}
