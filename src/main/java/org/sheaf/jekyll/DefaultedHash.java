package org.sheaf.jekyll;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Ruby hash made with a default value, as Jekyll makes {@code site.tags} and
 * {@code site.categories} ({@code Hash.new { [] }}): a Liquid lookup of a name it lacks still
 * gives nil (Liquid asks {@code key?} first), but a filter that indexes it, such as {@code map},
 * gets the default.
 *
 * @param <V> the type of its values
 */
public final class DefaultedHash<V> extends AbstractMap<String, V> {
    private final Map<String, V> entries;
    private final V fallback;

    public DefaultedHash(Map<String, V> entries, V fallback) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.fallback = fallback;
    }

    /** Ruby's {@code hash[key]}: the value for {@code key}, or the default when it has none. */
    public V indexed(Object key) {
        V value = entries.get(key);
        return value != null || entries.containsKey(key) ? value : fallback;
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return entries.entrySet();
    }
}
