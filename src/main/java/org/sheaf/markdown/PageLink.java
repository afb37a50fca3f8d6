package org.sheaf.markdown;

/**
 * A link of a page's Markdown tree: an inline link or image, a reference definition (which every
 * link naming it shares), or an autolink.
 *
 * @param written    the destination as the writer wrote it
 * @param url        the destination the HTML was given: rewritten to a page's URL by
 *                   {@link RelativeLinks}, else as written ({@code mailto:} added to an email autolink)
 * @param unresolved whether it is a relative link to a Markdown file that names no page, left as written
 * @param offset     where the destination starts in the Markdown text that was rendered (after Liquid)
 */
public record PageLink(String written, String url, boolean unresolved, int offset) {
}
