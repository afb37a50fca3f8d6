package org.sheaf.generate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which commits touched which file of a site, read from one {@code git log} of the whole
 * repository ({@link GitHistoryLoader}).
 *
 * @param prefix where the site root sits inside the repository, {@code ""} or ending in {@code /}
 *               ({@code docs/}); added to a site path to name the file on GitHub
 * @param files  the commits per path relative to the site root, oldest first
 */
public record GitHistory(String prefix, Map<String, List<Commit>> files) {
    /** No repository, or nothing committed: every page falls back to its front matter. */
    public static final GitHistory NONE = new GitHistory("", Map.of());

    /** One commit that touched a file: who wrote it and when. */
    public record Commit(String author, OffsetDateTime date) {
    }

    public GitHistory {
        Map<String, List<Commit>> copy = new HashMap<>();
        files.forEach((path, commits) -> copy.put(path, List.copyOf(commits)));
        files = Map.copyOf(copy);
    }

    /** The commits that touched {@code sitePath}, oldest first; empty when git does not track it. */
    public Optional<List<Commit>> of(String sitePath) {
        return Optional.ofNullable(files.get(sitePath));
    }

    /**
     * Reads the output of {@code git log --format=%x1e%aN%x1f%aI --name-only}: per commit a record
     * separator, the author's name (as {@code .mailmap} maps it) and date, then the paths it
     * touched, one a line. Commits come
     * newest first; each file's list is returned oldest first (by date, then by log order).
     */
    public static GitHistory parse(String prefix, String log) {
        Map<String, List<Commit>> files = new HashMap<>();
        for (String record : log.split("\u001e")) {
            String[] lines = record.split("\n");
            String[] head = lines[0].split("\u001f");
            if (head.length != 2) {
                continue;
            }
            OffsetDateTime date;
            try {
                date = OffsetDateTime.parse(head[1].strip());
            } catch (DateTimeParseException e) {
                continue;
            }
            Commit commit = new Commit(head[0], date);
            for (int i = 1; i < lines.length; i++) {
                String path = lines[i].strip();
                if (!path.isEmpty()) {
                    files.computeIfAbsent(path, p -> new ArrayList<>()).add(commit);
                }
            }
        }
        files.replaceAll((path, commits) -> {
            List<Commit> oldestFirst = new ArrayList<>(commits);
            java.util.Collections.reverse(oldestFirst);
            oldestFirst.sort(Comparator.comparing(c -> c.date().toInstant()));
            return oldestFirst;
        });
        return new GitHistory(prefix, files);
    }

    /** The authors of {@code commits}, each once, in the order of their first commit. */
    static List<String> contributors(List<Commit> commits) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Commit commit : commits) {
            names.add(commit.author());
        }
        return List.copyOf(names);
    }
}
