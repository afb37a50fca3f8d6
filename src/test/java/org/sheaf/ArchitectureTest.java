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
 * Keeps DESIGN.md's package graph true: each package imports only the sheaf packages its arrow
 * allows (and {@code diag}, which everything may use).
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("cli", Set.of("serve", "pipeline", "check", "output", "generate", "template", "liquid", "markdown",
                    "highlight", "content", "source", "config")),
            Map.entry("serve", Set.of("pipeline", "check", "output", "generate", "template", "liquid", "markdown",
                    "highlight", "content", "source", "config")),
            Map.entry("pipeline", Set.of("check", "output", "generate", "template", "liquid", "markdown", "sass",
                    "highlight", "content", "source", "config")),
            Map.entry("sass", Set.of("config")),
            Map.entry("generate", Set.of("content", "markdown", "config")),
            Map.entry("template", Set.of("content", "config")),
            Map.entry("liquid", Set.of("content", "markdown", "highlight", "config")),
            Map.entry("content", Set.of("source", "config")),
            Map.entry("source", Set.of("config")),
            Map.entry("markdown", Set.of("highlight", "config")),
            Map.entry("highlight", Set.of()),
            Map.entry("check", Set.of()),
            Map.entry("output", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("diag", Set.of()));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.sheaf\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyWhatDesignAllows() throws IOException {
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
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !target.equals("diag") && !allowed.contains(target)) {
                        violations.add(main.relativize(file) + " imports org.sheaf." + target);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
