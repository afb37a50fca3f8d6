package org.sheaf.sass;

import com.sass_lang.embedded_protocol.InboundMessage;
import com.sass_lang.embedded_protocol.LogEventType;
import com.sass_lang.embedded_protocol.OutboundMessage;
import com.sass_lang.embedded_protocol.OutputStyle;
import com.sass_lang.embedded_protocol.SourceSpan;
import com.sass_lang.embedded_protocol.Syntax;
import de.larsgrefer.sass.embedded.CompileSuccess;
import de.larsgrefer.sass.embedded.SassCompilationFailedException;
import de.larsgrefer.sass.embedded.SassCompiler;
import de.larsgrefer.sass.embedded.connection.BundledPackageProvider;
import de.larsgrefer.sass.embedded.connection.ProcessConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
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
public final class SassRenderer implements AutoCloseable {
    private static final Pattern FILE_URL_STRING = Pattern.compile("\"(file:[^\"]*)\"");
    /** How long one page may compile, as long as a page's Liquid may render. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Starts a compiler process; tests pass one that fails, to see how a platform without it is reported. */
    interface Starter {
        SassCompiler start() throws IOException;
    }

    /**
     * What a page is compiled through when libsass's CSS is wanted: libsass's {@code mix()},
     * which rounds each channel of the colour it mixes to a whole number (libsass keeps colours
     * as whole channels from there on, so a colour mixed from a mixed colour differs from
     * dart-sass's in its last digit), defined before the page is imported. The page comes from
     * the importer under its own URL, so positions and the source map are the page's own. A
     * function of the page's named {@code mix} still wins, defined later; dart-sass's built-in
     * gives way only to a stylesheet's function, not to a host function.
     */
    private static final String LIBSASS_ENTRY = """
            @use "sass:color";
            @use "sass:math";
            @function mix($color1, $color2, $weight: 50%) {
              $mixed: color.mix($color1, $color2, $weight);
              @return rgba(math.round(color.channel($mixed, "red", $space: rgb)),
                math.round(color.channel($mixed, "green", $space: rgb)),
                math.round(color.channel($mixed, "blue", $space: rgb)), color.alpha($mixed));
            }
            """ + "@import \"" + SassImporter.PAGE_URL + "\";\n";
    /** The URL of {@link #LIBSASS_ENTRY}, which no file has. */
    private static final String LIBSASS_ENTRY_URL = "sheaf:libsass-entry";
    /**
     * A page with {@code @use} or {@code @forward} is compiled as it stands: it is written for
     * dart-sass (libsass knows neither rule), and a module sees no definition of the entry's.
     */
    private static final Pattern MODULE_RULE = Pattern.compile("(?m)^\\s*@(use|forward)\\b");

    /** The first line dart-sass writes in an expanded stylesheet with non-ASCII text. */
    private static final String CHARSET_LINE = "@charset \"UTF-8\";\n";

    /**
     * How the CSS is laid out: as Jekyll 4.3's Sass converter writes it with libsass, its default,
     * or with dart-sass ({@code implementation: sass-embedded}).
     */
    public enum Layout {
        /** libsass's {@code compact}, the converter's default: one rule a line. */
        COMPACT,
        /** libsass's {@code expanded}: one declaration a line, a blank line after each top-level block. */
        EXPANDED,
        /** libsass's {@code compressed}. */
        COMPRESSED,
        /** dart-sass's own {@code expanded} or {@code compressed} output, with none of the changes that make it libsass's. */
        DART_SASS
    }

