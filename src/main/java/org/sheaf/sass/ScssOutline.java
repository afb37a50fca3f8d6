package org.sheaf.sass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The statements of a stylesheet, read only as far as {@link SplitRules} needs them to tell which
 * CSS rules one Sass rule wrote: which block a statement stands in and the statement before it
 * there (SCSS only), the statement a place lies in, the mixins a stretch of text includes, the
 * stylesheets it imports, where each mixin's body is and how many blocks a stretch of a rule
 * writes. Strings, comments and interpolations are skipped; nothing is evaluated.
 */
final class ScssOutline {
    /** How deep {@link #holdsNoMedia} follows includes into mixins, which may include themselves. */
    private static final int DEEPEST_INCLUDE = 8;
    /**
     * The keyword of a rule that writes only what its block shows: control flow, {@code @supports};
     * or nothing where it stands, as {@code @extend}, which adds selectors to rules elsewhere.
     */
    private static final Pattern SHOWING_ALL = Pattern.compile("@(if|else|each|for|while|supports|extend)\\b");

    private ScssOutline() {
    }

    /** What a statement is, as far as what it writes goes. */
    enum Kind {
        /** {@code name: value;}: a declaration of the rule it stands in. */
        DECLARATION,
        /**
         * {@code $name: value;}, {@code @extend}, {@code @debug}, {@code @warn}, {@code @mixin}
         * and {@code @function}: nothing written where they stand.
         */
        SILENT,
        /** A style rule with something inside that writes: a declaration, an include, a nested block. */
        RULE,
        /** Anything else: an include, an at-rule, a rule of nested rules only. */
        OTHER
    }

    /**
     * Where a statement stands.
     *
     * @param open     the offset of the brace of the block it stands in, or -1 at the top level
     * @param style    whether that block is a style rule's
     * @param previous the kind of the statement before it in that block, skipping silent ones;
     *                 null when it is the block's first
     */
    record Place(int open, boolean style, Kind previous) {
    }

    /**
     * Where the statement that starts at {@code at} stands, or null when no statement starts
     * there.
     */
    static Place placeOf(String source, int at) {
        return places(source).get(at);
    }

    /** Where each statement of the stylesheet stands, by the offset it starts at: one pass over the text. */
    static NavigableMap<Integer, Place> places(String source) {
        NavigableMap<Integer, Place> places = new TreeMap<>();
        ArrayDeque<int[]> blocks = new ArrayDeque<>();
        // per open block: {brace offset, style rule (1/0), something written (1/0), previous kind ordinal + 1,
        // prelude start}
        blocks.push(new int[] {-1, 0, 0, 0});
        walk(source, false, new Statements() {
            @Override
            public void starts(int at) {
                int[] block = blocks.peek();
                places.put(at, new Place(block[0], block[1] == 1, block[3] == 0 ? null : Kind.values()[block[3] - 1]));
            }

            @Override
            public void opens(int start, int brace) {
                String prelude = source.substring(start, brace).strip();
                // a placeholder's rule writes nothing where it stands
                boolean style = !prelude.startsWith("@") && !prelude.endsWith(":") && prelude.indexOf('%') < 0;
                blocks.push(new int[] {brace, style ? 1 : 0, 0, 0, start});
            }

            @Override
            public void ends(int start, int end) {
                ended(blocks.peek(), simpleKind(source.substring(start, end).strip()));
            }

            @Override
            public void closes(int brace) {
                int[] closed = blocks.pop();
                String prelude = source.substring(closed[4], closed[0]).strip();
                Kind kind = prelude.startsWith("@mixin") || prelude.startsWith("@function") ? Kind.SILENT
                        : closed[1] == 1 && closed[2] == 1 ? Kind.RULE : Kind.OTHER;
                ended(blocks.peek(), kind);
            }
        });
        return places;
    }

    /**
     * What a pass over a stylesheet's statements is told of them, in the order they stand:
     * strings, comments and interpolations are passed over, and a {@code ;} inside parentheses
     * ends nothing.
     */
    interface Statements {
        /** A statement starts at {@code at}: the first character after a block's start or a statement's end that is no space or comment. */
        default void starts(int at) {
        }

        /** A {@code /*} comment starts at {@code at}, where no statement has started. */
        default void comment(int at) {
        }

        /** A block's brace opens at {@code brace}; its prelude runs from {@code start}. */
        void opens(int start, int brace);

        /** The statement from {@code start} ends at {@code end}, a {@code ;} or a block's closing brace. */
        void ends(int start, int end);

