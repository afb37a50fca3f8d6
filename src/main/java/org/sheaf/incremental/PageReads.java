package org.sheaf.incremental;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.Page;
import org.sheaf.pipeline.RenderPlan;

/**
 * What each page's templates read from {@code site} while it rendered ({@link RecordingSite}):
 * all of it, and apart from that what the Liquid in the page's own text read, as the inputs of the
 * dependency graph ({@link Input}s, by {@link DependencyGraph#inputsOf}).
 * As a render plan it renders everything and only watches. Render threads record into it
 * concurrently.
 */
final class PageReads implements RenderPlan {
    /** The read noted for a page that reads or makes an excerpt whose text its first reader fixes. */
    static final String ORDERED_EXCERPT = "excerpt:ordered";

    private final SiteConfig config;
    private final Map<Page, Set<String>> all = new ConcurrentHashMap<>();
    private final Map<Page, Set<String>> text = new ConcurrentHashMap<>();

    PageReads(SiteConfig config) {
        this.config = config;
    }

    /** {@code site} as {@code page}'s templates see it, noting what they read. */
    @Override
    public Map<String, Object> site(Page page, Map<String, Object> site) {
        return RecordingSite.of(site, keys(all, page));
    }

    /** {@code site} as the Liquid in {@code page}'s own text sees it, noting what it reads for both. */
    @Override
    public Map<String, Object> contentSite(Page page, Map<String, Object> site) {
        return site(page, RecordingSite.of(site, keys(text, page)));
    }

    /** Notes that {@code page} reads or makes an ordered excerpt, which makes it render every time. */
    @Override
    public void readsInOrder(Page page) {
        keys(all, page).add(ORDERED_EXCERPT);
    }

    /** The pages that read anything. */
    Set<Page> pages() {
        return all.keySet();
    }

    /** The inputs {@code page}'s templates read; empty when they read nothing. */
    Set<Input> inputs(Page page) {
        return inputsOf(all.getOrDefault(page, Set.of()));
    }

    /** The pages whose own text ran Liquid, each with the inputs it read. */
    Map<Page, Set<Input>> textInputs() {
        Map<Page, Set<Input>> inputs = new HashMap<>();
        text.forEach((page, keys) -> inputs.put(page, inputsOf(keys)));
        return inputs;
    }

    private Set<Input> inputsOf(Set<String> keys) {
        Set<Input> inputs = new HashSet<>();
        keys.forEach(key -> inputs.addAll(DependencyGraph.inputsOf(key, config)));
        return inputs;
    }

    private static Set<String> keys(Map<Page, Set<String>> reads, Page page) {
        return reads.computeIfAbsent(page, p -> ConcurrentHashMap.newKeySet());
    }
}