    /**
     * The {@code sass:} options of {@code _config.yml}, resolved.
     *
     * @param style      what dart-sass writes: {@code expanded}, which sheaf lays out anew for
     *                   libsass's {@code compact}, {@code expanded} and {@code compressed}, or
     *                   {@code compressed} for dart-sass's own
     * @param layout     how the CSS is laid out
     * @param sourceMaps whether {@code NAME.css.map} is written beside each {@code NAME.css}
     * @param loadPaths  where {@code @use} and {@code @import} look when the URL is not found
     *                   relative to its stylesheet: {@code load_paths}, then {@code sass_dir}, absolute
     *                   and inside the site, then the theme's {@code _sass}
     * @param quietDeps  {@code quiet_deps}: no warnings from stylesheets reached through load paths
     * @param silenced   {@code silence_deprecations}: dart-sass deprecation ids not to warn about
     * @param addCharset {@code add_charset}: a compressed stylesheet with non-ASCII text starts with
     *                   {@code @charset "UTF-8";} instead of nothing (dart-sass's byte order mark is
     *                   dropped either way, as Jekyll drops it)
     * @param problems   warnings about values sheaf does not know, and errors for load paths outside
     *                   the site, positioned in the config file
     * @param quiet      folders whose stylesheets never warn, as pages or as partials: the theme
     *                   gem's (a writer cannot fix a theme, and Jekyll's Sass does not warn of it)
     * @param verbose    {@code verbose}: every deprecation warning of dart-sass on its own; else a
     *                   page built as libsass builds it gets one warning counting them, and
     *                   {@code implementation: sass-embedded} dart-sass's first five of each kind
     */
    public record Settings(OutputStyle style, Layout layout, boolean sourceMaps, List<Path> loadPaths,
            boolean quietDeps, List<String> silenced, boolean addCharset, List<Diagnostic> problems, List<Path> quiet,
            boolean verbose) {

        /** Settings laid out as libsass lays out {@code style}: {@code expanded} or {@code compressed}. */
        Settings(OutputStyle style, boolean sourceMaps, List<Path> loadPaths, boolean quietDeps,
                List<String> silenced, boolean addCharset, List<Diagnostic> problems) {
            this(OutputStyle.EXPANDED, style == OutputStyle.COMPRESSED ? Layout.COMPRESSED : Layout.EXPANDED, sourceMaps,
                    loadPaths, quietDeps, silenced, addCharset, problems, List.of(), false);
        }

        /**
         * Reads {@code sass.implementation}, {@code sass.style}, {@code sass.sourcemap}, {@code sass.sass_dir},
         * {@code sass.load_paths}, {@code sass.add_charset},
         * {@code sass.quiet_deps}, {@code sass.silence_deprecations} and {@code sass.verbose}.
         */
        public static Settings from(SiteConfig config, String environment) {
            Map<?, ?> sass = config.get("sass") instanceof Map<?, ?> map ? map : Map.of();
            List<Diagnostic> problems = new ArrayList<>();

            // As jekyll-sass-converter 2 reads them: libsass (sassc) unless sass-embedded is named,
            // a style with or without a leading colon, and an unknown style as the default.
            boolean dartSass = "sass-embedded".equals(text(sass.get("implementation"), ""));
            String styleName = text(sass.get("style"), dartSass ? "expanded" : "compact").replaceFirst("^:", "");
            Layout layout = switch (styleName) {
                case "compact" -> dartSass ? null : Layout.COMPACT;
                case "expanded" -> dartSass ? Layout.DART_SASS : Layout.EXPANDED;
                case "compressed" -> dartSass ? Layout.DART_SASS : Layout.COMPRESSED;
                default -> null;
            };
            // libsass's compressed style is laid out from dart-sass's expanded CSS, as its others are
            OutputStyle style = dartSass && styleName.equals("compressed") ? OutputStyle.COMPRESSED : OutputStyle.EXPANDED;
            if (layout == null) {
                String problem;
                if (dartSass) {
                    layout = Layout.DART_SASS;
                    problem = "is not one dart-sass writes; using expanded (the others are expanded and compressed)";
                } else if (styleName.equals("nested")) {
                    // libsass indents each rule as deep as its stylesheet nested it, which the CSS
                    // dart-sass writes no longer tells
                    layout = Layout.EXPANDED;
                    problem = "is not one sheaf writes; using expanded";
                } else {
                    layout = Layout.COMPACT;
                    problem = "is not nested, expanded, compact or compressed; using compact";
                }
                problems.add(config.originOf("sass.style").warning("sass style \"" + styleName + "\" " + problem));
            }

            String sourcemap = text(sass.get("sourcemap"), "always").toLowerCase(Locale.ROOT);
            boolean sourceMaps = switch (sourcemap) {
                case "never" -> false;
                case "development" -> "development".equals(environment);
                case "always" -> true;
                default -> {
                    problems.add(config.originOf("sass.sourcemap").warning("sass sourcemap \"" + sourcemap
                            + "\" is not always, never or development; using always"));
                    yield true;
                }
            };

            Path source = config.source().toAbsolutePath().normalize();
            List<Path> loadPaths = new ArrayList<>();
            Object extra = sass.get("load_paths");
            List<?> named = extra instanceof List<?> list ? list : extra == null ? List.of() : List.of(extra);
            for (Object item : named) {
                if (item == null) {
                    continue;
                }
                Path path = source.resolve(item.toString().strip()).normalize();
                if (path.startsWith(source) || path.startsWith(config.siteRoot().toAbsolutePath().normalize())) {
                    loadPaths.add(path);
                } else {
                    problems.add(config.errorAt("sass.load_paths", "sass load path \"" + item
                            + "\" is outside the site; Sass reads only files inside the site"));
                }
            }
            String sassDir = text(sass.get("sass_dir"), "");
            loadPaths.add(sanitized(source, sassDir.isEmpty() ? "_sass" : sassDir));
            config.theme().ifPresent(theme -> loadPaths.add(theme.sassDir()));
            boolean quietDeps = Boolean.TRUE.equals(sass.get("quiet_deps"));
            List<String> silenced = sass.get("silence_deprecations") instanceof List<?> ids
                    ? ids.stream().filter(id -> id != null).map(Object::toString).toList() : List.of();
            boolean addCharset = Boolean.TRUE.equals(sass.get("add_charset"));
            List<Path> quiet = config.theme().map(theme -> List.of(theme.root())).orElse(List.of());
            boolean verbose = Boolean.TRUE.equals(sass.get("verbose"));
            return new Settings(style, layout, sourceMaps, List.copyOf(loadPaths), quietDeps, silenced, addCharset,
                    List.copyOf(problems), quiet, verbose);
        }

        /**
         * The folder as Jekyll's {@code sanitized_path} makes it: an absolute path or one with
         * {@code ..} is read as if the source folder were the root, so {@code /etc} is
         * {@code SOURCE/etc}.
         */
        private static Path sanitized(Path source, String name) {
            Path path = Path.of("/").resolve(name.startsWith("~") ? "/" + name : name).normalize();
            return path.startsWith(source) ? path : source.resolve(Path.of("/").relativize(path)).normalize();
        }

        private static String text(Object value, String fallback) {
            return value == null ? fallback : value.toString().strip();
        }
    }

