package org.sheaf.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import org.sheaf.config.ConfigLoader;

/**
 * What to build and how.
 *
 * @param siteRoot  the site folder ({@code content/} beside {@code templates/}, or a Jekyll folder)
 * @param overrides the command line's config overrides
 * @param time      {@code site.time}; null means {@code SOURCE_DATE_EPOCH} when set, else now
 * @param environment {@code jekyll.environment}; null means {@code JEKYLL_ENV}, else "development"
 * @param progress  told as the render stage finishes pages; null means {@link RenderProgress#NONE}
 * @param strict    whether warnings (accessibility faults among them) are errors that stop the build
 */
public record BuildOptions(Path siteRoot, ConfigLoader.Overrides overrides, Instant time, String environment,
        RenderProgress progress, boolean strict) {

    public BuildOptions {
        progress = progress == null ? RenderProgress.NONE : progress;
    }

    /** Options in which warnings stay warnings. */
    public BuildOptions(Path siteRoot, ConfigLoader.Overrides overrides, Instant time, String environment,
            RenderProgress progress) {
        this(siteRoot, overrides, time, environment, progress, false);
    }

    /** Options with no progress display. */
    public BuildOptions(Path siteRoot, ConfigLoader.Overrides overrides, Instant time, String environment) {
        this(siteRoot, overrides, time, environment, RenderProgress.NONE);
    }

    /** The same options with a fixed {@code site.time}. */
    public BuildOptions at(Instant fixedTime) {
        return new BuildOptions(siteRoot, overrides, fixedTime, environment, progress, strict);
    }

    /** The same options, with every warning an error ({@code --strict}). */
    public BuildOptions strictly() {
        return new BuildOptions(siteRoot, overrides, time, environment, progress, true);
    }

    Instant resolvedTime() {
        if (time != null) {
            return time;
        }
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now();
    }

    public String resolvedEnvironment() {
        if (environment != null) {
            return environment;
        }
        String env = System.getenv("JEKYLL_ENV");
        return env == null || env.isBlank() ? "development" : env;
    }
}
