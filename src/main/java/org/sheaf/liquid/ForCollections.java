package org.sheaf.liquid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code for} loops Ruby's Liquid takes and Liqp's grammar refuses, written so that it reads
 * them: a loop over a literal ({@code "abc"}, {@code 5}, {@code nil}, {@code true}) and a loop over
 * a range with an {@code else} (Liqp's range loop has no else). This is the one place that steps
 * around Liqp's grammar for {@code for}.
 *
 * <p>The collection becomes the marked variable {@link #MARK}, and the literal or the range's ends
 * go to attributes the grammar takes ({@code _v:"abc"}, {@code _f:a _t:b}) at the end of the tag;
 * {@link RubyComparisons} builds the loop back from them. The tag grows by a few characters and
 * lines stay as written, so {@link SourceColumns} maps a later column on the same line back.
 */
final class ForCollections {
    // Short names, so that a rewritten tag stays close to its written length. A loop is taken as
    // rewritten only when it goes over MARK and has one of these attributes, which no page writes.
    /** The variable a rewritten loop goes over. */
    static final String MARK = "_s";
    static final String VALUE = "_v";
    static final String FROM = "_f";
    static final String TO = "_t";

    private static final String LITERAL =
            "\"[^\"]*\"|'[^']*'|-?\\d+(?:\\.\\d+)?(?![\\w.])|(?:nil|null|true|false)(?![\\w.\\[?-])";
    private static final Pattern FOR_LITERAL = Pattern.compile(
            "(\\s+[A-Za-z_][\\w-]*\\s+in\\s+)(" + LITERAL + ")(.*)", Pattern.DOTALL);
    private static final Pattern FOR_RANGE = Pattern.compile(
            "(\\s+[A-Za-z_][\\w-]*\\s+in\\s+)\\(\\s*([^()]+?)\\s*\\.\\.\\s*([^()]+?)\\s*\\)(.*)", Pattern.DOTALL);
    private static final java.util.Set<String> OPENERS = java.util.Set.of("if", "unless", "case", "for", "tablerow");

    private ForCollections() {
    }

    /** {@code text} with each loop Liqp's grammar refuses written as the marked loop it reads. */
    static String rewrite(String text) {
        if (!text.contains("for")) {
            return text;
        }
        // an open block: its name, and for a loop over a range, the rewrite it gets if it has an else
        record Open(String name, Edit range) {
        }
        List<Edit> edits = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        ClosedTags m = ClosedTags.scan(LaxLiquid.TAG, text);
        while (m.find()) {
            String name = m.group(2);
            if (name == null) {
                continue; // a raw block
            }
            if (name.equals("for")) {
                Matcher literal = FOR_LITERAL.matcher(m.group(3));
                Matcher range = FOR_RANGE.matcher(m.group(3));
                Edit edit = null;
                if (literal.matches()) {
                    edits.add(new Edit(m.start(3), m.end(3), literal.group(1) + MARK + literal.group(3)
                            + " " + VALUE + ":" + literal.group(2) + " "));
                } else if (range.matches()) {
                    edit = new Edit(m.start(3), m.end(3), range.group(1) + MARK + range.group(4)
                            + " " + FROM + ":" + range.group(2) + " " + TO + ":" + range.group(3) + " ");
                }
                open.push(new Open(name, edit));
            } else if (OPENERS.contains(name)) {
                open.push(new Open(name, null));
            } else if (name.startsWith("end") && OPENERS.contains(name.substring(3))) {
                if (!open.isEmpty()) {
                    open.pop();
                }
            } else if (name.equals("else") && !open.isEmpty() && open.peek().range() != null) {
                // the range loop has an else: only then is it taken from Liqp's range grammar
                Open loop = open.pop();
                edits.add(loop.range());
                open.push(new Open(loop.name(), null));
            }
        }
        if (edits.isEmpty()) {
            return text;
        }
        edits.sort(java.util.Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Edit edit : edits) {
            out.append(text, last, edit.start()).append(edit.text());
            last = edit.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The text from {@code start} to {@code end} replaced by {@code text}. */
    private record Edit(int start, int end, String text) {
    }
}