        /** The innermost open block closes at {@code brace}. */
        void closes(int brace);
    }

    /** Whether the stylesheet at this URL, path or name is in the indented syntax, by its extension. */
    static boolean indented(String url) {
        return url.toLowerCase(Locale.ROOT).endsWith(".sass");
    }

    /**
     * Tells {@code statements} of each statement and block of the source, in one pass: read as
     * the indented syntax when {@code indented}, else as SCSS.
     */
    static void walk(String source, boolean indented, Statements statements) {
        if (indented) {
            walkIndented(source, statements);
        } else {
            walkBraces(source, statements);
        }
    }

    /** {@link #walk} for SCSS, where braces open and close blocks and a {@code ;} ends a statement. */
    private static void walkBraces(String source, Statements statements) {
        int statement = -1;
        int parentheses = 0;
        int depth = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (statement < 0 && c == '/' && source.startsWith("/*", i)) {
                statements.comment(i);
            }
            if (statement < 0 && !Character.isWhitespace(c) && c != ';' && c != '}' && !isComment(source, i)) {
                statements.starts(i);
                statement = i;
            }
            int skipped = skip(source, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            if (c == '(') {
                parentheses++;
            } else if (c == ')') {
                parentheses--;
            } else if (c == '{') {
                statements.opens(statement, i);
                depth++;
                statement = -1;
                parentheses = 0;
            } else if (c == ';' && parentheses <= 0 || c == '}') {
                if (statement >= 0) {
                    statements.ends(statement, i);
                }
                statement = -1;
                parentheses = 0;
                if (c == '}' && depth > 0) {
                    depth--;
                    statements.closes(i);
                }
            }
            i++;
        }
    }

    /**
     * {@link #walk} for the indented syntax, where a block is the lines indented under its first:
     * a block "opens" at the line break that ends its first line (a selector list goes on over
     * lines that end in a comma) and "closes" at the start of the first line after it indented no
     * deeper than that line, or at the end of the text; a statement ends at its line break. A
     * comment takes the lines indented under it.
     */
    private static void walkIndented(String source, Statements statements) {
        java.util.ArrayDeque<Integer> indents = new java.util.ArrayDeque<>();
        int lineStart = 0;
        while (lineStart < source.length()) {
            int lineEnd = lineEnd(source, lineStart);
            int indent = indent(source, lineStart, lineEnd);
            if (lineStart + indent == lineEnd) {
                lineStart = lineEnd + 1;
                continue;
            }
            while (!indents.isEmpty() && indent <= indents.peek()) {
                indents.pop();
                statements.closes(lineStart);
            }
            int at = lineStart + indent;
            int next = lineEnd + 1;
            if (source.startsWith("/*", at) || source.startsWith("//", at)) {
                if (source.startsWith("/*", at)) {
                    statements.comment(at);
                }
                while (next < source.length() && (indentOfLine(source, next) > indent || isBlankLine(source, next))) {
                    next = lineEnd(source, next) + 1;
                }
                lineStart = next;
                continue;
            }
            int headerEnd = lineEnd;
            while (headerEnd < source.length() && source.substring(at, headerEnd).stripTrailing().endsWith(",")) {
                headerEnd = lineEnd(source, headerEnd + 1);
            }
            next = headerEnd + 1;
            while (next < source.length() && isBlankLine(source, next)) {
                next = lineEnd(source, next) + 1;
            }
            statements.starts(at);
            if (next < source.length() && indentOfLine(source, next) > indent) {
                statements.opens(at, headerEnd);
                indents.push(indent);
            } else {
                statements.ends(at, headerEnd);
            }
            lineStart = headerEnd + 1;
        }
        while (!indents.isEmpty()) {
            indents.pop();
            statements.closes(source.length());
        }
    }

    /** Where the line holding the offset {@code at} starts; the readers of the indented syntax share these line helpers. */
    static int lineStart(String source, int at) {
        return source.lastIndexOf('\n', at - 1) + 1;
    }

    /** Where the line from {@code from} ends: its line break, or the end of the text. */
    static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private static int indent(String source, int lineStart, int lineEnd) {
        int i = lineStart;
        while (i < lineEnd && (source.charAt(i) == ' ' || source.charAt(i) == '\t' || source.charAt(i) == '\r')) {
            i++;
        }
        return i - lineStart;
    }

    /** How many spaces and tabs the line starting at {@code lineStart} is indented by. */
    static int indentOfLine(String source, int lineStart) {
        return indent(source, lineStart, lineEnd(source, lineStart));
    }

