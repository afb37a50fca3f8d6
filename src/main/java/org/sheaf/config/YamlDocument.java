package org.sheaf.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.sheaf.diag.Position;

/**
 * A parsed YAML document: plain Java values plus where each key and item is in its file.
 *
 * <p>{@code value} is built only from {@link java.util.LinkedHashMap} (mappings, in source
 * order, string keys), {@link java.util.ArrayList} (sequences), {@link String},
 * {@link Integer}/{@link Long}/{@link java.math.BigInteger}, {@link Double}, {@link Boolean},
 * {@link java.time.ZonedDateTime} (a YAML time), {@link org.sheaf.jekyll.RubyDate} (a YAML date without
 * a time) and {@code null}.
 *
 * @param value     the document's value; {@code null} for an empty document
 * @param positions for every mapping key and sequence item, keyed by its dotted path
 *                  ({@code "title"}, {@code "defaults.0.scope.path"}), the 1-based line and
 *                  column of the key or item in the file (already offset by the line where the
 *                  YAML text starts); the empty path {@code ""} is where the document's
 *                  value starts
 */
public record YamlDocument(Object value, Map<String, Position> positions) {

    public YamlDocument {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** Where the key or item at {@code dottedPath} is, or {@code fallback} when it is not known. */
    public Position positionOf(String dottedPath, Position fallback) {
        return positions.getOrDefault(dottedPath, fallback);
    }
}
