package org.sheaf.pipeline;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.sheaf.content.ContentIndex;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.SiteFiles;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceText;

/** The parse stage: reads every page, post and document and splits off its front matter, in parallel. */
final class SourceLoader {
    private static final FrontMatter NONE = new FrontMatter(Map.of(), Map.of(), "", 1);

    private SourceLoader() {
    }

    /**
     * Reads the files to render; static and data files pass through with no front matter. A file
     * that cannot be read or parsed is reported and left out, so the stage reports every such
     * file at once.
     */
    static List<ContentIndex.Parsed> load(SiteFiles reader, List<SourceFile> files, ZoneId zone,
            Diagnostics diagnostics) {
        return load(reader, files, zone, diagnostics, null);
    }

    /** As {@link #load(SiteFiles, List, ZoneId, Diagnostics)}, reusing {@code cache}'s parses of unchanged files (when not null). */
    static List<ContentIndex.Parsed> load(SiteFiles reader, List<SourceFile> files, ZoneId zone,
            Diagnostics diagnostics, ParseCache cache) {
        if (cache != null) {
            cache.retain(files.stream().map(SourceFile::file).collect(java.util.stream.Collectors.toSet()));
        }
        return files.parallelStream()
                .map(file -> switch (file.kind()) {
                    case PAGE, DOCUMENT, DRAFT -> read(reader, file, zone, diagnostics, cache);
                    case STATIC, DATA -> new ContentIndex.Parsed(file, NONE);
                })
                .filter(parsed -> parsed != null)
                .toList();
    }

    /** The front matter and body of {@code bytes}, the content of {@code file}. */
    static FrontMatter parse(byte[] bytes, SourceFile file, ZoneId zone) throws DiagnosticException {
        return FrontMatterParser.parse(SourceText.decode(bytes, file.sitePath()), file.sitePath(), zone);
    }

    private static ContentIndex.Parsed read(SiteFiles reader, SourceFile file, ZoneId zone, Diagnostics diagnostics,
            ParseCache cache) {
        try {
            FrontMatter trusted = cache == null ? null : cache.unchanged(file.file(), file.sitePath(), zone);
            if (trusted != null) {
                return new ContentIndex.Parsed(file, trusted);
            }
            byte[] bytes = reader.read(file.file(), file.sitePath());
            FrontMatter kept = cache == null ? null : cache.get(file.file(), bytes, file.sitePath(), zone);
            if (kept != null) {
                return new ContentIndex.Parsed(file, kept);
            }
            FrontMatter parsed = parse(bytes, file, zone);
            if (cache != null) {
                cache.put(file.file(), bytes, file.sitePath(), zone, parsed);
            }
            return new ContentIndex.Parsed(file, parsed);
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
        }
        return null;
    }
}
