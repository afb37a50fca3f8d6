package org.sheaf.liquid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The {@code elsif} branches of an {@code unless} block, which Ruby's Liquid takes and Liqp's
 * grammar refuses, written as the {@code if} block they are. Ruby's {@code unless} is its
 * {@code if} with the first condition read backwards: when that condition holds, the later
 * branches are tried in order as an {@code if} tries them. So
 * {@code {% unless a %}x{% elsif b %}y{% else %}z{% endunless %}} is read as
 * {@code {% unless a %}x{% else %}{% if b %}y{% else %}z{% endif %}{% endunless %}}.
 *
 * <p>The first {@code elsif} keeps its start and end ({@code {%-} and {@code -%}}), so the white
 * space it trims is the same, and the block's end tag gains the {@code endif} before it. Lines stay
 * as written, so {@link SourceColumns} maps a later column on the same line back. An
 * {@code elsif} after the block's {@code else} is never reached in Ruby and has been made a
 * comment before this step ({@link LaxLiquid#unreachableBranches}).
 */
final class UnlessBranches {
    private static final Set<String> OPENERS = Set.of("if", "unless", "case", "for", "tablerow");

    private UnlessBranches() {
    }

    /** {@code text} with each {@code unless} block that has {@code elsif} branches written as Liqp reads it. */
    static String rewrite(String text) {
        if (!text.contains("elsif") || !text.contains("unless")) {
            return text;
        }
        // an open block: its name, and whether an elsif of it became an else holding an if
        final class Open {
            final String name;
            boolean branched;

            Open(String name) {
                this.name = name;
            }
        }
        Deque<Open> open = new ArrayDeque<>();
        ClosedTags m = ClosedTags.scan(LaxLiquid.TAG, text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            if (name == null) {
                continue; // a raw block
            }
            if (OPENERS.contains(name)) {
                open.push(new Open(name));
            } else if (name.startsWith("end") && OPENERS.contains(name.substring(3)) && !open.isEmpty()) {
                Open block = open.pop();
                if (block.branched && name.equals("endunless")) {
                    m.appendReplacement(out,
                            m.group(1) + "endif %}{% " + name + m.group(3) + m.group(4));
                }
            } else if (name.equals("elsif") && !open.isEmpty() && open.peek().name.equals("unless")
                    && !open.peek().branched) {
                open.peek().branched = true;
                m.appendReplacement(out,
                        m.group(1) + "else %}{% if" + m.group(3) + m.group(4));
            }
        }
        m.appendTail(out);
        return out.toString();
    }
}
