package org.sheaf.content;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared {@code site} map with the keys that depend on the page being rendered replaced:
 * {@code related_posts}, and {@code pages} for a page Jekyll renders after a page a plugin renders
 * from its template. Reading a key costs what reading the shared map costs; the entries are
 * copied only when a template walks them all.
 */
final class SiteView extends AbstractMap<String, Object> {
    private static final String RELATED_POSTS = "related_posts";
    private static final String PAGES = "pages";

    private final Map<String, Object> site;
    private final Object relatedPosts;
    /** {@code site.pages} as the page reads it; null for the shared list. */
    private final List<Object> pages;

    SiteView(Map<String, Object> site, Object relatedPosts, List<Object> pages) {
        this.site = site;
        this.relatedPosts = relatedPosts;
        this.pages = pages;
    }

    @Override
    public Object get(Object key) {
        if (RELATED_POSTS.equals(key)) {
            return relatedPosts;
        }
        return pages != null && PAGES.equals(key) ? pages : site.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return RELATED_POSTS.equals(key) || site.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(site);
        all.put(RELATED_POSTS, relatedPosts);
        if (pages != null) {
            all.put(PAGES, pages);
        }
        return all.entrySet();
    }
}
