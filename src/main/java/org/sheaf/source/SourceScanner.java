package org.sheaf.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;

/**
 * Finds a site's input files and classifies them as Jekyll's reader does.
 *
 * <p>Names starting with {@code _}, {@code .} or {@code #}, or ending in {@code ~}, are skipped
 * unless {@code include} lists their name (the layouts, includes and data folders too, which are
 * then also read as pages and static files); {@code exclude} entries (globs, or prefixes of the path
 * from the source folder, see {@link EntryPattern}) skip files and folders; {@code _posts} and
 * {@code _drafts} folders are read wherever they are (under {@code collections_dir}, when it is
 * set); each collection is read from
 * {@code collections_dir/_LABEL}; data files from the data folder. A
 * symbolic link that leads outside the source is not followed and is reported as a warning.
 *
 * <p>The result is sorted by relative path, so nothing downstream depends on the order the
 * file system lists folders in.
 */
public final class SourceScanner {
    private static final Set<String> DATA_EXTENSIONS = Set.of(".yml", ".yaml", ".json", ".csv", ".tsv");

    private final SiteConfig config;
    private final Diagnostics diagnostics;
    private final Path source;
    private final SiteFiles files;
    private final List<EntryPattern> excludes;
    private final List<EntryPattern> includes;
    private final List<SourceFile> found = new ArrayList<>();

    private SourceScanner(SiteConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.source = config.source();
        this.files = config.files();
        List<String> include = config.strings("include");
        this.includes = include.stream().map(EntryPattern::of).toList();
        this.excludes = config.strings("exclude").stream()
                .filter(pattern -> !include.contains(pattern))
                .map(EntryPattern::of).toList();
    }

    /** Scans the site's source folder; problems (unreadable folders, bad links) go to {@code diagnostics}. */
    public static List<SourceFile> scan(SiteConfig config, Diagnostics diagnostics) {
        SourceScanner scanner = new SourceScanner(config, diagnostics);
        scanner.readDirectory(config.source(), "");
        for (SiteConfig.Collection collection : config.collections().values()) {
            if (!collection.label().equals("posts")) {
                scanner.readCollection(collection.label());
            }
        }
        scanner.readData(config.dataDir(), "");
        config.theme().ifPresent(theme -> scanner.readThemeAssets(theme.assetsDir(), "assets"));
        scanner.found.sort(Comparator.comparing(SourceFile::relativePath)
                .thenComparing(SourceFile::kind));
        return List.copyOf(scanner.found);
    }

    private void readDirectory(Path dir, String relativeDir) {
        for (Path entry : entries(dir)) {
            String name = entry.getFileName().toString();
            String relative = join(relativeDir, name);
            if (Files.isDirectory(entry)) {
                if (name.equals("_posts")) {
                    if (readsPostsIn(dir) && !isLoop(entry)) {
                        readSpecial(entry, relative, "posts", SourceFile.Kind.DOCUMENT);
                    }
                } else if (name.equals("_drafts")) {
                    if (config.showDrafts() && readsPostsIn(dir) && !isLoop(entry)) {
                        readSpecial(entry, relative, "posts", SourceFile.Kind.DRAFT);
                    }
                } else if (!name.endsWith(".") && accepted(entry, relative)
                        && (!isOwnedElsewhere(entry) || included(name, true)) && !isLoop(entry)) {
                    // Jekyll's filter takes a name ending in a dot for "." or "..", so such a
                    // folder is not read; a collection's or _posts' subfolders are listed by
                    // path, where only a file's own name ending in a dot counts
                    readDirectory(entry, relative);
                }
            } else if (accepted(entry, relative) && readable(entry)) {
                SourceFile.Kind kind = hasFrontMatter(entry) ? SourceFile.Kind.PAGE : SourceFile.Kind.STATIC;
                add(entry, relative, kind, null);
            }
        }
    }

    /**
     * Whether the {@code _posts} and {@code _drafts} of the folder dir are read: with
     * {@code collections_dir} set, Jekyll reads only those inside it, and the others not at all.
     */
    private boolean readsPostsIn(Path dir) {
        return dir.toAbsolutePath().normalize().startsWith(config.collectionsDir().toAbsolutePath());
    }

    /** Reads a {@code _posts} or {@code _drafts} folder, subfolders included. */
    private void readSpecial(Path dir, String relativeDir, String collection, SourceFile.Kind kind) {
        for (Path entry : entries(dir)) {
            String name = entry.getFileName().toString();
            String relative = join(relativeDir, name);
            if (!accepted(entry, relative)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (!isLoop(entry)) {
                    readSpecial(entry, relative, collection, kind);
                }
            } else if (readable(entry)) {
                add(entry, relative, kind, collection);
            }
        }
    }

    private void readCollection(String label) {
        Path dir = config.collectionsDir().resolve("_" + label);
        if (!Files.isDirectory(dir)) {
            return;
        }
        String relativeDir = relativeToSource(dir);
        readCollectionFolder(dir, relativeDir, label);
    }

    private void readCollectionFolder(Path dir, String relativeDir, String label) {
        for (Path entry : entries(dir)) {
            String relative = join(relativeDir, entry.getFileName().toString());
            if (!accepted(entry, relative)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (!isLoop(entry)) {
                    readCollectionFolder(entry, relative, label);
                }
            } else if (readable(entry)) {
                SourceFile.Kind kind = hasFrontMatter(entry) ? SourceFile.Kind.DOCUMENT : SourceFile.Kind.STATIC;
                add(entry, relative, kind, label);
            }
        }
    }

