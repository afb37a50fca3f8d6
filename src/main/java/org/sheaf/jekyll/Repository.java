package org.sheaf.jekyll;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub repository a site's sources live in, from {@code repository:} and {@code branch:}
 * in {@code _config.yml}.
 *
 * <p>{@code repository:} is {@code OWNER/NAME}, as jekyll-github-metadata reads it, or, as sheaf
 * also reads it, the repository's address ({@code https://github.com/OWNER/NAME}, with or without
 * the scheme, {@code www.}, {@code .git} or a trailing slash). Without {@code branch:} the branch
 * is {@code HEAD}, which GitHub resolves to the repository's default branch, whatever it is named.
 *
 * @param owner  the user or organisation
 * @param name   the repository's name
 * @param branch the branch links point into
 */
public record Repository(String owner, String name, String branch) {
    private static final Pattern GITHUB_PREFIX = Pattern.compile("^(?:https?://)?(?:www\\.)?github\\.com/");
    private static final Pattern NAME_WITH_OWNER = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)");
    private static final String DEFAULT_BRANCH = "HEAD";

    /**
     * The repository the two config values name; empty when {@code repository} is missing or is
     * neither {@code OWNER/NAME} nor a GitHub address.
     *
     * @param repository the value of {@code repository:}, or null
     * @param branch     the value of {@code branch:}, or null
     */
    public static Optional<Repository> parse(Object repository, Object branch) {
        if (repository == null) {
            return Optional.empty();
        }
        String text = GITHUB_PREFIX.matcher(repository.toString().strip()).replaceFirst("").replaceFirst("/+$", "");
        if (text.endsWith(".git")) {
            text = text.substring(0, text.length() - ".git".length());
        }
        Matcher m = NAME_WITH_OWNER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String chosen = branch == null || branch.toString().isBlank() ? DEFAULT_BRANCH : branch.toString().strip();
        return Optional.of(new Repository(m.group(1), m.group(2), chosen));
    }

    /** {@code OWNER/NAME}. */
    public String nameWithOwner() {
        return owner + "/" + name;
    }

    /** The repository's page on GitHub. */
    public String url() {
        return "https://github.com/" + nameWithOwner();
    }
}
