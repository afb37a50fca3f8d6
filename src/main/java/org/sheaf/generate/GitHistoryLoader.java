package org.sheaf.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        Optional<String> prefix = run(siteRoot, timeout, List.of("git", "rev-parse", "--show-prefix"));
        if (prefix.isEmpty()) {
            return GitHistory.NONE;
        }
        Optional<String> log = run(siteRoot, timeout, List.of("git", "-c", "core.quotepath=off", "log",
                "--no-color", "--no-renames", "--format=%x1e%an%x1f%aI", "--name-only", "--relative", "--", "."));
        return log.map(text -> GitHistory.parse(prefix.get().strip(), text)).orElse(GitHistory.NONE);
    }

    /** The command's standard output when it exits with 0 within the timeout; otherwise empty. */
    private static Optional<String> run(Path dir, Duration timeout, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                            System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return process.exitValue() == 0 && text != null ? Optional.of(text) : Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return Optional.empty();
        }
    }
}
