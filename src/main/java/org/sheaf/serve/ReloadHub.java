package org.sheaf.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent events stream that open tabs listen to ({@code /__sheaf/events}).
 *
 * <p>A subscription answers the request with headers and a first comment, then returns: the
 * exchange stays open and the handler's thread goes back to the pool, so open tabs never use up
 * the server's bounded thread pool. Events are written from the thread that calls
 * {@link #send}; a tab that has gone away fails its write and is dropped. Thread-safe.
 */
final class ReloadHub implements AutoCloseable {
    /** A full page reload: the HTML (or the error state) changed. */
    static final String RELOAD = "reload";
    /** Only stylesheets changed: tabs swap them in place. */
    static final String CSS = "css";

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    private record Client(HttpExchange exchange, OutputStream body) {
    }

    void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange, exchange.getResponseBody());
        clients.add(client);
        write(client, "retry: 500\n: connected\n\n");
    }

    /** Sends {@code event} with {@code data} (one line) to every open tab. */
    void send(String event, String data) {
        for (Client client : clients) {
            write(client, "event: " + event + "\ndata: " + data + "\n\n");
        }
    }

    /** Sends a comment, so that tabs which went away are noticed and dropped. */
    void ping() {
        for (Client client : clients) {
            write(client, ": ping\n\n");
        }
    }

    int size() {
        return clients.size();
    }

    private void write(Client client, String text) {
        synchronized (client) {
            try {
                client.body().write(text.getBytes(StandardCharsets.UTF_8));
                client.body().flush();
            } catch (IOException e) {
                drop(client);
            }
        }
    }

    private void drop(Client client) {
        clients.remove(client);
        client.exchange().close();
    }

    @Override
    public void close() {
        for (Client client : clients) {
            drop(client);
        }
    }
}
