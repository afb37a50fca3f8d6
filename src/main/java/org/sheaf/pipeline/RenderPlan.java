package org.sheaf.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sheaf.content.Page;

/**
 * Which parts of the render stage an incremental build can skip, and where it watches what a
 * page reads. {@link PageRenderer} asks before each of its three passes (documents' content,
 * pages' content, layouts); a page left out of a pass has had its result put back already (its
 * {@link org.sheaf.content.RenderedPage} in the index's {@link org.sheaf.content.RenderedPages},
 * or its output returned by {@link #keptOutputs}). {@link #FULL} renders everything and watches nothing.
 */
public interface RenderPlan {
    /** Renders every page; what a plain build uses. */
    RenderPlan FULL = new RenderPlan() {
    };

    /**
     * Called before a content pass with the pages of that pass (first every document, then every
     * page); returns the pages whose rendered content is already known and must not be rendered.
     */
    default Set<Page> keptContent(List<Page> pass) {
        return Set.of();
    }

    /** Called before the layout pass with the written pages; returns the outputs to reuse, by page. */
    default Map<Page, String> keptOutputs(List<Page> written) {
        return Map.of();
    }

    /** The {@code site} variable handed to the templates rendering {@code page}. */
    default Map<String, Object> site(Page page, Map<String, Object> site) {
        return site;
    }

    /**
     * The {@code site} variable handed to the Liquid in {@code page}'s own text; {@link #site}
     * unless the plan watches the content pass apart from the layouts.
     */
    default Map<String, Object> contentSite(Page page, Map<String, Object> site) {
        return site(page, site);
    }

    /**
     * Called while {@code page} renders when it reads, or makes, an excerpt whose Liquid reads other
     * pages: its text is what its first reader in Jekyll's order saw, which no input names, so an
     * incremental build renders such a page again every time.
     */
    default void readsInOrder(Page page) {
    }
}
