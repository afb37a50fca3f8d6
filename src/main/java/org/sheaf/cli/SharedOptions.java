package org.sheaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that several commands take, each declared once as a picocli mixin
 * ({@code @Mixin}), so that every command spells and explains an option alike. A command's
 * {@code --help} lists a mixin's options among its own, in the same alphabetical order.
 * {@code --destination} and {@code --force-destination} are not here: {@code build} writes the
 * folder they name and {@code clean} deletes it, and each command's help says which.
 */
final class SharedOptions {
    private SharedOptions() {
    }

    /** Which site: its folder, and the config files read instead of its own; every command that reads a site. */
    static final class Site {
        @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", description = "the site folder (default: .)")
        Path folder = Path.of(".");

        @Option(names = "--config", paramLabel = "FILE", split = ",",
                description = "config files to use instead of _config.yml, merged in order")
        List<Path> configFiles = new ArrayList<>();
    }

    /** What a build reads besides the site's published posts of the past: {@code build}, {@code serve}, {@code check}. */
    static final class Content {
        @Option(names = {"-D", "--drafts"}, description = "include drafts from _drafts")
        boolean drafts;

        @Option(names = "--future", description = "include posts dated in the future")
        boolean future;

        @Option(names = "--theme-path", paramLabel = "DIR",
                description = "look for theme gems (theme: NAME) in this folder first; may be repeated")
        List<Path> themePaths = new ArrayList<>();
    }

    /** Jekyll's switches for what a site publishes: {@code build} and {@code serve}. */
    static final class Publishing {
        @Option(names = "--unpublished", description = "include documents with published: false")
        boolean unpublished;

        @Option(names = "--github-pages", description = "build as GitHub Pages does (same as github_pages: true)")
        boolean githubPages;
    }

    /** Whether warnings fail the build: {@code build} and {@code check}. */
    static final class Warnings {
        @Option(names = "--strict", description = "treat warnings (accessibility faults among them) as errors")
        boolean strict;
    }

    /** How much a command prints: {@code build} and {@code clean}. */
    static final class Printing {
        @Option(names = {"-q", "--quiet"}, description = "print only problems")
        boolean quiet;
    }
}
