package org.sheaf.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;

/**
 * What the fuzz tests allow a parser or renderer to do with any input: return output, or refuse
 * it with a {@link DiagnosticException} that points at a real place in the file it was given.
 * Any other exception escapes the fuzz test and is a finding.
 */
final class FuzzOutcomes {
    private FuzzOutcomes() {
    }

    /**
     * Checks that {@code e} is positioned inside {@code text}, read as the file {@code path} from
     * line {@code firstLine}: same path, a line between {@code firstLine} and the text's last line
     * (one past it for "not closed" errors at the end), a column of at least 1.
     */
    static void assertPositioned(DiagnosticException e, String path, String text, int firstLine) {
        Diagnostic d = e.diagnostic();
        assertEquals(path, d.path(), () -> "diagnostic names another file: " + d.format());
        int lastLine = firstLine + (int) text.chars().filter(c -> c == '\n').count() + 1;
        int line = d.position().line();
        assertTrue(line >= Math.min(firstLine, 1) && line <= lastLine,
                () -> "diagnostic line outside the input (lines " + firstLine + ".." + lastLine + "): " + d.format());
        assertTrue(d.position().column() >= 1, () -> "diagnostic without a column: " + d.format());
        assertTrue(!d.message().isBlank(), () -> "diagnostic without a message: " + d.format());
    }
}
