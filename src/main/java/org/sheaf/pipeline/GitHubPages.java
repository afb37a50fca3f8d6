package org.sheaf.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Defaults;
import org.sheaf.content.Page;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.markdown.RelativeLinks;
import org.sheaf.source.EntryPattern;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceText;

/**
 * The five plugins GitHub Pages runs on every site that change its pages, applied to the parsed sources before the
 * content index is built (as Jekyll runs them as generators before rendering). Each is on when
 * its config key has {@code enabled: true} (which {@code github_pages: true} sets), or when the
 * site lists the plugin; {@code enabled: false} turns it off.
 *
 * <ul>
 *   <li>optional front matter ({@code jekyll-optional-front-matter}): a Markdown file without
 *       front matter is also rendered as a page, except README, LICENSE and the like;</li>
 *   <li>titles from headings ({@code jekyll-titles-from-headings}): a Markdown page without a
 *       title takes the heading its text starts with, markup stripped;</li>
 *   <li>default layout ({@code jekyll-default-layout}): a Markdown page or post that names no
 *       layout gets {@code home} (the page at {@code /}), {@code page} or {@code post}, else
 *       {@code default}, whichever exists first;</li>
 *   <li>relative links ({@code jekyll-relative-links}): in Markdown pages (and documents, with
 *       {@code relative_links: collections: true}), links to source files ({@code [x](other.md)})
 *       are rewritten to those files' URLs as the page renders, by {@link #relativeLinks};</li>
 *   <li>README index ({@code jekyll-readme-index}): a README in a folder without an index
 *       becomes its index page ({@link ReadmeIndex}).</li>
 * </ul>
 */
public final class GitHubPages {
    private static final Set<String> NOT_PAGES = Set.of("README", "LICENSE", "LICENCE", "COPYING",
            "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE");
    private static final Pattern HEADING_TITLE = Pattern.compile(
            "\\A\\s*(?:#{1,3}\\s+(.*)(?:\\s+#{1,3})?|(.*)\\r?\\n[-=]+\\s*)$", Pattern.MULTILINE);
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("\\[\\^[^\\]]*\\]");

    private GitHubPages() {
    }

    /** Whether the plugin behind {@code key} (one of {@link ConfigLoader#GITHUB_PAGES_PLUGINS}) is on. */
    static boolean enabled(SiteConfig config, String key) {
        Object enabled = config.get(key) instanceof Map<?, ?> options ? options.get("enabled") : null;
        if (Boolean.FALSE.equals(enabled)) {
            return false;
        }
        String plugin = ConfigLoader.GITHUB_PAGES_PLUGINS.get(key);
        return Boolean.TRUE.equals(enabled) || config.strings("plugins").contains(plugin)
                || config.strings("gems").contains(plugin);
    }

    public static boolean anyEnabled(SiteConfig config) {
        return ConfigLoader.GITHUB_PAGES_PLUGINS.keySet().stream().anyMatch(key -> enabled(config, key));
    }

    /** The sources with the enabled plugins applied; {@code parsed} itself when none is on. */
    static List<ContentIndex.Parsed> apply(SiteConfig config, List<ContentIndex.Parsed> parsed, Map<String, Object> data,
            Object siteTime, Map<String, ?> layouts) {
        if (!anyEnabled(config)) {
            return parsed;
        }
        Set<String> markdownExtensions = new java.util.HashSet<>();
        config.markdownExtensions().forEach(ext -> markdownExtensions.add("." + ext));
        List<ContentIndex.Parsed> sources = new ArrayList<>(parsed);
        if (enabled(config, "optional_front_matter")) {
            sources.addAll(optionalFrontMatterPages(config, parsed, markdownExtensions));
        }
        // jekyll-readme-index runs after optional front matter's pages exist, and before the
        // titles and layouts are given, which its pages get too (the plugins' priorities)
        if (enabled(config, "readme_index")) {
            sources = ReadmeIndex.apply(config, sources, data, siteTime, markdownExtensions);
        }

        // Which Markdown page is at "/", for default_layout's home: a page's URL comes from its own
        // front matter alone, so only the Markdown pages are indexed for it, not the whole site
        boolean defaultLayout = enabled(config, "default_layout");
        Map<String, String> pageUrls = new HashMap<>();
        if (defaultLayout) {
            List<ContentIndex.Parsed> markdownPages = sources.stream()
                    .filter(source -> source.file().kind() == SourceFile.Kind.PAGE
                            && markdownExtensions.contains(source.file().extension()))
                    .toList();
            for (Page page : ContentIndex.build(config, markdownPages, data, siteTime, new Diagnostics()).pages()) {
                pageUrls.put(page.source().relativePath(), page.url());
            }
        }

        Defaults defaults = Defaults.of(config);
        MarkdownRenderer markdown = enabled(config, "titles_from_headings")
                ? new MarkdownRenderer(MarkdownOptions.fromConfig(config.values()))
                : null;
        List<ContentIndex.Parsed> result = new ArrayList<>(sources.size());
        for (ContentIndex.Parsed source : sources) {
            SourceFile file = source.file();
            boolean isPage = file.kind() == SourceFile.Kind.PAGE;
            boolean isPost = file.kind() == SourceFile.Kind.DOCUMENT && "posts".equals(file.collection());
            if (!(isPage || isPost) || !markdownExtensions.contains(file.extension())) {
                result.add(source);
                continue;
            }
            FrontMatter frontMatter = source.frontMatter();
            Map<String, Object> own = new LinkedHashMap<>(frontMatter.data());
            Map<String, Object> withDefaults = defaults.applyTo(frontMatter.data(),
                    isPage ? file.relativePath() : config.documentPath(file.relativePath()), isPage ? "pages" : "posts");
            String body = frontMatter.body();
            if (isPage && markdown != null && withDefaults.get("title") == null) {
                own.put("title", titleFrom(frontMatter.body(), markdown));
            }
            if (defaultLayout && !withDefaults.containsKey("layout")) {
                own.put("layout", defaultLayout(layouts, isPage, "/".equals(pageUrls.get(file.relativePath()))));
            }
            result.add(new ContentIndex.Parsed(file,
                    new FrontMatter(own, frontMatter.positions(), body, frontMatter.bodyLine()), source.appended()));
        }
        return result;
    }

