package org.sheaf.sass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays dart-sass's expanded CSS out as libsass lays out its {@code compact} and {@code expanded}
 * styles, byte for byte, so a site's CSS is the file Jekyll 4.3 (jekyll-sass-converter 2, libsass)
 * writes. dart-sass knows neither layout: its {@code expanded} puts blank lines between groups of
 * rules rather than after every top-level block, keeps a comment on the line of the declaration
 * before it, and indents the later lines of a selector list.
 *
 * <p>libsass's layouts, as it writes them:
 * <ul>
 * <li>After a top-level block (a rule, {@code @media}, {@code @font-face}, ...) comes a blank line;
 * after a top-level comment or a rule without a block ({@code @charset}, {@code @import},
 * {@code @namespace}) a line break; the file ends in one line break. An empty at-rule
 * ({@code @foo {}}) is followed by nothing at all. An import of a {@code .css} file by a quoted
 * name, not a URL, is written {@code @import url(name.css);}. An import inside a block is written
 * at the top ({@link Imports}).
 * <li>{@code compact}: a block is one line, {@code sel { a: b; c: d; }}, with its selector list joined
 * by {@code ", "}. So is {@code @media} with the rules in it, and {@code @font-face}. The blocks and
 * declarations inside any other at-rule ({@code @supports}, {@code @keyframes}, {@code @page})
 * start a line each after the first, indented two spaces a level. A comment of several lines whose
 * later lines are indented becomes one line: each line break, with the spaces, tabs and stars after
 * it, is one space.
 * <li>{@code expanded}: one declaration or comment a line, indented two spaces a level; the later
 * lines of a selector list start at the margin.
 * <li>{@code compressed}: no white space but what the values need, on one line that ends in a
 * line break: {@code a>b,c{d:e;f:g}}. A comment is left out unless it starts {@code /*!}, and then
 * copied as written, and a rule left with nothing else is left out; a selector loses the spaces
 * around its commas and combinators, not those of an {@code :nth-child()} argument; the queries of
 * an {@code @media} are joined by a bare comma; a declaration's last semicolon is dropped. A static value is copied as written, as in the other styles; a value
 * Sass computed is written shorter ({@link CompressedValues}), which the source says: the
 * declaration the map points at is static or not.
 * </ul>
 *
 * <p>libsass copies a comment from its stylesheet as written, where dart-sass moves its later lines
 * to the comment's new indentation, so a comment's text is taken from its source when the source map
 * points at it and the two differ only in white space.
 */
final class LibsassLayout {
    /** A value that is one variable, as a declaration writes it. */
    private static final Pattern VARIABLE = Pattern.compile("\\$[\\w-]+");
    /** The name of {@code :nth-child()} or one of its kin, just written. */
    private static final Pattern NTH_NAME = Pattern.compile("(?i):nth-(?:last-)?(?:child|of-type)$");
    /** An import of a stylesheet on the same site by its {@code .css} name, without media queries. */
    private static final Pattern CSS_IMPORT = Pattern.compile(
            "@import ([\"'])(?![a-zA-Z][a-zA-Z0-9+.-]*:|//)([^\"'\\\\\n]*\\.css)\\1;");

    /** The libsass styles dart-sass cannot write. */
    enum Style {
        COMPACT, EXPANDED, COMPRESSED
    }

    /** The laid-out CSS, ending in a line break unless empty, and its source map (null without one). */
    record Result(String css, String map) {
    }

    private enum Kind {
        COMMENT, STATEMENT, BLOCK
    }

    /** A comment, a statement ending in {@code ;}, or a block: its offsets in dart-sass's CSS. */
    private static final class Item {
        final Kind kind;
        final int start;
        int end;
        int open = -1;
        List<Item> children = new ArrayList<>();
        /**
         * Whether the block held an {@code @import} that libsass writes at the top instead, or an
         * {@code @supports} it leaves out: libsass writes its braces apart when nothing is left.
         */
        boolean hoisted;
        /** Whether libsass writes the item elsewhere (an import) or not at all (a block). */
        boolean away;
        /** When items were taken out of the block: all it held, those away too, in order; else null. */
        List<Item> held;

        Item(Kind kind, int start) {
            this.kind = kind;
            this.start = start;
        }
    }

    private LibsassLayout() {
    }

    /**
     * The CSS in libsass's layout.
     *
     * @param css   dart-sass's expanded output, as the other passes left it
     * @param map   its source map's JSON, with the sources' contents, its columns following those
     *              passes; or null
     * @param style the layout
     * @return the CSS and its map; the CSS unchanged, with a line break added, when it is not
     *         laid out as dart-sass lays out {@code expanded}
     */
    static Result laidOut(String css, String map, Style style) {
        return laidOut(css, map, style, List.of());
    }

    /**
     * The CSS in libsass's layout, with libsass's line for each {@code @media} it left out of an
     * {@code @supports} (see {@link SplitRules.Result#leftOutMedia}).
     *
     * @param leftOutMedia where in {@code css} such an {@code @media} stood, in order
     */
    static Result laidOut(String css, String map, Style style, List<Integer> leftOutMedia) {
        List<Item> top = new ArrayList<>();
        // a brace closing no block stops the reading before the end
        if (parse(css, 0, top) != css.length()) {
            String whole = css.isEmpty() || css.endsWith("\n") ? css : css + "\n";
            return new Result(whole, map);
        }
        Origins origins = new Origins(css, map);
        Writer writer = new Writer(css, style, origins);
        Imports imports = new Imports(css, style, origins);
        List<Item> written = imports.hoisted(top);
        for (int at : leftOutMedia) {
            holdLeftOut(written, at);
        }
        writer.top(written);
        imports.markLeftOut(writer.moved);
        String out = writer.out.toString();
        return new Result(out, map == null ? null : SourceMapShift.moved(map, css, out, writer.moved));
    }

    /**
     * Holds an item written nowhere at {@code at} in the innermost block around it, among what
     * the block held: libsass's compact layout starts a line for it all the same.
     */
    private static void holdLeftOut(List<Item> items, int at) {
        for (Item item : items) {
            if (item.kind == Kind.BLOCK && item.open < at && at < item.end) {
                for (Item child : item.held == null ? item.children : item.held) {
                    if (child.kind == Kind.BLOCK && child.open < at && at < child.end) {
                        holdLeftOut(List.of(child), at);
                        return;
                    }
                }
                if (item.held == null) {
                    item.held = new ArrayList<>(item.children);
                }
                Item none = new Item(Kind.BLOCK, at);
                none.end = at;
                none.away = true;
                int k = 0;
                while (k < item.held.size() && item.held.get(k).start < at) {
                    k++;
                }
                item.held.add(k, none);
                return;
            }
        }
    }

    /**
     * Reads the items from {@code at} to the closing brace of their block (or the end), into
     * {@code items}.
     *
     * @return where reading stopped (at the brace), or -1 when the text is not CSS as dart-sass
     *         writes it (an unclosed block, comment or string)
     */
    private static int parse(String css, int at, List<Item> items) {
        int i = at;
        while (true) {
            while (i < css.length() && Character.isWhitespace(css.charAt(i))) {
                i++;
            }
            if (i >= css.length() || css.charAt(i) == '}') {
                return i;
            }
            if (css.startsWith("/*", i)) {
                int close = css.indexOf("*/", i + 2);
                if (close < 0) {
                    return -1;
                }
                Item comment = new Item(Kind.COMMENT, i);
                comment.end = close + 2;
                items.add(comment);
                i = comment.end;
                continue;
            }
            // A custom property's value may hold braces of its own.
            boolean custom = css.startsWith("--", i);
            int depth = 0;
            int braces = 0;
            int j = i;
            for (; j < css.length(); j++) {
                char c = css.charAt(j);
                if (c == '"' || c == '\'') {
                    j = stringEnd(css, j);
                    if (j < 0) {
                        return -1;
                    }
                } else if (c == '/' && css.startsWith("/*", j)) {
                    int close = css.indexOf("*/", j + 2);
                    if (close < 0) {
                        return -1;
                    }
                    j = close + 1;
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if (depth == 0 && custom && c == '{') {
                    braces++;
                } else if (depth == 0 && custom && c == '}' && braces > 0) {
                    braces--;
                } else if (depth == 0 && braces == 0 && (c == ';' || c == '{' || c == '}')) {
                    break;
                }
            }
            if (j >= css.length() || css.charAt(j) == '}') {
                // dart-sass ends every declaration with a semicolon
                return -1;
            }
            if (css.charAt(j) == ';') {
                Item statement = new Item(Kind.STATEMENT, i);
                statement.end = j + 1;
                items.add(statement);
                i = j + 1;
                continue;
            }
            Item block = new Item(Kind.BLOCK, i);
            block.open = j;
            int close = parse(css, j + 1, block.children);
            if (close < 0 || close >= css.length()) {
                return -1;
            }
            block.end = close + 1;
            items.add(block);
            i = block.end;
        }
    }

    private static int stringEnd(String css, int at) {
        char quote = css.charAt(at);
        for (int i = at + 1; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where the source map says the CSS came from: for an offset of the CSS with a mapping, the
     * source's text and the offset there.
     */
    private static final class Origins {
        private final String css;
        private final String map;
        private List<String> contents;
        private List<String> urls;
        /** Per line of the CSS, its mappings as (column, source, line, column) from {@code starts[line]}. */
        private int[] fields;
        private int[] starts;
        private int[] lineStarts;
        /** The sources, with where their lines start once a mapping into one is looked up. */
        private SourceLines sources;

        Origins(String css, String map) {
            this.css = css;
            this.map = map;
        }

        /** Reads the map the first time a comment or custom property asks; most stylesheets have few. */
        private boolean read() {
            if (contents != null) {
                return fields != null;
            }
            int[] mappings = map == null ? null : SourceMapShift.mappings(map);
            contents = mappings != null ? StaticValues.strings(map, StaticValues.SOURCES_CONTENT) : List.of();
            sources = new SourceLines(contents);
            if (contents.isEmpty()) {
                return false;
            }
            lineStarts = MediaBreaks.lineStarts(css);
            decode(map.substring(mappings[0], mappings[1]));
            return true;
        }

        private void decode(String mappings) {
            int lines = 1;
            for (int i = 0; i < mappings.length(); i++) {
                lines += mappings.charAt(i) == ';' ? 1 : 0;
            }
            // a segment of four fields takes four characters at least, so the array never grows
            int[] out = new int[mappings.length()];
            int[] firstOfLine = new int[lines + 1];
            int[] count = {0};
            int[] nextLine = {0};
            SourceMapShift.segments(mappings, (line, written, values) -> {
                if (written < 4) {
                    return;
                }
                while (nextLine[0] <= line) {
                    firstOfLine[nextLine[0]++] = count[0];
                }
                System.arraycopy(values, 0, out, count[0], 4);
                count[0] += 4;
            });
            while (nextLine[0] <= lines) {
                firstOfLine[nextLine[0]++] = count[0];
            }
            fields = out;
            starts = firstOfLine;
        }

        /** The source text and the offset in it that {@code at} came from, or null. */
        Map.Entry<String, Integer> of(int at) {
            int[] place = place(at);
            return place == null ? null : Map.entry(contents.get(place[0]), place[1]);
        }

        /** The index of the source {@code at} came from and the offset in it, or null. */
        int[] place(int at) {
            if (!read()) {
                return null;
            }
            int line = MediaBreaks.lineOf(lineStarts, at);
            int column = at - lineStarts[line];
            if (line + 1 >= starts.length) {
                return null;
            }
            for (int k = starts[line]; k < starts[line + 1]; k += 4) {
                if (fields[k] == column) {
                    if (fields[k + 1] >= contents.size()) {
                        return null;
                    }
                    int offset = sources.offset(new StaticValues.Origin(fields[k + 1], fields[k + 2], fields[k + 3]));
                    return offset < 0 ? null : new int[] {fields[k + 1], offset};
                }
            }
            return null;
        }

        /** The sources' contents, by index; empty without a map that holds them. */
        List<String> contents() {
            read();
            return contents;
        }

        /** The sources' URLs, by index. */
        List<String> urls() {
            if (urls == null) {
                urls = map == null ? List.of() : StaticValues.strings(map, StaticValues.SOURCES);
            }
            return urls;
        }

        /** The comment at {@code start} as its stylesheet wrote it, or null when it is not there. */
        String comment(String css, String ours, int start) {
            // dart-sass maps a comment from the start of its line, indentation included
            int lineStart = start;
            while (lineStart > 0 && (css.charAt(lineStart - 1) == ' ' || css.charAt(lineStart - 1) == '\t')) {
                lineStart--;
            }
            Map.Entry<String, Integer> origin = of(start);
            if (origin == null && (lineStart == 0 || css.charAt(lineStart - 1) == '\n')) {
                origin = of(lineStart);
            }
            if (origin == null || !origin.getKey().startsWith("/*", origin.getValue())) {
                return null;
            }
            int close = origin.getKey().indexOf("*/", origin.getValue() + 2);
            String text = close < 0 ? null : origin.getKey().substring(origin.getValue(), close + 2);
            return text != null && sameButSpace(text, ours) ? text.replace("\r\n", "\n") : null;
        }

        /**
         * The custom property declaration at {@code start} with its value as its stylesheet wrote
         * it, white space and all, as libsass copies it; dart-sass trims the value and shortens its
         * runs of spaces. Null when the source holds something else.
         */
        String customProperty(String ours, int start) {
            Map.Entry<String, Integer> origin = of(start);
            int colon = ours.indexOf(':');
            if (origin == null || colon < 0) {
                return null;
            }
            String source = origin.getKey();
            int at = origin.getValue();
            String name = ours.substring(0, colon + 1);
            if (!source.startsWith(name, at)) {
                return null;
            }
            int end = at + name.length();
            int depth = 0;
            for (; end < source.length(); end++) {
                char c = source.charAt(end);
                if (c == '"' || c == '\'') {
                    int close = stringEnd(source, end);
                    if (close < 0) {
                        return null;
                    }
                    end = close;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || depth > 0 && c == '}') {
                    depth--;
                } else if (depth == 0 && (c == ';' || c == '}')) {
                    break;
                }
            }
            String written = source.substring(at, end).replace("\r\n", "\n") + ";";
            return sameButSpace(written, ours) ? written : null;
        }
    }

    private static boolean sameButSpace(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && Character.isWhitespace(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && Character.isWhitespace(b.charAt(j))) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (a.charAt(i++) != b.charAt(j++)) {
                return false;
            }
        }
    }

    /** The block's at-rule name ({@code @media}), or "" for a style rule. */
    private static String atName(String css, Item block) {
        if (css.charAt(block.start) != '@') {
            return "";
        }
        int end = block.start + 1;
        while (end < block.open && !Character.isWhitespace(css.charAt(end)) && css.charAt(end) != '(') {
            end++;
        }
        return css.substring(block.start, end);
    }

    /**
     * A comment as libsass's compact style writes it: on one line when a later line is indented
     * (a line break with the spaces, tabs and stars after it becomes one space), as written when
     * none is.
     */
    static String compactComment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean indented = false;
        boolean lineStart = false;
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineStart) {
                if (c == ' ' || c == '\t') {
                    indented = true;
                } else if (c != '\n' && c != '*') {
                    lineStart = false;
                    out.append(' ');
                    out.append(previous == '*' && c == '/' ? "*/" : String.valueOf(c));
                }
            } else if (c == '\n') {
                lineStart = true;
            } else {
                out.append(c);
            }
            previous = c;
        }
        return indented ? out.toString() : text;
    }

    /**
     * The {@code @import} rules inside blocks moved where libsass writes them, to the top of the
     * stylesheet. libsass collects each import as it meets it while writing the blocks, and writes
     * them all ahead of the rest, after the comments that came before anything else and among the
     * top-level imports in the order the stylesheets wrote them; dart-sass leaves such an import
     * where it stands. libsass meets an import only in a block it writes: a style rule or other
     * at-rule always (an import is enough for a rule to be written, with empty braces when nothing
     * else is left); an {@code @media} only when it holds something it writes (a declaration, an
     * at-rule, a rule worth writing, a comment outside the compressed style), the imports in it
     * being left out with it otherwise; an {@code @supports} only when it holds a declaration, an
     * at-rule or a block with something in it, its blocks being written in its place, without it,
     * otherwise. An {@code @supports} that holds only comments is such a block too, import or not
     * ({@link #printableSupports}).
     */
    private static final class Imports {
        private final String css;
        private final Style style;
        private final Origins origins;
        /** The imports met inside blocks, in the order libsass meets them. */
        private final List<Item> found = new ArrayList<>();
        /** The blocks libsass does not write, though it may write blocks inside them. */
        private final List<Item> leftOut = new ArrayList<>();
        /** For each source, the {@code @import} that loads it as (source, offset); {@code {-1}} when not one. */
        private final Map<Integer, int[]> importers = new HashMap<>();
        /** The {@code @import} rules of each source: where each starts, and the names it gives. */
        private final Map<Integer, Map<Integer, List<String>>> importRules = new HashMap<>();
        /**
         * For each source, where its {@code @media} start that match something
         * ({@link MediaJoins#matchingSomething}): read once, as every {@code @supports} of the
         * source asks.
         */
        private final Map<Integer, Set<Integer>> matching = new HashMap<>();

        private Imports(String css, Style style, Origins origins) {
            this.css = css;
            this.style = style;
            this.origins = origins;
        }

        /** The top-level items with the imports inside blocks moved among the leading ones, or left out. */
        List<Item> hoisted(List<Item> top) {
            if (top.stream().noneMatch(item -> item.kind == Kind.BLOCK && (holdsImport(item) || holdsLeftOutSupports(item)))) {
                return top;
            }
            List<Item> written = new ArrayList<>();
            for (Item item : top) {
                if (item.kind == Kind.BLOCK) {
                    visit(item, written);
                } else {
                    written.add(item);
                }
            }
            // dart-sass writes first the comments and imports that came before anything else, then
            // the top-level imports written later: those may come after imports inside blocks
            int leading = 0;
            int afterComments = 0;
            while (leading < written.size() && (written.get(leading).kind == Kind.COMMENT
                    || isImport(written.get(leading)) || css.startsWith("@charset", written.get(leading).start))) {
                leading++;
                afterComments = isImport(written.get(leading - 1)) ? afterComments : leading;
            }
            List<Item> merged = new ArrayList<>(written.subList(0, afterComments));
            merged.addAll(merged(written.subList(afterComments, leading)));
            merged.addAll(written.subList(leading, written.size()));
            return merged;
        }

        /** Marks the text of the blocks left out, but for the blocks inside them written, so that their mappings go too. */
        void markLeftOut(int[] moved) {
            for (Item block : leftOut) {
                for (int i = block.start; i < block.end; i++) {
                    moved[i] = moved[i] < 0 ? SourceMapShift.LEFT_OUT : moved[i];
                }
            }
        }

        /** Adds what libsass writes of the block to {@code into}, taking the imports and the {@code @supports} it leaves out out of it. */
        private void visit(Item block, List<Item> into) {
            if (!holdsImport(block) && !holdsLeftOutSupports(block)) {
                into.add(block);
                return;
            }
            String name = atName(css, block);
            // libsass writes an @media when it holds something libsass writes
            if (name.equals("@media") && !printableInside(block)) {
                leftOut.add(block);
                return;
            }
            if (name.equals("@supports") && !printableSupports(block)) {
                leftOut.add(block);
                for (Item child : block.children) {
                    if (child.kind == Kind.BLOCK) {
                        visit(child, into);
                    }
                }
                return;
            }
            List<Item> kept = new ArrayList<>();
            List<Item> held = new ArrayList<>();
            for (Item child : block.children) {
                if (isImport(child)) {
                    found.add(child);
                    block.hoisted = true;
                    child.away = true;
                    held.add(child);
                } else if (child.kind == Kind.BLOCK) {
                    int before = kept.size();
                    visit(child, kept);
                    child.away = kept.size() == before;
                    // libsass writes the braces of a block it left an @supports out of apart
                    block.hoisted |= child.away && atName(css, child).equals("@supports");
                    held.addAll(child.away ? List.of(child) : kept.subList(before, kept.size()));
                } else {
                    kept.add(child);
                    held.add(child);
                }
            }
            block.children = kept;
            block.held = held;
            into.add(block);
        }

        /**
         * The top-level imports (in order) and those found in blocks (in order) as one list: a
         * found import goes before a top-level one when the stylesheets wrote it before, as far as
         * the source map and the stylesheets' own imports tell; otherwise after.
         */
        private List<Item> merged(List<Item> topLevel) {
            List<Item> out = new ArrayList<>();
            int t = 0;
            for (Item inner : found) {
                int[] at = origins.place(inner.start);
                while (t < topLevel.size() && !before(at, origins.place(topLevel.get(t).start))) {
                    out.add(topLevel.get(t++));
                }
                out.add(inner);
            }
            out.addAll(topLevel.subList(t, topLevel.size()));
            return out;
        }

        /** Whether the place {@code a} is known to come before {@code b} in the compilation. */
        private boolean before(int[] a, int[] b) {
            if (a == null || b == null) {
                return false;
            }
            List<int[]> from = loadedFrom(a);
            List<int[]> to = loadedFrom(b);
            for (int k = 0; k < from.size() && k < to.size(); k++) {
                if (from.get(k)[0] != to.get(k)[0]) {
                    return false;
                }
                if (from.get(k)[1] != to.get(k)[1]) {
                    return from.get(k)[1] < to.get(k)[1];
                }
            }
            return false;
        }

        /** The place, after the {@code @import} rules that lead to its stylesheet, the first first. */
        private List<int[]> loadedFrom(int[] place) {
            LinkedList<int[]> chain = new LinkedList<>(List.of(place));
            int source = place[0];
            for (int hops = 0; hops < origins.contents().size(); hops++) {
                int[] importer = importers.computeIfAbsent(source, this::importer);
                if (importer.length < 2) {
                    break;
                }
                chain.addFirst(importer);
                source = importer[0];
            }
            return chain;
        }

        /** The one {@code @import} of the other sources that can load the source; {@code {-1}} when not one. */
        private int[] importer(int source) {
            List<String> contents = origins.contents();
            List<String> urls = origins.urls();
            if (source >= urls.size() || urls.size() != contents.size()) {
                return new int[] {-1};
            }
            int[] found = {-1};
            for (int s = 0; s < contents.size(); s++) {
                if (s == source) {
                    continue;
                }
                int index = s;
                Map<Integer, List<String>> rules = importRules.computeIfAbsent(s, k -> ScssOutline.imports(contents.get(index)));
                for (Map.Entry<Integer, List<String>> statement : rules.entrySet()) {
                    if (statement.getValue().stream().anyMatch(name -> ScssOutline.canLoad(name, urls.get(source)))) {
                        if (found.length > 1) {
                            return new int[] {-1};
                        }
                        found = new int[] {s, statement.getKey()};
                    }
                }
            }
            return found;
        }

        boolean isImport(Item item) {
            return item.kind == Kind.STATEMENT && css.startsWith("@import ", item.start);
        }

        boolean holdsImport(Item block) {
            return block.children.stream().anyMatch(child -> isImport(child) || child.kind == Kind.BLOCK && holdsImport(child));
        }

        private boolean printableComment(Item comment) {
            return style != Style.COMPRESSED || css.startsWith("/*!", comment.start);
        }

        /** Whether a block holds an {@code @supports} (or is one) that libsass does not write. */
        private boolean holdsLeftOutSupports(Item block) {
            return atName(css, block).equals("@supports") && !printableSupports(block)
                    || block.children.stream().anyMatch(child -> child.kind == Kind.BLOCK && holdsLeftOutSupports(child));
        }

        /**
         * Whether libsass writes an {@code @supports}: it holds a declaration, an at-rule or a block
         * with something in it, a comment being no such thing. One that holds no import may also
         * have held an {@code @media} that libsass writes nothing for (its query joined with the
         * outer one's matches nothing) but counts as a block with something in it, and that
         * dart-sass leaves out without a trace; it is taken as written unless its text in the
         * stylesheet shows no such {@code @media}: none, or only ones whose queries joined with
         * those around them match something ({@link MediaJoins#matchingSomething}).
         */
        private boolean printableSupports(Item supports) {
            return supports.children.stream().anyMatch(child -> child.kind == Kind.STATEMENT && !isImport(child)
                    || child.kind == Kind.BLOCK && printableInside(child))
                    || !holdsImport(supports) && mayHoldUnwrittenMedia(supports);
        }

        /** Whether the {@code @supports}'s text in its stylesheet, as the source map finds it, may hold an {@code @media}. */
        private boolean mayHoldUnwrittenMedia(Item supports) {
            int[] place = origins.place(supports.start);
            List<String> urls = origins.urls();
            if (place == null || place[0] >= urls.size() || place[0] >= origins.contents().size()) {
                return true;
            }
            String source = origins.contents().get(place[0]);
            boolean indented = ScssOutline.indented(urls.get(place[0]));
            if (!source.startsWith("@supports", place[1])) {
                return true;
            }
            int[] body = indented ? SplitRules.indented(source, place[1]) : SplitRules.braces(source, place[1]);
            return body == null || !ScssOutline.holdsNoMedia(source, body[0] + 1, body[1], indented,
                    matching.computeIfAbsent(place[0], s -> MediaJoins.matchingSomething(origins.contents(), s, indented)));
        }

        /** Whether a style rule is worth writing: it holds anything but comments the style leaves out. */
        private boolean printableRule(Item rule) {
            return rule.children.stream().anyMatch(child -> child.kind == Kind.STATEMENT
                    || child.kind == Kind.COMMENT && printableComment(child)
                    || child.kind == Kind.BLOCK && printableInside(child));
        }

        /** Whether a block holds something libsass writes; an import is not such a thing. */
        private boolean printableInside(Item block) {
            for (Item child : block.children) {
                boolean printable = switch (child.kind) {
                    case STATEMENT -> !isImport(child);
                    case COMMENT -> printableComment(child);
                    case BLOCK -> switch (atName(css, child)) {
                        case "" -> printableRule(child);
                        case "@supports" -> printableSupports(child);
                        default -> printableInside(child);
                    };
                };
                if (printable) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Writes the items, keeping for each character of dart-sass's CSS where it went. */
    private static final class Writer {
        final String css;
        final Style style;
        final Origins origins;
        final StringBuilder out;
        final int[] moved;
        /** Whether the block being written is a keyframe, right inside {@code @keyframes} or a prefixed kin. */
        boolean keyframe;
        /** How many {@code @media} blocks the compressed style is writing inside, where lists keep {@code ", "}. */
        int mediaDepth;

        Writer(String css, Style style, Origins origins) {
            this.css = css;
            this.style = style;
            this.origins = origins;
            this.out = new StringBuilder(css.length());
            this.moved = new int[css.length() + 1];
            Arrays.fill(moved, -1);
        }

        void top(List<Item> items) {
            if (style == Style.COMPRESSED) {
                for (Item item : items) {
                    if (kept(item)) {
                        item(item, 0);
                    }
                }
                if (out.length() > 0) {
                    out.append('\n');
                }
                return;
            }
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                item(item, 0);
                if (k == items.size() - 1) {
                    out.append('\n');
                } else if (item.kind != Kind.BLOCK) {
                    out.append('\n');
                } else if (!item.children.isEmpty() || item.hoisted) {
                    out.append("\n\n");
                }
            }
        }

        void item(Item item, int depth) {
            switch (item.kind) {
                case COMMENT -> {
                    indent(depth);
                    String ours = css.substring(item.start, item.end);
                    String written = origins.comment(css, ours, item.start);
                    String text = written == null ? ours : written;
                    replaced(item, style == Style.COMPACT ? compactComment(text) : text);
                }
                case STATEMENT -> {
                    indent(depth);
                    String ours = css.substring(item.start, item.end);
                    String written = null;
                    if (style == Style.COMPRESSED) {
                        written = compressedStatement(item, ours, depth == 0);
                    } else if (ours.startsWith("--")) {
                        written = origins.customProperty(ours, item.start);
                    } else if (ours.startsWith("@import ")) {
                        // libsass writes an import of a .css file by its quoted name as a url()
                        Matcher m = CSS_IMPORT.matcher(ours);
                        written = m.matches() ? "@import url(" + m.group(2) + ");" : null;
                    }
                    replaced(item, written == null ? ours : written);
                }
                case BLOCK -> block(item, depth);
            }
        }

        /**
         * The item's text, or another for it. When the two differ only in white space, each other
         * character keeps its mappings; otherwise what they share at their start does, and the
         * rest of the item maps to where they part.
         */
        void replaced(Item item, String text) {
            replaced(item.start, item.end, text);
        }

        void replaced(int start, int end, String text) {
            int base = out.length();
            out.append(text);
            if (sameButSpace(text, css.substring(start, end))) {
                int t = 0;
                for (int i = start; i < end; i++) {
                    if (!Character.isWhitespace(css.charAt(i))) {
                        while (Character.isWhitespace(text.charAt(t))) {
                            t++;
                        }
                        moved[i] = base + t++;
                    }
                }
                return;
            }
            int same = 0;
            while (start + same < end && same < text.length() && css.charAt(start + same) == text.charAt(same)) {
                same++;
            }
            for (int i = start; i < end; i++) {
                moved[i] = base + Math.min(i - start, same);
            }
        }

        void block(Item block, int depth) {
            if (style == Style.COMPRESSED) {
                compressedBlock(block);
                return;
            }
            indent(depth);
            prelude(block.start, trimmedEnd(block.start, block.open), depth);
            boolean lines = style == Style.COMPACT && (linesInside(block) || keyframe);
            if (lines && block.held != null && block.held.size() > 1) {
                linesOfHeld(block, depth);
                return;
            }
            if (block.children.isEmpty()) {
                out.append(' ');
                copy(block.open, block.open + 1);
                if (block.hoisted) {
                    // libsass writes the braces of a block it took the imports from apart
                    out.append(style == Style.EXPANDED ? "\n" + "  ".repeat(depth) : " ");
                }
                copy(block.end - 1, block.end);
                return;
            }
            out.append(' ');
            copy(block.open, block.open + 1);
            if (style == Style.EXPANDED) {
                for (Item child : block.children) {
                    out.append('\n');
                    item(child, depth + 1);
                }
                out.append('\n');
                indent(depth);
            } else {
                String between = lines ? "\n" + "  ".repeat(depth + 1) : " ";
                boolean keyframes = atName(css, block).endsWith("keyframes");
                for (int k = 0; k < block.children.size(); k++) {
                    out.append(k == 0 ? " " : between);
                    keyframe = keyframes;
                    item(block.children.get(k), depth + 1);
                    keyframe = false;
                }
                out.append(' ');
            }
            copy(block.end - 1, block.end);
        }

        /**
         * A block of the compact style whose items start lines of their own after the first, some
         * of them taken out: libsass starts a line after each item it held but the last, those it
         * writes elsewhere or not at all too, so a line may be left with nothing but its indent.
         */
        void linesOfHeld(Item block, int depth) {
            out.append(' ');
            copy(block.open, block.open + 1);
            boolean space = true;
            boolean lineStart = false;
            boolean keyframes = atName(css, block).endsWith("keyframes");
            for (int k = 0; k < block.held.size(); k++) {
                Item child = block.held.get(k);
                if (!child.away) {
                    out.append(space ? " " : "");
                    keyframe = keyframes;
                    item(child, depth + 1);
                    keyframe = false;
                    lineStart = false;
                }
                space = false;
                if (k < block.held.size() - 1) {
                    out.append('\n').append("  ".repeat(depth + 1));
                    lineStart = true;
                }
            }
            out.append(lineStart ? "" : " ");
            copy(block.end - 1, block.end);
        }

        /**
         * Whether the compressed style writes the item: anything but a comment not starting
         * {@code /*!}, and a block only when it keeps something of what it holds. A rule that held
         * only comments, and an {@code @media} that held only such rules, are left out whole, as
         * libsass leaves them; a block written empty ({@code @font-face {}}) stays.
         */
        boolean kept(Item item) {
            return switch (item.kind) {
                case COMMENT -> css.startsWith("/*!", item.start);
                case STATEMENT -> true;
                case BLOCK -> item.children.isEmpty() || item.hoisted || item.children.stream().anyMatch(this::kept);
            };
        }

        /** A block in the compressed style: its prelude, and its kept items with a semicolon between statements. */
        void compressedBlock(Item block) {
            int end = trimmedEnd(block.start, block.open);
            boolean media = css.startsWith("@media ", block.start);
            if (media) {
                mediaDepth++;
            }
            if (media) {
                replaced(block.start, end, compressedMediaQueries(css.substring(block.start, end)));
            } else if (css.charAt(block.start) == '@') {
                prelude(block.start, end, 0);
            } else {
                String selector = compressedSelector(css.substring(block.start, end));
                replaced(block.start, end, selector);
            }
            copy(block.open, block.open + 1);
            List<Item> kept = block.children.stream().filter(this::kept).toList();
            for (int k = 0; k < kept.size(); k++) {
                Item child = kept.get(k);
                item(child, 1);
                if (child.kind == Kind.STATEMENT && k < kept.size() - 1) {
                    out.append(';');
                }
            }
            copy(block.end - 1, block.end);
            if (media) {
                mediaDepth--;
            }
        }

        /**
         * A statement in the compressed style, without its semicolon (a top-level one keeps it):
         * a declaration as {@code name:value}, its value as written when the stylesheet's value
         * is static, else shortened.
         */
        String compressedStatement(Item item, String ours, boolean topLevel) {
            String text = ours.substring(0, ours.length() - 1).strip();
            int colon = text.indexOf(':');
            if (text.startsWith("@") || colon < 0) {
                // libsass writes an import of a .css file by its quoted name as a url(); a
                // top-level statement keeps its semicolon
                Matcher m = CSS_IMPORT.matcher(ours);
                String statement = m.matches() ? "@import url(" + m.group(2) + ")" : text;
                return statement + (topLevel ? ";" : "");
            }
            String name = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (name.startsWith("--")) {
                // libsass copies a custom property's value as written, white space and all
                String written = origins.customProperty(ours, item.start);
                return written == null ? name + ":" + value : written.substring(0, written.length() - 1);
            }
            if (isStatic(item, name, value)) {
                return name + ":" + value;
            }
            Map.Entry<String, Integer> origin = origins.of(item.start);
            String written = origin == null ? null : StaticValues.writtenText(origin.getKey(), origin.getValue(), name);
            if (written != null && VARIABLE.matcher(written.strip()).matches()) {
                // dart-sass maps a value that is one variable to the expression the variable was
                // given (its assignment's, or the mixin argument's), whose numbers are the ones
                // written
                int valueAt = item.start + colon + 1;
                while (Character.isWhitespace(css.charAt(valueAt))) {
                    valueAt++;
                }
                Map.Entry<String, Integer> assigned = origins.of(valueAt);
                String expression = assigned == null ? null : StaticValues.expressionText(assigned.getKey(), assigned.getValue());
                if (expression != null) {
                    return name + ":" + CompressedValues.compressed(value, written,
                            CompressedValues.throughVariable(expression), mediaDepth > 0);
                }
            }
            written = written == null ? "" : written;
            return name + ":" + CompressedValues.compressed(value, written, CompressedValues.throughVariables(value, written),
                    mediaDepth > 0);
        }

        /** Whether the declaration the source map points at wrote this value as a static value, which libsass copies. */
        boolean isStatic(Item item, String name, String value) {
            Map.Entry<String, Integer> origin = origins.of(item.start);
            if (origin == null) {
                return false;
            }
            String written = StaticValues.written(origin.getKey(), origin.getValue(), name, false);
            if (written == null) {
                written = CalcValues.written(origin.getKey(), origin.getValue(), value, false);
            }
            return value.equals(written);
        }

        /**
         * An {@code @media} prelude with its queries joined by a bare comma, as libsass's compressed
         * style joins them; the spaces inside each query stay.
         */
        static String compressedMediaQueries(String prelude) {
            StringBuilder text = new StringBuilder(prelude.length());
            int depth = 0;
            for (int i = 0; i < prelude.length(); i++) {
                char c = prelude.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = stringEnd(prelude, i);
                    end = end < 0 ? prelude.length() - 1 : end;
                    text.append(prelude, i, end + 1);
                    i = end;
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                text.append(c);
                if (c == ',' && depth == 0) {
                    while (i + 1 < prelude.length() && Character.isWhitespace(prelude.charAt(i + 1))) {
                        i++;
                    }
                }
            }
            return text.toString();
        }

        /**
         * A selector list without the spaces around its commas and combinators, or the line breaks
         * after its commas; the argument of {@code :nth-child()} is left as it is.
         */
        String compressedSelector(String selector) {
            StringBuilder text = new StringBuilder(selector.length());
            int brackets = 0;
            for (int i = 0; i < selector.length(); i++) {
                char c = selector.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = stringEnd(selector, i);
                    end = end < 0 ? selector.length() - 1 : end;
                    text.append(selector, i, end + 1);
                    i = end;
                    continue;
                }
                if (c == '(' && NTH_NAME.matcher(text).find()) {
                    // libsass copies the argument of :nth-child() and its kin as written
                    int close = selector.indexOf(')', i);
                    close = close < 0 ? selector.length() - 1 : close;
                    text.append(selector, i, close + 1);
                    i = close;
                    continue;
                }
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (brackets == 0 && (c == ',' || c == '>' || c == '+' || c == '~')) {
                    while (text.length() > 0 && Character.isWhitespace(text.charAt(text.length() - 1))) {
                        text.setLength(text.length() - 1);
                    }
                    text.append(c);
                    while (i + 1 < selector.length() && Character.isWhitespace(selector.charAt(i + 1))) {
                        i++;
                    }
                } else if (Character.isWhitespace(c)) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                } else {
                    text.append(c);
                }
            }
            return text.toString().strip();
        }

        /**
         * Whether libsass's compact style starts each item of this block on a line of its own: in an
         * at-rule other than {@code @media} and {@code @font-face}; so it does in a keyframe's block
         * ({@code 50% { ... }} in {@code @keyframes}), which the writer knows as it writes one.
         */
        boolean linesInside(Item block) {
            String name = atName(css, block);
            return !name.isEmpty() && !name.equals("@media") && !name.equals("@font-face");
        }


        /** A selector list or at-rule prelude, its line breaks as the style has them. */
        void prelude(int start, int end, int depth) {
            int from = start;
            for (int i = start; i < end; i++) {
                if (css.charAt(i) != '\n') {
                    continue;
                }
                int lineEnd = i;
                while (lineEnd > from && css.charAt(lineEnd - 1) == ' ') {
                    lineEnd--;
                }
                copy(from, lineEnd);
                int next = i + 1;
                while (next < end && (css.charAt(next) == ' ' || css.charAt(next) == '\t')) {
                    next++;
                }
                out.append(style == Style.COMPACT ? " " : "\n");
                from = next;
                i = next - 1;
            }
            copy(from, end);
        }

        int trimmedEnd(int start, int end) {
            while (end > start && Character.isWhitespace(css.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        void indent(int depth) {
            if (style == Style.EXPANDED) {
                out.append("  ".repeat(depth));
            }
        }

        void copy(int from, int to) {
            for (int i = from; i < to; i++) {
                moved[i] = out.length() + i - from;
            }
            out.append(css, from, to);
        }
    }
}
