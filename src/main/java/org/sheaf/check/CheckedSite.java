package org.sheaf.check;

import java.nio.file.Path;
import java.util.Map;

/**
 * A built site as the link checker sees it.
 *
 * @param files    every output file by its path relative to the destination ({@code about/index.html})
 * @param origins  for each output path, the source file (relative to {@code siteRoot}) that produced it
 * @param siteRoot the site folder, to read sources from when placing a broken link
 * @param baseurl  the site's {@code baseurl} ({@code ""} or {@code /blog})
 * @param url      the site's {@code url}; links to {@code url + baseurl} count as internal
 */
public record CheckedSite(Map<String, byte[]> files, Map<String, String> origins, Path siteRoot, String baseurl,
        String url) {
    public CheckedSite {
        files = Map.copyOf(files);
        origins = Map.copyOf(origins);
    }
}
