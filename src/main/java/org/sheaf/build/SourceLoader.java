package org.sheaf.build;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.sheaf.content.ContentIndex;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.Position;
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
    static List<ContentIndex.Parsed> load(List<SourceFile> files, ZoneId zone, Diagnostics diagnostics) {
        return files.parallelStream()
                .map(file -> switch (file.kind()) {
                    case PAGE, DOCUMENT, DRAFT -> read(file, zone, diagnostics);
                    case STATIC, DATA -> new ContentIndex.Parsed(file, NONE);
                })
                .filter(parsed -> parsed != null)
                .toList();
    }

    private static ContentIndex.Parsed read(SourceFile file, ZoneId zone, Diagnostics diagnostics) {
        try {
            String text = SourceText.decode(Files.readAllBytes(file.file()), file.sitePath());
            return new ContentIndex.Parsed(file, FrontMatterParser.parse(text, file.sitePath(), zone));
        } catch (DiagnosticException e) {
            diagnostics.add(e.diagnostic());
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(file.sitePath(), Position.FILE, "cannot read file: " + e.getMessage()));
        }
        return null;
    }
}
