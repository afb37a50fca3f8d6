package org.sheaf.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.TemplateTag;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.RubyTimeParser;

/**
 * What makes a sheaf site's research citable, reusable and forkable: licences, citations and
 * published sources (README, "Citing, reuse and forking").
 *
 * <p>Three switches in {@code _config.yml}, each on by default for a site in the sheaf layout
 * and off for a Jekyll folder (so a Jekyll site builds as Jekyll builds it):
 * <ul>
 *   <li>{@code cite_files}: {@code cite.bib}, {@code cite.ris} and {@code cite.json} beside each
 *       cited page, and {@code CITATION.cff} at the site's root;</li>
 *   <li>{@code source_files}: each Markdown page's source, front matter included, beside its
 *       HTML ({@code /notes/x/index.md} for {@code /notes/x/}, {@code /about.md} for
 *       {@code /about.html});</li>
 *   <li>{@code relative_links}: links between {@code .md} files rewritten to their pages' URLs
 *       (done by the render stage; this class only says whether).</li>
 * </ul>
 * The functions and tags ({@link #tags()}) exist on every site. Thread-safe once built.
 */
public final class OpenResearch {
    /** The cite files written beside a cited page, by name. */
    public static final List<String> CITE_FILES = List.of("cite.bib", "cite.ris", "cite.json");

    private final SiteConfig config;
    private final boolean citeFiles;
    private final boolean sourceFiles;
    private final boolean relativeLinks;
    private final Optional<ForkLinks> fork;

    private OpenResearch(SiteConfig config) {
        this.config = config;
        boolean byDefault = config.kind() == SiteConfig.Kind.SHEAF;
        this.citeFiles = switchOf(config, "cite_files", byDefault);
        this.sourceFiles = switchOf(config, "source_files", byDefault);
        this.relativeLinks = switchOf(config, "relative_links", byDefault);
        this.fork = ForkLinks.of(config);
    }

    /**
     * The features {@code config} asks for. An unknown site {@code license:} or a
     * {@code repository:} that is not {@code OWNER/REPO} is a warning in {@code diagnostics}.
     */
    public static OpenResearch of(SiteConfig config, Diagnostics diagnostics) {
        Object license = config.get("license");
        if (SeoTag.truthy(license) && Licenses.parse(SeoTag.text(license)).isEmpty()) {
            SiteConfig.Origin at = config.originOf("license");
            diagnostics.add(unknownLicense(at.path(), at.position(), SeoTag.text(license)));
        }
        OpenResearch research = new OpenResearch(config);
        if (!config.string("repository", "").isBlank() && research.fork.isEmpty()) {
            diagnostics.add(config.originOf("repository").warning("repository \""
                    + config.string("repository", "") + "\" is not OWNER/REPO; no edit or fork links")
                    .withHint("for example: repository: p2pu/open-revenue-research"));
        }
        return research;
    }

    private static boolean switchOf(SiteConfig config, String key, boolean byDefault) {
        Object value = config.get(key);
        if (value instanceof Map<?, ?> map) {
            value = map.get("enabled");
        }
        return value == null ? byDefault : !Boolean.FALSE.equals(value);
    }

    private static Diagnostic unknownLicense(String path, Position position, String text) {
        return Diagnostic.warning(path, position, "license \"" + text + "\" is not a licence sheaf knows; "
                + "no licence is shown for it")
                .withHint("write an SPDX id or a Creative Commons short form: CC-BY-4.0, CC BY-SA 4.0, CC0-1.0, MIT");
    }

    /** Whether relative links between Markdown files are rewritten to page URLs. */
    public boolean relativeLinks() {
        return relativeLinks;
    }

