package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.words;
import static org.sheaf.highlight.TokenType.*;

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
    private static final Pattern KEYWORD_WORD = Pattern.compile(words("is", "namespace", "readonly", "static",
            "implements", "private", "protected", "public"));
    private static final Pattern DECLARATION_WORD = Pattern.compile(words("type", "abstract"));
    private static final Pattern RESERVED_WORD = Pattern.compile(words("declare", "module", "keyof", "string",
            "number", "any"));
    private static final Pattern BUILTIN_WORD = Pattern.compile(words("global", "Record", "Partial", "Readonly", "Pick"));

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
        if (KEYWORD_WORD.matcher(word).matches()) {
            type = KEYWORD;
        } else if (DECLARATION_WORD.matcher(word).matches()) {
            type = KEYWORD_DECLARATION;
        } else if (RESERVED_WORD.matcher(word).matches()) {
            type = KEYWORD_RESERVED;
        } else if (BUILTIN_WORD.matcher(word).matches()) {
            type = NAME_BUILTIN;
        } else {
            type = classify(word);
        }
        lexing.emit(type, word);
    }
}
