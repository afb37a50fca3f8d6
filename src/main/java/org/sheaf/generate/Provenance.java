package org.sheaf.generate;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;

/**
 * A page's provenance from git, as {@code page.git} in both template engines:
 *
 * <ul>
 *   <li>{@code created}: the date of the first commit that touched the file (first published);</li>
 *   <li>{@code updated}: the date of the last commit that touched it;</li>
 *   <li>{@code revised}: whether {@code updated} falls on a later day than {@code created}
 *       (in the site's time zone), so a template can say "Updated on ...";</li>
 *   <li>{@code contributors}: the commits' authors, each once, in order of first contribution;</li>
 *   <li>{@code commits}: how many commits touched the file;</li>
 *   <li>{@code history_url}: the file's history on GitHub, from {@code repository:} ({@code
 *       OWNER/REPO} or its GitHub URL) and {@code branch:} (default {@code HEAD}, GitHub's
 *       default branch); absent without {@code repository:}.</li>
 * </ul>
 *
 * <p>A page whose file git does not track (no repository, a new file, git missing) has no
 * {@code page.git}: templates then fall back to {@code page.date} and claim nothing else.
 * {@code provenance: false} in {@code _config.yml} switches git off.
 */
public final class Provenance {
    private Provenance() {
    }

    /** Whether the site wants provenance from git ({@code provenance:} is not false). */
    public static boolean wanted(SiteConfig config) {
        return !Boolean.FALSE.equals(config.get("provenance"));
    }

    /** Adds {@code page.git} to every page of {@code index} whose file has a history. */
    public static void annotate(ContentIndex index, GitHistory history, SiteConfig config) {
        Optional<String> repository = repository(config.get("repository"));
        String branch = config.string("branch", "HEAD");
        for (Page page : index.pages()) {
            history.of(page.sitePath()).ifPresent(commits -> page.drop().put("git",
                    of(commits, config.timezone(), repository.map(repo -> "https://github.com/" + repo
                            + "/commits/" + branch + "/" + history.prefix() + page.sitePath()))));
        }
    }

    /** The {@code page.git} map for a file's commits, oldest first. */
    static Map<String, Object> of(List<GitHistory.Commit> commits, ZoneId zone, Optional<String> historyUrl) {
        ZonedDateTime created = commits.get(0).date().atZoneSameInstant(zone);
        ZonedDateTime updated = commits.get(commits.size() - 1).date().atZoneSameInstant(zone);
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("created", created);
        git.put("updated", updated);
        git.put("revised", updated.toLocalDate().isAfter(created.toLocalDate()));
        git.put("contributors", GitHistory.contributors(commits));
        git.put("commits", commits.size());
        historyUrl.ifPresent(url -> git.put("history_url", url));
        return git;
    }

    /** {@code OWNER/REPO} from {@code fellowship/site}, {@code https://github.com/fellowship/site(.git)}. */
    static Optional<String> repository(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip()
                .replaceFirst("^(https?://)?(www\\.)?github\\.com/", "")
                .replaceFirst("\\.git$", "")
                .replaceFirst("/+$", "");
        return text.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+") ? Optional.of(text) : Optional.empty();
    }
}
