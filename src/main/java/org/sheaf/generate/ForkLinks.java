package org.sheaf.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.sheaf.config.SiteConfig;
import org.sheaf.jekyll.Repository;

/**
 * Links from a page to its source on GitHub, in the site's {@link Repository} (from
 * {@code repository:} and {@code branch:}), with the page's path in the repository: the site's
 * folder (for instance {@code content/}) followed by the page's {@code path}.
 *
 * @param repository   the repository and the branch edits go to
 * @param sourcePrefix the source folder inside the repository, with a trailing slash, or "" when
 *                     the site is the repository's root
 */
public record ForkLinks(Repository repository, String sourcePrefix) {
    /**
     * The links a site's configuration allows; empty when it has no {@code repository:} or the
     * value is not {@code OWNER/REPO}.
     */
    public static Optional<ForkLinks> of(SiteConfig config) {
        String prefix = config.siteRoot().relativize(config.source()).toString().replace('\\', '/');
        return config.repository().map(repository -> new ForkLinks(repository, prefix.isEmpty() ? "" : prefix + "/"));
    }

    /** The repository's page. */
    public String repositoryUrl() {
        return repository.url();
    }

    /** GitHub's fork page for the repository. */
    public String forkUrl() {
        return repositoryUrl() + "/fork";
    }

    /** GitHub's editor for the page at {@code path} (relative to the site's source folder). */
    public String editUrl(String path) {
        return repositoryUrl() + "/edit/" + encodePath(repository.branch()) + "/" + encodePath(sourcePrefix + strip(path));
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Each segment percent-encoded as a URL path needs it; slashes kept. */
    private static String encodePath(String path) {
        try {
            return new URI(null, null, "/" + path, null).toASCIIString().substring(1);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
