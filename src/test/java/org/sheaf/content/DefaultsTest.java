package org.sheaf.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    private static Map<String, Object> set(Map<String, Object> scope, Map<String, Object> values) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (scope != null) {
            set.put("scope", scope);
        }
        set.put("values", values);
        return set;
    }

    private static Map<String, Object> scope(String path, String type) {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (path != null) {
            scope.put("path", path);
        }
        if (type != null) {
            scope.put("type", type);
        }
        return scope;
    }

    private static Defaults defaults(Object... sets) {
        return new Defaults(new ArrayList<>(List.of(sets)));
    }

    @Test
    void emptyPathAndNoScopeCoverEverything() {
        Defaults d = defaults(set(scope("", null), Map.of("a", 1)), set(null, Map.of("b", 2)));
        assertEquals(Map.of("a", 1, "b", 2), d.valuesFor("x/y.md", "pages"));
    }

    @Test
    void typeLimitsTheScope() {
        Defaults d = defaults(set(scope("", "posts"), Map.of("layout", "post")),
                set(scope("", "notes"), Map.of("layout", "note")));
        assertEquals(Map.of("layout", "post"), d.valuesFor("_posts/2017-09-04-x.md", "posts"));
        assertEquals(Map.of("layout", "note"), d.valuesFor("_notes/a/b.md", "notes"));
        assertEquals(Map.of(), d.valuesFor("about.md", "pages"));
    }

    @Test
    void singularTypesAreReadAsPluralWithAWarning() {
        Defaults d = defaults(set(scope("", "post"), Map.of("layout", "post")));
        assertEquals(Map.of("layout", "post"), d.valuesFor("_posts/x.md", "posts"));
        assertEquals(List.of("defaults[0]: type \"post\" is deprecated, use \"posts\""), d.warnings());
        assertEquals(List.of(), d.problems());
    }

    @Test
    void pathIsAPlainPrefixAsInJekyll() {
        Defaults d = defaults(set(scope("en", null), Map.of("lang", "en")));
        assertEquals(Map.of("lang", "en"), d.valuesFor("en/jobs.md", "pages"));
        assertEquals(Map.of("lang", "en"), d.valuesFor("english.md", "pages"));
        assertEquals(Map.of(), d.valuesFor("fr/jobs.md", "pages"));
    }

    @Test
    void leadingSlashOfTheFilePathIsIgnoredButNotOfTheScope() {
        assertEquals(Map.of("lang", "en"),
                defaults(set(scope("en", null), Map.of("lang", "en"))).valuesFor("/en/jobs.md", "pages"));
        assertEquals(Map.of(), defaults(set(scope("/en", null), Map.of("lang", "en"))).valuesFor("en/jobs.md", "pages"));
    }

    @Test
    void globsMatchTheFileOrAFolderAboveIt() {
        Defaults d = defaults(set(scope("_notes/*/draft-*.md", null), Map.of("draft", true)),
                set(scope("docs/*", null), Map.of("docs", true)),
                set(scope("deep/**/x", null), Map.of("deep", true)));
        assertEquals(Map.of("draft", true), d.valuesFor("_notes/growth/draft-1.md", "notes"));
        assertEquals(Map.of(), d.valuesFor("_notes/growth/final.md", "notes"));
        assertEquals(Map.of(), d.valuesFor("_notes/a/b/draft-1.md", "notes"));
        assertEquals(Map.of("docs", true), d.valuesFor("docs/guide/part/one.md", "pages"));
        assertEquals(Map.of("deep", true), d.valuesFor("deep/a/b/x/y.md", "pages"));
        assertEquals(Map.of("deep", true), d.valuesFor("deep/x/y.md", "pages"));
    }

    @Test
    void globsKnowAlternativesAndSingleCharacters() {
        Defaults d = defaults(set(scope("{en,fr}/?.m*", null), Map.of("short", true)));
        assertEquals(Map.of("short", true), d.valuesFor("fr/a.md", "pages"));
        assertEquals(Map.of(), d.valuesFor("de/a.md", "pages"));
        assertEquals(Map.of(), d.valuesFor("en/ab.md", "pages"));
    }

    @Test
    void withoutAStarAPathIsNoGlobEvenWithOtherGlobCharacters() {
        Defaults d = defaults(set(scope("{en,fr}/?.md", null), Map.of("short", true)));
        assertEquals(Map.of(), d.valuesFor("fr/a.md", "pages"));
        assertEquals(Map.of("short", true), d.valuesFor("{en,fr}/?.md", "pages"));
    }

    @Test
    void longerPathsWinWhateverTheirOrder() {
        Defaults d = defaults(set(scope("_notes/growth-models", null), Map.of("layout", "model")),
                set(scope("_notes", null), Map.of("layout", "note", "kind", "note")));
        assertEquals(Map.of("layout", "model", "kind", "note"), d.valuesFor("_notes/growth-models/m.md", "notes"));
    }

    @Test
    void laterEntriesWinAtEqualPathLength() {
        Defaults d = defaults(set(scope("", null), Map.of("layout", "a")), set(scope("", null), Map.of("layout", "b")));
        assertEquals(Map.of("layout", "b"), d.valuesFor("x.md", "pages"));
    }

    @Test
    void atEqualPathLengthATypedScopeBeatsAnUntypedOne() {
        Defaults d = defaults(set(scope("", "posts"), Map.of("layout", "typed")),
                set(scope("", null), Map.of("layout", "untyped")));
        assertEquals(Map.of("layout", "typed"), d.valuesFor("_posts/x.md", "posts"));
        Defaults reversed = defaults(set(scope("", null), Map.of("layout", "untyped")),
                set(scope("", "posts"), Map.of("layout", "typed")));
        assertEquals(Map.of("layout", "typed"), reversed.valuesFor("_posts/x.md", "posts"));
    }

    @Test
    void valuesMergeDeeply() {
        Defaults d = defaults(set(scope("", null), Map.of("seo", Map.of("type", "Article", "card", "summary"))),
                set(scope("blog", null), Map.of("seo", Map.of("card", "large"))));
        assertEquals(Map.of("seo", Map.of("type", "Article", "card", "large")), d.valuesFor("blog/x.md", "pages"));
    }

    @Test
    void frontMatterMergesDeeplyOverTheDefaults() {
        Defaults d = defaults(set(scope("", null), Map.of("layout", "page", "seo", Map.of("type", "Article"))));
        Map<String, Object> frontMatter = Map.of("layout", "home", "seo", Map.of("card", "large"));
        assertEquals(Map.of("layout", "home", "seo", Map.of("type", "Article", "card", "large")),
                d.applyTo(frontMatter, "index.md", "pages"));
    }

    @Test
    void findAndAllDifferAsInJekyll() {
        // all(): the shorter third entry loses to the longer second; find(): only entries setting the key compete.
        Defaults d = defaults(set(scope("a", null), Map.of("x", 1)), set(scope("a/b", null), Map.of("y", 2)),
                set(scope("a", null), Map.of("x", 3)));
        assertEquals(Map.of("x", 1, "y", 2), d.valuesFor("a/b/c.md", "pages"));
        assertEquals(3, d.valueFor("a/b/c.md", "pages", "x"));
        assertNull(d.valueFor("a/b/c.md", "pages", "z"));
    }

    @Test
    void collectionsDirIsTakenOffScopePaths() {
        Defaults d = new Defaults(List.of(set(scope("my_collections/_notes", null), Map.of("k", 1))), "my_collections");
        assertEquals(Map.of("k", 1), d.valuesFor("_notes/a.md", "notes"));
    }

    @Test
    void resultsCannotBeChanged() {
        Defaults d = defaults(set(scope("", null), Map.of("seo", Map.of("type", "Article"))));
        Map<String, Object> values = d.valuesFor("x.md", "pages");
        assertThrows(UnsupportedOperationException.class, () -> values.put("k", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> seo = (Map<String, Object>) values.get("seo");
        assertThrows(UnsupportedOperationException.class, () -> seo.put("k", 1));
    }

    @Test
    void listsEveryMalformedEntryAndKeepsTheRest() {
        List<Object> config = new ArrayList<>();
        config.add("layout: post");
        config.add(Map.of("scope", Map.of("path", "")));
        config.add(Map.of("values", List.of("a")));
        config.add(Map.of("scope", "posts", "values", Map.of()));
        config.add(Map.of("scope", Map.of("path", 3), "values", Map.of()));
        Map<String, Object> nullType = new LinkedHashMap<>();
        nullType.put("type", null);
        config.add(Map.of("scope", nullType, "values", Map.of()));
        config.add(set(scope("", null), Map.of("layout", "ok")));
        Defaults d = new Defaults(config);
        assertEquals(List.of(
                "defaults[0]: expected a mapping with \"scope\" and \"values\", found \"layout: post\"",
                "defaults[1]: missing \"values\"",
                "defaults[2]: \"values\" must be a mapping, found a list",
                "defaults[3]: \"scope\" must be a mapping, found \"posts\"",
                "defaults[4]: \"scope.path\" must be text, found \"3\"",
                "defaults[5]: \"scope.type\" must be text, found nothing"), d.problems());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), d.entryProblems().stream().map(Defaults.EntryProblem::index).toList());
        assertEquals(Map.of("layout", "ok"), d.valuesFor("x.md", "pages"));
    }

    @Test
    void noDefaultsMeansNoValues() {
        assertEquals(Map.of(), new Defaults(null).valuesFor("x.md", "pages"));
    }
}
