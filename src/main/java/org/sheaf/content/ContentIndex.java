package org.sheaf.content;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
import org.sheaf.jekyll.PostName;
import org.sheaf.jekyll.RubyMergeSort;
import org.sheaf.jekyll.RubyNumbers;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.StaticFileDrop;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.SourceFile;

/**
 * Everything a site is made of, indexed the way Jekyll's templates see it: pages, posts, each
 * collection's documents, static files, data, tags and categories, each page with its URL.
 *
 * <p>Built once per build by {@link #build}, each page complete with its {@link Annotations}, and
 * not changed after: what the render stage makes of each page goes to {@link #rendered()}, which
 * the pages' drops read their {@code content} and {@code excerpt} through.
 */
public final class ContentIndex {
    /**
     * A source file with its front matter read (static and data files have none). A page that is
     * {@code appended} joins {@code site.pages} after the pages Jekyll's reader sorted by name, in
     * the order given, as a page a Jekyll generator makes from a static file does.
     */
    public record Parsed(SourceFile file, FrontMatter frontMatter, boolean appended) {
        public Parsed(SourceFile file, FrontMatter frontMatter) {
            this(file, frontMatter, false);
        }
    }

    /**
     * Values the index adds to each page read from the source, beyond its front matter and
     * Jekyll's variables: {@code page.git} from the site's history, the variables a plugin merges
     * into the page. Called once per published page, in order on one thread, after every page's
     * URL and neighbours are set; the values are set in its drop under their keys, over the front
     * matter's.
     */
    @FunctionalInterface
    public interface Annotations {
        /** No values added. */
        Annotations NONE = page -> Map.of();

        Map<String, Object> of(Page page);

        /** These values, then {@code later}'s, which win where both set a key. */
        default Annotations and(Annotations later) {
            if (later == NONE) {
                return this;
            }
            if (this == NONE) {
                return later;
            }
            return page -> {
                Map<String, Object> values = new LinkedHashMap<>(of(page));
                values.putAll(later.of(page));
                return values;
            };
        }
    }

    /**
     * A file copied to the output as it is.
     *
     * @param url       where it is written; templates do not see it, as Jekyll's drop has none
     * @param published false when its front matter defaults say {@code published: false}: Jekyll
     *                  then lists it in {@code site.static_files} but does not write it
     * @param drop      what templates see of it
     */
    public record StaticFile(SourceFile source, String url, String outputPath, boolean published, StaticFileDrop drop) {
    }

    /**
     * A page a Jekyll plugin adds to {@code site.pages} before rendering.
     *
     * @param variables its variables, {@code content} among them
     * @param rendered  for a page Jekyll renders from the plugin's Liquid template (a feed, the
     *                  sitemap), the text it renders to, which is its {@code content} for the
     *                  pages Jekyll renders after it; null where {@code content} stays as it is
     * @param readsPages whether that text reads what pages render to (a feed's entries, their
     *                  excerpts among them): rendered in its place, it may be the first to read
     *                  an excerpt, which then reads to everyone as the site looked from there
     */
    public record Listed(Map<String, Object> variables, Supplier<String> rendered, boolean readsPages) {
        /** An entry whose {@code content} stays as it is, or whose text reads no page. */
        public Listed(Map<String, Object> variables, Supplier<String> rendered) {
            this(variables, rendered, false);
        }
    }

    private final List<Page> pages;
    private final List<StaticFile> staticFiles;
    private final Map<String, Object> site;
    private final Map<String, String> urlsBySource;
    private final Map<String, String> postUrlsByName;
    private final int readPages;
    private final RenderedPages rendered;
    /** {@code site.pages} as the pages Jekyll renders after a rendered {@link Listed} page read it, by drop. */
    private final Map<Object, List<Object>> pagesReadAfterListed;
    /** The rendered {@link Listed} pages that read other pages, each with its place in the render order. */
    private final List<RenderedPages.ListedRender> listedRenders;

    private ContentIndex(List<Page> pages, List<StaticFile> staticFiles, Map<String, Object> site,
            Map<String, String> urlsBySource, Map<String, String> postUrlsByName, int readPages,
            RenderedPages rendered) {
        this(pages, staticFiles, site, urlsBySource, postUrlsByName, readPages, rendered, Map.of(), List.of());
    }

