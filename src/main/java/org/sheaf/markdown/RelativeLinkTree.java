package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.LinkNode;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * The flexmark side of {@link RelativeLinks}: the destination of each inline link, inline image
 * and reference definition of a parsed document goes through it, with how it was written, and is
 * replaced in the tree before the document renders. The tree is rewritten rather than the
 * renderer's links resolved because flexmark resolves each URL once per document, while how a
 * link was written differs from one link to the next. The same walk lists the document's links,
 * autolinks too, as {@link PageLink}s.
 */
final class RelativeLinkTree {
    private RelativeLinkTree() {
    }

    /**
     * Rewrites the document's links through {@code links}, when given, and adds each link to
     * {@code found}, when given, in the order written.
     */
    static void rewrite(Document document, RelativeLinks links, List<PageLink> found) {
        for (Node node : Descendants.of(document)) {
            if (!(node instanceof LinkNode || node instanceof Reference)) {
                continue;
            }
            LinkNodeBase linkNode = (LinkNodeBase) node;
            // an email autolink holds its address as its text only
            BasedSequence destination = node instanceof MailLink mail ? mail.getText() : linkNode.getUrl();
            String url = destination.toString();
            int offset = destination.isNull() ? node.getStartOffset() : destination.getStartOffset();
            PageLink link;
            if (links == null || !(node instanceof InlineLinkNode || node instanceof Reference)) {
                // flexmark adds the scheme to an email autolink as it writes it
                link = new PageLink(url, node instanceof MailLink ? "mailto:" + url : url, false, offset);
            } else {
                link = node instanceof InlineLinkNode inline
                        ? links.link(url, node instanceof Image, plainSyntax(inline, url), offset)
                        : links.link(url, false, linkNode.getUrlOpeningMarker().isEmpty() && titleReadable(linkNode, ""), offset);
                if (!link.url().equals(url)) {
                    linkNode.setUrl(BasedSequence.of(link.url()));
                }
            }
            if (found != null) {
                found.add(link);
            }
        }
    }

    /**
     * Whether jekyll-relative-links' patterns read the link as one: on one line, the destination
     * right after the parenthesis and not in angle brackets, then the closing parenthesis or a
     * double-quoted title.
     */
    private static boolean plainSyntax(InlineLinkNode inline, String url) {
        if (inline.getText().indexOf('\n') >= 0 || !inline.getUrlOpeningMarker().isEmpty()) {
            return false;
        }
        String inside = inline.getChars().baseSubSequence(inline.getLinkOpeningMarker().getEndOffset(),
                inline.getLinkClosingMarker().getStartOffset()).toString();
        return inside.startsWith(url) && titleReadable(inline, inside.substring(url.length()));
    }

    /** A title in double quotes, or none and nothing between the URL and the closing parenthesis. */
    private static boolean titleReadable(LinkNodeBase node, String afterUrl) {
        if (node.getTitleOpeningMarker().isEmpty()) {
            return afterUrl.isEmpty();
        }
        return node.getTitleOpeningMarker().toString().equals("\"");
    }
}
