package org.sheaf.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyDate;

/**
 * Client-side search, served from the site itself: a build-time index of every page's text
 * ({@code search.json}), the Lunr library copied byte for byte out of its WebJar
 * ({@code assets/js/lunr.min.js}), and sheaf's small script that loads both
 * ({@code assets/js/search.js}). Nothing is fetched from another host, so search works offline.
 *
 * <p>Switched on by {@code search:} in {@code _config.yml} ({@code true}, or a map):
 *
 * <pre>
 * search:
 *   collections: [posts, notes]   # documents indexed; every written collection by default
 *   pages: true                   # also the site's HTML pages (false: documents only)
 *   max_chars: 4000               # text kept per entry, cut at a word
 * </pre>
 *
 * <p>Each entry of the index has {@code url} (with {@code baseurl}), {@code title}, {@code kind},
 * {@code tags}, {@code date} ({@code yyyy-MM-dd} or null) and {@code text}: the rendered content
 * as plain text (jsoup), whitespace collapsed. Pages with {@code search: false}, pages without a
 * title, and output that is not HTML are left out. A source file at one of the three paths wins:
 * that file is not generated.
 */
public final class SearchIndex implements Generator {
    /** Where the index is written. */
    public static final String INDEX_PATH = "search.json";
    /** Where the Lunr library is written. */
    public static final String LIBRARY_PATH = "assets/js/lunr.min.js";
    /** Where sheaf's search script is written. */
    public static final String SCRIPT_PATH = "assets/js/search.js";
    static final String ORIGIN = "search";
    private static final int DEFAULT_MAX_CHARS = 4000;
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/lunr/pom.properties";

    /** Whether {@code search} in the config switches search on. */
    static boolean enabled(Object setting) {
        return setting instanceof Map<?, ?> || Boolean.TRUE.equals(setting);
    }

    @Override
    public List<GeneratedFile> generate(Input input) {
        Map<?, ?> settings = input.config().feature("search") instanceof Map<?, ?> map ? map : Map.of();
        Set<String> taken = new java.util.HashSet<>();
        input.index().pages().stream().filter(Page::isWritten).forEach(page -> taken.add(page.outputPath()));
        input.index().staticFiles().forEach(file -> taken.add(file.outputPath()));
        List<GeneratedFile> files = new ArrayList<>();
        if (!taken.contains(INDEX_PATH)) {
            files.add(new GeneratedFile(INDEX_PATH, ORIGIN,
                    () -> json(entries(input.index(), settings, input.config().baseurl()))));
        }
        if (!taken.contains(LIBRARY_PATH)) {
            files.add(new GeneratedFile(LIBRARY_PATH, "lunr " + libraryVersion(), SearchIndex::library,
                    GeneratedFile.Reads.NO_BODY));
        }
        if (!taken.contains(SCRIPT_PATH)) {
            files.add(new GeneratedFile(SCRIPT_PATH, ORIGIN, () -> utf8(read("search.js")),
                    GeneratedFile.Reads.NO_BODY));
        }
        return List.copyOf(files);
    }

    /** The index entries for the pages of {@code index} that {@code settings} selects, in the index's order. */
    static List<Map<String, Object>> entries(ContentIndex index, Map<?, ?> settings, String baseurl) {
        Set<String> collections = Set.copyOf(FeatureSettings.strings(settings.get("collections")));
        boolean withPages = !Boolean.FALSE.equals(settings.get("pages"));
        int maxChars = FeatureSettings.number(settings.get("max_chars"), DEFAULT_MAX_CHARS);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Page page : index.readPages()) {
            Map<String, Object> drop = page.drop();
            boolean selected = page.collection() == null ? withPages
                    : collections.isEmpty() || collections.contains(page.collection());
            if (!selected || !page.isWritten() || !(page.outputPath().endsWith(".html") || page.outputPath().endsWith(".htm"))
                    || Boolean.FALSE.equals(drop.get("search")) || drop.get("redirect_to") != null
                    || drop.get("title") == null || drop.get("title").toString().isBlank()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", baseurl + page.url());
            entry.put("title", drop.get("title").toString());
            entry.put("kind", drop.get("kind") == null ? null : drop.get("kind").toString());
            entry.put("tags", FeatureSettings.strings(drop.get("tags")));
            entry.put("date", drop.get("date") instanceof ZonedDateTime date ? date.format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : drop.get("date") instanceof RubyDate day ? day.toString() : null);
            Object content = drop.get("content");
            entry.put("text", truncate(plainText(content == null ? "" : content.toString()), maxChars));
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    /**
     * The text a reader sees in {@code html}, whitespace collapsed: styles and scripts are not
     * text (a chart's SVG carries a {@code <style>}, which jsoup reads as text inside SVG), and
     * a chart's labels count once, not once per drawing.
     */
    static String plainText(String html) {
        Element body = Jsoup.parseBodyFragment(ChartTag.withoutNarrowDrawings(html)).body();
        body.select("style, script").remove();
        return body.text().strip();
    }

    /** {@code text} cut to at most {@code maxChars} characters, at the last space before the cut when there is one. */
    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return (cut > maxChars / 2 ? text.substring(0, cut) : text.substring(0, maxChars)).strip();
    }

    /** The index as JSON, one entry per line so a diff of two builds reads well. */
    static String json(List<Map<String, Object>> entries) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(SeoTag.scriptSafe(JekyllFilters.jsonify(entries.get(i))));
        }
        return out.append("\n]\n").toString();
    }

    /** The version of the Lunr WebJar on the class path. */
    public static String libraryVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(WEBJAR)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** Where the library is inside its WebJar. */
    public static String libraryResource() {
        return "META-INF/resources/webjars/lunr/" + libraryVersion() + "/lunr.min.js";
    }

    /** The library's text, exactly as the WebJar has it. */
    static String library() {
        try (InputStream in = resource(libraryResource())) {
            return utf8(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = SearchIndex.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sheaf's jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the Lunr WebJar is not on the class path: " + path);
        }
        return in;
    }

    /** Strict UTF-8, so the write stage's re-encoding gives back the same bytes. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("not UTF-8: " + e.getMessage(), e);
        }
    }
}