    /**
     * The generate stage's part: warnings for pages whose {@code license:} is unknown, the cite
     * files of every cited page, {@code CITATION.cff}, and the published sources.
     */
    public List<GeneratedFile> generate(ContentIndex index, Diagnostics diagnostics) {
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, Object> site = index.site();
        // Pages read from the source only: a later paginated page is a copy with no source of its own.
        for (Page page : index.readPages()) {
            Object license = page.drop().get("license");
            if (page.isWritten() && SeoTag.truthy(license) && Licenses.parse(SeoTag.text(license)).isEmpty()) {
                diagnostics.add(unknownLicense(page.sitePath(), page.positionOf("license"), SeoTag.text(license)));
            }
            if (!page.isWritten() || page.url() == null) {
                continue;
            }
            if (citeFiles && Citations.citable(page.drop())) {
                Citation citation = Citations.of(page.drop(), site, config.url(), config.baseurl());
                files.add(besidePage(page, "cite.bib", () -> CitationRenderer.bibtex(citation)));
                files.add(besidePage(page, "cite.ris", () -> CitationRenderer.ris(citation)));
                files.add(besidePage(page, "cite.json", () -> CitationRenderer.cslJson(citation)));
            }
            if (sourceFiles && isSourcePublished(page)) {
                // read when the text is wanted, so that an edit to the page publishes its new source
                java.nio.file.Path file = page.source().file();
                files.add(new GeneratedFile(outputPath(sourceUrl(page.url())), page.sitePath(), () -> {
                    try {
                        return new String(config.files().read(file, page.sitePath()), StandardCharsets.UTF_8);
                    } catch (DiagnosticException e) {
                        throw new java.io.UncheckedIOException(new IOException(
                                "to publish the source, " + e.diagnostic().message(), e));
                    }
                }, GeneratedFile.Reads.bodyOf(page.sitePath())));
            }
        }
        boolean ownCff = index.staticFiles().stream().anyMatch(file -> file.outputPath().equals("CITATION.cff"));
        Citation siteCitation = siteCitation(site);
        // The format requires a title and at least one author; a site without them gets no file.
        if (citeFiles && !ownCff && !siteCitation.title().isBlank() && !siteCitation.authors().isEmpty()) {
            Citation citation = siteCitation;
            String version = SeoTag.truthy(site.get("version")) ? SeoTag.text(site.get("version")) : null;
            files.add(new GeneratedFile("CITATION.cff", "sheaf citations",
                    () -> CitationRenderer.cff(citation, version), GeneratedFile.Reads.NO_BODY));
        }
        return List.copyOf(files);
    }

    private GeneratedFile besidePage(Page page, String name, java.util.function.Supplier<String> text) {
        return new GeneratedFile(outputPath(besideUrl(page.url(), name)), page.sitePath(), text,
                GeneratedFile.Reads.NO_BODY);
    }

    /** A page whose source is Markdown (an HTML page's source is its own output). */
    private boolean isSourcePublished(Page page) {
        String relative = page.source().relativePath();
        String extension = relative.contains(".") ? relative.substring(relative.lastIndexOf('.') + 1) : "";
        return config.markdownExtensions().contains(extension.toLowerCase(java.util.Locale.ROOT));
    }

    /** The site as a citation: its title, authors, URL, licence, DOI and {@code date}. */
    Citation siteCitation(Map<?, ?> site) {
        Map<Object, Object> asPage = new LinkedHashMap<>();
        asPage.put("title", site.get("title"));
        asPage.put("url", "/");
        asPage.put("doi", site.get("doi"));
        Citation page = Citations.of(asPage, site, config.url(), config.baseurl());
        Object date = site.get("date");
        LocalDate released = date instanceof ZonedDateTime zoned ? zoned.toLocalDate()
                : date instanceof java.util.Date old ? old.toInstant().atZone(config.timezone()).toLocalDate()
                : date != null ? RubyTimeParser.parse(date.toString(), config.timezone(),
                        RubyTime.parsingNow(site.get("time"), config.timezone()))
                        .map(ZonedDateTime::toLocalDate).orElse(null)
                : null;
        return new Citation("", "site", page.title(), page.authors(), released, page.url(), page.publisher(),
                page.language(), page.doi(), page.license());
    }

    /** The URL of a file named {@code name} beside the page at {@code pageUrl}. */
    public static String besideUrl(String pageUrl, String name) {
        if (pageUrl.endsWith("/")) {
            return pageUrl + name;
        }
        String base = pageUrl.endsWith(".html") ? pageUrl.substring(0, pageUrl.length() - 5) : pageUrl;
        return base + "." + name;
    }

    /** The URL of the published source of the page at {@code pageUrl}. */
    public static String sourceUrl(String pageUrl) {
        if (pageUrl.endsWith("/")) {
            return pageUrl + "index.md";
        }
        String base = pageUrl.endsWith(".html") ? pageUrl.substring(0, pageUrl.length() - 5) : pageUrl;
        return base + ".md";
    }

    private static String outputPath(String url) {
        return url.startsWith("/") ? url.substring(1) : url;
    }

    /**
     * The functions templates call (and the Liquid tags of the same names), each given the
     * template's {@code page} and {@code site} and the call's markup:
     * <ul>
     *   <li>{@code citation_meta}: {@code <link rel="license">} when the page or site has a
     *       licence, and the {@code citation_*} meta tags when the page is cited;</li>
     *   <li>{@code cite_block}: the "Cite this" section (reference, BibTeX, downloads);</li>
     *   <li>{@code reuse_notice}: the licence and how to attribute the page;</li>
     *   <li>{@code source_links}: "View source", "Edit on GitHub" and "Fork";</li>
     *   <li>{@code license_link}: a link to the licence its argument names (for a figure or a
     *       dataset with its own licence), or the text as written when unknown.</li>
     * </ul>
     */
    public List<TemplateTag> tags() {
        return List.of(new TemplateTag("citation_meta", call -> citationMeta(call.page(), call.site())),
                new TemplateTag("cite_block", call -> citeBlock(call.page(), call.site())),
                new TemplateTag("reuse_notice", call -> reuseNotice(call.page(), call.site())),
                new TemplateTag("source_links", call -> sourceLinks(call.page())),
                new TemplateTag("license_link", call -> licenseLink(call.markup().strip())));
    }


