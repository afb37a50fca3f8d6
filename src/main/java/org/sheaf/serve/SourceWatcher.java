package org.sheaf.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.helpers.NOPLogger;

/**
 * Watches folders recursively (directory-watcher: native events on macOS, the JDK's watch service
 * elsewhere) and calls {@code onChange} once a burst of changes has been quiet for the debounce
 * time. {@code onChange} runs on one thread of its own, so two calls never overlap; changes that
 * arrive while it runs schedule one more call after it.
 */
final class SourceWatcher implements AutoCloseable {
    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService scheduler;
    private final Predicate<Path> ignored;
    private final Duration debounce;
    private final Runnable onChange;
    private ScheduledFuture<?> pending;

    SourceWatcher(List<Path> roots, Predicate<Path> ignored, Duration debounce, Runnable onChange) throws IOException {
        this.ignored = ignored;
        this.debounce = debounce;
        this.onChange = onChange;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sheaf-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        this.watcher = DirectoryWatcher.builder()
                .paths(roots)
                .fileHashing(false)
                .logger(NOPLogger.NOP_LOGGER)
                .listener(this::changed)
                .build();
    }

    void start() {
        watcher.watchAsync(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sheaf-watch");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private void changed(DirectoryChangeEvent event) {
        Path path = event.path();
        if (event.eventType() != DirectoryChangeEvent.EventType.OVERFLOW && path != null && ignored.test(path)) {
            return;
        }
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            pending = scheduler.schedule(onChange, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        watcher.close();
    }
}
