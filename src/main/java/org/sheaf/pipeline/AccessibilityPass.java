package org.sheaf.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.sheaf.check.AccessibilityChecker;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.Page;
import org.sheaf.diag.Diagnostics;
import org.sheaf.template.Layout;

/**
 * The render stage's accessibility check: each HTML page, as it is laid out, goes through
 * {@link AccessibilityChecker}, whose warnings are placed in the page's source, its layouts or the
 * site's includes. On by default in a sheaf site; a Jekyll site asks for it with
 * {@code accessibility: true}, and {@code accessibility: false} turns it off in either.
 */
public final class AccessibilityPass {
    private static final String KEY = "accessibility";

    private AccessibilityPass() {
    }

    /** Whether {@code config} wants its pages checked. */
    static boolean wanted(SiteConfig config) {
        return config.get(KEY) == null ? config.kind() == SiteConfig.Kind.SHEAF : config.flag(KEY);
    }

    /**
     * {@code each}, preceded by the check of each HTML page when the site wants it; warnings go to
     * {@code diagnostics}. Thread-safe as {@code each} is.
     */
    public static BiConsumer<Page, String> around(BiConsumer<Page, String> each, SiteConfig config,
            Map<String, Layout> layouts, Diagnostics diagnostics) {
        if (!wanted(config)) {
            return each;
        }
        AccessibilityChecker checker = new AccessibilityChecker(config.siteRoot());
        List<String> includes = includes(config);
        return (page, output) -> {
            String path = page.outputPath().toLowerCase(Locale.ROOT);
            if (path.endsWith(".html") || path.endsWith(".htm")) {
                diagnostics.addAll(checker.check(page.outputPath(), output, sources(page, layouts, includes),
                        page.positionOf("layout")));
            }
            each.accept(page, output);
        };
    }

    /** The page's source, then its layouts from the innermost out, then the includes. */
    private static List<String> sources(Page page, Map<String, Layout> layouts, List<String> includes) {
        List<String> sources = new ArrayList<>();
        sources.add(page.sitePath());
        Layout layout = page.layout() == null ? null : layouts.get(page.layout());
        while (layout != null && !sources.contains(layout.sitePath())) {
            sources.add(layout.sitePath());
            layout = layout.parent() == null ? null : layouts.get(layout.parent());
        }
        sources.addAll(includes);
        return sources;
    }

    private static List<String> includes(SiteConfig config) {
        Path folder = config.includesDir();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(config::sitePath).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
