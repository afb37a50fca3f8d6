package org.sheaf.highlight;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Ruby process running Rouge: sheaf's {@code rouge-server.rb}, started with {@code ruby -e}
 * (no shell), answering one request at a time over its standard input and output (the protocol
 * is described in the script). Its standard error is kept, the last few lines of it, to say why
 * it failed. The process ends when this object closes its input, or is ended when an answer
 * does not come in time.
 *
 * <p>Thread-safe: requests are served one at a time, as the process serves them anyway.
 */
final class RougeProcess implements AutoCloseable {
    private static final String SCRIPT = script();
    private static final int ERROR_TAIL = 2_000;

    private final Process process;
    private final OutputStream requests;
    private final InputStream answers;
    private final String version;
    private final Duration limit;
    private final StringBuffer errors = new StringBuffer();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;
    private final Thread drain;

    /** Rouge could not be used: not installed, failed to start, died, or did not answer in time. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        Failure(String message) {
            this(message, false);
        }

        Failure(String message, boolean missing) {
            super(message, null, false, false);
            this.missing = missing;
        }

        /** Whether Ruby or Rouge is not installed (rather than Rouge failing). */
        boolean missing() {
            return missing;
        }
    }

    private RougeProcess(Process process, Duration limit) throws Failure {
        this.process = process;
        this.limit = limit;
        this.requests = process.getOutputStream();
        this.answers = new BufferedInputStream(process.getInputStream());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sheaf-rouge-time-limit");
            thread.setDaemon(true);
            return thread;
        });
        this.drain = new Thread(this::keepErrors, "sheaf-rouge-stderr");
        drain.setDaemon(true);
        drain.start();
        String greeting = timed("start", () -> line());
        if (greeting.startsWith("missing ")) {
            close();
            throw new Failure("Ruby cannot load Rouge (" + greeting.substring("missing ".length()) + ")", true);
        }
        if (!greeting.startsWith("rouge ")) {
            close();
            throw new Failure("Ruby did not start sheaf's Rouge bridge" + said());
        }
        this.version = greeting.substring("rouge ".length());
    }

    /**
     * Starts Rouge with the {@code ruby} found in {@code searchPath} (a {@code PATH} value), waiting
     * up to {@code limit} for it to load and for each answer later.
     *
     * @throws Failure when there is no {@code ruby}, it cannot load Rouge, or it does not start in time
     */
    static RougeProcess start(String searchPath, Duration limit) throws Failure {
        Path ruby = ruby(searchPath).orElseThrow(() -> new Failure("Ruby is not installed (no ruby on PATH)", true));
        ProcessBuilder builder = new ProcessBuilder(List.of(ruby.toString(), "--disable=did_you_mean", "-e", SCRIPT));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Failure("cannot run " + ruby + ": " + e.getMessage());
        }
        return new RougeProcess(process, limit);
    }

    /** The first executable {@code ruby} in the folders of a {@code PATH} value. */
    static Optional<Path> ruby(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            for (String name : List.of("ruby", "ruby.exe")) {
                Path candidate = Path.of(folder).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the process runs and this object has not closed it. */
    boolean alive() {
        return !closed && process.isAlive();
    }

    /** Rouge's version, as it said when it started. */
    String version() {
        return version;
    }

    /**
     * Rouge's HTML for {@code code} in the language named (as written, options and all: Rouge
     * resolves the name); the language's lexer is Rouge's plain text when Rouge finds none.
     *
     * @throws Failure when the process died or did not answer in time (it is then ended), or when
     *                 Rouge raised an error for this code (the process goes on)
     */
    synchronized String html(String language, String code) throws Failure {
        byte[] name = language.getBytes(StandardCharsets.UTF_8);
        byte[] text = code.getBytes(StandardCharsets.UTF_8);
        String[] header = timed("answer", () -> {
            requests.write((name.length + " " + text.length + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.write(name);
            requests.write(text);
            requests.flush();
            return line().split(" ", 2);
        });
        int size = header.length == 2 && header[1].matches("\\d{1,9}") ? Integer.parseInt(header[1]) : -1;
        if (size < 0 || !header[0].equals("ok") && !header[0].equals("error")) {
            close();
            throw new Failure("Rouge answered out of protocol" + said());
        }
        byte[] body = timed("answer", () -> answers.readNBytes(size));
        if (body.length != size) {
            close();
            throw new Failure("Rouge stopped in the middle of an answer" + said());
        }
        String answer = new String(body, StandardCharsets.UTF_8);
        if (header[0].equals("error")) {
            throw new Failure("Rouge failed on code in " + language + ": " + answer);
        }
        return answer;
    }

    /** Ends the process: its input closes, so it ends by itself; ended by force if it does not. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            requests.close();
        } catch (IOException e) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    /**
     * Runs a step that waits on the process, ending the process when the step takes longer than
     * the limit (which makes the step's read fail).
     */
    private <T> T timed(String what, Step<T> step) throws Failure {
        // set before the process is ended: the read fails as soon as it is, which may be before the
        // alarm's future counts as done
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired.set(true);
            process.destroyForcibly();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return step.run();
        } catch (IOException e) {
            boolean late = fired.get();
            close();
            if (late) {
                throw new Failure("Rouge did not " + what + " within " + limit.toSeconds() + " s");
            }
            throw new Failure("Rouge stopped (" + exitStatus() + ")" + said());
        } finally {
            alarm.cancel(false);
        }
    }

    /** One line of the process's output without its line break. */
    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = answers.read(); b != '\n'; b = answers.read()) {
            if (b < 0) {
                throw new IOException("end of output");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String exitStatus() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? "exit status " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What the process wrote to its standard error, its last lines, after a colon; empty if nothing. */
    private String said() {
        try {
            // what it wrote is complete once it has ended and its standard error is read to the end
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                drain.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text = errors.toString().strip();
        return text.isEmpty() ? "" : ": " + String.join(" ", text.lines().map(String::strip).toList());
    }

    private void keepErrors() {
        try (InputStream in = process.getErrorStream()) {
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                errors.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (errors.length() > ERROR_TAIL) {
                    errors.delete(0, errors.length() - ERROR_TAIL);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it said so far is kept
        }
    }

    private static String script() {
        try (InputStream in = RougeProcess.class.getResourceAsStream("rouge-server.rb")) {
            if (in == null) {
                throw new IllegalStateException("rouge-server.rb is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
