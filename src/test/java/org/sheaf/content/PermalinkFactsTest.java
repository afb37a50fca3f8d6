package org.sheaf.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermalinkFactsTest {
    @Test
    void missingCategoriesAreAnEmptyList() {
        PermalinkFacts facts = new PermalinkFacts(null, null, null, "about", "", null, "about.md", null, ".html");
        assertEquals(List.of(), facts.categories());
    }

    @Test
    void categoriesAreCopiedAndCannotChange() {
        List<String> categories = new ArrayList<>(List.of("news"));
        PermalinkFacts facts = new PermalinkFacts("posts", null, null, "x", "", "x", "x.md", categories, ".html");
        categories.add("later");
        assertEquals(List.of("news"), facts.categories());
        assertThrows(UnsupportedOperationException.class, () -> facts.categories().add("more"));
    }
}
