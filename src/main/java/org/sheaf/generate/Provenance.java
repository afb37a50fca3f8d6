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
import org.sheaf.jekyll.PostName;
import org.sheaf.jekyll.Repository;
import org.sheaf.jekyll.RubyTime;

/**
 * A page's provenance from git, as {@code page.git} in both template engines:
 *
 * <ul>
 *   <li>{@code published}: the page's own date when its writer gave one (a {@code date:} in
 *       front matter, or a file name that starts with a date, as posts' do), else the date of
 *       the first commit. The writer's date wins because git only knows when a file entered
 *       this repository: a note written in 2017 and committed in 2020 was published in 2017,
 *       and a note committed as a draft before its date was published on its date;</li>
 *   <li>{@code created}: the date of the first commit that touched the file;</li>
 *   <li>{@code updated}: the date of the last commit that touched it;</li>
 *   <li>{@code revised}: whether {@code updated} falls on a later day than {@code published}
 *       (in the site's time zone), so a template can say "Last changed on ..." and never
 *       claims a change before the publication;</li>
 *   <li>{@code contributors}: the commits' authors as git names them (through the repository's
 *       {@code .mailmap}), each once, in order of first contribution;</li>
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

    /** {@code page.git} for the index to give each page whose file has a history. */
    public static ContentIndex.Annotations annotations(GitHistory history, SiteConfig config) {
        Optional<Repository> repository = config.repository();
        return page -> history.of(page.sitePath()).<Map<String, Object>>map(commits -> Map.of("git",
                of(commits, authoredDate(page, config.timezone()), config.timezone(), repository.map(repo -> repo.url()
                        + "/commits/" + repo.branch() + "/" + history.prefix() + page.sitePath()))))
                .orElse(Map.of());
    }

    /** The date the page's writer gave it, in front matter or in its file name; empty when it has none. */
    static Optional<ZonedDateTime> authoredDate(Page page, ZoneId zone) {
        boolean given = page.positions().containsKey("date") || PostName.parse(page.source().name()).isPresent();
        return given ? RubyTime.localTime(page.drop().get("date"), zone) : Optional.empty();
    }

    /** The {@code page.git} map for a file's commits, oldest first, and the date its writer gave it. */
    static Map<String, Object> of(List<GitHistory.Commit> commits, Optional<ZonedDateTime> authored, ZoneId zone,
            Optional<String> historyUrl) {
        ZonedDateTime created = commits.get(0).date().atZoneSameInstant(zone);
        ZonedDateTime updated = commits.get(commits.size() - 1).date().atZoneSameInstant(zone);
        ZonedDateTime published = authored.map(date -> date.withZoneSameInstant(zone)).orElse(created);
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("published", published);
        git.put("created", created);
        git.put("updated", updated);
        git.put("revised", updated.toLocalDate().isAfter(published.toLocalDate()));
        git.put("contributors", GitHistory.contributors(commits));
        git.put("commits", commits.size());
        historyUrl.ifPresent(url -> git.put("history_url", url));
        return git;
    }
}
