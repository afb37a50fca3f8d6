package org.sheaf.jekyll;

import java.util.List;
import java.util.Map;

/**
 * Template variables that Ruby sees as a {@code Jekyll::Drops::Drop} rather than a Hash: a post's
 * or a collection document's drop ({@link DocumentDrop}), a static file's
 * ({@link StaticFileDrop}). A drop answers differently from a Hash: a loop over it yields its keys
 * alone, {@code size} is 0 (the filter) or nil (the lookup), {@code first} is its first key with
 * that key's value, {@code last} is nil, and {@code jsonify} lists its keys in the drop's order.
 */
public interface RubyDrop extends Map<String, Object> {
    /** Whether Ruby sees this value as a drop; a page's variables, say, are a plain Hash. */
    boolean isDrop();

    /** The keys a loop over the drop yields, in Ruby's order: its methods, then its data's other keys. */
    List<String> dropKeys();

    /** The name of the Ruby class, as error messages name it. */
    String rubyClass();

    /** Whether Ruby sees {@code value} as a drop. */
    static boolean is(Object value) {
        return value instanceof RubyDrop drop && drop.isDrop();
    }
}
