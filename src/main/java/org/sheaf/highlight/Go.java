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
    private static final String FLOAT = "\\d+\\.\\d*(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+|\\.\\d+(?:[eE][+-]?\\d+)?";

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
                // the literals of Go before 1.13, as Rouge knows them: no 0b, 0o or digit separators
                .rule("(?:" + FLOAT + "|\\d+)i|" + FLOAT + "|0[xX][0-9a-fA-F]+|\\d+", NUMBER)
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
