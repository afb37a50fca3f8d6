package org.sheaf.content;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A page's template variables ({@code page.*}, and each item of {@code site.posts}), as a map
 * both template engines read directly.
 *
 * <p>Pages point at each other ({@code previous}, {@code next}), so a drop compares by identity
 * and prints its neighbours by URL: equality, hashing and printing never walk the cycle. Jekyll's
 * drops play the same part.
 */
public final class PageDrop extends AbstractMap<String, Object> {
    private final Map<String, Object> values;

    PageDrop(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        return values.put(key, value);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(key).append('=').append(value instanceof PageDrop drop ? drop.get("url") : value);
        });
        return out.append('}').toString();
    }
}
