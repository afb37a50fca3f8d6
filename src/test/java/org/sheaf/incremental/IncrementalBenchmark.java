package org.sheaf.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sheaf.config.ConfigLoader;
import org.sheaf.output.MemorySink;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.TestSite;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;

/**
 * A benchmark, not a timed test: runs only with {@code -Dsheaf.bench.site=DIR} (a copy of a
 * gen-corpus {@code content} folder, which it edits). Prints the median of a clean build, and of
 * an incremental build after one post's body changed, into a folder (writing only changed files)
 * and into memory (as {@code sheaf serve} does). Nothing is asserted beyond the builds succeeding.
 */
@EnabledIfSystemProperty(named = "sheaf.bench.site", matches = ".+")
class IncrementalBenchmark {
    private static final int RUNS = Integer.getInteger("sheaf.bench.runs", 5);
    /** {@code -Dsheaf.bench.clean=false} skips the clean builds (minutes at 10,000 pages). */
    private static final boolean CLEAN = !"false".equals(System.getProperty("sheaf.bench.clean"));

    @Test
    void onePostChangedAtScale() throws IOException {
        Path site = Path.of(System.getProperty("sheaf.bench.site"));
        Path post;
        try (Stream<Path> posts = Files.list(site.resolve("_posts"))) {
            post = posts.sorted().skip(10).findFirst().orElseThrow();
        }
        String original = Files.readString(post);
        BuildOptions options = new BuildOptions(site, ConfigLoader.Overrides.none(), TestSite.TIME, "production");
        try {
            List<Long> clean = new ArrayList<>();
            for (int i = 0; i < (CLEAN ? RUNS : 1); i++) {
                clean.add(timed(() -> check(SiteBuilder.build(options))));
            }
            IncrementalBuilder folder = IncrementalBuilder.inMemory();
            IncrementalBuilder memory = IncrementalBuilder.inMemory();
            check(folder.build(options));
            check(memory.build(options, new MemorySink()));
            List<Long> toFolder = new ArrayList<>();
            List<Long> toMemory = new ArrayList<>();
            List<String> stages = new ArrayList<>();
            List<String> memoryStages = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Files.writeString(post, original + "\nEdit number " + i + ".\n");
                toFolder.add(timed(() -> {
                    BuildResult result = folder.build(options);
                    check(result);
                    stages.add(result.stageTimes().toString());
                }));
                toMemory.add(timed(() -> {
                    BuildResult result = memory.build(options, new MemorySink());
                    check(result);
                    memoryStages.add(result.stageTimes().toString());
                }));
            }
            System.out.printf(Locale.ROOT, "%s: clean build %d ms; one post changed: incremental to folder %d ms "
                    + "(%s), to memory %d ms (%s)%nall to folder: %s%nall to memory: %s%n"
                    + "last incremental stages: %s%nlast in-memory stages: %s%n", site,
                    median(clean), median(toFolder), folder.last(), median(toMemory), memory.last(), toFolder, toMemory,
                    stages.get(stages.size() - 1), memoryStages.get(memoryStages.size() - 1));
        } finally {
            Files.writeString(post, original);
        }
    }

    private static void check(BuildResult result) {
        if (!result.ok()) {
            throw new AssertionError(TestSite.printed(result));
        }
    }

    private static long timed(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
