package org.sheaf.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.config.ConfigLoader;

/**
 * An inline site served by a {@link DevServer} on an ephemeral loopback port, with helpers for
 * real HTTP requests. Builds at a fixed {@code site.time} so two builds of one source are equal.
 */
final class ServedSite implements AutoCloseable {
    static final Instant TIME = Instant.parse("2020-01-01T00:00:00Z");

    final Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    DevServer server;
    /** {@code site.time} of every build; null for the clock's time, as {@code sheaf serve} builds. */
    Instant time = TIME;

    ServedSite(Path root) {
        this.root = root;
    }

    ServedSite file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BuildOptions options() {
        return new BuildOptions(root, ConfigLoader.Overrides.none(), time, "development");
    }

    /** Builds at the clock's time from now on, as {@code sheaf serve} does. */
    ServedSite atTheClock() {
        time = null;
        return this;
    }

    ServedSite start() throws IOException {
        server = DevServer.start(options(), new InetSocketAddress("127.0.0.1", 0),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    String text(String path) throws IOException, InterruptedException {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code rawPath} exactly as written on the request line (no client normalises it) and
     * returns the whole response as text.
     */
    String raw(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            request.flush();
            InputStream response = socket.getInputStream();
            return new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