    /**
     * jekyll-relative-links' rewriting for each page, for the Markdown renderer; null when the
     * plugin is off. The plugin rewrites pages, and written documents too when
     * {@code relative_links: collections: true}, except those its {@code exclude} list matches (as
     * the site's {@code exclude} matches); its targets are the pages, the static files and
     * the written documents, linked to through {@code relative_url}.
     */
    static Function<Page, RelativeLinks> relativeLinks(SiteConfig config, ContentIndex index) {
        if (!enabled(config, "relative_links")) {
            return null;
        }
        Map<?, ?> options = config.get("relative_links") instanceof Map<?, ?> map ? map : Map.of();
        boolean collections = Boolean.TRUE.equals(options.get("collections"));
        List<EntryPattern> excluded = ConfigLoader.stringList(options.get("exclude")).stream()
                .map(EntryPattern::of).toList();
        Map<String, String> targets = new HashMap<>();
        for (Page page : index.pages()) {
            if (page.collection() == null || page.outputPath() != null) {
                targets.putIfAbsent(page.source().relativePath(), page.url());
            }
        }
        index.staticFiles().forEach(file -> targets.putIfAbsent(file.source().relativePath(), file.url()));
        String baseurl = config.baseurl();
        Function<String, Optional<String>> urlOfTarget = path -> Optional.ofNullable(targets.get(path))
                .map(url -> JekyllFilters.relativeUrl(baseurl, url));
        return page -> {
            String path = page.source().relativePath();
            boolean rewritten = page.collection() == null || collections && page.outputPath() != null;
            return rewritten && excluded.stream().noneMatch(entry -> entry.matches(path, false))
                    ? RelativeLinks.asJekyllRelativeLinks(path, urlOfTarget, page.body()) : null;
        };
    }

    /**
     * Markdown files outside collections without front matter, as pages (the static copies stay).
     * jekyll-optional-front-matter is a generator: it runs after Jekyll's reader sorted the pages
     * by name and the static files by path, and appends its pages to {@code site.pages} in the
     * static files' order, so these are appended pages in path order.
     */
    private static List<ContentIndex.Parsed> optionalFrontMatterPages(SiteConfig config, List<ContentIndex.Parsed> parsed,
            Set<String> markdownExtensions) {
        List<ContentIndex.Parsed> pages = new ArrayList<>();
        List<String> include = config.strings("include");
        List<ContentIndex.Parsed> byPath = new ArrayList<>(parsed);
        byPath.sort(Comparator.comparing(source -> source.file().relativePath()));
        for (ContentIndex.Parsed source : byPath) {
            SourceFile file = source.file();
            if (file.kind() != SourceFile.Kind.STATIC || file.collection() != null
                    || !markdownExtensions.contains(file.extension())) {
                continue;
            }
            boolean listed = include.contains(file.relativePath()) || include.contains(file.name());
            if (!listed && NOT_PAGES.contains(file.basename().toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            SourceFile page = new SourceFile(file.file(), file.relativePath(), file.sitePath(), SourceFile.Kind.PAGE, null);
            try {
                String text = SourceText.decode(config.files().read(file.file(), file.sitePath()),
                        file.sitePath());
                pages.add(new ContentIndex.Parsed(page, new FrontMatter(Map.of(), Map.of(), text, 1), true));
            } catch (DiagnosticException e) {
                // unreadable: it stays a static file, whose copy reports the problem
            }
        }
        return pages;
    }

    /** The heading the text starts with, as jekyll-titles-from-headings strips it; null when none. */
    static String titleFrom(String body, MarkdownRenderer markdown) {
        Matcher m = HEADING_TITLE.matcher(body);
        if (!m.find()) {
            return null;
        }
        String heading = m.group(1) != null ? m.group(1) : m.group(2);
        String html = markdown.render(heading);
        String normalized = JekyllFilters.normalizeWhitespace(Html.stripHtml(html));
        return FOOTNOTE_MARK.matcher(normalized).replaceAll("");
    }

    private static String defaultLayout(Map<String, ?> layouts, boolean isPage, boolean isIndex) {
        if (isIndex && layouts.containsKey("home")) {
            return "home";
        }
        if (isPage && layouts.containsKey("page")) {
            return "page";
        }
        if (!isPage && layouts.containsKey("post")) {
            return "post";
        }
        return layouts.containsKey("default") ? "default" : null;
    }
}
