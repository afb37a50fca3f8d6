package org.sheaf.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheaf.config.ConfigLoader;
import org.sheaf.output.MemorySink;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.TestSite;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;

/**
 * Proves incremental builds equal to clean ones: long seeded sequences of random edits (add,
 * change, rename, delete posts, pages, collection documents, layouts, includes, data files, static
 * files, config) to a site with listing pages, tag lists, data-driven pages, includes and chained
 * layouts; after every edit the incremental build's folder must equal a clean build's, byte for
 * byte, and both must succeed or fail alike. The incremental builder is reloaded from its cache
 * file now and then, so the saved state is proven too. The seed is in every failure message.
 *
 * <p>Ten seeds of fifty edits, 500 in all. To keep that quick, the clean build goes into memory
 * (the disk writes prove nothing here: that a folder build equals a memory build is tested on its
 * own), and the site turns {@code provenance} off, so no build starts a {@code git} process for a
 * folder that is no repository.
 */
class IncrementalRandomEditIT {
    /** Edits per seed; {@code -Dsheaf.incremental.steps=N} runs longer sequences. */
    private static final int STEPS = Integer.getInteger("sheaf.incremental.steps", 50);
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "sheaf", "note", "field", "river",
        "stone", "light"};
    private static final String[] TAGS = {"red", "green", "blue"};

    @TempDir
    Path temp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void incrementalOutputEqualsCleanBuildAfterEveryRandomEdit(long seed) throws IOException {
        Path site = temp.resolve("site");
        Path cache = temp.resolve("cache/state");
        Random random = new Random(seed);
        Edits edits = new Edits(site, random);
        edits.initial();
        BuildOptions incremental = options(site, temp.resolve("incremental"));
        BuildOptions clean = options(site, temp.resolve("clean"));
        MemorySink cleanOutput = new MemorySink();
        IncrementalBuilder builder = IncrementalBuilder.cachedIn(cache);
        List<String> log = new ArrayList<>();
        int partial = 0;
        for (int step = 0; step <= STEPS; step++) {
            if (step > 0) {
                log.add(step + ": " + edits.apply());
            }
            if (step % 17 == 0) {
                builder = IncrementalBuilder.cachedIn(cache);
                log.add(step + ": reloaded the cache");
            }
            BuildResult expected = SiteBuilder.build(clean, cleanOutput);
            BuildResult actual = builder.build(incremental);
            String context = context(seed, step, log);
            assertEquals(TestSite.printed(expected), TestSite.printed(actual), context);
            assertEquals(expected.status(), actual.status(), context);
            if (!expected.ok()) {
                continue;
            }
            compare(cleanOutput.files(), files(temp.resolve("incremental")), context);
            if (!builder.last().everything() && builder.last().rendered() < builder.last().pages()) {
                partial++;
            }
            if (Boolean.getBoolean("sheaf.incremental.trace")) {
                System.out.println(log.get(log.size() - 1) + " -> " + builder.last());
            }
        }
        // how often a build rendered less than everything depends on the edits drawn (a layout
        // whose include walks site.pages makes every page edit a full render); IncrementalBuilderTest
        // checks that targeted edits render little, this test checks only that the output is right
        System.out.println("seed " + seed + ": " + partial + " of " + STEPS + " builds rendered less than everything");
    }

    /**
     * The same random edits, built as {@code sheaf serve} builds them: told by a faultless watcher
     * (the difference between the site's files before and after each edit) which files changed,
     * so unchanged files are trusted unread and the scan is reused when no file came or went.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void watchedBuildsEqualCleanBuildsAfterEveryRandomEdit(long seed) throws IOException {
        Random random = new Random(seed);
        Watched watched = new Watched(seed, random);
        watched.start();
        int unread = 0;
        int trustable = 0;
        boolean lastOk = false;
        for (int step = 0; step <= STEPS; step++) {
            BuildResult actual = watched.step(step, watched.edits::apply, null);
            IncrementalBuilder builder = watched.builder;
            unread += builder.lastFilesUnread();
            trustable += lastOk && actual.ok() && !watched.changes.lost() ? 1 : 0;
            lastOk = actual.ok();
            if (Boolean.getBoolean("sheaf.incremental.trace")) {
                System.out.println(step + " lost=" + watched.changes.lost() + " files=" + watched.changes.files().size()
                        + " ok=" + actual.ok() + " unread=" + builder.lastFilesUnread() + " reused=" + builder.lastParsesReused());
            }
            if (watched.expected.ok()) {
                compare(watched.cleanOutput.files(), files(temp.resolve("incremental")), watched.context);
            }
        }
        // a site that stays broken trusts nothing: changes since the last good build are unknown
        assertTrue(trustable == 0 || unread > 0, "builds after a good one trusted some files unread");
    }

    /**
     * The dev server's shortcut for edits below the front matter ({@link BodyEdits}), proven the
     * same way: most edits here change only a body, the rest are drawn as above, and the site is
     * built into memory as {@code sheaf serve} builds it, so body edits are patched into the last
     * site. After each edit the site in memory must equal a clean build, byte for byte; and the
     * shortcut must have been taken for a good share of the edits, or it proves nothing.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void bodyEditsPatchedIntoMemoryEqualCleanBuilds(long seed) throws IOException {
        Random random = new Random(seed);
        Watched watched = new Watched(seed, random);
        // a good site to start from: pages may name this layout, which the edits add later
        watched.edits.write("_layouts/wide.html", "---\nlayout: default\n---\n<div class=\"wide\">{{ content }}</div>\n");
        watched.start();
        MemorySink served = new MemorySink();
        int shortcuts = 0;
        int candidates = 0;
        boolean lastOk = false;
        for (int step = 0; step <= STEPS; step++) {
            boolean bodyOnly = step > 0 && random.nextInt(100) < 65;
            BuildResult actual = watched.step(step, bodyOnly ? watched.edits::changeBody : watched.edits::apply, served);
            IncrementalBuilder builder = watched.builder;
            shortcuts += builder.lastWasBodyEdit() ? 1 : 0;
            candidates += bodyOnly && lastOk && actual.ok() ? 1 : 0;
            lastOk = actual.ok();
            if (Boolean.getBoolean("sheaf.incremental.trace")) {
                System.out.println(step + " -> " + (builder.lastWasBodyEdit() ? "body edit" : builder.lastDeclined())
                        + " " + actual.status());
            }
            if (watched.expected.ok()) {
                compare(watched.cleanOutput.files(), served.files(), watched.context);
            }
        }
        // body edits to a good site that builds fine; some are declined (a post whose own text
        // reads site.pages), most must not be
        System.out.println("seed " + seed + ": " + shortcuts + " of " + candidates + " body edits to a good site patched");
        assertTrue(shortcuts * 2 >= candidates, "only " + shortcuts + " of " + candidates
                + " body edits to a good site took the body-edit path");
    }

    /** One random edit; says what it did. */
    private interface Edit {
        String apply() throws IOException;
    }

    /**
     * A site edited step by step and built as {@code sheaf serve} builds it, by one in-memory
     * builder told by a faultless watcher (the difference between the site's files before and
     * after each edit) which files changed; beside it, a clean build of each step, which must
     * report the same.
     */
    private final class Watched {
        final long seed;
        final Path site = temp.resolve("site");
        final Edits edits;
        final BuildOptions incremental = options(site, temp.resolve("incremental"));
        final BuildOptions clean = options(site, temp.resolve("clean"));
        final MemorySink cleanOutput = new MemorySink();
        final IncrementalBuilder builder = IncrementalBuilder.inMemory();
        final List<String> log = new ArrayList<>();
        Map<Path, byte[]> files;
        SourceChanges changes;
        BuildResult expected;
        String context;

        Watched(long seed, Random random) throws IOException {
            this.seed = seed;
            this.edits = new Edits(site, random);
            edits.initial();
        }

        /** Takes the site as it is now as what the watcher last saw. */
        void start() throws IOException {
            files = tree(site);
        }

        /** Makes {@code edit} (none at step 0) and builds both ways, the watched one into {@code sink}. */
        BuildResult step(int step, Edit edit, org.sheaf.output.OutputSink sink) throws IOException {
            changes = SourceChanges.UNKNOWN;
            if (step > 0) {
                log.add(step + ": " + edit.apply());
                Map<Path, byte[]> now = tree(site);
                changes = changes(files, now);
                files = now;
            }
            expected = SiteBuilder.build(clean, cleanOutput);
            BuildResult actual = builder.build(incremental, sink, changes);
            context = context(seed, step, log);
            assertEquals(TestSite.printed(expected), TestSite.printed(actual), context);
            assertEquals(expected.status(), actual.status(), context);
            return actual;
        }
    }

    /** Where a failure happened: the seed, the step and the last edits. */
    private static String context(long seed, int step, List<String> log) {
        return "seed " + seed + ", step " + step + "\n" + String.join("\n", log.subList(Math.max(0, log.size() - 8), log.size()));
    }

    /** Every file and folder under {@code root}, folders with no bytes. */
    private static Map<Path, byte[]> tree(Path root) throws IOException {
        Map<Path, byte[]> tree = new java.util.HashMap<>();
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path key = path.toAbsolutePath().normalize();
                tree.put(key, Files.isDirectory(path) ? null : Files.readAllBytes(path));
            }
        }
        return tree;
    }

    /** What a watcher would report between two trees: a folder that came or went loses the events. */
    private static SourceChanges changes(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        java.util.Set<Path> written = new java.util.HashSet<>();
        java.util.Set<Path> entries = new java.util.HashSet<>();
        boolean lost = false;
        java.util.Set<Path> all = new java.util.HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (Path path : all) {
            boolean was = before.containsKey(path);
            boolean is = after.containsKey(path);
            boolean folder = (was && before.get(path) == null) || (is && after.get(path) == null);
            if (was != is) {
                if (folder) {
                    lost = true;
                } else {
                    written.add(path);
                    entries.add(path);
                }
            } else if (!folder && !java.util.Arrays.equals(before.get(path), after.get(path))) {
                written.add(path);
            }
        }
        return new SourceChanges(written, entries, lost);
    }

    private static BuildOptions options(Path site, Path destination) {
        return new BuildOptions(site, new ConfigLoader.Overrides(List.of(), destination, null, null, false, false, false),
                TestSite.TIME, "production");
    }

    private static void compare(Map<String, byte[]> expected, Map<String, byte[]> actual, String context) {
        assertEquals(expected.keySet(), actual.keySet(), context);
        for (Map.Entry<String, byte[]> entry : expected.entrySet()) {
            if (!Arrays.equals(entry.getValue(), actual.get(entry.getKey()))) {
                assertEquals(new String(entry.getValue(), StandardCharsets.UTF_8),
                        new String(actual.get(entry.getKey()), StandardCharsets.UTF_8),
                        context + "\nfile " + entry.getKey());
            }
        }
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
                        Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** The site and the random edits made to it; each edit says what it did. */
    private static final class Edits {
        private final Path site;
        private final Random random;
        private int counter;

        Edits(Path site, Random random) {
            this.site = site;
            this.random = random;
        }

        void initial() throws IOException {
            write("_config.yml", config());
            write("_layouts/default.html", defaultLayout());
            write("_layouts/post.html", postLayout());
            write("_layouts/page.html", "---\nlayout: default\n---\n<section>{{ content }}</section>\n");
            write("_includes/nav.html", nav());
            write("_includes/note.html", note());
            write("_data/authors.yml", authors());
            write("index.html", "---\nlayout: page\ntitle: Home\n---\n{% for post in site.posts %}<h2><a href=\"{{ post.url }}\">"
                    + "{{ post.title }}</a></h2>{{ post.excerpt }}{% endfor %}\n");
            write("tags.html", "---\nlayout: page\ntitle: Tags\n---\n{% for tag in site.tags %}<h3>{{ tag[0] }}</h3>"
                    + "{% for p in tag[1] %}<a href=\"{{ p.url }}\">{{ p.title }}</a>{% endfor %}{% endfor %}\n");
            write("people.md", "---\nlayout: page\ntitle: People\n---\n{% for a in site.data.authors %}* {{ a.name }}\n{% endfor %}\n");
            write("notes.html", "---\nlayout: default\ntitle: Notes\n---\n<ul>{% for n in site.notes %}<li>{{ n.title }}: "
                    + "{{ n.content | strip_html | truncate: 40 }}</li>{% endfor %}</ul>\n");
            write("about.md", "---\nlayout: page\ntitle: About\n---\nAbout *this* site.\n");
            write("assets/site.txt", "static " + words(3) + "\n");
            for (int i = 0; i < 4; i++) {
                addPost();
                addPage();
                addNote();
            }
        }

        String apply() throws IOException {
            int pick = random.nextInt(100);
            if (pick < 14) {
                return addPost();
            } else if (pick < 30) {
                return changeOne("_posts", this::postText);
            } else if (pick < 36) {
                return rename("_posts");
            } else if (pick < 42) {
                return delete("_posts");
            } else if (pick < 48) {
                return addPage();
            } else if (pick < 56) {
                return changeOne("pages", this::pageText);
            } else if (pick < 59) {
                return delete("pages");
            } else if (pick < 62) {
                return rename("pages");
            } else if (pick < 66) {
                return addNote();
            } else if (pick < 70) {
                return changeOne("_notes", this::noteText);
            } else if (pick < 72) {
                return delete("_notes");
            } else if (pick < 77) {
                String which = pickOf("_layouts/default.html", "_layouts/post.html", "_layouts/page.html", "_layouts/wide.html");
                write(which, switch (which) {
                    case "_layouts/default.html" -> defaultLayout();
                    case "_layouts/post.html" -> postLayout();
                    case "_layouts/page.html" -> "---\nlayout: " + pickOf("default", "wide")
                            + "\n---\n<section class=\"" + words(1) + "\">{{ content }}</section>\n";
                    default -> "---\nlayout: default\n---\n<div class=\"wide\">{{ content }}</div>\n";
                });
                return "changed " + which;
            } else if (pick < 79) {
                return deleteFile("_layouts/wide.html");
            } else if (pick < 84) {
                String which = pickOf("_includes/nav.html", "_includes/note.html");
                write(which, which.endsWith("nav.html") ? nav() : note());
                return "changed " + which;
            } else if (pick < 85) {
                return deleteFile("_includes/note.html");
            } else if (pick < 90) {
                write("_data/authors.yml", authors());
                return "changed _data/authors.yml";
            } else if (pick < 93) {
                if (random.nextBoolean()) {
                    write("_data/extra.yml", "motto: " + words(2) + "\n");
                    return "wrote _data/extra.yml";
                }
                return deleteFile("_data/extra.yml");
            } else if (pick < 96) {
                write("_config.yml", config());
                return "changed _config.yml";
            } else {
                String name = "assets/" + pickOf("site.txt", "more.txt");
                write(name, "static " + words(3) + "\n");
                return "wrote " + name;
            }
        }

        private String addPost() throws IOException {
            String path = "_posts/2019-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28)) + "-post-"
                    + (counter++) + ".md";
            write(path, postText());
            return "added " + path;
        }

        private String addPage() throws IOException {
            String path = (random.nextBoolean() ? "p-" : "docs/p-") + (counter++) + ".md";
            write(path, pageText());
            return "added " + path;
        }

        private String addNote() throws IOException {
            String path = "_notes/n-" + (counter++) + ".md";
            write(path, noteText());
            return "added " + path;
        }

        private String postText() {
            StringBuilder tags = new StringBuilder();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.append(tags.length() == 0 ? "" : ", ").append(tag);
                }
            }
            String body = words(6) + "\n\n" + pickOf("", "{% include note.html text=\"aside\" %}", "More: " + words(3),
                    "{{ site.data.authors.size }} authors", "Count {{ site.posts.size }}.") + "\n";
            return "---\nlayout: post\ntitle: " + words(2) + "\ntags: [" + tags + "]\n---\n" + body;
        }

        private String pageText() {
            String layout = pickOf("page", "page", "default", "wide");
            String body = pickOf(words(5), "{% include note.html text=\"page\" %}", "Home is [here]({% link about.md %}).",
                    "{{ site.data.extra.motto }}", "Latest: {{ site.posts.first.title }}", "*" + words(2) + "*");
            return "---\nlayout: " + layout + "\ntitle: " + words(2) + "\n---\n" + body + "\n";
        }

        private String noteText() {
            return "---\nlayout: default\ntitle: " + words(1) + "\n---\n" + words(4) + pickOf("", " {{ page.next.title }}",
                    " by {{ site.data.authors.first.name }}") + "\n";
        }

        private String config() {
            return "title: " + words(1) + "\nprovenance: false\n" + (random.nextBoolean() ? "author: " + words(1) + "\n" : "")
                    + "collections:\n  notes:\n    output: true\n";
        }

        private String defaultLayout() {
            return "<html><head><title>{{ page.title }} - {{ site.title }}</title></head><body>"
                    + pickOf("{% include nav.html %}", "<nav>" + words(1) + "</nav>", "{% include nav.html %}<hr>")
                    + "<main>{{ content }}</main>" + pickOf("", "<footer>{{ site.author }}</footer>") + "</body></html>\n";
        }

        private String postLayout() {
            return "---\nlayout: default\n---\n<article class=\"" + words(1) + "\">{{ content }}</article>"
                    + pickOf("", "{% if page.previous %}<a href=\"{{ page.previous.url }}\">{{ page.previous.title }}</a>{% endif %}"
                    + "{% if page.next %}<a href=\"{{ page.next.url }}\">{{ page.next.title }}</a>{% endif %}")
                    + pickOf("", "<p>{{ page.tags | join: \", \" }}</p>") + "\n";
        }

        private String nav() {
            return "<nav>" + pickOf("{% for p in site.pages %}{% if p.title %}<a href=\"{{ p.url }}\">{{ p.title }}</a>{% endif %}{% endfor %}",
                    words(2), "{{ site.posts.size }} posts") + "</nav>";
        }

        private String note() {
            return "<aside>{{ include.text }} " + words(1) + pickOf("", " by {{ site.data.authors.first.name }}") + "</aside>";
        }

        private String authors() {
            StringBuilder out = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.append("- name: ").append(words(1)).append('\n');
            }
            return out.toString();
        }

        /**
         * Gives a random post, page or note a new body below its front matter, which is kept byte
         * for byte; the body may add or drop Liquid that reads the site.
         */
        String changeBody() throws IOException {
            String where = pickOf("_posts", "_posts", "pages", "_notes");
            Path file = existing(where);
            if (file == null) {
                return "nothing to change in " + where;
            }
            String text = Files.readString(file);
            int end = text.indexOf("\n---\n", 4) + "\n---\n".length();
            String fresh = switch (where) {
                case "_posts" -> postText();
                case "pages" -> pageText();
                default -> noteText();
            };
            String body = fresh.substring(fresh.indexOf("\n---\n", 4) + "\n---\n".length());
            Files.writeString(file, text.substring(0, end) + body);
            return "changed the body of " + site.relativize(file);
        }

        private String changeOne(String where, java.util.function.Supplier<String> text) throws IOException {
            Path file = existing(where);
            if (file == null) {
                return "nothing to change in " + where;
            }
            Files.writeString(file, text.get());
            return "changed " + site.relativize(file);
        }

        private String rename(String where) throws IOException {
            Path file = existing(where);
            if (file == null) {
                return "nothing to rename in " + where;
            }
            String name = file.getFileName().toString();
            String renamed = where.equals("_posts")
                    ? "2019-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28)) + "-renamed-" + (counter++) + ".md"
                    : "r-" + (counter++) + ".md";
            Files.move(file, file.resolveSibling(renamed));
            return "renamed " + site.relativize(file) + " to " + renamed + " (was " + name + ")";
        }

        private String delete(String where) throws IOException {
            Path file = existing(where);
            if (file == null) {
                return "nothing to delete in " + where;
            }
            Files.delete(file);
            return "deleted " + site.relativize(file);
        }

        private String deleteFile(String path) throws IOException {
            Files.deleteIfExists(site.resolve(path));
            return "deleted " + path;
        }

        /** A random existing file: in a folder, or ("pages") one of the added pages. */
        private Path existing(String where) throws IOException {
            List<Path> candidates = new ArrayList<>();
            List<Path> roots = where.equals("pages") ? List.of(site, site.resolve("docs")) : List.of(site.resolve(where));
            for (Path root : roots) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> list = Files.list(root)) {
                    list.filter(Files::isRegularFile).filter(file -> !where.equals("pages")
                            || file.getFileName().toString().matches("[pr]-.*")).sorted().forEach(candidates::add);
                }
            }
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        private void write(String path, String text) throws IOException {
            Path file = site.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        private String words(int n) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            return out.toString();
        }

        private String pickOf(String... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }
    }
}
