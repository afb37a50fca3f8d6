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
    private static final Pattern PARSER_MESSAGE = Pattern.compile("^parser error \"(.*)\" on line \\d+, index \\d+$", Pattern.DOTALL);

    private LiquidErrors() {
    }

    /**
     * The diagnostic for {@code failure}, thrown while parsing or rendering {@code path}, whose
     * text starts at line {@code firstLine} of the file.
     */
    private static final Pattern UNKNOWN_FILTER = Pattern.compile("no filter available named: \\|?(\\S+)");

    static Diagnostic diagnose(RuntimeException failure, String path, int firstLine) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RenderFailure rendered) {
                return rendered.diagnostic();
            }
        }
        int shift = firstLine - 1;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LiquidException liquid) {
                Position at = new Position(Math.max(liquid.line, 1), liquid.charPositionInLine + 1).shiftedDown(shift);
                return Diagnostic.error(path, at, describe(liquid));
            }
            if (t instanceof TimedContext.RenderTimeExceeded) {
                // Like the iteration limit, the running loop is not known: point at the template's start.
                return Diagnostic.error(path, new Position(firstLine, 1),
                        "rendering stopped: " + t.getMessage());
            }
            if (t instanceof ExceededMaxIterationsException) {
                // Liqp does not say which loop; the start of the template is the best place it knows.
                return Diagnostic.error(path, new Position(firstLine, 1),
                        "rendering stopped: too many loop iterations (" + t.getMessage() + ")");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = LIQP_PLACE.matcher(String.valueOf(t.getMessage()));
            if (m.matches()) {
                Position at = new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1).shiftedDown(shift);
                Throwable cause = t.getCause();
                String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : m.group(3);
                Matcher filter = UNKNOWN_FILTER.matcher(detail);
                if (filter.matches()) {
                    return Diagnostic.error(path, at, "unknown Liquid filter \"" + filter.group(1) + "\"");
                }
                return Diagnostic.error(path, at, "Liquid error: " + detail);
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return Diagnostic.error(path, Position.FILE, "Liquid error: " + message);
    }

    private static String describe(LiquidException liquid) {
        String message = String.valueOf(liquid.getMessage());
        Matcher m = PARSER_MESSAGE.matcher(message);
        if (m.matches()) {
            String detail = m.group(1);
            if (detail.contains("<EOF>")) {
                return "Liquid syntax error: a block is not closed (" + detail + ")";
            }
            return "Liquid syntax error: " + detail;
        }
        return "Liquid syntax error: " + message;
    }

    /**
     * The position of the first {@code {% tag argument %}} in {@code text} whose argument starts
     * with {@code argument} (or, failing that, of the first {@code tag} at all), so that a failed
     * include or link points at its tag: Liqp's tag nodes do not know where they stand.
     */
    /** Where the tag {@code tag} whose markup is these atoms (Liqp's words, spaces dropped) starts. */
    static Position tagPosition(String text, String tag, List<String> atoms, int firstLine) {
        StringBuilder markup = new StringBuilder();
        for (String atom : atoms) {
            markup.append(markup.length() == 0 ? "" : "\\s*").append(Pattern.quote(atom));
        }
        Matcher m = Pattern.compile("\\{%-?\\s*" + Pattern.quote(tag) + "\\s+" + markup).matcher(text);
        return m.find() ? Position.of(text, m.start()).shiftedDown(firstLine - 1) : tagPosition(text, tag, "", firstLine);
    }

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
