package org.sheaf.liquid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liqp.Insertion;
import liqp.Template;
import liqp.TemplateContext;
import liqp.blocks.Block;
import liqp.nodes.LNode;
import liqp.tags.Tag;
import org.sheaf.content.TagCall;
import org.sheaf.content.TemplateTag;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;
import org.sheaf.highlight.Highlighting;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/** The tags Jekyll adds to Liquid, or that sheaf must do its own way: includes, links, highlight. */
final class JekyllTags {
    /** Includes nested deeper than this are a loop, not a design. */
    static final int MAX_INCLUDE_DEPTH = 48;
    private static final Pattern HIGHLIGHT_OPTIONS = Pattern.compile("(linenos|hl_lines|mark_lines|cssclass).*$");
    /** Jekyll's highlight markup: the language, then options as {@code name}, {@code name=value} or {@code name="1 2"}. */
    private static final Pattern HIGHLIGHT_SYNTAX = Pattern.compile(
            "([a-zA-Z0-9.+#_-]+)((?:\\s+\\w+(?:=(?:\\w+|\"(?:[0-9]+\\s)*[0-9]+\"))?)*)");
    private static final Pattern HIGHLIGHT_OPTION = Pattern.compile("(?:\\w=\"[^\"]*\"|\\w=\\w|\\w)+");
    private static final Pattern LINE_ENDS = Pattern.compile("\\A[\\n\\r]+|[\\n\\r]+\\z");

    private JekyllTags() {
    }

    static List<Insertion> all(LiquidRenderer renderer) {
        List<Insertion> tags = new java.util.ArrayList<>(List.of(new IncludeTag(renderer, "include"),
                new IncludeTag(renderer, "include_relative"),
                new LinkTag(renderer), new PostUrlTag(renderer), new HighlightBlock(renderer.setup().highlighting()),
                new GistTag(), new AvatarTag(renderer), new For(), new RenderTag()));
        renderer.setup().tags().forEach(tag -> tags.add(new PluginTag(renderer, tag)));
        return tags;
    }

    /**
     * Liquid 5's {@code render}, as Jekyll 4.3 runs it: Jekyll gives Liquid no folder to read
     * partials from, so every {@code {% render 'name' %}} stops the build with Liquid's error for
     * a context without a file system, and a name that is not a quoted string with Liquid's syntax
     * error. The writer's way to the same partial is {@code include}, which the hint names.
     */
    static final class RenderTag extends Tag {
        private static final Pattern QUOTED_NAME = Pattern.compile("\\A(?:'[^']*'|\"[^\"]*\")");

        RenderTag() {
            super("render");
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            List<String> atoms = atoms(context, nodes);
            String markup = String.join("", atoms);
            Frame frame = frame(context);
            Position at = LiquidErrors.tagPosition(frame.text, getName(), atoms, frame.firstLine);
            Diagnostic diagnostic = QUOTED_NAME.matcher(markup).find()
                    ? Diagnostic.error(frame.path, at, "Liquid error: This liquid context does not allow includes.")
                            .withHint("Jekyll 4.3 reads no partials for render; {% include " + partialName(markup)
                                    + " %} reads _includes")
                    : Diagnostic.error(frame.path, at,
                            "Liquid syntax error: Syntax error in tag 'render' - Template name must be a quoted string");
            throw new RenderFailure(frame.path.equals(frame.pagePath) ? diagnostic : diagnostic.within(frame.pagePath));
        }

        private static String partialName(String markup) {
            var m = QUOTED_NAME.matcher(markup);
            return m.find() ? m.group().substring(1, m.group().length() - 1) : markup;
        }
    }

    /**
     * A tag a plugin adds ({@code seo}, {@code feed_meta}, {@code chart}): its markup from the page,
     * the site, the paginator, the markup as written and its named arguments ({@code key=value},
     * values resolved). A body refuses bad arguments with an {@link IllegalArgumentException},
     * reported at the tag.
     */
    static final class PluginTag extends Tag {
        private final LiquidRenderer renderer;
        private final TemplateTag tag;

