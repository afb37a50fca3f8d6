package org.sheaf.content;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shared {@code site} map with the one key that depends on the page being rendered,
 * {@code related_posts}, replaced. Reading a key costs what reading the shared map costs; the
 * entries are copied only when a template walks them all.
 */
final class SiteView extends AbstractMap<String, Object> {
    private static final String RELATED_POSTS = "related_posts";

    private final Map<String, Object> site;
    private final Object relatedPosts;

    SiteView(Map<String, Object> site, Object relatedPosts) {
        this.site = site;
        this.relatedPosts = relatedPosts;
    }

    @Override
    public Object get(Object key) {
        return RELATED_POSTS.equals(key) ? relatedPosts : site.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return RELATED_POSTS.equals(key) || site.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(site);
        all.put(RELATED_POSTS, relatedPosts);
        return all.entrySet();
    }
}
