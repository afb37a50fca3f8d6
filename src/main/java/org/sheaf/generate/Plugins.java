package org.sheaf.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.TemplateTag;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
import org.sheaf.markdown.SectionHeading;

/**
 * The GitHub Pages plugins sheaf has built in, switched on as Jekyll loads them: by name in the
 * {@code plugins:} list of {@code _config.yml} (or the older {@code gems:}).
 *
 * <ul>
 *   <li>{@code jekyll-seo-tag}: the {@code {% seo %}} Liquid tag and the {@code seo()} Freemarker function;</li>
 *   <li>{@code jekyll-feed}: {@code feed.xml} and the {@code {% feed_meta %}} tag ({@code feed_meta()} in Freemarker);</li>
 *   <li>{@code jekyll-sitemap}: {@code sitemap.xml} and {@code robots.txt};</li>
 *   <li>{@code jekyll-redirect-from}: redirect pages for {@code redirect_from} and {@code redirect_to};</li>
 *   <li>{@code jekyll-paginate}: {@code paginator} and the later pages of {@code index.html};</li>
 *   <li>{@code jekyll-archives}: pages listing the posts of each tag, category, year, month or day ({@link Archives});</li>
 *   <li>{@code jekyll-mentions}: {@code @user} links in each laid-out HTML page ({@link Mentions});</li>
 *   <li>{@code jekyll-github-metadata}: {@code site.github} without the network, set as the config
 *       loads ({@code config.GitHubMetadata}), and the {@code {% github_edit_link %}} tag ({@link EditLink});</li>
 *   <li>{@code jekyll-readme-index} and GitHub Pages' other content plugins: applied to the sources
 *       before indexing ({@code pipeline.GitHubPages}).</li>
 * </ul>
 *
 * <p>sheaf's own reader features are switched on by their keys instead: {@code tag_pages} and
 * {@code kind_pages} ({@link TagPages}), {@code search} ({@link SearchIndex}) and the
 * {@code toc()} function with its {@code {% toc %}} tag ({@link TableOfContents}, always there).
 *
 * <p>A plugin that is not listed adds nothing: its tags are unknown, as in Jekyll. A listed
 * plugin sheaf does not have is reported as a warning and ignored.
 */
public final class Plugins {
    public static final String SEO_TAG = "jekyll-seo-tag";
    public static final String FEED = "jekyll-feed";
    public static final String SITEMAP = "jekyll-sitemap";
    public static final String REDIRECT_FROM = "jekyll-redirect-from";
    public static final String PAGINATE = "jekyll-paginate";
    public static final String ARCHIVES = Archives.PLUGIN;
    /** Its tags, include_cached and gist, are always there (Liquid sets up its tags once); listing the plugin only stops the warning. */
    public static final String INCLUDE_CACHE = "jekyll-include-cache";
    public static final String GIST = "jekyll-gist";
    /** Its avatar tag is always there too. */
    public static final String AVATAR = "jekyll-avatar";
    /** {@code site.github} and the config's fall-backs, filled in as the config loads ({@code config.GitHubMetadata}). */
    public static final String GITHUB_METADATA = "jekyll-github-metadata";
    /** GitHub Pages' content plugins, applied by the build before indexing (build.GitHubPages). */
    private static final Set<String> GITHUB_PAGES = Set.of("jekyll-relative-links", "jekyll-optional-front-matter",
            "jekyll-default-layout", "jekyll-titles-from-headings", "jekyll-readme-index");
    /** The plugins whose generators have Jekyll's normal priority, so run before the others'. */
    private static final Set<String> NORMAL_PRIORITY = Set.of(REDIRECT_FROM, ARCHIVES);
    private static final Set<String> BUILT_IN = java.util.stream.Stream.concat(
            Set.of(SEO_TAG, FEED, SITEMAP, REDIRECT_FROM, PAGINATE, ARCHIVES, INCLUDE_CACHE, GIST, AVATAR,
                    GITHUB_METADATA, Mentions.PLUGIN).stream(), GITHUB_PAGES.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The Markdown converter a site names with {@code markdown: CommonMark}; sheaf's renderer has it. */
    private static final String COMMONMARK = "jekyll-commonmark";
    /** The converter Jekyll itself loads for {@code .scss} and {@code .sass}; sheaf compiles Sass on its own. */
    private static final String SASS_CONVERTER = "jekyll-sass-converter";

    private final SiteConfig config;
    private final Set<String> enabled;

    private Plugins(SiteConfig config, Set<String> enabled) {
        this.config = config;
        // in the order listed, which orders the lowest-priority generators' pages in site.pages
        this.enabled = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(enabled));
    }

