package org.sheaf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modification times Jekyll read from a site's static files, put back on a copy of the site.
 * jekyll-sitemap writes a static file's {@code <lastmod>} from the file's modification time, which
 * each checkout and each copy of a fixture sets anew; with the times Jekyll's sitemap records set
 * again, sheaf's sitemap of the copy is compared with Jekyll's as it stands, every value computed.
 */
public final class SitemapTimes {
    private static final Pattern ENTRY = Pattern.compile("<loc>([^<]+)</loc>\\s*<lastmod>([^<]+)</lastmod>");
    /** Jekyll's test for front matter: a file that starts so is a page, never a static file. */
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\r?\\n");

    private SitemapTimes() {
    }

    /**
     * For each entry of {@code sitemap} (Jekyll's) whose address names a static file of
     * {@code site}, sets that file's modification time to the entry's {@code <lastmod>}. The
     * address is matched to a file by its path, from its first segment on or, when the site has a
     * {@code baseurl}, from a later one; an address ending in {@code /} names its folder's
     * {@code index.html}, as the sitemap writes it. Entries of pages and documents name no static
     * file and are passed over.
     *
     * @return the files whose time was set, relative to {@code site}, in the sitemap's order
     */
    public static List<String> restore(Path sitemap, Path site) throws IOException {
        List<String> set = new ArrayList<>();
        if (!Files.isRegularFile(sitemap)) {
            return set;
        }
        Matcher entry = ENTRY.matcher(Files.readString(sitemap, StandardCharsets.UTF_8));
        while (entry.find()) {
            Path file = staticFile(site, unescape(entry.group(1)));
            if (file != null) {
                Files.setLastModifiedTime(file, FileTime.from(OffsetDateTime.parse(entry.group(2).strip()).toInstant()));
                set.add(site.relativize(file).toString().replace('\\', '/'));
            }
        }
        return set;
    }

    /** The static file of {@code site} that {@code address} names, or null. */
    private static Path staticFile(Path site, String address) throws IOException {
        String path;
        try {
            path = URI.create(address).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        String[] segments = path.replaceFirst("^/", "").split("/");
        for (int from = 0; from < segments.length; from++) {
            Path candidate = site.resolve(String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length)));
            if (candidate.normalize().startsWith(site) && Files.isRegularFile(candidate) && !hasFrontMatter(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasFrontMatter(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(64);
        }
        return FRONT_MATTER.matcher(new String(start, StandardCharsets.ISO_8859_1)).find();
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
