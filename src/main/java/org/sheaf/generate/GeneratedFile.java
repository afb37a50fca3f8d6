package org.sheaf.generate;

import java.util.function.Supplier;

/**
 * A file a {@link Generator} adds to the site.
 *
 * @param outputPath where it is written, relative to the destination ({@code feed.xml})
 * @param origin     what produced it, for diagnostics ({@code jekyll-feed})
 * @param text       its content; called once, after the render stage, when every page and
 *                   document has its rendered {@code content}
 * @param replacing  whether it takes the place of the page written to the same path
 *                   ({@code redirect_to} turns a page into a redirect); otherwise two outputs
 *                   at one path are a collision
 */
public record GeneratedFile(String outputPath, String origin, Supplier<String> text, boolean replacing) {

    /** A file that adds to the site and replaces nothing. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text) {
        this(outputPath, origin, text, false);
    }
}
