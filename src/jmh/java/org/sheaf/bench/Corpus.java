package org.sheaf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;

/**
 * The benchmark inputs: a corpus written by {@code bench/gen-corpus}, either the folder named by
 * the {@code SHEAF_BENCH_CORPUS} environment variable or a {@value #PAGES}-page corpus generated
 * into a temporary folder (which needs {@code python3} and the working directory at the
 * repository root). Every benchmark handles the same {@value #PAGES} documents, and reports the time
 * for one document ({@code @OperationsPerInvocation}).
 */
final class Corpus {
    static final int PAGES = 20;
    static final ZoneId UTC = ZoneId.of("UTC");

    /** One Markdown document: its path relative to the Jekyll source and its whole text. */
    record Source(String path, String text) {
    }

    final Path root;
    final List<Source> documents;

    private Corpus(Path root, List<Source> documents) {
        this.root = root;
        this.documents = documents;
    }

    static Corpus load() {
        try {
            Path root = locate();
            Path content = root.resolve("content");
            List<Source> documents = new ArrayList<>();
            for (String folder : List.of("_posts", "_notes", "guides")) {
                try (Stream<Path> files = Files.list(content.resolve(folder))) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                        documents.add(new Source(content.relativize(file).toString(),
                                Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
            if (documents.size() < PAGES) {
                throw new IllegalStateException(root + " holds " + documents.size() + " documents; the benchmarks need " + PAGES);
            }
            return new Corpus(root, List.copyOf(documents.subList(0, PAGES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() throws IOException {
        String named = System.getenv("SHEAF_BENCH_CORPUS");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        Path generator = Path.of("bench", "gen-corpus");
        if (!Files.isRegularFile(generator)) {
            throw new IllegalStateException("run from the repository root, or set SHEAF_BENCH_CORPUS to a gen-corpus folder");
        }
        Path out = Files.createTempDirectory("sheaf-jmh-").resolve("corpus");
        Process process = new ProcessBuilder("python3", generator.toString(), "--pages", String.valueOf(PAGES),
                "--out", out.toString()).inheritIO().start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("bench/gen-corpus failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The front matter and body of every document, parsed once for the later stages. */
    List<FrontMatter> parsed() {
        List<FrontMatter> all = new ArrayList<>();
        for (Source source : documents) {
            try {
                all.add(FrontMatterParser.parse(source.text(), source.path(), UTC));
            } catch (DiagnosticException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code site}, as the layouts use it: title, description and the authors from {@code _data}. */
    Map<String, Object> site() {
        try {
            FrontMatter authors = FrontMatterParser.parse("---\nauthors:\n" + indent(read("content/_data/authors.yml")) + "---\n",
                    "_data/authors.yml", UTC);
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("title", "Sheaf Bench");
            site.put("description", "A synthetic site for comparing static site generators.");
            site.put("url", "https://bench.example.org");
            site.put("baseurl", "");
            site.put("data", Map.of("authors", authors.data().get("authors")));
            return site;
        } catch (DiagnosticException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code page} for document {@code index}: its front matter plus url, date, previous and next. */
    Map<String, Object> page(List<FrontMatter> parsed, int index) {
        Map<String, Object> page = new LinkedHashMap<>(parsed.get(index).data());
        page.put("url", "/bench/" + index + "/");
        page.putIfAbsent("date", ZonedDateTime.of(2020, 1, 1 + index % 28, 0, 0, 0, 0, UTC));
        if (index > 0) {
            page.put("previous", Map.of("url", "/bench/" + (index - 1) + "/", "title", parsed.get(index - 1).data().get("title")));
        }
        if (index + 1 < parsed.size()) {
            page.put("next", Map.of("url", "/bench/" + (index + 1) + "/", "title", parsed.get(index + 1).data().get("title")));
        }
        return page;
    }

    private static String indent(String yaml) {
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n")) {
            if (!line.startsWith("#")) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }
}
