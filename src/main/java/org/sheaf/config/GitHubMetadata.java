package org.sheaf.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.diag.Diagnostics;

/**
 * jekyll-github-metadata as it fills {@code site.github} with no network: every value that the
 * plugin reads from GitHub's API is what the plugin gives when the API cannot be reached (nil,
 * false, or an owner whose fields are all nil), and the rest is computed from the repository's
 * name and the {@code PAGES_*} environment variables, by the plugin's rules. A sheaf build never
 * reaches the network.
 *
 * <p>The repository ({@code OWNER/NAME}) is, in the plugin's order: {@code PAGES_REPO_NWO},
 * {@code repository:} in the config when it is text with a {@code /}, and, in the
 * {@code development} and {@code test} environments, the GitHub address of the site's
 * {@code origin} git remote. Without one the plugin stops the build where a value is used; sheaf
 * warns and leaves {@code site.github} unset.
 *
 * <p>As the plugin does, the config gets {@code title} (the project's name, or the owner's) when it
 * has neither {@code title} nor {@code name}, and, in the {@code production} environment or a
 * Pages build ({@code PAGE_BUILD_ID}), {@code url} when unset and {@code baseurl} when unset or
 * {@code /}, from the Pages address. {@code github:} in the config is merged over the values
 * (a map) or replaces them (anything else).
 */
public final class GitHubMetadata {
    /** The plugin's name in {@code plugins:}. */
    public static final String PLUGIN = "jekyll-github-metadata";

    private static final Map<String, String> DEFAULTS = Map.of(
            "PAGES_ENV", "development",
            "PAGES_API_URL", "https://api.github.com",
            "PAGES_HELP_URL", "https://help.github.com",
            "PAGES_GITHUB_HOSTNAME", "github.com",
            "PAGES_PAGES_HOSTNAME", "github.io",
            "SSL", "false",
            "SUBDOMAIN_ISOLATION", "false");
    /** The owner's fields the plugin asks the API for, each nil offline. */
    private static final List<String> OWNER_FIELDS = List.of("avatar_url", "bio", "blog", "collaborators", "company",
            "created_at", "description", "email", "followers", "following", "has_organization_projects",
            "has_repository_projects", "hireable", "html_url", "id", "is_verified", "location", "login", "name",
            "node_id", "public_gists", "public_repos", "type", "updated_at");
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern REMOTE = Pattern.compile("\\Aorigin\\t(.*) \\([a-z]+\\)");

    private final Map<String, String> env;
    private final String environment;

    private GitHubMetadata(Map<String, String> env, String environment) {
        this.env = env;
        this.environment = environment;
    }

    /**
     * {@code config} with the plugin's values when the site lists the plugin (or its theme depends
     * on it); {@code config} itself otherwise, or when no repository is found (a warning).
     *
     * @param environment the build's {@code jekyll.environment}
     * @param env         the process environment ({@code PAGES_*}, {@code JEKYLL_BUILD_REVISION}, ...)
     */
    public static SiteConfig apply(SiteConfig config, String environment, Map<String, String> env, Diagnostics diagnostics) {
        boolean listed = config.strings("plugins").contains(PLUGIN) || config.strings("gems").contains(PLUGIN)
                || config.theme().map(theme -> theme.dependencies().contains(PLUGIN)).orElse(false);
        if (!listed) {
            return config;
        }
        GitHubMetadata pages = new GitHubMetadata(env, environment);
        String nwo = pages.nameWithOwner(config);
        if (nwo == null) {
            int item = config.strings("plugins").indexOf(PLUGIN);
            String key = item >= 0 ? "plugins." + item : "plugins";
            diagnostics.add(config.originOf(key).warning("jekyll-github-metadata found no repository, "
                    + "so site.github is not set").withHint("write `repository: OWNER/NAME` in _config.yml"));
            return config;
        }
        Map<String, Object> values = pages.values(nwo, config.siteRoot());
        Map<String, Object> changed = new LinkedHashMap<>();
        if (config.get("title") == null && config.get("name") == null) {
            changed.put("title", Boolean.TRUE.equals(values.get("is_project_page"))
                    ? values.get("project_title") : values.get("owner_name"));
        }
        if ("production".equals(environment) || !pages.var("PAGE_BUILD_ID", null).isEmpty()) {
            String url = (String) values.get("url");
            if (config.get("url") == null) {
                changed.put("url", withoutPath(url));
            }
            Object baseurl = config.get("baseurl");
            if (baseurl == null || "/".equals(baseurl)) {
                changed.put("baseurl", path(url));
            }
        }
        Object own = config.get("github");
        changed.put("github", own == null ? values : own instanceof Map<?, ?> map ? deepMerge(values, map) : own);
        return config.with(changed);
    }

