package org.sheaf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.RenderProfile;
import org.sheaf.incremental.IncrementalBuilder;
import org.sheaf.pipeline.SiteBuilder;
import org.sheaf.config.ConfigLoader;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sheaf build}: builds a site once and prints its problems and a summary line; on a
 * terminal a long build also shows its progress ({@link TerminalProgress}).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site in SITE (default: the current folder).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SharedOptions.Site site;

    @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "write the site here")
    private Path destination;

    @Option(names = "--force-destination",
            description = "replace the --destination folder even if it holds files sheaf did not write")
    private boolean forceDestination;

    @Option(names = {"-b", "--baseurl"}, paramLabel = "PATH", description = "serve the site under this path")
    private String baseurl;

    @Option(names = "--url", paramLabel = "URL", description = "the site's public address")
    private String url;

    @Mixin
    private SharedOptions.Content content;

    @Mixin
    private SharedOptions.Publishing publishing;

    @Option(names = "--profile",
            description = "print where the time went: each stage, the slowest pages, each layout")
    private boolean profile;

    @Option(names = "--incremental",
            description = "render only what changed since the last build (state kept in .sheaf-cache/)")
    private boolean incremental;

    @Mixin
    private SharedOptions.Warnings warnings;

    @Mixin
    private SharedOptions.Printing printing;

    @Option(names = {"-v", "--verbose"}, description = "also print the time of each stage")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printing.quiet && verbose) {
            err.println("sheaf: --quiet and --verbose cannot be used together");
            return ExitCode.USAGE.code();
        }
        ConfigLoader.Overrides overrides = new ConfigLoader.Overrides(site.configFiles, destination, baseurl, url,
                content.drafts, content.future, publishing.unpublished, publishing.githubPages)
                .withThemePaths(content.themePaths);
        Optional<String> foreign = forceDestination ? Optional.empty() : ForeignDestination.refusal(site.folder, overrides);
        if (foreign.isPresent()) {
            err.println("sheaf: " + foreign.get());
            err.flush();
            return ExitCode.USAGE.code();
        }
        Optional<TerminalProgress> progress = TerminalProgress.forThisTerminal(err, printing.quiet);
        BuildOptions options = new BuildOptions(site.folder, overrides, null, null, progress.orElse(null), warnings.strict);
        IncrementalBuilder builder = incremental
                ? IncrementalBuilder.cachedIn(IncrementalBuilder.defaultCacheFile(site.folder.toAbsolutePath().normalize())) : null;
        BuildResult result = builder != null ? builder.build(options) : SiteBuilder.build(options);
        progress.ifPresent(TerminalProgress::erase);
        Diagnostics.formatted(result.diagnostics()).forEach(err::println);
        err.flush();
        if (profile) {
            printProfile(out, result);
        } else if (verbose) {
            result.stageTimes().forEach((stage, time) ->
                    out.printf(Locale.ROOT, "  %-8s %6d ms%n", stage, time.toMillis()));
        }
        if (result.ok()) {
            if (!printing.quiet) {
                out.printf(Locale.ROOT, "sheaf: built %s and %s into %s in %.2f s%n",
                        Diagnostics.count(result.pages(), "page"), Diagnostics.count(result.staticFiles(), "static file"), result.destination(), result.elapsed().toMillis() / 1000.0);
                if (builder != null) {
                    IncrementalBuilder.Report report = builder.last();
                    out.printf(Locale.ROOT, "sheaf: incremental: rendered %d of %s%s, wrote %s%n",
                            report.rendered(), Diagnostics.count(report.pages(), "page"), report.everything() ? " (everything: no cache or config changed)" : "",
                            Diagnostics.count(report.written(), "changed file"));
                }
            }
        } else {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.printf(Locale.ROOT, "sheaf: build failed with %s; %s%n", Diagnostics.count(errors, "error"),
                    result.status() == BuildResult.Status.PREVIOUS_SITE_ASIDE
                            ? "the previous site is beside the destination (see above), and the next build puts it back"
                            : "the previous site was left as it was");
        }
        out.flush();
        return ExitCode.of(result.status()).code();
    }

    private static void printProfile(PrintWriter out, BuildResult result) {
        out.println("stage          time");
        result.stageTimes().forEach((stage, time) -> out.printf(Locale.ROOT, "  %-12s %6d ms%n", stage, time.toMillis()));
        out.println("slowest pages  time");
        for (RenderProfile.Entry page : result.profile().slowestPages(10)) {
            out.printf(Locale.ROOT, "  %7.1f ms  %s%n", page.total().toNanos() / 1e6, page.name());
        }
        out.println("layouts        count   total      average");
        for (RenderProfile.Entry layout : result.profile().layouts()) {
            out.printf(Locale.ROOT, "  %-12s %5d %7d ms %8.2f ms%n", layout.name(), layout.count(),
                    layout.total().toMillis(), layout.average().toNanos() / 1e6);
        }
    }
}
