package org.sheaf.source;

import java.io.IOException;
import java.io.InputStream;
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
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;

/**
 * Finds a site's input files and classifies them as Jekyll's reader does.
 *
 * <p>Names starting with {@code _}, {@code .} or {@code #}, or ending in {@code ~}, are skipped
 * unless {@code include} lists them; {@code exclude} patterns (globs, or prefixes) skip files and
 * folders; {@code _posts} and {@code _drafts} folders are read wherever they are; each
 * collection is read from {@code collections_dir/_LABEL}; data files from the data folder. A
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
    private final List<Glob> excludes;
    private final List<Glob> includes;
    private final List<SourceFile> found = new ArrayList<>();

    private SourceScanner(SiteConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.source = config.source();
        List<String> include = config.strings("include");
        this.includes = include.stream().map(Glob::of).toList();
        this.excludes = config.strings("exclude").stream()
                .filter(pattern -> !include.contains(pattern))
                .map(Glob::of).toList();
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
                    readSpecial(entry, relative, "posts", SourceFile.Kind.DOCUMENT);
                } else if (name.equals("_drafts")) {
                    if (config.showDrafts()) {
                        readSpecial(entry, relative, "posts", SourceFile.Kind.DRAFT);
                    }
                } else if (accepted(entry, relative) && !isOwnedElsewhere(entry)) {
                    readDirectory(entry, relative);
                }
            } else if (accepted(entry, relative)) {
                SourceFile.Kind kind = hasFrontMatter(entry) ? SourceFile.Kind.PAGE : SourceFile.Kind.STATIC;
                add(entry, relative, kind, null);
            }
        }
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
                readSpecial(entry, relative, collection, kind);
            } else {
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
                readCollectionFolder(entry, relative, label);
            } else {
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
                readData(entry, relative);
            } else if (DATA_EXTENSIONS.contains(extension(name)) && !isOutside(entry)) {
                found.add(new SourceFile(entry, relative, sitePath(entry), SourceFile.Kind.DATA, null));
            }
        }
    }

    private void add(Path file, String relative, SourceFile.Kind kind, String collection) {
        found.add(new SourceFile(file, relative, sitePath(file), kind, collection));
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
        boolean included = matches(includes, relative, name);
        if (!included && matches(excludes, relative, name)) {
            return false;
        }
        if (entry.normalize().equals(config.destination())) {
            return false;
        }
        if (included) {
            return true;
        }
        char first = name.charAt(0);
        return first != '_' && first != '.' && first != '#' && !name.endsWith("~");
    }

    /** The layouts, includes and data folders are read by their own stages, not as pages. */
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
            diagnostics.add(Diagnostic.warning(sitePath(entry), Position.FILE, "broken symbolic link; skipped"));
            return true;
        }
        diagnostics.add(Diagnostic.warning(sitePath(entry), Position.FILE,
                "symbolic link points outside the site; not followed"));
        return true;
    }

    private List<Path> entries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(sitePath(dir), Position.FILE, "cannot read folder: " + e.getMessage()));
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    private boolean hasFrontMatter(Path file) {
        byte[] head = new byte[8];
        int read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (read < head.length && (n = in.read(head, read, head.length - read)) > 0) {
                read += n;
            }
        } catch (IOException e) {
            return false;  // the parse stage reports unreadable files with their path
        }
        byte[] exact = new byte[read];
        System.arraycopy(head, 0, exact, 0, read);
        return FrontMatterParser.hasFrontMatter(exact);
    }

    private static boolean matches(List<Glob> patterns, String relative, String name) {
        for (Glob pattern : patterns) {
            if (pattern.matches(relative) || pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private String relativeToSource(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return normal.startsWith(source) ? source.relativize(normal).toString().replace('\\', '/') : normal.toString();
    }

    private String sitePath(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        Path root = config.siteRoot();
        return normal.startsWith(root) ? root.relativize(normal).toString().replace('\\', '/') : normal.toString();
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

}