    /**
     * In the indented syntax, where the first text of each line that holds the line of the offset
     * {@code at} stands, innermost first: each earlier line indented less than the one below it.
     */
    static java.util.List<Integer> indentedOwners(String source, int at) {
        java.util.List<Integer> owners = new java.util.ArrayList<>();
        int line = lineStart(source, at);
        int indent = indentOfLine(source, line);
        while (indent > 0 && line > 0) {
            line = lineStart(source, line - 1);
            if (!isBlankLine(source, line) && indentOfLine(source, line) < indent) {
                indent = indentOfLine(source, line);
                owners.add(line + indent);
            }
        }
        return owners;
    }

    /** Whether the line starting at {@code lineStart} holds nothing but white space. */
    static boolean isBlankLine(String source, int lineStart) {
        int end = lineEnd(source, lineStart);
        return lineStart + indent(source, lineStart, end) == end;
    }

    /**
     * Where the statement holding the offset {@code inner} starts, in the innermost block around
     * the statement at {@code at} that holds {@code inner} too; -1 when {@code inner} is not
     * before {@code at} or no statement starts at {@code at}. What the stylesheet does from there
     * to {@code at} is the text between them.
     *
     * @param places the stylesheet's {@link #places}
     */
    static int statementHolding(NavigableMap<Integer, Place> places, int at, int inner) {
        if (inner < 0 || inner >= at) {
            return -1;
        }
        Place place = places.get(at);
        while (place != null && inner <= place.open()) {
            // no statement starts inside a block's prelude, so the last one before its brace owns it
            Integer owner = places.floorKey(place.open());
            place = owner == null ? null : places.get(owner);
        }
        if (place == null) {
            return -1;
        }
        // the statements of one block follow each other; those nested in them have other braces
        return statementIn(places, place.open(), inner);
    }

