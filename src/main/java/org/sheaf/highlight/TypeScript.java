package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeScript as Rouge colours it: JavaScript's rules, with decorators, optional members
 * ({@code name?: T}), and TypeScript's own words: its declarations ({@code type}, {@code abstract}),
 * its modifiers and operators as keywords, and the primitive types {@code string}, {@code number}
 * and {@code any} as reserved words (the other primitive types stay plain names, as in Rouge).
 */
final class TypeScript extends JavaScript {
    private static final Grammar GRAMMAR = grammar(true, TypeScript::name);
    private static final Set<String> KEYWORD_WORD = wordSet("is", "namespace", "readonly", "static",
            "implements", "private", "protected", "public");
    private static final Set<String> DECLARATION_WORD = wordSet("type", "abstract");
    private static final Set<String> RESERVED_WORD = wordSet("declare", "module", "keyof", "string",
            "number", "any");
    private static final Set<String> BUILTIN_WORD = wordSet("global", "Record", "Partial", "Readonly", "Pick");

    TypeScript() {
        super("typescript", "ts");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void name(Matcher m, Lexing lexing) {
        String word = m.group();
        TokenType type;
        if (KEYWORD_WORD.contains(word)) {
            type = KEYWORD;
        } else if (DECLARATION_WORD.contains(word)) {
            type = KEYWORD_DECLARATION;
        } else if (RESERVED_WORD.contains(word)) {
            type = KEYWORD_RESERVED;
        } else if (BUILTIN_WORD.contains(word)) {
            type = NAME_BUILTIN;
        } else {
            type = classify(word);
        }
        lexing.emit(type, word);
    }
}
