package org.sheaf.sass;

import com.sass_lang.embedded_protocol.InboundMessage;
import com.sass_lang.embedded_protocol.Syntax;
import de.larsgrefer.sass.embedded.importer.CustomImporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the stylesheets that {@code @use} and {@code @import} name, and reads them, for dart-sass:
 * the compiler itself reads no file, so no stylesheet outside the site is ever read, whatever a
 * page or partial asks for.
 *
 * <p>A URL is first tried relative to the stylesheet that loads it; for the page itself that is
 * the source folder, because Jekyll's converter hands the page to the compiler as if it lay there.
 * Then come the load paths in Jekyll's order ({@code sass.load_paths}, then {@code sass_dir}), and
 * last the page's own folder, which newer Sass converters search first and which Jekyll 4.3 does
 * not search at all, so a site built for either finds its partials.
 *
 * <p>Each name is resolved as Sass resolves it ({@code _name.scss}, {@code name.sass},
 * {@code name/_index.scss}, {@code name.import.scss} for {@code @import}, ...; more than one match
 * is an error). A file with front matter is a page, never a partial, and is passed over. A match
 * whose real path (links followed) is outside the allowed folders is an error at the loading
 * rule, as is any file that cannot be read; these errors reach the writer through dart-sass,
 * positioned at the {@code @use} or {@code @import}.
 *
 * <p>Thread-safe: the page being compiled is kept per thread, as dart-sass asks on the compiling
 * thread. Public for the fuzz test that throws arbitrary URLs at it.
 */
public final class SassImporter extends CustomImporter {
    private static final List<String> SASS_EXTENSIONS = List.of(".sass", ".scss");
    /**
     * The URL by which an entry made around a page imports the page (see {@link #serving}); it is
     * no file's, so no stylesheet of the site names the page by it by chance.
     */
    public static final String PAGE_URL = "sheaf:page";
    /** A URL scheme, the part before the first colon of {@code file:} or {@code https:}. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private final List<Path> roots;
    private final List<Path> realRoots;
    private final List<Path> loadPaths;
    private final ThreadLocal<Path> pageFolder = new ThreadLocal<>();
    /** The page this thread compiles through an entry that imports it, if it does. */
    private final ThreadLocal<PageText> pageText = new ThreadLocal<>();
    /** The stylesheets this thread's compilation loaded, by URL, in the order it loaded them. */
    private final ThreadLocal<Map<String, String>> loaded = ThreadLocal.withInitial(LinkedHashMap::new);
    /** Texts this thread's compilation is served in place of the files', by URL; see {@link #replacing}. */
    private final ThreadLocal<Map<String, String>> replaced = new ThreadLocal<>();

    /**
     * @param roots     the folders stylesheets may come from (the site's root and source folder)
     * @param loadPaths where a URL not found relative to its stylesheet is looked for, in order
     */
    public SassImporter(List<Path> roots, List<Path> loadPaths) {
        this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.realRoots = this.roots.stream().map(SassImporter::real).toList();
        this.loadPaths = List.copyOf(loadPaths);
    }

    /** Sets the folder of the page this thread compiles next, the last place a URL is looked for. */
    public void compiling(Path folder) {
        pageFolder.set(folder);
        loaded.get().clear();
    }

    /**
     * Serves the page this thread compiles next to an entry that imports it by {@link #PAGE_URL}:
     * the page keeps its own URL, the one the compiler would have known it by as the entry itself,
     * so positions and the source map name the page as before.
     *
     * @param url    the page's {@code file:} URL as the compiler knows it
     * @param text   the page's text after Liquid
     * @param syntax the page's syntax
     */
    public void serving(String url, String text, Syntax syntax) {
        pageText.set(new PageText(url, text, syntax));
    }

