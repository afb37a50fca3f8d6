package org.sheaf.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sheaf.config.ConfigLoader;
import org.sheaf.config.SiteConfig;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.output.DestinationGuard;

/**
 * The rule for a destination given with {@code --destination}: it may be anywhere, but a folder
 * that holds files no build of this site wrote is replaced (by {@code build}) or deleted (by
 * {@code clean}) only with {@code --force-destination}, so that a mistyped {@code -d ~/Documents}
 * costs nothing. The site's own destination (from its config, or the default) is always its own;
 * a folder a build wrote through {@code --destination} has the build's lock file beside it.
 */
final class ForeignDestination {
    private ForeignDestination() {
    }

    /** Why {@code overrides.destination()} must not be touched, or empty when it may be (or none was given). */
    static Optional<String> refusal(Path site, ConfigLoader.Overrides overrides) {
        if (overrides.destination() == null) {
            return Optional.empty();
        }
        SiteConfig own;
        try {
            own = ConfigLoader.load(site, new ConfigLoader.Overrides(overrides.configFiles(), null, null, null,
                    false, false, false));
        } catch (DiagnosticException e) {
            // The config is broken: the build reports it before it writes anything.
            return Optional.empty();
        }
        if (DestinationGuard.refusal(own.siteRoot(), own.source(), overrides.destination()).isPresent()) {
            return Optional.empty();  // refused whatever it holds; the command says why
        }
        return DestinationGuard.foreignContent(own.destination(), overrides.destination())
                .map(refusal -> refusal + " (give --force-destination to replace it anyway)");
    }
}