    private ContentIndex(List<Page> pages, List<StaticFile> staticFiles, Map<String, Object> site,
            Map<String, String> urlsBySource, Map<String, String> postUrlsByName, int readPages,
            RenderedPages rendered, Map<Object, List<Object>> pagesReadAfterListed,
            List<RenderedPages.ListedRender> listedRenders) {
        this.pagesReadAfterListed = pagesReadAfterListed;
        this.listedRenders = List.copyOf(listedRenders);
        this.readPages = readPages;
        this.rendered = rendered;
        this.pages = List.copyOf(pages);
        this.staticFiles = List.copyOf(staticFiles);
        this.site = site;
        this.urlsBySource = Map.copyOf(urlsBySource);
        this.postUrlsByName = Map.copyOf(postUrlsByName);
    }

    /**
     * Indexes parsed sources: applies defaults, decides which files are published, gives each
     * page its URL and output path, and assembles {@code site}. Writer mistakes (bad dates, bad
     * types, bad defaults, two files claiming one URL) go to {@code diagnostics}.
     *
     * @param data     the {@code site.data} tree
     * @param siteTime {@code site.time} (a time, {@link org.sheaf.jekyll.RubyTime#isTime}): the build's time, which also decides what is "future"
     */
    public static ContentIndex build(SiteConfig config, List<Parsed> sources, Map<String, Object> data,
            Object siteTime, Diagnostics diagnostics) {
        return build(config, sources, data, siteTime, Annotations.NONE, diagnostics);
    }

    /** As {@link #build(SiteConfig, List, Map, Object, Diagnostics)}, each page with its {@code annotations}. */
    public static ContentIndex build(SiteConfig config, List<Parsed> sources, Map<String, Object> data,
            Object siteTime, Annotations annotations, Diagnostics diagnostics) {
        RenderedPages rendered = new RenderedPages();
        PageFactory factory = new PageFactory(config, siteTime, rendered, diagnostics);
        List<Page> pages = new ArrayList<>();
        List<Page> appendedPages = new ArrayList<>();
        List<StaticFile> staticFiles = new ArrayList<>();
        Defaults defaults = Defaults.of(config);
        Map<String, List<Page>> documents = new LinkedHashMap<>();
        config.collections().keySet().forEach(label -> documents.put(label, new ArrayList<>()));
        Map<String, List<StaticFile>> collectionFiles = new HashMap<>();

        for (Parsed parsed : sources) {
            SourceFile file = parsed.file();
            switch (file.kind()) {
                case PAGE -> factory.page(parsed).ifPresent(parsed.appended() ? appendedPages::add : pages::add);
                case DOCUMENT, DRAFT -> factory.document(parsed).ifPresent(
                        page -> documents.computeIfAbsent(page.collection(), k -> new ArrayList<>()).add(page));
                case STATIC -> {
                    StaticFile staticFile = staticFile(config, defaults, file);
                    if (file.collection() == null) {
                        staticFiles.add(staticFile);
                    } else {
                        collectionFiles.computeIfAbsent(file.collection(), k -> new ArrayList<>()).add(staticFile);
                    }
                }
                case DATA -> {
                    // read into site.data by the caller
                }
            }
        }

        documents.forEach((label, docs) -> sortDocuments(docs, config.collections().get(label), defaults, config.future(), diagnostics));
        // Jekyll sorts site.pages by file name (sort_files!) with a stable sort, so pages of one
        // name stay in the order it read them in
        pages.sort(Comparator.comparing((Page page) -> page.source().name())
                .thenComparing((a, b) -> readOrder(a.source().relativePath(), b.source().relativePath())));
        pages.addAll(appendedPages);
        documents.values().forEach(ContentIndex::linkNeighbours);

        List<Page> all = new ArrayList<>();
        documents.values().forEach(all::addAll);
        all.addAll(pages);
        for (Page page : all) {
            annotations.of(page).forEach(page.drop()::set);
        }
        reportUrlCollisions(all, staticFiles, collectionFiles, config, diagnostics);
        reportReservedOutputs(all, staticFiles, collectionFiles, config, diagnostics);

        Map<String, String> urlsBySource = urlsBySource(all, staticFiles);
        List<StaticFile> listed = listedStatic(config, staticFiles, collectionFiles);
        List<StaticFile> writtenStatic = writtenStatic(config, staticFiles, collectionFiles);
        // the link tag finds a collection's static file at the URL its permalink gives, as long
        // as it is written
        writtenStatic.forEach(file -> urlsBySource.putIfAbsent(file.source().relativePath(), file.url()));

        Map<String, Object> site = SiteDrop.assemble(config, siteTime, pages, documents, listed,
                collectionFiles, data);
        return new ContentIndex(all, writtenStatic, site, urlsBySource, postUrls(all), all.size(), rendered);
    }