    /**
     * Serves this thread's next compilations the given texts in place of the files' at those
     * URLs, and leaves {@link #loadedStylesheets} as it is: a copy of the stylesheets, changed
     * to be read back from the CSS, is compiled after the page itself. Null ends it.
     */
    public void replacing(Map<String, String> texts) {
        if (texts == null) {
            replaced.remove();
        } else {
            replaced.set(texts);
        }
    }

    /** Forgets this thread's page and the stylesheets it loaded. */
    public void done() {
        pageFolder.remove();
        pageText.remove();
        loaded.remove();
        replaced.remove();
    }

    /** The texts of the stylesheets loaded since {@link #compiling}, as written. */
    public List<String> loadedTexts() {
        return List.copyOf(loaded.get().values());
    }

    /**
     * The stylesheets loaded since {@link #compiling}, by the URL the compiler knows each by (the
     * one its source map names), in the order they were loaded, each as the compiler read it.
     */
    public Map<String, String> loadedStylesheets() {
        Map<String, String> read = new LinkedHashMap<>();
        loaded.get().forEach((url, text) -> read.put(url, text.startsWith("\uFEFF") ? text.substring(1) : text));
        return java.util.Collections.unmodifiableMap(read);
    }

    /**
     * The canonical {@code file:} URL of the stylesheet {@code url} names, or null when there is
     * none here (dart-sass then asks again with the next place to look).
     *
     * @throws SassImportException when the match lies outside the site, is ambiguous or cannot be read
     */
    @Override
    public String canonicalize(String url, boolean fromImport) throws SassImportException {
        PageText served = pageText.get();
        if (served != null && url.equals(PAGE_URL)) {
            return served.url();
        }
        if (url.regionMatches(true, 0, "file:", 0, 5)) {
            Optional<Path> path = fileOf(url);
            return path.isEmpty() ? null : resolve(path.get(), fromImport);
        }
        if (hasScheme(url)) {
            return null;
        }
        String decoded = decoded(url);
        List<Path> bases = new ArrayList<>(loadPaths);
        Path page = pageFolder.get();
        if (page != null) {
            bases.add(page);
        }
        for (Path base : bases) {
            Path requested;
            try {
                requested = base.resolve(decoded);
            } catch (InvalidPathException e) {
                return null;
            }
            String found = resolve(requested, fromImport);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The text of a stylesheet {@link #canonicalize} found, read only if it is still inside the site. */
    @Override
    public InboundMessage.ImportResponse.ImportSuccess handleImport(String url) throws SassImportException {
        PageText served = pageText.get();
        if (served != null && url.equals(served.url())) {
            return InboundMessage.ImportResponse.ImportSuccess.newBuilder()
                    .setContents(served.text())
                    .setSyntax(served.syntax())
                    .setSourceMapUrl(served.url())
                    .build();
        }
        Path file = fileOf(url).orElseThrow(() -> new SassImportException("cannot load " + url));
        Path real = inside(file);
        Map<String, String> replacements = replaced.get();
        if (replacements != null && replacements.containsKey(file.toUri().toString())) {
            return InboundMessage.ImportResponse.ImportSuccess.newBuilder()
                    .setContents(replacements.get(file.toUri().toString()))
                    .setSyntax(syntaxOf(file))
                    .setSourceMapUrl(file.toUri().toString())
                    .build();
        }
        String text;
        try {
            text = Files.readString(real, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SassImportException("cannot read " + shown(file) + ": " + reason(e));
        }
        if (replacements == null) {
            loaded.get().put(file.toUri().toString(), text);
        }
        Syntax syntax = syntaxOf(file);
        return InboundMessage.ImportResponse.ImportSuccess.newBuilder()
                .setContents(text.startsWith("\uFEFF") ? text.substring(1) : text)
                .setSyntax(syntax)
                .setSourceMapUrl(file.toUri().toString())
                .build();
    }

    private static Syntax syntaxOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return ScssOutline.indented(name) ? Syntax.INDENTED : name.endsWith(".css") ? Syntax.CSS : Syntax.SCSS;
    }

    /** Sass's rules for a path without or with an extension: the one partial or file it names, or null. */
    private String resolve(Path requested, boolean fromImport) throws SassImportException {
        Path path = requested.toAbsolutePath().normalize();
        Path folder = path.getParent();
        if (folder == null || path.getFileName() == null) {
            return null;
        }
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".scss") || lower.endsWith(".sass") || lower.endsWith(".css")) {
            return exactlyOne(partialOrNot(folder, name));
        }
        List<Path> found = List.of();
        if (fromImport) {
            found = withExtensions(folder, name + ".import");
        }
        if (found.isEmpty()) {
            found = withExtensions(folder, name);
        }
        if (found.isEmpty()) {
            if (fromImport) {
                found = withExtensions(path, "index.import");
            }
            if (found.isEmpty()) {
                found = withExtensions(path, "index");
            }
        }
        return exactlyOne(found);
    }

    /** {@code _NAME.sass}, {@code NAME.sass}, {@code _NAME.scss}, {@code NAME.scss}; failing those, the same in CSS. */
    private List<Path> withExtensions(Path folder, String name) throws SassImportException {
        List<Path> found = new ArrayList<>();
        for (String extension : SASS_EXTENSIONS) {
            found.addAll(partialOrNot(folder, name + extension));
        }
        return found.isEmpty() ? partialOrNot(folder, name + ".css") : found;
    }

    private List<Path> partialOrNot(Path folder, String fileName) throws SassImportException {
        List<Path> found = new ArrayList<>();
        for (String candidate : List.of("_" + fileName, fileName)) {
            Path file;
            try {
                file = folder.resolve(candidate);
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isRegularFile(file) && !isPage(inside(file))) {
                found.add(file);
            }
        }
        return found;
    }

    private String exactlyOne(List<Path> found) throws SassImportException {
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw new SassImportException("it is not clear which file to import: "
                    + found.stream().map(this::shown).collect(Collectors.joining(", ")));
        }
        return found.get(0).toUri().toString();
    }

