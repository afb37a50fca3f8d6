package org.sheaf.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.Page;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;

/**
 * jekyll-mentions: after a page or written document is laid out, each {@code @user} in its text
 * becomes a link to the user's GitHub page, {@code <a href="https://github.com/user"
 * class="user-mention">@user</a>}, outside {@code pre}, {@code code}, {@code a}, {@code style} and
 * {@code script}.
 *
 * <p>The plugin's rules: only output that is HTML (or whose permalink ends with {@code /}); not
 * when the front matter says {@code jekyll-mentions: false}; the base address is
 * {@code jekyll-mentions: base_url} (or {@code jekyll-mentions: URL}) in the front matter, else in
 * the config, else {@code https://github.com} (or the GitHub host that {@code SSL} and
 * {@code GITHUB_HOSTNAME} name). A mention is {@code @} after the start of a line or a character
 * that is not a letter, digit or {@code _}, then a name of letters, digits, {@code _} and
 * {@code -}, not followed by {@code /}; {@code @mention}, {@code @mentions}, {@code @mentioned} and
 * {@code @mentioning} stay text. Only the body is read when the output has one, and when the body
 * has any mention (even in code) it is written again as libxml2 writes HTML
 * ({@link Html4Fragment}), as the plugin's HTML pipeline does.
 */
public final class Mentions {
    /** The plugin's name in {@code plugins:}. */
    public static final String PLUGIN = "jekyll-mentions";
    private static final String KEY = "jekyll-mentions";
    private static final Pattern MENTION = Pattern.compile(
            "(?:^|\\W)@((?>[\\w][\\w-]*))(?!/)(?=\\.+[ \\t\\W]|\\.+$|[^0-9a-zA-Z_.]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Pattern BODY = Pattern.compile("<body(.*?)>\\s*", Pattern.DOTALL);
    private static final Set<String> NOT_USERS = Set.of("mention", "mentions", "mentioned", "mentioning");
    private static final Set<String> IGNORED = Set.of("pre", "code", "a", "style", "script");

    private final Object siteSetting;
    private final String defaultBase;
    private final SiteConfig config;

    private Mentions(SiteConfig config, Object siteSetting, String defaultBase) {
        this.config = config;
        this.siteSetting = siteSetting;
        this.defaultBase = defaultBase;
    }

    /**
     * The plugin for {@code config}, when it lists the plugin (or its theme depends on it).
     *
     * @param env the process environment, for {@code SSL} and {@code GITHUB_HOSTNAME}
     */
    public static Optional<Mentions> of(SiteConfig config, Map<String, String> env) {
        boolean listed = config.strings("plugins").contains(PLUGIN) || config.strings("gems").contains(PLUGIN)
                || config.theme().map(theme -> theme.dependencies().contains(PLUGIN)).orElse(false);
        if (!listed) {
            return Optional.empty();
        }
        String ssl = env.getOrDefault("SSL", "");
        String host = env.getOrDefault("GITHUB_HOSTNAME", "");
        String base = !ssl.isEmpty() && !host.isEmpty()
                ? (ssl.equals("true") ? "https://" : "http://") + (host.endsWith("/") ? host.substring(0, host.length() - 1) : host)
                : "https://github.com";
        return Optional.of(new Mentions(config, config.get(KEY), base));
    }

    /**
     * {@code output} of {@code page} with its mentions linked; {@code output} itself when the page
     * is not HTML, turns the plugin off, or has no mention.
     *
     * @throws DiagnosticException when the page's or the config's {@code jekyll-mentions} is
     *                             neither text nor a map
     */
    public String apply(Page page, String output) throws DiagnosticException {
        Map<String, Object> data = page.drop();
        Object permalink = data.get("permalink");
        // the plugin asks for output_ext ".html": a .htm or .xhtml document written to
        // NAME/index.html under a pretty permalink still has its own extension there
        String ext = page.source().extension();
        boolean html = page.outputPath() != null && page.outputPath().endsWith(".html")
                && !ext.equals(".htm") && !ext.equals(".xhtml")
                || permalink instanceof String p && p.endsWith("/");
        if (!html || Boolean.FALSE.equals(data.get(KEY)) || output.indexOf('@') < 0) {
            return output;
        }
        boolean own = data.containsKey(KEY);
        String base = base(own ? data.get(KEY) : siteSetting, own ? page : null);
        Matcher body = BODY.matcher(output);
        if (output.contains("<body")) {
            if (!body.find()) {
                return output;
            }
            int end = output.indexOf("</body>", body.end());
            String inner = output.substring(body.end(), end < 0 ? output.length() : end);
            if (!MENTION.matcher(inner).find()) {
                return output;
            }
            return output.substring(0, body.end()) + linked(inner, base) + (end < 0 ? "" : output.substring(end));
        }
        return MENTION.matcher(output).find() ? linked(output, base) : output;
    }

    private String base(Object setting, Page page) throws DiagnosticException {
        if (setting == null) {
            return defaultBase;
        }
        if (setting instanceof Map<?, ?> map) {
            return map.containsKey("base_url") ? String.valueOf(map.get("base_url")) : defaultBase;
        }
        if (setting instanceof String text) {
            return text;
        }
        String message = "jekyll-mentions must be a URL or a map with base_url, not " + describe(setting);
        Diagnostic problem = page == null ? config.errorAt(KEY, message)
                : Diagnostic.error(page.sitePath(), page.positionOf(KEY), message);
        throw new DiagnosticException(problem);
    }

    private static String describe(Object value) {
        return value instanceof List<?> ? "a list" : value instanceof Boolean ? "true" : "a number";
    }

    static String linked(String html, String base) {
        Html4Fragment.Element root = Html4Fragment.parse(html);
        String href = base.endsWith("/") || base.endsWith("~") ? base : base + "/";
        Html4Fragment.eachText(root, IGNORED, text -> {
            if (text.text.indexOf('@') < 0) {
                return;
            }
            List<Html4Fragment.Node> nodes = new ArrayList<>();
            Matcher m = MENTION.matcher(text.text);
            int done = 0;
            while (m.find()) {
                String login = m.group(1);
                if (NOT_USERS.contains(login.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                int at = m.start(1) - 1;
                if (at > done) {
                    nodes.add(new Html4Fragment.Text(text.text.substring(done, at)));
                }
                Html4Fragment.Element link = new Html4Fragment.Element("a");
                link.attributes.add(new String[] {"href", href + login});
                link.attributes.add(new String[] {"class", "user-mention"});
                link.append(new Html4Fragment.Text("@" + login));
                nodes.add(link);
                done = m.end(1);
            }
            if (nodes.isEmpty()) {
                return;
            }
            if (done < text.text.length()) {
                nodes.add(new Html4Fragment.Text(text.text.substring(done)));
            }
            Html4Fragment.replace(text, nodes);
        });
        return Html4Fragment.render(root);
    }
}
