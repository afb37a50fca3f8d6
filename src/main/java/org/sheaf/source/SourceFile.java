package org.sheaf.source;

import java.nio.file.Path;

/**
 * One input file of a site, classified by Jekyll's rules.
 *
 * @param file         absolute path on disk
 * @param relativePath path relative to the source folder, with {@code /} (what Jekyll calls
 *                     {@code relative_path} and matches {@code defaults} scopes against)
 * @param sitePath     path relative to the site root, with {@code /}: what diagnostics print
 * @param kind         what the file is
 * @param collection   the collection label for documents, drafts and collection files
 *                     ({@code posts} for posts and drafts); null otherwise
 */
public record SourceFile(Path file, String relativePath, String sitePath, Kind kind, String collection) {
    /** What a source file becomes. */
    public enum Kind {
        /** A file with front matter outside any collection: rendered to a page. */
        PAGE,
        /** A file without front matter: copied as it is. */
        STATIC,
        /** A post or a collection document. */
        DOCUMENT,
        /** A draft from {@code _drafts}, read only with {@code --drafts}. */
        DRAFT,
        /** A file under the data folder: {@code site.data}. */
        DATA
    }

    /** The file name with its extension. */
    public String name() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /** The extension with its dot, lower case ({@code .md}); "" when the name has none. */
    public String extension() {
        return writtenExtension().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The extension with its dot as the name writes it ({@code .Rmd}): what Jekyll gives a
     * document's {@code ext}, and the output's extension when no converter claims the file.
     */
    public String writtenExtension() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    /** The file name without its extension. */
    public String basename() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** The folder part of {@link #relativePath()}, "" at the top. */
    public String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
