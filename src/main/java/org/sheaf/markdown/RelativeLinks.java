package org.sheaf.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sheaf.jekyll.SourceLinks;

/**
 * Links between Markdown files, as written for GitHub ({@code [x](../audits/y.md#costs)}),
 * turned into the target page's URL on the built site, as GitHub Pages' jekyll-relative-links
 * does ({@link SourceLinks} reads the link). Only links whose path ends in a Markdown extension
 * are touched; a target that is no page of the site is left as written and remembered in
 * {@link #unresolved()}.
 *
 * <p>One instance serves one render of one page; not thread-safe.
 */
public final class RelativeLinks {
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
        this.pagePath = pagePath;
        this.markdownExtensions = List.copyOf(markdownExtensions);
        this.urlOfSource = urlOfSource;
    }

    /** The URL to write for {@code href}; empty to leave it as written. */
    public Optional<String> rewrite(String href) {
        if (!SourceLinks.mayNameSource(href)) {
            return Optional.empty();
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || !markdownExtensions.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> target = SourceLinks.sourcePath(pagePath, path).flatMap(urlOfSource);
        if (target.isEmpty()) {
            unresolved.add(href);
            return Optional.empty();
        }
        return Optional.of(target.get() + (hash < 0 ? "" : href.substring(hash)));
    }

    /** The relative Markdown links that named no page, in the order met. */
    public List<String> unresolved() {
        return List.copyOf(unresolved);
    }
}