    String citationMeta(Map<?, ?> page, Map<?, ?> site) {
        StringBuilder out = new StringBuilder();
        Citations.license(page, site).ifPresent(license ->
                out.append("<link rel=\"license\" href=\"").append(CitationRenderer.html(license.url())).append("\">\n"));
        if (Citations.citable(page) && page.get("url") != null) {
            out.append(CitationRenderer.highwire(Citations.of(page, site, config.url(), config.baseurl())));
        }
        return out.toString();
    }

    String citeBlock(Map<?, ?> page, Map<?, ?> site) {
        if (!Citations.citable(page) || page.get("url") == null) {
            return "";
        }
        Citation citation = Citations.of(page, site, config.url(), config.baseurl());
        StringBuilder out = new StringBuilder("<section class=\"cite\" id=\"cite-this\">\n<h2>Cite this</h2>\n");
        out.append("<p class=\"cite-reference\">").append(CitationRenderer.apa(citation)).append("</p>\n");
        out.append("<details class=\"cite-bibtex\">\n<summary>BibTeX</summary>\n<pre><code>")
                .append(CitationRenderer.html(CitationRenderer.bibtex(citation))).append("</code></pre>\n</details>\n");
        if (citeFiles) {
            String url = SeoTag.text(page.get("url"));
            out.append("<p class=\"cite-downloads\">Download the reference: ");
            List<String> links = new ArrayList<>();
            Map<String, String> labels = Map.of("cite.bib", "BibTeX", "cite.ris", "RIS", "cite.json", "CSL-JSON");
            for (String name : CITE_FILES) {
                links.add("<a href=\"" + CitationRenderer.html(relative(besideUrl(url, name))) + "\" download>"
                        + labels.get(name) + "</a>");
            }
            out.append(String.join(" · ", links)).append("</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    String reuseNotice(Map<?, ?> page, Map<?, ?> site) {
        Optional<License> license = Citations.license(page, site);
        if (license.isEmpty() || page.get("url") == null) {
            return "";
        }
        Citation citation = Citations.of(page, site, config.url(), config.baseurl());
        StringBuilder out = new StringBuilder("<aside class=\"reuse\" aria-label=\"Reuse\">\n<p>");
        out.append("This work is licensed under <a rel=\"license\" href=\"")
                .append(CitationRenderer.html(license.get().url())).append("\">")
                .append(CitationRenderer.html(license.get().name())).append("</a> (")
                .append(CitationRenderer.html(license.get().shortName())).append(").");
        out.append(" To reuse it, credit: ");
        out.append("“").append(CitationRenderer.html(CitationRenderer.oneLine(citation.title()))).append("”");
        if (!citation.authors().isEmpty()) {
            out.append(" by ").append(CitationRenderer.html(String.join(", ",
                    citation.authors().stream().map(Citation.Author::name).toList())));
        }
        if (citation.date() != null) {
            out.append(" (").append(citation.date().getYear()).append(')');
        }
        out.append(", <a href=\"").append(CitationRenderer.html(citation.url())).append("\">")
                .append(CitationRenderer.html(citation.url())).append("</a>, ")
                .append(CitationRenderer.html(license.get().shortName())).append(".</p>\n</aside>\n");
        return out.toString();
    }

    String sourceLinks(Map<?, ?> page) {
        Object url = page.get("url");
        Object path = page.get("path");
        if (url == null || path == null) {
            return "";
        }
        List<String> links = new ArrayList<>();
        String extension = path.toString().contains(".") ? path.toString().substring(path.toString().lastIndexOf('.') + 1) : "";
        if (sourceFiles && config.markdownExtensions().contains(extension.toLowerCase())) {
            links.add("<a href=\"" + CitationRenderer.html(relative(sourceUrl(url.toString()))) + "\" type=\"text/markdown\">View source</a>");
        }
        fork.ifPresent(links0 -> {
            links.add("<a href=\"" + CitationRenderer.html(links0.editUrl(path.toString())) + "\">Edit on GitHub</a>");
            links.add("<a href=\"" + CitationRenderer.html(links0.forkUrl()) + "\">Fork</a>");
        });
        if (links.isEmpty()) {
            return "";
        }
        return "<p class=\"source-links\">" + String.join(" · ", links) + "</p>\n";
    }

    String licenseLink(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return Licenses.parse(text).map(license -> "<a rel=\"license\" href=\"" + CitationRenderer.html(license.url())
                + "\">" + CitationRenderer.html(license.shortName()) + "</a>")
                .orElse(CitationRenderer.html(text));
    }

    private String relative(String url) {
        return JekyllFilters.relativeUrl(config.baseurl(), url);
    }
}
