package org.sheaf.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sheaf.config.GitCommand;

/**
 * Reads a site's {@link GitHistory} with two read-only git commands, whatever the number of
 * pages: {@code git rev-parse --show-prefix} (is the site in a repository, and where) and one
 * {@code git log --name-only} over the site's folder.
 *
 * <p>Without git on the {@code PATH}, outside a repository, in an empty one, or when git fails
 * or takes longer than the timeout, the history is {@link GitHistory#NONE}: pages then say only
 * what their front matter says.
 */
public final class GitHistoryLoader {
    /** A repository with years of history logs in well under a second; this only stops a hung git. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GitHistoryLoader() {
    }

    /** The history of the files under {@code siteRoot}, paths relative to it. */
    public static GitHistory load(Path siteRoot) {
        return load(siteRoot, TIMEOUT);
    }

    static GitHistory load(Path siteRoot, Duration timeout) {
        Optional<String> prefix = GitCommand.run(siteRoot, timeout, List.of("git", "rev-parse", "--show-prefix"));
        if (prefix.isEmpty()) {
            return GitHistory.NONE;
        }
        Optional<String> log = GitCommand.run(siteRoot, timeout, List.of("git", "-c", "core.quotepath=off", "log",
                "--no-color", "--no-renames", "--format=%x1e%aN%x1f%aI", "--name-only", "--relative", "--", "."));
        return log.map(text -> GitHistory.parse(prefix.get().strip(), text)).orElse(GitHistory.NONE);
    }

    /**
     * Remembers the last history read, and reads it again only when the repository's state
     * (HEAD and the branch it names, or that no repository holds the site) changed, so a server
     * that rebuilds on every edit does not run git each time. The state is read from the files of
     * the {@code .git} folder, never by running git; when it cannot be read (an unusual layout,
     * {@code GIT_DIR} set), git runs every time.
     */
    public static final class Cache {
        private String key;
        private GitHistory history;

        /**
         * The history of the files under {@code siteRoot}, as {@link GitHistoryLoader#load(Path)}.
         * Synchronized: a build reads it on a thread of its own, and a build that stopped early
         * may leave that thread running into the next.
         */
        public synchronized GitHistory load(Path siteRoot) {
            Optional<String> state = state(siteRoot);
            if (state.isPresent() && state.get().equals(key)) {
                return history;
            }
            GitHistory loaded = GitHistoryLoader.load(siteRoot);
            key = state.orElse(null);
            history = loaded;
            return loaded;
        }
    }

    /** What decides {@code siteRoot}'s history: its repository's HEAD, ref and packed refs; empty when unknown. */
    static Optional<String> state(Path siteRoot) {
        if (System.getenv("GIT_DIR") != null || System.getenv("GIT_WORK_TREE") != null
                || System.getenv("GIT_CEILING_DIRECTORIES") != null) {
            return Optional.empty();
        }
        Path root = siteRoot.toAbsolutePath().normalize();
        try {
            for (Path dir = root; dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (java.nio.file.Files.isRegularFile(dotGit)) {
                    String link = java.nio.file.Files.readString(dotGit).strip();
                    if (!link.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    return repositoryState(root, dir.resolve(link.substring("gitdir:".length()).strip()).normalize());
                }
                if (java.nio.file.Files.isDirectory(dotGit)) {
                    return repositoryState(root, dotGit);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of("none " + root);
    }

    private static Optional<String> repositoryState(Path root, Path gitDir) throws IOException {
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (java.nio.file.Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(java.nio.file.Files.readString(commonFile).strip()).normalize();
        }
        String head = java.nio.file.Files.readString(gitDir.resolve("HEAD")).strip();
        StringBuilder state = new StringBuilder(root + "\n" + gitDir + "\n" + head);
        if (head.startsWith("ref:")) {
            String ref = head.substring("ref:".length()).strip();
            for (Path base : List.of(gitDir, common)) {
                Path file = base.resolve(ref);
                if (java.nio.file.Files.isRegularFile(file)) {
                    state.append('\n').append(java.nio.file.Files.readString(file).strip());
                    break;
                }
            }
        }
        Path packed = common.resolve("packed-refs");
        if (java.nio.file.Files.isRegularFile(packed)) {
            state.append('\n').append(java.nio.file.Files.getLastModifiedTime(packed))
                    .append(' ').append(java.nio.file.Files.size(packed));
        }
        return Optional.of(state.toString());
    }

}
