package org.sheaf.incremental;

import java.io.Serializable;

/**
 * Something a page's output may depend on besides its own text, front matter, URL and layout
 * chain (which {@link DependencyGraph} compares directly): a node of the dependency graph. Each
 * has a fingerprint per build ({@link BuildState#values}) except the {@link Marker}s, which say
 * how a page is rendered rather than what it reads.
 *
 * <p>Records and enum constants, so inputs compare by value and a {@link BuildState} saves them.
 */
sealed interface Input extends Serializable permits Input.Data, Input.Aggregate, Input.Shared, Input.Marker {

    /** One data file, {@code site.data.NAME}: its parsed value. */
    record Data(String name) implements Input {
    }

    /**
     * A list of pages: a collection ({@code site.posts}, {@code site.LABEL}, and {@code site.tags},
     * {@code site.categories} for posts) or {@link #PAGES} ({@code site.pages}, {@code
     * site.html_pages}). Changed when a member came, went or changed its own fingerprint, or, once
     * its members' content has rendered, when any member's content or excerpt came out different.
     */
    record Aggregate(String label) implements Input {
        /** The pages outside collections. */
        static final Aggregate PAGES = new Aggregate("#pages");
    }

    /** An input every page shares, with one fingerprint per build. */
    enum Shared implements Input {
        /** All of {@code site.data}, walked whole. */
        ALL_DATA,
        /** {@code site.static_files}, {@code site.html_files}. */
        STATIC_FILES,
        /** {@code site.time}. */
        TIME,
        /** Every file of the layouts and includes folders; read by a page that mentions an include or import. */
        TEMPLATES,
        /** Every page's and file's URL; read by a page that mentions {@code link} or {@code post_url}. */
        URLS
    }

    /** How a page must be rendered, found by scanning its templates or by watching it render. */
    enum Marker implements Input {
        /** {@code page.previous} and {@code page.next}: their URLs and own fingerprints, then their content. */
        NEIGHBORS,
        /** A chart, whose CSV file is made only while it is drawn: always rendered. */
        CHARTS,
        /**
         * Always rendered: {@code paginator}, {@code include_relative}, a document's {@code output}, a Sass page, a generated
         * page, a broken layout chain, an excerpt that reads other pages (its page and its readers).
         */
        ALWAYS,
        /** A template walked the whole of {@code site}: anything may change it. */
        EVERYTHING
    }
}
