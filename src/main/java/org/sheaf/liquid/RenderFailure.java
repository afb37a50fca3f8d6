package org.sheaf.liquid;

import org.sheaf.diag.Diagnostic;

/**
 * Carries a finished {@link Diagnostic} out of a tag or filter through Liqp, which only lets
 * unchecked exceptions pass; {@link LiquidRenderer} unwraps it.
 */
final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    RenderFailure(Diagnostic diagnostic) {
        super(diagnostic.format(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
