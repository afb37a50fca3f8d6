package org.sheaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.check.CheckedSite;
import org.sheaf.check.LinkChecker;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The GitHub workflows in {@code .github/workflows/}, read as GitHub reads them, so that they
 * cannot rot unnoticed: the Pages workflow has what a Pages deployment needs and its build command
 * builds this site under a project-site baseurl with no broken link; the test workflow runs the
 * README's test command with the packages {@code .ci/run} installs; {@code sheaf new site} writes
 * the same Pages workflow.
 */
class GitHubWorkflowsTest {
    private static final Path PAGES = Path.of(".github/workflows/pages.yml");
    private static final Path CI = Path.of(".github/workflows/ci.yml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*steps\\.([\\w-]+)\\.outputs\\.[\\w-]+\\s*}}");

    @TempDir
    Path dir;

    @Test
    void thePagesWorkflowHasWhatAPagesDeploymentNeeds() throws IOException {
        Map<String, Object> workflow = read(PAGES);
        assertEquals(List.of("main"), map(map(on(workflow)).get("push")).get("branches"));
        assertTrue(map(on(workflow)).containsKey("workflow_dispatch"));
        assertEquals(Map.of("contents", "read", "pages", "write", "id-token", "write"), workflow.get("permissions"));
        assertEquals(Map.of("group", "pages", "cancel-in-progress", false), workflow.get("concurrency"));

        Map<String, Object> build = map(map(workflow.get("jobs")).get("build"));
        List<Map<String, Object>> steps = steps(build);
        Map<String, Object> java = step(steps, "actions/setup-java@");
        assertEquals(Map.of("distribution", "temurin", "java-version", "17", "cache", "maven"), java.get("with"));
        assertEquals("pages", step(steps, "actions/configure-pages@").get("id"));
        assertEquals(Map.of("path", "site"), step(steps, "actions/upload-pages-artifact@").get("with"));
        assertTrue(steps.indexOf(step(steps, "actions/checkout@")) < steps.indexOf(java),
                "setup-java's Maven cache hashes pom.xml, so the checkout comes first");
        String command = buildCommand(steps);
        assertTrue(command.contains("--baseurl \"${{ steps.pages.outputs.base_path }}\""), command);
        assertTrue(command.contains("--url \"${{ steps.pages.outputs.origin }}\""), command);
        assertEveryStepOutputIsDefined(steps);
        assertEquals(Map.of("JEKYLL_ENV", "production"), steps.stream().filter(s -> s.containsKey("run"))
                .filter(s -> ((String) s.get("run")).contains(command)).findFirst().orElseThrow().get("env"));

        Map<String, Object> deploy = map(map(workflow.get("jobs")).get("deploy"));
        assertEquals("build", deploy.get("needs"));
        assertEquals("github-pages", map(deploy.get("environment")).get("name"));
        assertEquals("${{ steps.deployment.outputs.page_url }}", map(deploy.get("environment")).get("url"));
        assertEquals("deployment", step(steps(deploy), "actions/deploy-pages@").get("id"));
    }

    @Test
    void thePagesBuildCommandBuildsThisSiteUnderAProjectBaseurlWithoutBrokenLinks() throws IOException {
        Path root = dir.resolve("repo");
        copyTree(Path.of("content"), root.resolve("content"));
        copyTree(Path.of("templates"), root.resolve("templates"));
        String command = buildCommand(steps(map(map(read(PAGES).get("jobs")).get("build"))))
                .replace("${{ steps.pages.outputs.base_path }}", "/open-revenue-research")
                .replace("${{ steps.pages.outputs.origin }}", "https://fellowship.github.io");
        List<String> words = words(command.substring(command.indexOf(" build ") + 1));
        List<String> args = new ArrayList<>(words);
        args.add(1, root.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());

        Path site = root.resolve("site");
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        LinkChecker.Report report = new LinkChecker(new CheckedSite(files, Map.of(), root,
                "/open-revenue-research", "https://fellowship.github.io")).check();
        assertEquals(List.of(), report.broken());
        String home = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("href=\"https://fellowship.github.io/open-revenue-research/\""), home);
    }

    @Test
    void theTestWorkflowRunsTheReadmeTestCommandWithWhatCiInstalls() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher quickStart = Pattern.compile("## Quick start\\s+```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(quickStart.find(), "README has a Quick start code block");
        List<String> lines = quickStart.group(1).lines().toList();
        String testCommand = lines.get(lines.size() - 1);

        List<Map<String, Object>> steps = steps(map(map(read(CI).get("jobs")).get("test")));
        List<String> runs = steps.stream().filter(s -> s.containsKey("run")).map(s -> (String) s.get("run")).toList();
        assertEquals(testCommand, runs.get(runs.size() - 1).strip());

        String ciRun = Files.readString(Path.of(".ci/run"), StandardCharsets.UTF_8);
        assertTrue(ciRun.strip().endsWith("\n" + testCommand), ciRun);
        Set<String> needed = installed(ciRun);
        assertTrue(!needed.isEmpty(), ciRun);
        Set<String> ciInstalls = installed(String.join("\n", runs));
        assertTrue(ciInstalls.containsAll(needed), ciInstalls + " lacks some of " + needed);
    }

    @Test
    void aNewSiteGetsThePagesWorkflow() throws IOException {
        Path site = dir.resolve("notes");
        CliRun run = CliRun.of("new", "site", site.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(Files.readString(PAGES), Files.readString(site.resolve(".github/workflows/pages.yml")));
    }

    private static String buildCommand(List<Map<String, Object>> steps) {
        return steps.stream().filter(s -> s.containsKey("run")).flatMap(s -> ((String) s.get("run")).lines())
                .filter(line -> line.contains("sheaf.jar\" build ")).findFirst()
                .orElseThrow(() -> new AssertionError("no step runs sheaf.jar build"));
    }

    /** Every {@code steps.ID.outputs} expression names a step of the same job that has that id. */
    private static void assertEveryStepOutputIsDefined(List<Map<String, Object>> steps) {
        Set<Object> ids = new LinkedHashSet<>();
        steps.forEach(s -> ids.add(s.get("id")));
        for (Map<String, Object> step : steps) {
            Matcher used = EXPRESSION.matcher(String.valueOf(step.get("run")) + step.get("with"));
            while (used.find()) {
                assertTrue(ids.contains(used.group(1)), "no step has id " + used.group(1));
            }
        }
    }

    /** The packages named by the {@code apt-get install} lines of a script. */
    private static Set<String> installed(String script) {
        Set<String> packages = new LinkedHashSet<>();
        Matcher install = Pattern.compile("apt-get install ([^\\n&;]*)").matcher(script);
        while (install.find()) {
            for (String word : install.group(1).trim().split("\\s+")) {
                if (!word.startsWith("-")) {
                    packages.add(word);
                }
            }
        }
        return packages;
    }

    /** A shell command line's words, double quotes removed. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.strip());
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    /** The {@code on:} key, which YAML 1.1 reads as the boolean true. */
    private static Object on(Map<String, Object> workflow) {
        return workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> read(Path file) throws IOException {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
