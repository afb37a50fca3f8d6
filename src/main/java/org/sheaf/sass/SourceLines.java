package org.sheaf.sass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stylesheets a source map names, with where each one's lines start, read the first time
 * the map places something in it: a map places many things in each stylesheet, and a scan from
 * the stylesheet's start for each would go over it again and again.
 */
final class SourceLines {
    private final List<String> contents;
    private final Map<Integer, int[]> lineStarts = new HashMap<>();

    /** @param contents the stylesheets' texts, by the index the map knows them by */
    SourceLines(List<String> contents) {
        this.contents = contents;
    }

    /** Where each line of the stylesheet {@code source} starts. */
    int[] lineStarts(int source) {
        return lineStarts.computeIfAbsent(source, s -> MediaBreaks.lineStarts(contents.get(s)));
    }

    /** The offset in its stylesheet of a place the map names, or -1 past that stylesheet's end. */
    int offset(StaticValues.Origin origin) {
        return MediaJoins.offset(contents.get(origin.source()), lineStarts(origin.source()), origin);
    }
}
