package org.sheaf.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.sheaf.markdown.MarkdownOptions;
import org.sheaf.markdown.MarkdownRenderer;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;
import org.sheaf.template.FreemarkerEngine;
import org.sheaf.template.Layout;
import org.sheaf.template.TemplateFunctions;

/**
 * The Freemarker versions of the corpus's post layouts ({@code templates/post.ftlh} inside
 * {@code base.ftlh}, which includes {@code head.ftlh}) around rendered content, as sheaf sites
 * use them. One engine, each layout parsed once, as in a build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FreemarkerBenchmark {
    private FreemarkerEngine engine;
    private Layout post;
    private Layout base;
    private List<Map<String, Object>> pages;
    private List<String> contents;
    private Map<String, Object> site;

    @Setup
    public void load() throws DiagnosticException, IOException {
        Corpus corpus = Corpus.load();
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.defaults());
        engine = new FreemarkerEngine(corpus.root.resolve("templates"), "templates",
                new TemplateFunctions("", "https://bench.example.org", Corpus.UTC, markdown::render));
        post = layout(corpus, "post");
        base = layout(corpus, "base");
        List<FrontMatter> parsed = corpus.parsed();
        site = corpus.site();
        pages = new ArrayList<>();
        contents = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            pages.add(corpus.page(parsed, i));
            contents.add(markdown.render(parsed.get(i).body()));
        }
    }

    private static Layout layout(Corpus corpus, String name) throws DiagnosticException {
        String file = name + ".ftlh";
        FrontMatter split = FrontMatterParser.parse(corpus.read("templates/" + file), "templates/" + file, Corpus.UTC);
        return new Layout(name, file, "templates/" + file, Layout.Engine.FREEMARKER, split.data(), split.positions(),
                split.body(), split.bodyLine());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.PAGES)
    public void renderLayouts(Blackhole sink) throws DiagnosticException {
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("site", site);
            variables.put("page", pages.get(i));
            variables.put("layout", post.frontMatter());
            variables.put("content", contents.get(i));
            String inner = engine.render(post, variables);
            variables.put("layout", base.frontMatter());
            variables.put("content", inner);
            sink.consume(engine.render(base, variables));
        }
    }
}
