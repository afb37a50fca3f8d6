package org.sheaf.generate;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A file a {@link Generator} adds to the site.
 *
 * @param outputPath where it is written, relative to the destination ({@code feed.xml})
 * @param origin     what produced it, for diagnostics ({@code jekyll-feed})
 * @param text       its content; called after the render stage, when every page and document has
 *                   its rendered {@code content}, and called again when a page's body changed
 *                   and {@code reads} says the text may follow; for a {@link Listing#rendered}
 *                   file, also while pages render (every document has rendered by then), when a
 *                   page listed after it reads its {@code content}
 * @param replacing  whether it takes the place of the page written to the same path
 *                   ({@code redirect_to} turns a page into a redirect); otherwise two outputs
 *                   at one path are a collision
 * @param reads      which pages' bodies the text depends on, so that the dev server knows what
 *                   to make again after an edit below a page's front matter
 * @param listing    how the Jekyll plugin's page for this file shows in {@code site.pages}; null
 *                   for a file Jekyll lists there as no page (sheaf's own files)
 */
public record GeneratedFile(String outputPath, String origin, Supplier<String> text, boolean replacing,
        Reads reads, Listing listing) {

    /**
     * A generated file's entry in {@code site.pages}: Jekyll's plugins add their pages there
     * before rendering, so templates that loop over the pages see them.
     *
     * @param plugin    the plugin that adds it, which decides where it stands in the list
     * @param variables the page's variables as the plugin sets them, and Jekyll's {@code content},
     *                  {@code dir}, {@code excerpt}, {@code name}, {@code path} and {@code url}
     * @param rendered  whether Jekyll renders the page from the plugin's Liquid template, so that
     *                  its {@code content} is the file's text for the pages Jekyll renders after it
     *                  (for those before, the template, which sheaf does not have: {@code content}
     *                  in {@code variables} is then empty); false where {@code content} is the
     *                  same before and after rendering
     */
    public record Listing(String plugin, Map<String, Object> variables, boolean rendered) {

        /**
         * The variables of a page a plugin makes without a source file (Jekyll's
         * {@code PageWithoutAFile}): {@code data}, then Jekyll's own. {@code name} is the file
         * name the plugin passes (jekyll-feed's starts with a slash), {@code path} that name
         * relative to the source, {@code dir} the URL's folder.
         */
        static Map<String, Object> variables(Map<String, Object> data, String content, String name, String url) {
            Map<String, Object> variables = new java.util.LinkedHashMap<>(data);
            variables.put("content", content);
            variables.put("dir", url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1));
            variables.put("excerpt", null);
            variables.put("name", name);
            variables.put("path", name.startsWith("/") ? name.substring(1) : name);
            variables.put("url", url);
            return java.util.Collections.unmodifiableMap(variables);
        }
    }

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

    /** A file that Jekyll lists in {@code site.pages} as no page. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text, boolean replacing, Reads reads) {
        this(outputPath, origin, text, replacing, reads, null);
    }

    /** A file that adds to the site, replaces nothing, and may depend on any page's body. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text) {
        this(outputPath, origin, text, false, Reads.ANY_BODY);
    }

    /** A file that adds to the site and replaces nothing. */
    public GeneratedFile(String outputPath, String origin, Supplier<String> text, Reads reads) {
        this(outputPath, origin, text, false, reads);
    }

    /** This file, listed in {@code site.pages} by {@code plugin} with {@code variables}, its content among them. */
    public GeneratedFile listedBy(String plugin, Map<String, Object> variables) {
        return new GeneratedFile(outputPath, origin, text, replacing, reads, new Listing(plugin, variables, false));
    }

    /**
     * This file, listed in {@code site.pages} by {@code plugin} with {@code variables}, as a page
     * the plugin renders from its template: its {@code content} is this file's text for the pages
     * Jekyll renders after it ({@link Listing#rendered}).
     */
    public GeneratedFile listedAsRenderedBy(String plugin, Map<String, Object> variables) {
        return new GeneratedFile(outputPath, origin, text, replacing, reads, new Listing(plugin, variables, true));
    }
}
