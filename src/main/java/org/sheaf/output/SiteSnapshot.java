package org.sheaf.output;

import java.util.Map;

/**
 * One complete built site held in memory.
 *
 * @param files   every output file by its path relative to the destination ({@code about/index.html}),
 *                sorted; the arrays must not be changed
 * @param origins for each output path, the source file (relative to the site root) that produced it
 */
public record SiteSnapshot(Map<String, byte[]> files, Map<String, String> origins) {
    /** A site with no files, as before the first successful build. */
    public static final SiteSnapshot EMPTY = new SiteSnapshot(Map.of(), Map.of());

    /**
     * Holds {@code files} and {@code origins} as given, read-only, without copying them (a site
     * has thousands of files): whoever makes a snapshot must not change them after.
     */
    public SiteSnapshot {
        files = java.util.Collections.unmodifiableMap(files);
        origins = java.util.Collections.unmodifiableMap(origins);
    }
}
