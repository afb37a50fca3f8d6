package org.sheaf.config;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyTime;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into plain Java values, the way Jekyll (Psych, YAML 1.1) reads it, and
 * remembers where every key and item came from.
 *
 * <p>SnakeYAML only composes the node graph; the values are built here from the nodes, so no
 * tag can ever instantiate a Java class. Scalars resolve as YAML 1.1: {@code yes/no/on/off}
 * are booleans, {@code 0x1F} and {@code 017} are integers, {@code 2017-09-04} is a date.
 * Timestamps become values as Psych makes them ({@link RubyTime#fromYaml}): a date alone a
 * {@link org.sheaf.jekyll.RubyDate}, a time a {@link ZonedDateTime}. Duplicate keys keep the last value,
 * as Jekyll does; merge keys ({@code <<: *base}) merge as Psych merges them.
 *
 * <p>Hostile input is refused with a diagnostic rather than exhausting the build: at most
 * {@value #MAX_ALIASES} aliases of collections, at most {@value #MAX_EXPANDED_VALUES} values
 * copied through aliases, at most {@value #MAX_DEPTH} levels of nesting, and a size limit.
 *
 * <p>Thread safety: every call builds its own SnakeYAML objects, so calls may run in parallel.
 */
public final class YamlParser {
    /** Most characters accepted by {@link #parse(String, String, int, ZoneId, String)}: 4 MB. */
    public static final int DEFAULT_MAX_CODE_POINTS = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and sequences accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most aliases of mappings or sequences in one document. */
    public static final int MAX_ALIASES = 50;
    /**
     * Most runs of tabs between tokens read again as spaces ({@link #tabBetweenTokens}) one parse
     * each, when reading all of them as spaces at once fails (the text has a mistake after them),
     * so a file full of them cannot make the parse quadratic without end.
     */
    static final int MAX_TAB_RETRIES = 64;
    /** Most values built by copying aliased collections, so a few aliases cannot explode. */
    public static final int MAX_EXPANDED_VALUES = 100_000;

    private YamlParser() {
    }

    /**
     * Parses one YAML document of at most {@link #DEFAULT_MAX_CODE_POINTS} characters.
     *
     * @param text      the YAML text
     * @param path      the file, as diagnostics print it
     * @param firstLine the line of the file where {@code text} starts (2 for front matter)
     * @param zone      the site's zone, for timestamps written without one
     * @param context   what the text is, for messages: "front matter", "_config.yml", "data file"
     * @throws DiagnosticException when the text is not valid YAML or breaks a limit; the
     *                             diagnostic is at the problem's line and column in the file
     */
    public static YamlDocument parse(String text, String path, int firstLine, ZoneId zone, String context)
            throws DiagnosticException {
        return parse(text, path, firstLine, zone, context, DEFAULT_MAX_CODE_POINTS);
    }

    /** As {@link #parse(String, String, int, ZoneId, String)}, with another size limit (data files). */
    public static YamlDocument parse(String text, String path, int firstLine, ZoneId zone, String context,
            int maxCodePoints) throws DiagnosticException {
        if (text.length() > maxCodePoints && text.codePointCount(0, text.length()) > maxCodePoints) {
            throw new DiagnosticException(Diagnostic.error(path, firstLine, 1,
                    context + " is too large: more than " + maxCodePoints + " characters of YAML"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        // Our own depth check (below) reports first; this is only SnakeYAML's backstop.
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(maxCodePoints);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        // Composing is safe for any tag: values are built here and unknown tags are refused.
        options.setTagInspector(tag -> true);

        String source = text;
        int retries = 0;
        Node root = null;
        ValueBuilder builder = null;
        while (builder == null) {
            EventLog events = new EventLog(new ParserImpl(new StreamReader(source), options));
            Composer composer = new Composer(events, new JekyllResolver(), options);
            ValueBuilder reader = new ValueBuilder(path, firstLine, zone, source);
            try {
                root = composer.getSingleNode();
                builder = reader;
            } catch (LimitExceeded e) {
                throw reader.error(e.mark, e.problem);
            } catch (MarkedYAMLException e) {
                int tab = ++retries > MAX_TAB_RETRIES ? -1 : tabBetweenTokens(source, e);
                if (tab < 0) {
                    throw reader.error(e, context);
                }
                String allAtOnce = retries == 1 ? tabsBetweenTokensSpaced(source, tab, options) : null;
                source = allAtOnce != null ? allAtOnce : spaced(source, List.of(tab));
            } catch (ReaderException e) {
                throw new DiagnosticException(Diagnostic.error(path, reader.positionOfIndex(source, e.getPosition()),
                        "invalid YAML in " + context + ": character U+"
                                + String.format(Locale.ROOT, "%04X", e.getCodePoint()) + " is not allowed"));
            } catch (YAMLException e) {
                // Limits SnakeYAML enforces without a mark (aliases, size): place them at the event it stopped at.
                throw reader.error(events.lastMark(), "invalid YAML in " + context + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // SnakeYAML's Tag refuses some tags (a %20 that decodes to a space) without a YAMLException; found by fuzzing.
                throw reader.error(events.lastMark(), "invalid YAML in " + context + ": " + e.getMessage());
            }
        }
        if (root == null) {
            return new YamlDocument(null, Map.of());
        }
        builder.positions.put("", builder.position(root.getStartMark()));
        Object value = builder.build(root, "", false);
        return new YamlDocument(value, builder.positions);
    }

    /**
     * {@code source} with every run of blanks that starts with a tab from {@code tab} on that
     * Psych reads as a space, read so at once, or null when that cannot be told in a few reads:
     * the text is read again with each such tab outside a scalar spaced, where the line allows
     * it ({@link #spaceableTab}); a tab inside a scalar is part of its value, so those are put
     * back and the text read once more. A tab in a comment may be spaced, which changes nothing.
     * The caller then reads the text it returns, or else goes on one tab at a time.
     */
    private static String tabsBetweenTokensSpaced(String source, int tab, LoaderOptions options) {
        List<Integer> runs = new ArrayList<>();
        for (int at = tab; at < source.length(); at++) {
            if (source.charAt(at) == '\t') {
                if (spaceableTab(source, at)) {
                    runs.add(at);
                }
                // the rest of the run has the same text before it, so counts as its first tab does
                while (at + 1 < source.length() && (source.charAt(at + 1) == '\t' || source.charAt(at + 1) == ' ')) {
                    at++;
                }
            }
        }
        for (int read = 0; read < 2; read++) {
            String spaced = spaced(source, runs);
            List<Integer> inScalars;
            try {
                Node root = new Composer(new ParserImpl(new StreamReader(spaced), options), new JekyllResolver(), options)
                        .getSingleNode();
                inScalars = runsInScalars(source, runs, root);
            } catch (RuntimeException e) {
                return null;
            }
            if (inScalars.isEmpty()) {
                return spaced;
            }
            runs.removeAll(inScalars);
        }
        return null;
    }

    /** {@code text} with the run of blanks starting at each of {@code runs} made spaces, one for one, so every position stays. */
    private static String spaced(String text, List<Integer> runs) {
        StringBuilder spaced = new StringBuilder(text);
        for (int run : runs) {
            for (int at = run; at < spaced.length() && (spaced.charAt(at) == '\t' || spaced.charAt(at) == ' '); at++) {
                spaced.setCharAt(at, ' ');
            }
        }
        return spaced.toString();
    }

    /** The ones of {@code runs} (offsets, in order) that start inside a scalar of the graph under {@code root}. */
    private static List<Integer> runsInScalars(String text, List<Integer> runs, Node root) {
        if (root == null || runs.isEmpty()) {
            return List.of();
        }
        // SnakeYAML's marks count code points
        int[] indexes = new int[runs.size()];
        for (int i = 0, offset = 0, index = 0; i < runs.size(); i++) {
            index += text.codePointCount(offset, runs.get(i));
            offset = runs.get(i);
            indexes[i] = index;
        }
        List<Integer> inside = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple entry : mapping.getValue()) {
                    pending.add(entry.getKeyNode());
                    pending.add(entry.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                pending.addAll(sequence.getValue());
            } else {
                int first = Arrays.binarySearch(indexes, node.getStartMark().getIndex());
                for (int i = first < 0 ? -first - 1 : first; i < indexes.length && indexes[i] < node.getEndMark().getIndex(); i++) {
                    inside.add(runs.get(i));
                }
            }
        }
        return inside;
    }

    /**
     * The offset of the tab SnakeYAML stopped at while looking for the next token, when Psych
     * would have read it as a space: libyaml 0.2.5 skips a tab between tokens on a line, but not
     * in the indent nor after the {@code -} or {@code ?} that opens a block item. -1 otherwise.
     * Only a failed parse asks, so text without such tabs is read once.
     */
    private static int tabBetweenTokens(String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        if (mark == null || !"while scanning for the next token".equals(e.getContext())
                || mark.getIndex() >= text.codePointCount(0, text.length())) {
            return -1;
        }
        int offset = text.offsetByCodePoints(0, mark.getIndex());
        if (text.charAt(offset) != '\t') {
            return -1;
        }
        return spaceableTab(text, offset) ? offset : -1;
    }

    /**
     * Whether Psych reads the tab at {@code offset} as a space when it stands between tokens:
     * anywhere on a line but in the indent and right after the {@code -} or {@code ?} that opens
     * a block item.
     */
    private static boolean spaceableTab(String text, int offset) {
        // back over the blanks before it only, so a line of many tabs is read in linear time
        int last = offset - 1;
        while (last >= 0 && text.charAt(last) != '\n' && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        if (last < 0 || text.charAt(last) == '\n') {
            return false;
        }
        boolean opensItem = (text.charAt(last) == '-' || text.charAt(last) == '?')
                && (last == 0 || Character.isWhitespace(text.charAt(last - 1)));
        return !opensItem;
    }

    /** The printed form of a tag: {@code !!int} for YAML's own, as written for the rest. */
    static String display(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    /** Turns composed nodes into plain values, recording the position of every key and item. */
    private static final class ValueBuilder {
        private final String path;
        private final int firstLine;
        private final ZoneId zone;
        private final TreeMap<String, Position> positions = new TreeMap<>();
        private final Set<Node> built = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int expanded;
        /**
         * Code point index of the start of each line, counting only {@code \n} as a line break,
         * as editors and the rest of sheaf do; null while SnakeYAML's own lines agree (it also
         * breaks lines at a lone {@code \r}, U+0085, U+2028 and U+2029).
         */
        private final int[] lineStarts;

        ValueBuilder(String path, int firstLine, ZoneId zone, String text) {
            this.path = path;
            this.firstLine = firstLine;
            this.zone = zone;
            this.lineStarts = hasOtherLineBreaks(text) ? lineStarts(text) : null;
        }

        private static boolean hasOtherLineBreaks(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0085' || c == '\u2028' || c == '\u2029'
                        || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    return true;
                }
            }
            return false;
        }

        private static int[] lineStarts(String text) {
            int[] starts = new int[16];
            int count = 1;
            int index = 0;
            for (int offset = 0; offset < text.length(); index++) {
                int c = text.codePointAt(offset);
                offset += Character.charCount(c);
                if (c == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = index + 1;
                }
            }
            return Arrays.copyOf(starts, count);
        }

        /**
         * The value of {@code node} found at {@code at}. {@code copied} is true below an alias:
         * such values are counted against {@link #MAX_EXPANDED_VALUES}.
         */
        Object build(Node node, String at, boolean copied) throws DiagnosticException {
            boolean copy = enter(node, copied);
            switch (node.getNodeId()) {
                case scalar:
                    return scalar((ScalarNode) node);
                case sequence: {
                    requireTag(node, Tag.SEQ, Tag.SEQ);
                    open(node);
                    List<Node> items = ((SequenceNode) node).getValue();
                    List<Object> list = new ArrayList<>(items.size());
                    for (int i = 0; i < items.size(); i++) {
                        Node item = items.get(i);
                        String itemPath = join(at, Integer.toString(i));
                        positions.put(itemPath, position(item.getStartMark()));
                        list.add(build(item, itemPath, copy));
                    }
                    open.remove(node);
                    return list;
                }
                case mapping: {
                    requireTag(node, Tag.MAP, Tag.SET);
                    Map<String, Object> map = new LinkedHashMap<>();
                    fill(map, (MappingNode) node, at, copy);
                    return map;
                }
                default:
                    throw error(node.getStartMark(), "unsupported YAML node");
            }
        }

        /** Marks {@code node} as built; returns whether it is a copy (an alias, or below one). */
        private boolean enter(Node node, boolean copied) throws DiagnosticException {
            boolean copy = copied || !built.add(node);
            if (copy && ++expanded > MAX_EXPANDED_VALUES) {
                throw error(node.getStartMark(),
                        "YAML aliases expand to more than " + MAX_EXPANDED_VALUES + " values");
            }
            return copy;
        }

        private void open(Node node) throws DiagnosticException {
            if (!open.add(node)) {
                throw error(node.getStartMark(), "YAML alias refers to a collection that contains it");
            }
        }

        private void fill(Map<String, Object> map, MappingNode node, String at, boolean copy)
                throws DiagnosticException {
            open(node);
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Node valueNode = tuple.getValueNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    merge(map, valueNode, at, copy);
                    continue;
                }
                String key = key(keyNode, at, copy);
                String keyPath = join(at, key);
                if (map.containsKey(key)) {
                    // The last duplicate wins, as in Jekyll; forget where the earlier value's keys were.
                    positions.subMap(keyPath + ".", keyPath + "/").clear();
                }
                positions.put(keyPath, position(keyNode.getStartMark()));
                map.put(key, build(valueNode, keyPath, copy));
            }
            open.remove(node);
        }

        /**
         * Psych's merge: the merged keys overwrite the keys before {@code <<} and are overwritten
         * by the keys after it; in a list of mappings the earlier mapping wins.
         */
        private void merge(Map<String, Object> map, Node source, String at, boolean copied)
                throws DiagnosticException {
            boolean copy = enter(source, copied);
            if (source instanceof MappingNode mapping) {
                fill(map, mapping, at, copy);
                return;
            }
            if (source instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = items.size() - 1; i >= 0; i--) {
                    Node item = items.get(i);
                    if (!(item instanceof MappingNode mapping)) {
                        throw error(item.getStartMark(), "YAML merge key \"<<\" needs a mapping or a list of mappings");
                    }
                    fill(map, mapping, at, enter(mapping, copy));
                }
                return;
            }
            throw error(source.getStartMark(), "YAML merge key \"<<\" needs a mapping or a list of mappings");
        }

        /**
         * Keys are kept as written ({@code 2017:} is the key "2017"), but for those Psych reads as
         * {@code true}, {@code false} or {@code nil}, as it reads such a value: {@code off:},
         * {@code no:} and {@code false:} are one key, named "false", {@code yes:} and {@code on:} the
         * key "true", {@code null:} and {@code ~:} the key "" (the names Jekyll's {@code jsonify}
         * writes for them). So, as in Jekyll, {@code site.data.x.off} finds nothing, and the last of
         * {@code off:} and {@code no:} wins. A list or mapping used as a key ({@code title: {{post.title}}}, which YAML reads as a
         * mapping whose key is a mapping) is valid YAML that Psych reads into a Hash key; here it is
         * the key named by Ruby's {@code inspect} of that value ({@code {"post.title"=>nil}}), which
         * no template can look up, as none can look up a Hash key in Liquid.
         */
        private String key(Node keyNode, String at, boolean copy) throws DiagnosticException {
            if (keyNode instanceof ScalarNode scalar) {
                Object value = scalar(scalar);
                return value == null ? "" : value instanceof Boolean ? value.toString() : scalar.getValue();
            }
            // built aside, so that the places of its own keys and items are not the document's
            String aside = join(at, "\u0000key");
            Object value = build(keyNode, aside, copy);
            positions.subMap(aside, aside + "\uffff").clear();
            return RubyInspect.inspect(value);
        }

        private void requireTag(Node node, Tag one, Tag other) throws DiagnosticException {
            Tag tag = node.getTag();
            if (!tag.equals(one) && !tag.equals(other)) {
                throw unsupported(node);
            }
        }

        private Object scalar(ScalarNode node) throws DiagnosticException {
            Tag tag = node.getTag();
            String text = node.getValue();
            if (tag.equals(Tag.STR) || tag.equals(Tag.YAML) || tag.getValue().equals(Tag.PREFIX + "value")) {
                return text;
            }
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on":
                        return Boolean.TRUE;
                    case "no", "false", "off":
                        return Boolean.FALSE;
                    default:
                        throw notA(node, tag);
                }
            }
            try {
                if (tag.equals(Tag.INT)) {
                    return integer(text);
                }
                if (tag.equals(Tag.FLOAT)) {
                    return floating(text);
                }
                if (tag.equals(Tag.BINARY)) {
                    return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw notA(node, tag);
            }
            if (tag.equals(Tag.TIMESTAMP)) {
                return timestamp(text, zone);
            }
            throw unsupported(node);
        }

        private DiagnosticException notA(ScalarNode node, Tag tag) {
            return error(node.getStartMark(), "YAML value \"" + node.getValue() + "\" is not a valid " + display(tag));
        }

        private DiagnosticException unsupported(Node node) {
            return error(node.getStartMark(), "unsupported YAML tag \"" + display(node.getTag()) + "\"");
        }

        /**
         * SnakeYAML's problem at its mark. When SnakeYAML also names what it was reading
         * ("while scanning a quoted scalar") somewhere else, that place becomes a hint, since
         * it is often where the mistake is (the opening quote of an unclosed string).
         */
        DiagnosticException error(MarkedYAMLException e, String context) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (e.getProblem() != null && e.getContext() != null && problem.startsWith("but ")) {
                problem = e.getContext() + " " + problem;
            }
            problem = inPlainWords(e.getContext(), problem);
            Diagnostic diagnostic = Diagnostic.error(path, position(mark), "invalid YAML in " + context + ": " + problem);
            Mark contextMark = e.getContextMark();
            if (e.getContext() != null && e.getContext().startsWith("while ") && contextMark != null
                    && e.getProblemMark() != null && !position(contextMark).equals(diagnostic.position())) {
                Position where = position(contextMark);
                diagnostic = diagnostic.withHint(e.getContext() + " that starts at line " + where.line()
                        + ", column " + where.column());
            }
            return new DiagnosticException(diagnostic, e);
        }

        /**
         * SnakeYAML's {@code problem} in a writer's words: a character it names by its code
         * ({@code found .(46)}, {@code found '\n' (10)}) becomes the character quoted, or the end of
         * the line; a bad anchor or alias name and a reserved character starting a value say
         * what to write instead; a text SnakeYAML quotes up to a line break is cut there, so
         * the message keeps to one line.
         */
        private static String inPlainWords(String context, String problem) {
            boolean anchor = "while scanning an anchor".equals(context);
            if ((anchor || "while scanning an alias".equals(context)) && problem.startsWith("unexpected character found")) {
                String mark = anchor ? "&" : "*";
                String name = anchor ? "an anchor" : "an alias";
                String found = described(problem);
                return found.startsWith("the end") || found.equals("a space") || found.equals("a tab")
                        ? "\"" + mark + "\" starts " + name + " but no name follows it; write the name right after it,"
                                + " or quote the value if it is meant as text"
                        : name.substring(name.indexOf(' ') + 1) + " names cannot contain " + found + "; use letters,"
                                + " digits, \"-\" and \"_\", or quote the value if it is meant as text";
            }
            java.util.regex.Matcher reserved = RESERVED_START.matcher(problem);
            if (reserved.matches()) {
                return "a plain value cannot start with \"" + reserved.group(1) + "\", which YAML reserves; put the"
                        + " value in quotes";
            }
            java.util.regex.Matcher escape = UNKNOWN_ESCAPE.matcher(problem);
            if (escape.matches()) {
                return "\"\\" + escape.group(1) + "\" is no escape in a double-quoted string; write \"\\\\\" for a"
                        + " backslash, or use single quotes";
            }
            java.util.regex.Matcher code = CHARACTER_CODE.matcher(problem);
            StringBuilder out = new StringBuilder();
            while (code.find()) {
                code.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                        code.group(1) + describe(Integer.parseInt(code.group(2)))));
            }
            code.appendTail(out);
            String plain = out.toString();
            int lineBreak = plain.indexOf('\n');
            if (lineBreak >= 0) {
                // a quoted text that runs to the end of the line: cut there, and say so
                plain = plain.substring(0, lineBreak).stripTrailing() + " (then the end of the line)";
            }
            return plain;
        }

        /** The character a SnakeYAML problem names by its code, in words; the problem as it stands if none. */
        private static String described(String problem) {
            java.util.regex.Matcher code = CHARACTER_CODE.matcher(problem);
            return code.find() ? describe(Integer.parseInt(code.group(2))) : problem;
        }

        private static String describe(int code) {
            return switch (code) {
                case 0 -> "the end of the text";
                case '\n', '\r', 0x85, 0x2028, 0x2029 -> "the end of the line";
                case ' ' -> "a space";
                case '\t' -> "a tab";
                default -> "\"" + new String(Character.toChars(code)) + "\"";
            };
        }

        DiagnosticException error(Mark mark, String message) {
            return new DiagnosticException(Diagnostic.error(path,
                    mark == null ? new Position(firstLine, 1) : position(mark), message));
        }

        Position position(Mark mark) {
            if (lineStarts == null) {
                return new Position(mark.getLine() + firstLine, mark.getColumn() + 1);
            }
            int found = Arrays.binarySearch(lineStarts, mark.getIndex());
            int line = found >= 0 ? found : -found - 2;
            return new Position(line + firstLine, mark.getIndex() - lineStarts[line] + 1);
        }

        /** Line and column of the code point at {@code index} in {@code text}. */
        Position positionOfIndex(String text, int index) {
            int line = firstLine;
            int column = 1;
            int offset = 0;
            for (int i = 0; i < index && offset < text.length(); i++) {
                int c = text.codePointAt(offset);
                offset += Character.charCount(c);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new Position(line, column);
        }

        private static String join(String at, String key) {
            return at.isEmpty() ? key : at + "." + key;
        }
    }

    /** YAML 1.1 integers as SnakeYAML reads them: {@code 0b}, {@code 0x}, leading-zero octal, {@code 1:30}. */
    static Number integer(String text) {
        String digits = text.replace("_", "");
        String sign = "";
        if (digits.startsWith("-") || digits.startsWith("+")) {
            sign = digits.startsWith("-") ? "-" : "";
            digits = digits.substring(1);
        }
        BigInteger value;
        if (digits.equals("0")) {
            value = BigInteger.ZERO;
        } else if (digits.startsWith("0b")) {
            value = new BigInteger(sign + digits.substring(2), 2);
        } else if (digits.startsWith("0x")) {
            value = new BigInteger(sign + digits.substring(2), 16);
        } else if (digits.startsWith("0")) {
            value = new BigInteger(sign + digits.substring(1), 8);
        } else if (digits.contains(":")) {
            value = BigInteger.ZERO;
            for (String part : digits.split(":")) {
                value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
            value = sign.isEmpty() ? value : value.negate();
        } else {
            value = new BigInteger(sign + digits);
        }
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    /** YAML 1.1 floats: underscores ignored, {@code .inf}, {@code .nan}, {@code 1:30.5}. */
    static Double floating(String text) {
        String digits = text.replace("_", "");
        double sign = 1;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            sign = digits.startsWith("-") ? -1 : 1;
            digits = digits.substring(1);
        }
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (digits.contains(":")) {
            double value = 0;
            for (String part : digits.split(":")) {
                value = value * 60 + Double.parseDouble(part);
            }
            return sign * value;
        }
        return sign * Double.parseDouble(digits);
    }

    /** A character SnakeYAML names in a problem, itself (maybe quoted) then its code: {@code found .(46)}, {@code and z(122)}. */
    private static final Pattern CHARACTER_CODE = Pattern.compile("(found |and )(?:'[^']{0,8}' ?|[\\s\\S]{0,2}?)\\((\\d+)\\)");
    /** SnakeYAML's problem for a reserved character ({@code @}, a backquote) starting a value. */
    private static final Pattern RESERVED_START = Pattern.compile(
            "found character '([@`])' that cannot start any token\\. \\(Do not use [@`] for indentation\\)");
    /** SnakeYAML's problem for an unknown escape in a double-quoted string: the letter after the backslash. */
    private static final Pattern UNKNOWN_ESCAPE = Pattern.compile("found unknown escape character ([\\s\\S])\\(\\d+\\)");
    private static final Pattern TIMESTAMP_FORM = Pattern.compile(
            "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                    + "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
                    + "(?:[ \\t]*(Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$");

    /**
     * A YAML timestamp read as Psych reads it for Jekyll ({@link RubyTime#fromYaml}). A date
     * that does not exist ({@code 2017-02-30}) is no timestamp: the text is returned as it is.
     */
    static Object timestamp(String text, ZoneId zone) {
        if (!TIMESTAMP_FORM.matcher(text).matches()) {
            return text;
        }
        return RubyTime.fromYaml(text, zone).orElse(text);
    }

    /**
     * SnakeYAML's YAML 1.1 resolver, with two changes toward Psych: a timestamp may carry an
     * offset written {@code +0200}, and a float needs a dot or an exponent (so {@code 08} stays
     * text instead of becoming {@code 8.0}).
     */
    private static final class JekyllResolver extends Resolver {
        private static final Pattern FLOAT = Pattern.compile(
                "^(?:[-+]?(?:[0-9][0-9_]*\\.[0-9_]*|\\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
                        + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                        + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                        + "|[-+]?\\.(?:inf|Inf|INF)"
                        + "|\\.(?:nan|NaN|NAN))$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP_FORM, "0123456789", 50);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }

    /** Thrown by {@link EventLog} when a document breaks the depth or alias limit. */
    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;
        private final String problem;

        LimitExceeded(Mark mark, String problem) {
            super(problem, null, false, false);
            this.mark = mark;
            this.problem = problem;
        }
    }

    /**
     * The parser's events, passed on to the composer while enforcing the depth and alias
     * limits at the event that breaks them, and keeping the last event, whose mark places the
     * errors SnakeYAML raises without one.
     */
    private static final class EventLog implements Parser {
        private final Parser parser;
        private final Set<String> collectionAnchors = new HashSet<>();
        private Event last;
        private int depth;
        private int collectionAliases;

        EventLog(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = parser.getEvent();
            last = event;
            if (event instanceof CollectionStartEvent start) {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw new LimitExceeded(event.getStartMark(), "YAML nested deeper than " + MAX_DEPTH + " levels");
                }
                if (start.getAnchor() != null) {
                    collectionAnchors.add(start.getAnchor());
                }
            } else if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
                // An anchor may be redefined on a scalar; then its aliases are harmless.
                collectionAnchors.remove(scalar.getAnchor());
            }
            if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                    && ++collectionAliases > MAX_ALIASES) {
                throw new LimitExceeded(event.getStartMark(),
                        "YAML uses more than " + MAX_ALIASES + " aliases of lists or mappings");
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
            return event;
        }

        Mark lastMark() {
            return last == null ? null : last.getStartMark();
        }
    }
}
