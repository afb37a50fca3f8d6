package org.sheaf.generate;

import java.util.function.Supplier;

/**
 * A file a {@link Generator} adds to the site.
 *
 * @param outputPath where it is written, relative to the destination ({@code feed.xml})
 * @param origin     what produced it, for diagnostics ({@code jekyll-feed})
 * @param text       its content; called after the render stage, when every page and document has
 *                   its rendered {@code content}, and called again when a page's body changed
 *                   and {@code reads} says the text may follow
 * @param replacing  whether it takes the place of the page written to the same path
 *                   ({@code redirect_to} turns a page into a redirect); otherwise two outputs
 *                   at one path are a collision
 * @param reads      which pages' bodies the text depends on, so that the dev server knows what
 *                   to make again after an edit below a page's front matter
 */
public record GeneratedFile(String outputPath, String origin, Supplier<String> text, boolean replacing,
        Reads reads) {

    /**
     * Which pages' bodies (and so their rendered {@code content} and {@code excerpt}) a generated
     * file's text depends on.
     *
     * @param anyPage  any page's (a feed, a search index)
     * @param onePage  one page's, by its site path (the page's published source); null for none
     */
    public record Reads(boolean anyPage, String onePage) {
        /** Front matter, URLs and config only: a sitemap, a citation, a redirect. */
        public static final Reads NO_BODY = new Reads(false, null);
        /** What any page renders to: the safe assumption for a file that does not say. */
        public static final Reads ANY_BODY = new Reads(true, null);

        /** The body of the page at {@code sitePath} only. */
        public static Reads bodyOf(String sitePath) {
            return new Reads(false, sitePath);
        }

        /** Whether an edit to the bodies of the pages at {@code sitePaths} can change the text. */
        public boolean anyOf(java.util.Collection<String> sitePaths) {
            return anyPage || onePage != null && sitePaths.contains(onePage);
        }
    }

    /** A file that adds to the site, replaces nothing, and may depend on any page's body. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text) {
        this(outputPath, origin, text, false, Reads.ANY_BODY);
    }

    /** A file that adds to the site and replaces nothing. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text, Reads reads) {
        this(outputPath, origin, text, false, reads);
    }
}
