package org.sheaf.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;
import org.sheaf.content.Page;
import org.sheaf.content.RenderedPage;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.OsReason;
import org.sheaf.pipeline.RenderPlan;
import org.sheaf.sass.SassRenderer;
import org.sheaf.template.Layout;

/**
 * One incremental build's view of what each page depends on, and the {@link RenderPlan} that
 * follows from it: which pages' content and output can be taken from the last build's
 * {@link BuildState} and which must be rendered. The design is on {@link IncrementalBuilder}.
 *
 * <p>A page's <b>inputs</b> are:
 * <ul>
 *   <li>its own: source text, front matter with defaults, URL ({@code self}); its layout chain
 *       ({@code chain}); compared directly;</li>
 *   <li>{@link Input.Aggregate} (a collection: {@code site.posts}, {@code site.tags}, {@code
 *       site.LABEL}, ...; or {@link Input.Aggregate#PAGES}, {@code site.pages}): changed when the
 *       list of members or any member's own fingerprint changed, or, once that pass has run, when
 *       any member's rendered content or excerpt changed;</li>
 *   <li>{@link Input.Data}, {@link Input.Shared#ALL_DATA}, {@link Input.Shared#STATIC_FILES},
 *       {@link Input.Shared#TIME}: the value's fingerprint;</li>
 *   <li>{@link Input.Shared#TEMPLATES} (every file in the layouts and includes folders), when the
 *       page or its layouts mention an include or import; {@link Input.Shared#URLS} (every page's
 *       and file's URL) when they mention {@code link} or {@code post_url};
 *       {@link Input.Marker#NEIGHBORS} when they mention {@code previous} or {@code next};
 *       {@link Input.Marker#ALWAYS} when they mention {@code paginator} or {@code
 *       include_relative}, for a Sass page, and for a generated page; {@link Input.Marker#CHARTS}
 *       when they mention a chart, whose CSV file is made only while it is drawn;
 *       {@link Input.Marker#EVERYTHING} when a template walked the whole of {@code site}.</li>
 * </ul>
 * The aggregates, data, static files, time and everything are what the page's templates actually
 * read the last time it rendered ({@link RecordingSite}); the others are found by scanning its
 * text, which can only over-approximate.
 *
 * <p>Not thread-safe except {@link #site}, which render threads call concurrently.
 */
final class DependencyGraph implements RenderPlan {
    /** The label of the pages outside collections among the aggregates' members. */
    static final String PAGES = Input.Aggregate.PAGES.label();

    private final BuildState previous;
    private final boolean everything;
    private final String configKey;
    private final SiteConfig config;
    private final ContentIndex index;
    private final Map<String, Layout> layouts;
    private final Object siteTime;
    private final Templates templates;

    private final Map<Page, String> keys = new IdentityHashMap<>();
    private final Map<Page, String> selves = new IdentityHashMap<>();
    private final Map<Page, String> chains = new IdentityHashMap<>();
    private final Map<Page, Set<Input>> scanned = new IdentityHashMap<>();
    private final Map<Object, Page> byDrop = new IdentityHashMap<>();
    private final Map<String, List<Page>> members = new TreeMap<>();
    /** The pages read from the source, members of {@link #members}' lists. */
    private final Set<Page> readPages = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Input, String> values = new HashMap<>();
    private final PageReads reads;

    private final Set<Page> contentRendered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Page> contentChanged = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Page> outputRendered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, String> keptOutputPaths = new ConcurrentHashMap<>();
    private final Set<String> settled = new HashSet<>();
    private int passes;
    private BuildState next;

    /**
     * @param previous  the last good build's state, or null for none (everything renders)
     * @param configKey fingerprint of config, environment and overrides; a change renders everything
     */
    DependencyGraph(BuildState previous, String configKey, SiteConfig config, ContentIndex index,
            Map<String, Layout> layouts, Object siteTime) {
        this(previous, configKey, config, index, layouts, siteTime, new HashMap<>());
    }

