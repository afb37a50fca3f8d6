package org.sheaf.content;

import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
import org.sheaf.jekyll.PostName;
import org.sheaf.jekyll.RubyInspect;
import org.sheaf.jekyll.RubyTime;
import org.sheaf.jekyll.RubyTimeParser;
import org.sheaf.jekyll.Slugs;
import org.sheaf.jekyll.WideTime;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.SourceFile;

/**
 * Turns one parsed source into a {@link Page} by Jekyll's rules: defaults under front matter,
 * publication rules ({@code published}, future dates, drafts), dates, titles and slugs from file
 * names, categories and tags, and the URL. Used only by {@link ContentIndex}.
 */
final class PageFactory {
    /** Keys the render stage gives values later (see {@link PageDrop}); present from the start. */
    private static final List<String> RENDERED_KEYS = List.of("content", "excerpt", "output");
    /** The keys of {@link #RENDERED_KEYS} a page has: Jekyll gives a page no {@code output}. */
    private static final List<String> PAGE_RENDERED_KEYS = List.of("content", "excerpt");

    private final SiteConfig config;
    /** {@code site.time}: a time ({@link RubyTime#isTime}). */
    private final Object siteTime;
    /** What date text takes the parts it leaves out from ({@link RubyTime#parsingNow}). */
    private final ZonedDateTime parsingNow;
    private final Diagnostics diagnostics;
    private final RenderedPages rendered;
    private final Defaults defaults;
    private final Set<String> markdownExtensions;
    /** The collections whose template from {@code _config.yml} has been checked for unknown placeholders. */
    private final Set<String> configTemplatesChecked = new HashSet<>();

    PageFactory(SiteConfig config, Object siteTime, RenderedPages rendered, Diagnostics diagnostics) {
        this.config = config;
        this.rendered = rendered;
        this.siteTime = siteTime;
        this.parsingNow = RubyTime.parsingNow(siteTime, config.timezone());
        this.diagnostics = diagnostics;
        this.defaults = Defaults.of(config);
        for (Defaults.EntryProblem problem : defaults.entryProblems()) {
            diagnostics.add(config.errorAt("defaults." + problem.index(), problem.format()));
        }
        this.markdownExtensions = new LinkedHashSet<>();
        config.markdownExtensions().forEach(ext -> markdownExtensions.add("." + ext));
    }

    /** A page outside any collection; empty when it is not published. */
    Optional<Page> page(ContentIndex.Parsed parsed) {
        SourceFile file = parsed.file();
        Map<String, Object> data = withDefaults(parsed, parsed.file().relativePath(), "pages");
        if (!isPublished(data)) {
            return Optional.empty();
        }
        String outputExt = outputExtension(file);
        PermalinkFacts facts = new PermalinkFacts(null, null, null, file.basename(), file.directory(),
                null, file.name(), List.of(), outputExt);
        String permalink = permalinkOf(parsed, data);
        String url = Permalinks.pageUrl(permalink, config.permalink(), facts);

        Map<String, Object> drop = new LinkedHashMap<>(data);
        // Jekyll reads a page's date back only for documents: a page keeps its own front matter's
        // value as Psych made it (a Date, a time at its written offset, or text). Only a date text
        // from front matter defaults becomes a time, as Jekyll reads each default's date on loading
        if (data.get("date") instanceof String && !parsed.frontMatter().data().containsKey("date")) {
            dateOf(parsed, data, null).ifPresent(date -> drop.put("date", date));
        }
        // a Jekyll page's hash is its front matter, then these, in this order (Page's
        // ATTRIBUTES_FOR_LIQUID), and nothing more: no collection or output, and no tags or
        // categories unless the front matter names them (a Jekyll page's are nil, so
        // `{% if page.tags %}` is false on a page, where an empty list would be true in Liquid)
        drop.put("content", parsed.frontMatter().body());
        drop.put("dir", directoryOf(url));
        drop.putIfAbsent("excerpt", null);
        drop.put("name", file.name());
        drop.put("path", file.relativePath());
        drop.put("url", url);
        return Optional.of(finish(parsed, drop, url, Permalinks.pageOutputPath(url, outputExt), PAGE_RENDERED_KEYS));
    }

