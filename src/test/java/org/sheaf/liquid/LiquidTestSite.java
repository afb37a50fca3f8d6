package org.sheaf.liquid;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** A renderer over the small site in {@code src/test/resources/liquid/site}, baseurl {@code /research}. */
final class LiquidTestSite {
    private LiquidTestSite() {
    }

    static Path root() {
        try {
            return Path.of(LiquidTestSite.class.getResource("/liquid/site").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LiquidSetup setup() {
        Path root = root();
        Map<String, String> sources = Map.of("about.md", "/about/", "_posts/2017-09-04-fellowship-begins.md",
                "/2017/09/04/fellowship-begins/");
        Map<String, String> posts = Map.of("2017-09-04-fellowship-begins", "/2017/09/04/fellowship-begins/");
        LinkResolver links = new LinkResolver() {
            @Override
            public Optional<String> urlOfSource(String path) {
                return Optional.ofNullable(sources.get(path));
            }

            @Override
            public Optional<String> urlOfPost(String name) {
                return Optional.ofNullable(posts.get(name));
            }
        };
        return new LiquidSetup(root, root.resolve("_includes"), "/research", "https://example.org", ZoneId.of("UTC"),
                "production", text -> "<p>" + text + "</p>\n", links);
    }

    static LiquidRenderer renderer() {
        return new LiquidRenderer(setup());
    }
}
