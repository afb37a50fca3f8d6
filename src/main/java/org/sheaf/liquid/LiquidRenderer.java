package org.sheaf.liquid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Insertion;
import liqp.LValue;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.blocks.Block;
import liqp.exceptions.LiquidException;
import liqp.filters.Filter;
import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.Token;
import liqp.org.antlr.v4.runtime.misc.Interval;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liqp.parser.Flavor;
import liquid.parser.v4.LiquidParser;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;
import org.sheaf.jekyll.RubyStrings;
import org.sheaf.jekyll.RubyTime;

/**
 * Renders Liquid as Jekyll 4.3 does: Liqp with its Jekyll flavour, plus the tags and filters
 * Jekyll adds ({@code link}, {@code post_url}, {@code highlight}, safe includes,
 * {@code relative_url}, {@code where_exp}, {@code jsonify}, ...).
 *
 * <p>Templates see only the variables they are given; includes and {@code include_relative}
 * never leave {@code includesDir} and {@code sourceDir}; loops, template size and output size
 * are bounded. One renderer serves a whole build and is safe to use from many threads; parsed
 * templates and includes are cached for its lifetime.
 */
public final class LiquidRenderer {
    /** Loop iterations in one render; far beyond any real site, short of a runaway loop. */
    static final int MAX_ITERATIONS = 5_000_000;
    static final long MAX_TEMPLATE_BYTES = 16L * 1024 * 1024;
    static final int MAX_RENDERED_CHARS = 256 * 1024 * 1024;
    /** Time one render (a page body or one layout, with its includes) may take: beyond any real page, and long enough that the iteration cap stops a plain runaway loop first. */
    public static final long DEFAULT_RENDER_MILLIS = 30_000;
    /** A Jekyll include name with a variable in it; Liqp refuses spaces in the name, so they go. */
    private static final Pattern DYNAMIC_INCLUDE = Pattern.compile(
            "(\\{%-?\\s*include(?:_relative|_cached)?\\s+)((?:[^\\s{%]|\\{\\{[^}]*\\}\\})*\\{\\{[^}]*\\}\\}(?:[^\\s{%]|\\{\\{[^}]*\\}\\})*)");
    /**
     * A highlight tag's markup, its language and options ({@code ruby lineanchors}, {@code c++ linenos}), without
     * quotes of one kind or the other and without Liquid in it.
     */
    private static final Pattern HIGHLIGHT_MARKUP = Pattern.compile(
            "(\\{%-?\\s*highlight\\s+)([^\\s\"'{}%][^{}%]*?)(\\s*-?%\\})");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A raw block, as Liquid ends it ({@link RawBlock}): the endraw tag's markup is group 4. */
    private static final Pattern RAW_BLOCK = Pattern.compile(
            "(?s)(\\{%-?\\s*raw\\s*)(-?)(%\\}.*?\\{%\\s*endraw)(?!\\w)(.*?)(%\\})");
    /** Unknown filters taken out of one template before giving up (a runaway, not a site). */
    private static final int MAX_UNKNOWN_FILTERS = 64;

