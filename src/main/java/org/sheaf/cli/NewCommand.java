package org.sheaf.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.OsReason;
import org.sheaf.jekyll.Slugs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf new}: creates a post, note, page or whole site from the archetypes. Never replaces
 * a file: when any file it would create exists, it creates nothing and exits 1.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a post, note, page or site from the archetypes.",
        subcommands = {NewCommand.Post.class, NewCommand.Note.class, NewCommand.Page.class, NewCommand.Site.class})
final class NewCommand implements Runnable {
    /** The longest slug a title gives a file name (dates and {@code .md} come on top). */
    static final int MAX_SLUG = 100;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The note kinds, each with its archetype and the folder under {@code _notes/}. */
    enum Kind {
        JOB_POSTING("job-posting", "job-postings"),
        AUDIT("audit", "audits"),
        LIBRARY_FINDING("library-finding", "library-findings"),
        GROWTH_MODEL("growth-model", "growth-models");

        final String label;
        final String folder;

        Kind(String label, String folder) {
            this.label = label;
            this.folder = folder;
        }

        static Optional<Kind> of(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Options and steps shared by the commands that add to an existing site. */
    abstract static class InSite implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-s", "--site"}, paramLabel = "SITE", description = "the site folder (default: .)")
        Path site = Path.of(".");

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            SiteConfig config;
            try {
                config = ConfigLoader.load(site, ConfigLoader.Overrides.none());
            } catch (DiagnosticException e) {
                err.println(e.diagnostic().format());
                return ExitCode.USAGE.code();
            }
            return create(config).code();
        }

        abstract ExitCode create(SiteConfig config) throws IOException;

