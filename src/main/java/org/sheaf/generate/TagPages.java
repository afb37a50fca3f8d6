package org.sheaf.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.Permalinks;
import org.sheaf.diag.Diagnostic;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.Slugs;

/**
 * Pages that list documents by a front matter value: one page per tag, an index of the tags, and
 * one page per note kind. Like pagination they go through the render stage, so this returns
 * {@link Page}s to add to the index; the write stage reports any URL they share with another
 * file as a collision.
 *
 * <p>Configured in {@code _config.yml}; nothing is made for a key that is absent:
 *
 * <pre>
 * tag_pages:
 *   layout: tag                  # the layout each tag page renders with (required)
 *   permalink: /tags/:tag/       # :tag is the tag's slug
 *   index: /tags/                # the index of every tag, in the same layout; false for none
 *   collections: [posts, notes]  # where tags are read; every written collection by default
 * kind_pages:
 *   layout: kind
 *   permalink: /kinds/:kind/
 *   key: kind                    # the front matter key that names a document's kind
 *   collections: [notes]
 * </pre>
 *
 * <p>A tag page's {@code page} has {@code title} and {@code tag} (the tag as written),
 * {@code slug} and {@code documents} (their page variables, newest first). The index has
 * {@code tag_list}: {@code name}, {@code slug}, {@code url}, {@code size}, {@code documents} per tag,
 * sorted by name. A kind page has {@code kind}, {@code slug} and {@code documents}. Every page
 * also has {@code generated_by} ({@code tag_pages} or {@code kind_pages}). The pages are in the
 * sitemap (as jekyll-archives' are) but not in {@code site.pages} nor in the search index.
 */
public final class TagPages {
    static final String TAG_PAGES = "tag_pages";
    static final String KIND_PAGES = "kind_pages";

    private TagPages() {
    }

    /**
     * The tag and kind pages {@code config} asks for. A setting without a {@code layout} is an
     * error in {@code problems}; the URLs of pages already in {@code index} are never taken (a
     * source page at the index's URL wins).
     */
    public static List<Page> of(SiteConfig config, ContentIndex index, List<Diagnostic> problems) {
        List<Page> pages = new ArrayList<>();
        if (config.get(TAG_PAGES) instanceof Map<?, ?> settings) {
            pages.addAll(tagPages(config, index, settings, problems));
        }
        if (config.get(KIND_PAGES) instanceof Map<?, ?> settings) {
            pages.addAll(kindPages(config, index, settings, problems));
        }
        return List.copyOf(pages);
    }

    private static List<Page> tagPages(SiteConfig config, ContentIndex index, Map<?, ?> settings,
            List<Diagnostic> problems) {
        String layout = layout(config, TAG_PAGES, settings, problems);
        if (layout == null) {
            return List.of();
        }
        String permalink = FeatureSettings.string(settings.get("permalink"), "/tags/:tag/");
        Map<String, List<Page>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Page document : documents(index, settings)) {
            // page.tags keeps a tag written twice (as Jekyll does), and tag pages ignore case,
            // so a document is filed once under each of its tags
            Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            tags.addAll(FeatureSettings.strings(document.drop().get("tags")));
            for (String tag : tags) {
                byTag.computeIfAbsent(tag, key -> new ArrayList<>()).add(document);
            }
        }
        List<Page> pages = new ArrayList<>();
        List<Map<String, Object>> tagList = new ArrayList<>();
        byTag.forEach((tag, documents) -> {
            String slug = Slugs.slugify(tag);
            String url = urlOf(permalink, ":tag", slug);
            List<Map<String, Object>> drops = newestFirst(documents);
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("title", "Tagged “" + tag + "”");
            variables.put("tag", tag);
            variables.put("slug", slug);
            variables.put("documents", drops);
            variables.put("generated_by", TAG_PAGES);
            pages.add(index.generatedPage(config, TAG_PAGES, url, outputPathOf(url), layout, variables));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tag);
            entry.put("slug", slug);
            entry.put("url", url);
            entry.put("size", drops.size());
            entry.put("documents", drops);
            tagList.add(java.util.Collections.unmodifiableMap(entry));
        });
        Object indexSetting = settings.containsKey("index") ? settings.get("index") : "/tags/";
        if (indexSetting != null && !Boolean.FALSE.equals(indexSetting)) {
            String url = indexSetting.toString();
            String outputPath = outputPathOf(url);
            boolean taken = index.pages().stream().anyMatch(page -> outputPath.equals(page.outputPath()));
            if (!taken) {
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("title", "Tags");
                variables.put("tag_list", List.copyOf(tagList));
                variables.put("generated_by", TAG_PAGES);
                pages.add(index.generatedPage(config, TAG_PAGES, url, outputPath, layout, variables));
            }
        }
        return pages;
    }

    private static List<Page> kindPages(SiteConfig config, ContentIndex index, Map<?, ?> settings,
            List<Diagnostic> problems) {
        String layout = layout(config, KIND_PAGES, settings, problems);
        if (layout == null) {
            return List.of();
        }
        String permalink = FeatureSettings.string(settings.get("permalink"), "/kinds/:kind/");
        String key = FeatureSettings.string(settings.get("key"), "kind");
        Map<String, List<Page>> byKind = new TreeMap<>();
        for (Page document : documents(index, settings)) {
            Object kind = document.drop().get(key);
            if (kind != null && !kind.toString().isBlank()) {
                byKind.computeIfAbsent(kind.toString(), k -> new ArrayList<>()).add(document);
            }
        }
        List<Page> pages = new ArrayList<>();
        byKind.forEach((kind, documents) -> {
            String slug = Slugs.slugify(kind);
            String url = urlOf(permalink, ":kind", slug);
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("title", kind);
            variables.put("kind", kind);
            variables.put("slug", slug);
            variables.put("documents", newestFirst(documents));
            variables.put("generated_by", KIND_PAGES);
            pages.add(index.generatedPage(config, KIND_PAGES, url, outputPathOf(url), layout, variables));
        });
        return pages;
    }

    /** The written documents of the collections {@code settings} names (every collection when it names none). */
    private static List<Page> documents(ContentIndex index, Map<?, ?> settings) {
        List<String> wanted = FeatureSettings.strings(settings.get("collections"));
        Set<String> labels = Set.copyOf(wanted);
        return index.readPages().stream()
                .filter(page -> page.collection() != null && page.isWritten())
                .filter(page -> labels.isEmpty() || labels.contains(page.collection()))
                .toList();
    }

    private static List<Map<String, Object>> newestFirst(List<Page> documents) {
        return documents.stream()
                .sorted(Comparator.comparing((Page page) -> page.drop().get("date"), RubyTime.INSTANT_ORDER).reversed()
                        .thenComparing(Page::url))
                .<Map<String, Object>>map(Page::drop)
                .toList();
    }

    private static String layout(SiteConfig config, String key, Map<?, ?> settings, List<Diagnostic> problems) {
        Object layout = settings.get("layout");
        if (layout == null || layout.toString().isBlank()) {
            problems.add(config.errorAt(key, key + " needs a layout (" + key + ": {layout: NAME})"));
            return null;
        }
        return layout.toString();
    }

    private static String urlOf(String permalink, String placeholder, String slug) {
        String url = permalink.replace(placeholder, slug);
        return url.startsWith("/") ? url : "/" + url;
    }

    private static String outputPathOf(String url) {
        return Permalinks.pageOutputPath(url, ".html");
    }
}
