package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher {@code bin/sheaf} as a writer does, in a copy of the repository's layout
 * ({@code bin/}, {@code src/main/training/}, {@code target/sheaf.jar}), and proves from the JVM's
 * own class-loading log that the class-data archive it trains is the one a later build uses, and
 * that training on {@code src/main/training} covers a site it has never seen.
 *
 * <p>The jar here is a thin one (sheaf's classes, with the libraries on its manifest
 * {@code Class-Path}) rather than the 65 MiB shaded jar {@code mvn package} makes, so the test
 * can run before packaging; the JVM archives classes from either kind of jar alike.
 */
class ClassArchiveIT {
    /** {@code [0.306s][info][class,load] a.B source: file:/x/y.jar}: one line per class loaded. */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");
    private static final String JAR_VERSION = "0.0.0-archive-test";
    /**
     * picocli is compiled for Java 5. A static archive holds such classes (a dynamic one would
     * hold none of them), except the few the JVM had linked before it dumped, and our classes
     * that implement theirs: at most this many come from the jar.
     */
    private static final int UNARCHIVABLE = 12;

    @TempDir
    Path tmp;

    /** Unlinks the library jars first, so that JUnit does not warn about links out of its folder. */
    @AfterEach
    void unlinkLibraries() throws IOException {
        Path lib = tmp.resolve("sheaf/target/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> links = Files.list(lib)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @Test
    void aBuildOfAnUnseenLiquidSiteLoadsItsClassesFromTheTrainedArchive() throws Exception {
        Path root = tmp.resolve("sheaf");
        Path launcher = root.resolve("bin/sheaf");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("bin/sheaf"), launcher);
        copyTree(Path.of("src/main/training"), root.resolve("src/main/training"));
        Path jar = thinJar(root.resolve("target"));
        Path archive = root.resolve("target/sheaf.jsa");

        Run version = run(launcher, Map.of(), "--version");
        assertEquals(0, version.exitCode(), version.report());
        assertEquals("sheaf " + JAR_VERSION, version.output().strip(),
                "training must not print anything on success\n" + version.report());
        assertTrue(Files.isRegularFile(archive), "no archive after the first run");
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the archive must be newer than the jar, or the launcher will not use it");
        try (Stream<Path> left = Files.list(root.resolve("target"))) {
            assertEquals(List.of("lib", "sheaf.jar", "sheaf.jsa"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "training leaves only the archive behind");
        }

        Path site = unseenSite(tmp.resolve("site"));
        Path log = tmp.resolve("class-load.log");
        Run build = run(launcher, Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log),
                "build", "--quiet", site.toString(), "-d", tmp.resolve("out").toString());
        assertEquals(0, build.exitCode(), build.report());
        assertTrue(Files.isRegularFile(tmp.resolve("out/2026/04/02/first-frost.html")), build.report());

        int fromArchive = 0;
        List<String> fromJars = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) {
                continue;
            }
            String source = m.group(2);
            if (source.startsWith("shared objects file")) {
                fromArchive++;
            } else if (source.endsWith(".jar")) {
                fromJars.add(m.group(1));
            }
        }
        assertTrue(fromArchive > 3000, "only " + fromArchive + " classes came from the archive");
        assertTrue(fromJars.size() <= UNARCHIVABLE + fromArchive / 100, fromJars.size() + " classes came from the jars instead of the "
                + "archive (the training site misses what they do): " + fromJars.subList(0, Math.min(40, fromJars.size())));
    }

    /** What a launcher run printed: stdout alone in {@code output}, both streams in {@code report}. */
    private record Run(int exitCode, String output, String errors) {
        String report() {
            return "stdout:\n" + output + "stderr:\n" + errors;
        }
    }

    private static Run run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SHEAF_JAVA_OPTS");
        builder.environment().remove("SHEAF_HEAP");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Path errors = Files.createTempFile(launcher.getParent(), "stderr", ".txt");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(errors);
        return new Run(exitCode, out, err);
    }

    /**
     * {@code target/sheaf.jar} holding sheaf's compiled classes, with every library jar of this
     * test's class path linked into {@code target/lib/} and named on the manifest's Class-Path.
     */
    private static Path thinJar(Path target) throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = Files.createDirectories(target.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path library = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(library)) {
                String name = classPath.size() + "-" + library.getFileName();
                Files.createSymbolicLink(lib.resolve(name), library.toAbsolutePath());
                classPath.add("lib/" + name);
            }
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, JAR_VERSION);
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Path jar = target.resolve("sheaf.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A Jekyll site written for this test alone: Liquid layouts, kramdown, data, feed and sitemap. */
    private static Path unseenSite(Path site) throws IOException {
        write(site.resolve("_config.yml"), """
                title: Frost diary
                url: "https://frost.example.org"
                plugins: [jekyll-feed, jekyll-sitemap]
                defaults:
                  - scope: {path: "", type: posts}
                    values: {layout: post}
                """);
        write(site.resolve("_data/gardens.yml"), "- name: North plot\n- name: South plot\n");
        write(site.resolve("_layouts/default.html"), """
                <html><head><title>{{ page.title | escape }}</title>{% feed_meta %}</head>
                <body>{% include header.html %}{{ content }}</body></html>
                """);
        write(site.resolve("_layouts/post.html"), """
                ---
                layout: default
                ---
                <h1>{{ page.title }}</h1><p>{{ page.date | date: "%e %b %Y" }}</p>{{ content }}
                """);
        write(site.resolve("_includes/header.html"),
                "<ul>{% for g in site.data.gardens %}<li>{{ g.name | upcase }}</li>{% endfor %}</ul>\n");
        write(site.resolve("_posts/2026-04-02-first-frost.md"), """
                ---
                title: First frost
                ---
                The *first* frost came early.[^late]

                | Plot  | Low |
                |-------|----:|
                | North | -2  |

                Cover
                : with fleece, at dusk.

                [^late]: Later than last year, though.
                {: .aside}

                ```
                fleece: 2 rolls
                ```
                """);
        return site;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
