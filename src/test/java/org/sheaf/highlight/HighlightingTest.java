package org.sheaf.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/**
 * A build's highlighting where Rouge cannot be had: languages sheaf has no lexer for are plain
 * text, and the build warns once, naming them. {@code RougeBridgeIT} runs Rouge itself, and
 * stand-ins for it that fail.
 */
class HighlightingTest {
    private static final String HASKELL = "main :: IO ()\nmain = print (1 + 2) -- three\n";
    static final String HINT = "    hint: sheaf colours these languages with Rouge, as Jekyll does: install it"
            + " (apt-get install ruby-rouge, or gem install rouge) to colour them";

    @TempDir
    Path dir;

    @Test
    void warnsOnceNamingTheLanguagesWhenRubyIsMissing() {
        Highlighting highlighting = onPath(Duration.ofSeconds(5), new Position(3, 1));
        assertEquals("main :: IO ()\nmain = print (1 + 2) -- three\n", highlighting.html("haskell", HASKELL));
        assertEquals("x &lt; 1", highlighting.html("hs", "x < 1"));
        assertEquals("local x", highlighting.html("lua", "local x"));
        assertEquals("a &amp; b", highlighting.html("no-such-language", "a & b"));
        assertEquals(Highlighter.html("ruby", "x = 1"), highlighting.html("ruby", "x = 1"));
        assertEquals(Highlighter.html("console", "$ ls"), highlighting.html("console?lang=ruby", "$ ls"));
        assertEquals("_config.yml:3:1: warning: code in haskell and lua is written uncoloured: Ruby is not"
                + " installed (no ruby on PATH)\n" + HINT, highlighting.finish().map(Diagnostic::format).orElse(""));
        assertEquals(Optional.empty(), highlighting.finish());
    }

    @Test
    void ownLexersAloneWriteOtherLanguagesPlainWithoutAWord() {
        Highlighting highlighting = Highlighting.ownLexers();
        assertEquals("x &lt; 1", highlighting.html("haskell", "x < 1"));
        assertEquals(Optional.empty(), highlighting.finish());
    }

    @Test
    void glancesAtTextForCodeThatRougeWouldColour() {
        assertTrue(Highlighting.hasRougeCode("# Title\n\n```haskell\nmain = 1\n```\n"));
        assertTrue(Highlighting.hasRougeCode("text\n~~~ perl\nmy $x;\n~~~\n"));
        assertTrue(Highlighting.hasRougeCode("{% highlight Lua linenos %}\nlocal x\n{% endhighlight %}"));
        assertTrue(Highlighting.hasRougeCode("```console?lang=ruby\n$ irb\n```"));
        assertFalse(Highlighting.hasRougeCode("```ruby\nx = 1\n```\n```\nplain\n```\n"));
        assertFalse(Highlighting.hasRougeCode("```Haskell\nno language Rouge knows: names are case-sensitive\n```"));
        assertFalse(Highlighting.hasRougeCode("a highlight of the year: ``` haskell is not at a line's start"));
    }

    /** A highlighting whose {@code PATH} is {@link #dir} alone, with the time limit given. */
    private Highlighting onPath(Duration limit, Position warningAt) {
        return Highlighting.withRouge(dir.toString(), limit, Highlighting.IDLE, "_config.yml", warningAt);
    }
}
