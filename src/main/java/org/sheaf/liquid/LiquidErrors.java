package org.sheaf.liquid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.exceptions.LiquidException;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/** Turns what Liqp throws into a {@link Diagnostic} at the template's real line and column. */
final class LiquidErrors {
    /**
     * Liqp reports an unknown filter or a failing filter as a plain runtime exception whose only
     * record of the place is its message ({@code error on line 2, index 7: ...}); there are no
     * fields to read, so for those alone the position is read from the message.
     */
    private static final Pattern LIQP_PLACE = Pattern.compile("^error on line (\\d+), index (\\d+): (.*)$", Pattern.DOTALL);
    /** Liqp's refusal of an include's file name with a space in it, which names the file it read. */
    private static final Pattern SPACED_FILE_NAME = Pattern.compile(
            "in `\\{% include filename %}` the `filename` is \\{(.*)}, but it cannot have spaces.*", Pattern.DOTALL);
    private static final Pattern TAG_NAME = Pattern.compile("\\{%-?\\s*(\\w+)");
    private static final Pattern PARSER_MESSAGE = Pattern.compile("^parser error \"(.*)\" on line \\d+, index \\d+$", Pattern.DOTALL);

    private LiquidErrors() {
    }

    /** Liqp's words for a filter given fewer arguments than it reads. */
    private static final Pattern MISSING_ARGUMENT = Pattern.compile(
            "(?s)error in filter '([\\w-]+)': cannot get param index: (\\d+) from: .*");
    private static final Pattern UNKNOWN_FILTER = Pattern.compile("no filter available named: \\|?(\\S+)");
    /** The grammar's list of every token it would have taken, which tells a writer nothing. */
    private static final Pattern EXPECTING_MANY = Pattern.compile(" expecting \\{[^}]*,[^}]*,[^}]*,[^}]*\\}");
    private static final Pattern FILTER_NAME = Pattern.compile("\\G[^|\\n]*\\|\\s*([A-Za-z_][\\w-]*)");

