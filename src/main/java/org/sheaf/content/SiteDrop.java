package org.sheaf.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.jekyll.DefaultedHash;

/**
 * Assembles the {@code site} template variable under Jekyll's names: every config key, then
 * {@code time}, {@code pages}, {@code html_pages}, {@code posts} (newest first),
 * {@code related_posts}, {@code collections}, {@code documents}, {@code static_files},
 * {@code html_files}, {@code data}, {@code tags} and {@code categories}, then the documents of
 * each other collection under its label, which wins over any of those names. Computed once per
 * build and shared read-only by every page, so no template pays for it twice.
 */
final class SiteDrop {
    static final int RELATED_POSTS = 10;
    /** Jekyll's HTML output extensions, in a path or URL. */
    private static final Pattern HTML = Pattern.compile("(?s).*\\.(html|htm|xhtml)");

    private SiteDrop() {
    }

    static Map<String, Object> assemble(SiteConfig config, Object siteTime, List<Page> pages,
            Map<String, List<Page>> documents, List<ContentIndex.StaticFile> staticFiles,
            Map<String, List<ContentIndex.StaticFile>> collectionFiles, Map<String, Object> data) {
        // url and baseurl stay as written (nil when unset), as in Jekyll: {{ site.baseurl }}x
        // under baseurl '/blog/' is /blog/x, and {% if site.url %} is false without a url.
        Map<String, Object> site = new LinkedHashMap<>(config.values());
        site.put("time", siteTime);

        List<Map<String, Object>> pageDrops = drops(pages);
        site.put("pages", pageDrops);
        // Jekyll's page.html? (output extension .html, .htm or .xhtml) or a URL ending in "/"
        site.put("html_pages", pages.stream()
                .filter(page -> page.url().endsWith("/") || page.outputPath() != null
                        && HTML.matcher(page.outputPath()).matches())
                .<Map<String, Object>>map(Page::drop).toList());

        List<Map<String, Object>> allDocuments = new ArrayList<>();
        List<Map<String, Object>> collectionDrops = new ArrayList<>();
        Map<String, List<Map<String, Object>>> docsByLabel = new LinkedHashMap<>();
        for (SiteConfig.Collection collection : config.collections().values()) {
            List<Map<String, Object>> docs = drops(documents.getOrDefault(collection.label(), List.of()));
            allDocuments.addAll(docs);
            List<Map<String, Object>> files = collectionFiles.getOrDefault(collection.label(), List.of())
                    .stream().<Map<String, Object>>map(ContentIndex.StaticFile::drop).toList();
            // Jekyll's site.documents holds each collection's documents, then its static files
            allDocuments.addAll(files);
            Map<String, Object> drop = new LinkedHashMap<>(collection.values());
            drop.put("label", collection.label());
            drop.put("docs", docs);
            drop.put("files", files);
            drop.put("output", collection.output());
            // Jekyll gives posts without a permalink of their own the template of the site's style
            drop.put("permalink", collection.permalink() == null && collection.label().equals("posts")
                    ? Permalinks.styleTemplate(config.permalink()) : collection.permalink());
            drop.put("relative_directory", "_" + collection.label());
            drop.put("directory", config.collectionsDir().resolve("_" + collection.label()).toString());
            collectionDrops.add(Collections.unmodifiableMap(drop));
            if (collection.label().equals("posts")) {
                List<Map<String, Object>> newestFirst = new ArrayList<>(docs);
                Collections.reverse(newestFirst);
                site.put("posts", List.copyOf(newestFirst));
                site.put("related_posts", List.copyOf(newestFirst.subList(0, Math.min(RELATED_POSTS, newestFirst.size()))));
            } else {
                docsByLabel.put(collection.label(), docs);
            }
        }
        // Jekyll's site drop lists the collections by label, whatever order the config gives them
        collectionDrops.sort(Comparator.comparing(drop -> String.valueOf(drop.get("label"))));
        site.put("collections", List.copyOf(collectionDrops));
        site.put("documents", List.copyOf(allDocuments));
        site.put("static_files", staticFiles.stream().map(ContentIndex.StaticFile::drop).toList());
        site.put("html_files", staticFiles.stream().filter(file -> ".html".equals(file.drop().get("extname")))
                .map(ContentIndex.StaticFile::drop).toList());
        site.put("data", data);
        List<Page> posts = documents.getOrDefault("posts", List.of());
        site.put("tags", grouped(posts, "tags"));
        site.put("categories", grouped(posts, "categories"));
        // Jekyll's site drop looks a name up among the collections (but posts) before anything
        // else, so a collection called tags or pages is what site.tags or site.pages gives
        site.putAll(docsByLabel);
        return Collections.unmodifiableMap(site);
    }

    /**
     * {@code site} with {@code entries} appended to {@code pages}, and to {@code html_pages}
     * those whose URL names an HTML page (a folder, or a {@code .html} file), as Jekyll's
     * {@code html?} decides for a generated page. Where a collection is called {@code pages},
     * {@code site.pages} is that collection's documents (Jekyll's site drop looks a name up among
     * the collections first), and the entries go to {@code html_pages} only.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withListed(Map<String, Object> site, List<Map<String, Object>> entries) {
        if (entries.isEmpty()) {
            return site;
        }
        List<Map<String, Object>> pages = new ArrayList<>((List<Map<String, Object>>) site.get("pages"));
        List<Map<String, Object>> htmlPages = new ArrayList<>((List<Map<String, Object>>) site.get("html_pages"));
        boolean pagesCollection = ((List<Map<String, Object>>) site.get("collections")).stream()
                .anyMatch(collection -> "pages".equals(collection.get("label")));
        if (!pagesCollection) {
            pages.addAll(entries);
        }
        for (Map<String, Object> entry : entries) {
            String url = String.valueOf(entry.get("url"));
            if (url.endsWith("/") || HTML.matcher(url).matches()) {
                htmlPages.add(entry);
            }
        }
        Map<String, Object> listed = new LinkedHashMap<>(site);
        listed.put("pages", Collections.unmodifiableList(pages));
        listed.put("html_pages", Collections.unmodifiableList(htmlPages));
        return Collections.unmodifiableMap(listed);
    }

    private static List<Map<String, Object>> drops(List<Page> pages) {
        return pages.stream().<Map<String, Object>>map(Page::drop).toList();
    }

    /**
     * Jekyll's post_attr_hash: each tag (or category), in order of first use, to its posts, newest
     * first. A tag is its own key, as in Ruby's hash: the number {@code 7} and the text {@code "7"}
     * are two tags, and {@code site.tags[7]} finds the number's posts.
     */
    static Map<Object, Object> grouped(List<Page> postsOldestFirst, String key) {
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Page post : postsOldestFirst) {
            Object values = post.drop().get(key);
            if (values instanceof List<?> list) {
                for (Object value : list) {
                    groups.computeIfAbsent(value, k -> new ArrayList<>()).add(0, post.drop());
                }
            }
        }
        Map<Object, Object> result = new LinkedHashMap<>();
        groups.forEach((name, list) -> result.put(name, List.copyOf(list)));
        // Jekyll's hash answers [] for a name no post has where a filter indexes it
        return new DefaultedHash<>(result, List.of());
    }
}
