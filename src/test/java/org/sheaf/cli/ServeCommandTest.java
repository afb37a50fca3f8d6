package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sheaf serve}'s command line: loopback and port 4000 unless told otherwise. */
class ServeCommandTest {
    @Test
    void listensOnLoopbackPort4000ByDefault() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new ServeCommand()).getCommandSpec();
        assertEquals("127.0.0.1", spec.findOption("--host").initialValue());
        assertEquals(4000, (int) spec.findOption("--port").initialValue());
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.code(), run.err());
        for (String option : new String[] {"--port", "--host", "--drafts", "--future", "--open"}) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "70000");
        assertEquals(2, run.code());
        assertEquals("sheaf: --port must be between 0 and 65535\n", run.err());
    }
}
