package org.sheaf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;

/**
 * The environments the plugin's offline values depend on, beyond the production build the
 * github-metadata fixtures compare with Jekyll's.
 */
class GitHubMetadataTest {
    @TempDir
    Path site;

    private SiteConfig config(String yaml) throws IOException, DiagnosticException {
        Files.writeString(site.resolve("_config.yml"), yaml);
        return ConfigLoader.load(site, ConfigLoader.Overrides.none());
    }

    private static Map<?, ?> github(SiteConfig config) {
        return (Map<?, ?>) config.get("github");
    }

    @Test
    void dotcomProjectPageIsServedFromTheOwnersPagesDomain() throws Exception {
        SiteConfig config = GitHubMetadata.apply(config("plugins: [jekyll-github-metadata]\nrepository: octo/proj\n"),
                "production", Map.of("PAGES_ENV", "dotcom", "JEKYLL_BUILD_REVISION", "abc123"), new Diagnostics());
        assertEquals("http://octo.github.io/proj", github(config).get("url"));
        assertEquals("http://octo.github.io", config.get("url"));
        assertEquals("/proj", config.get("baseurl"));
        assertEquals("dotcom", github(config).get("environment"));
        assertEquals("abc123", github(config).get("build_revision"));
    }

    @Test
    void dotcomUserPageHasNoPath() throws Exception {
        SiteConfig config = GitHubMetadata.apply(config("plugins: [jekyll-github-metadata]\nrepository: octo/octo.github.io\n"),
                "production", Map.of("PAGES_ENV", "dotcom"), new Diagnostics());
        assertEquals("http://octo.github.io", github(config).get("url"));
        assertEquals("", config.get("baseurl"));
        assertEquals("octo", config.get("title"));
    }

    @Test
    void developmentLeavesUrlAndBaseurlAlone() throws Exception {
        SiteConfig config = GitHubMetadata.apply(config("plugins: [jekyll-github-metadata]\nrepository: octo/proj\n"),
                "development", Map.of(), new Diagnostics());
        assertNull(config.get("url"));
        assertNull(config.get("baseurl"));
        assertEquals("localhost:4000", github(config).get("pages_hostname"));
        assertEquals("proj", config.get("title"));
    }

    @Test
    void environmentNameWinsOverConfigAndConfigHashIsMergedOver() throws Exception {
        SiteConfig config = GitHubMetadata.apply(config("plugins: [jekyll-github-metadata]\nrepository: octo/proj\n"
                + "url: https://example.org\ngithub:\n  project_tagline: Mine\n  source: {path: /docs}\n"),
                "production", Map.of("PAGES_REPO_NWO", "other/repo"), new Diagnostics());
        assertEquals("other/repo", github(config).get("repository_nwo"));
        assertEquals("Mine", github(config).get("project_tagline"));
        assertEquals(Map.of("branch", "gh-pages", "path", "/docs"), github(config).get("source"));
        assertEquals("https://example.org", config.get("url"));
    }

    @Test
    void warnsWithoutARepositoryAndSetsNothing() throws Exception {
        SiteConfig loaded = config("plugins: [jekyll-github-metadata]\n");
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = GitHubMetadata.apply(loaded, "production", Map.of(), diagnostics);
        assertSame(loaded, config);
        assertEquals(List.of("_config.yml:1:11: warning: jekyll-github-metadata found no repository, so site.github is not set"),
                diagnostics.sorted().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void unlistedPluginChangesNothing() throws Exception {
        SiteConfig loaded = config("repository: octo/proj\n");
        assertSame(loaded, GitHubMetadata.apply(loaded, "production", Map.of(), new Diagnostics()));
    }
}