    /**
     * The plugins {@code config} lists, and those its theme depends on; a listed name sheaf does
     * not know is a warning in {@code diagnostics}.
     */
    public static Plugins of(SiteConfig config, Diagnostics diagnostics) {
        warnOfRubyPlugins(config, diagnostics);
        return new Plugins(config, listed(config, diagnostics));
    }

    /**
     * A Ruby file in the site's plugin folders ({@code plugins_dir}, {@code _plugins} unless set) is
     * code Jekyll runs outside safe mode. sheaf runs no Ruby, so the tags, filters and pages such a
     * file defines are missing: each file is a warning, where Jekyll in safe mode (GitHub Pages)
     * skips them without a word, as sheaf does then.
     */
    private static void warnOfRubyPlugins(SiteConfig config, Diagnostics diagnostics) {
        if (config.flag("safe")) {
            return;
        }
        List<String> folders = config.get("plugins_dir") == null ? List.of("_plugins") : config.strings("plugins_dir");
        for (String folder : folders) {
            Path dir = config.source().resolve(folder).normalize();
            if (!dir.startsWith(config.source()) || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".rb") && Files.isRegularFile(f)).sorted()
                        .forEach(f -> diagnostics.add(Diagnostic.warning(config.sitePath(f), Position.FILE,
                                "Ruby plugin not run: sheaf runs no Ruby code, so what it defines (tags, filters, pages) is missing")
                                .withHint("sheaf's built-in plugins: " + String.join(", ", BUILT_IN.stream().sorted().toList()))));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable plugin folder only loses the warning; the build reads no plugin code anyway
            }
        }
    }

    /**
     * The variables the enabled plugins merge into the pages read from the source, for the index
     * stage to set before any template sees them: jekyll-redirect-from's for a page with
     * {@code redirect_to}. The plugins' warnings are left to {@link #of}, which the generate
     * stage reports.
     */
    public static ContentIndex.Annotations pageVariables(SiteConfig config) {
        if (!listed(config, new Diagnostics()).contains(REDIRECT_FROM)) {
            return ContentIndex.Annotations.NONE;
        }
        return page -> RedirectGenerator.redirectToVariables(config, page);
    }

    private static Set<String> listed(SiteConfig config, Diagnostics diagnostics) {
        // Jekyll loads the plugins a theme's gemspec depends on, listed or not, and before the
        // listed ones: their generators come first among those of one priority
        Set<String> enabled = new LinkedHashSet<>();
        config.theme().ifPresent(theme -> theme.dependencies().stream().filter(BUILT_IN::contains).forEach(enabled::add));
        for (String key : List.of("plugins", "gems")) {
            List<String> names = config.strings(key);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (BUILT_IN.contains(name) || name.equals(COMMONMARK) || name.equals(SASS_CONVERTER)) {
                    enabled.add(name);
                } else {
                    diagnostics.add(config.originOf(key + "." + i).warning(
                            "plugin \"" + name + "\" is not built into sheaf; ignored")
                            .withHint("built in: " + String.join(", ", BUILT_IN.stream().sorted().toList())));
                }
            }
        }
        return enabled;
    }

    /** Whether {@code name} is listed and built in. */
    public boolean enabled(String name) {
        return enabled.contains(name);
    }

    /** The generators of the enabled plugins, in a fixed order (redirects, feed, sitemap). */
    public List<Generator> generators() {
        List<Generator> generators = new ArrayList<>();
        if (enabled(REDIRECT_FROM)) {
            generators.add(new RedirectGenerator());
        }
        if (enabled(FEED)) {
            generators.add(new FeedGenerator());
        }
        if (enabled(SITEMAP)) {
            generators.add(new SitemapGenerator());
        }
        if (SearchIndex.enabled(config.feature("search"))) {
            generators.add(new SearchIndex());
        }
        return List.copyOf(generators);
    }

    /**
     * jekyll-archives' pages, the first part of the generate stage that adds pages to render (its
     * generator comes before jekyll-paginate's): add them to the index, then pass them to
     * {@link #listedPages} and {@link #withSiteValues}. None when the plugin is not listed. A kind
     * without a URL template is an error in {@code diagnostics}.
     */
    public List<Page> archives(ContentIndex index, Diagnostics diagnostics) {
        return enabled(ARCHIVES) ? Archives.pages(config, index, Archives.settings(config), diagnostics) : List.of();
    }

    /** {@code index} with the variables the plugins set in {@code site}: jekyll-archives' {@code archives} and settings. */
    public ContentIndex withSiteValues(ContentIndex index, List<Page> archives) {
        return enabled(ARCHIVES)
                ? index.withSiteValues(config, Archives.siteValues(Archives.settings(config), archives))
                : index;
    }

    /**
     * Pagination, the part of the generate stage that adds pages to render: run it first, add
     * its pages to the index, then run {@link #generate} on that index.
     */
    public Pagination paginate(SiteConfig config, ContentIndex index) {
        return enabled(PAGINATE) ? Pagination.of(config, index) : Pagination.NONE;
    }

    /**
     * The tag and kind pages ({@link TagPages}), the other part of the generate stage that adds
     * pages to render; a setting without a layout is an error in {@code diagnostics}.
     */
    public List<Page> listingPages(ContentIndex index, Diagnostics diagnostics) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Page> pages = TagPages.of(config, index, problems);
        diagnostics.addAll(problems);
        return pages;
    }

    /** Runs every generator: the generate stage. */
    public List<GeneratedFile> generate(Generator.Input input) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Generator generator : generators()) {
            files.addAll(generator.generate(input));
        }
        return List.copyOf(files);
    }

    /**
     * The entries the plugins add to {@code site.pages}, in the order Jekyll's generators add
     * them: first, in the order the plugins are listed, those of the generators with the normal
     * priority, jekyll-redirect-from's pages and {@code redirects.json} and jekyll-archives'
     * {@code archives}; then, in the order the plugins are listed, those of the generators with
     * the lowest priority: jekyll-paginate's later pages ({@code pagination}), jekyll-feed's feeds,
     * jekyll-sitemap's {@code sitemap.xml} and {@code robots.txt}. A feed's, the sitemap's and
     * {@code robots.txt}'s entry carries its file's text, its {@code content} for the pages Jekyll
     * renders after it; a feed's also says that the text reads other pages, so that it is made
     * in the feed's place in the render order as well.
     */
    public List<ContentIndex.Listed> listedPages(List<Page> archives, Pagination pagination, List<GeneratedFile> files) {
        List<ContentIndex.Listed> listed = new ArrayList<>();
        for (String plugin : enabled) {
            if (plugin.equals(ARCHIVES)) {
                archives.forEach(page -> listed.add(new ContentIndex.Listed(page.drop(), null)));
            } else if (plugin.equals(REDIRECT_FROM)) {
                listed.addAll(listings(plugin, files));
            }
        }
        for (String plugin : enabled) {
            if (plugin.equals(PAGINATE)) {
                pagination.pages().forEach(page -> listed.add(new ContentIndex.Listed(page.drop(), null)));
            } else if (!NORMAL_PRIORITY.contains(plugin)) {
                listed.addAll(listings(plugin, files));
            }
        }
        return List.copyOf(listed);
    }

    private static List<ContentIndex.Listed> listings(String plugin, List<GeneratedFile> files) {
        return files.stream().filter(file -> file.listing() != null && file.listing().plugin().equals(plugin))
                .map(file -> new ContentIndex.Listed(file.listing().variables(),
                        file.listing().rendered() ? file.text() : null, file.reads().anyPage()))
                .toList();
    }

    /**
     * The tags (and Freemarker functions) the enabled plugins add, each returning HTML markup:
     * {@code seo} (for the page, the site and the paginator, and the options in its markup),
     * {@code feed_meta}, {@code github_edit_link}, and {@code toc} (of its markup, or of the page's content without any).
     *
     * @param jekyllVersion the version the SEO block's generator tag names
     * @param markdownify   Markdown to HTML with the site's settings
     * @param headings      a page's headings (by its {@code page} variable) as its Markdown was
     *                      rendered, where known; otherwise the toc reads them from its HTML
     */
    public List<TemplateTag> tags(String jekyllVersion, UnaryOperator<String> markdownify,
            Function<Object, Optional<List<SectionHeading>>> headings) {
        List<TemplateTag> tags = new ArrayList<>();
        if (enabled(SEO_TAG)) {
            SeoTag seo = new SeoTag(config.url(), config.baseurl(), jekyllVersion, markdownify, config.timezone());
            tags.add(new TemplateTag("seo", call -> seo.render(call.page(), call.site(), call.paginator(), call.markup())));
        }
        if (enabled(FEED)) {
            String meta = FeedGenerator.metaTag(config);
            tags.add(new TemplateTag("feed_meta", call -> meta));
        }
        if (enabled(GITHUB_METADATA)) {
            tags.add(new TemplateTag("github_edit_link", EditLink::render));
        }
        TableOfContents toc = TableOfContents.of(config.get("toc") instanceof Map<?, ?> settings ? settings : Map.of());
        tags.add(new TemplateTag("toc", call -> {
            if (call.markup().isEmpty()) {
                Optional<List<SectionHeading>> written = headings.apply(call.page());
                return written.isPresent() ? toc.forPage(call.page(), written.get())
                        : toc.forPage(call.page(), SeoTag.text(call.page().get("content")));
            }
            return toc.forPage(call.page(), call.markup());
        }));
        return List.copyOf(tags);
    }

}