    /** A post, draft or collection document; empty when it is not published (or not dated). */
    Optional<Page> document(ContentIndex.Parsed parsed) {
        SourceFile file = parsed.file();
        String label = file.collection();
        boolean draft = file.kind() == SourceFile.Kind.DRAFT;
        String relativePath = config.documentPath(file.relativePath());
        Map<String, Object> data = withDefaults(parsed, relativePath, label);
        if (!isPublished(data)) {
            return Optional.empty();
        }

        Optional<PostName> postName = PostName.parse(file.name());
        String slug = postName.map(PostName::slug).orElse(file.basename());
        if (postName.isEmpty()) {
            Optional<PostName.Written> written = PostName.written(file.name());
            if (written.isPresent() && data.get("date") == null) {
                // Jekyll reads the name's date only for a document whose front matter gives none
                diagnostics.add(Diagnostic.error(file.sitePath(), Position.FILE,
                        "invalid date \"" + written.get().date() + "\" in the file name")
                        .withHint("Jekyll reads it with Ruby's Time.parse: a month from 1 to 12, a day from 1 to 31"));
                return Optional.empty();
            }
            if (written.isEmpty() && label.equals("posts") && !draft) {
                diagnostics.add(Diagnostic.warning(file.sitePath(), Position.FILE,
                        "post file name must start with a date (YYYY-MM-DD-title.md); skipped"));
                return Optional.empty();
            }
            slug = written.map(PostName.Written::slug).orElse(slug);
        }
        Object date = documentDate(parsed, data, postName, draft);
        // a post or draft (an undated one is dated by its file's time) dated after site.time is
        // left out; a document of another collection is kept in its collection (and the
        // sitemap), but not written, as Jekyll's publisher decides
        boolean future = !config.future() && RubyTime.compareInstants(date, siteTime) > 0;
        if (future && label.equals("posts")) {
            return Optional.empty();
        }

        List<String> categories = documentCategories(parsed, data, relativePath);
        // populate_tags keeps each tag as written, so tag: 7 is the number 7
        List<Object> tags = pluralized(parsed, data, "tag", "tags");

        SiteConfig.Collection collection = config.collections().get(label);
        String outputExt = outputExtension(file);
        String inCollection = pathInCollection(file);
        String withoutExt = inCollection.contains(".") ? inCollection.substring(0, inCollection.lastIndexOf('.')) : inCollection;
        PermalinkFacts facts = new PermalinkFacts(label, date, stringOrNull(data.get("slug")), slug,
                parentOf(withoutExt), withoutExt, file.name(), categories, outputExt);
        String ownPermalink = permalinkOf(parsed, data);
        String collectionPermalink = collection == null ? null : collection.permalink();
        String template = Permalinks.documentTemplate(ownPermalink, collectionPermalink, config.permalink(), label);
        String url = Permalinks.documentUrl(template, facts);
        reportUnknownPlaceholders(parsed, template, ownPermalink, collectionPermalink, label);

        Map<String, Object> drop = new LinkedHashMap<>(data);
        drop.putIfAbsent("title", Slugs.titleize(slug));
        drop.putIfAbsent("slug", slug);
        drop.putIfAbsent("ext", file.writtenExtension());
        drop.put("date", date);
        drop.put("categories", List.copyOf(categories));
        drop.put("tags", List.copyOf(tags));
        drop.put("url", url);
        drop.put("path", relativePath);
        drop.put("relative_path", relativePath);
        drop.put("collection", label);
        drop.put("draft", draft);
        drop.put("id", idOf(url, drop.get("slug")));
        drop.put("previous", null);
        drop.put("next", null);
        boolean written = (collection == null || collection.output()) && !future;
        return Optional.of(finish(parsed, drop, url, written ? Permalinks.outputPath(url, outputExt) : null, RENDERED_KEYS));
    }

