package org.sheaf.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.pipeline.BuildResult;
import org.sheaf.pipeline.SiteBuilder;
import org.sheaf.check.CheckedSite;
import org.sheaf.check.ExternalLinkChecker;
import org.sheaf.check.LinkChecker;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Diagnostics;
import org.sheaf.output.SiteSnapshot;
import org.sheaf.output.SnapshotSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheaf check}: builds into memory and reports every broken link at its source line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Build the site in SITE into memory and check its links, images and #anchors.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SharedOptions.Site site;

    @Option(names = "--external", description = "also check links to other sites over HTTP")
    private boolean external;

    @Option(names = "--concurrency", paramLabel = "N", description = "external requests at once (default: 8)")
    private int concurrency = 8;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "time-out per external request (default: 10)")
    private int timeoutSeconds = 10;

    @Mixin
    private SharedOptions.Content content;

    // the same site that build --unpublished or --github-pages writes is the one checked
    @Mixin
    private SharedOptions.Publishing publishing;

    @Mixin
    private SharedOptions.Warnings warnings;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1 || timeoutSeconds < 1) {
            err.println("sheaf: --concurrency and --timeout must be at least 1");
            return ExitCode.USAGE.code();
        }
        ConfigLoader.Overrides overrides = new ConfigLoader.Overrides(site.configFiles, null, null, null,
                content.drafts, content.future, publishing.unpublished, publishing.githubPages).withThemePaths(content.themePaths);
        SnapshotSink sink = new SnapshotSink();
        Optional<TerminalProgress> progress = TerminalProgress.forThisTerminal(err, false);
        BuildResult result = SiteBuilder.build(new BuildOptions(site.folder, overrides, null, null, progress.orElse(null), warnings.strict), sink);
        progress.ifPresent(TerminalProgress::erase);
        Diagnostics.formatted(result.diagnostics()).forEach(err::println);
        if (!result.ok()) {
            err.println("sheaf: the site does not build; fix the errors above before checking links");
            err.flush();
            return ExitCode.of(result.status()).code();
        }
        SiteConfig config;
        try {
            config = ConfigLoader.load(site.folder, overrides);
        } catch (DiagnosticException e) {
            err.println(e.diagnostic().format());
            return ExitCode.USAGE.code();
        }
        SiteSnapshot built = sink.snapshot();
        LinkChecker checker = new LinkChecker(new CheckedSite(built.files(), built.origins(), config.siteRoot(),
                config.baseurl(), config.url()));
        LinkChecker.Report report = checker.check();
        List<Diagnostic> broken = new ArrayList<>(report.broken());
        if (external) {
            broken.addAll(new ExternalLinkChecker(concurrency, Duration.ofSeconds(timeoutSeconds))
                    .check(checker, report));
            broken.sort(null);
        }
        Diagnostics.formatted(broken).forEach(err::println);
        err.flush();
        long pages = built.files().keySet().stream().filter(p -> p.endsWith(".html") || p.endsWith(".htm")).count();
        String externalNote = external
                ? String.format(Locale.ROOT, " (%d external, checked)", report.external().size())
                : String.format(Locale.ROOT, " (%d external, not checked; use --external)", report.external().size());
        out.printf(Locale.ROOT, "sheaf: checked %s on %s%s: %d broken%n",
                Diagnostics.count(report.checked(), "link"), Diagnostics.count(pages, "page"), externalNote, broken.size());
        out.flush();
        return (broken.isEmpty() ? ExitCode.OK : ExitCode.SITE_ERRORS).code();
    }
}
