package org.sheaf.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>Keeping every document's output for the whole build costs as much memory as the site's
 * files, and few sites read it. So a render may start without keeping them ({@link #inOrder}):
 * outputs are then handed to the writer and dropped, and the first read of a dropped one lays
 * that document out again ({@link OnDemand#outputAgain}) and keeps every output from then on.
 * Laying out again gives the same text, as everything a layout reads of the pages before it is
 * recorded by then.
 *
 * <p>An excerpt is rendered when it is first read, and every later reader reads that text
 * ({@link #excerptShownTo}). Most excerpts read nothing of other pages, so they read the same
 * whoever renders them, and the first render is kept. One whose Liquid reads other pages' {@code
 * content}, {@code output} or such an excerpt of theirs is <em>ordered</em>: its text is what the
 * pages looked like to its first reader in Jekyll's order. A page that reads an ordered excerpt
 * not yet fixed first completes every page before it, content and layout ({@link
 * OnDemand#complete}), as any of them may have read it first; if none did, it is the first. A
 * page's excerpt rendered in its own place (its content's turn, {@link #excerptInPlace}) is not a
 * read: an ordered one rendered there stands in only until a reader fixes it, or until {@link
 * #finish}, which renders those no page read as a reader after every page would.
 *
 * <p>A plugin's page made from a template that reads other pages, a feed ({@link ListedRender}),
 * is a reader too, in its place among the pages: Jekyll renders it with {@code site.pages}, before
 * the pages a plugin listed after jekyll-feed adds. Completing the pages before a place past it
 * makes its text there, as it would read the site, so that an excerpt it reads first is fixed as
 * the feed saw it. The text made there is not kept; it only fixes what the feed reads first.
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
    /** Whether {@link #putOutput} keeps what it is given; once set in a render, it stays set. */
    private volatile boolean keepOutputs = true;
    /** The documents laid out whose output was not kept: a read of one lays it out again. */
    private final Set<PageDrop> dropped = ConcurrentHashMap.newKeySet();
    /** The documents laid out again since {@link #inOrder}, each completed when done. */
    private final Map<PageDrop, CompletableFuture<Void>> laidOutAgain = new ConcurrentHashMap<>();
    /** The page being rendered on this thread, and whether its content is done; null outside rendering. */
    private final ThreadLocal<Reader> reader = new ThreadLocal<>();
    /** Each page's place in Jekyll's render order, and the page, by drop; set before a render. */
    private volatile Map<PageDrop, Integer> ranks = Map.of();
    private volatile Map<PageDrop, Page> byDrop = Map.of();
    private volatile List<Page> order = List.of();
    private volatile OnDemand onDemand;
    /** Each excerpt read since {@link #inOrder}, as its first reader rendered it; every later reader reads this. */
    private final Map<PageDrop, String> excerpts = new ConcurrentHashMap<>();
    /**
     * The pages (not documents) that make an excerpt: Jekyll hands a page to a template as a hash
     * made with its excerpt in it, so reading any of such a page's variables reads its excerpt.
     */
    private volatile Set<PageDrop> excerptInHash = Set.of();
    /** The pages whose excerpt reads other pages, so its text depends on which page reads it first. */
    private final Set<PageDrop> ordered = ConcurrentHashMap.newKeySet();
    /** The pages made from a plugin's template that read other pages, by their place in {@link #order}. */
    private volatile Map<Integer, List<ListedRender>> listedAt = Map.of();
    /** The listed pages read in their place since {@link #inOrder}, each completed when done. */
    private final Map<ListedRender, CompletableFuture<Void>> listedRead = new ConcurrentHashMap<>();
    /**
     * Every page before this place in {@link #order} has its content and layout done, and every
     * listed page placed before it has been read.
     */
    private final AtomicInteger complete = new AtomicInteger();
    /** Set by {@link #finish}: from then on a read outside rendering is one after every page. */
    private volatile boolean finished;
    /**
     * How many reads this thread has made of what depends on the reader's place in the order (a
     * page's {@code content} or {@code output}, an ordered excerpt): an excerpt whose render made
     * none reads the same to every page.
     */
    private final ThreadLocal<int[]> placeReads = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * The pages whose excerpt is rendering on this thread: such an excerpt's own {@code page}
     * variables are, in Jekyll, a hash made without it.
     */
    private final ThreadLocal<Set<PageDrop>> excerptsRendering = ThreadLocal.withInitial(java.util.HashSet::new);
    /**
     * Of {@link #excerptsRendering}, those rendering because a reader read them, as Jekyll renders
     * an excerpt only then: there the excerpt's {@code page.output} is the excerpt itself.
     */
    private final ThreadLocal<Set<PageDrop>> excerptsRead = ThreadLocal.withInitial(java.util.HashSet::new);

    RenderedPages() {
    }

    /** Renders what a page reads of another page that Jekyll would have rendered already. */
    public interface OnDemand {
        /** Renders {@code page}'s content (and excerpt) and records it, once ({@link #renderOnce}). */
        void content(Page page);

        /**
         * {@code page}'s excerpt, rendered for the page now rendering on this thread, or with every
         * page showing its rendering when none is; null when the page makes no excerpt of its own,
         * or its excerpt cannot render (reported where the page renders its own).
         */
        String excerpt(Page page);

        /**
         * Renders {@code page}'s content unless it is recorded, and lays it out unless that is done
         * or kept, once each; pages that are not written and are not documents are not laid out.
         */
        void complete(Page page);

        /** Whether {@code page} makes an excerpt of its own (from its body). */
        boolean makesExcerpt(Page page);

        /**
         * Tells that {@code page} read, or makes, an ordered excerpt: what it renders to depends on
         * pages no input of it names.
         */
        void readsInOrder(Page page);

        /**
         * Lays out the document {@code page} (rendering its content first if it has not been), once
         * ({@link #layOutOnce}), and records its finished output ({@link #putOutput}).
         */
        void output(Page page);

        /**
         * Lays out again the document {@code page}, laid out before and its output not kept, and
         * records its output ({@link #putOutput}), without handing it to the writer a second time.
         */
        void outputAgain(Page page);
    }

    /**
     * The page a template reading a drop renders for, whether that page's content is done, and
     * that content while it is not yet recorded (its excerpt renders in its place, which is no
     * read: {@code own} is then non-null, and an ordered excerpt read there is not fixed). A
     * {@code listed} reader is a {@link ListedRender} in its place, just before the page at {@code
     * rank}, which it shows as not yet rendered.
     */
    private record Reader(int rank, boolean contentDone, RenderedPage own, boolean listed) {
    }

    /**
     * A page a plugin adds to {@code site.pages} and renders from its template, whose text reads
     * other pages (jekyll-feed's feeds read their posts' content and excerpts).
     *
     * @param before the first of the pages in the render order that the plugins list after it
     *               (jekyll-paginate's later pages, when that plugin is listed after jekyll-feed);
     *               null when it renders after every page
     * @param read   makes its text, reading what the text reads
     */
    public record ListedRender(PageDrop before, Runnable read) {
    }

    /** A render of an excerpt, which may fail as a render does. */
    @FunctionalInterface
    public interface ExcerptRender<E extends Exception> {
        String render() throws E;
    }

    /**
     * Starts a render of {@code order}, the pages in Jekyll's render order (documents, then pages,
     * then generated pages), with {@code onDemand} rendering what a page reads before its turn.
     * Forgets which pages were started, so pages whose result was removed render again, and every
     * document's output, as a page laid out again may come out different. With {@code
     * keepOutputs} false, documents' outputs are kept only once some page reads one. {@code
     * listed} are the plugins' pages that read other pages, each read in its place when a reader
     * after it completes the pages before it.
     */
    public void inOrder(List<Page> order, OnDemand onDemand, boolean keepOutputs, List<ListedRender> listed) {
        Map<PageDrop, Integer> rankOf = new HashMap<>();
        Map<PageDrop, Page> pageOf = new HashMap<>();
        Set<PageDrop> inHash = new java.util.HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            Page page = order.get(i);
            rankOf.putIfAbsent(page.drop(), i);
            pageOf.putIfAbsent(page.drop(), page);
            if (page.collection() == null && onDemand.makesExcerpt(page)) {
                inHash.add(page.drop());
            }
        }
        Map<Integer, List<ListedRender>> places = new HashMap<>();
        for (ListedRender render : listed) {
            int place = render.before() == null ? order.size() : rankOf.getOrDefault(render.before(), order.size());
            places.computeIfAbsent(place, key -> new java.util.ArrayList<>()).add(render);
        }
        started.clear();
        laidOut.clear();
        listedRead.clear();
        this.listedAt = places;
        outputs.clear();
        dropped.clear();
        laidOutAgain.clear();
        this.keepOutputs = keepOutputs;
        excerpts.clear();
        ordered.clear();
        complete.set(0);
        finished = false;
        this.ranks = rankOf;
        this.byDrop = pageOf;
        this.order = List.copyOf(order);
        this.excerptInHash = inHash;
        this.onDemand = onDemand;
    }

    /**
     * Reads the excerpt of the page (not a document) starting to render on this thread, if it
     * makes one: Jekyll hands a page its own variables as a hash made at the start of its render.
     */
    public void startsRendering(Page page) {
        readHash(page.drop());
    }

    /**
     * A template reads a variable of the page whose drop is {@code drop}: if it is a page that
     * makes an excerpt, that reads its excerpt, as Jekyll makes the page's hash with it.
     */
    void readHash(PageDrop drop) {
        Set<PageDrop> inHash = excerptInHash;
        if (!inHash.isEmpty() && inHash.contains(drop) && reader.get() != null
                && !excerptsRendering.get().contains(drop)) {
            excerptShownTo(drop);
        }
    }

    /**
     * Ends the render that {@link #inOrder} started: each ordered excerpt that no page read is
     * read by the listed pages (the feeds) that read it, in their places, or else rendered as one
     * read after every page (its documents laid out first, as Jekyll renders even those it does
     * not write), and each page's recorded excerpt becomes the fixed one, which reads outside
     * rendering show. Call on a thread that renders nothing else.
     */
    public void finish() {
        finished = true;
        if (ordered.stream().anyMatch(drop -> !excerpts.containsKey(drop))) {
            completeBefore(order.size(), true);
        }
        for (PageDrop drop : ordered) {
            String text = excerptShownTo(drop);
            if (text != null) {
                pages.computeIfPresent(drop, (key, page) -> page.withExcerpt(text));
            }
        }
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
        once(runs, page.drop(), work);
    }

    /** Runs {@code work} for {@code key} once, as {@link #once(Map, Page, Runnable)} does for a page. */
    private static <K> void once(Map<K, CompletableFuture<Void>> runs, K key, Runnable work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> theirs = runs.putIfAbsent(key, mine);
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

    /**
     * Records the document {@code page}'s finished output; later pages read it as its {@code
     * output}. Unless outputs are kept, only that it was laid out is recorded.
     */
    public void putOutput(Page page, String output) {
        if (keepOutputs) {
            outputs.put(page.drop(), output);
        } else {
            dropped.add(page.drop());
        }
    }

    /**
     * Runs {@code layOut}, which lays out again the document {@code page} and records its output,
     * unless it has run since {@link #inOrder}, or is running on another thread, in which case
     * this waits until it is done.
     */
    public void layOutAgainOnce(Page page, Runnable layOut) {
        once(laidOutAgain, page, layOut);
    }

    /**
     * The output of {@code drop}'s document when it was laid out and not kept: from now on every
     * output is kept, and this one is laid out again. Null when it was not dropped.
     */
    private String recovered(PageDrop drop) {
        OnDemand render = onDemand;
        Page page = byDrop.get(drop);
        if (render == null || page == null || !dropped.contains(drop)) {
            return null;
        }
        keepOutputs = true;
        render.outputAgain(page);
        return outputs.get(drop);
    }

    /** Records the output a document keeps from the last build, which is then not laid out again. */
    public void keepOutput(Page page, String output) {
        outputs.put(page.drop(), output);
        keepLayout(page);
    }

    /** Marks a page whose output is kept from the last build, which is then not laid out again. */
    public void keepLayout(Page page) {
        laidOut.putIfAbsent(page.drop(), CompletableFuture.completedFuture(null));
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
        return reading(rank == null ? null : new Reader(rank, contentDone, own, false));
    }

    private Reading reading(Reader as) {
        Reader before = reader.get();
        reader.set(as);
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
        placeReads.get()[0]++;
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
            String output = outputs.get(drop);
            return output != null ? output : recovered(drop);
        }
        placeReads.get()[0]++;
        if (rank >= current.rank()) {
            return null;
        }
        String output = outputs.get(drop);
        OnDemand render = onDemand;
        if (output == null && render != null) {
            render.output(byDrop.get(drop));
            output = outputs.get(drop);
        }
        return output != null ? output : recovered(drop);
    }

    /**
     * Whether {@code drop}'s own excerpt is rendering on this thread: its Liquid then reads the
     * page as Jekyll's excerpt drop, whose excerpt is nil and whose output is the excerpt itself.
     */
    boolean excerptRendering(PageDrop drop) {
        return excerptsRendering.get().contains(drop);
    }

    /** Whether {@code drop}'s own excerpt is rendering on this thread because a reader read it. */
    boolean excerptRenderingForReader(PageDrop drop) {
        return excerptsRead.get().contains(drop);
    }

    /** Whether a page is rendering on this thread. */
    boolean reading() {
        return reader.get() != null;
    }

    /**
     * {@code drop}'s excerpt as the page rendering on this thread reads it: the text fixed by its
     * first reader, rendered now if this is the first (for an ordered excerpt, once the pages
     * before this one are complete, as one of them may read it first). Outside rendering, the
     * fixed text, or else the one its page recorded; after {@link #finish}, an ordered excerpt
     * no page read is rendered as one read after every page. Null when the page makes no
     * excerpt of its own: the drop then shows what the index gave it.
     */
    String excerptShownTo(PageDrop drop) {
        Reader current = reader.get();
        String fixed = excerpts.get(drop);
        if (fixed != null) {
            if (current != null && ordered.contains(drop)) {
                placeReads.get()[0]++;
                readInOrder(current);
            }
            return fixed;
        }
        RenderedPage done = pages.get(drop);
        Page page = byDrop.get(drop);
        OnDemand render = onDemand;
        boolean kept = done != null && (done.excerpt() == null || !ordered.contains(drop));
        if (page == null || render == null || kept || current == null && !(finished && ordered.contains(drop))) {
            // kept from the last build (whose excerpts read no other page), or read outside rendering
            return done == null ? null : done.excerpt();
        }
        int[] reads = placeReads.get();
        int before = reads[0];
        if (current != null && current.own() == null && ordered.contains(drop)) {
            // known to be ordered: a page before this one may be its first reader
            reads[0]++;
            readInOrder(current);
            completeBefore(current);
            fixed = excerpts.get(drop);
            if (fixed != null) {
                return fixed;
            }
        }
        String text = rendering(drop, true, () -> render.excerpt(page));
        if (text == null) {
            return null;
        }
        if (reads[0] == before && !ordered.contains(drop)) {
            return fix(drop, text);
        }
        reads[0] = Math.max(reads[0], before + 1);
        if (ordered.add(drop)) {
            render.readsInOrder(page);
        }
        if (current == null) {
            return fix(drop, text);
        }
        if (current.own() != null) {
            // a page's excerpt rendering in its own place reads this: that is no reader's read
            return text;
        }
        readInOrder(current);
        completeBefore(current);
        return fix(drop, text);
    }

    /**
     * {@code page}'s own excerpt, rendered by {@code render} in its own place (its content done,
     * being read as {@link #readingAs(Page, RenderedPage)}): the text a reader fixed, if one has;
     * else {@code render}'s, kept for every reader when it read nothing of other pages. An ordered
     * excerpt's text here stands in until a reader fixes it.
     */
    public <E extends Exception> String excerptInPlace(Page page, ExcerptRender<E> render) throws E {
        String fixed = excerpts.get(page.drop());
        if (fixed != null) {
            return fixed;
        }
        int[] reads = placeReads.get();
        int before = reads[0];
        String text = rendering(page.drop(), false, render);
        if (reads[0] == before && !ordered.contains(page.drop())) {
            return fix(page.drop(), text);
        }
        OnDemand told = onDemand;
        if (ordered.add(page.drop()) && told != null) {
            told.readsInOrder(page);
        }
        return text;
    }

    /**
     * Runs {@code render}, the render of {@code drop}'s excerpt, noting on this thread that it runs,
     * and whether because a reader {@code read} it.
     */
    private <E extends Exception> String rendering(PageDrop drop, boolean read, ExcerptRender<E> render) throws E {
        Set<PageDrop> running = excerptsRendering.get();
        boolean added = running.add(drop);
        boolean addedRead = read && excerptsRead.get().add(drop);
        try {
            return render.render();
        } finally {
            if (added) {
                running.remove(drop);
            }
            if (addedRead) {
                excerptsRead.get().remove(drop);
            }
        }
    }

    /** Keeps {@code text} as {@code drop}'s excerpt unless another is kept already; the one kept. */
    private String fix(PageDrop drop, String text) {
        String was = excerpts.putIfAbsent(drop, text);
        return was == null ? text : was;
    }

    /** Tells that the page {@code current} reads for read an ordered excerpt. */
    private void readInOrder(Reader current) {
        OnDemand render = onDemand;
        if (render != null && !current.listed() && current.rank() < order.size()) {
            render.readsInOrder(order.get(current.rank()));
        }
    }

    /**
     * Completes what comes before {@code current} in the order: the pages before its rank, and,
     * for a page, the listed pages placed just before it too.
     */
    private void completeBefore(Reader current) {
        completeBefore(current.rank(), !current.listed());
    }

    /**
     * Completes every page before {@code rank} in the order, content and layout, in order, each
     * after the listed pages placed before it are read, and with {@code listedThere} the listed
     * pages placed at {@code rank} too: a page only ever waits for what comes before it, and a
     * listed page for the pages before its place, so this cannot wait for itself.
     */
    private void completeBefore(int rank, boolean listedThere) {
        OnDemand render = onDemand;
        for (int i = complete.get(); i < rank; i++) {
            readListedAt(i);
            render.complete(order.get(i));
            complete.accumulateAndGet(i + 1, Math::max);
        }
        if (listedThere) {
            readListedAt(rank);
        }
    }

    /**
     * Reads, once each and in the order listed, the listed pages placed at {@code place}, each as
     * a reader there: the excerpts such a page reads first are fixed as it sees the site. What
     * this thread was rendering does not count their reads as its own.
     */
    private void readListedAt(int place) {
        for (ListedRender listed : listedAt.getOrDefault(place, List.of())) {
            once(listedRead, listed, () -> {
                int[] reads = placeReads.get();
                int before = reads[0];
                Set<PageDrop> rendering = excerptsRendering.get();
                Set<PageDrop> read = excerptsRead.get();
                excerptsRendering.set(new java.util.HashSet<>());
                excerptsRead.set(new java.util.HashSet<>());
                try (Reading reading = reading(new Reader(place, false, null, true))) {
                    listed.read().run();
                } finally {
                    reads[0] = before;
                    excerptsRendering.set(rendering);
                    excerptsRead.set(read);
                }
            });
        }
    }
}