    static {
        // Liqp prints a time written into a page ({{ page.date }}) with this one formatter, shared by
        // the whole JVM; its own pattern writes the offset zero as Z, where Ruby writes +0000
        LValue.rubyDateTimeFormat = RubyTime.TO_S;
    }
    /** The most warnings one template's refused tags get in warn mode. */
    private static final int MAX_LAX_WARNINGS = 64;
    /**
     * jekyll-include-cache's tag, which renders as {@code include} does (the plugin only keeps the
     * result for the next use with the same parameters): it becomes one, padded to keep positions.
     */
    private static final Pattern INCLUDE_CACHED = Pattern.compile("(\\{%-?\\s*)include_cached(?=\\s)");
    /** A gist tag's markup, an id and maybe a file name: quoted, it reaches the tag with its space. */
    private static final Pattern GIST = Pattern.compile("(\\{%-?\\s*gist\\s+)([^%\"'\\n]*?[^%\"'\\s])(\\s*-?%\\})");
    /**
     * A link or post_url tag's markup with {{ }} whose filters take quoted arguments: quoted in the
     * other kind of quote, it reaches the tag as written, spaces and all.
     */
    private static final Pattern LINK_WITH_QUOTES = Pattern.compile(
            "(\\{%-?\\s*(?:link|post_url)\\s+)([^%\\n]*\\{\\{[^%\\n]*?[^%\\s])(\\s*-?%\\})");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'([^'\"]*)'");
    /** A link or post_url tag's markup, a path that may hold spaces and {{ }}: quoted, it reaches the tag as written. */
    private static final Pattern LINK = Pattern.compile("(\\{%-?\\s*(?:link|post_url)\\s+)([^%\"'\\n]*?[^%\"'\\s])(\\s*-?%\\})");
    /** An avatar tag's markup, which may hold {{ }} and spaces: quoted, it reaches the tag as written. */
    private static final Pattern AVATAR = Pattern.compile("(\\{%-?\\s*avatar\\s+)([^%\"'\\n]*?[^%\"'\\s])(\\s*-?%\\})");
    /** An include tag whose parameters have a quoted value with an escaped quote in it. */
    private static final Pattern INCLUDE_WITH_ESCAPES = Pattern.compile(
            "\\{%-?\\s*include(?:_relative|_cached)?\\s(?:[^%\"']|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')*?-?%\\}");
    private static final Pattern ESCAPED_VALUE = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*\\\\\"(?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*\\\\'(?:[^'\\\\]|\\\\.)*)'");
    /** Where {@link #evaluate} has an expression's value put; no page names a variable this way. */
    private static final String VALUE = "sheaf_expression_value_";

    private final LiquidSetup setup;
    private final TemplateParser parser;
    /** Liqp's lax grammar, for text the strict one refuses when the site's mode is not strict; made on first need. */
    private volatile TemplateParser laxParser;
    private final long renderMillis;
    // Liqp's parsed templates keep state while they render, so one parsed template must not
    // render on two threads at once: each thread keeps its own cache (found by a concurrent test).
    // Page bodies render once and layouts many times: a small least-recently-used cache keeps the
    // layouts without holding every page of a large site in memory.
    private final ThreadLocal<Map<String, Parsed>> templates = ThreadLocal.withInitial(() -> recentlyUsed(256));
    private final ThreadLocal<Map<String, Template>> fragments = ThreadLocal.withInitial(() -> recentlyUsed(1024));
    private final ThreadLocal<Map<Path, Parsed>> includes = ThreadLocal.withInitial(HashMap::new);

    /**
     * A parsed template, its text (kept to point at its tags), the way back from the rewritten
     * text Liqp read to the places in {@code text}, and whether that text names an operator Ruby's
     * Liquid does not know (found once here, not at each render).
     */
    record Parsed(Template template, String text, SourceColumns columns, boolean unknownOperators) {
        Parsed(Template template, String text, SourceColumns columns) {
            this(template, text, columns, columns.text().contains(LaxLiquid.UNKNOWN_OPERATOR));
        }
    }

    public LiquidRenderer(LiquidSetup setup) {
        this(setup, DEFAULT_RENDER_MILLIS);
    }

    /**
     * A renderer whose every {@link #render} stops with a diagnostic after {@code renderMillis}
     * milliseconds (checked at each loop iteration).
     */
    public LiquidRenderer(LiquidSetup setup, long renderMillis) {
        this.setup = setup;
        this.renderMillis = renderMillis;
        this.parser = parser(TemplateParser.ErrorMode.STRICT);
    }

    private TemplateParser laxParser() {
        TemplateParser lax = laxParser;
        if (lax == null) {
            synchronized (this) {
                if (laxParser == null) {
                    laxParser = parser(TemplateParser.ErrorMode.LAX);
                }
                lax = laxParser;
            }
        }
        return lax;
    }

    private TemplateParser parser(TemplateParser.ErrorMode mode) {
        TemplateParser.Builder builder = new TemplateParser.Builder()
                .withFlavor(Flavor.JEKYLL)
                .withErrorMode(mode)
                .withLocale(Locale.ENGLISH)
                .withDefaultTimeZone(setup.timezone())
                .withMaxIterations(MAX_ITERATIONS)
                .withMaxTemplateSizeBytes(MAX_TEMPLATE_BYTES)
                .withMaxSizeRenderedString(MAX_RENDERED_CHARS)
                .withRenderTransformer(RubyOutput.INSTANCE)
                .withShowExceptionsFromInclude(true);
        for (Insertion insertion : JekyllTags.all(this)) {
            if (insertion instanceof Block block) {
                builder.withBlock(block);
            } else {
                builder.withTag((liqp.tags.Tag) insertion);
            }
        }
        // every filter, Liqp's own and sheaf's, is given Ruby's count of arguments before it runs
        Map<String, Filter> filters = new LinkedHashMap<>(liqp.filters.Filters.JEKYLL_FILTERS.getMap());
        for (Filter filter : JekyllLiquidFilters.all(this)) {
            filters.put(filter.name, filter);
        }
        for (Filter filter : filters.values()) {
            builder.withFilter(FilterArity.checked(filter));
        }
        return builder.build();
    }

    /**
     * {@code text} parsed by the strict grammar or, when that refuses it and the site's mode
     * allows, read as Ruby Liquid's lax parser reads it; in {@link LiquidMode#WARN} the strict
     * grammar's complaint becomes a warning at its place in {@code path} (when given), noted as
     * met while rendering {@code pagePath}. Unless the site asks for strict filters, a filter no
     * parser knows is taken out of the text, as Jekyll skips it, with a warning at its pipe
     * (none in {@link LiquidMode#LAX}).
     */
    private Parsed parse(String text, String path, int firstLine, String pagePath) {
        if (path != null) {
            // Jekyll refuses such parameters in every error mode, when it reads the template
            IncludeParams.refusal(text, path, firstLine).ifPresent(refused -> {
                throw new RenderFailure(refused);
            });
        }
        SourceColumns columns = prepared(text);
        String prepared = columns.text();
        // each round takes out one filter Liqp does not know, as Jekyll (strict_filters: false) skips it
        for (int round = 0; ; round++) {
            Parsed parsed = parseInMode(columns.then(prepared), path, firstLine, pagePath, text);
            Template template = parsed.template();
            Optional<Map.Entry<String, Position>> unknown = setup.strictFilters() || round >= MAX_UNKNOWN_FILTERS
                    || prepared.indexOf('|') < 0 ? Optional.empty() : unknownFilter(template.getParseTree());
            String source = prepared;
            String without = unknown.map(found -> LaxLiquid.withoutFilter(source, found.getValue())).orElse(prepared);
            if (unknown.isEmpty() || without.equals(prepared)) {
                return parsed;
            }
            if (setup.mode() != LiquidMode.LAX && path != null) {
                Position pipe = parsed.columns().source(unknown.get().getValue());
                Diagnostic warning = Diagnostic.warning(path, pipe.shiftedDown(firstLine - 1),
                        "unknown Liquid filter \"" + unknown.get().getKey() + "\"; skipped, as Jekyll skips it")
                        .withHint("liquid: strict_filters: true in _config.yml makes this an error");
                setup.warnings().accept(path.equals(pagePath) ? warning : warning.within(pagePath));
            }
            prepared = without;
        }
    }

    /** The first filter in {@code tree} that no parser of this renderer knows: its name and the place of its pipe. */
    private Optional<Map.Entry<String, Position>> unknownFilter(ParseTree tree) {
        if (tree instanceof LiquidParser.FilterContext filter && filter.Id() != null
                && parser.filters.get(filter.Id().getText()) == null) {
            Token pipe = filter.getStart();
            return Optional.of(Map.entry(filter.Id().getText(),
                    new Position(pipe.getLine(), pipe.getCharPositionInLine() + 1)));
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            Optional<Map.Entry<String, Position>> found = unknownFilter(tree.getChild(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Parsed parseInMode(SourceColumns columns, String path, int firstLine, String pagePath, String source) {
        String prepared = columns.text();
        if (setup.mode() == LiquidMode.STRICT) {
            return new Parsed(strictParse(prepared), source, columns);
        }
        try {
            return new Parsed(strictParse(prepared), source, columns);
        } catch (LiquidException refused) {
            // a loop read laxly may go over a literal (nil, where its collection names nothing),
            // which Liqp's grammar takes only as ForCollections writes it
            SourceColumns lax = columns.then(LaxLiquid::rewrite).then(ForCollections::rewrite);
            Template template = laxRead(lax.text());
            if (setup.mode() == LiquidMode.WARN && path != null) {
                for (Diagnostic warning : laxWarnings(columns, refused, path, firstLine)) {
                    setup.warnings().accept(path.equals(pagePath) ? warning : warning.within(pagePath));
                }
            }
            return new Parsed(template, source, lax);
        }
    }

    /**
     * {@code text} by the strict grammar, refused (as Ruby's strict parser refuses it) where an
     * include tag's file name runs on past the tag's end: Liqp's lexer reads a later {@code (} in
     * the text, as in {@code {% assign a = (b | sort) %}}, as part of the name, up to the
     * {@code )}, and finds out only when the tag renders.
     */
    private Template strictParse(String text) {
        Template template = parser.parse(text);
        if (text.contains("endcomment")) {
            Optional<ParserRuleContext> overrun = commentOverItsEnd(template.getParseTree());
            if (overrun.isPresent()) {
                throw refusalAfterComment(text, overrun.get());
            }
        }
        if (!text.contains("include")) {
            return template;
        }
        Optional<ParserRuleContext> overrun = includeNameOverTagEnd(template.getParseTree());
        if (overrun.isPresent()) {
            LiquidException own = new LiquidException("an include tag's file name runs on past the tag's end", overrun.get());
            throw refusalAfterInclude(text, overrun.get().getStart().getStartIndex()).orElse(own);
        }
        return template;
    }

    /**
     * What the strict grammar refuses in {@code text} after the comment block {@code comment}
     * ends where Ruby ends it, found with that block blanked out (a later comment may run on too);
     * a refusal of the run itself when nothing after it is refused.
     */
    private LiquidException refusalAfterComment(String text, ParserRuleContext comment) {
        int start = comment.getStart().getStartIndex();
        int end = start + LaxLiquid.commentEnd(text.substring(start, comment.getStop().getStopIndex() + 1));
        String blanked = text.substring(0, start) + text.substring(start, end).replaceAll("[^\\n]", " ")
                + text.substring(end);
        try {
            strictParse(blanked);
            return new LiquidException("a comment block runs on past its endcomment", comment);
        } catch (LiquidException later) {
            return later;
        }
    }

    /**
     * The first comment block in {@code tree} that Liqp's grammar ran on past the
     * {@code endcomment} Ruby ends it at: the grammar takes a comment's body up to whichever
     * {@code endcomment} lets the rest of the text parse, so text it refuses after one comment
     * would vanish into the comment up to a later one instead of being refused.
     */
    private static Optional<ParserRuleContext> commentOverItsEnd(ParseTree tree) {
        if (tree instanceof LiquidParser.Comment_tagContext comment) {
            String written = comment.getStart().getInputStream()
                    .getText(Interval.of(comment.getStart().getStartIndex(), comment.getStop().getStopIndex()));
            // a closing "-%}" takes the white space after it into the block: only text past that is a run-on
            return written.substring(LaxLiquid.commentEnd(written)).isBlank() ? Optional.empty() : Optional.of(comment);
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            Optional<ParserRuleContext> found = commentOverItsEnd(tree.getChild(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * What the strict grammar refuses in {@code text} once the include tag whose file name starts
     * at {@code nameStart} is blanked out: the text after that tag that made the lexer read the
     * name on (a {@code (} or a {@code {{} in a later tag) is what Ruby's parser refuses, so the
     * warning names that tag, on its own line.
     */
    private Optional<LiquidException> refusalAfterInclude(String text, int nameStart) {
        int open = text.lastIndexOf("{%", nameStart);
        int close = text.indexOf("%}", nameStart);
        if (open < 0 || close < 0) {
            return Optional.empty();
        }
        String blanked = text.substring(0, open) + text.substring(open, close + 2).replaceAll("[^\\n]", " ")
                + text.substring(close + 2);
        try {
            strictParse(blanked);
            return Optional.empty();
        } catch (LiquidException later) {
            return Optional.of(later);
        }
    }

    /** The first include file name in {@code tree} whose text holds a tag's end. */
    private static Optional<ParserRuleContext> includeNameOverTagEnd(ParseTree tree) {
        if (tree instanceof LiquidParser.Jekyll_include_filenameContext include && include.filename() != null) {
            ParserRuleContext name = include.filename();
            String written = name.getStart().getInputStream()
                    .getText(Interval.of(name.getStart().getStartIndex(), name.getStop().getStopIndex()));
            return written.contains("%}") ? Optional.of(name) : Optional.empty();
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            Optional<ParserRuleContext> found = includeNameOverTagEnd(tree.getChild(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code rewritten} (text as Ruby's lax parser reads it) by the strict grammar when that takes
     * it, else by Liqp's lax one, which reads an include tag's name on to the next quote.
     */
    private Template laxRead(String rewritten) {
        try {
            return strictParse(rewritten);
        } catch (LiquidException stillRefused) {
            return laxParser().parse(rewritten);
        }
    }

    /**
     * A warning for each tag of {@code text} the strict grammar refuses, as Ruby Liquid's warn
     * mode gives one per tag: after each refusal the refused tag is made harmless and the text
     * read again, until it parses, the refusal does not move on, or {@link #MAX_LAX_WARNINGS}.
     */
    private List<Diagnostic> laxWarnings(SourceColumns columns, LiquidException first, String path, int firstLine) {
        List<Diagnostic> warnings = new ArrayList<>();
        // each probe keeps the text's length and lines, so the columns of the first map back all its refusals
        String probe = columns.text();
        LiquidException refused = first;
        while (refused != null && warnings.size() < MAX_LAX_WARNINGS) {
            warnings.add(LiquidErrors.laxWarning(refused, path, firstLine, columns));
            String next = LaxLiquid.withHarmlessTag(probe,
                    new Position(Math.max(refused.line, 1), refused.charPositionInLine + 1));
            if (next.equals(probe)) {
                break;
            }
            probe = next;
            try {
                parser.parse(probe);
                refused = null;
            } catch (LiquidException again) {
                refused = again;
            }
        }
        return warnings;
    }

    /**
     * Renders {@code template}.
     *
     * @param template  the Liquid text
     * @param path      the file it came from, relative to the site root (for diagnostics and
     *                  {@code include_relative})
     * @param firstLine the line of that file where the template text starts
     * @param variables {@code site}, {@code page}, {@code layout}, {@code content}, ... as plain
     *                  maps, lists, strings, numbers, booleans, nulls and {@code ZonedDateTime}s
     * @throws DiagnosticException for a syntax or render error, at its line and column in the file
     *                             it is in (an include's own file, then with an {@code in:} note)
     */
    public String render(String template, String path, int firstLine, Map<String, Object> variables)
            throws DiagnosticException {
        Path siteRoot = siteRootOf(path);
        Path file = siteRoot.resolve(path).normalize();
        Parsed parsed;
        try {
            parsed = templates.get().computeIfAbsent(template, text -> parse(text, path, firstLine, path));
        } catch (RuntimeException e) {
            throw new DiagnosticException(LiquidErrors.diagnose(e, path, firstLine, prepared(template)), e);
        }
        Map<String, Object> all = new HashMap<>(variables);
        Map<String, Object> jekyll = new LinkedHashMap<>();
        jekyll.put("environment", setup.environment());
        jekyll.put("version", "4.3.1");
        all.putIfAbsent("jekyll", jekyll);
        all.put(Frame.VARIABLE, new Frame(path, template, firstLine, file.getParent(), path, 0, siteRoot));
        if (parsed.unknownOperators()) {
            all.put(LaxLiquid.UNKNOWN_OPERATOR, LaxLiquid.failingOperators());
        }
        if (RubyStrings.bytesizeAbove(template, MAX_TEMPLATE_BYTES)) {
            throw new DiagnosticException(Diagnostic.error(path, new Position(firstLine, 1),
                    "template is too large: more than " + MAX_TEMPLATE_BYTES + " bytes"));
        }
        try {
            // as Liqp's unguarded render: its guarded one adds only the template size check done just above
            TimedContext root = new TimedContext(parsed.template(), parser, renderMillis, parser.evaluate(parser.mapper, all));
            return String.valueOf(RubyComparisons.render(parsed.template(), new HashMap<>(), root));
        } catch (RuntimeException e) {
            Diagnostic diagnostic = LiquidErrors.diagnose(e, path, firstLine, parsed.columns());
            throw new DiagnosticException(diagnostic, e);
        }
    }

    LiquidSetup setup() {
        return setup;
    }

    /** Site root: the source folder's parent when {@code path} names a file in the source folder from there. */
    private Path siteRootOf(String path) {
        Path source = setup.sourceDir().toAbsolutePath().normalize();
        Path parent = source.getParent();
        if (parent != null && parent.resolve(path).normalize().startsWith(source)) {
            return parent;
        }
        return source;
    }

    String displayPath(Path siteRoot, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(siteRoot) ? siteRoot.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    /** {@code source} rewritten for Liqp, each rewrite a step of the way back to its columns. */
    private static SourceColumns prepared(String source) {
        SourceColumns columns = SourceColumns.of(source)
                .then(Liquid5Tags::rewrite)
                .then(HyphenatedNames::rewrite)
                .then(LaxLiquid::dottedAssigns)
                .then(LaxLiquid::plainElse)
                .then(LaxLiquid::unreachableBranches)
                .then(UnlessBranches::rewrite)
                .then(RangeTablerow::rewrite)
                .then(ForCollections::rewrite)
                .then(RangeValues::rewrite)
                .then(LaxLiquid::rubyOutputEnds);
        return columns.then(LiquidRenderer::withTagsForLiqp);
    }

    private static String withTagsForLiqp(String text) {
        if (!text.contains("raw")) {
            return tagsForLiqp(text);
        }
        // a raw block's text is output as written: the tags shown in it are no tags to adjust
        ClosedTags raw = ClosedTags.scan(RAW_BLOCK, text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (raw.find()) {
            out.append(tagsForLiqp(text.substring(from, raw.start()))).append(rawAsRuby(raw));
            from = raw.end();
        }
        return out.append(tagsForLiqp(text.substring(from))).toString();
    }

    /**
     * A raw block written so that Liqp trims white space around it as Ruby's Liquid does: a
     * {@code -%}} closing the {@code raw} tag leaves the block's text as written and trims the
     * white space after {@code endraw} (Ruby's raw reads its text without the trim, which then
     * falls on the next text), and whatever closes {@code endraw} ({@code -%}} or other words)
     * is ignored. Liqp would trim the block's text, or lose it, and refuses words after
     * {@code endraw}. The endraw tag's markup becomes spaces, ending in the dash moved there, so
     * the text keeps its length.
     */
    private static String rawAsRuby(ClosedTags raw) {
        boolean trimAfter = !raw.group(2).isEmpty();
        int width = raw.group(4).length() + raw.group(2).length();
        String markup = " ".repeat(trimAfter ? width - 1 : width) + (trimAfter ? "-" : "");
        return raw.group(1) + raw.group(3) + markup + raw.group(5);
    }

    /** Jekyll's tags in {@code text} (no raw block) written so that Liqp reads them as Jekyll does. */
    private static String tagsForLiqp(String text) {
        if (text.contains("highlight")) {
            // Liqp's lexer refuses "c++" or "c#" as a word and drops the spaces between the options;
            // quoted, the markup reaches the tag as written, to be read as Jekyll reads it
            text = HIGHLIGHT_MARKUP.matcher(text).replaceAll(tag -> {
                String markup = tag.group(2);
                String quote = !markup.contains("\"") ? "\"" : !markup.contains("'") ? "'" : null;
                return Matcher.quoteReplacement(quote == null ? tag.group()
                        : tag.group(1) + quote + markup + quote + tag.group(3));
            });
        }
        if (text.contains("gist")) {
            text = GIST.matcher(text).replaceAll("$1\"$2\"$3");
        }
        if (text.contains("link") || text.contains("post_url")) {
            text = LINK_WITH_QUOTES.matcher(text).replaceAll(tag -> {
                String markup = tag.group(2);
                if (!markup.replaceAll("\\{\\{.*?}}", "").matches(".*\\s.*")) {
                    // no space outside {{ }}: Liqp's lexer reads it as Jekyll does
                    return Matcher.quoteReplacement(tag.group());
                }
                // Liquid reads 'x' as it reads "x", so the single-quoted become double-quoted, and
                // the whole is quoted in single quotes, unless a single quote is left over
                String doubled = SINGLE_QUOTED.matcher(markup).replaceAll("\"$1\"");
                return Matcher.quoteReplacement(doubled.contains("'") ? tag.group()
                        : tag.group(1) + "'" + doubled + "'" + tag.group(3));
            });
            text = LINK.matcher(text).replaceAll(tag -> Matcher.quoteReplacement(tag.group(1) + "\"" + tag.group(2) + "\"" + tag.group(3)));
        }
        if (text.contains("avatar")) {
            text = AVATAR.matcher(text).replaceAll("$1\"$2\"$3");
        }
        if (!text.contains("include")) {
            return text;
        }
        if (text.contains("include_cached")) {
            text = INCLUDE_CACHED.matcher(text).replaceAll("$1include       ");
        }
        if (text.contains("\\\"") || text.contains("\\'")) {
            text = INCLUDE_WITH_ESCAPES.matcher(text).replaceAll(tag -> Matcher.quoteReplacement(unescaped(tag.group())));
        }
        Matcher m = DYNAMIC_INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + SPACES.matcher(m.group(2)).replaceAll("")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An include tag's parameters with escaped quotes ({@code title="say \\"hi\\""}) written in the
     * other quotes ({@code title='say "hi"'}), as Jekyll reads them; Liqp's strings know no escapes.
     * A value holding both kinds of quote stays as written.
     */
    private static String unescaped(String tag) {
        return ESCAPED_VALUE.matcher(tag).replaceAll(value -> {
            boolean doubled = value.group(1) != null;
            String inner = doubled ? value.group(1).replace("\\\"", "\"") : value.group(2).replace("\\'", "'");
            char other = doubled ? '\'' : '"';
            return Matcher.quoteReplacement(inner.indexOf(other) >= 0 ? value.group() : other + inner + other);
        });
    }

    /** The include at {@code file}, parsed once; an unreadable or unparsable one is a diagnostic. */
    Parsed includeTemplate(Path file, String shownPath, String pagePath) {
        Path key = file.toAbsolutePath().normalize();
        Parsed cached = includes.get().get(key);
        if (cached != null) {
            return cached;
        }
        String text;
        try {
            // the include tags confine the file to its folder before they ask for it
            text = new String(SiteFiles.anywhere().read(key, shownPath), StandardCharsets.UTF_8);
        } catch (DiagnosticException e) {
            throw new RenderFailure(e.diagnostic().within(pagePath));
        }
        try {
            Parsed parsed = parse(text, shownPath, 1, pagePath);
            includes.get().putIfAbsent(key, parsed);
            return parsed;
        } catch (RuntimeException e) {
            throw new RenderFailure(LiquidErrors.diagnose(e, shownPath, 1, prepared(text)).within(pagePath));
        }
    }

    /**
     * A piece of Liquid made from a filter's or tag's argument ({@code written}); one that does not
     * parse is the argument's error, reported at the filter or tag that has it.
     */
    private Template fragment(String text, String written) {
        try {
            return parse(text, null, 1, null).template();
        } catch (LiquidException e) {
            throw new IllegalArgumentException("\"" + written + "\" is not a Liquid expression");
        }
    }

    /** {@code text} (a tag argument with {@code {{ }}} in it) rendered in the current context. */
    String renderFragment(String text, TemplateContext context) {
        Template template = fragments.get().computeIfAbsent(text, t -> fragment(t, text));
        return String.valueOf(RubyComparisons.render(template, new HashMap<>(), context));
    }

    /** Whether the Liquid condition {@code expression} holds with {@code variable} set to {@code item}. */
    boolean test(String expression, String variable, Object item, TemplateContext context) {
        Template template = fragments.get().computeIfAbsent("{% if " + expression + " %}true{% endif %}",
                t -> fragment(t, expression));
        Map<String, Object> scope = new HashMap<>();
        scope.put(variable, item);
        try {
            return "true".equals(String.valueOf(RubyComparisons.render(template, scope, context)));
        } catch (LiquidException refused) {
            // its place is in the expression, not in the page: the filter using it is the place
            throw new RuntimeException(refused.getMessage());
        }
    }

    /**
     * The value of the Liquid expression {@code expression} (filters allowed) with {@code variable}
     * set to {@code item}, as the expression gives it: a number stays a number, nil stays null.
     */
    Object evaluate(String expression, String variable, Object item, TemplateContext context) {
        // An assign hands its value to the context unconverted, where an output tag would make it text.
        Template template = fragments.get().computeIfAbsent("{% assign " + VALUE + " = " + expression + " %}",
                t -> fragment(t, expression));
        Map<String, Object> scope = new HashMap<>();
        scope.put(variable, item);
        RubyComparisons.render(template, scope, context);
        Object value = context.get(VALUE);
        context.remove(VALUE);
        return value;
    }

    private static <K, V> Map<K, V> recentlyUsed(int capacity) {
        return new java.util.LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
