package org.sheaf.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sheaf.diag.Position;

/**
 * A source file split into its front matter and its body.
 *
 * @param data      the front matter's keys and values, in source order (see
 *                  {@link org.sheaf.config.YamlDocument} for the value types); empty when the file
 *                  has none
 * @param positions where each key and item of {@code data} is in the file, by dotted path
 * @param body      the text after the closing {@code ---} line, line endings as in the file
 * @param bodyLine  the 1-based line of the file where {@code body} starts
 */
public record FrontMatter(Map<String, Object> data, Map<String, Position> positions, String body, int bodyLine) {

    public FrontMatter {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /** Where the key or item at {@code dottedPath} is, or {@code fallback} when it is not known. */
    public Position positionOf(String dottedPath, Position fallback) {
        return positions.getOrDefault(dottedPath, fallback);
    }
}
