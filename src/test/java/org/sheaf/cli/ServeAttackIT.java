package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sheaf serve} as a child process, attacked: clients that open connections, send one byte
 * and stall (slowloris) must not keep a normal client from being served, and are cut off; and
 * {@code SIGTERM} stops the server even while a rebuild is running.
 */
class ServeAttackIT {
    private static final Pattern SERVING = Pattern.compile("sheaf: serving (http://\\S+)");
    private static final int STALLED = 24;

    @TempDir
    Path dir;

    private Process server;
    /** What the server printed after it started serving. */
    private final StringWriter output = new StringWriter();
    private Thread drain;
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void stalledConnectionsNeitherLockOutANormalClientNorStayOpen() throws Exception {
        URI site = start();
        for (int i = 0; i < STALLED; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(site.getHost(), site.getPort()), 5_000);
            socket.getOutputStream().write('G');
            socket.getOutputStream().flush();
            stalled.add(socket);
        }
        Thread.sleep(500);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(site.resolve("/")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Served while attacked"), page.body());
        // served while every stalled connection was still held open, not once they were cut off
        for (Socket socket : stalled) {
            socket.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    "a stalled connection was closed before the normal client was served");
        }

        // each stalled connection is closed by the server once its request time is up
        for (Socket socket : stalled) {
            socket.setSoTimeout(30_000);
            assertEquals(-1, socket.getInputStream().read(), "a stalled connection got an answer instead of being closed");
        }
    }

    @Test
    void sigtermStopsTheServerWhileARebuildIsRunning() throws Exception {
        URI site = start();
        // a rebuild that runs until Liquid's 30 s render limit: 4 million iterations, under the cap
        Files.writeString(dir.resolve("site/index.md"), "---\n---\n{% for a in (1..2000) %}{% for b in (1..2000) %}"
                + "{{ a | times: b | append: \"x\" }}{% endfor %}{% endfor %}\n");
        Thread.sleep(3_000);
        server.destroy();
        // the wait only keeps a server that ignores SIGTERM from hanging the run
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop after SIGTERM");
        assertTrue(site.getPort() > 0);
        drain.join(10_000);
        // stopped in the middle of the rebuild: it never reached the render limit that ends it
        assertFalse(output.toString().contains("build failed"), output.toString());
    }

    /** Starts {@code sheaf serve} on a free port and returns its address once it serves. */
    private URI start() throws IOException {
        Path root = dir.resolve("site");
        Files.createDirectories(root);
        Files.writeString(root.resolve("_config.yml"), "title: Attacked\n");
        Files.writeString(root.resolve("index.md"), "---\n---\nServed while attacked.\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", root.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                drain = new Thread(() -> {
                    try {
                        out.transferTo(output);
                    } catch (IOException e) {
                        // the server has stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }
}
