package org.sheaf.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sheaf.jekyll.SourceLinks;

/**
 * Links between a site's source files, as written for GitHub ({@code [x](../audits/y.md#costs)}),
 * turned into the target's URL on the built site ({@link SourceLinks} reads the link). The
 * Markdown renderer asks for each link of the tree, so code spans, code blocks and link titles
 * are never taken for links. Two sets of rules:
 *
 * <ul>
 *   <li>{@linkplain #RelativeLinks(String, List, Function) between Markdown pages}, for sheaf's own sites: only links
 *       whose path ends in a Markdown extension are touched, and one that names no page is left
 *       as written and marked {@linkplain PageLink#unresolved() unresolved}, for a warning;</li>
 *   <li>{@linkplain #asJekyllRelativeLinks(String, Function, String) as GitHub Pages' jekyll-relative-links does}: links
 *       and images to any page, document or static file, quietly; a link that plugin would not
 *       see, because it runs on the page's text before Liquid with patterns that miss some
 *       Markdown forms, stays as written.</li>
 * </ul>
 *
 * <p>One instance serves one render of one page; not thread-safe.
 */
public final class RelativeLinks {
    private final String pagePath;
    private final List<String> markdownExtensions;
    private final Function<String, Optional<String>> urlOfSource;
    private final String writtenText;

    /**
     * Links to Markdown pages, a miss marked.
     *
     * @param pagePath           the page's path relative to the source folder ({@code _notes/audits/x.md})
     * @param markdownExtensions extensions that are Markdown, lower case, without the dot
     * @param urlOfSource        the URL to link to (with any {@code baseurl}) for a source path
     *                           relative to the source folder; empty when no page has that source
     */
    public RelativeLinks(String pagePath, List<String> markdownExtensions, Function<String, Optional<String>> urlOfSource) {
        this(pagePath, List.copyOf(markdownExtensions), urlOfSource, null);
    }

    private RelativeLinks(String pagePath, List<String> markdownExtensions, Function<String, Optional<String>> urlOfSource,
            String writtenText) {
        this.pagePath = pagePath;
        this.markdownExtensions = markdownExtensions;
        this.urlOfSource = urlOfSource;
        this.writtenText = writtenText;
    }

    /**
     * jekyll-relative-links' rules: any target, images too, a miss never marked. That plugin
     * rewrites the page's text before Liquid runs, so a link is rewritten only when {@code written}
     * holds it as a link: a link Liquid made is left as written.
     *
     * @param pagePath    the page's path relative to the source folder
     * @param urlOfTarget the URL to link to (with any {@code baseurl}) for the source path of a
     *                    page, a written document or a static file; empty for anything else
     * @param written     the page's text as written, before Liquid
     */
    public static RelativeLinks asJekyllRelativeLinks(String pagePath, Function<String, Optional<String>> urlOfTarget,
            String written) {
        return new RelativeLinks(pagePath, null, urlOfTarget, written);
    }

    /**
     * The link {@code href}, written at {@code offset}, as the HTML is to have it.
     *
     * @param image       whether it is an image's source rather than a link's
     * @param plainSyntax whether jekyll-relative-links' patterns read it: on one line, the
     *                    destination right after the parenthesis or after {@code ]: } and not in
     *                    angle brackets, a title (if any) in double quotes
     */
    PageLink link(String href, boolean image, boolean plainSyntax, int offset) {
        boolean jekyll = writtenText != null;
        PageLink asWritten = new PageLink(href, href, false, offset);
        if (!SourceLinks.mayNameSource(href) || (image && !jekyll) || (jekyll && !(plainSyntax && written(href)))) {
            return asWritten;
        }
        int hash = href.indexOf('#');
        // the plugin's fragment is '#' and at least one character; a bare '#' stays in the path
        if (jekyll && hash == href.length() - 1) {
            hash = -1;
        }
        String path = hash < 0 ? href : href.substring(0, hash);
        if (!jekyll) {
            int dot = path.lastIndexOf('.');
            if (dot < 0 || !markdownExtensions.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                return asWritten;
            }
        }
        Optional<String> target = SourceLinks.sourcePath(pagePath, path).flatMap(urlOfSource);
        if (target.isEmpty()) {
            return new PageLink(href, href, !jekyll, offset);
        }
        return new PageLink(href, target.get() + (hash < 0 ? "" : href.substring(hash)), false, offset);
    }

    /**
     * Whether the page's own text writes {@code href} where the plugin's patterns read a
     * destination: after {@code ](}, then {@code )} or a double-quoted title; or after {@code ]: },
     * then the end of the line or a double-quoted title.
     */
    private boolean written(String href) {
        return writtenAfter("](" + href, false) || writtenAfter("]: " + href, true);
    }

    private boolean writtenAfter(String start, boolean reference) {
        for (int at = writtenText.indexOf(start); at >= 0; at = writtenText.indexOf(start, at + 1)) {
            int end = at + start.length();
            int next = end;
            while (next < writtenText.length() && (writtenText.charAt(next) == ' ' || writtenText.charAt(next) == '\t')) {
                next++;
            }
            char after = next < writtenText.length() ? writtenText.charAt(next) : '\n';
            boolean title = next > end && after == '"';
            if (title || (reference ? after == '\n' || after == '\r' : next == end && after == ')')) {
                return true;
            }
        }
        return false;
    }
}
