package org.sheaf.build;

import com.sass_lang.embedded_protocol.InboundMessage;
import com.sass_lang.embedded_protocol.LogEventType;
import com.sass_lang.embedded_protocol.OutboundMessage;
import com.sass_lang.embedded_protocol.OutputStyle;
import com.sass_lang.embedded_protocol.SourceSpan;
import com.sass_lang.embedded_protocol.Syntax;
import de.larsgrefer.sass.embedded.CompileSuccess;
import de.larsgrefer.sass.embedded.SassCompilationFailedException;
import de.larsgrefer.sass.embedded.SassCompiler;
import de.larsgrefer.sass.embedded.SassCompilerFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;
import org.sheaf.diag.Severity;

/**
 * The Sass converter of the render stage: a {@code .scss} or {@code .sass} page (one with front
 * matter) becomes CSS, as Jekyll's jekyll-sass-converter makes it, through dart-sass's embedded
 * protocol.
 *
 * <p>One compiler process serves the whole build. It starts on the first Sass page, so a site
 * without Sass never starts it, and {@link #close()} stops it. Thread-safe: pages render in
 * parallel, and the host sends their compilations one at a time over the one process connection
 * (its {@code exec} holds the connection's lock for a whole compilation, log events included).
 *
 * <p>Positions of errors and warnings come from dart-sass's span fields (0-based line and column),
 * never from its message. An error in a partial is reported at the partial's own path, with an
 * {@code in:} line naming the page.
 */
final class SassRenderer implements AutoCloseable {
    private static final Pattern FILE_URL_STRING = Pattern.compile("\"(file:[^\"]*)\"");

    /** Starts a compiler process; tests pass one that fails, to see how a platform without it is reported. */
    interface Starter {
        SassCompiler start() throws IOException;
    }

    /**
     * The {@code sass:} options of {@code _config.yml}, resolved.
     *
     * @param style      {@code expanded} (Jekyll's default) or {@code compressed}
     * @param sourceMaps whether {@code NAME.css.map} is written beside each {@code NAME.css}
     * @param loadPaths  where {@code @use} and {@code @import} look after the page's own folder:
     *                   {@code sass_dir}, then {@code load_paths}, then the theme's {@code _sass}, absolute
     * @param quietDeps  {@code quiet_deps}: no warnings from stylesheets reached through load paths
     * @param silenced   {@code silence_deprecations}: dart-sass deprecation ids not to warn about
     * @param problems   warnings about values sheaf does not know, positioned in the config file
     * @param quiet      folders whose stylesheets never warn, as pages or as partials: the theme
     *                   gem's (a writer cannot fix a theme, and Jekyll's Sass does not warn of it)
     */
    record Settings(OutputStyle style, boolean sourceMaps, List<Path> loadPaths, boolean quietDeps,
            List<String> silenced, List<Diagnostic> problems, List<Path> quiet) {

        Settings(OutputStyle style, boolean sourceMaps, List<Path> loadPaths, boolean quietDeps,
                List<String> silenced, List<Diagnostic> problems) {
            this(style, sourceMaps, loadPaths, quietDeps, silenced, problems, List.of());
        }

        /**
         * Reads {@code sass.style}, {@code sass.sourcemap}, {@code sass.sass_dir}, {@code sass.load_paths},
         * {@code sass.quiet_deps} and {@code sass.silence_deprecations}.
         */
        static Settings from(SiteConfig config, String environment) {
            Map<?, ?> sass = config.get("sass") instanceof Map<?, ?> map ? map : Map.of();
            List<Diagnostic> problems = new ArrayList<>();

            String styleName = text(sass.get("style"), "expanded").toLowerCase(Locale.ROOT);
            OutputStyle style = styleName.equals("compressed") ? OutputStyle.COMPRESSED : OutputStyle.EXPANDED;
            if (!styleName.equals("compressed") && !styleName.equals("expanded")) {
                problems.add(warningAt(config, "sass.style", "sass style \"" + styleName
                        + "\" is not one dart-sass knows; using expanded (the others are expanded and compressed)"));
            }

            String sourcemap = text(sass.get("sourcemap"), "always").toLowerCase(Locale.ROOT);
            boolean sourceMaps = switch (sourcemap) {
                case "never" -> false;
                case "development" -> "development".equals(environment);
                case "always" -> true;
                default -> {
                    problems.add(warningAt(config, "sass.sourcemap", "sass sourcemap \"" + sourcemap
                            + "\" is not always, never or development; using always"));
                    yield true;
                }
            };

            List<Path> loadPaths = new ArrayList<>();
            loadPaths.add(config.source().resolve(text(sass.get("sass_dir"), "_sass")).normalize());
            Object extra = sass.get("load_paths");
            if (extra instanceof List<?> list) {
                list.stream().filter(item -> item != null)
                        .forEach(item -> loadPaths.add(config.source().resolve(item.toString()).normalize()));
            } else if (extra != null) {
                loadPaths.add(config.source().resolve(extra.toString()).normalize());
            }
            config.theme().ifPresent(theme -> loadPaths.add(theme.sassDir()));
            boolean quietDeps = Boolean.TRUE.equals(sass.get("quiet_deps"));
            List<String> silenced = sass.get("silence_deprecations") instanceof List<?> ids
                    ? ids.stream().filter(id -> id != null).map(Object::toString).toList() : List.of();
            List<Path> quiet = config.theme().map(theme -> List.of(theme.root())).orElse(List.of());
            return new Settings(style, sourceMaps, List.copyOf(loadPaths), quietDeps, silenced, List.copyOf(problems),
                    quiet);
        }

        private static String text(Object value, String fallback) {
            return value == null ? fallback : value.toString().strip();
        }

        private static Diagnostic warningAt(SiteConfig config, String key, String message) {
            Diagnostic at = config.errorAt(key, message);
            return Diagnostic.warning(at.path(), at.position(), message);
        }
    }

