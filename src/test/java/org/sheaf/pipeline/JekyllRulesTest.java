package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.config.ConfigLoader;

/** Jekyll's rules for sources, URLs and output, one focused inline site each. */
class JekyllRulesTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.in(dir).file("_config.yml", "title: T\ntimezone: UTC\n");
    }

    /**
     * Jekyll's Markdown converter sets a line break before and after each highlight block, in the
     * page and in its layouts, so the block stands on lines of its own and ends a paragraph; an
     * HTML page's block stays where it is written. Expected values are Jekyll 4.3.1's output.
     */
    @Test
    void aHighlightBlockInAMarkdownPageOrItsLayoutStandsOnLinesOfItsOwn() {
        String figure = "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">";
        String x = "<span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span>";
        String y = "<span class=\"n\">y</span>";
        String body = "---\nlayout: code\n---\nCode: {% highlight ruby %}x = 1{% endhighlight %} done.\n";
        TestSite site = site()
                .file("_layouts/code.html", "---\n---\n<div>{% highlight ruby %}y{% endhighlight %}</div>\n{{ content }}")
                .file("a.md", body)
                .file("b.html", body)
                .buildOk();

        assertEquals("<div>\n" + figure + y + "</code></pre></figure>\n</div>\n<p>Code:</p>\n"
                + figure + x + "</code></pre></figure>\n<p>done.</p>\n", site.read("a.html"));
        assertEquals("<div>" + figure + y + "</code></pre></figure></div>\nCode: "
                + figure + x + "</code></pre></figure> done.\n", site.read("b.html"));
    }

    /** Expected values are Jekyll 4.3.1's output for the same site. */
    @Test
    void documentsInACollectionsDirKeepTheirPathsFromInsideItAndTakeNoCategoryFromIt() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "collections_dir: collections\ncollections:\n  pages_pt:\n    output: true\n"
                        + "    permalink: /pt/:path/\n")
                .file("collections/_posts/2016-09-15-welcome.md", "---\n---\n{{ page.path }};{{ page.relative_path }}"
                        + ";{{ page.categories | size }};{{ page.url }}")
                .file("collections/_posts/news/2016-09-16-later.md", "---\n---\n{{ page.categories | join: ',' }}")
                .file("collections/en/_posts/2016-09-17-english.md", "---\n---\n{{ page.categories | join: ',' }}")
                .file("collections/_pages_pt/sobre.md", "---\n---\n{{ page.path }};{{ page.name }}")
                .buildOk();

        assertEquals("<p>_posts/2016-09-15-welcome.md;_posts/2016-09-15-welcome.md;0;/2016/09/15/welcome.html</p>\n",
                site.read("2016/09/15/welcome.html"));
        assertEquals("\n", site.read("2016/09/16/later.html"));
        assertEquals("<p>en</p>\n", site.read("en/2016/09/17/english.html"));
        assertEquals("<p>_pages_pt/sobre.md;sobre.md</p>\n", site.read("pt/sobre/index.html"));
    }

    /**
     * A document takes the defaults of its path from inside {@code collections_dir}, as a scope
     * path is read without it (output as Jekyll 4.3.1 writes it).
     */
    @Test
    void documentsInACollectionsDirTakeTheDefaultsOfTheirPathFromInsideIt() {
        String body = "---\n---\n{{ page.author }};{{ page.tags | join: \",\" }}\n";
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\nfuture: true\ncollections_dir: my\nshow_drafts: true\n"
                        + "collections:\n  docs:\n    output: true\ndefaults:\n"
                        + "  - scope: {path: _posts}\n    values: {author: Ann}\n"
                        + "  - scope: {path: my/_docs}\n    values: {author: Bob}\n"
                        + "  - scope: {path: _drafts}\n    values: {author: Cy}\n"
                        + "  - scope: {path: \"my/_docs/*\"}\n    values: {tags: [t]}\n")
                .file("my/_posts/2024-01-02-a.md", body)
                .file("my/_docs/d.md", body)
                .file("my/_drafts/e.md", "---\ndate: 2024-01-03\n---\n{{ page.author }}\n")
                .buildOk();
        assertEquals("<p>Ann;</p>\n", site.read("2024/01/02/a.html"));
        assertEquals("<p>Bob;t</p>\n", site.read("docs/d.html"));
        assertEquals("<p>Cy</p>\n", site.read("2024/01/03/e.html"));
    }

    @Test
    void baseurlWithTrailingSlashStaysAsWrittenInSiteAndFiltersChompIt() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "url: http://example.com/\nbaseurl: '/hyde/'\n")
                .file("index.html", "---\n---\n{{ site.baseurl }}public/x.css|{{ site.url | prepend: site.baseurl }}|"
                        + "{{ '/about/' | relative_url }}|{{ 'about/' | relative_url }}|{{ '/about/' | absolute_url }}|"
                        + "{{ 'a//b' | relative_url }}|{{ '' | relative_url }}|{{ '' | absolute_url }}|{{ site.url }}")
                .buildOk();

        assertEquals("/hyde/public/x.css|/hyde/http://example.com/|/hyde/about/|/hyde/about/|"
                + "http://example.com//hyde/about/|/hyde/a//b|/hyde|http://example.com//hyde|http://example.com/",
                site.read("index.html"));
    }

    /** Expected values are Jekyll 4.3.1's output: only the filters treat {@code baseurl: /} as no base. */
    @Test
    void rootBaseurlIsNoBaseForFiltersSoNoUrlIsDoubled() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "url: https://bu.example\nbaseurl: /\npaginate: 1\nplugins: [jekyll-paginate]\n")
                .file("_layouts/default.html", "{{ '/a.css' | relative_url }} {{ site.baseurl }}/x.css "
                        + "{{ 'b.css' | absolute_url }} {{ page.url | relative_url }} "
                        + "{% if paginator.next_page %}{{ paginator.next_page_path | relative_url }}{% endif %}")
                .file("index.html", "---\nlayout: default\n---\n")
                .file("_posts/2019-01-01-a.md", "---\nlayout: default\n---\nA\n")
                .file("_posts/2019-01-02-b.md", "---\nlayout: default\n---\nB\n")
                .buildOk();

        assertEquals("/a.css //x.css https://bu.example/b.css / /page2", site.read("index.html"));
        assertEquals("/a.css //x.css https://bu.example/b.css /2019/01/01/a.html ", site.read("2019/01/01/a.html"));
    }

    /** Klisé's post navigation writes {@code {{ page.next | relative_url }}}: Jekyll takes the document's URL. */
    @Test
    void urlFiltersGivenADocumentTakeItsUrl() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "url: https://ex.example\nbaseurl: /blog\n")
                .file("_layouts/post.html", "{% if page.next %}{{ page.next | relative_url }} {{ page.next | absolute_url }}{% endif %}"
                        + "{% if page.previous %}{{ page.previous | relative_url }}{% endif %}")
                .file("_posts/2019-01-01-a.md", "---\nlayout: post\n---\nA\n")
                .file("_posts/2019-01-02-b.md", "---\nlayout: post\n---\nB\n")
                .buildOk();

        assertEquals("/blog/2019/01/02/b.html https://ex.example/blog/2019/01/02/b.html", site.read("2019/01/01/a.html"));
        assertEquals("/blog/2019/01/01/a.html", site.read("2019/01/02/b.html"));
    }

    @Test
    void filesWithFrontMatterAreRenderedAndOthersCopied() {
        TestSite site = site()
                .file("about.md", "---\ntitle: About\n---\nHello *there*.\n")
                .file("plain.txt", "no front matter {{ here }}\n")
                .buildOk();
        assertEquals("<p>Hello <em>there</em>.</p>\n", site.read("about.html"));
        assertEquals("no front matter {{ here }}\n", site.read("plain.txt"));
    }

    @Test
    void underscoreAndDotNamesAreSkippedUnlessIncluded() {
        TestSite site = site()
                .file("_config.yml", "include: [.well-known, _keep.txt]\nexclude: [notes-to-self.txt, drafts/]\n")
                .file("_private/secret.md", "---\n---\nsecret\n")
                .file(".hidden", "x")
                .file(".well-known/security.txt", "contact\n")
                .file("_keep.txt", "kept\n")
                .file("notes-to-self.txt", "mine\n")
                .file("drafts/a.md", "---\n---\nA\n")
                .file("#scratch.txt", "x")
                .buildOk();
        assertEquals(List.of(".well-known/security.txt", "_keep.txt"), site.outputPaths());
    }

    @Test
    void anIncludedIncludesFolderIsStillReadForIncludesAndAlsoWrittenOut() {
        // what Jekyll 4.3.1 wrote for this site: its reader takes _includes/ as any folder once
        // include names it, so each file is a static file or a page, and the layouts stay unread
        TestSite site = site()
                .file("_config.yml", "include:\n  - _includes/\n")
                .file("_includes/note.html", "<b>{{ include.x }}</b>\n")
                .file("_includes/page.md", "---\ntitle: T\n---\n# {{ page.title }}\n")
                .file("_layouts/default.html", "L {{ content }}\n")
                .file("index.html", "---\n---\n{% include note.html x=\"y\" %}\n")
                .buildOk();
        assertEquals(List.of("_includes/note.html", "_includes/page.html", "index.html"), site.outputPaths());
        assertEquals("<b>{{ include.x }}</b>\n", site.read("_includes/note.html"));
        assertEquals("<h1 id=\"t\">T</h1>\n", site.read("_includes/page.html"));
        assertEquals("<b>y</b>\n\n", site.read("index.html"));
    }

    @Test
    void postsTakeDateAndSlugFromTheirNameAndCategoriesFromFolders() {
        TestSite site = site()
                .file("_posts/2017-09-04-fellowship-begins.md", "---\ncategories: news\n---\nStart.\n")
                .file("research/_posts/2017-10-02-library-budgets.md", "---\n---\nBudgets.\n")
                .file("_posts/sub/2017-11-01-nested.md", "---\n---\nNested.\n")
                .buildOk();
        assertEquals(List.of("2017/11/01/nested.html", "news/2017/09/04/fellowship-begins.html",
                "research/2017/10/02/library-budgets.html"), site.outputPaths());
    }

    /** Jekyll skips such a file without a word; sheaf skips it too, and says so. */
    @Test
    void aFileUnderPostsWithoutADateIsSkippedWithAWarning() {
        TestSite site = site().file("_posts/notes.md", "---\n---\nN\n");
        BuildResult result = site.build();
        assertEquals("_posts/notes.md: warning: post file name must start with a date (YYYY-MM-DD-title.md); skipped",
                TestSite.printed(result));
        assertEquals(List.of(), site.outputPaths());
    }

    /** Jekyll 4.3.1 writes the post of February 30th as /2017/03/02/x.html, dated March 2. */
    @Test
    void aPostNamedForADayPastItsMonthsEndIsDatedInTheNextMonth() {
        TestSite site = site()
                .file("_posts/2017-02-30-x.md", "---\n---\n{{ page.date }}\n")
                .buildOk();
        assertEquals(List.of("2017/03/02/x.html"), site.outputPaths());
        assertEquals("<p>2017-03-02 00:00:00 +0000</p>\n", site.read("2017/03/02/x.html"));
    }

    /**
     * Jekyll reads the date of a post's file name only where the front matter gives none, so a
     * name whose date is none still gives the slug: Jekyll 4.3.1 writes this post as
     * /2017/01/05/y.html, titled Y.
     */
    @Test
    void aPostWhoseNameHasNoSuchMonthTakesItsFrontMattersDate() {
        TestSite site = site()
                .file("_posts/2017-13-01-y.md", "---\ndate: 2017-01-05\n---\n{{ page.title }};{{ page.slug }};{{ page.date }}\n")
                .buildOk();
        assertEquals(List.of("2017/01/05/y.html"), site.outputPaths());
        assertEquals("<p>Y;y;2017-01-05 00:00:00 +0000</p>\n", site.read("2017/01/05/y.html"));
    }

    /** Jekyll's identity converter gives an extension no converter claims back as written. */
    @Test
    void anExtensionNoConverterClaimsKeepsItsCase() {
        TestSite site = site()
                .file("_posts/2014-11-24-knitted.Rmd", "---\n---\n{{ page.url }} {{ page.ext }}\n")
                .file("notes.Rmd", "---\n---\nnotes\n")
                .file("upper.HTML", "---\n---\nupper\n")
                .file("lower.MD", "---\n---\n*md*\n")
                .buildOk();
        assertEquals(List.of("2014/11/24/knitted.Rmd", "lower.html", "notes.Rmd", "upper.HTML"), site.outputPaths());
        assertEquals("/2014/11/24/knitted.Rmd .Rmd\n", site.read("2014/11/24/knitted.Rmd"));
    }

    /**
     * A {@code category} (here from the defaults) adds to the categories of the path and the front
     * matter rather than replacing them (output as Jekyll 4.3.1 writes it).
     */
    @Test
    void aCategoryAddsToTheCategoriesOfThePathAndFrontMatter() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\nfuture: true\ndefaults:\n  - scope: {type: posts}\n    values: {category: dflt}\n")
                .file("news/_posts/2024-01-02-a.md", "---\ncategories: Tech life\n---\n{{ page.categories | join: \",\" }}\n")
                .file("_posts/2024-01-03-b.md", "---\ncategories: [x, dflt]\ncategory: y\n---\n{{ page.categories | join: \",\" }}\n")
                .buildOk();
        assertEquals("<p>news,Tech,life,dflt</p>\n", site.read("news/tech/life/dflt/2024/01/02/a.html"));
        assertEquals("<p>x,dflt,y</p>\n", site.read("x/dflt/y/2024/01/03/b.html"));
    }

    /**
     * With {@code collections_dir} set, Jekyll reads the {@code _posts} folders inside it only, a
     * category folder's too (output as Jekyll 4.3.1 writes it).
     */
    @Test
    void postsOutsideTheCollectionsDirAreNotRead() {
        String body = "---\n---\n{{ page.categories | join: \",\" }};{{ page.relative_path }};{{ site.posts | size }}\n";
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\nfuture: true\ncollections_dir: my\nshow_drafts: true\n")
                .file("news/_posts/2024-01-01-a.md", body)
                .file("_drafts/e.md", body)
                .file("my/news/_posts/2024-01-02-b.md", body)
                .file("my/_posts/2024-01-04-d.md", body)
                .buildOk();
        assertEquals(List.of("2024/01/04/d.html", "news/2024/01/02/b.html"), site.outputPaths());
        assertEquals("<p>news;news/_posts/2024-01-02-b.md;2</p>\n", site.read("news/2024/01/02/b.html"));
    }

    /**
     * A draft dated after site.time is left out as a post is, and an undated draft is dated by its
     * file's time, here later than {@code time:} (output as Jekyll 4.3.1 writes it).
     */
    @Test
    void aDraftDatedAfterTheSiteTimeIsLeftOut() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\ntime: 2020-01-01 00:00:00 +0000\nshow_drafts: true\n")
                .file("_drafts/a.md", "---\ndate: 2019-06-01\n---\na\n")
                .file("_drafts/b.md", "---\ndate: 2021-01-01\n---\nb\n")
                .file("_drafts/c.md", "---\n---\nc\n")
                .file("index.md", "---\n---\n{{ site.posts | map: \"url\" | join: \",\" }}\n")
                .buildOk();
        assertEquals(List.of("2019/06/01/a.html", "index.html"), site.outputPaths());
        assertEquals("<p>/2019/06/01/a.html</p>\n", site.read("index.html"));
    }

    /**
     * Documents compare by date only where both have one of their own (front matter, defaults,
     * file name), else by path, so the order is that of Ruby's sort on the documents as Jekyll
     * read them; with {@code future: true} an undated draft has no date yet (output as Jekyll
     * 4.3.1 writes it).
     */
    @Test
    void documentsWithAndWithoutDatesSortAsJekyllReadsAndSortsThem() {
        String none = "---\n---\nx\n";
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\ntime: 2024-06-15 12:00:00 +0000\nshow_drafts: true\nfuture: true\n"
                        + "collections:\n  recipes:\n    output: false\n"
                        + "defaults:\n  - scope: {path: \"_recipes/z\"}\n    values: {date: \"2019-01-01\"}\n")
                .file("_recipes/alpha.md", none)
                .file("_recipes/gamma.md", none)
                .file("_recipes/kappa.md", none)
                .file("_recipes/part/delta.md", "---\ndate: 2022-05-01\n---\nx\n")
                .file("_recipes/part/zeta.md", "---\ndate: 2021-05-01\n---\nx\n")
                .file("_recipes/beta.md", "---\ndate: 2020-05-01\n---\nx\n")
                .file("_recipes/z/omega.md", none)
                .file("_recipes/part.md", "---\ndate: 2023-01-01\n---\nx\n")
                .file("_recipes/2018-03-03-early.md", none)
                .file("_drafts/b-draft.md", none)
                .file("_drafts/a-draft.md", "---\ndate: 2023-02-01\n---\nx\n")
                .file("news/_drafts/c-draft.md", none)
                .file("_posts/2024-01-05-e.md", none)
                .file("_posts/2022-01-05-f.md", none)
                .file("news/_posts/2023-01-05-g.md", none)
                .file("index.md", "---\n---\n{{ site.recipes | map: \"relative_path\" | join: \",\" }}\n"
                        + "{% for c in site.collections %}{% if c.label == \"posts\" %}"
                        + "{{ c.docs | map: \"relative_path\" | join: \",\" }}{% endif %}{% endfor %}\n")
                .buildOk();
        assertEquals("<p>_recipes/2018-03-03-early.md,_recipes/alpha.md,_recipes/beta.md,_recipes/gamma.md,"
                + "_recipes/kappa.md,_recipes/z/omega.md,_recipes/part/zeta.md,_recipes/part/delta.md,_recipes/part.md\n"
                + "_drafts/b-draft.md,_posts/2022-01-05-f.md,_drafts/a-draft.md,_posts/2024-01-05-e.md,"
                + "news/_drafts/c-draft.md,news/_posts/2023-01-05-g.md</p>\n", site.read("index.html"));
    }

    /** Jekyll writes each category with Ruby's {@code to_s}, so a number is a category too. */
    @Test
    void aNumberAsTheCategoryIsItsText() {
        TestSite site = site()
                .file("_posts/2013-05-10-number.md", "---\ncategory: 2013\n---\n{{ page.categories | jsonify }}\n")
                .file("_posts/2013-05-12-decimal.md", "---\ncategory: 1.5\n---\n{{ page.url }}\n")
                .buildOk();
        assertEquals(List.of("1.5/2013/05/12/decimal.html", "2013/2013/05/10/number.html"), site.outputPaths());
        assertEquals("<p>[“2013”]</p>\n", site.read("2013/2013/05/10/number.html"));
    }

    /**
     * Jekyll keeps each tag as written: a number in the list or under {@code tag} stays a number,
     * and {@code tags: 7} or {@code tags: {a: 1}}, neither text nor a list, gives no tag (output as
     * Jekyll 4.3.1 writes it).
     */
    @Test
    void aNumberAsATagStaysANumber() {
        TestSite site = site()
                .file("_posts/2019-05-01-plural.md", "---\ntags: 7\n---\n{{ page.tags | jsonify }}\n")
                .file("_posts/2019-05-02-list.md",
                        "---\ntags: [7, a]\n---\n{{ page.tags }} {{ page.tags | jsonify }} {{ page.tags | inspect }}\n")
                .file("_posts/2019-05-03-single.md", "---\ntag: 1.5\n---\n{{ page.tags | jsonify }}\n")
                .file("_posts/2019-05-04-mapping.md", "---\ntags: {a: 1}\n---\n{{ page.tags | jsonify }}\n")
                .file("index.html", "---\n---\n{% for tag in site.tags %}{{ tag[0] }}:{{ tag[1].size }} {% endfor %}\n")
                .buildOk();
        assertEquals("<p>[]</p>\n", site.read("2019/05/01/plural.html"));
        assertEquals("<p>7a [7,”a”] [7, \"a\"]</p>\n", site.read("2019/05/02/list.html"));
        assertEquals("<p>[1.5]</p>\n", site.read("2019/05/03/single.html"));
        assertEquals("<p>[]</p>\n", site.read("2019/05/04/mapping.html"));
        assertEquals("7:1 a:1 1.5:1 \n", site.read("index.html"));
    }

    /**
     * Jekyll keeps a tag written twice twice, in {@code page.tags} and in {@code site.tags}, where
     * categories are made unique (output as Jekyll 4.3.1 writes it).
     */
    @Test
    void aTagWrittenTwiceIsKeptTwice() {
        TestSite site = site()
                .file("_posts/2013-05-11-list.md",
                        "---\ntags: [a, a]\ncategories: [b, b]\n---\n{{ page.tags | inspect }} {{ page.categories | inspect }}\n")
                .file("_posts/2013-05-12-words.md", "---\ntags: a a\n---\n{{ page.tags | jsonify }}\n")
                .file("index.html", "---\n---\n{% for tag in site.tags %}{{ tag[0] }}:{{ tag[1] | map: \"url\" | join: \",\" }} "
                        + "{% endfor %}{{ site.categories.b.size }}\n")
                .buildOk();
        assertEquals("<p>[\"a\", \"a\"] [\"b\"]</p>\n", site.read("b/2013/05/11/list.html"));
        assertEquals("<p>[“a”,”a”]</p>\n", site.read("2013/05/12/words.html"));
        assertEquals("a:/2013/05/12/words.html,/2013/05/12/words.html,/b/2013/05/11/list.html,/b/2013/05/11/list.html 1\n",
                site.read("index.html"));
    }

    @Test
    void draftsFutureAndUnpublishedNeedTheirFlags() {
        TestSite site = site()
                .file("_posts/2017-01-01-now.md", "---\n---\nnow\n")
                .file("_posts/2099-01-01-later.md", "---\n---\nlater\n")
                .file("_posts/2017-01-02-hidden.md", "---\npublished: false\n---\nhidden\n")
                .file("_drafts/sketch.md", "---\ndate: 2017-05-05\n---\nsketch\n");
        site.buildOk();
        assertEquals(List.of("2017/01/01/now.html"), site.outputPaths());

        BuildResult all = site.build(new ConfigLoader.Overrides(List.of(), null, null, null, true, true, true));
        assertTrue(all.ok(), TestSite.printed(all));
        assertEquals(List.of("2017/01/01/now.html", "2017/01/02/hidden.html", "2017/05/05/sketch.html",
                "2099/01/01/later.html"), site.outputPaths());
    }

    @Test
    void collectionsWriteOnlyWhenOutputIsTrueButAreAlwaysListed() {
        TestSite site = site()
                .file("_config.yml", """
                        collections:
                          notes:
                            output: true
                            permalink: /notes/:path/
                          people: {}
                        """)
                .file("_notes/audits/training.md", "---\ntitle: Training\n---\nT\n")
                .file("_people/ada.md", "---\nname: Ada\n---\nA\n")
                .file("index.html", "---\n---\n{% for p in site.people %}{{ p.name }}{% endfor %} {{ site.notes.size }}")
                .buildOk();
        assertEquals(List.of("index.html", "notes/audits/training/index.html"), site.outputPaths());
        assertEquals("Ada 1", site.read("index.html"));
    }

    @Test
    void dataFilesOfEveryFormatAreReachableBySiteData() {
        TestSite site = site()
                .file("_data/people.yml", "- name: Ada\n")
                .file("_data/sources.json", "{\"count\": 2}")
                .file("_data/money/revenue.csv", "year,total\n2018,100\n2019,250\n")
                .file("_data/money/costs.tsv", "year\ttotal\n2018\t40\n")
                .file("index.html", "---\n---\n{{ site.data.people[0].name }} {{ site.data.sources.count }} "
                        + "{{ site.data.money.revenue[1].total }} {{ site.data.money.costs[0].total }}")
                .buildOk();
        assertEquals("Ada 2 250 40", site.read("index.html"));
    }

    @Test
    void frontMatterDefaultsApplyByPathAndType() {
        TestSite site = site()
                .file("_config.yml", """
                        defaults:
                          - scope: {path: "", type: posts}
                            values: {author: Team}
                          - scope: {path: "en"}
                            values: {lang: en}
                        """)
                .file("_posts/2017-01-01-a.md", "---\n---\n{{ page.author }}/{{ page.lang }}")
                .file("en/jobs.html", "---\n---\n{{ page.author }}|{{ page.lang }}")
                .file("en/own.html", "---\nlang: fr\n---\n{{ page.lang }}")
                .buildOk();
        // a Markdown line with a pipe would be kramdown's one-cell table
        assertEquals("<p>Team/</p>\n", site.read("2017/01/01/a.html"));
        assertEquals("|en", site.read("en/jobs.html"));
        assertEquals("fr", site.read("en/own.html"));
    }

    @Test
    void timezoneDecidesThePostDay() {
        TestSite site = site()
                .file("_config.yml", "timezone: America/Chicago\n")
                .file("_posts/2017-09-04-late.md", "---\ndate: 2017-09-05 02:00:00 +0000\n---\n{{ page.date | date: \"%F %H:%M %z\" }}")
                .buildOk();
        assertEquals("<p>2017-09-04 21:00 -0500</p>\n", site.read("2017/09/04/late.html"));
    }

    /** Ruby's times take offsets up to a day, past Java's 18 hours; Jekyll 4.3.1 wrote the same day and time. */
    @Test
    void aPostDateAtAnOffsetOfTwentyHoursIsMovedIntoTheSiteZone() {
        TestSite site = site()
                .file("_config.yml", "timezone: Europe/Berlin\n")
                .file("_posts/2017-03-08-a.md", "---\ndate: 2017-03-08 10:00 -2000\n---\n{{ page.date | date: \"%F %T %z %Z\" }}")
                .buildOk();
        assertEquals("<p>2017-03-09 07:00:00 +0100 CET</p>\n", site.read("2017/03/09/a.html"));
    }

    @Test
    void permalinkStylesAndPlaceholdersShapeUrls() {
        TestSite site = site()
                .file("_config.yml", "permalink: pretty\n")
                .file("_posts/2017-09-04-start.md", "---\n---\nx\n")
                .file("_posts/2017-09-05-own.md", "---\npermalink: /custom/:year/:title.html\n---\nx\n")
                .file("about.md", "---\n---\nx\n")
                .file("en/index.md", "---\n---\nx\n")
                .file("feed.xml", "---\n---\n<feed/>\n")
                .buildOk();
        assertEquals(List.of("2017/09/04/start/index.html", "about/index.html", "custom/2017/own.html",
                "en/index.html", "feed.xml"), site.outputPaths());
    }

    @Test
    void staleFilesGoAndKeepFilesStay() throws Exception {
        TestSite site = site().file("a.md", "---\n---\nA\n").buildOk();
        java.nio.file.Files.writeString(site.output().resolve("stale.html"), "old");
        java.nio.file.Files.createDirectories(site.output().resolve(".git"));
        java.nio.file.Files.writeString(site.output().resolve(".git/HEAD"), "ref");
        site.buildOk();
        assertFalse(site.exists("stale.html"));
        assertEquals("ref", site.read(".git/HEAD"));
    }

    @Test
    void markdownWithoutLiquidKeepsBracesWhenRenderWithLiquidIsFalse() {
        TestSite site = site()
                .file("raw.md", "---\nrender_with_liquid: false\n---\nShow `{{ page.title }}` as is.\n")
                .buildOk();
        assertEquals("<p>Show <code class=\"language-plaintext highlighter-rouge\">{{ page.title }}</code> as is.</p>\n",
                site.read("raw.html"));
    }

    @Test
    void aSitesOwnExcludeListKeepsJekyllsDefaultExcludes() {
        TestSite site = TestSite.in(dir).file("_config.yml", "exclude: [\"*.log\"]\n")
                .file("node_modules/pkg/index.js", "x\n").file("build.log", "x\n").file("kept.txt", "x\n")
                .buildOk();
        assertEquals(java.util.List.of("kept.txt"), site.outputPaths());
    }

    @Test
    void aFootnoteReferenceAddsNothingToAHeadingsId() {
        TestSite site = site().file("a.md", "---\n---\n## Setup [^1]\n\n[^1]: Note.\n").buildOk();
        assertTrue(site.read("a.html").startsWith("<h2 id=\"setup-\">"), site.read("a.html"));
    }

    @Test
    void thePaginatorIsNilOnAPageThatIsNotPaginated() {
        TestSite site = site().file("a.md", "---\n---\n{{ paginator | jsonify }} {% if paginator %}yes{% else %}no{% endif %}\n")
                .buildOk();
        assertEquals("<p>null no</p>\n", site.read("a.html"));
    }

    /**
     * Jekyll reads posts with its post reader, which leaves out a collection's {@code sort_by} and
     * {@code order}, so posts stay newest first with either set. Expected values are Jekyll 4.3.1's output.
     */
    @Test
    void postsIgnoreTheCollectionsSortByAndOrder() {
        for (String setting : List.of("sort_by: title", "order:\n      - 2009-01-01-c.md\n      - 2011-01-01-b.md")) {
            TestSite site = TestSite.in(dir.resolve(setting.substring(0, 5)))
                    .file("_config.yml", "timezone: UTC\ncollections:\n  posts:\n    " + setting + "\n")
                    .file("_posts/2010-01-01-a.md", "---\ntitle: Zeta\n---\nz\n")
                    .file("_posts/2011-01-01-b.md", "---\ntitle: Alpha\n---\na\n")
                    .file("_posts/2009-01-01-c.md", "---\ntitle: Mid\n---\nm\n")
                    .file("index.html", "---\n---\n{% for p in site.posts %}{{ p.title }},{% endfor %}\n")
                    .buildOk();

            assertEquals("Alpha,Zeta,Mid,\n", site.read("index.html"), setting);
        }
    }
}
