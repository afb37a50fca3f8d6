package org.sheaf.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads pages render on: one per core, each with a {@value #STACK_MIB} MiB stack.
 *
 * <p>flexmark and Liqp parse and render by recursion, one level of Java calls (about a
 * kilobyte of stack) per level of nesting in the text, so on the JVM's usual 1 MiB stack a page
 * of 1,000 nested {@code >}, 500 nested list items or 1,000 nested {@code {% if %}} overflowed
 * it. A big stack reserves address space; memory is taken only as deep text uses it.
 * What still overflows is reported by {@link PageRenderer} as an error of its page.
 *
 * <p>Used for one render stage and closed after it; the threads are daemons, so a render that
 * never ends cannot keep the JVM alive.
 */
final class RenderThreads implements AutoCloseable {
    static final int STACK_MIB = 256;

    private final int size = Runtime.getRuntime().availableProcessors();
    private final ExecutorService pool;

    RenderThreads() {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(null, task, "sheaf-render-" + count.incrementAndGet(), (long) STACK_MIB << 20);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code action} on every item, in parallel, and returns when all have run. The first
     * exception or error an action throws stops the items not yet started and is thrown here.
     *
     * @throws CancellationException when the calling thread is interrupted while waiting (its
     *                               interrupt flag is set again); items not yet started are skipped
     */
    <T> void forEach(List<T> items, Consumer<? super T> action) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(size, items.size()); i++) {
            workers.add(pool.submit(() -> {
                int item;
                while (!stop.get() && (item = next.getAndIncrement()) < items.size()) {
                    try {
                        action.accept(items.get(item));
                    } catch (RuntimeException | Error e) {
                        stop.set(true);
                        throw e;
                    }
                }
            }));
        }
        Throwable failure = null;
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("rendering was interrupted");
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
