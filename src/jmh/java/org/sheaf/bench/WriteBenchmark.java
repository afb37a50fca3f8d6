package org.sheaf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.output.DirectorySink;
import org.sheaf.output.OutputPlan;
import org.sheaf.source.FrontMatter;

/**
 * Writing the rendered documents through {@link DirectorySink}: staging folder, then the atomic
 * swap. {@code writeIntoEmpty} writes into a destination that does not exist (a cold build);
 * {@code rewriteSameBytes} writes the same plan over the previous output (a rebuild).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WriteBenchmark {
    private List<byte[]> pages;
    private Path folder;
    private Path destination;

    @Setup(Level.Trial)
    public void load() throws IOException {
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.defaults());
        pages = Corpus.load().parsed().stream().map(FrontMatter::body)
                .map(body -> markdown.render(body).getBytes(StandardCharsets.UTF_8)).toList();
        folder = Files.createTempDirectory("sheaf-jmh-write-");
        destination = folder.resolve("site");
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        delete(folder);
    }

    private OutputPlan plan() {
        OutputPlan plan = new OutputPlan();
        for (int i = 0; i < pages.size(); i++) {
            plan.addBytes("docs/" + i + "/index.html", pages.get(i), "doc" + i + ".md");
        }
        return plan;
    }

    /** Per invocation state: the destination removed before each write into empty. */
    @State(Scope.Thread)
    public static class Empty {
        @Setup(Level.Invocation)
        public void clear(WriteBenchmark bench) throws IOException {
            delete(bench.destination);
        }
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void writeIntoEmpty(Empty empty) throws IOException {
        new DirectorySink(destination, List.of()).write(plan());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void rewriteSameBytes() throws IOException {
        new DirectorySink(destination, List.of()).write(plan());
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
