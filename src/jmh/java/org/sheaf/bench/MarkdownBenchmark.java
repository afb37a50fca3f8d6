package org.sheaf.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.source.FrontMatter;

/** Markdown to HTML with Jekyll's default kramdown flavour, one shared renderer (as a build uses it). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MarkdownBenchmark {
    private List<String> bodies;
    private MarkdownRenderer renderer;

    @Setup
    public void load() {
        bodies = Corpus.load().parsed().stream().map(FrontMatter::body).toList();
        renderer = new MarkdownRenderer(MarkdownOptions.defaults());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void renderDocument(Blackhole sink) {
        for (String body : bodies) {
            sink.consume(renderer.render(body));
        }
    }

    /** The cost a build would pay if it made a renderer per document. */
    @Benchmark
    public MarkdownRenderer createRenderer() {
        return new MarkdownRenderer(MarkdownOptions.defaults());
    }
}
