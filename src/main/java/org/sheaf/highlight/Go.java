package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.words;
import static org.sheaf.highlight.TokenType.*;

/**
 * Go as Rouge colours it: keywords, builtin types and functions, {@code nil}, {@code true},
 * {@code false} and {@code iota} as constants, every number {@code m}, strings (raw ones too)
 * {@code s}, runes {@code sc}, and a comment {@code c}.
 */
final class Go extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        GRAMMAR.state("root")
                .rule("\\s+", TEXT)
                .slashComments(COMMENT, COMMENT)
                .rule(words("break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
                        "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
                        "struct", "switch", "type", "var"), KEYWORD)
                .rule(words("bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int8", "int16",
                        "int32", "int64", "int", "rune", "string", "uint8", "uint16", "uint32", "uint64", "uintptr",
                        "uint", "any"), KEYWORD_TYPE)
                .rule(words("append", "cap", "close", "complex", "copy", "delete", "imag", "len", "make", "new", "panic",
                        "print", "println", "real", "recover"), NAME_BUILTIN)
                .rule(words("nil", "true", "false", "iota"), NAME_CONSTANT)
                .rule("[a-zA-Z_]\\w*", NAME)
                .rule("0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|(?:\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?i?",
                        NUMBER)
                .rule("'(?:\\\\.|\\\\[0-7]{3}|\\\\x[0-9a-fA-F]{2}|\\\\u[0-9a-fA-F]{4}|[^'\\\\])'", STRING_CHAR)
                .rule("`[^`]*`", STRING)
                .rule("\"", STRING, "string")
                .rule("<<=|>>=|&\\^=|\\.\\.\\.|&&|\\|\\||<-|\\+\\+|--|==|!=|<=|>=|:=|<<|>>|&\\^|[-+*/%&|^]=|[-+*/%&|^<>=!.:~]",
                        OPERATOR)
                .rule("[()\\[\\]{},;]", PUNCTUATION);
        GRAMMAR.state("string")
                .rule("\\\\(?:[abfnrtv\\\\'\"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})", STRING_ESCAPE)
                .rule("[^\"\\\\\\n]+|\\\\", STRING)
                .rule("\"", STRING, "#pop");
    }

    Go() {
        super("go", "golang");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