    /**
     * One page's CSS.
     *
     * @param css       the stylesheet, ending in a {@code sourceMappingURL} comment when a map was made
     * @param sourceMap the source map's JSON, or null when maps are off
     * @param warnings  {@code @warn}, {@code @debug} and deprecation messages, positioned
     */
    public record Output(String css, String sourceMap, List<Diagnostic> warnings) {
    }

    private final Settings settings;
    private final Path siteRoot;
    private final Path source;
    private final Starter starter;
    private final Duration limit;
    private final SassImporter importer;
    private final ThreadLocal<List<OutboundMessage.LogEvent>> events = ThreadLocal.withInitial(ArrayList::new);
    private final Object compiling = new Object();
    /** How many compilations this renderer asked of dart-sass, evaluations' too; guarded by {@link #compiling}. */
    private int compilations;
    private SassCompiler compiler;
    private IOException startFailure;
    private Duration startup;
    private boolean closed;

    public SassRenderer(Settings settings, Path siteRoot, Path source) {
        this(settings, siteRoot, source, SassRenderer::startBundled, LIMIT);
    }

    /**
     * The dart-sass that sass-embedded-bundled carries, started with its error stream thrown away.
     * The library's own factory lets that stream through to the terminal, where a stylesheet that
     * recurses without end would show the writer the Dart VM's stack trace; every failure a
     * stylesheet can cause also comes back through the protocol, and is reported from there with
     * its position.
     */
    static SassCompiler startBundled() throws IOException {
        String launcher = new BundledPackageProvider().getDartSassExecutable().getAbsolutePath();
        Process process = new ProcessBuilder(launcher, "--embedded")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new SassCompiler(new ProcessConnection(process));
    }

    /**
     * @param limit how long one page may compile before the compiler is stopped and the page fails
     */
    SassRenderer(Settings settings, Path siteRoot, Path source, Starter starter, Duration limit) {
        this.settings = settings;
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.source = source.toAbsolutePath().normalize();
        this.starter = starter;
        this.limit = limit;
        // A load path outside the site is one sheaf itself added (a theme's _sass folder): Settings.from
        // refuses a writer's.
        List<Path> roots = new ArrayList<>(List.of(this.siteRoot, this.source));
        settings.loadPaths().stream().map(path -> path.toAbsolutePath().normalize())
                .filter(path -> !path.startsWith(this.siteRoot) && !path.startsWith(this.source))
                .forEach(roots::add);
        this.importer = new SassImporter(roots, settings.loadPaths());
    }

