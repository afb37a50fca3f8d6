package org.sheaf.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryTest {
    @Test
    void readsOwnerAndNameFromEveryWayOfWritingTheRepository() {
        for (String written : List.of("p2pu/open-research", " p2pu/open-research ", "https://github.com/p2pu/open-research",
                "http://github.com/p2pu/open-research/", "https://www.github.com/p2pu/open-research.git",
                "github.com/p2pu/open-research.git/", "https://github.com/p2pu/open-research//")) {
            assertEquals(Optional.of(new Repository("p2pu", "open-research", "HEAD")), Repository.parse(written, null),
                    written);
        }
    }

    @Test
    void aNameThatIsNoRepositoryIsNone() {
        for (Object written : List.of("", "open-research", "p2pu/open/research", "https://gitlab.com/p2pu/x",
                "p2pu/open research", Map.of("name", "x"))) {
            assertEquals(Optional.empty(), Repository.parse(written, "main"), written.toString());
        }
        assertEquals(Optional.empty(), Repository.parse(null, "main"));
    }

    /**
     * Edit links and history links agree on the branch: the one given, else GitHub's {@code HEAD},
     * the default branch whether it is called main, master or gh-pages.
     */
    @Test
    void theBranchIsTheOneGivenElseGitHubsDefault() {
        assertEquals("trunk", Repository.parse("o/r", " trunk ").orElseThrow().branch());
        assertEquals("HEAD", Repository.parse("o/r", null).orElseThrow().branch());
        assertEquals("HEAD", Repository.parse("o/r", "  ").orElseThrow().branch());
        assertEquals("https://github.com/o/r.js", Repository.parse("o/r.js", null).orElseThrow().url());
    }
}
