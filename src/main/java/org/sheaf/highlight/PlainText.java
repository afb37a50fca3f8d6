package org.sheaf.highlight;

/** Rouge's {@code plaintext}: the whole code one untyped token, so no spans. */
final class PlainText extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        GRAMMAR.state("root").rule("(?s).+", TokenType.TEXT);
    }

    PlainText() {
        super("plaintext", "text");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
