package org.sheaf.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.Permalinks;

/**
 * jekyll-paginate: the posts split into pages of {@code paginate} each. The first page is the
 * site's {@code index.html} (the deepest one at or above {@code paginate_path}'s folder); each
 * later page is a copy of it at {@code paginate_path} with {@code :num} replaced
 * ({@code /page2/}). Every one of them sees its own {@code paginator}: {@code page},
 * {@code per_page}, {@code posts}, {@code total_posts}, {@code total_pages},
 * {@code previous_page}, {@code previous_page_path}, {@code next_page}, {@code next_page_path}.
 * Posts with {@code hidden: true} are left out, as in the plugin.
 *
 * <p>Unlike the file generators, pagination adds pages that go through the render stage, so it
 * returns pages for the index and the paginator each page renders with.
 *
 * @param pages      the copies for pages 2 and later, to add to the index
 * @param paginators {@code paginator} by page, the template page included
 */
public record Pagination(List<Page> pages, Map<Page, Map<String, Object>> paginators) {
    /** No pagination: no pages, no paginators. */
    public static final Pagination NONE = new Pagination(List.of(), Map.of());

    public Pagination {
        pages = List.copyOf(pages);
        paginators = Collections.unmodifiableMap(paginators);
    }

    /** Pagination as {@code config} asks for it; {@link #NONE} when {@code paginate} is unset or no template page exists. */
    static Pagination of(SiteConfig config, ContentIndex index) {
        Object perPageValue = config.get("paginate");
        int perPage;
        try {
            perPage = perPageValue == null ? 0 : Integer.parseInt(perPageValue.toString().strip());
        } catch (NumberFormatException e) {
            perPage = 0;
        }
        String pathFormat = config.string("paginate_path", "/page:num");
        Optional<Page> found = template(index, pathFormat);
        if (perPage <= 0 || found.isEmpty() || !pathFormat.contains(":num")) {
            return NONE;
        }
        Page template = found.get();
        List<Object> posts = new ArrayList<>();
        if (index.site().get("posts") instanceof List<?> all) {
            all.stream().filter(post -> !(post instanceof Map<?, ?> map && SeoTag.truthy(map.get("hidden"))))
                    .forEach(posts::add);
        }
        int totalPages = (posts.size() + perPage - 1) / perPage;
        List<Page> pages = new ArrayList<>();
        Map<Page, Map<String, Object>> paginators = new IdentityHashMap<>();
        for (int number = 1; number <= totalPages; number++) {
            Page page = template;
            if (number > 1) {
                String dir = pathOf(pathFormat, number, template);
                String url = dir.endsWith("/") ? dir : dir + "/";
                page = ContentIndex.copyAt(template, url, Permalinks.pageOutputPath(url, ".html"));
                pages.add(page);
            }
            Map<String, Object> paginator = new LinkedHashMap<>();
            paginator.put("page", number);
            paginator.put("per_page", perPage);
            paginator.put("posts", List.copyOf(posts.subList((number - 1) * perPage, Math.min(number * perPage, posts.size()))));
            paginator.put("total_posts", posts.size());
            paginator.put("total_pages", totalPages);
            paginator.put("previous_page", number > 1 ? number - 1 : null);
            paginator.put("previous_page_path", number > 1 ? pathOf(pathFormat, number - 1, template) : null);
            paginator.put("next_page", number < totalPages ? number + 1 : null);
            paginator.put("next_page_path", number < totalPages ? pathOf(pathFormat, number + 1, template) : null);
            paginators.put(page, Collections.unmodifiableMap(paginator));
        }
        return new Pagination(pages, paginators);
    }

    /** The plugin's page path: the template's URL for page 1, else the format with the number, with a leading slash. */
    private static String pathOf(String format, int number, Page template) {
        if (number <= 1) {
            return template.url();
        }
        String path = format.replaceFirst(":num", Integer.toString(number));
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The {@code index.html} pages at or above {@code paginate_path}'s folder; the deepest wins. */
    private static Optional<Page> template(ContentIndex index, String pathFormat) {
        String path = pathFormat.replaceAll("^/+", "").replaceAll("/+$", "");
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        List<String> hierarchy = new ArrayList<>();
        for (String at = folder; ; at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "") {
            hierarchy.add(at);
            if (at.isEmpty()) {
                break;
            }
        }
        return index.pages().stream()
                .filter(page -> page.collection() == null && page.isWritten() && page.source().name().equals("index.html"))
                .filter(page -> hierarchy.contains(folderOf(page.source().relativePath())))
                .max(Comparator.comparingInt(page -> page.source().relativePath().length()));
    }

    private static String folderOf(String relativePath) {
        return relativePath.contains("/") ? relativePath.substring(0, relativePath.lastIndexOf('/')) : "";
    }
}
