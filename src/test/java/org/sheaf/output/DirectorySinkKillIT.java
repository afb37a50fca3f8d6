package org.sheaf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing a site with SIGKILL at random moments, and checks after each
 * kill that the destination holds one whole generation (or, if the kill fell between the two
 * renames of the swap, that the old-copy does and recovery puts it back). That window is a few
 * microseconds wide, so random kills rarely hit it; {@link DirectorySinkTest} builds that state
 * by hand. The seed of the random delays is in every failure message.
 */
class DirectorySinkKillIT {
    private static final int KILLS = 5;

    @TempDir
    Path tmp;

    @Test
    void aSiteKilledAtAnyMomentIsEntirelyOldOrEntirelyNewAndTheNextWriteSucceeds() throws Exception {
        Path site = tmp.resolve("site");
        DirectorySink sink = new DirectorySink(site, KillableWriter.KEEP);
        sink.write(KillableWriter.plan(0));
        Files.createDirectories(site.resolve(".git"));
        Files.writeString(site.resolve(".git/HEAD"), "ref: refs/heads/main");

        long seed = System.nanoTime();
        Random random = new Random(seed);
        long lastGeneration = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long firstGeneration = kill * 1_000_000L;
            Process child = startWriter(site, firstGeneration);
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("started", out.readLine(), "the writer did not start");
                // Wait for one whole generation (so the JVM is warm and there is a site to
                // replace), then kill within about one generation's time: kills land while
                // staging is written, while the old copy is deleted, and now and then in between.
                long start = System.nanoTime();
                assertEquals("wrote " + firstGeneration, out.readLine(), "the writer failed");
                long millisPerGeneration = (System.nanoTime() - start) / 1_000_000;
                Thread.sleep(random.nextInt((int) Math.max(1, millisPerGeneration * 6 / 5)));
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            String context = "kill " + kill + " (seed " + seed + ")";
            assertEquals(137, child.exitValue(), context + ": the writer was not killed but ended by itself");

            Path whole = Files.exists(site, LinkOption.NOFOLLOW_LINKS) ? site : sink.oldCopyFolder();
            long generation = assertWholeGeneration(whole, context);
            assertTrue(generation == lastGeneration || generation >= firstGeneration, context
                    + ": generation " + generation + " is neither the previous site nor one the writer made");
            lastGeneration = generation;

            sink.recover();
            assertEquals(generation, assertWholeGeneration(site, context + " after recovery"));
            assertFalse(Files.exists(sink.stagingFolder(), LinkOption.NOFOLLOW_LINKS), context);
            assertFalse(Files.exists(sink.oldCopyFolder(), LinkOption.NOFOLLOW_LINKS), context);
        }

        sink.write(KillableWriter.plan(42));
        assertEquals(42, assertWholeGeneration(site, "the write after the kills"));
    }

    private static Process startWriter(Path site, long firstGeneration) throws IOException {
        String classpath = location(DirectorySink.class) + File.pathSeparator + location(KillableWriter.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-cp", classpath, KillableWriter.class.getName(),
                site.toString(), Long.toString(firstGeneration))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks that a folder holds exactly one generation's files plus the kept .git, and returns it. */
    private static long assertWholeGeneration(Path folder, String context) throws IOException {
        assertTrue(Files.isDirectory(folder), context + ": neither the destination nor an old copy exists");
        String[] manifest = Files.readString(folder.resolve("manifest.txt")).split(" ");
        long generation = Long.parseLong(manifest[0]);
        int count = Integer.parseInt(manifest[1]);
        assertEquals(KillableWriter.fileCount(generation), count, context);

        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            expected.put("pages/" + (i % 20) + "/" + i + ".html", KillableWriter.page(generation, i));
        }
        expected.put("manifest.txt", generation + " " + count);
        expected.put(".git/HEAD", "ref: refs/heads/main");

        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                actual.put(folder.relativize(p).toString().replace(File.separatorChar, '/'), Files.readString(p));
            }
        }
        assertEquals(expected, actual, context + ": the site is not one whole generation");
        return generation;
    }
}
