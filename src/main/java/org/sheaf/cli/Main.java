package org.sheaf.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sheaf} command. Subcommands do the work; this class only wires picocli and turns
 * their results into the exit code ({@link ExitCode}): an internal error prints a stack trace, and
 * running out of memory prints how to give the JVM more.
 */
@Command(name = "sheaf", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A Jekyll-compatible static site generator for openly licensed research.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order {@code sheaf --help} lists them. picocli reads a command's
     * annotations when it is added, which for all of them took a tenth of a second of every
     * run's start-up (its classes cannot join the class-data archive), so a run names only the
     * one it runs; a run that names none, or {@code help}, gets them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("build", BuildCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("check", CheckCommand::new);
        all.put("new", NewCommand::new);
        all.put("clean", CleanCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && WarmUp.COMMANDS.contains(args[0])) {
            WarmUp.startInBackground();
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        Supplier<Object> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sheaf: internal error; please report it with the trace below");
            e.printStackTrace(cmd.getErr());
            return ExitCode.INTERNAL.code();
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return ExitCode.INTERNAL.code();
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
