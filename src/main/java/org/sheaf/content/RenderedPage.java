package org.sheaf.content;

/**
 * What the render stage made of one page's text, before layouts: the value its drop shows as
 * {@code page.content} and {@code page.excerpt} from then on.
 *
 * @param content the rendered content (Liquid, then Markdown or Sass)
 * @param excerpt the rendered excerpt; null when the page has none of its own to render (a page, an
 *                HTML document, an excerpt given in front matter), so its drop keeps what the
 *                index gave it
 */
public record RenderedPage(String content, String excerpt) {
    public RenderedPage {
        java.util.Objects.requireNonNull(content, "content");
    }
}
