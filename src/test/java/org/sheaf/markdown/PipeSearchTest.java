package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import org.junit.jupiter.api.Test;

class PipeSearchTest {
    @Test
    void findsAPipeInEachParagraphAskedInAnyOrder() {
        String text = "a | b\n\nno pipe\n\nnone here\n\nc|d\n\nlast";
        BasedSequence document = BasedSequence.of(text);
        // a slice of a string, as flexmark's paragraphs are, which the search reads directly
        assertTrue(document instanceof SubSequence && document.getBase() instanceof String);
        PipeSearch pipes = new PipeSearch();
        int[][] paragraphs = {{0, 5}, {7, 14}, {16, 25}, {27, 30}, {32, 36}, {7, 14}, {0, 5}, {27, 30}};
        for (int[] paragraph : paragraphs) {
            BasedSequence chars = document.subSequence(paragraph[0], paragraph[1]);
            assertEquals(chars.toString().contains("|"), pipes.in(chars), chars.toString());
        }
        assertTrue(pipes.in(document));
        assertFalse(new PipeSearch().in(BasedSequence.of("no pipe at all")));
    }
}
