package org.sheaf.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sheaf.diag.Diagnostic;

/**
 * What a build did.
 *
 * @param status      how it ended
 * @param diagnostics every problem found, sorted (warnings too, on success)
 * @param pages       pages written
 * @param staticFiles static files copied
 * @param destination where the site went (for the summary line), or "" when nothing was written
 * @param elapsed     wall time of the whole build
 * @param stageTimes  wall time of each stage, in pipeline order; also {@code sass start}, the Sass
 *                    compiler's start-up within render, when a Sass page started it
 * @param profile     where the render stage spent its time (empty when it did not run)
 */
public record BuildResult(Status status, List<Diagnostic> diagnostics, int pages, int staticFiles,
        String destination, Duration elapsed, Map<String, Duration> stageTimes, RenderProfile profile) {

    /** How a build ended; the command line turns each into its exit code. */
    public enum Status {
        /** Written. */
        OK,
        /** The site has errors; nothing written. */
        SITE_ERRORS,
        /**
         * The new site could not be put in place and the previous one could not be put back: it
         * is whole beside the destination and the next build restores it.
         */
        PREVIOUS_SITE_ASIDE,
        /** The configuration or the command is wrong; nothing written. */
        CONFIG_ERROR
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
