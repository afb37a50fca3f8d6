package org.sheaf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.SiteFiles;

/**
 * The starting texts of {@code sheaf new}: a site's own {@code archetypes/} folder (beside its
 * layouts: {@code templates/archetypes/} in a sheaf site, {@code _archetypes/} in a Jekyll site)
 * wins over the archetypes built into sheaf (this repository's {@code templates/archetypes/}).
 *
 * <p>Placeholders are {@code {{title}}}, {@code {{author}}} (both written as YAML double-quoted
 * strings, so any title is valid front matter), {@code {{date}}} ({@code YYYY-MM-DD}) and
 * {@code {{kind}}}. Liquid such as {@code {{ post.title }}} is left alone.
 */
final class Archetypes {
    private static final String BUILT_IN = "/org/sheaf/archetypes/";

    private Archetypes() {
    }

    /** A built-in archetype ({@code site/content/index.md}), or empty. */
    static Optional<String> load(String name) throws IOException {
        try (InputStream in = Archetypes.class.getResourceAsStream(BUILT_IN + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The archetype {@code name} ({@code post.md}): the site's own from {@code ownFolder} when it
     * has one, read as every site file is ({@code files}), else the built-in one, else empty.
     *
     * @param shown the site's own archetype as messages name it
     * @throws DiagnosticException when the site's own archetype exists but may not be read
     */
    static Optional<String> load(SiteFiles files, Path ownFolder, String name, String shown)
            throws IOException, DiagnosticException {
        Path own = ownFolder.resolve(name);
        if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new String(files.read(own, shown), StandardCharsets.UTF_8));
        }
        return load(name);
    }

    /** The text with its placeholders filled in. */
    static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getKey().equals("title") || entry.getKey().equals("author")
                    ? yamlQuoted(entry.getValue()) : entry.getValue();
            out = out.replace("{{" + entry.getKey() + "}}", value);
        }
        return out;
    }

    static String yamlQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