        /** Fills the archetype {@code name} and writes it to {@code target}. */
        ExitCode write(SiteConfig config, String name, Path target, String title, String kind) throws IOException {
            Path own = config.kind() == SiteConfig.Kind.SHEAF
                    ? config.layoutsDir().resolve("archetypes") : config.siteRoot().resolve("_archetypes");
            Optional<String> archetype;
            try {
                archetype = Archetypes.load(config.files(), own, name, shown(config.siteRoot(), own.resolve(name)));
            } catch (DiagnosticException e) {
                spec.commandLine().getErr().println(e.diagnostic().format());
                return ExitCode.USAGE;
            }
            if (archetype.isEmpty()) {
                spec.commandLine().getErr().println("sheaf: no archetype " + name);
                return ExitCode.USAGE;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("title", title);
            values.put("author", author(config));
            values.put("date", LocalDate.now(config.timezone()).toString());
            values.put("kind", kind);
            return createFiles(spec, config.siteRoot(), Map.of(target, Archetypes.fill(archetype.get(), values)));
        }

        static String author(SiteConfig config) {
            Object author = config.get("author");
            if (author instanceof Map<?, ?> map && map.get("name") != null) {
                return String.valueOf(map.get("name"));
            }
            return author == null ? "" : String.valueOf(author);
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true, description = "Create _posts/DATE-SLUG.md.")
    static final class Post extends InSite {
        @Parameters(index = "0", paramLabel = "TITLE", description = "the post's title")
        String title;

        @Override
        ExitCode create(SiteConfig config) throws IOException {
            String date = LocalDate.now(config.timezone()).toString();
            Path target = config.source().resolve("_posts").resolve(date + "-" + slug(title) + ".md");
            return write(config, "post.md", target, title, "");
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true,
            description = "Create _notes/KINDS/SLUG.md with the sections its kind needs.")
    static final class Note extends InSite {
        @Option(names = {"-k", "--kind"}, required = true, paramLabel = "KIND",
                description = "job-posting, audit, library-finding or growth-model")
        String kind;

        @Parameters(index = "0", paramLabel = "TITLE", description = "the note's title")
        String title;

        @Override
        ExitCode create(SiteConfig config) throws IOException {
            Optional<Kind> known = Kind.of(kind);
            if (known.isEmpty()) {
                spec.commandLine().getErr().println("sheaf: unknown note kind \"" + kind
                        + "\"; the kinds are job-posting, audit, library-finding, growth-model");
                return ExitCode.USAGE;
            }
            Path target = config.collectionsDir().resolve("_notes").resolve(known.get().folder)
                    .resolve(slug(title) + ".md");
            return write(config, "note-" + known.get().label + ".md", target, title, known.get().label);
        }
    }

    @Command(name = "page", mixinStandardHelpOptions = true,
            description = "Create a page at PATH in the source folder (.md is added when PATH has no extension).")
    static final class Page extends InSite {
        @Parameters(index = "0", paramLabel = "PATH", description = "where, relative to the source folder")
        String path;

        @Override
        ExitCode create(SiteConfig config) throws IOException {
            String relative = path.replace('\\', '/');
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            if (!name.contains(".")) {
                relative += ".md";
                name += ".md";
            }
            Path target = config.source().resolve(relative).normalize();
            if (relative.startsWith("/") || !target.startsWith(config.source()) || target.equals(config.source())) {
                spec.commandLine().getErr().println("sheaf: page path \"" + path + "\" is outside the source folder");
                return ExitCode.USAGE;
            }
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (stem.equals("index") && target.getParent() != null && !target.getParent().equals(config.source())) {
                stem = target.getParent().getFileName().toString();
            }
            return write(config, "page.md", target, titleOf(stem), "");
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = "Create a working sheaf site (content/ and templates/) in DIR.")
    static final class Site implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "the new site's folder")
        Path dir;

        @Option(names = "--title", paramLabel = "TITLE", description = "the site's title (default: from DIR)")
        String title;

        @Option(names = "--author", paramLabel = "NAME", description = "the site's author")
        String author = "";

        @Override
        public Integer call() throws IOException {
            Optional<String> list = Archetypes.load("site/FILES");
            if (list.isEmpty()) {
                spec.commandLine().getErr().println("sheaf: the site archetype is missing from this sheaf");
                return ExitCode.INTERNAL.code();
            }
            Path root = dir.toAbsolutePath().normalize();
            String siteTitle = title != null ? title
                    : titleOf(root.getFileName() == null ? "site" : root.getFileName().toString());
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("title", siteTitle);
            values.put("author", author);
            values.put("date", today);
            Map<Path, String> files = new LinkedHashMap<>();
            for (String name : list.get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                String text = Archetypes.load("site/" + name).orElseThrow(
                        () -> new IOException("the site archetype lists " + name + " but does not hold it"));
                String target = name.equals("content/_posts/welcome.md") ? "content/_posts/" + today + "-welcome.md" : name;
                files.put(root.resolve(target), Archetypes.fill(text, values));
            }
            ExitCode code = createFiles(spec, root, files);
            if (code == ExitCode.OK) {
                spec.commandLine().getOut().println("sheaf: new site in " + dir + "; try: sheaf serve " + dir);
                spec.commandLine().getOut().flush();
            }
            return code.code();
        }
    }

    /**
     * Creates every file, or none: any that exists is reported and nothing is written. Each file is
     * opened with {@code CREATE_NEW}, so a file that appears meanwhile is not replaced either.
     */
    static ExitCode createFiles(CommandSpec spec, Path shownFrom, Map<Path, String> files) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> existing = new ArrayList<>();
        for (Path file : files.keySet()) {
            if (Files.exists(file)) {
                existing.add(file);
            }
        }
        if (!existing.isEmpty()) {
            for (Path file : existing) {
                err.println("sheaf: " + shown(shownFrom, file) + " already exists; not overwriting it");
            }
            err.flush();
            return ExitCode.SITE_ERRORS;
        }
        for (Map.Entry<Path, String> entry : files.entrySet()) {
            Path file = entry.getKey();
            try {
                Files.createDirectories(file.getParent());
                try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    stream.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
            } catch (FileAlreadyExistsException e) {
                err.println("sheaf: " + shown(shownFrom, file) + " already exists; not overwriting it");
                err.flush();
                return ExitCode.SITE_ERRORS;
            } catch (IOException | java.nio.file.InvalidPathException e) {
                err.println("sheaf: cannot create " + shown(shownFrom, file) + ": "
                        + (e instanceof IOException io ? OsReason.of(io) : "not a valid file name"));
                err.flush();
                return ExitCode.USAGE;
            }
            out.println("sheaf: created " + shown(shownFrom, file));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String shown(Path from, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(from) ? from.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /**
     * The file name part for {@code title}: its slug, cut at a word boundary to at most
     * {@value #MAX_SLUG} characters, so that a long title still gives a file name every file
     * system takes (most allow 255 bytes).
     */
    static String slug(String title) {
        String slug = Slugs.slugify(title);
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** {@code the-fellowship-starts} becomes {@code The Fellowship Starts}. */
    static String titleOf(String stem) {
        StringBuilder out = new StringBuilder();
        for (String word : stem.split("[-_\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.length() == 0 ? "Untitled" : out.toString();
    }
}
