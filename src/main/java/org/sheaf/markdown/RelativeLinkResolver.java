package org.sheaf.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Optional;

/**
 * The flexmark side of {@link RelativeLinks}: each link of a document that carries a
 * {@link RelativeLinks} under {@link #LINKS} goes through it; documents without one render
 * their links as written.
 */
final class RelativeLinkResolver implements LinkResolver {
    /** The page's relative links, set on the document before it is rendered. */
    static final NullableDataKey<RelativeLinks> LINKS = new NullableDataKey<>("SHEAF_RELATIVE_LINKS");

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        if (link.getLinkType() != LinkType.LINK) {
            return link;
        }
        RelativeLinks links = LINKS.get(context.getDocument());
        if (links == null) {
            return link;
        }
        Optional<String> url = links.rewrite(link.getUrl());
        return url.isPresent() ? link.withUrl(url.get()) : link;
    }

    static final class Factory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new RelativeLinkResolver();
        }
    }
}