    /**
     * The file's real path, when it lies inside an allowed folder.
     *
     * @throws SassImportException naming the file (never the outside target) when it does not
     */
    private Path inside(Path file) throws SassImportException {
        Path real = real(file);
        if (realRoots.stream().anyMatch(real::startsWith)) {
            return real;
        }
        if (roots.stream().anyMatch(file::startsWith)) {
            throw new SassImportException(shown(file) + " is a link to a file outside the site; "
                    + "Sass reads only files inside the site");
        }
        throw new SassImportException(shown(file) + " is outside the site; Sass reads only files inside the site");
    }

    /** Whether the file starts with front matter: then it is a page of its own, not a partial. */
    private static boolean isPage(Path real) throws SassImportException {
        try (BufferedReader reader = Files.newBufferedReader(real, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.replace("\uFEFF", "").stripTrailing().equals("---");
        } catch (IOException e) {
            // Not UTF-8 or unreadable: not front matter; reading it to import reports the reason.
            return false;
        }
    }

    /** The file relative to the site, for messages; a file outside shows only its name. */
    private String shown(Path file) {
        for (Path root : roots) {
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return String.valueOf(file.getFileName());
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Optional<Path> fileOf(String url) {
        try {
            return Optional.of(Path.of(new URI(url)).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) && SCHEME.matcher(url.substring(0, colon)).matches();
    }

    private static String decoded(String url) {
        try {
            String path = new URI(url).getPath();
            return path == null ? url : path;
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : "input/output error";
    }

    /** The page an entry imports, as {@link #serving} was given it. */
    private record PageText(String url, String text, Syntax syntax) {
    }

    /** A load that sheaf refuses; dart-sass reports its message at the loading rule. */
    public static final class SassImportException extends Exception {
        private static final long serialVersionUID = 1L;

        SassImportException(String message) {
            super(message, null, false, false);
        }

        /** The message alone: the host passes this text to dart-sass as the error. */
        @Override
        public String toString() {
            return getMessage();
        }
    }
}
