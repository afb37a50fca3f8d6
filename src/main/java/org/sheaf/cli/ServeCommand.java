package org.sheaf.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.sheaf.pipeline.BuildOptions;
import org.sheaf.config.ConfigLoader;
import org.sheaf.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheaf serve}: builds into memory, serves on loopback, rebuilds and reloads tabs on every edit. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site in SITE, serve it, and rebuild and reload open tabs on every change.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SharedOptions.Site site;

    @Option(names = {"-P", "--port"}, paramLabel = "N", description = "the port (default: 4000; 0 picks a free one)")
    private int port = 4000;

    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "the address to listen on (default: 127.0.0.1, this machine only)")
    private String host = "127.0.0.1";

    @Mixin
    private SharedOptions.Content content;

    @Mixin
    private SharedOptions.Publishing publishing;

    @Option(names = {"-o", "--open"}, description = "open the site in the default browser")
    private boolean open;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("sheaf: --port must be between 0 and 65535");
            return ExitCode.USAGE.code();
        }
        ConfigLoader.Overrides overrides = new ConfigLoader.Overrides(site.configFiles, null, null, null,
                content.drafts, content.future, publishing.unpublished, publishing.githubPages)
                .withThemePaths(content.themePaths);
        DevServer server;
        try {
            server = DevServer.start(new BuildOptions(site.folder, overrides, null, null),
                    new InetSocketAddress(host, port), out, err);
            server.watch(Duration.ofMillis(30));
        } catch (IOException e) {
            err.println("sheaf: cannot serve on " + host + ":" + port + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        out.println("sheaf: serving " + server.siteAddress() + " (Ctrl-C to stop)");
        out.flush();
        if (open) {
            openBrowser(server, err);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK.code();
    }

    private static void openBrowser(DevServer server, PrintWriter err) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(server.siteAddress());
                return;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Fall through to the message below.
        }
        err.println("sheaf: cannot open a browser here; visit " + server.siteAddress());
        err.flush();
    }
}
