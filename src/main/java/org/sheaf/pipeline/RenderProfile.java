package org.sheaf.pipeline;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the render stage spent its time, for {@code sheaf build --profile} (what Hugo's
 * {@code --templateMetrics} shows): each page's own time (Liquid, Markdown and its layouts),
 * and each layout's total over the pages that start their chain with it. Safe to record into
 * from the render threads.
 */
public final class RenderProfile {
    /** One measured thing: a page or a layout, how often it ran, and for how long in all. */
    public record Entry(String name, long count, Duration total) {
        public Duration average() {
            return count == 0 ? Duration.ZERO : total.dividedBy(count);
        }
    }

    private final Map<String, LongAdder> pageNanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> layoutNanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> layoutCounts = new ConcurrentHashMap<>();

    void page(String sitePath, long nanos) {
        pageNanos.computeIfAbsent(sitePath, k -> new LongAdder()).add(nanos);
    }

    void layout(String name, long nanos) {
        layoutNanos.computeIfAbsent(name, k -> new LongAdder()).add(nanos);
        layoutCounts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** The slowest pages, slowest first. */
    public List<Entry> slowestPages(int limit) {
        return pageNanos.entrySet().stream()
                .map(e -> new Entry(e.getKey(), 1, Duration.ofNanos(e.getValue().sum())))
                .sorted(Comparator.comparing(Entry::total).reversed().thenComparing(Entry::name))
                .limit(limit).toList();
    }

    /** Every layout chain by its first layout, most total time first. */
    public List<Entry> layouts() {
        return layoutNanos.entrySet().stream()
                .map(e -> new Entry(e.getKey(), layoutCounts.get(e.getKey()).sum(), Duration.ofNanos(e.getValue().sum())))
                .sorted(Comparator.comparing(Entry::total).reversed().thenComparing(Entry::name))
                .toList();
    }
}
