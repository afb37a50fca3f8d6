package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.words;
import static org.sheaf.highlight.TokenType.*;

/**
 * Python as Rouge colours it: keywords, {@code in}/{@code and}/{@code not}/{@code or}/{@code is}
 * as operator words, builtins and exceptions, {@code self}, {@code None}, {@code True},
 * {@code False} as pseudo builtins, imported modules as namespaces, strings with their prefix as
 * an affix, escapes outside raw strings, and f-strings' {@code {...}} parts.
 */
final class Python extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    /** What lexes the code inside an f-string's replacement field. */
    private static final Python FIELD = new Python();
    private static final String KEYWORDS = words("assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "exec", "finally", "for", "from", "global", "if", "lambda", "nonlocal", "pass",
            "print", "raise", "return", "try", "while", "with", "yield", "as");
    private static final String BUILTINS = words("__import__", "abs", "all", "any", "ascii", "bin", "bool", "bytearray",
            "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod",
            "enumerate", "eval", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex",
            "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview",
            "min", "next", "object", "oct", "open", "ord", "pow", "property", "range", "repr", "reversed", "round", "set",
            "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
            "file", "unicode", "long", "xrange", "raw_input", "reduce", "unichr", "basestring", "cmp", "execfile", "intern",
            "reload", "apply", "buffer", "coerce", "exit",
            "NotImplemented", "[A-Z]\\w*(?:Error|Exception|Warning)", "StopIteration", "StopAsyncIteration",
            "KeyboardInterrupt", "SystemExit", "GeneratorExit");
    private static final String PSEUDO = words("self", "None", "True", "False", "Ellipsis");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("\\s+", TEXT)
                .rule("#.*\\n?", COMMENT_SINGLE)
                .rule("\\\\\\n", TEXT)
                .rule("(def)(\\s+)(\\w+)", groups(KEYWORD, TEXT, NAME_FUNCTION))
                .rule("(class)(\\s+)(\\w+)", groups(KEYWORD, TEXT, NAME_CLASS))
                .rule("(from)(\\s+)([\\w.]+)(\\s+)(import)\\b", groups(KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE, TEXT,
                        KEYWORD_NAMESPACE))
                .rule("(import)(\\s+)([\\w.]+)", groups(KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE))
                .rule("(?i)(f|fr|rf)(\"\"\"|'''|\"|')", (m, lexing) -> string(m.group(1), m.group(2), lexing))
                .rule("(?i)(r|br|rb|b|u)?(\"\"\"|'''|\"|')", (m, lexing) -> string(m.group(1), m.group(2), lexing))
                .rule(KEYWORDS, KEYWORD)
                .rule(words("in", "and", "not", "or", "is"), OPERATOR_WORD)
                .rule(PSEUDO, NAME_BUILTIN_PSEUDO)
                .rule(BUILTINS, NAME_BUILTIN)
                .rule("[a-zA-Z_]\\w*", NAME)
                .rule("0[xX][0-9a-fA-F_]+", NUMBER_HEX)
                .rule("0[oO][0-7_]+", NUMBER_OCT)
                .rule("0[bB][01_]+", NUMBER_BIN)
                .rule("\\d[\\d_]*\\.[\\d_]*(?:[eE][+-]?\\d+)?[jJ]?|\\d[\\d_]*[eE][+-]?\\d+[jJ]?|\\d[\\d_]*[jJ]", NUMBER_FLOAT)
                .rule("\\d+[lL]", NUMBER_INTEGER_LONG)
                .rule("\\d[\\d_]*", NUMBER_INTEGER)
                .rule("\\.\\.\\.", PUNCTUATION)
                .rule("\\*\\*=?|//=?|<<=?|>>=?|->|<>|[-+*/%&|^@<>=!]=|[-+*/%&|^~<>=@]", OPERATOR)
                .rule("[()\\[\\]{},:;.]", PUNCTUATION);
        for (String quote : new String[] {"\"\"\"", "'''", "\"", "'"}) {
            String q = quote.replace("\"", "\\\"");
            // runs of plain characters, and one quote or brace at a time, so no pattern recurses per character
            String chars = quote.length() == 3 ? "[^\\\\{}\"']+|[\"']" : "[^\\\\{}" + q.charAt(q.length() - 1) + "\\n]+";
            String name = "q" + quote.length() + (quote.charAt(0) == '"' ? "d" : "s");
            g.state(name + "-plain")
                    .rule(q, STRING, "#pop")
                    .rule("\\\\.", STRING_ESCAPE)
                    .rule(chars.replace("{}", "") + "|[{}\\\\]", STRING);
            g.state(name + "-raw")
                    .rule(q, STRING, "#pop")
                    .rule("\\\\.", STRING)
                    .rule(chars.replace("{}", "") + "|[{}\\\\]", STRING);
            g.state(name + "-f")
                    .rule(q, STRING, "#pop")
                    .rule("\\{\\{|\\}\\}", STRING)
                    .rule("\\{", STRING_INTERPOL, "fexpr")
                    .rule("\\\\.", STRING_ESCAPE)
                    .rule(chars + "|[}\\\\]", STRING);
            g.state(name + "-fr")
                    .rule(q, STRING, "#pop")
                    .rule("\\{\\{|\\}\\}", STRING)
                    .rule("\\{", STRING_INTERPOL, "fexpr")
                    .rule(chars + "|[}\\\\]", STRING);
        }
        // Rouge lexes each run of an f-string's field apart, with a fresh lexer, and counts the
        // braces of a nested field ({x:{width}.{prec}}) in the format spec itself
        g.state("fexpr")
                .rule("[^{}!:]+", (m, lexing) -> lexing.delegateFresh(FIELD, m.group()))
                .rule("![asr]|:", STRING_INTERPOL)
                .rule("\\{", STRING_INTERPOL, "fexpr")
                .rule("\\}", STRING_INTERPOL, "#pop");
    }

    Python() {
        super("python", "py");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void string(String prefix, String quote, Lexing lexing) {
        String p = prefix == null ? "" : prefix.toLowerCase(java.util.Locale.ROOT);
        lexing.emit(STRING_AFFIX, prefix);
        lexing.emit(STRING, quote);
        String name = "q" + quote.length() + (quote.charAt(0) == '"' ? "d" : "s");
        String kind = p.contains("f") ? (p.contains("r") ? "-fr" : "-f") : p.contains("r") ? "-raw" : "-plain";
        lexing.push(name + kind);
    }
}