        PluginTag(LiquidRenderer renderer, TemplateTag tag) {
            super(tag.name());
            this.renderer = renderer;
            this.tag = tag;
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            TagCall call = new TagCall(TagCall.variable(context.get("page")), TagCall.variable(context.get("site")),
                    TagCall.variable(context.get("paginator")), nodes.length == 0 ? "" : argument(renderer, context, nodes),
                    namedArguments(context, nodes));
            try {
                return tag.render(call);
            } catch (IllegalArgumentException e) {
                Frame frame = frame(context);
                Position at = LiquidErrors.tagPosition(frame.text, getName(), atoms(context, nodes), frame.firstLine);
                Diagnostic diagnostic = Diagnostic.error(frame.path, at, LiquidErrors.problem(e, "tag \"" + getName() + "\""));
                throw new RenderFailure(frame.path.equals(frame.pagePath) ? diagnostic : diagnostic.within(frame.pagePath));
            }
        }
    }

    private static List<String> atoms(TemplateContext context, LNode... nodes) {
        List<String> atoms = new java.util.ArrayList<>();
        for (LNode node : nodes) {
            atoms.add(String.valueOf(node.render(context)));
        }
        return atoms;
    }

    /**
     * The {@code key=value} pairs of a tag's markup, as Liqp hands them over (one atom per word
     * and punctuation mark): a quoted value, a number or a bare word ({@code type=line}) is text,
     * {@code true}/{@code false} a boolean, and a dotted path ({@code page.figures}, {@code
     * site.data.revenue}) the variable's value in the context, null when undefined.
     */
    static Map<String, Object> namedArguments(TemplateContext context, LNode... nodes) {
        List<String> atoms = atoms(context, nodes);
        Map<String, Object> arguments = new LinkedHashMap<>();
        int i = 0;
        while (i + 1 < atoms.size()) {
            if (!atoms.get(i + 1).equals("=")) {
                i++;
                continue;
            }
            String key = atoms.get(i);
            int end = i + 2;
            while (end < atoms.size() && !(end + 1 < atoms.size() && atoms.get(end + 1).equals("="))) {
                end++;
            }
            arguments.put(key, argumentValue(context, String.join("", atoms.subList(i + 2, end))));
            i = end;
        }
        return arguments;
    }

