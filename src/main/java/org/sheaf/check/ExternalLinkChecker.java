package org.sheaf.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sheaf.diag.Diagnostic;

/**
 * Checks links to other sites over HTTP: each distinct address once (so a link on every page
 * costs one request), at most {@code concurrency} at a time, each within {@code timeout}.
 * A {@code HEAD} is tried first; servers that refuse it (405, 501, 403) get a {@code GET}.
 * Redirects are followed. A status of 400 or more, a time-out or a failed connection is broken.
 */
public final class ExternalLinkChecker {
    private final int concurrency;
    private final Duration timeout;

    /** The outcome for one address: an HTTP status, or {@code status 0} and what went wrong. */
    public record Outcome(String url, int status, String failure) {
        public boolean ok() {
            return failure == null && status < 400;
        }

        String hint() {
            return failure != null ? failure : "HTTP " + status;
        }
    }

    public ExternalLinkChecker(int concurrency, Duration timeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.timeout = timeout;
    }

    /** The outcome of every distinct address in {@code urls}, by address. */
    public Map<String, Outcome> fetch(Collection<String> urls) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "sheaf-check");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Future<Outcome>> pending = new TreeMap<>();
        try {
            for (String url : new TreeSet<>(urls)) {
                pending.put(url, pool.submit(() -> fetchOne(client, url)));
            }
            Map<String, Outcome> outcomes = new TreeMap<>();
            for (Map.Entry<String, Future<Outcome>> entry : pending.entrySet()) {
                try {
                    outcomes.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    outcomes.put(entry.getKey(), new Outcome(entry.getKey(), 0, "failed: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.put(entry.getKey(), new Outcome(entry.getKey(), 0, "interrupted"));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fetches every external link of {@code report} and returns the broken ones, placed like internal ones. */
    public List<Diagnostic> check(LinkChecker checker, LinkChecker.Report report) {
        Map<String, Outcome> outcomes = fetch(report.external().stream().map(LinkChecker.ExternalLink::url).toList());
        List<Diagnostic> broken = new ArrayList<>();
        for (LinkChecker.ExternalLink link : report.external()) {
            Outcome outcome = outcomes.get(link.url());
            if (!outcome.ok()) {
                broken.add(checker.brokenAt(link.page(), link.url(), link.occurrence(), link.htmlPosition(),
                        outcome.hint()));
            }
        }
        broken.sort(null);
        return broken;
    }

    private Outcome fetchOne(HttpClient client, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(url, 0, "not a valid address");
        }
        try {
            int status = send(client, uri, "HEAD");
            if (status == 405 || status == 501 || status == 403) {
                status = send(client, uri, "GET");
            }
            return new Outcome(url, status, null);
        } catch (HttpTimeoutException e) {
            return new Outcome(url, 0, "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome(url, 0, "cannot connect: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(url, 0, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Outcome(url, 0, "not a valid address");
        }
    }

    private int send(HttpClient client, URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "sheaf-check")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
