package org.sheaf.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.OsReason;
import org.sheaf.diag.Position;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;
import org.sheaf.source.SourceText;
import org.sheaf.template.Layout;

/**
 * Reads the layouts folder (with its subfolders in a Jekyll site): each file is a layout named, as
 * in Jekyll, by its path in the folder without extension ({@code vendor/compress} for
 * {@code vendor/compress.html}),
 * Freemarker for {@code .ftlh}/{@code .ftl}, Liquid otherwise; then the theme's layouts folder, if
 * the site has a theme, for the names the site does not have. Two files with one name (
 * {@code page.ftlh} and {@code page.html}) are an error, since {@code layout: page} could mean
 * either.
 */
final class LayoutLoader {
    private LayoutLoader() {
    }

    /** The site's layouts over its theme's: a site layout replaces the theme's of the same name. */
    static Map<String, Layout> load(SiteConfig config, Diagnostics diagnostics) {
        Map<String, Layout> layouts = new TreeMap<>();
        config.theme().ifPresent(theme -> layouts.putAll(load(config, theme.layoutsDir(), Integer.MAX_VALUE, diagnostics)));
        // a sheaf site's templates folder also holds its includes and archetypes, in subfolders
        int depth = config.kind() == SiteConfig.Kind.JEKYLL ? Integer.MAX_VALUE : 1;
        layouts.putAll(load(config, config.layoutsDir(), depth, diagnostics));
        return layouts;
    }

    private static Map<String, Layout> load(SiteConfig config, Path dir, int depth, Diagnostics diagnostics) {
        Map<String, Layout> layouts = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return layouts;
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            for (Path file : walk.filter(file -> !Files.isDirectory(file)).sorted().toList()) {
                String fileName = dir.relativize(file).toString().replace('\\', '/');
                String baseName = file.getFileName().toString();
                if (baseName.startsWith(".") || !baseName.contains(".") || fileName.startsWith(".")
                        || fileName.contains("/.")) {
                    continue;
                }
                String sitePath = config.sitePath(file);
                try {
                    String text = SourceText.decode(config.files().read(file, sitePath), sitePath);
                    FrontMatter frontMatter = FrontMatterParser.parse(text, sitePath, config.timezone());
                    String name = fileName.substring(0, fileName.lastIndexOf('.'));
                    Layout layout = new Layout(name, fileName, sitePath, Layout.Engine.of(fileName),
                            frontMatter.data(), frontMatter.positions(), frontMatter.body(), frontMatter.bodyLine());
                    Layout clash = layouts.put(name, layout);
                    if (clash != null) {
                        String first = clash.sitePath().compareTo(sitePath) < 0 ? clash.sitePath() : sitePath;
                        String second = first.equals(sitePath) ? clash.sitePath() : sitePath;
                        diagnostics.add(Diagnostic.error(first, new Position(1, 1),
                                "two layouts are named \"" + name + "\": " + first + ", " + second)
                                .withHint("rename or remove one of them"));
                    }
                } catch (DiagnosticException e) {
                    diagnostics.add(e.diagnostic());
                }
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(config.sitePath(dir), Position.FILE, "cannot read layouts: " + OsReason.of(e)));
        }
        return layouts;
    }
}
