package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jekyll's {@code include} tag: file names with variables in them, and its parameter syntax. */
class JekyllIncludeTest {
    @TempDir
    Path dir;

    private TestSite site(String page) {
        return TestSite.in(dir)
                .file("_config.yml", "title: T\ntimezone: UTC\n")
                .file("_includes/show.html", "[{{ include.a }}|{{ include.data-b }}|{{ include.c }}]")
                .file("_includes/cards/note.html", "note card {{ include.n }}")
                .file("p.html", "---\nkind: note\ncard: cards/note.html\ntitle: Hi there\n---\n" + page);
    }

    @Test
    void parametersTakeQuotedTextVariablesAndHyphenatedNames() {
        TestSite site = site("{% include show.html a=\"x y\" data-b='it is' c=page.title %}").buildOk();
        assertEquals("[x y|it is|Hi there]", site.read("p.html"));
    }

    @Test
    void fileNameMayBeAVariableOrContainOne() {
        TestSite site = site("{% include {{ page.card }} n=1 %}/{% include cards/{{ page.kind }}.html n=2 %}").buildOk();
        assertEquals("note card 1/note card 2", site.read("p.html"));
    }

    @Test
    void includeParametersDoNotLeakIntoTheNextInclude() {
        TestSite site = site("{% include show.html a=1 %}{% include show.html c=3 %}").buildOk();
        assertEquals("[1||][||3]", site.read("p.html"));
    }

    @Test
    void loopOverIncludeYieldsParametersInTheOrderWritten() {
        TestSite site = site("{% include pairs.html zeta=1 alpha=2 var2='b' var1='a' %}"
                + "{% include {{ page.kind | append: 's.html' }} var1='foo' var2='bar' %}")
                .file("_includes/notes.html", "{% for p in include %}{{ p[0] }}={{ p[1] }};{% endfor %}")
                .file("_includes/pairs.html", "{% for p in include %}{{ p[0] }}={{ p[1] }};{% endfor %}").buildOk();
        assertEquals("zeta=1;alpha=2;var2=b;var1=a;var1=foo;var2=bar;", site.read("p.html"));
    }
}
