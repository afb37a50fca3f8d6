package org.sheaf.incremental;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.SiteFiles;
import org.sheaf.pipeline.SourceLoader;
import org.sheaf.source.FrontMatter;
import org.sheaf.source.SourceFile;

/**
 * The parse stage's results from the last build, so that an incremental build parses again only
 * the files whose bytes changed: YAML front matter is most of the parse stage's time, and an edit
 * changes one file. A file's parse is reused only when its bytes, its site path and the time zone
 * are exactly those it was parsed with, so no timestamp is trusted. The file is read to compare
 * its bytes, unless the caller vouches that it was not written to since ({@link #trustAllBut}:
 * the dev server's watcher saw no event for it).
 *
 * <p>The reused front matter is a deep copy (mappings as {@link LinkedHashMap}, sequences as
 * {@link ArrayList}, as the YAML parser makes them), so nothing a build does to its values can
 * reach the next build. Files that failed to parse are not kept; they are parsed (and reported)
 * again. Thread-safe: the parse stage runs in parallel.
 */
final class ParseCache {
    private record Entry(byte[] bytes, String sitePath, ZoneId zone, FrontMatter frontMatter) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger unread = new AtomicInteger();
    private volatile Set<Path> changed;

    /**
     * Trusts, for the next build, that every kept file not in {@code changed} still has the bytes
     * it was parsed from ({@code sheaf serve}'s watcher saw no write to it); null trusts nothing.
     */
    void trustAllBut(Set<Path> changed) {
        this.changed = changed;
    }

    /**
     * The kept parse of a file trusted unchanged ({@link #trustAllBut}), as a fresh copy, without
     * reading the file; null when the file is not trusted or not kept.
     */
    FrontMatter unchanged(Path file, String sitePath, ZoneId zone) {
        Set<Path> trusted = changed;
        if (trusted == null || trusted.contains(file)) {
            return null;
        }
        Entry entry = entry(file, sitePath, zone);
        if (entry == null) {
            return null;
        }
        hits.incrementAndGet();
        unread.incrementAndGet();
        return copyOf(entry.frontMatter());
    }

    /**
     * The kept parse of a file, whatever its bytes are now, to compare with and not to change; null
     * when the file is not kept with this site path and zone.
     */
    FrontMatter kept(Path file, String sitePath, ZoneId zone) {
        Entry entry = entry(file, sitePath, zone);
        return entry == null ? null : entry.frontMatter();
    }

    /** The front matter parsed from exactly these bytes last time, as a fresh copy; null when not known. */
    FrontMatter get(Path file, byte[] bytes, String sitePath, ZoneId zone) {
        Entry entry = entry(file, sitePath, zone);
        if (entry == null || !Arrays.equals(entry.bytes(), bytes)) {
            return null;
        }
        hits.incrementAndGet();
        return copyOf(entry.frontMatter());
    }

    /** The kept entry of {@code file} when it was parsed with this site path and zone; null otherwise. */
    private Entry entry(Path file, String sitePath, ZoneId zone) {
        Entry entry = entries.get(file);
        return entry == null || !entry.sitePath().equals(sitePath) || !entry.zone().equals(zone) ? null : entry;
    }

    private static FrontMatter copyOf(FrontMatter kept) {
        return new FrontMatter(copy(kept.data()), kept.positions(), kept.body(), kept.bodyLine());
    }

    /**
     * The front matter of {@code file}, as the parse stage's {@link SourceLoader.Reader}: kept
     * unread when trusted, kept when its bytes are those it was parsed from, else parsed and kept.
     */
    FrontMatter read(SiteFiles reader, SourceFile file, ZoneId zone) throws DiagnosticException {
        FrontMatter trusted = unchanged(file.file(), file.sitePath(), zone);
        if (trusted != null) {
            return trusted;
        }
        byte[] bytes = reader.read(file.file(), file.sitePath());
        FrontMatter kept = get(file.file(), bytes, file.sitePath(), zone);
        if (kept != null) {
            return kept;
        }
        FrontMatter parsed = SourceLoader.parse(bytes, file, zone);
        put(file.file(), bytes, file.sitePath(), zone, parsed);
        return parsed;
    }

    /** Remembers the parse of {@code bytes}; the front matter is copied so later changes to it are not kept. */
    void put(Path file, byte[] bytes, String sitePath, ZoneId zone, FrontMatter frontMatter) {
        entries.put(file, new Entry(bytes, sitePath, zone, new FrontMatter(copy(frontMatter.data()),
                frontMatter.positions(), frontMatter.body(), frontMatter.bodyLine())));
    }

    /** Forgets every file but {@code files} (those of the last scan), and counts hits afresh. */
    void retain(Set<Path> files) {
        entries.keySet().retainAll(files);
        hits.set(0);
        unread.set(0);
    }

    /** Of the files whose parse was reused since the last {@link #retain}, those not even read. */
    int unread() {
        return unread.get();
    }

    /** Files whose parse was reused since the last {@link #retain}; approximate for tests and reports. */
    int hits() {
        return hits.get();
    }

    int size() {
        return entries.size();
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((key, item) -> copy.put(key, copy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return value;
    }
}
