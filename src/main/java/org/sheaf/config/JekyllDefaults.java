package org.sheaf.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration Jekyll 4.3 starts from before it reads {@code _config.yml}. The folder keys
 * ({@code source}, {@code layouts_dir}, ...) are absent: their defaults depend on the site's layout,
 * so {@link ConfigLoader} fills them in once the folders are resolved.
 */
final class JekyllDefaults {
    /** What Jekyll always excludes: its defaults stay excluded when a site lists its own {@code exclude}. */
    static final List<String> EXCLUDES = List.of(".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile",
            "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/");

    private JekyllDefaults() {
    }

    /** A fresh, mutable copy of Jekyll's default configuration. */
    static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("collections", new LinkedHashMap<String, Object>());
        values.put("safe", false);
        values.put("include", new ArrayList<>(List.of(".htaccess")));
        values.put("exclude", new ArrayList<>(EXCLUDES));
        values.put("keep_files", new ArrayList<>(List.of(".git", ".svn")));
        values.put("encoding", "utf-8");
        values.put("markdown_ext", "markdown,mkdown,mkdn,mkd,md");
        values.put("strict_front_matter", false);
        values.put("show_drafts", null);
        values.put("limit_posts", 0);
        values.put("future", false);
        values.put("unpublished", false);
        values.put("markdown", "kramdown");
        values.put("highlighter", "rouge");
        values.put("excerpt_separator", "\n\n");
        values.put("incremental", false);
        values.put("port", "4000");
        values.put("host", "127.0.0.1");
        values.put("baseurl", null);
        values.put("permalink", "date");
        values.put("paginate_path", "/page:num");
        values.put("timezone", null);
        values.put("quiet", false);
        values.put("verbose", false);
        values.put("defaults", new ArrayList<>());
        Map<String, Object> liquid = new LinkedHashMap<>();
        liquid.put("error_mode", "warn");
        liquid.put("strict_filters", false);
        liquid.put("strict_variables", false);
        values.put("liquid", liquid);
        Map<String, Object> kramdown = new LinkedHashMap<>();
        kramdown.put("auto_ids", true);
        kramdown.put("toc_levels", new ArrayList<>(List.of(1, 2, 3, 4, 5, 6)));
        kramdown.put("entity_output", "as_char");
        kramdown.put("smart_quotes", "lsquo,rsquo,ldquo,rdquo");
        kramdown.put("input", "GFM");
        kramdown.put("hard_wrap", false);
        kramdown.put("guess_lang", true);
        kramdown.put("footnote_nr", 1);
        kramdown.put("show_warnings", false);
        values.put("kramdown", kramdown);
        return values;
    }
}
