package org.sheaf.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Links between Markdown files, as written for GitHub ({@code [x](../audits/y.md#costs)}),
 * turned into the target page's URL on the built site, as GitHub Pages' jekyll-relative-links
 * does. Only relative links whose path ends in a Markdown extension are touched; a target that
 * is no page of the site is left as written and remembered in {@link #unresolved()}.
 *
 * <p>One instance serves one render of one page; not thread-safe.
 */
public final class RelativeLinks {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final String pagePath;
    private final List<String> markdownExtensions;
    private final Function<String, Optional<String>> urlOfSource;
    private final List<String> unresolved = new ArrayList<>();

    /**
     * @param pagePath           the page's path relative to the source folder ({@code _notes/audits/x.md})
     * @param markdownExtensions extensions that are Markdown, lower case, without the dot
     * @param urlOfSource        the URL to link to (with any {@code baseurl}) for a source path
     *                           relative to the source folder; empty when no page has that source
     */
    public RelativeLinks(String pagePath, List<String> markdownExtensions, Function<String, Optional<String>> urlOfSource) {
        this.pagePath = pagePath.startsWith("/") ? pagePath.substring(1) : pagePath;
        this.markdownExtensions = List.copyOf(markdownExtensions);
        this.urlOfSource = urlOfSource;
    }

    /** The URL to write for {@code href}; empty to leave it as written. */
    public Optional<String> rewrite(String href) {
        if (href.isEmpty() || href.startsWith("/") || href.startsWith("#") || SCHEME.matcher(href).find()) {
            return Optional.empty();
        }
        int end = href.length();
        for (char stop : new char[] {'#', '?'}) {
            int at = href.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = href.substring(0, end);
        String rest = href.substring(end);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || !markdownExtensions.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> target = resolve(decode(path)).flatMap(urlOfSource);
        if (target.isEmpty()) {
            unresolved.add(href);
            return Optional.empty();
        }
        return Optional.of(target.get() + (rest.startsWith("?") ? "" : rest));
    }

    /** The relative Markdown links that named no page, in the order met. */
    public List<String> unresolved() {
        return List.copyOf(unresolved);
    }

    /** {@code path} from the page's folder, normalised; empty when it climbs out of the source. */
    private Optional<String> resolve(String path) {
        Deque<String> parts = new ArrayDeque<>();
        int slash = pagePath.lastIndexOf('/');
        if (slash > 0) {
            for (String part : pagePath.substring(0, slash).split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
