package org.sheaf.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheaf.output.FileStamp;

/**
 * What an incremental build remembers of the last good build: a fingerprint of the config, each
 * page's inputs with their fingerprints and its rendered results, and the fingerprint of every
 * shared {@link Input} (a data file, {@code site.posts}, the templates, ...) as that build saw
 * it. Immutable once made; {@link IncrementalBuilder} keeps one in memory, and for
 * {@code sheaf build --incremental} in a file under {@code .sheaf-cache/}.
 *
 * @param configKey fingerprint of the config, the environment and the command line's overrides
 * @param pages     by page key (source path and URL; see {@link DependencyGraph})
 * @param values    the fingerprint of each shared input
 * @param files     for {@code build --incremental}: each file of the destination folder as the
 *                  last build left it, by output path; empty when that build wrote into a sink
 */
record BuildState(String configKey, Map<String, PageRecord> pages, Map<Input, String> values,
        Map<String, FileStamp> files) implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final String MAGIC = "sheaf-incremental-3";

    /** This state with {@code files} as the destination's files. */
    BuildState withFiles(Map<String, FileStamp> files) {
        return new BuildState(configKey, pages, values, files);
    }

    /**
     * One page as the last build rendered it.
     *
     * @param self      fingerprint of its source, front matter, defaults and URL
     * @param chain     fingerprint of its layouts, innermost first
     * @param neighbors fingerprint of {@code page.previous} and {@code page.next}
     * @param inputs    the inputs it read or mentioned
     * @param content   its rendered {@code content}
     * @param excerpt   its rendered {@code excerpt}, or null when it has none of its own
     * @param output    what was written for it, or null when it is not written
     */
    record PageRecord(String self, String chain, String neighbors, Set<Input> inputs, String content,
            String excerpt, String output) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The state saved in {@code file}; empty when there is none or it cannot be read (an older
     * format, a truncated file), in which case the next build renders everything.
     */
    static Optional<BuildState> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            if (!MAGIC.equals(objects.readUTF())) {
                return Optional.empty();
            }
            return Optional.of((BuildState) objects.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Saves this state to {@code file} whole: written beside it, then renamed over it. */
    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeUTF(MAGIC);
            objects.writeObject(this);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
