package org.sheaf.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/**
 * Checks a built site's links with jsoup: every {@code a[href]}, {@code img[src]},
 * {@code link[href]}, {@code script[src]}, {@code source[src]}, {@code video[src]},
 * {@code audio[src]} and {@code iframe[src]} of every HTML page must name a file of the site,
 * and a {@code #fragment} must name an element's {@code id} (or an {@code a name}) on the target
 * page. A folder link resolves to its {@code index.html}; {@code /about} also resolves to
 * {@code about.html} or {@code about/index.html}, as GitHub Pages serves them. Links with other
 * schemes ({@code mailto:}, {@code data:}, ...) are not checked; {@code http(s)} links to other
 * sites are collected for {@link ExternalLinkChecker}.
 *
 * <p>A broken link is reported as {@code SOURCE:LINE:COL: error: broken link "x"} at the place in
 * the page's source file where the link is written; when the source does not spell it out (the
 * link comes from a layout), at the source file as a whole with a note naming the built page's
 * line. Thread-safe; pages are checked in parallel.
 */
public final class LinkChecker {
    private static final String SELECTOR = "a[href], img[src], link[href], script[src], source[src], video[src], "
            + "audio[src], iframe[src]";

    /** The slashes after an origin: {@code url: https://x.org/} makes absolute_url write {@code https://x.org//a/}. */
    private static final Pattern ORIGIN_SLASHES = Pattern.compile("^(https?://[^/]*)/+");

    private final CheckedSite site;
    private final SourceLocator locator;
    private final Map<String, Set<String>> anchors = new ConcurrentHashMap<>();

    /** A link to another site, and where it was found. */
    public record ExternalLink(String url, String page, Position htmlPosition, int occurrence) {
    }

    /** What one pass over the site found. */
    public record Report(List<Diagnostic> broken, List<ExternalLink> external, int checked) {
    }

    public LinkChecker(CheckedSite site) {
        this.site = site;
        this.locator = new SourceLocator(site.siteRoot());
    }

    /** Checks every internal link; collects the external ones. Diagnostics are sorted. */
    public Report check() {
        List<String> pages = site.files().keySet().stream().filter(LinkChecker::isHtml).sorted().toList();
        List<Diagnostic> broken = Collections.synchronizedList(new ArrayList<>());
        List<ExternalLink> external = Collections.synchronizedList(new ArrayList<>());
        int[] checked = new int[1];
        pages.parallelStream().forEach(page -> {
            int count = checkPage(page, broken, external);
            synchronized (checked) {
                checked[0] += count;
            }
        });
        List<Diagnostic> sorted = new ArrayList<>(broken);
        Collections.sort(sorted);
        List<ExternalLink> links = new ArrayList<>(external);
        links.sort((a, b) -> (a.page() + a.url()).compareTo(b.page() + b.url()));
        return new Report(List.copyOf(sorted), List.copyOf(links), checked[0]);
    }

    /** The diagnostic for a broken link on {@code page}, placed at its source when it can be found. */
    Diagnostic brokenAt(String page, String link, int occurrence, Position htmlPosition, String hint) {
        String origin = site.origins().getOrDefault(page, page);
        Optional<Position> position = locator.find(origin, link, occurrence);
        Diagnostic diagnostic = Diagnostic.error(origin, position.orElse(Position.FILE), "broken link \"" + link + "\"")
                .withHint(hint);
        if (position.isEmpty()) {
            diagnostic = diagnostic.within(page + ":" + htmlPosition.line() + ":" + htmlPosition.column());
        }
        return diagnostic;
    }

    private int checkPage(String page, List<Diagnostic> broken, List<ExternalLink> external) {
        String html = new String(site.files().get(page), StandardCharsets.UTF_8);
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        org.jsoup.nodes.Document document = Jsoup.parse(html, "", parser);
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        for (Element element : document.select(SELECTOR)) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String link = element.attr(attribute).strip();
            if (link.isEmpty()) {
                continue;
            }
            int occurrence = seen.merge(link, 1, Integer::sum) - 1;
            Position at = new Position(element.sourceRange().start().lineNumber(),
                    element.sourceRange().start().columnNumber());
            count++;
            Target target = resolve(page, link);
            if (target.external() != null) {
                external.add(new ExternalLink(target.external(), page, at, occurrence));
            } else if (target.problem() != null) {
                broken.add(brokenAt(page, link, occurrence, at, target.problem()));
            }
        }
        return count;
    }

    /** Where a link goes: nowhere to check, another site, or a problem. */
    private record Target(String external, String problem) {
        static final Target FINE = new Target(null, null);
    }

    private Target resolve(String page, String link) {
        URI uri;
        try {
            uri = new URI(escapeLoosely(link));
        } catch (URISyntaxException e) {
            return new Target(null, "not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme != null || uri.getRawAuthority() != null) {
            if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
                return Target.FINE;
            }
            String absolute = scheme == null ? "https:" + link : link;
            String origin = site.url().endsWith("/") ? site.url().substring(0, site.url().length() - 1) : site.url();
            String home = origin.isEmpty() ? null : origin + site.baseurl() + "/";
            String squeezed = ORIGIN_SLASHES.matcher(absolute).replaceFirst("$1/");
            if (home == null || !(squeezed + "/").startsWith(home)) {
                return new Target(absolute, null);
            }
            uri = URI.create(escapeLoosely(squeezed.substring(origin.length())));
        }
        URI pageUri = URI.create("http://site.invalid" + escapeLoosely(site.baseurl() + "/" + page));
        URI resolved = pageUri.resolve(uri);
        String path = resolved.getPath();
        String fragment = uri.getFragment();
        if (path == null || path.isEmpty()) {
            path = site.baseurl() + "/" + page;
        }
        String base = site.baseurl() + "/";
        if (!path.startsWith(base) && !(path + "/").equals(base)) {
            return new Target(null, "\"" + path + "\" is outside the site's baseurl \"" + site.baseurl() + "\"");
        }
        String rest = path.length() <= base.length() ? "" : path.substring(base.length());
        Optional<String> file = fileFor(rest);
        if (file.isEmpty()) {
            return new Target(null, "no file at " + path);
        }
        if (fragment != null && !fragment.isEmpty() && !fragment.equals("top") && isHtml(file.get())
                && !anchorsOf(file.get()).contains(fragment)) {
            return new Target(null, "no element with id \"" + fragment + "\" in " + path);
        }
        return Target.FINE;
    }

    private Optional<String> fileFor(String rest) {
        Map<String, byte[]> files = site.files();
        if (rest.isEmpty() || rest.endsWith("/")) {
            return files.containsKey(rest + "index.html") ? Optional.of(rest + "index.html") : Optional.empty();
        }
        for (String candidate : List.of(rest, rest + "/index.html", rest + ".html")) {
            if (files.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Set<String> anchorsOf(String file) {
        return anchors.computeIfAbsent(file, key -> {
            org.jsoup.nodes.Document document = Jsoup.parse(new String(site.files().get(key), StandardCharsets.UTF_8));
            Set<String> ids = new HashSet<>();
            for (Element element : document.select("[id]")) {
                ids.add(element.id());
            }
            for (Element element : document.select("a[name]")) {
                ids.add(element.attr("name"));
            }
            return Set.copyOf(ids);
        });
    }

    /** Escapes what {@link URI} refuses but browsers accept: spaces, non-ASCII, and a few others. */
    private static String escapeLoosely(String link) {
        StringBuilder out = new StringBuilder();
        for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }
}
