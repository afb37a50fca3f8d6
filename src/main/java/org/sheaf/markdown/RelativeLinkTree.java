package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;

/**
 * The flexmark side of {@link RelativeLinks}: the destination of each inline link, inline image
 * and reference definition of a parsed document goes through it, with how it was written, and is
 * replaced in the tree before the document renders. The tree is rewritten rather than the
 * renderer's links resolved because flexmark resolves each URL once per document, while how a
 * link was written differs from one link to the next.
 */
final class RelativeLinkTree {
    private RelativeLinkTree() {
    }

    static void rewrite(Document document, RelativeLinks links) {
        for (Node node : document.getDescendants()) {
            if (node instanceof InlineLinkNode inline) {
                String url = inline.getUrl().toString();
                Optional<String> rewritten = links.rewrite(url, node instanceof Image, plainSyntax(inline, url));
                rewritten.ifPresent(to -> inline.setUrl(BasedSequence.of(to)));
            } else if (node instanceof Reference reference) {
                Optional<String> rewritten = links.rewrite(reference.getUrl().toString(), false,
                        reference.getUrlOpeningMarker().isEmpty() && titleReadable(reference, ""));
                rewritten.ifPresent(to -> reference.setUrl(BasedSequence.of(to)));
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
