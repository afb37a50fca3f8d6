package org.sheaf.diag;

/**
 * Carries a {@link Diagnostic} out of code that cannot go on with one input (a file whose
 * YAML does not parse, a template that fails). The stage that processes that input catches it,
 * records the diagnostic and moves on to the next input; it is never shown as a stack trace.
 */
public final class DiagnosticException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Diagnostic diagnostic;

    public DiagnosticException(Diagnostic diagnostic) {
        super(diagnostic.format(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public DiagnosticException(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.format(), cause, false, false);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
