package org.sheaf.jekyll;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Links written between a site's source files ({@code [x](../audits/y.md)}), read as GitHub
 * Pages' jekyll-relative-links reads them before it swaps in the target's URL.
 *
 * <p>A link is the target's path, then perhaps a {@code #fragment}; anything else after the path
 * (a {@code ?query}) is part of the path, so such a link names no file and stays as written.
 */
public final class SourceLinks {
    private SourceLinks() {
    }

    /** Whether {@code link} may name a source file: not a bare {@code #fragment}, not an absolute URL. */
    public static boolean mayNameSource(String link) {
        return !link.isEmpty() && !link.startsWith("#") && !JekyllFilters.hasScheme(link);
    }

    /**
     * The source path (relative to the site's source folder, no leading slash) that {@code link}
     * names from the page at {@code pagePath}: from the site's root when it starts with {@code /},
     * else from the page's folder, then percent-decoded as {@code CGI.unescape} does ({@code +} is
     * a space). Empty when the path climbs out of the site.
     *
     * @param pagePath the page's source path, relative to the source folder ({@code _notes/a/x.md})
     * @param link     the link without its fragment
     */
    public static Optional<String> sourcePath(String pagePath, String link) {
        Deque<String> parts = new ArrayDeque<>();
        String page = pagePath.startsWith("/") ? pagePath.substring(1) : pagePath;
        int slash = page.lastIndexOf('/');
        if (!link.startsWith("/") && slash > 0) {
            for (String part : page.substring(0, slash).split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : link.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(unescape(String.join("/", parts)));
    }

    /** {@code CGI.unescape}: {@code %XX} and {@code +}; a malformed escape leaves the text as it is. */
    private static String unescape(String path) {
        try {
            return URLDecoder.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
