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
public final class DefaultedHash<V> extends AbstractMap<Object, V> {
    private final Map<Object, V> entries;
    private final V fallback;

    public DefaultedHash(Map<?, V> entries, V fallback) {
        Map<Object, V> keyed = new LinkedHashMap<>();
        entries.forEach((key, value) -> keyed.put(rubyKey(key), value));
        this.entries = Collections.unmodifiableMap(keyed);
        this.fallback = fallback;
    }

    /** Ruby's {@code hash[key]}: the value for {@code key}, or the default when it has none. */
    public V indexed(Object key) {
        return entries.getOrDefault(rubyKey(key), fallback);
    }

    @Override
    public V get(Object key) {
        return entries.get(rubyKey(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(rubyKey(key));
    }

    @Override
    public Set<Entry<Object, V>> entrySet() {
        return entries.entrySet();
    }

    /**
     * {@code key} as Ruby's hash tells keys apart: one integer is one key whatever Java type
     * holds it (YAML's {@code 7} and Liquid's literal {@code 7}), but {@code 7.0} is another.
     */
    private static Object rubyKey(Object key) {
        return key instanceof Integer || key instanceof Short || key instanceof Byte ? ((Number) key).longValue() : key;
    }
}
