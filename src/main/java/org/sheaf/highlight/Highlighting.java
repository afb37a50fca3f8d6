package org.sheaf.highlight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/**
 * The code colouring of one build: a language sheaf has a lexer for is coloured by it
 * ({@link Highlighter}); any other language Rouge knows is coloured by Rouge itself, when Ruby
 * and Rouge are installed, in one Ruby process that starts at the first such block and serves
 * every later one. Where Rouge is missing (or fails) such code is written as plain text, and
 * {@link #finish}, at the end of each render, returns one warning naming its languages. The
 * process ends {@link #IDLE} (20 seconds) after the last render that used it, so that the dev server's next
 * edit of the same pages does not wait for Ruby to start again; it ends at once with sheaf,
 * whose end closes its input.
 *
 * <p>Thread-safe: pages render in parallel; Rouge serves their blocks one at a time.
 */
public final class Highlighting {
    /** How long Rouge may take to start, and then to colour one block. */
    static final Duration LIMIT = Duration.ofSeconds(30);
    /** How long Rouge stays after a render, for the next one. */
    static final Duration IDLE = Duration.ofSeconds(20);
    private final Duration idle;
    private static final int MAX_REASONS = 3;

    /** The language of a fenced block's opening line, or of a {@code highlight} tag. */
    private static final Pattern CODE_LANGUAGE = Pattern.compile(
            "(?m)^[ \\t>]*(?:`{3,}|~{3,})[ \\t]*([^\\s{`]+)|\\{%-?[ \\t]*highlight[ \\t]+([A-Za-z0-9_+#.-]+)");

    private final boolean rouge;
    private final String searchPath;
    private final Duration limit;
    private final String warningPath;
    private final Position warningAt;
    private final Set<String> uncoloured = new TreeSet<>();
    private final Set<String> reasons = new LinkedHashSet<>();
    /** Whether Ruby or Rouge was missing, rather than failing. */
    private boolean missing;
    private RougeProcess process;
    /** Ends the process when no render has used it for {@link #IDLE}; one daemon thread, made at the first need. */
    private ScheduledExecutorService reaper;
    private ScheduledFuture<?> idleEnd;
    /** Counts the calls of {@link #rouge}: an idle end planned before one is not carried out after it. */
    private long uses;
    /** Counts the calls of {@link #finish}: a start planned before one is not made after it. */
    private int generation;
    /** Why Rouge cannot start, once it failed to: not tried again until {@link #finish}. */
    private RougeProcess.Failure unavailable;
    private Duration startup;
    private int starts;

    private Highlighting(boolean rouge, String searchPath, Duration limit, Duration idle, String warningPath,
            Position warningAt) {
        this.rouge = rouge;
        this.idle = idle;
        this.searchPath = searchPath;
        this.limit = limit;
        this.warningPath = warningPath;
        this.warningAt = warningAt;
    }

    /**
     * sheaf's own lexers alone: other languages are plain text, without a warning. For rendering
     * outside a build (the warm-up, tests of Markdown and Liquid alone).
     */
    public static Highlighting ownLexers() {
        return new Highlighting(false, null, LIMIT, IDLE, "", Position.FILE);
    }

    /**
     * sheaf's lexers, and Rouge for the other languages it knows, found through the {@code ruby}
     * on {@code PATH}. The warning about code left uncoloured is put at {@code path} and
     * {@code position} (where the site chooses its highlighter).
     */
    public static Highlighting withRouge(String path, Position position) {
        return withRouge(System.getenv("PATH"), LIMIT, IDLE, path, position);
    }

    /**
     * {@link #withRouge(String, Position)} with the {@code ruby} of {@code searchPath}, and a time
     * limit and an idle time of its own.
     */
    static Highlighting withRouge(String searchPath, Duration limit, Duration idle, String path, Position position) {
        return new Highlighting(true, searchPath, limit, idle, path, position);
    }

    /**
     * Whether Rouge knows the language by this name or alias (case matters, as it does to Rouge):
     * kramdown writes code in a language Rouge does not know without Rouge's wrapper.
     */
    public boolean knows(String language) {
        return Highlighter.knows(language);
    }

    /**
     * Rouge's HTML for the code in the language named: by sheaf's lexer for it; else by Rouge when
     * Rouge knows the language and can be used; else as plain text (as Rouge writes a language it
     * does not know), the language then noted for {@link #finish}'s warning. A name with Rouge's
     * options ({@code console?lang=ruby}) goes to Rouge even when sheaf has a lexer, which would
     * ignore them, and so does Markdown with a fenced block in a language sheaf does not colour;
     * both go to sheaf's lexer when Rouge cannot be used.
     */
    public String html(String language, String code) {
        // sheaf's lexers take no options (console?lang=ruby), so code with options goes to Rouge too,
        // and so does Markdown with a fenced block in a language for Rouge
        Language lexer = language == null ? null : Highlighter.lexer(language);
        boolean own = lexer != null;
        boolean forRouge = !own || language.indexOf('?') >= 0 || lexer instanceof Markdown && hasRougeCode(code);
        if (!rouge || language == null || !forRouge || !Highlighter.knows(language)) {
            return Highlighter.html(language, code);
        }
        try {
            return rouge().html(language, code);
        } catch (RougeProcess.Failure e) {
            if (!own) {
                synchronized (this) {
                    uncoloured.add(Highlighter.rougeName(language));
                    missing |= e.missing();
                    // a few reasons say enough; each block that failed may have its own
                    if (reasons.size() < MAX_REASONS) {
                        reasons.add(e.getMessage());
                    }
                }
            }
            return Highlighter.html(language, code);
        }
    }