    /** Where the plugin takes the repository's {@code OWNER/NAME} from; null when nowhere. */
    private String nameWithOwner(SiteConfig config) {
        String fromEnv = env.get("PAGES_REPO_NWO");
        if (fromEnv != null) {
            return fromEnv;
        }
        if (config.get("repository") instanceof String repository && repository.contains("/")) {
            return repository;
        }
        if (!"development".equals(environment) && !"test".equals(environment)) {
            return null;
        }
        String remote = "";
        for (String line : git(config.siteRoot(), "remote", "--verbose").split("\n")) {
            Matcher m = REMOTE.matcher(line);
            if (line.startsWith("origin\t")) {
                remote = m.lookingAt() ? m.group(1) + line.substring(m.end()) : line;
                break;
            }
        }
        if (remote.endsWith(".git")) {
            remote = remote.substring(0, remote.length() - ".git".length());
        }
        Matcher m = Pattern.compile(Pattern.quote(githubHostname()) + "(:|/)([\\w-]+)/([\\w.-]+)").matcher(remote);
        return m.find() ? m.group(2) + "/" + m.group(3) : null;
    }

    /** {@code site.github}: the drop's keys in order, with their offline values. */
    private Map<String, Object> values(String nwo, Path siteRoot) {
        String owner = nwo.split("/", -1)[0];
        String[] parts = nwo.split("/");
        String name = parts.length == 0 ? "" : parts[parts.length - 1];
        boolean userPage = userPage(owner, name);
        String ownerUrl = githubUrl() + "/" + owner;
        String repositoryUrl = ownerUrl + "/" + name;
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("branch", userPage ? "master" : "gh-pages");
        source.put("path", "/");
        Map<String, Object> ownerFields = new LinkedHashMap<>();
        OWNER_FIELDS.forEach(field -> ownerFields.put(field, null));

        Map<String, Object> values = new TreeMap<>();
        values.put("environment", pagesEnv());
        values.put("pages_env", pagesEnv());
        values.put("hostname", githubHostname());
        values.put("pages_hostname", pagesHostname());
        values.put("api_url", trimSlash(var("PAGES_API_URL", env.get("API_URL"))));
        values.put("help_url", trimSlash(var("PAGES_HELP_URL", env.get("HELP_URL"))));
        values.put("organization_members", null);
        values.put("project_title", name);
        values.put("project_tagline", null);
        values.put("owner", ownerFields);
        values.put("owner_name", owner);
        values.put("owner_display_name", null);
        values.put("owner_url", ownerUrl);
        values.put("owner_gravatar_url", ownerUrl + ".png");
        values.put("repository_url", repositoryUrl);
        values.put("repository_nwo", nwo);
        values.put("repository_name", name);
        values.put("zip_url", repositoryUrl + "/zipball/" + source.get("branch"));
        values.put("tar_url", repositoryUrl + "/tarball/" + source.get("branch"));
        values.put("clone_url", repositoryUrl + ".git");
        values.put("releases_url", repositoryUrl + "/releases");
        values.put("issues_url", null);
        values.put("wiki_url", null);
        values.put("language", null);
        values.put("is_user_page", userPage);
        values.put("is_project_page", !userPage);
        values.put("show_downloads", null);
        values.put("url", pagesUrl(owner, name, nwo, userPage));
        values.put("baseurl", path((String) values.get("url")));
        values.put("contributors", false);
        values.put("releases", false);
        values.put("latest_release", false);
        values.put("private", null);
        values.put("archived", null);
        values.put("disabled", null);
        values.put("license", null);
        values.put("source", source);
        values.put("versions", Map.of());
        String revision = env.get("JEKYLL_BUILD_REVISION");
        values.put("build_revision", revision != null && !revision.isEmpty() ? revision
                : git(siteRoot, "rev-parse", "HEAD").strip());
        return values;
    }