    private void readData(Path dir, String relativeDir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path entry : entries(dir)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String relative = join(relativeDir, name);
            if (Files.isDirectory(entry)) {
                if (!isLoop(entry)) {
                    readData(entry, relative);
                }
            } else if (DATA_EXTENSIONS.contains(extension(name)) && !isOutside(entry) && readable(entry)) {
                found.add(new SourceFile(entry, relative, config.sitePath(entry), SourceFile.Kind.DATA, null));
            }
        }
    }

    /**
     * The theme's {@code assets} folder, as Jekyll's theme assets reader takes it: every file (with
     * front matter a page, else a static file) at its path in the theme, unless the site has a
     * file of its own there.
     */
    private void readThemeAssets(Path dir, String relativeDir) {
        if (!Files.isDirectory(dir) || Files.isSymbolicLink(dir)) {
            return;
        }
        Set<String> own = new java.util.HashSet<>();
        found.forEach(file -> own.add(file.relativePath()));
        readThemeFolder(dir, relativeDir, own);
    }

    private void readThemeFolder(Path dir, String relativeDir, Set<String> own) {
        for (Path entry : entries(dir)) {
            String relative = join(relativeDir, entry.getFileName().toString());
            if (Files.isSymbolicLink(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                readThemeFolder(entry, relative, own);
            } else if (!own.contains(relative)) {
                add(entry, relative, hasFrontMatter(entry) ? SourceFile.Kind.PAGE : SourceFile.Kind.STATIC, null);
            }
        }
    }

    private void add(Path file, String relative, SourceFile.Kind kind, String collection) {
        found.add(new SourceFile(file, relative, config.sitePath(file), kind, collection));
    }

    /** Jekyll's entry filter, applied to one folder entry. */
    private boolean accepted(Path entry, String relative) {
        String name = entry.getFileName().toString();
        if (name.equals(".") || name.equals("..")) {
            return false;
        }
        if (isOutside(entry)) {
            return false;
        }
        // As Jekyll's entry filter: include matches an entry's name in any folder, exclude its
        // path from the source folder.
        boolean directory = Files.isDirectory(entry);
        boolean included = included(name, directory);
        if (!included && excludes.stream().anyMatch(pattern -> pattern.matches(relative, directory))) {
            return false;
        }
        if (entry.normalize().equals(config.destination())) {
            return false;
        }
        if (!directory && name.endsWith(".") && !included) {
            // Jekyll's filter takes it for "." or ".."; only include, whose files Jekyll reads on
            // their own, brings it back
            return false;
        }
        if (included) {
            return true;
        }
        char first = name.charAt(0);
        return first != '_' && first != '.' && first != '#' && !name.endsWith("~");
    }

    /** Whether the {@code include} list names an entry of this name. */
    private boolean included(String name, boolean directory) {
        return includes.stream().anyMatch(pattern -> pattern.matches(name, directory));
    }

    /**
     * The layouts, includes and data folders are read by their own stages, not as pages, unless
     * {@code include} names them: Jekyll's reader then reads them as any folder, its files
     * written out as pages or static files (a lesson template's {@code include: [_includes/]}
     * publishes its includes).
     */
    private boolean isOwnedElsewhere(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        return normal.equals(config.layoutsDir()) || normal.equals(config.includesDir())
                || normal.equals(config.dataDir()) || normal.equals(config.destination());
    }

    /** A symbolic link that resolves outside the source is refused (Jekyll's safe behaviour). */
    private boolean isOutside(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return false;
        }
        try {
            Path target = entry.toRealPath();
            if (target.startsWith(source.toRealPath())) {
                return false;
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.warning(config.sitePath(entry), Position.FILE,
                    "symbolic link cannot be followed (" + OsReason.of(e) + "); skipped"));
            return true;
        }
        diagnostics.add(Diagnostic.warning(config.sitePath(entry), Position.FILE,
                "symbolic link points outside the site; not followed"));
        return true;
    }

    /**
     * Whether {@code dir} is a symbolic link back to a folder that contains it (a link to
     * {@code .}, or two links leading to each other): following it would read the same files
     * again under ever longer names. Such a link is reported and not followed.
     */
    private boolean isLoop(Path dir) {
        if (!Files.isSymbolicLink(dir)) {
            return false;
        }
        try {
            Path target = dir.toRealPath();
            for (Path above = dir.getParent(); above != null && above.startsWith(config.siteRoot());
                    above = above.getParent()) {
                if (above.toRealPath().equals(target)) {
                    diagnostics.add(Diagnostic.warning(config.sitePath(dir), Position.FILE,
                            "symbolic link leads back to a folder that contains it; not followed"));
                    return true;
                }
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.warning(config.sitePath(dir), Position.FILE,
                    "symbolic link cannot be followed (" + OsReason.of(e) + "); skipped"));
            return true;
        }
        return false;
    }

    /**
     * Whether {@code file} may be read ({@link SiteFiles#checked}): a named pipe, a device or a
     * link that cannot be followed is an error here, before anything opens it.
     */
    private boolean readable(Path file) {
        try {
            files.checked(file, config.sitePath(file));
            return true;
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
            return false;
        }
    }

    private List<Path> entries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(config.sitePath(dir), Position.FILE, "cannot read folder: " + OsReason.of(e)));
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    private boolean hasFrontMatter(Path file) {
        try {
            return FrontMatterParser.hasFrontMatter(files.head(file, config.sitePath(file), 8));
        } catch (DiagnosticException e) {
            return false;  // the parse stage reports unreadable files with their path
        }
    }

    private String relativeToSource(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return normal.startsWith(source) ? source.relativize(normal).toString().replace('\\', '/') : normal.toString();
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

}