    /**
     * Starts Rouge in the background when one of {@code texts} (pages' bodies, before rendering)
     * has code that Rouge would colour: a fenced block or a {@code highlight} tag in such a
     * language, as far as a glance at the text can tell. Ruby takes a few hundred milliseconds to
     * load Rouge, which then overlap the rendering of the pages before the first such block. A
     * guess, and only a matter of time: code the glance misses starts Rouge when it comes.
     */
    public void startEarly(List<String> texts) {
        if (!rouge) {
            return;
        }
        int planned;
        synchronized (this) {
            if (process != null || unavailable != null) {
                return;
            }
            planned = generation;
        }
        Thread thread = new Thread(() -> {
            for (String text : texts) {
                if (text != null && hasRougeCode(text)) {
                    synchronized (this) {
                        if (generation == planned) {
                            try {
                                rouge();
                            } catch (RougeProcess.Failure e) {
                                // said again, with the languages, by the block that needs Rouge
                            }
                        }
                    }
                    return;
                }
            }
        }, "sheaf-rouge-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the text seems to have a fenced block or {@code highlight} tag in a language for Rouge. */
    static boolean hasRougeCode(String text) {
        if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0 && text.indexOf("highlight") < 0) {
            return false;
        }
        Matcher m = CODE_LANGUAGE.matcher(text);
        while (m.find()) {
            String language = m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (Highlighter.knows(language) && (Highlighter.lexer(language) == null || language.indexOf('?') >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends a render: Rouge, if it runs, is ended after {@link #IDLE} unless a block needs it again
     * (then or later, a block starts it anew); returns the warning about the code written
     * uncoloured since the last call, if any was.
     */
    public Optional<Diagnostic> finish() {
        List<String> languages;
        List<String> why;
        boolean wasMissing;
        synchronized (this) {
            if (process != null) {
                long planned = uses;
                if (reaper == null) {
                    reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "sheaf-rouge-idle");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                if (idleEnd != null) {
                    idleEnd.cancel(false);
                }
                idleEnd = reaper.schedule(() -> endIdle(planned), idle.toMillis(), TimeUnit.MILLISECONDS);
            }
            unavailable = null;
            generation++;
            languages = new ArrayList<>(uncoloured);
            why = new ArrayList<>(reasons);
            wasMissing = missing;
            uncoloured.clear();
            reasons.clear();
            missing = false;
        }
        if (languages.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic warning = Diagnostic.warning(warningPath, warningAt, "code in " + listed(languages)
                + " is written uncoloured: " + why.get(0));
        for (String reason : why.subList(1, why.size())) {
            warning = warning.withHint(reason);
        }
        return Optional.of(warning.withHint(wasMissing
                ? "sheaf colours these languages with Rouge, as Jekyll does: install it "
                        + "(apt-get install ruby-rouge, or gem install rouge) to colour them"
                : "Rouge is installed but failed here; the code is written in full, without colour"));
    }

    /** How many times Rouge was started. */
    synchronized int starts() {
        return starts;
    }

    /** How long Rouge took to start, the last time it did; empty when no block needed it. */
    public synchronized Optional<Duration> startup() {
        return Optional.ofNullable(startup);
    }

    /** Ends Rouge if no block has asked for it since the render that left it idle. */
    private synchronized void endIdle(long planned) {
        if (uses == planned && process != null) {
            process.close();
            process = null;
            idleEnd = null;
            reaper.shutdown();
            reaper = null;
        }
    }

    /** The running Rouge, started now if it is not running. */
    private synchronized RougeProcess rouge() throws RougeProcess.Failure {
        if (unavailable != null) {
            throw unavailable;
        }
        uses++;
        if (idleEnd != null) {
            idleEnd.cancel(false);
            idleEnd = null;
        }
        if (process == null || !process.alive()) {
            long begun = System.nanoTime();
            try {
                starts++;
                process = RougeProcess.start(searchPath, limit);
            } catch (RougeProcess.Failure e) {
                unavailable = e;
                throw e;
            } finally {
                startup = Duration.ofNanos(System.nanoTime() - begun);
            }
        }
        return process;
    }

    /** "a", "a and b", "a, b and c". */
    private static String listed(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
