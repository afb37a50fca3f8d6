package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code sheaf build} of a large generated site as a child JVM, again and again, and kills
 * it with SIGKILL at a random moment; the two versions of the site alternate. After each kill the
 * destination must equal the site before that build or the site it was building, byte for byte,
 * and the next build must succeed. The seed is in every failure message; {@code -Dsheaf.kills=N}
 * and {@code -Dsheaf.killSeconds=S} make a longer run (defaults keep it well under a minute).
 */
@Tag("crash")
class BuildKillIT {
    private static final int PAGES = Integer.getInteger("sheaf.killPages", 2000);
    private static final int MAX_KILLS = Integer.getInteger("sheaf.kills", 12);
    private static final long BUDGET_NANOS = Long.getLong("sheaf.killSeconds", 35) * 1_000_000_000L;
    private static final Pattern STAGE_TIME = Pattern.compile("^  (\\S+)\\s+(\\d+) ms$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneAndTheNextBuildSucceeds() throws Exception {
        Path[] sources = {generate(tmp.resolve("a"), 'A'), generate(tmp.resolve("b"), 'B')};
        Path destination = tmp.resolve("public");
        Path staging = tmp.resolve(".public.sheaf-staging");
        Path oldCopy = tmp.resolve(".public.sheaf-old");

        // Reference builds, not killed: each version's exact files, and the timeline of a build.
        List<Map<String, String>> versions = new ArrayList<>();
        Map<String, Long> stageEnds = new LinkedHashMap<>();
        long buildMillis = 0;
        for (Path source : sources) {
            long start = System.nanoTime();
            Process child = startBuild(source, destination);
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.waitFor(), "reference build failed: " + out);
            long wall = (System.nanoTime() - start) / 1_000_000;
            buildMillis = Math.max(buildMillis, wall);
            versions.add(snapshot(destination));
            stageEnds = timeline(out, wall);
        }
        assertTrue(versions.get(0).size() > PAGES * 8 / 10, "the site has " + versions.get(0).size() + " files");
        assertFalse(versions.get(0).equals(versions.get(1)), "the two versions must differ");

        long seed = Long.getLong("sheaf.killSeed", System.nanoTime());
        Random random = new Random(seed);
        int current = 1;
        Map<String, Integer> landed = new TreeMap<>();
        int kills = 0;
        long started = System.nanoTime();
        while (kills < MAX_KILLS && System.nanoTime() - started < BUDGET_NANOS) {
            int next = 1 - current;
            String context = "kill " + (kills + 1) + " (seed " + seed + ")";
            long delay = random.nextInt((int) Math.max(1, buildMillis * 11 / 10));
            Process child = startBuild(sources[next], destination);
            Thread.sleep(delay);
            boolean killed = child.isAlive();
            child.destroyForcibly();
            child.waitFor();
            kills++;

            String stage;
            Path whole = destination;
            if (!killed) {
                stage = "after exit";
            } else if (Files.exists(oldCopy, LinkOption.NOFOLLOW_LINKS)) {
                stage = "swap";
                if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                    whole = oldCopy; // between the two renames: the next build puts it back
                }
            } else if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                stage = "write";
            } else {
                stage = stageAt(stageEnds, delay);
            }
            Map<String, String> found = snapshot(whole);
            int version = found.equals(versions.get(current)) ? current
                    : found.equals(versions.get(next)) ? next : -1;
            assertTrue(version >= 0, context + " after " + delay + " ms (" + stage + "): the destination is neither "
                    + "the old site nor the new one; " + difference(found, versions.get(current), versions.get(next)));
            landed.merge(stage + (version == next && killed ? " (new site in place)" : ""), 1, Integer::sum);
            current = version;
        }
        System.out.printf("BuildKillIT: %d kills of a %d-file site (seed %d, build %d ms, timeline %s): %s%n",
                kills, versions.get(0).size(), seed, buildMillis, stageEnds, landed);

        int next = 1 - current;
        Process last = startBuild(sources[next], destination);
        String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, last.waitFor(), "the build after the kills failed (seed " + seed + "): " + out);
        assertEquals(versions.get(next), snapshot(destination), "seed " + seed);
        assertFalse(Files.exists(staging, LinkOption.NOFOLLOW_LINKS), "staging left behind (seed " + seed + ")");
        assertFalse(Files.exists(oldCopy, LinkOption.NOFOLLOW_LINKS), "old copy left behind (seed " + seed + ")");
    }

    /** A Jekyll-layout site of {@link #PAGES} pages; the versions differ in text and in which pages exist. */
    private static Path generate(Path root, char version) throws IOException {
        write(root.resolve("_config.yml"), "title: Kill test " + version + "\n");
        write(root.resolve("_layouts/default.html"), "<!DOCTYPE html>\n<title>{{ page.title }} | {{ site.title }}</title>\n"
                + "<main>{{ content }}</main>\n");
        write(root.resolve("assets/style.css"), "body { color: " + (version == 'A' ? "black" : "navy") + " }\n");
        for (int i = 0; i < PAGES; i++) {
            if (version == 'B' && i % 10 == 3 || version == 'A' && i % 10 == 7) {
                continue; // each version has pages the other lacks, so a mix would show
            }
            write(root.resolve("notes/" + (i % 20) + "/note-" + i + ".md"), "---\nlayout: default\ntitle: Note " + i
                    + "\n---\n# Note " + i + " of version " + version + "\n\n"
                    + "Some *text* with a [link](/notes/) and {{ page.title | upcase }}.\n\n"
                    + "- one\n- two\n- three\n");
        }
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Process startBuild(Path source, Path destination) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "-v", source.toString(), "-d", destination.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** When each stage of the reference build ended, in ms after the process started (JVM start-up first). */
    private static Map<String, Long> timeline(String verboseOutput, long wallMillis) {
        Map<String, Long> durations = new LinkedHashMap<>();
        Matcher m = STAGE_TIME.matcher(verboseOutput);
        long sum = 0;
        while (m.find()) {
            durations.put(m.group(1), Long.parseLong(m.group(2)));
            sum += Long.parseLong(m.group(2));
        }
        Map<String, Long> ends = new LinkedHashMap<>();
        long at = Math.max(0, wallMillis - sum - 50);
        ends.put("start-up", at);
        for (Map.Entry<String, Long> stage : durations.entrySet()) {
            at += stage.getValue();
            ends.put(stage.getKey(), at);
        }
        return ends;
    }

    private static String stageAt(Map<String, Long> ends, long millis) {
        for (Map.Entry<String, Long> end : ends.entrySet()) {
            if (millis <= end.getValue()) {
                return end.getKey();
            }
        }
        return "late";
    }

    /** Every regular file under {@code folder}, by relative path, with its SHA-256. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(folder.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String difference(Map<String, String> found, Map<String, String> old, Map<String, String> fresh) {
        long fromOld = found.entrySet().stream().filter(e -> e.getValue().equals(old.get(e.getKey()))).count();
        long fromNew = found.entrySet().stream().filter(e -> e.getValue().equals(fresh.get(e.getKey()))).count();
        return found.size() + " files, " + fromOld + " as in the old site (" + old.size() + "), " + fromNew
                + " as in the new one (" + fresh.size() + ")";
    }
}