    /** The URL of every page and of the site's own static files, by source path. */
    private static Map<String, String> urlsBySource(List<Page> all, List<StaticFile> staticFiles) {
        Map<String, String> urls = new HashMap<>();
        all.forEach(page -> urls.put(page.source().relativePath(), page.url()));
        staticFiles.forEach(file -> urls.put(file.source().relativePath(), file.url()));
        return urls;
    }

    /**
     * The URL of every post by the names {@code post_url} takes: its path under {@code _posts/}
     * without the extension, and its bare name, which the first post of that name keeps.
     */
    private static Map<String, String> postUrls(List<Page> all) {
        Map<String, String> postUrls = new HashMap<>();
        for (Page page : all) {
            if ("posts".equals(page.collection())) {
                String relative = page.source().relativePath();
                String afterPosts = relative.substring(relative.lastIndexOf("_posts/") + "_posts/".length());
                String withoutExt = afterPosts.contains(".") ? afterPosts.substring(0, afterPosts.lastIndexOf('.')) : afterPosts;
                postUrls.put(withoutExt, page.url());
                postUrls.putIfAbsent(page.source().basename(), page.url());
            }
        }
        return postUrls;
    }

    /**
     * {@code site.static_files} in Jekyll's order: the site's own files by path, then each
     * collection's in the order it globs them, then the theme's assets. Sorts each collection's
     * list of {@code collectionFiles} in that order too.
     */
    private static List<StaticFile> listedStatic(SiteConfig config, List<StaticFile> staticFiles,
            Map<String, List<StaticFile>> collectionFiles) {
        List<StaticFile> listed = new ArrayList<>(staticFiles.stream()
                .filter(file -> !isThemeAsset(config, file.source())).toList());
        listed.sort(Comparator.comparing(file -> file.drop().path()));
        collectionFiles.values().forEach(files -> files.sort((a, b) -> globOrder(a.drop().path(), b.drop().path())));
        config.collections().keySet().forEach(label -> listed.addAll(collectionFiles.getOrDefault(label, List.of())));
        staticFiles.stream().filter(file -> isThemeAsset(config, file.source()))
                .sorted((a, b) -> globOrder(a.drop().path(), b.drop().path())).forEach(listed::add);
        return listed;
    }

    /**
     * The static files written, by output path: the site's own and those of each collection
     * that is output, but for those with {@code published: false}.
     */
    private static List<StaticFile> writtenStatic(SiteConfig config, List<StaticFile> staticFiles,
            Map<String, List<StaticFile>> collectionFiles) {
        List<StaticFile> written = new ArrayList<>(staticFiles);
        for (Map.Entry<String, List<StaticFile>> entry : collectionFiles.entrySet()) {
            SiteConfig.Collection collection = config.collections().get(entry.getKey());
            if (collection != null && collection.output()) {
                written.addAll(entry.getValue());
            }
        }
        written.removeIf(file -> !file.published());
        written.sort(Comparator.comparing(StaticFile::outputPath));
        return written;
    }

    /**
     * This index with {@code extra} pages added after the others (as Jekyll's generators append
     * to {@code site.pages}); {@code site.*} is unchanged. For the generate stage.
     */
    public ContentIndex withPages(List<Page> extra) {
        List<Page> all = new ArrayList<>(pages);
        all.addAll(extra);
        return new ContentIndex(all, staticFiles, site, urlsBySource, postUrlsByName, readPages, rendered,
                pagesReadAfterListed, listedRenders);
    }

    /**
     * This index with {@code entries} listed after the others in {@code site.pages} (and, those
     * whose URL is an HTML page's, in {@code site.html_pages}): the variables of the pages that
     * Jekyll's plugins add before rendering. For the generate stage.
     *
     * <p>Jekyll renders {@code site.pages} in order, and a page rendered from a plugin's template
     * shows as its {@code content} the template before and its text after: the pages listed after
     * such an entry (jekyll-paginate's later pages, when the plugin is listed after jekyll-sitemap)
     * read {@code site.pages} with that entry's text as its {@code content} ({@link #siteFor}),
     * asked for each time it is read, as the text may follow the posts. Every other page reads the
     * entry's own {@code content}.
     *
     * <p>An entry whose text reads other pages (a feed) renders in its place too: before the pages
     * listed after it (jekyll-paginate's later pages, when the plugin is listed after
     * jekyll-feed), after every other page ({@link #listedRenders}).
     */
    public ContentIndex withListed(List<Listed> entries) {
        Map<String, Object> listed = SiteDrop.withListed(site, entries.stream().map(Listed::variables).toList());
        return new ContentIndex(pages, staticFiles, listed, urlsBySource, postUrlsByName, readPages, rendered,
                pagesReadAfter(listed, entries), listedRenders(entries));
    }

