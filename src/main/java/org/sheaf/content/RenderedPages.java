package org.sheaf.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The render stage's results, by page: each page's {@link RenderedPage} once its content has
 * rendered. Jekyll's templates read other pages' rendered content through their drops ({@code
 * site.posts[0].content}, a feed's entries), so every drop of an index reads {@code content} and
 * {@code excerpt} through the index's results; the pages and {@code site} themselves stay as the
 * index stage built them.
 *
 * <p>Pages render in parallel, but what a page reads of another is what Jekyll, rendering one page
 * at a time, shows it: Jekyll renders every document (collection by collection, each in its order)
 * and then {@code site.pages} in order, and a page rendered before the reader shows its converted
 * content, one rendered after it the body as written. So while a page renders ({@link #readingAs}),
 * a drop asks {@link #shownTo} which of the two it shows; a page that comes before the reader but
 * has not rendered yet is rendered on the spot ({@link OnDemand}), once, by whichever thread needs
 * it first. A document's {@code output}, its finished file, reads the same way: nil to itself and
 * to documents before it, and to a later page the output, laid out on the spot ({@link
 * OnDemand#output}) if it has not been. A page only ever waits for pages before it, so the waits
 * cannot form a cycle. Outside rendering a drop shows what its page rendered to, if it has.
 *
 * <p>Thread-safe: pages render in parallel while others read.
 */
public final class RenderedPages {
    private final Map<PageDrop, RenderedPage> pages = new ConcurrentHashMap<>();
    /** The pages whose content rendering has started, each completed when done. */
    private final Map<PageDrop, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    /** The documents' finished outputs, layout and all, once laid out since {@link #inOrder}. */
    private final Map<PageDrop, String> outputs = new ConcurrentHashMap<>();
    /** The documents whose laying out has started, each completed when done. */
    private final Map<PageDrop, CompletableFuture<Void>> laidOut = new ConcurrentHashMap<>();
    /** The page being rendered on this thread, and whether its content is done; null outside rendering. */
    private final ThreadLocal<Reader> reader = new ThreadLocal<>();
    /** Each page's place in Jekyll's render order, and the page, by drop; set before a render. */
    private volatile Map<PageDrop, Integer> ranks = Map.of();
    private volatile Map<PageDrop, Page> byDrop = Map.of();
    private volatile OnDemand onDemand;

    RenderedPages() {
    }

    /** Renders what a page reads of another page that Jekyll would have rendered already. */
    public interface OnDemand {
        /** Renders {@code page}'s content (and excerpt) and records it, once ({@link #renderOnce}). */
        void content(Page page);

        /**
         * {@code page}'s excerpt, rendered for the page now rendering on this thread (Jekyll renders
         * an excerpt when it is first read); null when the page makes no excerpt of its own.
         */
        String excerpt(Page page);

        /**
         * Lays out the document {@code page} (rendering its content first if it has not been), once
         * ({@link #layOutOnce}), and records its finished output ({@link #putOutput}).
         */
        void output(Page page);
    }

    /**
     * The page a template reading a drop renders for, whether that page's content is done, and
     * that content while it is not yet recorded (its excerpt renders).
     */
    private record Reader(int rank, boolean contentDone, RenderedPage own) {
    }

    /**
     * Starts a render of {@code order}, the pages in Jekyll's render order (documents, then pages,
     * then generated pages), with {@code onDemand} rendering what a page reads before its turn.
     * Forgets which pages were started, so pages whose result was removed render again, and every
     * document's output, as a page laid out again may come out different.
     */
    public void inOrder(List<Page> order, OnDemand onDemand) {
        Map<PageDrop, Integer> rankOf = new HashMap<>();
        Map<PageDrop, Page> pageOf = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rankOf.putIfAbsent(order.get(i).drop(), i);
            pageOf.putIfAbsent(order.get(i).drop(), order.get(i));
        }
        started.clear();
        laidOut.clear();
        outputs.clear();
        this.ranks = rankOf;
        this.byDrop = pageOf;
        this.onDemand = onDemand;
    }

    /**
     * Runs {@code render}, which renders {@code page}'s content, unless it has run since {@link
     * #inOrder}, or is running on another thread, in which case this waits until it is done.
     */
    public void renderOnce(Page page, Runnable render) {
        once(started, page, render);
    }

    /**
     * Runs {@code layOut}, which lays out the document {@code page} and records its output, unless
     * it has run since {@link #inOrder} or {@link #keepOutput}, or is running on another thread, in
     * which case this waits until it is done. Jekyll renders a document's content and layout in one
     * go, so a later page reads its {@code output} finished.
     */
    public void layOutOnce(Page page, Runnable layOut) {
        once(laidOut, page, layOut);
    }

    /**
     * Runs {@code work} for {@code page} unless {@code runs} holds a run of it already, finished
     * or under way on another thread, in which case this waits until that run is done.
     */
    private static void once(Map<PageDrop, CompletableFuture<Void>> runs, Page page, Runnable work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> theirs = runs.putIfAbsent(page.drop(), mine);
        if (theirs != null) {
            theirs.join();
            return;
        }
        try {
            work.run();
        } finally {
            mine.complete(null);
        }
    }

    /** Records the document {@code page}'s finished output; later pages read it as its {@code output}. */
    public void putOutput(Page page, String output) {
        outputs.put(page.drop(), output);
    }

    /** Records the output a document keeps from the last build, which is then not laid out again. */
    public void keepOutput(Page page, String output) {
        outputs.put(page.drop(), output);
        laidOut.putIfAbsent(page.drop(), CompletableFuture.completedFuture(null));
    }

    /** The document {@code page}'s finished output; empty before it is laid out, or if it failed. */
    public Optional<String> outputOf(Page page) {
        return Optional.ofNullable(outputs.get(page.drop()));
    }

    /**
     * Makes {@code page} the reader of other pages on this thread until the returned value is
     * closed: with its content being rendered ({@code contentDone} false: the page itself shows its
     * body) or done (its excerpt, its layouts). Readings nest: closing one restores the one before.
     */
    public Reading readingAs(Page page, boolean contentDone) {
        return reading(page, contentDone, null);
    }

    /**
     * As {@link #readingAs(Page, boolean)} with the content done, for a page whose content, {@code
     * own}, is recorded only once its excerpt has rendered too: it shows {@code own} to itself.
     */
    public Reading readingAs(Page page, RenderedPage own) {
        return reading(page, true, own);
    }

    private Reading reading(Page page, boolean contentDone, RenderedPage own) {
        Integer rank = ranks.get(page.drop());
        Reader before = reader.get();
        reader.set(rank == null ? null : new Reader(rank, contentDone, own));
        return () -> {
            if (before == null) {
                reader.remove();
            } else {
                reader.set(before);
            }
        };
    }

    /** A page reading others on this thread, ended by {@link #close}. */
    @FunctionalInterface
    public interface Reading extends AutoCloseable {
        @Override
        void close();
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

    /**
     * What {@code drop}'s page shows to the page rendering on this thread: its rendering when
     * Jekyll renders it before that page (rendered now if it has not been), null when after (the
     * drop then shows its values from the index). Outside rendering, its rendering if it has one.
     */
    RenderedPage shownTo(PageDrop drop) {
        Reader current = reader.get();
        Integer rank = current == null ? null : ranks.get(drop);
        if (rank == null) {
            return pages.get(drop);
        }
        if (rank > current.rank() || rank == current.rank() && !current.contentDone()) {
            return null;
        }
        RenderedPage page = pages.get(drop);
        if (page == null && rank == current.rank()) {
            return current.own();
        }
        OnDemand render = onDemand;
        if (page == null && render != null) {
            render.content(byDrop.get(drop));
            page = pages.get(drop);
        }
        return page;
    }

    /**
     * The document {@code drop}'s {@code output} as the page rendering on this thread reads it: its
     * finished output (laid out now if it has not been) when Jekyll renders it before that page,
     * nil when Jekyll renders it later or it is that page itself, which gets its output only once
     * rendered. Outside rendering, its output if it has one.
     */
    String outputShownTo(PageDrop drop) {
        Reader current = reader.get();
        Integer rank = current == null ? null : ranks.get(drop);
        if (rank == null) {
            return outputs.get(drop);
        }
        if (rank >= current.rank()) {
            return null;
        }
        String output = outputs.get(drop);
        OnDemand render = onDemand;
        if (output == null && render != null) {
            render.output(byDrop.get(drop));
            output = outputs.get(drop);
        }
        return output;
    }

    /** Whether a page is rendering on this thread. */
    boolean reading() {
        return reader.get() != null;
    }

    /**
     * {@code drop}'s excerpt as Jekyll renders it when a page before it reads it, for the page
     * rendering on this thread; null outside rendering or when the page makes no excerpt.
     */
    String excerptBefore(PageDrop drop) {
        OnDemand render = onDemand;
        Page page = byDrop.get(drop);
        if (reader.get() == null || render == null || page == null) {
            return null;
        }
        return render.excerpt(page);
    }
}
