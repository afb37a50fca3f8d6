package org.sheaf.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;
import org.sheaf.diag.SiteFiles;

/**
 * Finds where a link is written in its page's source: the {@code n}-th occurrence of the link's
 * text as the writer typed it ({@code &} may also be typed {@code &amp;}), standing on its own
 * (between brackets, quotes or spaces, so {@code /b/} is not found inside {@code ../b/}); failing
 * that, the first such occurrence, then the first occurrence anywhere. A link that the source does
 * not spell out (one from a layout or an include) is not found. Thread-safe.
 */
final class SourceLocator {
    private final Path siteRoot;
    private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();

    SourceLocator(Path siteRoot) {
        this.siteRoot = siteRoot;
    }

    /** The line and column (1-based) of the {@code occurrence}-th (0-based) spelling of {@code link}. */
    Optional<Position> find(String origin, String link, int occurrence) {
        Optional<String> text = texts.computeIfAbsent(origin, this::read);
        if (text.isEmpty() || link.isEmpty()) {
            return Optional.empty();
        }
        for (String spelling : new String[] {link, link.replace("&", "&amp;")}) {
            int at = nth(text.get(), spelling, occurrence, true);
            if (at < 0) {
                at = nth(text.get(), spelling, 0, true);
            }
            if (at < 0) {
                at = nth(text.get(), spelling, 0, false);
            }
            if (at >= 0) {
                return Optional.of(Position.of(text.get(), at));
            }
        }
        return Optional.empty();
    }

    private Optional<String> read(String origin) {
        try {
            Path file = siteRoot.resolve(origin).normalize();
            if (!file.startsWith(siteRoot.normalize())) {
                return Optional.empty();
            }
            return Optional.of(new String(SiteFiles.within(siteRoot).read(file, origin), StandardCharsets.UTF_8));
        } catch (DiagnosticException | RuntimeException e) {
            return Optional.empty();  // no position, then: the link is reported at the file
        }
    }

    private static int nth(String text, String needle, int n, boolean standalone) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            if (standalone && !(opens(text, at - 1) && closes(text, at + needle.length()))) {
                continue;
            }
            if (found++ == n) {
                return at;
            }
        }
        return -1;
    }

    private static boolean opens(String text, int before) {
        return before < 0 || "([<\"'= \t\n".indexOf(text.charAt(before)) >= 0;
    }

    private static boolean closes(String text, int after) {
        return after >= text.length() || ")]>\"' \t\r\n".indexOf(text.charAt(after)) >= 0;
    }
}