    /** The entries whose text reads other pages, each placed before the first page listed after it. */
    private static List<RenderedPages.ListedRender> listedRenders(List<Listed> entries) {
        List<RenderedPages.ListedRender> renders = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Listed entry = entries.get(i);
            if (entry.rendered() == null || !entry.readsPages()) {
                continue;
            }
            PageDrop before = entries.subList(i + 1, entries.size()).stream()
                    .map(Listed::variables).filter(PageDrop.class::isInstance).map(PageDrop.class::cast)
                    .findFirst().orElse(null);
            Supplier<String> text = entry.rendered();
            renders.add(new RenderedPages.ListedRender(before, text::get));
        }
        return renders;
    }

    /**
     * The plugins' pages that render from a template reading other pages (the feeds), in the
     * order listed, each with the page it renders before (null: after every page).
     */
    public List<RenderedPages.ListedRender> listedRenders() {
        return listedRenders;
    }

    /** For each page listed after a rendered entry of {@code entries}, {@code site.pages} as it reads it. */
    @SuppressWarnings("unchecked")
    private static Map<Object, List<Object>> pagesReadAfter(Map<String, Object> site, List<Listed> entries) {
        Map<Object, Supplier<String>> texts = new IdentityHashMap<>();
        entries.stream().filter(entry -> entry.rendered() != null)
                .forEach(entry -> texts.put(entry.variables(), entry.rendered()));
        Map<Object, List<Object>> readers = new IdentityHashMap<>();
        if (texts.isEmpty()) {
            return readers;
        }
        List<Object> pages = (List<Object>) site.get("pages");
        List<Object> view = new ArrayList<>(pages);
        List<Object> read = null;
        for (int i = 0; i < pages.size(); i++) {
            Object entry = pages.get(i);
            Supplier<String> text = texts.get(entry);
            if (text != null) {
                view.set(i, new RenderedListing((Map<String, Object>) entry, text));
                read = Collections.unmodifiableList(new ArrayList<>(view));
            } else if (read != null && entry instanceof PageDrop) {
                readers.put(entry, read);
            }
        }
        return readers;
    }

    /** What the render stage made of each page, which the pages' drops show as their content and excerpt. */
    public RenderedPages rendered() {
        return rendered;
    }

    /**
     * This index with {@code values} set in {@code site} (as a Jekyll plugin sets keys of the
     * site's config while it generates); a collection {@code config} names still wins, as in
     * {@code site.*}. For the generate stage.
     */
    public ContentIndex withSiteValues(SiteConfig config, Map<String, Object> values) {
        Map<String, Object> changed = new LinkedHashMap<>(site);
        values.forEach((key, value) -> {
            if (key.equals("posts") || !config.collections().containsKey(key)) {
                changed.put(key, value);
            }
        });
        return new ContentIndex(pages, staticFiles, Collections.unmodifiableMap(changed), urlsBySource, postUrlsByName,
                readPages, rendered, pagesReadAfterListed, listedRenders);
    }

    /** The posts (and drafts, when they are built) oldest first, as Jekyll's {@code site.posts.docs}. */
    public List<Page> posts() {
        return readPages().stream().filter(page -> "posts".equals(page.collection())).toList();
    }

    /**
     * Jekyll's {@code site.post_attr_hash(key)}: each value of the posts' {@code key} ({@code tags},
     * {@code categories}), in order of first use, to its posts' variables, newest first. Unlike
     * {@code site.tags}, never a collection's documents.
     */
    public Map<Object, Object> postsBy(String key) {
        return SiteDrop.grouped(posts(), key);
    }

    /** The pages read from the source, without those added by {@link #withPages}. */
    public List<Page> readPages() {
        return pages.subList(0, readPages);
    }

    /**
     * A copy of {@code template} at another URL, with its own page variables (so its rendered
     * content is its own), as jekyll-paginate copies {@code index.html} for each later page.
     */
    public static Page copyAt(Page template, String url, String outputPath) {
        PageDrop drop = new PageDrop(template.drop());
        drop.set("url", url);
        drop.set("dir", url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1));
        return new Page(template.source(), template.collection(), drop, template.positions(), template.body(),
                template.bodyLine(), url, outputPath, template.layout(), template.markdown(), template.liquid());
    }

    /**
     * A page a generator makes from data rather than from a source file (a tag page): no body,
     * the given variables plus Jekyll's {@code url}, {@code dir}, {@code name}, {@code path},
     * rendered through {@code layout} alone. Diagnostics name the config file that set
     * {@code configKey} as its input.
     */
    public Page generatedPage(SiteConfig config, String configKey, String url, String outputPath,
            String layout, Map<String, Object> variables) {
        Map<String, Object> values = new LinkedHashMap<>(variables);
        values.put("layout", layout);
        values.put("url", url);
        values.put("dir", url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1));
        values.put("name", outputPath.substring(outputPath.lastIndexOf('/') + 1));
        values.put("path", outputPath);
        // like a page read from a file, no tags or categories (nil in Jekyll, as on a paginator's pages)
        values.put("collection", null);
        values.put("content", "");
        values.put("excerpt", null);
        values.put("output", null);
        return pluginPage(config, configKey, url, outputPath, layout, values);
    }

    /**
     * A page a plugin makes from data, whose {@code page.*} is exactly {@code variables} (as a
     * Jekyll plugin's page class names its own Liquid attributes): no body, rendered through
     * {@code layout} alone. Diagnostics name the config file that set {@code configKey} as its
     * input, and a missing layout is reported at that key.
     */
    public Page pluginPage(SiteConfig config, String configKey, String url, String outputPath, String layout,
            Map<String, Object> variables) {
        SiteConfig.Origin setting = config.originOf(configKey);
        SourceFile origin = new SourceFile(config.siteRoot().resolve(setting.path()), configKey, setting.path(),
                SourceFile.Kind.PAGE, null);
        // a layout that is not there is reported at the setting that named it
        return new Page(origin, null, new PageDrop(variables, rendered),
                Map.of("layout", setting.position()), "", 1, url, outputPath, layout, false, false);
    }

    /** Every page, post and document, collections first (Jekyll renders them before pages). */
    public List<Page> pages() {
        return pages;
    }

    /** Static files to copy, sorted by output path. */
    public List<StaticFile> staticFiles() {
        return staticFiles;
    }

    /** The {@code site} variable for templates. Shared by every page; do not modify. */
    public Map<String, Object> site() {
        return site;
    }

    /**
     * The {@code site} variable as {@code page} sees it: Jekyll's {@code site.related_posts}
     * depends on the page being rendered. For a post or a document it is the ten newest posts
     * other than the page itself (none when the site has fewer than two posts); for a page it is
     * nil. A page listed after a page a plugin renders from its template reads that page's text
     * as its {@code content} in {@code site.pages} ({@link #withListed}). Everything else is
     * {@link #site()}.
     */
    public Map<String, Object> siteFor(Page page) {
        return new SiteView(site, relatedPosts(page), pagesReadAfterListed.get(page.drop()));
    }

    private List<Object> relatedPosts(Page page) {
        if (page.collection() == null) {
            return null;
        }
        Object posts = site.get("posts");
        if (!(posts instanceof List<?> newestFirst) || newestFirst.size() < 2) {
            return List.of();
        }
        return newestFirst.stream().filter(post -> post != page.drop()).limit(SiteDrop.RELATED_POSTS)
                .<Object>map(post -> post).toList();
    }

    /** The URL of the file at {@code relativePath} (relative to the source), for {@code {% link %}}. */
    public Optional<String> urlOfSource(String relativePath) {
        String key = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return Optional.ofNullable(urlsBySource.get(key));
    }

    /** The URL of a post by its file name without extension, for {@code {% post_url %}}. */
    public Optional<String> urlOfPost(String name) {
        return Optional.ofNullable(postUrlsByName.get(name));
    }

    /**
     * Jekyll's {@code Document#<=>}: by date where both documents have one of their own (from the
     * front matter, the defaults or the file name), else by path. A document without one is not
     * dated yet when Jekyll sorts (site.time, or a draft's file time, comes later), so among dated
     * ones it goes by its path, and the order is not transitive: the result is that of Ruby's sort
     * ({@link RubyMergeSort}) on the documents in the order Jekyll read them ({@link #sortInReadOrder}).
     */
    private static Comparator<Page> documentOrder(Predicate<Page> ownDate) {
        return (a, b) -> {
            int byDate = ownDate.test(a) && ownDate.test(b)
                    ? RubyTime.INSTANT_ORDER.compare(a.drop().get("date"), b.drop().get("date"))
                    : 0;
            return byDate != 0 ? byDate : a.source().relativePath().compareTo(b.source().relativePath());
        };
    }

    /**
     * Puts {@code docs} in the order Jekyll reads a collection's documents in: its folder's files
     * as Ruby's sorted glob lists them (a folder's files right after its name, among its
     * siblings). Posts and drafts are read folder by folder, a folder's own {@code _posts}, then
     * its {@code _drafts}, before those of its subfolders (taken by name, as {@link #readOrder}
     * does). Each document's names are worked out once, not per comparison.
     */
    private static void sortInReadOrder(List<Page> docs) {
        Map<Page, List<String>> keys = new IdentityHashMap<>();
        docs.forEach(doc -> keys.put(doc, readKey(doc)));
        docs.sort((a, b) -> {
            List<String> left = keys.get(a);
            List<String> right = keys.get(b);
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                int order = left.get(i).compareTo(right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        });
    }

    /**
     * A document's path as the names Jekyll's reading order compares: a post's {@code _posts} or
     * {@code _drafts} folder becomes an empty name, before any other, then 0 or 1.
     */
    private static List<String> readKey(Page page) {
        List<String> names = new ArrayList<>(List.of(page.source().relativePath().split("/")));
        if (page.collection().equals("posts")) {
            int posts = names.indexOf("_posts");
            int drafts = names.indexOf("_drafts");
            int magic = posts >= 0 && (drafts < 0 || posts < drafts) ? posts : drafts;
            if (magic >= 0) {
                names.set(magic, magic == posts ? "0" : "1");
                names.add(magic, "");
            }
        }
        return names;
    }

    /**
     * A collection's documents in Jekyll 4's order: the files named in the collection's
     * {@code order:} list first, in its order, then the others; or, with {@code sort_by: key}, by
     * that front matter key, documents without it last and ties (or values Ruby cannot compare,
     * a number with a text) in document order; otherwise document order. As Jekyll's "Sort
     * warning", a document without the key is reported when another has it. Each sort starts, as
     * Jekyll's, from the order the documents were read in. Posts take neither setting, as Jekyll's.
     */
    private static void sortDocuments(List<Page> docs, SiteConfig.Collection collection, Defaults defaults,
            boolean future, Diagnostics diagnostics) {
        sortInReadOrder(docs);
        // without future: true Jekyll's publisher asks each post and draft for its date as it reads
        // it, which dates an undated draft (by its file's time) before the sort; decided once per
        // document, as the sorts below ask it at every comparison
        Set<Page> dated = Collections.newSetFromMap(new IdentityHashMap<>());
        docs.stream().filter(doc -> !future && doc.collection().equals("posts")
                || doc.positions().containsKey("date")
                || defaults.valueFor(String.valueOf(doc.drop().get("relative_path")), doc.collection(), "date") != null
                || PostName.parse(doc.source().name()).isPresent()).forEach(dated::add);
        Comparator<Page> documentOrder = documentOrder(dated::contains);
        // Jekyll's post reader does not go through the collection reader that applies these settings
        Map<String, Object> settings = collection == null || collection.label().equals("posts")
                ? Map.of()
                : collection.values();
        if (settings.get("order") instanceof List<?> order) {
            RubyMergeSort.sort(docs, documentOrder);
            Map<String, Page> byPath = new LinkedHashMap<>();
            docs.forEach(doc -> byPath.put(String.valueOf(doc.drop().get("relative_path")), doc));
            List<Page> arranged = new ArrayList<>();
            for (Object entry : order) {
                Page named = byPath.remove("_" + collection.label() + "/" + entry);
                if (named != null) {
                    arranged.add(named);
                }
            }
            arranged.addAll(byPath.values());
            docs.clear();
            docs.addAll(arranged);
        } else if (settings.get("sort_by") instanceof String key) {
            if (docs.stream().anyMatch(doc -> doc.drop().get(key) != null)) {
                docs.stream().filter(doc -> doc.drop().get(key) == null).forEach(doc -> diagnostics.add(
                        Diagnostic.warning(doc.source().sitePath(), new Position(1, 1),
                                "sort_by key '" + key + "' is not defined; the document sorts after those that define it")));
            }
            RubyMergeSort.sort(docs, (a, b) -> {
                Object x = a.drop().get(key);
                Object y = b.drop().get(key);
                int order = x == null && y != null ? 1 : x != null && y == null ? -1 : rubyCompare(x, y);
                return order != 0 ? order : documentOrder.compare(a, b);
            });
        } else {
            RubyMergeSort.sort(docs, documentOrder);
        }
    }

    /** Ruby's {@code <=>} of two front matter values, 0 where it gives 0 or nil (no order). */
    private static int rubyCompare(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return RubyNumbers.compare(a, b);
        }
        if (x instanceof String a && y instanceof String b) {
            return Integer.signum(a.compareTo(b));
        }
        if (RubyTime.isTime(x) && RubyTime.isTime(y)) {
            return RubyTime.compareInstants(x, y);
        }
        return 0;
    }

    private static void linkNeighbours(List<Page> docs) {
        for (int i = 0; i < docs.size(); i++) {
            PageDrop drop = docs.get(i).drop();
            drop.set("previous", i > 0 ? docs.get(i - 1).drop() : null);
            drop.set("next", i + 1 < docs.size() ? docs.get(i + 1).drop() : null);
        }
    }

    /**
     * A static file with its drop. Jekyll gives the drop the front matter defaults of the file's
     * {@code relative_path} (which starts with {@code /} outside collections, and with the
     * collection's folder, not {@code collections_dir}, inside one), and decides {@code published}
     * from the defaults of its URL; the type a scope may name is the collection's label, so no
     * type but a collection's matches.
     */
    private static StaticFile staticFile(SiteConfig config, Defaults defaults, SourceFile file) {
        String relative = file.relativePath();
        if (file.collection() == null) {
            String path = "/" + relative;
            StaticFileDrop drop = new StaticFileDrop(file.name(), path, null, modifiedTime(file, config),
                    defaults.valuesFor(path, null));
            boolean published = !Boolean.FALSE.equals(defaults.valuesFor(path, null).get("published"));
            return new StaticFile(file, path, relative, published, drop);
        }
        String collectionDir = "_" + file.collection() + "/";
        int at = relative.indexOf(collectionDir);
        String inside = at >= 0 ? relative.substring(at + collectionDir.length()) : file.name();
        String path = collectionDir + inside;
        StaticFileDrop drop = new StaticFileDrop(file.name(), path, file.collection(), modifiedTime(file, config),
                defaults.valuesFor(path, file.collection()));
        SiteConfig.Collection collection = config.collections().get(file.collection());
        String template = Permalinks.documentTemplate(null, collection == null ? null : collection.permalink(),
                config.permalink(), file.collection());
        String url = Permalinks.staticFileUrl(template, file.collection(), inside, drop.basename(), drop.extname());
        boolean published = !Boolean.FALSE.equals(defaults.valuesFor(url, file.collection()).get("published"));
        return new StaticFile(file, url, Permalinks.outputPath(url, ""), published, drop);
    }

    private static boolean isThemeAsset(SiteConfig config, SourceFile file) {
        return config.theme().map(theme -> file.file().startsWith(theme.root())).orElse(false);
    }

    /**
     * The order Ruby's {@code Dir.glob("**&#47;*")} and {@code Find.find} list two paths in:
     * folder by folder, each folder's entries by name, a subfolder's files right after its own
     * name ({@code sub}, {@code sub/y.pdf}, {@code sub-a.pdf}).
     */
    private static int globOrder(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static ZonedDateTime modifiedTime(SourceFile file, SiteConfig config) {
        try {
            FileTime time = Files.getLastModifiedTime(file.file());
            return time.toInstant().atZone(config.timezone());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Pages and files whose output would land in {@code .git} or on a kept file ({@link SiteConfig#outputRefusal}): an error at the permalink. */
    private static void reportReservedOutputs(List<Page> pages, List<StaticFile> staticFiles,
            Map<String, List<StaticFile>> collectionFiles, SiteConfig config, Diagnostics diagnostics) {
        for (Page page : pages) {
            if (page.isWritten()) {
                config.outputRefusal(page.outputPath()).ifPresent(why -> diagnostics.add(Diagnostic.error(page.sitePath(),
                        page.positions().containsKey("permalink") ? page.positionOf("permalink") : new Position(1, 1),
                        "output \"" + page.outputPath() + "\" " + why).withHint("give the page another permalink")));
            }
        }
        List<StaticFile> copied = new ArrayList<>(staticFiles);
        collectionFiles.forEach((label, files) -> {
            SiteConfig.Collection collection = config.collections().get(label);
            if (collection != null && collection.output()) {
                copied.addAll(files);
            }
        });
        copied.removeIf(file -> !file.published());
        for (StaticFile file : copied) {
            if (file.outputPath().isEmpty()) {
                diagnostics.add(Diagnostic.error(file.source().sitePath(), Position.FILE,
                        "the collection's permalink leaves this file no path under the output folder")
                        .withHint("give the collection a permalink with :path or :name"));
                continue;
            }
            config.outputRefusal(file.outputPath()).ifPresent(why -> diagnostics.add(Diagnostic.error(
                    file.source().sitePath(), Position.FILE, "output \"" + file.outputPath() + "\" " + why)));
        }
    }

    /**
     * The order Jekyll's reader meets two source files in: a folder's subfolders are read before
     * its own files, so the file deeper under their common folder comes first. Sibling folders
     * are read in the order the file system lists them, which no rule gives; sheaf takes them by
     * name.
     */
    private static int readOrder(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        int i = 0;
        while (i < left.length - 1 && i < right.length - 1 && left[i].equals(right[i])) {
            i++;
        }
        boolean leftIsFile = i == left.length - 1;
        boolean rightIsFile = i == right.length - 1;
        if (leftIsFile != rightIsFile) {
            return leftIsFile ? 1 : -1;
        }
        return left[i].compareTo(right[i]);
    }

    /**
     * Two inputs that would be written to one output file: one error per output, on the first
     * input in path order, listing every input that claims it (as Eleventy does).
     */
    private static void reportUrlCollisions(List<Page> pages, List<StaticFile> staticFiles,
            Map<String, List<StaticFile>> collectionFiles, SiteConfig config, Diagnostics diagnostics) {
        Map<String, List<String>> claims = new TreeMap<>();
        Map<String, Page> firstPage = new HashMap<>();
        for (Page page : pages) {
            if (page.isWritten()) {
                claims.computeIfAbsent(page.outputPath(), k -> new ArrayList<>()).add(page.sitePath());
                firstPage.merge(page.outputPath(), page,
                        (a, b) -> a.sitePath().compareTo(b.sitePath()) <= 0 ? a : b);
            }
        }
        for (StaticFile file : staticFiles) {
            if (file.published()) {
                claims.computeIfAbsent(file.outputPath(), k -> new ArrayList<>()).add(file.source().sitePath());
            }
        }
        // a collection's files take their URL from its permalink, which no line of theirs holds
        Map<String, String> labelOfFile = new HashMap<>();
        collectionFiles.forEach((label, files) -> {
            SiteConfig.Collection collection = config.collections().get(label);
            if (collection != null && collection.output()) {
                files.stream().filter(StaticFile::published).forEach(file -> {
                    claims.computeIfAbsent(file.outputPath(), k -> new ArrayList<>()).add(file.source().sitePath());
                    labelOfFile.put(file.source().sitePath(), label);
                });
            }
        });
        claims.forEach((output, inputs) -> {
            if (inputs.size() < 2) {
                return;
            }
            List<String> sorted = inputs.stream().sorted().toList();
            Page page = firstPage.get(output);
            String path = sorted.get(0);
            Position position = page != null && page.sitePath().equals(path) && page.positions().containsKey("permalink")
                    ? page.positionOf("permalink") : labelOfFile.containsKey(path) ? Position.FILE : new Position(1, 1);
            String url = page != null ? page.url() : "/" + output;
            Set<String> labels = new HashSet<>();
            sorted.forEach(input -> labels.add(labelOfFile.get(input)));
            String hint = labels.size() == 1 && !labels.contains(null)
                    ? "the permalink of collection \"" + labels.iterator().next() + "\" gives these files one URL; "
                            + "keep :path in it"
                    : "give all but one a different permalink";
            diagnostics.add(Diagnostic.error(path, position,
                    "URL " + url + " is claimed by " + sorted.size() + " inputs: " + String.join(", ", sorted))
                    .withHint(hint));
        });
    }
}
