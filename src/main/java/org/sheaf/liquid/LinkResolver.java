package org.sheaf.liquid;

import java.util.Optional;

/**
 * Finds the URLs that {@code {% link %}} and {@code {% post_url %}} print; implemented by the
 * content index. URLs come back without the site's {@code baseurl}, which the tags add.
 */
public interface LinkResolver {
    /** The URL of the document at {@code sourceRelativePath} ({@code about.md} -> {@code /about/}), if there is one. */
    Optional<String> urlOfSource(String sourceRelativePath);

    /** The URL of the post named {@code postName} ({@code 2017-09-04-start}, maybe in a subfolder), if there is one. */
    Optional<String> urlOfPost(String postName);
}
