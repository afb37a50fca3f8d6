package org.sheaf.content;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a document's or page's URL is made of: everything {@link Permalinks} reads, already
 * collected by the caller from the file's place, name and front matter.
 *
 * @param collection               the collection label ({@code posts}, {@code notes}); null for a page
 * @param date                     the document's date in the site's time zone: a {@link ZonedDateTime}, or a
 *                                 {@link org.sheaf.jekyll.WideTime} for a year Java's times cannot hold there;
 *                                 may be null for pages
 * @param slugSource               front matter {@code slug}, or null
 * @param basename                 the file name without extension; for dated file names the part after
 *                                 the date ({@code fellowship-begins})
 * @param relativeDir              for pages, the folder relative to the source root ({@code ""}, {@code en});
 *                                 for documents, the folder inside the collection
 * @param relativePathInCollection for documents, the path inside the collection folder without extension
 *                                 ({@code growth-models/memberships}); Jekyll's {@code :path}
 * @param name                     the file name with extension
 * @param categories               the categories, already collected (folders above {@code _posts}
 *                                 first, then front matter); case as written
 * @param outputExt                the extension of the output, with its dot: {@code .html}, {@code .css}, {@code .xml}
 */
public record PermalinkFacts(
        String collection,
        Object date,
        String slugSource,
        String basename,
        String relativeDir,
        String relativePathInCollection,
        String name,
        List<String> categories,
        String outputExt) {

    public PermalinkFacts {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
