package org.sheaf.liquid;

import java.nio.file.Path;

/**
 * The file being rendered, handed from {@link LiquidRenderer} to its tags through a variable
 * whose name templates cannot write. It deliberately has no getters and prints as nothing,
 * so a template that reaches it learns nothing.
 */
final class Frame {
    /** The variable name; {@code @} cannot start or appear in a Liquid identifier. */
    static final String VARIABLE = "sheaf@frame";

    final String path;
    final String text;
    final int firstLine;
    final Path pageFolder;
    final String pagePath;
    final int depth;
    final Path siteRoot;

    Frame(String path, String text, int firstLine, Path pageFolder, String pagePath, int depth, Path siteRoot) {
        this.path = path;
        this.text = text;
        this.firstLine = firstLine;
        this.pageFolder = pageFolder;
        this.pagePath = pagePath;
        this.depth = depth;
        this.siteRoot = siteRoot;
    }

    @Override
    public String toString() {
        return "";
    }
}
