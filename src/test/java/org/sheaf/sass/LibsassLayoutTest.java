package org.sheaf.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dart-sass's expanded CSS laid out as libsass writes it: its split rules joined
 * ({@link SplitRules}), its {@code @media} closed where libsass closes them ({@link MediaBreaks}),
 * their queries joined with {@code all} as libsass joins them ({@link MediaJoins}), then the
 * layout ({@link LibsassLayout}), as the renderer runs the four. Each
 * stylesheet under {@code src/test/resources/sass-layout/} comes with dart-sass's output and map
 * (the input) and libsass's compact, expanded and compressed output (the expected CSS), all
 * written by {@code scripts/sass-layout-expected}; the stylesheets hold only values both compilers
 * write alike, so the layout is all that differs.
 */
class LibsassLayoutTest {
    private static final Path CASES = Path.of("src/test/resources/sass-layout");
    private static final Pattern MAPPINGS = Pattern.compile("\"mappings\"\\s*:\\s*\"([A-Za-z0-9+/,;]*)\"");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".scss"))
                    .map(n -> n.substring(0, n.length() - ".scss".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compactIsLibsasssCompact(String name) throws IOException {
        LibsassLayout.Result result = laidOut(name, LibsassLayout.Style.COMPACT);
        assertEquals(read(name + ".compact.css"), result.css());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expandedIsLibsasssExpanded(String name) throws IOException {
        LibsassLayout.Result result = laidOut(name, LibsassLayout.Style.EXPANDED);
        assertEquals(read(name + ".expanded.css"), result.css());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compressedIsLibsasssCompressed(String name) throws IOException {
        LibsassLayout.Result result = laidOut(name, LibsassLayout.Style.COMPRESSED);
        // libsass starts compressed CSS with non-ASCII text with a byte order mark where the
        // layout keeps dart-sass's @charset; the renderer writes either as Jekyll does
        assertEquals(read(name + ".compressed.css").replace("\uFEFF", "@charset \"UTF-8\";"), result.css());
    }

    /**
     * Each place of a source the map names is named as often after the layout as before, at the
     * same character of the CSS: layout moves characters, never changes what a mapping points at.
     * A mapping at white space that layout drops points at the next character kept, so white
     * space is read as that character. Comments that compact writes on one line keep only their
     * start, so places named inside a comment are left out. The compressed style is not held to
     * this: it leaves comments out and shortens computed values. Joining split rules drops the
     * selector of each later part, so the layout's input is the CSS with its rules joined. An
     * {@code @media} or {@code @supports} that libsass leaves out (one that holds only imports or
     * comments) goes with its mappings, so a place named only at the start of an at-rule, import
     * or comment may be named no more.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMappingStillPointsAtTheSameCharacter(String name) throws IOException {
        SplitRules.Result joined = joined(name);
        java.util.Set<String> inComments = new java.util.HashSet<>();
        Map<String, List<Character>> before = pointedAt(joined.css(), joined.map(), inComments);
        before.keySet().removeAll(inComments);
        for (LibsassLayout.Style style : List.of(LibsassLayout.Style.COMPACT, LibsassLayout.Style.EXPANDED)) {
            LibsassLayout.Result result = LibsassLayout.laidOut(joined.css(), joined.map(), style, joined.leftOutMedia());
            Map<String, List<Character>> after = pointedAt(result.css(), result.map(), new java.util.HashSet<>());
            after.keySet().removeAll(inComments);
            Map<String, List<Character>> leftOut = new TreeMap<>(before);
            leftOut.keySet().removeAll(after.keySet());
            leftOut.forEach((place, characters) -> assertTrue(characters.stream().allMatch(c -> c == '@' || c == '/'),
                    name + " " + style + ": " + place + " is named no more, though named at " + characters));
            Map<String, List<Character>> kept = new TreeMap<>(before);
            kept.keySet().removeAll(leftOut.keySet());
            assertEquals(kept, after, name + " " + style);
        }
    }

    @Test
    void withoutAMapCommentsKeepDartSasssText() {
        String css = ".a {\n  /* one\n     two */\n  b: c;\n}";
        assertEquals(".a { /* one two */ b: c; }\n", LibsassLayout.laidOut(css, null, LibsassLayout.Style.COMPACT).css());
        assertEquals(".a {\n  /* one\n     two */\n  b: c;\n}\n",
                LibsassLayout.laidOut(css, null, LibsassLayout.Style.EXPANDED).css());
    }

    @Test
    void cssNotAsDartSassWritesItIsLeftAsItIs() {
        assertEquals("a { b: c\n", LibsassLayout.laidOut("a { b: c", null, LibsassLayout.Style.COMPACT).css());
        assertEquals("/* open\n", LibsassLayout.laidOut("/* open", null, LibsassLayout.Style.COMPACT).css());
        assertEquals("a {\n  b: c;\n}\n}\nd {\n  e: f;\n}\n",
                LibsassLayout.laidOut("a {\n  b: c;\n}\n}\nd {\n  e: f;\n}", null, LibsassLayout.Style.COMPACT).css());
        assertEquals("", LibsassLayout.laidOut("", null, LibsassLayout.Style.COMPACT).css());
    }

    @Test
    void aCommentIsOneLineInCompactOnlyWhenALaterLineIsIndented() {
        assertEquals("/* a b */", LibsassLayout.compactComment("/* a\n   b */"));
        assertEquals("/* a\nb */", LibsassLayout.compactComment("/* a\nb */"));
        assertEquals("/** doc */", LibsassLayout.compactComment("/**\n * doc\n */"));
        assertEquals("/* a b */", LibsassLayout.compactComment("/* a\n\tb */"));
    }

    /**
     * For each source position the map names, the characters of the CSS it is named at (white
     * space read as the next character that is not), in order; {@code inComments} receives the
     * positions named inside a comment, past its first character.
     */
    private static Map<String, List<Character>> pointedAt(String css, String map, java.util.Set<String> inComments) {
        Matcher m = MAPPINGS.matcher(map);
        if (!m.find()) {
            throw new AssertionError("no mappings in " + map);
        }
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < css.length(); i++) {
            if (css.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        Map<String, List<Character>> pointed = new TreeMap<>();
        int[] state = new int[5];
        String[] lines = m.group(1).split(";", -1);
        for (int l = 0; l < lines.length; l++) {
            state[0] = 0;
            if (lines[l].isEmpty()) {
                continue;
            }
            for (String segment : lines[l].split(",")) {
                List<Integer> fields = SourceMapShift.decode(segment);
                for (int f = 0; f < fields.size(); f++) {
                    state[f] += fields.get(f);
                }
                if (fields.size() < 4) {
                    continue;
                }
                String key = state[1] + ":" + state[2] + ":" + state[3];
                int at = lineStarts.get(l) + state[0];
                int open = css.lastIndexOf("/*", at);
                if (open >= 0 && open < at && css.indexOf("*/", open) + 2 > at) {
                    inComments.add(key);
                }
                while (at < css.length() && Character.isWhitespace(css.charAt(at))) {
                    at++;
                }
                pointed.computeIfAbsent(key, k -> new ArrayList<>()).add(at < css.length() ? css.charAt(at) : '$');
            }
        }
        pointed.values().forEach(list -> list.sort(null));
        return pointed;
    }

    /** The stylesheet's CSS from dart-sass, its split rules joined and laid out in the style. */
    private static LibsassLayout.Result laidOut(String name, LibsassLayout.Style style) throws IOException {
        SplitRules.Result joined = joined(name);
        return LibsassLayout.laidOut(joined.css(), joined.map(), style, joined.leftOutMedia());
    }

    /**
     * The stylesheet's CSS from dart-sass with its split rules joined and its {@code @media}
     * closed where libsass closes them ({@link MediaBreaks}), as the renderer runs them.
     */
    private static SplitRules.Result joined(String name) throws IOException {
        String page = name + ".scss";
        Map<String, String> stylesheets = Map.of(page, read(page));
        SplitRules.Result joined = SplitRules.joined(read(name + ".dart.css"), read(name + ".dart.css.map"), stylesheets, page,
                () -> null);
        return MediaJoins.joined(MediaBreaks.broken(joined.css(), joined.map(), stylesheets, () -> null, joined.mediaOrder(), joined.supportsOrder(),
                joined.topSupportsOrder()),
                stylesheets, copies -> null);
    }

    private static String read(String file) throws IOException {
        return Files.readString(CASES.resolve(file), StandardCharsets.UTF_8);
    }
}
