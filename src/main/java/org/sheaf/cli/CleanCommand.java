package org.sheaf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.OsReason;
import org.sheaf.output.DestinationGuard;
import org.sheaf.output.DestinationLock;
import org.sheaf.output.DirectorySink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf clean}: deletes the output folder (only when the destination guard allows writing
 * it, so a destination that is the source, the site root or the home folder is refused), the
 * build's staging and old-copy folders beside it, and the caches ({@code .sheaf-cache} and
 * {@code .jekyll-cache} in the site root). Symbolic links are deleted, never followed. A build
 * writing the destination at the same time is waited for ({@link DestinationLock}); the empty lock
 * file beside the destination stays.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Delete the site's output folder and caches.")
final class CleanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SharedOptions.Site site;

    @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "the output folder to delete")
    private Path destination;

    @Option(names = "--force-destination",
            description = "delete the --destination folder even if it holds files sheaf did not write")
    private boolean forceDestination;

    @Mixin
    private SharedOptions.Printing printing;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLoader.Overrides overrides = new ConfigLoader.Overrides(site.configFiles, destination, null, null,
                false, false, false);
        SiteConfig config;
        try {
            config = ConfigLoader.load(site.folder, overrides);
        } catch (DiagnosticException e) {
            err.println(e.diagnostic().format());
            return ExitCode.USAGE.code();
        }
        Path output = config.destination();
        Optional<String> refusal = DestinationGuard.refusal(config.siteRoot(), config.source(), output);
        if (refusal.isPresent()) {
            err.println("sheaf: " + refusal.get().replace("refusing to replace it", "refusing to delete it"));
            return ExitCode.USAGE.code();
        }
        Optional<String> foreign = forceDestination ? Optional.empty() : ForeignDestination.refusal(site.folder, overrides);
        if (foreign.isPresent()) {
            err.println("sheaf: " + foreign.get().replace("to replace it", "to delete it"));
            return ExitCode.USAGE.code();
        }
        // A build writing the destination finishes first; a destination whose folder is missing has nothing to lock.
        DestinationLock lock = null;
        if (Files.isDirectory(output.toAbsolutePath().normalize().getParent())) {
            try {
                lock = DestinationLock.acquire(output, DestinationLock.PATIENCE, message -> err.println("sheaf: " + message));
            } catch (IOException e) {
                err.println("sheaf: error: cannot clean: " + OsReason.of(e));
                return ExitCode.SITE_ERRORS.code();
            }
        }
        try {
            return clean(config, output, out).code();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private ExitCode clean(SiteConfig config, Path output, PrintWriter out) throws IOException {
        DirectorySink sink = new DirectorySink(output, List.of());
        List<Path> targets = new ArrayList<>(List.of(output, sink.stagingFolder(), sink.oldCopyFolder()));
        targets.add(config.siteRoot().resolve(".sheaf-cache"));
        targets.add(config.siteRoot().resolve(".jekyll-cache"));
        int removed = 0;
        for (Path target : targets) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                DirectorySink.deleteTree(target);
                removed++;
                if (!printing.quiet) {
                    out.println("sheaf: removed " + shown(config.siteRoot(), target));
                }
            }
        }
        if (removed == 0 && !printing.quiet) {
            out.println("sheaf: nothing to clean");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String shown(Path root, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
