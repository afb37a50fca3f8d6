package org.sheaf.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a theme gem as RubyGems would find it installed: a folder {@code NAME-VERSION} (the
 * highest version) or {@code NAME} in one of the gem folders, searched in this order: the folders
 * given with {@code --theme-path} and {@code SHEAF_THEME_PATH} (each holding theme folders),
 * Bundler's {@code vendor/bundle} in the site, {@code GEM_HOME}, {@code GEM_PATH}, the user's gem
 * folders ({@code ~/.gem}, {@code ~/.local/share/gem}), and the system's ({@code /var/lib/gems},
 * {@code /usr/local/lib/ruby/gems}, {@code /usr/lib/ruby/gems}, Debian's
 * {@code /usr/share/rubygems-integration} and architecture folders, Homebrew's and macOS's): the
 * folders {@code gem env} lists as its gem paths.
 */
final class ThemeResolver {
    /** Where a gem's name ends and its version starts: {@code minima-2.5.1}. */
    private static final Pattern VERSIONED = Pattern.compile("(.+)-(\\d[\\w.]*)");
    /** A runtime dependency in a gemspec: {@code add_runtime_dependency(%q<jekyll-feed>...)} or {@code add_dependency "x"}. */
    private static final Pattern DEPENDENCY = Pattern.compile(
            "add_(?:runtime_)?dependency\\s*\\(?\\s*(?:%q<([^>]+)>|[\"']([^\"']+)[\"'])");
    private static final List<String> SYSTEM_GEM_ROOTS = List.of("/var/lib/gems", "/usr/local/lib/ruby/gems",
            "/usr/lib/ruby/gems", "/usr/share/rubygems-integration", "/opt/homebrew/lib/ruby/gems",
            "/usr/local/opt/ruby/lib/ruby/gems", "/Library/Ruby/Gems");

    private ThemeResolver() {
    }

    /** The theme {@code name}, or empty when no gem folder holds it. */
    static Optional<Theme> resolve(String name, Path siteRoot, List<Path> themePaths, Map<String, String> env) {
        for (Path dir : searched(siteRoot, themePaths, env)) {
            Optional<Path> found = inFolder(dir, name);
            if (found.isPresent()) {
                return Optional.of(new Theme(name, found.get(), dependencies(found.get(), name)));
            }
        }
        return Optional.empty();
    }

    /** The folders searched, in order, those that exist only. */
    static List<Path> searched(Path siteRoot, List<Path> themePaths, Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>();
        themePaths.forEach(path -> dirs.add(path.toAbsolutePath().normalize()));
        pathList(env.get("SHEAF_THEME_PATH")).forEach(dirs::add);
        dirs.addAll(versionedGems(siteRoot.resolve("vendor/bundle/ruby")));
        String gemHome = env.get("GEM_HOME");
        if (gemHome != null && !gemHome.isBlank()) {
            dirs.add(Path.of(gemHome, "gems"));
        }
        pathList(env.get("GEM_PATH")).forEach(path -> dirs.add(path.resolve("gems")));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (home != null) {
            dirs.addAll(versionedGems(Path.of(home, ".gem", "ruby")));
            dirs.addAll(versionedGems(Path.of(home, ".local", "share", "gem", "ruby")));
        }
        for (String root : SYSTEM_GEM_ROOTS) {
            dirs.addAll(versionedGems(Path.of(root)));
        }
        // Debian's architecture folders (/usr/lib/x86_64-linux-gnu/ruby/gems, .../rubygems-integration)
        for (Path arch : children(Path.of("/usr/lib"))) {
            if (arch.getFileName().toString().contains("-linux-")) {
                dirs.addAll(versionedGems(arch.resolve("ruby").resolve("gems")));
                dirs.addAll(versionedGems(arch.resolve("rubygems-integration")));
            }
        }
        return dirs.stream().filter(Files::isDirectory).map(path -> path.toAbsolutePath().normalize()).distinct().toList();
    }

    private static List<Path> pathList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (String part : value.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part));
            }
        }
        return paths;
    }

    /** {@code ROOT/VERSION/gems} for each Ruby version folder under {@code root} (and {@code ROOT/all/gems}). */
    private static List<Path> versionedGems(Path root) {
        List<Path> found = new ArrayList<>();
        for (Path version : children(root)) {
            if (Files.isDirectory(version.resolve("gems"))) {
                found.add(version.resolve("gems"));
            }
        }
        return found;
    }

    private static Optional<Path> inFolder(Path dir, String name) {
        Path exact = dir.resolve(name);
        Optional<Path> newest = children(dir).stream()
                .filter(child -> {
                    Matcher m = VERSIONED.matcher(child.getFileName().toString());
                    return m.matches() && m.group(1).equals(name) && Files.isDirectory(child);
                })
                .max(Comparator.comparing(child -> version(child.getFileName().toString().substring(name.length() + 1)),
                        ThemeResolver::compareVersions));
        if (newest.isPresent()) {
            return newest;
        }
        return Files.isDirectory(exact) && (Files.isDirectory(exact.resolve("_layouts"))
                || Files.isDirectory(exact.resolve("_includes"))) ? Optional.of(exact) : Optional.empty();
    }

    private static List<String> version(String text) {
        return List.of(text.split("\\."));
    }

    private static int compareVersions(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            int order = x.matches("\\d{1,9}") && y.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * The runtime dependencies its gemspec names: {@code NAME.gemspec} in the gem's folder (a gem
     * from git or a theme folder) or the installed specification beside the gems folder.
     */
    private static List<String> dependencies(Path root, String name) {
        Path folder = root.getFileName();
        List<Path> candidates = new ArrayList<>(List.of(root.resolve(name + ".gemspec")));
        if (root.getParent() != null && root.getParent().getParent() != null && folder != null) {
            candidates.add(root.getParent().getParent().resolve("specifications").resolve(folder + ".gemspec"));
        }
        for (Path spec : candidates) {
            if (Files.isRegularFile(spec)) {
                try {
                    Set<String> names = new LinkedHashSet<>();
                    Matcher m = DEPENDENCY.matcher(Files.readString(spec));
                    while (m.find()) {
                        names.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                    return List.copyOf(names);
                } catch (IOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            return List.of();
        }
        children.sort(Comparator.comparing(Path::toString));
        return children;
    }
}
