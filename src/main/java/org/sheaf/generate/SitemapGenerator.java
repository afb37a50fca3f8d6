package org.sheaf.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/**
 * jekyll-sitemap: {@code sitemap.xml} listing every written document of every collection, every
 * HTML page and every static {@code .html}, {@code .htm}, {@code .xhtml} and {@code .pdf} file,
 * each by absolute URL, leaving out {@code sitemap: false} (a static file's from its front matter
 * defaults) and {@code 404.html}; and
 * {@code robots.txt} pointing at it. Pages that redirect away ({@code redirect_to}) are left out. A document's {@code <lastmod>} is its
 * {@code last_modified_at} or date, a page's its {@code last_modified_at}, a static file's its
 * modification time.
 *
 * <p>When anything in the site already has the URL {@code /sitemap.xml} (or
 * {@code /robots.txt}), that file wins and the plugin's is not generated.
 */
final class SitemapGenerator implements Generator {
    static final String ORIGIN = "jekyll-sitemap";
    private static final Set<String> STATIC_EXTENSIONS = Set.of(".htm", ".html", ".xhtml", ".pdf");

    @Override
    public List<GeneratedFile> generate(Input input) {
        List<GeneratedFile> files = new ArrayList<>();
        // In site.pages both show no content: the plugin's is the Liquid source of its own
        // template, which sheaf does not have (it writes the files directly).
        if (!urlTaken(input.index(), "/sitemap.xml")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("layout", null);
            data.put("static_files", listedStaticFiles(input.index()));
            data.put("xsl", urlTaken(input.index(), "/sitemap.xsl"));
            files.add(new GeneratedFile("sitemap.xml", ORIGIN, () -> sitemap(input), GeneratedFile.Reads.NO_BODY)
                    .listedAsRenderedBy(ORIGIN, GeneratedFile.Listing.variables(data, "", "sitemap.xml", "/sitemap.xml")));
        }
        if (!urlTaken(input.index(), "/robots.txt")) {
            SiteConfig config = input.config();
            String robots = "Sitemap: " + JekyllFilters.absoluteUrl(config.url(), config.baseurl(), "sitemap.xml") + "\n";
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("layout", null);
            files.add(new GeneratedFile("robots.txt", ORIGIN, () -> robots, GeneratedFile.Reads.NO_BODY)
                    .listedAsRenderedBy(ORIGIN, GeneratedFile.Listing.variables(data, "", "robots.txt", "/robots.txt")));
        }
        return List.copyOf(files);
    }

    /** The plugin's {@code static_files} variable: {@code site.static_files} with the extensions it lists. */
    private static List<Object> listedStaticFiles(ContentIndex index) {
        return index.site().get("static_files") instanceof List<?> all
                ? all.stream().filter(file -> file instanceof Map<?, ?> drop
                        && STATIC_EXTENSIONS.contains(String.valueOf(drop.get("extname")))).<Object>map(file -> file).toList()
                : List.of();
    }

    private static boolean urlTaken(ContentIndex index, String url) {
        return index.pages().stream().anyMatch(page -> page.isWritten() && page.url().equals(url))
                || index.staticFiles().stream().anyMatch(file -> file.url().equals(url));
    }

    private static String sitemap(Input input) {
        SiteConfig config = input.config();
        ContentIndex index = input.index();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (index.urlOfSource("sitemap.xsl").isPresent()) {
            out.append("<?xml-stylesheet type=\"text/xsl\" href=\"")
                    .append(Html.xmlEscape(absolute(config, "/sitemap.xsl"))).append("\"?>\n");
        }
        out.append("<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append("http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" ")
                .append("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");

        Map<String, List<Page>> documents = new LinkedHashMap<>();
        List<Page> pages = new ArrayList<>();
        for (Page page : index.pages()) {
            // a document of a collection with output is listed even when it is not written (one
            // dated after site.time), as the plugin lists every document of such a collection
            if ((page.collection() == null && !page.isWritten()) || Boolean.FALSE.equals(page.drop().get("sitemap"))
                    || RedirectGenerator.redirectsAway(page.drop())) {
                continue;
            }
            if (page.collection() != null) {
                documents.computeIfAbsent(page.collection(), k -> new ArrayList<>()).add(page);
            } else if (isHtml(page) && !page.url().equals("/404.html")) {
                pages.add(page);
            }
        }
        for (String label : collectionOrder(config)) {
            for (Page doc : documents.getOrDefault(label, List.of())) {
                Object modified = doc.drop().get("last_modified_at");
                url(out, config, doc.url(), SeoTag.truthy(modified) ? modified : doc.drop().get("date"));
            }
        }
        // Jekyll sorts the pages it read by file name (pages with one name keep the order they were
        // read in); generators (jekyll-paginate) append theirs after.
        Set<Page> read = Collections.newSetFromMap(new IdentityHashMap<>());
        read.addAll(index.readPages());
        pages.sort(Comparator.comparing((Page page) -> !read.contains(page))
                .thenComparing(page -> read.contains(page) ? page.source().name() : ""));
        for (Page page : pages) {
            url(out, config, page.url(), page.drop().get("last_modified_at"));
        }
        // the plugin's template lists site.static_files as they are, collections' unwritten files
        // and all, by their path; a file's defaults may leave it out
        for (Object listed : listedStaticFiles(index)) {
            Map<?, ?> file = (Map<?, ?>) listed;
            if (!Boolean.FALSE.equals(file.get("sitemap")) && !"404.html".equals(file.get("name"))) {
                String path = String.valueOf(file.get("path"));
                url(out, config, path.startsWith("/") ? path : "/" + path, file.get("modified_time"));
            }
        }
        return out.append("</urlset>\n").toString();
    }

    /**
     * Jekyll's {@code html_pages}: a folder URL, or output written as {@code .html} (or similar),
     * whatever the URL says ({@code permalink: /about} on {@code about.html} is written to
     * {@code about.html} and listed).
     */
    private static boolean isHtml(Page page) {
        String path = page.outputPath();
        return page.url().endsWith("/") || path.endsWith(".html") || path.endsWith(".htm") || path.endsWith(".xhtml");
    }

    /**
     * The collections as jekyll-sitemap walks them: {@code site.collections}, which Jekyll's site
     * drop sorts by label, without those that are not written.
     */
    private static List<String> collectionOrder(SiteConfig config) {
        return config.collections().values().stream().filter(SiteConfig.Collection::output)
                .map(SiteConfig.Collection::label).sorted().toList();
    }

    private static void url(StringBuilder out, SiteConfig config, String url, Object lastmod) {
        out.append("<url>\n<loc>").append(Html.xmlEscape(absolute(config, url.replace("/index.html", "/"))))
                .append("</loc>\n");
        Optional<String> date = JekyllFilters.dateToXmlschema(lastmod, config.timezone());
        if (date.isPresent()) {
            out.append("<lastmod>").append(date.get()).append("</lastmod>\n");
        } else if (SeoTag.truthy(lastmod)) {
            out.append("<lastmod>").append(Html.xmlEscape(lastmod.toString())).append("</lastmod>\n");
        }
        out.append("</url>\n");
    }

    private static String absolute(SiteConfig config, String path) {
        return JekyllFilters.absoluteUrl(config.url(), config.baseurl(), path);
    }
}
