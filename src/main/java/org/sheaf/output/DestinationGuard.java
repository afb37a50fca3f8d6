package org.sheaf.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
