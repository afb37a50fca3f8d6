package org.sheaf.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in a site, at a place a writer can go to.
 *
 * <p>Printed as {@code path:line:col: error: message} ({@code path:line:} when the column is not
 * known, {@code path:} alone for the file as a whole; never a 0 position), followed by one indented line per
 * note, for example {@code     hint: layouts available: base, page} or
 * {@code     in: content/about.md}. Paths are relative to the site root, with {@code /}.
 *
 * @param path     the file, relative to the site root; never null
 * @param position where in the file; {@link Position#FILE} when no better place is known
 * @param severity error or warning
 * @param message  what is wrong, in the writer's terms
 * @param notes    extra lines, each already prefixed ({@code hint: ...}, {@code in: ...})
 */
public record Diagnostic(String path, Position position, Severity severity, String message, List<String> notes)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(d -> d.position().line())
            .thenComparingInt(d -> d.position().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        notes = List.copyOf(notes);
    }

    /** An error at a line and column of a file. */
    public static Diagnostic error(String path, int line, int column, String message) {
        return new Diagnostic(path, new Position(line, column), Severity.ERROR, message, List.of());
    }

    /** An error at a position of a file. */
    public static Diagnostic error(String path, Position position, String message) {
        return new Diagnostic(path, position, Severity.ERROR, message, List.of());
    }

    /** A warning at a position of a file. */
    public static Diagnostic warning(String path, Position position, String message) {
        return new Diagnostic(path, position, Severity.WARNING, message, List.of());
    }

    /** This diagnostic with a {@code hint: text} line added. */
    public Diagnostic withHint(String text) {
        return withNote("hint: " + text);
    }

    /** This diagnostic with an {@code in: path} line added, naming the page being rendered. */
    public Diagnostic within(String renderedPath) {
        return withNote("in: " + renderedPath);
    }

    private Diagnostic withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Diagnostic(path, position, severity, message, more);
    }

    /** This diagnostic as an error: itself when it is one. */
    public Diagnostic asError() {
        return isError() ? this : new Diagnostic(path, position, Severity.ERROR, message, notes);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The printed form: the position line, then each note indented by four spaces. */
    public String format() {
        StringBuilder out = new StringBuilder().append(path).append(':');
        if (position.line() > 0) {
            out.append(position.line()).append(':');
            if (position.column() > 0) {
                out.append(position.column()).append(':');
            }
        }
        out.append(' ').append(severity.label()).append(": ")
                .append(message);
        for (String note : notes) {
            out.append("\n    ").append(note);
        }
        return out.toString();
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
