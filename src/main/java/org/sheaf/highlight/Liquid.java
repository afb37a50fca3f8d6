package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

/**
 * Liquid as Rouge colours it: the text between tags plain, {@code {%}} and {@code {{}} marks as
 * punctuation, tag names {@code nt} (conditionals {@code kr}), variables {@code nv}, filters
 * {@code nf}, literals, and the bodies of {@code comment} and {@code raw}.
 */
final class Liquid extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("\\{%-?", PUNCTUATION, "tag")
                .rule("\\{\\{-?", PUNCTUATION, "output")
                .rule("[^{]+|\\{", TEXT);
        g.state("tag")
                .rule("(\\s*)(comment)(\\s*)(-?%\\})((?s:.*?))(\\{%-?)(\\s*)(endcomment)(\\s*)(-?%\\})",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, PUNCTUATION, COMMENT, PUNCTUATION, WHITESPACE, NAME_TAG,
                                WHITESPACE, PUNCTUATION), "#pop")
                .rule("(\\s*)(raw)(\\s*)(-?%\\})((?s:.*?))(\\{%-?)(\\s*)(endraw)(\\s*)(-?%\\})",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, PUNCTUATION, TEXT, PUNCTUATION, WHITESPACE, NAME_TAG,
                                WHITESPACE, PUNCTUATION), "#pop")
                .rule("(\\s*)(if|elsif|unless|case|when|else|endif|endunless|endcase)\\b", groups(WHITESPACE, KEYWORD_RESERVED),
                        "#pop", "expression")
                .rule("(\\s*)(for|tablerow)(\\s+)([\\w-]+)(\\s+)(in)(\\s+)([^\\s%}]+)",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, NAME_VARIABLE, WHITESPACE, NAME_TAG, WHITESPACE,
                                NAME_VARIABLE), "#pop", "expression")
                .rule("(\\s*)(include|include_relative|render)(\\s+)([^\\s%{}]+)",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, TEXT), "#pop", "parameters")
                .rule("(\\s*)(assign)(\\s+)([\\w.-]+)(\\s*)(=)",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, NAME_VARIABLE, WHITESPACE, OPERATOR), "#pop", "expression")
                .rule("(\\s*)(capture|increment|decrement)(\\s+)([\\w-]+)",
                        groups(WHITESPACE, NAME_TAG, WHITESPACE, NAME_VARIABLE), "#pop", "expression")
                .rule("(\\s*)([\\w-]+)", groups(WHITESPACE, NAME_TAG), "#pop", "expression");
        g.state("output")
                .rule("-?\\}\\}", PUNCTUATION, "#pop")
                .include("values");
        g.state("expression")
                .rule("-?%\\}", PUNCTUATION, "#pop")
                .include("values");
        g.state("parameters")
                .rule("-?%\\}", PUNCTUATION, "#pop")
                .rule("\\s+", WHITESPACE)
                .rule("([\\w-]+)(=)", groups(NAME_ATTRIBUTE, OPERATOR))
                .rule("\"[^\"]*\"", STRING_DOUBLE)
                .rule("'[^']*'", STRING_SINGLE)
                .rule("[^\\s%\"'=-]+|[%=-]", TEXT);
        g.state("values")
                .rule("\\s+", WHITESPACE)
                .rule("(\\|)(\\s*)([\\w-]+)", groups(PUNCTUATION, WHITESPACE, NAME_FUNCTION))
                .rule("\"[^\"]*\"", STRING_DOUBLE)
                .rule("'[^']*'", STRING_SINGLE)
                .rule("-?\\d+\\.\\d+", NUMBER_FLOAT)
                .rule("-?\\d+", NUMBER_INTEGER)
                .rule("(?:true|false|nil|null|empty|blank)\\b", KEYWORD_CONSTANT)
                .rule("(?:and|or|contains)\\b", OPERATOR_WORD)
                .rule("forloop\\.\\w+|tablerowloop\\.\\w+", NAME_BUILTIN)
                .rule("(\\.)(size|first|last)\\b", groups(PUNCTUATION, NAME_FUNCTION))
                .rule("(\\w+)(:|=)", groups(NAME_ATTRIBUTE, OPERATOR))
                .rule("[\\w-]+", NAME_VARIABLE)
                .rule("==|!=|<>|<=|>=|[<>=]", OPERATOR)
                .rule("[.:,\\[\\]()]", PUNCTUATION);
    }

    Liquid() {
        super("liquid");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
