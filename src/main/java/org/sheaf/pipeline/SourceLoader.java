package org.sheaf.pipeline;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.sheaf.content.ContentIndex;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.SiteFiles;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.FrontMatterParser;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceText;

/** The parse stage: reads every page, post and document and splits off its front matter, in parallel. */
public final class SourceLoader {
    private static final FrontMatter NONE = new FrontMatter(Map.of(), Map.of(), "", 1);

    private SourceLoader() {
    }

    /**
     * How the parse stage gets a file's front matter: read from disk and parsed ({@link #reading}),
     * or, in an incremental build, kept from the last build when the bytes are the same.
     * Called from several threads at once.
     */
    @FunctionalInterface
    public interface Reader {
        FrontMatter read(SourceFile file) throws DiagnosticException;
    }

    /** Reads each file through {@code files} and parses it, with dates in {@code zone}. */
    public static Reader reading(SiteFiles files, ZoneId zone) {
        return file -> parse(files.read(file.file(), file.sitePath()), file, zone);
    }

    /**
     * Reads the files to render through {@code reader}; static and data files pass through with no
     * front matter. A file that cannot be read or parsed is reported and left out, so the stage
     * reports every such file at once.
     */
    static List<ContentIndex.Parsed> load(List<SourceFile> files, Reader reader, Diagnostics diagnostics) {
        return files.parallelStream()
                .map(file -> switch (file.kind()) {
                    case PAGE, DOCUMENT, DRAFT -> read(reader, file, diagnostics);
                    case STATIC, DATA -> new ContentIndex.Parsed(file, NONE);
                })
                .filter(parsed -> parsed != null)
                .toList();
    }

    /** The front matter and body of {@code bytes}, the content of {@code file}. */
    public static FrontMatter parse(byte[] bytes, SourceFile file, ZoneId zone) throws DiagnosticException {
        return FrontMatterParser.parse(SourceText.decode(bytes, file.sitePath()), file.sitePath(), zone);
    }

    private static ContentIndex.Parsed read(Reader reader, SourceFile file, Diagnostics diagnostics) {
        try {
            return new ContentIndex.Parsed(file, reader.read(file));
        } catch (DiagnosticException e) {
            Diagnostic problem = e.diagnostic();
            if (file.collection() != null && e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                // Jekyll logs a document it cannot read as UTF-8 and builds without it (a picture
                // named with a date in _posts is read as a post)
                diagnostics.add(Diagnostic.warning(problem.path(), problem.position(),
                        problem.message() + "; not a text file, skipped as Jekyll skips it"));
            } else {
                diagnostics.add(problem);
            }
        }
        return null;
    }
}
