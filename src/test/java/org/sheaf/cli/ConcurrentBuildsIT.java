package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sheaf build} processes started together into one destination: both succeed, one
 * after the other, and the destination is byte for byte the site of one clean build. Without the
 * destination lock each took the other's staging and old-copy folders for debris of a killed
 * build and deleted them: 9 of 10 such pairs left files missing or a mixture of the two sites.
 */
class ConcurrentBuildsIT {
    private static final int PAGES = 500;

    @TempDir
    Path tmp;

    @Test
    void twoBuildsIntoOneDestinationAtOnceLeaveOneWholeSite() throws Exception {
        Path a = generate(tmp.resolve("a"), 'A');
        Path b = generate(tmp.resolve("b"), 'B');
        Path clean = tmp.resolve("clean");
        Map<String, String> siteA = buildAlone(a, clean.resolve("a"));
        Map<String, String> siteB = buildAlone(b, clean.resolve("b"));
        assertNotEquals(siteA, siteB);

        Path destination = tmp.resolve("public");
        for (int round = 1; round <= 2; round++) {
            Process first = start(a, destination);
            Process second = start(b, destination);
            String outFirst = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String outSecond = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, first.waitFor(), outFirst);
            assertEquals(0, second.waitFor(), outSecond);
            assertTrue((outFirst + outSecond).contains("sheaf: another sheaf build is writing " + destination
                    + "; waiting for it to finish"), "round " + round + ": the builds did not meet:\n" + outFirst
                    + outSecond);
            Map<String, String> found = snapshot(destination);
            assertTrue(found.equals(siteA) || found.equals(siteB), "round " + round + ": " + found.size()
                    + " files, neither site A (" + siteA.size() + ") nor site B (" + siteB.size() + ")");
            assertFalse(Files.exists(tmp.resolve(".public.sheaf-staging"), LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(tmp.resolve(".public.sheaf-old"), LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static Map<String, String> buildAlone(Path source, Path destination) throws Exception {
        Process build = start(source, destination);
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, build.waitFor(), out);
        return snapshot(destination);
    }

    private static Process start(Path source, Path destination) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", source.toString(), "-d", destination.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** A site whose two versions differ in text and in which pages exist, so a mixture shows. */
    private static Path generate(Path root, char version) throws IOException {
        write(root.resolve("_config.yml"), "title: Version " + version + "\n");
        write(root.resolve("_layouts/default.html"), "<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n");
        for (int i = 0; i < PAGES; i++) {
            if (version == 'B' && i % 10 == 3 || version == 'A' && i % 10 == 7) {
                continue;
            }
            write(root.resolve("notes/" + (i % 20) + "/note-" + i + ".md"), "---\nlayout: default\ntitle: Note " + i
                    + "\n---\n# Note " + i + " of version " + version + "\n\nSome *text*.\n");
        }
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(folder.relativize(file).toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
