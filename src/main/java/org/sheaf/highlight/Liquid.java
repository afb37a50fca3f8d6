package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

/**
 * Liquid as Rouge colours it, state for state as its lexer reads: the text between tags plain,
 * {@code {%}} and {@code {{}} marks as punctuation, tag names {@code nt} (conditionals
 * {@code kr}), variables {@code nv}, filters {@code nf}, parameters {@code na}, literals, and the
 * bodies of {@code comment} and {@code raw}. A tag or output ends every state open inside it; what
 * no state reads (a line break inside a tag) is an error token, as in Rouge.
 */
final class Liquid extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    /** Back to the text around the tags, from however deep inside one. */
    private static final String RESET = "#pop:1000";

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("[^{]+", TEXT)
                .rule("(\\{%-?)(\\s*)", groups(PUNCTUATION, WHITESPACE), "tag_or_block")
                .rule("(\\{\\{-?)(\\s*)", groups(PUNCTUATION, WHITESPACE), "output")
                .rule("\\{", TEXT);
        g.state("tag_or_block")
                .rule("(if|elsif|unless|case)\\b", KEYWORD_RESERVED, "condition")
                .rule("(when)\\b", KEYWORD_RESERVED, "when")
                .rule("(else)(\\s*)(-?%\\})", groups(KEYWORD_RESERVED, WHITESPACE, PUNCTUATION), "#pop")
                .rule("(capture|(?:in|de)crement)(\\s+)([^\\s%]+)(\\s*)(-?%\\})",
                        groups(NAME_TAG, WHITESPACE, NAME_VARIABLE, WHITESPACE, PUNCTUATION), "#pop")
                .rule("(comment)(\\s*)(-?%\\})", groups(NAME_TAG, WHITESPACE, PUNCTUATION), "comment")
                .rule("(raw)(\\s*)(-?%\\})", groups(NAME_TAG, WHITESPACE, PUNCTUATION), "raw")
                .rule("(end(?:if|unless|case))(\\s*)(-?%\\})", groups(KEYWORD_RESERVED, WHITESPACE, PUNCTUATION), "#pop")
                .rule("(end(?:[^\\s%]+))(\\s*)(-?%\\})", groups(NAME_TAG, WHITESPACE, PUNCTUATION), "#pop")
                .rule("(assign|echo)\\b", NAME_TAG, "assign")
                .rule("(include|render)\\b", NAME_TAG, "include")
                .rule("(cycle)(\\s+)(?:([^\\s:]*)(\\s*)(:))?(\\s*)", (m, lexing) -> {
                    lexing.emit(NAME_TAG, m.group(1));
                    lexing.emit(WHITESPACE, m.group(2));
                    lexing.emit(literalOr(m.group(3), NAME_ATTRIBUTE), m.group(3));
                    lexing.emit(WHITESPACE, m.group(4));
                    lexing.emit(PUNCTUATION, m.group(5));
                    lexing.emit(WHITESPACE, m.group(6));
                }, "variable_tag_markup")
                .rule("(for|tablerow)(\\s+)([\\w-]+)(\\s+)(in)(\\s+)((?:[^\\s%,|'\"]|(?:\"[^\"]*\"|'[^']*'))+)(\\s*)",
                        (m, lexing) -> {
                            lexing.emit(NAME_TAG, m.group(1));
                            lexing.emit(WHITESPACE, m.group(2));
                            lexing.emit(NAME_VARIABLE, m.group(3));
                            lexing.emit(WHITESPACE, m.group(4));
                            lexing.emit(NAME_TAG, m.group(5));
                            lexing.emit(WHITESPACE, m.group(6));
                            lexing.emit(literalOr(m.group(7), NAME_VARIABLE), m.group(7));
                            lexing.emit(WHITESPACE, m.group(8));
                        }, "tag_markup")
                .rule("([^\\s%]+)(\\s*)", groups(NAME_TAG, WHITESPACE), "tag_markup");
        g.state("output")
                .rule("(\\|)(\\s*)([a-zA-Z_][^\\s}|:]*)", groups(PUNCTUATION, WHITESPACE, NAME_FUNCTION), "filters")
                .include("end_of_tag")
                .include("generic");
        g.state("filters")
                .rule("(\\|)(\\s*)([a-zA-Z_][^\\s%}|:]*)", groups(PUNCTUATION, WHITESPACE, NAME_FUNCTION))
                .include("end_of_tag")
                .include("end_of_block")
                .include("variable_param_markup");
        g.state("condition")
                .rule("([=!]=|[<>]=?)", OPERATOR)
                .rule("(and|or|contains)\\b", OPERATOR_WORD)
                .include("end_of_block")
                .include("generic");
        g.state("when")
                .include("end_of_block")
                .include("generic");
        g.state("end_of_tag")
                .rule("-?\\}\\}", PUNCTUATION, RESET);
        g.state("end_of_block")
                .rule("-?%\\}", PUNCTUATION, RESET);
        g.state("param_markup")
                .include("whitespace")
                .include("keyword")
                .include("string")
                .include("number")
                .rule("([^\\s=:]+)(\\s*)(=|:)", groups(NAME_ATTRIBUTE, WHITESPACE, OPERATOR))
                .rule("[,:]", PUNCTUATION);
        g.state("default_param_markup")
                .include("param_markup")
                .rule("\\S+", TEXT);
        g.state("variable_param_markup")
                .include("param_markup")
                .include("variable")
                .rule("\\S+", TEXT);
        g.state("tag_markup")
                .rule("(reversed)\\b", NAME_ATTRIBUTE)
                .include("end_of_block")
                .include("default_param_markup");
        g.state("variable_tag_markup")
                .include("end_of_block")
                .include("variable_param_markup");
        g.state("keyword")
                .rule("(false|true|nil)\\b", KEYWORD_CONSTANT);
        g.state("variable")
                .rule("(empty|blank|forloop\\.[^\\s%}|:]+)\\b", NAME_BUILTIN)
                .rule("\\.(?=\\w)|\\[|\\]", PUNCTUATION)
                .rule("(first|last|size)\\b", NAME_FUNCTION)
                .rule("[a-zA-Z_][\\w-]*\\??", NAME_VARIABLE);
        g.state("string")
                .rule("'[^']*'", STRING_SINGLE)
                .rule("\"[^\"]*\"", STRING_DOUBLE);
        g.state("number")
                .rule("-", OPERATOR)
                .rule("\\d+\\.\\d+", NUMBER_FLOAT)
                .rule("\\d+", NUMBER_INTEGER);
        g.state("generic")
                .include("whitespace")
                .include("keyword")
                .include("string")
                .include("number")
                .include("variable");
        g.state("whitespace")
                .rule("[ \\t]+", WHITESPACE);
        g.state("comment")
                .rule("[^{]+", COMMENT)
                .rule("(\\{%-?)(\\s*)(endcomment)(\\s*)(-?%\\})",
                        groups(PUNCTUATION, WHITESPACE, NAME_TAG, WHITESPACE, PUNCTUATION), RESET)
                .rule("\\{", COMMENT);
        g.state("raw")
                .rule("[^{]+", TEXT)
                .rule("(\\{%-?)(\\s*)(endraw)(\\s*)(-?%\\})",
                        groups(PUNCTUATION, WHITESPACE, NAME_TAG, WHITESPACE, PUNCTUATION), RESET)
                .rule("\\{", TEXT);
        g.state("assign")
                .rule("=", OPERATOR)
                .rule("(\\|)(\\s*)([a-zA-Z_][^\\s%|:]*)", groups(PUNCTUATION, WHITESPACE, NAME_FUNCTION), "filters")
                .include("end_of_block")
                .include("generic");
        g.state("include")
                .rule("(\\{\\{-?)(\\s*)", groups(PUNCTUATION, WHITESPACE), "output_embed")
                .rule("(with|for)\\b", NAME_TAG)
                .rule("[/\\w-]+(\\.[\\w-]+)+\\b", TEXT)
                .include("variable_tag_markup");
        g.state("output_embed")
                .rule("(\\|)(\\s*)([a-zA-Z_][^\\s}|:]*)", groups(PUNCTUATION, WHITESPACE, NAME_FUNCTION))
                .rule("-?\\}\\}", PUNCTUATION, "#pop")
                .include("variable_param_markup");
    }

    /** A quoted literal's string type, as Rouge's {@code cycle} and {@code for} rules tell it; else {@code other}. */
    private static TokenType literalOr(String text, TokenType other) {
        if (text == null) {
            return other;
        }
        if (text.matches("(?s).*'[^']*'.*")) {
            return STRING_SINGLE;
        }
        return text.matches("(?s).*\"[^\"]*\".*") ? STRING_DOUBLE : other;
    }

    Liquid() {
        super("liquid");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
