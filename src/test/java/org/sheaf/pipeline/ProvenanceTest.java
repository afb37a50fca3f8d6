package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code page.git} from a real repository with two authors at fixed dates, and its absence outside git. */
class ProvenanceTest {
    @TempDir
    Path dir;

    private static final String CONFIG = "title: Notes\ntimezone: UTC\nrepository: fellowship/research\nbranch: main\n";
    private static final String LAYOUT = """
            {% if page.git %}published={{ page.git.published | date: "%Y-%m-%d" }} \
            created={{ page.git.created | date: "%Y-%m-%d" }} \
            updated={{ page.git.updated | date: "%Y-%m-%d" }} revised={{ page.git.revised }} \
            commits={{ page.git.commits }} by={{ page.git.contributors | join: "|" }} \
            history={{ page.git.history_url }}{% else %}no git; date={{ page.date | date: "%Y-%m-%d" }}{% endif %}
            """;

    private TestSite site() {
        return TestSite.in(dir).file("_config.yml", CONFIG).file("_layouts/default.html", LAYOUT)
                .file("index.md", "---\nlayout: default\ndate: 2017-09-01\n---\nHome\n")
                .file("_posts/2017-10-02-news.md", "---\nlayout: default\n---\nNews\n");
    }

    private void git(String author, String date, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("git", "-c", "user.name=" + author, "-c", "user.email=a@example.org",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        env.put("GIT_AUTHOR_NAME", author);
        env.put("GIT_COMMITTER_NAME", author);
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", dir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", line) + " failed:\n" + output);
        }
    }

    private void commit(String author, String date, String message) throws IOException, InterruptedException {
        git(author, date, "add", "-A");
        git(author, date, "commit", "-q", "-m", message);
    }

    @Test
    void pagesTellWhenGitFirstAndLastSawThemAndWho() throws Exception {
        TestSite site = site();
        git("Ada", "2017-09-04T10:00:00Z", "init", "-q");
        commit("Ada Lovelace", "2017-09-04T10:00:00Z", "first");
        site.file("index.md", "---\nlayout: default\ndate: 2017-09-01\n---\nHome, revised\n");
        commit("Grace Hopper", "2017-11-20T09:30:00Z", "revise the home page");
        site.file("index.md", "---\nlayout: default\ndate: 2017-09-01\n---\nHome, revised again\n");
        commit("Ada Lovelace", "2017-12-01T08:00:00Z", "again");
        site.buildOk();

        assertEquals("published=2017-09-01 created=2017-09-04 updated=2017-12-01 revised=true commits=3 "
                + "by=Ada Lovelace|Grace Hopper "
                + "history=https://github.com/fellowship/research/commits/main/index.md\n", site.read("index.html"));
        // committed a month before the date of its file name: published on its date, never "revised"
        assertEquals("published=2017-10-02 created=2017-09-04 updated=2017-09-04 revised=false commits=1 by=Ada Lovelace "
                + "history=https://github.com/fellowship/research/commits/main/_posts/2017-10-02-news.md\n",
                site.read("2017/10/02/news.html"));
    }

    @Test
    void theFellowshipsIncludeSaysUpdatedOnlyAfterARevision() throws Exception {
        TestSite site = TestSite.in(dir).file("content/_config.yml", CONFIG)
                .file("templates/includes/provenance.ftlh",
                        java.nio.file.Files.readString(Path.of("templates/includes/provenance.ftlh")))
                .file("templates/note.ftlh", "<#include \"includes/provenance.ftlh\">")
                .file("content/a.md", "---\nlayout: note\n---\nA\n")
                .file("content/b.md", "---\nlayout: note\n---\nB\n");
        git("Ada", "2017-09-04T10:00:00Z", "init", "-q");
        commit("Ada Lovelace", "2017-09-04T10:00:00Z", "first");
        site.file("content/b.md", "---\nlayout: note\n---\nB, revised\n");
        commit("Grace Hopper", "2017-11-20T09:30:00Z", "revise b");
        site.buildOk();
        assertEquals("Published 4 September 2017. Contributors: Ada Lovelace. History of this page",
                org.jsoup.Jsoup.parse(site.read("a.html")).text());
        assertEquals("Published 4 September 2017. Last changed on 20 November 2017. "
                + "Contributors: Ada Lovelace, Grace Hopper. History of this page",
                org.jsoup.Jsoup.parse(site.read("b.html")).text());
        assertEquals("https://github.com/fellowship/research/commits/main/content/b.md",
                org.jsoup.Jsoup.parse(site.read("b.html")).expectFirst("a").attr("href"));
    }

    /**
     * Git knows when a file was committed, the writer when the note was published: a note
     * imported into git years after its date, and one committed before its date, both give their
     * front matter date as the publication and claim a change only after it.
     */
    @Test
    void theFellowshipsIncludeNeverContradictsTheFrontMatterDate() throws Exception {
        TestSite site = TestSite.in(dir).file("content/_config.yml", CONFIG)
                .file("templates/includes/provenance.ftlh",
                        java.nio.file.Files.readString(Path.of("templates/includes/provenance.ftlh")))
                .file("templates/note.ftlh", "<#include \"includes/provenance.ftlh\">")
                .file("content/imported.md", "---\nlayout: note\ndate: 2017-06-01\n---\nWritten in 2017\n")
                .file("content/early.md", "---\nlayout: note\ndate: 2017-10-13\n---\nDrafted in git\n");
        git("Ada", "2017-09-04T10:00:00Z", "init", "-q");
        commit("Ada Lovelace", "2017-09-04T10:00:00Z", "drafts");
        site.file("content/early.md", "---\nlayout: note\ndate: 2017-10-13\n---\nDrafted in git, finished\n");
        commit("Grace Hopper", "2017-09-20T09:30:00Z", "finish the early note");
        site.buildOk();
        assertEquals("Published 1 June 2017. Last changed on 4 September 2017. Contributors: Ada Lovelace. "
                + "History of this page", org.jsoup.Jsoup.parse(site.read("imported.html")).text());
        assertEquals("Published 13 October 2017. Contributors: Ada Lovelace, Grace Hopper. History of this page",
                org.jsoup.Jsoup.parse(site.read("early.html")).text());
    }

    @Test
    void contributorsAreNamedAsTheRepositorysMailmapNamesThem() throws Exception {
        TestSite site = site().file(".mailmap", "Ada Lovelace <a@example.org> ada <a@example.org>\n");
        git("ada", "2017-09-04T10:00:00Z", "init", "-q");
        commit("ada", "2017-09-04T10:00:00Z", "first");
        site.file("index.md", "---\nlayout: default\ndate: 2017-09-01\n---\nHome, revised\n");
        commit("Grace Hopper", "2017-11-20T09:30:00Z", "revise the home page");
        site.buildOk();
        assertTrue(site.read("index.html").contains(" by=Ada Lovelace|Grace Hopper "), site.read("index.html"));
    }

    @Test
    void aFileGitDoesNotTrackFallsBackToItsFrontMatter() throws Exception {
        TestSite site = site();
        git("Ada", "2017-09-04T10:00:00Z", "init", "-q");
        git("Ada", "2017-09-04T10:00:00Z", "add", "_config.yml", "_layouts");
        git("Ada", "2017-09-04T10:00:00Z", "commit", "-q", "-m", "config only");
        site.buildOk();
        assertEquals("no git; date=2017-09-01\n", site.read("index.html"));
    }

    @Test
    void aSiteOutsideGitSaysNothingOfGit() {
        TestSite site = site().buildOk();
        assertEquals("no git; date=2017-09-01\n", site.read("index.html"));
        assertEquals("no git; date=2017-10-02\n", site.read("2017/10/02/news.html"));
    }

    @Test
    void provenanceFalseSwitchesGitOff() throws Exception {
        TestSite site = site().file("_config.yml", CONFIG + "provenance: false\n");
        git("Ada", "2017-09-04T10:00:00Z", "init", "-q");
        commit("Ada Lovelace", "2017-09-04T10:00:00Z", "first");
        site.buildOk();
        assertEquals("no git; date=2017-09-01\n", site.read("index.html"));
    }

    @Test
    void aSiteInASubfolderLinksToItsPathInTheRepository() throws Exception {
        TestSite.in(dir).file("docs/_config.yml", "title: Docs\nrepository: https://github.com/o/r.git\n")
                .file("docs/_layouts/default.html", "{{ page.git.history_url }}|{{ page.git.contributors | join: \",\" }}\n")
                .file("docs/about.md", "---\nlayout: default\n---\nAbout\n");
        git("Ada", "2020-01-02T00:00:00Z", "init", "-q");
        commit("Ada Lovelace", "2020-01-02T00:00:00Z", "docs");
        TestSite site = TestSite.in(dir.resolve("docs")).buildOk();
        assertEquals("https://github.com/o/r/commits/HEAD/docs/about.md|Ada Lovelace\n", site.read("about.html"));
        assertTrue(site.build().stageTimes().containsKey("git"));
        assertFalse(TestSite.in(dir.resolve("docs")).file("_config.yml", "provenance: false\n").build()
                .stageTimes().containsKey("git"));
    }
}
