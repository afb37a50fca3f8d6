package org.sheaf.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sheaf.markdown.PageLink;
import org.sheaf.markdown.SectionHeading;

/**
 * What the render stage made of one page's text, before layouts: the value its drop shows as
 * {@code page.content} and {@code page.excerpt} from then on, and the headings a table of
 * contents lists, and the links it holds.
 *
 * @param content the rendered content (Liquid, then Markdown or Sass)
 * @param excerpt the rendered excerpt; null when the page has none of its own to render (a page, an
 *                excerpt given in front matter, an empty separator), so its drop keeps what the
 *                index gave it
 * @param toc     the content's headings with an id, in order, as its Markdown tree rendered them;
 *                empty when the tree cannot tell them (HTML or Sass pages, raw HTML that may hold
 *                a heading), and a table of contents reads them from {@code content} instead
 * @param links   the links of the content's Markdown tree, in the order written, positioned in the
 *                text after Liquid; empty for a page that is not Markdown and for content kept
 *                from an earlier build
 */
public record RenderedPage(String content, String excerpt, Optional<List<SectionHeading>> toc, List<PageLink> links) {
    public RenderedPage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(toc, "toc");
        links = List.copyOf(links);
    }

    /** Content that no Markdown tree made, so its headings and links are not known. */
    public RenderedPage(String content, String excerpt) {
        this(content, excerpt, Optional.empty(), List.of());
    }

    /** This page with its excerpt rendered too. */
    public RenderedPage withExcerpt(String renderedExcerpt) {
        return new RenderedPage(content, renderedExcerpt, toc, links);
    }
}
