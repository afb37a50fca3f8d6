package org.sheaf.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code site}, {@code page} and {@code jekyll} variables as Jekyll 4.3 fills them, and the
 * layout rules around them; each expected line is what Jekyll 4.3.1 printed for the same site.
 */
class JekyllModelTest {
    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.in(dir)
                .file("_config.yml", """
                        title: T
                        timezone: UTC
                        collections:
                          notes:
                            output: true
                        defaults:
                          - scope: {path: ""}
                            values: {layout: wrap}
                        """)
                .file("_layouts/wrap.html", "<wrap>{{ content }}</wrap>\n");
    }

    @Test
    void aCollectionNamedTagsOrCategoriesIsWhatSiteGivesUnderThatName() {
        // Jekyll's site drop looks a name up among the collections before its own variables, so a
        // collection called tags hides the tags of the posts (Liquid's documentation has one)
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "timezone: UTC\ncollections:\n  tags:\n    output: false\n  categories: {}\n")
                .file("_tags/raw.md", "---\ntitle: Raw\n---\nr\n")
                .file("_categories/c.md", "---\ntitle: C\n---\nc\n")
                .file("_posts/2020-01-01-p.md", "---\ntitle: P\ntags: [a]\n---\np\n")
                .file("list.html", "---\n---\n{% for t in site.tags %}{{ t.title }};{% endfor %}|{{ site[\"tags\"] | size }}"
                        + "|{{ site.categories | map: \"title\" | join: \",\" }}|{{ site.posts | size }}\n")
                .buildOk();
        assertEquals("Raw;|1|C|1\n", site.read("list.html"));
    }

    @Test
    void layoutNullOrNoneWinsOverALayoutFromDefaults() {
        TestSite site = site()
                .file("a.md", "---\nlayout: null\n---\nA\n")
                .file("b.md", "---\nlayout: none\n---\nB\n")
                .file("c.md", "---\n---\nC\n")
                .file("d.md", "---\nlayout:\n---\nD\n")
                .buildOk();
        assertEquals("<p>A</p>\n", site.read("a.html"));
        assertEquals("<p>B</p>\n", site.read("b.html"));
        assertEquals("<wrap><p>C</p>\n</wrap>\n", site.read("c.html"));
        assertEquals("<p>D</p>\n", site.read("d.html"));
    }

    @Test
    void aPagesLayoutsSeeItsBodyAsWrittenAPostsItsRenderedContent() {
        // Jekyll hands a page's layouts the page's hash from before rendering; a document is a live drop
        TestSite site = site()
                .file("_layouts/shown.html", "[{{ page.content | strip }}]\n")
                .file("about.md", "---\nlayout: shown\n---\n*{{ 1 | plus: 1 }}*\n")
                .file("_posts/2020-01-01-p.md", "---\nlayout: shown\n---\n*{{ 1 | plus: 1 }}*\n")
                .buildOk();
        assertEquals("[*{{ 1 | plus: 1 }}*]\n", site.read("about.html"));
        assertEquals("[<p><em>2</em></p>]\n", site.read("2020/01/01/p.html"));
    }

    @Test
    void aFrontMatterKeyNamedContentNeverStandsForThePagesContent() {
        // Jekyll's drops answer content themselves (Jekyll 4.3.1 writes 30, the body's length, for both)
        TestSite site = site()
                .file("_layouts/shown.html", "[{{ page.content | strip }}]\n")
                .file("p.md", "---\ncontent: 5\n---\np {{ page.content | size }} q\n")
                .file("_posts/2020-01-01-x.md", "---\nlayout: shown\ncontent: 5\n---\nx {{ page.content | size }} y\n")
                .buildOk();
        assertEquals("<wrap><p>p 30 q</p>\n</wrap>\n", site.read("p.html"));
        assertEquals("[<p>x 30 y</p>]\n", site.read("2020/01/01/x.html"));
    }

    @Test
    void aPageAndAPaginatorsPagesHaveNoTagsOrCategoriesAPostHasEmptyLists() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "paginate: 1\nplugins: [jekyll-paginate]\ntimezone: UTC\n")
                .file("index.html", "---\n---\n[{{ page.tags | inspect }}][{{ page.categories | inspect }}]"
                        + "{% if page.tags %}T{% endif %}{% for p in paginator.posts %}{% endfor %}\n")
                .file("_posts/2019-01-01-a.md", "---\n---\n[{{ page.tags | inspect }}][{{ page.categories | inspect }}]\n")
                .file("_posts/2019-01-02-b.md", "---\n---\nb\n")
                .buildOk();
        assertEquals("[nil][nil]\n", site.read("index.html"));
        assertEquals("[nil][nil]\n", site.read("page2/index.html"));
        assertEquals("<p>[[]][[]]</p>\n", site.read("2019/01/01/a.html"));
    }

    @Test
    void sitePagesAreSortedByFileName() {
        TestSite site = site()
                .file("b/a.md", "---\n---\n")
                .file("c.md", "---\n---\n")
                .file("a/z.md", "---\n---\n")
                .file("list.md", "---\nlayout: none\n---\n{{ site.pages | map: 'path' | join: ',' }}\n")
                .buildOk();
        assertEquals("<p>b/a.md,c.md,list.md,a/z.md</p>\n", site.read("list.html"));
    }

    /**
     * Pages of one name keep the order Jekyll read them in (its sort is stable): a folder's
     * subfolders are read before its own pages, so {@code news/releases/index.html} comes before
     * {@code news/index.html}, as in the Jekyll documentation site's sitemap.
     */
    @Test
    void pagesOfOneNameListASubfoldersPageFirst() {
        TestSite site = site()
                .file("index.html", "---\n---\n")
                .file("news/index.html", "---\n---\n")
                .file("news/releases/index.html", "---\n---\n")
                .file("news/releases/old/index.html", "---\n---\n")
                .file("list.md", "---\nlayout: none\n---\n{{ site.pages | map: 'path' | join: ',' }}\n")
                .buildOk();
        assertEquals("<p>news/releases/old/index.html,news/releases/index.html,news/index.html,index.html,list.md</p>\n",
                site.read("list.html"));
    }

    /**
     * Pages of one name in sibling folders are listed by folder name, written in any order; Jekyll
     * lists them in the order the file system returns the folders.
     */
    @Test
    void pagesOfOneNameInSiblingFoldersListByFolderName() {
        TestSite site = site()
                .file("b/index.html", "---\n---\n")
                .file("c/index.html", "---\n---\n")
                .file("a/index.html", "---\n---\n")
                .file("list.md", "---\nlayout: none\n---\n{{ site.pages | map: 'path' | join: ',' }}\n")
                .buildOk();
        assertEquals("<p>a/index.html,b/index.html,c/index.html,list.md</p>\n", site.read("list.html"));
    }

    /** A page's hash holds its front matter, then Page's six attributes in Jekyll's order, and no more. */
    @Test
    void aPagesHashHoldsItsFrontMatterThenJekyllsAttributes() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: T\n")
                .file("index.html", "---\nlayout: none\ntitle: T\n---\n{% for k in page %}{{ k[0] }},{% endfor %}\n")
                .buildOk();
        assertEquals("layout,title,content,dir,excerpt,name,path,url,\n", site.read("index.html"));
    }

    /**
     * A post is a drop to Ruby, not a hash: a loop yields its keys (the drop's methods, then draft,
     * the defaults' and front matter's keys, slug and ext), size is 0, first is its name, last nil.
     */
    @Test
    void aPostIsADropWhoseLoopYieldsItsKeys() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "defaults:\n  - scope: {path: \"\"}\n    values: {dflt: 9}\n")
                .file("_posts/2019-01-03-two.md", "---\nzeta: 1\nlayout: null\nalpha: 2\ntitle: Two\n---\nTwo\n")
                .file("index.html", "---\n---\n{% assign post = site.posts[0] %}{% for k in post %}{{ k }},{% endfor %}\n"
                        + "{{ post | size }} {{ post | first | inspect }} {{ post | last | inspect }} "
                        + "{{ page | first | inspect }} {{ page | last | inspect }}\n"
                        + "{{ post.first | inspect }} {{ post.size | inspect }} {{ page.size }}\n")
                .buildOk();
        assertEquals("name,id,relative_path,excerpt,title,categories,collection,next,tags,previous,content,output,"
                + "path,url,date,draft,dflt,zeta,layout,alpha,slug,ext,\n"
                + "0 [&quot;name&quot;, &quot;2019-01-03-two.md&quot;] nil [&quot;dflt&quot;, 9] nil\n"
                + "[&quot;name&quot;, &quot;2019-01-03-two.md&quot;] nil 7\n",
                site.read("index.html"));
    }

    /**
     * jsonify lists a post's keys in the drop's order; two levels down, a neighbour loses its
     * content, output, excerpt and own neighbours, which ends the cycle between neighbours.
     */
    @Test
    void jsonifyOfAPostCutsItsNeighboursShortTwoLevelsDown() {
        TestSite site = TestSite.in(dir)
                .file("_posts/2019-01-02-a.md", "---\n---\nA\n")
                .file("_posts/2019-01-03-b.md", "---\n---\nB\n")
                .file("index.html", "---\n---\n{{ site.posts | jsonify }}\n")
                .buildOk();
        String json = site.read("index.html");
        String collapsedA = "{\"name\":\"2019-01-02-a.md\",\"id\":\"/2019/01/02/a\",\"relative_path\":\"_posts/2019-01-02-a.md\","
                + "\"title\":\"A\",\"categories\":[],\"collection\":\"posts\",\"tags\":[],\"path\":\"_posts/2019-01-02-a.md\","
                + "\"url\":\"/2019/01/02/a.html\",\"date\":\"2019-01-02 00:00:00 +0000\",\"draft\":false,\"slug\":\"a\",\"ext\":\".md\"}";
        assertTrue(json.startsWith("[{\"name\":\"2019-01-03-b.md\",\"id\":\"/2019/01/03/b\","), json);
        assertTrue(json.contains("\"previous\":" + collapsedA + ","), json);
    }

    @Test
    void pageVariablesOfAPage() {
        TestSite site = site()
                .file("docs/guide.md", """
                        ---
                        layout: none
                        ---
                        dir={{ page.dir }} name={{ page.name }} path={{ page.path }} url={{ page.url }} \
                        ext={{ page.ext }} slug={{ page.slug }} next={{ page.next }} collection={{ page.collection }}
                        """)
                .buildOk();
        assertEquals("<p>dir=/docs/ name=guide.md path=docs/guide.md url=/docs/guide.html ext= slug= next= collection=</p>\n",
                site.read("docs/guide.html"));
    }

    @Test
    void pageVariablesOfADocument() {
        TestSite site = site()
                .file("_notes/one.md", "---\ntitle: One\n---\n")
                .file("_notes/two.md", """
                        ---
                        layout: none
                        ---
                        path={{ page.path }} name={{ page.name }} slug={{ page.slug }} ext={{ page.ext }} \
                        id={{ page.id }} collection={{ page.collection }} title={{ page.title }} \
                        previous={{ page.previous.title }} next={{ page.next.title }} dir={{ page.dir }}
                        """)
                .file("_notes/three.md", "---\ntitle: Three\n---\n")
                .buildOk();
        assertEquals("<p>path=_notes/two.md name=two.md slug=two ext=.md id=/notes/two collection=notes title=Two "
                + "previous=Three next= dir=</p>\n", site.read("notes/two.html"));  // sorted by path: one, three, two
    }

    @Test
    void siteListsOfPagesFilesAndDocumentsAndRelatedPostsPerPage() {
        TestSite site = site()
                .file("about.md", "---\n---\nA\n")
                .file("bare.md", "---\npermalink: /bare\n---\nB\n")
                .file("feed.xml", "---\nlayout: none\n---\n<feed/>\n")
                .file("old.html", "<p>static html</p>\n")
                .file("assets/x.css", "a{}\n")
                .file("_posts/2017-01-01-p.md", "---\ntitle: P\n---\n")
                .file("_posts/2017-02-01-q.md", "---\ntitle: Q\nlayout: none\n---\n{{ site.related_posts | map: 'title' | join: ',' }}\n")
                .file("_posts/2017-03-01-r.md", "---\ntitle: R\n---\n")
                .file("_notes/n.md", "---\ntitle: N\n---\n")
                .file("list.md", """
                        ---
                        layout: none
                        ---
                        html_pages={{ site.html_pages | map: 'name' | join: ',' }}
                        html_files={{ site.html_files | map: 'path' | join: ',' }}
                        documents={{ site.documents | map: 'title' | join: ',' }}
                        static={% for f in site.static_files %}{{ f.path }}|{{ f.name }}|{{ f.basename }}|{{ f.extname }}|{{ f.collection }};{% endfor %}
                        related={{ site.related_posts | map: 'title' | join: ',' }}
                        env={{ jekyll.environment }}
                        """)
                .buildOk();
        assertEquals("""
                <p>html_pages=about.md,bare.md,list.md
                html_files=/old.html
                documents=P,Q,R,N
                static=/assets/x.css|x.css|x|.css|;/old.html|old.html|old|.html|;
                related=
                env=production</p>
                """, site.read("list.html"));
        assertEquals("<p>R,P</p>\n", site.read("2017/02/01/q.html"));
    }

    @Test
    void siteDocumentsHoldsEachCollectionsStaticFilesAfterItsDocuments() {
        // a static file of a collection has no relative_path, so Jekyll's map gives it nil;
        // the draft is dated before the fixed site.time, as one dated later is left out
        TestSite site = TestSite.in(dir)
                .file("_config.yml", """
                        timezone: UTC
                        show_drafts: true
                        collections:
                          things:
                            output: true
                          notes: {}
                        """)
                .file("_posts/2019-06-01-p.md", "---\ntitle: P\n---\npost\n")
                .file("_drafts/d.md", "---\ntitle: D\ndate: 2019-07-01\n---\ndraft\n")
                .file("_things/t.md", "---\ntitle: T\n---\nthing\n")
                .file("_things/s.txt", "static\n")
                .file("_notes/a.css", "static\n")
                .file("_notes/n.md", "---\ntitle: N\n---\nn\n")
                .file("list.md", """
                        ---
                        ---
                        {{ site.documents | map: "relative_path" | jsonify }}
                        {{ site.documents | size }}
                        {% for d in site.documents %}{{ d.path }}|{{ d.collection }}|{{ d.title }};{% endfor %}
                        """)
                .buildOk();
        assertEquals("""
                <p>[“_posts/2019-06-01-p.md”,”_drafts/d.md”,”_things/t.md”,null,”_notes/n.md”,null]
                6
                _posts/2019-06-01-p.md|posts|P;_drafts/d.md|posts|D;_things/t.md|things|T;_things/s.txt|things|;\
                _notes/n.md|notes|N;_notes/a.css|notes|;</p>
                """, site.read("list.html"));
    }

    @Test
    void aStaticFileUnpublishedByItsDefaultsIsListedButNeitherWrittenNorClaimingItsUrl() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "defaults:\n  - scope: {path: old.html}\n    values: {published: false}\n")
                .file("old.html", "<p>static</p>\n")
                .file("new.md", "---\npermalink: /old.html\n---\npage\n")
                .file("list.html", "---\n---\n{% for f in site.static_files %}{{ f.path }} {{ f.published }}{% endfor %}\n")
                .buildOk();
        assertEquals("<p>page</p>\n", site.read("old.html"));
        assertEquals("/old.html false\n", site.read("list.html"));
    }

    /**
     * Jekyll's sort by a property maps over a drop's keys alone and reads each key as a text,
     * whose property is the name when the text contains it; where and group_by read texts alike.
     */
    @Test
    void sortingAPostByAPropertySortsItsKeysAsTexts() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "title: T\n")
                .file("_posts/2019-01-03-two.md", "---\nzeta: 1\nstart_date: 2019\ntitle: Two\n---\nTwo\n")
                .file("index.html", """
                        ---
                        ---
                        {% assign post = site.posts[0] %}{{ post | sort: 'date' | join: ',' }}
                        {{ post | sort: 'date', 'last' | join: ',' }}
                        {% assign fruit = "apple,banana,cherry" | split: ',' %}{{ fruit | where: 'an', 'an' | join: ',' }} \
                        {{ fruit | sort: 'an', 'last' | join: ',' }} {% assign groups = fruit | group_by: 'e' %}\
                        {% for g in groups %}{{ g.name }}={{ g.items | join: '+' }};{% endfor %}
                        {{ fruit | sort: 'na.x' | join: ',' }} {{ fruit | where: 'an.an', 'an' | join: ',' }}
                        """)
                .buildOk();
        assertEquals("name,id,relative_path,excerpt,title,categories,collection,next,tags,previous,content,output,"
                + "path,url,draft,zeta,slug,ext,date,start_date\n"
                + "date,start_date,name,id,relative_path,excerpt,title,categories,collection,next,tags,previous,"
                + "content,output,path,url,draft,zeta,slug,ext\n"
                + "banana banana,apple,cherry e=apple+cherry;=banana;\n"
                + "banana,apple,cherry banana\n", site.read("index.html"));
    }

    /** Ruby hands where and group_by a drop's, and sort a hash's, [key, value] pairs, which a property cannot index. */
    @Test
    void readingAPropertyOfAHashsOrADropsPairsStopsTheBuild() {
        for (String template : new String[] {"{{ page | sort: 'x' }}", "{{ site.posts[0] | where: 'a', 'b' }}",
                "{{ site.posts[0] | group_by: 'a' }}", "{{ page | group_by: 'a' }}"}) {
            BuildResult result = TestSite.in(dir)
                    .file("_posts/2019-01-03-two.md", "---\ntitle: Two\n---\nTwo\n")
                    .file("index.html", "---\n---\n" + template + "\n")
                    .build();
            assertTrue(result.diagnostics().stream().anyMatch(d -> d.isError()
                    && d.format().contains("no implicit conversion of String into Integer")), template + ": " + result.diagnostics());
        }
    }

    /**
     * A collection's {@code order:} list puts the files it names first (a name no file has is
     * skipped), and {@code sort_by:} sorts by a front matter key: without the key last, values Ruby
     * cannot compare (a text and a number) in document order; previous and next follow.
     */
    @Test
    void aCollectionsOrderListOrSortBySetsTheOrderOfItsDocuments() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", """
                        title: P
                        collections:
                          guides:
                            output: true
                            order:
                              - c.md
                              - missing.md
                              - sub/a.md
                          team:
                            sort_by: role
                        """)
                .file("_guides/b.md", "---\ntitle: B guide\n---\nB\n")
                .file("_guides/sub/a.md", "---\ntitle: A guide\n---\nA\n")
                .file("_guides/c.md", "---\ntitle: C guide\n---\nC\n")
                .file("_team/zed.md", "---\nname: Zed\nrole: lead\n---\n")
                .file("_team/amy.md", "---\nname: Amy\nrole: dev\n---\n")
                .file("_team/bo.md", "---\nname: Bo\nrole: 3\n---\n")
                .file("_team/cy.md", "---\nname: Cy\n---\n")
                .file("index.html", """
                        ---
                        ---
                        {{ site.guides | map: 'title' | join: ',' }}
                        {{ site.team | map: 'name' | join: ',' }}
                        {% for d in site.guides %}{{ d.previous.title }}<{{ d.title }}>{{ d.next.title }};{% endfor %}
                        """);
        // Jekyll 4.3.1 warns "Sort warning: 'role' not defined in _team/cy.md"
        assertEquals("_team/cy.md:1:1: warning: sort_by key 'role' is not defined; the document sorts after"
                + " those that define it", TestSite.printed(site.build()));
        assertEquals("C guide,A guide,B guide\nAmy,Bo,Zed,Cy\n<C guide>A guide;C guide<A guide>B guide;A guide<B guide>;\n",
                site.read("index.html"));
    }

    /** A sort_by key no document has gives the document order, and no warning (Jekyll 4.3.1 prints none). */
    @Test
    void sortByAKeyNoDocumentHasWarnsOfNothing() {
        TestSite site = TestSite.in(dir)
                .file("_config.yml", "collections:\n  team:\n    sort_by: role\n")
                .file("_team/b.md", "---\nname: B\n---\n")
                .file("_team/a.md", "---\nname: A\n---\n")
                .file("index.html", "---\n---\n{{ site.team | map: 'name' | join: ',' }}\n");
        assertEquals("", TestSite.printed(site.build()));
        assertEquals("A,B\n", site.read("index.html"));
    }

    /**
     * {@code site.categories} and {@code site.tags} are Ruby hashes that give {@code []} for a
     * name no post has: {@code map} indexes them so (Jekyll 4.3.1 writes {@code [[]]}), while a
     * lookup of the name is still nil.
     */
    @Test
    void mappingSiteCategoriesByAMissingNameGivesAnEmptyList() {
        TestSite site = TestSite.in(dir)
                .file("_posts/2020-01-01-a.md", "---\ntitle: A\ncategories: [x, y]\n---\nhi\n")
                .file("index.html", """
                        ---
                        ---
                        {% if site.categories.zzz %}set{% else %}nil{% endif %}\
                        |{{ site.categories | map: "zzz" | jsonify }}|{{ site.tags | map: "x" | jsonify }}\
                        |{{ site.categories | map: "x" | first | map: "title" | jsonify }}
                        """)
                .buildOk();
        assertEquals("nil|[[]]|[[]]|[\"A\"]\n", site.read("index.html"));
    }

    /**
     * In {@code site.collections} the posts collection's permalink is the template of the site's
     * permalink style, as Jekyll 4.3.1 shows it; another collection without one has none.
     */
    @Test
    void thePostsCollectionShowsThePermalinkOfTheSitesStyle() {
        String index = "---\n---\n{% for c in site.collections %}[{{ c.label }}|{{ c.permalink | jsonify }}]{% endfor %}\n";
        TestSite dated = TestSite.in(dir.resolve("dated"))
                .file("_config.yml", "collections: [docs]\n")
                .file("index.html", index)
                .buildOk();
        assertEquals("[docs|null][posts|\"/:categories/:year/:month/:day/:title:output_ext\"]\n", dated.read("index.html"));
        TestSite pretty = TestSite.in(dir.resolve("pretty"))
                .file("_config.yml", "permalink: pretty\n")
                .file("index.html", index)
                .buildOk();
        assertEquals("[posts|\"/:categories/:year/:month/:day/:title/\"]\n", pretty.read("index.html"));
        TestSite own = TestSite.in(dir.resolve("own"))
                .file("_config.yml", "permalink: pretty\ncollections:\n  posts:\n    permalink: /blog/:title/\n")
                .file("index.html", index)
                .buildOk();
        assertEquals("[posts|\"/blog/:title/\"]\n", own.read("index.html"));
    }
}
