package org.sheaf.generate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.Page;
import org.sheaf.content.Permalinks;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/**
 * jekyll-redirect-from: for each URL a page lists in {@code redirect_from}, a small page there
 * that sends the reader on to the page (canonical link, script, meta refresh and a link); a page
 * with {@code redirect_to} becomes such a page itself, sending the reader to that address. Every
 * redirect is also listed in {@code redirects.json} (from URL to absolute target; {@code {}} when
 * there is none, as the plugin writes it), unless
 * {@code redirect_from: {json: false}} is set or the site has its own {@code redirects.json}.
 *
 * <p>The redirect page is the plugin's built-in one; a site's own {@code redirect} layout is not
 * used.
 */
final class RedirectGenerator implements Generator {
    static final String ORIGIN = "jekyll-redirect-from";
    private static final Pattern HTTP = Pattern.compile("^https?://");

    @Override
    public List<GeneratedFile> generate(Input input) {
        SiteConfig config = input.config();
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, String> redirects = new LinkedHashMap<>();
        // The pages read from the source: jekyll-redirect-from runs before jekyll-paginate's copies exist.
        for (Page page : input.index().readPages()) {
            if (!page.isWritten()) {
                continue;
            }
            String target = absolute(config, page.url());
            for (String from : urls(page.drop().get("redirect_from"))) {
                String url = from.startsWith("/") ? from : "/" + from;
                redirects.put(url, target);
                String html = redirectPage(target);
                files.add(new GeneratedFile(Permalinks.pageOutputPath(url, ".html"), page.sitePath(), () -> html,
                        GeneratedFile.Reads.NO_BODY).listedBy(ORIGIN, redirectListing(url, target)));
            }
            List<String> to = urls(page.drop().get("redirect_to"));
            if (!to.isEmpty()) {
                String away = away(config, to.get(0));
                redirects.put(page.url(), away);
                String html = redirectPage(away);
                files.add(new GeneratedFile(page.outputPath(), page.sitePath(), () -> html, true,
                        GeneratedFile.Reads.NO_BODY));
            }
        }
        boolean json = !Boolean.FALSE.equals(SeoTag.dig(config.values(), "redirect_from", "json"));
        // written even when empty ({}), as the plugin writes it for every site it runs on
        if (json && !Files.exists(config.source().resolve("redirects.json"))) {
            String text = JekyllFilters.jsonify(redirects);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("layout", null);
            files.add(new GeneratedFile("redirects.json", ORIGIN, () -> text, GeneratedFile.Reads.NO_BODY)
                    .listedBy(ORIGIN, GeneratedFile.Listing.variables(data, text, "redirects.json", "/redirects.json")));
        }
        return List.copyOf(files);
    }

    /**
     * The variables the plugin merges into a written page or document with {@code redirect_to}
     * (those of the redirect page it makes from it): {@code sitemap: false}, {@code layout:
     * redirect}, its own URL as {@code permalink}, and {@code redirect} with {@code from} and
     * {@code to}; and its {@code content}, which the plugin empties before the page renders, so
     * that Jekyll renders an empty text (the body's Liquid never runs) and other pages read that.
     * Templates that loop over {@code site.pages} or a collection see them; empty for any other page.
     */
    static Map<String, Object> redirectToVariables(SiteConfig config, Page page) {
        List<String> to = urls(page.drop().get("redirect_to"));
        if (!page.isWritten() || to.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sitemap", false);
        data.put("layout", "redirect");
        data.put("permalink", page.url());
        Map<String, Object> redirect = new LinkedHashMap<>();
        redirect.put("from", page.url());
        redirect.put("to", away(config, to.get(0)));
        data.put("redirect", java.util.Collections.unmodifiableMap(redirect));
        data.put("content", "");
        return java.util.Collections.unmodifiableMap(data);
    }

    /** Where {@code redirect_to} sends the reader: an http(s) address as written, a path made absolute. */
    private static String away(SiteConfig config, String to) {
        return HTTP.matcher(to).find() ? to : absolute(config, to);
    }

    /** A redirect page in {@code site.pages}: the plugin's variables, no content of its own. */
    private static Map<String, Object> redirectListing(String from, String to) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sitemap", false);
        data.put("layout", "redirect");
        data.put("permalink", from);
        Map<String, Object> redirect = new LinkedHashMap<>();
        redirect.put("from", from);
        redirect.put("to", to);
        data.put("redirect", java.util.Collections.unmodifiableMap(redirect));
        return GeneratedFile.Listing.variables(data, "", "redirect.html", from);
    }

    /** Whether a page's front matter turns it into a redirect (so the sitemap leaves it out). */
    static boolean redirectsAway(Map<?, ?> page) {
        return !urls(page.get("redirect_to")).isEmpty();
    }

    private static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(SeoTag::truthy).forEach(item -> urls.add(item.toString()));
        } else if (SeoTag.truthy(value) && !value.toString().isEmpty()) {
            urls.add(value.toString());
        }
        return urls;
    }

    /** The plugin's redirect page, with the target escaped for each place it appears. */
    static String redirectPage(String target) {
        String attribute = Html.escape(target);
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en-US\">\n"
                + "  <meta charset=\"utf-8\">\n"
                + "  <title>Redirecting&hellip;</title>\n"
                + "  <link rel=\"canonical\" href=\"" + attribute + "\">\n"
                + "  <script>location=" + SeoTag.scriptSafe(JekyllFilters.jsonify(target)) + "</script>\n"
                + "  <meta http-equiv=\"refresh\" content=\"0; url=" + attribute + "\">\n"
                + "  <meta name=\"robots\" content=\"noindex\">\n"
                + "  <h1>Redirecting&hellip;</h1>\n"
                + "  <a href=\"" + attribute + "\">Click here if you are not redirected.</a>\n"
                + "</html>\n";
    }

    private static String absolute(SiteConfig config, String path) {
        return JekyllFilters.absoluteUrl(config.url(), config.baseurl(), path);
    }
}