    /**
     * A document's date: its front matter's, or else the date in its file name, a draft's file
     * time, or the site's time; read back as Jekyll reads the value written.
     */
    private Object documentDate(ContentIndex.Parsed parsed, Map<String, Object> data, Optional<PostName> postName,
            boolean draft) {
        Object fallbackDate = postName.<Object>map(name -> name.date().atStartOfDay(config.timezone()))
                .orElseGet(() -> draft ? modified(parsed.file()) : siteTime);
        Object date = dateOf(parsed, data, fallbackDate).orElse(fallbackDate);
        if (postName.isPresent() && RubyTime.isTime(date) && RubyTime.sameSecond(date, siteTime)) {
            // Jekyll takes a date at site.time's second for one never set (site.time is a
            // document's default date), so the file name's date wins over it
            date = fallbackDate;
        }
        return RubyTime.readBack(date, config.timezone(), readingsOfDate(parsed, data));
    }

    /**
     * A document's categories: the folders of its path, then those its front matter names
     * ({@code categories}, then {@code category}), each once, as text.
     */
    private List<String> documentCategories(ContentIndex.Parsed parsed, Map<String, Object> data, String relativePath) {
        List<String> categories = new ArrayList<>(categoriesFromPath(parsed.file(), relativePath));
        List<Object> named = new ArrayList<>();
        if (data.get("category") != null && data.get("categories") != null) {
            // the front matter's categories are merged into the path's before populate_categories
            // adds category to them: categories: a with category: b is [a, b]
            named.addAll(listed(parsed, "categories", data.get("categories"), true));
        }
        named.addAll(pluralized(parsed, data, "category", "categories"));
        for (Object each : named) {
            // populate_categories writes each category with to_s: category: 2013 is "2013"
            String category = each.toString();
            if (!categories.contains(category)) {
                categories.add(category);
            }
        }
        return categories;
    }

    private Page finish(ContentIndex.Parsed parsed, Map<String, Object> drop, String url, String outputPath,
            List<String> renderedKeys) {
        FrontMatter frontMatter = parsed.frontMatter();
        SourceFile file = parsed.file();
        for (String key : renderedKeys) {
            drop.putIfAbsent(key, null);
        }
        // Jekyll's drops answer content themselves: a front matter key of that name never shows
        drop.put("content", frontMatter.body());
        Object ownExcerpt = drop.get("excerpt");
        if (drop.get("collection") != null && ownExcerpt != null && !(ownExcerpt instanceof String)
                && !Boolean.FALSE.equals(ownExcerpt)) {
            // a document's drop gives its excerpt as Ruby's to_s of it: excerpt: 5 reads "5"
            drop.put("excerpt", ownExcerpt instanceof Collection<?> || ownExcerpt instanceof Map<?, ?>
                    ? RubyInspect.inspect(ownExcerpt) : RubyInspect.text(ownExcerpt));
        }
        Object layoutValue = drop.get("layout");
        String layout = layoutValue == null || "none".equals(layoutValue) || "null".equals(layoutValue)
                ? null : layoutValue.toString();
        boolean markdown = markdownExtensions.contains(file.extension());
        String body = frontMatter.body();
        boolean liquid = Page.runsLiquid(drop, body);
        return new Page(file, stringOrNull(drop.get("collection")), new PageDrop(drop, rendered), frontMatter.positions(), body,
                frontMatter.bodyLine(), url, outputPath, layout, markdown, liquid);
    }

    /**
     * The front matter over the defaults whose scope covers {@code relativePath}: a page's path from
     * the source, a document's {@link SiteConfig#documentPath} (from inside {@code collections_dir}, as
     * Jekyll's document gives its defaults).
     */
    private Map<String, Object> withDefaults(ContentIndex.Parsed parsed, String relativePath, String type) {
        return new LinkedHashMap<>(defaults.applyTo(parsed.frontMatter().data(), relativePath, type));
    }

    private boolean isPublished(Map<String, Object> data) {
        return config.unpublished() || !Boolean.FALSE.equals(data.get("published"));
    }

