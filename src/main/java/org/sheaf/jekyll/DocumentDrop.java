package org.sheaf.jekyll;

import java.util.List;

/**
 * A page's template variables, which Ruby sees as a {@code Jekyll::Drops::DocumentDrop} rather than
 * a Hash when they are a post's or a collection document's (a page is a plain Hash in Jekyll 4.3;
 * {@link #is} tells them apart). It answers as every {@link RubyDrop} does, and {@code jsonify}
 * cuts the documents it points at short two levels down.
 */
public interface DocumentDrop extends RubyDrop {
    /**
     * The methods Jekyll's DocumentDrop answers, in the order Ruby lists them; the document's data
     * keys follow them in {@link #dropKeys}.
     */
    List<String> METHOD_KEYS = List.of("name", "id", "relative_path", "excerpt", "title", "categories",
            "collection", "next", "tags", "previous", "content", "output", "path", "url", "date");

    /** Whether this is a document's drop rather than a page's Hash. */
    boolean isDocument();

    @Override
    default boolean isDrop() {
        return isDocument();
    }

    @Override
    default String rubyClass() {
        return "Jekyll::Drops::DocumentDrop";
    }

    /** Whether Ruby sees {@code value} as a document's drop. */
    static boolean is(Object value) {
        return value instanceof DocumentDrop drop && drop.isDocument();
    }

    /** {@link #METHOD_KEYS}, then the data's other keys. */
    @Override
    List<String> dropKeys();
}
