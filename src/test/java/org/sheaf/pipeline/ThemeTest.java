package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;

/**
 * {@code theme:} as Jekyll uses a theme gem: its layouts, includes, Sass partials and assets come
 * after the site's own files, and the plugins its gemspec depends on are loaded. The stock
 * {@code jekyll new} site, built with minima and compared with Jekyll's output, is the jekyll-new
 * fixture of {@link JekyllFixturesTest}.
 */
class ThemeTest {
    @TempDir
    Path dir;

    private TestSite theme(String folder) {
        return TestSite.in(dir.resolve("gems").resolve(folder))
                .file("_layouts/default.html", "<main>{% include header.html %}{{ content }}{% include footer.html %}</main>\n")
                .file("_includes/header.html", "<h1>theme header</h1>")
                .file("_includes/footer.html", "<p>theme footer</p>")
                .file("_sass/theme.scss", "$accent: #123456;\n")
                .file("assets/style.scss", "---\n---\n@import \"theme\";\na { color: $accent; }\n")
                .file("assets/logo.svg", "<svg/>\n")
                .file("assets/own.txt", "theme's\n");
    }

    private ConfigLoader.Overrides themes() {
        return ConfigLoader.Overrides.none().withThemePaths(List.of(dir.resolve("gems")));
    }

    @Test
    void siteFilesTakePrecedenceOverTheThemes() {
        theme("plain-1.0.0");
        TestSite site = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "theme: plain\nsass:\n  style: compressed\n  sourcemap: never\n")
                .file("_includes/footer.html", "<p>site footer</p>")
                .file("assets/own.txt", "site's\n")
                .file("index.md", "---\nlayout: default\n---\nHello\n")
                .buildOk(themes());
        assertEquals("<main><h1>theme header</h1><p>Hello</p>\n<p>site footer</p></main>\n", site.read("index.html"));
        assertEquals("a{color:#123456}\n", site.read("assets/style.css"));
        assertEquals("<svg/>\n", site.read("assets/logo.svg"));
        assertEquals("site's\n", site.read("assets/own.txt"));
    }

    @Test
    void theThemesConfigIsReadUnderTheSites() {
        theme("plain-1.0.0").file("_config.yml", "skin: dark\ncolour: blue\npermalink: none\nnested:\n  a: theme\n  b: theme\n")
                .file("_layouts/default.html", "{{ site.skin }} {{ site.colour }} {{ site.nested.a }} {{ site.nested.b }} {{ page.url }}");
        TestSite site = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "theme: plain\ncolour: red\nnested:\n  a: site\n")
                .file("_posts/2019-01-02-a.md", "---\nlayout: default\n---\nHello\n")
                .buildOk(themes());
        // the theme may not set a key Jekyll has a default for (permalink)
        assertEquals("dark red site theme /2019/01/02/a.html", site.read("2019/01/02/a.html"));
    }

    @Test
    void theHighestInstalledVersionIsUsed() {
        theme("plain-1.2.0").file("_includes/header.html", "<h1>1.2.0</h1>");
        theme("plain-1.10.0").file("_includes/header.html", "<h1>1.10.0</h1>");
        TestSite site = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "theme: plain\n")
                .file("index.md", "---\nlayout: default\n---\nHello\n")
                .buildOk(themes());
        assertTrue(site.read("index.html").startsWith("<main><h1>1.10.0</h1>"), site.read("index.html"));
    }

    @Test
    void pluginsTheThemeDependsOnAreLoaded() {
        theme("seo-theme").file("seo-theme.gemspec", "Gem::Specification.new do |s|\n"
                + "  s.add_runtime_dependency(%q<jekyll-seo-tag>.freeze, [\"~> 2.1\"])\n"
                + "  s.add_development_dependency(%q<jekyll-sitemap>.freeze, [\"~> 1.0\"])\nend\n")
                .file("_layouts/default.html", "{% seo title=false %}{{ content }}");
        TestSite site = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "theme: seo-theme\ntitle: T\n")
                .file("index.md", "---\nlayout: default\n---\nHello\n")
                .buildOk(themes());
        assertTrue(site.read("index.html").contains("<!-- Begin Jekyll SEO tag"), site.read("index.html"));
        assertTrue(!site.exists("sitemap.xml"), "a development dependency is not loaded");
    }

    @Test
    void aThemeThatCannotBeFoundIsAnErrorAtItsLine() {
        theme("plain-1.0.0");
        BuildResult result = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "title: T\ntheme: no-such-theme\n")
                .file("index.md", "---\n---\nHello\n")
                .build(themes());
        assertEquals(BuildResult.Status.CONFIG_ERROR, result.status());
        String printed = TestSite.printed(result);
        assertTrue(printed.startsWith("_config.yml:2:1: error: theme \"no-such-theme\" not found\n"
                + "    hint: install its gem (gem install no-such-theme, or bundle install) or give the folder "
                + "holding it with --theme-path DIR or SHEAF_THEME_PATH\n"
                + "    hint: looked in: " + dir.resolve("gems")), printed);
    }

    @Test
    void aValueTheThemesConfigSetsIsReportedAtItsLineThere() {
        theme("plain-1.0.0").file("_config.yml", "skin: dark\nsass:\n  style: tiny\n");
        BuildResult result = TestSite.in(dir.resolve("site"))
                .file("_config.yml", "theme: plain\nsass:\n  sourcemap: sometimes\n")
                .file("index.md", "---\n---\nHello\n")
                .build(themes());
        String themeConfig = dir.resolve("gems/plain-1.0.0/_config.yml").toAbsolutePath().normalize().toString();
        assertEquals(themeConfig + ":3:3: warning: sass style \"tiny\" is not nested, expanded, compact or compressed;"
                + " using compact\n"
                + "_config.yml:3:3: warning: sass sourcemap \"sometimes\" is not always, never or development; using always",
                TestSite.printed(result));
    }
}
