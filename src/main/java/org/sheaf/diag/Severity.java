package org.sheaf.diag;

/** How bad a {@link Diagnostic} is. Only errors fail a build. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed after the position: {@code error} or {@code warning}. */
    public String label() {
        return label;
    }
}
