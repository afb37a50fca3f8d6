package org.sheaf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /** The archetype {@code name} ({@code post.md}, {@code site/content/index.md}), or empty. */
    static Optional<String> load(Path ownFolder, String name) throws IOException {
        if (ownFolder != null) {
            Path own = ownFolder.resolve(name);
            if (Files.isRegularFile(own)) {
                return Optional.of(Files.readString(own, StandardCharsets.UTF_8));
            }
        }
        try (InputStream in = Archetypes.class.getResourceAsStream(BUILT_IN + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
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
