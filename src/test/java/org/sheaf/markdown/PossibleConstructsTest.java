package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PossibleConstructsTest {
    /** Characters the constructs are made of, and some that are in none. */
    private static final String ALPHABET = "*[-+. <hH16`~{:#xX]|a\n>";

    /** What a search of the text for each construct's characters finds. */
    private static PossibleConstructs searched(String text) {
        return new PossibleConstructs(text.contains("*["), text.matches("(?s).*<[hH][1-6].*"),
                text.contains("```") || text.contains("~~~"), text.contains("{:") || text.contains("{#"),
                text.contains("[ ]") || text.contains("[x]") || text.contains("[X]"),
                ordered(text) && bullet(text), (ordered(text) || bullet(text))
                        && (ordered(text) && bullet(text) || text.matches("(?s)(.*\n)? *(>|:[ \t]).*")));
    }

    private static boolean ordered(String text) {
        return text.contains(". ");
    }

    private static boolean bullet(String text) {
        return text.contains("- ") || text.contains("* ") || text.contains("+ ");
    }

    @Test
    void findsWhatASearchForEachConstructFinds() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertEquals(searched(text.toString()), PossibleConstructs.of(text.toString()), text.toString());
        }
    }

    @Test
    void findsEachConstructInAPage() {
        PossibleConstructs page = PossibleConstructs.of("""
                # Title {#top}

                1. one
                - [x] done
                  > quote
                <H2>raw</H2>

                ~~~
                code
                ~~~

                *[HTML]: HyperText Markup Language
                """);
        assertEquals(new PossibleConstructs(true, true, true, true, true, true, true), page);
        assertEquals(new PossibleConstructs(false, false, false, false, false, false, false),
                PossibleConstructs.of("Plain text, with a full stop. And `code`, <em>tags</em> and [links](a.md)."));
    }
}