    /** Whether a page at this path is Sass, by its extension. */
    public static boolean isSass(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".scss") || lower.endsWith(".sass");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Compiles one page's text (its body after Liquid) to CSS. The compiler is given the page as
     * if it lay in the source folder, as Jekyll's converter gives it, so a URL relative to the
     * page is looked for there first (see {@link SassImporter}). For libsass's CSS the page is
     * imported by {@link #LIBSASS_ENTRY}, which defines libsass's {@code mix()} first.
     *
     * @param file       the page's source file, for positions
     * @param sitePath   the page's path as diagnostics print it
     * @param text       the Sass text
     * @param firstLine  the line of the file {@code text} starts on (below the front matter)
     * @param outputName the CSS file's name, which the source map comment names
     * @throws DiagnosticException for a Sass error, at its position; when the page does not finish
     *                             within the time limit; or when no compiler can run here
     */
    public Output render(Path file, String sitePath, String text, int firstLine, String outputName) throws DiagnosticException {
        try {
            return rendered(file, sitePath, text, firstLine, outputName, settings.sourceMaps());
        } catch (SassCompilationFailedException e) {
            OutboundMessage.CompileResponse.CompileFailure failure = e.getCompileFailure();
            Path entry = source.resolve(file.getFileName().toString());
            throw new DiagnosticException(positioned(Severity.ERROR, failure.getMessage(),
                    failure.hasSpan() ? failure.getSpan() : null, entry, sitePath, firstLine));
        }
    }

    /**
     * A page's CSS as {@link #render} writes it, with its source map only when {@code sourceMap}
     * asks; a Sass error is left to the caller to tell.
     */
    private Output rendered(Path file, String sitePath, String text, int firstLine, String outputName, boolean sourceMap)
            throws DiagnosticException, SassCompilationFailedException {
        Path page = file.toAbsolutePath().normalize();
        Path entry = source.resolve(page.getFileName().toString());
        List<OutboundMessage.LogEvent> logged = events.get();
        logged.clear();
        importer.compiling(page.getParent());
        try {
            CompileSuccess success = compile(page, entry, sitePath, text, firstLine);
            List<Diagnostic> warnings = new ArrayList<>();
            Map<String, Integer> deprecations = new java.util.TreeMap<>();
            for (OutboundMessage.LogEvent event : logged) {
                // the import of the page by the entry sheaf made is no rule of the writer's
                boolean entryImport = event.hasSpan() && event.getSpan().getUrl().equals(LIBSASS_ENTRY_URL)
                        && event.getDeprecationType().equals("import");
                if (entryImport || isQuiet(page) || event.hasSpan() && pathOf(event.getSpan().getUrl()).filter(this::isQuiet).isPresent()) {
                    continue;
                }
                if (event.getType() == LogEventType.DEPRECATION_WARNING && countsDeprecations()) {
                    deprecations.merge(event.getDeprecationType().isEmpty() ? "other" : event.getDeprecationType(), 1,
                            Integer::sum);
                } else {
                    warnings.add(logged(event, entry, sitePath, firstLine));
                }
            }
            if (!deprecations.isEmpty()) {
                warnings.add(deprecationsCounted(sitePath, deprecations));
            }
            String compiled = success.getCss();
            if (settings.layout() == Layout.DART_SASS) {
                // As jekyll-sass-converter writes dart-sass's CSS: only the byte order mark replaced.
                String charset = settings.addCharset() ? "@charset \"UTF-8\";" : "";
                boolean mark = compiled.startsWith("\uFEFF");
                String css = mark ? charset + compiled.substring(1) : compiled;
                if (!sourceMap) {
                    return new Output(css + "\n", null, List.copyOf(warnings));
                }
                String map = SourceMapShift.shifted(success.getSourceMap(), compiled,
                        mark ? List.of(new SourceMapShift.Edit(0, 1, charset.length())) : List.of());
                return new Output(css + "\n\n/*# sourceMappingURL=" + outputName + ".map */",
                        relativeSources(map, page.getParent(), entry, page), List.copyOf(warnings));
            }
            // As Jekyll writes it with libsass: static values as written, no byte order mark, colours
            // as libsass writes them, attribute selectors quoted and :nth-child() arguments as
            // written, each rule's declarations in one rule, and libsass's layout.
            boolean expanded = settings.style() == OutputStyle.EXPANDED;
            List<String> sources = new ArrayList<>(importer.loadedTexts());
            sources.add(text);
            // the names whose hex escapes dart-sass wrote as the characters they stand for as
            // written, before the @charset that only such a character may have called for
            List<SourceMapShift.Edit> names = new ArrayList<>();
            String withNames = EscapedCharacters.restored(compiled, sources, names);
            String compiledMap = SourceMapShift.shifted(success.getSourceMap(), compiled, names);
            compiled = withNames;
            // the characters first, so that a static value is then written as it stands
            List<SourceMapShift.Edit> characters = new ArrayList<>();
            String withCharacters = PrivateUseCharacters.restored(compiled, sources, characters);
            String dartMap = SourceMapShift.shifted(compiledMap, compiled, characters);
            compiled = withCharacters;
            List<SourceMapShift.Edit> edits = new ArrayList<>();
            String plain = expanded ? StaticValues.restored(compiled, dartMap, edits) : compiled;
            List<SourceMapShift.Edit> rounded = new ArrayList<>();
            plain = LegacyColors.rounded(plain, rounded);
            edits = SourceMapShift.merged(edits, rounded);
            List<SourceMapShift.Edit> quoted = new ArrayList<>();
            List<SourceMapShift.Edit> before = edits;
            String mapped = dartMap;
            String unquoted = compiled;
            plain = AttributeQuotes.restored(plain, sources, () -> SourceMapShift.shifted(mapped, unquoted, before), quoted);
            edits = SourceMapShift.merged(edits, quoted);
            List<SourceMapShift.Edit> arguments = new ArrayList<>();
            plain = NthArguments.restored(plain, sources, arguments);
            edits = SourceMapShift.merged(edits, arguments);
            if (plain.startsWith("\uFEFF")) {
                String charset = settings.addCharset() ? "@charset \"UTF-8\";" : "";
                plain = charset + plain.substring(1);
                edits.add(0, new SourceMapShift.Edit(0, 1, charset.length()));
            }
            String map = dartMap.isEmpty() ? null : SourceMapShift.shifted(dartMap, compiled, edits);
            List<Integer> leftOutMedia = List.of();
            if (expanded && map != null) {
                Map<String, String> stylesheets = new LinkedHashMap<>(importer.loadedStylesheets());
                stylesheets.put(entry.toUri().toString(), text);
                String written = plain;
                Supplier<Evaluation> evaluation = once(
                        () -> evaluated(page, entry, sitePath, firstLine, stylesheets, written));
                SplitRules.Result joined = SplitRules.joined(plain, map, stylesheets, entry.toUri().toString(), evaluation);
                SplitRules.Result broken = MediaBreaks.broken(joined.css(), joined.map(), stylesheets, evaluation,
                        joined.mediaOrder(), joined.supportsOrder(), joined.topSupportsOrder());
                SplitRules.Result queries = MediaJoins.joined(broken, stylesheets,
                        copies -> compiledCopy(page, entry, sitePath, firstLine, copies));
                SplitRules.Result media = CommentCopies.joined(queries, stylesheets, evaluation);
                plain = media.css();
                map = media.map();
                leftOutMedia = media.leftOutMedia();
                // dart-sass heads the CSS with @charset for the non-ASCII text it wrote; libsass
                // does so only when the text it wrote has some: escapes written as escapes may
                // have been all there was, and private-use characters dart-sass escaped may be
                // the only non-ASCII text libsass writes.
                boolean headed = plain.startsWith(CHARSET_LINE);
                boolean ascii = plain.chars().skip(headed ? CHARSET_LINE.length() : 0).allMatch(c -> c < 0x80);
                if (headed == ascii) {
                    int shift = headed ? -CHARSET_LINE.length() : CHARSET_LINE.length();
                    int lines = (int) plain.chars().filter(c -> c == '\n').count() + 2;
                    plain = headed ? plain.substring(CHARSET_LINE.length()) : CHARSET_LINE + plain;
                    leftOutMedia = leftOutMedia.stream().map(at -> at + shift).toList();
                    int[] moved = new int[lines];
                    for (int line = 0; line < moved.length; line++) {
                        moved[line] = headed ? line - 1 : line + 1;
                    }
                    map = SourceMapShift.relined(map, moved);
                }
            }
            LibsassLayout.Result laid = laidOut(plain, map, leftOutMedia);
            plain = laid.css();
            map = laid.map();
            if (settings.layout() == Layout.COMPRESSED && plain.startsWith(CHARSET_LINE.strip())) {
                // libsass's compressed CSS with non-ASCII text starts with a byte order mark,
                // which Jekyll replaces with @charset only when add_charset asks
                String charset = settings.addCharset() ? CHARSET_LINE.strip() : "";
                String rest = plain.substring(CHARSET_LINE.strip().length());
                if (map != null) {
                    map = SourceMapShift.moved(map, plain, charset + rest, shiftedBy(plain.length(),
                            CHARSET_LINE.strip().length(), charset.length()));
                }
                plain = charset + rest;
            }
            // libsass copies the escapes of queries and selectors with the white space after them
            // as written, and writes each selector an @extend adds to a list once; one reading of
            // the preludes serves both
            String beforeEscapes = plain;
            Supplier<List<int[]>> preludes = once(() -> WrittenEscapes.preludes(beforeEscapes));
            CssRewrite.Result escaped = WrittenEscapes.restored(plain, map, sources, preludes);
            String withEscapes = escaped == null ? plain : escaped.css();
            CssRewrite.Result rewrite = CssRewrite.Result.chained(escaped, ExtendRepeats.restored(withEscapes,
                    sources, () -> escaped == null ? preludes.get() : escaped.spans(preludes.get())));
            if (!sourceMap) {
                return new Output(rewrite == null ? plain : rewrite.css(), null, List.copyOf(warnings));
            }
            LibsassLayout.Result rewritten = rewritten(plain, map, rewrite);
            plain = rewritten.css();
            map = rewritten.map();
            // libsass's CSS ends in a line break; the comment it adds after it does not.
            String css = plain + "\n/*# sourceMappingURL=" + outputName + ".map */";
            return new Output(css, relativeSources(map, page.getParent(), entry, page), List.copyOf(warnings));
        } finally {
            importer.done();
            logged.clear();
        }
    }

    /** The CSS and its source map (or null) with {@code rewrite}'s changes, or as they are when it made none (null). */
    private static LibsassLayout.Result rewritten(String css, String map, CssRewrite.Result rewrite) {
        if (rewrite == null) {
            return new LibsassLayout.Result(css, map);
        }
        String moved = map == null ? null : SourceMapShift.moved(map, css, rewrite.css(), rewrite.moved());
        return new LibsassLayout.Result(rewrite.css(), moved);
    }

    /** How many compilations this renderer has asked of dart-sass so far, a page's evaluation counting as one more. */
    int compilations() {
        synchronized (compiling) {
            return compilations;
        }
    }

    /** The supplier's value, got the first time it is asked for and kept. */
    static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private boolean got;
            private T value;

            @Override
            public T get() {
                if (!got) {
                    value = supplier.get();
                    got = true;
                }
                return value;
            }
        };
    }

    /**
     * What evaluating the page's stylesheets wrote where: the page compiled again, as before but
     * with every SCSS stylesheet it read marked ({@link Evaluation}), and read against the CSS of
     * the first compilation. Null when this compilation fails or its CSS does not line up.
     *
     * @param stylesheets the stylesheets the first compilation read, the page's too, by URL
     * @param css         the first compilation's CSS, changed so far without moving a block
     */
    private Evaluation evaluated(Path page, Path entry, String sitePath, int firstLine, Map<String, String> stylesheets,
            String css) {
        Evaluation.Marked marked = Evaluation.marked(stylesheets);
        String pageUrl = entry.toUri().toString();
        if (marked.marks().isEmpty() || !marked.texts().containsKey(pageUrl)) {
            return null;
        }
        String markedCss = compiledCopy(page, entry, sitePath, firstLine, marked.texts());
        // the marks changed nothing that is evaluated; if the copy fails all the same, the CSS
        // stays as the source map tells it
        return markedCss == null ? null : Evaluation.read(markedCss, marked, css,
                // a third compilation, only for an @media left out whose includes may write nothing
                () -> compiledCopy(page, entry, sitePath, firstLine, marked.probes()));
    }

    /**
     * dart-sass's CSS of the page compiled again with copies of the stylesheets it read, by URL,
     * in their place (the page's own among them), its warnings not told; null when it fails.
     */
    private String compiledCopy(Path page, Path entry, String sitePath, int firstLine, Map<String, String> copies) {
        List<OutboundMessage.LogEvent> logged = events.get();
        List<OutboundMessage.LogEvent> before = new ArrayList<>(logged);
        importer.replacing(copies);
        try {
            return compile(page, entry, sitePath, copies.get(entry.toUri().toString()), firstLine).getCss();
        } catch (DiagnosticException | SassCompilationFailedException e) {
            return null;
        } finally {
            importer.replacing(null);
            logged.clear();
            logged.addAll(before);
        }
    }

    /**
     * Where each offset of a text goes when its first {@code removed} characters are replaced by
     * {@code added} others: those removed map to the start.
     */
    private static int[] shiftedBy(int length, int removed, int added) {
        int[] moved = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            moved[i] = i < removed ? 0 : i - removed + added;
        }
        return moved;
    }

    /** The CSS laid out as libsass lays out the site's style, ending in a line break unless empty. */
    private LibsassLayout.Result laidOut(String css, String map, List<Integer> leftOutMedia) {
        return switch (settings.layout()) {
            case COMPACT -> LibsassLayout.laidOut(css, map, LibsassLayout.Style.COMPACT, leftOutMedia);
            case EXPANDED -> LibsassLayout.laidOut(css, map, LibsassLayout.Style.EXPANDED);
            case COMPRESSED -> LibsassLayout.laidOut(css, map, LibsassLayout.Style.COMPRESSED);
            default -> new LibsassLayout.Result(css.isEmpty() || css.endsWith("\n") ? css : css + "\n", map);
        };
    }

    /**
     * One compilation, stopped when it runs past the limit: dart-sass has no way to cancel a
     * compilation ({@code @while true} never ends), so the process is ended and the next page
     * starts a fresh one. Compilations run one at a time, as the process serves them anyway.
     * For libsass's CSS the compiler is given {@link #LIBSASS_ENTRY}, which imports the page,
     * unless the page loads modules.
     */
    private CompileSuccess compile(Path page, Path entry, String sitePath, String text, int firstLine)
            throws DiagnosticException, SassCompilationFailedException {
        Syntax syntax = ScssOutline.indented(page.toString()) ? Syntax.INDENTED : Syntax.SCSS;
        InboundMessage.CompileRequest.StringInput direct = input(text, entry.toUri().toString(), syntax);
        if (settings.layout() == Layout.DART_SASS || MODULE_RULE.matcher(text).find()) {
            return withinLimit(direct, sitePath, text, firstLine);
        }
        importer.serving(entry.toUri().toString(), text, syntax);
        try {
            return withinLimit(input(LIBSASS_ENTRY, LIBSASS_ENTRY_URL, Syntax.SCSS), sitePath, text, firstLine);
        } catch (SassCompilationFailedException e) {
            if (!e.getCompileFailure().getSpan().getUrl().equals(LIBSASS_ENTRY_URL)) {
                throw e;
            }
            // A call of mix() dart-sass refuses (not a colour) fails inside the entry's definition;
            // compiled on its own, the page fails at the call itself.
            events.get().clear();
            return withinLimit(direct, sitePath, text, firstLine);
        }
    }

    private InboundMessage.CompileRequest.StringInput input(String text, String url, Syntax syntax) {
        return InboundMessage.CompileRequest.StringInput.newBuilder()
                .setSource(text)
                .setUrl(url)
                .setSyntax(syntax)
                .setImporter(InboundMessage.CompileRequest.Importer.newBuilder().setImporterId(importer.getId()))
                .build();
    }

    private CompileSuccess withinLimit(InboundMessage.CompileRequest.StringInput input, String sitePath, String text,
            int firstLine) throws DiagnosticException, SassCompilationFailedException {
        synchronized (compiling) {
            SassCompiler sass = compiler(sitePath);
            ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sass-time-limit");
                thread.setDaemon(true);
                return thread;
            });
            AtomicBoolean stopped = new AtomicBoolean();
            watchdog.schedule(() -> {
                stopped.set(true);
                stop(sass);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                compilations++;
                return sass.compileString(input, settings.style());
            } catch (IOException | RuntimeException e) {
                stop(sass);
                if (stopped.get()) {
                    throw new DiagnosticException(Diagnostic.error(sitePath, endlessAt(text, firstLine),
                            "Sass did not finish this page within " + limit.toSeconds() + " s")
                            .withHint("an @while whose condition stays true never finishes"));
                }
                // The process died or spoke out of protocol: nothing the writer did at a position.
                throw new DiagnosticException(Diagnostic.error(sitePath, new Position(firstLine, 1),
                        compilerFailure(e.getMessage())), e);
            } finally {
                watchdog.shutdownNow();
            }
        }
    }

    /**
     * What a compiler that failed said, in a writer's words: the first line of its message, never
     * the compiler's own stack trace below it. Its stack overflows where the stylesheet nests
     * rules thousands of levels deep or a mixin or function calls itself without end.
     */
    static String compilerFailure(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("").strip();
        if (first.contains("Stack Overflow")) {
            return "this stylesheet nests or recurses too deeply for the Sass compiler (rules nested thousands"
                    + " of levels deep, or a mixin or function that calls itself without end)";
        }
        return "the Sass compiler failed: " + first;
    }

    /** Where to point a page that never finished: its first {@code @while}, or else its first line. */
    private static Position endlessAt(String text, int firstLine) {
        Matcher m = Pattern.compile("@while\\b").matcher(text);
        return m.find() ? Position.of(text, m.start()).shiftedDown(firstLine - 1) : new Position(firstLine, 1);
    }

    /** Ends the compiler process; the next compilation starts another. */
    private void stop(SassCompiler sass) {
        synchronized (this) {
            if (compiler == sass) {
                compiler = null;
            }
        }
        try {
            sass.close();
        } catch (IOException e) {
            // The process is gone either way.
        }
    }

    /**
     * Jekyll's {@code scssify} and {@code sassify} filters: {@code text} compiled as a page of the
     * source folder is, with the site's Sass settings, load paths and time limit, and written as
     * such a page is written (libsass's static values and layout), without a source map.
     *
     * @param indented whether the text is in the indented syntax ({@code sassify})
     * @throws IllegalArgumentException with dart-sass's message (its first line), when the text is not valid Sass
     */
    public String convert(String text, boolean indented, String sitePath) {
        String name = indented ? "sassify" : "scssify";
        try {
            return rendered(source.resolve(name + (indented ? ".sass" : ".scss")), sitePath, text, 1, name + ".css", false)
                    .css();
        } catch (SassCompilationFailedException e) {
            String message = e.getCompileFailure().getMessage();
            throw new IllegalArgumentException(name + ": " + message.lines().findFirst().orElse(message));
        } catch (DiagnosticException e) {
            throw new IllegalArgumentException(e.diagnostic().message());
        }
    }

    private boolean isQuiet(Path file) {
        return settings.quiet().stream().anyMatch(folder -> file.startsWith(folder.toAbsolutePath().normalize()));
    }

    /** How long the compiler process took to start; empty when it never started. */
    public synchronized Optional<Duration> startup() {
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
                // An expanded stylesheet's map also finds the static values written in its sources.
                fresh.setGenerateSourceMaps(settings.sourceMaps() || settings.style() == OutputStyle.EXPANDED);
                fresh.setSourceMapIncludeSources(true);
                fresh.setEmitCharset(true);
                fresh.setLoadPaths(List.of());
                fresh.registerImporter(importer);
                fresh.setQuietDeps(settings.quietDeps());
                // every deprecation warning comes, to be counted, unless dart-sass's CSS is written
                // and its own limit of five of each kind is wanted
                fresh.setVerbose(settings.verbose() || settings.layout() != Layout.DART_SASS);
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

    /**
     * Whether dart-sass's deprecation warnings are counted rather than told one by one: for a
     * page built as libsass builds it, unless {@code verbose} asks for each. They are about
     * dart-sass's future (the {@code @import} and {@code /} division Jekyll themes written for
     * libsass use throughout), of which libsass, the Sass Jekyll builds these pages with, says
     * nothing; dozens of them would hide the warnings that matter.
     */
    private boolean countsDeprecations() {
        return settings.layout() != Layout.DART_SASS && !settings.verbose();
    }

    /**
     * One warning for a page's deprecation warnings: how many of each kind, and how to see them
     * or leave them out.
     */
    private static Diagnostic deprecationsCounted(String sitePath, Map<String, Integer> byKind) {
        int total = byKind.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder kinds = new StringBuilder();
        byKind.forEach((kind, count) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(kind).append(' ').append(count));
        return new Diagnostic(sitePath, Position.FILE, Severity.WARNING, Diagnostics.count(total, "deprecation warning")
                + " from dart-sass, of which libsass, Jekyll's Sass, gives none (" + kinds + ")",
                List.of("hint: sass: verbose: true in _config.yml shows each one; silence_deprecations: ["
                        + String.join(", ", byKind.keySet()) + "] leaves them out"));
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
        if (span == null || span.getUrl().isEmpty() || span.getUrl().equals(LIBSASS_ENTRY_URL)) {
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
     * building machine reaches the site. The page, which the compiler knew by {@code entry}, is
     * named by its own file.
     */
    private static String relativeSources(String map, Path folder, Path entry, Path page) {
        Matcher m = FILE_URL_STRING.matcher(map);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Path> file = pathOf(m.group(1)).map(path -> path.equals(entry) ? page : path);
            String replacement = file.map(path -> "\"" + folder.relativize(path).toString().replace('\\', '/')
                    .replace("\\", "\\\\").replace("\"", "\\\"") + "\"").orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
