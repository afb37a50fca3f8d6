package org.sheaf.sass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a style rule's declarations back together as libsass writes them. In
 * <pre>a { x: 1; b { y: 2 } z: 3 }</pre>
 * dart-sass writes {@code a { x: 1 }}, {@code a b { y: 2 }}, then {@code a { z: 3 }}: a rule of
 * its own for the declarations after the nested rule. libsass, and so Jekyll 4.3, writes all of
 * a rule's declarations in one rule, before the rules nested in it: {@code a { x: 1; z: 3 }}, then
 * {@code a b { y: 2 }}.
 *
 * <p>The source map tells which rules came from which: a rule is a later part of another when
 * its selector maps to the same place in the same stylesheet, and every rule between the two
 * maps to a place inside that rule's braces. Its declarations then move to the end of the first
 * part; with no first part (the rule began with a nested rule), the rule moves to before the
 * first nested one. Whole lines move, so the source map's lines are renumbered to follow. A
 * stylesheet in the indented syntax, whose rules have no braces to find, is left as it is.
 */
final class SplitRules {
    private static final Pattern SOURCES_CONTENT = Pattern.compile("\"sourcesContent\"\\s*:\\s*\\[");
    private static final Pattern SOURCES = Pattern.compile("\"sources\"\\s*:\\s*\\[");
    private static final Pattern MAPPINGS = Pattern.compile("\"mappings\"\\s*:\\s*\"([A-Za-z0-9+/,;]*)\"");

    private SplitRules() {
    }

    /** The CSS, with its source map. */
    record Result(String css, String map) {
    }

    /** A block of the CSS: its prelude's first character, its braces, and the blocks inside it. */
    private static final class Block {
        final int start;
        final int open;
        int close;
        final List<Block> children = new ArrayList<>();

        Block(int start, int open) {
            this.start = start;
            this.open = open;
        }
    }

    /**
     * The CSS with split rules joined.
     *
     * @param css dart-sass's expanded output, as changed so far
     * @param map its source map, its columns following those changes
     */
    static Result joined(String css, String map) {
        Matcher mappings = MAPPINGS.matcher(map);
        List<String> contents = StaticValues.strings(map, SOURCES_CONTENT);
        List<String> urls = StaticValues.strings(map, SOURCES);
        if (!mappings.find() || contents.isEmpty()) {
            return new Result(css, map);
        }
        Map<Long, StaticValues.Origin> origins = StaticValues.origins(mappings.group(1));
        List<String> lines = new ArrayList<>(List.of(css.split("\n", -1)));
        List<Integer> original = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            original.add(l);
        }
        boolean changed = false;
        // Each step joins or moves one rule; a rule is moved or joined at most once.
        for (int step = 0; step < lines.size(); step++) {
            if (!step(lines, original, origins, contents, urls)) {
                break;
            }
            changed = true;
        }
        if (!changed) {
            return new Result(css, map);
        }
        int[] moved = new int[lines.size() + original.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        java.util.Arrays.fill(moved, -1);
        for (int l = 0; l < original.size(); l++) {
            moved[original.get(l)] = l;
        }
        return new Result(String.join("\n", lines), SourceMapShift.relined(map, moved));
    }

    /** Joins or moves the first split rule found; false when there is none. */
    private static boolean step(List<String> lines, List<Integer> original, Map<Long, StaticValues.Origin> origins,
            List<String> contents, List<String> urls) {
        String css = String.join("\n", lines);
        int[] lineStarts = lineStarts(css);
        Block top = parse(css);
        if (top == null) {
            return false;
        }
        return visit(top, css, lineStarts, lines, original, origins, contents, urls);
    }

