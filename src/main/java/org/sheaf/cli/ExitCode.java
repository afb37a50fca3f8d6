package org.sheaf.cli;

import org.sheaf.pipeline.BuildResult;

/**
 * How a {@code sheaf} run ends, as the process's exit status. Scripts and CI read these numbers,
 * so they never change meaning; README.md's table lists them. picocli's own refusal of a command
 * line it cannot parse exits with 2 as well, which is {@link #USAGE}.
 */
enum ExitCode {
    /** The command did what it was asked. */
    OK(0),
    /** The site has errors, or broken links, or a file to create exists, or the destination stayed locked; nothing was written. */
    SITE_ERRORS(1),
    /** A bad option, a bad {@code _config.yml}, a refused destination: the command was not run. */
    USAGE(2),
    /** A bug in sheaf, or the JVM out of memory: the only case that prints a stack trace. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    int code() {
        return code;
    }

    /**
     * The exit for how a build ended: a site the build refused, or whose previous copy it had to
     * set aside, is the site's error; a configuration the build could not use is a usage error.
     */
    static ExitCode of(BuildResult.Status status) {
        return switch (status) {
            case OK -> OK;
            case SITE_ERRORS, PREVIOUS_SITE_ASIDE -> SITE_ERRORS;
            case CONFIG_ERROR -> USAGE;
        };
    }
}
