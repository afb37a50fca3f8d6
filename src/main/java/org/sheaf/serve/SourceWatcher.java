package org.sheaf.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sheaf.incremental.SourceChanges;
import org.slf4j.helpers.NOPLogger;

/**
 * Watches folders recursively (directory-watcher: native events on macOS, the JDK's watch service
 * elsewhere) and calls {@code onChange} once a burst of changes has been quiet for the debounce
 * time, with the changes of that burst: the files written to, those created or deleted, and whether
 * events were lost (an overflow) or a folder changed ({@link SourceChanges#lost()}). {@code
 * onChange} runs on one thread of its own, so two calls never overlap; changes that arrive while
 * it runs are gathered for one more call after it.
 */
final class SourceWatcher implements AutoCloseable {
    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService scheduler;
    private final Predicate<Path> ignored;
    private final Duration debounce;
    private final Consumer<SourceChanges> onChange;
    private ScheduledFuture<?> pending;
    private Set<Path> written = new HashSet<>();
    private Set<Path> entries = new HashSet<>();
    private boolean lost;

    SourceWatcher(List<Path> roots, Predicate<Path> ignored, Duration debounce, Consumer<SourceChanges> onChange)
            throws IOException {
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
        boolean overflow = event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || path == null;
        if (!overflow && ignored.test(path)) {
            return;
        }
        synchronized (this) {
            if (overflow || event.isDirectory()) {
                lost = true;
            } else {
                Path file = path.toAbsolutePath().normalize();
                written.add(file);
                if (event.eventType() != DirectoryChangeEvent.EventType.MODIFY) {
                    entries.add(file);
                }
            }
            if (pending != null) {
                pending.cancel(false);
            }
            pending = scheduler.schedule(this::fire, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Hands the changes gathered so far to {@code onChange}; later ones gather for the next call. */
    private void fire() {
        SourceChanges changes;
        synchronized (this) {
            changes = new SourceChanges(written, entries, lost);
            written = new HashSet<>();
            entries = new HashSet<>();
            lost = false;
        }
        onChange.accept(changes);
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        watcher.close();
    }
}
