package org.sheaf.highlight;

import static org.sheaf.highlight.TokenType.*;

/**
 * A unified diff as Rouge colours it, line by line: headers, removed and added lines (with their
 * line break), hunk marks, and context lines plain.
 */
final class Diff extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        GRAMMAR.state("root")
                .rule("^(?:diff|index|Index:|=====)"
                        + ".*\\n?", GENERIC_HEADING)
                .rule("^\\+.*\\n?|^>.*\\n?", GENERIC_INSERTED)
                .rule("^-.*\\n?|^<.*\\n?", GENERIC_DELETED)
                .rule("^!.*\\n?", GENERIC_STRONG)
                .rule("^@@[^\\n]*?@@|^@.*", PUNCTUATION)
                .rule("^[A-Za-z].*\\n?", PUNCTUATION)
                .rule("^[\\\\*]+", ERROR)
                .rule(".*\\n?", TEXT);
    }

    Diff() {
        super("diff", "patch", "udiff");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
