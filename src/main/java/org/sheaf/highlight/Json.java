package org.sheaf.highlight;

import static org.sheaf.highlight.TokenType.*;

/**
 * JSON as Rouge colours it: keys {@code nl}, string values {@code s2} with their escapes,
 * integers and floats apart, {@code true}, {@code false} and {@code null} as constants, and
 * whitespace as its own token ({@code w}).
 */
final class Json extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        GRAMMAR.state("root")
                .rule("\\s+", WHITESPACE)
                .rule("\"(?:[^\"\\\\]++|\\\\.)*+\"(?=\\s*:)", NAME_LABEL)
                .rule("\"", STRING_DOUBLE, "string")
                .rule("(?:true|false|null)\\b", KEYWORD_CONSTANT)
                .rule("-?\\d+\\.\\d+(?:[eE][+-]?\\d+)?", NUMBER_FLOAT)
                .rule("-?\\d+(?:[eE][+-]?\\d+)?", NUMBER_INTEGER)
                .rule("[{}\\[\\],:]", PUNCTUATION);
        GRAMMAR.state("string")
                .rule("[^\"\\\\]+", STRING_DOUBLE)
                .rule("\\\\.", STRING_ESCAPE)
                .rule("\"", STRING_DOUBLE, "#pop");
    }

    Json() {
        super("json");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
