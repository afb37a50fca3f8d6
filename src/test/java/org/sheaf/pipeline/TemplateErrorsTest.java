package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors inside layouts are reported in the layout's file, naming the page being rendered. */
class TemplateErrorsTest {
    @TempDir
    Path dir;

    private TestSite sheafSite(String postLayoutName, String postLayout) {
        return TestSite.in(dir)
                .file("content/_config.yml", "title: T\ntimezone: UTC\nliquid:\n  strict_filters: true\n")
                .file("content/a.md", "---\nlayout: post\ntitle: Hi\n---\nBody\n")
                .file("templates/base.ftlh", "<html>${content}</html>\n")
                .file("templates/" + postLayoutName, postLayout);
    }

    private static String failure(TestSite site) {
        BuildResult result = site.build();
        assertEquals(BuildResult.Status.SITE_ERRORS, result.status());
        return TestSite.printed(result);
    }

    @Test
    void freemarkerUndefinedValueNamesTheExpressionAndThePage() {
        TestSite site = sheafSite("post.ftlh", "---\nlayout: base\n---\n<article>\n${page.titel}\n${content}</article>\n");
        assertEquals("templates/post.ftlh:5:3: error: \"page.titel\" is undefined\n"
                + "    hint: write ${x!\"\"} or <#if x??> for values a page may not have\n"
                + "    in: content/a.md", failure(site));
    }

    @Test
    void freemarkerSyntaxErrorIsReportedInTheLayout() {
        TestSite site = sheafSite("post.ftlh", "---\nlayout: base\n---\n<article>\n<#if page.title>\n</article>\n");
        String printed = failure(site);
        assertEquals("templates/post.ftlh:6:11: error: Freemarker syntax error: Unexpected end of file reached.",
                printed.substring(0, printed.indexOf(" You have")));
    }

    @Test
    void liquidLayoutErrorIsReportedInTheLayoutWithThePage() {
        TestSite site = sheafSite("post.html", "---\nlayout: base\n---\n<article>{{ page.title | nope }}</article>\n");
        assertEquals("templates/post.html:4:24: error: unknown Liquid filter \"nope\"\n"
                + "    in: content/a.md", failure(site));
    }

    @Test
    void freemarkerAndLiquidLayoutsChainTogether() {
        TestSite site = sheafSite("post.html", "---\nlayout: base\n---\n<article>{{ page.title }}|{{ content }}</article>")
                .buildOk();
        assertEquals("<html><article>Hi|<p>Body</p>\n</article></html>\n", site.read("a.html"));
    }

    @Test
    void freemarkerTemplatesCannotCreateJavaObjects() {
        TestSite site = sheafSite("post.ftlh",
                "---\nlayout: base\n---\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        assertEquals("templates/post.ftlh:4:1: error: Instantiating freemarker.template.utility.Execute is not allowed"
                + " in the template for security reasons.\n    in: content/a.md", failure(site));
    }
}