    /** The site's address on Pages, as the plugin makes it when it cannot ask the API. */
    private String pagesUrl(String owner, String name, String nwo, boolean userPage) {
        String url;
        if (!customDomains()) {
            String path = userPage ? owner : nwo;
            url = "true".equals(var("SUBDOMAIN_ISOLATION", null))
                    ? join(scheme() + "://" + pagesHostname() + "/", path)
                    : join(githubUrl() + "/pages/", path);
        } else {
            String domain = defaultUserDomain(owner);
            String scheme = enterprise() ? scheme()
                    : owner.equals("github") && domain.endsWith(".github.com") ? "https" : "http";
            url = userPage ? scheme + "://" + domain : join(scheme + "://" + domain, name);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private boolean userPage(String owner, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (enterprise()) {
            return lower.equals(owner.toLowerCase(Locale.ROOT) + "." + githubHostname());
        }
        return lower.equals(defaultUserDomain(owner)) || lower.equals((owner + ".github.com").toLowerCase(Locale.ROOT));
    }

    private String defaultUserDomain(String owner) {
        if (!enterprise() && owner.equals("github")) {
            return (owner + "." + githubHostname()).toLowerCase(Locale.ROOT);
        }
        return enterprise() ? pagesHostname().toLowerCase(Locale.ROOT)
                : (owner + "." + pagesHostname()).toLowerCase(Locale.ROOT);
    }

    private String pagesEnv() {
        return var("PAGES_ENV", environment);
    }

    private boolean enterprise() {
        return pagesEnv().equals("enterprise");
    }

    private boolean customDomains() {
        return pagesEnv().equals("dotcom") || pagesEnv().equals("test");
    }

    private String scheme() {
        return "true".equals(var("SSL", null)) || pagesEnv().equals("test") ? "https" : "http";
    }

    private String githubHostname() {
        return trimSlash(var("PAGES_GITHUB_HOSTNAME", env.get("GITHUB_HOSTNAME")));
    }

    private String githubUrl() {
        return pagesEnv().equals("dotcom") || githubHostname().equals("github.com") ? "https://github.com"
                : scheme() + "://" + githubHostname();
    }

    private String pagesHostname() {
        String fallback = env.get("PAGES_HOSTNAME");
        if (fallback == null && pagesEnv().equals("development")) {
            fallback = "localhost:4000";
        }
        return trimSlash(var("PAGES_PAGES_HOSTNAME", fallback));
    }

    /** The plugin's reading of a variable: its value when not empty, else the fallback, else its default. */
    private String var(String key, String fallback) {
        String value = env.get(key);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        return fallback != null ? fallback : DEFAULTS.getOrDefault(key, "");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A relative path joined to a base address as a URI reference is resolved. */
    private static String join(String base, String path) {
        return java.net.URI.create(base.endsWith("/") || base.indexOf('/', base.indexOf("//") + 2) >= 0 ? base : base + "/")
                .resolve(path).toString();
    }

    /** The address without its path: scheme, host and port. */
    private static String withoutPath(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String path(String url) {
        return java.net.URI.create(url).getRawPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepMerge(Map<String, Object> values, Map<?, ?> own) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        own.forEach((key, value) -> {
            Object old = merged.get(String.valueOf(key));
            merged.put(String.valueOf(key), old instanceof Map<?, ?> a && value instanceof Map<?, ?> b
                    ? deepMerge((Map<String, Object>) a, b) : value);
        });
        return merged;
    }

    /** A local git command's output in the site's folder; "" when git is missing or fails. */
    private static String git(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return GitCommand.run(dir, GIT_TIMEOUT, command).orElse("");
    }
}
