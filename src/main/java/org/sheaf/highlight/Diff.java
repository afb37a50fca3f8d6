package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

/**
 * A unified diff as Rouge colours it, line by line: headers, removed and added lines (with their
 * line break), hunk marks, and context lines plain.
 */
final class Diff extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        // a line is classed by its first character alone; a line that starts with none of these
        // (a row of `*` in a context diff) is an error up to its line break, which, with the line
        // after it, is plain text
        GRAMMAR.state("root")
                .rule("^ .*\\n?", TEXT)
                .rule("^---$\\n?", PUNCTUATION)
                .rule("^[+>]+.*\\n?", GENERIC_INSERTED)
                .rule("^[-<]+.*\\n?", GENERIC_DELETED)
                .rule("^!.*\\n?", GENERIC_STRONG)
                .rule("^(?:[Ii]ndex|diff).*\\n?", GENERIC_HEADING)
                .rule("^(@@[^@]*@@)([^\\n]*\\n)", groups(PUNCTUATION, TEXT))
                .rule("^\\w.*\\n?", PUNCTUATION)
                .rule("^=.*\\n?", GENERIC_HEADING)
                .rule("\\s.*\\n?", TEXT);
    }

    Diff() {
        super("diff", "patch", "udiff");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
