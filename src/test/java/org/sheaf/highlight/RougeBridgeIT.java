package org.sheaf.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;
import org.sheaf.pipeline.TestSite;

/**
 * A build's highlighting with Rouge running: languages sheaf has no lexer for go to Rouge itself,
 * one Ruby process serving every block (tests that need Ruby with Rouge are skipped where it is
 * missing), and are plain text with one warning when Rouge fails. The failures are played by small
 * {@code ruby} stand-ins on a {@code PATH} of their own.
 */
class RougeBridgeIT {
    private static final String HASKELL = "main :: IO ()\nmain = print (1 + 2) -- three\n";
    private static final String HINT = HighlightingTest.HINT;
    private static final String FAILED = "    hint: Rouge is installed but failed here; the code is written in full, without colour";

    @TempDir
    Path dir;

    @Test
    void coloursOtherLanguagesAsRougeItselfDoes() throws IOException, InterruptedException {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        Highlighting highlighting = Highlighting.withRouge("_config.yml", new Position(1, 1));
        assertEquals(rouge("haskell", HASKELL), highlighting.html("haskell", HASKELL));
        assertEquals(rouge("hs", HASKELL), highlighting.html("hs", HASKELL));
        // Rouge's options go to Rouge, even for a language sheaf lexes itself
        assertEquals(rouge("console?lang=ruby", "$ puts 1\n"), highlighting.html("console?lang=ruby", "$ puts 1\n"));
        // Markdown with a block in such a language goes to Rouge whole
        String notes = "# Notes\n\n```haskell\nmain = print 1\n```\n\n```ruby\nx = 1\n```\n";
        assertEquals(rouge("markdown", notes), highlighting.html("markdown", notes));
        // sheaf's own lexers, and plain text for what Rouge does not know, never reach Rouge
        assertEquals(Highlighter.html("ruby", "x = 1\n"), highlighting.html("ruby", "x = 1\n"));
        assertEquals("a &lt; b\n", highlighting.html("Haskell", "a < b\n"));
        assertTrue(highlighting.startup().isPresent());
        assertEquals(Optional.empty(), highlighting.finish());
        // the next render, as the dev server's next edit, finds Rouge still running
        assertEquals(rouge("lua", "local x = 1\n"), highlighting.html("lua", "local x = 1\n"));
        assertEquals(Optional.empty(), highlighting.finish());
        assertEquals(1, highlighting.starts());
    }

    @Test
    void endsRougeWhenNoRenderHasUsedItForAWhile() throws InterruptedException {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        Highlighting highlighting = Highlighting.withRouge(System.getenv("PATH"), Duration.ofSeconds(30),
                Duration.ofMillis(200), "_config.yml", new Position(1, 1));
        String first = highlighting.html("lua", "local x = 1\n");
        assertEquals(Optional.empty(), highlighting.finish());
        Thread.sleep(1_500);
        assertEquals(first, highlighting.html("lua", "local x = 1\n"));
        assertEquals(Optional.empty(), highlighting.finish());
        assertEquals(2, highlighting.starts(), "Rouge ended while idle and started again");
    }

