package org.sheaf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sheaf} command. Subcommands do the work; this class only wires picocli and turns
 * their results into the exit code. Exit codes: 0 ok, 1 the site has errors, 2 usage or config
 * error, 3 internal error (with a stack trace) or out of memory (with how to give the JVM more).
 */
@Command(name = "sheaf", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A Jekyll-compatible static site generator for openly licensed research.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, NewCommand.class, CleanCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sheaf: internal error; please report it with the trace below");
            e.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return INTERNAL_ERROR;
        }
    }

    /** What to say when the heap runs out: nothing was written, and how to give it more room. */
    static String outOfMemory(long maxHeapBytes) {
        return "sheaf: error: out of memory: the Java heap's limit, " + (maxHeapBytes >> 20)
                + " MiB, is too small for this site; the destination is unchanged. Give it more: SHEAF_HEAP=4g bin/sheaf ..."
                + " (or java -Xmx4g -jar sheaf.jar ...)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sheaf " + (version == null ? "development" : version)};
        }
    }
}