    /**
     * As the other constructor, with the fingerprints of pages' own inputs from earlier builds:
     * {@code selfHashes} maps a page's site path and URL to what its fingerprint was made of and the
     * fingerprint, so an unchanged page's text is compared (the very string, mostly, as parses
     * are kept) instead of hashed again. Updated with this build's pages.
     */
    DependencyGraph(BuildState previous, String configKey, SiteConfig config, ContentIndex index,
            Map<String, Layout> layouts, Object siteTime, Map<String, SelfHash> selfHashes) {
        this.config = config;
        this.reads = new PageReads(config);
        this.configKey = configKey;
        this.index = index;
        this.layouts = layouts;
        this.siteTime = siteTime;
        this.templates = Templates.read(config);
        this.previous = previous;
        this.everything = previous == null || !previous.configKey().equals(configKey);
        Set<Page> read = readPages;
        read.addAll(index.readPages());
        Map<Layout, Set<Input>> layoutScans = new IdentityHashMap<>();
        for (Page page : index.pages()) {
            keys.put(page, page.sitePath() + " " + page.url());
            selves.put(page, self(page, selfHashes));
            byDrop.put(page.drop(), page);
            List<Layout> chain = chain(page);
            chains.put(page, chain == null ? "broken" : hash(chain.stream()
                    .map(layout -> layout.sitePath() + layout.engine() + layout.frontMatter() + "\n" + layout.body())
                    .toArray(String[]::new)));
            // the body is scanned only where Liquid runs on it, as the renderer decides
            String body = page.body();
            Set<Input> found = new HashSet<>(page.liquid() ? scan(body) : Set.of());
            if (chain != null) {
                chain.forEach(layout -> found.addAll(layoutScans.computeIfAbsent(layout, l -> scan(l.body()))));
            }
            if (found.contains(Input.Shared.TEMPLATES)) {
                found.addAll(templates.scan);
            }
            if (!read.contains(page) || SassRenderer.isSass(page.source().relativePath()) || chain == null) {
                found.add(Input.Marker.ALWAYS);
            }
            scanned.put(page, found);
            if (read.contains(page)) {
                members.computeIfAbsent(page.collection() == null ? PAGES : page.collection(), k -> new ArrayList<>())
                        .add(page);
            }
        }
        for (String label : config.collections().keySet()) {
            members.computeIfAbsent(label, k -> new ArrayList<>());
        }
        selfHashes.keySet().retainAll(new HashSet<>(keys.values()));
    }

    /**
     * The output paths whose page output this build took unchanged from the last one, each with
     * the page's site path: written from the same text as last time.
     */
    Map<String, String> keptOutputPaths() {
        return keptOutputPaths;
    }

    /** The state to remember after this build was written; null before. */
    BuildState next() {
        return next;
    }

    /** How many pages this build rendered (content or output), and how many it has. */
    int rendered() {
        Set<Page> any = Collections.newSetFromMap(new IdentityHashMap<>());
        any.addAll(contentRendered);
        any.addAll(outputRendered);
        return any.size();
    }

    /** Whether this build rendered everything because there was no usable state or the config changed. */
    boolean everything() {
        return everything;
    }

    @Override
    public Map<String, Object> site(Page page, Map<String, Object> site) {
        return reads.site(page, site);
    }

    @Override
    public Map<String, Object> contentSite(Page page, Map<String, Object> site) {
        return reads.contentSite(page, site);
    }

    @Override
    public void readsInOrder(Page page) {
        reads.readsInOrder(page);
    }

    /**
     * What the Liquid in each page's own text read in this build, for the pages whose content
     * this build rendered, as {@link Input}s; the others kept theirs.
     */
    Map<String, Set<Input>> contentInputs() {
        Map<String, Set<Input>> inputs = new HashMap<>();
        reads.textInputs().forEach((page, read) -> inputs.put(keys.get(page), read));
        return inputs;
    }

    @Override
    public Set<Page> keptContent(List<Page> pass) {
        settle();
        passes++;
        Set<Page> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> rendering = new HashSet<>();
        for (Page page : pass) {
            BuildState.PageRecord record = record(page);
            if (record != null && !changed(page, record) && !readsRendering(page, record, rendering)) {
                index.rendered().put(page, new RenderedPage(record.content(), record.excerpt()));
                kept.add(page);
            } else {
                contentRendered.add(page);
                if (readPages.contains(page)) {
                    rendering.add(page.collection() == null ? PAGES : page.collection());
                }
            }
        }
        return kept;
    }

