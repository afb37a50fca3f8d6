package org.sheaf.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Whether the paragraphs of one document hold a pipe, for the table pre-processors, which ask it
 * of every paragraph. The document's string is searched forward from where a paragraph starts,
 * and the pipe found is kept for the paragraphs before it: flexmark hands paragraphs over in the
 * order of the text, so the document is read about once, however many paragraphs it has. One
 * per document and pre-processor; not thread-safe.
 */
final class PipeSearch {
    /** The string last searched, where the search began and the first pipe from there, or -1. */
    private String text;
    private int from;
    private int pipe;

    /** Whether {@code chars} holds a pipe. */
    boolean in(BasedSequence chars) {
        if (!(chars instanceof SubSequence && chars.getBase() instanceof String base)) {
            return chars.indexOf('|') >= 0;
        }
        int start = chars.getStartOffset();
        // no pipe lies between from and pipe, so it is the first from any start up to it
        if (base != text || start < from || pipe >= 0 && start > pipe) {
            text = base;
            from = start;
            pipe = base.indexOf('|', start);
        }
        return pipe >= 0 && pipe < chars.getEndOffset();
    }
}
