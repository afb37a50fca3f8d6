package org.sheaf.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A gem-based Jekyll theme ({@code theme: minima}), found on disk: its layouts, includes, Sass
 * partials and assets are used after the site's own, which take precedence file by file.
 *
 * @param name         the gem's name, as {@code theme:} gives it
 * @param root         the gem's folder (absolute)
 * @param dependencies the gems its gemspec names as runtime dependencies ({@code jekyll-feed},
 *                     {@code jekyll-seo-tag}); Jekyll loads those plugins for a site with the theme
 */
public record Theme(String name, Path root, List<String> dependencies) {
    public Theme {
        dependencies = List.copyOf(dependencies);
    }

    public Path layoutsDir() {
        return root.resolve("_layouts");
    }

    public Path includesDir() {
        return root.resolve("_includes");
    }

    public Path sassDir() {
        return root.resolve("_sass");
    }

    public Path assetsDir() {
        return root.resolve("assets");
    }
}
