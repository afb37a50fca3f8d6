package org.sheaf.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceText;

/**
 * jekyll-readme-index: a README in a folder that has no index page becomes that folder's index.
 *
 * <p>The plugin's rules, in its order: a static README ({@code README} with one of the site's
 * Markdown extensions, any case) becomes a page whose permalink is its folder, when no page or
 * static file has the folder's URL or the URL of an {@code index.html}, {@code .htm},
 * {@code .xhtml} or {@code .xml} in it; READMEs are taken in path order, so the first one of a
 * folder wins. With {@code readme_index: remove_originals: true} the README's static copy is not
 * written; with {@code with_frontmatter: true} a README page (one with front matter, or one just
 * made) whose folder has no index gets its folder as permalink too.
 */
final class ReadmeIndex {
    private static final Pattern INDEX = Pattern.compile("(?:|index\\.(?:html?|xhtml|xml))", Pattern.CASE_INSENSITIVE);

    private ReadmeIndex() {
    }

    /** {@code sources} with the READMEs made index pages (appended, as a generator adds them). */
    static List<ContentIndex.Parsed> apply(SiteConfig config, List<ContentIndex.Parsed> sources, Map<String, Object> data,
            Object siteTime, Set<String> markdownExtensions) {
        Map<?, ?> options = config.get("readme_index") instanceof Map<?, ?> map ? map : Map.of();
        boolean removeOriginals = Boolean.TRUE.equals(options.get("remove_originals"));
        boolean withFrontMatter = Boolean.TRUE.equals(options.get("with_frontmatter"));
        Pattern readme = Pattern.compile("/readme(?:" + markdownExtensions.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")$", Pattern.CASE_INSENSITIVE);

        // The URLs the plugin checks folders against: every page's and every static file's
        List<ContentIndex.Parsed> pagesAndFiles = sources.stream()
                .filter(source -> source.file().kind() == SourceFile.Kind.PAGE
                        || source.file().kind() == SourceFile.Kind.STATIC && source.file().collection() == null)
                .toList();
        ContentIndex urls = ContentIndex.build(config, pagesAndFiles, data, siteTime, new Diagnostics());
        Map<String, String> pageUrls = new LinkedHashMap<>();
        for (Page page : urls.pages()) {
            pageUrls.putIfAbsent(page.source().relativePath(), page.url());
        }
        List<String> taken = new ArrayList<>(pageUrls.values());
        urls.staticFiles().forEach(file -> taken.add(file.url()));

        List<ContentIndex.Parsed> result = new ArrayList<>(sources);
        List<ContentIndex.Parsed> statics = new ArrayList<>(pagesAndFiles.stream()
                .filter(source -> source.file().kind() == SourceFile.Kind.STATIC).toList());
        statics.sort(java.util.Comparator.comparing(source -> source.file().relativePath()));
        Map<String, String> madePages = new LinkedHashMap<>();
        for (ContentIndex.Parsed source : statics) {
            SourceFile file = source.file();
            String url = "/" + file.relativePath();
            if (!readme.matcher(url).find() || hasIndex(taken, dirname(url))) {
                continue;
            }
            String permalink = dirname(url) + "/";
            SourceFile page = new SourceFile(file.file(), file.relativePath(), file.sitePath(), SourceFile.Kind.PAGE, null);
            String text;
            try {
                text = SourceText.decode(config.files().read(file.file(), file.sitePath()), file.sitePath());
            } catch (DiagnosticException e) {
                continue; // unreadable: it stays a static file, whose copy reports the problem
            }
            Map<String, Object> frontMatter = new LinkedHashMap<>();
            frontMatter.put("permalink", permalink);
            result.add(new ContentIndex.Parsed(page, new FrontMatter(frontMatter, Map.of(), text, 1), true));
            String pageUrl = permalink.replaceAll("/{2,}", "/");
            taken.add(pageUrl);
            madePages.put(file.relativePath(), pageUrl);
            if (removeOriginals) {
                result.remove(source);
            }
        }
        if (!withFrontMatter) {
            return result;
        }
        // The plugin then moves every README page, those it just made included, whose folder has no index
        for (int i = 0; i < result.size(); i++) {
            ContentIndex.Parsed source = result.get(i);
            SourceFile file = source.file();
            if (file.kind() != SourceFile.Kind.PAGE || !readme.matcher("/" + file.relativePath()).find()) {
                continue;
            }
            String url = source.appended() ? madePages.get(file.relativePath()) : pageUrls.get(file.relativePath());
            if (url == null || hasIndex(taken, dirname(url))) {
                continue;
            }
            String permalink = dirname(url) + "/";
            FrontMatter frontMatter = source.frontMatter();
            Map<String, Object> own = new LinkedHashMap<>(frontMatter.data());
            own.put("permalink", permalink);
            result.set(i, new ContentIndex.Parsed(file,
                    new FrontMatter(own, frontMatter.positions(), frontMatter.body(), frontMatter.bodyLine()),
                    source.appended()));
            taken.remove(url);
            taken.add(permalink.replaceAll("/{2,}", "/"));
        }
        return result;
    }

    /** Whether a page or file has the folder's URL, or that of an index file in it. */
    private static boolean hasIndex(List<String> taken, String folder) {
        String prefix = (folder.endsWith("/") ? folder : folder + "/").toLowerCase(Locale.ROOT);
        return taken.stream().anyMatch(url -> url.toLowerCase(Locale.ROOT).startsWith(prefix)
                && INDEX.matcher(url.substring(prefix.length())).matches());
    }

    /** Ruby's File.dirname of a URL: the part before its last name, trailing slashes ignored; "/" at the top. */
    static String dirname(String url) {
        String path = url;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
