package org.sheaf.bench;

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
import org.sheaf.diag.DiagnosticException;
import org.sheaf.source.FrontMatterParser;

/** Splitting a document into YAML front matter (parsed, with positions) and body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrontMatterBenchmark {
    private Corpus corpus;

    @Setup
    public void load() {
        corpus = Corpus.load();
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void parseDocument(Blackhole sink) throws DiagnosticException {
        for (Corpus.Source source : corpus.documents) {
            sink.consume(FrontMatterParser.parse(source.text(), source.path(), Corpus.UTC));
        }
    }
}
