package org.sheaf.liquid;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.sheaf.content.TemplateTag;
import org.sheaf.diag.Diagnostic;
import org.sheaf.highlight.Highlighting;

/**
 * What a {@link LiquidRenderer} needs to know about the site, fixed for one build.
 *
 * @param sourceDir    the source root; {@code include_relative} never leaves it
 * @param includesDir  where {@code include} looks ({@code _includes}); includes never leave it
 * @param baseurl      the site's {@code baseurl} ({@code ""} or like {@code /research})
 * @param url          the site's {@code url} ({@code https://example.org}), maybe empty
 * @param timezone     the site's time zone; dates are shown in it
 * @param environment  {@code jekyll.environment}: {@code JEKYLL_ENV}, by default {@code development}
 * @param markdownify  Markdown to HTML, for the {@code markdownify} filter
 * @param links        URLs for {@code link} and {@code post_url}
 * @param tags         tags added by plugins ({@code seo}, {@code feed_meta}): each is called with
 *                     the template's {@code page}, {@code site} and {@code paginator}, its markup
 *                     as written and its {@code key=value} pairs resolved, and returns the markup
 *                     to insert; an {@link IllegalArgumentException} it throws is an error at the tag
 * @param mode         how text the strict grammar refuses is read (Jekyll's {@code liquid: error_mode})
 * @param strictFilters whether an unknown filter is an error (Jekyll's {@code liquid: strict_filters});
 *                     otherwise it is skipped, with a warning unless the mode is lax
 * @param warnings     where the warnings of {@link LiquidMode#WARN} go; called from rendering threads
 * @param textFilters  filters from text to text that the build adds ({@code scssify}, {@code sassify}),
 *                     by name; an {@link IllegalArgumentException} one throws is an error at the filter
 * @param themeIncludes where {@code include} looks for what {@code includesDir} lacks (the theme's
 *                     {@code _includes}, when the site has a theme); includes never leave the folder
 *                     they are found in
 * @param highlighting how the {@code highlight} tag colours code: the build's
 */
public record LiquidSetup(Path sourceDir, Path includesDir, String baseurl, String url, ZoneId timezone,
                          String environment, Function<String, String> markdownify, LinkResolver links,
                          List<TemplateTag> tags, LiquidMode mode,
                          boolean strictFilters, Consumer<Diagnostic> warnings, Map<String, UnaryOperator<String>> textFilters,
                          List<Path> themeIncludes, Highlighting highlighting) {
    public LiquidSetup {
        tags = List.copyOf(tags);
        textFilters = Map.copyOf(textFilters);
        themeIncludes = List.copyOf(themeIncludes);
    }

    /** A setup in Jekyll's default mode, {@link LiquidMode#WARN}, whose warnings are dropped. */
    public LiquidSetup(Path sourceDir, Path includesDir, String baseurl, String url, ZoneId timezone,
                       String environment, Function<String, String> markdownify, LinkResolver links,
                       List<TemplateTag> tags) {
        this(sourceDir, includesDir, baseurl, url, timezone, environment, markdownify, links, tags,
                LiquidMode.WARN, false, warning -> { }, Map.of(), List.of(), Highlighting.ownLexers());
    }

    /** A setup without plugin tags. */
    public LiquidSetup(Path sourceDir, Path includesDir, String baseurl, String url, ZoneId timezone,
                       String environment, Function<String, String> markdownify, LinkResolver links) {
        this(sourceDir, includesDir, baseurl, url, timezone, environment, markdownify, links, List.of());
    }
}
