package org.sheaf.incremental;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of the {@code site} variable (or of {@code site.data}) that notes each key a
 * template reads, so an incremental build learns what a page depends on by watching it render
 * rather than by guessing from its text. Reading {@code site.data} hands out a view of the data
 * that notes {@code data:NAME} per data file read. Walking every entry (a {@code for} over the
 * map, {@code jsonify}) notes {@code site:*} or {@code data:*}: everything.
 *
 * <p>Notes go to a set the caller owns; it must accept concurrent adds when the caller shares it.
 */
final class RecordingSite extends AbstractMap<String, Object> {
    private final Map<String, Object> delegate;
    private final String prefix;
    private final Set<String> reads;

    private RecordingSite(Map<String, Object> delegate, String prefix, Set<String> reads) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.reads = reads;
    }

    /** A view of {@code site} noting {@code site:KEY} for each key read. */
    static Map<String, Object> of(Map<String, Object> site, Set<String> reads) {
        return new RecordingSite(site, "site:", reads);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object get(Object key) {
        Object value = delegate.get(key);
        if (prefix.equals("site:") && "data".equals(key) && value instanceof Map<?, ?> data) {
            // the data view notes which data files are read; reading site.data alone depends on none
            return new RecordingSite((Map<String, Object>) data, "data:", reads);
        }
        reads.add(prefix + key);
        return value;
    }

    @Override
    public boolean containsKey(Object key) {
        reads.add(prefix + key);
        return delegate.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        reads.add(prefix + "*");
        return delegate.entrySet();
    }
}
