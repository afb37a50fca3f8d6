package org.sheaf.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The render stage's results, by page: each page's {@link RenderedPage} once its content has
 * rendered. Jekyll's templates read other pages' rendered content through their drops ({@code
 * site.posts[0].content}, a feed's entries), so every drop of an index reads {@code content} and
 * {@code excerpt} through the index's results; the pages and {@code site} themselves stay as the
 * index stage built them.
 *
 * <p>Thread-safe: pages render in parallel while others read.
 */
public final class RenderedPages {
    private final Map<PageDrop, RenderedPage> pages = new ConcurrentHashMap<>();

    RenderedPages() {
    }

    /** Records what {@code page} rendered to; its drop shows it from now on. */
    public void put(Page page, RenderedPage rendered) {
        pages.put(page.drop(), rendered);
    }

    /** Forgets what {@code page} rendered to: its drop shows its values from the index again. */
    public void remove(Page page) {
        pages.remove(page.drop());
    }

    /** What {@code page} rendered to; empty before its content has rendered. */
    public Optional<RenderedPage> of(Page page) {
        return Optional.ofNullable(pages.get(page.drop()));
    }

    /**
     * What the page whose drop is {@code page} rendered to, for a tag given the {@code page}
     * variable; empty for a value that is not a page's drop, or before the page has rendered.
     */
    public Optional<RenderedPage> ofVariable(Object page) {
        return page instanceof PageDrop drop ? Optional.ofNullable(pages.get(drop)) : Optional.empty();
    }

    RenderedPage of(PageDrop drop) {
        return pages.get(drop);
    }
}