    /**
     * An error for each placeholder of a document's permalink template that documents do not
     * know, where Jekyll stops its build. It stands at the document's own {@code permalink}, or,
     * for a template from {@code _config.yml}, at the collection's or the site's {@code permalink}
     * there: the same for every document of the collection, so that template is checked once.
     */
    private void reportUnknownPlaceholders(ContentIndex.Parsed parsed, String template, String ownPermalink,
            String collectionPermalink, String label) {
        if (ownPermalink == null && !configTemplatesChecked.add(label)) {
            return;
        }
        for (String unknown : Permalinks.unknownPlaceholders(template)) {
            String message = "unknown placeholder \":" + unknown + "\" in permalink";
            Diagnostic error;
            if (ownPermalink != null) {
                error = Diagnostic.error(parsed.file().sitePath(), parsed.frontMatter().positions()
                        .getOrDefault("permalink", new Position(1, 1)), message);
            } else if (collectionPermalink != null) {
                error = config.errorAt("collections." + label + ".permalink", message);
            } else {
                error = config.errorAt("permalink", message);
            }
            diagnostics.add(error.withHint("placeholders: :"
                    + String.join(", :", new TreeSet<>(Permalinks.DOCUMENT_PLACEHOLDERS))));
        }
    }

    private String permalinkOf(ContentIndex.Parsed parsed, Map<String, Object> data) {
        Object permalink = data.get("permalink");
        if (permalink == null) {
            return null;
        }
        if (!(permalink instanceof String text)) {
            diagnostics.add(Diagnostic.error(parsed.file().sitePath(), parsed.frontMatter().positions()
                    .getOrDefault("permalink", new Position(1, 1)), "permalink must be text"));
            return null;
        }
        return text;
    }

    private String outputExtension(SourceFile file) {
        String ext = file.extension();
        // Markdown becomes .html; any other file keeps its own extension as written (.htm stays
        // .htm, .Rmd stays .Rmd), as Jekyll's identity converter gives it back
        if (markdownExtensions.contains(ext)) {
            return ".html";
        }
        if (ext.equals(".scss") || ext.equals(".sass")) {
            return ".css";  // Sass with front matter is converted at the same path (render stage)
        }
        return file.writtenExtension();
    }

    /**
     * The document's date from front matter, as Jekyll's {@code Utils.parse_date} reads the text
     * of the value: {@code Time.parse} ({@link RubyTimeParser}), at the site's {@code time} for
     * the parts the text leaves out ({@code "Mar 8"} is March 8th of the build's year), then moved
     * into the site's zone. A {@link ZonedDateTime}, or a {@link WideTime} for a time Java's times
     * cannot hold there (a year past Java's, or from 5,881,581 on), which Jekyll dates the
     * document with all the same. Reports text {@code Time.parse} refuses, as Jekyll stops on it.
     */
    private Optional<Object> dateOf(ContentIndex.Parsed parsed, Map<String, Object> data, Object fallback) {
        Object value = data.get("date");
        if (value == null) {
            return Optional.ofNullable(fallback);
        }
        // Jekyll reads the date back from its text (Time#to_s), which has no fraction of a second
        if (value instanceof ZonedDateTime date) {
            return Optional.of(date.withZoneSameInstant(config.timezone()).withNano(0));
        }
        Optional<Object> parsedDate = RubyTimeParser.parseAny(value.toString(), config.timezone(), parsingNow)
                .flatMap(time -> RubyTime.inZone(time, config.timezone()))
                .map(PageFactory::withoutFraction);
        if (parsedDate.isEmpty()) {
            boolean own = parsed.frontMatter().data().containsKey("date");
            diagnostics.add(Diagnostic.error(parsed.file().sitePath(),
                    parsed.frontMatter().positions().getOrDefault("date", new Position(1, 1)),
                    "invalid date \"" + value + "\": the " + (own ? "YAML front matter does" : "front matter defaults do")
                            + " not have a valid date")
                    .withHint("Jekyll reads it with Ruby's Time.parse: write 2017-09-04, 2017-09-04 10:00:00 +0200"
                            + " or September 4, 2017"));
        }
        return parsedDate.or(() -> Optional.ofNullable(fallback));
    }

    /**
     * How many times Jekyll reads a document's date back from its text after reading it (each
     * merge of data into the document does): after the categories and the tags, and for a date of
     * front matter defaults also after the defaults and the document's own front matter, when it
     * has any.
     */
    private static int readingsOfDate(ContentIndex.Parsed parsed, Map<String, Object> data) {
        Map<String, Object> own = parsed.frontMatter().data();
        if (own.containsKey("date") || data.get("date") == null) {
            return 2;
        }
        return own.isEmpty() ? 3 : 4;
    }