    /**
     * One page's CSS.
     *
     * @param css       the stylesheet, ending in a {@code sourceMappingURL} comment when a map was made
     * @param sourceMap the source map's JSON, or null when maps are off
     * @param warnings  {@code @warn}, {@code @debug} and deprecation messages, positioned
     */
    record Output(String css, String sourceMap, List<Diagnostic> warnings) {
    }

    private final Settings settings;
    private final Path siteRoot;
    private final Starter starter;
    private final ThreadLocal<List<OutboundMessage.LogEvent>> events = ThreadLocal.withInitial(ArrayList::new);
    private SassCompiler compiler;
    private IOException startFailure;
    private Duration startup;
    private boolean closed;

    SassRenderer(Settings settings, Path siteRoot) {
        this(settings, siteRoot, SassCompilerFactory::bundled);
    }

    SassRenderer(Settings settings, Path siteRoot, Starter starter) {
        this.settings = settings;
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.starter = starter;
    }

    /** Whether a page at this path is Sass, by its extension. */
    static boolean isSass(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".scss") || lower.endsWith(".sass");
    }

    Settings settings() {
        return settings;
    }

    /**
     * Compiles one page's text (its body after Liquid) to CSS.
     *
     * @param file       the page's source file, for relative {@code @use} and for positions
     * @param sitePath   the page's path as diagnostics print it
     * @param text       the Sass text
     * @param firstLine  the line of the file {@code text} starts on (below the front matter)
     * @param outputName the CSS file's name, which the source map comment names
     * @throws DiagnosticException for a Sass error, at its position, or when no compiler can run here
     */
    Output render(Path file, String sitePath, String text, int firstLine, String outputName) throws DiagnosticException {
        Path source = file.toAbsolutePath().normalize();
        SassCompiler sass = compiler(sitePath);
        InboundMessage.CompileRequest.StringInput input = InboundMessage.CompileRequest.StringInput.newBuilder()
                .setSource(text)
                .setUrl(source.toUri().toString())
                .setSyntax(source.toString().toLowerCase(Locale.ROOT).endsWith(".sass") ? Syntax.INDENTED : Syntax.SCSS)
                .setImporter(InboundMessage.CompileRequest.Importer.newBuilder()
                        .setPath(source.getParent().toString()))
                .build();
        List<OutboundMessage.LogEvent> logged = events.get();
        logged.clear();
        try {
            CompileSuccess success = sass.compileString(input, settings.style());
            List<Diagnostic> warnings = new ArrayList<>();
            for (OutboundMessage.LogEvent event : logged) {
                if (!isQuiet(source) && !(event.hasSpan() && pathOf(event.getSpan().getUrl()).filter(this::isQuiet).isPresent())) {
                    warnings.add(logged(event, source, sitePath, firstLine));
                }
            }
            if (!settings.sourceMaps()) {
                return new Output(success.getCss(), null, List.copyOf(warnings));
            }
            String css = success.getCss() + "\n\n/*# sourceMappingURL=" + outputName + ".map */\n";
            return new Output(css, relativeSources(success.getSourceMap(), source.getParent()), List.copyOf(warnings));
        } catch (SassCompilationFailedException e) {
            OutboundMessage.CompileResponse.CompileFailure failure = e.getCompileFailure();
            throw new DiagnosticException(positioned(Severity.ERROR, failure.getMessage(),
                    failure.hasSpan() ? failure.getSpan() : null, source, sitePath, firstLine));
        } catch (IOException | RuntimeException e) {
            // The process died or spoke out of protocol: nothing the writer did at a position.
            throw new DiagnosticException(Diagnostic.error(sitePath, Position.FILE,
                    "the Sass compiler failed: " + e.getMessage()), e);
        } finally {
            logged.clear();
        }
    }

    /**
     * Jekyll's {@code scssify} and {@code sassify} filters: {@code text} compiled with the site's
     * Sass settings and load paths, without a source map.
     *
     * @param indented whether the text is in the indented syntax ({@code sassify})
     * @throws IllegalArgumentException with dart-sass's message (its first line), when the text is not valid Sass
     */
    String convert(String text, boolean indented, String sitePath) {
        InboundMessage.CompileRequest.StringInput input = InboundMessage.CompileRequest.StringInput.newBuilder()
                .setSource(text)
                .setSyntax(indented ? Syntax.INDENTED : Syntax.SCSS)
                .build();
        try {
            return compiler(sitePath).compileString(input, settings.style()).getCss();
        } catch (SassCompilationFailedException e) {
            String message = e.getCompileFailure().getMessage();
            throw new IllegalArgumentException((indented ? "sassify: " : "scssify: ") + message.lines().findFirst().orElse(message));
        } catch (DiagnosticException e) {
            throw new IllegalArgumentException(e.diagnostic().message());
        } catch (IOException e) {
            throw new IllegalArgumentException("the Sass compiler stopped");
        } finally {
            events.get().clear();
        }
    }

    private boolean isQuiet(Path file) {
        return settings.quiet().stream().anyMatch(folder -> file.startsWith(folder.toAbsolutePath().normalize()));
    }

    /** How long the compiler process took to start; empty when it never started. */
    synchronized Optional<Duration> startup() {
        return Optional.ofNullable(startup);
    }

    /** Stops the compiler process, if it started. Later renders fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (compiler != null) {
            try {
                compiler.close();
            } catch (IOException e) {
                // The process is gone either way; nothing the build can do about it.
            }
            compiler = null;
        }
    }

    private synchronized SassCompiler compiler(String sitePath) throws DiagnosticException {
        if (closed) {
            throw new IllegalStateException("Sass renderer used after the build closed it");
        }
        if (compiler == null && startFailure == null) {
            long begun = System.nanoTime();
            try {
                SassCompiler fresh = starter.start();
                fresh.setGenerateSourceMaps(settings.sourceMaps());
                fresh.setSourceMapIncludeSources(true);
                fresh.setLoadPaths(settings.loadPaths().stream().map(Path::toFile).toList());
                fresh.setQuietDeps(settings.quietDeps());
                settings.silenced().forEach(fresh::addSilenceDeprecation);
                // Called on the compiling thread, inside the host's lock for that compilation.
                fresh.setLoggingHandler(event -> {
                    if (event instanceof OutboundMessage.LogEvent whole) {
                        events.get().add(whole);
                    }
                });
                compiler = fresh;
            } catch (IOException | RuntimeException e) {
                startFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            startup = Duration.ofNanos(System.nanoTime() - begun);
        }
        if (startFailure != null) {
            throw new DiagnosticException(Diagnostic.error(sitePath, Position.FILE,
                    "Sass is not supported on this platform")
                    .withHint("the dart-sass compiler did not start: " + startFailure.getMessage()));
        }
        return compiler;
    }

    private Diagnostic logged(OutboundMessage.LogEvent event, Path source, String sitePath, int firstLine) {
        String message = event.getType() == LogEventType.DEBUG ? "@debug: " + event.getMessage() : event.getMessage();
        return positioned(Severity.WARNING, message, event.hasSpan() ? event.getSpan() : null, source, sitePath,
                firstLine);
    }

    /**
     * A diagnostic at a dart-sass span: in the page (its lines shifted below the front matter), or
     * in a partial (at the partial's own path, naming the page).
     */
    private Diagnostic positioned(Severity severity, String message, SourceSpan span, Path source, String sitePath,
            int firstLine) {
        // A diagnostic is one line: dart-sass's further lines ("More info: https://...") become hints.
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String first = lines.isEmpty() ? message : lines.get(0);
        List<String> hints = lines.stream().skip(1).map(l -> "hint: " + l).toList();
        if (span == null || span.getUrl().isEmpty()) {
            return new Diagnostic(sitePath, Position.FILE, severity, first, hints);
        }
        int line = span.getStart().getLine() + 1;
        int column = span.getStart().getColumn() + 1;
        Optional<Path> file = pathOf(span.getUrl());
        if (file.isPresent() && file.get().equals(source)) {
            return new Diagnostic(sitePath, new Position(line + firstLine - 1, column), severity, first, hints);
        }
        String shown = file.map(this::sitePathOf).orElse(span.getUrl());
        return new Diagnostic(shown, new Position(line, column), severity, first, hints).within(sitePath);
    }

    private String sitePathOf(Path file) {
        return file.startsWith(siteRoot) ? siteRoot.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static Optional<Path> pathOf(String url) {
        try {
            URI uri = URI.create(url);
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The map with each {@code file:} source made relative to the page's folder, as Jekyll writes
     * it ({@code "print.scss"}, {@code "../../_sass/_base.scss"}), so no absolute path of the
     * building machine reaches the site.
     */
    private static String relativeSources(String map, Path folder) {
        Matcher m = FILE_URL_STRING.matcher(map);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Path> file = pathOf(m.group(1));
            String replacement = file.map(path -> "\"" + folder.relativize(path).toString().replace('\\', '/')
                    .replace("\\", "\\\\").replace("\"", "\\\"") + "\"").orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
