package org.sheaf.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sheaf.diag.Diagnostic;
import org.sheaf.output.SiteSnapshot;

/**
 * Serves one {@link SiteSnapshot} over HTTP the way GitHub Pages serves the built folder.
 *
 * <ul>
 *   <li>The site lives under {@code baseurl}; {@code /} and the bare base redirect to {@code baseurl/}.</li>
 *   <li>A path ending in {@code /} serves its {@code index.html}; a folder named without the slash
 *       redirects to it; {@code /about} serves {@code about.html} when that exists.</li>
 *   <li>A miss serves the site's {@code 404.html} with status 404 (plain text when there is none).</li>
 *   <li>Paths are decoded and checked by {@link RequestPaths}; a refused path gets 400. Files are
 *       looked up by key in the snapshot, never on disk, so nothing outside the built site can be sent.</li>
 *   <li>HTML gets the live-reload script and, while the last build failed, the error overlay.</li>
 * </ul>
 *
 * <p>Requests run on a pool that has a thread for every connection the server accepts (at most
 * {@link #MAX_CONNECTIONS}; the JDK's server closes more at once); a client must send its request
 * within {@link #REQUEST_SECONDS} seconds or its connection is closed, so clients that open
 * connections and stall (slowloris) neither hold threads for long nor keep others waiting. Should
 * the pool still be full, the accepting thread runs the request itself. Only GET and HEAD are
 * served. The served state is replaced whole by {@link #show}, so a request sees one site.
 */
final class SiteServer implements AutoCloseable {
    /** What is being served: the last good site, its base, and the errors of a later failed build. */
    record State(SiteSnapshot site, String baseurl, List<Diagnostic> errors, boolean built) {
        State {
            errors = List.copyOf(errors);
        }
    }

    private final HttpServer http;
    private final ExecutorService pool;
    private final ReloadHub hub = new ReloadHub();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sheaf-ping");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State state = new State(SiteSnapshot.EMPTY, "", List.of(), false);

    /** Seconds a client has to send a request's line and headers before its connection is closed. */
    static final int REQUEST_SECONDS = 10;
    /** Connections open at once; more are closed as soon as they are accepted. */
    static final int MAX_CONNECTIONS = 200;

    static {
        // The JDK's server reads these once, on first use. It writes a response's headers and body
        // apart; with Nagle's algorithm on, the body then waits for the client's delayed ACK of the
        // headers: 40 ms on every request of a kept-alive connection, which is how browsers fetch.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // A request is read on a pool thread, so a client that sends one byte and stalls holds a
        // thread until the request is complete: without a limit, eight such clients held them all.
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    SiteServer(InetSocketAddress address) throws IOException {
        http = HttpServer.create(address, 512);
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 2);
        AtomicInteger count = new AtomicInteger();
        // A thread for every connection the server accepts, so stalled clients (closed after
        // REQUEST_SECONDS) cannot keep a good one waiting for a thread; idle ones end after 30 s.
        pool = new ThreadPoolExecutor(threads, MAX_CONNECTIONS + threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "sheaf-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    void start() {
        http.start();
        pinger.scheduleWithFixedDelay(hub::ping, 15, 15, TimeUnit.SECONDS);
    }

    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address() {
        return http.getAddress();
    }

    ReloadHub hub() {
        return hub;
    }

    State state() {
        return state;
    }

    void show(State next) {
        state = next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "method not allowed\n");
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (PageDecorator.EVENTS_PATH.equals(raw) && method.equals("GET")) {
                hub.subscribe(exchange);
                return;
            }
            Optional<String> decoded = RequestPaths.decode(raw);
            if (decoded.isEmpty()) {
                text(exchange, 400, "bad request path\n");
                return;
            }
            serve(exchange, decoded.get(), state);
        } catch (IOException | RuntimeException e) {
            exchange.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private void serve(HttpExchange exchange, String path, State current) throws IOException {
        String base = current.baseurl();
        if (!current.built()) {
            send(exchange, 500, "text/html; charset=utf-8", PageDecorator.errorPage(current.errors()));
            return;
        }
        if (!base.isEmpty() && (path.equals("/") || path.equals(base))) {
            redirect(exchange, base + "/");
            return;
        }
        if (!path.startsWith(base + "/")) {
            notFound(exchange, current);
            return;
        }
        String rest = path.substring(base.length() + 1);
        var files = current.site().files();
        String key = rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest;
        if (files.containsKey(key)) {
            sendFile(exchange, 200, key, files.get(key), current);
        } else if (!rest.isEmpty() && files.containsKey(rest + "/index.html")) {
            redirect(exchange, path + "/");
        } else if (!rest.isEmpty() && !rest.endsWith("/") && files.containsKey(rest + ".html")) {
            sendFile(exchange, 200, rest + ".html", files.get(rest + ".html"), current);
        } else {
            notFound(exchange, current);
        }
    }

    private void notFound(HttpExchange exchange, State current) throws IOException {
        byte[] page = current.site().files().get("404.html");
        if (page != null) {
            sendFile(exchange, 404, "404.html", page, current);
        } else {
            text(exchange, 404, "404 not found\n");
        }
    }

    private void sendFile(HttpExchange exchange, int status, String key, byte[] bytes, State current)
            throws IOException {
        String type = ContentTypes.of(key);
        byte[] body = ContentTypes.isHtml(key) ? PageDecorator.decorate(bytes, current.errors()) : bytes;
        send(exchange, status, type, body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        text(exchange, 302, "see " + location + "\n");
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        hub.close();
        http.stop(0);
        pool.shutdownNow();
    }
}