    private static boolean visit(Block parent, String css, int[] lineStarts, List<String> lines, List<Integer> original,
            Map<Long, StaticValues.Origin> origins, List<String> contents, List<String> urls) {
        List<Block> siblings = parent.children;
        for (int b = 1; b < siblings.size(); b++) {
            Block rule = siblings.get(b);
            if (!rule.children.isEmpty() || css.charAt(rule.start) == '@') {
                continue;
            }
            StaticValues.Origin origin = origin(rule, lineStarts, original, origins);
            if (origin == null || origin.source() >= contents.size()
                    || origin.source() < urls.size() && urls.get(origin.source()).endsWith(".sass")) {
                continue;
            }
            String source = contents.get(origin.source());
            int[] braces = braces(source, StaticValues.offset(source, origin.line(), origin.column()));
            if (braces == null) {
                continue;
            }
            int first = b;
            while (first > 0) {
                StaticValues.Origin inner = origin(siblings.get(first - 1), lineStarts, original, origins);
                if (inner == null || inner.source() != origin.source()) {
                    break;
                }
                int at = StaticValues.offset(source, inner.line(), inner.column());
                if (at <= braces[0] || at >= braces[1]) {
                    break;
                }
                first--;
            }
            if (first == b || !ownLines(css, rule, lineStarts)) {
                continue;
            }
            Block previous = siblings.get(b - 1);
            int from = lineOf(lineStarts, previous.close) + 1;
            int openLine = lineOf(lineStarts, rule.open);
            int closeLine = lineOf(lineStarts, rule.close);
            Block part = first > 0 ? siblings.get(first - 1) : null;
            if (part != null && part.children.isEmpty() && css.charAt(part.start) != '@'
                    && prelude(css, part).equals(prelude(css, rule))
                    && origin.equals(origin(part, lineStarts, original, origins)) && ownLines(css, part, lineStarts)) {
                int partClose = lineOf(lineStarts, part.close);
                move(lines, original, openLine + 1, closeLine, partClose);
                remove(lines, original, from + (closeLine - openLine - 1), closeLine + 1);
            } else {
                // the rule, then the blank lines that stood before it, go before the first nested rule
                int ruleStart = lineOf(lineStarts, rule.start);
                move(lines, original, from, ruleStart, closeLine + 1);
                move(lines, original, from, closeLine + 1, lineOf(lineStarts, siblings.get(first).start));
            }
            return true;
        }
        for (Block child : siblings) {
            if (visit(child, css, lineStarts, lines, original, origins, contents, urls)) {
                return true;
            }
        }
        return false;
    }

    /** Moves lines {@code [from, to)} to stand before line {@code before} (outside that range). */
    private static void move(List<String> lines, List<Integer> original, int from, int to, int before) {
        if (from >= to) {
            return;
        }
        List<String> text = new ArrayList<>(lines.subList(from, to));
        List<Integer> index = new ArrayList<>(original.subList(from, to));
        lines.subList(from, to).clear();
        original.subList(from, to).clear();
        int at = before > from ? before - (to - from) : before;
        lines.addAll(at, text);
        original.addAll(at, index);
    }

    private static void remove(List<String> lines, List<Integer> original, int from, int to) {
        lines.subList(from, to).clear();
        original.subList(from, to).clear();
    }

    /** Whether a rule's braces end their lines and its closing brace stands alone, as dart-sass writes them. */
    private static boolean ownLines(String css, Block rule, int[] lineStarts) {
        int afterOpen = css.indexOf('\n', rule.open);
        int closeLineStart = lineStarts[lineOf(lineStarts, rule.close)];
        return afterOpen > rule.open && css.substring(rule.open + 1, afterOpen).isBlank()
                && css.substring(closeLineStart, rule.close).isBlank()
                && css.charAt(rule.open - 1) == ' ';
    }

    private static String prelude(String css, Block block) {
        return css.substring(block.start, block.open).strip();
    }

    private static StaticValues.Origin origin(Block block, int[] lineStarts, List<Integer> original,
            Map<Long, StaticValues.Origin> origins) {
        int line = lineOf(lineStarts, block.start);
        return origins.get(StaticValues.key(original.get(line), block.start - lineStarts[line]));
    }

    /**
     * The offsets of the braces of the rule whose selector starts at {@code at} in an SCSS
     * source, or null when none follows before a {@code ;} or {@code }}.
     */
    private static int[] braces(String source, int at) {
        if (at < 0) {
            return null;
        }
        int open = -1;
        int depth = 0;
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                i = StaticValues.skipped(source, i);
                continue;
            }
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                continue;
            }
            if (c == '#' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int end = source.indexOf('}', i);
                if (end < 0) {
                    return null;
                }
                i = end + 1;
                continue;
            }
            if (c == '{') {
                if (open < 0) {
                    open = i;
                }
                depth++;
            } else if (c == '}') {
                if (open < 0) {
                    return null;
                }
                if (--depth == 0) {
                    return new int[] {open, i};
                }
            } else if (c == ';' && open < 0) {
                return null;
            }
            i++;
        }
        return null;
    }

    /** The blocks of the CSS, inside a block for the whole text; null when its braces do not pair. */
    private static Block parse(String css) {
        Block top = new Block(0, -1);
        java.util.ArrayDeque<Block> open = new java.util.ArrayDeque<>();
        open.push(top);
        int statement = 0;
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                i = StaticValues.skipped(css, i);
                continue;
            }
            if (c == '{') {
                int start = statement;
                while (start < i && Character.isWhitespace(css.charAt(start))) {
                    start++;
                }
                Block block = new Block(start, i);
                open.peek().children.add(block);
                open.push(block);
                statement = i + 1;
            } else if (c == '}') {
                if (open.size() == 1) {
                    return null;
                }
                open.pop().close = i;
                statement = i + 1;
            } else if (c == ';') {
                statement = i + 1;
            }
            i++;
        }
        return open.size() == 1 ? top : null;
    }

    private static int[] lineStarts(String css) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < css.length(); i++) {
            if (css.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }
}