    /**
     * The diagnostic for {@code failure}, thrown while parsing or rendering {@code path}, whose
     * text starts at line {@code firstLine} of the file and was rewritten for Liqp as
     * {@code columns} tells: Liqp's places are in the rewritten text, mapped back through it to
     * the writer's. Java's own exceptions never lend it their text: a writer reads what went
     * wrong in Liquid's terms.
     */
    static Diagnostic diagnose(RuntimeException failure, String path, int firstLine, SourceColumns columns) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RenderFailure rendered) {
                return rendered.diagnostic();
            }
        }
        int shift = firstLine - 1;
        Position start = new Position(firstLine, 1);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LiquidException liquid) {
                Position at = columns.source(new Position(Math.max(liquid.line, 1), liquid.charPositionInLine + 1))
                        .shiftedDown(shift);
                return Diagnostic.error(path, at, describe(liquid, columns.text()));
            }
            if (t instanceof TimedContext.RenderTimeExceeded) {
                // Like the iteration limit, the running loop is not known: point at the template's start.
                return Diagnostic.error(path, start, "rendering stopped: " + t.getMessage());
            }
            if (t instanceof ExceededMaxIterationsException) {
                // Liqp does not say which loop; the start of the template is the best place it knows.
                return Diagnostic.error(path, start, "rendering stopped: too many loop iterations (more than "
                        + LiquidRenderer.MAX_ITERATIONS + ")");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = LIQP_PLACE.matcher(String.valueOf(t.getMessage()));
            if (m.matches()) {
                int line = Integer.parseInt(m.group(1));
                int index = Integer.parseInt(m.group(2));
                Position at = columns.source(new Position(line, index + 1)).shiftedDown(shift);
                Throwable cause = t.getCause();
                Matcher filter = UNKNOWN_FILTER.matcher(cause != null && cause.getMessage() != null ? cause.getMessage() : m.group(3));
                if (filter.matches()) {
                    return Diagnostic.error(path, at, "unknown Liquid filter \"" + filter.group(1) + "\"");
                }
                String name = filterAt(columns.text(), line, index);
                String detail = cause == null ? m.group(3).replaceFirst("^Liquid error: ", "")
                        : problem(cause, name == null ? null : "filter \"" + name + "\"");
                return Diagnostic.error(path, at, "Liquid error: " + detail);
            }
        }
        return Diagnostic.error(path, start, "Liquid error: " + problem(failure, null));
    }

    /**
     * The warning for text the strict grammar refused and the lax reading took, at the place the
     * strict grammar stopped.
     */
    static Diagnostic laxWarning(LiquidException refused, String path, int firstLine, SourceColumns columns) {
        Position at = columns.source(new Position(Math.max(refused.line, 1), refused.charPositionInLine + 1))
                .shiftedDown(firstLine - 1);
        String problem = describe(refused, columns.text());
        return Diagnostic.warning(path, at, problem + "; read leniently, as Jekyll's lax Liquid reads it")
                .withHint("liquid: error_mode: strict in _config.yml makes this an error; lax silences it");
    }

    /**
     * What went wrong, in a writer's words: the message of an exception sheaf or Liqp raise for
     * people (plain {@link RuntimeException}s and {@link IllegalArgumentException}s), Ruby
     * Liquid's words for a division by zero, and otherwise which filter failed, never the text
     * of a Java exception (a {@link NumberFormatException}'s {@code For input string}).
     *
     * @param what the filter or tag that failed ({@code filter "slice"}), null when not known
     */
    static String problem(Throwable failure, String what) {
        Class<?> kind = failure.getClass();
        boolean forPeople = kind == RuntimeException.class || kind == IllegalArgumentException.class
                || failure instanceof LiquidException;
        Throwable cause = failure.getCause();
        if (forPeople && cause != null && String.valueOf(failure.getMessage()).equals(cause.toString())) {
            // a wrapper that only repeats the Java exception it wraps
            return problem(cause, what);
        }
        if (forPeople && failure.getMessage() != null) {
            String message = failure.getMessage();
            Matcher missing = MISSING_ARGUMENT.matcher(message);
            if (missing.matches()) {
                // Ruby counts the value the filter works on as its first argument
                return "wrong number of arguments (given " + (Integer.parseInt(missing.group(2)) + 1)
                        + ") to filter \"" + missing.group(1) + "\"";
            }
            return message.startsWith("Liquid error: ") ? message.substring("Liquid error: ".length()) : message;
        }
        if (failure instanceof ArithmeticException) {
            return "divided by 0";
        }
        String which = what == null ? "a filter or tag" : what;
        if (failure instanceof NumberFormatException) {
            return which + " was given a value that is not a number";
        }
        return which + " cannot work on the value it was given";
    }

    /**
     * The name of the tag whose markup Liqp's place (1-based line, 0-based index) points into:
     * the word after the last {@code {%} before it; null when there is none.
     */
    private static String tagAt(String text, int line, int index) {
        int offset = lineStart(text, line);
        if (offset < 0) {
            return null;
        }
        int open = text.lastIndexOf("{%", Math.min(offset + Math.max(index, 0), text.length()));
        if (open < 0) {
            return null;
        }
        Matcher m = TAG_NAME.matcher(text);
        return m.find(open) && m.start() == open ? m.group(1) : null;
    }

    /** Where 1-based {@code line} of {@code text} starts; -1 when there is no text or no such line. */
    private static int lineStart(String text, int line) {
        if (text == null) {
            return -1;
        }
        int offset = 0;
        for (int i = 1; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        return offset;
    }

    /** The name of the filter whose {@code |} Liqp's place (1-based line, 0-based index) points at. */
    private static String filterAt(String text, int line, int index) {
        int offset = lineStart(text, line);
        if (offset < 0) {
            return null;
        }
        offset += index;
        if (offset > text.length()) {
            return null;
        }
        Matcher m = FILTER_NAME.matcher(text);
        return m.find(offset) ? m.group(1) : null;
    }

    private static String describe(LiquidException liquid, String text) {
        String message = String.valueOf(liquid.getMessage());
        if (message.startsWith("Liquid error: ")) {
            return message; // raised while rendering, in Ruby Liquid's words
        }
        if (message.indexOf(LaxLiquid.UNCLOSED_QUOTE) >= 0) {
            // Ruby ends an output at its first }}, quoted or not (LaxLiquid.rubyOutputEnds)
            return "Liquid syntax error: a quote is not closed before the }} that ends this output";
        }
        Matcher spaced = SPACED_FILE_NAME.matcher(message);
        if (spaced.matches()) {
            // Jekyll takes the first word for the file and the rest for parameters, and names the
            // tag it was (Liqp says include for include_relative too)
            String[] words = spaced.group(1).strip().split("\\s+", 2);
            String tag = tagAt(text, liquid.line, liquid.charPositionInLine);
            return "Liquid syntax error: Invalid syntax for include tag: " + (words.length > 1 ? words[1] : "")
                    + " Valid syntax: {% " + (tag == null ? "include" : tag) + " file.ext param='value' param2='value' %}";
        }
        Matcher m = PARSER_MESSAGE.matcher(message);
        if (m.matches()) {
            String detail = EXPECTING_MANY.matcher(m.group(1)).replaceAll("");
            if (detail.contains("<EOF>")) {
                return "Liquid syntax error: a block is not closed (" + detail + ")";
            }
            return "Liquid syntax error: " + detail;
        }
        return "Liquid syntax error: " + message;
    }

    /** Where the tag {@code tag} whose markup is these atoms (Liqp's words, spaces dropped) starts. */
    static Position tagPosition(String text, String tag, List<String> atoms, int firstLine) {
        StringBuilder markup = new StringBuilder();
        for (String atom : atoms) {
            markup.append(markup.length() == 0 ? "" : "\\s*").append(Pattern.quote(atom));
        }
        Matcher m = Pattern.compile("\\{%-?\\s*" + Pattern.quote(tag) + "\\s+" + markup).matcher(text);
        return m.find() ? Position.of(text, m.start()).shiftedDown(firstLine - 1) : tagPosition(text, tag, "", firstLine);
    }

    /**
     * The position of the first {@code {% tag argument %}} in {@code text} whose argument starts
     * with {@code argument} (or, failing that, of the first {@code tag} at all), so that a failed
     * include or link points at its tag: Liqp's tag nodes do not know where they stand.
     */
    static Position tagPosition(String text, String tag, String argument, int firstLine) {
        // Liqp accepts a tag name followed directly by its argument ({% include%x %}, found by fuzzing).
        Pattern exact = Pattern.compile("\\{%-?\\s*" + Pattern.quote(tag) + "\\s*" + Pattern.quote(argument));
        Pattern any = Pattern.compile("\\{%-?\\s*" + Pattern.quote(tag) + "(?![\\w-])");
        Matcher m = exact.matcher(text);
        if (!m.find()) {
            m = any.matcher(text);
            if (!m.find()) {
                return Position.FILE;
            }
        }
        return Position.of(text, m.start()).shiftedDown(firstLine - 1);
    }
}
