package org.sheaf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stylesheets Jekyll's Sass converter wrote into a built site, compared byte for byte with
 * sheaf's, where {@link SiteDiff} compares CSS without its white space. A Sass stylesheet is known
 * by the source map Jekyll wrote beside it ({@code NAME.css} with {@code NAME.css.map}).
 */
public final class SassStylesheets {
    private SassStylesheets() {
    }

    /**
     * The comparison's outcome, paths relative to the site's folder.
     *
     * @param identical the stylesheets sheaf wrote byte for byte as Jekyll did
     * @param different the others, missing ones included
     */
    public record Result(List<String> identical, List<String> different) {
        /** "N of M Sass stylesheets byte-identical". */
        public String summary() {
            return identical.size() + " of " + (identical.size() + different.size())
                    + " Sass stylesheets byte-identical";
        }
    }

    public static Result compare(Path expected, Path actual) throws IOException {
        List<String> identical = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<Path> maps;
        try (Stream<Path> walk = Files.walk(expected)) {
            maps = walk.filter(p -> p.getFileName().toString().endsWith(".css.map")).sorted().toList();
        }
        for (Path map : maps) {
            Path css = map.resolveSibling(map.getFileName().toString().replaceFirst("\\.map$", ""));
            if (!Files.isRegularFile(css)) {
                continue;
            }
            String path = expected.relativize(css).toString().replace('\\', '/');
            Path ours = actual.resolve(path);
            boolean same = Files.isRegularFile(ours) && Arrays.equals(Files.readAllBytes(css), Files.readAllBytes(ours));
            (same ? identical : different).add(path);
        }
        return new Result(List.copyOf(identical), List.copyOf(different));
    }
}