    /**
     * Where the statement that stands directly in the block whose brace is at {@code open} and
     * holds the offset {@code inner} starts; -1 when none does.
     *
     * @param places the stylesheet's {@link #places}
     */
    static int statementIn(NavigableMap<Integer, Place> places, int open, int inner) {
        for (Map.Entry<Integer, Place> entry = places.floorEntry(inner); entry != null && entry.getKey() > open;
                entry = places.lowerEntry(entry.getKey())) {
            if (entry.getValue().open() == open) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /**
     * Where the last statement that writes, standing directly in the block whose brace is at
     * {@code open}, before the offset {@code before} starts: variables, {@code @extend} and the
     * like, and definitions passed over; -1 when none does.
     *
     * @param places the stylesheet's {@link #places}
     */
    static int writingBefore(NavigableMap<Integer, Place> places, String source, int open, int before) {
        for (Map.Entry<Integer, Place> entry = places.lowerEntry(before); entry != null && entry.getKey() > open;
                entry = places.lowerEntry(entry.getKey())) {
            if (entry.getValue().open() == open && !source.startsWith("@mixin", entry.getKey())
                    && !source.startsWith("@function", entry.getKey())
                    && simpleKind(source.substring(entry.getKey(), Math.min(source.length(), entry.getKey() + 80))) != Kind.SILENT) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /**
     * Whether the stretch writes no block of its own: no braces (but interpolations'), no
     * {@code @include} and no {@code @content}; declarations and variables only.
     */
    static boolean writesNoBlock(String source, int from, int to) {
        return noneOutsideSkipped(source, from, to, i -> source.charAt(i) == '{'
                || source.startsWith("@include", i) || source.startsWith("@content", i));
    }

    /**
     * Whether the inside of an at-rule writes only what stays inside it: declarations and style
     * rules, no directive ({@code @include}, a nested {@code @media}) whose CSS could go after it,
     * and {@code @content} only when {@code plainContent} says the content writes no block.
     */
    static boolean writesOnlyRules(String source, int from, int to, boolean plainContent) {
        return noneOutsideSkipped(source, from, to,
                i -> source.charAt(i) == '@' && !(plainContent && source.startsWith("@content", i)));
    }

    /**
     * Whether the stretch holds no {@code @media} and nothing whose CSS its own text does not show
     * (an import, a mixin's {@code @content}): no at-rule but control flow ({@code @if},
     * {@code @else}, {@code @each}, {@code @for}, {@code @while}), {@code @supports}, {@code @extend} and includes
     * of mixins the stylesheet defines once, whose bodies hold none either. An {@code @media}
     * that starts at an offset in {@code written} counts as none (what it holds is looked at).
     */
    static boolean holdsNoMedia(String source, int from, int to, boolean indented, Set<Integer> written) {
        return holdsNoMedia(source, from, to, indented, written, mixins(source, indented), 0);
    }

    private static boolean holdsNoMedia(String source, int from, int to, boolean indented, Set<Integer> written,
            Map<String, List<int[]>> mixins, int depth) {
        return noneOutsideSkipped(source, from, to, i -> {
            int nameStart = nameAfter(source, i, "@include", '+', indented);
            if (nameStart >= 0) {
                List<int[]> bodies = mixins.get(nameAt(source, nameStart));
                return depth >= DEEPEST_INCLUDE || bodies == null || bodies.size() != 1
                        || !holdsNoMedia(source, bodies.get(0)[0] + 1, bodies.get(0)[1], indented, written, mixins, depth + 1);
            }
            return source.charAt(i) == '@' && !written.contains(i)
                    && !SHOWING_ALL.matcher(source).region(i, Math.min(to, source.length())).lookingAt();
        });
    }

    /**
     * Whether no position of the stretch outside the strings, comments and interpolations
     * {@link #skip} passes over is one {@code found} accepts.
     */
    private static boolean noneOutsideSkipped(String source, int from, int to, IntPredicate found) {
        int i = Math.max(from, 0);
        while (i < Math.min(to, source.length())) {
            int skipped = skip(source, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            if (found.test(i)) {
                return false;
            }
            i++;
        }
        return true;
    }

    /**
     * {@link #statementHolding} for the indented syntax, where a block is the lines indented
     * under its first line: the statement is the last line at or before {@code inner} indented no
     * deeper than each line after it up to {@code at}'s.
     */
    static int indentedStatementHolding(String source, int at, int inner) {
        int atLine = lineStart(source, at);
        if (inner < 0 || inner >= atLine || !source.substring(atLine, at).isBlank()) {
            return -1;
        }
        int depth = at - atLine;
        int lineStart = atLine;
        while (lineStart > 0) {
            lineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
            String line = source.substring(lineStart, source.indexOf('\n', lineStart));
            int indent = line.length() - line.stripLeading().length();
            if (line.isBlank() || indent > depth) {
                continue;
            }
            depth = indent;
            if (lineStart <= inner && !continuesList(source, lineStart)) {
                return lineStart + indent;
            }
        }
        return -1;
    }

    /**
     * The Sass stylesheets the {@code @import} statements of a stylesheet load: by the offset each
     * statement starts at, the names it gives, in order, as written. A plain CSS import (a
     * {@code url()}, a name ending in {@code .css} or holding a scheme) loads none and is left out.
     */
    static NavigableMap<Integer, List<String>> imports(String source) {
        NavigableMap<Integer, List<String>> found = new TreeMap<>();
        eachStatement(source, "@import", '@', false, (i, nameStart) -> {
            List<String> names = new ArrayList<>();
            int end = nameStart;
            while (end < source.length()) {
                char quote = source.charAt(end);
                int nameEnd = end;
                String name;
                if (quote == '"' || quote == '\'') {
                    nameEnd = StaticValues.skipped(source, end);
                    name = source.substring(end + 1, Math.max(end + 1, nameEnd - 1));
                } else {
                    while (nameEnd < source.length() && ",;\r\n".indexOf(source.charAt(nameEnd)) < 0) {
                        nameEnd++;
                    }
                    name = source.substring(end, nameEnd).strip();
                }
                if (!name.isEmpty() && !name.startsWith("url(") && !name.endsWith(".css") && !name.contains("//")) {
                    names.add(name);
                }
                end = nameEnd;
                while (end < source.length() && " \t".indexOf(source.charAt(end)) >= 0) {
                    end++;
                }
                if (end >= source.length() || source.charAt(end) != ',') {
                    break;
                }
                end++;
                while (end < source.length() && Character.isWhitespace(source.charAt(end))) {
                    end++;
                }
            }
            if (!names.isEmpty()) {
                found.put(i, names);
            }
            return Math.max(end, i + 1);
        });
        return found;
    }

    /**
     * Whether the name an {@code @import} gives can be the stylesheet at {@code url}: the URL's
     * path ends with the name, as a partial ({@code _name}), or as a folder's index, with or
     * without the extension. Where the name is looked for (the importer's folder, the load
     * paths) is not read, so two stylesheets of one name in two folders both match.
     */
    static boolean canLoad(String name, String url) {
        String path = withoutExtension(url);
        String wanted = withoutExtension(name);
        while (wanted.startsWith("./") || wanted.startsWith("../")) {
            wanted = wanted.substring(wanted.indexOf('/') + 1);
        }
        int slash = wanted.lastIndexOf('/');
        String folder = wanted.substring(0, slash + 1);
        String base = wanted.substring(slash + 1);
        for (String candidate : List.of(base, "_" + base, base + "/_index", base + "/index")) {
            if (path.endsWith("/" + folder + candidate) || path.equals(folder + candidate)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutExtension(String name) {
        for (String extension : List.of(".scss", ".sass", ".css")) {
            if (name.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    /**
     * Where the statement at the top level of the stylesheet that holds the offset {@code inner}
     * starts; -1 when none does.
     *
     * @param places the stylesheet's {@link #places}
     */
    static int topStatementHolding(NavigableMap<Integer, Place> places, int inner) {
        for (Map.Entry<Integer, Place> entry = places.floorEntry(inner); entry != null;
                entry = places.lowerEntry(entry.getKey())) {
            if (entry.getValue().open() < 0) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /** {@link #topStatementHolding} for the indented syntax: the last unindented line at or before {@code inner}. */
    static int indentedTopStatementHolding(String source, int inner) {
        int lineStart = source.lastIndexOf('\n', Math.min(inner, source.length()) - 1) + 1;
        while (true) {
            int lineEnd = source.indexOf('\n', lineStart);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !continuesList(source, lineStart)) {
                return lineStart;
            }
            if (lineStart == 0) {
                return -1;
            }
            lineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
        }
    }

    /** Whether the line starting at {@code lineStart} goes on with a selector list the line before ends with a comma. */
    private static boolean continuesList(String source, int lineStart) {
        int k = lineStart - 1;
        while (k >= 0 && Character.isWhitespace(source.charAt(k))) {
            k--;
        }
        return k >= 0 && source.charAt(k) == ',';
    }

    /**
     * Whether the stretch of the stylesheet loads a module ({@code @use}, {@code @forward}) or
     * writes the content a mixin was given ({@code @content}) where it stands: CSS whose text is
     * elsewhere. {@code @import}s are the caller's to follow ({@link #imports}); what the mixins
     * and functions it defines hold is left out, as it is evaluated where they are used.
     */
    static boolean writesFromElsewhere(String source, int from, int to, boolean indented) {
        int i = Math.max(from, 0);
        while (i < Math.min(to, source.length())) {
            int skipped = Math.max(skip(source, i), definitionEnd(source, i, indented));
            if (skipped > i) {
                i = skipped;
                continue;
            }
            for (String keyword : List.of("@use", "@forward", "@content")) {
                int after = i + keyword.length();
                if (source.startsWith(keyword, i) && (after == source.length() || !isNameCharacter(source.charAt(after)))) {
                    return true;
                }
            }
            i++;
        }
        return false;
    }

    /** A mixin's body, or an include's content: the stylesheet it stands in and the offsets of its braces. */
    record Body(String source, int open, int close) {
    }

    /**
     * A style rule's first later part: the declaration of the rule's own that starts it (in the
     * rule's text or a mixin's, {@code source} and the offset {@code at}), how many blocks the
     * rule writes before it, and whether that declaration is the rule's own only once for sure
     * (a mixin's, included twice, may start a later part after the first too).
     */
    record LaterPart(int blocksBefore, String source, int at, boolean once) {
    }

    /**
     * Where the first later part of the style rule whose braces are at {@code open} and
     * {@code close} starts, and how many blocks the rule writes before it, each one for sure: a
     * nested rule writes its parts and the blocks nested in it, an {@code @media} one block, an
     * include what its mixin's body writes (with {@code @content} the include's content), read
     * in turn, up to the first declaration that lands in the rule's own block after a block.
     * dart-sass writes what a rule's statements evaluate to in that order, so these are the
     * blocks just before that later part. Null when it cannot be told: a declaration or comment
     * of the rule's own before any block (a first part of the rule), a rule or {@code @media}
     * that may write nothing, control flow, {@code @at-root} or any other at-rule, a mixin whose
     * name has not exactly one body ({@code mixin} gives it, or null), an {@code @media} inside
     * an at-rule (dart-sass writes it after that at-rule's block), which {@code inAtRule} says of
     * the rule, or no later part at all.
     */
    static LaterPart laterPart(String source, int open, int close, Function<String, Body> mixin, boolean inAtRule) {
        Tally tally = new Tally();
        new BlockCounter(mixin).walk(source, open + 1, close, tally, new Scope(true, inAtRule, null, null, 0));
        return tally.laterAt < 0 ? null
                : new LaterPart(tally.blocksBefore, tally.laterSource, tally.laterAt, tally.sure && !tally.again);
    }

    /** The blocks a stretch wrote, and whether the part of the rule it stands in is the last of them. */
    private static final class Tally {
        int blocks;
        boolean ownLast = true;
        boolean ownWritten;
        boolean sure = true;
        /**
         * Where the rule's first later part starts, once found, with the blocks before it; the
         * walk goes on to tell whether the same declaration lands in the rule's own block again.
         */
        String laterSource;
        int laterAt = -1;
        int blocksBefore;
        boolean again;
    }

    /**
     * Where a stretch is evaluated: directly in the rule being counted (where a declaration
     * starts a part of that rule), inside an at-rule, and the content {@code @content} writes
     * there, read in the scope of its include.
     */
    private record Scope(boolean counted, boolean inAtRule, Body content, Scope contentScope, int depth) {
        Scope nested(boolean atRule) {
            return new Scope(false, inAtRule || atRule, content, contentScope, depth);
        }
    }

    /**
     * {@link #laterPart}'s walk over statements, into nested rules, at-rules and mixins. Mixins
     * that include others many times over could make the walk long, so it gives up after so many
     * statements, as it does so deep in mixins.
     */
    private static final class BlockCounter {
        private static final int DEEPEST = 32;
        private static final int MOST_STATEMENTS = 10_000;
        private final Function<String, Body> mixin;
        private int statements;

        BlockCounter(Function<String, Body> mixin) {
            this.mixin = mixin;
        }

        void walk(String source, int from, int to, Tally tally, Scope scope) {
            if (scope.depth() > DEEPEST) {
                tally.sure = false;
            }
            int i = from;
            while (i < to && tally.sure) {
                char c = source.charAt(i);
                if (Character.isWhitespace(c) || c == ';') {
                    i++;
                    continue;
                }
                if (source.startsWith("//", i)) {
                    i = skip(source, i);
                    continue;
                }
                if (source.startsWith("/*", i)) {
                    // in the rule counted, where a comment goes is not read
                    if (scope.counted()) {
                        tally.sure = false;
                    } else {
                        declared(source, i, tally, scope);
                    }
                    i = skip(source, i);
                    continue;
                }
                if (++statements > MOST_STATEMENTS) {
                    tally.sure = false;
                    return;
                }
                int end = i;
                int parentheses = 0;
                while (end < to) {
                    int skipped = skip(source, end);
                    if (skipped > end) {
                        end = skipped;
                        continue;
                    }
                    char d = source.charAt(end);
                    if (d == '(') {
                        parentheses++;
                    } else if (d == ')') {
                        parentheses--;
                    } else if (d == '{' || d == '}' || d == ';' && parentheses <= 0) {
                        break;
                    }
                    end++;
                }
                String text = source.substring(i, Math.min(end, to)).strip();
                if (end < to && source.charAt(end) == '{') {
                    int[] braces = SplitRules.braces(source, end);
                    if (braces == null || braces[1] >= to) {
                        tally.sure = false;
                        return;
                    }
                    block(text, new Body(source, braces[0], braces[1]), tally, scope);
                    i = braces[1] + 1;
                } else if (end < to && source.charAt(end) == '}') {
                    tally.sure = false;
                } else {
                    statement(source, i, text, tally, scope);
                    i = end + 1;
                }
            }
        }

        /** A statement with a block: a nested rule, an {@code @media}, an include with content or a definition. */
        private void block(String prelude, Body body, Tally tally, Scope scope) {
            if (prelude.startsWith("@mixin") || prelude.startsWith("@function")) {
                return;
            }
            if (prelude.startsWith("@include")) {
                included(prelude, body, tally, scope);
                return;
            }
            boolean media = prelude.startsWith("@media");
            if (media && scope.inAtRule() || !media && (prelude.startsWith("@") || prelude.endsWith(":")
                    || prelude.indexOf('%') >= 0)) {
                tally.sure = false;
                return;
            }
            Tally inner = new Tally();
            walk(body.source(), body.open() + 1, body.close(), inner, scope.nested(media));
            if (!inner.sure || inner.blocks == 0) {
                tally.sure = false;
                return;
            }
            tally.blocks += media ? 1 : inner.blocks;
            tally.ownLast = false;
        }

        /** A statement without a block. */
        private void statement(String source, int at, String text, Tally tally, Scope scope) {
            if (text.isEmpty() || text.startsWith("$") || text.matches("@(extend|debug|warn)\\b.*")) {
                return;
            }
            if (text.startsWith("@include")) {
                included(text, null, tally, scope);
            } else if (text.equals("@content") || text.startsWith("@content(") || text.startsWith("@content ")) {
                if (scope.content() != null) {
                    Scope outer = scope.contentScope();
                    // the content reads its own @content as the include's scope does
                    Scope inContent = new Scope(scope.counted(), scope.inAtRule(), outer.content(), outer.contentScope(),
                            scope.depth() + 1);
                    walk(scope.content().source(), scope.content().open() + 1, scope.content().close(), tally, inContent);
                }
            } else if (text.startsWith("@") || text.indexOf(':') <= 0) {
                tally.sure = false;
            } else {
                declared(source, at, tally, scope);
            }
        }

        /** An include, with its content or none: what its mixin's body writes where the include stands. */
        private void included(String text, Body content, Tally tally, Scope scope) {
            int nameStart = "@include".length();
            while (nameStart < text.length() && Character.isWhitespace(text.charAt(nameStart))) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < text.length() && isNameCharacter(text.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = text.substring(nameStart, nameEnd);
            Body body = name.isEmpty() ? null : mixin.apply(normalized(name.substring(name.lastIndexOf('.') + 1)));
            if (body == null) {
                tally.sure = false;
                return;
            }
            walk(body.source(), body.open() + 1, body.close(), tally,
                    new Scope(scope.counted(), scope.inAtRule(), content, scope, scope.depth() + 1));
        }

        /**
         * A declaration or comment at {@code at}: it goes in the rule's last part, or starts a new
         * one after a block; in the rule counted, that new part is the later part looked for.
         */
        private static void declared(String source, int at, Tally tally, Scope scope) {
            if (scope.counted()) {
                if (tally.laterAt >= 0) {
                    tally.again |= tally.laterAt == at && tally.laterSource.equals(source);
                } else if (tally.blocks == 0) {
                    tally.sure = false;
                } else {
                    tally.laterSource = source;
                    tally.laterAt = at;
                    tally.blocksBefore = tally.blocks;
                }
            } else if (!tally.ownLast || !tally.ownWritten) {
                tally.blocks++;
                tally.ownLast = true;
                tally.ownWritten = true;
            }
        }
    }

    /**
     * Where the definition of a mixin or function that starts at {@code at} ends, its body
     * included; {@code at} when none starts there.
     */
    private static int definitionEnd(String source, int at, boolean indented) {
        if (nameAfter(source, at, "@mixin", '=', indented) < 0 && nameAfter(source, at, "@function", '@', false) < 0) {
            return at;
        }
        int[] body = indented ? SplitRules.indented(source, at) : SplitRules.braces(source, at);
        if (body == null) {
            return at;
        }
        return indented ? body[1] : body[1] + 1;
    }

    private static boolean isComment(String source, int at) {
        return source.charAt(at) == '/' && at + 1 < source.length()
                && (source.charAt(at + 1) == '*' || source.charAt(at + 1) == '/');
    }

    private static void ended(int[] block, Kind kind) {
        if (kind != Kind.SILENT) {
            block[2] = 1;
            block[3] = kind.ordinal() + 1;
        }
    }

    private static Kind simpleKind(String text) {
        if (text.startsWith("$") || text.matches("@(extend|debug|warn)\\b.*")) {
            return Kind.SILENT;
        }
        int colon = text.indexOf(':');
        return !text.startsWith("@") && !text.startsWith("%") && colon > 0 ? Kind.DECLARATION : Kind.OTHER;
    }

    /**
     * The names of the mixins {@code @include}d between {@code from} and {@code to} (and, in the
     * indented syntax, {@code +name}d), without a module's namespace, {@code _} read as {@code -}
     * as Sass reads it; those inside the mixins and functions the stretch defines are left out.
     */
    static List<String> includes(String source, int from, int to, boolean indented) {
        List<String> names = new ArrayList<>();
        int i = Math.max(from, 0);
        while (i < Math.min(to, source.length())) {
            int skipped = Math.max(skip(source, i), definitionEnd(source, i, indented));
            if (skipped > i) {
                i = skipped;
                continue;
            }
            int nameStart = nameAfter(source, i, "@include", '+', indented);
            if (nameStart < 0) {
                i++;
                continue;
            }
            String name = nameAt(source, nameStart);
            if (!name.isEmpty()) {
                names.add(name);
            }
            i = nameStart;
        }
        return names;
    }

    /** The name of the mixin an include that names it at {@code nameStart} includes, as {@link #includes} gives it; empty when none. */
    private static String nameAt(String source, int nameStart) {
        int end = nameStart;
        while (end < source.length() && isNameCharacter(source.charAt(end))) {
            end++;
        }
        String name = source.substring(nameStart, end);
        return name.isEmpty() ? name : normalized(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * Where the name begins after the directive {@code keyword} that starts at {@code i}, or after
     * {@code mark} starting a line of the indented syntax ({@code +name}, {@code =name}); -1 when
     * neither starts there.
     */
    private static int nameAfter(String source, int i, String keyword, char mark, boolean indented) {
        int nameStart = -1;
        int after = i + keyword.length();
        if (source.startsWith(keyword, i) && after < source.length() && Character.isWhitespace(source.charAt(after))) {
            nameStart = after;
        } else if (indented && source.charAt(i) == mark && lineStartsAt(source, i)) {
            nameStart = i + 1;
        }
        while (nameStart >= 0 && nameStart < source.length() && Character.isWhitespace(source.charAt(nameStart))) {
            nameStart++;
        }
        return nameStart;
    }

    /**
     * The mixins a stylesheet defines: by name ({@code _} read as {@code -}), where each one's
     * body starts and ends.
     */
    static Map<String, List<int[]>> mixins(String source, boolean indented) {
        Map<String, List<int[]>> found = new HashMap<>();
        eachStatement(source, "@mixin", '=', indented, (i, nameStart) -> {
            int end = nameStart;
            while (end < source.length() && isNameCharacter(source.charAt(end)) && source.charAt(end) != '.') {
                end++;
            }
            int[] body = indented ? SplitRules.indented(source, i) : SplitRules.braces(source, i);
            if (end > nameStart && body != null) {
                found.computeIfAbsent(normalized(source.substring(nameStart, end)), k -> new ArrayList<>()).add(body);
            }
            return end;
        });
        return found;
    }

    /** Reads a statement {@link #eachStatement} found. */
    private interface StatementReader {
        /** Reads the statement at {@code start}, its name at {@code nameStart}; returns where to go on looking. */
        int read(int start, int nameStart);
    }

    /**
     * Offers {@code reader} each statement of {@code source} that starts with {@code keyword} (in
     * the indented syntax, also with {@code mark} at a line's start), outside comments and strings.
     */
    private static void eachStatement(String source, String keyword, char mark, boolean indented, StatementReader reader) {
        int i = 0;
        while (i < source.length()) {
            int skipped = skip(source, i);
            if (skipped > i) {
                i = skipped;
            } else {
                int nameStart = nameAfter(source, i, keyword, mark, indented);
                i = nameStart < 0 ? i + 1 : Math.max(reader.read(i, nameStart), i + 1);
            }
        }
    }

    /** A mixin's name as Sass compares it, {@code _} and {@code -} alike. */
    static String normalized(String name) {
        return name.replace('_', '-');
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c > 0x7F;
    }

    private static boolean lineStartsAt(String source, int at) {
        int k = at - 1;
        while (k >= 0 && (source.charAt(k) == ' ' || source.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || source.charAt(k) == '\n';
    }

    /**
     * Where the string, comment or interpolation at {@code at} ends, or {@code at} when none
     * starts there. A {@code //} right after a colon is a URL's, not a comment.
     */
    static int skip(String source, int at) {
        char c = source.charAt(at);
        boolean next = at + 1 < source.length();
        if (c == '"' || c == '\'' || c == '/' && next && source.charAt(at + 1) == '*') {
            return StaticValues.skipped(source, at);
        }
        if (c == '/' && next && source.charAt(at + 1) == '/' && (at == 0 || source.charAt(at - 1) != ':')) {
            int end = source.indexOf('\n', at);
            return end < 0 ? source.length() : end;
        }
        if (c == '#' && next && source.charAt(at + 1) == '{') {
            int depth = 0;
            int i = at + 1;
            while (i < source.length()) {
                char d = source.charAt(i);
                if (d == '"' || d == '\'') {
                    i = StaticValues.skipped(source, i);
                    continue;
                }
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
            return source.length();
        }
        return at;
    }
}
