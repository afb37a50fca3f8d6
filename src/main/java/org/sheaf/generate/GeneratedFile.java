package org.sheaf.generate;

import java.util.function.Supplier;

/**
 * A file a {@link Generator} adds to the site.
 *
 * @param outputPath where it is written, relative to the destination ({@code feed.xml})
 * @param origin     what produced it, for diagnostics ({@code jekyll-feed})
 * @param text       its content; called once, after the render stage, when every page and
 *                   document has its rendered {@code content}
 */
public record GeneratedFile(String outputPath, String origin, Supplier<String> text) {
}