    private static Object argumentValue(TemplateContext context, String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?[0-9]+(\\.[0-9]+)?") || !text.contains(".")) {
            return text;
        }
        Object value = null;
        String[] path = text.split("\\.");
        for (int i = 0; i < path.length; i++) {
            if (i == 0) {
                value = context.get(path[0]);
            } else if (value instanceof Map<?, ?> map) {
                value = map.get(path[i]);
            } else {
                return null;
            }
        }
        return value;
    }

    static Frame frame(TemplateContext context) {
        return (Frame) context.get(Frame.VARIABLE);
    }

    /** The tag's argument as written: Liqp hands a custom tag its words as atoms without the spaces. */
    static String argument(LiquidRenderer renderer, TemplateContext context, LNode... nodes) {
        StringBuilder raw = new StringBuilder();
        for (LNode node : nodes) {
            raw.append(String.valueOf(node.render(context)));
        }
        return rendered(renderer, context, raw.toString().strip());
    }

    /**
     * The argument of a tag whose markup {@link LiquidRenderer} quotes so that its spaces survive
     * Liqp's lexer ({@code link}, {@code post_url}): as written, stripped, as Jekyll reads it.
     */
    static String quotedArgument(LiquidRenderer renderer, TemplateContext context, LNode... nodes) {
        String text = nodes.length == 1 ? String.valueOf(nodes[0].render(context)).strip() : "";
        boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"));
        if (nodes.length != 1 || !quoted) {
            return argument(renderer, context, nodes);
        }
        return rendered(renderer, context, text.substring(1, text.length() - 1).strip());
    }

    private static String rendered(LiquidRenderer renderer, TemplateContext context, String text) {
        return text.contains("{{") ? renderer.renderFragment(text, context).strip() : text;
    }

    /** {@code include} (in the includes folder) and {@code include_relative} (beside the page). */
    static final class IncludeTag extends Tag {
        private final LiquidRenderer renderer;
        private final boolean relative;

        IncludeTag(LiquidRenderer renderer, String name) {
            super(name);
            this.renderer = renderer;
            this.relative = name.equals("include_relative");
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            TimedContext.checkDeadline(context);
            Frame frame = frame(context);
            String name = asString(nodes[0].render(context), context).strip();
            if (name.contains("{{")) {
                name = renderer.renderFragment(name, context).strip();
            }
            Path folder = relative ? frame.pageFolder : renderer.setup().includesDir();
            Path bound = relative ? renderer.setup().sourceDir() : renderer.setup().includesDir();
            Path file = locate(frame, name, folder, bound);
            if (frame.depth >= MAX_INCLUDE_DEPTH) {
                throw failure(frame, name, "include \"" + name + "\" nested more than " + MAX_INCLUDE_DEPTH
                        + " deep; does it include itself?");
            }
            String shownPath = renderer.displayPath(frame.siteRoot, file);
            LiquidRenderer.Parsed parsed = renderer.includeTemplate(file, shownPath, frame.pagePath);
            Map<String, Object> variables = new HashMap<>();
            if (nodes.length > 1) {
                // in the order written, as a Ruby hash keeps them: {% for p in include %} walks them so
                Map<String, Object> params = new LinkedHashMap<>();
                for (int i = 1; i < nodes.length; i++) {
                    Object pair = nodes[i].render(context);
                    if (pair instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> params.put(String.valueOf(k), v));
                    }
                }
                variables.put("include", params);
            }
            variables.put(Frame.VARIABLE, new Frame(shownPath, parsed.text(), 1, frame.pageFolder, frame.pagePath,
                    frame.depth + 1, frame.siteRoot));
            try {
                Template template = parsed.template();
                return RubyComparisons.render(template, variables, context);
            } catch (RenderFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RenderFailure(LiquidErrors.diagnose(e, shownPath, 1, parsed.columns()).within(frame.pagePath));
            }
        }

        private Path locate(Frame frame, String name, Path folder, Path bound) {
            // Jekyll joins the name to the folder, so one leading slash names the same file
            // ({% include /comments-providers/scripts.html %}); two ("//x") it refuses, as here
            String inFolder = name.startsWith("/") ? name.substring(1) : name;
            if (inFolder.isEmpty() || inFolder.contains("..") || inFolder.startsWith("/") || inFolder.startsWith("\\")
                    || inFolder.contains(":") || inFolder.contains("\\") || Path.of(inFolder).isAbsolute()) {
                String inside = renderer.displayPath(frame.siteRoot, bound);
                throw failure(frame, name, getName() + " \"" + name + "\" refused: the name must be a path inside "
                        + (inside.isEmpty() ? "the site" : inside) + " without '..'");
            }
            Path file = folder.resolve(inFolder).normalize();
            Path within = bound;
            if (!isFile(file) && !relative) {
                // Jekyll's include load paths: the site's includes, then the theme's
                for (Path theme : renderer.setup().themeIncludes()) {
                    if (isFile(theme.resolve(inFolder).normalize())) {
                        file = theme.resolve(inFolder).normalize();
                        within = theme;
                        break;
                    }
                }
            }
            if (!isFile(file)) {
                RenderFailure missing = failure(frame, name, getName() + " \"" + name + "\" not found");
                if (!relative) {
                    return fail(missing.diagnostic().withHint("includes available: " + available(bound)));
                }
                throw missing;
            }
            try {
                if (!file.toRealPath().startsWith(within.toRealPath())) {
                    throw failure(frame, name, getName() + " \"" + name + "\" refused: it resolves outside "
                            + renderer.displayPath(frame.siteRoot, within));
                }
                // confined to its folder above; the reader refuses pipes and devices before opening them
                SiteFiles.anywhere().checked(file, name);
            } catch (IOException e) {
                throw failure(frame, name, getName() + " \"" + name + "\" cannot be read: " + OsReason.of(e));
            } catch (DiagnosticException e) {
                throw failure(frame, name, getName() + " \"" + name + "\" " + e.diagnostic().message());
            }
            return file;
        }

        /** Whether something other than a folder is there, link or not: the reader then says what it is. */
        private static boolean isFile(Path path) {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path);
        }

        private static Path fail(Diagnostic diagnostic) {
            throw new RenderFailure(diagnostic);
        }

        private RenderFailure failure(Frame frame, String name, String message) {
            Position at = LiquidErrors.tagPosition(frame.text, getName(), name, frame.firstLine);
            Diagnostic diagnostic = Diagnostic.error(frame.path, at, message);
            return new RenderFailure(frame.path.equals(frame.pagePath) ? diagnostic : diagnostic.within(frame.pagePath));
        }

        private static String available(Path dir) {
            if (!Files.isDirectory(dir)) {
                return "none";
            }
            try (Stream<Path> files = Files.walk(dir)) {
                List<String> names = files.filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
                return names.isEmpty() ? "none" : String.join(", ", names);
            } catch (IOException e) {
                return "none";
            }
        }
    }

    /** {@code link}: the URL of a source file, under the baseurl; an error when there is no such file. */
    static final class LinkTag extends Tag {
        private final LiquidRenderer renderer;

        LinkTag(LiquidRenderer renderer) {
            super("link");
            this.renderer = renderer;
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            String target = quotedArgument(renderer, context, nodes);
            Optional<String> url = renderer.setup().links().urlOfSource(target);
            if (url.isEmpty()) {
                throw tagFailure(frame(context), "link", target,
                        "Could not find document '" + target + "' in tag 'link'");
            }
            return JekyllFilters.relativeUrl(renderer.setup().baseurl(), url.get());
        }
    }

    /** {@code post_url}: the URL of a post named by its file name without extension, under the baseurl. */
    static final class PostUrlTag extends Tag {
        private final LiquidRenderer renderer;

        PostUrlTag(LiquidRenderer renderer) {
            super("post_url");
            this.renderer = renderer;
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            String name = quotedArgument(renderer, context, nodes);
            Optional<String> url = renderer.setup().links().urlOfPost(name);
            if (url.isEmpty()) {
                throw tagFailure(frame(context), "post_url", name,
                        "Could not find post \"" + name + "\" in tag 'post_url'");
            }
            return JekyllFilters.relativeUrl(renderer.setup().baseurl(), url.get());
        }
    }

    static RenderFailure tagFailure(Frame frame, String tag, String argument, String message) {
        Position at = LiquidErrors.tagPosition(frame.text, tag, argument, frame.firstLine);
        Diagnostic diagnostic = Diagnostic.error(frame.path, at, message);
        return new RenderFailure(frame.path.equals(frame.pagePath) ? diagnostic : diagnostic.within(frame.pagePath));
    }

    /**
     * jekyll-gist's {@code gist ID [FILE]} (either may name a variable): the gist's script tag. The
     * plugin also fetches the gist's code over the network for a {@code <noscript>} copy; a build
     * never reaches the network, so the output is the plugin's with {@code gist: noscript: false}.
     */
    static final class GistTag extends Tag {
        GistTag() {
            super("gist");
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            // the markup arrives quoted (LiquidRenderer quotes it so that its space survives Liqp's lexer)
            String markup = nodes.length == 0 ? "" : String.valueOf(nodes[0].render(context)).strip();
            if (markup.length() >= 2 && markup.startsWith("\"") && markup.endsWith("\"")) {
                markup = markup.substring(1, markup.length() - 1).strip();
            }
            java.util.regex.Matcher m = GIST_ARGUMENTS.matcher(markup);
            if (markup.isEmpty() || !m.matches()) {
                throw tagFailure(frame(context), "gist", "", "gist needs a gist id: {% gist user/1234567 [file] %}");
            }
            String id = variableOr(context, m.group(1).strip());
            String file = variableOr(context, m.group(2).strip());
            String url = "https://gist.github.com/" + id + ".js" + (file.isEmpty() ? "" : "?file=" + file);
            return "<script src=\"" + url + "\"> </script>";
        }

        private static String variableOr(TemplateContext context, String word) {
            Object value = word.isEmpty() ? null : context.get(word);
            return value == null ? word : String.valueOf(value);
        }
    }

    /**
     * jekyll-avatar's {@code avatar USER [size=N] [lazy=true]} or {@code avatar user=VARIABLE}: the
     * GitHub avatar {@code <img>} with its 1x to 4x {@code srcset}. As in the plugin, the markup is
     * Liquid ({@code {% avatar {{ site.github.username }} %}}), {@code size} and {@code user} are
     * read from the markup as written, and the avatars host ({@code avatars0} to {@code avatars3})
     * is picked by the CRC-32 of the 1x path, so every page names the same host for the same user.
     */
    static final class AvatarTag extends Tag {
        private static final Pattern SIZE = Pattern.compile("\\bsize=(\\d+)\\b", Pattern.CASE_INSENSITIVE);
        private static final Pattern USER = Pattern.compile("\\buser=([\\w.]+)\\b");
        private static final int SERVERS = 4;
        private final LiquidRenderer renderer;

        AvatarTag(LiquidRenderer renderer) {
            super("avatar");
            this.renderer = renderer;
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            // the markup arrives quoted (LiquidRenderer quotes it so that its spaces and {{ }} survive Liqp's lexer)
            String written = nodes.length == 0 ? "" : String.valueOf(nodes[0].render(context)).strip();
            if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
                written = written.substring(1, written.length() - 1).strip();
            }
            java.util.regex.Matcher sized = SIZE.matcher(written);
            String size = sized.find() ? sized.group(1) : "40";
            java.util.regex.Matcher user = USER.matcher(written);
            String text = written.contains("{{") || written.contains("{%") ? renderer.renderFragment(written, context) : written;
            String username = user.find() ? lookup(context, user.group(1)) : firstWord(text);
            int pixels = Integer.parseInt(size);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(path(username, pixels).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String host = "https://avatars" + (crc.getValue() % SERVERS) + ".githubusercontent.com/";
            StringBuilder srcset = new StringBuilder();
            for (int scale = 1; scale <= 4; scale++) {
                srcset.append(scale == 1 ? "" : ", ").append(host).append(path(username, pixels * scale)).append(' ')
                        .append(scale).append('x');
            }
            String url = host + path(username, pixels);
            String img = "<img class=\"" + (pixels < 48 ? "avatar avatar-small" : "avatar") + "\" alt=\"" + username
                    + "\" width=\"" + size + "\" height=\"" + size + "\" data-proofer-ignore=\"true\" ";
            return text.contains("lazy=true")
                    ? img + "src=\"\" data-src=\"" + url + "\" data-srcset=\"" + srcset + "\" />"
                    : img + "src=\"" + url + "\" srcset=\"" + srcset + "\" />";
        }

        private static String path(String username, int pixels) {
            return username + "?v=3&s=" + pixels;
        }

        /** The first word of the rendered markup, without a leading {@code @}. */
        private static String firstWord(String text) {
            String word = text.contains(" ") ? text.strip().split("\\s+")[0] : text;
            return word.startsWith("@") ? word.substring(1) : word;
        }

        /** A dotted variable's value; the plugin uses the name itself when the value is missing. */
        private static String lookup(TemplateContext context, String variable) {
            String[] keys = variable.split("\\.");
            Object value = context.get(keys[0]);
            for (int i = 1; i < keys.length && value != null; i++) {
                value = value instanceof Map<?, ?> map ? map.get(keys[i]) : null;
            }
            return RubyClasses.truthy(value) ? String.valueOf(value) : variable;
        }
    }

    /** The gist tag's id and optional file name, as jekyll-gist splits its markup. */
    private static final Pattern GIST_ARGUMENTS = Pattern.compile("(\\S+|.*(?=/).+)\\s?(\\S*)", Pattern.DOTALL);

    /**
     * {@code highlight LANG [linenos]}: the markup Jekyll's rouge integration wraps code in, with
     * the code coloured as Rouge colours it ({@link Highlighting}). When the site's {@code highlighter} is
     * anything but Rouge or Pygments ({@code none}, {@code false}), Jekyll writes the code stripped, in the same
     * wrapper, and ignores {@code linenos}; an unset or null highlighter is Rouge. The block is
     * set between the page's {@code highlighter_prefix} and {@code highlighter_suffix}.
     */
    static final class HighlightBlock extends Block {
        private final Highlighting highlighting;

        HighlightBlock(Highlighting highlighting) {
            super("highlight");
            this.highlighting = highlighting;
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            String words = nodes.length > 1 ? String.valueOf(nodes[0].render(context)).strip() : "";
            boolean linenos = false;
            if (words.length() > 1 && (words.charAt(0) == '"' || words.charAt(0) == '\'')
                    && words.charAt(words.length() - 1) == words.charAt(0)) {
                // the quotes the markup was given on its way to Liqp, which keeps them
                words = words.substring(1, words.length() - 1).strip();
            }
            java.util.regex.Matcher syntax = HIGHLIGHT_SYNTAX.matcher(words);
            if (syntax.matches()) {
                // the markup as written (quoted on its way to Liqp): the language, then options, of which
                // Jekyll's Rouge reads only linenos ("lineanchors", "hl_lines" and the like change nothing)
                java.util.regex.Matcher option = HIGHLIGHT_OPTION.matcher(syntax.group(2));
                while (option.find()) {
                    linenos |= option.group().split("=", 2)[0].equals("linenos");
                }
                words = syntax.group(1);
            } else {
                // markup Liqp handed over without its spaces: the options are found by name
                java.util.regex.Matcher options = HIGHLIGHT_OPTIONS.matcher(words);
                if (options.find()) {
                    linenos = options.group().startsWith("linenos");
                    words = words.substring(0, options.start());
                }
            }
            String lang = words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_+#.-]", "");
            String body = String.valueOf(nodes[nodes.length - 1].render(context));
            String code = LINE_ENDS.matcher(body).replaceAll("");
            String inner;
            if (!rouge(context)) {
                inner = Html.escape(code).strip();
            } else {
                String html = highlighting.html(lang, code);
                inner = linenos ? table(html, code) : html;
            }
            // Jekyll writes "+" as "-" in the class (c++ becomes language-c--) but keeps it in data-lang
            String attrs = lang.isEmpty() ? "" : " class=\"language-" + lang.replace('+', '-') + "\" data-lang=\"" + lang + "\"";
            return affix(context, "highlighter_prefix") + "<figure class=\"highlight\"><pre><code" + attrs + ">" + inner
                    + "</code></pre></figure>" + affix(context, "highlighter_suffix");
        }

        /** What the page's converter puts around the block (Markdown: a line break), from the variable Jekyll names. */
        private static String affix(TemplateContext context, String name) {
            Object affix = context.get(name);
            return affix == null ? "" : affix.toString();
        }

        private static boolean rouge(TemplateContext context) {
            Object highlighter = context.get("site") instanceof Map<?, ?> site ? site.get("highlighter") : null;
            // Jekyll 4 no longer has Pygments and highlights a pygments site with Rouge
            return highlighter == null || highlighter.toString().equals("rouge") || highlighter.toString().equals("pygments");
        }

        /** Rouge's table of line numbers beside the highlighted code, as Jekyll's {@code linenos} writes it. */
        private static String table(String html, String code) {
            int lines = code.split("\n", -1).length;
            StringBuilder numbers = new StringBuilder();
            for (int i = 1; i <= lines; i++) {
                numbers.append(i).append('\n');
            }
            return "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">"
                    + numbers + "</pre></td><td class=\"code\"><pre>" + html + "\n</pre></td></tr></tbody></table>";
        }
    }
}
