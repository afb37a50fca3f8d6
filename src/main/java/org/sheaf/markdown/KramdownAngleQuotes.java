package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.internal.AngleQuoteDelimiterProcessor;
import com.vladsch.flexmark.ext.typographic.internal.TypographicOptions;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;

/**
 * {@code <<} and {@code >>} as kramdown writes them: a guillemet takes the space on its inner
 * side and writes a no-break space in its place ({@code << a >>} is {@code «&nbsp;a&nbsp;»}, the
 * space kept as the character), so a browser never breaks the line inside the quotes.
 */
final class KramdownAngleQuotes extends AngleQuoteDelimiterProcessor {
    private static final String NO_BREAK_SPACE = "\u00A0";

    KramdownAngleQuotes(TypographicOptions options) {
        super(options);
    }

    @Override
    public void process(Delimiter opener, Delimiter closer, int delimitersUsed) {
        super.process(opener, closer, delimitersUsed);
        if (!(opener.getNode().getNext() instanceof TypographicQuotes quotes)) {
            return;
        }
        if (quotes.getFirstChild() instanceof Text first && first.getChars().startsWith(" ")) {
            trim(first, 1, 0);
            quotes.setTypographicOpening(quotes.getTypographicOpening() + NO_BREAK_SPACE);
        }
        if (quotes.getLastChild() instanceof Text last && last.getChars().endsWith(" ")) {
            trim(last, 0, 1);
            quotes.setTypographicClosing(NO_BREAK_SPACE + quotes.getTypographicClosing());
        }
    }

    /** Cuts {@code start} characters from the front of {@code text} and {@code end} from its back. */
    private static void trim(Text text, int start, int end) {
        int length = text.getChars().length();
        if (length <= start + end) {
            text.unlink();
        } else {
            text.setChars(text.getChars().subSequence(start, length - end));
        }
    }
}
