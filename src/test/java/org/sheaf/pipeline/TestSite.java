package org.sheaf.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sheaf.config.ConfigLoader;
import org.sheaf.diag.Diagnostic;

/**
 * An inline multi-file site for focused tests: write files, build, read the output.
 * Builds at a fixed {@code site.time} so output never depends on the clock.
 */
public final class TestSite {
    public static final Instant TIME = Instant.parse("2020-01-01T00:00:00Z");

    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    public static TestSite in(Path root) {
        return new TestSite(root);
    }

    public Path root() {
        return root;
    }

    /** Writes a file (creating folders); text blocks are used as they are. */
    public TestSite file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BuildResult build() {
        return build(ConfigLoader.Overrides.none());
    }

    public BuildResult build(ConfigLoader.Overrides overrides) {
        return SiteBuilder.build(new BuildOptions(root, overrides, TIME, "production"));
    }

    /** Builds and fails the test with the diagnostics when the build does not succeed. */
    public TestSite buildOk() {
        return buildOk(ConfigLoader.Overrides.none());
    }

    /** As {@link #buildOk()}, with {@code overrides}. */
    public TestSite buildOk(ConfigLoader.Overrides overrides) {
        BuildResult result = build(overrides);
        if (!result.ok()) {
            throw new AssertionError("build failed:\n" + printed(result));
        }
        return this;
    }

    /** The diagnostics as the CLI prints them, one string per line. */
    public static String printed(BuildResult result) {
        return String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    /** The built output folder ({@code _site} for Jekyll sites, {@code site} for sheaf sites). */
    public Path output() {
        return Files.isDirectory(root.resolve("content")) ? root.resolve("site") : root.resolve("_site");
    }

    public String read(String outputPath) {
        try {
            return Files.readString(output().resolve(outputPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("no output file " + outputPath + "; have " + outputFiles().keySet(), e);
        }
    }

    public boolean exists(String outputPath) {
        return Files.exists(output().resolve(outputPath));
    }

    /** Every output file by its path, with its bytes as text. */
    public Map<String, String> outputFiles() {
        return snapshot(output());
    }

    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public List<String> outputPaths() {
        return List.copyOf(outputFiles().keySet());
    }

    /** Whether Ruby with Rouge runs here ({@code ruby -rrouge}): tests of code that Rouge itself colours need it. */
    public static boolean rougeInstalled() {
        try {
            Process ruby = new ProcessBuilder(List.of("ruby", "-rrouge", "-e", "")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return ruby.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && ruby.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
