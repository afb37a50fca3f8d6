package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sheaf.pipeline.BuildResult;

/** The numbers README.md promises scripts, for every way a build can end. */
class ExitCodeTest {
    @Test
    void buildStatusesExitAsReadmeSays() {
        assertEquals(0, ExitCode.of(BuildResult.Status.OK).code());
        assertEquals(1, ExitCode.of(BuildResult.Status.SITE_ERRORS).code());
        assertEquals(1, ExitCode.of(BuildResult.Status.PREVIOUS_SITE_ASIDE).code());
        assertEquals(2, ExitCode.of(BuildResult.Status.CONFIG_ERROR).code());
    }

    @Test
    void internalErrorIsThree() {
        assertEquals(3, ExitCode.INTERNAL.code());
    }
}
