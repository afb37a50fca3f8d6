package org.sheaf.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;

/**
 * Links from a page to its source on GitHub, built from {@code repository:} ({@code OWNER/REPO}
 * or its {@code https://github.com/OWNER/REPO} address) and {@code branch:} (by default
 * {@code main}) in {@code _config.yml}, with the page's path in the repository: the site's
 * folder (for instance {@code content/}) followed by the page's {@code path}.
 *
 * @param repository  {@code OWNER/REPO}
 * @param branch      the branch edits go to
 * @param sourcePrefix the source folder inside the repository, with a trailing slash, or "" when
 *                    the site is the repository's root
 */
public record ForkLinks(String repository, String branch, String sourcePrefix) {
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:https?://github\\.com/)?([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\\.git)?/?");

    /**
     * The links a site's configuration allows; empty when it has no {@code repository:} or the
     * value is not {@code OWNER/REPO}.
     */
    public static Optional<ForkLinks> of(SiteConfig config) {
        Matcher repository = REPOSITORY.matcher(config.string("repository", "").strip());
        if (!repository.matches()) {
            return Optional.empty();
        }
        String prefix = config.siteRoot().relativize(config.source()).toString().replace('\\', '/');
        return Optional.of(new ForkLinks(repository.group(1), config.string("branch", "main").strip(),
                prefix.isEmpty() ? "" : prefix + "/"));
    }

    /** The repository's page. */
    public String repositoryUrl() {
        return "https://github.com/" + repository;
    }

    /** GitHub's fork page for the repository. */
    public String forkUrl() {
        return repositoryUrl() + "/fork";
    }

    /** GitHub's editor for the page at {@code path} (relative to the site's source folder). */
    public String editUrl(String path) {
        return repositoryUrl() + "/edit/" + encodePath(branch) + "/" + encodePath(sourcePrefix + strip(path));
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
