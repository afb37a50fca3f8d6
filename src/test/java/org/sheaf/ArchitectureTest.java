package org.sheaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps DESIGN.md's package graph true: each package uses only the sheaf packages its arrow
 * allows (and {@code diag}, which everything may use), whether through an import or a fully
 * qualified name written in the code ({@code org.sheaf.output.DirectorySink.deleteTree(...)}),
 * which depends on the package just as much.
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("cli", Set.of("serve", "incremental", "pipeline", "check", "output", "generate", "template", "liquid", "markdown",
                    "highlight", "content", "source", "config", "jekyll")),
            Map.entry("serve", Set.of("incremental", "pipeline", "check", "output", "generate", "template", "liquid", "markdown",
                    "highlight", "content", "source", "config", "jekyll")),
            Map.entry("incremental", Set.of("pipeline", "output", "generate", "template", "liquid", "markdown",
                    "sass", "content", "source", "config", "jekyll")),
            Map.entry("pipeline", Set.of("check", "output", "generate", "template", "liquid", "markdown", "sass",
                    "highlight", "content", "source", "config", "jekyll")),
            Map.entry("sass", Set.of("config", "jekyll")),
            Map.entry("generate", Set.of("content", "markdown", "config", "jekyll")),
            Map.entry("template", Set.of("content", "config", "jekyll")),
            Map.entry("liquid", Set.of("content", "markdown", "highlight", "config", "jekyll")),
            Map.entry("content", Set.of("source", "markdown", "config", "jekyll")),
            Map.entry("source", Set.of("config", "jekyll")),
            Map.entry("markdown", Set.of("highlight", "config", "jekyll")),
            Map.entry("highlight", Set.of("jekyll")),
            Map.entry("check", Set.of("jekyll")),
            Map.entry("output", Set.of("jekyll")),
            Map.entry("config", Set.of("jekyll")),
            Map.entry("jekyll", Set.of()),
            Map.entry("diag", Set.of()));
    /** An import, or a qualified name anywhere else; a package's own declaration has no dot after its name. */
    private static final Pattern USE = Pattern.compile("\\borg\\.sheaf\\.(\\w+)\\.");

    @Test
    void everyPackageUsesOnlyWhatDesignAllows() throws IOException {
        Path main = Path.of("src/main/java/org/sheaf");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = main.relativize(file).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package " + pkg + " is not in DESIGN.md");
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = USE.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !target.equals("diag") && !allowed.contains(target)) {
                        long line = text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        violations.add(main.relativize(file) + ":" + line + " uses org.sheaf." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