    @Test
    void startsRougeEarlyForPagesThatWillNeedIt() throws InterruptedException {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        Highlighting highlighting = Highlighting.withRouge("_config.yml", new Position(1, 1));
        highlighting.startEarly(List.of("no code", "```ruby\nx = 1\n```", "```elixir\nIO.puts 1\n```"));
        for (int i = 0; i < 300 && highlighting.startup().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(highlighting.startup().isPresent(), "Rouge did not start early");
        assertTrue(highlighting.html("elixir", "IO.puts 1\n").startsWith("<span class=\"no\">IO</span>"));
        assertEquals(Optional.empty(), highlighting.finish());
    }

    @Test
    void servesBlocksFromManyThreadsAtOnce() throws Exception {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        Highlighting highlighting = Highlighting.withRouge("_config.yml", new Position(1, 1));
        List<String> languages = List.of("haskell", "lua", "perl", "scala", "elixir", "r");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            expected.add(highlighting.html(languages.get(i % languages.size()), "x = " + i + " # " + "<&>".repeat(i) + "\n"));
        }
        assertEquals(rouge("lua", "x = 1 # <&>\n"), expected.get(1));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                int n = i;
                answers.add(pool.submit(() -> highlighting.html(languages.get(n % languages.size()),
                        "x = " + n + " # " + "<&>".repeat(n) + "\n")));
            }
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), answers.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            highlighting.finish();
        }
    }

    @Test
    void knowsExactlyTheNamesRougeKnows() throws IOException, InterruptedException {
        assumeTrue(TestSite.rougeInstalled(), "Ruby with Rouge is not installed");
        String version = ruby("print Rouge.version");
        assumeTrue(version.startsWith("3.30."), "Rouge " + version + " is not the Rouge of Jekyll 4.3.1's fixtures");
        Set<String> names = new TreeSet<>(Arrays.asList(ruby(
                "print Rouge::Lexer.all.flat_map { |l| [l.tag] + l.aliases }.join(' ')").split(" ")));
        for (String name : names) {
            assertTrue(Highlighter.knows(name), name);
        }
        // not a lexer's name, but find_fancy's request to guess: kramdown keeps Rouge's wrapper for it
        assertTrue(Highlighter.knows("guess"));
        for (String unknown : List.of("Haskell", "RUBY", "Guess", "no-such-language", "hs ")) {
            assertTrue(!Highlighter.knows(unknown), unknown);
        }
    }

    @Test
    void warnsWhenRubyCannotLoadRouge() throws IOException {
        fakeRuby("echo 'missing cannot load such file -- rouge'\n");
        Highlighting highlighting = onPath(Duration.ofSeconds(5), new Position(1, 1));
        assertEquals("x", highlighting.html("perl", "x"));
        assertEquals("_config.yml:1:1: warning: code in perl is written uncoloured: Ruby cannot load Rouge"
                + " (cannot load such file -- rouge)\n" + HINT, highlighting.finish().map(Diagnostic::format).orElse(""));
    }

    @Test
    void endsRougeWhenAnAnswerDoesNotComeInTime() throws IOException {
        fakeRuby("echo 'rouge 3.30.0'\nexec sleep 60\n");
        Highlighting highlighting = onPath(Duration.ofSeconds(1), new Position(1, 1));
        long started = System.nanoTime();
        assertEquals("x", highlighting.html("scala", "x"));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
        assertEquals("_config.yml:1:1: warning: code in scala is written uncoloured: Rouge did not answer within 1 s\n"
                + FAILED, highlighting.finish().map(Diagnostic::format).orElse(""));
    }

    @Test
    void saysWhatRougeWroteWhenItStops() throws IOException {
        fakeRuby("echo 'rouge 3.30.0'\necho 'undefined method for nil' >&2\nexit 3\n");
        Highlighting highlighting = onPath(Duration.ofSeconds(5), new Position(1, 1));
        assertEquals("x", highlighting.html("julia", "x"));
        assertEquals("_config.yml:1:1: warning: code in julia is written uncoloured: Rouge stopped (exit status 3):"
                + " undefined method for nil\n" + FAILED, highlighting.finish().map(Diagnostic::format).orElse(""));
    }

    @Test
    void stopsRougeThatAnswersOutOfProtocol() throws IOException {
        fakeRuby("echo 'rouge 3.30.0'\nread header\necho 'Traceback (most recent call last)'\nread end\n");
        Highlighting highlighting = onPath(Duration.ofSeconds(5), new Position(1, 1));
        assertEquals("x", highlighting.html("ocaml", "x"));
        assertEquals("_config.yml:1:1: warning: code in ocaml is written uncoloured: Rouge answered out of protocol\n"
                + FAILED, highlighting.finish().map(Diagnostic::format).orElse(""));
    }

    @Test
    void writesOneBlockPlainWhenRougeFailsOnItAndGoesOn() throws IOException {
        fakeRuby("echo 'rouge 3.30.0'\nread header\nprintf 'error 20\\nArgumentError: boom!'\n"
                + "read more\nprintf 'ok 11\\n<b>lua</b>\\n'\nread end\n");
        Highlighting highlighting = onPath(Duration.ofSeconds(5), new Position(1, 1));
        assertEquals("x &lt;\n", highlighting.html("perl", "x <\n"));
        assertEquals("<b>lua</b>\n", highlighting.html("lua", "\n"));
        assertEquals("_config.yml:1:1: warning: code in perl is written uncoloured: Rouge failed on code in perl:"
                + " ArgumentError: boom!\n" + FAILED, highlighting.finish().map(Diagnostic::format).orElse(""));
    }

    /** A {@code ruby} that runs {@code body} as a shell script, alone on {@link #dir}. */
    private void fakeRuby(String body) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to play Ruby");
        Path ruby = dir.resolve("ruby");
        Files.writeString(ruby, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(ruby, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** What Rouge itself writes for the code: its HTML formatter, the lexer {@code find_fancy} finds. */
    private String rouge(String language, String code) throws IOException, InterruptedException {
        Path input = Files.createTempFile(dir, "code", ".txt");
        Files.writeString(input, code, StandardCharsets.UTF_8);
        return ruby("code = File.binread(ARGV[1]).force_encoding('UTF-8'); "
                + "print Rouge::Formatters::HTML.new.format(Rouge::Lexer.find_fancy(ARGV[0], code).lex(code))",
                language, input.toString());
    }

    private static String ruby(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ruby", "-rrouge", "-e", program));
        command.addAll(List.of(arguments));
        Process ruby = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(ruby.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ruby.waitFor(60, TimeUnit.SECONDS) && ruby.exitValue() == 0, "ruby failed: " + program);
        return out;
    }

    /** A highlighting whose {@code PATH} is {@link #dir} alone, with the time limit given. */
    private Highlighting onPath(Duration limit, Position warningAt) {
        return Highlighting.withRouge(dir.toString(), limit, Highlighting.IDLE, "_config.yml", warningAt);
    }
}
