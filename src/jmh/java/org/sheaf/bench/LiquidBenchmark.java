package org.sheaf.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sheaf.liquid.LinkResolver;
import org.sheaf.liquid.LiquidRenderer;
import org.sheaf.liquid.LiquidSetup;
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;

/**
 * The corpus's Liquid layouts around rendered content: {@code post.html} (an include with a
 * {@code where} lookup in {@code site.data}, a date filter, a loop over tags) inside
 * {@code default.html} (two includes, a loop over the authors). One renderer, parsed templates
 * cached, as in a build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LiquidBenchmark {
    private LiquidRenderer liquid;
    private FrontMatter post;
    private FrontMatter base;
    private List<Map<String, Object>> pages;
    private List<String> contents;
    private Map<String, Object> site;

    @Setup
    public void load() throws DiagnosticException {
        Corpus corpus = Corpus.load();
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.defaults());
        LinkResolver links = new LinkResolver() {
            @Override
            public Optional<String> urlOfSource(String sourceRelativePath) {
                return Optional.empty();
            }

            @Override
            public Optional<String> urlOfPost(String postName) {
                return Optional.empty();
            }
        };
        java.nio.file.Path content = corpus.root.resolve("content");
        liquid = new LiquidRenderer(new LiquidSetup(content, content.resolve("_includes"), "", "https://bench.example.org",
                Corpus.UTC, "production", markdown::render, links));
        post = FrontMatterParser.parse(corpus.read("content/_layouts/post.html"), "_layouts/post.html", Corpus.UTC);
        base = FrontMatterParser.parse(corpus.read("content/_layouts/default.html"), "_layouts/default.html", Corpus.UTC);
        List<FrontMatter> parsed = corpus.parsed();
        site = corpus.site();
        pages = new ArrayList<>();
        contents = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            pages.add(corpus.page(parsed, i));
            contents.add(markdown.render(parsed.get(i).body()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void renderLayouts(Blackhole sink) throws DiagnosticException {
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("site", site);
            variables.put("page", pages.get(i));
            variables.put("layout", post.data());
            variables.put("content", contents.get(i));
            String inner = liquid.render(post.body(), "_layouts/post.html", post.bodyLine(), variables);
            variables.put("layout", base.data());
            variables.put("content", inner);
            sink.consume(liquid.render(base.body(), "_layouts/default.html", base.bodyLine(), variables));
        }
    }
}