    /** {@code time} to the second, as Jekyll reads a date back from its text ({@code Time#to_s}). */
    private static Object withoutFraction(Object time) {
        if (time instanceof WideTime wide) {
            return new WideTime(wide.wall().withNano(0), wide.yearShift(), wide.offset(), wide.zone());
        }
        return ((ZonedDateTime) time).withNano(0);
    }

    /**
     * Jekyll's {@code category}/{@code categories} (or {@code tag}/{@code tags}): text split on
     * spaces, or a list, each value as written (a number stays a number); a number or boolean
     * under the singular key is that one value. A value written twice stays twice: Jekyll's
     * populate_tags keeps {@code tags: [a, a]} as it is (only categories are made unique).
     */
    private List<Object> pluralized(ContentIndex.Parsed parsed, Map<String, Object> data, String singular, String plural) {
        Object value = data.get(singular) != null ? data.get(singular) : data.get(plural);
        String key = data.get(singular) != null ? singular : plural;
        return listed(parsed, key, value, key.equals(plural));
    }

    /** The values of a front matter key: the items of a list, or text as one value or (words) split at spaces. */
    private List<Object> listed(ContentIndex.Parsed parsed, String key, Object value, boolean words) {
        List<Object> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    diagnostics.add(typeError(parsed, key));
                    return List.of();
                }
                if (item != null) {
                    out.add(item);
                }
            }
        } else if (value instanceof String text) {
            if (!words) {
                out.add(text.strip());
            } else {
                Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).forEach(out::add);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            if (!words) {
                out.add(value);
            } else if (key.equals("categories")) {
                // Jekyll's merge_categories! joins the path's categories to this value with Array#|,
                // which refuses anything but a list: the file is reported unreadable and built without
                // its front matter, dated at build time, so sheaf stops as for unreadable YAML
                diagnostics.add(typeError(parsed, key).withHint("Jekyll cannot read the file (no implicit conversion into "
                        + "Array) and builds it without its front matter: write categories: \"" + value
                        + "\" or category: " + value));
            }
            // Jekyll's value_from_plural_key takes text or a list and nothing else: tags: 7 is no tag
        } else if (!(value instanceof Map<?, ?> && key.equals("tags"))) {
            // a mapping under tags is no tag either, in Jekyll as here; anywhere else it is refused
            diagnostics.add(typeError(parsed, key));
        }
        return out;
    }

    private static Diagnostic typeError(ContentIndex.Parsed parsed, String key) {
        return Diagnostic.error(parsed.file().sitePath(),
                parsed.frontMatter().positions().getOrDefault(key, new Position(1, 1)),
                key + " must be a word or a list of words");
    }

    /**
     * Folders above {@code _posts} (or {@code _drafts}) are a post's first categories, counted
     * from inside {@code collections_dir}, which is itself no category.
     */
    private static List<String> categoriesFromPath(SourceFile file, String relative) {
        if (!"posts".equals(file.collection())) {
            return List.of();
        }
        String marker = file.kind() == SourceFile.Kind.DRAFT ? "_drafts/" : "_posts/";
        int at = relative.indexOf(marker);
        if (at <= 0) {
            return List.of();
        }
        return Arrays.stream(relative.substring(0, at).split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** A document's path inside its collection folder, e.g. {@code growth-models/memberships.md}. */
    private static String pathInCollection(SourceFile file) {
        String relative = file.relativePath();
        String marker = "_" + file.collection() + "/";
        if (file.kind() == SourceFile.Kind.DRAFT) {
            marker = "_drafts/";
        }
        int at = relative.indexOf(marker);
        return at < 0 ? file.name() : relative.substring(at + marker.length());
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String directoryOf(String url) {
        if (url.endsWith("/")) {
            return url;
        }
        int slash = url.lastIndexOf('/');
        return slash <= 0 ? "/" : url.substring(0, slash + 1);
    }

    private static String idOf(String url, Object slug) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int slash = base.lastIndexOf('/');
        String dir = slash <= 0 ? "" : base.substring(0, slash);
        return dir + "/" + slug;
    }

    private Object modified(SourceFile file) {
        try {
            return Files.getLastModifiedTime(file.file()).toInstant().atZone(config.timezone());
        } catch (java.io.IOException e) {
            return siteTime;
        }
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
