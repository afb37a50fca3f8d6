package org.sheaf.liquid;

/**
 * Where a {@code raw} block ends, as Ruby's Liquid 5 finds it: at the first tag whose name, right
 * after {@code {%} and any space, is {@code endraw}. A {@code {%-} before the name keeps the tag
 * in the block's text ({@code {%- endraw %}} is written out as it stands), and whatever follows the
 * name up to {@code %}} is ignored ({@code {% endraw -%}} ends the block and trims nothing).
 * Every rewrite of the template text that leaves raw blocks alone finds them with this pattern.
 */
final class RawBlock {
    /** A {@code raw} tag's end, for a pattern compiled with {@code DOTALL}. */
    static final String END = "\\{%\\s*endraw(?!\\w).*?%\\}";
    /** A whole raw block, from its {@code raw} tag to its end, for a pattern compiled with {@code DOTALL}. */
    static final String PATTERN = "\\{%-?\\s*raw\\s*-?%\\}.*?" + END;

    private RawBlock() {
    }
}