    /**
     * Whether {@code page} may read the content of a page this pass renders again before it: a
     * page reads the converted content of the pages Jekyll renders before it, which the pass has
     * not rendered yet when it decides, so a page that reads a collection ({@code rendering} holds
     * those with a member rendering again earlier in the pass) or its previous neighbour renders
     * again too. The pass is in Jekyll's order.
     */
    private boolean readsRendering(Page page, BuildState.PageRecord record, Set<String> rendering) {
        if (rendering.isEmpty()) {
            return false;
        }
        Set<Input> inputs = new HashSet<>(record.inputs());
        inputs.addAll(scanned.get(page));
        for (Input input : inputs) {
            if (input instanceof Input.Aggregate aggregate && rendering.contains(aggregate.label())) {
                return true;
            }
            if (input == Input.Marker.NEIGHBORS && contentRendered.contains(neighbor(page, "previous"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<Page, String> keptOutputs(List<Page> written) {
        settle();
        passes++;
        Map<Page, String> kept = new IdentityHashMap<>();
        for (Page page : written) {
            BuildState.PageRecord record = record(page);
            if (record != null && record.output() != null && !contentChanged.contains(page) && !changed(page, record)) {
                kept.put(page, record.output());
                keptOutputPaths.put(page.outputPath(), page.sitePath());
            } else {
                outputRendered.add(page);
            }
        }
        return kept;
    }

    /** Called once the build's output has been written, with every written page's output: makes {@link #next}. */
    void written(Map<Page, String> outputs) {
        Map<String, BuildState.PageRecord> records = new HashMap<>();
        for (Page page : index.pages()) {
            BuildState.PageRecord old = record(page);
            Set<Input> inputs = new HashSet<>(scanned.get(page));
            inputs.addAll(reads.inputs(page));
            boolean whole = contentRendered.contains(page) && (outputRendered.contains(page) || !page.isWritten());
            if (!whole && old != null) {
                inputs.addAll(old.inputs());
            }
            Object content = page.drop().get("content");
            Object excerpt = page.drop().get("excerpt");
            records.put(keys.get(page), new BuildState.PageRecord(selves.get(page), chains.get(page), neighbors(page),
                    inputs, content instanceof String text ? text : "", excerpt instanceof String text ? text : null,
                    outputs.get(page)));
        }
        Map<Input, String> all = new HashMap<>();
        for (Input input : everyInput()) {
            all.put(input, value(input));
        }
        next = new BuildState(configKey, records, all, Map.of());
    }

    private BuildState.PageRecord record(Page page) {
        return everything ? null : previous.pages().get(keys.get(page));
    }

    /** Marks the pass that just rendered as done: which of its pages' content came out different. */
    private void settle() {
        if (passes == 0 || everything) {
            return;
        }
        for (Page page : contentRendered) {
            if ((passes == 1) != (page.collection() != null)) {
                continue;
            }
            BuildState.PageRecord record = record(page);
            Object excerpt = page.drop().get("excerpt");
            if (record == null || !record.content().equals(page.drop().get("content"))
                    || record.excerpt() != null && !record.excerpt().equals(excerpt)
                    || record.excerpt() == null && excerpt instanceof String) {
                contentChanged.add(page);
            }
        }
        if (passes == 1) {
            settled.addAll(config.collections().keySet());
        } else {
            settled.add(PAGES);
        }
    }

    /** Whether any input of {@code page} differs from the last build, as far as the passes so far tell. */
    private boolean changed(Page page, BuildState.PageRecord record) {
        if (!record.self().equals(selves.get(page)) || !record.chain().equals(chains.get(page))) {
            return true;
        }
        Set<Input> inputs = new HashSet<>(record.inputs());
        inputs.addAll(scanned.get(page));
        for (Input input : inputs) {
            if (inputChanged(page, record, input)) {
                return true;
            }
        }
        return false;
    }

    private boolean inputChanged(Page page, BuildState.PageRecord record, Input input) {
        if (input == Input.Marker.ALWAYS || input == Input.Marker.EVERYTHING || input == Input.Marker.CHARTS) {
            return true;
        }
        if (input == Input.Marker.NEIGHBORS) {
            if (!record.neighbors().equals(neighbors(page))) {
                return true;
            }
            return settled.contains(page.collection() == null ? PAGES : page.collection())
                    && (contentChanged.contains(neighbor(page, "previous")) || contentChanged.contains(neighbor(page, "next")));
        }
        if (!value(input).equals(previous.values().get(input))) {
            return true;
        }
        if (input instanceof Input.Aggregate aggregate && settled.contains(aggregate.label())) {
            return members.getOrDefault(aggregate.label(), List.of()).stream().anyMatch(contentChanged::contains);
        }
        return false;
    }

    /**
     * The inputs a {@code site:KEY} or {@code data:NAME} read ({@link RecordingSite}), or {@link
     * PageReads#ORDERED_EXCERPT}, stands for, in a site with {@code config}.
     */
    static Set<Input> inputsOf(String read, SiteConfig config) {
        if (read.equals(PageReads.ORDERED_EXCERPT)) {
            // what its first reader saw of other pages, which no input names
            return Set.of(Input.Marker.ALWAYS);
        }
        if (read.startsWith("data:")) {
            String name = read.substring("data:".length());
            return Set.of(name.equals("*") ? Input.Shared.ALL_DATA : new Input.Data(name));
        }
        String key = read.substring("site:".length());
        if (!key.equals("posts") && config.collections().containsKey(key)) {
            // a collection wins over site's own variable of its name, as in SiteDrop
            return Set.of(new Input.Aggregate(key));
        }
        switch (key) {
            case "posts", "related_posts", "tags", "categories", "archives":
                // jekyll-archives' pages are made from the posts' dates, tags and categories
                return Set.of(new Input.Aggregate("posts"));
            case "pages", "html_pages":
                return Set.of(Input.Aggregate.PAGES);
            case "static_files", "html_files":
                return Set.of(Input.Shared.STATIC_FILES);
            case "time":
                return Set.of(Input.Shared.TIME);
            case "data":
                return Set.of(Input.Shared.ALL_DATA);
            case "*":
                return Set.of(Input.Marker.EVERYTHING);
            case "documents", "collections":
                Set<Input> all = new HashSet<>();
                config.collections().keySet().forEach(label -> all.add(new Input.Aggregate(label)));
                all.add(Input.Shared.STATIC_FILES);
                return all;
            default:
                return Set.of();
        }
    }

    private List<Input> everyInput() {
        List<Input> inputs = new ArrayList<>(List.of(Input.Shared.values()));
        data().keySet().forEach(name -> inputs.add(new Input.Data(name)));
        members.keySet().forEach(label -> inputs.add(new Input.Aggregate(label)));
        return inputs;
    }

    /** The fingerprint of a shared input in this build. */
    private String value(Input input) {
        String known = values.get(input);
        if (known != null) {
            return known;
        }
        String value;
        if (input instanceof Input.Data one) {
            value = hash(String.valueOf(data().get(one.name())));
        } else if (input instanceof Input.Aggregate aggregate) {
            List<String> parts = new ArrayList<>();
            for (Page member : members.getOrDefault(aggregate.label(), List.of())) {
                parts.add(keys.get(member));
                parts.add(selves.get(member));
            }
            if (aggregate.equals(Input.Aggregate.PAGES)) {
                parts.addAll(listed());
            }
            value = hash(parts.toArray(String[]::new));
        } else if (input instanceof Input.Shared shared) {
            value = switch (shared) {
                case ALL_DATA -> hash(String.valueOf(data()));
                // each file's every key: a drop writes itself as its class name, and a change of
                // defaults changes what a page reads of it
                case STATIC_FILES -> hash(((List<?>) index.site().get("static_files")).stream()
                        .map(file -> file instanceof Map<?, ?> drop ? new LinkedHashMap<>(drop).toString() : String.valueOf(file))
                        .toArray(String[]::new));
                case TIME -> String.valueOf(siteTime);
                case TEMPLATES -> templates.fingerprint;
                case URLS -> hash(Stream.concat(index.pages().stream().map(keys::get),
                        index.staticFiles().stream().map(file -> file.source().sitePath() + " " + file.url()))
                        .toArray(String[]::new));
            };
        } else {
            value = "unknown";
        }
        values.put(input, value);
        return value;
    }

    /**
     * The entries the plugins add to {@code site.pages} (pagination's later pages, redirects,
     * feeds), by URL and name: a new post can add a paginator page without changing any member.
     */
    private List<String> listed() {
        Set<Object> memberDrops = Collections.newSetFromMap(new IdentityHashMap<>());
        members.getOrDefault(PAGES, List.of()).forEach(page -> memberDrops.add(page.drop()));
        List<String> listed = new ArrayList<>();
        if (index.site().get("pages") instanceof List<?> pages) {
            for (Object entry : pages) {
                if (!memberDrops.contains(entry) && entry instanceof Map<?, ?> variables) {
                    listed.add(variables.get("url") + " " + variables.get("name"));
                }
            }
        }
        return listed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data() {
        Object data = index.site().get("data");
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Page neighbor(Page page, String which) {
        Object drop = page.drop().get(which);
        return drop == null ? null : byDrop.get(drop);
    }

    private String neighbors(Page page) {
        Page before = neighbor(page, "previous");
        Page after = neighbor(page, "next");
        return (before == null ? "-" : keys.get(before) + " " + selves.get(before)) + "|"
                + (after == null ? "-" : keys.get(after) + " " + selves.get(after));
    }

    /** The page's layouts, innermost first; null when one is missing or they form a cycle. */
    private List<Layout> chain(Page page) {
        List<Layout> chain = new ArrayList<>();
        String name = page.layout();
        while (name != null) {
            Layout layout = layouts.get(name);
            if (layout == null || chain.contains(layout)) {
                return null;
            }
            chain.add(layout);
            name = layout.parent();
        }
        return chain;
    }

    /** What a template's text mentions; plain substring tests, which can only find too much. */
    static Set<Input> scan(String text) {
        Set<Input> found = new HashSet<>();
        if (text.contains("include") || text.contains("import") || text.contains("render")) {
            found.add(Input.Shared.TEMPLATES);
        }
        if (text.contains("link") || text.contains("post_url")) {
            found.add(Input.Shared.URLS);
        }
        if (text.contains("previous") || text.contains("next")) {
            found.add(Input.Marker.NEIGHBORS);
        }
        if (text.contains("paginator") || text.contains("include_relative")) {
            found.add(Input.Marker.ALWAYS);
        }
        if (text.contains("output")) {
            // a document's output follows its layouts and whatever they read, which no input here tracks
            found.add(Input.Marker.ALWAYS);
        }
        if (text.contains("chart")) {
            // a chart's CSV file is made only while the chart is drawn
            found.add(Input.Marker.CHARTS);
        }
        return found;
    }

    /** What a page's own fingerprint was made of, and the fingerprint. */
    record SelfHash(String[] parts, String hash) {
    }

    /**
     * The fingerprint of a page's own inputs: where it comes from, its URL and output path, its
     * layout, its body and every value of its drop as the drop prints it (neighbours by URL). The
     * drop's {@code content} is the body itself before rendering; it is then not printed a
     * second time, which halves the text hashed per page.
     */
    private static String self(Page page, Map<String, SelfHash> known) {
        StringBuilder drop = new StringBuilder("{");
        page.drop().forEach((key, value) -> {
            if (drop.length() > 1) {
                drop.append(", ");
            }
            drop.append(key).append('=');
            if (key.equals("content") && value == page.body()) {
                drop.append("\u0000body");
            } else {
                drop.append(value instanceof org.sheaf.content.PageDrop other ? other.get("url") : value);
            }
        });
        String[] parts = {page.sitePath(), String.valueOf(page.collection()), page.url(),
            String.valueOf(page.outputPath()), String.valueOf(page.layout()), page.markdown() + " " + page.liquid(),
            Integer.toString(page.bodyLine()), page.body(), drop.append('}').toString()};
        String key = page.sitePath() + " " + page.url();
        SelfHash before = known.get(key);
        if (before != null && java.util.Arrays.equals(before.parts(), parts)) {
            return before.hash();
        }
        String hash = hash(parts);
        known.put(key, new SelfHash(parts, hash));
        return hash;
    }

    static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Every file of the layouts and includes folders: one fingerprint for them all, and what their
     * text mentions (an include reaches any of them, so a page that includes anything is taken to
     * reach what every one of them mentions).
     */
    private record Templates(String fingerprint, Set<Input> scan) {
        /** A template's bytes, or the problem that keeps it from being read (so a change to the problem changes the fingerprint). */
        private static byte[] contentOrProblem(SiteConfig config, Path file) {
            try {
                return config.files().read(file, file.toString());
            } catch (DiagnosticException e) {
                return e.diagnostic().message().getBytes(StandardCharsets.UTF_8);
            }
        }

        static Templates read(SiteConfig config) {
            Map<String, byte[]> files = new TreeMap<>();
            List<Path> themeDirs = config.theme().map(theme -> List.of(theme.layoutsDir(), theme.includesDir()))
                    .orElse(List.of());
            for (Path dir : Stream.concat(Stream.of(config.layoutsDir(), config.includesDir()), themeDirs.stream())
                    .distinct().toList()) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(file -> !Files.isDirectory(file)).toList()) {
                        files.put(file.toString(), contentOrProblem(config, file));
                    }
                } catch (IOException e) {
                    files.put(dir + " unreadable " + OsReason.of(e), new byte[0]);
                }
            }
            List<String> parts = new ArrayList<>();
            Set<Input> scan = new HashSet<>();
            files.forEach((path, bytes) -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                parts.add(path);
                parts.add(text);
                scan.addAll(DependencyGraph.scan(text));
            });
            return new Templates(hash(parts.toArray(String[]::new)), scan);
        }
    }
}
