package org.sheaf.build;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
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
 * Reads the layouts folder: each file is a layout named by its file name without extension,
 * Freemarker for {@code .ftlh}/{@code .ftl}, Liquid otherwise. Two files with one name (
 * {@code page.ftlh} and {@code page.html}) are an error, since {@code layout: page} could mean
 * either.
 */
final class LayoutLoader {
    private LayoutLoader() {
    }

    static Map<String, Layout> load(SiteConfig config, Diagnostics diagnostics) {
        Map<String, Layout> layouts = new TreeMap<>();
        Path dir = config.layoutsDir();
        if (!Files.isDirectory(dir)) {
            return layouts;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, file -> !Files.isDirectory(file))) {
            for (Path file : stream) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") || !fileName.contains(".")) {
                    continue;
                }
                String sitePath = sitePath(config, file);
                try {
                    String text = SourceText.decode(config.files().read(file, sitePath), sitePath);
                    FrontMatter frontMatter = FrontMatterParser.parse(text, sitePath, config.timezone());
                    String name = fileName.substring(0, fileName.lastIndexOf('.'));
                    Layout layout = new Layout(name, fileName, sitePath, Layout.Engine.of(fileName),
                            frontMatter.data(), frontMatter.body(), frontMatter.bodyLine());
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
            diagnostics.add(Diagnostic.error(sitePath(config, dir), Position.FILE, "cannot read layouts: " + OsReason.of(e)));
        }
        return layouts;
    }

    static String sitePath(SiteConfig config, Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return normal.startsWith(config.siteRoot())
                ? config.siteRoot().relativize(normal).toString().replace('\\', '/') : normal.toString();
    }
}
