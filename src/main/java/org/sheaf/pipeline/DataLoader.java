package org.sheaf.pipeline;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.diag.SiteFiles;
import org.sheaf.source.DataFileParser;
import org.sheaf.source.SourceFile;
import org.sheaf.source.SourceText;

/**
 * Reads the data folder into {@code site.data}: {@code _data/a/b.yml} becomes
 * {@code site.data.a.b}, as in Jekyll.
 */
final class DataLoader {
    private DataLoader() {
    }

    static Map<String, Object> load(SiteFiles reader, List<SourceFile> files, ZoneId zone, Diagnostics diagnostics) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (SourceFile file : files) {
            if (file.kind() != SourceFile.Kind.DATA) {
                continue;
            }
            try {
                String text = SourceText.decode(reader.read(file.file(), file.sitePath()), file.sitePath());
                Optional<Object> value = DataFileParser.parse(text, file.sitePath(), zone);
                value.ifPresent(v -> place(root, file.relativePath(), v));
            } catch (DiagnosticException e) {
                diagnostics.add(e.diagnostic());
            }
        }
        return Collections.unmodifiableMap(root);
    }

    /** Puts a value at the folders of its path, named by its file name without extension. */
    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> root, String relativePath, Object value) {
        String[] parts = relativePath.split("/");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        String name = parts[parts.length - 1];
        int dot = name.lastIndexOf('.');
        at.put(dot > 0 ? name.substring(0, dot) : name, value);
    }
}
