package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: each file under {@code src/test/resources/bad-input/} is a small site in
 * txtar form ({@code -- path --} lines start each file) plus two special sections:
 * {@code -- exit --} (the exit code) and {@code -- expected --} (exactly what the build prints on
 * standard error, with the case's folder written {@code $SITE} and its parent {@code $PARENT}). Every case is built through the command line over a previous site, which must
 * be left exactly as it was; nothing is ever printed as a stack trace.
 */
class BadInputIT {
    private static final String PREVIOUS = "<p>the previous site</p>\n";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyBadInputGivesItsExactDiagnostics() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream index = resource("bad-input/INDEX")) {
            new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).forEach(names::add);
        }
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    /**
     * A Sass compiler that overflows its stack writes a trace of its own on its error stream; built
     * in a JVM of its own, as a writer runs it, the case prints its diagnostic and nothing of that.
     */
    @Test
    void noTraceOfTheSassCompilerReachesTheTerminal() throws Exception {
        String name = "sass-recursive-mixin";
        Map<String, String> sections = caseSections(name);
        Path root = writeSite(name, sections);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", root.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String printed = new String(build.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Integer.parseInt(sections.get("exit").strip()), build.waitFor());
        assertEquals(sections.get("expected"), withoutSummary(printed));
    }

    private void check(String name) throws IOException {
        Map<String, String> sections = caseSections(name);
        Path root = writeSite(name, sections);
        Path output = Files.isDirectory(root.resolve("content")) ? root.resolve("site") : root.resolve("_site");
        Files.createDirectories(output);
        Files.writeString(output.resolve("index.html"), PREVIOUS);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = Main.run("build", root.toString());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        // Absolute paths in messages depend on the machine: they are written as $SITE and $PARENT.
        String printed = err.toString(StandardCharsets.UTF_8)
                .replace(root.toString(), "$SITE").replace(root.getParent().toString(), "$PARENT");
        String expected = sections.get("expected");
        assertEquals(expected, withoutSummary(printed), name + ": printed diagnostics");
        assertEquals(Integer.parseInt(sections.get("exit").strip()), code, name + ": exit code");
        try (Stream<Path> files = Files.walk(output)) {
            assertEquals(List.of(output.resolve("index.html")), files.filter(Files::isRegularFile).toList(),
                    name + ": the previous site must be untouched");
        }
        assertEquals(PREVIOUS, Files.readString(output.resolve("index.html")));
    }

    /** The case {@code name}'s sections. */
    private static Map<String, String> caseSections(String name) throws IOException {
        try (InputStream in = resource("bad-input/" + name + ".txtar")) {
            return sections(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Writes the case's files into a folder of its own, which it returns. */
    private Path writeSite(String name, Map<String, String> sections) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> file : sections.entrySet()) {
            if (!file.getKey().equals("exit") && !file.getKey().equals("expected")) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return root;
    }

    /** The diagnostics printed, without the closing line that counts them. */
    private static String withoutSummary(String printed) {
        return printed.lines().filter(line -> !line.startsWith("sheaf: build failed with "))
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Splits txtar text into its sections, by name, in order. */
    static Map<String, String> sections(String text) {
        Map<String, String> sections = new TreeMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = line.substring(3, line.length() - 3);
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString().replaceAll("\n\n$", "\n"));
        }
        return sections;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BadInputIT.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing test resource " + name);
        }
        return in;
    }
}
