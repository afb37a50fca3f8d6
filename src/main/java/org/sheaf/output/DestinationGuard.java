package org.sheaf.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sheaf.diag.OsReason;

/**
 * Refuses destinations whose replacement would destroy something that is not build output.
 *
 * <p>A build replaces its destination wholesale, so the destination may never be the source
 * folder, the site root, an ancestor of either (replacing it would delete them), the user's home
 * folder or an ancestor of it, or the filesystem root. Any other folder is fine: a sibling of the
 * source, {@code site/} beside {@code content/}, or a folder inside the source (Jekyll's
 * {@code _site}). Paths are compared both as written (made absolute and normalised) and with
 * symbolic links resolved as far as the folders exist, so a link cannot smuggle the source in.
 */
public final class DestinationGuard {
    private DestinationGuard() {
    }

    /**
     * Why {@code destination} must not be written, or empty when it may be.
     * Example: {@code destination "/home/x" is the home folder; refusing to replace it}.
     */
    public static Optional<String> refusal(Path siteRoot, Path source, Path destination) {
        return refusal(siteRoot, source, destination, Path.of(System.getProperty("user.home")));
    }

    /** As {@link #refusal(Path, Path, Path)}, with the home folder given (for tests). */
    static Optional<String> refusal(Path siteRoot, Path source, Path destination, Path home) {
        Path shown = destination.toAbsolutePath().normalize();
        String quoted = "destination \"" + shown + "\" ";
        String refusing = "; refusing to replace it";
        for (Path dest : forms(destination)) {
            if (dest.getParent() == null) {
                return Optional.of(quoted + "is the filesystem root" + refusing);
            }
        }
        List<Protected> guarded = List.of(
                new Protected(source, "the source folder"),
                new Protected(siteRoot, "the site root"),
                new Protected(home, "the home folder"));
        for (Protected kept : guarded) {
            for (Path dest : forms(destination)) {
                for (Path form : forms(kept.path)) {
                    if (dest.equals(form)) {
                        return Optional.of(quoted + "is " + kept.name + refusing);
                    }
                }
            }
        }
        for (Protected kept : guarded) {
            for (Path dest : forms(destination)) {
                for (Path form : forms(kept.path)) {
                    if (form.startsWith(dest)) {
                        return Optional.of(quoted + "contains " + kept.name + " \"" + form + "\"" + refusing);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why the folder {@code destination}, named on the command line, must not be replaced without
     * {@code --force-destination}: it holds files and sheaf did not write it. Empty when it does not
     * exist, is empty, is the site's own destination ({@code configured}), or has the lock file
     * every build and clean leaves beside its destination ({@link DestinationLock#lockFile}), so the
     * published site itself carries no mark.
     * Example: {@code destination "/var/tmp" holds files sheaf did not write; refusing to replace it}.
     */
    public static Optional<String> foreignContent(Path configured, Path destination) {
        Path shown = destination.toAbsolutePath().normalize();
        if (!Files.isDirectory(shown) || sameFolder(shown, configured)
                || Files.isRegularFile(DestinationLock.lockFile(shown), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (var entries = Files.list(shown)) {
            if (entries.findAny().isEmpty()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of("destination \"" + shown + "\" cannot be listed (" + OsReason.of(e) + "); refusing to replace it");
        }
        return Optional.of("destination \"" + shown + "\" holds files sheaf did not write; refusing to replace it");
    }

    private static boolean sameFolder(Path a, Path b) {
        for (Path one : forms(a)) {
            for (Path other : forms(b)) {
                if (one.equals(other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Protected(Path path, String name) {
    }

    /** The path as written (absolute, normalised) and with links resolved as far as it exists. */
    private static List<Path> forms(Path path) {
        Path written = path.toAbsolutePath().normalize();
        List<Path> forms = new ArrayList<>(List.of(written));
        Path existing = written;
        Path rest = written.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                Path real = existing.toRealPath().resolve(rest).normalize();
                if (!real.equals(written)) {
                    forms.add(real);
                }
            } catch (IOException e) {
                // Unreadable: the written form is all we can compare.
            }
        }
        return forms;
    }
}
