package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void defaultModeJoinsWordsWithHyphensAndLowersCase() {
        assertEquals("the-config-yml-file", Slugs.slugify("The _config.yml file"));
    }

    @Test
    void prettyModeKeepsPunctuationUrlsAllow() {
        assertEquals("the-_config.yml-file", Slugs.slugify("The _config.yml file", "pretty", false));
    }

    @Test
    void asciiModeDropsLettersOutsideAscii() {
        assertEquals("the-config-yml-file", Slugs.slugify("The _config.yml file?", "ascii", false));
        assertEquals("caf", Slugs.slugify("café", "ascii", false));
    }

    @Test
    void latinModeWritesLettersInAsciiAsRubysI18nDoes() {
        assertEquals("strasse-aesir-lodz-oresund-thing-e-te-oeuvre-istanbul-k-n",
                Slugs.slugify("Straße Æsir Łódź Øresund þing ÷ e\u0301té ǎ Œuvre İstanbul ĸ ŉ", "latin", false));
    }

    @Test
    void latinModeDropsAccentsFirst() {
        assertEquals("the-cafe-s-menu", Slugs.slugify("The Café's Menu", "latin", false));
    }

    @Test
    void rawModeOnlyReplacesWhitespace() {
        assertEquals("the-_config.yml-file?", Slugs.slugify("The _config.yml file?", "raw", false));
    }

    @Test
    void casedKeepsCapitals() {
        assertEquals("The-Config", Slugs.slugify("The Config", "default", true));
    }

    @Test
    void unknownModeLeavesTextAlone() {
        assertEquals("the _config.yml file", Slugs.slugify("The _config.yml file", "none", false));
    }

    /** Jekyll 4.3.1's titles for posts named 2017-10-01-a--b.md and 2017-10-02-éa-x.md. */
    @Test
    void titlesFromSlugsAreJekyllsTitleizeSlug() {
        assertEquals("Fellowship Begins", Slugs.titleize("fellowship-begins"));
        assertEquals("A  B", Slugs.titleize("a--b"));
        assertEquals("Éa X", Slugs.titleize("éa-x"));
        assertEquals("Open Revenue", Slugs.titleize("OPEN-revenue"));
    }
}
