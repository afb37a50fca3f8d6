package org.sheaf.jekyll;

import java.util.List;
import java.util.Map;

/**
 * A page's template variables, which Ruby sees as a {@code Jekyll::Drops::DocumentDrop} rather than
 * a Hash when they are a post's or a collection document's (a page is a plain Hash in Jekyll 4.3;
 * {@link #is} tells them apart). A drop answers
 * differently from a Hash: a loop over it yields its keys alone, {@code size} is 0, {@code first}
 * is its first key with that key's value, {@code last} is nil, and {@code jsonify} lists its keys
 * in the drop's order, with the documents it points at cut short two levels down.
 */
public interface DocumentDrop extends Map<String, Object> {
    /**
     * The methods Jekyll's DocumentDrop answers, in the order Ruby lists them; the document's data
     * keys follow them in {@link #dropKeys}.
     */
    List<String> METHOD_KEYS = List.of("name", "id", "relative_path", "excerpt", "title", "categories",
            "collection", "next", "tags", "previous", "content", "output", "path", "url", "date");

    /** Whether this is a document's drop rather than a page's Hash. */
    boolean isDocument();

    /** Whether Ruby sees {@code value} as a document's drop. */
    static boolean is(Object value) {
        return value instanceof DocumentDrop drop && drop.isDocument();
    }

    /** The keys a loop over the drop yields: {@link #METHOD_KEYS}, then the data's other keys. */
    List<String> dropKeys();
}
